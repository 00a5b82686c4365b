//! Browser-like history of visits: each remembers its article, the place in it (an anchor,
//! never a row, so another width finds the same sentence) and the highlighted link. Holds no
//! current visit itself: the reader owns that, and hands it over on every move.

use crate::store::ArticleId;
use crate::wrap::Anchor;

/// One look at an article, as it should be restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub id: ArticleId,
    /// Where the first line shown starts.
    pub top: Anchor,
    /// Scrolled to the very end: kept there whatever the size (the last lines stay in view).
    pub at_end: bool,
    /// Highlighted link, counted from 0 in on-screen order.
    pub link: Option<usize>,
}

impl Visit {
    /// A fresh visit: top of the article, nothing highlighted.
    pub fn new(id: ArticleId) -> Self {
        Self {
            id,
            top: Anchor::default(),
            at_end: false,
            link: None,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<Visit>,
    forward: Vec<Visit>,
}

impl History {
    /// Leaving `current` for a new article: it becomes the way back, and the old forward
    /// branch is gone, as in a browser.
    pub fn leave(&mut self, current: Visit) {
        self.back.push(current);
        self.forward.clear();
    }

    /// The visit before `current`, which is kept for `forward`.
    pub fn back(&mut self, current: Visit) -> Option<Visit> {
        let previous = self.back.pop()?;
        self.forward.push(current);
        Some(previous)
    }

    /// The visit after `current`, which is kept for `back`.
    pub fn forward(&mut self, current: Visit) -> Option<Visit> {
        let next = self.forward.pop()?;
        self.back.push(current);
        Some(next)
    }

    /// A history as saved: `back` oldest first, `forward` farthest first.
    pub fn from_visits(back: Vec<Visit>, forward: Vec<Visit>) -> Self {
        Self { back, forward }
    }

    /// The visits behind (oldest first) and ahead (farthest first), to be saved.
    pub fn visits(&self) -> (&[Visit], &[Visit]) {
        (&self.back, &self.forward)
    }

    /// How many steps back are possible.
    pub fn depth(&self) -> usize {
        self.back.len()
    }

    /// How many steps forward are possible.
    pub fn ahead(&self) -> usize {
        self.forward.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(n: u32, offset: usize) -> Visit {
        Visit {
            top: Anchor::new(1, offset),
            link: Some(n as usize),
            ..Visit::new(ArticleId(n))
        }
    }

    #[test]
    fn back_and_forward_walk_the_same_path() {
        let mut history = History::default();
        history.leave(visit(0, 5));
        history.leave(visit(1, 7));
        assert_eq!(history.back(visit(2, 0)), Some(visit(1, 7)));
        assert_eq!(history.back(visit(1, 7)), Some(visit(0, 5)));
        assert_eq!(history.back(visit(0, 5)), None);
        assert_eq!(history.forward(visit(0, 5)), Some(visit(1, 7)));
        assert_eq!((history.depth(), history.ahead()), (1, 1));
    }

    #[test]
    fn leaving_from_the_middle_drops_the_forward_branch() {
        let mut history = History::default();
        history.leave(visit(0, 0));
        history.back(visit(1, 0));
        history.leave(visit(0, 3));
        assert_eq!(history.ahead(), 0);
        assert_eq!(history.forward(visit(2, 0)), None);
    }
}
