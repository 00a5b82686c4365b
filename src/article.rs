//! The article model: plain data that the parser produces, the store holds and the export writes.
//! No logic lives here beyond small constructors and accessors.

use serde::{Deserialize, Serialize};

/// Whether the corpus holds the whole page or only what another page's "Voir plus" said of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Full,
    Summary,
}

/// `Hanoï (VNA) – `: where the story was filed and by which agency. An agency-only dateline
/// (`(VNA) – `) has no place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    pub place: Option<String>,
    pub agency: String,
}

/// A photo caption and its credit (`Photo : Xinhua/VNA` → credit `Xinhua/VNA`). Either may be
/// empty: a bare `Photo: VNA` line has no caption text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub caption: String,
    pub credit: String,
}

/// One "Voir plus" entry as the citing page printed it. Which article it leads to is the
/// store's business (it resolves `title`), so the target is not kept here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedLink {
    pub title: String,
    pub summary: String,
    pub photo: Option<Photo>,
}

/// Where an article's text can be read again, so that the store need not hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Origin {
    /// Nowhere: it came from an export, or was made in memory; the store holds it.
    #[default]
    Held,
    /// A page file, with its size and modification time when it was read (to tell whether it
    /// changed since).
    File {
        path: std::path::PathBuf,
        len: u64,
        modified: Option<std::time::SystemTime>,
    },
    /// A page of the bundled corpus, by its index.
    Bundled(usize),
}

/// One article, full page or summary-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub kind: Kind,
    pub title: String,
    /// The page had no title line: `title` was derived from its first sentence.
    pub title_derived: bool,
    pub lead: String,
    pub dateline: Option<Dateline>,
    pub photos: Vec<Photo>,
    /// Body text, with glued words repaired when the page was read from a scraped file.
    pub paragraphs: Vec<String>,
    /// The paragraphs exactly as the parser found them, before any repair (empty for a summary,
    /// and for a page from an export made before repairs, whose `paragraphs` are raw).
    pub raw_paragraphs: Vec<String>,
    /// The lead as the page had it, when the glued-word repair changed it (empty otherwise).
    pub raw_lead: String,
    /// The photo captions as the page had them, parallel to `photos`, when the repair changed
    /// any of them (empty otherwise).
    pub raw_captions: Vec<String>,
    pub signoff: Option<String>,
    pub related: Vec<RelatedLink>,
    /// Files this page was read from (several when the same page was found twice).
    pub sources: Vec<String>,
    /// Parser warnings about this page, as `file:line: message`.
    pub warnings: Vec<String>,
    /// Where it can be read again.
    pub origin: Origin,
}

impl Article {
    /// An empty full article with a title, to be filled by the parser.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            kind: Kind::Full,
            title: title.into(),
            title_derived: false,
            lead: String::new(),
            dateline: None,
            photos: Vec::new(),
            paragraphs: Vec::new(),
            raw_paragraphs: Vec::new(),
            raw_lead: String::new(),
            raw_captions: Vec::new(),
            signoff: None,
            related: Vec::new(),
            sources: Vec::new(),
            warnings: Vec::new(),
            origin: Origin::Held,
        }
    }

    /// The summary-only article that stands for a "Voir plus" entry with no full page.
    pub fn summary_of(link: &RelatedLink) -> Self {
        Self {
            kind: Kind::Summary,
            lead: link.summary.clone(),
            photos: link.photo.iter().cloned().collect(),
            ..Self::new(link.title.clone())
        }
    }

    pub fn is_full(&self) -> bool {
        self.kind == Kind::Full
    }
}
