//! Makes untrusted page text safe to put on a terminal: no byte of it may act as a control
//! sequence. The store keeps text exact (the JSON export needs it); this runs at the edge, on
//! everything that goes to a widget or to text output on a terminal.

use std::borrow::Cow;

use crate::invisible::{self, Class};

/// Returns `text` with every character that could drive a terminal or shift columns made inert:
/// C0 controls become their visible Control Pictures (`␛`, `␇`…), DEL becomes `␡`, C1 controls
/// become `�`, tabs become a space, carriage returns are dropped, and so is every character of
/// the invisible table (`crate::invisible`), but line and paragraph separators, which become a
/// space. What is left is also made to measure the same everywhere (see [`Widths`]): regional
/// indicators go by pairs (a flag), an unpaired one becomes `�`; skin-tone modifiers, the
/// Khmer coeng and the Tifinagh consonant joiner are dropped; the halfwidth katakana sound marks
/// become their combining forms; Kirat Rai vowel signs are composed.
///
/// The soft hyphen is kept: the wrapper breaks words there. Text for one row of the screen goes
/// through [`screen_line`], which drops it too.
pub fn inert(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

/// One row of page text as the screen shows it: [`inert`], and without soft hyphens, which
/// terminals draw as nothing, a hyphen or a space (the list's titles, the wrapped lines of the
/// reading pane: every piece of page text that reaches a widget comes through here).
pub fn screen_line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

const SOFT_HYPHEN: char = '\u{AD}';

fn clean(text: &str, soft_hyphens: bool) -> Cow<'_, str> {
    let care = |c: char| needs_care(c) || (c == SOFT_HYPHEN && !soft_hyphens);
    if !text.chars().any(care) {
        return Cow::Borrowed(text);
    }
    let mut out = Widths::new(text.len() + 8);
    for c in text.chars() {
        match c {
            SOFT_HYPHEN if !soft_hyphens => {}
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
    Cow::Owned(out.finish())
}

fn needs_care(c: char) -> bool {
    // U+16D67 is the second sign of every Kirat Rai sequence that is composed.
    c.is_control() || invisible::is_invisible(c) || contested(c) || c == '\u{16D67}'
}

fn is_regional(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Characters whose width ratatui (by grapheme), unicode-width (by string) and terminals (by
/// character) do not agree on, on their own or in sequence: none but regional indicators, by
/// pairs, reaches the screen.
fn contested(c: char) -> bool {
    is_regional(c)
        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
        || matches!(c, '\u{17D2}' | '\u{2D7F}' | '\u{FF9E}' | '\u{FF9F}')
}

/// The output of [`inert`], built so that every grapheme measures the sum of its characters'
/// widths, which is what a terminal that draws character by character advances:
///
/// - a regional indicator is one cell alone for some terminals and two for others, a pair (a
///   flag) two for all: they are kept by pairs (characters dropped between them do not count,
///   since the terminal sees them side by side) and an unpaired one becomes `�`;
/// - an emoji with a skin-tone modifier is one grapheme of two cells, four for a terminal that
///   draws the modifier apart: the modifier is dropped;
/// - a Khmer coeng makes its consonant and the next one a grapheme one cell wide, two on a
///   terminal; the Tifinagh consonant joiner is a cell for unicode-width and none for others:
///   both are dropped;
/// - ratatui counts the halfwidth sound marks `ﾞ` `ﾟ` twice: they become the combining marks;
/// - Kirat Rai vowel signs in sequence are one cell for unicode-width, two on a terminal: they
///   are composed into the precomposed sign they are equivalent to.
struct Widths {
    out: String,
    /// A regional indicator waiting for its pair.
    pending: Option<char>,
}

impl Widths {
    fn new(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            pending: None,
        }
    }

    fn push(&mut self, c: char) {
        if is_regional(c) {
            match self.pending.take() {
                Some(first) => {
                    self.out.push(first);
                    self.out.push(c);
                }
                None => self.pending = Some(c),
            }
            return;
        }
        match c {
            '\u{1F3FB}'..='\u{1F3FF}' | '\u{17D2}' | '\u{2D7F}' => return,
            _ => {}
        }
        self.settle();
        let c = match c {
            '\u{FF9E}' => '\u{3099}',
            '\u{FF9F}' => '\u{309A}',
            c => c,
        };
        let composed = match (self.out.chars().next_back(), c) {
            (Some('\u{16D67}'), '\u{16D67}') => Some('\u{16D68}'),
            (Some('\u{16D63}'), '\u{16D67}') => Some('\u{16D69}'),
            (Some('\u{16D69}'), '\u{16D67}') => Some('\u{16D6A}'),
            _ => None,
        };
        if let Some(composed) = composed {
            self.out.pop();
            self.out.push(composed);
        } else {
            self.out.push(c);
        }
    }

    /// An unpaired regional indicator, once it is known to stay unpaired.
    fn settle(&mut self) {
        if self.pending.take().is_some() {
            self.out.push('\u{FFFD}');
        }
    }

    fn finish(mut self) -> String {
        self.settle();
        self.out
    }
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
    fn what_terminals_measure_differently_is_replaced_or_dropped() {
        let flag = "\u{1F1FB}\u{1F1F3}";
        assert_eq!(screen_line(&format!("a{flag}b")), format!("a{flag}b"));
        assert_eq!(screen_line("\u{1F1FB}b"), "\u{FFFD}b");
        assert_eq!(
            screen_line(&format!("{flag}\u{1F1EB}")),
            format!("{flag}\u{FFFD}")
        );
        // Side by side on the terminal once the zero-width space is gone: a flag.
        assert_eq!(screen_line("\u{1F1FB}\u{200B}\u{1F1F3}"), flag);
        assert_eq!(screen_line("\u{1F1FB} \u{1F1F3}"), "\u{FFFD} \u{FFFD}");
        assert_eq!(screen_line("\u{1F44D}\u{1F3FD}!"), "\u{1F44D}!");
        assert_eq!(screen_line("co\u{AD}opé\u{2028}ration"), "coopé ration");
        assert_eq!(
            inert("co\u{AD}op"),
            "co\u{AD}op",
            "the wrapper breaks there"
        );
        assert_eq!(screen_line("\u{1780}\u{17D2}\u{1780}"), "\u{1780}\u{1780}");
        assert_eq!(screen_line("\u{FF76}\u{FF9E}"), "\u{FF76}\u{3099}");
        assert_eq!(screen_line("\u{2D4F}\u{2D7F}\u{2D3E}"), "\u{2D4F}\u{2D3E}");
        for filler in [
            '\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert_eq!(screen_line(&format!("a{filler}b")), "ab");
        }
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

    /// Characters of every class whose width is contested, with letters, marks and emoji.
    fn contested_text() -> impl Strategy<Value = String> {
        let tricky = prop_oneof![
            Just('a'),
            Just(' '),
            Just('\u{301}'),
            Just('\u{AD}'),
            Just('\u{200B}'),
            Just('\u{200D}'),
            Just('\u{FE0F}'),
            Just('\u{2028}'),
            Just('\u{3164}'),
            Just('\u{115F}'),
            Just('\u{FFFE}'),
            Just('\u{1F1FB}'),
            Just('\u{1F1F3}'),
            Just('\u{1F3FB}'),
            Just('\u{1F44D}'),
            Just('\u{1F468}'),
            Just('\u{2764}'),
            Just('\u{1780}'),
            Just('\u{17D2}'),
            Just('\u{2D4F}'),
            Just('\u{2D7F}'),
            Just('\u{FF76}'),
            Just('\u{FF9E}'),
            Just('\u{FF9F}'),
            Just('\u{16D63}'),
            Just('\u{16D67}'),
            Just('\u{1100}'),
            Just('\u{1161}'),
            Just('日'),
        ];
        proptest::collection::vec(tricky, 0..40).prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        /// A screen line measures the same as a whole (unicode-width, the wrapper's and the
        /// list's measure), as the sum of its characters (a terminal drawing one at a time)
        /// and, holding no contested character but whole flags, as ratatui's graphemes.
        #[test]
        fn a_screen_line_measures_the_same_every_way(text in contested_text()) {
            use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
            let shown = screen_line(&text);
            let by_chars: usize = shown.chars().map(|c| c.width().unwrap_or(0)).sum();
            prop_assert_eq!(shown.width(), by_chars, "{:?} -> {:?}", text, shown);
            let mut regional = 0;
            for c in shown.chars() {
                prop_assert!(c != SOFT_HYPHEN && !invisible::is_invisible(c), "{:?}", shown);
                prop_assert!(!contested(c) || is_regional(c), "{:?}", shown);
                if is_regional(c) {
                    regional += 1;
                } else {
                    prop_assert!(regional % 2 == 0, "an unpaired flag letter: {:?}", shown);
                    regional = 0;
                }
            }
            prop_assert!(regional % 2 == 0, "an unpaired flag letter: {:?}", shown);
            prop_assert_eq!(screen_line(&shown), shown.clone(), "a second pass changes nothing");
        }
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
