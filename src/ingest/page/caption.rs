//! Photo captions and their credits (`… Photo : VNA`), and the image markers (`<title> ảnh 1`)
//! that glue a caption to a repeat of a title.

use super::agency::DASHES;
use crate::article::Photo;
use crate::ingest::lines::{self, collapse_spaces, tail_start};

/// The text after an image marker (`ảnh 1`, `anh 1`, `hinh anh 1`, optionally after a dash)
/// that follows a repeat of a title: the page's, or in a related list the entry's, printed on a
/// nearby line. The Vietnamese `ảnh` is no French word, so its title repeat may be cut short or
/// run on; a capitalised ASCII `Anh` can end a Vietnamese name, so there the repeat must be
/// exact. A lower-case marker after any title-shaped text is a marker too (see [`split_marker`]).
pub(super) fn after_image_marker<'a>(line: &'a str, titles: [&str; 3]) -> Option<&'a str> {
    markers(line).find_map(|m| {
        let repeat = titles
            .iter()
            .any(|t| !t.is_empty() && lines::repeats(m.prefix, t, m.vietnamese));
        let bare = m.vietnamese && m.prefix.is_empty();
        (repeat || bare || (m.lower && is_marked_title(&m))).then_some(m.rest)
    })
}

/// A line that is a title glued to its marker (`<title> hinh anh 1Photo: site.vn`, `<title>
/// ảnh 1`) → (the title, what follows the marker).
pub(super) fn split_marker(line: &str) -> Option<(&str, &str)> {
    markers(line)
        .find(|m| m.lower && is_marked_title(m))
        .map(|m| (m.prefix, m.rest))
}

/// One image marker in a line: the text before it (without `hình`/`hinh` or a dash), what
/// follows it, and its kind.
struct Marker<'a> {
    prefix: &'a str,
    rest: &'a str,
    vietnamese: bool,
    /// `ảnh` or a lower-case `anh`: no French word and no capitalised name.
    lower: bool,
}

/// The image markers of a line, left to right. Few real markers stand in a line; bounding the
/// candidates keeps a pathological line linear.
fn markers(line: &str) -> impl Iterator<Item = Marker<'_>> {
    // Every marker has `nh` or `NH` after its `a`, then a number: a line without them (most
    // lines, French or with Vietnamese names) is not scanned character by character.
    let possible = may_hold_marker(line);
    let candidates = if possible { line } else { "" };
    candidates
        .match_indices(['a', 'A', 'ả', 'Ả'])
        .filter_map(move |(at, found)| {
            let c = found.chars().next()?;
            let previous = line[..at].chars().next_back().unwrap_or(' ');
            if previous.is_alphanumeric() {
                return None;
            }
            let mut after = &line[at + c.len_utf8()..];
            let mut vietnamese = matches!(c, 'ả' | 'Ả');
            if let Some(rest) = after.strip_prefix('\u{309}') {
                (after, vietnamese) = (rest, true);
            }
            let end = marker_end(after)?;
            let prefix = strip_image_word(line[..at].trim_end());
            let prefix = prefix.strip_suffix(DASHES).unwrap_or(prefix).trim_end();
            Some(Marker {
                prefix,
                rest: after[end..].trim_start(),
                vietnamese,
                lower: vietnamese || c == 'a',
            })
        })
        .take(4)
}

/// `… hình` / `… hinh` before `ảnh N` (Vietnamese "image"), removed with the marker.
fn strip_image_word(prefix: &str) -> &str {
    let word_at = prefix
        .rfind(|c: char| !c.is_alphanumeric() && c != '\u{300}' && c != '\u{309}')
        .map_or(0, |at| {
            at + prefix[at..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &prefix[word_at..];
    if crate::fold::fold(word) == "hinh" {
        prefix[..word_at].trim_end()
    } else {
        prefix
    }
}

/// A marker after text that can stand as a title: a few words starting with a capital, no
/// dateline, not ending on a function word (`la hình ảnh 3D` is prose) or a full stop; and
/// before what can open a caption (a capital, a credit, or nothing).
fn is_marked_title(marker: &Marker<'_>) -> bool {
    const FUNCTION_WORDS: [&str; 14] = [
        "la", "le", "les", "l'", "de", "du", "des", "un", "une", "en", "et", "a", "à", "au",
    ];
    let prefix = marker.prefix;
    if prefix.len() > 1000 || prefix.chars().count() > 250 {
        return false;
    }
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let caption_start = marker
        .rest
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || c == '(');
    (3..=40).contains(&words.len())
        && caption_start
        && prefix.chars().next().is_some_and(char::is_uppercase)
        && !prefix.ends_with(['.', ',', ';', ':'])
        && super::agency::parse_dateline(prefix).is_none()
        && words
            .last()
            .is_some_and(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Whether [`marker_end`], which every marker needs after its `a`, finds an end after some
/// `nh` or `NH` of `line`.
fn may_hold_marker(line: &str) -> bool {
    (line.match_indices("nh").chain(line.match_indices("NH")))
        .any(|(at, _)| marker_end(&line[at..]).is_some())
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
    photo_credit(line).or_else(|| copyright_credit(line))
}

/// `<caption> © AFP`, `<caption> (© Reuters)`: a caption with its credit after a copyright sign.
fn copyright_credit(line: &str) -> Option<Photo> {
    let at = line[tail_start(line, 80)..].rfind('©')? + tail_start(line, 80);
    let caption = line[..at].trim_end().trim_end_matches('(').trim_end();
    let credit = line[at + '©'.len_utf8()..]
        .trim()
        .trim_end_matches(')')
        .trim();
    let credit = credit
        .split_once(char::is_whitespace)
        .filter(|(year, _)| year.chars().all(|c| c.is_ascii_digit()))
        .map_or(credit, |(_, name)| name.trim());
    let named = credit.chars().any(char::is_alphabetic);
    (!caption.is_empty() && line.len() <= 600 && named && looks_like_credit(credit)).then(|| {
        Photo {
            caption: caption.to_owned(),
            credit: collapse_spaces(credit),
        }
    })
}

fn photo_credit(line: &str) -> Option<Photo> {
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
    let mut caption = caption
        .trim_end_matches(|c: char| c.is_whitespace() || DASHES.contains(&c))
        .to_owned();
    if caption.is_empty() && !qualifier.is_empty() {
        // `Photo d'illustration : East Asia Forum`: the qualifier is all the caption there is.
        caption = collapse_spaces(&line[at..line.len() - after.len() + colon]);
    }
    Some(Photo {
        caption,
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
