//! `update`'s part for reading state: read marks (`m`, and opening an article), stars (`s`),
//! the starred-only list view (`'`), the next and previous unread (`u`, `U`), undo (`z`), and
//! what goes to the edge to be saved after each action (changed marks, the session when the
//! open article, its place or the history moved).

use crate::state::{Change, Mark};
use crate::store::ArticleId;
use crate::strings::Message;

use super::history::Visit;
use super::list::ListView;
use super::marks::Marks;
use super::update::{Effect, open};
use super::{App, Pane};

/// What the session looked like before an action, to tell whether it must be saved again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Before {
    view: Option<Visit>,
    depth: (usize, usize),
}

pub(super) fn before(app: &App) -> Before {
    Before {
        view: app.reader.view,
        depth: app.history_depth(),
    }
}

/// After an action: the article in the reader, if the reader has the keyboard, is opened
/// (read once); then the changes to save, marks first, the session last.
pub(super) fn settle(app: &mut App, before: Before) -> Vec<Effect> {
    if app.focus == Pane::Reader
        && let Some(id) = app.current()
    {
        app.marks.opened(&app.store, id);
    }
    let mut changes = app.marks.take_changes();
    if self::before(app) != before
        && let Some(view) = app.reader.view
    {
        changes.push(Change::Session(Marks::session(
            &app.store,
            &view,
            &app.history,
        )));
    }
    changes.into_iter().map(Effect::Save).collect()
}

/// The article a mark key applies to: the selected one in the list, the open one in the reader.
fn target(app: &App) -> Option<ArticleId> {
    match app.focus {
        Pane::List => app.list.id(app.selected),
        Pane::Reader => app.current(),
    }
}

pub(super) fn toggle_read(app: &mut App) -> bool {
    let Some(id) = target(app) else {
        return false;
    };
    let mark = app.marks.mark(id);
    let read = !mark.read;
    app.marks.set(&app.store, id, Mark { read, ..mark });
    app.message = Some(if read {
        Message::MarkedRead
    } else {
        Message::MarkedUnread
    });
    true
}

pub(super) fn toggle_star(app: &mut App) -> bool {
    let Some(id) = target(app) else {
        return false;
    };
    let mark = app.marks.mark(id);
    let starred = !mark.starred;
    app.marks.set(&app.store, id, Mark { starred, ..mark });
    app.message = Some(if starred {
        Message::Starred
    } else {
        Message::Unstarred
    });
    true
}

/// The list shows only starred articles, or all again; the selected article stays selected
/// when the new view has it.
pub(super) fn toggle_starred_only(app: &mut App) -> bool {
    let kept = app.list.id(app.selected).or(app.current());
    app.starred_only = !app.starred_only;
    app.list = if app.starred_only {
        ListView::chosen(&app.store, app.marks.starred())
    } else {
        ListView::all(&app.store)
    };
    if app.starred_only && app.list.is_empty() {
        app.message = Some(Message::NoStarred);
    }
    app.selected = kept.and_then(|id| app.list.row_of(id)).unwrap_or(0);
    true
}

/// The starred view takes in starred articles that arrived with a batch.
pub(super) fn refresh_starred(app: &mut App) {
    if app.starred_only {
        let kept = app.list.id(app.selected);
        app.list = ListView::chosen(&app.store, app.marks.starred());
        app.selected = kept.and_then(|id| app.list.row_of(id)).unwrap_or(0);
    }
}

/// The next (`step` > 0) or previous unread article of the list: selected in the list,
/// opened in the reader.
pub(super) fn next_unread(app: &mut App, step: isize) -> bool {
    let from = match app.focus {
        Pane::List => Some(app.selected),
        Pane::Reader => app.current().and_then(|id| app.list.row_of(id)),
    }
    .unwrap_or(app.selected);
    let rows: Box<dyn Iterator<Item = usize>> = if step > 0 {
        Box::new(from + 1..app.list.len())
    } else {
        Box::new((0..from).rev())
    };
    let found = rows
        .filter_map(|row| Some((row, app.list.id(row)?)))
        .find(|&(_, id)| !app.marks.mark(id).read);
    let Some((row, id)) = found else {
        app.message = Some(Message::NoUnread);
        return true;
    };
    match app.focus {
        Pane::List => app.selected = row,
        Pane::Reader => {
            open(app, id);
        }
    }
    true
}

pub(super) fn undo(app: &mut App) -> bool {
    match app.marks.undo(&app.store) {
        Some(id) => {
            if let Some(row) = app.list.row_of(id) {
                app.selected = row;
            }
            app.message = Some(Message::Undone);
        }
        None => app.message = Some(Message::NothingToUndo),
    }
    true
}
