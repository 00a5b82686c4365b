//! Document + width → `WrappedArticle`: the lines the reading pane shows, already wrapped, made
//! inert and tagged by role, each with an anchor back into the text, and the rows each link
//! covers. Pure: no terminal, no state; the app caches the result per (article, width) and the
//! ui only slices it.

use std::ops::Range;

use crate::document::{Block, Document, Link, Notice, Section, document};
use crate::store::{ArticleId, Store};
use crate::strings::{self, Lang};

mod anchor;
mod typography;

use anchor::Cursor;
pub use anchor::{Anchor, letters};
pub use typography::{display_width, fit_width};
use typography::{finish_line, options, screen_text};

/// How many source files the meta line names before it only counts the rest.
const SOURCES_SHOWN: usize = 3;

/// What a wrapped line is, so the ui can style it and the app can find links in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Caption,
    Lead,
    Notice,
    Body,
    Heading,
    /// A row of link `n`'s `[n+1] title` (`n` counts from 0, in on-screen order).
    Link(usize),
    /// The row under link `n`'s title: the first line of its summary.
    LinkSummary(usize),
    Blank,
}

impl LineKind {
    /// The link this row belongs to, if any: a click anywhere on it follows that link.
    pub fn link(self) -> Option<usize> {
        match self {
            Self::Link(n) | Self::LinkSummary(n) => Some(n),
            _ => None,
        }
    }
}

/// A part of a line drawn apart from the rest of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// The `[n]` before a link.
    LinkNumber,
    /// The sign that says whether a link leads to a full page (`•`) or a summary (`◦`).
    LinkKind { full: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    pub kind: LineKind,
    /// Where in the document this line starts.
    pub anchor: Anchor,
    pub text: String,
    /// Byte ranges of `text` styled apart, in order.
    pub marks: Vec<(Range<usize>, Mark)>,
}

/// One article laid out at one width. Text is already inert (safe for the terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedArticle {
    pub id: ArticleId,
    pub width: u16,
    /// Laid out from the paragraphs as scraped, not as repaired.
    pub raw: bool,
    pub lines: Vec<WrappedLine>,
    /// First row of each link, indexed like the document's links.
    pub link_rows: Vec<usize>,
    /// Where each link leads, indexed the same way.
    pub links: Vec<Link>,
}

impl WrappedArticle {
    /// The rows link `n` covers: its title rows and its summary row.
    pub fn link_span(&self, n: usize) -> Option<Range<usize>> {
        let start = *self.link_rows.get(n)?;
        let len = self.lines[start..]
            .iter()
            .take_while(|line| line.kind.link() == Some(n))
            .count();
        Some(start..start + len)
    }

    /// The row that shows the place `anchor` names: the last line starting at or before it.
    pub fn row_of(&self, anchor: Anchor) -> usize {
        let at = self.lines.partition_point(|line| line.anchor < anchor);
        match self.lines.get(at) {
            Some(line) if line.anchor == anchor => at,
            _ => at.saturating_sub(1),
        }
    }

    /// Where row `row` starts in the document (the end, past the last row).
    pub fn anchor_of(&self, row: usize) -> Anchor {
        self.lines
            .get(row)
            .or(self.lines.last())
            .map_or(Anchor::default(), |line| line.anchor)
    }

    /// Bytes held, for a cache bounded by memory rather than by count.
    pub fn bytes(&self) -> usize {
        self.lines
            .iter()
            .map(|l| l.text.len() + std::mem::size_of::<WrappedLine>())
            .sum()
    }
}

/// Lays out article `id` for a column `width` cells wide (at least 1), in French.
pub fn wrap_article(store: &Store, id: ArticleId, width: u16, raw: bool) -> WrappedArticle {
    let body = store.body(id);
    wrap_document(&document(store, &body, id, raw), width, Lang::Fr)
}

/// Lays out a document for a column `width` cells wide (at least 1), naming headings and
/// notices in `lang`.
pub fn wrap_document(doc: &Document, width: u16, lang: Lang) -> WrappedArticle {
    let width_cells = usize::from(width.max(1));
    let mut out = Builder {
        width: width_cells,
        lines: Vec::with_capacity(rows_needed(doc, width_cells)),
        link_rows: Vec::new(),
        block: 0,
        end: Anchor::default(),
    };
    for (block, part) in doc.blocks.iter().enumerate() {
        out.block = block as u32;
        match part {
            Block::Title(title) => out.text(LineKind::Title, title),
            Block::Meta {
                place,
                agency,
                sources,
            } => {
                out.text(LineKind::Meta, &meta(*place, *agency, sources));
                out.blank();
            }
            Block::Caption { caption, credit } => {
                out.text(LineKind::Caption, &caption_line(caption, credit, lang));
                if !matches!(doc.blocks.get(block + 1), Some(Block::Caption { .. })) {
                    out.blank();
                }
            }
            Block::Lead(lead) => out.paragraph(LineKind::Lead, lead),
            Block::Notice(Notice::SummaryOnly) => {
                out.paragraph(LineKind::Notice, lang.pick(strings::SUMMARY_ONLY))
            }
            Block::Paragraph(text) | Block::Signoff(text) => out.paragraph(LineKind::Body, text),
            Block::Heading(section) => {
                out.blank();
                let name = match section {
                    Section::VoirPlus => strings::VOIR_PLUS,
                    Section::CitePar => strings::CITE_PAR,
                };
                out.paragraph(LineKind::Heading, lang.pick(name));
            }
            Block::Link(n) => out.link(*n, &doc.links[*n]),
        }
    }
    while out.lines.last().is_some_and(|l| l.kind == LineKind::Blank) {
        out.lines.pop();
    }
    // A vector grown by doubling holds up to twice the rows it needs: on a huge page, as many
    // bytes again as the text (large blocks shrink in place).
    out.lines.shrink_to_fit();
    WrappedArticle {
        id: doc.id,
        width: width.max(1),
        raw: doc.raw,
        lines: out.lines,
        link_rows: out.link_rows,
        links: doc.links.clone(),
    }
}

/// About how many rows `doc` takes at `width`, a little over rather than under: a vector of
/// rows grown by doubling would hold the old rows and twice as many new ones at the same time,
/// on a huge page as many bytes as three times its text.
fn rows_needed(doc: &Document, width: usize) -> usize {
    let text: usize = doc
        .blocks
        .iter()
        .map(|block| match block {
            Block::Title(text)
            | Block::Lead(text)
            | Block::Paragraph(text)
            | Block::Signoff(text) => text.len(),
            Block::Caption { caption, credit } => caption.len() + credit.len(),
            Block::Link(n) => doc.links[*n].title.len() + 2 * width,
            Block::Meta { .. } | Block::Notice(_) | Block::Heading(_) => 2 * width,
        })
        .sum();
    // Lines are filled to about three quarters, in bytes, at the least.
    text / (width * 3 / 4).max(1) + 2 * doc.blocks.len() + 8
}

/// Place · agency · source files, whichever are known; a page found in many files names a
/// few and counts the rest.
fn meta(place: Option<&str>, agency: Option<&str>, sources: &[String]) -> String {
    let mut named = sources[..sources.len().min(SOURCES_SHOWN)].join(", ");
    if sources.len() > SOURCES_SHOWN {
        named.push_str(&format!(" +{}", sources.len() - SOURCES_SHOWN));
    }
    [place, agency, Some(named.as_str())]
        .into_iter()
        .flatten()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn caption_line(caption: &str, credit: &str, lang: Lang) -> String {
    let photo_label = lang.pick(strings::PHOTO);
    match (caption.trim(), credit.trim()) {
        (caption, "") => caption.to_owned(),
        ("", credit) => format!("{photo_label}{credit}"),
        (caption, credit) => format!("{caption} ({photo_label}{credit})"),
    }
}

struct Builder {
    width: usize,
    lines: Vec<WrappedLine>,
    link_rows: Vec<usize>,
    /// The block being laid out.
    block: u32,
    /// Just past the last block laid out: where a blank row after it points.
    end: Anchor,
}

impl Builder {
    fn push(&mut self, kind: LineKind, offset: usize, text: String) {
        self.lines.push(WrappedLine {
            kind,
            anchor: Anchor::new(self.block, offset),
            text,
            marks: Vec::new(),
        });
    }

    /// One blank row between blocks, never two and never at the top, so empty parts of an
    /// article (no lead, no photo) leave no holes. It points just past the block before it, a
    /// place no width changes, so a view that starts on it starts there again.
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.kind != LineKind::Blank) {
            self.lines.push(WrappedLine {
                kind: LineKind::Blank,
                anchor: self.end,
                text: String::new(),
                marks: Vec::new(),
            });
        }
    }

    fn text(&mut self, kind: LineKind, text: &str) {
        self.text_from(kind, text, "");
    }

    /// Wrapped rows of `text`, each anchored at the characters before it in the block;
    /// returns how many the block's text counts.
    fn text_from(&mut self, kind: LineKind, text: &str, indent: &str) -> usize {
        let text = screen_text(text);
        let mut cursor = Cursor::new(&text);
        if text.trim().is_empty() {
            return 0;
        }
        let lines = textwrap::wrap(&text, options(self.width).subsequent_indent(indent));
        for (n, line) in lines.iter().enumerate() {
            let body = if n == 0 {
                line
            } else {
                line.strip_prefix(indent).unwrap_or(line)
            };
            let offset = cursor.take(body);
            self.push(kind, offset, finish_line(line));
        }
        self.end = Anchor::new(self.block, cursor.total());
        cursor.total()
    }

    fn paragraph(&mut self, kind: LineKind, text: &str) {
        self.text(kind, text);
        self.blank();
    }

    /// `[n] • title` with continuation rows under the title, then the summary's first line.
    fn link(&mut self, n: usize, link: &Link) {
        let number = format!("[{}]", n + 1);
        let sign = if link.full { "•" } else { "◦" };
        let label = format!("{number} {sign} ");
        let label_width = display_width(&label);
        // Hang continuation rows under the title only when that leaves room for words.
        let indent = if label_width * 3 <= self.width {
            " ".repeat(label_width)
        } else {
            String::new()
        };
        let first = self.lines.len();
        self.link_rows.push(first);
        let title_end = self.text_from(
            LineKind::Link(n),
            &format!("{label}{}", link.title),
            &indent,
        );
        if let Some(line) = self.lines.get_mut(first)
            && line.text.starts_with(&label)
        {
            let sign_at = number.len() + 1;
            line.marks = vec![
                (0..number.len(), Mark::LinkNumber),
                (
                    sign_at..sign_at + sign.len(),
                    Mark::LinkKind { full: link.full },
                ),
            ];
        }
        let room = self.width - indent.len().min(self.width);
        let summary = screen_text(&link.summary);
        if room >= 2 && !summary.trim().is_empty() {
            // One cell is kept for the ellipsis that says the summary goes on.
            let mut rows = textwrap::wrap(&summary, options(room - 1)).into_iter();
            if let Some(first) = rows.next() {
                let more = if rows.next().is_some() { "…" } else { "" };
                let first = finish_line(&first);
                self.push(
                    LineKind::LinkSummary(n),
                    title_end,
                    format!("{indent}{first}{more}"),
                );
                self.end = Anchor::new(self.block, title_end + 1);
            }
        }
        self.blank();
    }
}

#[cfg(test)]
mod tests;
