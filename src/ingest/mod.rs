//! Loading: files, folders or the bundled corpus → pages (`Article`s) and diagnostics.
//! Never panics; a bad file is reported and skipped, the rest still loads.

pub mod lines;
pub mod page;
pub mod repair;
mod walk;

use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::diagnostic::Diagnostic;
use crate::record;

/// The corpus in `data/`, embedded at build time: (path as `data/…`, bytes).
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Pages above this size are skipped: no real article comes near it, and a reader should not
/// stall on a runaway file.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

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

/// Files and folders (recursively, in name order). A file named explicitly is read as a page
/// unless it is an export; in folders only `*.txt`, `*.json` and `*.jsonl` are read.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    let walk = walk::files(paths, &mut loaded.diagnostics);
    loaded.files_read += walk.skipped;
    loaded.files_skipped += walk.skipped;
    for file in walk.files {
        let kind = match FileKind::of(&file.path) {
            Some(kind) => kind,
            None if file.named => FileKind::Page,
            None => {
                loaded.files_ignored += 1;
                continue;
            }
        };
        let source = file.path.display().to_string();
        loaded.files_read += 1;
        match read_file(&file.path, &source) {
            Ok(bytes) => load_bytes_counted(&bytes, &source, kind, &mut loaded),
            Err(diagnostic) => {
                loaded.diagnostics.push(diagnostic);
                loaded.files_skipped += 1;
            }
        }
    }
    loaded
}

fn read_file(path: &Path, source: &str) -> Result<Vec<u8>, Diagnostic> {
    let size = std::fs::metadata(path)
        .map_err(|e| Diagnostic::file(source, format!("cannot read: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            source,
            format!(
                "skipped: {} MB is larger than the {} MB a page may be",
                size / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    std::fs::read(path).map_err(|e| Diagnostic::file(source, format!("cannot read: {e}")))
}

/// Reads one file's bytes (already counted as read) into `loaded`.
fn load_bytes_counted(bytes: &[u8], source: &str, kind: FileKind, loaded: &mut Loaded) {
    let before = loaded.pages.len();
    let ok = match decode(bytes, source, &mut loaded.diagnostics) {
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
    load_bytes_counted(bytes, source, kind, loaded);
}

/// Bytes → text. A NUL byte means a binary file (skipped); an empty file is skipped; invalid
/// UTF-8 is decoded lossily with a warning at the first bad line.
fn decode(bytes: &[u8], source: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.is_empty() {
        diagnostics.push(Diagnostic::at(source, 1, "skipped: the file is empty"));
        return None;
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        diagnostics.push(Diagnostic::at(
            source,
            line_of(bytes, at),
            "skipped: NUL byte (a binary file, not a page)",
        ));
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.to_owned()),
        Err(e) => {
            diagnostics.push(Diagnostic::at(
                source,
                line_of(bytes, e.valid_up_to()),
                "invalid UTF-8: bad bytes replaced by \u{FFFD}",
            ));
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

/// 1-based line number of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
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
