//! One timed session in a pseudo-terminal, for `scripts/bench.sh`: the reader (start → first
//! screen, → whole corpus loaded, key → first output while loading and after, peak RSS), `less`
//! (start → first screen) or newsboat (start → item list, peak RSS). Prints one `metric value`
//! line per figure (times in ms, sizes in KB) for the script to gather; a key that never shows
//! its effect is printed as `timeout metric`. It measures, it asserts nothing.
//!
//! `cargo run --release --example bench_pty -- reader [--cycles N] -- BIN ARGS…`
//! `… -- less FILE`, `… -- newsboat --feed-title T -- newsboat ARGS…`

#[path = "bench/screen.rs"]
mod screen;

use std::ffi::OsString;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use screen::{COLS, ROWS, Screen, Watch};

/// Bounds a wait for a first screen or a whole load.
const PATIENCE: Duration = Duration::from_secs(600);
/// Bounds a wait for one key's effect.
const KEY_PATIENCE: Duration = Duration::from_secs(10);
/// The reader's words are French (so the status bar's words are known).
const READER_ENV: [(&str, &str); 1] = [("LANG", "fr_FR.UTF-8")];
/// The locale the other programs have here (the machine has no French locale installed).
const OTHER_ENV: [(&str, &str); 1] = [("LANG", "C.UTF-8")];

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Subcommand)]
enum What {
    /// The reader: `-- BIN ARGS…`.
    Reader {
        /// Rounds of the keys once the corpus is loaded.
        #[arg(long, default_value_t = 5)]
        cycles: usize,
        /// At most this many rounds while the corpus is still loading.
        #[arg(long, default_value_t = 3)]
        loading_cycles: usize,
        #[arg(last = true, required = true)]
        command: Vec<OsString>,
    },
    /// `less FILE`: start → first screen.
    Less { file: OsString },
    /// newsboat on its cache: `-- newsboat ARGS…`.
    Newsboat {
        /// The title of the feed, looked for in its feed list.
        #[arg(long)]
        feed_title: String,
        #[arg(last = true, required = true)]
        command: Vec<OsString>,
    },
}

fn main() {
    match Args::parse().what {
        What::Reader {
            cycles,
            loading_cycles,
            command,
        } => reader(&command, cycles, loading_cycles),
        What::Less { file } => less(file),
        What::Newsboat {
            feed_title,
            command,
        } => newsboat(&command, &feed_title),
    }
}

fn print_ms(metric: &str, time: Option<Duration>) {
    match time {
        Some(time) => println!("{metric} {:.3}", time.as_secs_f64() * 1000.0),
        None => println!("timeout {metric}"),
    }
}

fn print_rss(metric: &str, screen: &Screen) {
    if let Some(kb) = screen.peak_rss_kb() {
        println!("{metric} {kb}");
    }
}

// --- the reader -----------------------------------------------------------------------------

fn reader(command: &[OsString], cycles: usize, loading_cycles: usize) {
    let started = Instant::now();
    let mut screen = Screen::start(&command[0], &command[1..], &READER_ENV);
    screen.watch = Some(Watch::new(gauge));
    let Some(first) = screen.until(started, PATIENCE, first_screen) else {
        eprintln!("bench_pty: no first screen:\n{}", screen.contents());
        print_ms("first_screen", None);
        screen.quit("q", Duration::from_secs(5));
        return;
    };
    print_ms("first_screen", Some(first - started));
    for _ in 0..loading_cycles {
        if !loading(&screen) {
            break;
        }
        round(&mut screen, "_loading");
    }
    let loaded = screen.until(started, PATIENCE, |s| gauge(s) == Some(false));
    if loaded.is_none() {
        eprintln!("bench_pty: still loading after {PATIENCE:?}");
    }
    for _ in 0..cycles {
        round(&mut screen, "");
    }
    // The last time the gauge went away is when the corpus was whole (it may come back for a
    // later batch); with no gauge ever, the corpus came whole with the first screen.
    let watch = screen.watch.as_ref().expect("watched");
    let whole = match (loaded, watch.gone_since) {
        (None, _) => None,
        (Some(_), gone) => Some(gone.unwrap_or(first).max(first) - started),
    };
    print_ms("loaded", whole);
    println!("gauge_seen {}", u8::from(watch.seen));
    print_rss("rss_kb", &screen);
    screen.quit("q", Duration::from_secs(10));
}

/// The status bar, once it is drawn whole: the help hint at its right end comes last (a frame
/// arrives in pieces, and half a status bar says nothing of what is missing).
fn status_drawn(screen: &Screen) -> Option<String> {
    let status = screen.status();
    let hint = status.contains("? aide") || status.contains("? help");
    hint.then_some(status)
}

/// Whether the status bar says a corpus is still arriving (`None`: not drawn yet).
fn gauge(screen: &Screen) -> Option<bool> {
    let status = status_drawn(screen)?;
    Some(status.contains("chargement") || status.contains("loading"))
}

fn loading(screen: &Screen) -> bool {
    gauge(screen) == Some(true)
}

/// A list row and the whole status bar are drawn.
fn first_screen(screen: &Screen) -> bool {
    let list_row = (0..ROWS - 1).any(|r| {
        let row = screen.row(r);
        row.starts_with('•') || row.starts_with('◦')
    });
    list_row && status_drawn(screen).is_some()
}

/// One round of every key, from the list on its first row: `j` (list), `Enter` (open), `1`
/// (follow link 1), `⌫` (back), then back again and `t` to the list, then `Tab` to the reader
/// and `j`/`k` there (scroll), and `t` to the list again. Each timed key prints its metric with
/// `suffix`; the untimed ones only wait for their effect, so the next starts from a known place.
fn round(screen: &mut Screen, suffix: &str) {
    let metric = |name: &str| format!("key_{name}{suffix}");
    settle(screen);
    let now = Instant::now();
    let drawn = screen.until(now, KEY_PATIENCE, |s| history(s).is_some());
    let Some(depth) = drawn.and_then(|_| history(screen)) else {
        eprintln!("bench_pty: no history count in {:?}", screen.status());
        return;
    };
    if !timed(screen, "j", &metric("list"), |s| moved_by(s, 1)) {
        return;
    }
    timed(screen, "\r", &metric("open"), |_| at_depth(depth + 1));
    timed(screen, "1", &metric("link"), |_| at_depth(depth + 2));
    timed(screen, "\u{7f}", &metric("back"), |_| at_depth(depth + 1));
    wait(screen, "\u{7f}", at_depth(depth));
    wait(screen, "t", list_focused);
    wait(screen, "\t", |s| !list_focused(s));
    if timed(screen, "j", &metric("scroll"), |s| scrolled_by(s, 1)) {
        timed(screen, "k", &metric("scroll"), |s| scrolled_by(s, -1));
    }
    wait(screen, "t", list_focused);
}

/// Types `keys` on a settled screen, prints how long until the test `done_from` makes of that
/// screen holds; true when it happened.
fn timed<F: Fn(&Screen) -> bool>(
    screen: &mut Screen,
    keys: &str,
    metric: &str,
    done_from: impl FnOnce(&Screen) -> F,
) -> bool {
    settle(screen);
    let done = done_from(screen);
    let time = screen.time(keys, KEY_PATIENCE, done);
    if time.is_none() {
        eprintln!(
            "bench_pty: {metric} ({keys:?}) did not show:\n{}",
            screen.contents()
        );
    }
    print_ms(metric, time);
    time.is_some()
}

fn wait(screen: &mut Screen, keys: &str, done: impl Fn(&Screen) -> bool) {
    settle(screen);
    if screen.time(keys, KEY_PATIENCE, done).is_none() {
        eprintln!("bench_pty: {keys:?} did not show:\n{}", screen.contents());
    }
}

/// A key is typed on a still screen, or after a short wait when a gauge keeps it moving.
fn settle(screen: &mut Screen) {
    screen.settle(Duration::from_millis(30), Duration::from_millis(150));
}

/// The number after `historique` (or `history`, `hist.`) in the status bar.
fn history(screen: &Screen) -> Option<usize> {
    let status = status_drawn(screen)?;
    let after = ["historique ", "history ", "hist. "]
        .iter()
        .find_map(|word| status.split(word).nth(1))?;
    after
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

fn at_depth(depth: usize) -> impl Fn(&Screen) -> bool {
    move |s| history(s) == Some(depth)
}

/// The column of the line between the list and the reader, when both are shown.
fn separator(screen: &Screen) -> Option<u16> {
    let bar = |row, col| {
        screen
            .screen()
            .cell(row, col)
            .is_some_and(|c| c.contents() == "│")
    };
    (0..COLS).find(|&col| bar(0, col) && bar(1, col))
}

/// The text of the list pane's rows.
fn list_rows(screen: &Screen) -> Vec<String> {
    let width = separator(screen).unwrap_or(COLS);
    let rows = screen.screen().rows(0, width).take(usize::from(ROWS - 1));
    rows.map(|row| row.trim_end().to_owned()).collect()
}

/// The list row the keyboard is on (drawn reversed), when the list has the keyboard.
fn selected_row(screen: &Screen) -> Option<usize> {
    (0..ROWS - 1)
        .find(|&row| {
            (0..4).any(|col| {
                screen
                    .screen()
                    .cell(row, col)
                    .is_some_and(|c| c.inverse() && c.has_contents())
            })
        })
        .map(usize::from)
}

fn list_focused(screen: &Screen) -> bool {
    selected_row(screen).is_some()
}

/// The selection now shows the row that was `step` rows away from it on the screen as it is.
fn moved_by(screen: &Screen, step: isize) -> impl Fn(&Screen) -> bool + use<> {
    let rows = list_rows(screen);
    let target = selected_row(screen)
        .and_then(|row| row.checked_add_signed(step))
        .and_then(|row| rows.get(row).cloned());
    move |s| {
        let now = selected_row(s).map(|row| list_rows(s)[row].clone());
        target.is_some() && now == target
    }
}

/// The reader pane's text, without its scrollbar column.
fn reader_rows(screen: &Screen) -> Vec<String> {
    let from = separator(screen).map_or(0, |col| col + 1);
    let width = COLS.saturating_sub(from + 1);
    let rows = screen
        .screen()
        .rows(from, width)
        .take(usize::from(ROWS - 1));
    // Blanks drawn with a style are cells too: compare the text only.
    rows.map(|row| row.trim_end().to_owned()).collect()
}

/// The reader's text moved by `step` lines (1: down, the second row is now the first).
fn scrolled_by(screen: &Screen, step: isize) -> impl Fn(&Screen) -> bool + use<> {
    let before = reader_rows(screen);
    move |s| {
        let now = reader_rows(s);
        let shifted = match step {
            1 => now.first() == before.get(1),
            _ => now.get(1) == before.first(),
        };
        now != before && shifted
    }
}

// --- the yardsticks -------------------------------------------------------------------------

/// `less FILE`: until its first line is on the top row and its prompt at the bottom.
fn less(file: OsString) {
    let first_line = first_line_of(&file);
    let started = Instant::now();
    let mut screen = Screen::start("less".as_ref(), &[file], &OTHER_ENV);
    let shown = screen.until(started, PATIENCE, |s| {
        s.row(0).starts_with(&first_line) && !s.status().trim().is_empty()
    });
    print_ms("first_screen", shown.map(|at| at - started));
    screen.quit("q", Duration::from_secs(5));
}

/// The file's first line, as much of it as a screen row holds.
fn first_line_of(file: &OsString) -> String {
    use std::io::{BufRead, BufReader};
    let file = std::fs::File::open(file).expect("the concatenated pages");
    let mut line = String::new();
    BufReader::new(file)
        .read_line(&mut line)
        .expect("a first line");
    line.trim_end()
        .chars()
        .take(usize::from(COLS) / 2)
        .collect()
}

/// newsboat from its cache: start → feed list, `Enter` → the feed's item list, peak RSS.
fn newsboat(command: &[OsString], feed_title: &str) {
    let started = Instant::now();
    let mut screen = Screen::start(&command[0], &command[1..], &OTHER_ENV);
    let feeds = screen.until(started, PATIENCE, |s| s.contents().contains(feed_title));
    print_ms("feed_list", feeds.map(|at| at - started));
    if feeds.is_none() {
        eprintln!("bench_pty: no feed list:\n{}", screen.contents());
    } else {
        screen.type_keys("\r");
        let items = screen.until(started, PATIENCE, |s| {
            s.contents().contains("Articles in feed")
        });
        print_ms("item_list", items.map(|at| at - started));
    }
    print_rss("rss_kb", &screen);
    screen.quit("Q", Duration::from_secs(30));
}
