//! Loading: files, folders or the bundled corpus → pages (`Article`s) and diagnostics.
//! Never panics; a bad file is reported and skipped, the rest still loads.

pub mod lines;
pub mod page;
mod plan;
mod read;
pub mod repair;
mod walk;

use std::path::{Path, PathBuf};

pub use plan::{Plan, hold_loading, load_known, yield_to_loading, yield_to_the_reader};
pub use read::MAX_FILE_BYTES;

use crate::article::{Article, Origin};
use crate::card::Card;
use crate::catalogue::{FileCard, Record};
use crate::diagnostic::Diagnostic;
use crate::record;
use crate::store::Depth;

/// The corpus in `data/`, embedded at build time: (path as `data/…`, bytes).
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// What the next catalogue is to say of one page file.
#[derive(Debug)]
pub enum Catalogued {
    /// Read now (or decoded from the catalogue's head).
    Read(Box<FileCard>),
    /// Known unchanged: the old catalogue's record, as it was.
    Known(Record),
}

impl Catalogued {
    /// Its file card (a known one decoded), if it has one.
    pub fn file_card(&self) -> Option<FileCard> {
        match self {
            Catalogued::Read(file) => Some((**file).clone()),
            Catalogued::Known(record) => record.decode(),
        }
    }
}

/// What a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Pages read whole: exports' records, and every page unless the load is `catalogue_only`.
    pub pages: Vec<Article>,
    /// With `catalogue_only`, the page files' cards (read now, or known from the catalogue).
    pub cards: Vec<Card>,
    /// With `catalogue_only`, what each page file gave, for the next run's catalogue, in order.
    pub catalogued: Vec<Catalogued>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files read as pages or exports (skipped ones included).
    pub files_read: usize,
    /// Files that gave nothing: empty, binary, unreadable, too large, unparsable, missing, or
    /// not regular files.
    pub files_skipped: usize,
    /// Files in the folders that are neither pages nor exports.
    pub files_ignored: usize,
    /// Page files the catalogue knew unchanged, taken from it without being read (counted
    /// among `files_read`).
    pub files_known: usize,
    /// Lines of `.jsonl` exports that are not article records (each has its diagnostic): the
    /// file loaded, but not all of it.
    pub records_dropped: usize,
}

impl Loaded {
    /// Adds what another load (a later piece of the same corpus) produced.
    pub fn absorb(&mut self, other: Loaded) {
        self.pages.extend(other.pages);
        self.cards.extend(other.cards);
        self.catalogued.extend(other.catalogued);
        self.diagnostics.extend(other.diagnostics);
        self.files_read += other.files_read;
        self.files_skipped += other.files_skipped;
        self.files_ignored += other.files_ignored;
        self.files_known += other.files_known;
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
    /// Parse pages without repairing their glued words, for a store that keeps only the
    /// catalogue: it reads a page again through [`reread`], which repairs, when its body is
    /// asked for. The repair is most of the cost of a load (~0.6 ms a page, the parse ~75 µs).
    pub catalogue_only: bool,
}

/// What kind of file a path holds, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Page,
    Json,
    Jsonl,
}

impl FileKind {
    /// By the extension, in any case. Read off the path's bytes (a walk asks it of every file
    /// of the corpus: parsing each path into components was a tenth of a 50,000-file walk);
    /// paths whose last component is not a plain name go the general way.
    fn of(path: &Path) -> Option<Self> {
        let bytes = path.as_os_str().as_encoded_bytes();
        let name = bytes.rsplit(|&b| b == b'/').next().unwrap_or(bytes);
        let ext = if name.is_empty() || name == b"." || name == b".." {
            path.extension()?.as_encoded_bytes()
        } else {
            let dot = name.iter().rposition(|&b| b == b'.').filter(|&at| at > 0)?;
            &name[dot + 1..]
        };
        [
            ("txt", Self::Page),
            ("json", Self::Json),
            ("jsonl", Self::Jsonl),
        ]
        .into_iter()
        .find(|(known, _)| ext.eq_ignore_ascii_case(known.as_bytes()))
        .map(|(_, kind)| kind)
    }
}

/// Whether a file found in a folder is read as a page (`*.txt`).
pub fn is_page_file(path: &Path) -> bool {
    FileKind::of(path) == Some(FileKind::Page)
}

/// One page file read now as a card (`Loaded::cards`), for a live folder.
pub fn card_of_file(path: &Path) -> Loaded {
    let meta = std::fs::metadata(path).ok();
    let len = meta.as_ref().map_or(0, |m| m.len());
    plan::card_of(path, len, meta.and_then(|m| m.modified().ok()))
}

/// The bundled corpus.
pub fn load_bundled() -> Loaded {
    let mut loaded = Loaded::default();
    for (index, (name, bytes)) in BUNDLED.iter().enumerate() {
        if let Some(kind) = FileKind::of(Path::new(name)) {
            loaded.files_read += 1;
            let before = loaded.pages.len();
            load_bytes_counted(bytes.to_vec(), name, kind, true, &mut loaded);
            if kind == FileKind::Page {
                set_origin(&mut loaded, before, Origin::Bundled(index));
            }
        }
    }
    loaded
}

/// Marks where the page a file gave (if it gave one, after the `before` pages already loaded)
/// can be read again. An export's records have no such place: they are held.
fn set_origin(loaded: &mut Loaded, before: usize, origin: Origin) {
    if loaded.pages.len() == before + 1
        && let Some(page) = loaded.pages.last_mut()
    {
        page.origin = origin;
    }
}

/// A page read again from where it was first read, parsed and (for [`Depth::Whole`]) repaired
/// as then: the store's way to its bodies (`Store::with_reader`). Anything that is not one page
/// any more is an error saying why.
pub fn reread(origin: &Origin, depth: Depth) -> Result<Article, String> {
    let (bytes, source) = match origin {
        Origin::Held => return Err("not kept".to_owned()),
        Origin::Bundled(index) => {
            let (name, bytes) = BUNDLED.get(*index).ok_or("not bundled")?;
            (bytes.to_vec(), (*name).to_owned())
        }
        Origin::File { path, .. } => {
            let source = path.display().to_string();
            let (bytes, _) =
                read::read_file(path, &source, read::Cap::Page).map_err(|d| d.message.clone())?;
            (bytes, source)
        }
    };
    let mut diagnostics = Vec::new();
    let text = read::decode(bytes, &source, &mut diagnostics).ok_or_else(|| {
        diagnostics
            .first()
            .map_or("unreadable".to_owned(), |d| d.message.clone())
    })?;
    let mut article = page::parse_page(&text, &source)
        .article
        .ok_or("no article in it any more")?;
    if depth == Depth::Whole {
        repair::repair_page(&mut article);
    }
    article.origin = origin.clone();
    Ok(article)
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
fn load_file(path: &Path, kind: FileKind, repair: bool) -> Loaded {
    let mut loaded = Loaded::default();
    let source = path.display().to_string();
    loaded.files_read += 1;
    let cap = match kind {
        FileKind::Page => read::Cap::Page,
        FileKind::Json | FileKind::Jsonl => read::Cap::Export,
    };
    match read::read_file(path, &source, cap) {
        Ok((bytes, meta)) => {
            let before = loaded.pages.len();
            load_bytes_counted(bytes, &source, kind, repair, &mut loaded);
            let origin = Origin::File {
                path: path.to_path_buf(),
                len: meta.len(),
                modified: meta.modified().ok(),
            };
            if kind == FileKind::Page {
                set_origin(&mut loaded, before, origin);
            }
        }
        Err(diagnostic) => {
            loaded.diagnostics.push(diagnostic);
            loaded.files_skipped += 1;
        }
    }
    loaded
}

/// Reads one file's bytes (already counted as read) into `loaded`.
fn load_bytes_counted(
    bytes: Vec<u8>,
    source: &str,
    kind: FileKind,
    repair: bool,
    loaded: &mut Loaded,
) {
    let before = loaded.pages.len();
    let ok = match read::decode(bytes, source, &mut loaded.diagnostics) {
        Some(text) => match kind {
            FileKind::Page => load_page(&text, source, repair, loaded),
            FileKind::Json => load_json(&text, source, loaded),
            FileKind::Jsonl => load_jsonl(&text, source, loaded),
        },
        None => false,
    };
    if !ok || loaded.pages.len() == before {
        loaded.files_skipped += 1;
    }
}

fn load_page(text: &str, source: &str, repair: bool, loaded: &mut Loaded) -> bool {
    let parsed = page::parse_page(text, source);
    loaded.diagnostics.extend(parsed.diagnostics);
    match parsed.article {
        Some(mut article) => {
            if repair {
                repair::repair_page(&mut article);
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_kind_is_its_extension_in_any_case_as_the_path_parser_has_it() {
        let by_components = |path: &Path| match path.extension()?.to_str()?.to_ascii_lowercase() {
            e if e == "txt" => Some(FileKind::Page),
            e if e == "json" => Some(FileKind::Json),
            e if e == "jsonl" => Some(FileKind::Jsonl),
            _ => None,
        };
        let paths = [
            "a.txt",
            "dir/b.TXT",
            "c.Json",
            "d.jsonl",
            "e.md",
            ".txt",
            "dir/.json",
            "f.",
            "g",
            "h.tar.txt",
            "dir.txt/i",
            "j.txt/",
            "k/.",
            "l.txt/.",
            "..",
            "/",
            "",
            "m.jsonlx",
            "n .txt",
            "ü.txt",
        ];
        for path in paths.map(Path::new) {
            assert_eq!(
                FileKind::of(path),
                by_components(path),
                "{}",
                path.display()
            );
        }
    }
}
