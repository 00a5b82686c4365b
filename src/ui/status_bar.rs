//! The status bar: article n/N, full or summary, how far through it, history depth, a link
//! number being typed or a one-off remark, and the help hint from the keymap on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::geometry::{self, Panes};
use crate::app::{App, keymap};
use crate::wrap::{display_width, fit_width};

use super::theme::Theme;

pub fn draw(app: &App, panes: &Panes, theme: Theme, frame: &mut Frame) {
    let area = panes.status;
    if area.is_empty() {
        return;
    }
    frame.buffer_mut().set_style(area, theme.status());
    let hint = keymap::help_hint();
    let width = usize::from(area.width);
    let hint_room = display_width(&hint) + 2;
    let (long, short, remark) = describe(app, panes);
    // The long wording first, then the short one; the hint gives way last of all, since
    // where one is in the article matters more than the way to the help.
    let fits = |facts: &str, room: usize| display_width(facts) < room;
    let with_hint = width.saturating_sub(hint_room);
    let (facts, left_room, show_hint) = if fits(&long, with_hint) {
        (long, with_hint, true)
    } else if fits(&short, with_hint) {
        (short, with_hint, true)
    } else {
        (short, width, false)
    };
    let facts = format!(" {facts}");
    let facts_width = display_width(&facts);
    let mut spans = vec![Span::styled(fit_width(&facts, left_room), theme.status())];
    if let Some(remark) = remark {
        let room = left_room.saturating_sub(facts_width + 3);
        if room > 0 {
            let remark = format!(" · {}", fit_width(&remark, room));
            spans.push(Span::styled(remark, theme.status_message()));
        }
    }
    frame.render_widget(Line::from(spans), area);
    if show_hint {
        let hint_area = Rect {
            x: area.right() - (hint_room as u16 - 1),
            width: hint_room as u16 - 1,
            ..area
        };
        frame.render_widget(Span::styled(hint, theme.status()), hint_area);
    }
}

/// The facts about the open article, worded long and short, and the remark of the moment.
fn describe(app: &App, panes: &Panes) -> (String, String, Option<String>) {
    let store = app.store();
    let (mut long, mut short) = (Vec::new(), Vec::new());
    match app.current() {
        Some(id) => {
            let position = format!("{}/{}", app.row_of(id) + 1, store.len());
            long.push(format!("article {position}"));
            short.push(position);
            let kind = if store.article(id).is_full() {
                "complet"
            } else {
                "résumé"
            };
            long.push(kind.to_owned());
            short.push(kind.to_owned());
            if let (Some(view), Some(wrapped)) = (app.view(), app.wrapped()) {
                let height = usize::from(panes.text.height);
                let seen = geometry::percent_seen(view.scroll, height, wrapped.lines.len());
                long.push(format!("{seen} %"));
                short.push(format!("{seen}%"));
            }
        }
        None => {
            long.push(format!("{} articles", store.len()));
            short.push(format!("{} art.", store.len()));
        }
    }
    let (back, ahead) = app.history_depth();
    let ahead = if ahead > 0 {
        format!(" (+{ahead})")
    } else {
        String::new()
    };
    long.push(format!("historique {back}{ahead}"));
    short.push(format!("hist. {back}{ahead}"));
    if app.raw() {
        long.push("texte brut".to_owned());
        short.push("brut".to_owned());
    }
    let remark = match (app.pending_link(), app.message()) {
        (Some(pending), _) => Some(format!("lien {}…", pending.number)),
        (None, Some(message)) => Some(message.to_owned()),
        (None, None) => None,
    };
    (long.join(" · "), short.join(" · "), remark)
}
