//! `update(&mut App, Action)`: the only place the app's state changes. No terminal, no files:
//! an action in, a new state out, and an `Outcome` saying whether anything visible changed and
//! what the edge must do (quit, suspend, repaint).

use crate::article::Article;
use crate::card::Card;
use crate::document;
use crate::state::Change;
use crate::store::{self, ArticleId};
use crate::strings::Message;

use super::digits::{digit_typed, settle_pending};
use super::geometry::{self, NARROW, max_top};
use super::history::Visit;
use super::marks::Marks;
use super::reader::{link_in_view, top_row};
use super::reading;
use super::scroll::{highlight, paragraph, scroll, scroll_help, set_top, shown};
use super::search;
use super::{Action, App, Batch, Motion, Overlay, Pane};

/// Work for the edge of the event loop, which owns the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Give the terminal back and stop until `fg`.
    Suspend,
    /// Write every cell again (the screen may hold someone else's output).
    Repaint,
    /// Write this article as Markdown to a file, and say which in the status bar.
    WriteMarkdown(ArticleId),
    /// Give the terminal to `$PAGER`, reading this article as text, then take it back.
    Page(ArticleId),
    /// Give the terminal to `$VISUAL` / `$EDITOR` on this file of the article's sources.
    Edit(ArticleId),
    /// Send this to the terminal's clipboard (OSC 52).
    Copy(ArticleId, Copied),
    /// Save a change of the reading state (`state::Saver`, off the key path).
    Save(Change),
    /// Hand `App::take_search_request` to the search worker.
    Search,
}

/// What `y` and `Y` copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Title,
    Article,
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
    let before = reading::before(app);
    if is_keystroke(action) {
        // The user has taken over: a session still awaited is not restored over them.
        app.awaited = None;
        if app.message.take().is_some() {
            outcome.redraw = true;
        }
    }
    let (consumed, settled) = settle_pending(app, action);
    outcome.redraw |= settled;
    if !consumed {
        outcome.redraw |= apply(app, action, &mut outcome.effects);
    }
    outcome.redraw |= sync(app);
    // Saves first: a quit that follows must not leave them behind.
    let saves = reading::settle(app, before);
    outcome.effects.splice(0..0, saves);
    outcome
}

/// Appends a batch of pages to the store (links re-resolved, ids unchanged), keeping the
/// selection, history and place. Returns true when pages arrived: any page can turn a list
/// row from summary to full.
pub fn add_pages(app: &mut App, pages: Vec<Article>) -> bool {
    grow(app, Vec::new(), pages, Vec::new())
}

/// Cards and pages join the store, then the list and the reader catch up.
fn grow(app: &mut App, cards: Vec<Card>, pages: Vec<Article>, changes: Vec<store::Change>) -> bool {
    let arrived = !pages.is_empty() || !cards.is_empty() || !changes.is_empty();
    let known = app
        .store
        .add_cards(cards.into_iter().map(|c| (c, None)).collect());
    app.diagnostics.extend(known);
    let diagnostics = app.store.add_batch(pages);
    app.diagnostics.extend(diagnostics);
    let followed = app.store.apply(changes);
    app.diagnostics.extend(followed);
    // Rows move up when articles are taken away: the selection stays on its article.
    let selected = app.list.id(app.selected);
    app.list.refresh(&app.store);
    if let Some(row) = selected.and_then(|id| app.list.row_of(id)) {
        app.selected = row;
    }
    app.selected = app.selected.min(app.list.len().saturating_sub(1));
    app.marks.attach(&app.store);
    reading::refresh_starred(app);
    restore_awaited(app);
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
    grow(app, batch.cards, batch.pages, batch.changes) || app.loading != before
}

/// The saved session, once its article has arrived (while nothing was typed): the reader
/// opens it at its place, with its history, as if the corpus had been loaded first.
fn restore_awaited(app: &mut App) {
    let Some(session) = &app.awaited else {
        return;
    };
    let Some((visit, history)) = Marks::restore(&app.store, session) else {
        if app.loading.is_none() {
            app.awaited = None;
        }
        return;
    };
    app.awaited = None;
    let link = visit
        .link
        .filter(|&n| n < document::link_count(&app.store, visit.id));
    app.reader.view = Some(Visit { link, ..visit });
    app.history = history;
    app.focus = Pane::Reader;
    if let Some(row) = app.list.row_of(visit.id) {
        app.selected = row;
    }
    app.marks.opened(&app.store, visit.id);
}

/// Actions that come from the user rather than from the terminal or the clock.
pub fn is_keystroke(action: Action) -> bool {
    !matches!(
        action,
        Action::Resize(..) | Action::Redraw | Action::Suspend | Action::Tick(_) | Action::Notice(_)
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
        Action::ToggleRead => reading::toggle_read(app),
        Action::ToggleStar => reading::toggle_star(app),
        Action::ToggleStarredOnly => reading::toggle_starred_only(app),
        Action::NextUnread(step) => reading::next_unread(app, step),
        Action::Undo => reading::undo(app),
        Action::Notice(remark) => {
            app.message = Some(remark.message());
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
        Action::ExportMarkdown => hand_off(app, effects, Effect::WriteMarkdown),
        Action::Pipe => hand_off(app, effects, Effect::Page),
        Action::EditSource => hand_off(app, effects, Effect::Edit),
        Action::CopyTitle => hand_off(app, effects, |id| Effect::Copy(id, Copied::Title)),
        Action::CopyArticle => hand_off(app, effects, |id| Effect::Copy(id, Copied::Article)),
        Action::OpenPrompt(kind) => search::open_prompt(app, kind),
        Action::Prompt(key) => search::prompt_key(app, key, effects),
        Action::NextMatch(step) => search::next_match(app, step),
    }
}

/// Asks the edge to hand the open article to another tool; with none open, says so.
fn hand_off(
    app: &mut App,
    effects: &mut Vec<Effect>,
    effect: impl Fn(ArticleId) -> Effect,
) -> bool {
    match app.current() {
        Some(id) => effects.push(effect(id)),
        None => app.message = Some(Message::NoArticle),
    }
    true
}

/// What the edge reports once it has carried out an effect (a file written, a copy made, a
/// tool that failed): the status bar says it until the next key. Returns true (redraw).
pub fn report(app: &mut App, message: Message) -> bool {
    app.message = Some(message);
    true
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
    app.marks.opened(&app.store, id);
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
    app.marks.opened(&app.store, visit.id);
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
