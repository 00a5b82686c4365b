//! Pages that share a folded title are not the same page: different text under one title is
//! kept as several articles, links to such a title lead to the best match, the same text twice
//! is one article with both sources, and 5,000 pages of one title say so in a few lines.

use liseuse::article::{Article, Kind, RelatedLink};
use liseuse::fold::fold_compact;
use liseuse::store::Store;
use proptest::prelude::*;

fn full(title: &str, body: &str, source: &str, related: &[&str]) -> Article {
    let mut page = Article::new(title);
    page.paragraphs = vec![body.to_owned()];
    page.sources = vec![source.to_owned()];
    page.related = related
        .iter()
        .map(|t| RelatedLink {
            title: (*t).to_owned(),
            summary: String::new(),
            photo: None,
        })
        .collect();
    page
}

#[test]
fn two_pages_whose_titles_fold_alike_are_both_kept_and_said_once() {
    let body = "Il part à l’aube.";
    let pages = vec![
        full("Le pêcheur et la mer", body, "a.txt", &[]),
        full("Le pécheur et la mer", body, "b.txt", &[]),
        full(
            "Renvois",
            "Voir aussi.",
            "c.txt",
            &["Le pécheur et la mer", "LE PECHEUR ET LA MER"],
        ),
    ];
    let (store, diagnostics) = Store::from_pages(pages);
    assert_eq!(store.full_count(), 3);
    let both = store.find_titles("le pecheur et la mer");
    assert_eq!(both.len(), 2);
    let keys: Vec<String> = both.iter().map(|&id| store.key(id)).collect();
    // Each key is the slug and a hash of its own text: neither depends on which came first.
    for (key, &id) in keys.iter().zip(both) {
        assert!(key.starts_with("le-pecheur-et-la-mer-"), "{key}");
        assert_eq!(store.find_key(key), Some(id));
    }
    assert_ne!(keys[0], keys[1]);
    let said: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        said[0],
        "b.txt:1: same title as a.txt, different text: both kept"
    );
    // The exact title leads to its own page; a folded one to the first loaded.
    let renvois = store.find_title("Renvois").unwrap();
    assert_eq!(store.targets(renvois), [both[1], both[0]]);
    assert_eq!(store.find_title("Le pécheur et la mer"), Some(both[1]));
    assert_eq!(store.find_title("le pecheur et la mer"), Some(both[0]));
    assert_eq!(
        &said[1..],
        [
            "c.txt:1: \"Voir plus\" link \"Le pécheur et la mer\" matches 2 pages: led to b.txt (same title)",
            "c.txt:1: \"Voir plus\" link \"LE PECHEUR ET LA MER\" matches 2 pages: led to a.txt (first loaded)",
        ]
    );
    assert!(store.cited_by(both[0]).contains(&renvois));
    assert!(store.cited_by(both[1]).contains(&renvois));
}

#[test]
fn the_same_text_twice_is_one_article_with_both_sources() {
    let pages = vec![
        full("La mer", "Même texte.", "a.txt", &[]),
        full("La mer", "Autre texte.", "b.txt", &[]),
        full("La mer", "Même texte.", "c.txt", &[]),
    ];
    let (store, diagnostics) = Store::from_pages(pages);
    assert_eq!(store.len(), 2);
    assert_eq!(
        store.article(store.find_titles("la mer")[0]).sources,
        ["a.txt", "c.txt"]
    );
    let said: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "b.txt:1: same title as a.txt, different text: both kept",
            "c.txt:1: same page as a.txt: kept that one",
        ]
    );
}

#[test]
fn five_thousand_pages_of_one_title_are_five_thousand_articles_and_a_few_lines() {
    let mut pages: Vec<Article> = (0..5_000)
        .map(|n| {
            full(
                "Communiqué",
                &format!("Texte numéro {n}."),
                &format!("p{n}.txt"),
                &[],
            )
        })
        .collect();
    pages.push(full("Index", "Liens.", "index.txt", &["Communiqué"; 8]));
    let (store, diagnostics) = Store::from_pages(pages);
    assert_eq!(store.full_count(), 5_001);
    assert_eq!(store.find_titles("communique").len(), 5_000);
    let last = store.find_titles("communique")[4_999];
    assert_eq!(store.find_key(&store.key(last)), Some(last));
    let said: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 3 + 3 + 2, "{said:#?}");
    assert!(said.contains(
        &"p0.txt:1: 4996 more pages titled \"Communiqué\" with different text: all kept".to_owned()
    ));
    assert!(said.contains(
        &"p0.txt:1: 5 more \"Voir plus\" links to \"Communiqué\" match several pages".to_owned()
    ));
    let index = store.find_title("Index").unwrap();
    assert!(
        store
            .targets(index)
            .iter()
            .all(|&t| t == store.find_titles("communique")[0])
    );
}

#[test]
fn later_batches_keep_counting_instead_of_saying_it_all_again() {
    let mut store = Store::new();
    let mut said = 0;
    for batch in 0..10 {
        let pages = (0..10)
            .map(|n| {
                full(
                    "Météo",
                    &format!("Jour {batch}-{n}."),
                    &format!("{batch}-{n}.txt"),
                    &[],
                )
            })
            .collect();
        said += store.add_batch(pages).len();
    }
    assert_eq!(store.len(), 100);
    assert_eq!(said, 3 + 10, "three said in full, then one count per batch");
}

/// A small pool of pages: titles that fold alike or not, the same text under two files, and
/// links between them and to titles no page has.
fn pool() -> Vec<Article> {
    let titles = ["Le pêcheur", "Le pécheur", "LE PECHEUR", "La mer", "L’île"];
    let links = ["le pecheur", "La mer", "Absent", "L'île", "Le pécheur"];
    let mut pages = Vec::new();
    for (n, title) in titles.iter().enumerate() {
        let related = [links[n], links[(n + 2) % links.len()]];
        pages.push(full(
            title,
            &format!("Texte {}.", n % 3),
            &format!("{n}.txt"),
            &related,
        ));
        pages.push(full(
            title,
            &format!("Texte {}.", n % 3),
            &format!("{n}-copie.txt"),
            &related,
        ));
    }
    pages.push(full("La mer", "Une autre mer.", "autre.txt", &["Absent"]));
    pages
}

/// The articles of a store, each as (kind, title or folded title for a summary, text, files).
fn articles(store: &Store) -> Vec<(bool, String, Vec<String>, Vec<String>)> {
    let mut all: Vec<_> = store
        .ids()
        .map(|id| {
            let a = store.body(id);
            let title = match a.kind {
                Kind::Full => a.title.clone(),
                // A summary says what the first link to it said: that depends on the order.
                Kind::Summary => fold_compact(&a.title),
            };
            let mut sources = a.sources.clone();
            sources.sort();
            (a.is_full(), title, a.paragraphs.clone(), sources)
        })
        .collect();
    all.sort();
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any order of the pages, cut into any batches, gives the same articles.
    #[test]
    fn any_batch_order_gives_the_same_articles(
        order in Just((0..pool().len()).collect::<Vec<usize>>()).prop_shuffle(),
        sizes in proptest::collection::vec(0usize..6, 0..4),
    ) {
        let reference = articles(&Store::from_pages(pool()).0);
        let pages = pool();
        let mut shuffled: Vec<Article> = order.iter().map(|&i| pages[i].clone()).collect();
        let mut store = Store::new();
        for size in sizes {
            let size = size.min(shuffled.len());
            store.add_batch(shuffled.drain(..size).collect());
        }
        store.add_batch(std::mem::take(&mut shuffled));
        prop_assert_eq!(articles(&store), reference);
    }
}
