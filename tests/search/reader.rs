//! `/`, `f`, `n`/`N` and `Esc` in the reader, through the real keymap and `update`; the
//! search worker's part is played here, answering each request from an index in memory.

use liseuse::app::keymap::action_for_key;
use liseuse::app::{App, Effect, Mode, Options, Pane, update};
use liseuse::search::{Query, Searcher};
use liseuse::store::{ArticleId, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::worker::{answer, searcher};

pub fn bundled() -> Store {
    Store::from_pages(liseuse::ingest::load_bundled().pages).0
}

/// Types `text` key by key (`⏎` Enter, `⎋` Esc, `↑` `↓`, `⌫`), answering every search asked
/// as the worker would.
pub fn type_keys(app: &mut App, searcher: &Searcher, text: &str) {
    for c in text.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⎋' => KeyCode::Esc,
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '⌫' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        let Some(action) = action_for_key(app, KeyEvent::new(code, KeyModifiers::NONE)) else {
            continue;
        };
        if update(app, action).effects.contains(&Effect::Search) {
            answer(app, searcher);
        }
    }
}

fn opened(store: Store) -> App {
    App::new(store, Options::default(), (100, 30))
}

/// Every page whose searched text says "laos", whatever its case.
fn mentioning_laos(store: &Store) -> Vec<ArticleId> {
    let q = Query::parse("laos ");
    store
        .ids()
        .filter(|&id| liseuse::search::occurrences(&q, &store.body(id)) > 0)
        .collect()
}

#[test]
fn slash_laos_lists_every_page_that_mentions_it_with_counts() {
    let store = bundled();
    let searcher = searcher(&store);
    let want = mentioning_laos(&store);
    let mut app = opened(store);
    type_keys(&mut app, &searcher, "/laos");
    assert_eq!(app.mode(), Mode::Prompt);
    let mut listed = app.list().ids().to_vec();
    listed.sort();
    assert_eq!(listed, want);
    let results = app.search().results().unwrap();
    assert!(results.counts.iter().all(|&n| n > 0));
    assert_eq!(results.counts.len(), want.len());
}

#[test]
fn enter_reads_the_results_and_n_walks_every_match_then_the_next_article() {
    let store = bundled();
    let searcher = searcher(&store);
    let mut app = opened(store);
    type_keys(&mut app, &searcher, "/laos⏎");
    assert_eq!((app.mode(), app.focus()), (Mode::Reader, Pane::Reader));
    let results: Vec<ArticleId> = app.list().ids().to_vec();
    assert_eq!(app.current(), Some(results[0]));
    let mut visited = vec![app.current().unwrap()];
    let mut steps = 1;
    while steps < 500 {
        let before = (app.current(), app.scroll());
        type_keys(&mut app, &searcher, "n");
        steps += 1;
        if app.current() != visited.last().copied() {
            visited.push(app.current().unwrap());
        }
        if app.message().is_some() {
            assert_eq!(
                (app.current(), app.scroll()),
                before,
                "the last match stays put"
            );
            break;
        }
    }
    assert_eq!(visited, results, "n goes through every result, in order");
    // And back: N walks the same way in reverse, to the first article.
    let mut back = vec![app.current().unwrap()];
    for _ in 0..500 {
        type_keys(&mut app, &searcher, "N");
        if app.current() != back.last().copied() {
            back.push(app.current().unwrap());
        }
        if app.message().is_some() {
            break;
        }
    }
    back.reverse();
    assert_eq!(back, results);
}

#[test]
fn esc_restores_the_full_list_and_the_selection() {
    let store = bundled();
    let searcher = searcher(&store);
    let mut app = opened(store);
    type_keys(&mut app, &searcher, "jjj");
    let (all, selected) = (app.list().len(), app.selected());
    type_keys(&mut app, &searcher, "/laos");
    assert!(app.list().len() < all);
    type_keys(&mut app, &searcher, "⎋");
    assert_eq!((app.list().len(), app.selected()), (all, selected));
    assert!(app.search().results().is_none());
    // After Enter too, Esc in the reader gives the list back.
    type_keys(&mut app, &searcher, "/laos⏎⎋");
    assert_eq!((app.list().len(), app.selected()), (all, selected));
}

#[test]
fn the_prompt_recalls_past_queries() {
    let store = bundled();
    let searcher = searcher(&store);
    let mut app = opened(store);
    type_keys(&mut app, &searcher, "/laos⏎⎋/cuba⏎⎋/↑");
    assert_eq!(app.search().prompt().unwrap().1.text(), "cuba");
    type_keys(&mut app, &searcher, "↑");
    assert_eq!(app.search().prompt().unwrap().1.text(), "laos");
    type_keys(&mut app, &searcher, "↓↓");
    assert_eq!(app.search().prompt().unwrap().1.text(), "");
}

#[test]
fn f_filters_titles_by_a_few_letters() {
    let store = bundled();
    let searcher = searcher(&store);
    let patrie = store.lookup("La Patrie, la terre d’origine").or_else(|| {
        store
            .ids()
            .find(|&id| store.article(id).title.starts_with("La Patrie"))
    });
    let mut app = opened(store);
    type_keys(&mut app, &searcher, "fpatrie terre");
    assert_eq!(app.list().id(0), patrie);
    type_keys(&mut app, &searcher, "⏎");
    assert_eq!(app.current(), patrie);
}
