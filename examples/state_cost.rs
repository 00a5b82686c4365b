//! What the reading state costs, measured, never tested: the median time to write one change
//! (a read mark; a session with ten places of history) with `synchronous=FULL`, against a
//! yardstick measured in the same run on the same disk: writing 4 KiB to a file and
//! `fsync`ing it, the least any durable write costs. Then opening and loading a database of
//! 50 000 marks, against reading and parsing the same marks exported as JSON Lines.
//!
//! `cargo run --release --example state_cost -- [--reps N] [--dir DIR]` (DIR: where to write;
//! the default is a temporary folder, which may be in memory: give a real disk to measure it).

use std::fs::{self, File};
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;
use liseuse::state::{Change, Db, Place, Position, Session, jsonl};

#[derive(Parser)]
struct Args {
    /// Writes measured of each kind.
    #[arg(long, default_value_t = 200)]
    reps: usize,
    /// Folder to write in.
    #[arg(long)]
    dir: Option<PathBuf>,
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed(reps: usize, mut f: impl FnMut(usize)) -> Duration {
    median(
        (0..reps)
            .map(|n| {
                let start = Instant::now();
                f(n);
                start.elapsed()
            })
            .collect(),
    )
}

fn place(n: usize) -> Place {
    Place {
        key: format!("article-numero-{n:05}"),
        position: Position {
            block: n as u32,
            offset: 40,
            at_end: false,
            link: Some(2),
        },
    }
}

fn fsync_yardstick(dir: &Path, reps: usize) -> Duration {
    let path = dir.join("yardstick.bin");
    let block = vec![b'x'; 4096];
    let time = timed(reps, |_| {
        let mut file = File::create(&path).unwrap();
        file.write_all(&block).unwrap();
        file.sync_data().unwrap();
    });
    fs::remove_file(path).unwrap();
    time
}

fn main() {
    let args = Args::parse();
    let temp = tempfile::tempdir().unwrap();
    let dir = args.dir.unwrap_or_else(|| temp.path().to_path_buf());
    let path = dir.join("state_cost.db");
    let _ = fs::remove_file(&path);
    let mut db = Db::open(&path).unwrap();

    let yardstick = fsync_yardstick(&dir, args.reps);
    let mark = timed(args.reps, |n| {
        let change = Change::Read {
            key: format!("article-numero-{n:05}"),
            read: true,
        };
        db.apply(&change, n as i64).unwrap();
    });
    let session = timed(args.reps, |n| {
        let change = Change::Session(Session {
            current: place(n),
            back: (0..10).map(place).collect(),
            forward: Vec::new(),
        });
        db.apply(&change, n as i64).unwrap();
    });

    let records: Vec<_> = (0..50_000)
        .map(|n| jsonl::Record {
            key: format!("article-numero-{n:05}"),
            read: Some(true),
            read_at: Some(n),
            starred: Some(n % 7 == 0),
            starred_at: Some(n),
            position: None,
            position_at: None,
            changed_at: Some(n),
        })
        .collect();
    jsonl::merge(&mut db, &records).unwrap();
    drop(db);
    let export = dir.join("state_cost.jsonl");
    jsonl::export(
        &Db::open(&path).unwrap(),
        &mut File::create(&export).unwrap(),
    )
    .unwrap();
    let reps = (args.reps / 20).max(5);
    let load = timed(reps, |_| {
        let saved = Db::open(&path).unwrap().load().unwrap();
        assert!(saved.marks.len() >= 50_000);
    });
    let parse = timed(reps, |_| {
        let read = jsonl::read(BufReader::new(File::open(&export).unwrap())).unwrap();
        assert_eq!(read.len(), 50_000);
    });
    for suffix in ["", "-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let _ = fs::remove_file(export);

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{:<44} {:>10} {:>8}", "", "median", "ratio");
    println!(
        "{:<44} {:>7.3} ms {:>8}",
        "yardstick: write 4 KiB + fsync",
        ms(yardstick),
        "1.00"
    );
    for (what, time) in [
        ("one read mark (a transaction)", mark),
        ("one session, 10 places of history", session),
    ] {
        println!(
            "{what:<44} {:>7.3} ms {:>8.2}",
            ms(time),
            ms(time) / ms(yardstick)
        );
    }
    println!(
        "{:<44} {:>7.3} ms {:>8}",
        "yardstick: parse 50 000 records of JSON Lines",
        ms(parse),
        "1.00"
    );
    println!(
        "{:<44} {:>7.3} ms {:>8.2}",
        "open + load 50 000 marks",
        ms(load),
        ms(load) / ms(parse)
    );
}
