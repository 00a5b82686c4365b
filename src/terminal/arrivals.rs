//! Batches of a loading corpus waiting their turn: the event loop hands the store one part of
//! at most [`PART_CARDS`] cards per turn, and answers every key queued meanwhile first, so that
//! a key typed while a warm corpus pours in (thousands of cards a frame, none of them parsed)
//! waits for one small part, not for the whole flood. A [`Gate`] lets only a few batches wait
//! at once: the loader then waits for the store, rather than filling memory (and the other
//! core) with cards not taken yet.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::app::{self, App, Batch, Progress};
use crate::search::{self, Lot, Worker};
use crate::store::ArticleId;

/// Cards per part: ~0.5 ms of the store's work at a warm start (~30 µs a card).
const PART_CARDS: usize = 16;
/// Articles handed to the indexer a turn, once a corpus is whole: ~1 ms of the reader's work.
const SWEEP_ARTICLES: usize = 2_000;
/// While parts keep coming, the screen is drawn at most this often (a key draws at once).
const FRAME: Duration = Duration::from_millis(16);

/// Batches handed over and not all taken yet, beyond which the loader waits.
const IN_FLIGHT: usize = 2;

/// Counts the batches handed to the event loop and not taken whole yet.
#[derive(Default)]
pub struct Gate {
    waiting: Mutex<usize>,
    taken: Condvar,
}

impl Gate {
    /// Waits until fewer than [`IN_FLIGHT`] batches wait, then counts one more.
    pub fn enter(&self) {
        let Ok(mut waiting) = self.waiting.lock() else {
            return;
        };
        while *waiting >= IN_FLIGHT {
            waiting = match self.taken.wait(waiting) {
                Ok(waiting) => waiting,
                Err(_) => return,
            };
        }
        *waiting += 1;
    }

    fn leave(&self) {
        if let Ok(mut waiting) = self.waiting.lock() {
            *waiting = waiting.saturating_sub(1);
            self.taken.notify_one();
        }
    }
}

pub struct Arrivals {
    waiting: VecDeque<Batch>,
    drawn_at: Option<Instant>,
    gate: Arc<Gate>,
    /// The articles still to hand the indexer once a corpus loaded in the background is whole.
    sweep: Range<usize>,
}

impl Arrivals {
    pub fn new(gate: Arc<Gate>) -> Self {
        Self {
            waiting: VecDeque::new(),
            drawn_at: None,
            gate,
            sweep: 0..0,
        }
    }

    pub fn push(&mut self, batch: Batch) {
        self.waiting.push_back(batch);
    }

    /// Whether nothing waits: no batch, and nothing to hand the indexer.
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty() && self.sweep.is_empty()
    }

    /// A part joins the store, and the index learns what it changed. The batches of a corpus
    /// loading in the background are indexed once it is whole, a few thousand articles a turn
    /// (`sweep`), without the pages the index holds unchanged (at a warm start, all of them):
    /// batch by batch, every summary-only article made until its page arrived was handed in,
    /// and the indexer's queue held ~60 MB at 50,000 pages; all at once, the reader stopped
    /// ~30 ms at the end of the load. Changes in a live folder are indexed as they come.
    pub fn add(&mut self, app: &mut App, part: Batch, worker: &Worker) -> bool {
        let live = !part.changes.is_empty();
        if !live && part.progress.is_some() {
            let changed = app::add_batch(app, part);
            if app.loading().is_none() {
                self.sweep = 0..app.store().len();
            }
            return changed;
        }
        let before = search::Before::of(app.store(), &part.pages, live);
        let changed = app::add_batch(app, part);
        worker.update(before.changes(app.store()));
        changed
    }

    /// Hands the indexer the next articles of the sweep, if one is under way.
    pub fn sweep(&mut self, app: &App, worker: &Worker) {
        let end = self.sweep.end.min(self.sweep.start + SWEEP_ARTICLES);
        let ids = (self.sweep.start..end).map(|n| ArticleId(n as u32));
        self.sweep.start = end;
        let docs = search::docs_of(app.store(), ids, worker.indexed());
        worker.update(Lot {
            gone: Vec::new(),
            docs,
        });
    }

    /// The next part: the first batch whole when it is small, else its first cards (the gauge
    /// moved on by as many files), the rest kept for the next turn.
    pub fn next_part(&mut self) -> Option<Batch> {
        let batch = self.waiting.front_mut()?;
        if batch.cards.len() <= PART_CARDS {
            self.gate.leave();
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
        let mut arrivals = Arrivals::new(Arc::default());
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

    #[test]
    fn the_loader_waits_while_two_batches_are_not_taken_whole() {
        let gate = Arc::new(Gate::default());
        let mut arrivals = Arrivals::new(Arc::clone(&gate));
        let (entered, seen) = std::sync::mpsc::channel();
        let loader = std::thread::spawn({
            let gate = Arc::clone(&gate);
            move || {
                for n in 0..3 {
                    gate.enter();
                    entered.send(n).unwrap();
                }
            }
        });
        let wait = Duration::from_secs(5);
        assert_eq!(seen.recv_timeout(wait), Ok(0));
        assert_eq!(seen.recv_timeout(wait), Ok(1));
        assert!(seen.recv_timeout(Duration::from_millis(100)).is_err());
        arrivals.push(batch(20, 20));
        arrivals.push(batch(1, 21));
        // The first part of a batch lets no one in: the batch is not taken whole yet.
        assert_eq!(arrivals.next_part().unwrap().cards.len(), PART_CARDS);
        assert!(seen.recv_timeout(Duration::from_millis(100)).is_err());
        arrivals.next_part();
        assert_eq!(seen.recv_timeout(wait), Ok(2));
        loader.join().unwrap();
    }
}
