//! What the store says about titles that are not identities: the problems it counts per
//! title, and what makes two pages the same page (their text, not their folded title).

use foldhash::HashMap;

use super::Store;
use crate::diagnostic::Diagnostic;
use crate::store::ArticleId;

/// How many problems of one kind about one title are said in full before they are counted.
pub(super) const REPORTED_IN_FULL: usize = 3;
/// Kinds of problem counted per title.
pub(super) const SAME_TITLE: usize = 0;
pub(super) const AMBIGUOUS_LINK: usize = 1;

/// What one batch has to say: its diagnostics, and the problems counted rather than said, as
/// (first article of the title, kind, how many).
#[derive(Default)]
pub(super) struct Batch {
    pub(super) diagnostics: Vec<Diagnostic>,
    pub(super) more: Vec<(ArticleId, usize, usize)>,
    /// Where each (first article, kind) is in `more`.
    more_at: HashMap<(ArticleId, usize), usize>,
}

impl Batch {
    /// One more problem of `kind` about the title whose first article is `first`, counted.
    pub(super) fn count(&mut self, first: ArticleId, kind: usize) {
        let at = *self.more_at.entry((first, kind)).or_insert_with(|| {
            self.more.push((first, kind, 0));
            self.more.len() - 1
        });
        self.more[at].2 += 1;
    }

    pub(super) fn finish(mut self, store: &Store) -> Vec<Diagnostic> {
        for (first, kind, count) in self.more {
            let title = &store.article(first).title;
            let message = if kind == SAME_TITLE {
                format!("{count} more pages titled \"{title}\" with different text: all kept")
            } else {
                format!("{count} more \"Voir plus\" links to \"{title}\" match several pages")
            };
            let source = store.source_of(first);
            self.diagnostics.push(Diagnostic::at(&source, 1, message));
        }
        self.diagnostics
    }
}
