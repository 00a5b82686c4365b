//! What a batch changed, as the index must learn it: the pages to index (new, or with another
//! text) and the keys whose documents must go (a page removed from a live folder, or an article
//! whose key moved). A loading batch only adds, so it is told by what it appended; a live batch
//! can change or take away any article, so it is told by comparing every article's key and
//! fingerprint before and after.

use super::worker::Docs;
use crate::article::Article;
use crate::store::Store;

/// What the indexer is handed for one batch.
#[derive(Debug, Default)]
pub struct Lot {
    /// Keys indexed before whose documents must be deleted.
    pub gone: Vec<String>,
    /// Pages to index; one already indexed with the same fingerprint is skipped.
    pub docs: Docs,
}

impl Lot {
    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.docs.is_empty()
    }
}

/// The store as it was before a batch, enough to tell afterwards what the batch changed.
#[derive(Debug)]
pub struct Before {
    len: usize,
    titles: Vec<String>,
    /// For a live batch, each article's key and fingerprint (`None`: gone).
    indexed: Option<Vec<Option<(String, u64)>>>,
}

impl Before {
    /// Taken before a batch of `pages` is added, `live` when it also holds changes from a live
    /// folder (only then is every article's key read: a loading batch need not pay for it).
    pub fn of(store: &Store, pages: &[Article], live: bool) -> Before {
        Before {
            len: store.len(),
            titles: pages.iter().map(|p| p.title.clone()).collect(),
            indexed: live.then(|| store.ids().map(|id| indexed_as(store, id)).collect()),
        }
    }

    /// What the index must learn from the batch, `store` being the store after it.
    pub fn changes(&self, store: &Store) -> Lot {
        match &self.indexed {
            None => Lot {
                gone: Vec::new(),
                docs: changed_docs(store, self.len, &self.titles),
            },
            Some(before) => compared(store, before),
        }
    }
}

/// How the index knows article `id`: its key and fingerprint, `None` once it is gone.
fn indexed_as(store: &Store, id: crate::store::ArticleId) -> Option<(String, u64)> {
    (!store.is_gone(id)).then(|| (store.key(id), store.fingerprint(id)))
}

/// Every article whose key or fingerprint is not what it was: its old key goes when the key
/// moved (or the article is gone), its page is indexed again when it is still there.
fn compared(store: &Store, before: &[Option<(String, u64)>]) -> Lot {
    let mut lot = Lot::default();
    for id in store.ids() {
        let old = before.get(id.index()).cloned().flatten();
        let now = indexed_as(store, id);
        if old == now {
            continue;
        }
        if let Some((old_key, _)) = old
            && now.as_ref().is_none_or(|(key, _)| *key != old_key)
        {
            lot.gone.push(old_key);
        }
        if let Some((key, _)) = now {
            lot.docs.push((key, store.detached(id)));
        }
    }
    lot
}

/// The articles a loading batch added or changed: those past `before` (new pages and
/// summary-only articles) and those titled as one of its pages (a summary-only article the page
/// replaced).
fn changed_docs(store: &Store, before: usize, titles: &[String]) -> Docs {
    let mut ids: Vec<_> = store.ids().skip(before).collect();
    ids.extend(
        titles
            .iter()
            .flat_map(|t| store.find_titles(t).iter().copied())
            .filter(|id| id.index() < before),
    );
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .map(|id| (store.key(id), store.detached(id)))
        .collect()
}
