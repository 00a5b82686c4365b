//! Key → screen latency of the real binary, as a person feels it: the release build runs in a
//! pseudo-terminal read through a terminal emulator, keys are typed, and the time until the
//! screen shows what the key asked for is measured. Prints a table of medians and 90th
//! percentiles per corpus; it asserts nothing (speed is measured, never tested).
//!
//! `cargo build --release && cargo run --release --example key_latency -- [--reps N] [DIR…]`
//! (no DIR: the bundled corpus; make large ones with the `gen_corpus` example).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use clap::Parser;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Bounds a wait for the screen; a key that takes longer is reported as a timeout.
const PATIENCE: Duration = Duration::from_secs(120);

#[derive(Parser)]
struct Args {
    /// Presses of each key measured.
    #[arg(long, default_value_t = 30)]
    reps: usize,
    /// The binary (default: the release build).
    #[arg(long, default_value = "target/release/liseuse")]
    bin: PathBuf,
    /// Corpus folders; `bundled` (or none) means the bundled corpus.
    dirs: Vec<PathBuf>,
}

/// The program in its terminal, and the screen as the emulator sees it.
struct Screen {
    parser: vt100::Parser,
    bytes: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    /// Kept so the program lives as long as the measure.
    _child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Screen {
    fn start(bin: &PathBuf, dir: Option<&PathBuf>) -> Screen {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .expect("a pseudo-terminal");
        let bin = std::fs::canonicalize(bin).expect("the binary exists (cargo build --release)");
        let mut cmd = CommandBuilder::new(bin);
        cmd.cwd(std::env::current_dir().expect("a working folder"));
        cmd.args(dir);
        // Each run starts as the first: no session restored, nothing left in the user's state.
        cmd.arg("--no-state");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "fr_FR.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        let child = pair.slave.spawn_command(cmd).expect("the reader starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (tx, bytes) = mpsc::channel();
        thread::spawn(move || {
            // Keep the master open for the whole run.
            let _master = pair.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Screen {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            bytes,
            writer,
            _child: child,
        }
    }

    fn status(&self) -> String {
        let screen = self.parser.screen();
        screen.rows(0, COLS).last().unwrap_or_default()
    }

    /// Types `key` and returns how long until `done` holds of the screen.
    fn time(&mut self, key: &str, done: impl Fn(&Screen) -> bool) -> Option<Duration> {
        self.settle();
        let start = Instant::now();
        self.writer.write_all(key.as_bytes()).ok()?;
        self.writer.flush().ok()?;
        self.until(start, done)
    }

    fn until(&mut self, start: Instant, done: impl Fn(&Screen) -> bool) -> Option<Duration> {
        loop {
            let left = PATIENCE.checked_sub(start.elapsed())?;
            let chunk = self.bytes.recv_timeout(left).ok()?;
            self.parser.process(&chunk);
            if done(self) {
                return Some(start.elapsed());
            }
        }
    }

    /// Takes in whatever is still arriving, so a measure starts from a quiet screen.
    fn settle(&mut self) {
        while let Ok(chunk) = self.bytes.recv_timeout(Duration::from_millis(30)) {
            self.parser.process(&chunk);
        }
    }
}

fn history(screen: &Screen) -> Option<usize> {
    let status = screen.status();
    let after = status.split("historique ").nth(1)?;
    after
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

fn median_p90(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let args = Args::parse();
    let corpora: Vec<Option<&PathBuf>> = if args.dirs.is_empty() {
        vec![None]
    } else {
        let bundled = |d: &&PathBuf| d.as_os_str() != "bundled";
        args.dirs.iter().map(|d| Some(d).filter(bundled)).collect()
    };
    println!("| corpus | start → first screen | key | median | p90 |");
    println!("| --- | --- | --- | --- | --- |");
    for dir in corpora {
        let name = dir.map_or("bundled".to_owned(), |d| d.display().to_string());
        let started = Instant::now();
        let mut screen = Screen::start(&args.bin, dir);
        let first = screen
            .until(started, |s| s.status().contains("? aide"))
            .unwrap_or_else(|| panic!("no first screen:\n{}", screen.parser.screen().contents()));
        let mut rows: Vec<(&str, Vec<Duration>)> = Vec::new();
        let mut list = Vec::new();
        for n in 0..args.reps {
            let key = if n % 2 == 0 { "j" } else { "k" };
            let before = screen.parser.screen().contents_formatted();
            list.extend(screen.time(key, |s| s.parser.screen().contents_formatted() != before));
        }
        rows.push(("`j`/`k` in the list", list));
        // From the list on the first article: open the next one, follow its link 1, come back
        // twice, return to the list. The status bar's history count says when each happened.
        let (mut enter, mut digit, mut back) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..args.reps {
            let depth = history(&screen).unwrap_or(0);
            let before = screen.parser.screen().contents_formatted();
            screen.time("j", |s| s.parser.screen().contents_formatted() != before);
            enter.extend(screen.time("\r", |s| history(s) == Some(depth + 1)));
            digit.extend(screen.time("1", |s| history(s) == Some(depth + 2)));
            back.extend(screen.time("\u{7f}", |s| history(s) == Some(depth + 1)));
            screen.time("\u{7f}", |s| history(s) == Some(depth));
            let before = screen.parser.screen().contents_formatted();
            screen.time("t", |s| s.parser.screen().contents_formatted() != before);
        }
        rows.push(("`Enter` → article shown", enter));
        rows.push(("`1` → link 1 shown", digit));
        rows.push(("`⌫` → back shown", back));
        for (key, times) in rows {
            if times.is_empty() {
                println!("| {name} | {} | {key} | timeout | |", ms(first));
                continue;
            }
            let (median, p90) = median_p90(times);
            println!(
                "| {name} | {} | {key} | {} | {} |",
                ms(first),
                ms(median),
                ms(p90)
            );
        }
        let _ = screen.writer.write_all(b"q");
    }
}
