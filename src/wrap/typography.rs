//! French typography for the reading pane: where a line may break (ASCII spaces, hyphens
//! between letters, soft hyphens; never a no-break space nor inside a unit, see `units`),
//! space runs, and display widths in terminal cells.

use std::borrow::Cow;

use textwrap::{Options, WordSplitter};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::inert::{inert, screen_line};

#[path = "units.rs"]
mod units;
use units::Space;

/// Wrapping rules for French text: lines break only at ASCII spaces (textwrap is built without
/// Unicode line breaking, so U+00A0 and U+202F before `;:!?»%` and after `«`, and those
/// [`typeset`] puts inside units, hold), after a hyphen between two letters, or at a soft
/// hyphen; a word longer than the line is cut.
pub(super) fn options<'a>(width: usize) -> Options<'a> {
    Options::new(width.max(1)).word_splitter(WordSplitter::Custom(split_points))
}

/// Where a word may break: after a hyphen between two letters (`vice-ministre`, never
/// `COVID-19`, `2023-2025`, `B-52`, `Su-30`), or at a soft hyphen (U+00AD), where textwrap then
/// adds the visible `-`.
fn split_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut prev: Option<char> = None;
    for (at, c) in word.char_indices() {
        let next = word[at + c.len_utf8()..].chars().next();
        let letter = |ch: Option<char>| ch.is_some_and(char::is_alphabetic);
        let inner = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
        if (c == '-' && letter(prev) && letter(next))
            || (c == '\u{AD}' && inner(prev) && next.is_some())
        {
            points.push(at + c.len_utf8());
        }
        prev = Some(c);
    }
    points
}

/// A wrapped line as it goes to the screen, through [`screen_line`] as every row of page text:
/// soft hyphens show nothing where the line does not break there (terminals disagree on their
/// width, so none reaches the screen), and a flag cut in two by a word wider than the column
/// is two `�`. A no-break space left at the end of a line (a group wider than the column had
/// to be cut) is dropped.
pub(super) fn finish_line(line: &str) -> String {
    screen_line(line)
        .trim_end_matches(['\u{A0}', '\u{202F}'])
        .to_owned()
}

/// Page text as the screen may show it: inert, spaces typeset.
pub(super) fn screen_text(text: &str) -> String {
    typeset(&inert(text))
}

/// Runs of ASCII spaces collapse to one; a run that holds a no-break space becomes that
/// no-break space; a plain space that must not break (before `;:!?»%`, after `«`, inside a
/// unit: see [`units::space`]) becomes a no-break one, and the space of a detached ordinal
/// (`3 e`) goes. Only spaces change, so anchors count the same characters as in the store.
fn typeset(text: &str) -> String {
    let is_space = |c: char| matches!(c, ' ' | '\u{A0}' | '\u{202F}');
    let mut out = String::with_capacity(text.len());
    let mut run: Option<char> = None;
    for (at, c) in text.char_indices() {
        if is_space(c) {
            // Keep the strongest space of the run: a no-break one over a plain one.
            run = Some(match run {
                Some(kept) if kept != ' ' => kept,
                _ => c,
            });
            continue;
        }
        if let Some(space) = run.take() {
            match units::space(&out, &text[at..]) {
                Space::Drop => {}
                Space::Hold if space == ' ' => out.push('\u{A0}'),
                _ => out.push(space),
            }
        }
        out.push(c);
    }
    out.extend(run);
    out
}

/// Display width in terminal cells (wide characters count two, combining marks none).
/// Linear in the text; to fit a text to a width, [`fit_width`] stops measuring at the width.
pub fn display_width(text: &str) -> usize {
    text.width()
}

/// `text` cut to at most `max` cells, ending with `…` when something was cut.
///
/// One pass over the text, unit by unit, that stops as soon as `max` is exceeded: a title of
/// 20,000 combining marks costs what its characters cost to look at once, not a measure of
/// every prefix. A unit is a character with what the terminal draws in the same cell or cells
/// (see [`unit_end`]), measured whole so that sequences whose width is not the sum of their
/// parts (an emoji with its presentation selector, a ZWJ sequence, a flag) count as shown.
pub fn fit_width(text: &str, max: usize) -> Cow<'_, str> {
    let mut width = 0;
    // The end of the longest prefix that leaves a cell for the `…`.
    let mut cut = 0;
    let mut start = 0;
    while start < text.len() {
        let end = unit_end(text, start);
        width += text[start..end].width();
        if width > max {
            if max == 0 {
                return Cow::Borrowed("");
            }
            return Cow::Owned(format!("{}…", &text[..cut]));
        }
        if width < max {
            cut = end;
        }
        start = end;
    }
    Cow::Borrowed(text)
}

/// Where the unit starting at byte `start` ends: its first character, then every character
/// that adds no cell of its own (combining marks, variation selectors, tag characters, joiners),
/// the character after a zero-width joiner, a skin-tone modifier, or the second regional
/// indicator of a flag.
fn unit_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].chars();
    let Some(first) = chars.next() else {
        return start;
    };
    let is_regional = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    let mut end = start + first.len_utf8();
    let mut previous = first;
    let mut flag_open = is_regional(first);
    for c in chars {
        let joins = previous == '\u{200D}'
            || c.width() == Some(0)
            || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
            || (flag_open && is_regional(c));
        if !joins {
            break;
        }
        flag_open = false;
        end += c.len_utf8();
        previous = c;
    }
    end
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn long_runs_of_marks_are_kept_with_their_letter() {
        for mark in ['\u{301}', '\u{E0041}', '\u{FE00}', '\u{200B}'] {
            let marks: String = std::iter::repeat_n(mark, 20_000).collect();
            let title = format!("a{marks}bcdef");
            // Everything fits: nothing is cut, the marks included.
            assert!(fit_width(&title, 6) == title, "{mark:?} at 6");
            // Cut after the first letter: the letter keeps its marks.
            assert!(
                fit_width(&title, 2) == format!("a{marks}…"),
                "{mark:?} at 2"
            );
            // Only marks: no cell at all.
            assert!(fit_width(&marks, 1) == marks, "{mark:?} alone");
            assert_eq!(fit_width(&title, 0), "");
        }
    }

    #[test]
    fn sequences_are_measured_whole() {
        // A text-presentation heart made an emoji by VS16 is two cells, as a unit.
        assert_eq!(
            fit_width("\u{2764}\u{FE0F}\u{2764}\u{FE0F}", 3),
            "\u{2764}\u{FE0F}…"
        );
        // A family (ZWJ sequence) and a flag are one two-cell unit each.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(
            fit_width(&format!("{family}{family}"), 3),
            format!("{family}…")
        );
        assert_eq!(
            fit_width("\u{1F1FB}\u{1F1F3}\u{1F1EB}\u{1F1F7}", 3),
            "\u{1F1FB}\u{1F1F3}…"
        );
    }

    /// Characters from every class the measure must not get wrong: letters, wide ones,
    /// combining marks, joiners, selectors, tags, flags, skin tones, ligating scripts, controls.
    fn tricky_char() -> impl Strategy<Value = char> {
        prop_oneof![
            Just('a'),
            Just(' '),
            Just('\u{301}'),
            Just('\u{200D}'),
            Just('\u{200B}'),
            Just('\u{FE0E}'),
            Just('\u{FE0F}'),
            Just('\u{E0061}'),
            Just('\u{E007F}'),
            Just('\u{2764}'),
            Just('\u{1F468}'),
            Just('\u{1F3FB}'),
            Just('\u{1F1FB}'),
            Just('\u{1F1F3}'),
            Just('\u{644}'),
            Just('\u{627}'),
            Just('\u{1100}'),
            Just('\u{1161}'),
            Just('日'),
            Just('\u{AD}'),
            Just('\u{1b}'),
            Just('\n'),
            Just('\r'),
            any::<char>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn the_result_always_fits(
            chars in proptest::collection::vec(tricky_char(), 0..40),
            max in 0usize..12,
        ) {
            let text: String = chars.into_iter().collect();
            let fitted = fit_width(&text, max);
            prop_assert!(display_width(&fitted) <= max, "{text:?} at {max}: {fitted:?}");
            if display_width(&text) <= max {
                // What fits is never cut, unless measuring by units overestimates it (two
                // characters the terminal ligates into one cell).
                prop_assert!(fitted == text || fitted.ends_with('…'));
            } else {
                prop_assert!(max == 0 || fitted.ends_with('…'));
            }
        }

        #[test]
        fn any_string_fits(text in any::<String>(), max in 0usize..200) {
            prop_assert!(display_width(&fit_width(&text, max)) <= max);
        }
    }
}
