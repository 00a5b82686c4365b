//! Loading: files, folders or the bundled corpus → pages (`Article`s) and diagnostics.
//! Never panics; a bad file is reported and skipped, the rest still loads.

pub mod lines;
pub mod page;
mod plan;
mod read;
pub mod repair;
mod walk;

use std::path::{Path, PathBuf};

pub use plan::Plan;
pub use read::MAX_FILE_BYTES;

use crate::article::Article;
use crate::diagnostic::Diagnostic;
use crate::record;

/// The corpus in `data/`, embedded at build time: (path as `data/…`, bytes).
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// What a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    pub pages: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files read as pages or exports (skipped ones included).
    pub files_read: usize,
    /// Files that gave nothing: empty, binary, unreadable, too large, unparsable, missing, or
    /// not regular files.
    pub files_skipped: usize,
    /// Files in the folders that are neither pages nor exports.
    pub files_ignored: usize,
    /// Lines of `.jsonl` exports that are not article records (each has its diagnostic): the
    /// file loaded, but not all of it.
    pub records_dropped: usize,
}

impl Loaded {
    /// Adds what another load (a later piece of the same corpus) produced.
    pub fn absorb(&mut self, other: Loaded) {
        self.pages.extend(other.pages);
        self.diagnostics.extend(other.diagnostics);
        self.files_read += other.files_read;
        self.files_skipped += other.files_skipped;
        self.files_ignored += other.files_ignored;
        self.records_dropped += other.records_dropped;
    }

    /// Whether everything asked for was read whole: no file skipped, no record dropped. What
    /// `check` should exit 0 on.
    pub fn is_complete(&self) -> bool {
        self.files_skipped == 0 && self.records_dropped == 0
    }
}

/// How a load treats what it finds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Follow a symlink found in a folder to a file or folder outside every folder given.
    /// Off by default: a link in a downloaded corpus to `~/.ssh/id_ed25519` is reported
    /// ("symlink leads outside the corpus: not followed"), never read. Links that stay inside
    /// the given folders, and files named explicitly, are always read.
    pub follow_links: bool,
}

/// What kind of file a path holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Page,
    Json,
    Jsonl,
}

impl FileKind {
    fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Self::Page),
            "json" => Some(Self::Json),
            "jsonl" => Some(Self::Jsonl),
            _ => None,
        }
    }
}

/// The bundled corpus.
pub fn load_bundled() -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in BUNDLED {
        if let Some(kind) = FileKind::of(Path::new(name)) {
            load_bytes(bytes, name, kind, &mut loaded);
        }
    }
    loaded
}

/// Files and folders (recursively, in name order), with the default [`LoadOptions`]. A file
/// named explicitly is read as a page unless it is an export; in folders only `*.txt`,
/// `*.json` and `*.jsonl` are read.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_with(paths, LoadOptions::default())
}

/// [`load_paths`] with options.
pub fn load_paths_with(paths: &[PathBuf], options: LoadOptions) -> Loaded {
    Plan::new(paths, options).load_all()
}

/// One file of a plan, read and loaded on its own (any thread).
fn load_file(path: &Path, kind: FileKind) -> Loaded {
    let mut loaded = Loaded::default();
    let source = path.display().to_string();
    loaded.files_read += 1;
    let cap = match kind {
        FileKind::Page => read::Cap::Page,
        FileKind::Json | FileKind::Jsonl => read::Cap::Export,
    };
    match read::read_file(path, &source, cap) {
        Ok(bytes) => load_bytes_counted(bytes, &source, kind, &mut loaded),
        Err(diagnostic) => {
            loaded.diagnostics.push(diagnostic);
            loaded.files_skipped += 1;
        }
    }
    loaded
}

/// Reads one file's bytes (already counted as read) into `loaded`.
fn load_bytes_counted(bytes: Vec<u8>, source: &str, kind: FileKind, loaded: &mut Loaded) {
    let before = loaded.pages.len();
    let ok = match read::decode(bytes, source, &mut loaded.diagnostics) {
        Some(text) => match kind {
            FileKind::Page => load_page(&text, source, loaded),
            FileKind::Json => load_json(&text, source, loaded),
            FileKind::Jsonl => load_jsonl(&text, source, loaded),
        },
        None => false,
    };
    if !ok || loaded.pages.len() == before {
        loaded.files_skipped += 1;
    }
}

fn load_bytes(bytes: &[u8], source: &str, kind: FileKind, loaded: &mut Loaded) {
    loaded.files_read += 1;
    load_bytes_counted(bytes.to_vec(), source, kind, loaded);
}

fn load_page(text: &str, source: &str, loaded: &mut Loaded) -> bool {
    let parsed = page::parse_page(text, source);
    loaded.diagnostics.extend(parsed.diagnostics);
    match parsed.article {
        Some(mut article) => {
            repair::repair_page(&mut article);
            loaded.pages.push(article);
            true
        }
        None => false,
    }
}

fn load_json(text: &str, source: &str, loaded: &mut Loaded) -> bool {
    match record::read_json(text) {
        Ok(records) => {
            loaded
                .pages
                .extend(records.into_iter().map(record::Record::into_article));
            true
        }
        Err(e) => {
            loaded
                .diagnostics
                .push(Diagnostic::at(source, e.line, e.message));
            false
        }
    }
}

fn load_jsonl(text: &str, source: &str, loaded: &mut Loaded) -> bool {
    let (records, errors) = record::read_jsonl(text);
    loaded.records_dropped += errors.len();
    for e in errors {
        loaded
            .diagnostics
            .push(Diagnostic::at(source, e.line, e.message));
    }
    loaded
        .pages
        .extend(records.into_iter().map(record::Record::into_article));
    true
}
