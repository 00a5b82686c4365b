//! How the store grows: batches of pages or cards take their places (a summary-only article
//! replaced by its page in place, the same page twice merged, same-titled pages both kept), then
//! their "Voir plus" entries are resolved, creating summary-only articles for titles no page has.

use std::sync::Arc;

use super::same_title::{AMBIGUOUS_LINK, Batch, REPORTED_IN_FULL, SAME_TITLE};
use super::{ArticleId, Body, Entry, Store};
use crate::article::{Article, Kind, Origin};
use crate::card::{Card, Keys};
use crate::diagnostic::Diagnostic;
use crate::fold::slug;

/// A placed page's "Voir plus" titles, and their folded titles, to resolve.
pub(super) struct Links {
    titles: Vec<String>,
    keys: Vec<String>,
}

impl Store {
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
        self.reserve(cards.len());
        let mut to_resolve = Vec::with_capacity(cards.len());
        for (card, held) in cards {
            if let Some(placed) = self.insert(card, held, &mut batch) {
                to_resolve.push(placed);
            }
        }
        for (id, links) in to_resolve {
            self.resolve_links(id, &links, &mut batch);
        }
        batch.finish(self)
    }

    /// Room for `n` more articles, made once rather than by doubling: a grown title index
    /// hashes every folded title again.
    fn reserve(&mut self, n: usize) {
        self.entries.reserve(n);
        self.bodies.reserve(n);
        self.bases.reserve(n);
        self.hashes.reserve(n);
        self.targets.reserve(n);
        self.cited_by.reserve(n);
        self.gone.reserve(n);
        self.contents.reserve(n);
        self.by_title.reserve(n);
        self.by_content.reserve(n);
        self.by_base.reserve(n);
    }

    /// Places one page; returns its id and its links when they need resolving.
    fn insert(
        &mut self,
        mut card: Card,
        held: Option<Arc<Article>>,
        batch: &mut Batch,
    ) -> Option<(ArticleId, Links)> {
        let keys = card.take_keys();
        let Some(ids) = self.by_title.get(&keys.title) else {
            return Some(self.push(card, held, keys));
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
            return Some(self.place(first, card, held, keys));
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
        if self.report(&keys.title, SAME_TITLE, first, batch) {
            batch.diagnostics.push(Diagnostic::at(
                &here,
                1,
                format!("same title as {other}, different text: both kept"),
            ));
        }
        Some(self.push(card, held, keys))
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
        self.forget_body(id);
    }

    /// A new article for `card`, filed under its folded title.
    fn push(
        &mut self,
        card: Card,
        held: Option<Arc<Article>>,
        mut keys: Keys,
    ) -> (ArticleId, Links) {
        let id = ArticleId(self.entries.len() as u32);
        let key = std::mem::take(&mut keys.title);
        self.by_title.entry(key).or_default().push(id);
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
        self.bases.push(Arc::from(""));
        self.hashes.push(0);
        self.targets.push(Vec::new());
        self.cited_by.push(Vec::new());
        self.gone.push(false);
        self.contents.push(0);
        self.place(id, card, held, keys)
    }

    /// Puts `card` at `id` (a new article, or a summary-only one replaced by its page): its
    /// entry, its key, and its body, held or left to be read again.
    /// `keys` are the card's (its title key is not used: the caller filed it).
    pub(super) fn place(
        &mut self,
        id: ArticleId,
        card: Card,
        held: Option<Arc<Article>>,
        keys: Keys,
    ) -> (ArticleId, Links) {
        self.entries[id.index()] = Entry {
            kind: card.kind,
            title: card.title,
            title_derived: card.title_derived,
            sources: card.sources,
            gist: card.gist,
        };
        self.rekey(id, card.scraped_hash, keys.base);
        self.contents[id.index()] = card.content_hash;
        self.forget_body(id);
        self.bodies[id.index()] = match held {
            Some(body) => Body::Held(body),
            None => Body::Reread(card.origin),
        };
        let links = Links {
            titles: card.related,
            keys: keys.related,
        };
        (id, links)
    }

    /// A summary-only article for entry `n` of `citer`'s "Voir plus", which no page has: its
    /// body is what that entry says.
    fn push_stub(&mut self, title: &str, key: String, citer: ArticleId, n: usize) -> ArticleId {
        let card = Card::stub(title, &key);
        let keys = Keys {
            title: key,
            base: slug(title),
            related: Vec::new(),
        };
        let (id, _) = self.push(card, None, keys);
        self.bodies[id.index()] = Body::Stub { citer, n };
        id
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

    /// Points every related entry of `id` at an article, creating summary-only ones as needed,
    /// and records the backlinks. Re-resolving (a summary replaced by its full page) first drops
    /// the backlinks the old links had made.
    pub(super) fn resolve_links(&mut self, id: ArticleId, links: &Links, batch: &mut Batch) {
        for old in std::mem::take(&mut self.targets[id.index()]) {
            self.cited_by[old.index()].retain(|&citer| citer != id);
        }
        let mut targets = Vec::with_capacity(links.titles.len());
        for (n, (title, key)) in links.titles.iter().zip(&links.keys).enumerate() {
            let target = match self.by_title.get(key) {
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
                    if self.report(key, AMBIGUOUS_LINK, first, batch) {
                        batch.diagnostics.push(Diagnostic::at(&here, 1, message));
                    }
                    target
                }
                Some(ids) => ids[0],
                None => self.push_stub(title, key.clone(), id, n),
            };
            // `id` was taken out of every old target's citers above, so it is among a target's
            // citers only if an earlier entry of this loop led there too: a look at the few
            // targets so far, not at the citers of a page cited by thousands.
            if !targets.contains(&target) {
                self.cited_by[target.index()].push(id);
            }
            targets.push(target);
        }
        self.targets[id.index()] = targets;
    }
}
