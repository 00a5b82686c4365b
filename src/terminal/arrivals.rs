//! Batches of a loading corpus waiting their turn: the event loop hands the store one part of
//! at most [`PART_CARDS`] cards per turn, and answers every key queued meanwhile first, so that
//! a key typed while a warm corpus pours in (thousands of cards a frame, none of them parsed)
//! waits for one small part, not for the whole flood.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::app::{Batch, Progress};

/// Cards per part: ~0.5 ms of the store's work at a warm start (~30 µs a card).
const PART_CARDS: usize = 16;
/// While parts keep coming, the screen is drawn at most this often (a key draws at once).
const FRAME: Duration = Duration::from_millis(16);

#[derive(Default)]
pub struct Arrivals {
    waiting: VecDeque<Batch>,
    drawn_at: Option<Instant>,
}

impl Arrivals {
    pub fn push(&mut self, batch: Batch) {
        self.waiting.push_back(batch);
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// The next part: the first batch whole when it is small, else its first cards (the gauge
    /// moved on by as many files), the rest kept for the next turn.
    pub fn next_part(&mut self) -> Option<Batch> {
        let batch = self.waiting.front_mut()?;
        if batch.cards.len() <= PART_CARDS {
            return self.waiting.pop_front();
        }
        let rest = batch.cards.len() - PART_CARDS;
        let cards = batch.cards.drain(..PART_CARDS).collect();
        // Each card is one file; the files that gave none are counted with the last part.
        let progress = (batch.progress).map(|p| Progress {
            done: p.done.saturating_sub(rest),
            total: p.total,
        });
        Some(Batch {
            cards,
            pages: std::mem::take(&mut batch.pages),
            diagnostics: std::mem::take(&mut batch.diagnostics),
            changes: Vec::new(),
            progress,
        })
    }

    /// Whether a change the parts made is to be drawn now: always once none is waiting, and
    /// at most once a frame while they keep coming.
    pub fn draw_due(&mut self) -> bool {
        let due = self.is_empty() || self.drawn_at.is_none_or(|at| at.elapsed() >= FRAME);
        if due {
            self.drawn_at = Some(Instant::now());
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::card::Card;

    fn batch(cards: usize, done: usize) -> Batch {
        Batch {
            cards: (0..cards)
                .map(|n| Card::of(&Article::new(format!("Titre {n}"))))
                .collect(),
            progress: Some(Progress { done, total: 1000 }),
            ..Batch::default()
        }
    }

    #[test]
    fn a_large_batch_comes_in_parts_in_order_and_the_gauge_ends_where_it_said() {
        let mut arrivals = Arrivals::default();
        arrivals.push(batch(40, 540));
        arrivals.push(batch(3, 543));
        let mut titles = Vec::new();
        let mut gauges = Vec::new();
        while let Some(part) = arrivals.next_part() {
            assert!(part.cards.len() <= PART_CARDS);
            titles.extend(part.cards.into_iter().map(|c| c.title));
            gauges.push(part.progress.unwrap().done);
        }
        assert_eq!(gauges, [516, 532, 540, 543]);
        let expected: Vec<String> = (0..40).chain(0..3).map(|n| format!("Titre {n}")).collect();
        assert_eq!(titles, expected);
        assert!(arrivals.is_empty());
    }
}
