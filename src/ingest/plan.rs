//! A corpus load cut into pieces: the walk lists the files first (fast), then any range of
//! them is read, parsed and repaired on every core, the results put back in name order. The
//! reader loads a first piece before its first screen and the rest in the background.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use super::{FileKind, LoadOptions, Loaded, load_file, walk};

/// The files of a load, found and classified, not yet read.
#[derive(Debug)]
pub struct Plan {
    files: Vec<(PathBuf, FileKind)>,
    /// What the walk itself found: diagnostics, files skipped and ignored.
    walked: Loaded,
    repair: bool,
}

impl Plan {
    /// Walks `paths` (recursively, in name order). A file named explicitly is read as a page
    /// unless it is an export; in folders only `*.txt`, `*.json` and `*.jsonl` are read.
    pub fn new(paths: &[PathBuf], options: LoadOptions) -> Plan {
        let mut walked = Loaded::default();
        let walk = walk::files(paths, options, &mut walked.diagnostics);
        walked.files_read += walk.skipped;
        walked.files_skipped += walk.skipped;
        let mut files = Vec::with_capacity(walk.files.len());
        for file in walk.files {
            match FileKind::of(&file.path) {
                Some(kind) => files.push((file.path, kind)),
                None if file.named => files.push((file.path, FileKind::Page)),
                None => walked.files_ignored += 1,
            }
        }
        Plan {
            files,
            walked,
            repair: !options.catalogue_only,
        }
    }

    /// How many files there are to read.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// What the walk found before any file was read (its diagnostics and counts); `take`
    /// leaves it empty, so it is reported once.
    pub fn take_walked(&mut self) -> Loaded {
        std::mem::take(&mut self.walked)
    }

    /// Reads files `range` on every core; pages and diagnostics come back in name order.
    pub fn load(&self, range: Range<usize>) -> Loaded {
        let files = &self.files[range.start.min(self.len())..range.end.min(self.len())];
        let workers = thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(files.len())
            .max(1);
        let next = AtomicUsize::new(0);
        let slots: Vec<Mutex<Option<Loaded>>> = files.iter().map(|_| Mutex::new(None)).collect();
        thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| {
                    yield_to_the_reader();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some((path, kind)) = files.get(at) else {
                            break;
                        };
                        let one = load_file(path, *kind, self.repair);
                        if let Ok(mut slot) = slots[at].lock() {
                            *slot = Some(one);
                        }
                    }
                });
            }
        });
        let mut loaded = Loaded::default();
        for slot in slots {
            if let Some(one) = slot.into_inner().ok().flatten() {
                loaded.absorb(one);
            }
        }
        loaded
    }

    /// The whole load: the walk's findings and every file.
    pub fn load_all(mut self) -> Loaded {
        let mut loaded = self.take_walked();
        loaded.absorb(self.load(0..self.len()));
        loaded
    }
}

/// Loading threads run at a lower priority (nice 10), so that on a busy machine the reader's
/// own thread, which answers keys, gets a core first. Linux gives each thread its own nice
/// value; elsewhere, or if refused, this changes nothing.
fn yield_to_the_reader() {
    // SAFETY: setpriority only reads its arguments; `who = 0` names the calling thread.
    let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 10) };
}
