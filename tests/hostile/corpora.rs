//! Odd corpora on disk: each one loads or is skipped with a diagnostic, within a time bound,
//! and whatever loads can be read in the reader (opened, scrolled to the end, drawn) without a
//! panic or an unsafe cell.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use liseuse::app::{Action, App, Motion, Options, Pane, update};
use liseuse::ingest::{Loaded, MAX_FILE_BYTES, load_paths};
use liseuse::store::Store;
use tempfile::TempDir;

use super::{exercise, screen};

/// Far above what any of these takes; only a hang reaches it.
const PATIENCE: Duration = Duration::from_secs(60);

/// Runs `work` on a thread and fails if it has not finished within `PATIENCE`: a hang fails the
/// test instead of stalling the whole run.
pub(crate) fn within<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(PATIENCE) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {PATIENCE:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

pub(crate) fn load(what: &str, paths: &[&Path]) -> Loaded {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    within(what, move || load_paths(&paths))
}

pub(crate) fn messages(loaded: &Loaded) -> String {
    let all: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    all.join("\n")
}

/// Builds the store from what loaded and checks its invariants.
fn build(loaded: Loaded) -> Store {
    let (store, _) = Store::from_pages(loaded.pages);
    exercise::check_store(&store);
    store
}

/// Reads the first `limit` full articles in the reader: open, scroll to the end, follow the
/// first link and come back, shrink to 20×6 and page up, drawing a frame after each step.
fn read_in_app(what: &str, store: Store, limit: usize) {
    let ids: Vec<_> = store
        .ids()
        .filter(|&id| store.article(id).is_full())
        .take(limit)
        .collect();
    within(what, move || {
        let mut app = App::new(store, Options::default(), (80, 24));
        let mut terminal = screen::terminal(&app);
        for id in ids {
            for action in [
                Action::Select(id.index()),
                Action::OpenSelected,
                Action::Move(Pane::Reader, Motion::Bottom),
                Action::NextLink,
                Action::FollowHighlighted,
                Action::Back,
                Action::Resize(20, 6),
                Action::Move(Pane::Reader, Motion::Pages(-3)),
                Action::Resize(80, 24),
            ] {
                update(&mut app, action);
                screen::draw_clean(&app, &mut terminal);
            }
        }
    });
}

/// A page in the scraped shape with the given parts; `related` entries are (title, summary).
pub(crate) fn page(title: &str, lead: &str, body: &[&str], related: &[(String, String)]) -> String {
    let mut text = format!("{title}\n\n{lead}\n\nHanoï (VNA) – ");
    for paragraph in body {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    if !related.is_empty() {
        text.push_str("Voir plus\n\n");
    }
    for (title, summary) in related {
        text.push_str(&format!("{title}\n\n{summary}\n\n"));
    }
    text
}

/// About `bytes` bytes of French words on one line.
fn prose(bytes: usize) -> String {
    let words = [
        "la",
        "coopération",
        "économique",
        "entre",
        "le",
        "Vietnam",
        "et",
        "l’ASEAN",
    ];
    let mut text = String::with_capacity(bytes + 16);
    for word in words.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(word);
        text.push(' ');
    }
    text.trim_end().to_owned()
}

fn entry(title: &str) -> (String, String) {
    (
        title.to_owned(),
        format!("Le résumé de « {title} » tient en une phrase."),
    )
}

pub(crate) fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("the temporary folder is writable");
    path
}

#[test]
fn pages_over_the_size_limit_are_skipped_without_being_read() {
    let dir = TempDir::new().unwrap();
    // Sparse files: the size is real, no 200 MB is written.
    for (name, size) in [
        ("huge.txt", 200 << 20),
        ("just-over.txt", MAX_FILE_BYTES + 1),
    ] {
        let file = fs::File::create(dir.path().join(name)).unwrap();
        file.set_len(size).unwrap();
    }
    let loaded = load("pages over the limit", &[dir.path()]);
    assert!(loaded.pages.is_empty());
    assert_eq!((loaded.files_read, loaded.files_skipped), (2, 2));
    let messages = messages(&loaded);
    assert!(messages.contains("huge.txt: skipped: 200 MB"), "{messages}");
    assert!(messages.contains("just-over.txt: skipped"), "{messages}");
}

#[test]
fn a_one_megabyte_line_loads_and_reads_as_title_or_paragraph() {
    let dir = TempDir::new().unwrap();
    let line = prose(1 << 20);
    write(
        dir.path(),
        "long-body.txt",
        &page("Un titre", "Le chapeau.", &[&line], &[]),
    );
    write(
        dir.path(),
        "long-title.txt",
        &format!("{line}\n\nLe chapeau.\n\nUn paragraphe.\n"),
    );
    let loaded = load("a 1 MB line", &[dir.path()]);
    assert_eq!(loaded.pages.len(), 2, "{}", messages(&loaded));
    assert_eq!(loaded.pages[0].paragraphs[0], line);
    // A 1 MB first line is a paragraph, not a title: the title is derived, the line kept whole.
    let untitled = &loaded.pages[1];
    assert!(untitled.title_derived && untitled.title.chars().count() <= 121);
    assert_eq!(untitled.raw_paragraphs[0], line);
    read_in_app("a 1 MB line in the reader", build(loaded), 2);
}

#[test]
fn a_five_thousand_character_word_is_cut_to_the_column() {
    let dir = TempDir::new().unwrap();
    let word: String = "é".repeat(5000);
    let wide: String = "漢".repeat(5000);
    let body = [word.as_str(), wide.as_str()];
    write(
        dir.path(),
        "word.txt",
        &page("Un mot très long", "Le chapeau.", &body, &[]),
    );
    let loaded = load("a 5,000-character word", &[dir.path()]);
    let store = build(loaded);
    let open = store.find_title("Un mot très long");
    let mut app = App::new(
        store,
        Options {
            open,
            ..Options::default()
        },
        (80, 24),
    );
    for (cols, rows) in [(80, 24), (7, 5), (1, 1), (500, 200)] {
        update(&mut app, Action::Resize(cols, rows));
        let width = usize::from(app.panes().text.width);
        if let Some(wrapped) = app.wrapped() {
            for line in &wrapped.lines {
                let shown = liseuse::wrap::display_width(&line.text);
                // A wide character cannot be cut: a 1-column pane shows it overflowing by one.
                assert!(
                    shown <= width.max(2),
                    "{shown} columns in a {width}-column pane"
                );
            }
        }
        screen::draw_clean(&app, &mut screen::terminal(&app));
    }
}

#[test]
fn pages_of_only_voir_plus_are_skipped_with_a_reason() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "one.txt", "Voir plus\n");
    write(dir.path(), "many.txt", &"Voir plus\n\n".repeat(5000));
    let loaded = load("pages of Voir plus", &[dir.path()]);
    assert!(loaded.pages.is_empty());
    assert_eq!(loaded.files_skipped, 2);
    assert_eq!(
        messages(&loaded).matches("no title").count(),
        2,
        "{}",
        messages(&loaded)
    );
}

#[test]
fn ten_thousand_voir_plus_entries_load_and_read() {
    let dir = TempDir::new().unwrap();
    let related: Vec<_> = (0..10_000)
        .map(|n| entry(&format!("Entrée numéro {n} de la liste")))
        .collect();
    let body = ["Un paragraphe."];
    write(
        dir.path(),
        "list.txt",
        &page("Dix mille liens", "Le chapeau.", &body, &related),
    );
    // Titles that all make the same id (no ASCII letter in them): ids must still be unique,
    // without a scan per title.
    let related: Vec<_> = (0..10_000u32)
        .map(|n| entry(&char::from_u32(0x4E00 + n).unwrap().to_string()))
        .collect();
    write(
        dir.path(),
        "same-ids.txt",
        &page("Dix mille idéogrammes", "Le chapeau.", &body, &related),
    );
    let loaded = load("10,000 Voir plus entries", &[dir.path()]);
    assert_eq!(loaded.pages.len(), 2);
    assert!(loaded.pages.iter().all(|p| p.related.len() == 10_000));
    let store = within("a store of 20,000 links", move || build(loaded));
    assert_eq!(store.len(), 20_002);
    read_in_app("10,000 links in the reader", store, 2);
}

#[test]
fn link_cycles_and_self_links_resolve() {
    let dir = TempDir::new().unwrap();
    let body = ["Un paragraphe."];
    write(
        dir.path(),
        "a.txt",
        &page("Article A", "Chapeau A.", &body, &[entry("Article B")]),
    );
    write(
        dir.path(),
        "b.txt",
        &page("Article B", "Chapeau B.", &body, &[entry("Article A")]),
    );
    write(
        dir.path(),
        "c.txt",
        &page("Article C", "Chapeau C.", &body, &[entry("Article C")]),
    );
    let store = build(load("a link cycle", &[dir.path()]));
    let [a, b, c] = ["Article A", "Article B", "Article C"].map(|t| store.find_title(t).unwrap());
    assert_eq!((store.targets(a), store.targets(b)), (&[b][..], &[a][..]));
    assert_eq!((store.targets(c), store.cited_by(c)), (&[c][..], &[c][..]));
    assert_eq!(store.len(), 3, "no summary-only copy of a page that exists");
    // A self-link leads where the reader already is, however often it is followed.
    let mut app = App::new(
        store,
        Options {
            open: Some(c),
            ..Options::default()
        },
        (80, 24),
    );
    for _ in 0..50 {
        update(&mut app, Action::FollowLink(0));
    }
    assert_eq!(app.current(), Some(c));
    read_in_app(
        "a link cycle in the reader",
        build(load("again", &[dir.path()])),
        3,
    );
}

#[test]
fn symlink_loops_are_cut() {
    let dir = TempDir::new().unwrap();
    write(
        dir.path(),
        "page.txt",
        &page("Une page", "Le chapeau.", &["Texte."], &[]),
    );
    fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("self.txt", dir.path().join("self.txt")).unwrap();
    let loaded = load("a symlink loop", &[dir.path()]);
    assert_eq!(loaded.pages.len(), 1, "{}", messages(&loaded));
    let messages = messages(&loaded);
    assert!(messages.contains("symlink loop"), "{messages}");
    assert!(messages.contains("self.txt: cannot read"), "{messages}");
    assert_eq!(
        loaded.files_skipped, 1,
        "the looping link is a page that could not be read"
    );
}

#[test]
fn an_unreadable_file_is_read_or_skipped_with_a_reason() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "locked.txt",
        &page("Verrouillé", "Le chapeau.", &["Texte."], &[]),
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let loaded = load("an unreadable file", &[dir.path()]);
    // Root reads it anyway; anyone else must be told why it was skipped.
    if loaded.pages.is_empty() {
        assert_eq!(loaded.files_skipped, 1);
        assert!(
            messages(&loaded).contains("locked.txt: cannot read"),
            "{}",
            messages(&loaded)
        );
    } else {
        assert_eq!(loaded.pages[0].title, "Verrouillé");
    }
}

#[test]
fn a_folder_named_like_a_page_is_walked_as_a_folder() {
    let dir = TempDir::new().unwrap();
    let folder = dir.path().join("x.txt");
    fs::create_dir(&folder).unwrap();
    write(
        &folder,
        "inner.txt",
        &page("Dedans", "Le chapeau.", &["Texte."], &[]),
    );
    fs::create_dir(dir.path().join("empty.txt")).unwrap();
    for paths in [vec![dir.path()], vec![folder.as_path()]] {
        let loaded = load("a folder named x.txt", &paths);
        assert_eq!(loaded.pages.len(), 1, "{}", messages(&loaded));
        assert_eq!((loaded.files_read, loaded.files_skipped), (1, 0));
    }
}

#[test]
fn fifos_and_devices_are_never_opened() {
    let dir = TempDir::new().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    std::os::unix::fs::symlink(&fifo, dir.path().join("link-to-pipe.txt")).unwrap();
    write(
        dir.path(),
        "page.txt",
        &page("Une page", "Le chapeau.", &["Texte."], &[]),
    );
    // Opening a FIFO with no writer blocks forever: `within` turns that into a failure.
    let loaded = load("a FIFO in a folder", &[dir.path()]);
    assert_eq!(loaded.pages.len(), 1);
    assert_eq!(
        messages(&loaded).matches("not a regular file").count(),
        2,
        "{}",
        messages(&loaded)
    );
    assert_eq!((loaded.files_read, loaded.files_skipped), (3, 2));
    let devices = [
        fifo.as_path(),
        Path::new("/dev/zero"),
        Path::new("/dev/null"),
    ];
    let loaded = load("a named FIFO and devices", &devices);
    assert!(loaded.pages.is_empty());
    assert_eq!(loaded.files_skipped, 3);
    assert_eq!(
        messages(&loaded).matches("not a regular file").count(),
        3,
        "{}",
        messages(&loaded)
    );
}
