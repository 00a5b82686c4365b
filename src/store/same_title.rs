//! What the store says about titles that are not identities: the problems it counts per
//! title, and what makes two pages the same page (their text, not their folded title).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::Store;
use crate::article::Article;
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

/// A hash of what makes a page itself: its exact title and text, not where it was read.
pub(super) fn content_hash(page: &Article) -> u64 {
    let mut hasher = DefaultHasher::new();
    page.title.hash(&mut hasher);
    scraped(&page.raw_lead, &page.lead).hash(&mut hasher);
    scraped_paragraphs(page).hash(&mut hasher);
    page.signoff.hash(&mut hasher);
    for (n, photo) in page.photos.iter().enumerate() {
        (scraped_caption(page, n), &photo.credit).hash(&mut hasher);
    }
    for link in &page.related {
        (&link.title, &link.summary).hash(&mut hasher);
    }
    hasher.finish()
}

/// The same page: the same title and text (sources, warnings and repairs aside).
pub(super) fn same_text(a: &Article, b: &Article) -> bool {
    let captions = |p: &Article| -> Vec<(String, String)> {
        (p.photos.iter().enumerate())
            .map(|(n, photo)| (scraped_caption(p, n).to_owned(), photo.credit.clone()))
            .collect()
    };
    a.kind == b.kind
        && a.title == b.title
        && scraped(&a.raw_lead, &a.lead) == scraped(&b.raw_lead, &b.lead)
        && a.dateline == b.dateline
        && captions(a) == captions(b)
        && scraped_paragraphs(a) == scraped_paragraphs(b)
        && a.signoff == b.signoff
        && a.related == b.related
}

/// The text as scraped: the raw twin where the repair kept one. A page is compared as scraped,
/// since one copy may be repaired (read again) and the other not yet (just catalogued).
fn scraped<'a>(raw: &'a str, text: &'a str) -> &'a str {
    if raw.is_empty() { text } else { raw }
}

fn scraped_paragraphs(page: &Article) -> &[String] {
    if page.raw_paragraphs.is_empty() {
        &page.paragraphs
    } else {
        &page.raw_paragraphs
    }
}

fn scraped_caption(page: &Article, n: usize) -> &str {
    let caption = page.photos.get(n).map_or("", |p| p.caption.as_str());
    scraped(page.raw_captions.get(n).map_or("", String::as_str), caption)
}
