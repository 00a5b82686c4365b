//! How the store follows a live folder. A page file changed in place keeps its article (same
//! id, links resolved again); one whose title changed is the old page removed and a new one
//! added. A removed file takes its page away: an article still cited becomes summary-only (what
//! its citer's entry says), one nothing cites is gone from every list, and summary-only
//! articles that only it cited go with it. Ids are never reused, so history stays valid.

use std::path::PathBuf;

use super::same_title::Batch;
use super::{ArticleId, Body, Store, title_key};
use crate::article::{Kind, Origin};
use crate::card::Card;
use crate::diagnostic::Diagnostic;
use crate::fold::slug;

/// What happened to one file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Added or changed: what it holds now.
    Page(Card),
    /// Removed (or no longer a page): its source name.
    Removed(String),
}

impl Store {
    /// Follows what happened in the folder, in order; says what it found.
    pub fn apply(&mut self, changes: Vec<Change>) -> Vec<Diagnostic> {
        let mut said = Vec::new();
        for change in changes {
            match change {
                Change::Page(card) => said.extend(self.update(card)),
                Change::Removed(path) => {
                    // A folder removed or moved away takes every page under it.
                    let under = format!("{path}/");
                    let sources: Vec<String> = (self.entries.iter())
                        .flat_map(|e| &e.sources)
                        .filter(|s| **s == path || s.starts_with(&under))
                        .cloned()
                        .collect();
                    for source in sources {
                        self.remove_source(&source);
                    }
                }
            }
        }
        said
    }

    /// The article read from `source`, if one still is.
    fn with_source(&self, source: &str) -> Option<ArticleId> {
        self.ids().find(|&id| {
            !self.is_gone(id) && self.entries[id.index()].sources.iter().any(|s| s == source)
        })
    }

    fn update(&mut self, mut card: Card) -> Vec<Diagnostic> {
        let source = card.sources.first().cloned().unwrap_or_default();
        if let Some(id) = self.with_source(&source) {
            let entry = &self.entries[id.index()];
            if entry.sources.len() == 1 && entry.is_full() && entry.title == card.title {
                for ids in self.by_content.values_mut() {
                    ids.retain(|&other| other != id);
                }
                self.by_content
                    .entry(card.content_hash)
                    .or_default()
                    .push(id);
                let old = self.targets[id.index()].clone();
                let keys = card.take_keys();
                let (id, links) = self.place(id, card, None, keys);
                let mut batch = Batch::default();
                self.resolve_links(id, &links, &mut batch);
                self.settle(&old);
                self.removals += 1;
                return batch.finish(self);
            }
            self.remove_source(&source);
        }
        self.add_cards(vec![(card, None)])
    }

    /// `source` no longer gives its page.
    fn remove_source(&mut self, source: &str) {
        let Some(id) = self.with_source(source) else {
            return;
        };
        self.forget_body(id);
        let entry = &mut self.entries[id.index()];
        entry.sources.retain(|s| s != source);
        if let Some(other) = entry.sources.first() {
            // Another file has the same page: read it from there.
            if let Body::Reread(Origin::File { path, .. }) = &self.bodies[id.index()]
                && path.display().to_string() == source
            {
                let path = PathBuf::from(other);
                self.bodies[id.index()] = Body::Reread(Origin::File {
                    path,
                    len: 0,
                    modified: None,
                });
            }
            return;
        }
        self.unlink(id);
        for ids in self.by_content.values_mut() {
            ids.retain(|&other| other != id);
        }
        match self.cited_by[id.index()].first().copied() {
            Some(citer) => self.make_stub(id, citer),
            None => self.bury(id),
        }
        self.removals += 1;
    }

    /// Drops the links of `id`; a summary-only article only it cited is gone with them.
    fn unlink(&mut self, id: ArticleId) {
        let old = std::mem::take(&mut self.targets[id.index()]);
        for &target in &old {
            self.cited_by[target.index()].retain(|&citer| citer != id);
        }
        self.settle(&old);
    }

    /// Summary-only articles among `targets` say what their first citer says now, and go when
    /// nothing cites them any more.
    fn settle(&mut self, targets: &[ArticleId]) {
        for &target in targets {
            if !matches!(self.bodies[target.index()], Body::Stub { .. }) || self.is_gone(target) {
                continue;
            }
            match self.cited_by[target.index()].first().copied() {
                Some(citer) => self.make_stub(target, citer),
                None => self.bury(target),
            }
        }
    }

    /// `id` becomes what `citer`'s entry for it says.
    fn make_stub(&mut self, id: ArticleId, citer: ArticleId) {
        let n = self.targets[citer.index()]
            .iter()
            .position(|&t| t == id)
            .unwrap_or(0);
        let entry = &mut self.entries[id.index()];
        entry.kind = Kind::Summary;
        entry.gist.clear();
        let stub = Card::stub(&entry.title, &title_key(&entry.title));
        let base = slug(&entry.title);
        self.bodies[id.index()] = Body::Stub { citer, n };
        self.rekey(id, stub.scraped_hash, base);
    }

    /// Takes `id` out of every list and title lookup (its key stays, so nothing else's moves).
    fn bury(&mut self, id: ArticleId) {
        self.gone[id.index()] = true;
        let entry = &mut self.entries[id.index()];
        entry.kind = Kind::Summary;
        let key = title_key(&entry.title);
        if let Some(ids) = self.by_title.get_mut(&key) {
            ids.retain(|&other| other != id);
            if ids.is_empty() {
                self.by_title.remove(&key);
            }
        }
    }
}
