//! Signals and a lost terminal, from outside: SIGTSTP gives the terminal back and SIGCONT takes
//! it again; every terminating signal restores the terminal and exits with 128 + n; a terminal
//! closed without a SIGHUP, and one claiming 65535×65535 cells, end or run cleanly.

use std::path::Path;

use tempfile::TempDir;

use super::harness::Session;

const ENTER: &str = "\u{1b}[?1049h";
const LEAVE: &str = "\u{1b}[?1049l";

fn corpus() -> TempDir {
    let dir = TempDir::new().unwrap();
    let page = |title: &str, link: &str| {
        format!(
            "{title}\n\nLe chapeau de {title}.\n\nHanoï (VNA) – Le corps du texte.-VNA\n\n\
             Voir plus\n\n{link}\n\nLe résumé.\n"
        )
    };
    std::fs::write(
        dir.path().join("a.txt"),
        page("Premier article", "Second article"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        page("Second article", "Premier article"),
    )
    .unwrap();
    dir
}

/// After the last time the alternate screen was entered, it was left, the cursor shown, and
/// the terminal is back in cooked mode with echo.
fn assert_restored(s: &Session, what: &str) {
    // The harness reads the bytes on its own thread: wait for them.
    s.wait_until(
        &format!("{what}: the alternate screen left, the cursor shown"),
        |s| {
            let since = s.raw_since(ENTER);
            since.contains(LEAVE) && since.contains("\u{1b}[?25h")
        },
    );
    assert_eq!(s.cooked(), (true, true), "{what}: not back in cooked mode");
}

fn start(dir: &Path) -> Session {
    let s = Session::liseuse(&[dir], (80, 24));
    s.wait_for("Premier article");
    s
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    let dir = corpus();
    let mut s = start(dir.path());
    s.keys("j");
    s.signal(libc::SIGTSTP);
    s.wait_until("the stop", |s| s.state() == Some('T'));
    assert_restored(&s, "stopped by SIGTSTP");

    s.signal(libc::SIGCONT);
    s.wait_until("raw mode again", |s| s.cooked() == (false, false));
    // Everything is drawn again on a fresh alternate screen, with the mouse reported.
    let entered = |s: &Session| String::from_utf8_lossy(&s.raw()).matches(ENTER).count();
    s.wait_until("a full repaint", |s| {
        let since = s.raw_since(ENTER);
        entered(s) >= 2 && since.contains("Premier article") && since.contains("Second article")
    });
    assert!(
        s.raw_since(LEAVE).contains("\u{1b}[?1000h"),
        "mouse reports not asked for again"
    );
    // And keys work: open the selected article, follow its link back.
    s.keys("\r");
    s.wait_for("Le chapeau de Second article.");
    s.keys("1");
    s.wait_for("Le chapeau de Premier article.");
    s.keys("q");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 0);
    assert_restored(&s, "after q");
}

#[test]
fn terminating_signals_restore_the_terminal_and_exit_128_plus_n() {
    let dir = corpus();
    for signal in [
        libc::SIGTERM,
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
    ] {
        let mut s = start(dir.path());
        s.keys("\rG");
        s.signal(signal);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + signal as u32, "signal {signal}");
        assert_restored(&s, &format!("signal {signal}"));
    }
}

#[test]
fn a_terminal_closed_without_sighup_ends_the_reader() {
    let dir = corpus();
    let mut s = Session::liseuse_detached(&[dir.path()], (80, 24));
    s.wait_for("Premier article");
    s.hang_up();
    // A liveness check: the harness's patience (many seconds) bounds the wait.
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + libc::SIGHUP as u32);
}

#[test]
fn a_huge_terminal_is_drawn_within_bounds() {
    let dir = corpus();
    // No `wait_for`: an emulator of this size would be the test's own allocation.
    let mut s = Session::liseuse(&[dir.path()], (u16::MAX, u16::MAX));
    s.wait_until("the list", |s| {
        s.raw_since(ENTER).contains("Premier article")
    });
    s.resize((60_000, 40_000));
    s.keys("\r");
    s.wait_until("the article", |s| {
        s.raw_since(ENTER)
            .contains("Le chapeau de Premier article.")
    });
    s.keys("q");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 0);
    assert_restored(&s, "a huge terminal");
}
