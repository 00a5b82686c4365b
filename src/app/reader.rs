//! The reading pane's state: the open article as a `Visit` (id, scroll row, highlighted link),
//! and the wrap cache keyed by (article, width). `update` fills the cache; drawing only reads
//! it, so a frame never wraps text.

use crate::article::Kind;
use crate::store::{ArticleId, Store};
use crate::wrap::{WrappedArticle, wrap_article};

use super::history::Visit;

/// Enough for going back and forth over a few articles without wrapping them again.
const CACHE_SIZE: usize = 8;

#[derive(Debug, Default)]
pub struct Reader {
    pub(super) view: Option<Visit>,
    /// Show paragraphs as scraped rather than repaired (a reading preference, kept across
    /// articles like `less` options).
    pub(super) raw: bool,
    /// Most recently used last.
    cache: Vec<(Stamp, WrappedArticle)>,
}

/// What an article's wrapped lines depend on besides its id and the width. New batches can
/// only upgrade a summary to its full page or add pages that cite it, and both change this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    kind: Kind,
    cited_by: usize,
}

impl Stamp {
    fn of(store: &Store, id: ArticleId) -> Self {
        Self {
            kind: store.article(id).kind,
            cited_by: store.cited_by(id).len(),
        }
    }
}

impl Reader {
    pub fn showing(view: Option<Visit>) -> Self {
        Self {
            view,
            raw: false,
            cache: Vec::new(),
        }
    }

    pub fn view(&self) -> Option<Visit> {
        self.view
    }

    pub fn raw(&self) -> bool {
        self.raw
    }

    /// The open article wrapped at `width`, if `update` has wrapped it.
    pub fn wrapped(&self, width: u16) -> Option<&WrappedArticle> {
        let id = self.view?.id;
        self.cache
            .iter()
            .rev()
            .map(|(_, wrapped)| wrapped)
            .find(|w| w.id == id && w.width == width && w.raw == self.raw)
    }

    /// Makes sure the open article is wrapped at `width`.
    pub(super) fn wrap(&mut self, store: &Store, width: u16) {
        let Some(Visit { id, .. }) = self.view else {
            return;
        };
        let width = width.max(1);
        let found = self
            .cache
            .iter()
            .position(|(_, w)| w.id == id && w.width == width && w.raw == self.raw);
        let entry = match found {
            Some(at) => self.cache.remove(at),
            None => (
                Stamp::of(store, id),
                wrap_article(store, id, width, self.raw),
            ),
        };
        self.cache.push(entry);
        if self.cache.len() > CACHE_SIZE {
            self.cache.remove(0);
        }
    }

    /// Forgets wrappings that a new batch made wrong.
    pub(super) fn drop_stale(&mut self, store: &Store) {
        self.cache
            .retain(|(stamp, wrapped)| *stamp == Stamp::of(store, wrapped.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, RelatedLink};

    #[test]
    fn the_cache_keeps_one_wrapping_per_article_and_width_and_drops_stale_ones() {
        let (mut store, _) = Store::from_pages(vec![Article::new("A")]);
        let mut reader = Reader {
            view: Some(Visit::new(ArticleId(0))),
            ..Reader::default()
        };
        reader.wrap(&store, 40);
        reader.wrap(&store, 40);
        reader.wrap(&store, 30);
        assert_eq!(reader.cache.len(), 2);
        assert!(reader.wrapped(40).is_some() && reader.wrapped(50).is_none());

        let mut citer = Article::new("B");
        citer.related.push(RelatedLink {
            title: "A".into(),
            summary: String::new(),
            photo: None,
        });
        store.add_batch(vec![citer]);
        reader.drop_stale(&store);
        assert!(reader.cache.is_empty());
    }
}
