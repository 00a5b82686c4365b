//! Where an agency names itself around the body: the dateline that opens it (`Hanoï (VNA) – `)
//! and the sign-off that closes it (`…-VNA`).

use crate::article::Dateline;
use crate::ingest::lines::head;

pub(super) const DASHES: [char; 6] = ['-', '–', '—', '−', '‐', '‑'];

/// The dateline at the start of the first body paragraph → the dateline and the rest of the
/// paragraph: `Hanoï (VNA) – `, `Paris, 15 septembre (VNA) - `, `HANOI, 29 octobre (Reuters) - `,
/// `(VNA) `, `(VOVworld) – `, `Hanoi — `, `Nhân Dân en ligne - `.
pub(super) fn parse_dateline(text: &str) -> Option<(Dateline, &str)> {
    if let Some((agency, after)) = bracketed_agency(text, false) {
        let rest = skip_dash(after).unwrap_or_else(|| after.trim_start());
        return Some((dateline(None, agency), rest));
    }
    // Any one word in brackets names the agency when a dash follows: `(vovworld) – `.
    if let Some((agency, after)) = bracketed_agency(text, true)
        && let Some(rest) = skip_dash(after)
    {
        return Some((dateline(None, agency), rest));
    }
    if let Some(found) = online_edition(text) {
        return Some(found);
    }
    if let Some(open) = head(text, 80).find(['(', '['])
        && let Some(place) = city_of(text[..open].trim())
        && let Some((agency, after)) = bracketed_agency(&text[open..], true)
        // Without the dash a capitalised phrase and an acronym in brackets are ordinary prose.
        && let Some(rest) = skip_dash(after)
    {
        return Some((dateline(Some(place), agency), rest));
    }
    place_and_dash(text)
}

/// `Hanoi — rest`, `HANOI - rest`: a place and a dash, no agency. An em dash is a dateline's; a
/// plain dash only after a place in capitals (`Vietnam - Laos : …` is a title's shape).
fn place_and_dash(text: &str) -> Option<(Dateline, &str)> {
    // The dash stands between spaces: `Hô Chi Minh-Ville` holds one of its own.
    let (dash, c) = head(text, 60).char_indices().find(|&(at, c)| {
        DASHES.contains(&c)
            && text[..at].ends_with(char::is_whitespace)
            && text[at + c.len_utf8()..].starts_with(char::is_whitespace)
    })?;
    let place = text[..dash].trim_end();
    let place = city_of(place)?;
    let capitals = !place.chars().any(char::is_lowercase);
    let determiner = [
        "Le ", "La ", "Les ", "L'", "L’", "Un ", "Une ", "Des ", "Du ",
    ]
    .iter()
    .any(|d| place.starts_with(d));
    ((c == '—' || capitals) && !determiner).then(|| {
        let rest = text[dash + c.len_utf8()..].trim_start();
        (dateline(Some(place), ""), rest)
    })
}

/// `Nhân Dân en ligne - rest`: an online edition names itself instead of a place.
fn online_edition(text: &str) -> Option<(Dateline, &str)> {
    let (dash, c) = head(text, 60)
        .char_indices()
        .find(|(_, c)| DASHES.contains(c))?;
    let name = text[..dash].trim_end();
    let words = name.split_whitespace().count();
    let online = crate::fold::fold(name).ends_with(" en ligne");
    let capital = name.chars().next().is_some_and(char::is_uppercase);
    (online && capital && (3..=6).contains(&words)).then(|| {
        let rest = text[dash + c.len_utf8()..].trim_start();
        (dateline(None, name), rest)
    })
}

fn dateline(place: Option<&str>, agency: &str) -> Dateline {
    Dateline {
        place: place.map(str::to_owned),
        agency: agency.to_owned(),
    }
}

/// `(AGENCY)` or `[AGENCY]` at the start of `text` → (agency, text after the bracket). `loose`
/// also takes one word in any case (`(Reuters)`, `(VOVworld)`), for when a dash confirms it.
fn bracketed_agency(text: &str, loose: bool) -> Option<(&str, &str)> {
    let close = match text.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = head(text, 40).find(close)?;
    let agency = text[1..end].trim();
    let tokens_ok = agency.split('/').all(|t| !t.trim().is_empty());
    let known = tokens_ok && is_agency(&agency.replace(' ', ""));
    let word = (2..=20).contains(&agency.chars().count())
        && agency.chars().all(char::is_alphanumeric)
        && agency.chars().next().is_some_and(char::is_alphabetic);
    (known || (loose && word)).then(|| (agency, &text[end + 1..]))
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
            .all(|c| c.is_alphanumeric() || " /.:".contains(c))
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
    // At most 10 characters (below), so at most 40 bytes: a paragraph is ruled out at once.
    if first.len() > 40 {
        return false;
    }
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

/// A sign-off found at the end of a paragraph: how much of the paragraph to keep and the agency
/// it names (`None` for a bare closing `/.`).
pub(super) struct Signoff {
    pub(super) keep: usize,
    pub(super) agency: Option<String>,
}

/// The sign-off that ends `text`, if any: `… niveau.-VNA`, `… pandémie. -VNA`, `… - VN A`,
/// `… fin. VOV/VNA`, ` -VietnamPlus`, a closing `/.`, or a whole line `-CVN/VNA`, `CPV/VNA`,
/// `Agence France Presse - 12/03/2024`.
pub(super) fn find_signoff(text: &str) -> Option<Signoff> {
    let text = text.trim_end();
    // `/.` closes Vietnamese articles, after or instead of the agency.
    if let Some(before) = text.strip_suffix("/.") {
        let before = before.trim_end();
        let found = find_signoff(before);
        let kept = if before.is_empty() || before.ends_with(DASHES) {
            before.trim_end_matches(DASHES).trim_end().len()
        } else {
            // `fin./.` keeps its own full stop; `fin /.` had none.
            before.len()
        };
        return Some(found.unwrap_or(Signoff {
            keep: kept,
            agency: None,
        }));
    }
    if let Some(agency) = whole_line_agency(text) {
        return Some(Signoff {
            keep: 0,
            agency: Some(agency),
        });
    }
    let (keep, agency) = split_dashed(text).or_else(|| split_undashed(text))?;
    Some(Signoff {
        keep,
        agency: Some(agency),
    })
}

/// A line that is a signature and nothing else: `VNA/CVN`, `-CPV/VNA`, `- VN A`,
/// `Agence France Presse - 15/09/2021`.
fn whole_line_agency(text: &str) -> Option<String> {
    let bare = text.trim_start_matches(DASHES).trim_start();
    if is_agency(bare) || (bare.len() < text.len() && is_agency_name(bare)) {
        return Some(bare.to_owned());
    }
    if let Some(joined) = spaced_letters(bare) {
        return Some(joined);
    }
    agency_and_date(text).or_else(|| writer_and_agency(bare))
}

/// `Thanh Hà/CVN`, `Minh Thu/VNA`: the writer's name and the agency, alone on the last line.
fn writer_and_agency(text: &str) -> Option<String> {
    // At most 40 characters (below): a paragraph is ruled out before it is split into words.
    if text.len() > 160 {
        return None;
    }
    let (writer, agency) = text.rsplit_once('/')?;
    let words: Vec<&str> = writer.split_whitespace().collect();
    let named = (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        });
    (named && text.chars().count() <= 40 && is_agency(agency.trim())).then(|| text.to_owned())
}

/// `Agence France Presse - 15/09/2021`, `Agence France-Presse – 12 mars 2024`.
fn agency_and_date(text: &str) -> Option<String> {
    // The date after the dash has at most 30 characters (`is_date`), and every one passed on
    // the way back from the end but white space is one of them: a paragraph stops the search
    // within its last words.
    let mut visible = 0;
    let (dash, c) = text.char_indices().rev().find(|&(at, c)| {
        visible += usize::from(!c.is_whitespace());
        visible > 31 || (DASHES.contains(&c) && text[..at].ends_with(' '))
    })?;
    if visible > 31 {
        return None;
    }
    let name = text[..dash].trim_end();
    let date = text[dash + c.len_utf8()..].trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let spelled_out = (2..=5).contains(&words.len())
        && name.chars().count() <= 40
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && name
            .chars()
            .all(|c| c.is_alphabetic() || " -'’".contains(c));
    let named = spelled_out || is_agency(name);
    (named && is_date(date)).then(|| name.to_owned())
}

/// `VN A`, `V N A`: an agency whose letters the scrape split with spaces → `VNA`.
fn spaced_letters(text: &str) -> Option<String> {
    // An agency's letters are at most 10 (`is_agency`), so with their spaces at most 19
    // characters: a paragraph is ruled out before it is split.
    if text.len() > 80 {
        return None;
    }
    let pieces: Vec<&str> = text.split(' ').collect();
    let short_caps =
        |p: &&str| (1..=3).contains(&p.chars().count()) && p.chars().all(|c| c.is_uppercase());
    let joined: String = pieces.concat();
    (pieces.len() >= 2 && pieces.iter().all(short_caps) && is_agency(&joined)).then_some(joined)
}

/// `VietnamPlus`, `VOVworld`: a one-word agency in mixed case, with two capitals or more. Only
/// trusted after a dash or alone on a line.
fn is_agency_name(text: &str) -> bool {
    // At most 20 characters (below), so at most 80 bytes: a paragraph is ruled out at once.
    if text.len() > 80 {
        return false;
    }
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    (4..=20).contains(&text.chars().count())
        && capitals >= 2
        && text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().all(char::is_alphanumeric)
}

/// Whether the end of `text`, where no sign-off was found, still looks like one in a shape this
/// parser does not know (`… fin. -Thu Hang`, `T.H/VNA`): worth a warning, not a guess.
pub(super) fn unknown_signoff(text: &str) -> Option<&str> {
    let text = text.trim_end();
    let from = text
        .char_indices()
        .rev()
        .take(24)
        .find(|&(at, c)| {
            DASHES.contains(&c) && (at == 0 || text[..at].ends_with([' ', '.', '\u{A0}']))
        })
        .map(|(at, _)| at);
    let tail = match from {
        Some(at) => text[at..].trim_start_matches(DASHES).trim(),
        // A short last line with a slash: `T.H/VNA`.
        None if text.chars().count() <= 24 && text.contains('/') => text,
        None => return None,
    };
    let words = tail.split_whitespace().count();
    let signature = (1..=3).contains(&words)
        && tail.chars().next().is_some_and(char::is_uppercase)
        && !tail.ends_with(['.', '!', '?', '»', ')', ':']);
    signature.then_some(tail)
}

/// `… fin. VNA`, `… fin. VOV/VNA`: no dash, but an agency standing alone after the last
/// sentence of the body has ended is a signature: a sentence does not end without a full stop.
fn split_undashed(text: &str) -> Option<(usize, String)> {
    let (before, agency) = text.rsplit_once(char::is_whitespace)?;
    // `… fin. (VNA)`: the signature may stand in brackets.
    let agency = agency
        .strip_prefix('(')
        .and_then(|a| a.strip_suffix(')'))
        .unwrap_or(agency);
    let keep = before.trim_end();
    let finished = keep.ends_with(['.', '!', '?', '»', '…', ')']);
    (finished && is_agency(agency)).then(|| (keep.len(), agency.to_owned()))
}

/// `… fin. -VNA`, `… fin.-VNA`, `… pandémie-VNA`, `… fin. - VN A`, `… fin. -VietnamPlus`.
fn split_dashed(text: &str) -> Option<(usize, String)> {
    // An agency is short, so its dash is among the last few characters.
    let (dash, c) = text
        .char_indices()
        .rev()
        .take(32)
        .find(|(_, c)| DASHES.contains(c))?;
    let after = text[dash + c.len_utf8()..].trim_start();
    let agency = if is_agency(after) || is_agency_name(after) {
        after.to_owned()
    } else {
        spaced_letters(after)?
    };
    let before = &text[..dash];
    let keep = before.trim_end();
    let glued = keep.len() == before.len();
    if glued && keep.chars().next_back().is_some_and(char::is_alphanumeric) {
        // `pandémie-VNA` lost its space; `UE-ASEAN`, `COVID-19`, `Vietnam–UE` or
        // `Hanoi-VietnamPlus` is one word: a proper noun or a code before the dash.
        let word = keep
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        let common = word.chars().next().is_some_and(char::is_lowercase);
        if !common || !is_agency(&agency) {
            return None;
        }
    }
    Some((keep.len(), agency))
}
