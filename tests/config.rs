//! The configuration file as a user writes it: a good file, each kind of mistake reported at
//! its line and column, the default file read back to the defaults, and a rebound action
//! driving the app through the real keymap, as `update` sees it.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/rng.rs"]
mod rng;
#[path = "common/synthetic.rs"]
mod synthetic;

use liseuse::app::keymap::action_for_key;
use liseuse::app::{Action, App, ColorChoice, Effect, Motion, Options, Pane, update};
use liseuse::config::{Config, ConfigError, default_file, parse};
use liseuse::strings::Lang;
use liseuse::ui::theme::{Role, Theme};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn error(text: &str) -> ConfigError {
    parse(text, "config.toml").expect_err("the file is refused")
}

/// Line and column (from 1) of the first occurrence of `needle` in `text`.
fn place_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("the needle is in the text");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .count()
        + 1;
    (line, column)
}

#[test]
fn a_good_file_sets_every_option() {
    let text = r##"
[reader]
measure = 72
list-width = 36
language = "en"
color = "never"
mouse = false
mark-read-on-open = false
watch = true

[theme]
name = "light"

[theme.styles]
title = "bold underline #3366ff"
selection = "reverse on black"

[keys.reader]
move-down = ["w", "Down"]
quit = ["x"]

[keys.panes]
toggle-raw = []
"##;
    let config = parse(text, "config.toml").unwrap();
    assert_eq!(config.measure, Some(72));
    assert_eq!(config.list_width, Some(36));
    assert_eq!(config.lang, Some(Lang::En));
    assert_eq!(config.color, ColorChoice::Never);
    assert!(!config.mouse && !config.mark_read_on_open && config.watch);
    let title = config.theme.get(Role::Title);
    assert_eq!(title.fg, Some(Color::Rgb(0x33, 0x66, 0xff)));
    assert!(title.add_modifier.contains(Modifier::UNDERLINED));
    assert_eq!(config.theme.get(Role::Selection).bg, Some(Color::Black));
    let light = Theme::built_in("light").unwrap();
    assert_eq!(config.theme.get(Role::Link), light.get(Role::Link));
    let raw = config
        .keymap
        .rows()
        .iter()
        .find(|r| r.name() == "toggle-raw");
    assert!(raw.is_some_and(|r| r.keys.is_empty()), "unbound");
}

#[test]
fn an_unknown_key_is_reported_at_its_line_and_column() {
    let text = "[reader]\nmeasure = 70\n  colour = \"never\"\n";
    let e = error(text);
    assert_eq!((e.line, e.column), place_of(text, "colour"), "{e}");
    assert!(e.message.contains("colour"), "{e}");
    assert!(e.to_string().starts_with("config.toml:3:3: "), "{e}");

    let text = "[keys.reader]\nfly-away = [\"f\"]\n";
    let e = error(text);
    assert_eq!((e.line, e.column), place_of(text, "fly-away"), "{e}");
    assert!(e.message.contains("no action \"fly-away\""), "{e}");

    let text = "[keys.popup]\nquit = [\"x\"]\n";
    let e = error(text);
    assert_eq!(e.line, 1, "{e}");
    assert!(e.message.contains("[keys.popup]"), "{e}");
}

#[test]
fn a_bad_value_is_reported_at_the_value() {
    let cases = [
        ("[reader]\nmeasure = 5\n", "5", "from 20 to 1000"),
        ("[reader]\nmouse = \"yes\"\n", "\"yes\"", "boolean"),
        (
            "[reader]\nlanguage = \"vi\"\n",
            "\"vi\"",
            "\"fr\", \"en\" or \"auto\"",
        ),
        (
            "[theme]\nname = \"solarized\"\n",
            "\"solarized\"",
            "default, light, mono",
        ),
        (
            "[theme.styles]\nlink = \"bold blurple\"\n",
            "\"bold blurple\"",
            "blurple",
        ),
        (
            "[theme.styles]\nlinks = \"bold\"\n",
            "links",
            "no style \"links\"",
        ),
        (
            "[keys.list]\nopen = [\"Enter\", \"Ctrl-Up\"]\n",
            "\"Ctrl-Up\"",
            "not a key",
        ),
        (
            "[keys.help]\nopen = [\"o\"]\n",
            "open",
            "only in [keys.list]",
        ),
    ];
    for (text, at, says) in cases {
        let e = error(text);
        assert_eq!((e.line, e.column), place_of(text, at), "{text}: {e}");
        assert!(e.message.contains(says), "{text}: {e}");
    }
}

#[test]
fn a_key_bound_twice_in_one_mode_is_reported_where_the_file_binds_it() {
    let text = "[keys.list]\nopen = [\"Enter\", \"q\"]\n";
    let e = error(text);
    assert_eq!((e.line, e.column), place_of(text, "\"q\""), "{e}");
    assert!(
        e.message.contains("q is bound twice in the list mode"),
        "{e}"
    );
    assert!(e.message.contains("quit [keys.panes]"), "{e}");

    // The same key in two modes that never meet is fine.
    let text = "[keys.list]\nopen = [\"x\"]\n[keys.reader]\nfollow-link = [\"x\"]\n";
    assert!(parse(text, "config.toml").is_ok());
}

#[test]
fn the_default_file_is_accepted_and_reads_back_to_the_defaults() {
    let text = default_file();
    let config = parse(&text, "default.toml").unwrap();
    assert_eq!(config, Config::default());
    // Every binding of the default keymap is written out, so every action can be found there.
    for row in Config::default().keymap.rows() {
        assert!(
            text.contains(&format!("\n{} = [", row.name())),
            "{}",
            row.name()
        );
    }
    for role in Role::ALL {
        assert!(
            text.contains(&format!("# {} = \"", role.name())),
            "{role:?}"
        );
    }
}

#[test]
fn a_rebound_action_works_in_update_and_the_old_key_no_longer_does() {
    let text = "[keys.reader]\nmove-down = [\"x\"]\n[keys.panes]\ncopy-title = [\"c\"]\n";
    let config = parse(text, "config.toml").unwrap();
    let store = synthetic::store(12, 7);
    let open = store.ids().next();
    let options = Options {
        open,
        keymap: config.keymap,
        ..Options::default()
    };
    let mut app = App::new(store, options, (100, 30));
    let press = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        action_for_key(&app, press('j')),
        None,
        "j is no longer bound"
    );
    let down = action_for_key(&app, press('x')).expect("x is bound");
    assert_eq!(down, Action::Move(Pane::Reader, Motion::Rows(1)));
    let before = app.scroll();
    update(&mut app, down);
    assert_eq!(app.scroll(), before + 1);
    let copy = action_for_key(&app, press('c')).expect("c copies");
    let effects = update(&mut app, copy).effects;
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(..)]),
        "{effects:?}"
    );
    assert_eq!(action_for_key(&app, press('y')), None, "y was moved to c");
}

#[test]
fn the_list_width_is_the_configured_one_and_never_more_than_half() {
    let config = parse("[reader]\nlist-width = 70\n", "config.toml").unwrap();
    let options = Options {
        list_width: config.list_width,
        ..Options::default()
    };
    let wide = App::new(synthetic::store(4, 1), options.clone(), (200, 40));
    assert_eq!(wide.panes().list.width, 70);
    let narrower = App::new(synthetic::store(4, 1), options, (120, 40));
    assert_eq!(narrower.panes().list.width, 60, "half of 120");
    let default = App::new(synthetic::store(4, 1), Options::default(), (120, 40));
    assert_eq!(default.panes().list.width, 40, "a third");
}
