//! Where an article's text is when the store does not hold it: the catalogue keeps what the
//! list, links and backlinks need, and a page's body is read, parsed and repaired again when it
//! is opened, through the reader the loader gave (the store cannot parse: it sits below
//! `ingest`). A few recent bodies are kept, so going back and forth reads nothing.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use crate::article::{Article, Origin};
use crate::store::ArticleId;

/// Reads a page back from where it was first read: what `ingest` gives the store.
pub type Reread = fn(&Origin, Depth) -> Result<Article, String>;

/// How much of a page read back is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Parsed and repaired: the body a reader shows.
    Whole,
    /// Parsed only: its "Voir plus" entries, which the repair never touches, are all a
    /// summary-only article takes from its citer (the repair is most of a page's cost).
    Entries,
}

/// How many bodies read back are kept. A page is ~11 KB of text and some 3× that parsed and
/// repaired; the reader's own wrap cache holds the lines it shows.
const KEPT: usize = 32;

/// What the store keeps of an article's text.
#[derive(Debug, Clone)]
pub(super) enum Body {
    /// All of it, in memory (pages from an export, or a store without a reader).
    Held(Arc<Article>),
    /// Nothing: it is read again from its origin.
    Reread(Origin),
    /// A summary-only article: what entry `n` of the "Voir plus" of `citer` says.
    Stub { citer: ArticleId, n: usize },
}

/// How many citers' "Voir plus" entries are kept for their summary-only articles (a few KB
/// each): an export or index makes those articles batch after batch of 512 pages, each from its
/// citer, which the 32 whole bodies no longer hold by then.
const CITERS_KEPT: usize = 1024;

/// Citers' "Voir plus" entries read back most recently (see [`entries_only`]).
#[derive(Debug)]
pub(super) struct Citers(Recent);

impl Default for Citers {
    fn default() -> Self {
        Self(Recent::new(CITERS_KEPT))
    }
}

impl std::ops::Deref for Citers {
    type Target = Recent;
    fn deref(&self) -> &Recent {
        &self.0
    }
}

/// The bodies read back most recently, newest last, at most `capacity` of them.
#[derive(Debug)]
pub(super) struct Recent {
    held: Mutex<VecDeque<(ArticleId, Arc<Article>)>>,
    capacity: usize,
}

impl Default for Recent {
    fn default() -> Self {
        Self::new(KEPT)
    }
}

impl Recent {
    pub(super) fn new(capacity: usize) -> Self {
        Self {
            held: Mutex::default(),
            capacity,
        }
    }

    pub(super) fn get(&self, id: ArticleId) -> Option<Arc<Article>> {
        let mut recent = self.held.lock().ok()?;
        let at = recent.iter().position(|(held, _)| *held == id)?;
        let entry = recent.remove(at)?;
        let body = entry.1.clone();
        recent.push_back(entry);
        Some(body)
    }

    pub(super) fn put(&self, id: ArticleId, body: Arc<Article>) {
        if let Ok(mut recent) = self.held.lock() {
            recent.retain(|(held, _)| *held != id);
            if recent.len() == self.capacity {
                recent.pop_front();
            }
            recent.push_back((id, body));
        }
    }

    pub(super) fn contains(&self, id: ArticleId) -> bool {
        self.held
            .lock()
            .is_ok_and(|recent| recent.iter().any(|(held, _)| *held == id))
    }

    /// Forgets `id`'s body (its page changed).
    pub(super) fn forget(&self, id: ArticleId) {
        if let Ok(mut recent) = self.held.lock() {
            recent.retain(|(held, _)| *held != id);
        }
    }
}

/// What the reader shows for a page that can no longer be read (deleted, or unreadable now):
/// its title and why, never a panic or an empty screen.
fn unreadable(title: &str, sources: &[String], why: &str) -> Article {
    let mut article = Article::new(title);
    article.sources = sources.to_vec();
    article.paragraphs.push(format!(
        "(Cette page ne peut plus être lue — this page can no longer be read: {why}.)"
    ));
    article
}

/// An article's body as another thread can fetch it, without the store: for the search
/// indexer, which reads pages again in the background. `fingerprint` changes whenever the body
/// would, so an index can skip an unchanged page without reading it.
#[derive(Debug, Clone)]
pub struct Detached {
    pub fingerprint: u64,
    pub(super) source: Source,
    pub(super) reread: Option<Reread>,
}

#[derive(Debug, Clone)]
pub(super) enum Source {
    Held(Arc<Article>),
    Reread {
        origin: Origin,
        title: String,
        sources: Vec<String>,
    },
    /// What entry `n` of the citer's "Voir plus" says.
    Stub {
        citer: Box<Source>,
        n: usize,
        title: String,
    },
}

/// Citers' "Voir plus" entries read for the summary-only articles of one run of detached
/// bodies (the indexer's lots): each citer is read once, not once for every article it cites.
#[derive(Debug, Default)]
pub struct Citations(HashMap<Origin, Arc<Article>>);

/// Citers remembered at most: a lot is a batch of 512 pages and what they cite.
const CITATIONS_KEPT: usize = 4096;

impl Detached {
    /// The whole article, read again if it must be (any thread).
    pub fn body(&self) -> Arc<Article> {
        self.source.body(self.reread, None)
    }

    /// [`body`](Self::body), a summary-only article's citer taken from `citations` or read
    /// into them.
    pub fn body_with(&self, citations: &mut Citations) -> Arc<Article> {
        self.source.body(self.reread, Some(citations))
    }
}

impl Source {
    fn body(&self, reread: Option<Reread>, citations: Option<&mut Citations>) -> Arc<Article> {
        match self {
            Source::Held(body) => body.clone(),
            Source::Reread {
                origin,
                title,
                sources,
            } => Arc::new(read_again(reread, origin, Depth::Whole, title, sources)),
            Source::Stub { citer, n, title } => {
                Arc::new(stub_of(&citer.entries(reread, citations), *n, title))
            }
        }
    }

    /// What a summary-only article needs of this citer: its entries, read without the repair.
    fn entries(&self, reread: Option<Reread>, citations: Option<&mut Citations>) -> Arc<Article> {
        let Source::Reread {
            origin,
            title,
            sources,
        } = self
        else {
            return self.body(reread, None);
        };
        let read = || {
            let body = read_again(reread, origin, Depth::Entries, title, sources);
            Arc::new(entries_only(body))
        };
        let Some(Citations(kept)) = citations else {
            return read();
        };
        if let Some(body) = kept.get(origin) {
            return body.clone();
        }
        if kept.len() >= CITATIONS_KEPT {
            kept.clear();
        }
        let body = read();
        kept.insert(origin.clone(), body.clone());
        body
    }
}

/// A page read again from `origin` (its title and why, when it no longer can be), named by
/// the files the store knows it from.
pub(super) fn read_again(
    reread: Option<Reread>,
    origin: &Origin,
    depth: Depth,
    title: &str,
    sources: &[String],
) -> Article {
    let read = match reread {
        Some(reread) => reread(origin, depth),
        None => Err("no reader".to_owned()),
    };
    let mut body = read.unwrap_or_else(|why| unreadable(title, sources, &why));
    body.sources = sources.to_vec();
    body
}

/// What a summary-only article needs of its citer's body: its title and "Voir plus" entries.
pub(super) fn entries_only(body: Article) -> Article {
    Article {
        related: body.related,
        ..Article::new(&body.title)
    }
}

/// The summary-only article entry `n` of `citer`'s "Voir plus" describes.
pub(super) fn stub_of(citer: &Article, n: usize, title: &str) -> Article {
    let mut stub = citer
        .related
        .get(n)
        .map_or_else(|| Article::new(title), Article::summary_of);
    stub.kind = crate::article::Kind::Summary;
    stub
}
