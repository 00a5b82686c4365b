//! Moving through the open article: scrolling by rows, pages and paragraphs, the link
//! highlight that follows the view as in lynx, and the help popup's own scrolling. The place
//! is kept as an anchor; rows exist only for the moment of a move.

use std::rc::Rc;

use crate::strings::Message;
use crate::wrap::{LineKind, WrappedArticle};

use super::geometry::{self, max_top};
use super::reader::{link_in_view, top_row};
use super::{App, Motion, Overlay, Pane};

/// The open article's wrapped lines and the height of the text column, when it is on screen.
pub(super) fn shown(app: &App) -> Option<(Rc<WrappedArticle>, usize)> {
    let height = usize::from(app.panes().text.height);
    if height == 0 {
        return None;
    }
    Some((app.wrapped()?, height))
}

pub(super) fn scroll(app: &mut App, motion: Motion) -> bool {
    let (Some((wrapped, height)), Some(view)) = (shown(app), app.reader.view) else {
        return false;
    };
    let top = top_row(&view, &wrapped, height);
    let row = geometry::scrolled(top, motion, wrapped.lines.len(), height);
    set_top(app, &wrapped, height, row)
}

/// Puts row `row` at the top: the visit keeps its anchor (and whether it is at the end), and a
/// highlighted link that leaves the screen gives way to the first link on it, as in lynx.
pub(super) fn set_top(app: &mut App, wrapped: &WrappedArticle, height: usize, row: usize) -> bool {
    let Some(view) = app.reader.view.as_mut() else {
        return false;
    };
    let before = *view;
    let last = max_top(wrapped.lines.len(), height);
    let row = row.min(last);
    view.top = wrapped.anchor_of(row);
    view.at_end = last > 0 && row == last;
    if let Some(n) = view.link
        && !link_in_view(wrapped, n, row, height)
    {
        view.link = (0..wrapped.link_rows.len()).find(|&n| link_in_view(wrapped, n, row, height));
    }
    *view != before
}

pub(super) fn scroll_help(app: &mut App, motion: Motion) -> bool {
    let Some(Overlay::Help { top }) = app.overlay else {
        return false;
    };
    let layout = app.help_layout(app.area());
    let moved = geometry::scrolled(top, motion, layout.lines.len(), layout.shown());
    app.overlay = Some(Overlay::Help { top: moved });
    moved != top
}

/// Moves the link highlight by `step` (wrapping around); the view follows it, and the place
/// kept is where the view then starts.
pub(super) fn highlight(app: &mut App, step: isize) -> bool {
    let count = app.link_count();
    let Some(view) = app.reader.view.as_mut() else {
        return false;
    };
    if count == 0 {
        app.message = Some(Message::NoLinks);
        return true;
    }
    let next = match (view.link, step > 0) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(n), _) => (n as isize + step).rem_euclid(count as isize) as usize,
    };
    view.link = Some(next);
    app.focus = Pane::Reader;
    if let (Some((wrapped, height)), Some(view)) = (shown(app), app.reader.view) {
        let row = top_row(&view, &wrapped, height);
        set_top(app, &wrapped, height, row);
    }
    true
}

/// Scrolls to the start of the next block below the top row, or of the block the top row is
/// in (or the one above, when it already starts there).
pub(super) fn paragraph(app: &mut App, step: isize) -> bool {
    let (Some((wrapped, height)), Some(view)) = (shown(app), app.reader.view) else {
        return false;
    };
    let top = top_row(&view, &wrapped, height);
    let starts = |row: &usize| {
        let line = &wrapped.lines[*row];
        line.anchor.offset == 0 && line.kind != LineKind::Blank
    };
    let target = if step > 0 {
        (top + 1..wrapped.lines.len()).find(starts)
    } else {
        (0..top).rev().find(starts)
    };
    match target {
        Some(row) => set_top(app, &wrapped, height, row),
        None => false,
    }
}
