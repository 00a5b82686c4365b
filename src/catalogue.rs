//! The persistent catalogue: for every page file of a corpus, its size, modification time and
//! card (what the store needs of it without its body), kept under the cache folder between
//! runs, so that a start reads again only the files added or changed since. Never trusted
//! blindly: a file that is not whole, of another version, or corrupt is set aside with a
//! one-line warning and rebuilt. Written by one process at a time (a lock), into a temporary
//! file made durable and renamed over the old one, so a reader never sees half of it.
//!
//! On disk: `MAGIC`, the version (u32 LE), the count of records (u32 LE), then records
//! `[u32 LE length][postcard FileCard]`, then a zero length and the FNV-1a hash (u64 LE) of every
//! record's bytes. After the first [`HEAD`] records (or all, if fewer) comes a mark (length
//! `u32::MAX`) and the hash of the records so far: the head can be trusted on its own, so the
//! reader draws its first screen from it without reading the rest, or walking the folders.

use foldhash::HashMap;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::article::Origin;
use crate::card::{Card, Fnv};
use crate::diagnostic::Diagnostic;

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

/// The cards of the last run over the same corpus, by path.
#[derive(Debug, Default)]
pub struct Known {
    pub files: HashMap<PathBuf, FileCard>,
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
        let file = match File::open(&self.path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (Known::default(), None),
            Err(e) => return (Known::default(), Some(self.warning(&e.to_string()))),
        };
        match decode(BufReader::new(file)) {
            Ok(files) => (Known { files }, None),
            Err(Problem::Io(e)) => (Known::default(), Some(self.warning(&e.to_string()))),
            Err(Problem::Bad(why)) => (Known::default(), Some(self.warning(why))),
        }
    }

    /// The catalogue's first [`HEAD`] file cards, checked by their own hash, and how many
    /// records the whole catalogue holds; `None` when there is no catalogue or its head is not
    /// sound (reading it all will then say why).
    pub fn head(&self) -> Option<(Vec<FileCard>, usize)> {
        let mut input = BufReader::new(File::open(&self.path).ok()?);
        let count = read_header(&mut input).ok()?;
        let mut files = Vec::new();
        let mut hash = Fnv::new();
        let mut record = Vec::new();
        loop {
            match read_u32(&mut input).ok()? {
                HEAD_MARK => {
                    let stored = read_u64(&mut input).ok()?;
                    return (stored == hash.0).then_some((files, count));
                }
                0 => return None,
                len if files.len() < HEAD => {
                    files.push(read_record(&mut input, len as usize, &mut record, &mut hash).ok()?);
                }
                _ => return None,
            }
        }
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
        let file = File::create(&temporary).ok()?;
        let mut out = BufWriter::new(file);
        out.write_all(MAGIC).ok()?;
        out.write_all(&VERSION.to_le_bytes()).ok()?;
        // The count, written when it is known (`finish`).
        out.write_all(&0u32.to_le_bytes()).ok()?;
        Some(Writer {
            out,
            temporary,
            target: self.path.clone(),
            hash: Fnv::new(),
            _lock: lock,
            done: false,
            known,
            count: 0,
            changed: false,
        })
    }
}

/// A catalogue being written: cards are appended as batches are read, and the file replaces
/// the old one only when `finish` is called. Dropped unfinished, it leaves nothing behind.
pub struct Writer {
    out: BufWriter<File>,
    temporary: PathBuf,
    target: PathBuf,
    hash: Fnv,
    /// Held until the writer is dropped: one writer per catalogue folder.
    _lock: File,
    done: bool,
    /// How many files the old catalogue knew, how many were appended, and whether any of them
    /// was read anew.
    known: usize,
    count: usize,
    changed: bool,
}

impl Writer {
    /// Adds what a file gave; `fresh` when it was read now rather than known.
    pub fn append(&mut self, file: &FileCard, fresh: bool) -> io::Result<()> {
        self.changed |= fresh;
        self.count += 1;
        let bytes = postcard::to_stdvec(&Slim::of(file)).map_err(io::Error::other)?;
        let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
        self.out.write_all(&len.to_le_bytes())?;
        self.out.write_all(&bytes)?;
        self.hash.bytes(&bytes);
        if self.count == HEAD {
            self.mark_head()?;
        }
        Ok(())
    }

    fn mark_head(&mut self) -> io::Result<()> {
        self.out.write_all(&HEAD_MARK.to_le_bytes())?;
        self.out.write_all(&self.hash.0.to_le_bytes())
    }

    /// Ends the file, makes it durable, and puts it in place; when every file was known and
    /// none has gone, the old catalogue is as good and stays.
    pub fn finish(mut self) -> io::Result<()> {
        if !self.changed && self.count == self.known {
            return Ok(());
        }
        if self.count < HEAD {
            self.mark_head()?;
        }
        self.out.write_all(&0u32.to_le_bytes())?;
        self.out.write_all(&self.hash.0.to_le_bytes())?;
        self.out.flush()?;
        let count = u32::try_from(self.count).map_err(io::Error::other)?;
        let file = self.out.get_mut();
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

/// The file cards of a catalogue file, or what is wrong with it.
/// Why a catalogue could not be read back.
enum Problem {
    Io(io::Error),
    Bad(&'static str),
}

impl From<io::Error> for Problem {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::UnexpectedEof => Problem::Bad("cut short"),
            _ => Problem::Io(e),
        }
    }
}

/// The files a catalogue holds, read record by record: at 50,000 pages the file is tens of
/// megabytes, which are never all in memory beside what they decode to.
fn decode(mut input: impl Read) -> Result<HashMap<PathBuf, FileCard>, Problem> {
    let count = read_header(&mut input)?;
    let mut files = HashMap::default();
    let (mut records, mut head_marked) = (0, false);
    let mut hash = Fnv::new();
    let mut record = Vec::new();
    loop {
        match read_u32(&mut input)? {
            0 => {
                let stored = read_u64(&mut input)?;
                let mut after = [0u8; 1];
                if stored != hash.0 || input.read(&mut after)? != 0 {
                    return Err(Problem::Bad("corrupt (its checksum does not match)"));
                }
                if !head_marked || records != count {
                    return Err(Problem::Bad("corrupt (its count does not match)"));
                }
                return Ok(files);
            }
            HEAD_MARK => {
                let marked = read_u64(&mut input)? == hash.0;
                if head_marked || !marked || records != HEAD.min(count) {
                    return Err(Problem::Bad("corrupt (its head does not match)"));
                }
                head_marked = true;
            }
            len => {
                let file = read_record(&mut input, len as usize, &mut record, &mut hash)?;
                records += 1;
                files.insert(file.path.clone(), file);
            }
        }
    }
}

/// Checks the magic and version; gives the count of records.
fn read_header(input: &mut impl Read) -> Result<usize, Problem> {
    let mut head = Vec::with_capacity(MAGIC.len());
    input.take(MAGIC.len() as u64).read_to_end(&mut head)?;
    if head != MAGIC {
        return Err(Problem::Bad("not a liseuse catalogue"));
    }
    if read_u32(input)? != VERSION {
        return Err(Problem::Bad("made by another version"));
    }
    Ok(read_u32(input)? as usize)
}

/// One record of `len` bytes, fed to `hash` (`record`: a buffer to reuse).
fn read_record(
    input: &mut impl Read,
    len: usize,
    record: &mut Vec<u8>,
    hash: &mut Fnv,
) -> Result<FileCard, Problem> {
    record.clear();
    // `take` bounds what a corrupt length can make it allocate: only what the file holds.
    input.take(len as u64).read_to_end(record)?;
    if record.len() != len {
        return Err(Problem::Bad("cut short"));
    }
    hash.bytes(record);
    let slim: Slim = postcard::from_bytes(record)
        .map_err(|_| Problem::Bad("corrupt (a record does not decode)"))?;
    Ok(slim.into_file_card())
}

fn read_u64(input: &mut impl Read) -> io::Result<u64> {
    let mut bytes = [0u8; 8];
    input.read_exact(&mut bytes)?;
    Ok(u64::from_le_bytes(bytes))
}

fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut bytes = [0u8; 4];
    input.read_exact(&mut bytes)?;
    Ok(u32::from_le_bytes(bytes))
}
