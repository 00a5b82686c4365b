//! The command line under faults: a reader that closes the pipe early, outputs that cannot be
//! written or fail midway (the old `-o` file survives), and hostile names, titles and arguments
//! in its text output and its usage errors.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

use super::generator;

const BIN: &str = env!("CARGO_BIN_EXE_liseuse");

/// A folder of `count` generated pages: big enough that its export overflows a pipe buffer.
fn corpus(count: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    for page in generator::corpus(count, 3) {
        std::fs::write(dir.path().join(page.name), page.text).unwrap();
    }
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `liseuse ARGS… | head -1` in a shell; returns (head's output, liseuse's exit code,
/// liseuse's standard error).
fn into_head(args: &[&str], scratch: &Path) -> (String, String, String) {
    let (err, code) = (scratch.join("stderr"), scratch.join("code"));
    let script = r#"{ "$0" "$@" 2>"$ERR"; echo $? >"$CODE"; } | head -1"#;
    let out = Command::new("sh")
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .env("ERR", &err)
        .env("CODE", &code)
        .output()
        .expect("sh runs");
    let read = |path: &Path| std::fs::read_to_string(path).unwrap_or_default();
    (text(&out.stdout), read(&code).trim().to_owned(), read(&err))
}

#[test]
fn export_into_a_closed_pipe_exits_quietly() {
    let dir = corpus(60);
    let path = dir.path().to_str().unwrap();
    for format in ["json", "jsonl"] {
        let (first, code, err) = into_head(&["export", "--format", format, path], dir.path());
        assert!(first.starts_with('{'), "{format}: {first:?}");
        assert_eq!(code, "0", "{format}: exit code; stderr: {err}");
        assert!(err.is_empty(), "{format}: stderr: {err}");
    }
}

#[test]
fn check_into_a_closed_pipe_exits_quietly() {
    // 3,000 empty pages: one diagnostic line each, far more than a pipe holds.
    let dir = TempDir::new().unwrap();
    for n in 0..3000 {
        File::create(dir.path().join(format!("{n:04}.txt"))).unwrap();
    }
    let scratch = TempDir::new().unwrap();
    let path = dir.path().to_str().unwrap();
    let (first, code, err) = into_head(&["check", path], scratch.path());
    assert!(first.contains("the file is empty"), "{first:?}");
    assert_eq!(code, "2", "nothing loaded; stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn an_unwritable_output_file_is_a_clear_error() {
    let scratch = TempDir::new().unwrap();
    let folder = scratch.path().to_str().unwrap();
    for target in ["/nonexistent/folder/out.json", folder, "/dev/full"] {
        let out = run(&["export", "-o", target]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{target}: {err}");
        assert!(
            err.contains(&format!("liseuse: cannot write {target}: ")),
            "{target}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_full_standard_output_is_a_clear_error() {
    // The reader too: with no terminal it prints what it would have opened.
    for args in [
        &["export"][..],
        &["export", "--format", "jsonl"],
        &["check"],
        &[],
    ] {
        let out = Command::new(BIN)
            .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("cannot write standard output"),
            "{args:?}: {err}"
        );
    }
}

/// A page whose name and every part hold terminal sequences.
fn hostile_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}6n\u{202e}";
    let text = format!(
        "Titre {evil}\n\nChapeau {evil}.\n\nHanoï (VNA) – Texte {evil}.\n\nVoir plus\n\nLien {evil}\n\nRésumé {evil}.\n"
    );
    std::fs::write(dir.path().join(format!("page{evil}.txt")), text).unwrap();
    // Nothing in it is a page: one diagnostic naming the file.
    std::fs::write(dir.path().join(format!("vide{evil}.txt")), "").unwrap();
    dir
}

/// Bytes a terminal would act on: C0 controls but the line end, DEL, and the UTF-8 forms of
/// C1 controls and bidi overrides/isolates.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = text(bytes);
    let bad = text
        .chars()
        .find(|&c| c != '\n' && super::exercise::is_unsafe(c));
    assert!(bad.is_none(), "{what}: {bad:?} in {text:?}");
}

#[test]
fn check_and_open_print_hostile_names_and_titles_inertly() {
    let dir = hostile_folder();
    let path = dir.path().to_str().unwrap();
    let out = run(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("check stdout", &out.stdout);
    assert!(
        text(&out.stdout).contains("␛]0;pwned␇"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&[path, "--open", "\u{1b}[2J\u{9b}?1049h Titre"]);
    assert_eq!(out.status.code(), Some(2));
    assert_terminal_safe("--open stderr", &out.stderr);
    assert!(
        text(&out.stderr).contains("closest titles"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn export_keeps_hostile_text_exact_and_escaped() {
    let dir = hostile_folder();
    let out = run(&["export", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_terminal_safe("export stderr", &out.stderr);
    // JSON escapes every C0 control: none is written raw.
    assert!(!out.stdout.iter().any(|&b| b < 0x20 && b != b'\n'));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let title = json["articles"][0]["title"].as_str().unwrap();
    assert_eq!(title, "Titre \u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}6n\u{202e}");
}

#[test]
fn check_fails_when_a_named_page_cannot_be_read() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let out = run(&["check", data, "/nonexistent/page.txt"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("/nonexistent/page.txt: cannot read"),
        "{stdout}"
    );
    assert!(stdout.contains("1 skipped"), "{stdout}");
}

/// The files in `dir`, with their contents.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn an_export_that_fails_midway_leaves_the_old_file_whole() {
    // A file-size limit of 2 KB makes the write fail partway through the 47 KB export, as a
    // full disk would, whoever runs the test (root ignores permissions, not limits); the
    // signal the limit raises is ignored, so the write returns an error instead.
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("out.json");
    std::fs::write(&target, "the old export\n").unwrap();
    let out = Command::new("sh")
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 4; exec "$0" export -o "$1""#)
        .arg(BIN)
        .arg(&target)
        .output()
        .expect("sh runs");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert_eq!(
        listing(dir.path()),
        [("out.json".to_owned(), b"the old export\n".to_vec())],
        "the old file is kept and no temporary is left"
    );
}

#[test]
fn exporting_a_file_onto_itself_gives_the_same_file() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("corpus.json");
    let path = target.to_str().unwrap();
    assert_eq!(run(&["export", "-o", path]).status.code(), Some(0));
    let before = std::fs::read(&target).unwrap();
    for _ in 0..2 {
        let out = run(&["export", path, "-o", path]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(std::fs::read(&target).unwrap(), before);
    }
    assert_eq!(listing(dir.path()).len(), 1, "no temporary is left");
}

#[test]
fn a_folder_as_the_target_is_refused_and_left_alone() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("out.json");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside.txt"), "keep me").unwrap();
    let out = run(&["export", "-o", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        listing(&folder),
        [("inside.txt".to_owned(), b"keep me".to_vec())]
    );
    assert_eq!(listing(dir.path()).len(), 1, "no temporary is left");
}

#[test]
fn a_replaced_export_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("out.jsonl");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = run(&[
        "export",
        "--format",
        "jsonl",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let meta = std::fs::metadata(&target).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("{\"id\":")
    );
}

#[test]
fn usage_errors_never_echo_arguments_raw() {
    let evil = "x\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let flag = format!("--bogus{evil}");
    for args in [
        &[evil, "--bogus"][..],
        &[evil, &flag],
        &["export", evil, "--format", evil],
        &["--measure", evil],
        &["check", evil, "--open", evil],
    ] {
        let out = run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(
            !out.stderr.iter().any(|&b| b == 0x1b || b == 0x07),
            "{args:?}: {err:?}"
        );
        assert_terminal_safe("usage error", &out.stderr);
    }
    let echoed = text(&run(&["--measure", evil]).stderr);
    assert!(echoed.contains("x␛]0;pwned␇␛[2J"), "{echoed}");
}

#[test]
fn help_and_version_go_to_standard_output_with_success() {
    for flag in ["--help", "--version"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        assert!(out.stdout.starts_with(b"liseuse") || text(&out.stdout).contains("Usage"));
        assert!(out.stderr.is_empty(), "{flag}: {}", text(&out.stderr));
    }
}

/// `check` judges the corpus: a dropped export record is a problem (exit 1) and counted; a
/// link out of the corpus is skipped unless `--follow-links` is given.
#[test]
fn check_counts_dropped_records_and_follow_links_reads_outside_links() {
    let dir = TempDir::new().unwrap();
    let good = run(&["export", "--format", "jsonl"]);
    let first = text(&good.stdout).lines().next().unwrap().to_owned();
    std::fs::write(
        dir.path().join("a.jsonl"),
        format!("{first}\nnot a record\n"),
    )
    .unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("records: 1 dropped"),
        "{}",
        text(&out.stdout)
    );

    let outside = TempDir::new().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "Un titre hors du corpus\n\nUn chapeau.\n").unwrap();
    let corpus = TempDir::new().unwrap();
    std::os::unix::fs::symlink(&secret, corpus.path().join("lien.txt")).unwrap();
    let path = corpus.path().to_str().unwrap();
    let skipped = run(&["check", path]);
    assert_eq!(
        skipped.status.code(),
        Some(2),
        "nothing loads: {}",
        text(&skipped.stdout)
    );
    assert!(text(&skipped.stdout).contains("not followed"));
    let followed = run(&["check", "--follow-links", path]);
    assert_eq!(
        followed.status.code(),
        Some(0),
        "{}",
        text(&followed.stdout)
    );
    assert!(text(&followed.stdout).contains("1 full"));
}
