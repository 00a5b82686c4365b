//! Frames drawn into a `TestBackend`, driven by key scripts through the real keymap
//! (`action_for_key` → `update` → `draw`). Snapshots hold the text and, below it, every run of
//! styled cells, so a lost highlight fails as surely as a lost word.

#[path = "common/search.rs"]
mod search;

use std::fmt::Write as _;

use liseuse::app::keymap::action_for_key;
use liseuse::app::{App, Effect, Options, update};
use liseuse::article::Article;
use liseuse::store::Store;
use liseuse::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Style};
use unicode_width::UnicodeWidthStr;

fn corpus() -> Store {
    Store::from_pages(liseuse::ingest::load_bundled().pages).0
}

fn app(store: Store, cols: u16, rows: u16) -> App {
    App::new(store, Options::default(), (cols, rows)).with_color(true)
}

/// One key of a script: a name (`Enter`, `Tab`, `S-Tab`, `Bksp`, `C-c`…) or a character.
fn key(name: &str) -> KeyEvent {
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Tab" => KeyCode::Tab,
        "S-Tab" => KeyCode::BackTab,
        "Esc" => KeyCode::Esc,
        "Bksp" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Space" => KeyCode::Char(' '),
        _ if name.starts_with("C-") => {
            let c = name[2..].chars().next().unwrap();
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        _ => KeyCode::Char(name.chars().next().unwrap()),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Presses the keys of `script` (space separated) as a person would; returns what the edge
/// was asked to do.
fn press(app: &mut App, script: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for name in script.split_whitespace() {
        if let Some(action) = action_for_key(app, key(name)) {
            effects.extend(update(app, action).effects);
        }
    }
    effects
}

fn frame(app: &App) -> Buffer {
    let (cols, rows) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).unwrap();
    terminal.draw(|frame| ui::draw(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` as the terminal is sent it: each cell's symbol, the cells a wide one covers skipped.
fn row(buffer: &Buffer, y: u16) -> String {
    let area = buffer.area;
    let mut text = String::new();
    let mut hidden = 0;
    for x in area.left()..area.right() {
        if hidden > 0 {
            hidden -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        hidden = symbol.width().saturating_sub(1);
        text.push_str(symbol);
    }
    text
}

/// The screen as text, then the styled runs of each row (`from-to style`), rows with the same
/// runs grouped.
fn render(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut text = String::new();
    let mut groups: Vec<(u16, u16, String)> = Vec::new();
    for y in area.top()..area.bottom() {
        let _ = writeln!(text, "{}", row(buffer, y).trim_end());
        let runs = style_runs(buffer, y);
        match groups.last_mut() {
            Some((_, last, previous)) if *previous == runs => *last = y,
            _ => groups.push((y, y, runs)),
        }
    }
    let mut styles = String::new();
    for (first, last, runs) in groups.iter().filter(|g| !g.2.is_empty()) {
        let rows = if first == last {
            format!("{first}")
        } else {
            format!("{first}-{last}")
        };
        let _ = writeln!(styles, "{rows:>5}: {runs}");
    }
    format!("{text}--- styles ---\n{styles}")
}

/// `from-to style` for each run of same-styled, not plain cells of row `y`.
fn style_runs(buffer: &Buffer, y: u16) -> String {
    let area = buffer.area;
    let mut runs = Vec::new();
    let mut start = area.left();
    for x in area.left()..=area.right() {
        let ends = x == area.right() || buffer[(x, y)].style() != buffer[(start, y)].style();
        if ends && x > start {
            let style = describe(buffer[(start, y)].style());
            if !style.is_empty() {
                runs.push(format!("{start}-{} {style}", x - 1));
            }
            start = x;
        }
    }
    runs.join(", ")
}

fn describe(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg={fg:?}"));
    }
    if let Some(bg) = style.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg={bg:?}"));
    }
    if !style.add_modifier.is_empty() {
        parts.push(format!("{:?}", style.add_modifier));
    }
    parts.join(" ")
}

#[test]
fn search_prompt_results_and_highlights() {
    let store = corpus();
    let searcher = search::searcher(&store);
    let mut app = app(store, 100, 30);
    for keys in ["/ l a o s", "Enter n"] {
        if press(&mut app, keys).contains(&Effect::Search) {
            search::answer(&mut app, &searcher);
        }
    }
    insta::assert_snapshot!("search_laos_read_100x30", render(&frame(&app)));
    press(&mut app, "/ Bksp Bksp");
    search::answer(&mut app, &searcher);
    insta::assert_snapshot!("search_prompt_100x30", render(&frame(&app)));
}

#[test]
fn list_and_reader_at_120x40() {
    let mut app = app(corpus(), 120, 40);
    press(&mut app, "Enter");
    insta::assert_snapshot!("open_cuba_120x40", render(&frame(&app)));
}

#[test]
fn after_following_link_2() {
    let mut app = app(corpus(), 120, 40);
    press(&mut app, "Enter 2");
    insta::assert_snapshot!("link_2_120x40", render(&frame(&app)));
}

#[test]
fn help_popup() {
    let mut app = app(corpus(), 120, 40);
    press(&mut app, "?");
    insta::assert_snapshot!("help_120x40", render(&frame(&app)));
    press(&mut app, "Esc");
    assert!(!app.help_open());
}

#[test]
fn help_taller_than_the_screen_says_so_and_scrolls_to_its_last_row() {
    for (cols, rows) in [(80, 24), (40, 12)] {
        let mut app = app(corpus(), cols, rows);
        press(&mut app, "?");
        let top = render(&frame(&app));
        assert!(
            top.contains("↓ suite"),
            "{cols}×{rows}: more below, and it says so"
        );
        press(&mut app, "Space d j");
        let moved = render(&frame(&app));
        assert!(
            moved.contains("↑") && moved != top,
            "{cols}×{rows}: movement keys scroll"
        );
        press(&mut app, "G");
        let shown = render(&frame(&app));
        assert!(!shown.contains("↓ suite"), "{cols}×{rows}: the end");
        assert!(shown.contains("lien 3…"), "the last row is reachable");
        insta::assert_snapshot!(format!("help_scrolled_{cols}x{rows}"), shown);
    }
}

#[test]
fn the_help_wraps_instead_of_cutting_on_a_narrow_screen() {
    let mut app = app(corpus(), 40, 12);
    press(&mut app, "? j j j");
    let shown = render(&frame(&app));
    assert!(shown.lines().take(12).all(|row| row.width() <= 40));
    insta::assert_snapshot!("help_40x12", shown);
}

/// The "done when": link [10] stays highlighted and on screen, and the first line is
/// the one left, through a resize to 60×15 and back (on the Kirghizistan page: the Cuba page
/// has seven links); `g` then Enter stays in the article; Space through the Cuba page ends on
/// the next article.
#[test]
fn link_ten_and_the_first_line_survive_a_resize_and_space_reads_on() {
    let mut app = app(corpus(), 120, 40);
    press(&mut app, "j Enter Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab");
    assert_eq!(app.view().unwrap().link, Some(9));
    let before = frame(&app);
    let first_line = |b: &Buffer| render(b).lines().next().unwrap().to_owned();
    assert!(render(&before).contains("[10]"));
    update(&mut app, liseuse::app::Action::Resize(60, 15));
    let small = render(&frame(&app));
    assert!(
        small.contains("[10]"),
        "link 10 is on the small screen:\n{small}"
    );
    update(&mut app, liseuse::app::Action::Resize(120, 40));
    let after = frame(&app);
    assert_eq!(app.view().unwrap().link, Some(9));
    assert_eq!(first_line(&after), first_line(&before));
    assert_eq!(render(&after), render(&before));

    let kirghizistan = app.current();
    press(&mut app, "g Enter");
    assert_eq!(
        app.current(),
        kirghizistan,
        "g then Enter stays in the article"
    );
    press(&mut app, "K");
    let cuba = app.current();
    assert_eq!(cuba, app.row_id(0));
    press(&mut app, "G Tab g Enter");
    assert_eq!(app.current(), cuba, "g then Enter stays in the article");
    let mut presses = 0;
    while app.current() == cuba {
        press(&mut app, "Space");
        presses += 1;
        assert!(presses < 50, "Space reaches the end");
    }
    assert_eq!(app.current(), app.row_id(1), "the next article of the list");
}

#[test]
fn a_terminal_larger_than_drawn_is_said_in_the_status_bar() {
    let mut app = app(corpus(), 1200, 30);
    press(&mut app, "Enter");
    let status = render(&frame(&app))
        .lines()
        .nth(29)
        .unwrap_or_default()
        .to_owned();
    assert!(status.contains("écran limité à 1000×500"), "{status}");
}

#[test]
fn the_interface_speaks_english_outside_a_french_locale() {
    let options = Options {
        lang: liseuse::strings::Lang::En,
        ..Options::default()
    };
    let mut app = App::new(corpus(), options, (80, 24)).with_color(true);
    press(&mut app, "Enter Tab");
    let shown = render(&frame(&app));
    assert!(shown.contains("history 0") && shown.contains("? help"));
    insta::assert_snapshot!("english_80x24", shown);
}

#[test]
fn highlighted_link_at_80x24() {
    let mut app = app(corpus(), 80, 24);
    press(&mut app, "Enter Tab Tab Tab");
    insta::assert_snapshot!("highlight_80x24", render(&frame(&app)));
}

#[test]
fn narrow_30x10_list_then_reader() {
    let mut app = app(corpus(), 30, 10);
    press(&mut app, "j j");
    insta::assert_snapshot!("list_30x10", render(&frame(&app)));
    press(&mut app, "Enter");
    insta::assert_snapshot!("reader_30x10", render(&frame(&app)));
}

#[test]
fn one_by_one_and_no_rows_at_all() {
    let mut app = app(corpus(), 1, 1);
    press(&mut app, "Enter Tab j ? Esc t");
    insta::assert_snapshot!("tiny_1x1", render(&frame(&app)));
    for (cols, rows) in [(0, 0), (12, 0), (0, 3), (2, 2)] {
        let mut app = self::app(corpus(), cols, rows);
        press(&mut app, "Enter PgDn Tab 1 ? j Esc t Bksp");
        frame(&app);
    }
}

#[test]
fn without_colour_the_highlights_remain() {
    let mut app = App::new(corpus(), Options::default(), (80, 24)).with_color(false);
    press(&mut app, "Enter Tab Tab Tab");
    let shown = render(&frame(&app));
    assert!(!shown.contains("fg=") && !shown.contains("bg="));
    assert!(
        shown.contains("BOLD | REVERSED"),
        "the highlighted link is reversed"
    );
    insta::assert_snapshot!("highlight_80x24_no_color", shown);
}

/// The "done when" of the issue: open the Cuba page, press 3, read the Laos summary with its
/// Cité par link, press Backspace, be exactly where you were, and quit with q.
#[test]
fn link_three_and_back_leave_the_screen_exactly_as_it_was() {
    let mut app = app(corpus(), 120, 40);
    press(&mut app, "Enter j j j j Tab Tab");
    let before = frame(&app);
    press(&mut app, "3");
    let elan = render(&frame(&app));
    assert!(elan.contains("Un nouvel élan pour les relations Vietnam–Laos"));
    assert!(elan.contains("Seul le résumé de cet article figure dans le corpus."));
    assert!(elan.contains("Cité par") && elan.contains("[1] • Pour promouvoir"));
    press(&mut app, "Bksp");
    let after = frame(&app);
    // All but the status bar, which now says a step forward is possible; the text exactly,
    // the styles but for the article just read (its row dimmed, the link to it visited).
    let body = |b: &Buffer| b.content[..b.content.len() - 120].to_vec();
    let text = |cells: Vec<ratatui::buffer::Cell>| {
        cells
            .iter()
            .map(|c| c.symbol().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(text(body(&after)), text(body(&before)));
    let changed: Vec<_> = (0..before.content.len() - 120)
        .filter(|&i| before.content[i] != after.content[i])
        .map(|i| i / 120)
        .collect();
    assert!(!changed.is_empty(), "the article read looks read");
    // Row 4 lists it, row 20 holds the link to it.
    assert!(
        changed.iter().all(|&row| [4, 20].contains(&row)),
        "rows {changed:?}"
    );
    assert!(render(&after).contains("historique 0 (+1)"));
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
}

/// Vietnamese diacritics (composed and combining) and emoji: every row still ends at the last
/// column and the separator stays in one column.
#[test]
fn wide_and_combining_characters_keep_columns_aligned() {
    let titles = [
        "Nguyễn Xuân Phúc gặp gỡ các nhà lãnh đạo thế giới tại Liên Hợp Quốc",
        "Nguye\u{0302}\u{0303}n Tho\u{031B}\u{0300}i combinant les accents à la main",
        "🇻🇳 Drapeaux 🎉 et idéogrammes 越南 dans un titre assez long pour être coupé",
    ];
    let pages = titles
        .iter()
        .map(|t| {
            let mut page = Article::new(*t);
            page.paragraphs = vec![format!("{t} — {t} — {t}")];
            page
        })
        .collect();
    let mut app = app(Store::from_pages(pages).0, 80, 8);
    press(&mut app, "j Enter");
    let buffer = frame(&app);
    let shown = render(&buffer);
    let separator = app.panes().list_rows.right();
    for y in 0..7 {
        assert_eq!(buffer[(separator, y)].symbol(), "│", "row {y}");
    }
    for row in shown.lines().take(8) {
        assert!(row.width() <= 80, "{row}");
    }
    insta::assert_snapshot!("wide_chars_80x8", shown);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any size and any keys, resizes included: drawing never panics.
    #[test]
    fn no_size_or_key_sequence_panics(
        cols in 0u16..140,
        rows in 0u16..45,
        keys in proptest::collection::vec(0usize..KEYS.len(), 0..40),
        resize in proptest::option::of((0u16..140, 0u16..45)),
    ) {
        let mut app = app(corpus(), cols, rows);
        for (i, &k) in keys.iter().enumerate() {
            press(&mut app, KEYS[k]);
            if i == keys.len() / 2 && let Some((c, r)) = resize {
                update(&mut app, liseuse::app::Action::Resize(c, r));
            }
            frame(&app);
        }
    }
}

const KEYS: &[&str] = &[
    "j", "k", "Enter", "Tab", "S-Tab", "Bksp", "L", "Space", "b", "G", "g", "1", "2", "3", "9",
    "0", "?", "Esc", "t", "Left", "Right", "PgDn", "]", "[",
];

#[path = "ui/widths.rs"]
mod widths;

/// The `mono` theme: no colour anywhere, and the selection, the focus and the highlighted link
/// still show (reverse, underline, bold).
#[test]
fn the_mono_theme_draws_without_colour_and_keeps_every_highlight() {
    let options = Options {
        theme: liseuse::ui::theme::Theme::built_in("mono").unwrap(),
        ..Options::default()
    };
    let mut app = App::new(corpus(), options, (80, 24)).with_color(true);
    press(&mut app, "j j Enter Tab Tab");
    let shown = render(&frame(&app));
    assert!(!shown.contains("fg=") && !shown.contains("bg="), "{shown}");
    assert!(shown.contains("BOLD | REVERSED"), "the highlighted link");
    assert!(
        shown.contains("UNDERLINED"),
        "the selection, the list not focused"
    );
    insta::assert_snapshot!("mono_80x24", shown);
}

/// What `NO_COLOR` (or `--color never`) gives: the default theme without its colours.
#[test]
fn no_color_drops_the_colours_of_the_default_theme_only() {
    use liseuse::app::ColorChoice;
    use std::ffi::OsStr;
    assert!(!ColorChoice::Auto.resolve(Some(OsStr::new("1"))));
    assert!(
        ColorChoice::Auto.resolve(Some(OsStr::new(""))),
        "an empty NO_COLOR is unset"
    );
    assert!(ColorChoice::Always.resolve(Some(OsStr::new("1"))));
    let options = Options {
        color: ColorChoice::Never,
        ..Options::default()
    };
    let mut app = App::new(corpus(), options, (80, 24));
    press(&mut app, "Enter Tab");
    let shown = render(&frame(&app));
    assert!(!shown.contains("fg=") && !shown.contains("bg="), "{shown}");
    insta::assert_snapshot!("no_color_80x24", shown);
}

/// A key rebound in the configuration is the one the help lists, and the status bar's hint
/// follows it.
#[test]
fn a_rebound_key_shows_in_the_help_and_the_hint() {
    let text = "[keys.panes]\nhelp = [\"H\"]\n[keys.reader]\nmove-down = [\"x\", \"Down\"]\n";
    let config = liseuse::config::parse(text, "config.toml").unwrap();
    let options = Options {
        keymap: config.keymap,
        ..Options::default()
    };
    // Tall enough for the reader's keys to show without scrolling the help.
    let mut app = App::new(corpus(), options, (120, 60)).with_color(true);
    let closed = render(&frame(&app));
    assert!(closed.contains("H aide"), "the hint names the new key");
    press(&mut app, "?");
    assert!(!app.help_open(), "? no longer opens the help");
    press(&mut app, "H");
    assert!(app.help_open());
    let shown = render(&frame(&app));
    assert!(shown.contains("x ↓"), "the reader's move-down keys");
    insta::assert_snapshot!("help_rebound_120x60", shown);
}
