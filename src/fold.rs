//! The one folding function: two strings that a reader would call "the same title" fold to the
//! same key. Used by the store's title index, `--open`, and (later) search.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds case, accents (and other compatibility forms such as `ᵉ`), apostrophe kinds, dash kinds
/// and every run of white space (no-break spaces included) into one canonical key.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut take = |c: char, out: &mut String| {
        if !c.is_ascii() && is_combining_mark(c) {
            return;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(c, out);
    };
    // Character by character: NFKD of a string is the decomposition of each character, then
    // combining marks put in canonical order, and every mark is dropped here anyway. ASCII
    // decomposes to itself, and most of a French line is ASCII: the parser folds every short
    // line it meets, and this path made that ~5× cheaper.
    for c in text.chars() {
        if c.is_ascii() {
            take(c, &mut out);
        } else {
            decompose_compatible(c, |d| take(d, &mut out));
        }
    }
    out
}

/// The folded key with its spaces removed: equal for two copies of a line where one has lost
/// spaces at the scraped page's line breaks ("glued words").
pub fn fold_compact(text: &str) -> String {
    let mut key = fold(text);
    key.retain(|c| c != ' ');
    key
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return;
    }
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
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(
            slug("Un nouvel élan pour les relations Vietnam–Laos"),
            "un-nouvel-elan-pour-les-relations-vietnam-laos"
        );
        assert_eq!(slug("« ! »"), "article");
        assert!(slug(&"mot ".repeat(60)).len() <= 80);
    }
}
