//! Other processes: two instances marking at once, and a writer killed with SIGKILL at random
//! moments. The writer is this test binary run again (`child_writer`, told what to do by the
//! environment), so the test needs no program of its own.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use liseuse::state::Db;

use super::rng::Rng;
use super::{fresh, open, read};

/// The database to write to, the keys' prefix and how many to mark (none: until killed).
const CHILD_DB: &str = "LISEUSE_TEST_CHILD_DB";
const CHILD_PREFIX: &str = "LISEUSE_TEST_CHILD_PREFIX";
const CHILD_COUNT: &str = "LISEUSE_TEST_CHILD_COUNT";

fn key(prefix: &str, n: usize) -> String {
    format!("{prefix}-{n:06}")
}

/// Marks `prefix-000000`, `prefix-000001`… read, one transaction each, starting after the last
/// one already there, and prints `done n` once each is committed.
fn mark_in_a_loop(path: &Path, prefix: &str, count: Option<usize>) -> usize {
    let mut db = open(path);
    let mut n = marked(&db, prefix).len();
    while count.is_none_or(|count| n < count) {
        db.apply(&read(&key(prefix, n)), n as i64).unwrap();
        println!("done {n}");
        n += 1;
    }
    n
}

/// The keys with `prefix` marked read, in order.
fn marked(db: &Db, prefix: &str) -> Vec<String> {
    let mut keys: Vec<String> = db
        .load()
        .unwrap()
        .marks
        .into_iter()
        .filter(|(k, m)| k.starts_with(prefix) && m.read)
        .map(|(k, _)| k)
        .collect();
    keys.sort();
    keys
}

/// Run again by the tests below as a writer; on its own, a writer of 30 marks that must all be
/// there afterwards.
#[test]
fn child_writer() {
    match std::env::var_os(CHILD_DB) {
        Some(path) => {
            let prefix = std::env::var(CHILD_PREFIX).unwrap();
            let count = std::env::var(CHILD_COUNT).ok().map(|c| c.parse().unwrap());
            mark_in_a_loop(Path::new(&path), &prefix, count);
        }
        None => {
            let (_dir, path) = fresh();
            assert_eq!(mark_in_a_loop(&path, "seul", Some(30)), 30);
            assert_eq!(marked(&open(&path), "seul").len(), 30);
        }
    }
}

fn spawn_writer(path: &Path, prefix: &str, count: Option<usize>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--exact",
        "processes::child_writer",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_DB, path)
    .env(CHILD_PREFIX, prefix)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if let Some(count) = count {
        cmd.env(CHILD_COUNT, count.to_string());
    }
    cmd.spawn().unwrap()
}

#[test]
fn two_processes_marking_different_articles_both_keep_their_marks() {
    let (_dir, path) = fresh();
    drop(open(&path));
    let mut a = spawn_writer(&path, "alpha", Some(150));
    let mut b = spawn_writer(&path, "beta", Some(150));
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let db = open(&path);
    assert_eq!(marked(&db, "alpha").len(), 150);
    assert_eq!(marked(&db, "beta").len(), 150);
}

/// The last `done n` a writer printed before it died, read as it goes.
fn follow(child: &mut Child) -> mpsc::Receiver<usize> {
    let out = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("done ").and_then(|n| n.parse().ok())
                && tx.send(n).is_err()
            {
                break;
            }
        }
    });
    rx
}

#[test]
fn sigkill_at_random_moments_loses_at_most_the_change_in_flight() {
    let (_dir, path) = fresh();
    drop(open(&path));
    let mut rng = Rng::new(0x5eed_4b11);
    let mut before = 0;
    for round in 0..100 {
        let mut child = spawn_writer(&path, "k", None);
        let done = follow(&mut child);
        thread::sleep(Duration::from_millis(5 + rng.below(40) as u64));
        child.kill().unwrap();
        child.wait().unwrap();
        let last = done.iter().last();
        let db = Db::open(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let keys = marked(&db, "k");
        let expected: Vec<String> = (0..keys.len()).map(|n| key("k", n)).collect();
        assert_eq!(keys, expected, "round {round}: a prefix of the changes");
        if let Some(last) = last {
            assert!(
                keys.len() == last + 1 || keys.len() == last + 2,
                "round {round}: {} kept, {last} said done",
                keys.len()
            );
        }
        assert!(
            keys.len() >= before,
            "round {round}: nothing committed is lost"
        );
        before = keys.len();
    }
    assert!(before > 100, "the writers got somewhere: {before}");
}
