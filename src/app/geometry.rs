//! Terminal size → pane rectangles, and the row arithmetic of scrolling. One pure function
//! places the panes for both `update` (wrap width, page height, mouse hits) and the ui
//! (drawing), so the two can never disagree about where anything is.

use std::ops::Range;

use ratatui::layout::Rect;

use super::{Motion, Pane};

/// Below this many columns the list and the reader take turns on the whole screen.
pub const NARROW: u16 = 70;

/// The largest screen drawn, in cells (columns, rows). ratatui keeps two buffers of the whole
/// screen: a terminal claiming 65535×65535 would ask for gigabytes. A larger terminal shows
/// this much in its top-left corner, and the status bar says so.
pub const MAX_SIZE: (u16, u16) = (1000, 500);

/// A terminal size as drawn: at most [`MAX_SIZE`].
pub fn bounded((cols, rows): (u16, u16)) -> (u16, u16) {
    (cols.min(MAX_SIZE.0), rows.min(MAX_SIZE.1))
}

/// Where everything goes. A pane that is not shown is an empty rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The list pane, its separator column included.
    pub list: Rect,
    /// The list's rows (the pane without its separator).
    pub list_rows: Rect,
    /// The reading pane, scrollbar column included.
    pub reader: Rect,
    /// The text column inside the reader: never wider than the measure, centred. Its width is
    /// the wrap width and its height the page height.
    pub text: Rect,
    /// The last row.
    pub status: Rect,
}

/// Places the panes in `area`. `list_open` says whether the user wants the list beside the
/// reader; on a narrow screen only the focused pane is shown. `widths` are the measure and the
/// list's width (a third of the screen when `None`, and never more than half).
pub fn panes(area: Rect, list_open: bool, focus: Pane, widths: (u16, Option<u16>)) -> Panes {
    let (measure, list_width) = widths;
    if area.height == 0 || area.width == 0 {
        return Panes::default();
    }
    let status = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    let none = Rect::default();
    let (list, reader) = if area.width < NARROW {
        match focus {
            Pane::List => (body, none),
            Pane::Reader => (none, body),
        }
    } else if list_open {
        let width = list_width.map_or(body.width / 3, |w| w.min(body.width / 2));
        let list = Rect { width, ..body };
        let reader = Rect {
            x: body.x + width,
            width: body.width - width,
            ..body
        };
        (list, reader)
    } else {
        (none, body)
    };
    // The separator is only needed when the reader is beside the list.
    let separator = u16::from(!reader.is_empty() && !list.is_empty());
    let list_rows = Rect {
        width: list.width - separator.min(list.width),
        ..list
    };
    Panes {
        list,
        list_rows,
        reader,
        text: text_column(reader, measure),
        status,
    }
}

/// A blank column on each side, the scrollbar at the right edge, and the text centred
/// between, at most `measure` wide: text never touches a border. A thinner pane keeps only the
/// left margin and the scrollbar, and one thinner still gives its whole width to the text.
fn text_column(reader: Rect, measure: u16) -> Rect {
    if reader.is_empty() {
        return Rect::default();
    }
    let (x, inner) = if reader.width >= 12 {
        (reader.x + 1, reader.width - 3)
    } else if reader.width >= 4 {
        (reader.x + 1, reader.width - 2)
    } else {
        (reader.x, reader.width)
    };
    let width = inner.min(measure.max(1));
    Rect {
        x: x + (inner - width) / 2,
        width,
        ..reader
    }
}

/// A popup of `width` cells and `rows` lines of text (borders added), centred in `area` and cut
/// to fit it.
pub fn popup(area: Rect, width: u16, rows: usize) -> Rect {
    let width = width.saturating_add(4).min(area.width);
    let height = u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The last useful top row: the one that shows the end of `len` rows in a view `height` tall.
pub fn max_top(len: usize, height: usize) -> usize {
    len.saturating_sub(height)
}

/// `top` moved back so the view is never scrolled past the end.
pub fn clamp_top(top: usize, len: usize, height: usize) -> usize {
    top.min(max_top(len, height))
}

/// The top row that keeps `rows` in a view `height` tall while moving it as little as
/// possible; when `rows` is taller than the view, its start wins.
pub fn keep_in_view(top: usize, rows: Range<usize>, height: usize) -> usize {
    if height == 0 {
        top
    } else if rows.start < top {
        rows.start
    } else if rows.end > top + height {
        (rows.end - height).min(rows.start)
    } else {
        top
    }
}

/// `top` moved by `motion` over `rows` rows seen through a view `height` tall, never scrolled
/// past the end.
pub fn scrolled(top: usize, motion: Motion, rows: usize, height: usize) -> usize {
    let top = match motion {
        Motion::Top => 0,
        Motion::Bottom => max_top(rows, height),
        motion => top.saturating_add_signed(rows_of(motion, height)),
    };
    clamp_top(top, rows, height)
}

/// How many rows a relative motion moves through a view `height` tall (none for the ends).
pub fn rows_of(motion: Motion, height: usize) -> isize {
    let page = page(height) as isize;
    match motion {
        Motion::Rows(n) => n,
        Motion::Pages(n) => n.saturating_mul(page),
        Motion::HalfPages(n) => n.saturating_mul((height / 2).max(1) as isize),
        Motion::Top | Motion::Bottom => 0,
    }
}

/// How far a page key moves: a screenful less one row, kept as context.
pub fn page(height: usize) -> usize {
    height.saturating_sub(1).max(1)
}

/// `position` moved by `delta` and kept within `0..len` (0 when empty).
pub fn step(position: usize, delta: isize, len: usize) -> usize {
    position
        .saturating_add_signed(delta)
        .min(len.saturating_sub(1))
}

/// How much of `len` rows has been seen through the bottom of the view, in percent.
pub fn percent_seen(top: usize, height: usize, len: usize) -> usize {
    if len == 0 {
        return 100;
    }
    (top + height).min(len) * 100 / len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_put_the_list_beside_a_centred_measure() {
        let p = panes(Rect::new(0, 0, 120, 40), true, Pane::List, (60, None));
        assert_eq!(p.list, Rect::new(0, 0, 40, 39));
        assert_eq!(p.list_rows.width, 39);
        assert_eq!(p.reader, Rect::new(40, 0, 80, 39));
        assert_eq!(p.text, Rect::new(49, 0, 60, 39));
        assert_eq!(p.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn narrow_screens_show_only_the_focused_pane() {
        let list = panes(Rect::new(0, 0, 40, 12), true, Pane::List, (80, None));
        assert_eq!(
            (list.list.width, list.list_rows.width, list.reader.width),
            (40, 40, 0)
        );
        let reader = panes(Rect::new(0, 0, 40, 12), true, Pane::Reader, (80, None));
        assert_eq!((reader.list.width, reader.text.width), (0, 37));
    }

    #[test]
    fn tiny_and_empty_screens_give_empty_panes_without_panicking() {
        for (w, h) in [(0, 0), (1, 0), (0, 1), (1, 1), (2, 2), (3, 5), (70, 1)] {
            for focus in [Pane::List, Pane::Reader] {
                let p = panes(Rect::new(0, 0, w, h), true, focus, (80, None));
                assert!(p.text.right() <= w && p.text.bottom() <= h && p.status.height <= 1);
            }
        }
        assert_eq!(
            panes(Rect::new(0, 0, 1, 1), true, Pane::Reader, (80, None))
                .text
                .height,
            0
        );
    }

    #[test]
    fn scroll_arithmetic() {
        assert_eq!(clamp_top(50, 60, 20), 40);
        assert_eq!(clamp_top(5, 10, 20), 0);
        assert_eq!(keep_in_view(10, 3..5, 20), 3);
        assert_eq!(keep_in_view(0, 25..27, 20), 7);
        assert_eq!(keep_in_view(0, 25..60, 20), 25);
        assert_eq!(keep_in_view(5, 8..9, 20), 5);
        assert_eq!(keep_in_view(5, 8..9, 0), 5);
        assert_eq!(scrolled(10, Motion::Pages(1), 100, 20), 29);
        assert_eq!(scrolled(10, Motion::Pages(-1), 100, 20), 0);
        assert_eq!(scrolled(10, Motion::Bottom, 100, 20), 80);
        assert_eq!(scrolled(79, Motion::Rows(5), 100, 20), 80);
        assert_eq!(scrolled(10, Motion::HalfPages(1), 100, 20), 20);
        assert_eq!(scrolled(10, Motion::HalfPages(-1), 100, 1), 9);
        assert_eq!(page(20), 19);
        assert_eq!(page(0), 1);
        assert_eq!(step(3, -5, 10), 0);
        assert_eq!(step(3, 50, 10), 9);
        assert_eq!(step(0, 1, 0), 0);
        assert_eq!(percent_seen(0, 20, 40), 50);
        assert_eq!(percent_seen(30, 20, 40), 100);
        assert_eq!(percent_seen(0, 20, 0), 100);
    }
}
