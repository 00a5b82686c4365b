//! Text → folded words, each with the byte range it came from. The one word splitter of
//! search: the index's tokenizer, the query parser, the reader's highlights and the snippets
//! all cut text here, so what is indexed and what is highlighted can never disagree. The
//! folding itself is `crate::fold::fold`, called on every word; nothing here knows its rules.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use crate::fold::fold;

/// One word of a text: its folded form and where it stands in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    /// Bytes of the original text.
    pub range: Range<usize>,
}

/// Letters and digits make words (with the accents that may follow a letter apart); spaces,
/// punctuation, apostrophes of every kind and dashes separate them: `l’occasion` is `l`,
/// `occasion`, as `l'occasion` is.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words of `text`, in order. A piece whose folding holds a separator (`½` folds to
/// `1⁄2`) gives one word per part, each with the piece's range.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for range in pieces(text) {
        let folded = fold(&text[range.clone()]);
        if folded.chars().all(in_word) {
            if !folded.is_empty() {
                out.push(Word { folded, range });
            }
            continue;
        }
        for part in folded
            .split(|c: char| !in_word(c))
            .filter(|p| !p.is_empty())
        {
            out.push(Word {
                folded: part.to_owned(),
                range: range.clone(),
            });
        }
    }
    out
}

/// Byte ranges of the runs of word characters.
fn pieces(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (at, c) in chars.by_ref() {
            match (start, in_word(c)) {
                (None, true) => start = Some(at),
                (Some(from), false) => {
                    start = None;
                    return Some(from..at);
                }
                _ => {}
            }
        }
        None
    })
}

/// Just the folded words (what a query word stands for).
pub fn folded_words(text: &str) -> Vec<String> {
    words(text).into_iter().map(|w| w.folded).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_keep_their_place() {
        let text = "L’œuvre de Tô Lâm, 26ᵉ";
        let got: Vec<(String, &str)> = words(text)
            .into_iter()
            .map(|w| (w.folded, &text[w.range]))
            .collect();
        let want = [
            ("l", "L"),
            ("oeuvre", "œuvre"),
            ("de", "de"),
            ("to", "Tô"),
            ("lam", "Lâm"),
            ("26e", "26ᵉ"),
        ];
        let want: Vec<(String, &str)> = want.iter().map(|(f, o)| (f.to_string(), *o)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_decomposed_accent_stays_in_its_word() {
        assert_eq!(
            folded_words("Hanoi\u{0308} e\u{0301}lan"),
            ["hanoi", "elan"]
        );
    }
}
