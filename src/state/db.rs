//! The state database: open it (creating its folder, migrating it, moving a corrupt one aside
//! rather than ever writing over it), read what it holds, and write one change per short
//! transaction. WAL lets several readers run at once; every write touches only the fields it
//! changes, so two instances marking different articles both keep their marks.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode, OptionalExtension, ToSql, Transaction, params};

use super::recover::move_aside;
use super::{Change, Mark, Notice, Place, Position, Saved, Session, schema};

/// How long a write waits for another instance's transaction to end.
const BUSY_WAIT: Duration = Duration::from_secs(5);

#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: PathBuf,
}

/// A database opened for the reader, or the reason there is none, and what to tell the user.
#[derive(Debug)]
pub struct Opened {
    pub db: Option<Db>,
    pub saved: Saved,
    pub notices: Vec<Notice>,
}

/// What `liseuse state` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Articles the database knows anything about.
    pub articles: usize,
    pub read: usize,
    pub starred: usize,
    pub positions: usize,
}

/// Why a database could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// Not a database, or a damaged one: to be moved aside.
    Corrupt(String),
    /// Written by a newer liseuse: to be left alone.
    TooNew(i64),
    /// Anything else (no permission, no space, no folder): to be left alone.
    Unavailable(String),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Corrupt(why) | OpenError::Unavailable(why) => f.write_str(why),
            OpenError::TooNew(v) => write!(f, "schema version {v} is newer than this liseuse"),
        }
    }
}

/// Milliseconds since the Unix epoch: the time a change is stamped with.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

impl Db {
    /// Opens (or creates) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Db, OpenError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| OpenError::Unavailable(e.to_string()))?;
        }
        let mut conn = Connection::open(path).map_err(classify)?;
        conn.busy_timeout(BUSY_WAIT).map_err(classify)?;
        // Before anything that writes: a file we cannot vouch for is left exactly as it is.
        let version = schema::version(&conn).map_err(classify)?;
        if version > schema::CURRENT {
            return Err(OpenError::TooNew(version));
        }
        check(&conn)?;
        // WAL: readers never wait for the writer, a crash leaves the last commit whole.
        // FULL: a commit is on disk before the call returns (the saver runs off the key path).
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(classify)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(classify)?;
        schema::migrate(&mut conn, version).map_err(classify)?;
        Ok(Db {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens the database for the reader and reads it. A corrupt one is moved aside
    /// (`state.db.corrupt-<time>`) and a fresh one started; one that cannot be opened at all
    /// leaves the reader with its state in memory. Both are said in `notices`.
    pub fn open_for_reader(path: &Path) -> Opened {
        let mut notices = Vec::new();
        let opened = match Db::open(path) {
            Err(OpenError::Corrupt(reason)) => match move_aside(path) {
                Ok(to) => {
                    notices.push(Notice::MovedAside { to, reason });
                    Db::open(path)
                }
                Err(e) => Err(OpenError::Unavailable(format!(
                    "{reason}; moving it aside: {e}"
                ))),
            },
            other => other,
        };
        let db = match opened {
            Ok(db) => Some(db),
            Err(OpenError::TooNew(version)) => {
                notices.push(Notice::TooNew {
                    path: path.to_path_buf(),
                    version,
                });
                None
            }
            Err(e) => {
                notices.push(Notice::InMemory {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                });
                None
            }
        };
        let saved = match db.as_ref().map(Db::load) {
            Some(Ok(saved)) => saved,
            Some(Err(e)) => {
                notices.push(Notice::InMemory {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                });
                return Opened {
                    db: None,
                    saved: Saved::default(),
                    notices,
                };
            }
            None => Saved::default(),
        };
        Opened { db, saved, notices }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(super) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Marks and the last session.
    pub fn load(&self) -> rusqlite::Result<Saved> {
        let mut marks = std::collections::HashMap::new();
        let mut rows = self
            .conn
            .prepare("SELECT key, read, starred FROM article WHERE read OR starred")?;
        let found = rows.query_map([], |row| {
            let read: Option<bool> = row.get(1)?;
            let starred: Option<bool> = row.get(2)?;
            let mark = Mark {
                read: read.unwrap_or(false),
                starred: starred.unwrap_or(false),
            };
            Ok((row.get::<_, String>(0)?, mark))
        })?;
        for found in found {
            let (key, mark) = found?;
            marks.insert(key, mark);
        }
        Ok(Saved {
            marks,
            session: self.session()?,
        })
    }

    fn session(&self) -> rusqlite::Result<Option<Session>> {
        let mut rows = self.conn.prepare(
            "SELECT slot, key, block, char_offset, at_end, link FROM session ORDER BY slot",
        )?;
        let slots = rows.query_map([], |row| {
            let place = Place {
                key: row.get(1)?,
                position: Position {
                    block: row.get(2)?,
                    offset: row.get(3)?,
                    at_end: row.get(4)?,
                    link: row.get(5)?,
                },
            };
            Ok((row.get::<_, i64>(0)?, place))
        })?;
        let (mut back, mut current, mut forward) = (Vec::new(), None, Vec::new());
        for slot in slots {
            match slot? {
                (0, place) => current = Some(place),
                (n, place) if n < 0 => back.push(place),
                (_, place) => forward.push(place),
            }
        }
        // Slots run -n…-1 (oldest first, as history keeps `back`) and 1…n (nearest first,
        // while history's `forward` keeps the nearest last).
        forward.reverse();
        Ok(current.map(|current| Session {
            current,
            back,
            forward,
        }))
    }

    /// Writes one change, stamped `at` (milliseconds since the epoch), in one transaction.
    pub fn apply(&mut self, change: &Change, at: i64) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        match change {
            Change::Read { key, read } => upsert(&tx, READ, &[key, read, &at], Wins::Always)?,
            Change::Star { key, starred } => {
                upsert(&tx, STARRED, &[key, starred, &at], Wins::Always)?
            }
            Change::Session(session) => write_session(&tx, session, at)?,
        };
        tx.commit()
    }

    pub fn counts(&self) -> rusqlite::Result<Counts> {
        self.conn.query_row(
            "SELECT count(*), count(CASE WHEN read THEN 1 END),
                    count(CASE WHEN starred THEN 1 END), count(position_at)
             FROM article",
            [],
            |row| {
                let count = |n| row.get::<_, i64>(n).map(|c| c as usize);
                Ok(Counts {
                    articles: count(0)?,
                    read: count(1)?,
                    starred: count(2)?,
                    positions: count(3)?,
                })
            },
        )
    }

    /// Keys the database holds that `known` does not: state for articles not in the corpus.
    pub fn orphans(&self, known: &HashSet<String>) -> rusqlite::Result<Vec<String>> {
        let mut keys = self
            .conn
            .prepare("SELECT key FROM article UNION SELECT key FROM session ORDER BY 1")?;
        let keys = keys.query_map([], |row| row.get::<_, String>(0))?;
        let mut orphans = Vec::new();
        for key in keys {
            let key = key?;
            if !known.contains(&key) {
                orphans.push(key);
            }
        }
        Ok(orphans)
    }

    /// Removes everything saved for these keys, in one transaction. Returns how many went.
    pub fn remove(&mut self, keys: &[String]) -> rusqlite::Result<usize> {
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        for key in keys {
            removed += tx.execute("DELETE FROM article WHERE key = ?1", [key])?;
            tx.execute("DELETE FROM session WHERE key = ?1", [key])?;
        }
        tx.commit()?;
        Ok(removed)
    }

    pub(super) fn transaction(&mut self) -> rusqlite::Result<Transaction<'_>> {
        self.conn.transaction()
    }
}

/// Which write wins over what the database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wins {
    /// A change made here and now.
    Always,
    /// A change imported from elsewhere: only when it is later than the one held.
    IfLater,
}

/// The columns of one field, its time last.
pub(super) const READ: &[&str] = &["read", "read_at"];
pub(super) const STARRED: &[&str] = &["starred", "starred_at"];
pub(super) const POSITION: &[&str] = &["block", "char_offset", "at_end", "link", "position_at"];

/// Sets one field of an article's row (creating the row), its other fields untouched.
/// `values` are the key then one per column.
pub(super) fn upsert(
    tx: &Transaction,
    columns: &[&str],
    values: &[&dyn ToSql],
    wins: Wins,
) -> rusqlite::Result<usize> {
    let names = columns.join(", ");
    let slots = (2..=columns.len() + 1)
        .map(|n| format!("?{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sets = columns
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let stamp = columns[columns.len() - 1];
    let rule = match wins {
        Wins::Always => String::new(),
        Wins::IfLater => {
            format!(" WHERE article.{stamp} IS NULL OR excluded.{stamp} > article.{stamp}")
        }
    };
    let sql = format!(
        "INSERT INTO article (key, {names}) VALUES (?1, {slots})
         ON CONFLICT (key) DO UPDATE SET {sets}{rule}"
    );
    tx.execute(&sql, values)
}

pub(super) fn set_position(
    tx: &Transaction,
    key: &str,
    p: &Position,
    at: i64,
    wins: Wins,
) -> rusqlite::Result<usize> {
    let values: [&dyn ToSql; 6] = [&key, &p.block, &p.offset, &p.at_end, &p.link, &at];
    upsert(tx, POSITION, &values, wins)
}

fn write_session(tx: &Transaction, session: &Session, at: i64) -> rusqlite::Result<usize> {
    tx.execute("DELETE FROM session", [])?;
    let back = session.back.iter().rev().zip(1..).map(|(p, n)| (-n, p));
    let forward = session.forward.iter().rev().zip(1..);
    let slots = back
        .chain(std::iter::once((0, &session.current)))
        .chain(forward.map(|(p, n)| (n, p)));
    let mut insert = tx.prepare(
        "INSERT INTO session (slot, key, block, char_offset, at_end, link)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (slot, place) in slots {
        let p = &place.position;
        insert.execute(params![
            slot, place.key, p.block, p.offset, p.at_end, p.link
        ])?;
    }
    let current = &session.current;
    set_position(tx, &current.key, &current.position, at, Wins::Always)
}

/// A database SQLite cannot vouch for is corrupt; `quick_check` reads every page.
fn check(conn: &Connection) -> Result<(), OpenError> {
    let verdict: Option<String> = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .optional()
        .map_err(classify)?;
    match verdict.as_deref() {
        Some("ok") => Ok(()),
        other => Err(OpenError::Corrupt(format!(
            "integrity check: {}",
            other.unwrap_or("no answer")
        ))),
    }
}

fn classify(e: rusqlite::Error) -> OpenError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            OpenError::Corrupt(e.to_string())
        }
        _ => OpenError::Unavailable(e.to_string()),
    }
}
