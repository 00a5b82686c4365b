//! A damaged database is never written over: it is renamed, with the WAL and shared-memory
//! files that belong with it, to `<file>.corrupt-<UTC time>`, for a person (or SQLite's
//! `.recover`) to look at, and the reader starts a fresh one.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::db::now_ms;

/// Renames `path` (and its WAL and shared-memory files, which belong with it) to
/// `<path>.corrupt-<UTC time>`, never over an earlier one.
pub(super) fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = utc_stamp();
    let mut to = PathBuf::from(format!("{}.corrupt-{stamp}", path.display()));
    let mut n = 1;
    while to.exists() {
        n += 1;
        to = PathBuf::from(format!("{}.corrupt-{stamp}-{n}", path.display()));
    }
    fs::rename(path, &to)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            fs::rename(&side, format!("{}{suffix}", to.display()))?;
        }
    }
    Ok(to)
}

/// The time now as `20261203T184500Z`, asked of SQLite (which has the calendar) in memory.
fn utc_stamp() -> String {
    Connection::open_in_memory()
        .and_then(|c| {
            c.query_row("SELECT strftime('%Y%m%dT%H%M%SZ', 'now')", [], |row| {
                row.get(0)
            })
        })
        .unwrap_or_else(|_| now_ms().to_string())
}
