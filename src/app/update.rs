//! `update(&mut App, Action)`: the only place the app's state changes. No terminal, no files:
//! an action in, a new state out, and whether anything visible changed.

use std::time::Instant;

use ratatui::layout::Rect;

use crate::article::Article;
use crate::store::ArticleId;
use crate::wrap;

use super::geometry::{self, NARROW};
use super::history::Visit;
use super::keymap;
use super::{Action, App, DIGIT_PAUSE, Motion, Pane, PendingLink, Screen};

/// Applies `action`. Returns true when something visible changed, so the loop redraws only then.
pub fn update(app: &mut App, action: Action) -> bool {
    let before = Seen::of(app);
    if is_keystroke(action) {
        app.screen.message = None;
    }
    if !settle_pending(app, action) {
        apply(app, action);
    }
    sync(app);
    action == Action::Redraw || Seen::of(app) != before
}

/// Appends a batch of pages to the store (links re-resolved, ids unchanged), keeping the
/// selection, history and scroll. Returns true when something visible may have changed: any
/// page can turn a list row from summary to full, which `Seen` does not track.
pub fn add_pages(app: &mut App, pages: Vec<Article>) -> bool {
    let arrived = !pages.is_empty();
    let diagnostics = app.store.add_batch(pages);
    app.diagnostics.extend(diagnostics);
    app.reader.drop_stale(&app.store);
    if app.reader.view.is_none() {
        // The store may have started empty: show its first article, as `App::new` would have.
        app.reader.view = app.store.ids().next().map(Visit::new);
    }
    sync(app);
    arrived
}

/// Everything drawing depends on apart from the store's contents and the wrap cache, to tell
/// whether an action changed what is on screen.
#[derive(PartialEq)]
struct Seen {
    screen: Screen,
    view: Option<Visit>,
    raw: bool,
    history: (usize, usize),
    articles: usize,
}

impl Seen {
    fn of(app: &App) -> Self {
        Self {
            screen: app.screen.clone(),
            view: app.reader.view,
            raw: app.reader.raw,
            history: app.history_depth(),
            articles: app.store.len(),
        }
    }
}

/// Actions that come from the user rather than from the terminal or the clock.
fn is_keystroke(action: Action) -> bool {
    !matches!(
        action,
        Action::Resize(..) | Action::Redraw | Action::Suspend | Action::Tick(_)
    )
}

/// A half-typed link number is never dropped silently: Enter follows it now, Esc forgets it,
/// and any other keystroke but quitting follows it first, as the pause would have a moment
/// later. Returns
/// true when `action` was used up doing so.
fn settle_pending(app: &mut App, action: Action) -> bool {
    let Some(pending) = app.screen.pending else {
        return false;
    };
    match action {
        Action::Digit(..) | Action::Tick(_) | Action::Resize(..) | Action::Redraw => false,
        Action::Suspend | Action::Quit => false,
        Action::Cancel => {
            app.screen.pending = None;
            true
        }
        Action::FollowHighlighted | Action::OpenSelected => {
            app.screen.pending = None;
            follow_number(app, pending.number);
            true
        }
        _ => {
            app.screen.pending = None;
            follow_number(app, pending.number);
            false
        }
    }
}

fn apply(app: &mut App, action: Action) {
    match action {
        Action::Move(Pane::List, motion) => move_selection(app, motion),
        Action::Move(Pane::Reader, motion) => scroll(app, motion),
        Action::Select(index) => {
            app.screen.selected = index;
            app.screen.focus = Pane::List;
        }
        Action::OpenSelected => {
            if let Some(id) = app.row_id(app.screen.selected) {
                open(app, id);
            }
        }
        Action::Focus(pane) => focus(app, pane),
        Action::ToggleList => toggle_list(app),
        Action::ToggleRaw => app.reader.raw = !app.reader.raw,
        Action::NextLink => highlight(app, 1),
        Action::PrevLink => highlight(app, -1),
        Action::FollowHighlighted => match app.reader.view.and_then(|v| v.link) {
            Some(n) => follow(app, n),
            None => app.screen.message = Some("Aucun lien en surbrillance".into()),
        },
        Action::FollowLink(n) => follow(app, n),
        Action::Digit(digit, at) => digit_typed(app, digit, at),
        Action::Tick(now) => {
            if app.deadline().is_some_and(|deadline| now >= deadline) {
                let number = app.screen.pending.take().map_or(0, |p| p.number);
                follow_number(app, number);
            }
        }
        Action::Back => back(app),
        Action::Forward => forward(app),
        Action::ToggleHelp => {
            app.screen.help_open = !app.screen.help_open;
            app.screen.help_top = 0;
        }
        Action::ScrollHelp(motion) => scroll_help(app, motion),
        Action::Cancel => app.screen.help_open = false,
        Action::Resize(cols, rows) => app.screen.size = (cols, rows),
        Action::Quit => app.screen.quit = true,
        Action::Suspend | Action::Redraw => {}
    }
}

fn move_selection(app: &mut App, motion: Motion) {
    let len = app.store.len();
    let page = geometry::page(usize::from(app.panes().list_rows.height));
    app.screen.selected = match motion {
        Motion::Rows(n) => geometry::step(app.screen.selected, n, len),
        Motion::Pages(n) => {
            geometry::step(app.screen.selected, n.saturating_mul(page as isize), len)
        }
        Motion::Top => 0,
        Motion::Bottom => len.saturating_sub(1),
    };
}

fn scroll(app: &mut App, motion: Motion) {
    let height = usize::from(app.panes().text.height);
    let Some(rows) = app.wrapped().map(|w| w.lines.len()) else {
        return;
    };
    if let Some(view) = app.reader.view.as_mut() {
        view.scroll = geometry::scrolled(view.scroll, motion, rows, height);
    }
}

fn scroll_help(app: &mut App, motion: Motion) {
    let (rows, height) = help_rows_shown(app);
    app.screen.help_top = geometry::scrolled(app.screen.help_top, motion, rows, height);
}

/// The help's rows, and how many of them the popup shows at the current size.
fn help_rows_shown(app: &App) -> (usize, usize) {
    let rows = keymap::help_rows();
    let area = Rect::new(0, 0, app.screen.size.0, app.screen.size.1);
    let popup = geometry::popup(area, 0, rows);
    (rows, usize::from(popup.height.saturating_sub(2)))
}

/// Shows `id` in the reader; the visit being left goes into the history.
fn open(app: &mut App, id: ArticleId) {
    app.screen.focus = Pane::Reader;
    app.screen.selected = app.row_of(id);
    match app.reader.view {
        Some(view) if view.id == id => {}
        Some(view) => {
            app.history.leave(view);
            app.reader.view = Some(Visit::new(id));
        }
        None => app.reader.view = Some(Visit::new(id)),
    }
}

/// Returns to a visit from the history, exactly as it was left.
fn restore(app: &mut App, visit: Visit) {
    app.reader.view = Some(visit);
    app.screen.selected = app.row_of(visit.id);
    app.screen.focus = Pane::Reader;
}

fn focus(app: &mut App, pane: Pane) {
    match pane {
        Pane::List => app.screen.list_open = true,
        Pane::Reader if app.reader.view.is_none() => {
            if let Some(id) = app.row_id(app.screen.selected) {
                app.reader.view = Some(Visit::new(id));
            }
        }
        Pane::Reader => {}
    }
    app.screen.focus = pane;
}

/// One key for the list both ways: from the reader it brings the list (the reader's own Tab
/// is taken by links); from the list it puts it away, which on a wide screen hides it to give
/// the reader the whole width.
fn toggle_list(app: &mut App) {
    match app.screen.focus {
        Pane::Reader => focus(app, Pane::List),
        Pane::List => {
            if app.screen.size.0 >= NARROW {
                app.screen.list_open = false;
            }
            focus(app, Pane::Reader);
        }
    }
}

/// Moves the link highlight by `step` (wrapping around) and scrolls the link into view.
fn highlight(app: &mut App, step: isize) {
    let count = app.link_count();
    let Some(view) = app.reader.view.as_mut() else {
        return;
    };
    if count == 0 {
        app.screen.message = Some("Cet article n’a aucun lien".into());
        return;
    }
    let next = match (view.link, step > 0) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(n), _) => (n as isize + step).rem_euclid(count as isize) as usize,
    };
    view.link = Some(next);
    app.screen.focus = Pane::Reader;
    reveal_link(app, next);
}

/// Scrolls so the whole of link `n` is in view (the reader may just have appeared, so the
/// wrapping is brought up to date first).
fn reveal_link(app: &mut App, n: usize) {
    sync(app);
    let height = usize::from(app.panes().text.height);
    let Some(span) = app.wrapped().and_then(|w| w.link_span(n)) else {
        return;
    };
    if let Some(view) = app.reader.view.as_mut() {
        view.scroll = geometry::keep_in_view(view.scroll, span, height);
    }
}

/// Follows link `n` (from 0) of the open article.
fn follow(app: &mut App, n: usize) {
    match app
        .current()
        .and_then(|id| wrap::links(&app.store, id).nth(n))
    {
        Some(target) => open(app, target),
        None => app.screen.message = Some(format!("Pas de lien {}", n + 1)),
    }
}

/// Follows the link numbered `number` on screen (from 1).
fn follow_number(app: &mut App, number: usize) {
    match number.checked_sub(1) {
        Some(n) => follow(app, n),
        None => app.screen.message = Some("Pas de lien 0".into()),
    }
}

/// A digit joins the number being typed if it came within the pause; the number is followed
/// at once when no further digit could make it a valid link, and waits otherwise.
fn digit_typed(app: &mut App, digit: u8, at: Instant) {
    let number = match app.screen.pending.take() {
        Some(p) if at.saturating_duration_since(p.since) < DIGIT_PAUSE => p
            .number
            .saturating_mul(10)
            .saturating_add(usize::from(digit)),
        Some(p) => {
            // The pause ran out with no tick to say so: that number was complete.
            follow_number(app, p.number);
            usize::from(digit)
        }
        None => usize::from(digit),
    };
    if number != 0 && number.saturating_mul(10) <= app.link_count() {
        app.screen.pending = Some(PendingLink { number, since: at });
    } else {
        follow_number(app, number);
    }
}

fn back(app: &mut App) {
    let back = app.reader.view.and_then(|view| app.history.back(view));
    match back {
        Some(visit) => restore(app, visit),
        None if app.screen.focus == Pane::Reader => focus(app, Pane::List),
        None => app.screen.message = Some("Début de l’historique".into()),
    }
}

fn forward(app: &mut App) {
    let next = app.reader.view.and_then(|view| app.history.forward(view));
    match next {
        Some(visit) => restore(app, visit),
        None => app.screen.message = Some("Fin de l’historique".into()),
    }
}

/// Brings derived parts up to date after any change: the open article wrapped at the current
/// width, scroll and selection within bounds, the selection inside the list window.
pub(super) fn sync(app: &mut App) {
    let panes = app.panes();
    let len = app.store.len();
    app.screen.selected = app.screen.selected.min(len.saturating_sub(1));
    let height = usize::from(panes.list_rows.height);
    if height > 0 {
        let top = geometry::keep_in_view(
            app.screen.list_top,
            app.screen.selected..app.screen.selected + 1,
            height,
        );
        app.screen.list_top = geometry::clamp_top(top, len, height);
    }
    let (help_rows, help_height) = help_rows_shown(app);
    app.screen.help_top = geometry::clamp_top(app.screen.help_top, help_rows, help_height);
    if !panes.text.is_empty() {
        app.reader.wrap(&app.store, panes.text.width);
        let rows = app.wrapped().map_or(0, |w| w.lines.len());
        if let Some(view) = app.reader.view.as_mut() {
            view.scroll = geometry::clamp_top(view.scroll, rows, usize::from(panes.text.height));
        }
    }
}
