//! A program in a pseudo-terminal, read through a terminal emulator (vt100): the harness the
//! end-to-end tests share. Waits here bound how long a test looks for a screen; they measure
//! nothing.
#![allow(dead_code)] // each test file uses part of the harness

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: it bounds a wait for the screen, it measures nothing.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Session {
    bytes: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    size: (u16, u16),
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
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(cmd).expect("the program starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&bytes);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Self {
            bytes,
            writer,
            child,
            master: pair.master,
            size,
        }
    }

    /// The screen as a terminal emulator shows it after everything received so far.
    pub fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(self.size.1, self.size.0, 0);
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

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn resize(&mut self, size: (u16, u16)) {
        self.master.resize(pty_size(size)).unwrap();
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
