//! Photo captions and their credits (`… Photo : VNA`), and the image markers (`<title> ảnh 1`)
//! that glue a caption to a repeat of a title.

use super::agency::DASHES;
use crate::article::Photo;
use crate::ingest::lines::{self, collapse_spaces, tail_start};

/// The text after an image marker (`ảnh 1`, `anh 1`, optionally after a dash) that follows a
/// repeat of a title: the page's, or in a related list the entry's, printed on a nearby line.
/// The Vietnamese `ảnh` is no French word, so its title repeat may be cut short or run on; the
/// ASCII `anh` can end a Vietnamese name, so there the repeat must be exact.
pub(super) fn after_image_marker<'a>(line: &'a str, titles: [&str; 3]) -> Option<&'a str> {
    // Few real markers per line; bounding the candidates keeps a pathological line linear.
    let mut candidates = 0;
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        let boundary = !previous.is_alphanumeric();
        previous = c;
        if !boundary || !matches!(c, 'a' | 'A' | 'ả' | 'Ả') {
            continue;
        }
        let mut after = &line[at + c.len_utf8()..];
        let mut vietnamese = matches!(c, 'ả' | 'Ả');
        if let Some(rest) = after.strip_prefix('\u{309}') {
            (after, vietnamese) = (rest, true);
        }
        let Some(end) = marker_end(after) else {
            continue;
        };
        candidates += 1;
        if candidates > 4 {
            return None;
        }
        let prefix = line[..at].trim_end();
        let prefix = prefix.strip_suffix(DASHES).unwrap_or(prefix).trim_end();
        let repeat = titles.iter().any(|t| lines::repeats(prefix, t, vietnamese));
        if repeat || (vietnamese && prefix.is_empty()) {
            return Some(after[end..].trim_start());
        }
    }
    None
}

/// After `a`/`ả`: `nh`, optional spaces, then a number; returns the byte offset after the number.
fn marker_end(after: &str) -> Option<usize> {
    let rest = after
        .strip_prefix("nh")
        .or_else(|| after.strip_prefix("NH"))?;
    let spaced = rest.trim_start_matches([' ', '\u{A0}']);
    let digits = spaced.len()
        - spaced
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    (digits > 0).then(|| after.len() - spaced.len() + digits)
}

/// Longest tail of a line that can hold `Photo <qualifier> : <credit>`.
const CREDIT_TAIL: usize = 160;

/// `<caption> Photo : <credit>`, `(Photo: <credit>)`, `Photo d'illustration : <credit>`,
/// `Photos : <credit>`, or a bare credit. The caption keeps its own final period; the credit is the credit alone.
pub(super) fn parse_caption(line: &str) -> Option<Photo> {
    let from = tail_start(line, CREDIT_TAIL);
    let lower = line[from..].to_ascii_lowercase();
    let at = from + lower.rfind("photo")?;
    let word_start = line[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let opener = line[..at].trim_end().chars().next_back();
    // A credit opens with `Photo`, or with `photo` in brackets; a lower-case `photo` in running
    // text (`Exposition photo : Hanoï d'antan`) is a title or a sentence.
    let capital = line[at..].starts_with('P');
    if !capital && !matches!(opener, Some('(' | '[')) {
        return None;
    }
    let after = &line[at + "photo".len()..];
    let after = after.strip_prefix(['s', 'S']).unwrap_or(after);
    if !word_start || after.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let colon = after.find(':')?;
    let qualifier = after[..colon].trim();
    if qualifier.chars().count() > 30 || qualifier.contains(['.', '!', '?', '(', ')']) {
        return None;
    }
    let before = line[..at].trim_end();
    let mut credit = after[colon + 1..].trim().trim_end_matches('.');
    let caption = match before.strip_suffix(['(', '[']) {
        Some(caption) => {
            credit = credit.trim_end_matches([')', ']']).trim_end_matches('.');
            caption
        }
        None => before,
    };
    let credit = credit.trim();
    if !looks_like_credit(credit) {
        return None;
    }
    Some(Photo {
        caption: caption
            .trim_end_matches(|c: char| c.is_whitespace() || DASHES.contains(&c))
            .to_owned(),
        credit: collapse_spaces(credit),
    })
}

/// Credits are names, acronyms or domains (`VNA`, `East Asia Forum`, `qdnd.vn`): a few words,
/// the first capitalised or dotted, which tells them from prose after a colon (`photo : les…`),
/// and no unbalanced bracket (`(Photo : VNA) au milieu` is a sentence that mentions a photo).
fn looks_like_credit(credit: &str) -> bool {
    let balanced = credit.matches('(').count() == credit.matches(')').count();
    let words = credit.split_whitespace().count();
    let first = credit.split_whitespace().next().unwrap_or_default();
    balanced
        && (1..=6).contains(&words)
        && credit.chars().count() <= 60
        && !credit.contains(':')
        && (first.contains('.')
            || first
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}
