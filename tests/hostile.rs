//! Untrusted input: random bytes, structured pages with hostile lines and mutated real pages go
//! through the parser and the store (no panic, nothing lost silently, every field safe once made
//! inert); odd corpora on disk load or are skipped without hanging (`hostile/corpora.rs`), files that lie
//! about their size, type, place or encoding are read safely (`hostile/files.rs`); the
//! command line survives closed pipes and unwritable outputs (`hostile/cli.rs`).

#[path = "hostile/cli.rs"]
mod cli;
#[path = "hostile/corpora.rs"]
mod corpora;
#[path = "hostile/exercise.rs"]
mod exercise;
#[path = "hostile/files.rs"]
mod files;
#[path = "common/gen.rs"]
mod generator;
#[path = "common/rng.rs"]
mod rng;
#[path = "hostile/screen.rs"]
mod screen;

use std::sync::OnceLock;

use liseuse::article::Article;
use liseuse::fold::fold_compact;
use liseuse::ingest::page::parse_page;
use liseuse::store::Store;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Fragments a hostile page might hold: terminal sequences (OSC title and clipboard, CSI, DCS,
/// APC, 8-bit CSI and OSC), lone controls, bidi and zero-width characters, and pieces of page
/// structure that steer the parser (headers, credits, markers, datelines, sign-offs).
const HOSTILE: [&str; 32] = [
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}[2J",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{1b}P+q544e\u{1b}\\",
    "\u{1b}_apc\u{1b}\\",
    "\u{1b}[6n",
    "\u{1b}[?1049l",
    "\u{9b}2J",
    "\u{9d}0;x\u{9c}",
    "\u{85}",
    "\u{7f}",
    "\u{0}",
    "\u{8}\u{8}\u{8}",
    "\t",
    "\r",
    "\u{b}\u{c}",
    "\u{202e}droite\u{202c}",
    "\u{2066}\u{2067}\u{2068}\u{2069}",
    "\u{200b}\u{200d}\u{2060}\u{feff}",
    "\u{301}\u{301}",
    "漢字",
    "Voir plus",
    ">> ",
    "» Lire aussi",
    " Photo : VNA",
    "(Photo: Xinhua/VNA)",
    " ảnh 1",
    "Hanoï (VNA) – ",
    "-VNA",
    "\n",
    "\n\n",
    "Partager",
];

/// The bundled pages and two generated ones: real structure to mutate.
fn samples() -> &'static [String] {
    static SAMPLES: OnceLock<Vec<String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let mut pages: Vec<String> = liseuse::ingest::load_bundled()
            .pages
            .iter()
            .flat_map(|a| &a.sources)
            .map(|source| std::fs::read_to_string(source).expect("bundled pages are in data/"))
            .collect();
        pages.extend(generator::corpus(2, 7).into_iter().map(|p| p.text));
        pages
    })
}

/// The samples parsed, untouched: the other pages of a store holding a mutated one.
fn sample_articles() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(|| {
        samples()
            .iter()
            .filter_map(|s| parse_page(s, "sample.txt").article)
            .collect()
    })
}

/// One edit of a page, by offsets taken modulo its length.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, &'static str),
    Delete(usize, usize),
    DuplicateLine(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), select(&HOSTILE[..])).prop_map(|(at, s)| Mutation::Insert(at, s)),
        1 => (any::<usize>(), 0..400usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// The nearest char boundary at or before `at % (len + 1)`.
fn boundary(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(text: &mut String, mutation: &Mutation) {
    match *mutation {
        Mutation::Insert(at, fragment) => {
            let at = boundary(text, at);
            text.insert_str(at, fragment);
        }
        Mutation::Delete(at, n) => {
            let start = boundary(text, at);
            let mut end = (start + n).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(start..end, "");
        }
        Mutation::DuplicateLine(n) => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                // Cut to nothing by an earlier mutation: no line to repeat.
                return;
            }
            let line = lines[n % lines.len()].to_owned();
            let at = lines[..n % lines.len()].iter().map(|l| l.len()).sum();
            text.insert_str(at, &line);
        }
        Mutation::Truncate(at) => {
            let at = boundary(text, at);
            text.truncate(at);
        }
    }
}

/// Words for structured pages: French, Vietnamese and wide letters, with control and
/// invisible characters glued inside. None of them can be read as page structure (no header,
/// credit, marker, dateline, sign-off or furniture word), so every line must reach the article.
const WORDS: [&str; 24] = [
    "coopération",
    "l’amitié",
    "Nguyễn",
    "Đà\u{A0}Nẵng",
    "échanges",
    "2026",
    "«\u{A0}confiance\u{A0}»",
    "漢字",
    "pwn\u{1b}]0;titre\u{7}ed",
    "efface\u{1b}[2J",
    "presse\u{1b}]52;c;QUJD\u{7}papier",
    "dcs\u{1b}Pq#0\u{1b}\\",
    "csi\u{9b}31m",
    "\u{202e}inversé\u{202c}",
    "iso\u{2067}lé\u{2069}",
    "zéro\u{200b}largeur",
    "tab\tulation",
    "sup\u{7f}primer",
    "nul\u{0}octet",
    "cloche\u{7}",
    "saut\u{c}page",
    "ligne\u{85}suivante",
    "e\u{301}",
    "a",
];

/// A line of 3–14 words.
fn line() -> impl Strategy<Value = String> {
    vec(select(&WORDS[..]), 3..15).prop_map(|words| words.join(" "))
}

/// Lines that are all different once folded (the parser rightly drops a repeat of the title or
/// the lead), joined by any kind of line end.
fn structured_page() -> impl Strategy<Value = (Vec<String>, String)> {
    (
        vec(line(), 1..12),
        select(&["\n", "\r\n", "\r", "\n\n", "\n \n"][..]),
    )
        .prop_map(|(lines, end)| {
            let mut seen = std::collections::HashSet::new();
            let lines: Vec<String> = lines
                .into_iter()
                .filter(|l| seen.insert(fold_compact(l)))
                .collect();
            let text = lines.join(end);
            (lines, text)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The fuzz target's body, on bytes biased towards the ones that matter.
    #[test]
    fn arbitrary_bytes_never_panic_and_stay_inert(
        data in vec(prop_oneof![
            4 => any::<u8>(),
            2 => select(&b"\x1b[]0;\x07\\P\r\n\t\xc2\x9b\xe2\x80\xae"[..]),
            1 => Just(b'\n'),
        ], 0..2000)
    ) {
        exercise::bytes(&data);
    }

    #[test]
    fn arbitrary_strings_never_panic_and_stay_inert(text in any::<String>()) {
        exercise::text(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// No line of plain prose is lost: with no structure to recognise, the first line is the
    /// title, the second the lead, and the rest are paragraphs, each kept exactly, controls and
    /// all (the store is exact; `inert` works at the edge).
    #[test]
    fn prose_lines_with_controls_are_all_kept_exactly((lines, text) in structured_page()) {
        exercise::text(&text);
        let article = parse_page(&text, "p.txt").article.expect("a page with text has a title");
        let mut kept = vec![article.title.clone(), article.lead.clone()];
        kept.extend(article.paragraphs.iter().cloned());
        kept.retain(|k| !k.is_empty());
        let expected: Vec<String> = lines.iter().map(|l| l.trim().to_owned()).collect();
        prop_assert_eq!(kept, expected);
    }

    /// Real pages with hostile fragments, deletions, repeats and cuts: no panic, safe fields,
    /// and the store built with the untouched pages stays consistent.
    #[test]
    fn mutated_pages_never_panic_and_stay_inert(
        which in any::<usize>(),
        mutations in vec(mutation(), 1..10),
    ) {
        let samples = samples();
        let mut text = samples[which % samples.len()].clone();
        for m in &mutations {
            mutate(&mut text, m);
        }
        exercise::text(&text);
        let mut pages = sample_articles().to_vec();
        pages.extend(parse_page(&text, "mutated.txt").article);
        let (store, _) = Store::from_pages(pages);
        exercise::check_store(&store);
    }

    /// Several hostile pages in one batch, then another batch: links between them resolve,
    /// summaries are upgraded in place, and every link keeps its backlink.
    #[test]
    fn stores_of_hostile_pages_stay_consistent(
        first in vec(vec(prop_oneof![line(), select(&HOSTILE[..]).prop_map(str::to_owned)], 1..8), 1..5),
        second in vec(vec(prop_oneof![line(), select(&HOSTILE[..]).prop_map(str::to_owned)], 1..8), 0..4),
    ) {
        let parse = |pages: &Vec<Vec<String>>| -> Vec<Article> {
            pages
                .iter()
                .enumerate()
                .filter_map(|(n, lines)| parse_page(&lines.join("\n"), &format!("{n}.txt")).article)
                .collect()
        };
        let (mut store, _) = Store::from_pages(parse(&first));
        exercise::check_store(&store);
        let before = store.len();
        store.add_batch(parse(&second));
        prop_assert!(store.len() >= before);
        exercise::check_store(&store);
    }
}

#[test]
fn generated_corpus_is_deterministic_and_well_formed() {
    let a = generator::corpus(20, 1);
    let b = generator::corpus(20, 1);
    assert!(
        a.iter()
            .zip(&b)
            .all(|(x, y)| x.name == y.name && x.text == y.text)
    );
    let pages: Vec<Article> = a
        .iter()
        .map(|p| {
            let parsed = parse_page(&p.text, &p.name);
            assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
            parsed.article.expect("a title")
        })
        .collect();
    for (page, article) in a.iter().zip(&pages) {
        let body: usize = article.paragraphs.iter().map(String::len).sum();
        assert!(
            (4096..=8192).contains(&body),
            "{}: {body} bytes of body",
            page.name
        );
        assert_eq!(article.related.len(), 8);
        assert_eq!(article.photos.len(), 1);
        assert!(article.dateline.is_some() && article.signoff.is_some());
        assert!(article.photos[0].credit.contains("VNA"));
    }
    let (store, duplicates) = Store::from_pages(pages);
    assert!(duplicates.is_empty());
    exercise::check_store(&store);
    // About one entry in ten names an article no page holds.
    let missing = store.len() - store.full_count();
    assert!(
        (2..=40).contains(&missing),
        "{missing} summary-only articles"
    );
    assert!(
        store.ids().all(|id| !store.targets(id).contains(&id)),
        "no page links to itself"
    );
}
