//! Which files a list of paths names: folders are walked recursively in name order, symlink
//! loops are cut, and things that are not regular files (FIFOs, sockets) are reported, never
//! opened, so a load can never block on them.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Diagnostic;

/// A file to read, and whether the user named it (rather than it being found in a folder).
pub struct Found {
    pub path: PathBuf,
    pub named: bool,
}

pub fn files(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        visit(path, true, &mut seen_dirs, &mut found, diagnostics);
    }
    found
}

fn visit(
    path: &Path,
    named: bool,
    seen_dirs: &mut HashSet<PathBuf>,
    found: &mut Vec<Found>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let source = path.display().to_string();
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            diagnostics.push(Diagnostic::file(&source, format!("cannot read: {e}")));
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
        for child in sorted_children(path, &source, diagnostics) {
            visit(&child, false, seen_dirs, found, diagnostics);
        }
    } else if meta.is_file() {
        found.push(Found {
            path: path.to_path_buf(),
            named,
        });
    } else if named || super::FileKind::of(path).is_some() {
        diagnostics.push(Diagnostic::file(
            &source,
            "skipped: not a regular file (FIFO, socket or device)",
        ));
    }
}

fn sorted_children(dir: &Path, source: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            children.sort();
            children
        }
        Err(e) => {
            diagnostics.push(Diagnostic::file(source, format!("cannot read folder: {e}")));
            Vec::new()
        }
    }
}
