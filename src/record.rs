//! The stable JSON record of an article (the export format other tools read) and its way back to
//! an `Article`: reading `*.json` / `*.jsonl` exports for the loader. Needs no store; writing
//! from the store is `crate::export`'s. Text is exact (JSON escapes it).

use serde::{Deserialize, Serialize};

use crate::article::{Article, Dateline, Kind, Photo, RelatedLink};

/// `{"articles": [...]}`, the shape of a `.json` export, as read (`crate::export` writes it one
/// record at a time).
#[derive(Debug, Deserialize)]
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
    /// Whether `title` was derived from the text (the page had no title line). Absent from
    /// exports made before it existed, which load as `false`.
    #[serde(default)]
    pub title_derived: bool,
    pub lead: String,
    pub dateline: Option<Dateline>,
    pub photos: Vec<Photo>,
    pub paragraphs: Vec<String>,
    /// The paragraphs before glued words were repaired. Empty in exports made before the
    /// repair existed, whose `paragraphs` are the raw text; kept empty on load, so that any
    /// export loads and exports again to the same bytes.
    #[serde(default)]
    pub raw_paragraphs: Vec<String>,
    /// The lead before glued words were repaired, only when the repair changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub raw_lead: String,
    /// The captions before glued words were repaired (parallel to `photos`), only when the
    /// repair changed one of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raw_captions: Vec<String>,
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

impl Record {
    /// Back to a page for the store; ids, targets and backlinks are the store's to recompute.
    /// The text is taken as exported: an exported page was repaired when it was first read,
    /// and is not repaired again.
    pub fn into_article(self) -> Article {
        Article {
            kind: self.kind,
            title: self.title,
            title_derived: self.title_derived,
            lead: self.lead,
            dateline: self.dateline,
            photos: self.photos,
            paragraphs: self.paragraphs,
            raw_paragraphs: self.raw_paragraphs,
            raw_lead: self.raw_lead,
            raw_captions: self.raw_captions,
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
            origin: crate::article::Origin::Held,
        }
    }
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
