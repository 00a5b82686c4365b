//! A corpus load cut into pieces: the walk lists the files first (fast), then any range of
//! them is read, parsed and repaired on every core, the results put back in name order. The
//! reader loads a first piece before its first screen and the rest in the background.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use super::{Catalogued, FileKind, LoadOptions, Loaded, load_file, walk};
use crate::card::Card;
use crate::catalogue::{FileCard, Known};

/// The files of a load, found and classified, not yet read.
#[derive(Debug)]
pub struct Plan {
    files: Vec<(PathBuf, FileKind)>,
    /// What the walk itself found: diagnostics, files skipped and ignored.
    walked: Loaded,
    /// Keep pages as cards (their bodies are read again when needed), not whole.
    catalogue_only: bool,
    /// What the last run's catalogue says of each file.
    /// Each is taken out when its file is loaded, so it is never held twice.
    known: Mutex<Known>,
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
            catalogue_only: options.catalogue_only,
            known: Mutex::default(),
        }
    }

    /// Trusts what `known` says of a file whose size and modification time have not changed
    /// since, instead of reading it (only for a `catalogue_only` load).
    pub fn set_known(&mut self, known: Known) {
        self.known = Mutex::new(known);
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
                        wait_while_held();
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some((path, kind)) = files.get(at) else {
                            break;
                        };
                        let one = self.load_one(path, *kind);
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

    /// Takes what the catalogue knew of `path`, if it is still current: for files read before
    /// the catalogue was (the reader's first screen), to tell whether they changed.
    pub fn take_known(&self, path: &std::path::Path) -> Option<FileCard> {
        let known = self.known.lock().ok()?.take(path)?.decode()?;
        let meta = std::fs::metadata(path).ok()?;
        known
            .is_current(meta.len(), meta.modified().ok())
            .then_some(known)
    }

    /// One file: read whole, or as a card (known already, or read now).
    fn load_one(&self, path: &std::path::Path, kind: FileKind) -> Loaded {
        if !self.catalogue_only || kind != FileKind::Page {
            return load_file(path, kind, true);
        }
        let meta = std::fs::metadata(path).ok();
        let (len, modified) = (
            meta.as_ref().map_or(0, |m| m.len()),
            meta.and_then(|m| m.modified().ok()),
        );
        let record = self.known.lock().ok().and_then(|mut k| k.take(path));
        // Decoded here, on a loading thread; a record that does not decode is a file to read.
        if let Some(record) = record
            && let Some(known) = record.decode()
            && known.is_current(len, modified)
        {
            return from_known(known, Catalogued::Known(record));
        }
        card_of(path, len, modified)
    }

    /// Leaves out of the plan the files `loaded` already (the reader's first screen, from the
    /// catalogue's head); gives back those of them the walk did not find.
    pub fn leave_out(&mut self, loaded: &[PathBuf]) -> Vec<PathBuf> {
        let loaded: std::collections::HashSet<&PathBuf> = loaded.iter().collect();
        let mut found = std::collections::HashSet::new();
        self.files.retain(|(path, _)| {
            let known = loaded.contains(path);
            if known {
                found.insert(path.clone());
            }
            !known
        });
        (loaded.into_iter())
            .filter(|path| !found.contains(*path))
            .cloned()
            .collect()
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
pub fn yield_to_the_reader() {
    lower_priority(10);
}

/// Search indexing runs lower still (nice 19): while the corpus loads, the list, its links and
/// backlinks come first (the loader gets ~7 times the indexer's share of a busy core), and the
/// index follows. Threads started afterwards (the index writer's) inherit it.
pub fn yield_to_loading() {
    lower_priority(19);
}

/// Until when loading threads hold back, in milliseconds since [`hold_base`].
static HELD_UNTIL: AtomicU64 = AtomicU64::new(0);

fn hold_base() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

/// The reader is answering a key: loading threads pause for `span`, between files. The two
/// cores of a small machine share their caches, and a key answered while both load took twice
/// as long as one answered on a quiet machine; a nice value does not see to that.
pub fn hold_loading(span: Duration) {
    let until = hold_base().elapsed() + span;
    HELD_UNTIL.fetch_max(until.as_millis() as u64, Ordering::Relaxed);
}

/// Waits while the reader has asked loading to hold back.
fn wait_while_held() {
    loop {
        let now = hold_base().elapsed().as_millis() as u64;
        let until = HELD_UNTIL.load(Ordering::Relaxed);
        if now >= until {
            return;
        }
        thread::sleep(Duration::from_millis(until - now));
    }
}

fn lower_priority(nice: libc::c_int) {
    // SAFETY: setpriority only reads its arguments; `who = 0` names the calling thread.
    let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, nice) };
}

/// The files of the catalogue's head, before any walk: each one still as it was is taken as the
/// catalogue says, one changed is read again, one gone is left out.
pub fn load_known(files: Vec<FileCard>) -> Loaded {
    let mut loaded = Loaded::default();
    for file in files {
        let Ok(meta) = std::fs::metadata(&file.path) else {
            continue;
        };
        let (len, modified) = (meta.len(), meta.modified().ok());
        loaded.absorb(if file.is_current(len, modified) {
            from_known(file.clone(), Catalogued::Read(Box::new(file)))
        } else if meta.is_file() {
            card_of(&file.path, len, modified)
        } else {
            continue;
        });
    }
    loaded
}

/// What a file known from the catalogue gives, as if it had been read: its card (keys made
/// here, on a loading thread, not on the reader's), and `kept`, what the next catalogue holds
/// of it (the old record as it was, or, for the head, decoded already, the file card).
fn from_known(file: FileCard, kept: Catalogued) -> Loaded {
    Loaded {
        files_read: 1,
        files_known: 1,
        files_skipped: usize::from(file.card.is_none()),
        diagnostics: file.diagnostics,
        cards: file.card.into_iter().map(Card::with_keys).collect(),
        catalogued: vec![kept],
        ..Loaded::default()
    }
}

/// A page file read now as a card, with what its catalogue entry should say.
pub(super) fn card_of(
    path: &std::path::Path,
    len: u64,
    modified: Option<std::time::SystemTime>,
) -> Loaded {
    // Taken before the read: a change during it is then seen as recent, and read again.
    let read_at = std::time::SystemTime::now();
    let mut one = load_file(path, FileKind::Page, false);
    let card = one.pages.pop().map(|page| Card::of(&page));
    let file_card = FileCard {
        path: path.to_path_buf(),
        len,
        modified,
        read_at,
        card: card.clone(),
        diagnostics: one.diagnostics.clone(),
    };
    one.cards.extend(card);
    one.catalogued.push(Catalogued::Read(Box::new(file_card)));
    one
}
