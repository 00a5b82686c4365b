//! The article list: only the rows that fit are built, one per article, marked full (`•`) or
//! summary-only (`◦`) and starred (`★`), read ones dimmed, titles made a screen line
//! (`inert::screen_line`) and cut with `…` by display width, the selection highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::geometry::{self, Panes};
use crate::app::{App, Pane};
use crate::inert::screen_line;
use crate::search::fuzzy;
use crate::strings;
use crate::wrap::{display_width, fit_width};

use super::highlight::{self, char_ranges};
use super::theme::Theme;

pub fn draw(app: &App, panes: &Panes, theme: Theme, frame: &mut Frame) {
    let rows = panes.list_rows;
    if rows.is_empty() {
        return;
    }
    if panes.list.width > rows.width {
        let separator = Rect {
            x: rows.right(),
            width: 1,
            ..panes.list
        };
        for y in separator.top()..separator.bottom() {
            let cell = Rect {
                y,
                height: 1,
                ..separator
            };
            frame.render_widget(Span::styled("│", theme.separator()), cell);
        }
    }
    let store = app.store();
    let list = app.list();
    let (len, height) = (list.len(), usize::from(rows.height));
    if len == 0 {
        let empty = app.lang().pick(strings::EMPTY_LIST);
        frame.render_widget(Span::styled(empty, theme.empty()), rows);
        return;
    }
    // The window is kept by `update`; this only guards a frame drawn before a resize arrives.
    let selected = app.selected();
    let top = geometry::keep_in_view(app.list_top(), selected..selected + 1, height);
    let top = geometry::clamp_top(top, len, height);
    let title_width = usize::from(rows.width).saturating_sub(2);
    let results = app.search().results();
    let filter = app.search().filter();
    for (y, index) in (rows.top()..rows.bottom()).zip(top..len) {
        let Some(id) = list.id(index) else {
            break;
        };
        let article = store.article(id);
        let full = article.is_full();
        let title = screen_line(&article.title);
        let mark = app.mark(id);
        let mut title_style = theme.list_title(app.current() == Some(id));
        if mark.read {
            title_style = theme.read_title(title_style);
        }
        let star = if mark.starred {
            Span::styled("★", theme.star())
        } else {
            Span::raw(" ")
        };
        let count = results
            .and_then(|r| r.counts.get(index))
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        let title = fit_width(&title, title_width.saturating_sub(display_width(&count)));
        let letters = filter.map(|f| char_ranges(&title, &fuzzy::letters(f, &title)));
        let mut spans = vec![
            Span::styled(if full { "•" } else { "◦" }, theme.marker(full)),
            star,
        ];
        spans.extend(highlight::spans(
            &title,
            title_style,
            &[],
            letters.as_deref().unwrap_or_default(),
            |s| theme.search_match(s),
        ));
        spans.push(Span::styled(count, theme.match_count()));
        let line = Line::from(spans);
        let row = Rect {
            y,
            height: 1,
            ..rows
        };
        frame.render_widget(line, row);
        if index == selected {
            let focused = app.focus() == Pane::List;
            frame
                .buffer_mut()
                .set_style(row, theme.selected_row(focused));
        }
    }
}
