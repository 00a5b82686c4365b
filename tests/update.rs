//! `update` alone, on a small generated store: action sequences in, app state out. No
//! terminal. Navigation, history and arriving batches here; link numbers in `digits.rs`, the
//! place kept through resizes and the reading keys in `place.rs`.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/rng.rs"]
mod rng;
#[path = "common/synthetic.rs"]
mod synthetic;

use synthetic::{links, opened, run};

use std::time::Instant;

use liseuse::app::Action::{
    self, Back, Cancel, Digit, FollowHighlighted, FollowLink, Forward, Move, NextLink,
    OpenSelected, Resize, Select, ToggleList,
};
use liseuse::app::history::Visit;
use liseuse::app::keymap::{action_for_key, action_for_mouse};
use liseuse::app::{App, Batch, Motion, Options, Pane, Progress, add_batch, add_pages, update};
use liseuse::article::{Article, Kind};
use liseuse::store::Store;
use liseuse::strings::{self, Lang, Message};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn store() -> Store {
    synthetic::store(12, 7)
}

fn view(app: &App) -> Visit {
    app.view().expect("an article is open")
}

#[test]
fn three_links_forward_then_three_back_restore_article_place_and_highlight() {
    let mut app = opened(120, 40);
    run(&mut app, &[Move(Pane::Reader, Motion::Rows(4))]);
    run(&mut app, &[NextLink, NextLink, NextLink]);
    let first = view(&app);
    assert_eq!(first.link, Some(2));
    assert!(
        app.scroll() > 4,
        "the highlighted link was scrolled into view"
    );

    let target = links(&app)[2];
    update(&mut app, FollowHighlighted);
    assert_eq!(app.current(), Some(target));
    update(&mut app, NextLink);
    let second = view(&app);

    update(&mut app, FollowHighlighted);
    assert_eq!((app.scroll(), view(&app).link), (0, None));
    update(&mut app, Move(Pane::Reader, Motion::Pages(1)));
    let third = view(&app);

    update(&mut app, FollowLink(0));
    assert_eq!(app.history_depth(), (3, 0));
    for expected in [third, second, first] {
        update(&mut app, Back);
        assert_eq!(view(&app), expected);
        assert_eq!(app.focus(), Pane::Reader);
    }
    assert_eq!(app.history_depth(), (0, 3));
    assert_eq!(
        app.row_of(first.id),
        Some(app.selected()),
        "the list follows the reader"
    );
}

#[test]
fn forward_after_back_and_a_new_link_drops_the_forward_branch() {
    let mut app = opened(120, 40);
    let start = view(&app);
    let middle = links(&app)[2];
    run(&mut app, &[FollowLink(2), FollowLink(0)]);
    let end = view(&app);
    run(&mut app, &[Back, Back]);
    assert_eq!(view(&app), start);
    update(&mut app, Forward);
    assert_eq!(app.current(), Some(middle));
    update(&mut app, Forward);
    assert_eq!(view(&app), end);
    assert!(
        update(&mut app, Forward).redraw,
        "a remark says the history ends here"
    );
    assert_eq!(app.message(), Some(Message::HistoryEnd));
    run(&mut app, &[Back, Back, FollowLink(5)]);
    assert_eq!(app.history_depth(), (1, 0));
}

#[test]
fn a_summary_only_article_says_so_and_its_cite_par_link_leads_back() {
    let store = store();
    let stub = store
        .ids()
        .find(|&id| store.article(id).kind == Kind::Summary);
    let stub = stub.expect("the generator links to pages it does not make");
    let citer = store.cited_by(stub)[0];
    let mut app = App::new(
        store,
        Options {
            open: Some(stub),
            ..Options::default()
        },
        (120, 40),
    );
    let notice = Lang::Fr.pick(strings::SUMMARY_ONLY);
    assert!(
        app.wrapped()
            .unwrap()
            .lines
            .iter()
            .any(|l| l.text == notice)
    );
    assert_eq!(links(&app)[0], citer);
    update(&mut app, Digit(1, Instant::now()));
    assert_eq!(app.current(), Some(citer));
    update(&mut app, Back);
    assert_eq!(app.current(), Some(stub));
}

#[test]
fn update_reports_only_visible_changes() {
    let mut app = opened(120, 40);
    assert!(!update(&mut app, Move(Pane::Reader, Motion::Rows(-1))).redraw);
    assert!(update(&mut app, Move(Pane::Reader, Motion::Rows(1))).redraw);
    assert!(update(&mut app, Action::Redraw).redraw);
    assert!(update(&mut app, Resize(100, 30)).redraw);
    assert_eq!(
        update(&mut app, Action::Quit).effects,
        [liseuse::app::Effect::Quit]
    );
}

#[test]
fn the_list_opens_the_selected_article_and_back_with_no_history_returns_to_it() {
    let mut app = App::new(store(), Options::default(), (120, 40));
    assert_eq!((app.focus(), app.selected()), (Pane::List, 0));
    run(&mut app, &[Move(Pane::List, Motion::Rows(3)), OpenSelected]);
    assert_eq!((app.focus(), app.current()), (Pane::Reader, app.row_id(3)));
    assert_eq!(app.history_depth(), (1, 0));
    run(&mut app, &[Back, Back]);
    assert_eq!((app.focus(), app.current()), (Pane::List, app.row_id(0)));
    update(&mut app, Move(Pane::List, Motion::Bottom));
    assert_eq!(app.selected(), app.list().len() - 1);
}

#[test]
fn a_narrow_screen_shows_the_list_and_the_reader_in_turn() {
    let mut app = App::new(store(), Options::default(), (40, 12));
    assert!(app.panes().reader.is_empty());
    update(&mut app, OpenSelected);
    assert!(app.panes().list.is_empty() && !app.panes().reader.is_empty());
    update(&mut app, ToggleList);
    assert_eq!(app.focus(), Pane::List);
    update(&mut app, Resize(120, 12));
    update(&mut app, ToggleList);
    assert!(
        app.panes().list.is_empty(),
        "on a wide screen the list hides"
    );
    update(&mut app, ToggleList);
    assert!(!app.panes().list.is_empty() && app.focus() == Pane::List);
}

#[test]
fn any_size_is_survived() {
    let mut app = opened(120, 40);
    let sizes = [
        (1, 1),
        (0, 0),
        (5, 0),
        (0, 5),
        (2, 3),
        (69, 2),
        (70, 3),
        (1000, 1),
    ];
    for (cols, rows) in sizes {
        run(
            &mut app,
            &[
                Resize(cols, rows),
                Move(Pane::Reader, Motion::Pages(1)),
                NextLink,
                ToggleList,
                Move(Pane::List, Motion::Rows(1)),
                Action::ToggleHelp,
                Action::ScrollHelp(Motion::Bottom),
                Cancel,
                Back,
                Action::PageOrNext,
                Action::Paragraph(1),
            ],
        );
    }
}

#[test]
fn a_huge_terminal_is_drawn_bounded_and_says_so() {
    let mut app = opened(120, 40);
    update(&mut app, Resize(65535, 65535));
    assert_eq!(app.size(), liseuse::app::geometry::MAX_SIZE);
    assert!(app.screen_cut());
    update(&mut app, Resize(120, 40));
    assert!(!app.screen_cut());
}

#[test]
fn keys_act_on_press_only_and_chords_quit_or_suspend() {
    let app = opened(120, 40);
    let mut key = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        action_for_key(&app, key),
        Some(Move(Pane::Reader, Motion::Rows(1)))
    );
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        key.kind = kind;
        assert_eq!(action_for_key(&app, key), None);
    }
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(action_for_key(&app, ctrl('c')), Some(Action::Quit));
    assert_eq!(action_for_key(&app, ctrl('z')), Some(Action::Suspend));
    assert_eq!(
        action_for_key(&app, ctrl('d')),
        Some(Move(Pane::Reader, Motion::HalfPages(1)))
    );
    let alt_right = KeyEvent::new(KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(action_for_key(&app, alt_right), Some(Forward));
    let shift_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
    assert_eq!(action_for_key(&app, shift_l), Some(Forward));
}

#[test]
fn a_click_on_a_link_follows_it_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = opened(120, 40);
    run(&mut app, &[NextLink, NextLink, NextLink]);
    let (scroll, text) = (app.scroll(), app.panes().text);
    let row = app.wrapped().unwrap().link_rows[2];
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: text.x + 2,
        row: text.y + (row - scroll) as u16,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(action_for_mouse(&app, click), Some(FollowLink(2)));
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 3,
        row: 3,
        ..click
    };
    assert_eq!(
        action_for_mouse(&app, wheel),
        Some(Move(Pane::List, Motion::Rows(3)))
    );
    let on_row = MouseEvent {
        column: 3,
        row: 4,
        ..click
    };
    assert_eq!(action_for_mouse(&app, on_row), Some(Select(4)));
}

#[test]
fn a_new_batch_keeps_the_view_and_an_upgraded_page_is_wrapped_again() {
    let store = store();
    let stub = store
        .ids()
        .find(|&id| store.article(id).kind == Kind::Summary)
        .unwrap();
    let title = store.article(stub).title.clone();
    let mut app = App::new(store, Options::default(), (120, 40));
    let row = app.row_of(stub).unwrap();
    run(&mut app, &[Select(row), OpenSelected, NextLink]);
    let before = view(&app);
    let rows = app.list().len();

    let mut full = Article::new(title);
    full.paragraphs = vec!["Le texte entier est enfin arrivé.".into()];
    let mut newcomer = Article::new("Une page arrivée plus tard");
    newcomer.paragraphs = vec!["Elle s’ajoute au bout de la liste.".into()];
    assert!(add_pages(&mut app, vec![newcomer]));
    assert_eq!(app.list().len(), rows + 1, "the list grows in place");
    assert_eq!(
        (view(&app), app.selected(), app.history_depth()),
        (before, row, (1, 0))
    );

    assert!(add_pages(&mut app, vec![full]));
    let wrapped = app.wrapped().expect("wrapped again at once");
    let notice = Lang::Fr.pick(strings::SUMMARY_ONLY);
    assert!(wrapped.lines.iter().all(|l| l.text != notice));
    assert!(
        wrapped
            .lines
            .iter()
            .any(|l| l.text.contains("enfin arrivé"))
    );
    assert_eq!(app.current(), Some(stub), "ids are stable");
}

#[test]
fn batches_from_a_background_load_grow_the_list_in_place_and_say_how_far_it_is() {
    let mut pages = synthetic_pages();
    let later = pages.split_off(1);
    let options = Options {
        loading: Some(Progress { done: 1, total: 3 }),
        ..Options::default()
    };
    let mut app = App::new(Store::from_pages(pages).0, options, (120, 40));
    assert_eq!(app.loading(), Some(Progress { done: 1, total: 3 }));
    run(&mut app, &[Move(Pane::List, Motion::Rows(1))]);
    let (selected, current) = (app.selected(), app.current());
    let rows = app.list().len();
    let batch = Batch {
        pages: later,
        progress: Some(Progress { done: 3, total: 3 }),
        ..Batch::default()
    };
    assert!(add_batch(&mut app, batch));
    assert!(app.list().len() > rows);
    assert_eq!((app.selected(), app.current()), (selected, current));
    assert_eq!(app.loading(), None, "the load is over");
}

#[test]
fn an_empty_store_is_fine_until_pages_arrive() {
    let mut app = App::new(Store::new(), Options::default(), (80, 24));
    run(
        &mut app,
        &[
            OpenSelected,
            NextLink,
            Digit(1, Instant::now()),
            Action::PageOrNext,
        ],
    );
    assert_eq!(app.current(), None);
    add_pages(&mut app, synthetic_pages());
    assert_eq!(app.current(), app.row_id(0));
}

fn synthetic_pages() -> Vec<Article> {
    let store = synthetic::store(3, 1);
    store.ids().map(|id| (*store.body(id)).clone()).collect()
}

#[test]
fn messages_follow_the_interface_language() {
    let store = store();
    let options = Options {
        lang: Lang::En,
        ..Options::default()
    };
    let mut app = App::new(store, options, (120, 40));
    update(&mut app, Forward);
    assert_eq!(
        app.message().map(|m| m.render(app.lang())).as_deref(),
        Some("End of history")
    );
}
