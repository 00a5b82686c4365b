//! The persistent catalogue, through the binary: a second run reads only what changed, and a
//! damaged, foreign or concurrently written catalogue is never trusted.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use tempfile::TempDir;

#[path = "common/pty.rs"]
mod harness;

const BIN: &str = env!("CARGO_BIN_EXE_liseuse");

/// A page in the scraped shape, titled `title`.
fn page(title: &str, body: &str) -> String {
    format!("{title}\n\nHanoï (VNA) – {body} Le texte continue sur plusieurs mots.\n-VNA\n")
}

/// A corpus folder of `n` pages whose times lie an hour back (settled: trusted by the next run).
fn corpus(n: usize) -> TempDir {
    let dir = TempDir::new().unwrap();
    for i in 0..n {
        write_settled(
            &dir.path().join(format!("p{i:03}.txt")),
            &page(&format!("Titre numéro {i:03}"), "Un paragraphe."),
        );
    }
    dir
}

fn write_settled(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    let old = SystemTime::now() - Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

fn liseuse(args: &[&str], cache: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--cache-dir")
        .arg(cache)
        .output()
        .expect("the binary runs")
}

fn titles(corpus: &Path, cache: &Path) -> (Vec<String>, String) {
    let out = liseuse(
        &["export", "--format", "jsonl", corpus.to_str().unwrap()],
        cache,
    );
    assert!(out.status.success(), "{out:?}");
    let titles = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["title"].to_string())
        .collect();
    (titles, String::from_utf8(out.stderr).unwrap())
}

/// The reader on `corpus` with its catalogue in `cache`, in a pseudo-terminal.
fn reader(corpus: &Path, cache: &Path, more: &[&str]) -> harness::Session {
    let mut args = vec![
        corpus.as_os_str(),
        "--cache-dir".as_ref(),
        cache.as_os_str(),
    ];
    args.extend(more.iter().map(std::ffi::OsStr::new));
    harness::Session::liseuse(&args, (100, 30))
}

fn catalogue_file(cache: &Path) -> PathBuf {
    let dir = cache.join("catalogue-v1");
    fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "cat"))
        .expect("a catalogue was written")
}

#[test]
fn a_warm_run_trusts_unchanged_files_and_reads_changed_ones() {
    let (pages, cache) = (corpus(5), TempDir::new().unwrap());
    let dir = pages.path().to_str().unwrap();
    let cold = String::from_utf8(liseuse(&["check", dir], cache.path()).stdout).unwrap();
    assert!(
        cold.contains("files: 5 read") && !cold.contains("cache:"),
        "{cold}"
    );
    let summary = |out: Output| String::from_utf8(out.stdout).unwrap();
    let warm = summary(liseuse(&["check", dir], cache.path()));
    assert!(
        warm.contains("cache: 5 of 5 files unchanged since the last run, not read again"),
        "{warm}"
    );
    // A file touched now is read again, whatever its size.
    fs::write(
        pages.path().join("p001.txt"),
        page("Titre changé là", "Un paragraphe."),
    )
    .unwrap();
    // Added and removed files are seen too.
    write_settled(
        &pages.path().join("p009.txt"),
        &page("Une page ajoutée", "Un autre paragraphe."),
    );
    fs::remove_file(pages.path().join("p000.txt")).unwrap();
    let warm = summary(liseuse(&["check", dir], cache.path()));
    // p002–p004 only: p000 is gone, p001 was touched, p009 is new.
    assert!(warm.contains("cache: 3 of 5 files unchanged"), "{warm}");
    let (after, _) = titles(pages.path(), cache.path());
    assert_eq!(after.len(), 5);
    assert!(after.iter().any(|t| t.contains("Titre changé là")));
    assert!(after.iter().any(|t| t.contains("Une page ajoutée")));
    assert!(!after.iter().any(|t| t.contains("Titre numéro 000")));
}

#[test]
fn a_damaged_or_foreign_catalogue_is_rebuilt_with_one_warning() {
    let (pages, cache) = (corpus(4), TempDir::new().unwrap());
    let (cold, said) = titles(pages.path(), cache.path());
    assert!(said.is_empty(), "{said}");
    let file = catalogue_file(cache.path());
    let good = fs::read(&file).unwrap();
    let mut flipped = good.clone();
    // A byte of the first record (after the 24-byte header and its length): its head's
    // hash and the whole file's no longer match.
    flipped[24 + 4 + 8] ^= 0x55;
    let mut other_version = good.clone();
    other_version[16] = other_version[16].wrapping_add(1);
    let damages: [(&str, Vec<u8>); 4] = [
        ("corrupt", flipped),
        ("cut short", good[..good.len() - 5].to_vec()),
        ("another version", other_version),
        ("not a liseuse catalogue", b"garbage".to_vec()),
    ];
    for (why, bytes) in damages {
        fs::write(&file, bytes).unwrap();
        let (again, said) = titles(pages.path(), cache.path());
        assert_eq!(again, cold, "{why}");
        assert_eq!(said.lines().count(), 1, "{why}: {said}");
        assert!(
            said.contains(why) && said.contains("rebuilt"),
            "{why}: {said}"
        );
        // Rebuilt: the next run says nothing.
        let (_, said) = titles(pages.path(), cache.path());
        assert!(said.is_empty(), "{why}: {said}");
    }
}

#[test]
fn runs_at_the_same_time_leave_a_whole_catalogue() {
    let (pages, cache) = (corpus(30), TempDir::new().unwrap());
    let dir = pages.path().to_str().unwrap();
    let children: Vec<std::process::Child> = (0..4)
        .map(|_| {
            Command::new(BIN)
                .args(["check", dir, "--cache-dir"])
                .arg(cache.path())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).is_empty());
    }
    let (titles, said) = titles(pages.path(), cache.path());
    assert_eq!(titles.len(), 30);
    assert!(said.is_empty(), "{said}");
    // No temporary file is left behind.
    let left: Vec<_> = fs::read_dir(cache.path().join("catalogue-v1"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn no_cache_writes_nothing() {
    let (pages, cache) = (corpus(2), TempDir::new().unwrap());
    let out = Command::new(BIN)
        .args(["check", pages.path().to_str().unwrap(), "--no-cache"])
        .env("XDG_CACHE_HOME", cache.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(fs::read_dir(cache.path()).unwrap().next().is_none());
}

/// A warm start draws its first screen from the catalogue's head, before any walk and with no
/// page parsed: the gauge counts the head's files still there against the last run's count.
/// The walk then finds what changed since: a page gone from the head leaves, a page changed in
/// it shows its new title at once, a page added arrives at the end of the list.
#[test]
fn a_warm_first_screen_comes_from_the_catalogue_head_and_the_walk_follows() {
    let (pages, cache) = (corpus(400), TempDir::new().unwrap());
    let (dir, cache_dir) = (pages.path(), cache.path());
    let built = liseuse(&["check", dir.to_str().unwrap()], cache_dir);
    assert!(built.status.success(), "{built:?}");
    fs::remove_file(dir.join("p000.txt")).unwrap();
    write_settled(
        &dir.join("p001.txt"),
        &page("Titre changé depuis", "Autre."),
    );
    write_settled(
        &dir.join("zz.txt"),
        &page("Une page arrivée depuis", "Neuve."),
    );
    let mut s = reader(dir, cache_dir, &[]);
    let first = s.wait_for("? aide");
    assert!(first.contains("Titre changé depuis"), "{first}");
    assert!(!first.contains("Titre numéro 000"), "{first}");
    // The rest loads in milliseconds (it is known too): the first frame is in what was written.
    let written = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(written.contains("chargement 39 / 400"), "{first}");
    s.wait_for_gone("chargement");
    s.keys("G");
    let last = s.wait_for("Une page arrivée depuis");
    // 399 of the 400 pages are left, and one came.
    assert!(last.contains("/400 "), "{last}");
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// The pages of a corpus loaded in the background are indexed once it is whole (in one lot,
/// without those the index holds unchanged): a search then finds a page of its last batch.
#[test]
fn a_search_after_a_background_load_finds_its_last_pages() {
    let (pages, cache) = (corpus(400), TempDir::new().unwrap());
    let mut s = reader(pages.path(), cache.path(), &[]);
    s.wait_for("? aide");
    s.wait_for_gone("chargement");
    s.keys("/399");
    let found = s.wait_for("« 399 » — 1 articles");
    assert!(found.contains("Titre numéro 399"), "{found}");
    assert!(!found.contains("index en cours"), "{found}");
    s.keys("\u{1b}");
    s.wait_for("Titre numéro 001");
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// A warm start whose catalogue counted files gone since: the gauge the head's count showed
/// ends once the walk finds nothing more (with no watcher, whose first look would hide it).
#[test]
fn a_warm_start_with_files_gone_ends_its_gauge() {
    let (pages, cache) = (corpus(400), TempDir::new().unwrap());
    let built = liseuse(&["check", pages.path().to_str().unwrap()], cache.path());
    assert!(built.status.success(), "{built:?}");
    // The head holds the first 40 names as bytes sort them; every other file goes.
    let mut names: Vec<_> = fs::read_dir(pages.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    for name in &names[40..] {
        fs::remove_file(pages.path().join(name)).unwrap();
    }
    let mut s = reader(pages.path(), cache.path(), &["--no-watch"]);
    s.wait_for("? aide");
    let done = s.wait_for_gone("chargement");
    assert!(done.contains("/40 "), "{done}");
    s.keys("q");
    assert!(s.wait_exit().success());
}
