//! `update(&mut App, Action)`: the only place the app's state changes. No terminal, no files:
//! an action in, a new state out, and an `Outcome` saying whether anything visible changed and
//! what the edge must do (quit, suspend, repaint).

use crate::article::Article;
use crate::store::ArticleId;
use crate::strings::Message;

use super::digits::{digit_typed, settle_pending};
use super::geometry::{self, NARROW, max_top};
use super::history::Visit;
use super::reader::{link_in_view, top_row};
use super::scroll::{highlight, paragraph, scroll, scroll_help, set_top, shown};
use super::search;
use super::{Action, App, Batch, Motion, Overlay, Pane};

/// Work for the edge of the event loop, which owns the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back and stop until `fg`.
    Suspend,
    /// Write every cell again (the screen may hold someone else's output).
    Repaint,
    /// Hand `App::take_search_request` to the search worker.
    Search,
}

/// What an action did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Something on screen changed: draw a frame.
    pub redraw: bool,
    pub effects: Vec<Effect>,
}

/// Applies `action`.
pub fn update(app: &mut App, action: Action) -> Outcome {
    let mut outcome = Outcome::default();
    if is_keystroke(action) && app.message.take().is_some() {
        outcome.redraw = true;
    }
    let (consumed, settled) = settle_pending(app, action);
    outcome.redraw |= settled;
    if !consumed {
        outcome.redraw |= apply(app, action, &mut outcome.effects);
    }
    outcome.redraw |= sync(app);
    outcome
}

/// Appends a batch of pages to the store (links re-resolved, ids unchanged), keeping the
/// selection, history and place. Returns true when pages arrived: any page can turn a list
/// row from summary to full.
pub fn add_pages(app: &mut App, pages: Vec<Article>) -> bool {
    let arrived = !pages.is_empty();
    let diagnostics = app.store.add_batch(pages);
    app.diagnostics.extend(diagnostics);
    app.list.refresh(&app.store);
    app.reader.drop_stale(&app.store);
    if app.reader.view.is_none() {
        // The store may have started empty: show its first article, as `App::new` would have.
        app.reader.view = app.list.id(0).map(Visit::new);
    }
    sync(app);
    arrived
}

/// A batch from a background load: its pages join the store (see `add_pages`), its problems
/// the app's, and the progress the status bar shows moves on. Returns true when anything shown
/// may have changed.
pub fn add_batch(app: &mut App, batch: Batch) -> bool {
    app.diagnostics.extend(batch.diagnostics);
    let before = app.loading;
    app.loading = batch.progress.filter(|p| p.done < p.total);
    add_pages(app, batch.pages) || app.loading != before
}

/// Actions that come from the user rather than from the terminal or the clock.
pub(super) fn is_keystroke(action: Action) -> bool {
    !matches!(
        action,
        Action::Resize(..) | Action::Redraw | Action::Suspend | Action::Tick(_)
    )
}

/// Does the action; true when something visible changed.
fn apply(app: &mut App, action: Action, effects: &mut Vec<Effect>) -> bool {
    match action {
        Action::Move(Pane::List, motion) => move_selection(app, motion),
        Action::Move(Pane::Reader, motion) => scroll(app, motion),
        Action::Select(row) => {
            app.selected = row;
            app.focus = Pane::List;
            true
        }
        Action::OpenSelected => match app.list.id(app.selected) {
            Some(id) => open(app, id),
            None => false,
        },
        Action::Focus(pane) => focus(app, pane),
        Action::ToggleList => toggle_list(app),
        Action::ToggleRaw => {
            app.reader.raw = !app.reader.raw;
            true
        }
        Action::NextLink => highlight(app, 1),
        Action::PrevLink => highlight(app, -1),
        Action::FollowHighlighted => follow_highlighted(app),
        Action::FollowLink(n) => follow(app, n),
        Action::NextArticle(step) => next_article(app, step),
        Action::PageOrNext => page_or_next(app),
        Action::Paragraph(step) => paragraph(app, step),
        Action::Digit(digit, at) => digit_typed(app, digit, at),
        Action::Tick(now) => {
            let due = app.deadline().is_some_and(|deadline| now >= deadline);
            if due {
                app.pending = None;
            }
            due
        }
        Action::Back => back(app),
        Action::Forward => forward(app),
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help { .. }) => None,
                None => Some(Overlay::Help { top: 0 }),
            };
            true
        }
        Action::ScrollHelp(motion) => scroll_help(app, motion),
        Action::Cancel => app.overlay.take().is_some() || search::restore(app),
        Action::Resize(cols, rows) => {
            // Nothing is wrapped here: the place is an anchor, and the frame drawn after a
            // burst of resizes wraps once, at the last size.
            app.screen = (cols, rows);
            true
        }
        Action::Quit => {
            effects.push(Effect::Quit);
            false
        }
        Action::Suspend => {
            effects.push(Effect::Suspend);
            true
        }
        Action::Redraw => {
            effects.push(Effect::Repaint);
            true
        }
        Action::OpenPrompt(kind) => search::open_prompt(app, kind),
        Action::Prompt(key) => search::prompt_key(app, key, effects),
        Action::NextMatch(step) => search::next_match(app, step),
    }
}

fn move_selection(app: &mut App, motion: Motion) -> bool {
    let len = app.list.len();
    let height = usize::from(app.panes().list_rows.height);
    let before = app.selected;
    app.selected = match motion {
        Motion::Top => 0,
        Motion::Bottom => len.saturating_sub(1),
        motion => geometry::step(app.selected, geometry::rows_of(motion, height), len),
    };
    app.selected != before
}

/// Shows `id` in the reader; the visit being left goes into the history.
pub(super) fn open(app: &mut App, id: ArticleId) -> bool {
    app.focus = Pane::Reader;
    if let Some(row) = app.list.row_of(id) {
        app.selected = row;
    }
    match app.reader.view {
        Some(view) if view.id == id => {}
        Some(view) => {
            app.history.leave(view);
            app.reader.view = Some(Visit::new(id));
        }
        None => app.reader.view = Some(Visit::new(id)),
    }
    true
}

/// Returns to a visit from the history, exactly as it was left.
fn restore(app: &mut App, visit: Visit) -> bool {
    app.reader.view = Some(visit);
    if let Some(row) = app.list.row_of(visit.id) {
        app.selected = row;
    }
    app.focus = Pane::Reader;
    true
}

pub(super) fn focus(app: &mut App, pane: Pane) -> bool {
    match pane {
        Pane::List => app.list_open = true,
        Pane::Reader if app.reader.view.is_none() => {
            app.reader.view = app.list.id(app.selected).map(Visit::new);
        }
        Pane::Reader => {}
    }
    app.focus = pane;
    true
}

/// One key for the list both ways: from the reader it brings the list (the reader's own Tab
/// is taken by links); from the list it puts it away, which on a wide screen hides it to give
/// the reader the whole width.
fn toggle_list(app: &mut App) -> bool {
    match app.focus {
        Pane::Reader => focus(app, Pane::List),
        Pane::List => {
            if app.size().0 >= NARROW {
                app.list_open = false;
            }
            focus(app, Pane::Reader)
        }
    }
}

/// Enter in the reader: the highlighted link when it is on screen, else one line down.
fn follow_highlighted(app: &mut App) -> bool {
    let on_screen = shown(app)
        .zip(app.reader.view)
        .and_then(|((wrapped, height), view)| {
            let n = view.link?;
            link_in_view(&wrapped, n, top_row(&view, &wrapped, height), height).then_some(n)
        });
    match on_screen {
        Some(n) => follow(app, n),
        None => scroll(app, Motion::Rows(1)),
    }
}

/// Follows link `n` (from 0) of the open article.
pub(super) fn follow(app: &mut App, n: usize) -> bool {
    match app.link_target(n) {
        Some(target) => open(app, target),
        None => {
            app.message = Some(Message::NoLink(n + 1));
            true
        }
    }
}

/// Opens the article `step` rows away in the list from the one being read, keeping the
/// keyboard where it was.
pub(super) fn next_article(app: &mut App, step: isize) -> bool {
    let from = app
        .current()
        .and_then(|id| app.list.row_of(id))
        .unwrap_or(app.selected);
    let to = from as isize + step;
    let Some(id) = usize::try_from(to).ok().and_then(|row| app.list.id(row)) else {
        app.message = Some(if step > 0 {
            Message::LastArticle
        } else {
            Message::FirstArticle
        });
        return true;
    };
    let pane = app.focus;
    open(app, id);
    if app.size().0 >= NARROW {
        app.focus = pane;
    }
    true
}

/// Space, from either pane: the next screenful of the open article, or at its end the next
/// article, as in mutt and newsboat.
fn page_or_next(app: &mut App) -> bool {
    if app.panes().text.is_empty() {
        focus(app, Pane::Reader);
    }
    let (Some((wrapped, height)), Some(view)) = (shown(app), app.reader.view) else {
        return next_article(app, 1);
    };
    let top = top_row(&view, &wrapped, height);
    if top >= max_top(wrapped.lines.len(), height) {
        next_article(app, 1)
    } else {
        set_top(app, &wrapped, height, top + geometry::page(height))
    }
}

fn back(app: &mut App) -> bool {
    let back = app.reader.view.and_then(|view| app.history.back(view));
    match back {
        Some(visit) => restore(app, visit),
        None if app.focus == Pane::Reader => focus(app, Pane::List),
        None => {
            app.message = Some(Message::HistoryStart);
            true
        }
    }
}

fn forward(app: &mut App) -> bool {
    let next = app.reader.view.and_then(|view| app.history.forward(view));
    match next {
        Some(visit) => restore(app, visit),
        None => {
            app.message = Some(Message::HistoryEnd);
            true
        }
    }
}

/// Keeps the derived parts within bounds after any change: the selection inside the list
/// and its window, the help scrolled no further than its end. Returns whether any moved.
pub(super) fn sync(app: &mut App) -> bool {
    let before = (app.selected, app.list_top, app.overlay);
    let len = app.list.len();
    app.selected = app.selected.min(len.saturating_sub(1));
    let height = usize::from(app.panes().list_rows.height);
    if height > 0 {
        let top = geometry::keep_in_view(app.list_top, app.selected..app.selected + 1, height);
        app.list_top = geometry::clamp_top(top, len, height);
    }
    if let Some(Overlay::Help { top }) = app.overlay {
        let layout = app.help_layout(app.area());
        let top = geometry::clamp_top(top, layout.lines.len(), layout.shown());
        app.overlay = Some(Overlay::Help { top });
    }
    (app.selected, app.list_top, app.overlay) != before
}
