//! Every intent the reader understands, as a closed enum: the keymap produces them, `update`
//! consumes them, and nothing else ever changes the app. No key events here.

use std::time::{Duration, Instant};

use super::Pane;
use super::prompt::PromptKey;
use super::search::PromptKind;

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
    /// Leave the reader.
    Quit,
    /// Stop the process for the shell (Ctrl-Z); the event loop does the work.
    Suspend,
    /// Draw the whole screen again.
    Redraw,
    /// Open the `/` search or the `f` title filter prompt.
    OpenPrompt(PromptKind),
    /// A key typed in the open prompt.
    Prompt(PromptKey),
    /// Go to the next (positive) or previous search match, on through the results.
    NextMatch(isize),
}
