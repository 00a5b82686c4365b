//! Where the title is, or that there is none: rubric lines above it are skipped, a title glued
//! to its image marker is cut free, and a page that opens with a caption, a dateline, the lead
//! or mid-article gets a short title derived from its first sentence instead of a paragraph.

use super::agency::{find_signoff, parse_dateline};
use super::caption::{parse_caption, split_marker};
use super::furniture::{is_related_header, link_title};

/// The page's title as found among its content lines (indices into them).
pub(super) enum Head<'a> {
    /// `lines[at]` is the title; `glued` when the line goes on with an image marker and its
    /// caption, so the line must still be read for them. `rubrics` are chrome lines above it.
    Line {
        at: usize,
        title: &'a str,
        glued: bool,
        rubrics: Vec<usize>,
    },
    /// No line is a title: derive one from the text. `first` is the first content line after
    /// the `rubrics` (chrome lines above the text, left out).
    Derived { first: usize, rubrics: Vec<usize> },
}

/// Finds the title among `lines` (content lines, furniture already dropped); `None` when no
/// line holds article text at all.
pub(super) fn find_head<'a>(lines: &[&'a str]) -> Option<Head<'a>> {
    let content = |line: &str| !is_related_header(line) && link_title(line).is_none();
    let first = lines
        .iter()
        .position(|l| content(l) && !is_bare_credit(l))?;
    let mut rubrics = Vec::new();
    let mut at = first;
    while at < lines.len() {
        let line = lines[at];
        if !content(line) || is_bare_credit(line) {
            at += 1;
            continue;
        }
        // Found only for content lines, so a long run of links is walked once.
        let next = (at + 1..lines.len()).find(|&j| content(lines[j]));
        if let Some((prefix, _)) = split_marker(line)
            && is_title_like(prefix)
        {
            return Some(Head::Line {
                at,
                title: prefix,
                glued: true,
                rubrics,
            });
        }
        // A caption above the title is the page's first photo: the title may follow it.
        if parse_caption(line).is_some() {
            at += 1;
            continue;
        }
        // A title rarely ends with a full stop; a short lead often does.
        let next_is_title =
            next.is_some_and(|j| is_title_like(lines[j]) && !lines[j].ends_with('.'));
        // Or the text itself opens right under the rubric, with no title: a dateline or a
        // photo on the very next line.
        let next_opens_text = lines.get(at + 1).is_some_and(|&below| {
            parse_dateline(below).is_some() || parse_caption(below).is_some()
        });
        if is_rubric(line) && (next_is_title || next_opens_text) {
            rubrics.push(at);
            at += 1;
            continue;
        }
        if is_title_like(line) {
            return Some(Head::Line {
                at,
                title: without_site_name(line),
                glued: false,
                rubrics,
            });
        }
        break;
    }
    let first = (first..lines.len())
        .find(|i| !rubrics.contains(i) && content(lines[*i]))
        .unwrap_or(first);
    Some(Head::Derived { first, rubrics })
}

/// `<title> | VietnamPlus` → `<title>`: a page's `<title>` element names the site after a bar.
fn without_site_name(line: &str) -> &str {
    match line.rsplit_once(" | ") {
        Some((title, site)) if site.split_whitespace().count() <= 4 && title.len() >= 20 => {
            title.trim_end()
        }
        _ => line,
    }
}

fn is_bare_credit(line: &str) -> bool {
    parse_caption(line).is_some_and(|photo| photo.caption.is_empty())
}

/// `Football`, `Nouvelles`, `Monde | Asie`: a rubric is a word or two, no sentence.
fn is_rubric(line: &str) -> bool {
    let words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    line.chars().count() <= 32 && words <= 2 && !line.ends_with(['.', '!', '?', ':', ','])
}

/// Longest title: beyond it a line is a paragraph, whatever its end.
const TITLE_MAX_CHARS: usize = 300;
/// Longest title that ends like a sentence: titles rarely end with a full stop, paragraphs do.
const SENTENCE_TITLE_MAX_CHARS: usize = 90;

/// A title is one line that is none of the body's parts: not a dateline, caption or sign-off,
/// and no paragraph (very long, or a sentence with a full stop beyond a few words).
pub(super) fn is_title_like(line: &str) -> bool {
    let chars = line.chars().count();
    let sentence = line
        .trim_end_matches(['»', '"', '”', ')'])
        .ends_with(['.', ';', ',']);
    chars <= TITLE_MAX_CHARS
        && !(sentence && chars > SENTENCE_TITLE_MAX_CHARS)
        && line.chars().any(char::is_alphanumeric)
        && parse_dateline(line).is_none()
        && parse_caption(line).is_none()
        // A whole-line signature (`VNA/CVN`, `-VNA`); a title may end like `Vietnam–UE`.
        && find_signoff(line).is_none_or(|s| s.keep > 0)
        && !is_related_header(line)
}

/// Around this many characters a derived title is cut, at a word.
const DERIVED_CHARS: usize = 100;

/// A short title from the opening of `text`: its first sentence, else its first clause, else
/// its first words, cut at a word near [`DERIVED_CHARS`] characters (with `…` when cut).
pub(super) fn derive_title(text: &str) -> String {
    let text = text.trim();
    let mut clause = None;
    for (at, c) in text.char_indices() {
        let chars = text[..at].chars().count();
        if chars > DERIVED_CHARS + 20 {
            break;
        }
        let ends = text[at + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace);
        if chars >= 20 && ends && matches!(c, '.' | '!' | '?') {
            return text[..at + c.len_utf8()]
                .trim_end_matches('.')
                .trim_end()
                .to_owned();
        }
        if chars >= 30 && ends && matches!(c, ',' | ';' | ':') && clause.is_none() {
            clause = Some(at);
        }
    }
    if let Some(at) = clause {
        return text[..at].trim_end().to_owned();
    }
    if text.chars().count() <= DERIVED_CHARS + 20 {
        return text.trim_end_matches('.').to_owned();
    }
    let cut = text
        .char_indices()
        .take_while(|(i, _)| text[..*i].chars().count() <= DERIVED_CHARS)
        .filter(|(_, c)| c.is_whitespace())
        .last()
        .map_or(text.len(), |(i, _)| i);
    format!("{}…", text[..cut].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_non_titles() {
        assert!(is_title_like(
            "Le Vietnam et le Laos renforcent leur coopération"
        ));
        assert!(is_title_like("Vietnam – Laos : une relation spéciale"));
        assert!(is_title_like("Relations Vietnam–UE"));
        for line in [
            "Hanoï (VNA) – Le président est arrivé.",
            "Le ministre lors de la réunion. Photo : VNA",
            "-VNA",
            &"Un paragraphe entier qui dure, ".repeat(12),
            "Le président Nguyen Van A a reçu mardi à Hanoï l'ambassadeur du Laos au Vietnam pour un entretien.",
        ] {
            assert!(!is_title_like(line), "{line}");
        }
    }

    #[test]
    fn derived_titles_are_short_and_cut_at_words() {
        assert_eq!(
            derive_title("Le président est arrivé à Cuba. Il y restera trois jours."),
            "Le président est arrivé à Cuba"
        );
        let long = "Le vice-Premier ministre a présidé la réunion du comité national chargé de la \
                    préparation du sommet régional qui aura lieu en décembre prochain à Hanoï et \
                    réunira les dirigeants";
        let title = derive_title(long);
        assert!(title.chars().count() <= DERIVED_CHARS + 2, "{title}");
        assert!(title.ends_with('…') && long.starts_with(title.trim_end_matches('…')));
        assert_eq!(
            derive_title(
                "Selon le ministre des Affaires étrangères, les deux pays coopèrent depuis cinquante ans dans tous les domaines et au-delà"
            ),
            "Selon le ministre des Affaires étrangères"
        );
    }
}
