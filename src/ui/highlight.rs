//! Spans for a row of text with parts drawn apart: the wrapped line's own marks (link number
//! and sign) and search matches over them. Matches are computed by the caller from the query
//! for the rows on screen only; nothing is stored per frame.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;

/// `text` cut at every boundary of `parts` (byte ranges, in order, not overlapping, each with
/// its style) and of `matches` (in order, merged), matches drawn over whatever is beneath.
pub fn spans<'a>(
    text: &'a str,
    base: Style,
    parts: &[(Range<usize>, Style)],
    matches: &[Range<usize>],
    matched: impl Fn(Style) -> Style,
) -> Vec<Span<'a>> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for range in parts.iter().map(|(r, _)| r).chain(matches) {
        if range.start <= range.end && range.end <= text.len() {
            cuts.push(range.start);
            cuts.push(range.end);
        }
    }
    cuts.retain(|&at| text.is_char_boundary(at));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let at = w[0];
            let style = parts
                .iter()
                .find(|(r, _)| r.contains(&at))
                .map_or(base, |(_, s)| *s);
            let style = if matches.iter().any(|m| m.contains(&at)) {
                matched(style)
            } else {
                style
            };
            Span::styled(&text[w[0]..w[1]], style)
        })
        .collect()
}

/// Byte ranges of the characters at these positions (sorted) of `text`, runs joined.
pub fn char_ranges(text: &str, positions: &[usize]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut wanted = positions.iter().peekable();
    for (n, (at, c)) in text.char_indices().enumerate() {
        if wanted.peek() != Some(&&n) {
            continue;
        }
        wanted.next();
        let range = at..at + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.end == range.start => last.end = range.end,
            _ => out.push(range),
        }
    }
    out
}
