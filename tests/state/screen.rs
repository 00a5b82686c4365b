//! The binary in a pseudo-terminal: read three articles, star one, quit, start again in
//! another terminal size, and the marks, the star and the open article at the same sentence
//! are back.

use std::process::Command;

use super::fresh;
use super::pty::Session;

/// The reading pane's first row: what follows the list's separator on the top line.
fn top_words(screen: &str) -> Vec<String> {
    let top = screen.lines().next().unwrap_or("");
    let text = top.split_once('│').map_or(top, |(_, reader)| reader);
    text.split_whitespace().take(4).map(str::to_owned).collect()
}

/// The status bar's `historique n`.
fn history(screen: &str) -> Option<String> {
    let status = screen.lines().rev().find(|l| !l.trim().is_empty())?;
    let at = status.find("historique")?;
    Some(
        status[at..]
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn marks_star_and_place_survive_a_restart_in_another_size() {
    let (_dir, path) = fresh();
    let state = path.to_str().unwrap();
    let mut s = Session::liseuse(&["--state", state], (120, 40));
    s.wait_for("Pour promouvoir les relations");
    s.keys("\r");
    s.wait_for_settled("Hanoï · VNA");
    s.keys("J");
    s.wait_for_settled("article 2/");
    s.keys("J");
    s.wait_for_settled("article 3/");
    s.keys("K");
    s.wait_for_settled("article 2/");
    s.keys("s");
    s.wait_for("★");
    s.keys("jjjjjjjjjjjj");
    let left = s.wait_for_settled("16 non lus");
    let words = top_words(&left);
    let history = history(&left);
    assert!(
        history.is_some(),
        "the status bar says the history:\n{left}"
    );
    assert!(words.len() >= 3, "a line of text at the top:\n{left}");
    s.keys("q");
    assert!(s.wait_exit().success());

    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(["state", "--state", state])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("read: 3"), "{said}");
    assert!(said.contains("starred: 1"), "{said}");
    assert!(said.contains("orphans: 0"), "{said}");

    let s = Session::liseuse(&["--state", state], (90, 30));
    let back = s.wait_for_settled("16 non lus");
    assert!(
        back.contains("article 2/"),
        "the same article is open:\n{back}"
    );
    assert_eq!(
        top_words(&back),
        words,
        "at the same sentence:\n{left}\n{back}"
    );
    assert_eq!(self::history(&back), history, "with its history:\n{back}");
}
