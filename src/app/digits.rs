//! Link numbers typed on the keyboard: a digit follows its link at once, and a second digit
//! typed within the pause moves on to the two-digit link instead, replacing the visit the
//! first one made. Nothing waits for the pause to act.

use std::time::Instant;

use crate::document;
use crate::store::ArticleId;
use crate::strings::Message;

use super::history::Visit;
use super::update::{follow, is_keystroke, open};
use super::{Action, App, DIGIT_PAUSE, PendingLink};

/// A link number that could still grow ends with any other keystroke (its first digit has
/// already been followed). Esc, Enter and the list's Enter only end it. Returns whether the
/// action was used up, and whether the screen changed.
pub(super) fn settle_pending(app: &mut App, action: Action) -> (bool, bool) {
    if app.pending.is_none() || !is_keystroke(action) || matches!(action, Action::Digit(..)) {
        return (false, false);
    }
    app.pending = None;
    let consumed = matches!(
        action,
        Action::Cancel | Action::FollowHighlighted | Action::OpenSelected
    );
    (consumed, true)
}

/// A digit follows its link at once. A second digit typed within the pause that, with the
/// first, names a link of the same article moves on to that link instead, replacing the visit
/// the first one made, so Back returns where the user was before typing.
pub(super) fn digit_typed(app: &mut App, digit: u8, at: Instant) -> bool {
    if let Some(pending) = app.pending.take()
        && at.saturating_duration_since(pending.since) < DIGIT_PAUSE
    {
        let number = pending.number * 10 + usize::from(digit);
        let origin = pending.origin;
        if let Some(target) = document::link_target(&app.store, origin, number - 1) {
            if app.current() == Some(origin) {
                // The first digit led back to the same article: nothing to replace.
                open(app, target);
            } else {
                app.reader.view = Some(Visit::new(target));
                if let Some(row) = app.list.row_of(target) {
                    app.selected = row;
                }
            }
            wait_for_more(app, number, at, origin);
            return true;
        }
        // No such link: the digit starts a number of its own on the article now shown.
    }
    let Some(origin) = app.current() else {
        return false;
    };
    let number = usize::from(digit);
    if number == 0 || app.link_target(number - 1).is_none() {
        app.message = Some(Message::NoLink(number));
        return true;
    }
    follow(app, number - 1);
    wait_for_more(app, number, at, origin);
    true
}

/// Keeps `number` open for one more digit when a longer number could still name a link.
fn wait_for_more(app: &mut App, number: usize, at: Instant, origin: ArticleId) {
    if number.saturating_mul(10) <= document::link_count(&app.store, origin) {
        app.pending = Some(PendingLink {
            number,
            since: at,
            origin,
        });
    }
}
