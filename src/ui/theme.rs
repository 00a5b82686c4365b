//! Every style the ui uses, in one theme of named styles (`title`, `selection`, `link`…): the
//! built-in `default`, `light` and `mono`, any of them changed by the configuration file.
//! Without colour (`NO_COLOR`, `--color never`) only bold, dim, italic, underline and reverse
//! remain, and every built-in theme marks the selection, the focus and the highlighted link
//! with those, so they still show on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

use crate::wrap::{LineKind, Mark};

/// One named style of the theme; the name is how a configuration file sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Lead,
    Meta,
    Caption,
    /// A photo's credit (for a caption drawn in parts; the wrapper keeps it in the caption).
    Credit,
    Notice,
    Heading,
    Body,
    Link,
    /// The highlighted link: the reader's focus.
    Focus,
    /// A link to an article already read (kept for the reading state).
    VisitedLink,
    LinkSummary,
    LinkNumber,
    /// A search match in the text (kept for search).
    SearchMatch,
    MarkerFull,
    MarkerSummary,
    ListTitle,
    /// The article being read, in the list.
    ListOpen,
    /// The selected list row while the list has the keyboard.
    Selection,
    /// The selected list row while the reader has it.
    SelectionUnfocused,
    Separator,
    ScrollbarTrack,
    ScrollbarThumb,
    Status,
    StatusMessage,
    PopupBorder,
    HelpHeading,
    HelpMore,
    HelpKeys,
    Empty,
    /// The `★` before a starred article's title.
    Star,
    /// A read article's title in the list (unread ones stand out by contrast).
    ReadTitle,
}

impl Role {
    pub const ALL: [Role; 32] = [
        Role::Title,
        Role::Lead,
        Role::Meta,
        Role::Caption,
        Role::Credit,
        Role::Notice,
        Role::Heading,
        Role::Body,
        Role::Link,
        Role::Focus,
        Role::VisitedLink,
        Role::LinkSummary,
        Role::LinkNumber,
        Role::SearchMatch,
        Role::MarkerFull,
        Role::MarkerSummary,
        Role::ListTitle,
        Role::ListOpen,
        Role::Selection,
        Role::SelectionUnfocused,
        Role::Separator,
        Role::ScrollbarTrack,
        Role::ScrollbarThumb,
        Role::Status,
        Role::StatusMessage,
        Role::PopupBorder,
        Role::HelpHeading,
        Role::HelpMore,
        Role::HelpKeys,
        Role::Empty,
        Role::Star,
        Role::ReadTitle,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Lead => "lead",
            Role::Meta => "meta",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::Notice => "notice",
            Role::Heading => "heading",
            Role::Body => "body",
            Role::Link => "link",
            Role::Focus => "focus",
            Role::VisitedLink => "visited-link",
            Role::LinkSummary => "link-summary",
            Role::LinkNumber => "link-number",
            Role::SearchMatch => "search-match",
            Role::MarkerFull => "marker-full",
            Role::MarkerSummary => "marker-summary",
            Role::ListTitle => "list-title",
            Role::ListOpen => "list-open",
            Role::Selection => "selection",
            Role::SelectionUnfocused => "selection-unfocused",
            Role::Separator => "separator",
            Role::ScrollbarTrack => "scrollbar-track",
            Role::ScrollbarThumb => "scrollbar-thumb",
            Role::Status => "status",
            Role::StatusMessage => "status-message",
            Role::PopupBorder => "popup-border",
            Role::HelpHeading => "help-heading",
            Role::HelpMore => "help-more",
            Role::HelpKeys => "help-keys",
            Role::Empty => "empty",
            Role::Star => "star",
            Role::ReadTitle => "read-title",
        }
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// The built-in themes.
pub const BUILT_IN: [&str; 3] = ["default", "light", "mono"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    color: bool,
    styles: [Style; Role::ALL.len()],
}

impl Default for Theme {
    fn default() -> Self {
        Theme::built_in("default").unwrap_or_else(Theme::mono)
    }
}

const fn with(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

/// The styles every built-in theme shares: what shows without colour.
fn base(role: Role) -> Style {
    use Modifier as M;
    match role {
        Role::Title | Role::Lead | Role::ListOpen | Role::LinkNumber => with(M::BOLD),
        Role::Meta | Role::Credit | Role::LinkSummary | Role::MarkerSummary => with(M::DIM),
        Role::Separator | Role::ScrollbarTrack => with(M::DIM),
        Role::Caption => with(M::DIM.union(M::ITALIC)),
        Role::Notice => with(M::ITALIC),
        Role::Heading => with(M::BOLD.union(M::UNDERLINED)),
        Role::Focus => with(M::REVERSED.union(M::BOLD)),
        Role::SearchMatch => with(M::UNDERLINED.union(M::BOLD)),
        Role::Selection | Role::Status => with(M::REVERSED),
        Role::SelectionUnfocused => with(M::UNDERLINED),
        Role::StatusMessage => with(M::REVERSED.union(M::BOLD)),
        Role::HelpHeading | Role::HelpMore | Role::HelpKeys => with(M::BOLD),
        Role::Empty => with(M::DIM.union(M::ITALIC)),
        Role::VisitedLink | Role::ReadTitle => with(M::DIM),
        Role::Star => with(M::BOLD),
        Role::Body
        | Role::Link
        | Role::MarkerFull
        | Role::ListTitle
        | Role::ScrollbarThumb
        | Role::PopupBorder => Style::new(),
    }
}

/// The colours of a built-in theme over `base`, for a dark or a light background.
fn tint(role: Role, light: bool) -> Option<Color> {
    let (dark_bg, light_bg) = match role {
        Role::Notice | Role::HelpMore | Role::HelpKeys => (Color::Yellow, Color::Red),
        Role::Heading | Role::HelpHeading | Role::PopupBorder | Role::ScrollbarThumb => {
            (Color::Cyan, Color::Blue)
        }
        Role::Link => (Color::LightBlue, Color::Blue),
        Role::VisitedLink => (Color::Magenta, Color::Magenta),
        Role::MarkerFull => (Color::Green, Color::Green),
        Role::Star => (Color::Yellow, Color::Red),
        Role::SearchMatch => (Color::Yellow, Color::Red),
        _ => return None,
    };
    Some(if light { light_bg } else { dark_bg })
}

impl Theme {
    /// A built-in theme by name (`default`, `light`, `mono`).
    pub fn built_in(name: &str) -> Option<Theme> {
        let light = match name {
            "default" => false,
            "light" => true,
            "mono" => return Some(Theme::mono()),
            _ => return None,
        };
        let mut theme = Theme::mono();
        for role in Role::ALL {
            if let Some(color) = tint(role, light) {
                theme.set(role, base(role).fg(color));
            }
        }
        Some(theme)
    }

    /// No colour at all: what every built-in theme shows on a monochrome terminal.
    fn mono() -> Theme {
        Theme {
            color: true,
            styles: Role::ALL.map(base),
        }
    }

    /// The same theme drawn with or without colours.
    pub fn colored(mut self, color: bool) -> Theme {
        self.color = color;
        self
    }

    pub fn has_color(self) -> bool {
        self.color
    }

    pub fn set(&mut self, role: Role, style: Style) {
        self.styles[role as usize] = style;
    }

    /// The style named `role`, its colours dropped when colour is off.
    pub fn get(self, role: Role) -> Style {
        let style = self.styles[role as usize];
        if self.color {
            style
        } else {
            Style {
                fg: None,
                bg: None,
                underline_color: None,
                ..style
            }
        }
    }

    /// A row of the reading pane.
    pub fn line(self, kind: LineKind, highlighted: bool) -> Style {
        self.get(match kind {
            LineKind::Title => Role::Title,
            LineKind::Lead => Role::Lead,
            LineKind::Meta => Role::Meta,
            LineKind::Caption => Role::Caption,
            LineKind::Notice => Role::Notice,
            LineKind::Heading => Role::Heading,
            LineKind::Link(_) if highlighted => Role::Focus,
            LineKind::Link(_) => Role::Link,
            LineKind::LinkSummary(_) => Role::LinkSummary,
            LineKind::Body | LineKind::Blank => Role::Body,
        })
    }

    /// The mark before a list row: full pages and summary-only articles look different.
    pub fn marker(self, full: bool) -> Style {
        self.get(if full {
            Role::MarkerFull
        } else {
            Role::MarkerSummary
        })
    }

    /// A title in the list; the article being read stands out wherever it is.
    pub fn list_title(self, open: bool) -> Style {
        self.get(if open {
            Role::ListOpen
        } else {
            Role::ListTitle
        })
    }

    /// A read article's title in the list: unread ones stand out by contrast.
    pub fn read_title(self, title: Style) -> Style {
        title.patch(self.get(Role::ReadTitle))
    }

    /// The star before a starred article's title.
    pub fn star(self) -> Style {
        self.get(Role::Star)
    }

    /// A link to an article already read, as browsers show visited links.
    pub fn visited_link(self) -> Style {
        self.get(Role::VisitedLink)
    }

    /// The selected row: reversed while the list has the keyboard, underlined otherwise.
    pub fn selected_row(self, focused: bool) -> Style {
        self.get(if focused {
            Role::Selection
        } else {
            Role::SelectionUnfocused
        })
    }

    pub fn separator(self) -> Style {
        self.get(Role::Separator)
    }

    pub fn scrollbar_track(self) -> Style {
        self.get(Role::ScrollbarTrack)
    }

    pub fn scrollbar_thumb(self) -> Style {
        self.get(Role::ScrollbarThumb)
    }

    pub fn status(self) -> Style {
        self.get(Role::Status)
    }

    /// A remark in the status bar ("Pas de lien 12"), or a link number being typed.
    pub fn status_message(self) -> Style {
        self.get(Role::StatusMessage)
    }

    pub fn popup_border(self) -> Style {
        self.get(Role::PopupBorder)
    }

    pub fn help_heading(self) -> Style {
        self.get(Role::HelpHeading)
    }

    /// The popup's note that it scrolls (more below, more above).
    pub fn help_more(self) -> Style {
        self.get(Role::HelpMore)
    }

    /// A part of a line drawn apart: a link's number, the sign of where it leads.
    pub fn mark(self, mark: Mark, line: Style) -> Style {
        match mark {
            Mark::LinkNumber => line.patch(self.get(Role::LinkNumber)),
            Mark::LinkKind { full } => line.patch(self.marker(full)),
        }
    }

    pub fn help_keys(self) -> Style {
        self.get(Role::HelpKeys)
    }

    /// A search match in the reader, a matched letter of the title filter: reversed, so it
    /// shows without colour too.
    pub fn search_match(self, line: Style) -> Style {
        line.add_modifier(Modifier::REVERSED)
            .patch(self.get(Role::SearchMatch))
    }

    /// The count of matches after a title in the list of results.
    pub fn match_count(self) -> Style {
        self.get(Role::SearchMatch)
            .remove_modifier(Modifier::UNDERLINED | Modifier::BOLD)
    }

    pub fn empty(self) -> Style {
        self.get(Role::Empty)
    }
}

/// Reads a style as a configuration file writes it: words among `bold`, `dim`, `italic`,
/// `underline`, `reverse`, a colour (the foreground) and `on` + a colour (the background);
/// colours by name (`red`, `light-blue`, `gray`…), `#rrggbb` or a number 0–255. `plain` is
/// no style at all. The error names the word that is not understood.
pub fn parse_style(spec: &str) -> Result<Style, String> {
    let mut style = Style::new();
    let mut words = spec.split_whitespace();
    while let Some(word) = words.next() {
        style = match word {
            "plain" => style,
            "bold" => style.add_modifier(Modifier::BOLD),
            "dim" => style.add_modifier(Modifier::DIM),
            "italic" => style.add_modifier(Modifier::ITALIC),
            "underline" => style.add_modifier(Modifier::UNDERLINED),
            "reverse" => style.add_modifier(Modifier::REVERSED),
            "on" => {
                let color = words.next().ok_or("`on` needs a colour after it")?;
                style.bg(parse_color(color)?)
            }
            color => style.fg(parse_color(color)?),
        };
    }
    Ok(style)
}

fn parse_color(word: &str) -> Result<Color, String> {
    // ratatui reads names (any case, with or without dashes), `#rrggbb` and indexed colours.
    word.parse::<Color>().map_err(|_| {
        format!(
            "unknown colour or style word `{word}` (bold, dim, italic, underline, reverse, a colour, on COLOUR)"
        )
    })
}

/// The words `parse_style` reads back to the same style.
pub fn style_spec(style: Style) -> String {
    let words = [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underline"),
        (Modifier::REVERSED, "reverse"),
    ];
    let mut spec: Vec<String> = words
        .into_iter()
        .filter(|(m, _)| style.add_modifier.contains(*m))
        .map(|(_, word)| word.to_owned())
        .collect();
    spec.extend(style.fg.map(|c| c.to_string().to_lowercase()));
    spec.extend(
        style
            .bg
            .map(|c| format!("on {}", c.to_string().to_lowercase())),
    );
    if spec.is_empty() {
        "plain".to_owned()
    } else {
        spec.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_every_built_in_theme_still_marks_selection_focus_and_matches() {
        for name in BUILT_IN {
            let theme = Theme::built_in(name).unwrap().colored(false);
            for role in [
                Role::Selection,
                Role::Focus,
                Role::SearchMatch,
                Role::Status,
            ] {
                let style = theme.get(role);
                assert_eq!((style.fg, style.bg), (None, None), "{name} {role:?}");
                assert!(!style.add_modifier.is_empty(), "{name} {role:?} shows");
            }
        }
    }

    #[test]
    fn styles_read_words_and_colours_and_name_what_they_do_not_know() {
        let style = parse_style("bold light-blue on black").unwrap();
        assert_eq!(style.fg, Some(Color::LightBlue));
        assert_eq!(style.bg, Some(Color::Black));
        assert!(style.add_modifier.contains(Modifier::BOLD));
        assert_eq!(
            parse_style("#ff0000").unwrap().fg,
            Some(Color::Rgb(255, 0, 0))
        );
        assert!(parse_style("bold blurple").unwrap_err().contains("blurple"));
        assert!(parse_style("on").is_err());
    }

    #[test]
    fn every_built_in_style_reads_back_from_its_words() {
        for name in BUILT_IN {
            let theme = Theme::built_in(name).unwrap();
            for role in Role::ALL {
                let style = theme.get(role);
                assert_eq!(
                    parse_style(&style_spec(style)),
                    Ok(style),
                    "{name} {role:?}"
                );
            }
        }
    }
}
