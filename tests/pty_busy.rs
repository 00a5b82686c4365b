//! A quit signal wins over work in progress: the reader busy laying out a huge page still gives
//! the terminal back and exits with 128 + the signal, without waiting for the work to end.

#[path = "common/pty.rs"]
mod harness;

use std::time::{Duration, Instant};

use harness::{PATIENCE, Session};

#[test]
fn sigterm_during_a_long_wrap_restores_and_exits_at_once() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("huge.json");
    let words = "un mot puis un autre encore ".repeat(1_100_000);
    let export = format!(
        r#"{{"articles":[{{"id":"p","kind":"full","title":"Une page immense","lead":"",
        "dateline":null,"photos":[],"paragraphs":["{words}"],"signoff":null,"related":[]}}]}}"#
    );
    std::fs::write(&path, export).unwrap();
    let mut s = Session::liseuse(&[path.as_os_str()], (100, 30));
    // The alternate screen is entered just before the first frame, which wraps the page.
    let start = Instant::now();
    while !String::from_utf8_lossy(&s.raw()).contains("\u{1b}[?1049h") {
        assert!(
            start.elapsed() < PATIENCE,
            "the reader never took the terminal"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    s.signal(15);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 143, "{status:?}");
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    let (entered, left) = (raw.rfind("\u{1b}[?1049h"), raw.rfind("\u{1b}[?1049l"));
    assert!(left > entered, "the alternate screen is left");
    // The first frame (which would show the title) never came: the exit did not wait for the
    // layout of the page, which takes seconds in a debug build.
    assert!(
        !raw.contains("Une page immense"),
        "the reader finished its work first"
    );
}
