//! Makes untrusted page text safe to put on a terminal: no byte of it may act as a control
//! sequence. The store keeps text exact (the JSON export needs it); this runs at the edge, on
//! everything that goes to a widget or to text output on a terminal.

use std::borrow::Cow;

/// Returns `text` with every character that could drive a terminal or shift columns made inert:
/// C0 controls become their visible Control Pictures (`␛`, `␇`…), DEL becomes `␡`, C1 controls
/// become `�`, tabs become a space, carriage returns, bidi overrides/isolates and zero-width
/// characters are dropped.
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
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn needs_care(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// A non-ASCII character a terminal may act on or hide: C1 controls, bidi controls and
/// zero-width characters (ASCII controls are escaped by any JSON writer already).
pub fn is_terminal_unsafe(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c) || is_invisible(c)
}

/// Bidi embeddings/overrides/isolates and zero-width characters: they can reorder or hide what
/// the reader sees, or make the terminal disagree with us on column positions.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_symbols() {
        assert_eq!(inert("a\u{1b}]0;pwned\u{7}b"), "a\u{241B}]0;pwned\u{2407}b");
        assert_eq!(inert("x\u{9b}2J\u{7f}"), "x\u{FFFD}2J\u{2421}");
        assert_eq!(inert("\u{202E}abc\u{2066}\tz\r"), "abc z");
    }

    #[test]
    fn french_text_is_untouched() {
        let text = "« Vietnam\u{00A0}– Laos » : l’élan du 26ᵉ\u{202F}!";
        assert!(matches!(inert(text), Cow::Borrowed(_)));
    }
}
