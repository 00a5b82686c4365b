//! Which files a list of paths names: folders are walked recursively in name order, symlink
//! loops are cut, and things that are not regular files (FIFOs, sockets) are reported, never
//! opened, so a load can never block on them.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

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

pub fn files(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Walk {
    let mut walk = Walk::default();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        visit(path, true, &mut seen_dirs, &mut walk, diagnostics);
    }
    walk
}

fn visit(
    path: &Path,
    named: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    walk: &mut Walk,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let source = path.display().to_string();
    // Only what would have been read counts as skipped: a broken link named `notes.md` in a
    // folder is reported, but it was never going to be a page.
    let wanted = named || super::FileKind::of(path).is_some();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            diagnostics.push(Diagnostic::file(&source, format!("cannot read: {e}")));
            walk.skipped += usize::from(wanted);
            return;
        }
    };
    if meta.is_dir() {
        // A folder reached twice (a symlink loop, or named twice) is walked once.
        let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !seen_dirs.insert(key) {
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
                let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                children.sort();
                for child in children {
                    visit(&child, false, seen_dirs, walk, diagnostics);
                }
            }
            Err(e) => {
                diagnostics.push(Diagnostic::file(
                    &source,
                    format!("cannot read folder: {e}"),
                ));
                walk.skipped += 1;
            }
        }
    } else if meta.is_file() {
        walk.files.push(Found {
            path: path.to_path_buf(),
            named,
        });
    } else if wanted {
        diagnostics.push(Diagnostic::file(
            &source,
            "skipped: not a regular file (FIFO, socket or device)",
        ));
        walk.skipped += 1;
    }
}
