//! The one table of characters a reader cannot see: what `inert` drops before text reaches a
//! terminal, what the export escapes, what the line splitter counts as blank and what makes the
//! glued-word scanner leave a token alone. It only classifies; the store keeps text exact.

/// What the screen does with a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Shown as it is.
    Keep,
    /// Invisible: it can reorder, hide or join what the reader sees, or make the terminal and
    /// us disagree on columns. Dropped on the way to a terminal.
    Drop,
    /// A line or paragraph separator (U+2028, U+2029): shown as one space, since a terminal
    /// would either ignore it or break the line behind our back.
    Space,
}

/// The characters of class [`Class::Drop`], as sorted, disjoint, inclusive ranges. Drawn from
/// Unicode 16.0.0: Default_Ignorable_Code_Point ∪ Bidi_Control ∪ General_Category=Cf, which
/// brings the zero-width characters, bidi embeddings, overrides, isolates and marks, the
/// deprecated format characters U+206A–206F, the interlinear annotation marks U+FFF9–FFFB,
/// U+034F, U+180E, the variation selectors (U+180B–180F, U+FE00–FE0F, U+E0100–E01EF), the
/// Hangul fillers U+115F, U+1160, U+3164, U+FFA0, the tag characters U+E0000–E007F and the
/// reserved default-ignorable blocks; plus every noncharacter (U+FDD0–FDEF and the last two
/// code points of each plane).
///
/// U+00AD SOFT HYPHEN is Cf and default-ignorable, but it is left out on purpose: it carries
/// meaning in text (a break the writer allowed), the wrapper breaks words there and shows a
/// hyphen, and a terminal shows it harmlessly.
const DROP: &[(u32, u32)] = &[
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFDD0, 0xFDEF),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0xFFFE, 0xFFFF),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0x1FFFE, 0x1FFFF),
    (0x2FFFE, 0x2FFFF),
    (0x3FFFE, 0x3FFFF),
    (0x4FFFE, 0x4FFFF),
    (0x5FFFE, 0x5FFFF),
    (0x6FFFE, 0x6FFFF),
    (0x7FFFE, 0x7FFFF),
    (0x8FFFE, 0x8FFFF),
    (0x9FFFE, 0x9FFFF),
    (0xAFFFE, 0xAFFFF),
    (0xBFFFE, 0xBFFFF),
    (0xCFFFE, 0xCFFFF),
    // The plane-13 noncharacters run straight into the tag and variation-selector block.
    (0xDFFFE, 0xE0FFF),
    (0xEFFFE, 0xEFFFF),
    (0xFFFFE, 0xFFFFF),
    (0x10FFFE, 0x10FFFF),
];

/// The class of `c`.
/// No character below this one is in the table (nor a line or paragraph separator).
pub const FIRST_DROPPED: char = '\u{34F}';

pub fn class(c: char) -> Class {
    let c = u32::from(c);
    if c == 0x2028 || c == 0x2029 {
        return Class::Space;
    }
    // Printable ASCII and Latin-1 are the bulk of any page and hold none of the table.
    if c < u32::from(FIRST_DROPPED) {
        return Class::Keep;
    }
    let in_table = DROP
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok();
    if in_table { Class::Drop } else { Class::Keep }
}

/// Whether `c` is in the table: a character the screen drops or turns into a space.
pub fn is_invisible(c: char) -> bool {
    class(c) != Class::Keep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        for pair in DROP.windows(2) {
            assert!(pair[0].0 <= pair[0].1, "{pair:x?}");
            assert!(
                pair[0].1 + 1 < pair[1].0,
                "unsorted, overlapping or unmerged: {pair:x?}"
            );
        }
    }

    #[test]
    fn the_binary_search_agrees_with_a_scan() {
        for c in chars() {
            let n = u32::from(c);
            let scanned = if n == 0x2028 || n == 0x2029 {
                Class::Space
            } else if DROP.iter().any(|&(s, e)| (s..=e).contains(&n)) {
                Class::Drop
            } else {
                Class::Keep
            };
            assert_eq!(class(c), scanned, "U+{n:04X}");
        }
    }

    #[test]
    fn the_named_properties_are_in() {
        let bidi = [
            '\u{61C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}',
        ];
        let zero_width = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];
        let others = [
            '\u{34F}',
            '\u{180E}',
            '\u{206A}',
            '\u{206F}',
            '\u{FFF9}',
            '\u{FFFB}',
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{180B}',
            '\u{E0100}',
            '\u{E01EF}',
            '\u{E0000}',
            '\u{E0001}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
            '\u{600}',
            '\u{13430}',
        ];
        for c in bidi.into_iter().chain(zero_width).chain(others) {
            assert_eq!(class(c), Class::Drop, "U+{:04X}", u32::from(c));
        }
        assert_eq!(class('\u{2028}'), Class::Space);
        assert_eq!(class('\u{2029}'), Class::Space);
    }

    #[test]
    fn french_text_and_the_soft_hyphen_are_kept() {
        for c in "Hanoï (VNA) – « l’élan » du 26ᵉ\u{A0}\u{202F}!\u{AD}漢字\u{301}\u{FFFD}\u{FFFC}\t"
            .chars()
        {
            assert_eq!(class(c), Class::Keep, "U+{:04X}", u32::from(c));
        }
        assert!(!is_invisible('\u{AD}'));
        assert!(is_invisible('\u{2029}'));
    }

    #[test]
    fn nothing_in_the_table_is_printable_ascii_or_a_letter_of_latin_text() {
        let dropped = chars().filter(|&c| is_invisible(c));
        for c in dropped {
            assert!(!c.is_ascii() && !c.is_control(), "U+{:04X}", u32::from(c));
            assert!(
                !('\u{C0}'..='\u{24F}').contains(&c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
}
