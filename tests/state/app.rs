//! The reader's use of the state, through `update` on the generated store: opening marks read,
//! `m`, `s`, `'`, `u`/`U`, `z`, what is handed to the edge to save, and a saved session brought
//! back at another terminal size.

use liseuse::app::keymap::action_for_key;
use liseuse::app::{Action, App, Effect, Options, Pane, add_pages, update};
use liseuse::state::{Change, Db, Mark, Saved};
use liseuse::store::{ArticleId, Store};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::synthetic::{self, links};
use super::{fresh, open};

/// Presses each character of `keys` through the real keymap; what the edge was asked to do.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in keys.chars() {
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = action_for_key(app, event) {
            effects.extend(update(app, action).effects);
        }
    }
    effects
}

fn saves(effects: &[Effect]) -> Vec<Change> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(change) => Some(change.clone()),
            _ => None,
        })
        .collect()
}

fn app_with(store: Store, saved: Saved, size: (u16, u16)) -> App {
    let options = Options {
        saved,
        ..Options::default()
    };
    App::new(store, options, size)
}

fn fresh_app() -> App {
    app_with(synthetic::store(12, 7), Saved::default(), (120, 40))
}

fn read_ids(app: &App) -> Vec<ArticleId> {
    app.store().ids().filter(|&id| app.mark(id).read).collect()
}

#[test]
fn opening_marks_read_and_m_toggles_it_in_either_pane() {
    let mut app = fresh_app();
    let all = app.store().len();
    assert_eq!(app.focus(), Pane::List);
    assert_eq!(
        (app.unread(), read_ids(&app)),
        (all, vec![]),
        "shown is not opened"
    );
    press(&mut app, "j");
    let effects = press(&mut app, "l");
    let opened = app.current().unwrap();
    assert_eq!(read_ids(&app), [opened]);
    assert_eq!(app.unread(), all - 1);
    let key = app.store().key(opened);
    assert!(saves(&effects).contains(&Change::Read {
        key: key.clone(),
        read: true
    }));
    let effects = press(&mut app, "m");
    assert!(!app.mark(opened).read, "m in the reader: the open article");
    assert_eq!(saves(&effects)[0], Change::Read { key, read: false });
    press(&mut app, "jjj");
    assert!(
        !app.mark(opened).read,
        "scrolling does not mark it read again"
    );
    press(&mut app, "t");
    let selected = app.row_id(app.selected()).unwrap();
    press(&mut app, "jm");
    let below = app.row_id(app.selected()).unwrap();
    assert_ne!(below, selected);
    assert!(app.mark(below).read, "m in the list: the selected article");
}

#[test]
fn s_stars_and_the_quote_key_shows_only_the_starred_then_all_again() {
    let mut app = fresh_app();
    let all = app.list().len();
    press(&mut app, "js");
    let first = app.row_id(app.selected()).unwrap();
    press(&mut app, "jjjs");
    let second = app.row_id(app.selected()).unwrap();
    press(&mut app, "'");
    assert!(app.starred_only());
    assert_eq!(app.list().ids(), [first, second]);
    assert_eq!(
        app.row_id(app.selected()),
        Some(second),
        "the selection stays"
    );
    press(&mut app, "s'");
    assert!(!app.starred_only());
    assert_eq!(app.list().len(), all);
    assert_eq!(
        app.mark(second),
        Mark {
            read: false,
            starred: false
        }
    );
    press(&mut app, "'");
    assert_eq!(app.list().ids(), [first]);
}

#[test]
fn u_and_shift_u_go_to_the_next_and_previous_unread() {
    let mut app = fresh_app();
    press(&mut app, "jm"); // row 1 read
    press(&mut app, "jm"); // row 2 read
    press(&mut app, "gu");
    assert_eq!(app.selected(), 3, "rows 1 and 2 are read: skipped");
    press(&mut app, "U");
    assert_eq!(app.selected(), 0);
    press(&mut app, "U");
    assert_eq!(app.selected(), 0, "none before: stays");
    assert!(app.message().is_some());
    // In the reader, u opens the next unread (and so reads it).
    press(&mut app, "l");
    let from = app.current().unwrap();
    press(&mut app, "u");
    assert_eq!(app.row_of(app.current().unwrap()), Some(3));
    assert!(app.mark(app.current().unwrap()).read);
    assert_ne!(app.current(), Some(from));
}

#[test]
fn z_undoes_marks_and_stars_several_steps_back() {
    let mut app = fresh_app();
    press(&mut app, "l"); // opens row 0: read
    let first = app.current().unwrap();
    press(&mut app, "s"); // star it
    press(&mut app, "J"); // opens row 1: read
    let second = app.current().unwrap();
    assert_eq!(read_ids(&app), [first, second]);
    let effects = press(&mut app, "z");
    assert_eq!(read_ids(&app), [first]);
    assert_eq!(
        saves(&effects)[0],
        Change::Read {
            key: app.store().key(second),
            read: false
        },
        "an undo is saved like any change"
    );
    press(&mut app, "z");
    assert!(!app.mark(first).starred);
    press(&mut app, "z");
    assert!(read_ids(&app).is_empty());
    press(&mut app, "z");
    assert!(read_ids(&app).is_empty(), "nothing more to undo");
    assert!(app.message().is_some());
    assert_eq!(
        app.current(),
        Some(second),
        "undo changes marks, not the article shown"
    );
}

#[test]
fn ctrl_u_still_goes_half_a_page_up_and_u_does_not() {
    let mut app = fresh_app();
    let half_up = action_for_key(
        &app,
        KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
    );
    assert!(matches!(half_up, Some(Action::Move(Pane::List, _))));
    let u = action_for_key(&app, KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    assert_eq!(u, Some(Action::NextUnread(1)));
    press(&mut app, "l");
    let u = action_for_key(&app, KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    assert_eq!(u, Some(Action::NextUnread(1)));
}

/// Writes what the app asked to save into a database and reads it back, as the next run would.
fn saved_after(effects: &[Effect]) -> Saved {
    let (_dir, path) = fresh();
    let mut db = open(&path);
    for (at, change) in saves(effects).iter().enumerate() {
        db.apply(change, at as i64).unwrap();
    }
    Db::load(&db).unwrap()
}

#[test]
fn the_next_run_is_back_at_the_same_sentence_with_its_history_at_another_size() {
    let mut app = fresh_app();
    let mut effects = press(&mut app, "l");
    effects.extend(press(&mut app, "jjjj"));
    effects.extend(update(&mut app, Action::NextLink).effects);
    let target = links(&app)[0];
    effects.extend(update(&mut app, Action::FollowLink(0)).effects);
    effects.extend(press(&mut app, "jjjjjj"));
    effects.extend(press(&mut app, "s"));
    effects.extend(press(&mut app, "q"));
    assert_eq!(
        effects.last(),
        Some(&Effect::Quit),
        "saves come before the quit"
    );
    let (view, depth) = (app.view().unwrap(), app.history_depth());
    assert_eq!(view.id, target);
    assert!(
        view.top.offset > 0 || view.top.block > 0,
        "scrolled into the article"
    );

    let saved = saved_after(&effects);
    let mut again = app_with(synthetic::store(12, 7), saved.clone(), (70, 20));
    assert_eq!(again.view(), Some(view), "same anchor, not the same row");
    assert_eq!(again.history_depth(), depth);
    assert_eq!(again.focus(), Pane::Reader);
    assert!(again.mark(target).starred);
    update(&mut again, Action::Back);
    assert_eq!(
        again.view().unwrap().link,
        Some(0),
        "the history keeps the highlight"
    );

    // --open wins over the saved session; the marks stay.
    let store = synthetic::store(12, 7);
    let other = store.ids().last().unwrap();
    let options = Options {
        open: Some(other),
        saved,
        ..Options::default()
    };
    let opened = App::new(store, options, (120, 40));
    assert_eq!(opened.current(), Some(other));
    assert_eq!(opened.history_depth(), (0, 0));
    assert!(opened.mark(target).starred);
}

#[test]
fn marks_for_articles_not_loaded_yet_apply_when_their_batch_arrives() {
    let full = synthetic::store(12, 7);
    let late = full.ids().last().unwrap();
    let key = full.key(late);
    let mut saved = Saved::default();
    let star = Mark {
        read: true,
        starred: true,
    };
    saved.marks.insert(key.clone(), star);
    saved.marks.insert("pas-dans-ce-corpus".into(), star);
    let pages: Vec<_> = full.ids().map(|id| (*full.body(id)).clone()).collect();
    let (first, rest) = pages.split_at(3);
    let mut app = app_with(Store::from_pages(first.to_vec()).0, saved, (120, 40));
    assert!(app.store().find_key(&key).is_none(), "not loaded yet");
    add_pages(&mut app, rest.to_vec());
    let id = app.store().find_key(&key).unwrap();
    assert_eq!(app.mark(id), star);
    assert_eq!(
        app.unread(),
        app.store().len() - 1,
        "the orphan counts for nothing"
    );
}

#[test]
fn a_mark_saved_under_a_hashed_key_applies_once_the_page_that_shares_its_slug_arrives() {
    let page = |text: &str, source: &str| {
        let mut page = liseuse::article::Article::new("Le Têt à Hanoï");
        page.paragraphs.push(text.to_owned());
        page.sources.push(source.to_owned());
        page
    };
    let (first, second) = (
        page("Premier texte.", "a.txt"),
        page("Second texte.", "b.txt"),
    );
    // Alone, the first page's key is the slug; beside the second, both keys get a hash.
    let both = Store::from_pages(vec![first.clone(), second.clone()]).0;
    let (a, b) = (ArticleId(0), ArticleId(1));
    let hashed = both.key(a);
    assert_ne!(hashed, Store::from_pages(vec![first.clone()]).0.key(a));
    let star = Mark {
        read: true,
        starred: true,
    };
    let mut saved = Saved::default();
    saved.marks.insert(hashed.clone(), star);
    let mut app = app_with(Store::from_pages(vec![first]).0, saved, (120, 40));
    assert_eq!(app.mark(a), Mark::default(), "its key is the slug yet");
    assert_eq!(app.unread(), 1);
    add_pages(&mut app, vec![second]);
    assert_eq!(app.store().key(a), hashed);
    assert_eq!(app.mark(a), star);
    assert_eq!(app.mark(b), Mark::default());
    assert_eq!(app.unread(), 1, "the second page alone is unread");
    // Marked now, the first page's mark is saved under its hashed key.
    let effects = press(&mut app, "m");
    assert!(
        saves(&effects)
            .iter()
            .any(|c| matches!(c, Change::Read { key, .. } if *key == hashed)),
        "{:?}",
        saves(&effects)
    );
}

/// The session of a run that read the last article, and the pages of the same corpus.
fn session_on_the_last_article() -> (
    Saved,
    Vec<liseuse::article::Article>,
    ArticleId,
    liseuse::app::history::Visit,
) {
    let mut app = fresh_app();
    let mut effects = press(&mut app, "Gl");
    effects.extend(press(&mut app, "jj"));
    effects.extend(press(&mut app, "q"));
    let last = app.current().unwrap();
    let full = synthetic::store(12, 7);
    let pages = full.ids().map(|id| (*full.body(id)).clone()).collect();
    (saved_after(&effects), pages, last, app.view().unwrap())
}

fn loading_app(saved: Saved, first: &[liseuse::article::Article]) -> App {
    let options = Options {
        saved,
        loading: Some(liseuse::app::Progress { done: 1, total: 2 }),
        ..Options::default()
    };
    App::new(Store::from_pages(first.to_vec()).0, options, (100, 30))
}

#[test]
fn a_session_whose_article_loads_later_is_restored_when_it_arrives() {
    let (saved, pages, last, view) = session_on_the_last_article();
    let key = synthetic::store(12, 7).key(last);
    let (first, rest) = pages.split_at(3);
    let mut app = loading_app(saved.clone(), first);
    assert!(app.store().find_key(&key).is_none(), "not loaded yet");
    let batch = liseuse::app::Batch {
        pages: rest.to_vec(),
        ..Default::default()
    };
    liseuse::app::add_batch(&mut app, batch);
    let id = app.store().find_key(&key).unwrap();
    assert_eq!(app.current(), Some(id));
    assert_eq!(app.focus(), Pane::Reader);
    let restored = app.view().unwrap();
    assert_eq!((restored.top, restored.at_end), (view.top, view.at_end));

    // A key typed before it arrives: the user has taken over, nothing moves under them.
    let mut app = loading_app(saved, first);
    press(&mut app, "j");
    let before = app.current();
    let batch = liseuse::app::Batch {
        pages: rest.to_vec(),
        ..Default::default()
    };
    liseuse::app::add_batch(&mut app, batch);
    assert_eq!(app.current(), before);
}
