//! A one-line editor with history, for the prompts at the foot of the screen (`/` search, `f`
//! title filter; a `|` command would be another). It knows text, a cursor and past entries,
//! not what the line is for: the caller reads `text()` after each edit. Keys become `Edit`s in
//! `edit_for_key`, so the keymap stays a table and this stays pure.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One change to the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// The character before the cursor (Backspace).
    DeleteBack,
    /// The character under the cursor (Delete).
    DeleteForward,
    /// The word before the cursor (Ctrl-W).
    DeleteWord,
    /// Everything before the cursor (Ctrl-U).
    DeleteToStart,
    Left,
    Right,
    Home,
    End,
    /// The previous (older) entry of the history (↑).
    Older,
    /// The next (newer) entry, and past the newest the line being typed (↓).
    Newer,
}

/// What a key does in a prompt: an edit, or the end of the prompt (`Enter` keeps, `Esc` or
/// `Ctrl-G` gives up); `None` for keys a prompt ignores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    Edit(Edit),
    Accept,
    Cancel,
}

pub fn edit_for_key(key: KeyEvent) -> Option<PromptKey> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let edit = match key.code {
        KeyCode::Enter => return Some(PromptKey::Accept),
        KeyCode::Esc => return Some(PromptKey::Cancel),
        KeyCode::Char('g') if ctrl => return Some(PromptKey::Cancel),
        KeyCode::Char('w') if ctrl => Edit::DeleteWord,
        KeyCode::Char('u') if ctrl => Edit::DeleteToStart,
        KeyCode::Char('a') if ctrl => Edit::Home,
        KeyCode::Char('e') if ctrl => Edit::End,
        KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char(c) if !c.is_control() => Edit::Insert(c),
        KeyCode::Backspace => Edit::DeleteBack,
        KeyCode::Delete => Edit::DeleteForward,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Up => Edit::Older,
        KeyCode::Down => Edit::Newer,
        _ => return None,
    };
    Some(PromptKey::Edit(edit))
}

/// Entries kept in a history.
const HISTORY: usize = 100;

/// Past entries of one prompt, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

impl History {
    /// Keeps `entry` as the newest (moved there if it was already kept; blank ones are not).
    pub fn push(&mut self, entry: &str) {
        if entry.trim().is_empty() {
            return;
        }
        self.entries.retain(|e| e != entry);
        self.entries.push(entry.to_owned());
        if self.entries.len() > HISTORY {
            self.entries.remove(0);
        }
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }
}

/// The line being edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset of the cursor in `text`, on a character boundary.
    cursor: usize,
    /// Which history entry is shown, counted back from the newest; `None`: the typed line.
    recalled: Option<usize>,
    /// The line typed before the history was walked, given back past the newest entry.
    typed: String,
}

impl LineEditor {
    /// A line holding `text`, the cursor at its end.
    pub fn with_text(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            cursor: text.len(),
            ..Self::default()
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start (where the terminal cursor goes).
    pub fn cursor_chars(&self) -> usize {
        self.text[..self.cursor].chars().count()
    }

    /// Applies `edit`; true when the text changed (a moved cursor is not a change).
    pub fn apply(&mut self, edit: Edit, history: &History) -> bool {
        let before = self.text.clone();
        match edit {
            Edit::Insert(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            Edit::DeleteBack => {
                if let Some(start) = self.prev_boundary() {
                    self.text.drain(start..self.cursor);
                    self.cursor = start;
                }
            }
            Edit::DeleteForward => {
                if let Some(end) = self.next_boundary() {
                    self.text.drain(self.cursor..end);
                }
            }
            Edit::DeleteWord => {
                let head = self.text[..self.cursor].trim_end();
                let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.text.drain(start..self.cursor);
                self.cursor = start;
            }
            Edit::DeleteToStart => {
                self.text.drain(..self.cursor);
                self.cursor = 0;
            }
            Edit::Left => self.cursor = self.prev_boundary().unwrap_or(0),
            Edit::Right => self.cursor = self.next_boundary().unwrap_or(self.text.len()),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Older => return self.recall(history, 1),
            Edit::Newer => return self.recall(history, -1),
        }
        let changed = self.text != before;
        if changed {
            // An edited entry is a new line: ↓ no longer leads back to what was typed before.
            self.recalled = None;
        }
        changed
    }

    /// Shows the history entry `step` older (negative: newer) than the one shown.
    fn recall(&mut self, history: &History, step: isize) -> bool {
        let entries = history.entries();
        let current = self.recalled.map_or(-1, |n| n as isize);
        let next = (current + step).clamp(-1, entries.len() as isize - 1);
        if next == current {
            return false;
        }
        if self.recalled.is_none() {
            self.typed = self.text.clone();
        }
        self.recalled = usize::try_from(next).ok();
        self.text = match self.recalled {
            Some(n) => entries[entries.len() - 1 - n].clone(),
            None => std::mem::take(&mut self.typed),
        };
        self.cursor = self.text.len();
        true
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .char_indices()
            .last()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .chars()
            .next()
            .map(|c| self.cursor + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(editor: &mut LineEditor, text: &str, history: &History) {
        for c in text.chars() {
            editor.apply(Edit::Insert(c), history);
        }
    }

    #[test]
    fn edits_work_on_characters_not_bytes() {
        let history = History::default();
        let mut line = LineEditor::default();
        typed(&mut line, "Hanoï to", &history);
        assert!(line.apply(Edit::DeleteWord, &history));
        assert_eq!(line.text(), "Hanoï ");
        line.apply(Edit::DeleteBack, &history);
        line.apply(Edit::Left, &history);
        assert!(line.apply(Edit::DeleteBack, &history));
        assert_eq!((line.text(), line.cursor_chars()), ("Hanï", 3));
        assert!(!line.apply(Edit::Right, &history), "moving is no change");
        line.apply(Edit::DeleteToStart, &history);
        assert_eq!(line.text(), "");
    }

    #[test]
    fn the_history_walks_back_and_gives_the_typed_line_back() {
        let mut history = History::default();
        history.push("laos");
        history.push("to lam");
        history.push("laos");
        assert_eq!(history.entries(), ["to lam", "laos"]);
        let mut line = LineEditor::default();
        typed(&mut line, "han", &history);
        assert!(line.apply(Edit::Older, &history));
        assert_eq!(line.text(), "laos");
        line.apply(Edit::Older, &history);
        assert_eq!(line.text(), "to lam");
        assert!(!line.apply(Edit::Older, &history), "no older entry");
        line.apply(Edit::Newer, &history);
        line.apply(Edit::Newer, &history);
        assert_eq!(line.text(), "han");
    }
}
