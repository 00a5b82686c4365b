//! Article + width → `WrappedArticle`: the lines the reading pane shows, already wrapped, made
//! inert and tagged by role, with the row where each link starts. Pure: no terminal, no state;
//! the app caches the result per (article, width) and the ui only slices it.

use std::ops::Range;

use crate::article::{Article, Photo};
use crate::fold::fold_compact;
use crate::store::{ArticleId, Store};

mod typography;

pub use typography::{display_width, fit_width};
use typography::{finish_line, options, screen_text};

pub const VOIR_PLUS: &str = "Voir plus";
pub const CITE_PAR: &str = "Cité par";
pub const SUMMARY_ONLY: &str = "Seul le résumé de cet article figure dans le corpus.";

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    pub kind: LineKind,
    pub text: String,
}

/// One article laid out at one width. Text is already inert (safe for the terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedArticle {
    pub id: ArticleId,
    pub width: u16,
    /// Laid out from the paragraphs as scraped, not as repaired.
    pub raw: bool,
    pub lines: Vec<WrappedLine>,
    /// First row of each link, indexed like `links()`.
    pub link_rows: Vec<usize>,
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
}

/// Where an article's links lead, in the order they are numbered on screen: its "Voir plus"
/// entries, then the pages that cite it.
pub fn links(store: &Store, id: ArticleId) -> impl Iterator<Item = ArticleId> + '_ {
    store.targets(id).iter().chain(store.cited_by(id)).copied()
}

/// Lays out article `id` for a column `width` cells wide (at least 1), from its repaired
/// paragraphs or, with `raw`, from the paragraphs as scraped.
pub fn wrap_article(store: &Store, id: ArticleId, width: u16, raw: bool) -> WrappedArticle {
    let article = store.article(id);
    let mut out = Builder {
        width: usize::from(width.max(1)),
        lines: Vec::new(),
        link_rows: Vec::new(),
    };
    out.text(LineKind::Title, &article.title);
    out.text(LineKind::Meta, &meta(article));
    out.blank();
    for photo in &article.photos {
        out.text(LineKind::Caption, &caption(photo));
    }
    out.blank();
    if !lead_repeats_first_paragraph(article) {
        out.text(LineKind::Lead, &article.lead);
        out.blank();
    }
    if !article.is_full() {
        out.text(LineKind::Notice, SUMMARY_ONLY);
        out.blank();
    }
    // An article read from an export made before raw text was kept has only `paragraphs`.
    let paragraphs = if raw && !article.raw_paragraphs.is_empty() {
        &article.raw_paragraphs
    } else {
        &article.paragraphs
    };
    for paragraph in paragraphs.iter().chain(&article.signoff) {
        out.text(LineKind::Body, paragraph);
        out.blank();
    }
    if !article.related.is_empty() {
        out.heading(VOIR_PLUS);
        for link in &article.related {
            out.link(&link.title, &link.summary);
        }
    }
    let cited_by = store.cited_by(id);
    if !cited_by.is_empty() {
        out.heading(CITE_PAR);
        for &citer in cited_by {
            let citer = store.article(citer);
            out.link(&citer.title, gist(citer));
        }
    }
    while out.lines.last().is_some_and(|l| l.kind == LineKind::Blank) {
        out.lines.pop();
    }
    WrappedArticle {
        id,
        width: width.max(1),
        raw,
        lines: out.lines,
        link_rows: out.link_rows,
    }
}

/// Place · agency · source files, whichever are known.
fn meta(article: &Article) -> String {
    let dateline = article.dateline.as_ref();
    let sources = article.sources.join(", ");
    [
        dateline.and_then(|d| d.place.as_deref()),
        dateline.map(|d| d.agency.as_str()),
        Some(sources.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|part| !part.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

fn caption(photo: &Photo) -> String {
    match (photo.caption.trim(), photo.credit.trim()) {
        (caption, "") => caption.to_owned(),
        ("", credit) => format!("Photo\u{A0}:\u{A0}{credit}"),
        (caption, credit) => format!("{caption} (Photo\u{A0}:\u{A0}{credit})"),
    }
}

/// What a citing page is about, in one breath: its lead, or its first paragraph.
fn gist(article: &Article) -> &str {
    if article.lead.trim().is_empty() {
        article.paragraphs.first().map_or("", String::as_str)
    } else {
        &article.lead
    }
}

struct Builder {
    width: usize,
    lines: Vec<WrappedLine>,
    link_rows: Vec<usize>,
}

impl Builder {
    fn push(&mut self, kind: LineKind, text: impl Into<String>) {
        self.lines.push(WrappedLine {
            kind,
            text: text.into(),
        });
    }

    /// One blank row between blocks, never two and never at the top, so empty parts of an
    /// article (no lead, no photo) leave no holes.
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| l.kind != LineKind::Blank) {
            self.push(LineKind::Blank, "");
        }
    }

    fn text(&mut self, kind: LineKind, text: &str) {
        let text = screen_text(text);
        if text.trim().is_empty() {
            return;
        }
        for line in textwrap::wrap(&text, options(self.width)) {
            self.push(kind, finish_line(&line));
        }
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        self.text(LineKind::Heading, title);
        self.blank();
    }

    /// `[n] title` with continuation rows under the title, then the summary's first line.
    fn link(&mut self, title: &str, summary: &str) {
        let n = self.link_rows.len();
        let label = format!("[{}] ", n + 1);
        // Hang continuation rows under the title only when that leaves room for words.
        let indent = if label.len() * 3 <= self.width {
            " ".repeat(label.len())
        } else {
            String::new()
        };
        let text = format!("{label}{}", screen_text(title));
        self.link_rows.push(self.lines.len());
        for line in textwrap::wrap(&text, options(self.width).subsequent_indent(&indent)) {
            self.push(LineKind::Link(n), finish_line(&line));
        }
        let room = self.width - indent.len();
        let summary = screen_text(summary);
        if room >= 2 && !summary.trim().is_empty() {
            // One cell is kept for the ellipsis that says the summary goes on.
            let mut rows = textwrap::wrap(&summary, options(room - 1)).into_iter();
            if let Some(first) = rows.next() {
                let more = if rows.next().is_some() { "…" } else { "" };
                let first = finish_line(&first);
                self.push(LineKind::LinkSummary(n), format!("{indent}{first}{more}"));
            }
        }
        self.blank();
    }
}

/// The page's lead is often its first paragraph again (the dateline removed): show it once, as
/// the paragraph, which is the fuller of the two.
fn lead_repeats_first_paragraph(article: &Article) -> bool {
    let lead = fold_compact(&article.lead);
    !lead.is_empty()
        && article
            .paragraphs
            .first()
            .is_some_and(|first| fold_compact(first).starts_with(&lead))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Kind, RelatedLink};

    fn store() -> Store {
        let mut page = Article::new("Une page");
        page.lead = "Le chapeau.".into();
        page.paragraphs =
            vec!["Un paragraphe assez long pour être coupé en plusieurs lignes.".into()];
        page.related = (1..=3)
            .map(|n| RelatedLink {
                title: format!("Lien numéro {n}"),
                summary: "Un résumé qui continue bien après la première ligne.".into(),
                photo: None,
            })
            .collect();
        Store::from_pages(vec![page]).0
    }

    #[test]
    fn lines_never_exceed_the_width_and_links_are_numbered() {
        let store = store();
        let wrapped = wrap_article(&store, ArticleId(0), 20, false);
        assert!(wrapped.lines.iter().all(|l| display_width(&l.text) <= 20));
        assert_eq!(wrapped.link_rows.len(), 3);
        let first = &wrapped.lines[wrapped.link_rows[0]];
        assert_eq!(first.kind, LineKind::Link(0));
        assert!(first.text.starts_with("[1] "));
        let span = wrapped.link_span(2).unwrap();
        assert_eq!(wrapped.lines[span.end - 1].kind, LineKind::LinkSummary(2));
        assert!(wrapped.lines[span.end - 1].text.ends_with('…'));
    }

    #[test]
    fn a_summary_only_article_says_so_and_lists_who_cites_it() {
        let store = store();
        let stub = ArticleId(1);
        assert_eq!(store.article(stub).kind, Kind::Summary);
        let wrapped = wrap_article(&store, stub, 80, false);
        assert!(wrapped.lines.iter().any(|l| l.text == SUMMARY_ONLY));
        assert!(wrapped.lines.iter().any(|l| l.text == CITE_PAR));
        assert_eq!(links(&store, stub).collect::<Vec<_>>(), [ArticleId(0)]);
        assert_eq!(wrapped.link_rows.len(), 1);
    }

    #[test]
    fn width_zero_and_one_do_not_panic() {
        let store = store();
        for width in [0, 1, 2, 3] {
            let wrapped = wrap_article(&store, ArticleId(0), width, false);
            assert_eq!(wrapped.link_rows.len(), 3);
        }
    }

    #[test]
    fn control_characters_never_survive() {
        let mut page = Article::new("Titre\u{1b}[2J");
        page.paragraphs = vec!["a\u{7}b".into()];
        let store = Store::from_pages(vec![page]).0;
        let wrapped = wrap_article(&store, ArticleId(0), 40, false);
        assert!(
            wrapped
                .lines
                .iter()
                .all(|l| !l.text.contains(char::is_control))
        );
    }

    #[test]
    fn fit_width_counts_cells_not_chars() {
        assert_eq!(fit_width("court", 10), "court");
        assert_eq!(fit_width("Nguyễn Xuân Phúc", 8), "Nguyễn …");
        assert_eq!(fit_width("日本語のテキスト", 7), "日本語…");
        assert_eq!(fit_width("abc", 0), "");
        assert_eq!(fit_width("abcdef", 1), "…");
        assert!(display_width(&fit_width("🇻🇳🇻🇳🇻🇳 drapeaux", 5)) <= 5);
    }
}
