//! The binary in a pseudo-terminal: read three articles, star one, quit, start again in
//! another terminal size, and the marks, the star and the open article at the same sentence
//! are back; a corrupt state file said on screen; `liseuse state` export, import and prune.

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

#[test]
fn a_corrupt_state_file_is_moved_aside_and_the_reader_says_so() {
    let (dir, path) = fresh();
    std::fs::write(&path, "pas une base SQLite\n".repeat(300)).unwrap();
    let state = path.to_str().unwrap();
    let mut s = Session::liseuse(&["--state", state], (120, 40));
    s.wait_for("État illisible : mis de côté");
    s.keys("\rs");
    s.wait_for("★");
    s.keys("q");
    assert!(s.wait_exit().success());
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("state.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read_to_string(dir.path().join(&aside[0])).unwrap();
    assert!(
        kept.starts_with("pas une base SQLite"),
        "moved, not rewritten"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(["state", "--state", state])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("starred: 1"),
        "a fresh state, in use:\n{said}"
    );
}

#[test]
fn state_export_import_and_prune_on_the_command_line() {
    let (dir, path) = fresh();
    let state = path.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        (
            out.status.code(),
            text,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let records = dir.path().join("records.jsonl");
    std::fs::write(
        &records,
        concat!(
            r#"{"key":"ailleurs","read":true,"read_at":5,"starred":null,"starred_at":null,"position":null,"position_at":null,"changed_at":5}"#,
            "\n"
        ),
    )
    .unwrap();
    let file = records.to_str().unwrap();
    let (code, said, _) = run(&["state", "--state", state, "import", file]);
    assert_eq!(code, Some(0), "{said}");
    let (_, said, _) = run(&["state", "--state", state]);
    assert!(said.contains("orphans: 1"), "{said}");
    let out = dir.path().join("out.jsonl");
    let (code, _, _) = run(&[
        "state",
        "--state",
        state,
        "export",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&records).unwrap()
    );
    let (_, said, _) = run(&["state", "--state", state, "--prune"]);
    assert!(said.contains("orphans removed: 1"), "{said}");
    let (_, said, _) = run(&["state", "--state", state, "export"]);
    assert!(said.is_empty(), "{said}");
    std::fs::write(&records, "{\"key\":\"x\",\"read\":\"oui\"}\n").unwrap();
    let (code, _, err) = run(&["state", "--state", state, "import", file]);
    assert_eq!(code, Some(1));
    assert!(err.contains("records.jsonl:1:"), "{err}");
}
