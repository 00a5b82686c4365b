//! A small store made by the generator, parsed and repaired as the loader would: behaviour
//! tests run on it, so adding a page to `data/` changes none of them.

use liseuse::ingest::page::parse_page;
use liseuse::ingest::repair::repair_page;
use liseuse::store::Store;

use super::generator;

/// `count` generated pages from `seed`, with their summary-only link targets.
pub fn store(count: usize, seed: u64) -> Store {
    let pages = generator::corpus(count, seed)
        .iter()
        .filter_map(|page| {
            let mut article = parse_page(&page.text, &page.name).article?;
            repair_page(&mut article);
            Some(article)
        })
        .collect();
    Store::from_pages(pages).0
}
