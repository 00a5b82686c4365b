//! The help popup laid out for a screen: its rectangle and its lines, the key column first and
//! the explanations wrapped beside it (or under it on a narrow screen), so nothing is cut. Both
//! `update` (how far it scrolls) and the ui (what it draws) use this one layout.

use ratatui::layout::Rect;

use crate::strings::Lang;
use crate::wrap::display_width;

use super::Action;
use super::geometry;
use super::keymap::{Keymap, Scope};
use crate::strings::{self, Text, text};

/// Borders and padding around the help's text, in cells on each side.
const FRAME: u16 = 2;
/// An explanation narrower than this goes under its keys instead of beside them.
const MIN_TEXT: usize = 16;

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(String),
    /// Keys (empty on a continuation line) at the left, text starting at column `column`.
    Row {
        keys: String,
        column: usize,
        text: String,
    },
}

/// The help at one screen size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    /// The screen it was laid out for.
    pub area: Rect,
    /// The popup, borders included.
    pub popup: Rect,
    pub lines: Vec<HelpLine>,
}

impl HelpLayout {
    /// How many lines the popup shows at once.
    pub fn shown(&self) -> usize {
        usize::from(self.popup.height.saturating_sub(2))
    }
}

/// The mouse, for the help (it has no keys to read them from).
pub const MOUSE_HELP: &[(Text, Text)] = &[
    (
        text("molette", "wheel"),
        text(
            "fait défiler le panneau sous le pointeur",
            "scrolls the pane under the pointer",
        ),
    ),
    (
        text("clic", "click"),
        text(
            "choisit un article (un second clic l’ouvre) ou suit un lien",
            "selects an article (a second click opens it) or follows a link",
        ),
    ),
];

/// What the signs on screen mean, for the help.
pub const SIGNS_HELP: &[(Text, Text)] = &[
    (
        text("•", "•"),
        text(
            "page complète dans le corpus (liste et liens)",
            "full page in the corpus (list and links)",
        ),
    ),
    (
        text("◦", "◦"),
        text(
            "seul un résumé « Voir plus » la décrit",
            "only a \"Voir plus\" summary describes it",
        ),
    ),
    (
        text("historique 2 (+1)", "history 2 (+1)"),
        text(
            "2 pas en arrière possibles, 1 en avant",
            "2 steps back possible, 1 forward",
        ),
    ),
    (
        text("lien 3…", "link 3…"),
        text(
            "un second chiffre peut encore suivre",
            "a second digit may still follow",
        ),
    ),
];

/// One heading of the help and its rows: keys (as shown) and what they do.
pub struct HelpSection {
    pub title: &'static str,
    pub rows: Vec<(String, &'static str)>,
}

/// The help, read from the bindings themselves, then the mouse and the signs on screen.
pub fn help(lang: Lang, keymap: &Keymap) -> Vec<HelpSection> {
    let mut sections: Vec<HelpSection> = Scope::ALL
        .into_iter()
        .map(|scope| HelpSection {
            title: lang.pick(scope.title()),
            rows: keymap
                .rows()
                .iter()
                .filter(|b| b.scope == scope && !b.keys.is_empty())
                .map(|b| (b.keys_label(lang), lang.pick(b.help)))
                .collect(),
        })
        .collect();
    let table = |title, rows: &[(Text, Text)]| HelpSection {
        title: lang.pick(title),
        rows: rows
            .iter()
            .map(|&(k, h)| (lang.pick(k).to_owned(), lang.pick(h)))
            .collect(),
    };
    sections.push(table(strings::MOUSE, MOUSE_HELP));
    sections.push(table(strings::SIGNS, SIGNS_HELP));
    sections
}

/// The status bar's pointer to the help, e.g. `? aide`.
pub fn help_hint(lang: Lang, keymap: &Keymap) -> String {
    keymap
        .rows()
        .iter()
        .filter(|b| b.scope.covers(super::Mode::Reader))
        .find(|b| b.does.action() == Some(Action::ToggleHelp) && !b.keys.is_empty())
        .map(|b| format!("{} {}", b.keys[0].label(lang), lang.pick(b.help)))
        .unwrap_or_default()
}

/// The help laid out in `area`.
pub fn layout(area: Rect, lang: Lang, keymap: &Keymap) -> HelpLayout {
    let sections = help(lang, keymap);
    let keys_width = sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|(keys, _)| display_width(keys))
        .max()
        .unwrap_or(0);
    let column = 2 + keys_width + 2;
    let natural = sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|(_, text)| column + display_width(text))
        .max()
        .unwrap_or(0);
    let inner = usize::from(area.width.saturating_sub(2 * FRAME)).min(natural);
    let mut lines = Vec::new();
    for section in &sections {
        lines.push(HelpLine::Heading(section.title.to_owned()));
        for (keys, text) in &section.rows {
            row(&mut lines, keys, text, column, inner);
        }
    }
    let width = u16::try_from(inner).unwrap_or(u16::MAX);
    // `popup` adds two cells on each side; the height counts the borders.
    let popup = geometry::popup(area, width, lines.len());
    HelpLayout { area, popup, lines }
}

/// One binding's lines: keys, then the explanation wrapped beside them, or under them when
/// the screen leaves too little room beside.
fn row(lines: &mut Vec<HelpLine>, keys: &str, text: &str, column: usize, inner: usize) {
    let (column, first_keys_alone) = if inner >= column + MIN_TEXT {
        (column, false)
    } else {
        (4.min(inner.saturating_sub(1)), true)
    };
    let room = inner.saturating_sub(column).max(1);
    let mut keys = Some(keys.to_owned());
    if first_keys_alone {
        lines.push(HelpLine::Row {
            keys: keys.take().unwrap_or_default(),
            column,
            text: String::new(),
        });
    }
    for part in textwrap::wrap(text, room) {
        lines.push(HelpLine::Row {
            keys: keys.take().unwrap_or_default(),
            column,
            text: part.into_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_every_binding_and_the_hint_names_its_key() {
        let keymap = Keymap::default();
        let rows: usize = help(Lang::Fr, &keymap).iter().map(|s| s.rows.len()).sum();
        let bindings = keymap.rows().len();
        assert_eq!(rows, bindings + MOUSE_HELP.len() + SIGNS_HELP.len());
        assert_eq!(help_hint(Lang::Fr, &keymap), "? aide");
        assert_eq!(help_hint(Lang::En, &keymap), "? help");
    }

    #[test]
    fn every_explanation_fits_the_popup_at_any_width() {
        for width in [12, 20, 40, 60, 80, 120, 200] {
            let help = layout(Rect::new(0, 0, width, 24), Lang::Fr, &Keymap::default());
            let inner = usize::from(help.popup.width.saturating_sub(4));
            for line in &help.lines {
                if let HelpLine::Row { column, text, .. } = line {
                    let room = inner.saturating_sub(*column).max(1);
                    assert!(display_width(text) <= room, "{width}: {line:?}");
                }
            }
        }
        let wide = layout(Rect::new(0, 0, 200, 100), Lang::Fr, &Keymap::default());
        let narrow = layout(Rect::new(0, 0, 40, 12), Lang::Fr, &Keymap::default());
        assert!(
            narrow.lines.len() > wide.lines.len(),
            "narrow wraps, nothing is cut"
        );
        assert_eq!(narrow.shown(), 10);
    }
}
