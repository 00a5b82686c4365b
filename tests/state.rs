//! The reading state on disk: round trips, migrations from every older schema, a corrupt file
//! moved aside, an unopenable one leaving the state in memory, a failed write kept and written
//! later, two processes at once, `kill -9` at random moments, export and import. The app's use
//! of it (keys, undo, the session) is in `state/app.rs`, the binary in a terminal in
//! `state/pty.rs`.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/pty.rs"]
mod pty;
#[path = "common/rng.rs"]
mod rng;
#[path = "common/synthetic.rs"]
mod synthetic;

#[path = "state/app.rs"]
mod app;
#[path = "state/files.rs"]
mod files;
#[path = "state/processes.rs"]
mod processes;
#[path = "state/screen.rs"]
mod screen;

use std::path::{Path, PathBuf};

use liseuse::state::{Change, Db, Place, Position, Session};

/// A fresh folder and the database path in it.
fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.db");
    (dir, path)
}

fn open(path: &Path) -> Db {
    Db::open(path).expect("the state database opens")
}

fn read(key: &str) -> Change {
    Change::Read {
        key: key.to_owned(),
        read: true,
    }
}

fn star(key: &str, starred: bool) -> Change {
    Change::Star {
        key: key.to_owned(),
        starred,
    }
}

fn place(key: &str, block: u32, offset: u32) -> Place {
    Place {
        key: key.to_owned(),
        position: Position {
            block,
            offset,
            at_end: false,
            link: Some(1),
        },
    }
}

/// A session with history both ways around `current`.
fn around(current: Place) -> Session {
    Session {
        current,
        back: vec![place("a", 1, 2), place("b", 3, 4)],
        forward: vec![place("c", 5, 6)],
    }
}

fn session(current: Place) -> Change {
    Change::Session(around(current))
}
