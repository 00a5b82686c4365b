//! The live folder: while the reader runs, page files a scraper adds, changes or removes in the
//! corpus folders become store changes within a second. Through `notify` (inotify on Linux);
//! where the system refuses (no inotify, or its watch limit reached), by polling every half
//! second. Changes are gathered for a moment, so a file written in several steps is read once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Config, Event, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::diagnostic::Diagnostic;
use crate::ingest::{self, LoadOptions};
use crate::store::Change;

/// How long events are gathered after the first one of a burst, and at most.
const QUIET: Duration = Duration::from_millis(150);
const LONGEST: Duration = Duration::from_millis(600);
const POLL: Duration = Duration::from_millis(500);

pub struct Watch {
    /// Kept alive for as long as events are wanted.
    _watcher: Box<dyn Watcher + Send>,
    events: Receiver<notify::Result<Event>>,
    options: LoadOptions,
}

impl Watch {
    /// Watches `paths` (folders recursively, files named on their own); `None` when neither
    /// the system's notifications nor polling can be had. `LISEUSE_POLL=1` forces polling.
    pub fn start(paths: &[PathBuf], options: LoadOptions) -> Option<Watch> {
        let (tx, events) = mpsc::channel();
        let forced = std::env::var_os("LISEUSE_POLL").is_some_and(|v| v == "1");
        let notified = (!forced)
            .then(|| RecommendedWatcher::new(tx.clone(), Config::default()).ok())
            .flatten()
            .and_then(|w| watch_all(Box::new(w), paths));
        let watcher = notified.or_else(|| {
            let poll = PollWatcher::new(tx, Config::default().with_poll_interval(POLL)).ok()?;
            watch_all(Box::new(poll), paths)
        })?;
        Some(Watch {
            _watcher: watcher,
            events,
            options,
        })
    }

    /// Waits for the next burst of changes: what the touched page files now hold, and what was
    /// said reading them. `None` once the watcher has stopped.
    pub fn next(&self) -> Option<(Vec<Change>, Vec<Diagnostic>)> {
        let mut touched = BTreeSet::new();
        touched.extend(paths_of(self.events.recv().ok()?));
        let start = Instant::now();
        while start.elapsed() < LONGEST {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => touched.extend(paths_of(event)),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        let mut changes = Vec::new();
        let mut said = Vec::new();
        for path in touched {
            self.look_at(&path, &mut changes, &mut said);
        }
        Some((changes, said))
    }

    /// What `paths` hold now, as changes, as if each had just been touched.
    pub fn look_again(&self, paths: &[PathBuf]) -> (Vec<Change>, Vec<Diagnostic>) {
        let (mut changes, mut said) = (Vec::new(), Vec::new());
        for path in paths {
            self.look_at(path, &mut changes, &mut said);
        }
        (changes, said)
    }

    /// What `path` holds now: a page, nothing any more, or (a folder moved in) its pages.
    fn look_at(&self, path: &Path, changes: &mut Vec<Change>, said: &mut Vec<Diagnostic>) {
        let source = path.display().to_string();
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            changes.push(Change::Removed(source));
            return;
        };
        if meta.file_type().is_symlink() && !self.options.follow_links {
            return;
        }
        if path.is_dir() {
            let mut plan = ingest::Plan::new(&[path.to_path_buf()], self.options);
            let mut loaded = plan.take_walked();
            loaded.absorb(plan.load(0..plan.len()));
            said.extend(loaded.diagnostics);
            changes.extend(loaded.cards.into_iter().map(Change::Page));
            return;
        }
        if !ingest::is_page_file(path) {
            return;
        }
        let mut loaded = ingest::card_of_file(path);
        said.append(&mut loaded.diagnostics);
        match loaded.cards.pop() {
            Some(card) => changes.push(Change::Page(card)),
            None => changes.push(Change::Removed(source)),
        }
    }
}

fn watch_all(
    mut watcher: Box<dyn Watcher + Send>,
    paths: &[PathBuf],
) -> Option<Box<dyn Watcher + Send>> {
    for path in paths {
        watcher.watch(path, RecursiveMode::Recursive).ok()?;
    }
    Some(watcher)
}

/// The paths an event names; access events change nothing.
fn paths_of(event: notify::Result<Event>) -> Vec<PathBuf> {
    match event {
        Ok(event) if !event.kind.is_access() => event.paths,
        _ => Vec::new(),
    }
}
