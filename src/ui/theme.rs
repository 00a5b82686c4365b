//! Every style the ui uses, in one place. Without colour (`NO_COLOR`) only bold, dim, italic,
//! underline and reverse remain, so every highlight still shows on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

use crate::wrap::{LineKind, Mark};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Self { color }
    }

    /// `style` with a foreground colour, when colours are allowed.
    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    fn plain() -> Style {
        Style::new()
    }

    /// A row of the reading pane; the highlighted link is reversed so it shows without colour.
    pub fn line(self, kind: LineKind, highlighted: bool) -> Style {
        let bold = Self::plain().add_modifier(Modifier::BOLD);
        let dim = Self::plain().add_modifier(Modifier::DIM);
        match kind {
            LineKind::Title | LineKind::Lead => bold,
            LineKind::Meta => dim,
            LineKind::Caption => dim.add_modifier(Modifier::ITALIC),
            LineKind::Notice => {
                self.tint(Self::plain().add_modifier(Modifier::ITALIC), Color::Yellow)
            }
            LineKind::Heading => self.tint(bold.add_modifier(Modifier::UNDERLINED), Color::Cyan),
            LineKind::Link(_) if highlighted => {
                Self::plain().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            }
            LineKind::Link(_) => self.tint(Self::plain(), Color::LightBlue),
            LineKind::LinkSummary(_) => dim,
            LineKind::Body | LineKind::Blank => Self::plain(),
        }
    }

    /// The mark before a list row: full pages and summary-only articles look different.
    pub fn marker(self, full: bool) -> Style {
        if full {
            self.tint(Self::plain(), Color::Green)
        } else {
            Self::plain().add_modifier(Modifier::DIM)
        }
    }

    /// A title in the list; the article being read stands out wherever it is.
    pub fn list_title(self, open: bool) -> Style {
        if open {
            Self::plain().add_modifier(Modifier::BOLD)
        } else {
            Self::plain()
        }
    }

    /// The selected row: reversed while the list has the keyboard, underlined otherwise.
    pub fn selected_row(self, focused: bool) -> Style {
        if focused {
            Self::plain().add_modifier(Modifier::REVERSED)
        } else {
            Self::plain().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn separator(self) -> Style {
        Self::plain().add_modifier(Modifier::DIM)
    }

    pub fn scrollbar_track(self) -> Style {
        Self::plain().add_modifier(Modifier::DIM)
    }

    pub fn scrollbar_thumb(self) -> Style {
        self.tint(Self::plain(), Color::Cyan)
    }

    pub fn status(self) -> Style {
        Self::plain().add_modifier(Modifier::REVERSED)
    }

    /// A remark in the status bar ("Pas de lien 12"), or a link number being typed.
    pub fn status_message(self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    pub fn popup_border(self) -> Style {
        self.tint(Self::plain(), Color::Cyan)
    }

    pub fn help_heading(self) -> Style {
        self.tint(Self::plain().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// The popup's note that it scrolls (more below, more above).
    pub fn help_more(self) -> Style {
        self.tint(Self::plain().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// A part of a line drawn apart: a link's number, the sign of where it leads.
    pub fn mark(self, mark: Mark, line: Style) -> Style {
        match mark {
            Mark::LinkNumber => line.add_modifier(Modifier::BOLD),
            Mark::LinkKind { full } => line.patch(self.marker(full)),
        }
    }

    pub fn help_keys(self) -> Style {
        self.tint(Self::plain().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    /// A search match in the reader, a matched letter of the title filter: reversed, so it
    /// shows without colour too.
    pub fn search_match(self, line: Style) -> Style {
        let base = line.add_modifier(Modifier::REVERSED);
        if self.color {
            base.fg(Color::Yellow)
        } else {
            base
        }
    }

    /// The count of matches after a title in the list of results.
    pub fn match_count(self) -> Style {
        self.tint(Self::plain(), Color::Yellow)
    }

    pub fn empty(self) -> Style {
        Self::plain().add_modifier(Modifier::DIM | Modifier::ITALIC)
    }
}
