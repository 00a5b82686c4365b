//! The database file: what is written is read back, older schemas are migrated, a damaged file
//! is moved aside and never written over, export and import move the state between machines.

use std::fs;
use std::sync::mpsc;
use std::time::Duration;

use liseuse::state::jsonl::{self, Record};
use liseuse::state::{Db, Mark, Notice, Position, Saver, schema};

use super::{around, fresh, open, place, read, session, star};

#[test]
fn marks_stars_and_the_session_come_back_after_reopening() {
    let (_dir, path) = fresh();
    let mut db = open(&path);
    db.apply(&read("le-pecheur"), 10).unwrap();
    db.apply(&star("le-pecheur", true), 11).unwrap();
    db.apply(&star("l’été-à-hué", true), 12).unwrap();
    db.apply(&star("l’été-à-hué", false), 13).unwrap();
    db.apply(&session(place("le-pecheur", 4, 120)), 14).unwrap();
    drop(db);

    let saved = open(&path).load().unwrap();
    assert_eq!(
        saved.marks.get("le-pecheur"),
        Some(&Mark {
            read: true,
            starred: true
        })
    );
    assert_eq!(
        saved.marks.get("l’été-à-hué"),
        None,
        "unstarred and unread is no mark"
    );
    assert_eq!(saved.session, Some(around(place("le-pecheur", 4, 120))));
    let counts = open(&path).counts().unwrap();
    assert_eq!(
        (
            counts.articles,
            counts.read,
            counts.starred,
            counts.positions
        ),
        (2, 1, 1, 1)
    );
}

/// A database as an older liseuse left it: the first `version` steps, and a mark in it.
fn older(path: &std::path::Path, version: usize) {
    let conn = rusqlite::Connection::open(path).unwrap();
    for (n, step) in schema::STEPS[..version].iter().enumerate() {
        conn.execute_batch(step).unwrap();
        conn.pragma_update(None, "user_version", n as i64 + 1)
            .unwrap();
    }
    if version >= 1 {
        conn.execute(
            "INSERT INTO article (key, read, read_at, starred, starred_at) VALUES ('ancien', 1, 5, 1, 6)",
            [],
        )
        .unwrap();
    }
}

#[test]
fn every_older_schema_is_brought_up_to_date_and_keeps_its_marks() {
    for version in 0..schema::STEPS.len() {
        let (_dir, path) = fresh();
        older(&path, version);
        let mut db = open(&path);
        db.apply(&session(place("ancien", 1, 1)), 7).unwrap();
        let saved = db.load().unwrap();
        assert_eq!(
            saved.marks.contains_key("ancien"),
            version >= 1,
            "from v{version}"
        );
        if version >= 1 {
            assert_eq!(
                saved.marks["ancien"],
                Mark {
                    read: true,
                    starred: true
                }
            );
        }
        assert!(
            saved.session.is_some(),
            "v{version} can hold a session once migrated"
        );
        drop(db);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let now: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(now, schema::CURRENT, "from v{version}");
    }
}

#[test]
fn a_corrupt_file_is_moved_aside_reported_and_a_fresh_one_started() {
    let (dir, path) = fresh();
    let garbage =
        b"ceci n'est pas une base de donn\xc3\xa9es, mais ses octets comptent\n".repeat(64);
    fs::write(&path, &garbage).unwrap();
    let opened = Db::open_for_reader(&path);
    let [Notice::MovedAside { to, .. }] = opened.notices.as_slice() else {
        panic!("one notice that it was moved: {:?}", opened.notices);
    };
    assert!(
        to.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("state.db.corrupt-"),
        "{to:?}"
    );
    assert_eq!(
        fs::read(to).unwrap(),
        garbage,
        "the old file is kept as it was"
    );
    assert_eq!(to.parent(), Some(dir.path()));
    let mut db = opened.db.expect("a fresh database");
    db.apply(&read("nouveau"), 1).unwrap();
    drop(db);
    assert!(open(&path).load().unwrap().marks.contains_key("nouveau"));

    fs::write(&path, &garbage).unwrap();
    let again = Db::open_for_reader(&path);
    let [Notice::MovedAside { to: second, .. }] = again.notices.as_slice() else {
        panic!("{:?}", again.notices);
    };
    assert_ne!(second, to, "an earlier copy is never written over");
    assert!(to.exists() && second.exists());
}

#[test]
fn a_truncated_database_is_moved_aside_too() {
    let (_dir, path) = fresh();
    let mut db = open(&path);
    for n in 0..400 {
        db.apply(&read(&format!("article-{n:04}")), n).unwrap();
    }
    drop(db);
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let opened = Db::open_for_reader(&path);
    assert!(
        matches!(opened.notices.as_slice(), [Notice::MovedAside { .. }]),
        "{:?}",
        opened.notices
    );
    assert!(opened.db.is_some());
}

#[test]
fn a_database_from_a_newer_liseuse_is_left_untouched() {
    let (_dir, path) = fresh();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = fs::read(&path).unwrap();
    let opened = Db::open_for_reader(&path);
    assert!(opened.db.is_none());
    assert!(matches!(
        opened.notices.as_slice(),
        [Notice::TooNew { version: 99, .. }]
    ));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_folder_that_cannot_be_written_leaves_the_state_in_memory_with_a_notice() {
    // /proc takes no new folders, even from root (who ignores permission bits).
    let path = std::path::Path::new("/proc/liseuse-test/state.db");
    let opened = Db::open_for_reader(path);
    assert!(opened.db.is_none());
    assert!(
        matches!(opened.notices.as_slice(), [Notice::InMemory { .. }]),
        "{:?}",
        opened.notices
    );
    assert!(opened.saved.marks.is_empty());
}

#[test]
fn a_write_that_fails_is_reported_once_kept_and_written_with_the_next() {
    let (_dir, path) = fresh();
    let db = open(&path);
    let (tx, notices) = mpsc::channel();
    let saver = Saver::spawn(db, move |notice| tx.send(notice).unwrap());
    // Another instance holds the write lock past the saver's patience: its write fails.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    saver.save(read("premier"));
    let notice = notices.recv_timeout(Duration::from_secs(30)).unwrap();
    assert!(matches!(notice, Notice::Unsaved { .. }), "{notice:?}");
    other.execute_batch("COMMIT").unwrap();
    saver.save(read("second"));
    drop(saver);
    let saved = open(&path).load().unwrap();
    assert!(
        saved.marks.contains_key("premier"),
        "the failed change was tried again"
    );
    assert!(saved.marks.contains_key("second"));
    assert!(notices.try_recv().is_err(), "told once");
}

fn exported(db: &Db) -> String {
    let mut out = Vec::new();
    jsonl::export(db, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn export_then_import_into_an_empty_state_gives_the_same_state() {
    let (_dir, path) = fresh();
    let mut db = open(&path);
    db.apply(&read("b-l’été"), 100).unwrap();
    db.apply(&star("a-«citation»", true), 101).unwrap();
    db.apply(&star("b-l’été", false), 102).unwrap();
    db.apply(&session(place("c-10\u{a0}000-ᵉ", 7, 3)), 103)
        .unwrap();
    let text = exported(&db);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(
        text.contains("c-10\u{a0}000-ᵉ"),
        "keys kept as they are: {text}"
    );

    let (_dir2, path2) = fresh();
    let mut empty = open(&path2);
    let records = jsonl::read(text.as_bytes()).unwrap();
    jsonl::merge(&mut empty, &records).unwrap();
    assert_eq!(exported(&empty), text);
    assert_eq!(empty.load().unwrap().marks, db.load().unwrap().marks);
}

fn record(key: &str, read: Option<(bool, i64)>, starred: Option<(bool, i64)>) -> Record {
    Record {
        key: key.to_owned(),
        read: read.map(|r| r.0),
        read_at: read.map(|r| r.1),
        starred: starred.map(|s| s.0),
        starred_at: starred.map(|s| s.1),
        position: None,
        position_at: None,
        changed_at: None,
    }
}

#[test]
fn import_lets_the_later_change_win_field_by_field() {
    let (_dir, path) = fresh();
    let mut db = open(&path);
    db.apply(&read("x"), 100).unwrap();
    db.apply(&star("x", true), 300).unwrap();
    let other = [
        // Unread later on the other machine; its star is older than ours.
        record("x", Some((false, 200)), Some((false, 250))),
        record("y", None, Some((true, 50))),
    ];
    jsonl::merge(&mut db, &other).unwrap();
    let saved = db.load().unwrap();
    assert_eq!(
        saved.marks["x"],
        Mark {
            read: false,
            starred: true
        }
    );
    assert!(saved.marks["y"].starred);
    let records = jsonl::records(&db).unwrap();
    assert_eq!(records[0].changed_at, Some(300));
    assert_eq!(
        (records[0].read_at, records[0].starred_at),
        (Some(200), Some(300))
    );
    // The same import again changes nothing.
    assert_eq!(jsonl::merge(&mut db, &other).unwrap(), 0);
}

#[test]
fn a_bad_line_refuses_the_whole_import_and_names_its_line() {
    let text = concat!(
        r#"{"key":"a","read":true,"read_at":1,"starred":null,"starred_at":null,"position":null,"position_at":null,"changed_at":1}"#,
        "\n\n",
        r#"{"key":"b","read":true,"read_at":null,"starred":null,"starred_at":null,"position":null,"position_at":null,"changed_at":null}"#,
        "\n",
    );
    let bad = jsonl::read(text.as_bytes()).unwrap_err();
    assert_eq!(bad.line, 3);
    let bad = jsonl::read("{\"key\": 3}\n".as_bytes()).unwrap_err();
    assert_eq!(bad.line, 1);
    let position = Position {
        block: 2,
        offset: 9,
        at_end: true,
        link: None,
    };
    let line = serde_json::to_string(&Record {
        position: Some(position),
        position_at: Some(4),
        ..record("p", None, None)
    })
    .unwrap();
    assert_eq!(
        jsonl::read(line.as_bytes()).unwrap()[0].position,
        Some(position)
    );
}
