//! A small store made by the generator, parsed and repaired as the loader would: behaviour
//! tests run on it, so adding a page to `data/` changes none of them. With the helpers they
//! all use to drive it.

#![allow(dead_code)] // each test file uses part of it

use liseuse::app::{Action, App, Options, update};
use liseuse::ingest::page::parse_page;
use liseuse::ingest::repair::repair_page;
use liseuse::store::{ArticleId, Store};

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

/// The generated store (12 pages, seed 7) at `cols`×`rows` with its first page open.
pub fn opened(cols: u16, rows: u16) -> App {
    let store = store(12, 7);
    let open = store.ids().next();
    App::new(
        store,
        Options {
            open,
            ..Options::default()
        },
        (cols, rows),
    )
}

/// Applies every action in turn.
pub fn run(app: &mut App, actions: &[Action]) {
    for &action in actions {
        update(app, action);
    }
}

/// Where the open article's links lead, in their on-screen order.
pub fn links(app: &App) -> Vec<ArticleId> {
    (0..app.link_count())
        .filter_map(|n| app.link_target(n))
        .collect()
}
