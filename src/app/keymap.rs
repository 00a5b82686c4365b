//! Key and mouse events → `Action`s, by mode (help popup, list, reader). The same table,
//! read backwards, gives the help popup and the status bar hint, so they cannot drift from
//! what the keys do.

use std::time::Instant;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use super::{Action, App, Motion, Pane};

/// Rows one notch of the mouse wheel moves.
const WHEEL_ROWS: isize = 3;

/// Which keys apply: the popup takes the keyboard, otherwise the focused pane does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Help,
    List,
    Reader,
}

pub fn mode(app: &App) -> Mode {
    match (app.help_open(), app.focus()) {
        (true, _) => Mode::Help,
        (false, Pane::List) => Mode::List,
        (false, Pane::Reader) => Mode::Reader,
    }
}

/// Where a binding applies, and the heading it gets in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Even over the popup.
    Always,
    /// In the list and in the reader.
    Panes,
    InList,
    InReader,
    InHelp,
}

impl Scope {
    fn covers(self, mode: Mode) -> bool {
        match self {
            Self::Always => true,
            Self::Panes => mode != Mode::Help,
            Self::InList => mode == Mode::List,
            Self::InReader => mode == Mode::Reader,
            Self::InHelp => mode == Mode::Help,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Always => "Partout",
            Self::Panes => "Liste et lecture",
            Self::InList => "Dans la liste",
            Self::InReader => "Dans la lecture",
            Self::InHelp => "Dans l’aide",
        }
    }
}

/// A key as the table names it. Shift is part of the character (`L`), so it is not checked;
/// Ctrl and Alt must match exactly, so `Ctrl-J` is never `j`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    Alt(KeyCode),
    /// Any of `0`–`9`.
    Digits,
}

use Key::{Code, Ctrl};
use KeyCode::Char;

impl Key {
    fn matches(self, key: &KeyEvent) -> bool {
        let chord = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            Code(code) => chord.is_empty() && key.code == code,
            Ctrl(c) => chord == KeyModifiers::CONTROL && key.code == Char(c),
            Key::Alt(code) => chord == KeyModifiers::ALT && key.code == code,
            Key::Digits => chord.is_empty() && matches!(key.code, Char('0'..='9')),
        }
    }

    pub fn label(self) -> String {
        match self {
            Code(code) => code_label(code),
            Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(code) => format!("Alt-{}", code_label(code)),
            Key::Digits => "1…9 0".to_owned(),
        }
    }
}

fn code_label(code: KeyCode) -> String {
    match code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => "Entrée".into(),
        KeyCode::Esc => "Échap".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Maj-Tab".into(),
        KeyCode::Backspace => "⌫".into(),
        Char(' ') => "Espace".into(),
        Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// What a binding does: most give a fixed action; digits carry their value and the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Does {
    Act(Action),
    Digit,
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    does: Does,
    /// What the help says the keys do.
    pub help: &'static str,
}

const fn bind(scope: Scope, keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        scope,
        keys,
        does: Does::Act(action),
        help,
    }
}

use Action::{Back, Focus, Forward, Move, Quit, ScrollHelp};
use Motion::{Bottom, Pages, Rows, Top};
use Pane::{List, Reader};
use Scope::{Always, InHelp, InList, InReader, Panes};

const UP: Key = Code(KeyCode::Up);
const DOWN: Key = Code(KeyCode::Down);
const LEFT: Key = Code(KeyCode::Left);
const RIGHT: Key = Code(KeyCode::Right);
const PG_UP: Key = Code(KeyCode::PageUp);
const PG_DN: Key = Code(KeyCode::PageDown);
const HOME: Key = Code(KeyCode::Home);
const END: Key = Code(KeyCode::End);
const ENTER: Key = Code(KeyCode::Enter);
const ESC: Key = Code(KeyCode::Esc);
const TAB: Key = Code(KeyCode::Tab);
const BACK_TAB: Key = Code(KeyCode::BackTab);
const BACKSPACE: Key = Code(KeyCode::Backspace);
const ALT_RIGHT: Key = Key::Alt(KeyCode::Right);

const fn ch(c: char) -> Key {
    Code(Char(c))
}

/// Every binding, in the order the help shows them. The first that matches wins.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Always,   &[Ctrl('c')],                  Quit,                      "quitter"),
    bind(Always,   &[Ctrl('z')],                  Action::Suspend,           "suspendre (fg pour revenir)"),
    bind(Always,   &[Ctrl('l')],                  Action::Redraw,            "redessiner l’écran"),
    bind(Panes,    &[ch('q')],                    Quit,                      "quitter"),
    bind(Panes,    &[ch('?')],                    Action::ToggleHelp,        "aide"),
    bind(Panes,    &[ch('t')],                    Action::ToggleList,        "aller à la liste ; depuis la liste, la ranger"),
    bind(Panes,    &[ch('r')],                    Action::ToggleRaw,         "texte tel que récupéré / texte réparé"),
    bind(Panes,    &[BACKSPACE, LEFT, ch('h')],   Back,                      "revenir en arrière (article, position, lien)"),
    bind(Panes,    &[ch('L'), ALT_RIGHT],         Forward,                   "avancer de nouveau"),
    Binding { scope: Panes, keys: &[Key::Digits], does: Does::Digit,
              help: "suivre le lien n (tapé vite, 1 0 mène au lien 10)" },
    bind(Panes,    &[ESC],                        Action::Cancel,            "annuler le numéro tapé"),
    bind(InList,   &[UP, ch('k')],                Move(List, Rows(-1)),      "article précédent"),
    bind(InList,   &[DOWN, ch('j')],              Move(List, Rows(1)),       "article suivant"),
    bind(InList,   &[PG_UP, ch('b')],             Move(List, Pages(-1)),     "page précédente"),
    bind(InList,   &[PG_DN, ch(' ')],             Move(List, Pages(1)),      "page suivante"),
    bind(InList,   &[HOME, ch('g')],              Move(List, Top),           "premier article"),
    bind(InList,   &[END, ch('G')],               Move(List, Bottom),        "dernier article"),
    bind(InList,   &[ENTER, RIGHT, ch('l')],      Action::OpenSelected,      "ouvrir l’article choisi"),
    bind(InList,   &[TAB],                        Focus(Reader),             "passer à la lecture"),
    bind(InReader, &[UP, ch('k')],                Move(Reader, Rows(-1)),    "remonter d’une ligne"),
    bind(InReader, &[DOWN, ch('j')],              Move(Reader, Rows(1)),     "descendre d’une ligne"),
    bind(InReader, &[PG_UP, ch('b')],             Move(Reader, Pages(-1)),   "page précédente"),
    bind(InReader, &[PG_DN, ch(' ')],             Move(Reader, Pages(1)),    "page suivante"),
    bind(InReader, &[HOME, ch('g')],              Move(Reader, Top),         "début de l’article"),
    bind(InReader, &[END, ch('G')],               Move(Reader, Bottom),      "fin de l’article"),
    bind(InReader, &[TAB, ch(']')],               Action::NextLink,          "lien suivant"),
    bind(InReader, &[BACK_TAB, ch('[')],          Action::PrevLink,          "lien précédent"),
    bind(InReader, &[ENTER, RIGHT, ch('l')],      Action::FollowHighlighted, "suivre le lien en surbrillance"),
    bind(InHelp,   &[UP, ch('k')],                ScrollHelp(Rows(-1)),      "remonter"),
    bind(InHelp,   &[DOWN, ch('j')],              ScrollHelp(Rows(1)),       "descendre"),
    bind(InHelp,   &[ESC, ch('?'), ch('q')],      Action::ToggleHelp,        "fermer l’aide"),
];

/// The mouse, for the help (it has no keys to read them from).
pub const MOUSE_HELP: &[(&str, &str)] = &[
    ("molette", "fait défiler le panneau sous le pointeur"),
    (
        "clic",
        "choisit un article (un second clic l’ouvre) ou suit un lien",
    ),
];

/// The action for a key press in the app's current mode. Releases and repeats give nothing:
/// terminals that report them would otherwise fire every key twice.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let mode = mode(app);
    let binding = BINDINGS
        .iter()
        .filter(|b| b.scope.covers(mode))
        .find(|b| b.keys.iter().any(|k| k.matches(&key)))?;
    match binding.does {
        Does::Act(action) => Some(action),
        Does::Digit => match key.code {
            Char(c) => Some(Action::Digit(c.to_digit(10)? as u8, Instant::now())),
            _ => None,
        },
    }
}

/// The wheel scrolls the pane under the pointer; a click selects a list row (a second click
/// opens it) or follows the link under it. Over the popup, a click closes it.
pub fn action_for_mouse(app: &App, mouse: MouseEvent) -> Option<Action> {
    if app.help_open() {
        return matches!(mouse.kind, MouseEventKind::Down(_)).then_some(Action::Cancel);
    }
    let at = Position::new(mouse.column, mouse.row);
    let panes = app.panes();
    let pane = if panes.list.contains(at) {
        List
    } else if panes.reader.contains(at) {
        Reader
    } else {
        return None;
    };
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Move(pane, Rows(WHEEL_ROWS))),
        MouseEventKind::ScrollUp => Some(Move(pane, Rows(-WHEEL_ROWS))),
        MouseEventKind::Down(MouseButton::Left) if pane == List => {
            if !panes.list_rows.contains(at) {
                return None;
            }
            let index = app.list_top() + usize::from(at.y - panes.list_rows.y);
            if index >= app.store().len() {
                None
            } else if index == app.selected() && app.focus() == List {
                Some(Action::OpenSelected)
            } else {
                Some(Action::Select(index))
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            let row = app.view()?.scroll + usize::from(at.y.saturating_sub(panes.text.y));
            let link = app.wrapped()?.lines.get(row).and_then(|l| l.kind.link());
            Some(link.map_or(Action::Focus(Reader), Action::FollowLink))
        }
        _ => None,
    }
}

/// One heading of the help and its rows: keys (as shown) and what they do.
pub struct HelpSection {
    pub title: &'static str,
    pub rows: Vec<(String, &'static str)>,
}

/// The help, read from the bindings themselves.
pub fn help() -> Vec<HelpSection> {
    let scopes = [Panes, InList, InReader, InHelp, Always];
    let mut sections: Vec<HelpSection> = scopes
        .into_iter()
        .map(|scope| HelpSection {
            title: scope.title(),
            rows: BINDINGS
                .iter()
                .filter(|b| b.scope == scope)
                .map(|b| (keys_label(b.keys), b.help))
                .collect(),
        })
        .collect();
    sections.push(HelpSection {
        title: "Souris",
        rows: MOUSE_HELP.iter().map(|&(k, h)| (k.to_owned(), h)).collect(),
    });
    sections
}

/// Lines of the help popup: one per section title and one per row.
pub fn help_rows() -> usize {
    help().iter().map(|s| 1 + s.rows.len()).sum()
}

fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

/// The status bar's pointer to the help, e.g. `? aide`.
pub fn help_hint() -> String {
    BINDINGS
        .iter()
        .find(|b| b.scope == Panes && b.does == Does::Act(Action::ToggleHelp))
        .map(|b| format!("{} {}", b.keys[0].label(), b.help))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(key: Key) -> KeyEvent {
        match key {
            Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Ctrl(c) => KeyEvent::new(Char(c), KeyModifiers::CONTROL),
            Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
            Key::Digits => KeyEvent::new(Char('5'), KeyModifiers::NONE),
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in [Mode::Help, Mode::List, Mode::Reader] {
            let live: Vec<&Binding> = BINDINGS.iter().filter(|b| b.scope.covers(mode)).collect();
            for (i, binding) in live.iter().enumerate() {
                for &key in binding.keys {
                    let event = sample(key);
                    let first = live
                        .iter()
                        .position(|b| b.keys.iter().any(|k| k.matches(&event)));
                    assert_eq!(first, Some(i), "{} bound twice in {mode:?}", key.label());
                }
            }
        }
    }

    #[test]
    fn chords_do_not_fall_back_to_plain_keys() {
        let ctrl_j = KeyEvent::new(Char('j'), KeyModifiers::CONTROL);
        assert!(!Code(Char('j')).matches(&ctrl_j));
        let shift_l = KeyEvent::new(Char('L'), KeyModifiers::SHIFT);
        assert!(Code(Char('L')).matches(&shift_l));
    }

    #[test]
    fn the_help_lists_every_binding_and_the_hint_names_its_key() {
        let rows: usize = help().iter().map(|s| s.rows.len()).sum();
        assert_eq!(rows, BINDINGS.len() + MOUSE_HELP.len());
        assert_eq!(help_hint(), "? aide");
    }
}
