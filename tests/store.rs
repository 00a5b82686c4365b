//! Loading and the store: bad files on disk, link resolution, backlinks, duplicates, the JSON
//! round trip, and the `export` / `check` commands run as a user would.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use liseuse::article::Kind;
use liseuse::export::{self, Format};
use liseuse::ingest::{self, Loaded};
use liseuse::store::Store;

const CUBA: &str = "data/vna-cuba-onu-2021.txt";
const KIRGHIZ: &str = "data/vna-kirghizistan.txt";

fn store_of(mut loaded: Loaded) -> Store {
    Store::from_pages(std::mem::take(&mut loaded.pages)).0
}

fn export(store: &Store, format: Format) -> String {
    let mut out = Vec::new();
    export::write_store(store, format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn page(title: &str, related: &[&str]) -> String {
    let mut text = format!(
        "{title}\n\nUn chapeau.\n\nHanoï (VNA) – Un paragraphe de texte pour {title}.-VNA\n"
    );
    if !related.is_empty() {
        text.push_str("\nVoir plus\n");
        for r in related {
            text.push_str(&format!(
                "\nUne légende. Photo : VNA\n\n{r}\n\nUn résumé de l’article.\n"
            ));
        }
    }
    text
}

fn liseuse(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn bundled_corpus_has_two_pages_and_seventeen_summaries() {
    let loaded = ingest::load_bundled();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!((loaded.files_read, loaded.files_skipped), (2, 0));
    let store = store_of(loaded);
    assert_eq!(store.len(), 19);
    assert_eq!(store.full_count(), 2);
    assert_eq!(store.link_count(), 17);
    for id in store.ids() {
        let article = store.body(id);
        assert_eq!(store.targets(id).len(), article.related.len());
        if article.kind == Kind::Summary {
            assert_eq!(store.cited_by(id).len(), 1, "{}", article.title);
            assert!(!article.lead.is_empty());
        }
    }
}

#[test]
fn bundled_and_data_folder_export_the_same() {
    let bundled = export(&store_of(ingest::load_bundled()), Format::Json);
    let folder = export(
        &store_of(ingest::load_paths(&[PathBuf::from("data/")])),
        Format::Json,
    );
    assert_eq!(
        bundled.replace("data//", "data/"),
        folder.replace("data//", "data/")
    );
}

#[test]
fn titles_match_ignoring_case_accents_quotes_dashes_and_spaces() {
    let store = store_of(ingest::load_bundled());
    let laos = store
        .find_title("UN NOUVEL ELAN pour les relations Vietnam -\u{00A0} Laos")
        .expect("found despite case, accents, dash and spaces");
    assert_eq!(store.article(laos).kind, Kind::Summary);
    assert_eq!(
        store.key(laos),
        "un-nouvel-elan-pour-les-relations-vietnam-laos"
    );
    assert_eq!(store.lookup(&store.key(laos)), Some(laos));
    let cuba = store.cited_by(laos)[0];
    assert_eq!(store.article(cuba).sources, vec![CUBA.to_owned()]);
    assert_eq!(
        store.find_title(
            "L’envoyé spécial du chef du Parti vietnamien rencontre le plus haut dirigeant chinois"
        ),
        store.find_title(
            "l'envoye special du chef du parti vietnamien rencontre le plus haut dirigeant chinois"
        )
    );
}

#[test]
fn a_full_page_replaces_its_summary_and_keeps_the_links_in_either_order() {
    let a = liseuse::ingest::page::parse_page(&page("Page A", &["Page B"]), "a.txt")
        .article
        .unwrap();
    let b = liseuse::ingest::page::parse_page(&page("Page B", &["Page A", "Page C"]), "b.txt")
        .article
        .unwrap();

    // B arrives in a later batch: its summary is upgraded in place, ids unchanged.
    let mut store = Store::new();
    store.add_batch(vec![a.clone()]);
    let b_id = store.find_title("page b").unwrap();
    assert_eq!(store.article(b_id).kind, Kind::Summary);
    store.add_batch(vec![b.clone()]);
    assert_eq!(store.find_title("page b"), Some(b_id));
    assert_eq!(store.article(b_id).kind, Kind::Full);
    let a_id = store.find_title("page a").unwrap();
    assert_eq!(store.targets(a_id), &[b_id]);
    assert_eq!(store.cited_by(a_id), &[b_id]);
    assert_eq!(store.cited_by(b_id), &[a_id]);
    let c_id = store.find_title("page c").unwrap();
    assert_eq!(store.article(c_id).kind, Kind::Summary);

    // The other order gives the same links.
    let (other, _) = Store::from_pages(vec![b, a]);
    let a2 = other.find_title("page a").unwrap();
    let b2 = other.find_title("page b").unwrap();
    assert_eq!(other.targets(a2), &[b2]);
    assert_eq!(other.cited_by(b2), &[a2]);
    assert_eq!(other.full_count(), 2);
}

#[test]
fn self_links_and_cycles_resolve() {
    let a = liseuse::ingest::page::parse_page(&page("Page A", &["Page A", "Page B"]), "a.txt")
        .article
        .unwrap();
    let b = liseuse::ingest::page::parse_page(&page("Page B", &["Page A"]), "b.txt")
        .article
        .unwrap();
    let (store, _) = Store::from_pages(vec![a, b]);
    let a = store.find_title("page a").unwrap();
    let b = store.find_title("page b").unwrap();
    assert_eq!(store.targets(a), &[a, b]);
    assert_eq!(store.cited_by(a), &[a, b]);
}

#[test]
fn two_files_with_the_same_page_keep_one_and_warn() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read(CUBA).unwrap();
    fs::write(dir.path().join("a.txt"), &text).unwrap();
    fs::write(dir.path().join("b.txt"), &text).unwrap();
    let loaded = ingest::load_paths(&[dir.path().to_path_buf()]);
    let (store, warnings) = Store::from_pages(loaded.pages);
    assert_eq!(store.full_count(), 1);
    assert_eq!(warnings.len(), 1);
    let b = dir.path().join("b.txt").display().to_string();
    assert_eq!(
        warnings[0].to_string(),
        format!(
            "{b}:1: same page as {}: kept that one",
            dir.path().join("a.txt").display()
        )
    );
    let id = store.find_title("Pour promouvoir les relations du Vietnam avec les partenaires prioritaires et les amis traditionnels").unwrap();
    assert_eq!(store.article(id).sources.len(), 2);
}

/// A folder with every kind of bad file beside the two good pages.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::copy(CUBA, root.join("sub/cuba.txt")).unwrap();
    fs::copy(KIRGHIZ, root.join("sub/deeper/kirghiz.txt")).unwrap();
    fs::write(root.join("empty.txt"), "").unwrap();
    fs::write(root.join("binary.txt"), b"Titre\n\nligne\n\x00\x01\x02\xff").unwrap();
    let mut latin1 = b"Un titre\n\nUn chapeau.\n\nHanoi (VNA) - Le pr".to_vec();
    latin1.extend_from_slice(b"\xe9sident parle.\n");
    fs::write(root.join("latin1.txt"), latin1).unwrap();
    fs::write(root.join("notes.md"), "# not a page").unwrap();
    fs::write(root.join("image.png"), [0x89, b'P', b'N', b'G', 0]).unwrap();
    dir
}

#[test]
fn bad_files_are_reported_by_file_and_line_and_the_rest_loads() {
    let dir = hostile_folder();
    let loaded = ingest::load_paths(&[dir.path().to_path_buf()]);
    let messages: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    let root = dir.path().display().to_string();
    assert!(
        messages.contains(&format!(
            "{root}/binary.txt:4: skipped: NUL byte (a binary file, not a page)"
        )),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&format!("{root}/empty.txt:1: skipped: the file is empty")),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&format!(
            "{root}/latin1.txt:5: invalid UTF-8: bad bytes replaced by \u{FFFD}"
        )),
        "{messages:#?}"
    );
    assert_eq!(loaded.files_read, 5);
    assert_eq!(loaded.files_skipped, 2);
    assert_eq!(loaded.files_ignored, 2);
    let store = store_of(loaded);
    assert_eq!(store.full_count(), 3);
    let latin1 = store.find_title("Un titre").unwrap();
    assert_eq!(
        store.body(latin1).paragraphs,
        vec!["Le pr\u{FFFD}sident parle.".to_owned()]
    );
}

#[test]
fn check_reports_both_problems_and_still_loads_the_samples() {
    let dir = hostile_folder();
    let out = liseuse(&["check", dir.path().to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("binary.txt:4: skipped: NUL byte"),
        "{stdout}"
    );
    assert!(stdout.contains("latin1.txt:5: invalid UTF-8"), "{stdout}");
    assert!(
        stdout.contains("files: 5 read, 2 skipped, 2 ignored"),
        "{stdout}"
    );
    assert!(
        stdout.contains("articles: 3 full, 17 summary-only (20 in all)"),
        "{stdout}"
    );
}

#[test]
fn check_on_the_bundled_corpus_is_clean() {
    let out = liseuse(&["check"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("articles: 2 full, 17 summary-only (19 in all)"),
        "{stdout}"
    );
    assert!(stdout.contains("links: 17, 17 unresolved"), "{stdout}");
}

#[test]
fn nothing_loadable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    assert_eq!(
        liseuse(&["check", dir.path().to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(liseuse(&["export", "/no/such/path"]).status.code(), Some(2));
    assert_eq!(
        liseuse(&["export", "--format", "yaml"]).status.code(),
        Some(2)
    );
}

#[test]
fn export_of_data_has_every_link_resolved() {
    for args in [&["export", "data/"][..], &["export"][..]] {
        let out = liseuse(args);
        assert_eq!(out.status.code(), Some(0));
        let export: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let articles = export["articles"].as_array().unwrap();
        let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
        let count = |kind: &str| articles.iter().filter(|a| a["kind"] == kind).count();
        assert_eq!((count("full"), count("summary")), (2, 17));
        for article in articles {
            for link in article["related"].as_array().unwrap() {
                assert!(ids.contains(&link["target"].as_str().unwrap()));
            }
        }
    }
}

fn round_trip(format: Format, name: &str) {
    let first = export(&store_of(ingest::load_bundled()), format);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, &first).unwrap();
    let loaded = ingest::load_paths(&[path]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let second = export(&store_of(loaded), format);
    assert_eq!(first, second);
}

#[test]
fn json_round_trip_is_identical() {
    round_trip(Format::Json, "corpus.json");
}

#[test]
fn jsonl_round_trip_is_identical() {
    round_trip(Format::Jsonl, "corpus.jsonl");
}

#[test]
fn a_bad_jsonl_line_is_reported_and_the_others_load() {
    let good = export(&store_of(ingest::load_bundled()), Format::Jsonl);
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(1, "{not json");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.jsonl");
    fs::write(&path, lines.join("\n")).unwrap();
    let loaded = ingest::load_paths(std::slice::from_ref(&path));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert!(loaded.diagnostics[0].to_string().starts_with(&format!(
        "{}:2: not a liseuse article record",
        path.display()
    )));
    assert_eq!(store_of(loaded).len(), 19);
}

#[test]
fn export_to_an_unwritable_file_is_a_clear_error() {
    let out = liseuse(&["export", "-o", "/no/such/dir/out.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("cannot write /no/such/dir/out.json"),
        "{stderr}"
    );
}

#[test]
fn export_jsonl_is_one_article_per_line() {
    let out = liseuse(&["export", "--format", "jsonl"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 19);
    for line in text.lines() {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(article["id"].is_string());
    }
    assert!(Path::new(CUBA).exists());
}

#[test]
fn export_escapes_what_a_terminal_could_act_on_and_reads_back_exactly() {
    let mut page =
        liseuse::article::Article::new("Titre \u{9b}2J \u{202e}inversé\u{202c} \u{1b}]0;x\u{7}");
    page.paragraphs = vec![
        "zéro\u{200b}largeur « ok »".into(),
        "sup\u{7f}primé, \u{e0041}étiquette\u{e007f}, ligne\u{2028}suite, césure\u{ad}ok".into(),
    ];
    let (store, _) = Store::from_pages(vec![page]);
    for format in [Format::Json, Format::Jsonl] {
        let text = export(&store, format);
        assert!(
            text.contains("\\u009b2J \\u202einversé\\u202c \\u001b]0;x\\u0007"),
            "{text}"
        );
        assert!(text.contains("zéro\\u200blargeur « ok »"), "{text}");
        assert!(
            text.contains(
                "sup\\u007fprimé, \\udb40\\udc41étiquette\\udb40\\udc7f, ligne\\u2028suite, césure\u{ad}ok"
            ),
            "{text}"
        );
        assert!(
            !text.chars().any(liseuse::invisible::is_invisible),
            "{text}"
        );
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        let dir = tempfile::tempdir().unwrap();
        let name = if format == Format::Json {
            "x.json"
        } else {
            "x.jsonl"
        };
        fs::write(dir.path().join(name), &text).unwrap();
        let again = store_of(ingest::load_paths(&[dir.path().join(name)]));
        assert_eq!(
            again.article(again.ids().next().unwrap()).title,
            store.article(store.ids().next().unwrap()).title
        );
        let (first, back) = (store.ids().next().unwrap(), again.ids().next().unwrap());
        assert_eq!(again.body(back).paragraphs, store.body(first).paragraphs);
        assert_eq!(export(&again, format), text);
    }
}

#[test]
fn open_with_an_unknown_title_lists_the_closest_ones() {
    // `zzz` in no title: nothing is close even fuzzily (a title typed loosely is opened).
    let out = liseuse(&["--open", "relations vietnam laos zzz"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("liseuse: no article \"relations vietnam laos zzz\""),
        "{stderr}"
    );
    let first = stderr.lines().nth(2).unwrap_or_default();
    assert!(
        first.contains("Un nouvel élan pour les relations Vietnam–Laos  (un-nouvel-elan-pour-les-relations-vietnam-laos)"),
        "{stderr}"
    );
}

#[path = "store/batches.rs"]
mod batches;
#[path = "store/same_title.rs"]
mod same_title;
