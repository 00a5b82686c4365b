//! One key as the keymap names it: how it matches a key event, how the help labels it, and how
//! a configuration file spells it (`q`, `Ctrl-C`, `Alt-Right`, `PageDown`, `Space`, `digits`),
//! both ways, so the default file liseuse writes reads back to the same keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::strings::{Lang, text};

/// A key as the table names it. Shift is part of the character (`L`), so it is not checked;
/// Ctrl and Alt must match exactly, so `Ctrl-J` is never `j`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    Alt(KeyCode),
    /// Any of `0`–`9`.
    Digits,
}

use KeyCode::Char;

/// Named keys, as a configuration file spells them.
const NAMED: &[(&str, KeyCode)] = &[
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Space", Char(' ')),
];

/// How a configuration file spells every digit at once (the link-number binding).
const DIGITS: &str = "digits";

impl Key {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let chord = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            Key::Code(code) => chord.is_empty() && key.code == code,
            Key::Ctrl(c) => chord == KeyModifiers::CONTROL && key.code == Char(c),
            Key::Alt(code) => chord == KeyModifiers::ALT && key.code == code,
            Key::Digits => chord.is_empty() && matches!(key.code, Char('0'..='9')),
        }
    }

    /// A key event this key matches (for `Digits`, the `5`): what finds keys bound twice.
    pub fn sample(self) -> KeyEvent {
        match self {
            Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Ctrl(c) => KeyEvent::new(Char(c), KeyModifiers::CONTROL),
            Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
            Key::Digits => KeyEvent::new(Char('5'), KeyModifiers::NONE),
        }
    }

    /// The key as the help shows it (`↑`, `Entrée`, `Ctrl-B`).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Key::Code(code) => code_label(code, lang),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(code) => format!("Alt-{}", code_label(code, lang)),
            Key::Digits => "1…9".to_owned(),
        }
    }

    /// The key as a configuration file spells it; `Key::parse` reads it back.
    pub fn spec(self) -> String {
        match self {
            Key::Code(code) => code_spec(code),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(code) => format!("Alt-{}", code_spec(code)),
            Key::Digits => DIGITS.to_owned(),
        }
    }

    /// Reads a key as a configuration file spells it: one character, a named key, or either
    /// after `Ctrl-` (a letter) or `Alt-`. `None` for anything else.
    pub fn parse(spec: &str) -> Option<Key> {
        if spec == DIGITS {
            return Some(Key::Digits);
        }
        if let Some(rest) = spec.strip_prefix("Ctrl-").filter(|r| !r.is_empty()) {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => {
                    Some(Key::Ctrl(c.to_ascii_lowercase()))
                }
                _ => None,
            };
        }
        if let Some(rest) = spec.strip_prefix("Alt-").filter(|r| !r.is_empty()) {
            return code_of(rest).map(Key::Alt);
        }
        code_of(spec).map(Key::Code)
    }
}

fn code_of(spec: &str) -> Option<KeyCode> {
    if let Some(&(_, code)) = NAMED.iter().find(|(name, _)| *name == spec) {
        return Some(code);
    }
    if let Some(n) = spec.strip_prefix('F').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Some(KeyCode::F(n));
    }
    let mut chars = spec.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && c != ' ' => Some(Char(c)),
        _ => None,
    }
}

fn code_spec(code: KeyCode) -> String {
    match NAMED.iter().find(|&&(_, named)| named == code) {
        Some((name, _)) => (*name).to_owned(),
        None => match code {
            Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        },
    }
}

fn code_label(code: KeyCode, lang: Lang) -> String {
    let word = |fr, en| lang.pick(text(fr, en)).to_owned();
    match code {
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Enter => word("Entrée", "Enter"),
        KeyCode::Esc => word("Échap", "Esc"),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => word("Maj-Tab", "Shift-Tab"),
        KeyCode::Backspace => "⌫".into(),
        Char(' ') => word("Espace", "Space"),
        Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_do_not_fall_back_to_plain_keys() {
        let ctrl_j = KeyEvent::new(Char('j'), KeyModifiers::CONTROL);
        assert!(!Key::Code(Char('j')).matches(&ctrl_j));
        let shift_l = KeyEvent::new(Char('L'), KeyModifiers::SHIFT);
        assert!(Key::Code(Char('L')).matches(&shift_l));
    }

    #[test]
    fn every_spelling_reads_back_to_its_key() {
        for spec in [
            "q",
            "L",
            "|",
            "Ctrl-C",
            "Alt-Right",
            "Shift-Tab",
            "Space",
            "F5",
            "digits",
        ] {
            let key = Key::parse(spec).unwrap_or_else(|| panic!("{spec} is a key"));
            assert_eq!(key.spec(), spec);
        }
        assert_eq!(Key::parse("Ctrl-c"), Some(Key::Ctrl('c')));
        for bad in ["", "qq", "Ctrl-", "Ctrl-Up", "Hyper-x", "F13", " "] {
            assert_eq!(Key::parse(bad), None, "{bad:?}");
        }
    }
}
