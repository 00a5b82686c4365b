//! Key and mouse events → `Action`s, by mode (help popup, list, reader). `BINDINGS` is the
//! default table; the `Keymap` in force is built from it and the configuration file. The same
//! table, read backwards, gives the help popup, the status bar hint and the man page, so they
//! cannot drift from what the keys do; its words come in both interface languages.

use std::time::Instant;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use super::prompt::edit_for_key;
use super::search::PromptKind;
use super::{Action, App, Motion, Pane};
use crate::strings::{Text, text};

/// Rows one notch of the mouse wheel moves.
const WHEEL_ROWS: isize = 3;

/// Which keys apply: an overlay takes the keyboard, otherwise the focused pane does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Help,
    List,
    Reader,
    /// A prompt at the foot of the screen takes every key (`app::prompt`).
    Prompt,
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
    pub fn covers(self, mode: Mode) -> bool {
        match self {
            Self::Always => true,
            Self::Panes => matches!(mode, Mode::List | Mode::Reader),
            Self::InList => mode == Mode::List,
            Self::InReader => mode == Mode::Reader,
            Self::InHelp => mode == Mode::Help,
        }
    }

    pub fn title(self) -> Text {
        match self {
            Self::Always => text("Partout", "Everywhere"),
            Self::Panes => text("Liste et lecture", "List and reader"),
            Self::InList => text("Dans la liste", "In the list"),
            Self::InReader => text("Dans la lecture", "In the reader"),
            Self::InHelp => text("Dans l’aide", "In the help"),
        }
    }
}

pub use super::bindings::{BindError, Clash, Keymap, Row};
pub use super::key::Key;
use Key::{Code, Ctrl};
use KeyCode::Char;

/// What a binding does: most give a fixed action; digits carry their value and the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    Act(Action),
    Digit,
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    does: Does,
    /// What the help says the keys do.
    pub help: Text,
}

impl Binding {
    pub fn does(&self) -> Does {
        self.does
    }

    /// The fixed action of the binding (digits carry theirs when typed).
    pub fn action(&self) -> Option<Action> {
        self.does.action()
    }
}

impl Does {
    /// The fixed action (digits carry theirs when typed).
    pub fn action(self) -> Option<Action> {
        match self {
            Does::Act(action) => Some(action),
            Does::Digit => None,
        }
    }

    /// The name a configuration file binds keys to.
    pub fn name(self) -> &'static str {
        match self {
            Does::Act(action) => action.name().unwrap_or("?"),
            Does::Digit => "link-number",
        }
    }
}

const fn bind(scope: Scope, keys: &'static [Key], action: Action, help: Text) -> Binding {
    Binding {
        scope,
        keys,
        does: Does::Act(action),
        help,
    }
}

use Action::{Back, Focus, Forward, Move, NextArticle, Paragraph, Quit, ScrollHelp};
use Motion::{Bottom, HalfPages, Pages, Rows, Top};
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
    bind(Always,   &[Ctrl('c')],                  Quit,                      text("quitter", "quit")),
    bind(Always,   &[Ctrl('z')],                  Action::Suspend,           text("suspendre (fg pour revenir)", "suspend (fg comes back)")),
    bind(Always,   &[Ctrl('l')],                  Action::Redraw,            text("redessiner l’écran", "redraw the screen")),
    bind(Panes,    &[ch('q')],                    Quit,                      text("quitter", "quit")),
    bind(Panes,    &[ch('?')],                    Action::ToggleHelp,        text("aide", "help")),
    bind(Panes,    &[ch('t')],                    Action::ToggleList,        text("aller à la liste ; depuis la liste, la ranger", "go to the list; from the list, put it away")),
    bind(Panes,    &[ch('r')],                    Action::ToggleRaw,         text("texte tel que récupéré / texte réparé", "text as scraped / repaired")),
    bind(Panes,    &[BACKSPACE, LEFT, ch('h')],   Back,                      text("revenir en arrière (article, position, lien)", "back (article, place, link)")),
    bind(Panes,    &[ch('L'), ALT_RIGHT],         Forward,                   text("avancer de nouveau", "forward again")),
    Binding { scope: Panes, keys: &[Key::Digits], does: Does::Digit,
              help: text("suivre le lien n ; un second chiffre tapé vite (1 puis 0) mène au lien 10",
                         "follow link n; a second digit typed quickly (1 then 0) leads to link 10") },
    bind(Panes,    &[ESC],                        Action::Cancel,            text("oublier le numéro tapé ; après une recherche, rendre la liste", "forget the number typed; after a search, give the list back")),
    bind(Panes,    &[ch(' ')],                    Action::PageOrNext,        text("page suivante de l’article ; à la fin, article suivant", "next page of the article; at its end, next article")),
    bind(Panes,    &[ch('/')],                    Action::OpenPrompt(PromptKind::Search), text("chercher dans le texte (Échap rend la liste)", "search the text (Esc gives the list back)")),
    bind(Panes,    &[ch('f')],                    Action::OpenPrompt(PromptKind::Filter), text("filtrer les titres par quelques lettres", "filter titles by a few letters")),
    bind(Panes,    &[ch('n')],                    Action::NextMatch(1),      text("occurrence suivante (puis article suivant)", "next match (then next article)")),
    bind(Panes,    &[ch('N')],                    Action::NextMatch(-1),     text("occurrence précédente", "previous match")),
    bind(Panes,    &[ch('J')],                    NextArticle(1),            text("ouvrir l’article suivant de la liste", "open the next article of the list")),
    bind(Panes,    &[ch('K')],                    NextArticle(-1),           text("ouvrir l’article précédent de la liste", "open the previous article of the list")),
    bind(Panes,    &[ch('e')],                    Action::ExportMarkdown,    text("écrire l’article en Markdown (fichier nommé en bas)", "write the article as Markdown (file named below)")),
    bind(Panes,    &[ch('|')],                    Action::Pipe,              text("lire l’article dans $PAGER", "read the article in $PAGER")),
    bind(Panes,    &[ch('o')],                    Action::EditSource,        text("ouvrir le fichier source dans $VISUAL ou $EDITOR", "open the source file in $VISUAL or $EDITOR")),
    bind(Panes,    &[ch('y')],                    Action::CopyTitle,         text("copier le titre (presse-papiers du terminal)", "copy the title (terminal clipboard)")),
    bind(Panes,    &[ch('Y')],                    Action::CopyArticle,       text("copier tout l’article en texte", "copy the whole article as text")),
    bind(Panes,    &[ch('m')],                    Action::ToggleRead,        text("marquer lu / non lu", "mark read / unread")),
    bind(Panes,    &[ch('s')],                    Action::ToggleStar,        text("ajouter aux favoris / retirer", "star / unstar")),
    bind(Panes,    &[ch('\'')],                  Action::ToggleStarredOnly, text("liste des favoris seulement / tous", "starred articles only / all")),
    bind(Panes,    &[ch('u')],                    Action::NextUnread(1),     text("article non lu suivant", "next unread article")),
    bind(Panes,    &[ch('U')],                    Action::NextUnread(-1),    text("article non lu précédent", "previous unread article")),
    bind(Panes,    &[ch('z')],                    Action::Undo,              text("annuler le dernier marquage (plusieurs fois)", "undo the last mark or star (again and again)")),
    bind(InList,   &[UP, ch('k')],                Move(List, Rows(-1)),      text("article précédent", "previous article")),
    bind(InList,   &[DOWN, ch('j')],              Move(List, Rows(1)),       text("article suivant", "next article")),
    bind(InList,   &[PG_UP, ch('b'), Ctrl('b')],  Move(List, Pages(-1)),     text("page précédente", "previous page")),
    bind(InList,   &[PG_DN, Ctrl('f')],           Move(List, Pages(1)),      text("page suivante", "next page")),
    bind(InList,   &[Ctrl('u')],                  Move(List, HalfPages(-1)), text("demi-page précédente", "half a page up")),
    bind(InList,   &[ch('d'), Ctrl('d')],         Move(List, HalfPages(1)),  text("demi-page suivante", "half a page down")),
    bind(InList,   &[HOME, ch('g')],              Move(List, Top),           text("premier article", "first article")),
    bind(InList,   &[END, ch('G')],               Move(List, Bottom),        text("dernier article", "last article")),
    bind(InList,   &[ENTER, RIGHT, ch('l')],      Action::OpenSelected,      text("ouvrir l’article choisi", "open the selected article")),
    bind(InList,   &[TAB],                        Focus(Reader),             text("passer à la lecture", "go to the reader")),
    bind(InReader, &[UP, ch('k')],                Move(Reader, Rows(-1)),    text("remonter d’une ligne", "one line up")),
    bind(InReader, &[DOWN, ch('j')],              Move(Reader, Rows(1)),     text("descendre d’une ligne", "one line down")),
    bind(InReader, &[PG_UP, ch('b'), Ctrl('b')],  Move(Reader, Pages(-1)),   text("page précédente", "previous page")),
    bind(InReader, &[PG_DN, Ctrl('f')],           Move(Reader, Pages(1)),    text("page suivante", "next page")),
    bind(InReader, &[Ctrl('u')],                  Move(Reader, HalfPages(-1)), text("demi-page précédente", "half a page up")),
    bind(InReader, &[ch('d'), Ctrl('d')],         Move(Reader, HalfPages(1)), text("demi-page suivante", "half a page down")),
    bind(InReader, &[ch('{')],                    Paragraph(-1),             text("paragraphe précédent", "previous paragraph")),
    bind(InReader, &[ch('}')],                    Paragraph(1),              text("paragraphe suivant", "next paragraph")),
    bind(InReader, &[HOME, ch('g')],              Move(Reader, Top),         text("début de l’article", "start of the article")),
    bind(InReader, &[END, ch('G')],               Move(Reader, Bottom),      text("fin de l’article", "end of the article")),
    bind(InReader, &[TAB, ch(']')],               Action::NextLink,          text("lien suivant (amené à l’écran)", "next link (brought into view)")),
    bind(InReader, &[BACK_TAB, ch('[')],          Action::PrevLink,          text("lien précédent (amené à l’écran)", "previous link (brought into view)")),
    bind(InReader, &[ENTER, RIGHT, ch('l')],      Action::FollowHighlighted, text("suivre le lien en surbrillance (sans lien : une ligne plus bas)", "follow the highlighted link (with none: one line down)")),
    bind(InHelp,   &[UP, ch('k')],                ScrollHelp(Rows(-1)),      text("remonter", "up")),
    bind(InHelp,   &[DOWN, ch('j'), ENTER],       ScrollHelp(Rows(1)),       text("descendre", "down")),
    bind(InHelp,   &[PG_UP, ch('b'), Ctrl('b')],  ScrollHelp(Pages(-1)),     text("page précédente", "previous page")),
    bind(InHelp,   &[PG_DN, ch(' '), Ctrl('f')],  ScrollHelp(Pages(1)),      text("page suivante", "next page")),
    bind(InHelp,   &[ch('u'), Ctrl('u')],         ScrollHelp(HalfPages(-1)), text("demi-page précédente", "half a page up")),
    bind(InHelp,   &[ch('d'), Ctrl('d')],         ScrollHelp(HalfPages(1)),  text("demi-page suivante", "half a page down")),
    bind(InHelp,   &[HOME, ch('g')],              ScrollHelp(Top),           text("début de l’aide", "top of the help")),
    bind(InHelp,   &[END, ch('G')],               ScrollHelp(Bottom),        text("fin de l’aide", "end of the help")),
    bind(InHelp,   &[ESC, ch('?'), ch('q')],      Action::ToggleHelp,        text("fermer l’aide", "close the help")),
];

/// The action for a key press in the app's current mode. Releases and repeats give nothing:
/// terminals that report them would otherwise fire every key twice.
pub fn action_for_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let mode = app.mode();
    let binding = app.keymap().find(mode, &key);
    // A prompt takes every key but the few bound everywhere (Ctrl-C quits, Ctrl-Z, Ctrl-L).
    let binding = match binding {
        None if mode == Mode::Prompt => return edit_for_key(key).map(Action::Prompt),
        binding => binding?,
    };
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
            if index >= app.list().len() {
                None
            } else if index == app.selected() && app.focus() == List {
                Some(Action::OpenSelected)
            } else {
                Some(Action::Select(index))
            }
        }
        MouseEventKind::Down(MouseButton::Left) => {
            let row = app.scroll() + usize::from(at.y.saturating_sub(panes.text.y));
            let link = app.wrapped()?.lines.get(row).and_then(|l| l.kind.link());
            Some(link.map_or(Action::Focus(Reader), Action::FollowLink))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        assert_eq!(Keymap::default().clash(), None);
    }

    #[test]
    fn every_default_binding_has_a_name_unique_in_its_scope() {
        let keymap = Keymap::default();
        for (i, row) in keymap.rows().iter().enumerate() {
            assert_ne!(row.name(), "?", "{:?} has no name", row.does);
            let first = keymap
                .rows()
                .iter()
                .position(|r| r.scope == row.scope && r.name() == row.name());
            assert_eq!(first, Some(i), "{} twice in {:?}", row.name(), row.scope);
        }
    }
}
