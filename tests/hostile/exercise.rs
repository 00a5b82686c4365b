//! One page of untrusted text through the parser, the glued-word repair, the store and the
//! wrapper, with every property that must hold for any input checked on the way. Shared by the proptests in
//! `tests/hostile.rs` and the cargo-fuzz target in `fuzz/fuzz_targets/parse_page.rs`, so the
//! fuzzer's code is compiled and run by every `cargo test`.

use liseuse::article::Article;
use liseuse::inert::inert;
use liseuse::ingest::lines::is_blank;
use liseuse::ingest::page::parse_page;
use liseuse::ingest::repair::repair_page;
use liseuse::invisible::is_invisible;
use liseuse::store::Store;
use liseuse::wrap::wrap_article;

/// Widths the wrapper is tried at: the narrowest possible, a phone-like one, a usual one.
const WIDTHS: [u16; 3] = [1, 17, 80];

/// Any bytes, decoded as the loader does for a page with bad UTF-8.
pub fn bytes(data: &[u8]) {
    text(&String::from_utf8_lossy(data));
}

/// Parses `text` as a page; returns the store built from it (empty when the page had no title).
pub fn text(text: &str) -> Store {
    let parsed = parse_page(text, "fuzz.txt");
    for diagnostic in &parsed.diagnostics {
        assert_inert(&diagnostic.to_string());
    }
    let pages: Vec<Article> = match parsed.article {
        Some(mut article) => {
            assert!(
                !is_blank(&article.title),
                "a page was given a blank title: {text:?}"
            );
            repair_page(&mut article);
            check_repair(&article);
            vec![article]
        }
        None => {
            // A page may hold no article, but never silently.
            assert!(
                !parsed.diagnostics.is_empty(),
                "a page gave no article and no diagnostic: {text:?}"
            );
            Vec::new()
        }
    };
    let (store, diagnostics) = Store::from_pages(pages);
    assert!(diagnostics.is_empty(), "one page cannot duplicate another");
    check_store(&store);
    for id in store.ids() {
        for (width, raw) in WIDTHS.into_iter().flat_map(|w| [(w, false), (w, true)]) {
            for line in wrap_article(&store, id, width, raw).lines {
                assert_clean(&line.text);
            }
        }
    }
    store
}

/// The repair only puts spaces back: nothing else of the paragraph changes or goes missing.
fn check_repair(article: &Article) {
    assert_eq!(article.paragraphs.len(), article.raw_paragraphs.len());
    for (repaired, raw) in article.paragraphs.iter().zip(&article.raw_paragraphs) {
        assert_eq!(
            repaired.replace(' ', ""),
            raw.replace(' ', ""),
            "the repair changed more than spaces"
        );
    }
}

/// The store's own invariants, and every field of every article safe once made inert.
pub fn check_store(store: &Store) {
    for id in store.ids() {
        let article = store.body(id);
        assert_eq!(store.targets(id).len(), article.related.len());
        for &target in store.targets(id) {
            assert!(
                target.index() < store.len(),
                "a link leads outside the store"
            );
            assert!(
                store.cited_by(target).contains(&id),
                "a link has no backlink"
            );
        }
        for &citer in store.cited_by(id) {
            assert!(store.targets(citer).contains(&id), "a backlink has no link");
        }
        let key = store.key(id);
        assert_eq!(store.find_key(&key), Some(id));
        assert_inert(&key);
        for field in fields(&article) {
            assert_inert(field);
        }
    }
}

/// Every text field of an article, as the reader, the list and the CLI may show it.
fn fields(article: &Article) -> impl Iterator<Item = &str> {
    let photos = article
        .photos
        .iter()
        .chain(article.related.iter().filter_map(|r| r.photo.as_ref()))
        .flat_map(|p| [p.caption.as_str(), p.credit.as_str()]);
    let related = article
        .related
        .iter()
        .flat_map(|r| [r.title.as_str(), r.summary.as_str()]);
    let dateline = article
        .dateline
        .iter()
        .flat_map(|d| [d.place.as_deref().unwrap_or(""), d.agency.as_str()]);
    [article.title.as_str(), article.lead.as_str()]
        .into_iter()
        .chain(article.paragraphs.iter().map(String::as_str))
        .chain(article.raw_paragraphs.iter().map(String::as_str))
        .chain(article.signoff.as_deref())
        .chain(photos)
        .chain(related)
        .chain(dateline)
        .chain(article.sources.iter().map(String::as_str))
        .chain(article.warnings.iter().map(String::as_str))
}

/// `text` made inert holds nothing a terminal would act on.
pub fn assert_inert(text: &str) {
    assert_clean(&inert(text));
}

/// No C0 or C1 control, DEL, or character of the invisible table (bidi, zero-width, tags…).
pub fn assert_clean(text: &str) {
    if let Some(bad) = text.chars().find(|&c| is_unsafe(c)) {
        panic!("U+{:04X} reaches the terminal in {text:?}", bad as u32);
    }
}

pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible(c)
}
