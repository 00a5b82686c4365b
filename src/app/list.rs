//! The article list as a view: which articles it shows, in which order. Rows are positions in
//! this view, never store ids, so search results, filters and sorted or starred-only lists are
//! other views of the same kind.

use crate::store::{ArticleId, Store};

/// What the view holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Every article, in store order; it grows with the store.
    All,
    /// A fixed set chosen elsewhere (search results), in their own order.
    Chosen,
}

#[derive(Debug, Clone)]
pub struct ListView {
    filter: Filter,
    ids: Vec<ArticleId>,
    /// The row of each article by id, `u32::MAX` for articles not in the view.
    rows: Vec<u32>,
    /// The store's count of removals when the view last looked.
    removals: usize,
}

const ABSENT: u32 = u32::MAX;

impl ListView {
    /// Every article of the store.
    pub fn all(store: &Store) -> Self {
        let mut view = Self {
            filter: Filter::All,
            ids: Vec::new(),
            rows: Vec::new(),
            removals: store.removals(),
        };
        view.refresh(store);
        view
    }

    /// These articles, in this order (ids the store does not have are left out).
    pub fn chosen(store: &Store, ids: impl IntoIterator<Item = ArticleId>) -> Self {
        let mut view = Self {
            filter: Filter::Chosen,
            ids: Vec::new(),
            rows: vec![ABSENT; store.len()],
            removals: store.removals(),
        };
        for id in ids {
            if id.index() < store.len() && view.rows[id.index()] == ABSENT && !store.is_gone(id) {
                view.rows[id.index()] = view.ids.len() as u32;
                view.ids.push(id);
            }
        }
        view
    }

    /// Takes in articles the store gained since (a new batch): the whole view grows at its
    /// end, so every row keeps its article; a chosen view stays as chosen. Articles taken away
    /// (a live folder) leave every view, the rows after them moving up.
    pub fn refresh(&mut self, store: &Store) {
        if self.removals != store.removals() {
            self.removals = store.removals();
            self.ids.retain(|&id| !store.is_gone(id));
            self.rows.iter_mut().for_each(|row| *row = ABSENT);
            for (row, id) in self.ids.iter().enumerate() {
                self.rows[id.index()] = row as u32;
            }
        }
        let known = self.rows.len();
        self.rows.resize(store.len(), ABSENT);
        if self.filter == Filter::All {
            for id in store.ids().skip(known).filter(|&id| !store.is_gone(id)) {
                self.rows[id.index()] = self.ids.len() as u32;
                self.ids.push(id);
            }
        }
    }

    pub fn filter(&self) -> Filter {
        self.filter
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The article on row `row`.
    pub fn id(&self, row: usize) -> Option<ArticleId> {
        self.ids.get(row).copied()
    }

    /// The row of an article, if the view shows it.
    pub fn row_of(&self, id: ArticleId) -> Option<usize> {
        match self.rows.get(id.index()) {
            Some(&row) if row != ABSENT => Some(row as usize),
            _ => None,
        }
    }

    pub fn ids(&self) -> &[ArticleId] {
        &self.ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn the_whole_view_grows_with_the_store_and_a_chosen_one_keeps_its_order() {
        let (mut store, _) = Store::from_pages(vec![Article::new("A"), Article::new("B")]);
        let mut all = ListView::all(&store);
        let mut chosen = ListView::chosen(&store, [ArticleId(1), ArticleId(9), ArticleId(1)]);
        store.add_batch(vec![Article::new("C")]);
        all.refresh(&store);
        chosen.refresh(&store);
        assert_eq!(all.ids(), [ArticleId(0), ArticleId(1), ArticleId(2)]);
        assert_eq!(chosen.ids(), [ArticleId(1)]);
        assert_eq!(
            (chosen.row_of(ArticleId(1)), chosen.row_of(ArticleId(0))),
            (Some(0), None)
        );
        assert_eq!(all.row_of(ArticleId(2)), Some(2));
        assert_eq!(chosen.id(1), None);
    }
}
