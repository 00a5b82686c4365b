//! Makes untrusted page text safe to put on a terminal: no byte of it may act as a control
//! sequence. The store keeps text exact (the JSON export needs it); this runs at the edge, on
//! everything that goes to a widget or to text output on a terminal.

use std::borrow::Cow;

use crate::invisible::{self, Class};

/// Returns `text` with every character that could drive a terminal or shift columns made inert:
/// C0 controls become their visible Control Pictures (`␛`, `␇`…), DEL becomes `␡`, C1 controls
/// become `�`, tabs become a space, carriage returns are dropped, and so is every character of
/// the invisible table (`crate::invisible`), but line and paragraph separators, which become a
/// space.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            '\r' => {}
            '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7F}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9F}' => out.push('\u{FFFD}'),
            c => match invisible::class(c) {
                Class::Keep => out.push(c),
                Class::Space => out.push(' '),
                Class::Drop => {}
            },
        }
    }
    Cow::Owned(out)
}

fn needs_care(c: char) -> bool {
    c.is_control() || invisible::is_invisible(c)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn escape_sequences_become_visible_symbols() {
        assert_eq!(inert("a\u{1b}]0;pwned\u{7}b"), "a\u{241B}]0;pwned\u{2407}b");
        assert_eq!(inert("x\u{9b}2J\u{7f}"), "x\u{FFFD}2J\u{2421}");
        assert_eq!(inert("\u{202E}abc\u{2066}\tz\r"), "abc z");
        assert_eq!(
            inert("a\u{2028}b\u{2029}c\u{E0041}\u{FE0F}\u{AD}"),
            "a b c\u{AD}"
        );
    }

    #[test]
    fn french_text_is_untouched() {
        let text = "« Vietnam\u{00A0}– Laos » : l’élan du 26ᵉ\u{202F}!";
        assert!(matches!(inert(text), Cow::Borrowed(_)));
    }

    /// Strings mixing any characters with controls and characters of the invisible table.
    fn text_with_invisibles() -> impl Strategy<Value = String> {
        let table = prop_oneof![
            0x2028u32..=0x2029,
            0x200Bu32..=0x200F,
            0x202Au32..=0x202E,
            0x2060u32..=0x206F,
            0xE0000u32..=0xE0FFF,
            0xFE00u32..=0xFE0F,
            0xFFF0u32..=0xFFFF,
            0u32..=0x9F,
        ]
        .prop_map(|c| char::from_u32(c).unwrap_or('\u{200B}'));
        proptest::collection::vec(prop_oneof![any::<char>(), table], 0..48)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn nothing_of_the_table_reaches_the_terminal(text in text_with_invisibles()) {
            let shown = inert(&text);
            prop_assert!(
                !shown.chars().any(|c| c.is_control() || invisible::is_invisible(c)),
                "{:?} -> {:?}", text, shown
            );
        }
    }
}
