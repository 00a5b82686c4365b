//! Text the scrape printed twice inside one line: a run of opening sentences doubled
//! (`Lead. Lead. Suite.`), the copy possibly with glued words.

use crate::fold::fold_compact;
use crate::ingest::lines::head;

/// `text` without a second copy of its opening sentences (`A. B. A. B. C.` → `A. B. C.`); the
/// copy may differ by glued words. Only a few sentence ends are tried, so a huge line stays cheap.
pub(super) fn undouble(text: &str) -> String {
    // Every copy of an opening starts as the text does: the first letters, folded once, rule
    // out nearly every sentence end before any longer fold.
    let opening = fold_compact(head(text, 24));
    for first_end in sentence_ends(text).take(16) {
        let first = text[..first_end].trim_end();
        if first.len() < 40 || first_end > text.len() / 2 + 8 {
            continue;
        }
        let rest = text[first_end..].trim_start();
        let start = fold_compact(head(rest, 48));
        let common = opening.len().min(start.len());
        if opening.as_bytes()[..common] != start.as_bytes()[..common] {
            continue;
        }
        let key = fold_compact(first);
        let window = head(rest, first.len() * 2 + 16);
        // Folding works character by character, so a prefix of the window can fold to the key
        // only if the whole window's fold starts with it: one fold rules most lines out.
        if !fold_compact(window).starts_with(&key) {
            continue;
        }
        for copy_end in sentence_ends(window).take(64) {
            if fold_compact(&rest[..copy_end]) == key {
                let after = rest[copy_end..].trim_start();
                return if after.is_empty() {
                    first.to_owned()
                } else {
                    format!("{first} {after}")
                };
            }
        }
    }
    text.to_owned()
}

/// Byte offsets just after each sentence end (`.`, `!`, `?`, `…`, optionally closed by `»`)
/// followed by white space or the end of the text.
fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().filter_map(move |(at, c)| {
        if !matches!(c, '.' | '!' | '?' | '…' | '»') {
            return None;
        }
        let end = at + c.len_utf8();
        let next = text[end..].chars().next();
        let closes = next.is_none_or(char::is_whitespace);
        let sentence = c != '»' || text[..at].trim_end().ends_with(['.', '!', '?']);
        (closes && sentence).then_some(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doubled_opening_is_kept_once() {
        let lead = "Le président effectuera une visite officielle à Cuba du 18 au 20 septembre.";
        assert_eq!(undouble(&format!("{lead} {lead}")), lead);
        let glued = lead.replace("une visite", "unevisite");
        assert_eq!(
            undouble(&format!("{lead} {glued} Il rencontrera ses homologues.")),
            format!("{lead} Il rencontrera ses homologues.")
        );
        let plain = "Une phrase assez longue pour compter ici. Une autre phrase, différente.";
        assert_eq!(undouble(plain), plain);
    }
}
