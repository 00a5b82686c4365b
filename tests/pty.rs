//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100): a person's
//! session from the first screen to a clean exit, and signals arriving mid-session.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Generous: this bounds a wait for the screen, it measures nothing.
const PATIENCE: Duration = Duration::from_secs(20);

struct Session {
    bytes: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liseuse"));
        cmd.args(args);
        Self::spawn(cmd)
    }

    /// An interactive shell with job control, for Ctrl-Z and `fg`.
    fn shell() -> Self {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        cmd.env("PS1", "$ ");
        Self::spawn(cmd)
    }

    fn spawn(mut cmd: CommandBuilder) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        cmd.env("TERM", "xterm-256color");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
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
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        let mut parser = vt100::Parser::new(ROWS, COLS, 0);
        parser.process(&self.bytes.lock().unwrap());
        parser.screen().contents()
    }

    fn raw(&self) -> Vec<u8> {
        self.bytes.lock().unwrap().clone()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    fn wait_for(&self, text: &str) -> String {
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

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain what the process wrote last.
                thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the reader did not exit; screen:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    fn signal(&self, signal: i32) {
        let pid = self.child.process_id().expect("a pid") as i32;
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

/// The terminal is given back: after the last time the alternate screen was entered, it is
/// left, and the cursor is shown.
fn assert_restored(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    let entered = text
        .rfind("\u{1b}[?1049h")
        .expect("the reader used the alternate screen");
    let left = text
        .rfind("\u{1b}[?1049l")
        .expect("the alternate screen is left");
    assert!(
        left > entered,
        "left the alternate screen before entering it again"
    );
    assert!(text[left..].contains("\u{1b}[?25h") || text[entered..].contains("\u{1b}[?25h"));
}

fn without_status(screen: &str) -> Vec<&str> {
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len().saturating_sub(1)].to_vec()
}

#[test]
fn open_follow_link_three_go_back_and_quit() {
    let mut s = Session::start(&[]);
    s.wait_for("Pour promouvoir les relations");
    s.keys("\r");
    let before = s.wait_for("Hanoï · VNA");
    s.keys("3");
    let laos = s.wait_for("Cité par");
    assert!(
        laos.contains("Un nouvel élan pour les relations Vietnam–Laos"),
        "{laos}"
    );
    assert!(
        laos.contains("résumé"),
        "a summary-only article says so:\n{laos}"
    );
    s.keys("\u{7f}");
    let after = s.wait_for("Hanoï · VNA");
    // The status bar differs (a forward step now exists); every other row is as it was.
    assert_eq!(
        without_status(&after),
        without_status(&before),
        "back restores the same screen"
    );
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("Pour promouvoir les relations");
    s.signal(15);
    s.wait_exit();
    assert_restored(&s.raw());
}

#[test]
fn sighup_restores_the_terminal() {
    let mut s = Session::start(&[]);
    s.wait_for("Pour promouvoir les relations");
    s.signal(1);
    s.wait_exit();
    assert_restored(&s.raw());
}

#[test]
fn ctrl_c_quits() {
    let mut s = Session::start(&[]);
    s.wait_for("Pour promouvoir les relations");
    s.keys("\u{3}");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw());
}

#[test]
fn open_flag_starts_on_that_article() {
    let mut s = Session::start(&[
        "--open",
        "le vietnam attache de l'importance a son amitie avec le kirghizistan",
    ]);
    s.wait_for("Abakirov Meder");
    s.keys("q");
    s.wait_exit();
}

#[test]
fn ctrl_z_gives_the_shell_back_and_fg_redraws_everything() {
    let mut s = Session::shell();
    s.wait_for("$ ");
    s.keys(&format!(
        "{} ; echo EXIT=$?\r",
        env!("CARGO_BIN_EXE_liseuse")
    ));
    s.wait_for("Pour promouvoir les relations");
    s.keys("\u{1a}");
    let stopped = s.wait_for("Stopped");
    assert!(
        !stopped.contains("Pour promouvoir"),
        "the shell has the screen:\n{stopped}"
    );
    s.keys("fg\r");
    let back = s.wait_for("Pour promouvoir les relations");
    assert!(back.contains("historique 0"), "{back}");
    s.keys("q");
    s.wait_for("$ ");
    s.keys("exit\r");
    s.wait_exit();
    assert_restored(&s.raw());
}
