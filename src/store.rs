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

use std::collections::HashMap;
use std::sync::Arc;

use crate::article::{Article, Kind, Origin};
use crate::card::Card;
use crate::diagnostic::Diagnostic;
use crate::fold::{fold, fold_compact, slug};

mod body;
mod same_title;

pub use body::Reread;
use body::{Body, Recent};

use same_title::{AMBIGUOUS_LINK, Batch, REPORTED_IN_FULL, SAME_TITLE};

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
    /// How bodies not held are read again; without one, every body is held.
    reread: Option<Reread>,
    /// The slug of each article's title: its key, when no other article's title slugs alike.
    bases: Vec<String>,
    /// A hash of each article's folded title and scraped text, told apart from load order and
    /// file names: what makes the key of one of several articles whose titles slug alike.
    hashes: Vec<u64>,
    /// For each article, the target of each of its `related` entries, in order.
    targets: Vec<Vec<ArticleId>>,
    /// For each article, the articles whose related entries lead to it, in order of arrival.
    cited_by: Vec<Vec<ArticleId>>,
    /// Every article under each folded title, in load order: pages that share a title but
    /// not their text are all kept.
    by_title: HashMap<String, Vec<ArticleId>>,
    /// The first article of each exact title, to prefer it among those that fold alike.
    by_exact: HashMap<String, ArticleId>,
    /// Full pages by a hash of their text, to tell the same page read twice in one look.
    by_content: HashMap<u64, Vec<ArticleId>>,
    /// For each folded title, how many problems of each kind were reported about it, so that
    /// 5,000 pages of one title make a few lines and a count, not 5,000 lines.
    reported: HashMap<String, [usize; 2]>,
    /// Every article under each slug, in load order.
    by_base: HashMap<String, Vec<ArticleId>>,
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

    /// Adds a batch of pages: full pages first take their place (replacing a summary-only article
    /// of the same title, or being reported as a duplicate of a full one), then the related
    /// entries of every new or upgraded page are resolved, creating summary-only articles for
    /// titles no page has. Summary-kind pages (from an export) only fill titles still unknown.
    /// A page the store can read again keeps only its card; the others are held whole.
    pub fn add_batch(&mut self, pages: Vec<Article>) -> Vec<Diagnostic> {
        let cards = pages
            .into_iter()
            .map(|page| {
                let card = Card::of(&page);
                let held =
                    (page.origin == Origin::Held || self.reread.is_none()).then(|| Arc::new(page));
                (card, held)
            })
            .collect();
        self.add_cards(cards)
    }

    /// [`add_batch`](Self::add_batch) for pages known by their cards (from the persistent
    /// catalogue), each with its body when it is held.
    pub fn add_cards(&mut self, cards: Vec<(Card, Option<Arc<Article>>)>) -> Vec<Diagnostic> {
        let mut batch = Batch::default();
        let mut to_resolve = Vec::new();
        for (card, held) in cards {
            if let Some(placed) = self.insert(card, held, &mut batch) {
                to_resolve.push(placed);
            }
        }
        for (id, related) in to_resolve {
            self.resolve_links(id, &related, &mut batch);
        }
        batch.finish(self)
    }

    /// Places one page; returns its id and its related titles when they need resolving.
    fn insert(
        &mut self,
        card: Card,
        held: Option<Arc<Article>>,
        batch: &mut Batch,
    ) -> Option<(ArticleId, Vec<String>)> {
        let key = title_key(&card.title);
        let Some(ids) = self.by_title.get(&key) else {
            return Some(self.push(card, held, key));
        };
        let first = ids[0];
        if card.kind == Kind::Summary {
            return None;
        }
        // A summary-only article is only made for a title no page has, so it is alone.
        if self.entries[first.index()].kind == Kind::Summary {
            self.by_content
                .entry(card.content_hash)
                .or_default()
                .push(first);
            return Some(self.place(first, card, held));
        }
        let same = self.by_content.get(&card.content_hash).and_then(|ids| {
            ids.iter()
                .copied()
                .find(|&id| self.entries[id.index()].title == card.title)
        });
        if let Some(id) = same {
            self.merge_sources(id, &card.sources, batch);
            return None;
        }
        let other = self.source_of(first);
        let here = card.sources.first().cloned().unwrap_or_default();
        if self.report(&key, SAME_TITLE, first, batch) {
            batch.diagnostics.push(Diagnostic::at(
                &here,
                1,
                format!("same title as {other}, different text: both kept"),
            ));
        }
        Some(self.push(card, held, key))
    }

    /// The same page read again from other files: one article, every file named.
    fn merge_sources(&mut self, id: ArticleId, sources: &[String], batch: &mut Batch) {
        let existing = &mut self.entries[id.index()];
        let kept = existing.sources.first().cloned().unwrap_or_default();
        for source in sources {
            batch.diagnostics.push(Diagnostic::at(
                source,
                1,
                format!("same page as {kept}: kept that one"),
            ));
            if !existing.sources.contains(source) {
                existing.sources.push(source.clone());
            }
        }
        if let Body::Held(body) = &mut self.bodies[id.index()] {
            Arc::make_mut(body).sources = existing.sources.clone();
        }
        self.recent.forget(id);
    }

    /// A new article for `card`, filed under the folded title `key`.
    fn push(
        &mut self,
        card: Card,
        held: Option<Arc<Article>>,
        key: String,
    ) -> (ArticleId, Vec<String>) {
        let id = ArticleId(self.entries.len() as u32);
        self.by_title.entry(key).or_default().push(id);
        self.by_exact.entry(card.title.clone()).or_insert(id);
        if card.is_full() {
            self.by_content
                .entry(card.content_hash)
                .or_default()
                .push(id);
        }
        self.entries.push(Entry {
            kind: Kind::Summary,
            title: String::new(),
            title_derived: false,
            sources: Vec::new(),
            gist: String::new(),
        });
        self.bodies.push(Body::Reread(Origin::Held));
        self.bases.push(String::new());
        self.hashes.push(0);
        self.targets.push(Vec::new());
        self.cited_by.push(Vec::new());
        self.place(id, card, held)
    }

    /// Puts `card` at `id` (a new article, or a summary-only one replaced by its page): its
    /// entry, its key, and its body, held or left to be read again.
    fn place(
        &mut self,
        id: ArticleId,
        card: Card,
        held: Option<Arc<Article>>,
    ) -> (ArticleId, Vec<String>) {
        self.entries[id.index()] = Entry {
            kind: card.kind,
            title: card.title,
            title_derived: card.title_derived,
            sources: card.sources,
            gist: card.gist,
        };
        self.rekey(id, card.scraped_hash);
        self.recent.forget(id);
        self.bodies[id.index()] = match held {
            Some(body) => Body::Held(body),
            None => Body::Reread(card.origin),
        };
        (id, card.related)
    }

    /// A summary-only article for entry `n` of `citer`'s "Voir plus", which no page has: its
    /// body is what that entry says.
    fn push_stub(&mut self, title: &str, citer: ArticleId, n: usize) -> ArticleId {
        let card = Card::of(&Article {
            kind: Kind::Summary,
            ..Article::new(title)
        });
        let (id, _) = self.push(card, None, title_key(title));
        self.bodies[id.index()] = Body::Stub { citer, n };
        id
    }

    /// Files `id` under the slug of its title and the hash of its text.
    fn rekey(&mut self, id: ArticleId, hash: u64) {
        let base = slug(&self.entries[id.index()].title);
        self.hashes[id.index()] = hash;
        let old = std::mem::replace(&mut self.bases[id.index()], base.clone());
        if old == base {
            return;
        }
        if let Some(ids) = self.by_base.get_mut(&old) {
            ids.retain(|&other| other != id);
        }
        self.by_base.entry(base).or_default().push(id);
    }

    /// A file `id` was read from, or its id when it has none (an article from an export).
    fn source_of(&self, id: ArticleId) -> String {
        self.entries[id.index()]
            .sources
            .first()
            .cloned()
            .unwrap_or_else(|| self.key(id))
    }

    /// Counts a problem of `kind` about the title `key` (whose first article is `first`);
    /// whether it is one of the few said in full, the rest being counted in one line.
    fn report(&mut self, key: &str, kind: usize, first: ArticleId, batch: &mut Batch) -> bool {
        let counts = self.reported.entry(key.to_owned()).or_default();
        counts[kind] += 1;
        if counts[kind] <= REPORTED_IN_FULL {
            return true;
        }
        batch.count(first, kind);
        false
    }

    /// The article a title leads to: the only one, or among pages that fold alike the one
    /// with exactly this title, else the first loaded; with how many there were.
    fn best_match(&self, title: &str, ids: &[ArticleId]) -> (ArticleId, bool) {
        match ids {
            [only] => (*only, false),
            _ => match self.by_exact.get(title) {
                Some(&exact) if ids.contains(&exact) => (exact, true),
                _ => (ids[0], false),
            },
        }
    }

    /// Points every related entry of `id` at an article, creating summary-only ones as needed,
    /// and records the backlinks. Re-resolving (a summary replaced by its full page) first drops
    /// the backlinks the old links had made.
    fn resolve_links(&mut self, id: ArticleId, related: &[String], batch: &mut Batch) {
        for old in std::mem::take(&mut self.targets[id.index()]) {
            self.cited_by[old.index()].retain(|&citer| citer != id);
        }
        let mut targets = Vec::with_capacity(related.len());
        for (n, title) in related.iter().enumerate() {
            let key = title_key(title);
            let target = match self.by_title.get(&key) {
                Some(ids) if ids.len() > 1 => {
                    let (target, exact) = self.best_match(title, ids);
                    let count = ids.len();
                    let message = format!(
                        "\"Voir plus\" link \"{}\" matches {count} pages: led to {} ({})",
                        title,
                        self.source_of(target),
                        if exact { "same title" } else { "first loaded" },
                    );
                    let (first, here) = (ids[0], self.source_of(id));
                    if self.report(&key, AMBIGUOUS_LINK, first, batch) {
                        batch.diagnostics.push(Diagnostic::at(&here, 1, message));
                    }
                    target
                }
                Some(ids) => ids[0],
                None => self.push_stub(title, id, n),
            };
            if !self.cited_by[target.index()].contains(&id) {
                self.cited_by[target.index()].push(id);
            }
            targets.push(target);
        }
        self.targets[id.index()] = targets;
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
        match &self.bodies[id.index()] {
            Body::Held(body) => body.clone(),
            Body::Stub { citer, n } => {
                let citer = self.body(*citer);
                let entry = self.article(id);
                let mut stub = citer
                    .related
                    .get(*n)
                    .map_or_else(|| Article::new(&entry.title), Article::summary_of);
                stub.kind = Kind::Summary;
                Arc::new(stub)
            }
            Body::Reread(origin) => self.recent.get(id).unwrap_or_else(|| {
                let entry = self.article(id);
                let read = match self.reread {
                    Some(reread) => reread(origin),
                    None => Err("no reader".to_owned()),
                };
                let mut body = match read {
                    Ok(body) => body,
                    Err(why) => body::unreadable(&entry.title, &entry.sources, &why),
                };
                body.sources.clone_from(&entry.sources);
                let body = Arc::new(body);
                self.recent.put(id, body.clone());
                body
            }),
        }
    }

    /// The stable key of an article, its id in exports, on the command line and in saved state:
    /// the slug of its title, and when other articles' titles slug alike, a hash of its folded
    /// title and scraped text after it (`le-pecheur-et-la-mer-1f2e3d4c`). It depends on neither
    /// load order nor file names, so it names the same article in every run over the corpus.
    pub fn key(&self, id: ArticleId) -> String {
        let base = &self.bases[id.index()];
        let group = &self.by_base[base];
        if group.len() == 1 {
            return base.clone();
        }
        let short = |other: ArticleId| self.hashes[other.index()] as u32;
        let hash = short(id);
        // Two different texts whose hashes agree in 32 bits: the later loaded gets a count.
        let before = group
            .iter()
            .take_while(|&&other| other != id)
            .filter(|&&other| short(other) == hash)
            .count();
        match before {
            0 => format!("{base}-{hash:08x}"),
            n => format!("{base}-{hash:08x}-{}", n + 1),
        }
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
        self.by_title
            .get(&title_key(title))
            .map_or(&[], Vec::as_slice)
    }

    /// The article whose [`key`](Self::key) this is.
    pub fn find_key(&self, key: &str) -> Option<ArticleId> {
        if let Some([only]) = self.by_base.get(key).map(Vec::as_slice) {
            return Some(*only);
        }
        // The base is what comes before the hash (and its count, if any).
        let (mut base, mut hash) = key.rsplit_once('-')?;
        if !self.by_base.contains_key(base) {
            (base, hash) = base.rsplit_once('-')?;
        }
        let hash = u32::from_str_radix(hash, 16).ok()?;
        let ids = self.by_base.get(base).filter(|ids| ids.len() > 1)?;
        ids.iter()
            .copied()
            .filter(|&id| self.hashes[id.index()] as u32 == hash)
            .find(|&id| self.key(id) == key)
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

    pub fn full_count(&self) -> usize {
        self.entries.iter().filter(|a| a.is_full()).count()
    }
}

/// Two titles are the same when they fold equal with every space removed: spacing differs
/// between pages (`Vietnam–Laos`, `Vietnam – Laos`, words glued at line breaks).
fn title_key(title: &str) -> String {
    fold_compact(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_slugs_with_a_hash_only_where_slugs_meet() {
        let titles = ["« ! »", "Article 3", "漢", "字", "Article"];
        let (store, _) = Store::from_pages(titles.into_iter().map(Article::new).collect());
        let keys: Vec<String> = store.ids().map(|id| store.key(id)).collect();
        assert_eq!(keys[1], "article-3");
        for (n, key) in keys.iter().enumerate() {
            if n != 1 {
                assert!(key.starts_with("article-") && key.len() == "article-".len() + 8);
            }
            assert_eq!(store.find_key(key), Some(ArticleId(n as u32)), "{key}");
        }
        // Load order changes no key.
        let (reversed, _) = Store::from_pages(titles.into_iter().rev().map(Article::new).collect());
        let mut again: Vec<String> = reversed.ids().map(|id| reversed.key(id)).collect();
        again.reverse();
        assert_eq!(again, keys);
    }
}
