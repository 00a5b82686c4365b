//! A program in a pseudo-terminal, read through a terminal emulator (vt100): the harness the
//! end-to-end tests share. Waits here bound how long a test looks for a screen; they measure
//! nothing.
#![allow(dead_code)] // each test file uses part of the harness

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: it bounds a wait for the screen, it measures nothing.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Session {
    bytes: Arc<Mutex<Vec<u8>>>,
    /// `None` once the terminal is hung up.
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    size: (u16, u16),
    stop_reading: Arc<AtomicBool>,
    reading: Option<JoinHandle<()>>,
}

impl Session {
    /// The liseuse binary with `args`, `size` = (columns, rows).
    pub fn liseuse<S: AsRef<std::ffi::OsStr>>(args: &[S], size: (u16, u16)) -> Self {
        Self::liseuse_in(args, size, "fr_FR.UTF-8")
    }

    /// The liseuse binary with `args` under the locale `lang` (`LANG`; `LC_ALL` and
    /// `LC_MESSAGES` unset), which picks the interface language.
    pub fn liseuse_in<S: AsRef<std::ffi::OsStr>>(args: &[S], size: (u16, u16), lang: &str) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liseuse"));
        cmd.args(args);
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("LANG", lang);
        Self::spawn(cmd, size)
    }

    /// The liseuse binary in a session of its own, with no controlling terminal (as under
    /// `setsid`): closing the terminal sends it no SIGHUP. The process waited for is a shell
    /// that ignores SIGHUP and execs `setsid --wait`, so its exit status is liseuse's.
    pub fn liseuse_detached<S: AsRef<std::ffi::OsStr>>(args: &[S], size: (u16, u16)) -> Self {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args([
            "-c",
            "trap '' HUP; exec setsid --wait \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_liseuse"),
        ]);
        cmd.args(args);
        Self::spawn(cmd, size)
    }

    /// An interactive shell with job control, for Ctrl-Z and `fg`.
    pub fn shell(size: (u16, u16)) -> Self {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.env("PS1", "$ ");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env("LANG", "fr_FR.UTF-8");
        Self::spawn(cmd, size)
    }

    fn spawn(mut cmd: CommandBuilder, size: (u16, u16)) -> Self {
        let pair = native_pty_system()
            .openpty(pty_size(size))
            .expect("a pseudo-terminal");
        cmd.env("TERM", "xterm-256color");
        // The reader indexes into its cache folder: never the real one of whoever runs tests.
        cmd.env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("liseuse-pty-tests-cache"),
        );
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let fd = pair.master.as_raw_fd().expect("a Unix pseudo-terminal");
        let writer = pair.master.take_writer().unwrap();
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&bytes);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        // Reads only when `poll` says there is something, so that `hang_up` can stop it and
        // close every handle on the terminal.
        let reading = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                let mut pollfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one live pollfd; the master outlives this thread (joined first).
                if unsafe { libc::poll(&mut pollfd, 1, 50) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        });
        Self {
            bytes,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            size,
            stop_reading,
            reading: Some(reading),
        }
    }

    /// Closes the terminal, as a killed terminal window does: every handle on the master side.
    pub fn hang_up(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reading) = self.reading.take() {
            reading.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// The program's terminal modes, as its side of the pseudo-terminal has them: (canonical
    /// input, echo). Both on: cooked mode, as a shell wants it; both off: raw mode.
    pub fn cooked(&self) -> (bool, bool) {
        let fd = self
            .master
            .as_ref()
            .and_then(|m| m.as_raw_fd())
            .expect("an open terminal");
        // SAFETY: a zeroed termios is a valid out-parameter; the fd is open.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr");
        (t.c_lflag & libc::ICANON != 0, t.c_lflag & libc::ECHO != 0)
    }

    /// Every byte sent since the last time `marker` was sent (all of them if never).
    pub fn raw_since(&self, marker: &str) -> String {
        let raw = self.raw();
        let text = String::from_utf8_lossy(&raw);
        let from = text.rfind(marker).map_or(0, |at| at + marker.len());
        text[from..].to_owned()
    }

    /// Waits until `ready` holds; panics with `what` if it never does.
    pub fn wait_until(&self, what: &str, mut ready: impl FnMut(&Self) -> bool) {
        let start = Instant::now();
        while !ready(self) {
            assert!(start.elapsed() < PATIENCE, "never saw {what}");
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The process's state letter from `/proc` (`T` stopped, `S` asleep…).
    pub fn state(&self) -> Option<char> {
        let pid = self.child.process_id()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // The command name may hold spaces; the state follows its closing parenthesis.
        stat.rsplit_once(") ")?.1.chars().next()
    }

    /// The screen as a terminal emulator shows it after everything received so far.
    pub fn screen(&self) -> String {
        // Bounded as the reader bounds its screen: a test of a huge terminal must not make
        // the emulator its own allocation.
        let mut parser = vt100::Parser::new(self.size.1.min(500), self.size.0.min(1000), 0);
        parser.process(&self.bytes.lock().unwrap());
        parser.screen().contents()
    }

    /// Every byte the program has sent so far.
    pub fn raw(&self) -> Vec<u8> {
        self.bytes.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "never saw {text:?}; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `text` and has stopped changing (a frame is written in
    /// pieces: a screen read mid-frame holds some of the old one).
    pub fn wait_for_settled(&self, text: &str) -> String {
        let mut screen = self.wait_for(text);
        let start = Instant::now();
        loop {
            thread::sleep(Duration::from_millis(100));
            let again = self.screen();
            if again == screen && again.contains(text) {
                return again;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the screen never settled; screen:\n{again}"
            );
            screen = again;
        }
    }

    /// Waits until the screen no longer shows `text`; panics with the screen if it still does.
    pub fn wait_for_gone(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{text:?} never went away; screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("an open terminal");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    pub fn resize(&mut self, size: (u16, u16)) {
        let master = self.master.as_ref().expect("an open terminal");
        master.resize(pty_size(size)).unwrap();
        self.size = size;
    }

    pub fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end; its exit status.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take what the process wrote last.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }
}

fn pty_size((cols, rows): (u16, u16)) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Every escape sequence in `raw` is one a full-screen program sends of its own accord:
/// CSI cursor moves, erases, colours and private modes, and DEC save/restore; no OSC, DCS, APC,
/// no request the terminal would answer, no other control byte; and nothing of the pages'
/// invisible or width-contested characters.
pub fn assert_own_sequences(raw: &[u8]) {
    let mut i = 0;
    while i < raw.len() {
        let around = || {
            String::from_utf8_lossy(&raw[i.saturating_sub(40)..(i + 40).min(raw.len())])
                .into_owned()
        };
        match raw[i] {
            0x1b if raw.get(i + 1) == Some(&b'[') => {
                let mut j = i + 2;
                while j < raw.len() && (0x20..=0x3f).contains(&raw[j]) {
                    j += 1;
                }
                let last = raw.get(j).copied().unwrap_or(0);
                assert!(
                    b"HfABCDGJKmhlX".contains(&last),
                    "a CSI the reader never sends in {:?}",
                    around()
                );
                i = j + 1;
            }
            0x1b if matches!(raw.get(i + 1), Some(b'7' | b'8' | b'=' | b'>')) => i += 2,
            0x1b => panic!(
                "an escape sequence of a page reached the terminal in {:?}",
                around()
            ),
            b'\r' | b'\n' => i += 1,
            0x00..=0x1f | 0x7f => panic!(
                "control byte {:#04x} reached the terminal in {:?}",
                raw[i],
                around()
            ),
            _ => i += 1,
        }
    }
    let text = String::from_utf8_lossy(raw);
    let contested = text.chars().find(|&c| {
        matches!(c, '\u{80}'..='\u{9f}' | '\u{AD}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{3164}' | '\u{115F}'
            | '\u{FE0F}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' | '\u{17D2}' | '\u{2D7F}'
            | '\u{FF9E}' | '\u{1F3FB}'..='\u{1F3FF}')
    });
    assert_eq!(
        contested, None,
        "an invisible or contested character reached the terminal"
    );
    for injected in [
        "pwned\u{7}",
        "\u{1b}]",
        "\u{1b}P",
        "\u{1b}_",
        "\u{1b}[6n",
        "\u{1b}[5n",
        "\u{1b}c",
        "\u{1b}[H\u{1b}[2J",
        "\u{1b}[2J fin",
        "\u{1b}[31mrouge",
        "\u{1b}[31m rouge",
        "\u{1b}[1;1H\u{1b}[J",
        "\u{1b}[?1049l \u{1b}",
    ] {
        assert!(
            !text.contains(injected),
            "{injected:?} reached the terminal"
        );
    }
}
