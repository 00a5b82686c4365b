//! The search worker's part, played in tests: an index in memory over a store, and every
//! query the app asked answered from it at once.

#![allow(dead_code)] // each test file uses part of it

use liseuse::app::App;
use liseuse::app::search::answered;
use liseuse::search::{Answer, MAX_RESULTS, Query, SearchIndex, Searcher};
use liseuse::store::Store;

pub fn searcher(store: &Store) -> Searcher {
    let mut index = SearchIndex::in_memory().unwrap();
    index
        .add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
        .unwrap();
    index.commit().unwrap();
    index.searcher()
}

/// Answers the query the app asked, if any, as the worker would once the index is complete.
pub fn answer(app: &mut App, searcher: &Searcher) {
    let Some((asked, text)) = app.take_search_request() else {
        return;
    };
    let (hits, _) = searcher.search(&Query::parse(&text), MAX_RESULTS).unwrap();
    let answer = Answer {
        asked,
        text,
        hits,
        complete: true,
        error: None,
    };
    answered(app, answer);
}
