//! Writes changes from a thread of its own, so a key never waits on the disk: the event loop
//! hands a change over and goes on. Each change is stamped when handed over and written in
//! its own transaction, in order; of several sessions waiting, only the last is written. A
//! change that fails (read-only or full disk) stays queued and is tried again with the next,
//! and the user is told once, until a write succeeds again.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

use super::db::{Db, now_ms};
use super::{Change, Notice};

pub struct Saver {
    tx: Option<Sender<(Change, i64)>>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the writer; `notify` is called from its thread when writes start failing.
    pub fn spawn(db: Db, notify: impl Fn(Notice) + Send + 'static) -> Saver {
        let (tx, rx) = mpsc::channel();
        let thread = thread::spawn(move || write_all(db, &rx, &notify));
        Saver {
            tx: Some(tx),
            thread: Some(thread),
        }
    }

    /// Queues a change, stamped now.
    pub fn save(&self, change: Change) {
        if let Some(tx) = &self.tx {
            // A writer thread that has died cannot be helped here; its notice said why.
            let _ = tx.send((change, now_ms()));
        }
    }
}

/// Dropping the saver waits for every queued change to be written (or tried).
impl Drop for Saver {
    fn drop(&mut self) {
        drop(self.tx.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn write_all(mut db: Db, rx: &Receiver<(Change, i64)>, notify: &dyn Fn(Notice)) {
    let mut queue: Vec<(Change, i64)> = Vec::new();
    let mut failing = false;
    while let Ok(first) = rx.recv() {
        for change in std::iter::once(first).chain(rx.try_iter()) {
            enqueue(&mut queue, change);
        }
        match flush(&mut db, &mut queue) {
            Ok(()) => failing = false,
            Err(e) => {
                if !failing {
                    notify(Notice::Unsaved {
                        reason: e.to_string(),
                    });
                }
                failing = true;
            }
        }
    }
}

/// Adds a change to the queue; a session replaces any older one still waiting.
fn enqueue(queue: &mut Vec<(Change, i64)>, change: (Change, i64)) {
    if matches!(change.0, Change::Session(_)) {
        queue.retain(|(c, _)| !matches!(c, Change::Session(_)));
    }
    queue.push(change);
}

/// Writes the queue in order, stopping at the first failure (kept, with all after it).
fn flush(db: &mut Db, queue: &mut Vec<(Change, i64)>) -> rusqlite::Result<()> {
    let mut written = 0;
    let result = queue.iter().try_for_each(|(change, at)| {
        db.apply(change, *at)?;
        written += 1;
        Ok(())
    });
    queue.drain(..written);
    result
}
