//! The JSON export format, kept stable for other tools: one `Record` per article, written from
//! the store and read back by the loader (`*.json` / `*.jsonl`). Text is exact (JSON escapes it).

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::article::{Article, Dateline, Kind, Photo, RelatedLink};
use crate::store::{ArticleId, Store};

/// `{"articles": [...]}`, the shape of a `.json` export.
#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    pub articles: Vec<Record>,
}

/// One article as exported. `related[].target` and `cited_by` are the store's resolution, written
/// for readers of the file; on load they are recomputed from titles, so they cannot disagree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub lead: String,
    pub dateline: Option<Dateline>,
    pub photos: Vec<Photo>,
    pub paragraphs: Vec<String>,
    /// The paragraphs before glued words were repaired. Empty in exports made before the
    /// repair existed, whose `paragraphs` are the raw text; kept empty on load, so that any
    /// export loads and exports again to the same bytes.
    #[serde(default)]
    pub raw_paragraphs: Vec<String>,
    pub signoff: Option<String>,
    pub related: Vec<RelatedRecord>,
    #[serde(default)]
    pub cited_by: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedRecord {
    pub title: String,
    pub summary: String,
    pub photo: Option<Photo>,
    #[serde(default)]
    pub target: String,
}

/// The two export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One document `{"articles":[…]}`, pretty-printed.
    Json,
    /// One article object per line.
    Jsonl,
}

impl Record {
    pub fn from_store(store: &Store, id: ArticleId) -> Self {
        let article = store.article(id);
        let related = article
            .related
            .iter()
            .zip(store.targets(id))
            .map(|(link, &target)| RelatedRecord {
                title: link.title.clone(),
                summary: link.summary.clone(),
                photo: link.photo.clone(),
                target: store.slug(target).to_owned(),
            })
            .collect();
        Self {
            id: store.slug(id).to_owned(),
            kind: article.kind,
            title: article.title.clone(),
            lead: article.lead.clone(),
            dateline: article.dateline.clone(),
            photos: article.photos.clone(),
            paragraphs: article.paragraphs.clone(),
            raw_paragraphs: article.raw_paragraphs.clone(),
            signoff: article.signoff.clone(),
            related,
            cited_by: store
                .cited_by(id)
                .iter()
                .map(|&c| store.slug(c).to_owned())
                .collect(),
            sources: article.sources.clone(),
            warnings: article.warnings.clone(),
        }
    }

    /// Back to a page for the store; ids, targets and backlinks are the store's to recompute.
    /// The text is taken as exported: an exported page was repaired when it was first read,
    /// and is not repaired again.
    pub fn into_article(self) -> Article {
        Article {
            kind: self.kind,
            title: self.title,
            lead: self.lead,
            dateline: self.dateline,
            photos: self.photos,
            paragraphs: self.paragraphs,
            raw_paragraphs: self.raw_paragraphs,
            signoff: self.signoff,
            related: self
                .related
                .into_iter()
                .map(|r| RelatedLink {
                    title: r.title,
                    summary: r.summary,
                    photo: r.photo,
                })
                .collect(),
            sources: self.sources,
            warnings: self.warnings,
        }
    }
}

/// Writes the whole store in `format`, articles in store order.
pub fn write_store(store: &Store, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => {
            let export = Export {
                articles: store
                    .ids()
                    .map(|id| Record::from_store(store, id))
                    .collect(),
            };
            write_json(&serde_json::to_string_pretty(&export)?, out)?;
        }
        Format::Jsonl => {
            for id in store.ids() {
                write_json(&serde_json::to_string(&Record::from_store(store, id))?, out)?;
            }
        }
    }
    out.flush()
}

/// One JSON document and a newline. JSON escapes only C0 controls; C1 controls, bidi
/// overrides and other invisible format characters are escaped here too (`\u009b`), so an
/// export printed on a terminal cannot act on it, and still reads back exactly. They can only
/// stand inside strings, so escaping them in the whole text is safe.
fn write_json(json: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut start = 0;
    for (at, c) in json.char_indices() {
        if crate::inert::is_terminal_unsafe(c) {
            out.write_all(&json.as_bytes()[start..at])?;
            write!(out, "\\u{:04x}", u32::from(c))?;
            start = at + c.len_utf8();
        }
    }
    out.write_all(&json.as_bytes()[start..])?;
    out.write_all(b"\n")
}

/// A problem reading an export: the 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub line: usize,
    pub message: String,
}

/// Reads a `.json` export document.
pub fn read_json(text: &str) -> Result<Vec<Record>, ReadError> {
    serde_json::from_str::<Export>(text)
        .map(|export| export.articles)
        .map_err(|e| ReadError {
            line: e.line().max(1),
            message: format!("not a liseuse export: {e}"),
        })
}

/// Reads a `.jsonl` export: every good line is kept, every bad one is reported with its number.
pub fn read_jsonl(text: &str) -> (Vec<Record>, Vec<ReadError>) {
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(record) => records.push(record),
            Err(e) => errors.push(ReadError {
                line: n + 1,
                message: format!("not a liseuse article record: {e}"),
            }),
        }
    }
    (records, errors)
}
