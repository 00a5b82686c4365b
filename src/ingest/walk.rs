//! Which files a list of paths names: folders are walked recursively in name order, symlink
//! loops are cut, symlinks out of the given folders are not followed (unless asked), and things
//! that are not regular files (FIFOs, sockets) are reported, never opened, so a load can never
//! block on them.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::LoadOptions;
use crate::diagnostic::Diagnostic;

/// A file to read, and whether the user named it (rather than it being found in a folder).
pub struct Found {
    pub path: PathBuf,
    pub named: bool,
}

/// What a walk gives the loader.
#[derive(Default)]
pub struct Walk {
    pub files: Vec<Found>,
    /// Pages asked for that could not even be looked at (missing, a dangling or looping
    /// symlink, an unreadable folder, a FIFO): each has its diagnostic, and counts as a skipped
    /// file so that `check` does not say all is well.
    pub skipped: usize,
}

pub fn files(paths: &[PathBuf], options: LoadOptions, diagnostics: &mut Vec<Diagnostic>) -> Walk {
    let mut walker = Walker {
        // The corpus: every folder given, as the file system names it once links are resolved.
        roots: paths
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| fs::canonicalize(p).ok())
            .collect(),
        follow_links: options.follow_links,
        seen_dirs: HashSet::new(),
        walk: Walk::default(),
    };
    for path in paths {
        walker.visit(path.clone(), true, None, diagnostics);
    }
    walker.walk
}

/// The bytes of `child`'s name: what follows its folder's path (`folder` bytes).
fn name_of(child: &Path, folder: usize) -> &[u8] {
    let bytes = child.as_os_str().as_encoded_bytes();
    bytes.get(folder..).unwrap_or(bytes)
}

struct Walker {
    roots: Vec<PathBuf>,
    follow_links: bool,
    seen_dirs: HashSet<PathBuf>,
    walk: Walk,
}

impl Walker {
    /// Whether `path`, found in a folder, is a symlink whose target lies outside every given
    /// folder. A link that cannot be resolved is left to the normal checks (dangling, loop).
    fn leads_outside(&self, path: &Path) -> bool {
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link || self.follow_links {
            return false;
        }
        fs::canonicalize(path)
            .is_ok_and(|target| !self.roots.iter().any(|root| target.starts_with(root)))
    }

    /// `listed`: the file's type as its folder's listing gives it, when it was found there.
    fn visit(
        &mut self,
        path: PathBuf,
        named: bool,
        listed: Option<fs::FileType>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        // A regular file as the folder lists it needs no look of its own (the listing says so,
        // with no `stat`): at 50,000 pages the two looks per file were most of the walk.
        if listed.is_some_and(|kind| kind.is_file()) {
            self.walk.files.push(Found { path, named });
            return;
        }
        let path = path.as_path();
        let source = path.display().to_string();
        // Only what would have been read counts as skipped: a broken link named `notes.md` in a
        // folder is reported, but it was never going to be a page.
        let wanted = named || super::FileKind::of(path).is_some();
        if !named && self.leads_outside(path) {
            diagnostics.push(Diagnostic::file(
                &source,
                "symlink leads outside the corpus: not followed; --follow-links reads it",
            ));
            self.walk.skipped += usize::from(wanted || path.is_dir());
            return;
        }
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                diagnostics.push(Diagnostic::file(&source, format!("cannot read: {e}")));
                self.walk.skipped += usize::from(wanted);
                return;
            }
        };
        if meta.is_dir() {
            // A folder reached twice (a symlink loop, or named twice) is walked once.
            let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if !self.seen_dirs.insert(key) {
                if !named {
                    diagnostics.push(Diagnostic::file(
                        &source,
                        "skipped: folder already read (symlink loop?)",
                    ));
                }
                return;
            }
            match fs::read_dir(path) {
                Ok(entries) => {
                    // Each child's path is made once (no name copied apart), and they are
                    // sorted by name as bytes: what follows the folder's path, the same in all
                    // of them, without parsing paths into components at every comparison.
                    let mut children: Vec<(PathBuf, Option<fs::FileType>)> = entries
                        .flatten()
                        .map(|e| (e.path(), e.file_type().ok()))
                        .collect();
                    let folder = path.join("x").as_os_str().len() - 1;
                    children
                        .sort_unstable_by(|a, b| name_of(&a.0, folder).cmp(name_of(&b.0, folder)));
                    for (child, kind) in children {
                        self.visit(child, false, kind, diagnostics);
                    }
                }
                Err(e) => {
                    diagnostics.push(Diagnostic::file(
                        &source,
                        format!("cannot read folder: {e}"),
                    ));
                    self.walk.skipped += 1;
                }
            }
        } else if meta.is_file() {
            self.walk.files.push(Found {
                path: path.to_path_buf(),
                named,
            });
        } else if wanted {
            diagnostics.push(Diagnostic::file(
                &source,
                "skipped: not a regular file (FIFO, socket or device)",
            ));
            self.walk.skipped += 1;
        }
    }
}
