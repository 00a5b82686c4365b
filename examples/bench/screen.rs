//! A program in a pseudo-terminal, read through a terminal emulator, for the timing examples:
//! bytes are stamped as they arrive (on their own thread), so a time is when the screen
//! changed, not when we looked. Shared by `key_latency` and `bench_pty`; asserts nothing.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const COLS: u16 = 120;
pub const ROWS: u16 = 40;

/// Environment variables that would change what a pager or a reader shows (input filters,
/// options, locale overrides); removed so each program runs as configured here.
const UNSET: [&str; 6] = [
    "LESSOPEN",
    "LESSCLOSE",
    "LESS",
    "LC_ALL",
    "LC_MESSAGES",
    "NO_COLOR",
];

/// The program in its terminal, and the screen as the emulator sees it.
pub struct Screen {
    pub parser: vt100::Parser,
    bytes: Receiver<(Instant, Vec<u8>)>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// When the screen last changed.
    pub last_change: Instant,
    /// A sign looked for on every screen as it changes (a loading gauge), and when it went.
    pub watch: Option<Watch>,
}

/// Follows a sign that comes and goes on screen: whether it was ever seen, and since when it
/// has been gone. Its test says `None` of a screen still being drawn, which proves nothing.
pub struct Watch {
    pub test: fn(&Screen) -> Option<bool>,
    pub seen: bool,
    pub gone_since: Option<Instant>,
}

impl Watch {
    pub fn new(test: fn(&Screen) -> Option<bool>) -> Watch {
        Watch {
            test,
            seen: false,
            gone_since: None,
        }
    }
}

impl Screen {
    /// Starts `program args…` with `env` set, in a terminal of `COLS`×`ROWS`.
    pub fn start<S: AsRef<OsStr>>(program: &OsStr, args: &[S], env: &[(&str, &str)]) -> Screen {
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system()
            .openpty(size)
            .expect("a pseudo-terminal");
        // A relative path is made absolute: the spawner looks only in PATH otherwise.
        let path = std::path::Path::new(program);
        let program = match path.components().count() > 1 {
            true => std::fs::canonicalize(path).expect("the program exists"),
            false => path.to_path_buf(),
        };
        let mut cmd = CommandBuilder::new(program);
        cmd.cwd(std::env::current_dir().expect("a working folder"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        for name in UNSET {
            cmd.env_remove(name);
        }
        for (name, value) in env {
            cmd.env(name, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (tx, bytes) = mpsc::channel();
        thread::spawn(move || {
            // Keep the master open for the whole run.
            let _master = pair.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        });
        Screen {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            bytes,
            writer,
            child,
            last_change: Instant::now(),
            watch: None,
        }
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// Row `row` as text (trailing blanks dropped).
    pub fn row(&self, row: u16) -> String {
        self.screen()
            .rows(0, COLS)
            .nth(usize::from(row))
            .unwrap_or_default()
    }

    /// The bottom row, where readers and pagers keep their status.
    pub fn status(&self) -> String {
        self.row(ROWS - 1)
    }

    pub fn contents(&self) -> String {
        self.screen().contents()
    }

    /// Types `keys` without waiting for anything.
    pub fn type_keys(&mut self, keys: &str) {
        let _ = self.writer.write_all(keys.as_bytes());
        let _ = self.writer.flush();
    }

    /// Types `keys` and returns how long until `done` holds of the screen (`None`: not within
    /// `patience`). The time ends when the bytes that made it true arrived.
    pub fn time(
        &mut self,
        keys: &str,
        patience: Duration,
        done: impl Fn(&Screen) -> bool,
    ) -> Option<Duration> {
        let start = Instant::now();
        self.type_keys(keys);
        self.until(start, patience, done)
            .map(|at| at.saturating_duration_since(start))
    }

    /// Reads the screen until `done` holds; returns when the bytes that made it so arrived.
    pub fn until(
        &mut self,
        start: Instant,
        patience: Duration,
        done: impl Fn(&Screen) -> bool,
    ) -> Option<Instant> {
        if done(self) {
            return Some(self.last_change);
        }
        loop {
            let left = patience.checked_sub(start.elapsed())?;
            let (at, chunk) = self.bytes.recv_timeout(left).ok()?;
            self.take(at, &chunk);
            if done(self) {
                return Some(at);
            }
        }
    }

    /// Takes in what is still arriving until the screen has been quiet for `quiet`, or `most`
    /// has passed (a loading gauge may never be quiet), so a measure starts from a still screen.
    pub fn settle(&mut self, quiet: Duration, most: Duration) {
        let start = Instant::now();
        while start.elapsed() < most {
            match self.bytes.recv_timeout(quiet) {
                Ok((at, chunk)) => self.take(at, &chunk),
                Err(_) => break,
            }
        }
    }

    fn take(&mut self, at: Instant, chunk: &[u8]) {
        self.parser.process(chunk);
        self.last_change = at;
        let Some(test) = self.watch.as_ref().map(|w| w.test) else {
            return;
        };
        let shown = test(self);
        if let (Some(watch), Some(shown)) = (self.watch.as_mut(), shown) {
            if shown {
                watch.seen = true;
                watch.gone_since = None;
            } else if watch.gone_since.is_none() {
                watch.gone_since = Some(at);
            }
        }
    }

    /// Peak resident set size of the program so far (`VmHWM`), in KB.
    pub fn peak_rss_kb(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// Types `keys` (a quit command) and waits up to `patience` for the program to end; kills
    /// it after that. True when it ended by itself.
    pub fn quit(mut self, keys: &str, patience: Duration) -> bool {
        self.type_keys(keys);
        let start = Instant::now();
        while start.elapsed() < patience {
            // Drain, so a program writing its last screen is never blocked on a full pipe.
            while self.bytes.try_recv().is_ok() {}
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}
