//! Search as a user meets it: the folding (both ways), words, phrases, prefixes and exclusions
//! on the sample pages and a generated corpus, title matches first, the index kept across runs
//! (a changed page picked up, a damaged index rebuilt), and `liseuse search` with its output
//! and exit codes, hostile text staying inert.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/pty.rs"]
mod harness;
#[path = "search/reader.rs"]
mod reader;
#[path = "common/rng.rs"]
mod rng;
#[path = "common/synthetic.rs"]
mod synthetic;
#[path = "common/search.rs"]
mod worker;

use std::path::Path;
use std::process::Command;

use liseuse::article::Article;
use liseuse::ingest;
use liseuse::search::{Query, SearchIndex, snippet};
use liseuse::store::Store;

/// The keys of the pages of `store` matching `query`, best first (a fresh index in memory).
fn found(store: &Store, query: &str) -> Vec<String> {
    let mut index = SearchIndex::in_memory().unwrap();
    index
        .add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
        .unwrap();
    index.commit().unwrap();
    let (hits, _) = index.searcher().search(&Query::parse(query), 1000).unwrap();
    hits.into_iter().map(|h| h.key).collect()
}

fn page(title: &str, body: &str) -> Article {
    let mut page = Article::new(title);
    page.paragraphs = vec![body.to_owned()];
    page
}

fn store_of(pages: Vec<Article>) -> Store {
    Store::from_pages(pages).0
}

#[test]
fn folding_finds_every_spelling_both_ways() {
    let pairs = [
        ("hanoi", "Hanoï"),
        ("l'occasion", "l’occasion"),
        ("to lam", "Tô Lâm"),
        ("oeuvre", "œuvre"),
        ("vietnam laos", "Vietnam–Laos"),
        ("26e", "26ᵉ"),
        ("ete", "Été"),
    ];
    for (typed, written) in pairs {
        for (query, text) in [(typed, written), (written, typed)] {
            let store = store_of(vec![
                page("Une page", &format!("Il est écrit ici : {text}, voilà.")),
                page("Une autre", "Rien à voir."),
            ]);
            assert_eq!(found(&store, query), ["une-page"], "{query:?} in {text:?}");
        }
    }
}

#[test]
fn words_all_match_phrases_keep_order_and_exclusions_exclude() {
    let store = store_of(vec![
        page("Un", "le Laos et le Vietnam signent un accord"),
        page("Deux", "le Vietnam et le Laos"),
        page("Trois", "le Laos seul, avec la Chine"),
    ]);
    assert_eq!(found(&store, "laos vietnam ").len(), 2);
    assert_eq!(found(&store, "\"laos et le vietnam\""), ["un"]);
    assert_eq!(found(&store, "laos -chine ").len(), 2);
    assert!(!found(&store, "laos -chine ").contains(&"trois".to_owned()));
    assert_eq!(found(&store, "acc"), ["un"], "the last word is a prefix");
    assert!(found(&store, "acc ").is_empty(), "a finished word is not");
    assert!(
        found(&store, "-laos").is_empty(),
        "exclusions alone find nothing"
    );
}

#[test]
fn a_title_match_ranks_first() {
    let store = store_of(vec![
        page(
            "Le commerce",
            "On parle du Cambodge ici, du Cambodge là, du Cambodge encore.",
        ),
        page("Le Cambodge", "Un seul mot sur le pays."),
    ]);
    assert_eq!(found(&store, "cambodge")[0], "le-cambodge");
}

#[test]
fn the_sample_pages_find_laos_and_to_lam() {
    let loaded = ingest::load_bundled();
    let store = store_of(loaded.pages);
    let laos = found(&store, "laos");
    let mentions: Vec<String> = store
        .ids()
        .filter(|&id| {
            let a = store.body(id);
            let text = format!(
                "{} {} {} {}",
                a.title,
                a.lead,
                a.paragraphs.join(" "),
                a.related
                    .iter()
                    .map(|l| format!("{} {}", l.title, l.summary))
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            text.to_lowercase().contains("laos")
        })
        .map(|id| store.key(id))
        .collect();
    let mut sorted = laos.clone();
    sorted.sort();
    let mut want = mentions.clone();
    want.sort();
    assert!(!want.is_empty());
    assert_eq!(sorted, want);
    assert!(!found(&store, "to lam").is_empty());
}

#[test]
fn a_generated_corpus_answers_phrases_and_prefixes() {
    let store = synthetic::store(60, 11);
    let hanoi = found(&store, "hanoi ");
    assert!(!hanoi.is_empty());
    for key in &hanoi {
        let a = store.body(store.find_key(key).unwrap());
        let q = Query::parse("hanoi ");
        let hit = !q.matches(&a.title).is_empty()
            || a.paragraphs.iter().any(|p| !q.matches(p).is_empty())
            || !q.matches(&a.lead).is_empty()
            || a.photos.iter().any(|p| !q.matches(&p.caption).is_empty())
            || a.related
                .iter()
                .any(|l| !q.matches(&l.title).is_empty() || !q.matches(&l.summary).is_empty());
        assert!(hit, "{key} does not say Hanoï");
    }
    let prefix = found(&store, "han");
    assert!(prefix.len() >= hanoi.len());
    assert!(found(&store, "\"delta du mekong\"").len() <= found(&store, "delta mekong ").len());
}

#[test]
fn the_index_survives_a_restart_and_picks_up_a_change() {
    let cache = tempfile::tempdir().unwrap();
    let store = store_of(vec![page("Un", "le Laos"), page("Deux", "le Vietnam")]);
    let docs = |s: &Store| {
        s.ids()
            .map(|id| (s.key(id), s.detached(id)))
            .collect::<Vec<_>>()
    };
    {
        let mut index = SearchIndex::open(cache.path()).unwrap();
        let d = docs(&store);
        assert_eq!(index.add_detached(d.iter().cloned()).unwrap(), 2);
        index.commit().unwrap();
    }
    let changed = store_of(vec![page("Un", "le Cambodge"), page("Deux", "le Vietnam")]);
    let mut index = SearchIndex::open(cache.path()).unwrap();
    assert_eq!(index.len(), 2, "the pages indexed are known again");
    let d = docs(&changed);
    assert_eq!(
        index.add_detached(d.iter().cloned()).unwrap(),
        1,
        "only the changed page is indexed again"
    );
    index.commit().unwrap();
    let searcher = index.searcher();
    let keys = |q: &str| -> Vec<String> {
        searcher
            .search(&Query::parse(q), 10)
            .unwrap()
            .0
            .into_iter()
            .map(|h| h.key)
            .collect()
    };
    assert!(keys("laos ").is_empty());
    assert_eq!(keys("cambodge "), ["un"]);
    assert_eq!(searcher.pages(), 2, "never the same page twice");
}

#[test]
fn a_damaged_index_is_rebuilt() {
    let cache = tempfile::tempdir().unwrap();
    let store = store_of(vec![page("Un", "le Laos")]);
    {
        let mut index = SearchIndex::open(cache.path()).unwrap();
        index
            .add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
            .unwrap();
        index.commit().unwrap();
    }
    let dir = cache.path().join(liseuse::search::FOLDER);
    damage(&dir);
    let mut index = SearchIndex::open(cache.path()).unwrap();
    assert_eq!(index.len(), 0, "nothing trusted from a damaged index");
    index
        .add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
        .unwrap();
    index.commit().unwrap();
    assert_eq!(
        index.searcher().search(&Query::parse("laos"), 5).unwrap().1,
        1
    );
}

/// Overwrites the middle of every file of the index but its lock.
fn damage(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().contains("lock") {
            continue;
        }
        let mut bytes = std::fs::read(&path).unwrap();
        let mid = bytes.len() / 2;
        for b in bytes.iter_mut().skip(mid).take(16) {
            *b ^= 0x5a;
        }
        std::fs::write(&path, bytes).unwrap();
    }
}

#[test]
fn a_hostile_snippet_stays_inert() {
    let text = "Le Laos\u{1b}[2J\u{1b}]0;pwned\u{7} et \u{9b}31m la suite";
    let s = snippet(&Query::parse("laos"), &page("Titre", text));
    assert!(!s.text.chars().any(|c| c.is_control()), "{:?}", s.text);
    assert_eq!(&s.text[s.marks[0].clone()], "Laos");
}

fn liseuse(args: &[&str], cache: &Path) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(args)
        .arg("--cache-dir")
        .arg(cache)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn the_command_prints_matches_like_grep_and_says_none_by_its_code() {
    let cache = tempfile::tempdir().unwrap();
    let (out, _, code) = liseuse(&["search", "to lam"], cache.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("[Tô] [Lâm]"),
        "the spelling with accents is found: {out}"
    );
    let (out, _, code) = liseuse(&["search", "zzzqqq"], cache.path());
    assert_eq!((out.as_str(), code), ("", 1));
    let (out, _, code) = liseuse(&["search", "laos", "--format", "jsonl"], cache.path());
    assert_eq!(code, 0);
    for line in out.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(record["matches"].as_u64().unwrap() > 0);
        assert!(record["id"].is_string() && record["snippet"].is_string());
    }
    let (out, _, code) = liseuse(&["search", "laos", "--count"], cache.path());
    assert_eq!(code, 0);
    assert!(out.ends_with("occurrences\n"), "{out}");
    let (_, err, code) = liseuse(&["search", "laos", "/nonexistent/nowhere"], cache.path());
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_hostile_query_and_hostile_pages_print_nothing_active() {
    let cache = tempfile::tempdir().unwrap();
    let pages = tempfile::tempdir().unwrap();
    let text = "Le Laos\u{1b}[2J piégé\n\nHanoï (VNA) – Le Laos\u{1b}]0;pwned\u{7} et le Vietnam renforcent leurs liens.\n";
    std::fs::write(pages.path().join("piege.txt"), text).unwrap();
    let dir = pages.path().to_str().unwrap();
    for query in ["laos", "laos\u{1b}[31m", "\u{9b}laos"] {
        let (out, err, _) = liseuse(&["search", query, dir], cache.path());
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{out:?}"
        );
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    }
}

#[test]
fn open_takes_a_title_typed_loosely_and_says_when_nothing_is_close() {
    let cache = tempfile::tempdir().unwrap();
    let (out, err, code) = liseuse(&["--open", "la patrie la terre d origine"], cache.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("articles:"),
        "the summary, as without a terminal: {out}"
    );
    let (_, err, code) = liseuse(&["--open", "the quick brown fox jumps"], cache.path());
    assert_eq!(code, 2);
    assert!(err.contains("no article"), "{err}");
}

#[test]
fn slash_laos_in_the_real_reader_lists_highlights_and_gives_the_list_back() {
    let store = store_of(ingest::load_bundled().pages);
    let laos = found(&store, "laos").len();
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().to_str().unwrap();
    let mut s = harness::Session::liseuse(&["--cache-dir", dir], (100, 30));
    s.wait_for("Pour promouvoir les relations");
    s.keys("/laos");
    s.wait_for_settled(&format!("« laos » — {laos} articles"));
    s.keys("\r");
    s.wait_for_settled(&format!("article 1/{laos} ·"));
    s.keys("\u{1b}");
    s.wait_for_settled(&format!("/{} ·", store.len()));
    s.keys("q");
    assert!(s.wait_exit().success());
    assert!(
        cache.path().join(liseuse::search::FOLDER).is_dir(),
        "the index is kept"
    );
}

#[test]
fn a_second_reader_of_the_same_cache_gets_an_index_of_its_own() {
    let cache = tempfile::tempdir().unwrap();
    let first = SearchIndex::open(cache.path()).unwrap();
    let second = SearchIndex::open(cache.path()).unwrap();
    assert!(first.dir().is_some());
    assert_eq!(
        second.dir(),
        None,
        "the lock is held: in memory, the first one untouched"
    );
}
