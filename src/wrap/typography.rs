//! French typography for the reading pane: where a line may break (ASCII spaces, inner hyphens,
//! soft hyphens; never a no-break space), space runs, and display widths in terminal cells.

use std::borrow::Cow;

use textwrap::{Options, WordSplitter};
use unicode_width::UnicodeWidthStr;

use crate::inert::inert;

/// Wrapping rules for French text: lines break only at ASCII spaces (textwrap is built without
/// Unicode line breaking, so U+00A0 and U+202F before `;:!?»` and after `«` hold), after a
/// hyphen inside a word, or at a soft hyphen; a word longer than the line is cut.
pub(super) fn options<'a>(width: usize) -> Options<'a> {
    Options::new(width.max(1)).word_splitter(WordSplitter::Custom(split_points))
}

/// Where a word may break: after an inner hyphen, or at a soft hyphen (U+00AD), where textwrap
/// then adds the visible `-`.
fn split_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut prev: Option<char> = None;
    for (at, c) in word.char_indices() {
        let next = word[at + c.len_utf8()..].chars().next();
        let inner = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        if (c == '-' && inner(prev) && inner(next))
            || (c == '\u{AD}' && inner(prev) && next.is_some())
        {
            points.push(at + c.len_utf8());
        }
        prev = Some(c);
    }
    points
}

/// A wrapped line as it goes to the screen. Soft hyphens show nothing where the line does not
/// break there (terminals disagree on their width, so none reaches the screen); a no-break
/// space left at the end of a line (a group wider than the column had to be cut) is dropped.
pub(super) fn finish_line(line: &str) -> String {
    line.replace('\u{AD}', "")
        .trim_end_matches(['\u{A0}', '\u{202F}'])
        .to_owned()
}

/// Page text as the screen may show it: inert, spaces typeset.
pub(super) fn screen_text(text: &str) -> String {
    typeset(&inert(text)).into_owned()
}

/// Runs of ASCII spaces collapse to one; a run that holds a no-break space becomes that
/// no-break space; and a plain space before `;:!?»` or after `«` holds like a no-break one,
/// as French typography wants, so no line starts with `;` or ends with `«`.
fn typeset(text: &str) -> Cow<'_, str> {
    let is_space = |c: char| matches!(c, ' ' | '\u{A0}' | '\u{202F}');
    let needs_work = text.contains("  ")
        || text.contains("\u{A0} ")
        || text.contains(" \u{A0}")
        || text.contains("« ")
        || [" ;", " :", " !", " ?", " »"]
            .iter()
            .any(|p| text.contains(p));
    if !needs_work {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut run: Option<char> = None;
    for c in text.chars() {
        if is_space(c) {
            // Keep the strongest space of the run: a no-break one over a plain one.
            run = Some(match run {
                Some(kept) if kept != ' ' => kept,
                _ => c,
            });
            continue;
        }
        if let Some(space) = run.take() {
            let holds = matches!(c, ';' | ':' | '!' | '?' | '»') || out.ends_with('«');
            out.push(if space == ' ' && holds {
                '\u{A0}'
            } else {
                space
            });
        }
        out.push(c);
    }
    out.extend(run);
    Cow::Owned(out)
}

/// Display width in terminal cells (wide characters count two, combining marks none).
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` cells, ending with `…` when something was cut.
pub fn fit_width(text: &str, max: usize) -> Cow<'_, str> {
    if display_width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    // Measured on the growing prefix rather than char by char, so sequences whose width is not
    // the sum of their parts (emoji with a presentation selector) are counted as the terminal
    // will show them.
    let budget = max - 1;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let next = at + c.len_utf8();
        if display_width(&text[..next]) > budget {
            break;
        }
        end = next;
    }
    Cow::Owned(format!("{}…", &text[..end]))
}
