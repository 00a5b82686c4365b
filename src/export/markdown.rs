//! One article as Markdown, from its document (`crate::document`): front matter (id, kind,
//! title, dateline, sources), the title, captions with their credits, the lead once, the
//! paragraphs, then "Voir plus" and "Cité par" as numbered lists of relative links to the
//! other articles' files (`<key>.md`), so a Markdown viewer or a static site generator
//! follows them. Page text is made inert and its Markdown punctuation escaped, so it reads as
//! the page wrote it and never as markup.

use std::io::{self, Write};

use crate::article::{Article, Kind};
use crate::document::{Block, Document, Link, Notice, Section, document};
use crate::inert::screen_line;
use crate::store::{ArticleId, Store};
use crate::strings::{self, Lang};

/// The file an article is written to, and the target of every link to it.
pub fn file_name(store: &Store, id: ArticleId) -> String {
    format!("{}.md", store.key(id))
}

/// Writes article `id` as Markdown. Headings and notices are in French, the pages' own
/// language ("Voir plus", "Cité par"), whatever the interface speaks: the files are stable
/// for the sites built on them.
pub fn write_article(store: &Store, id: ArticleId, out: &mut dyn Write) -> io::Result<()> {
    let lang = Lang::Fr;
    let body = store.body(id);
    let doc = document(store, &body, id, false);
    front_matter(store, &body, id, out)?;
    for block in &doc.blocks {
        block_markdown(store, &doc, block, lang, out)?;
    }
    Ok(())
}

fn front_matter(
    store: &Store,
    article: &Article,
    id: ArticleId,
    out: &mut dyn Write,
) -> io::Result<()> {
    let kind = match article.kind {
        Kind::Full => "full",
        Kind::Summary => "summary",
    };
    writeln!(out, "---")?;
    writeln!(out, "id: {}", yaml_string(&store.key(id)))?;
    writeln!(out, "kind: {kind}")?;
    writeln!(out, "title: {}", yaml_string(&article.title))?;
    if let Some(dateline) = &article.dateline {
        let place = dateline
            .place
            .as_deref()
            .map(|p| format!("{p} "))
            .unwrap_or_default();
        let said = format!("{place}({})", dateline.agency);
        writeln!(out, "dateline: {}", yaml_string(&said))?;
    }
    if article.sources.is_empty() {
        writeln!(out, "sources: []")?;
    } else {
        writeln!(out, "sources:")?;
        for source in &article.sources {
            writeln!(out, "  - {}", yaml_string(source))?;
        }
    }
    writeln!(out, "---")
}

fn block_markdown(
    store: &Store,
    doc: &Document,
    block: &Block,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    match block {
        Block::Title(title) => writeln!(out, "\n# {}", escape(title)),
        // The dateline and sources are in the front matter.
        Block::Meta { .. } => Ok(()),
        Block::Caption { caption, credit } => {
            let credit = credit.trim();
            let credit = if credit.is_empty() {
                String::new()
            } else {
                format!(" ({}{})", lang.pick(strings::PHOTO), escape(credit))
            };
            let caption = caption.trim();
            if caption.is_empty() {
                writeln!(out, "\n{}", credit.trim_start())
            } else {
                writeln!(out, "\n*{}*{credit}", escape(caption))
            }
        }
        Block::Lead(lead) => writeln!(out, "\n**{}**", escape(lead.trim())),
        Block::Notice(Notice::SummaryOnly) => {
            writeln!(out, "\n*{}*", lang.pick(strings::SUMMARY_ONLY))
        }
        Block::Paragraph(text) | Block::Signoff(text) => writeln!(out, "\n{}", escape(text.trim())),
        Block::Heading(section) => {
            let name = match section {
                Section::VoirPlus => strings::VOIR_PLUS,
                Section::CitePar => strings::CITE_PAR,
            };
            writeln!(out, "\n## {}\n", lang.pick(name))
        }
        Block::Link(n) => link(store, *n, &doc.links[*n], out),
    }
}

/// `3. [• Title](key.md) — summary`: numbered as on screen, marked full or summary-only.
fn link(store: &Store, n: usize, link: &Link, out: &mut dyn Write) -> io::Result<()> {
    let sign = if link.full { "•" } else { "◦" };
    write!(
        out,
        "{}. {sign} [{}]({})",
        n + 1,
        escape(&link.title),
        file_name(store, link.target)
    )?;
    let summary = link.summary.trim();
    if summary.is_empty() {
        writeln!(out)
    } else {
        writeln!(out, " — {}", escape(summary))
    }
}

/// Page text for a Markdown line: inert, on one line, and with every character that could
/// start markup backslash-escaped (CommonMark allows a backslash before any ASCII
/// punctuation, so this never shows): emphasis, links, code, HTML and entities anywhere; a
/// heading, quote or list marker at the start of the line.
fn escape(text: &str) -> String {
    let text = screen_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let marker = (digits > 0 && out[digits..].starts_with(['.', ')']))
        || out.starts_with(['#', '>'])
        || (out.starts_with(['-', '+']) && out[1..].starts_with(' '));
    if marker {
        out.insert(digits, '\\');
    }
    out
}

/// A YAML double-quoted scalar (inert: a front matter is printed to terminals too).
fn yaml_string(text: &str) -> String {
    let text = screen_line(text);
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_punctuation_is_escaped_and_french_typography_kept() {
        assert_eq!(escape("Le *grand* [jeu] #1"), r"Le \*grand\* \[jeu\] #1");
        assert_eq!(escape("# titre"), r"\# titre");
        assert_eq!(escape("2. Hanoï"), r"2\. Hanoï");
        assert_eq!(escape("- tiret"), r"\- tiret");
        let french = "« L’an 2023 », 50ᵉ\u{A0}anniversaire\u{A0}!";
        assert_eq!(escape(french), french);
        assert_eq!(escape("a\u{1b}[31mb"), "a␛\\[31mb");
        assert_eq!(yaml_string("dit \"oui\""), r#""dit \"oui\"""#);
    }
}
