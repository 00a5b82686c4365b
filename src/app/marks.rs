//! Read marks and stars as the app holds them: by article key for everything saved (articles
//! not loaded, or not in this corpus at all, are kept, never dropped), and by id for the
//! articles in the store, with the unread count kept as they change. Keys are the store's
//! (`Store::key`, `Store::find_key`), asked when a mark is looked up or saved, not copied.
//! Changes go to an outbox that `update` turns into `Effect::Save`s, and onto an undo stack.
//! Also the session (open article and history) as places to save, and back from them.

use std::collections::HashMap;

use crate::state::{Change, Mark, Place, Position, Session};
use crate::store::{ArticleId, Store};
use crate::wrap::Anchor;

use super::history::{History, Visit};

/// How many mark changes `z` can undo.
const UNDO_DEPTH: usize = 256;

#[derive(Debug, Default)]
pub struct Marks {
    /// Every article's marks by key: those saved and those changed since.
    by_key: HashMap<String, Mark>,
    by_id: Vec<Mark>,
    unread: usize,
    /// Each article's marks before a change, the latest last.
    undo: Vec<(ArticleId, Mark)>,
    outbox: Vec<Change>,
    /// The article last opened: opening marks it read once, so `m` on it sticks.
    seen: Option<ArticleId>,
}

impl Marks {
    pub fn new(saved: HashMap<String, Mark>) -> Self {
        Self {
            by_key: saved,
            ..Self::default()
        }
    }

    /// Takes in the articles the store gained. A new article whose slug an older one has
    /// changes the older one's key (both get a hash): that one is looked up again.
    pub fn attach(&mut self, store: &Store) {
        let known = self.by_id.len();
        for id in store.ids().skip(known) {
            let mark = self.saved(store, id);
            self.unread += usize::from(!mark.read);
            self.by_id.push(mark);
        }
        for id in store.ids().skip(known) {
            let twins: Vec<ArticleId> = (store.same_slug(id).iter().copied())
                .filter(|twin| twin.index() < known)
                .collect();
            for twin in twins {
                let mark = self.saved(store, twin);
                self.count(self.by_id[twin.index()], mark);
                self.by_id[twin.index()] = mark;
            }
        }
    }

    /// The marks saved under `id`'s key (none saved: no key is made).
    fn saved(&self, store: &Store, id: ArticleId) -> Mark {
        if self.by_key.is_empty() {
            return Mark::default();
        }
        self.by_key.get(&store.key(id)).copied().unwrap_or_default()
    }

    fn count(&mut self, before: Mark, after: Mark) {
        self.unread = self.unread + usize::from(!after.read) - usize::from(!before.read);
    }

    pub fn mark(&self, id: ArticleId) -> Mark {
        self.by_id.get(id.index()).copied().unwrap_or_default()
    }

    /// Articles of the store not read.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// Starred articles, in store order.
    pub fn starred(&self) -> impl Iterator<Item = ArticleId> + '_ {
        (0..self.by_id.len() as u32)
            .map(ArticleId)
            .filter(|id| self.mark(*id).starred)
    }

    /// Gives an article these marks, remembering the old ones for `undo`. False when they
    /// were already so.
    pub fn set(&mut self, store: &Store, id: ArticleId, mark: Mark) -> bool {
        let before = self.mark(id);
        if !self.replace(store, id, mark) {
            return false;
        }
        if self.undo.len() == UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push((id, before));
        true
    }

    /// Sets the marks and queues what changed for saving; no undo step.
    fn replace(&mut self, store: &Store, id: ArticleId, mark: Mark) -> bool {
        let before = self.mark(id);
        if before == mark || id.index() >= self.by_id.len() {
            return false;
        }
        let key = store.key(id);
        if before.read != mark.read {
            self.outbox.push(Change::Read {
                key: key.clone(),
                read: mark.read,
            });
        }
        if before.starred != mark.starred {
            self.outbox.push(Change::Star {
                key: key.clone(),
                starred: mark.starred,
            });
        }
        self.count(before, mark);
        self.by_id[id.index()] = mark;
        self.by_key.insert(key, mark);
        true
    }

    /// Puts back the marks before the last change; the article it was about.
    pub fn undo(&mut self, store: &Store) -> Option<ArticleId> {
        let (id, before) = self.undo.pop()?;
        self.replace(store, id, before);
        Some(id)
    }

    /// An article opened: read, the first time it is opened in a row.
    pub fn opened(&mut self, store: &Store, id: ArticleId) {
        if self.seen == Some(id) {
            return;
        }
        self.seen = Some(id);
        let mark = self.mark(id);
        if !mark.read {
            self.set(store, id, Mark { read: true, ..mark });
        }
    }

    /// Changes waiting to be saved, oldest first.
    pub fn take_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.outbox)
    }

    /// A visit as saved.
    pub fn place(store: &Store, visit: &Visit) -> Place {
        Place {
            key: store.key(visit.id),
            position: Position {
                block: visit.top.block,
                offset: visit.top.offset,
                at_end: visit.at_end,
                link: visit.link.and_then(|n| u32::try_from(n).ok()),
            },
        }
    }

    /// The session to save: the open visit and the history around it.
    pub fn session(store: &Store, current: &Visit, history: &History) -> Session {
        let (back, forward) = history.visits();
        Session {
            current: Self::place(store, current),
            back: back.iter().map(|v| Self::place(store, v)).collect(),
            forward: forward.iter().map(|v| Self::place(store, v)).collect(),
        }
    }

    /// A saved place as a visit, if its article is in the store.
    pub fn visit(store: &Store, place: &Place) -> Option<Visit> {
        let p = place.position;
        Some(Visit {
            id: store.find_key(&place.key)?,
            top: Anchor {
                block: p.block,
                offset: p.offset,
            },
            at_end: p.at_end,
            link: p.link.map(|n| n as usize),
        })
    }

    /// A saved session as the open visit and its history; places whose article is not in the
    /// store are left out (they stay saved).
    pub fn restore(store: &Store, session: &Session) -> Option<(Visit, History)> {
        let current = Self::visit(store, &session.current)?;
        let visits = |places: &[Place]| {
            places
                .iter()
                .filter_map(|p| Self::visit(store, p))
                .collect()
        };
        Some((
            current,
            History::from_visits(visits(&session.back), visits(&session.forward)),
        ))
    }
}
