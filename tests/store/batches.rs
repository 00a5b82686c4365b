//! Batches arriving in any order, cut anywhere, give the same store as one batch: the same
//! articles under the same keys, the same links and backlinks (ids may differ; keys may not).

use std::collections::BTreeSet;

use liseuse::article::{Article, RelatedLink};
use liseuse::store::Store;
use proptest::prelude::*;

const TITLES: [&str; 8] = [
    "Le Vietnam et le Laos renforcent leur coopération",
    "La saison des pluies arrive à Hanoï",
    "Un festival de musique à Huế",
    "Les exportations de riz progressent",
    "Le delta du Mékong face à la sécheresse",
    "Une délégation cubaine en visite à Hanoï",
    "La Patrie, la terre d’origine",
    "Le tourisme reprend à Đà Nẵng",
];

/// Page `n` of the pool: its title, a text, and "Voir plus" entries to other titles (some of
/// which no page has: summary-only articles).
fn page(n: usize, links: &[usize]) -> Article {
    let mut page = Article::new(TITLES[n % TITLES.len()]);
    page.paragraphs = vec![format!("Texte de la page {n}.")];
    page.sources = vec![format!("p{n}.txt")];
    page.related = links
        .iter()
        .map(|&l| RelatedLink {
            title: if l < 10 {
                TITLES[l % TITLES.len()].to_owned()
            } else {
                format!("Un article absent numéro {l}")
            },
            summary: format!("Ce que dit l’entrée {l}."),
            photo: None,
        })
        .collect();
    page
}

/// One article as the comparison sees it: key, title, full, link keys, backlink keys.
type Seen = (String, String, bool, Vec<String>, Vec<String>);

/// What a store holds, by key.
fn shape(store: &Store) -> BTreeSet<Seen> {
    store
        .ids()
        .map(|id| {
            let keys = |ids: &[liseuse::store::ArticleId]| {
                let mut keys: Vec<String> = ids.iter().map(|&t| store.key(t)).collect();
                keys.sort();
                keys
            };
            let entry = store.article(id);
            (
                store.key(id),
                entry.title.clone(),
                entry.is_full(),
                keys(store.targets(id)),
                keys(store.cited_by(id)),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_order_and_any_cut_give_the_same_store(
        links in proptest::collection::vec(proptest::collection::vec(0usize..14, 0..4), 1..8),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
        cuts in proptest::collection::vec(0usize..8, 0..4),
    ) {
        let pages: Vec<Article> = links.iter().enumerate().map(|(n, l)| page(n, l)).collect();
        let (whole, _) = Store::from_pages(pages.clone());
        // A shuffle from the seed, then batches cut at `cuts`.
        let mut shuffled = pages;
        let mut seed = order;
        for i in (1..shuffled.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let mut store = Store::new();
        let mut at = 0;
        let mut ends: Vec<usize> = cuts.iter().map(|c| c % (shuffled.len() + 1)).collect();
        ends.sort();
        ends.push(shuffled.len());
        for end in ends {
            let end = end.max(at);
            store.add_batch(shuffled[at..end].to_vec());
            at = end;
        }
        prop_assert_eq!(shape(&store), shape(&whole));
    }
}
