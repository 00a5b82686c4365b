//! The reading pane's state: the open article as a `Visit` (id, anchor, highlighted link), and
//! the wrap cache keyed by (article, width). The cache is a memo, not state: asking for the
//! open article at a width wraps it once, so a burst of resizes costs one wrap, at the last
//! size, when the frame is drawn. The row shown at the top is derived from the anchor.

use std::cell::RefCell;
use std::rc::Rc;

use crate::article::Kind;
use crate::document::document;
use crate::store::{ArticleId, Store};
use crate::strings::Lang;
use crate::wrap::{WrappedArticle, wrap_document};

use super::geometry::{clamp_top, keep_in_view, max_top};
use super::history::Visit;

/// The cache holds at most this many wrappings…
const CACHE_ENTRIES: usize = 8;
/// …and this many bytes of them, so a huge page is not kept in several copies.
const CACHE_BYTES: usize = 16 << 20;

#[derive(Debug, Default)]
pub struct Reader {
    pub(super) view: Option<Visit>,
    /// Show paragraphs as scraped rather than repaired (a reading preference, kept across
    /// articles like `less` options).
    pub(super) raw: bool,
    /// Most recently used last, each with its size in bytes.
    cache: RefCell<Vec<(Stamp, usize, Rc<WrappedArticle>)>>,
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
            ..Self::default()
        }
    }

    pub fn view(&self) -> Option<Visit> {
        self.view
    }

    pub fn raw(&self) -> bool {
        self.raw
    }

    /// The open article wrapped at `width`, from the cache or wrapped now.
    pub fn wrapped(&self, store: &Store, width: u16, lang: Lang) -> Option<Rc<WrappedArticle>> {
        let id = self.view?.id;
        let width = width.max(1);
        let mut cache = self.cache.borrow_mut();
        let found = cache
            .iter()
            .position(|(_, _, w)| w.id == id && w.width == width && w.raw == self.raw);
        let entry = match found {
            Some(at) => cache.remove(at),
            None => {
                let body = store.body(id);
                let doc = document(store, &body, id, self.raw);
                let wrapped = wrap_document(&doc, width, lang);
                (Stamp::of(store, id), wrapped.bytes(), Rc::new(wrapped))
            }
        };
        let wrapped = Rc::clone(&entry.2);
        cache.push(entry);
        let mut bytes: usize = cache.iter().map(|(_, bytes, _)| bytes).sum();
        while cache.len() > 1 && (cache.len() > CACHE_ENTRIES || bytes > CACHE_BYTES) {
            bytes -= cache.remove(0).1;
        }
        Some(wrapped)
    }

    /// How many wrappings the cache holds.
    pub fn cached(&self) -> usize {
        self.cache.borrow().len()
    }

    /// Forgets wrappings that a new batch made wrong.
    pub(super) fn drop_stale(&mut self, store: &Store) {
        self.cache
            .get_mut()
            .retain(|(stamp, _, wrapped)| *stamp == Stamp::of(store, wrapped.id));
    }
}

/// The row shown at the top for `visit` in a view `height` rows tall: the row of its anchor
/// (or the last screenful when it is at the end), moved as little as needed to keep the
/// highlighted link in view.
pub fn top_row(visit: &Visit, wrapped: &WrappedArticle, height: usize) -> usize {
    let len = wrapped.lines.len();
    let last = max_top(len, height);
    let row = if visit.at_end {
        last
    } else {
        wrapped.row_of(visit.top).min(last)
    };
    match visit.link.and_then(|n| wrapped.link_span(n)) {
        Some(span) => clamp_top(keep_in_view(row, span, height), len, height),
        None => row,
    }
}

/// Whether link `n` shows in a view `height` rows tall starting at `top`: the rule `top_row`
/// keeps to, so a highlight that is in view never moves the view.
pub fn link_in_view(wrapped: &WrappedArticle, n: usize, top: usize, height: usize) -> bool {
    wrapped
        .link_span(n)
        .is_some_and(|span| height > 0 && keep_in_view(top, span, height) == top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, RelatedLink};

    #[test]
    fn the_cache_keeps_one_wrapping_per_article_and_width_and_drops_stale_ones() {
        let (mut store, _) = Store::from_pages(vec![Article::new("A")]);
        let mut reader = Reader::showing(Some(Visit::new(ArticleId(0))));
        let first = reader.wrapped(&store, 40, Lang::Fr).unwrap();
        let again = reader.wrapped(&store, 40, Lang::Fr).unwrap();
        assert!(Rc::ptr_eq(&first, &again), "wrapped once");
        reader.wrapped(&store, 30, Lang::Fr);
        assert_eq!(reader.cache.borrow().len(), 2);

        let mut citer = Article::new("B");
        citer.related.push(RelatedLink {
            title: "A".into(),
            summary: String::new(),
            photo: None,
        });
        store.add_batch(vec![citer]);
        reader.drop_stale(&store);
        assert!(reader.cache.borrow().is_empty());
    }

    #[test]
    fn a_huge_page_is_cached_once_not_per_width() {
        let mut page = Article::new("A");
        page.paragraphs = vec!["mot ".repeat(400_000)];
        let store = Store::from_pages(vec![page]).0;
        let reader = Reader::showing(Some(Visit::new(ArticleId(0))));
        for width in 40..50 {
            reader.wrapped(&store, width, Lang::Fr);
        }
        let cache = reader.cache.borrow();
        let bytes: usize = cache.iter().map(|(_, bytes, _)| bytes).sum();
        assert!(cache.len() < 10 && bytes <= CACHE_BYTES.max(cache[0].1));
    }
}
