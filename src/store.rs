//! The in-memory store: ids, the folded title index, link resolution and backlinks.
//!
//! It grows only by whole batches of pages (`add_batch`); between batches it is read-only.
//! An `ArticleId` never changes once given: a summary-only article is replaced in place when
//! its full page arrives, so every link and every history entry that points at it stays valid.

use std::collections::HashMap;

use crate::article::{Article, Kind};
use crate::diagnostic::Diagnostic;
use crate::fold::{fold, fold_compact, slug};

/// Index of an article in the store; stable for the life of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u32);

impl ArticleId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Default)]
pub struct Store {
    articles: Vec<Article>,
    /// Export id of each article (a slug of its title, made unique).
    slugs: Vec<String>,
    /// For each article, the target of each of its `related` entries, in order.
    targets: Vec<Vec<ArticleId>>,
    /// For each article, the articles whose related entries lead to it, in order of arrival.
    cited_by: Vec<Vec<ArticleId>>,
    by_title: HashMap<String, ArticleId>,
    by_slug: HashMap<String, ArticleId>,
    /// For each slug given more than once, the next suffix to try: without it, titles that all
    /// slug alike (ideograms, long shared openings) would each scan every suffix taken before
    /// them, quadratic in their number.
    next_suffix: HashMap<String, usize>,
}

impl Store {
    pub fn new() -> Self {
        Self::default()
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
    pub fn add_batch(&mut self, pages: Vec<Article>) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let mut to_resolve = Vec::new();
        for page in pages {
            if let Some(id) = self.insert(page, &mut diagnostics) {
                to_resolve.push(id);
            }
        }
        for id in to_resolve {
            self.resolve_links(id);
        }
        diagnostics
    }

    /// Places one page; returns its id when its links need resolving.
    fn insert(&mut self, page: Article, diagnostics: &mut Vec<Diagnostic>) -> Option<ArticleId> {
        let key = title_key(&page.title);
        let Some(&id) = self.by_title.get(&key) else {
            return Some(self.push(page, key));
        };
        let existing = &mut self.articles[id.index()];
        match (existing.kind, page.kind) {
            (Kind::Summary, Kind::Full) => {
                *existing = page;
                Some(id)
            }
            (Kind::Full, Kind::Full) => {
                let kept = existing.sources.first().cloned().unwrap_or_default();
                for source in &page.sources {
                    diagnostics.push(Diagnostic::at(
                        source,
                        1,
                        format!("same page as {kept}: kept that one"),
                    ));
                    if !existing.sources.contains(source) {
                        existing.sources.push(source.clone());
                    }
                }
                None
            }
            (_, Kind::Summary) => None,
        }
    }

    fn push(&mut self, article: Article, key: String) -> ArticleId {
        let id = ArticleId(self.articles.len() as u32);
        let slug = self.unique_slug(&article.title);
        self.by_slug.insert(slug.clone(), id);
        self.by_title.insert(key, id);
        self.slugs.push(slug);
        self.articles.push(article);
        self.targets.push(Vec::new());
        self.cited_by.push(Vec::new());
        id
    }

    /// The title's slug, or with the smallest free suffix `-2`, `-3`… Slugs are never given
    /// back, so every suffix below `next_suffix` is still taken and the search starts there.
    fn unique_slug(&mut self, title: &str) -> String {
        let base = slug(title);
        if !self.by_slug.contains_key(&base) {
            return base;
        }
        let next = self.next_suffix.entry(base.clone()).or_insert(2);
        loop {
            let candidate = format!("{base}-{next}");
            *next += 1;
            if !self.by_slug.contains_key(&candidate) {
                return candidate;
            }
        }
    }

    /// Points every related entry of `id` at an article, creating summary-only ones as needed,
    /// and records the backlinks. Re-resolving (a summary replaced by its full page) first drops
    /// the backlinks the old links had made.
    fn resolve_links(&mut self, id: ArticleId) {
        for old in std::mem::take(&mut self.targets[id.index()]) {
            self.cited_by[old.index()].retain(|&citer| citer != id);
        }
        let mut targets = Vec::with_capacity(self.articles[id.index()].related.len());
        for n in 0..self.articles[id.index()].related.len() {
            let link = &self.articles[id.index()].related[n];
            let key = title_key(&link.title);
            let target = match self.by_title.get(&key) {
                Some(&target) => target,
                None => {
                    let stub = Article::summary_of(link);
                    self.push(stub, key)
                }
            };
            if !self.cited_by[target.index()].contains(&id) {
                self.cited_by[target.index()].push(id);
            }
            targets.push(target);
        }
        self.targets[id.index()] = targets;
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every id, in store order (pages in load order, then summary-only articles as created).
    pub fn ids(&self) -> impl ExactSizeIterator<Item = ArticleId> + '_ {
        (0..self.articles.len() as u32).map(ArticleId)
    }

    pub fn article(&self, id: ArticleId) -> &Article {
        &self.articles[id.index()]
    }

    pub fn get(&self, id: ArticleId) -> Option<&Article> {
        self.articles.get(id.index())
    }

    /// The export id (slug) of an article.
    pub fn slug(&self, id: ArticleId) -> &str {
        &self.slugs[id.index()]
    }

    /// The targets of `id`'s related entries, parallel to `article(id).related`.
    pub fn targets(&self, id: ArticleId) -> &[ArticleId] {
        &self.targets[id.index()]
    }

    /// The articles that list `id` in their "Voir plus".
    pub fn cited_by(&self, id: ArticleId) -> &[ArticleId] {
        &self.cited_by[id.index()]
    }

    pub fn find_title(&self, title: &str) -> Option<ArticleId> {
        self.by_title.get(&title_key(title)).copied()
    }

    pub fn find_slug(&self, slug: &str) -> Option<ArticleId> {
        self.by_slug.get(slug).copied()
    }

    /// An id or a title, as a user types it on the command line.
    pub fn lookup(&self, id_or_title: &str) -> Option<ArticleId> {
        self.find_slug(id_or_title.trim())
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
                let title = fold(&self.article(id).title);
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
        self.articles.iter().filter(|a| a.is_full()).count()
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
    fn suffixes_are_the_smallest_free_ones_in_load_order() {
        let titles = ["« ! »", "Article 3", "漢", "字", "Article", "Article 2"];
        let (store, _) = Store::from_pages(titles.into_iter().map(Article::new).collect());
        let slugs: Vec<&str> = store.ids().map(|id| store.slug(id)).collect();
        assert_eq!(
            slugs,
            [
                "article",
                "article-3",
                "article-2",
                "article-4",
                "article-5",
                "article-2-2"
            ]
        );
    }
}
