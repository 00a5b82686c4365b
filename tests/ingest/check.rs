//! `liseuse check` on a folder of pages in the layouts the parser reads by structure: it warns,
//! with file:line, on a derived title, an empty related header and an unknown sign-off shape,
//! and on nothing else; the same story from two sites under two titles stays two articles.

use std::fs;
use std::process::Command;

use liseuse::ingest;
use liseuse::store::Store;

const BODY: &str = "Les deux délégations ont passé en revue la coopération dans les domaines de \
                    l'énergie, de l'éducation et du tourisme, et sont convenues de la renforcer.";

/// (file name, page): one page per class, each as a real site prints it.
fn pages() -> Vec<(&'static str, String)> {
    let title = "Le Vietnam et la Mongolie intensifient leurs échanges";
    vec![
        (
            "clean.txt",
            format!(
                "Nouvelles\n{title}\nPartager cet article…\n\nChapeau de l'article.\n\n\
                 {title} hinh anh 1Photo: baoquocte.vn\n\nOulan-Bator, 3 mai (VNA) – {BODY}\n\n\
                 Fin du texte.-VNA/VI\nsource\n\nSur le même sujet\n\n>> Un autre article\n\
                 Commentaires\n© 2025 VNA\n"
            ),
        ),
        (
            "old.txt",
            format!(
                "Un musée de la céramique ouvre à Bat Trang\n\n(VOVworld) – {BODY}\n\n\
                 Fin du texte. -VOV/VNA\n\nLa poterie de Bat Trang à l'honneur\n\
                 Le village a accueilli un festival de la céramique traditionnelle.\n"
            ),
        ),
        (
            "no-title.txt",
            format!("Hanoi (VNA) – {BODY}\n\nFin du texte.\nCPV/VNA\n"),
        ),
        (
            "empty-header.txt",
            format!(
                "Un forum sur l'énergie verte\n\nChapeau.\n\n{BODY}\n\nFin.-VNA\n\nVoir plus\n"
            ),
        ),
        (
            "signature.txt",
            format!("Un forum sur l'énergie solaire\n\nChapeau.\n\n{BODY}\n\nFin. -Minh Thu\n"),
        ),
    ]
}

#[test]
fn check_warns_only_on_real_problems_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in pages() {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(["check", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let root = format!("{}/", dir.path().display());
    let mut warnings: Vec<String> = stdout
        .lines()
        .filter(|l| l.starts_with(&root))
        .map(|l| l.replacen(&root, "", 1))
        .collect();
    warnings.sort();
    assert_eq!(
        warnings,
        [
            "empty-header.txt:9: Voir plus header with no entries",
            "no-title.txt:1: no title line: title derived from the first sentence",
            "signature.txt:7: unknown sign-off shape: «Minh Thu»",
        ],
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}

#[test]
fn the_pages_read_as_a_careful_reader_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in pages() {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let loaded = ingest::load_paths(&[dir.path().to_path_buf()]);
    let by_source = |name: &str| {
        loaded
            .pages
            .iter()
            .find(|a| a.sources[0].ends_with(name))
            .unwrap()
    };
    let clean = by_source("clean.txt");
    assert_eq!(
        clean.title,
        "Le Vietnam et la Mongolie intensifient leurs échanges"
    );
    assert_eq!(clean.photos[0].credit, "baoquocte.vn");
    assert_eq!(clean.signoff.as_deref(), Some("VNA/VI"));
    assert_eq!(clean.related.len(), 1);
    let old = by_source("old.txt");
    assert_eq!(
        old.dateline.as_ref().map(|d| d.agency.as_str()),
        Some("VOVworld")
    );
    assert_eq!(old.related[0].title, "La poterie de Bat Trang à l'honneur");
    assert_eq!(old.paragraphs.len(), 2);
    let derived = by_source("no-title.txt");
    assert!(derived.title_derived);
    assert_eq!(derived.signoff.as_deref(), Some("CPV/VNA"));
    assert!(derived.title.chars().count() <= 120);
}

#[test]
fn the_same_story_on_two_sites_under_two_titles_stays_two_articles() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("vna.txt"),
        format!(
            "Le Vietnam et la Mongolie intensifient leurs échanges\n\nChapeau.\n\n{BODY}-VNA\n"
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("vov.txt"),
        format!("Hanoï et Oulan-Bator veulent aller plus loin\n\nChapeau.\n\n{BODY}-VOV\n"),
    )
    .unwrap();
    let mut loaded = ingest::load_paths(&[dir.path().to_path_buf()]);
    let (store, diagnostics) = Store::from_pages(std::mem::take(&mut loaded.pages));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(store.full_count(), 2);
}

#[test]
fn a_derived_title_is_marked_in_the_export_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    fs::create_dir(&pages).unwrap();
    for (name, text) in pages_of_interest() {
        fs::write(pages.join(name), text).unwrap();
    }
    let export = |arg: &std::path::Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_liseuse"))
            .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
            .args(["export", arg.to_str().unwrap()])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let first = export(&pages);
    assert!(first.contains("\"title_derived\": true"), "{first}");
    assert!(first.contains("\"title_derived\": false"), "{first}");
    let saved = dir.path().join("export.json");
    fs::write(&saved, &first).unwrap();
    assert_eq!(export(&saved), first);
    // An export made before the field existed still loads, as titles from title lines.
    let old = dir.path().join("old.json");
    fs::write(&old, first.replace("      \"title_derived\": true,\n", "")).unwrap();
    let reloaded = ingest::load_paths(&[old]);
    assert!(
        reloaded.diagnostics.is_empty(),
        "{:?}",
        reloaded.diagnostics
    );
    assert!(reloaded.pages.iter().all(|a| !a.title_derived));
}

fn pages_of_interest() -> Vec<(&'static str, String)> {
    pages()
        .into_iter()
        .filter(|(name, _)| ["clean.txt", "no-title.txt"].contains(name))
        .collect()
}
