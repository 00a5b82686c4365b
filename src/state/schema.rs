//! The database's schema, as the list of steps that built it: a database at version n (its
//! `user_version`) has had the first n applied, and opening it applies the rest, each step in
//! the transaction that records it. Steps are never edited once released, only appended.

use rusqlite::{Connection, Transaction};

/// Version 1: marks and stars, each with the time it changed (milliseconds since the Unix
/// epoch), so that an import can let the later change win field by field.
const V1: &str = "
CREATE TABLE article (
    key        TEXT PRIMARY KEY NOT NULL,
    read       INTEGER,
    read_at    INTEGER,
    starred    INTEGER,
    starred_at INTEGER
) WITHOUT ROWID;
";

/// Version 2: where each article was left (an anchor, never a row), and the last session: the
/// open article (slot 0) with the history behind (slots -1, -2…) and ahead (1, 2…).
const V2: &str = "
ALTER TABLE article ADD COLUMN block INTEGER;
ALTER TABLE article ADD COLUMN char_offset INTEGER;
ALTER TABLE article ADD COLUMN at_end INTEGER;
ALTER TABLE article ADD COLUMN link INTEGER;
ALTER TABLE article ADD COLUMN position_at INTEGER;
CREATE TABLE session (
    slot        INTEGER PRIMARY KEY,
    key         TEXT NOT NULL,
    block       INTEGER NOT NULL,
    char_offset INTEGER NOT NULL,
    at_end      INTEGER NOT NULL,
    link        INTEGER
);
";

/// Every step, oldest first.
pub const STEPS: &[&str] = &[V1, V2];

/// The version this liseuse writes.
pub const CURRENT: i64 = STEPS.len() as i64;

/// The schema version a database says it has (0 for a new one).
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings a database at `from` up to `CURRENT`, one transaction per step, so a crash midway
/// leaves it at a version it really has.
pub fn migrate(conn: &mut Connection, from: i64) -> rusqlite::Result<()> {
    for (done, step) in STEPS.iter().enumerate().skip(from.max(0) as usize) {
        let tx = conn.transaction()?;
        apply(&tx, step, done as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

fn apply(tx: &Transaction, step: &str, version: i64) -> rusqlite::Result<()> {
    tx.execute_batch(step)?;
    tx.pragma_update(None, "user_version", version)
}
