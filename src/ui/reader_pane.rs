//! The reading pane: the visible slice of the open article's wrapped lines (links included:
//! "Voir plus" and "Cité par" scroll with the text, numbered as the keys count them), in a
//! centred column, with a scrollbar on the right edge. Links to articles already read look
//! visited.

use ratatui::Frame;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::geometry::Panes;
use crate::strings;
use crate::wrap::{LineKind, WrappedLine};

use super::highlight;
use super::theme::Theme;

pub fn draw(app: &App, panes: &Panes, theme: Theme, frame: &mut Frame) {
    let text = panes.text;
    if text.is_empty() {
        return;
    }
    let (Some(view), Some(wrapped)) = (app.view(), app.wrapped()) else {
        if app.store().is_empty() {
            let empty = app.lang().pick(strings::NO_ARTICLES);
            frame.render_widget(Span::styled(empty, theme.empty()), text);
        }
        return;
    };
    let height = usize::from(text.height);
    let scroll = app.scroll();
    let shown = wrapped.lines.iter().skip(scroll).take(height);
    let query = app.search().query();
    for (y, line) in (text.top()..text.bottom()).zip(shown) {
        let highlighted = matches!(line.kind, LineKind::Link(n) if view.link == Some(n));
        let visited = match line.kind {
            LineKind::Link(n) if !highlighted => wrapped
                .links
                .get(n)
                .is_some_and(|link| app.mark(link.target).read),
            _ => false,
        };
        let row = Rect {
            y,
            height: 1,
            ..text
        };
        let matches = query.map(|q| q.matches(&line.text)).unwrap_or_default();
        frame.render_widget(styled(line, theme, highlighted, visited, &matches), row);
    }
    if panes.reader.width >= 4 {
        let column = Rect {
            x: panes.reader.right() - 1,
            width: 1,
            ..panes.reader
        };
        scrollbar(scroll, wrapped.lines.len(), column, theme, frame);
    }
}

/// A wrapped line in its style (a link to an article already read as a visited link), its
/// marks (link number, link sign) and search matches drawn apart.
fn styled<'a>(
    line: &'a WrappedLine,
    theme: Theme,
    highlighted: bool,
    visited: bool,
    matches: &[Range<usize>],
) -> Line<'a> {
    let style = if visited {
        theme.visited_link()
    } else {
        theme.line(line.kind, highlighted)
    };
    let parts: Vec<(Range<usize>, Style)> = line
        .marks
        .iter()
        .map(|(range, mark)| (range.clone(), theme.mark(*mark, style)))
        .collect();
    Line::from(highlight::spans(&line.text, style, &parts, matches, |s| {
        theme.search_match(s)
    }))
}

/// A track with a thumb whose size is the share of the article in view and whose place is
/// the scroll position; nothing when everything fits.
fn scrollbar(top: usize, rows: usize, column: Rect, theme: Theme, frame: &mut Frame) {
    let height = usize::from(column.height);
    if rows <= height || height == 0 {
        return;
    }
    let (thumb_start, thumb_len) = thumb(top, rows, height);
    for (i, y) in (column.top()..column.bottom()).enumerate() {
        let cell = Rect {
            y,
            height: 1,
            ..column
        };
        let (symbol, style) = if (thumb_start..thumb_start + thumb_len).contains(&i) {
            ("┃", theme.scrollbar_thumb())
        } else {
            ("│", theme.scrollbar_track())
        };
        frame.render_widget(Span::styled(symbol, style), cell);
    }
}

/// First row and length of the thumb for a view `height` tall at `top` over `rows` rows
/// (`rows > height`): it touches the bottom exactly when the end is in view.
fn thumb(top: usize, rows: usize, height: usize) -> (usize, usize) {
    let len = (height * height / rows).clamp(1, height);
    let max_top = rows - height;
    let start = (top.min(max_top) * (height - len)).div_ceil(max_top);
    (start, len)
}

#[cfg(test)]
mod tests {
    use super::thumb;

    #[test]
    fn the_thumb_spans_the_track_from_top_to_bottom() {
        assert_eq!(thumb(0, 100, 10), (0, 1));
        assert_eq!(thumb(90, 100, 10), (9, 1));
        assert_eq!(thumb(0, 20, 10), (0, 5));
        assert_eq!(thumb(10, 20, 10), (5, 5));
        assert_eq!(thumb(1, 20, 10), (1, 5));
    }
}
