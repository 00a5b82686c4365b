//! `update` alone, on the bundled corpus: action sequences in, app state out. No terminal; the
//! clock of typed digits is set by hand.

use std::time::{Duration, Instant};

use liseuse::app::Action::{
    self, Back, Cancel, Digit, FollowHighlighted, FollowLink, Forward, Move, NextLink,
    OpenSelected, Resize, Select, Tick, ToggleList,
};
use liseuse::app::history::Visit;
use liseuse::app::keymap::{action_for_key, action_for_mouse};
use liseuse::app::{App, DIGIT_PAUSE, Motion, Options, Pane, add_pages, update};
use liseuse::article::{Article, Kind};
use liseuse::store::{ArticleId, Store};
use liseuse::wrap::SUMMARY_ONLY;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const CUBA: &str = "Pour promouvoir les relations du Vietnam";
const KIRGHIZISTAN: &str = "Le Vietnam attache de l'importance";
const ELAN: &str = "Un nouvel élan pour les relations Vietnam–Laos";

fn corpus() -> Store {
    Store::from_pages(liseuse::ingest::load_bundled().pages).0
}

fn titled(store: &Store, prefix: &str) -> ArticleId {
    store
        .ids()
        .find(|&id| store.article(id).title.starts_with(prefix))
        .unwrap_or_else(|| panic!("no article titled {prefix}…"))
}

/// The bundled corpus at 120×40 with the article titled `prefix` open.
fn open_at(prefix: &str) -> App {
    let store = corpus();
    let open = Some(titled(&store, prefix));
    let options = Options { open, measure: 80 };
    App::new(store, options, (120, 40))
}

fn run(app: &mut App, actions: &[Action]) {
    for &action in actions {
        update(app, action);
    }
}

fn view(app: &App) -> Visit {
    app.view().expect("an article is open")
}

fn title(app: &App) -> &str {
    &app.store().article(app.current().unwrap()).title
}

#[test]
fn three_links_forward_then_three_back_restore_article_scroll_and_highlight() {
    let mut app = open_at(CUBA);
    let t = Instant::now();
    run(&mut app, &[Move(Pane::Reader, Motion::Rows(4))]);
    run(&mut app, &[NextLink, NextLink, NextLink]);
    let first = view(&app);
    assert_eq!(first.link, Some(2));
    assert!(
        first.scroll > 4,
        "the highlighted link was scrolled into view"
    );

    update(&mut app, FollowHighlighted);
    assert_eq!(title(&app), ELAN);
    update(&mut app, NextLink);
    let second = view(&app);

    update(&mut app, FollowHighlighted);
    assert!(title(&app).starts_with(CUBA));
    assert_eq!((view(&app).scroll, view(&app).link), (0, None));
    update(&mut app, Move(Pane::Reader, Motion::Pages(1)));
    let third = view(&app);

    // Seven links: `1` cannot start a longer number, so it is followed at once.
    update(&mut app, Digit(1, t));
    assert!(title(&app).starts_with("L'envoyé spécial"));
    assert_eq!(app.history_depth(), (3, 0));

    for expected in [third, second, first] {
        update(&mut app, Back);
        assert_eq!(view(&app), expected);
        assert_eq!(app.focus(), Pane::Reader);
    }
    assert_eq!(app.history_depth(), (0, 3));
    assert_eq!(
        app.selected(),
        app.row_of(first.id),
        "the list follows the reader"
    );
}

#[test]
fn forward_after_back_and_a_new_link_drops_the_forward_branch() {
    let mut app = open_at(CUBA);
    let start = view(&app);
    run(&mut app, &[FollowLink(2), FollowLink(0)]);
    let end = view(&app);
    run(&mut app, &[Back, Back]);
    assert_eq!(view(&app), start);

    update(&mut app, Forward);
    assert_eq!(title(&app), ELAN);
    update(&mut app, Forward);
    assert_eq!(view(&app), end);
    assert!(
        update(&mut app, Forward),
        "a remark says the history ends here"
    );
    assert_eq!(app.message(), Some("Fin de l’historique"));

    run(&mut app, &[Back, Back, FollowLink(5)]);
    assert_eq!(app.history_depth(), (1, 0));
}

#[test]
fn a_summary_only_article_says_so_and_its_cite_par_link_leads_back() {
    let mut app = open_at(ELAN);
    assert_eq!(
        app.store().article(app.current().unwrap()).kind,
        Kind::Summary
    );
    let wrapped = app.wrapped().expect("wrapped on opening");
    assert!(wrapped.lines.iter().any(|l| l.text == SUMMARY_ONLY));
    let cuba = titled(app.store(), CUBA);
    assert_eq!(app.links(), [cuba]);

    update(&mut app, Digit(1, Instant::now()));
    assert_eq!(app.current(), Some(cuba));
    update(&mut app, Back);
    assert_eq!(title(&app), ELAN);
}

#[test]
fn digits_typed_quickly_reach_link_ten_and_a_pause_settles_on_link_one() {
    let mut app = open_at(KIRGHIZISTAN);
    let links = app.links();
    assert_eq!(links.len(), 10);
    let t = Instant::now();

    update(&mut app, Digit(1, t));
    assert_eq!(app.pending_link().map(|p| p.number), Some(1));
    assert_eq!(app.deadline(), Some(t + DIGIT_PAUSE));
    update(&mut app, Digit(0, t + Duration::from_millis(200)));
    assert_eq!(app.current(), Some(links[9]));
    assert_eq!(app.pending_link(), None);

    update(&mut app, Back);
    let t = t + Duration::from_secs(5);
    update(&mut app, Digit(1, t));
    assert!(
        !update(&mut app, Tick(t + DIGIT_PAUSE / 2)),
        "too early: still waiting"
    );
    assert_eq!(app.current(), Some(titled(app.store(), KIRGHIZISTAN)));
    update(&mut app, Tick(t + DIGIT_PAUSE));
    assert_eq!(app.current(), Some(links[0]));
}

#[test]
fn a_late_second_digit_starts_a_new_number_and_enter_or_esc_settle_a_waiting_one() {
    let mut app = open_at(KIRGHIZISTAN);
    let kirghizistan = app.current();
    let links = app.links();
    let t = Instant::now();

    // No tick came, but the pause ran out: `1` was complete, and `0` is no link.
    run(&mut app, &[Digit(1, t), Digit(0, t + DIGIT_PAUSE)]);
    assert_eq!(app.current(), Some(links[0]));
    assert_eq!(app.message(), Some("Pas de lien 0"));

    run(&mut app, &[Back, Digit(1, t), FollowHighlighted]);
    assert_eq!(
        app.current(),
        Some(links[0]),
        "Enter follows the number typed so far"
    );

    run(&mut app, &[Back, Digit(1, t), Cancel]);
    assert_eq!((app.current(), app.pending_link()), (kirghizistan, None));

    update(&mut app, Digit(9, t));
    assert_eq!(
        app.current(),
        Some(links[8]),
        "9 cannot grow into a link number: at once"
    );
}

#[test]
fn update_reports_only_visible_changes() {
    let mut app = open_at(CUBA);
    assert!(!update(&mut app, Move(Pane::Reader, Motion::Rows(-1))));
    assert!(update(&mut app, Move(Pane::Reader, Motion::Rows(1))));
    assert!(update(&mut app, Action::Redraw));
    assert!(!update(&mut app, Action::Suspend));
    assert!(update(&mut app, Resize(100, 30)));
    assert!(!update(&mut app, Resize(100, 30)));
}

#[test]
fn the_end_of_the_article_is_as_far_as_scrolling_goes() {
    let mut app = open_at(CUBA);
    update(&mut app, Move(Pane::Reader, Motion::Bottom));
    let bottom = view(&app).scroll;
    let rows = app.wrapped().unwrap().lines.len();
    assert_eq!(bottom + usize::from(app.panes().text.height), rows);
    update(&mut app, Move(Pane::Reader, Motion::Pages(3)));
    assert_eq!(view(&app).scroll, bottom);
    update(&mut app, Move(Pane::Reader, Motion::Top));
    assert_eq!(view(&app).scroll, 0);
}

#[test]
fn the_list_opens_the_selected_article_and_back_with_no_history_returns_to_it() {
    let store = corpus();
    let mut app = App::new(store, Options::default(), (120, 40));
    assert_eq!((app.focus(), app.selected()), (Pane::List, 0));
    run(&mut app, &[Move(Pane::List, Motion::Rows(3)), OpenSelected]);
    assert_eq!((app.focus(), app.current()), (Pane::Reader, app.row_id(3)));
    assert_eq!(app.history_depth(), (1, 0));
    run(&mut app, &[Back, Back]);
    assert_eq!((app.focus(), app.current()), (Pane::List, app.row_id(0)));
    update(&mut app, Move(Pane::List, Motion::Bottom));
    assert_eq!(app.selected(), app.store().len() - 1);
}

#[test]
fn a_narrow_screen_shows_the_list_and_the_reader_in_turn() {
    let store = corpus();
    let mut app = App::new(store, Options::default(), (40, 12));
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
    let mut app = open_at(CUBA);
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
            ],
        );
    }
}

#[test]
fn keys_act_on_press_only_and_chords_quit_or_suspend() {
    let app = open_at(CUBA);
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
    let alt_right = KeyEvent::new(KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(action_for_key(&app, alt_right), Some(Forward));
    let shift_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
    assert_eq!(action_for_key(&app, shift_l), Some(Forward));
}

#[test]
fn a_click_on_a_link_follows_it_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = open_at(CUBA);
    run(&mut app, &[NextLink, NextLink, NextLink]);
    let (scroll, text) = (view(&app).scroll, app.panes().text);
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
    let mut loaded = liseuse::ingest::load_bundled().pages;
    let later = loaded.split_off(1);
    let mut app = App::new(Store::from_pages(loaded).0, Options::default(), (120, 40));
    let elan = titled(app.store(), ELAN);
    let row = app.row_of(elan);
    run(&mut app, &[Select(row), OpenSelected]);
    assert_eq!(app.current(), Some(elan));
    update(&mut app, NextLink);
    let before = view(&app);
    let rows = app.store().len();

    assert!(add_pages(&mut app, later));
    assert!(app.store().len() > rows);
    assert_eq!(
        (view(&app), app.selected(), app.history_depth()),
        (before, row, (1, 0))
    );

    let mut full = Article::new(ELAN);
    full.paragraphs = vec!["Le texte entier est enfin arrivé.".into()];
    assert!(add_pages(&mut app, vec![full]));
    let wrapped = app.wrapped().expect("wrapped again at once");
    assert!(wrapped.lines.iter().all(|l| l.text != SUMMARY_ONLY));
    assert!(
        wrapped
            .lines
            .iter()
            .any(|l| l.text.contains("enfin arrivé"))
    );
    assert_eq!(app.current(), Some(elan), "ids are stable");
}

#[test]
fn an_empty_store_is_fine_until_pages_arrive() {
    let mut app = App::new(Store::new(), Options::default(), (80, 24));
    run(
        &mut app,
        &[OpenSelected, NextLink, Digit(1, Instant::now())],
    );
    assert_eq!(app.current(), None);
    add_pages(&mut app, liseuse::ingest::load_bundled().pages);
    assert_eq!(app.current(), app.row_id(0));
}

fn shown(app: &App) -> String {
    let wrapped = app.wrapped().expect("the open article is wrapped");
    wrapped
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn r_toggles_the_text_as_scraped_and_back_keeping_the_place() {
    let mut app = open_at(CUBA);
    update(&mut app, Move(Pane::Reader, Motion::Rows(5)));
    let scroll = view(&app).scroll;
    let repaired = shown(&app);
    assert!(!repaired.contains("Phuceffectuera"), "the text is repaired");

    let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
    let action = action_for_key(&app, r).expect("r is bound");
    assert!(update(&mut app, action));
    assert!(app.raw());
    assert!(
        shown(&app).contains("Phuceffectuera"),
        "the raw text is shown"
    );
    assert_eq!(view(&app).scroll, scroll);

    // The preference holds across articles, like a `less` option.
    update(&mut app, FollowLink(2));
    assert!(app.raw());
    update(&mut app, Back);
    assert!(shown(&app).contains("Phuceffectuera"));

    let action = action_for_key(&app, r).unwrap();
    update(&mut app, action);
    assert!(!app.raw());
    assert_eq!(shown(&app), repaired);
}
