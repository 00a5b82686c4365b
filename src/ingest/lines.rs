//! Lines for the page parser: splitting that treats every line-end style alike, blank-line and
//! white-space tidying, and the comparisons that recognise a repeated line despite glued words.
//! Control characters are deliberately kept: the store holds the text exact (the JSON export
//! needs it) and terminal safety is `crate::inert`'s job.

use crate::fold::fold_compact;
use crate::invisible::is_invisible;

/// The page's lines as (1-based number, text without surrounding white space). A leading BOM is
/// dropped, and `\r\n`, `\n` and a lone `\r` all end a line, so a page saved with any of them
/// gives the same lines under the same numbers.
pub fn lines(text: &str) -> Lines<'_> {
    Lines {
        rest: Some(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        number: 0,
    }
}

/// Iterator returned by [`lines`].
pub struct Lines<'a> {
    rest: Option<&'a str>,
    number: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        self.number += 1;
        let line = match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            Some(end) => {
                let skip = if rest[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                self.rest = Some(&rest[end + skip..]);
                &rest[..end]
            }
            None => {
                self.rest = None;
                rest
            }
        };
        Some((self.number, line.trim()))
    }
}

/// Whether a line holds nothing visible: white space and characters of the invisible table
/// (`crate::invisible`) only.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Replaces every run of white space (no-break spaces included) with one ASCII space and trims
/// the ends: for short labels such as photo credits, where a doubled space carries nothing.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether two lines are copies of each other as a reader would see them: same words once case,
/// accents, apostrophes, dashes and spaces are folded away (so `Phuceffectuera` equals
/// `Phuc effectuera`).
pub fn same_text(a: &str, b: &str) -> bool {
    similar_length(a.len(), b.len()) && fold_compact(a) == fold_compact(b)
}

/// Whether `copy` repeats `original` (see [`same_text`]). With `cut`, a copy that was cut short
/// or runs on also counts, provided they share a start of at least [`MIN_CUT_MATCH`] folded bytes.
pub fn repeats(copy: &str, original: &str, cut: bool) -> bool {
    if same_text(copy, original) {
        return true;
    }
    if !cut {
        return false;
    }
    // A cut copy often ends with an ellipsis the original does not have.
    let copy = copy.trim_end_matches(|c: char| c == '…' || c == '.' || c.is_whitespace());
    // Only the shorter one's length can match, so fold no more than that of either.
    let span = copy.len().min(original.len()) * 2 + 16;
    let (a, b) = (
        fold_compact(head(copy, span)),
        fold_compact(head(original, span)),
    );
    let common = a.len().min(b.len());
    common >= MIN_CUT_MATCH && a.as_bytes()[..common] == b.as_bytes()[..common]
}

/// Shortest shared start for a cut copy: long enough that two different lines rarely share it.
pub const MIN_CUT_MATCH: usize = 20;

/// A line's folded key, computed once so that many later lines can be compared with it cheaply.
pub struct Fingerprint {
    key: String,
    len: usize,
}

impl Fingerprint {
    pub fn new(text: &str) -> Self {
        Self {
            key: fold_compact(text),
            len: text.len(),
        }
    }

    /// Whether `text` is a copy of the fingerprinted line (see [`same_text`]). An empty line is
    /// nobody's copy: it stands for "nothing to repeat".
    pub fn matches(&self, text: &str) -> bool {
        !self.key.is_empty()
            && similar_length(self.len, text.len())
            && fold_compact(text) == self.key
    }
}

/// Copies differ only by a few spaces and accent encodings, so lengths far apart rule a match out
/// before any folding: this keeps comparisons of a huge line with a short title cheap.
pub fn similar_length(a: usize, b: usize) -> bool {
    let (short, long) = if a <= b { (a, b) } else { (b, a) };
    long <= short * 2 + 16
}

/// The longest prefix of `text` that is at most `max` bytes and ends on a character boundary.
pub fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The byte offset where the last (at most) `max` bytes of `text` begin, on a character boundary.
pub fn tail_start(text: &str, max: usize) -> usize {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_gives_the_same_numbered_lines() {
        let clean: Vec<_> = lines("a\n\nb  \nc").collect();
        assert_eq!(clean, [(1, "a"), (2, ""), (3, "b"), (4, "c")]);
        assert_eq!(lines("\u{FEFF}a\r\n\r\nb \r\nc").collect::<Vec<_>>(), clean);
        assert_eq!(lines("a\r\rb\u{A0}\rc").collect::<Vec<_>>(), clean);
    }

    #[test]
    fn a_line_of_invisible_characters_is_blank() {
        assert!(is_blank(
            " \u{200B}\u{2060}\u{FEFF}\u{2066}\u{E0041}\u{FE0F}\u{3164}\u{A0}"
        ));
        assert!(!is_blank("\u{200B}a"));
        assert!(!is_blank("\u{AD}"));
    }

    #[test]
    fn control_characters_are_kept() {
        assert_eq!(lines("a\u{1B}[31mb").next(), Some((1, "a\u{1B}[31mb")));
    }

    #[test]
    fn copies_match_despite_glued_words() {
        assert!(same_text(
            "le président Phuc effectuera",
            "Le président Phuceffectuera"
        ));
        assert!(!same_text("Laos", "Lao"));
        assert!(Fingerprint::new("Un titre").matches("un  titre"));
        assert!(!Fingerprint::new("").matches(""));
        let title = "Le Vietnam et le Laos renforcent leur coopération";
        assert!(repeats("Le Vietnam et le Laos renforcent…", title, true));
        assert!(!repeats("Le Vietnam et le Laos renforcent…", title, false));
        assert!(!repeats("Le Vietnam", title, true));
    }

    #[test]
    fn heads_and_tails_respect_char_boundaries() {
        assert_eq!(head("éé", 3), "é");
        assert_eq!(tail_start("éé", 3), 2);
        assert_eq!(
            collapse_spaces(" East\u{A0} Asia  Forum "),
            "East Asia Forum"
        );
    }
}
