//! Where an agency names itself around the body: the dateline that opens it (`Hanoï (VNA) – `)
//! and the sign-off that closes it (`…-VNA`).

use crate::article::Dateline;
use crate::ingest::lines::head;

pub(super) const DASHES: [char; 6] = ['-', '–', '—', '−', '‐', '‑'];

/// `Hanoï (VNA) – rest` or `(VNA) rest` at the start of the first body paragraph → the dateline
/// and the rest of the paragraph.
pub(super) fn parse_dateline(text: &str) -> Option<(Dateline, &str)> {
    if let Some((agency, after)) = bracketed_agency(text) {
        let rest = skip_dash(after).unwrap_or_else(|| after.trim_start());
        return Some((dateline(None, agency), rest));
    }
    let open = head(text, 80).find(['(', '['])?;
    let place = city_of(text[..open].trim())?;
    let (agency, after) = bracketed_agency(&text[open..])?;
    // Without the dash a capitalised phrase and an acronym in brackets are ordinary prose.
    let rest = skip_dash(after)?;
    Some((dateline(Some(place), agency), rest))
}

fn dateline(place: Option<&str>, agency: &str) -> Dateline {
    Dateline {
        place: place.map(str::to_owned),
        agency: agency.to_owned(),
    }
}

/// `(AGENCY)` or `[AGENCY]` at the start of `text` → (agency, text after the bracket).
fn bracketed_agency(text: &str) -> Option<(&str, &str)> {
    let close = match text.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = head(text, 40).find(close)?;
    let agency = text[1..end].trim();
    let tokens_ok = agency.split('/').all(|t| !t.trim().is_empty());
    (tokens_ok && is_agency(&agency.replace(' ', ""))).then(|| (agency, &text[end + 1..]))
}

/// An optional-space dash at the start of `text` → the text after it.
fn skip_dash(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let rest = text.strip_prefix(DASHES)?;
    Some(rest.trim_start())
}

/// The city of `Hanoï` or `Hanoï, 12 mars` (a date may follow the city before the bracket).
fn city_of(place: &str) -> Option<&str> {
    let place = place.trim_end_matches(',').trim_end();
    let city = match place.split_once(',') {
        Some((city, date)) if is_date(date.trim()) => city.trim_end(),
        Some(_) => return None,
        None => place,
    };
    is_place(city).then_some(city)
}

fn is_date(text: &str) -> bool {
    text.chars().count() <= 30
        && text.contains(|c: char| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '/' || c == '.')
}

/// City names: capitalised words, possibly joined by short lower-case particles (`Rio de
/// Janeiro`), with hyphens, apostrophes and accents (`Hô Chi Minh-Ville`).
fn is_place(place: &str) -> bool {
    const PARTICLES: [&str; 9] = ["de", "du", "des", "la", "le", "les", "es", "el", "al"];
    let words: Vec<&str> = place.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    place.chars().count() <= 50
        && (1..=5).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || "-'’.".contains(c))
}

/// `VNA`, `VNA/Xinhua`, `CVN/VNA`: an all-caps first token of two or more letters, then
/// `/`-separated tokens that may be mixed case. No white space.
fn is_agency(text: &str) -> bool {
    let mut tokens = text.split('/');
    let first = tokens.next().unwrap_or_default();
    let caps = first.chars().filter(|c| c.is_uppercase()).count();
    caps >= 2
        && first.chars().count() <= 10
        && first.chars().next().is_some_and(char::is_uppercase)
        && first
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
        && tokens.all(|t| {
            (2..=15).contains(&t.chars().count())
                && t.chars().next().is_some_and(char::is_alphabetic)
                && t.chars().all(|c| c.is_alphanumeric() || c == '.')
        })
}

/// Removes a trailing sign-off (`… niveau.-VNA`, `… pandémie. -VNA`, `… - VNA`, or a last line
/// `-CVN/VNA`) from the last paragraph and returns its agency.
pub(super) fn take_signoff(paragraphs: &mut Vec<String>) -> Option<String> {
    let last = paragraphs.last_mut()?;
    let (keep, agency) = split_signoff(last)?;
    let agency = agency.to_owned();
    if keep == 0 {
        paragraphs.pop();
    } else {
        last.truncate(keep);
    }
    Some(agency)
}

/// (length of the text to keep, agency), when `text` ends with a sign-off.
fn split_signoff(text: &str) -> Option<(usize, &str)> {
    let text = text.trim_end();
    if is_agency(text) {
        return Some((0, text));
    }
    split_dashed(text).or_else(|| split_undashed(text))
}

/// `… fin. VNA`, `… fin. VOV/VNA`: no dash, but an agency standing alone after the last
/// sentence of the body has ended is a signature: a sentence does not end without a full stop.
fn split_undashed(text: &str) -> Option<(usize, &str)> {
    let (before, agency) = text.rsplit_once(char::is_whitespace)?;
    let keep = before.trim_end();
    let finished = keep.ends_with(['.', '!', '?', '»', '…', ')']);
    (finished && is_agency(agency)).then_some((keep.len(), agency))
}

/// `… fin. -VNA`, `… fin.-VNA`, `… pandémie-VNA`.
fn split_dashed(text: &str) -> Option<(usize, &str)> {
    // An agency is short, so its dash is among the last few characters.
    let (dash, c) = text
        .char_indices()
        .rev()
        .take(32)
        .find(|(_, c)| DASHES.contains(c))?;
    let agency = text[dash + c.len_utf8()..].trim_start();
    if !is_agency(agency) {
        return None;
    }
    let before = &text[..dash];
    let keep = before.trim_end();
    let glued = keep.len() == before.len();
    if glued && keep.chars().next_back().is_some_and(char::is_alphanumeric) {
        // `pandémie-VNA` lost its space; `UE-ASEAN` or `COVID-19` is one word.
        let word = keep
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if !word.chars().any(char::is_lowercase) {
            return None;
        }
    }
    Some((keep.len(), agency))
}
