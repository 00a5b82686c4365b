//! Files that lie about themselves: a size of 0 that gives gigabytes (`/proc`), symlinks out of
//! the corpus, exports larger than any page, export lines that are not records, and text in
//! UTF-16 or behind a byte-order mark.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use liseuse::ingest::{LoadOptions, Loaded, MAX_FILE_BYTES, load_paths_with};
use tempfile::TempDir;

use super::corpora::{load, messages, page, write};

const FOLLOW: LoadOptions = LoadOptions {
    follow_links: true,
    catalogue_only: false,
};

fn load_with(what: &str, paths: &[&Path], options: LoadOptions) -> Loaded {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    super::corpora::within(what, move || load_paths_with(&paths, options))
}

/// One export line: a full article titled `title`, with a paragraph of `body`.
fn record(title: &str, body: &str) -> String {
    format!(
        r#"{{"id":"x","kind":"full","title":"{title}","lead":"Le chapeau.","dateline":null,"photos":[],"paragraphs":["{body}"],"signoff":null,"related":[]}}"#
    )
}

fn simple_page(title: &str) -> String {
    page(title, "Le chapeau.", &["Le texte de la page."], &[])
}

#[test]
fn a_file_that_says_it_is_empty_is_read_no_further_than_the_cap() {
    let pagemap = Path::new("/proc/self/pagemap");
    if fs::File::open(pagemap).is_err() {
        eprintln!("no readable /proc/self/pagemap here: the cap is tested on /dev/zero only");
    } else {
        let dir = TempDir::new().unwrap();
        let link = dir.path().join("pagemap.txt");
        symlink(pagemap, &link).unwrap();
        // Named, and found in a folder with links followed: read through the cap, skipped.
        for loaded in [
            load("a link to /proc/self/pagemap", &[&link]),
            load_with("a folder linking to /proc", &[dir.path()], FOLLOW),
        ] {
            assert!(loaded.pages.is_empty());
            assert_eq!(loaded.files_skipped, 1);
            let messages = messages(&loaded);
            assert!(
                messages.contains("pagemap.txt: skipped: gives more than 64 MB"),
                "{messages}"
            );
        }
    }
    // A device through a link is never opened, whatever its name.
    let dir = TempDir::new().unwrap();
    let zero = dir.path().join("zero.jsonl");
    symlink("/dev/zero", &zero).unwrap();
    let loaded = load("a link to /dev/zero", &[&zero]);
    assert_eq!(loaded.files_skipped, 1);
    assert!(
        messages(&loaded).contains("not a regular file"),
        "{}",
        messages(&loaded)
    );
}

#[test]
fn symlinks_out_of_the_corpus_are_not_followed_unless_asked() {
    let outside = TempDir::new().unwrap();
    let secret = write(outside.path(), "credentials.txt", &simple_page("Secret"));
    fs::create_dir(outside.path().join("folder")).unwrap();
    write(
        &outside.path().join("folder"),
        "b.txt",
        &simple_page("Dossier extérieur"),
    );
    let corpus = TempDir::new().unwrap();
    write(corpus.path(), "a.txt", &simple_page("Dedans"));
    symlink(&secret, corpus.path().join("lien.txt")).unwrap();
    symlink(outside.path().join("folder"), corpus.path().join("dossier")).unwrap();
    // A link that stays inside the corpus, to a file and to a folder.
    fs::create_dir(corpus.path().join("sub")).unwrap();
    write(
        &corpus.path().join("sub"),
        "c.txt",
        &simple_page("Sous-dossier"),
    );
    symlink(
        corpus.path().join("a.txt"),
        corpus.path().join("sub/copie.txt"),
    )
    .unwrap();

    let titles = |loaded: &Loaded| {
        let mut titles: Vec<String> = loaded.pages.iter().map(|p| p.title.clone()).collect();
        titles.sort();
        titles
    };
    let loaded = load("links out of the corpus", &[corpus.path()]);
    assert_eq!(titles(&loaded), ["Dedans", "Dedans", "Sous-dossier"]);
    let said = messages(&loaded);
    for name in ["lien.txt", "dossier"] {
        assert!(
            said.contains(&format!(
                "{name}: symlink leads outside the corpus: not followed; --follow-links reads it"
            )),
            "{said}"
        );
    }
    assert_eq!(loaded.files_skipped, 2);
    assert!(!loaded.is_complete());

    let loaded = load_with("links followed", &[corpus.path()], FOLLOW);
    assert_eq!(
        titles(&loaded),
        [
            "Dedans",
            "Dedans",
            "Dossier extérieur",
            "Secret",
            "Sous-dossier"
        ]
    );
    assert!(loaded.is_complete(), "{}", messages(&loaded));

    // Named on the command line, a link is read wherever it leads; and a second folder given
    // makes its files part of the corpus.
    let loaded = load("a named link", &[&corpus.path().join("lien.txt")]);
    assert_eq!(titles(&loaded), ["Secret"]);
    let loaded = load("two folders", &[corpus.path(), outside.path()]);
    assert_eq!(loaded.files_skipped, 0, "{}", messages(&loaded));
}

#[test]
fn an_export_larger_than_a_page_may_be_loads_whole() {
    let dir = TempDir::new().unwrap();
    // Few long lines: parsing stays cheap in a debug build.
    let body = "Un paragraphe assez long pour peser. ".repeat(16 * 1024);
    let line = record("Article", &body);
    let copies = (MAX_FILE_BYTES as usize) / line.len() + 2;
    let mut text = String::with_capacity((line.len() + 1) * copies);
    for _ in 0..copies {
        text.push_str(&line);
        text.push('\n');
    }
    assert!(text.len() as u64 > MAX_FILE_BYTES);
    let path = write(dir.path(), "grand.jsonl", &text);
    drop(text);
    let loaded = load("an export over 64 MB", &[&path]);
    assert_eq!(loaded.pages.len(), copies, "{}", messages(&loaded));
    assert!(loaded.is_complete());
    // A page of the same size is still skipped.
    fs::rename(&path, dir.path().join("grand.txt")).unwrap();
    let loaded = load("a page over 64 MB", &[dir.path()]);
    assert_eq!(loaded.files_skipped, 1);
}

#[test]
fn dropped_export_lines_count_as_a_problem() {
    let dir = TempDir::new().unwrap();
    let good = record("Bon", "Texte.");
    let text = format!(
        "{good}\n{{\"id\": \"cassé\"\n\n{}\n",
        record("Autre", "Texte.")
    );
    let path = write(dir.path(), "export.jsonl", &text);
    let loaded = load("a jsonl export with a bad line", &[&path]);
    assert_eq!(loaded.pages.len(), 2);
    assert_eq!((loaded.files_skipped, loaded.records_dropped), (0, 1));
    assert!(!loaded.is_complete());
    assert!(messages(&loaded).contains("export.jsonl:2: not a liseuse article record"));
    let all_good = write(dir.path(), "bon.jsonl", &format!("{good}\n"));
    let loaded = load("a good jsonl export", &[&all_good]);
    assert!(loaded.is_complete() && loaded.records_dropped == 0);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_pages_and_byte_order_marks_are_read() {
    let dir = TempDir::new().unwrap();
    let text = simple_page("Hanoï – « l’été » 🇻🇳");
    fs::write(dir.path().join("le.txt"), utf16(&text, false)).unwrap();
    fs::write(dir.path().join("be.txt"), utf16(&text, true)).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(record("Exporté avec BOM", "Texte.").as_bytes());
    fs::write(dir.path().join("export.jsonl"), &bom).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(format!("{{\"articles\": [{}]}}", record("Document avec BOM", "T.")).as_bytes());
    fs::write(dir.path().join("export.json"), &bom).unwrap();
    let loaded = load("UTF-16 and BOMs", &[dir.path()]);
    assert!(loaded.diagnostics.is_empty(), "{}", messages(&loaded));
    let titles: Vec<&str> = loaded.pages.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Hanoï – « l’été » 🇻🇳",
            "Document avec BOM",
            "Exporté avec BOM",
            "Hanoï – « l’été » 🇻🇳"
        ]
    );

    // An unpaired surrogate on line 3 and an odd last byte: replaced, with one warning.
    let mut bytes = utf16("Titre\n\nChapeau ", false);
    bytes.extend([0x00, 0xD8]);
    bytes.extend(&utf16(" fin.\n", false)[2..]);
    bytes.push(b'x');
    fs::write(dir.path().join("le.txt"), &bytes).unwrap();
    let loaded = load("bad UTF-16", &[&dir.path().join("le.txt")]);
    assert_eq!(loaded.pages.len(), 1);
    assert!(loaded.pages[0].lead.starts_with("Chapeau \u{FFFD} fin."));
    assert!(
        messages(&loaded).contains("le.txt:3: invalid UTF-16"),
        "{}",
        messages(&loaded)
    );
}
