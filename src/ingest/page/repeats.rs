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
        // Ends come in order: past the middle, no opening can be followed by its copy.
        if first_end > text.len() / 2 + 8 {
            break;
        }
        if first.len() < 40 {
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
/// followed by white space or the end of the text. Found byte by byte (each mark's last byte,
/// checked for the bytes before it), not char by char: a paragraph has few of them.
fn sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(last, &byte)| {
        let at = match byte {
            b'.' | b'!' | b'?' => last,
            // The last bytes of `…` (E2 80 A6) and `»` (C2 BB), whose other bytes cannot
            // end any other character.
            0xA6 if last >= 2 && bytes[last - 2..last] == [0xE2, 0x80] => last - 2,
            0xBB if last >= 1 && bytes[last - 1] == 0xC2 => last - 1,
            _ => return None,
        };
        let end = last + 1;
        let next = text[end..].chars().next();
        let closes = next.is_none_or(char::is_whitespace);
        let sentence = byte != 0xBB || text[..at].trim_end().ends_with(['.', '!', '?']);
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

    /// The sentence ends as a reading of the text character by character finds them.
    fn ends_by_chars(text: &str) -> Vec<usize> {
        let marks = ['.', '!', '?', '…', '»'];
        text.char_indices()
            .filter(|&(_, c)| marks.contains(&c))
            .map(|(at, c)| (at, c, at + c.len_utf8()))
            .filter(|&(at, c, end)| {
                text[end..].chars().next().is_none_or(char::is_whitespace)
                    && (c != '»' || text[..at].trim_end().ends_with(['.', '!', '?']))
            })
            .map(|(_, _, end)| end)
            .collect()
    }

    #[test]
    fn sentence_ends_are_found_by_their_bytes_as_by_their_characters() {
        for text in [
            "Fin. « Oui ! » Non… Peut-être ? Là.» a.b …",
            "»… .» !» x » »",
            "ảnh 1. Hà Nội… Tô Lâm» « Ngọc » ¦ ¿ Ã¦",
            "",
            ".",
            "…",
        ] {
            assert_eq!(
                sentence_ends(text).collect::<Vec<_>>(),
                ends_by_chars(text),
                "{text}"
            );
        }
    }
}
