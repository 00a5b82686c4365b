//! The persistent catalogue: for every page file of a corpus, its size, modification time and
//! card (what the store needs of it without its body), kept under the cache folder between
//! runs, so that a start reads again only the files added or changed since. Never trusted
//! blindly: a file that is not whole, of another version, or corrupt is set aside with a
//! one-line warning and rebuilt. Written by one process at a time (a lock), into a temporary
//! file made durable and renamed over the old one, so a reader never sees half of it.
//!
//! On disk: `MAGIC`, the version (u32 LE), the count of records (u32 LE), then records
//! `[u32 LE length][postcard FileCard]`, then a zero length and the checksum (u64 LE, see
//! [`known::Checksum`]) of every record. After the first [`HEAD`] records (or all, if fewer)
//! comes a mark (length `u32::MAX`) and the checksum of the records so far: the head can be
//! trusted on its own, so the reader draws its first screen from it without reading the rest,
//! or walking the folders. Read back, records are found by path and decoded only when their
//! file is loaded (`known`); an unchanged file's record is written again as it was, and a
//! catalogue in which nothing changed is not written at all.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::article::Origin;
use crate::card::{Card, Fnv};
use crate::diagnostic::Diagnostic;

mod known;

use known::Checksum;
pub use known::{Known, Record};

const MAGIC: &[u8; 16] = b"liseuse catalog\n";
/// Bumped whenever a card, a file card or the parser's output changes meaning.
pub const VERSION: u32 = 2;
/// How many records the head holds: a first screen's worth of list.
pub const HEAD: usize = 40;
/// The length that marks the end of the head.
const HEAD_MARK: u32 = u32::MAX;
/// Where the count of records is, patched in when the catalogue is finished.
const COUNT_AT: u64 = MAGIC.len() as u64 + 4;
/// How long after its last change a file's time stamp is trusted to tell a later change.
const RACY: Duration = Duration::from_secs(2);
/// The folder under the cache directory; the search index lives beside it.
const FOLDER: &str = "catalogue-v1";

/// What one page file gave when it was last read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCard {
    pub path: PathBuf,
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// When it was read.
    pub read_at: SystemTime,
    /// Its page, if it gave one.
    pub card: Option<Card>,
    /// What was said about it.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileCard {
    /// Whether the file on disk is still the one this card was made from: the same size and
    /// modification time, and that time well before the file was read. File systems stamp
    /// times by a coarse clock tick, so a file rewritten just after it was read (same size,
    /// same tick) would look unchanged; one modified within `RACY` of its reading is read again
    /// (as git does with its index).
    pub fn is_current(&self, len: u64, modified: Option<SystemTime>) -> bool {
        let settled = |m: SystemTime| m + RACY < self.read_at;
        self.len == len && self.modified == modified && modified.is_some_and(settled)
    }
}

/// A file card as written: its card without what the file card already says (the file is its
/// only source and its origin), which would triple the path.
#[derive(Serialize, Deserialize)]
struct Slim {
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
    read_at: SystemTime,
    card: Option<Card>,
    diagnostics: Vec<Diagnostic>,
}

impl Slim {
    fn of(file: &FileCard) -> Slim {
        let card = file.card.clone().map(|mut card| {
            card.sources.clear();
            card.origin = Origin::Held;
            card
        });
        Slim {
            path: file.path.clone(),
            len: file.len,
            modified: file.modified,
            read_at: file.read_at,
            card,
            diagnostics: file.diagnostics.clone(),
        }
    }

    fn into_file_card(self) -> FileCard {
        let origin = Origin::File {
            path: self.path.clone(),
            len: self.len,
            modified: self.modified,
        };
        let source = self.path.display().to_string();
        let card = self.card.map(|mut card| {
            card.sources = vec![source];
            card.origin = origin;
            card
        });
        FileCard {
            path: self.path,
            len: self.len,
            modified: self.modified,
            read_at: self.read_at,
            card,
            diagnostics: self.diagnostics,
        }
    }
}

/// The catalogue of one corpus (the paths it was opened with) under one cache folder.
#[derive(Debug, Clone)]
pub struct Catalogue {
    path: PathBuf,
}

impl Catalogue {
    /// The catalogue for `corpus` under `cache`. Two runs over the same folders share it.
    pub fn for_corpus(cache: &Path, corpus: &[PathBuf]) -> Catalogue {
        let mut hash = Fnv::new();
        for path in corpus {
            let absolute = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            hash.bytes(absolute.as_os_str().as_encoded_bytes());
            hash.bytes(&[0]);
        }
        Catalogue {
            path: cache.join(FOLDER).join(format!("{:016x}.cat", hash.0)),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the last run knew. No file is nothing known; a damaged one is a warning and
    /// nothing known (it will be rebuilt).
    pub fn read(&self) -> (Known, Option<String>) {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (Known::default(), None),
            Err(e) => return (Known::default(), Some(self.warning(&e.to_string()))),
        };
        match known::known(bytes) {
            Ok(known) => (known, None),
            Err(why) => (Known::default(), Some(self.warning(why))),
        }
    }

    /// The catalogue's first [`HEAD`] file cards, checked by their own checksum, and how many
    /// records the whole catalogue holds; `None` when there is no catalogue or its head is not
    /// sound (reading it all will then say why).
    pub fn head(&self) -> Option<(Vec<FileCard>, usize)> {
        known::head(&mut BufReader::new(File::open(&self.path).ok()?))
    }

    fn warning(&self, why: &str) -> String {
        format!("cache {}: {why}: not used, rebuilt", self.path.display())
    }

    /// A writer for a new catalogue, or `None` when another process is writing one now (it
    /// will be as good) or the cache folder cannot be written (then there is just no cache).
    /// `known`: how many files the old one held.
    pub fn writer(&self, known: usize) -> Option<Writer> {
        let dir = self.path.parent()?;
        fs::create_dir_all(dir).ok()?;
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join("lock"))
            .ok()?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock | TryLockError::Error(_)) => return None,
        }
        let name = self.path.file_name()?.to_string_lossy();
        let temporary = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        Some(Writer {
            out: None,
            kept: Vec::new(),
            temporary,
            target: self.path.clone(),
            hash: Checksum::new(),
            _lock: lock,
            done: false,
            known,
            count: 0,
            changed: false,
        })
    }
}

/// A catalogue being written: cards are appended as batches are read, and the file replaces
/// the old one only when `finish` is called. Until a file read anew comes, what is appended is
/// only kept (the old records as they are): if none comes, nothing is written. Dropped
/// unfinished, it leaves nothing behind.
pub struct Writer {
    /// The temporary file, made when the first file read anew comes.
    out: Option<BufWriter<File>>,
    /// What was appended before it.
    kept: Vec<Kept>,
    temporary: PathBuf,
    target: PathBuf,
    hash: Checksum,
    /// Held until the writer is dropped: one writer per catalogue folder.
    _lock: File,
    done: bool,
    /// How many files the old catalogue knew, how many were appended, and whether any of them
    /// was read anew.
    known: usize,
    count: usize,
    changed: bool,
}

/// A record appended while nothing had changed.
enum Kept {
    Old(Record),
    Encoded(Vec<u8>),
}

impl Writer {
    /// Adds what a file gave; `fresh` when it was read now rather than known.
    pub fn append(&mut self, file: &FileCard, fresh: bool) -> io::Result<()> {
        let bytes = postcard::to_stdvec(&Slim::of(file)).map_err(io::Error::other)?;
        if !fresh && self.out.is_none() {
            self.kept.push(Kept::Encoded(bytes));
            return Ok(());
        }
        self.changed |= fresh;
        self.write(&bytes)
    }

    /// Adds a file the old catalogue knew unchanged: its record, as it was.
    pub fn keep(&mut self, record: Record) -> io::Result<()> {
        if self.out.is_none() {
            self.kept.push(Kept::Old(record));
            return Ok(());
        }
        self.write(record.bytes())
    }

    /// Writes one record (and the head mark after the first [`HEAD`]), making the file first.
    fn write(&mut self, record: &[u8]) -> io::Result<()> {
        let out = self.open()?;
        let len = u32::try_from(record.len()).map_err(io::Error::other)?;
        out.write_all(&len.to_le_bytes())?;
        out.write_all(record)?;
        self.hash.feed(record);
        self.count += 1;
        if self.count == HEAD {
            self.mark_head()?;
        }
        Ok(())
    }

    /// The temporary file, made now if it was not, with what was kept before.
    fn open(&mut self) -> io::Result<&mut BufWriter<File>> {
        if self.out.is_none() {
            let mut out = BufWriter::new(File::create(&self.temporary)?);
            out.write_all(MAGIC)?;
            out.write_all(&VERSION.to_le_bytes())?;
            // The count, written when it is known (`finish`).
            out.write_all(&0u32.to_le_bytes())?;
            self.out = Some(out);
            for kept in std::mem::take(&mut self.kept) {
                match kept {
                    Kept::Old(record) => self.write(record.bytes())?,
                    Kept::Encoded(bytes) => self.write(&bytes)?,
                }
            }
        }
        self.out.as_mut().ok_or_else(|| io::Error::other("no file"))
    }

    fn mark_head(&mut self) -> io::Result<()> {
        let hash = self.hash.0;
        let out = self.open()?;
        out.write_all(&HEAD_MARK.to_le_bytes())?;
        out.write_all(&hash.to_le_bytes())
    }

    /// Ends the file, makes it durable, and puts it in place; when every file was known and
    /// none has gone, the old catalogue is as good and stays (and nothing was written).
    pub fn finish(mut self) -> io::Result<()> {
        if !self.changed && self.count + self.kept.len() == self.known {
            return Ok(());
        }
        self.open()?;
        if self.count < HEAD {
            self.mark_head()?;
        }
        let (count, hash) = (self.count, self.hash.0);
        let count = u32::try_from(count).map_err(io::Error::other)?;
        let out = self.open()?;
        out.write_all(&0u32.to_le_bytes())?;
        out.write_all(&hash.to_le_bytes())?;
        out.flush()?;
        let file = out.get_mut();
        file.seek(SeekFrom::Start(COUNT_AT))?;
        file.write_all(&count.to_le_bytes())?;
        file.sync_all()?;
        fs::rename(&self.temporary, &self.target)?;
        if let Some(dir) = self.target.parent()
            && let Ok(dir) = File::open(dir)
        {
            let _ = dir.sync_all();
        }
        self.done = true;
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.done {
            let _ = fs::remove_file(&self.temporary);
        }
    }
}
