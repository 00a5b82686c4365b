//! A place in a document that no width changes: a block and how many characters of it come
//! before. Reading positions, history and saved state keep anchors, never wrapped rows.

/// Block index and the characters of the block before the place, spaces not counted: breaks
/// and the glued-word repair (which only inserts spaces) change spaces, never the rest, so the
/// same anchor names the same character at any width, repaired or as scraped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Anchor {
    pub block: u32,
    pub offset: u32,
}

impl Anchor {
    pub fn new(block: u32, offset: usize) -> Anchor {
        Anchor {
            block,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
        }
    }
}

/// How many characters of `text` an anchor counts.
pub fn letters(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Follows a text through the lines textwrap cut it into, to tell where each line starts.
pub(super) struct Cursor<'a> {
    rest: &'a str,
    /// Characters counted so far.
    offset: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            rest: text,
            offset: 0,
        }
    }

    /// Where `line` starts (its indent already removed) and moves past it. A line is the text
    /// from the cursor on, after the spaces of the break, possibly with a hyphen added where a
    /// word was cut: the text is followed as long as it agrees with the line.
    pub(super) fn take(&mut self, line: &str) -> usize {
        self.rest = self.rest.trim_start();
        let start = self.offset;
        let mut line_chars = line.trim_start().chars().peekable();
        let mut taken = 0;
        for (at, c) in self.rest.char_indices() {
            if line_chars.peek() != Some(&c) {
                break;
            }
            line_chars.next();
            taken = at + c.len_utf8();
            if !c.is_whitespace() {
                self.offset += 1;
            }
        }
        self.rest = &self.rest[taken..];
        start
    }

    /// Characters counted over the whole text.
    pub(super) fn total(&self) -> usize {
        self.offset + letters(self.rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_counts_characters_before_each_line_whatever_the_breaks() {
        let text = "les anticon\u{AD}stitution\u{AD}nellement longs";
        let mut cursor = Cursor::new(text);
        assert_eq!(cursor.take("les anticon\u{AD}-"), 0);
        assert_eq!(cursor.take("stitution\u{AD}-"), 11);
        assert_eq!(cursor.take("nellement longs"), 21);
        assert_eq!(cursor.total(), letters(text));
        let mut wide = Cursor::new(text);
        assert_eq!(wide.take(text), 0);
        assert_eq!(wide.total(), 35);
    }
}
