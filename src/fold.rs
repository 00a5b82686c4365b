//! The one folding function: two strings that a reader would call "the same title" fold to the
//! same key. Used by the store's title index, `--open`, and (later) search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds case, accents (and other compatibility forms such as `ᵉ`), apostrophe kinds, dash kinds
/// and every run of white space (no-break spaces included) into one canonical key.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most words of a page: ASCII has nothing to decompose (search folds every word of the
        // corpus through here).
        return fold_chars(text.chars(), text.len());
    }
    fold_chars(text.nfkd(), text.len())
}

/// The rules, on the characters of a text decomposed (or ASCII): marks dropped, white space
/// runs made one space, the rest folded one by one.
fn fold_chars(chars: impl Iterator<Item = char>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut pending_space = false;
    for c in chars {
        if !c.is_ascii() && is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(c, &mut out);
    }
    out
}

/// The folded key with its spaces removed: equal for two copies of a line where one has lost
/// spaces at the scraped page's line breaks ("glued words").
pub fn fold_compact(text: &str) -> String {
    fold(text).chars().filter(|c| *c != ' ').collect()
}

fn push_folded(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' | '\u{02BC}' => {
            out.push('\'')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push('-')
        }
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'đ' | 'Đ' => out.push('d'),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// A URL- and file-friendly id made from a title: folded, ASCII letters and digits joined by
/// single dashes, cut at a word boundary to stay readable.
pub fn slug(title: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::new();
    for c in fold(title).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > MAX {
        let cut = out[..MAX].rfind('-').unwrap_or(MAX);
        out.truncate(cut);
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_quotes_dashes_and_spaces() {
        assert_eq!(
            fold("Vietnam\u{00A0}–  Laos : l’Élan\u{202F}»"),
            fold("vietnam - laos : l'elan »")
        );
        assert_eq!(fold("  Œuvre  Tô Lâm 26ᵉ "), "oeuvre to lam 26e");
        assert_ne!(fold("Laos"), fold("Lao"));
    }

    #[test]
    fn ascii_text_folds_as_it_would_the_long_way() {
        for text in ["  Le LAOS\t et\x0b`Hanoi`  ", "", " ", "A-B_C", "x\r\ny"] {
            assert_eq!(fold(text), fold_chars(text.nfkd(), 0), "{text:?}");
        }
    }

    #[test]
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(
            slug("Un nouvel élan pour les relations Vietnam–Laos"),
            "un-nouvel-elan-pour-les-relations-vietnam-laos"
        );
        assert_eq!(slug("« ! »"), "article");
        assert!(slug(&"mot ".repeat(60)).len() <= 80);
    }
}
