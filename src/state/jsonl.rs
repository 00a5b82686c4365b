//! The state as JSON Lines, to move it between machines: one record per article (key, read,
//! starred, position, each with the time it changed, and the latest of those times), in key
//! order so the same state always gives the same bytes. Importing merges field by field, the
//! later change winning; the session (open article, history) stays with its machine.

use std::io::{self, BufRead, Write};

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

use super::Position;
use super::db::{Db, READ, STARRED, Wins, set_position, upsert};

/// One article's saved state. A field never set is `null`, with its time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub key: String,
    pub read: Option<bool>,
    pub read_at: Option<i64>,
    pub starred: Option<bool>,
    pub starred_at: Option<i64>,
    pub position: Option<Position>,
    pub position_at: Option<i64>,
    /// The latest of the times above.
    pub changed_at: Option<i64>,
}

/// A line of an import that is not a record.
#[derive(Debug)]
pub struct BadLine {
    pub line: usize,
    pub reason: String,
}

/// Every record, in key order.
pub fn records(db: &Db) -> rusqlite::Result<Vec<Record>> {
    let mut rows = db.conn().prepare(
        "SELECT key, read, read_at, starred, starred_at,
                block, char_offset, at_end, link, position_at
         FROM article ORDER BY key",
    )?;
    let records = rows.query_map([], |row| {
        let position_at: Option<i64> = row.get(9)?;
        let position = match position_at {
            Some(_) => Some(Position {
                block: row.get(5)?,
                offset: row.get(6)?,
                at_end: row.get(7)?,
                link: row.get(8)?,
            }),
            None => None,
        };
        let (read_at, starred_at) = (row.get(2)?, row.get(4)?);
        Ok(Record {
            key: row.get(0)?,
            read: row.get(1)?,
            read_at,
            starred: row.get(3)?,
            starred_at,
            position,
            position_at,
            changed_at: [read_at, starred_at, position_at]
                .into_iter()
                .flatten()
                .max(),
        })
    })?;
    records.collect()
}

/// Writes every record, one JSON object a line.
pub fn export(db: &Db, out: &mut dyn Write) -> io::Result<usize> {
    let records = records(db).map_err(io::Error::other)?;
    for record in &records {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(records.len())
}

/// Reads every record of an export; the first bad line refuses the whole file, so an import
/// is all or nothing. Blank lines are skipped.
pub fn read(input: impl BufRead) -> Result<Vec<Record>, BadLine> {
    let mut records = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let bad = |reason: String| BadLine {
            line: n + 1,
            reason,
        };
        let line = line.map_err(|e| bad(e.to_string()))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
        validate(&record).map_err(|why| bad(why.to_owned()))?;
        records.push(record);
    }
    Ok(records)
}

fn validate(record: &Record) -> Result<(), &'static str> {
    if record.key.trim().is_empty() {
        return Err("empty key");
    }
    let paired = |set: bool, at: Option<i64>| set == at.is_some();
    if !paired(record.read.is_some(), record.read_at)
        || !paired(record.starred.is_some(), record.starred_at)
        || !paired(record.position.is_some(), record.position_at)
    {
        return Err("a value without its time, or a time without its value");
    }
    Ok(())
}

/// Merges `records` in one transaction: for each article and field, the later change wins
/// (on a tie, what is there stays). Returns how many fields changed.
pub fn merge(db: &mut Db, records: &[Record]) -> rusqlite::Result<usize> {
    let tx = db.transaction()?;
    let mut changed = 0;
    for record in records {
        changed += merge_one(&tx, record)?;
    }
    tx.commit()?;
    Ok(changed)
}

fn merge_one(tx: &Transaction, r: &Record) -> rusqlite::Result<usize> {
    let mut changed = 0;
    if let (Some(read), Some(at)) = (r.read, r.read_at) {
        changed += upsert(tx, READ, &[&r.key, &read, &at], Wins::IfLater)?;
    }
    if let (Some(starred), Some(at)) = (r.starred, r.starred_at) {
        changed += upsert(tx, STARRED, &[&r.key, &starred, &at], Wins::IfLater)?;
    }
    if let (Some(p), Some(at)) = (r.position, r.position_at) {
        changed += set_position(tx, &r.key, &p, at, Wins::IfLater)?;
    }
    Ok(changed)
}
