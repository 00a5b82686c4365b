//! Reading state that outlives the reader: read marks, stars and where the reader left off,
//! kept in one SQLite database (WAL, one short transaction per change) under the XDG state
//! folder, keyed by the stable article key so that moving or renaming corpus files loses
//! nothing. `db` opens, recovers and writes it, `schema` migrates it, `saver` writes from a
//! thread of its own so a key never waits on the disk, `jsonl` moves it between machines.
//! What the app holds in memory is `app::marks`; this module never sees the terminal.

pub mod db;
pub mod jsonl;
mod recover;
pub mod saver;
pub mod schema;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::app::Remark;
use crate::wrap::Anchor;

pub use db::{Counts, Db, Opened};
pub use saver::Saver;

/// The database file's name in the state folder.
pub const FILE_NAME: &str = "state.db";

/// The database this run uses: the one given, none with `--no-state`, else the XDG one.
pub fn path(given: Option<&Path>, none: bool) -> Option<PathBuf> {
    match (given, none) {
        (_, true) => None,
        (Some(file), false) => Some(file.to_path_buf()),
        (None, false) => crate::paths::state_dir().map(|dir| dir.join(FILE_NAME)),
    }
}

/// An article's marks. Absent from the database means neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    pub read: bool,
    pub starred: bool,
}

/// A place in an article as saved: the key, never an id (ids are load order), and an anchor,
/// never a row (another terminal size must land on the same sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub key: String,
    pub position: Position,
}

/// Where an article was left: its anchor, whether at the very end, the highlighted link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Position {
    pub block: u32,
    pub offset: u32,
    pub at_end: bool,
    /// The highlighted link, from 0.
    pub link: Option<u32>,
}

impl Position {
    pub fn anchor(self) -> Anchor {
        Anchor {
            block: self.block,
            offset: self.offset,
        }
    }
}

/// The last reader session: the open article and the back/forward history around it.
/// `back` is oldest first (the last is one step back), `forward` is farthest first (the last
/// is one step forward), as `app::history` keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub current: Place,
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
}

/// What the database held when the reader started.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Saved {
    pub marks: HashMap<String, Mark>,
    pub session: Option<Session>,
}

/// One change, written in one transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Read {
        key: String,
        read: bool,
    },
    Star {
        key: String,
        starred: bool,
    },
    /// The session as it is now (replaces the saved one); the open article's position with it.
    Session(Session),
}

/// What went wrong with the state, said to the user: on standard error in full, in the status
/// bar in short.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The database could not be read; it was moved aside and a fresh one started.
    MovedAside { to: PathBuf, reason: String },
    /// No database could be opened: the state lives in memory until quit.
    InMemory { path: PathBuf, reason: String },
    /// A newer liseuse wrote it: left untouched, the state lives in memory until quit.
    TooNew { path: PathBuf, version: i64 },
    /// A change could not be written (read-only or full disk); kept in memory, tried again.
    Unsaved { reason: String },
}

impl Notice {
    /// The status bar's word for it.
    pub fn remark(&self) -> Remark {
        match self {
            Notice::MovedAside { .. } => Remark::StateMovedAside,
            Notice::InMemory { .. } | Notice::TooNew { .. } => Remark::StateInMemory,
            Notice::Unsaved { .. } => Remark::StateUnsaved,
        }
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::MovedAside { to, reason } => write!(
                f,
                "the state database could not be read ({reason}): moved aside to {}, a fresh one started",
                to.display()
            ),
            Notice::InMemory { path, reason } => write!(
                f,
                "cannot open the state database {} ({reason}): marks are kept in memory only",
                path.display()
            ),
            Notice::TooNew { path, version } => write!(
                f,
                "the state database {} has schema {version}, newer than this liseuse knows: left untouched, marks kept in memory only",
                path.display()
            ),
            Notice::Unsaved { reason } => {
                write!(f, "a change could not be saved ({reason}): kept in memory")
            }
        }
    }
}
