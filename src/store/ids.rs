//! The articles filed under one title, slug or text: almost always one, so that one is held
//! in place and a list is made only when a second arrives. A warm start files ~90,000
//! articles three ways; one list each was 270,000 allocations, and a look-up read memory far
//! from the index to find the first id.

use std::ops::Deref;

use super::ArticleId;

#[derive(Debug, Clone, Default)]
pub(super) enum Ids {
    #[default]
    None,
    One(ArticleId),
    Many(Vec<ArticleId>),
}

impl Ids {
    pub(super) fn push(&mut self, id: ArticleId) {
        *self = match std::mem::take(self) {
            Ids::None => Ids::One(id),
            Ids::One(first) => Ids::Many(vec![first, id]),
            Ids::Many(mut ids) => {
                ids.push(id);
                Ids::Many(ids)
            }
        };
    }

    /// Keeps the ids for which `keep` holds, in order.
    pub(super) fn retain(&mut self, mut keep: impl FnMut(&ArticleId) -> bool) {
        match self {
            Ids::None => {}
            Ids::One(id) => {
                if !keep(id) {
                    *self = Ids::None;
                }
            }
            Ids::Many(ids) => ids.retain(keep),
        }
    }
}

impl Deref for Ids {
    type Target = [ArticleId];

    fn deref(&self) -> &[ArticleId] {
        match self {
            Ids::None => &[],
            Ids::One(id) => std::slice::from_ref(id),
            Ids::Many(ids) => ids,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_their_order_through_pushes_and_removals() {
        let mut ids = Ids::default();
        assert!(ids.is_empty());
        ids.push(ArticleId(7));
        assert_eq!(&*ids, &[ArticleId(7)]);
        ids.push(ArticleId(3));
        ids.push(ArticleId(9));
        assert_eq!(&*ids, &[ArticleId(7), ArticleId(3), ArticleId(9)]);
        ids.retain(|&id| id != ArticleId(3));
        assert_eq!(&*ids, &[ArticleId(7), ArticleId(9)]);
        let mut one = Ids::default();
        one.push(ArticleId(1));
        one.retain(|&id| id != ArticleId(1));
        assert!(one.is_empty());
    }
}
