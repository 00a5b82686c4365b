//! The one folding function: two strings that a reader would call "the same title" fold to the
//! same key. Used by the store's title index, `--open`, and (later) search.

use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folds case, accents (and other compatibility forms such as `ᵉ`), apostrophe kinds, dash kinds
/// and every run of white space (no-break spaces included) into one canonical key.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, Spaces::OneBetweenWords);
    out
}

/// The folded key with its spaces removed: equal for two copies of a line where one has lost
/// spaces at the scraped page's line breaks ("glued words").
pub fn fold_compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, Spaces::None);
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Spaces {
    OneBetweenWords,
    None,
}

/// Character by character: NFKD of a string is the decomposition of each character, then
/// combining marks put in canonical order, and every mark is dropped here anyway, so the fold
/// of a text is the folds of its characters, white space aside. ASCII folds by a byte test, and
/// the Latin letters of French and Vietnamese text by a table (the parser folds every short line
/// it meets: this made it several times cheaper).
fn fold_into(text: &str, out: &mut String, spaces: Spaces) {
    let mut pending_space = false;
    let flush = |out: &mut String, pending: &mut bool| {
        if *pending {
            out.push(' ');
            *pending = false;
        }
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii() {
            if is_ascii_space(byte) {
                at += 1;
                pending_space = spaces == Spaces::OneBetweenWords && !out.is_empty();
                continue;
            }
            flush(out, &mut pending_space);
            // A run of ASCII that folds to itself (lower case, digits, most punctuation) is
            // copied at once: most of a French line.
            let run = at
                + bytes[at..]
                    .iter()
                    .take_while(|&&b| folds_to_itself(b))
                    .count();
            if run > at {
                out.push_str(&text[at..run]);
                at = run;
            } else {
                out.push(fold_ascii(byte));
                at += 1;
            }
            continue;
        }
        let c = text[at..].chars().next().expect("a character starts here");
        at += c.len_utf8();
        match table_fold(c) {
            Some("") => {}
            Some(folded) => {
                flush(out, &mut pending_space);
                out.push_str(folded);
            }
            None => decompose_compatible(c, |d| {
                if !d.is_ascii() && is_combining_mark(d) {
                    return;
                }
                if d.is_whitespace() {
                    pending_space = spaces == Spaces::OneBetweenWords && !out.is_empty();
                    return;
                }
                flush(out, &mut pending_space);
                push_folded(d, out);
            }),
        }
    }
}

/// The fold of an ASCII character that is no space.
fn fold_ascii(byte: u8) -> char {
    match byte {
        b'`' => '\'',
        _ => byte.to_ascii_lowercase() as char,
    }
}

/// ASCII white space as `char::is_whitespace` has it (tab to carriage return, and space).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

/// An ASCII byte that folds to itself and is no space.
fn folds_to_itself(byte: u8) -> bool {
    byte.is_ascii() && !byte.is_ascii_uppercase() && byte != b'`' && !is_ascii_space(byte)
}

/// Blocks of characters folded once, by the general path, and then looked up: Latin-1 and Latin
/// Extended (French), Latin Extended Additional (Vietnamese), general punctuation (`’`, `–`).
const TABLED: &[Range<u32>] = &[0x80..0x250, 0x1E00..0x1F00, 0x2010..0x2070];

/// The fold of `c` alone, if it is in [`TABLED`] and folds to no white space ("" for a mark).
fn table_fold(c: char) -> Option<&'static str> {
    static TABLE: LazyLock<CharTable<Option<Box<str>>>> =
        LazyLock::new(|| CharTable::new(TABLED, fold_alone));
    TABLE.get(c)?.as_deref()
}

/// What a function says of each character of a few blocks, asked once and then looked up: the
/// fold and the glued-word repair ask the same questions of every character of every page, and
/// the characters of French and Vietnamese text lie in a few blocks.
pub(crate) struct CharTable<T> {
    blocks: &'static [Range<u32>],
    answers: Vec<Vec<T>>,
}

impl<T: Default> CharTable<T> {
    /// `answer` of every character of `blocks` (a code point that is no character, a
    /// surrogate, gets `T::default()`).
    pub(crate) fn new(blocks: &'static [Range<u32>], answer: impl Fn(char) -> T) -> Self {
        let answers = (blocks.iter())
            .map(|block| {
                (block.clone())
                    .map(|code| char::from_u32(code).map_or_else(T::default, &answer))
                    .collect()
            })
            .collect();
        Self { blocks, answers }
    }

    /// What the function said of `c`, if `c` is in the blocks.
    pub(crate) fn get(&self, c: char) -> Option<&T> {
        let code = c as u32;
        let (block, answers) =
            (self.blocks.iter().zip(&self.answers)).find(|(block, _)| block.contains(&code))?;
        answers.get((code - block.start) as usize)
    }
}

/// What `c` folds to by the general path, unless its decomposition holds white space (those
/// stay on the general path, which keeps runs of spaces to one).
fn fold_alone(c: char) -> Option<Box<str>> {
    let mut out = String::new();
    let mut spaced = false;
    decompose_compatible(c, |d| {
        if !d.is_ascii() && is_combining_mark(d) {
            return;
        }
        if d.is_whitespace() {
            spaced = true;
            return;
        }
        push_folded(d, &mut out);
    });
    (!spaced).then(|| out.into_boxed_str())
}

/// `c.is_alphabetic()`, answered without the Unicode tables for ASCII and the Latin letters
/// (every character from `À` to `ɏ` is a letter but `×` and `÷`) and general punctuation: the
/// repairer asks it of
/// every character, several times.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' => false,
        // Latin-1 punctuation (`«`, `»`, the no-break space, `°`) and three letters.
        '\u{80}'..='\u{BF}' => matches!(c, 'ª' | 'µ' | 'º'),
        'À'..='ɏ' => c != '×' && c != '÷',
        // Latin Extended Additional, Vietnamese's precomposed letters (`ễ`, `ạ`): all letters.
        '\u{1E00}'..='\u{1EFF}' => true,
        // General punctuation (`’`, `–`, `…`, no-break spaces): no letter.
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
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
    let folded = fold(title);
    let mut out = String::with_capacity(folded.len());
    // By bytes: every byte of a character beyond ASCII is a separator, as the character is.
    for byte in folded.bytes() {
        if byte.is_ascii_alphanumeric() {
            out.push(char::from(byte));
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

    /// The general path, one character at a time, as `fold` was before its fast paths.
    fn fold_slowly(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars() {
            decompose_compatible(c, |d| {
                if !d.is_ascii() && is_combining_mark(d) {
                    return;
                }
                if d.is_whitespace() {
                    pending_space = !out.is_empty();
                    return;
                }
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                push_folded(d, &mut out);
            });
        }
        out
    }

    #[test]
    fn the_fast_paths_fold_every_character_as_the_general_path_does() {
        // Each character between two letters, after a space and alone: marks, spaces and
        // characters that decompose to spaces (`¨`) all meet the state they can change.
        for code in (0..0x3000).chain(0xFB00..0xFFFF) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            for text in [
                format!("a{c}b"),
                format!("a {c}b"),
                format!("{c}"),
                format!("{c} "),
            ] {
                assert_eq!(fold(&text), fold_slowly(&text), "U+{code:04X} in {text:?}");
                let compact: String = fold_slowly(&text).chars().filter(|&c| c != ' ').collect();
                assert_eq!(fold_compact(&text), compact, "U+{code:04X} in {text:?}");
            }
        }
    }

    #[test]
    fn runs_of_text_fold_as_their_characters_do() {
        let texts = [
            "Hanoï (VNA) – Le Premier ministre PHAM Minh Chinh a reçu, le 3 mai, l’ambassadeur.",
            "  «Œuvre»\u{a0}: 26ᵉ  SEA Games`x`\t\n  à Hô Chi Minh-Ville  ",
            "ABC def\u{202f}GHI¨jkl ´mno `pqr` STU-VWX",
        ];
        for text in texts {
            assert_eq!(fold(text), fold_slowly(text), "{text:?}");
            let compact: String = fold_slowly(text).chars().filter(|&c| c != ' ').collect();
            assert_eq!(fold_compact(text), compact, "{text:?}");
        }
    }

    #[test]
    fn the_compact_fold_is_the_fold_without_its_spaces() {
        // Every character of the blocks folded by table, and a sample of the rest.
        let codes = (0..0x3000).chain((0x3000..=0x10FFFF).step_by(97));
        for c in codes.filter_map(char::from_u32) {
            let text = format!("Ab{c} `Cé{c}{c}\t D{c}");
            assert_eq!(fold_compact(&text), fold(&text).replace(' ', ""), "{c:?}");
        }
    }

    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
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
