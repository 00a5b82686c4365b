//! Every intent the reader understands, as a closed enum: the keymap produces them, `update`
//! consumes them, and nothing else ever changes the app. No key events here.

use std::time::{Duration, Instant};

use super::Pane;
use super::prompt::PromptKey;
use super::search::PromptKind;
use crate::strings::Message;

/// How long after a digit a second one still joins it: `1` follows link 1 at once, and a `0`
/// typed within the pause moves on to link 10 instead.
pub const DIGIT_PAUSE: Duration = Duration::from_millis(700);

/// How far a move goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// Rows, negative upwards.
    Rows(isize),
    /// Screenfuls, negative upwards.
    Pages(isize),
    /// Half screenfuls, negative upwards.
    HalfPages(isize),
    Top,
    Bottom,
}

/// What the edge of the event loop may have to say about the reading state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remark {
    /// The database was unreadable: moved aside, a fresh one started.
    StateMovedAside,
    /// No database could be opened: marks live in memory until quit.
    StateInMemory,
    /// A change could not be written: kept in memory, tried again.
    StateUnsaved,
}

impl Remark {
    pub fn message(self) -> Message {
        match self {
            Remark::StateMovedAside => Message::StateMovedAside,
            Remark::StateInMemory => Message::StateInMemory,
            Remark::StateUnsaved => Message::StateUnsaved,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the list selection, or scroll the reader.
    Move(Pane, Motion),
    /// Select the list row with this index (a click) and give the list the keyboard.
    Select(usize),
    /// Open the article selected in the list.
    OpenSelected,
    /// Give the keyboard to a pane (showing it if it was hidden).
    Focus(Pane),
    /// From the reader, go to the list (showing it); from the list, put it away and read.
    ToggleList,
    /// Show the paragraphs as scraped (glued words and all), or repaired again.
    ToggleRaw,
    /// Highlight the next link of the open article (wrapping around).
    NextLink,
    /// Highlight the previous link of the open article (wrapping around).
    PrevLink,
    /// Follow the highlighted link; with none, scroll one line (as `less` does).
    FollowHighlighted,
    /// Open the next (positive) or previous article of the list, from either pane.
    NextArticle(isize),
    /// Page the open article from either pane; at its end, open the next article.
    PageOrNext,
    /// Scroll to the start of the next (positive) or previous paragraph.
    Paragraph(isize),
    /// Follow link `n`, counted from 0 in on-screen order (a click on a link).
    FollowLink(usize),
    /// A digit of a link number, typed at this instant (the clock is passed in, so tests can
    /// set it).
    Digit(u8, Instant),
    /// Time has reached `App::deadline()`: a link number can no longer grow.
    Tick(Instant),
    /// Go back to the previous visit, with its scroll and highlighted link.
    Back,
    /// Go forward again after going back.
    Forward,
    /// Open or close the help popup.
    ToggleHelp,
    /// Scroll the help popup.
    ScrollHelp(Motion),
    /// Close the popup, or forget a half-typed link number.
    Cancel,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Mark the selected (list) or open (reader) article read, or unread again.
    ToggleRead,
    /// Star the selected or open article, or unstar it.
    ToggleStar,
    /// Show only starred articles in the list, or all again.
    ToggleStarredOnly,
    /// Go to the next (positive) or previous unread article of the list.
    NextUnread(isize),
    /// Put back the marks and stars as they were before the last change.
    Undo,
    /// A remark from the edge for the status bar (a save that failed).
    Notice(Remark),
    /// Leave the reader.
    Quit,
    /// Stop the process for the shell (Ctrl-Z); the event loop does the work.
    Suspend,
    /// Draw the whole screen again.
    Redraw,
    /// Write the open article as Markdown to a file, named in the status bar.
    ExportMarkdown,
    /// Hand the open article, as text, to `$PAGER`.
    Pipe,
    /// Open the open article's source file in `$VISUAL` or `$EDITOR`.
    EditSource,
    /// Copy the open article's title to the clipboard (OSC 52).
    CopyTitle,
    /// Copy the whole open article, as text, to the clipboard (OSC 52).
    CopyArticle,
    /// Open the `/` search or the `f` title filter prompt.
    OpenPrompt(PromptKind),
    /// A key typed in the open prompt.
    Prompt(PromptKey),
    /// Go to the next (positive) or previous search match, on through the results.
    NextMatch(isize),
}

impl Action {
    /// The stable name a configuration file binds keys to, or `None` for what no key can
    /// give: internal events (ticks, resizes, typed digits with their time) and actions that
    /// carry a place only the mouse knows (a row, a link under the pointer). A new action
    /// must be named here, so that it can be rebound (the match is exhaustive on purpose).
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Action::Move(_, motion) | Action::ScrollHelp(motion) => motion.name()?,
            Action::OpenSelected => "open",
            Action::Focus(Pane::List) => "focus-list",
            Action::Focus(Pane::Reader) => "focus-reader",
            Action::ToggleList => "toggle-list",
            Action::ToggleRaw => "toggle-raw",
            Action::NextLink => "next-link",
            Action::PrevLink => "previous-link",
            Action::FollowHighlighted => "follow-link",
            Action::NextArticle(1) => "next-article",
            Action::NextArticle(-1) => "previous-article",
            Action::PageOrNext => "page-or-next",
            Action::Paragraph(1) => "next-paragraph",
            Action::Paragraph(-1) => "previous-paragraph",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::ToggleHelp => "help",
            Action::Cancel => "cancel",
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::Redraw => "redraw",
            Action::ExportMarkdown => "export-markdown",
            Action::Pipe => "pipe",
            Action::EditSource => "edit-source",
            Action::CopyTitle => "copy-title",
            Action::CopyArticle => "copy-article",
            Action::ToggleRead => "toggle-read",
            Action::ToggleStar => "toggle-star",
            Action::ToggleStarredOnly => "starred-only",
            Action::NextUnread(1) => "next-unread",
            Action::NextUnread(-1) => "previous-unread",
            Action::Undo => "undo",
            Action::OpenPrompt(PromptKind::Search) => "search",
            Action::OpenPrompt(PromptKind::Filter) => "filter-titles",
            Action::NextMatch(1) => "next-match",
            Action::NextMatch(-1) => "previous-match",
            Action::NextUnread(_)
            | Action::NextMatch(_)
            | Action::Prompt(_)
            | Action::Notice(_)
            | Action::NextArticle(_)
            | Action::Paragraph(_)
            | Action::Select(_)
            | Action::FollowLink(_)
            | Action::Digit(..)
            | Action::Tick(_)
            | Action::Resize(..) => return None,
        })
    }
}

impl Motion {
    /// The name of a motion a key gives (the wheel's three rows have none).
    fn name(self) -> Option<&'static str> {
        Some(match self {
            Motion::Rows(-1) => "move-up",
            Motion::Rows(1) => "move-down",
            Motion::Pages(-1) => "page-up",
            Motion::Pages(1) => "page-down",
            Motion::HalfPages(-1) => "half-page-up",
            Motion::HalfPages(1) => "half-page-down",
            Motion::Top => "top",
            Motion::Bottom => "bottom",
            Motion::Rows(_) | Motion::Pages(_) | Motion::HalfPages(_) => return None,
        })
    }
}
