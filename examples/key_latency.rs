//! Key → screen latency of the real binary, as a person feels it: the release build runs in a
//! pseudo-terminal read through a terminal emulator, keys are typed, and the time until the
//! screen shows what the key asked for is measured. Prints a table of medians and 90th
//! percentiles per corpus; it asserts nothing (speed is measured, never tested).
//!
//! `cargo build --release && cargo run --release --example key_latency -- [--reps N] [DIR…]`
//! (no DIR: the bundled corpus; make large ones with the `gen_corpus` example).

#[path = "bench/screen.rs"]
#[allow(dead_code)] // the gauge watch and the RSS are for bench_pty
mod screen;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Parser;
use screen::Screen;

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

/// The reader on `dir` (none: the bundled corpus), its words in French.
fn start(bin: &PathBuf, dir: Option<&PathBuf>) -> Screen {
    let bin = std::fs::canonicalize(bin).expect("the binary exists (cargo build --release)");
    // Each run starts as the first: no session restored, nothing left in the user's state.
    let mut args: Vec<std::ffi::OsString> = vec!["--no-state".into()];
    args.extend(dir.map(|d| d.as_os_str().to_owned()));
    Screen::start(bin.as_os_str(), &args, &[("LANG", "fr_FR.UTF-8")])
}

/// Types `key` on a quiet screen and returns how long until `done` holds of it.
fn time(screen: &mut Screen, key: &str, done: impl Fn(&Screen) -> bool) -> Option<Duration> {
    screen.settle(Duration::from_millis(30), PATIENCE);
    screen.time(key, PATIENCE, done)
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
        let mut screen = start(&args.bin, dir);
        let first = screen
            .until(started, PATIENCE, |s| s.status().contains("? aide"))
            .map(|at| at - started)
            .unwrap_or_else(|| panic!("no first screen:\n{}", screen.contents()));
        let mut rows: Vec<(&str, Vec<Duration>)> = Vec::new();
        let mut list = Vec::new();
        for n in 0..args.reps {
            let key = if n % 2 == 0 { "j" } else { "k" };
            let before = screen.screen().contents_formatted();
            list.extend(time(&mut screen, key, |s| {
                s.screen().contents_formatted() != before
            }));
        }
        rows.push(("`j`/`k` in the list", list));
        // From the list on the first article: open the next one, follow its link 1, come back
        // twice, return to the list. The status bar's history count says when each happened.
        let (mut enter, mut digit, mut back) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..args.reps {
            let depth = history(&screen).unwrap_or(0);
            let before = screen.screen().contents_formatted();
            time(&mut screen, "j", |s| {
                s.screen().contents_formatted() != before
            });
            enter.extend(time(&mut screen, "\r", |s| history(s) == Some(depth + 1)));
            digit.extend(time(&mut screen, "1", |s| history(s) == Some(depth + 2)));
            back.extend(time(&mut screen, "\u{7f}", |s| {
                history(s) == Some(depth + 1)
            }));
            time(&mut screen, "\u{7f}", |s| history(s) == Some(depth));
            let before = screen.screen().contents_formatted();
            time(&mut screen, "t", |s| {
                s.screen().contents_formatted() != before
            });
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
        screen.quit("q", Duration::from_secs(10));
    }
}
