//! The status bar: article n/N, full or summary, how far through it, unread count, the
//! starred-only view, history depth, a link
//! number being typed or a one-off remark, and the help hint from the keymap on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::geometry::{self, MAX_SIZE, Panes};
use crate::app::{App, help};
use crate::strings::{self, Lang};
use crate::wrap::{display_width, fit_width};

use super::theme::Theme;

pub fn draw(app: &App, panes: &Panes, theme: Theme, frame: &mut Frame) {
    let area = panes.status;
    if area.is_empty() || super::prompt::draw(app, panes, theme, frame) {
        return;
    }
    frame.buffer_mut().set_style(area, theme.status());
    let hint = help::help_hint(app.lang(), app.keymap());
    let width = usize::from(area.width);
    let hint_room = display_width(&hint) + 2;
    let (long, short, remark) = describe(app, panes);
    let remark = remark.or_else(|| super::prompt::summary(app));
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
    let lang = app.lang();
    let word = |text| lang.pick(text);
    let store = app.store();
    let rows = app.list().len();
    let (mut long, mut short) = (Vec::new(), Vec::new());
    match app.current() {
        Some(id) => {
            let row = app
                .row_of(id)
                .map_or("–".to_owned(), |row| (row + 1).to_string());
            let position = format!("{row}/{rows}");
            long.push(format!("{} {position}", word(strings::ARTICLE)));
            short.push(position);
            let kind = if store.article(id).is_full() {
                word(strings::FULL)
            } else {
                word(strings::SUMMARY)
            };
            long.push(kind.to_owned());
            short.push(kind.to_owned());
            if let Some(wrapped) = app.wrapped() {
                let height = usize::from(panes.text.height);
                let seen = geometry::percent_seen(app.scroll(), height, wrapped.lines.len());
                long.push(format!("{seen} %"));
                short.push(format!("{seen}%"));
            }
        }
        None => {
            long.push(format!("{rows} {}", word(strings::ARTICLES)));
            short.push(format!("{rows} {}", word(strings::ARTICLES_SHORT)));
        }
    }
    long.push(format!(
        "{} {}",
        group(app.unread(), lang),
        word(strings::UNREAD)
    ));
    if app.starred_only() {
        long.push(word(strings::STARRED_ONLY).to_owned());
        short.push("★".to_owned());
    }
    let (back, ahead) = app.history_depth();
    let ahead = if ahead > 0 {
        format!(" (+{ahead})")
    } else {
        String::new()
    };
    long.push(format!("{} {back}{ahead}", word(strings::HISTORY)));
    short.push(format!("{} {back}{ahead}", word(strings::HISTORY_SHORT)));
    if app.raw() {
        long.push(word(strings::RAW).to_owned());
        short.push(word(strings::RAW_SHORT).to_owned());
    }
    if let Some(progress) = app.loading() {
        let (done, total) = (group(progress.done, lang), group(progress.total, lang));
        long.push(format!(
            "{} {done} / {total} {}",
            word(strings::LOADING),
            gauge(progress.done, progress.total, 8)
        ));
        short.push(format!("{done}/{total}"));
    }
    if app.screen_cut() {
        let (cols, rows) = MAX_SIZE;
        long.push(format!("{} {cols}×{rows}", word(strings::SCREEN_CUT)));
        short.push(format!("{cols}×{rows}"));
    }
    let link = word(strings::LINK);
    let highlighted = app.view().and_then(|view| view.link).and_then(|n| {
        let target = store.get(app.link_target(n)?)?;
        let leads_to = if target.is_full() {
            strings::TO_FULL
        } else {
            strings::TO_SUMMARY
        };
        Some(format!("{link} {} → {}", n + 1, word(leads_to)))
    });
    let remark = match (app.pending_link(), app.message()) {
        (Some(pending), _) => Some(format!("{link} {}…", pending.number)),
        (None, Some(message)) => Some(message.render(lang)),
        (None, None) => highlighted,
    };
    (long.join(" · "), short.join(" · "), remark)
}

/// `12345` as `12 345` in French (a narrow no-break space between groups of three), `12,345`
/// in English.
fn group(n: usize, lang: Lang) -> String {
    let separator = match lang {
        Lang::Fr => '\u{202F}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A gauge `width` cells wide, filled in proportion to `done` of `total`.
fn gauge(done: usize, total: usize, width: usize) -> String {
    let filled = (done.min(total) * width)
        .checked_div(total)
        .unwrap_or(width);
    "▰".repeat(filled) + &"▱".repeat(width - filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_and_the_gauge_fills() {
        assert_eq!(group(12345, Lang::Fr), "12\u{202F}345");
        assert_eq!(group(50000, Lang::En), "50,000");
        assert_eq!(group(999, Lang::Fr), "999");
        assert_eq!(group(1_000_000, Lang::En), "1,000,000");
        assert_eq!(gauge(0, 10, 4), "▱▱▱▱");
        assert_eq!(gauge(5, 10, 4), "▰▰▱▱");
        assert_eq!(gauge(10, 10, 4), "▰▰▰▰");
        assert_eq!(gauge(0, 0, 2), "▰▰");
    }
}
