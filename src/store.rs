//! The in-memory store: ids, the folded title index, link resolution and backlinks.
//!
//! Titles are not identities: pages whose titles fold alike but whose text differs are all
//! kept (a link to such a title leads to the best match), and only the same text twice is one
//! page read from two files.
//!
//! It grows only by whole batches of pages (`add_batch`); between batches it is read-only.
//! An `ArticleId` never changes once given: a summary-only article is replaced in place when
//! its full page arrives, so every link and every history entry that points at it stays valid.
//!
//! It is a catalogue: per article an `Entry` (what the list, links and backlinks need) and its
//! body, held in memory or read again on demand (`body.rs`) when the store was given a reader.

use foldhash::HashMap;
use std::sync::Arc;

use crate::article::{Article, Kind};
use crate::diagnostic::Diagnostic;
use crate::fold::{fold, fold_compact};

mod body;
mod grow;
mod ids;
mod keys;
mod live;
mod same_title;

use body::{Body, Citers, Recent};
pub use body::{Citations, Depth, Detached, Reread};
use ids::Ids;
pub use live::Change;

/// Index of an article in the store; stable for the life of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u32);

impl ArticleId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What the catalogue keeps of an article: enough for the list, the links and the backlinks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub title: String,
    /// The page had no title line: `title` was derived from its first sentence.
    pub title_derived: bool,
    /// Files it was read from (several when the same page was found twice).
    pub sources: Vec<String>,
    /// What it is about, in one breath (the start of its lead or first paragraph), for the
    /// "Cité par" entries of the pages it cites.
    pub gist: String,
}

impl Entry {
    pub fn is_full(&self) -> bool {
        self.kind == Kind::Full
    }
}

#[derive(Debug, Default)]
pub struct Store {
    entries: Vec<Entry>,
    bodies: Vec<Body>,
    recent: Recent,
    citers: Citers,
    /// How bodies not held are read again; without one, every body is held.
    reread: Option<Reread>,
    /// The slug of each article's title: its key, when no other article's title slugs alike.
    bases: Vec<Arc<str>>,
    /// A hash of each article's folded title and scraped text, told apart from load order and
    /// file names: what makes the key of one of several articles whose titles slug alike.
    hashes: Vec<u64>,
    /// For each article, the target of each of its `related` entries, in order.
    targets: Vec<Vec<ArticleId>>,
    /// For each article, the articles whose related entries lead to it, in order of arrival.
    cited_by: Vec<Vec<ArticleId>>,
    /// Every article under each folded title, in load order: pages that share a title but
    /// not their text are all kept.
    by_title: HashMap<String, Ids>,
    /// Full pages by a hash of their text, to tell the same page read twice in one look.
    by_content: HashMap<u64, Ids>,
    /// For each folded title, how many problems of each kind were reported about it, so that
    /// 5,000 pages of one title make a few lines and a count, not 5,000 lines.
    reported: HashMap<String, [usize; 2]>,
    /// Every article under each slug, in load order.
    /// (Its keys are the same strings as `bases`': one copy of each slug.)
    by_base: HashMap<Arc<str>, Ids>,
    /// The content hash of each article's card (0 for a summary-only one made here).
    contents: Vec<u64>,
    /// Articles whose page was removed from a live folder and that nothing cites any more:
    /// their ids stay valid (history may hold them), but no list shows them.
    gone: Vec<bool>,
    /// How many times articles were taken away, so that views know to look again.
    removals: usize,
}

impl Store {
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store that keeps only the catalogue of pages it can read again with `reread`
    /// (their bodies are read back when asked for).
    pub fn with_reader(reread: Reread) -> Self {
        Self {
            reread: Some(reread),
            ..Self::default()
        }
    }

    /// A store holding one batch: the usual way to build it from a loaded corpus.
    pub fn from_pages(pages: Vec<Article>) -> (Self, Vec<Diagnostic>) {
        let mut store = Self::new();
        let diagnostics = store.add_batch(pages);
        (store, diagnostics)
    }

    /// A file `id` was read from, or its id when it has none (an article from an export).
    fn source_of(&self, id: ArticleId) -> String {
        self.entries[id.index()]
            .sources
            .first()
            .cloned()
            .unwrap_or_else(|| self.key(id))
    }

    /// The article a title leads to: the only one, or among pages that fold alike the one
    /// with exactly this title, else the first loaded; with how many there were.
    fn best_match(&self, title: &str, ids: &[ArticleId]) -> (ArticleId, bool) {
        match ids {
            [only] => (*only, false),
            // Looked for among the few that fold alike, rather than kept in a map of every
            // exact title (a copy of each title, megabytes at 50,000 pages).
            _ => match ids
                .iter()
                .find(|id| self.entries[id.index()].title == title)
            {
                Some(&exact) => (exact, true),
                None => (ids[0], false),
            },
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every id, in store order (pages in load order, then summary-only articles as created).
    pub fn ids(&self) -> impl ExactSizeIterator<Item = ArticleId> + '_ {
        (0..self.entries.len() as u32).map(ArticleId)
    }

    /// The catalogue entry of an article.
    pub fn article(&self, id: ArticleId) -> &Entry {
        &self.entries[id.index()]
    }

    pub fn get(&self, id: ArticleId) -> Option<&Entry> {
        self.entries.get(id.index())
    }

    /// The whole article: held, among the recent ones, or read again from its origin (a page
    /// that can no longer be read gives its title and why).
    pub fn body(&self, id: ArticleId) -> Arc<Article> {
        let entry = self.article(id);
        match &self.bodies[id.index()] {
            Body::Held(body) => body.clone(),
            Body::Stub { citer, n } => {
                Arc::new(body::stub_of(&self.entries_of(*citer), *n, &entry.title))
            }
            Body::Reread(origin) => self.recent.get(id).unwrap_or_else(|| {
                let body = Arc::new(body::read_again(
                    self.reread,
                    origin,
                    Depth::Whole,
                    &entry.title,
                    &entry.sources,
                ));
                self.recent.put(id, body.clone());
                body
            }),
        }
    }

    /// `id`'s body as far as its "Voir plus" entries: from the recent bodies or citers, or else
    /// read again unrepaired and kept among the citers (the recent bodies are whole ones).
    fn entries_of(&self, id: ArticleId) -> Arc<Article> {
        let Body::Reread(origin) = &self.bodies[id.index()] else {
            return self.body(id);
        };
        if let Some(body) = self.recent.get(id).or_else(|| self.citers.get(id)) {
            return body;
        }
        let entry = self.article(id);
        let body = body::read_again(
            self.reread,
            origin,
            Depth::Entries,
            &entry.title,
            &entry.sources,
        );
        let entries = Arc::new(body::entries_only(body));
        self.citers.put(id, entries.clone());
        entries
    }

    /// Forgets what was read of `id`'s body (its page changed).
    fn forget_body(&self, id: ArticleId) {
        self.recent.forget(id);
        self.citers.forget(id);
    }

    /// The targets of `id`'s related entries, parallel to `article(id).related`.
    pub fn targets(&self, id: ArticleId) -> &[ArticleId] {
        &self.targets[id.index()]
    }

    /// The articles that list `id` in their "Voir plus".
    pub fn cited_by(&self, id: ArticleId) -> &[ArticleId] {
        &self.cited_by[id.index()]
    }

    /// The article a title names: among pages whose titles fold alike, the one with exactly
    /// this title, else the first loaded.
    pub fn find_title(&self, title: &str) -> Option<ArticleId> {
        let ids = self.by_title.get(&title_key(title))?;
        Some(self.best_match(title, ids).0)
    }

    /// Every article whose title folds like `title`, in load order (more than one when pages
    /// share a title but not their text).
    pub fn find_titles(&self, title: &str) -> &[ArticleId] {
        self.by_title.get(&title_key(title)).map_or(&[], |ids| ids)
    }

    /// An id or a title, as a user types it on the command line.
    pub fn lookup(&self, id_or_title: &str) -> Option<ArticleId> {
        self.find_key(id_or_title.trim())
            .or_else(|| self.find_title(id_or_title))
    }

    /// The `n` titles closest to `query`, best first, for "did you mean" messages: ranked by how
    /// many of the query's folded words they hold, then by title length.
    pub fn closest_titles(&self, query: &str, n: usize) -> Vec<ArticleId> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let mut scored: Vec<(usize, usize, ArticleId)> = self
            .ids()
            .map(|id| {
                let title = fold(&self.entries[id.index()].title);
                let hits = words.iter().filter(|w| title.contains(**w)).count();
                (hits, title.len(), id)
            })
            .filter(|(hits, _, _)| *hits > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored.into_iter().take(n).map(|(_, _, id)| id).collect()
    }

    /// How many related entries the store holds in all.
    pub fn link_count(&self) -> usize {
        self.targets.iter().map(Vec::len).sum()
    }

    /// Whether [`body`](Self::body) gives `id`'s body without reading a page: held, among the
    /// recent ones, or a summary-only article (made from what its citer's entry says).
    pub fn is_at_hand(&self, id: ArticleId) -> bool {
        match &self.bodies[id.index()] {
            Body::Reread(_) => self.recent.contains(id),
            Body::Held(_) | Body::Stub { .. } => true,
        }
    }

    /// Keeps among the recent bodies one read on another thread (from [`detached`](Self::detached)),
    /// unless the article changed since it was asked for (its fingerprint differs).
    pub fn keep_read(&self, id: ArticleId, fingerprint: u64, body: Arc<Article>) {
        if matches!(self.bodies[id.index()], Body::Reread(_)) && self.fingerprint(id) == fingerprint
        {
            self.recent.put(id, body);
        }
    }

    /// Article `id`'s body as another thread can fetch it (see [`Detached`]).
    pub fn detached(&self, id: ArticleId) -> Detached {
        Detached {
            fingerprint: self.fingerprint(id),
            source: self.source(id),
            reread: self.reread,
        }
    }

    /// What changes whenever article `id`'s searchable text does (its body is not read).
    pub fn fingerprint(&self, id: ArticleId) -> u64 {
        match &self.bodies[id.index()] {
            // A summary says what its citer's entry says: it changes with the citer.
            Body::Stub { citer, n } => self.contents[citer.index()]
                .rotate_left(7)
                .wrapping_add(*n as u64 + 1),
            _ => self.contents[id.index()],
        }
    }

    fn source(&self, id: ArticleId) -> body::Source {
        let entry = &self.entries[id.index()];
        match &self.bodies[id.index()] {
            Body::Held(body) => body::Source::Held(body.clone()),
            Body::Reread(origin) => body::Source::Reread {
                origin: origin.clone(),
                title: entry.title.clone(),
                sources: entry.sources.clone(),
            },
            Body::Stub { citer, n } => body::Source::Stub {
                citer: Box::new(self.source(*citer)),
                n: *n,
                title: entry.title.clone(),
            },
        }
    }

    /// Whether the article was taken away (its page removed, and nothing cites it).
    pub fn is_gone(&self, id: ArticleId) -> bool {
        self.gone.get(id.index()).copied().unwrap_or(false)
    }

    /// How many times articles were taken away: a view that saw another count looks again.
    pub fn removals(&self) -> usize {
        self.removals
    }

    pub fn full_count(&self) -> usize {
        self.entries.iter().filter(|a| a.is_full()).count()
    }
}

/// Two titles are the same when they fold equal with every space removed: spacing differs
/// between pages (`Vietnam–Laos`, `Vietnam – Laos`, words glued at line breaks).
fn title_key(title: &str) -> String {
    fold_compact(title)
}
