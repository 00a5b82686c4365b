//! The Markdown and text exports of the bundled corpus against golden files (`tests/golden/`),
//! through the command line as a user runs it: one Markdown file per article whose relative
//! links all lead to a file written beside it, and text wrapped at `--measure`. Run with
//! `UPDATE_GOLDEN=1` (never under `CI`) to write the golden files again, then review them.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some() && std::env::var_os("CI").is_none()
}

/// Compares `got` with the golden file, or writes it when updating.
fn check(name: &str, got: &str) {
    let path = golden(name);
    if updating() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, got).unwrap();
        return;
    }
    let want = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    assert!(got == want, "{name} differs from its golden file:\n{got}");
}

fn liseuse(args: &[&str]) -> std::process::Output {
    let output = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(args)
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("liseuse runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Every `](target.md)` of a Markdown text.
fn link_targets(markdown: &str) -> Vec<String> {
    markdown
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')'))
        .map(|(target, _)| target.to_owned())
        .collect()
}

#[test]
fn markdown_of_the_bundled_corpus_is_one_file_per_article_linked_relatively() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    liseuse(&["export", "--format", "markdown", "-o", out]);
    let written: BTreeSet<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(written.len() >= 10, "{written:?}");
    let mut links = 0;
    for name in &written {
        assert!(name.ends_with(".md"), "{name}");
        let text = fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(
            text.starts_with("---\nid: \""),
            "{name}: front matter first"
        );
        for target in link_targets(&text) {
            assert!(
                written.contains(&target),
                "{name} links to missing {target}"
            );
            links += 1;
        }
        check(&format!("markdown/{name}"), &text);
    }
    assert!(links > 0, "the corpus has links");
    if !updating() {
        let goldens = fs::read_dir(golden("markdown")).unwrap().count();
        assert_eq!(
            goldens,
            written.len(),
            "a golden file for each article, and no more"
        );
    }
}

#[test]
fn markdown_keeps_captions_credits_and_both_link_lists() {
    let output = liseuse(&["export", "--format", "markdown"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("\n## Voir plus\n"), "Voir plus heading");
    assert!(text.contains("\n## Cité par\n"), "Cité par heading");
    assert!(
        text.contains("(Photo\u{A0}:\u{A0}VNA)"),
        "a caption's credit"
    );
    assert!(
        text.contains("kind: summary"),
        "summary-only articles are exported too"
    );
    assert!(text.contains("dateline: \"Hanoï (VNA)\""));
    assert!(
        text.contains("  - \"data/vna-kirghizistan.txt\""),
        "sources"
    );
}

#[test]
fn text_of_the_bundled_corpus_is_what_the_reader_shows_at_the_measure() {
    let output = liseuse(&["export", "--format", "text", "--measure", "60"]);
    let text = String::from_utf8(output.stdout).unwrap();
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 60,
            "wider than the measure: {line}"
        );
    }
    assert!(!text.contains('\u{1b}'), "nothing that drives a terminal");
    check("corpus-60.txt", &text);
}

#[test]
fn one_article_by_id_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kirghizistan.md");
    let id = "le-vietnam-attache-de-l-importance-a-son-amitie-avec-le-kirghizistan";
    liseuse(&[
        "export",
        "--format",
        "markdown",
        "--id",
        id,
        "-o",
        file.to_str().unwrap(),
    ]);
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(
        text,
        fs::read_to_string(golden(&format!("markdown/{id}.md"))).unwrap()
    );
}

#[test]
fn json_export_is_unchanged_by_the_new_formats() {
    let plain = liseuse(&["export"]).stdout;
    let named = liseuse(&["export", "--format", "json"]).stdout;
    assert_eq!(plain, named);
    let text = String::from_utf8(plain).unwrap();
    assert!(text.starts_with("{\n  \"articles\": ["), "{}", &text[..40]);
}

/// `e` in the reader: the open article written as Markdown beside the user, named in the
/// status bar, the same bytes as the export; `o` opens the page's file, and a summary-only
/// article has none.
#[test]
fn the_reader_keys_hand_the_open_article_over() {
    use liseuse::app::{Action, App, Copied, Effect, Motion, Options, Pane, update};
    use liseuse::handoff;
    use liseuse::strings::Message;
    let store = liseuse::store::Store::from_pages(liseuse::ingest::load_bundled().pages).0;
    let open = store.ids().next();
    let mut app = App::new(
        store,
        Options {
            open,
            ..Options::default()
        },
        (100, 30),
    );
    let id = app.current().unwrap();
    // Reading-state saves (the open article marked read) are not what is tested here.
    let effects = |app: &mut App, action| -> Vec<Effect> {
        (update(app, action).effects.into_iter())
            .filter(|e| !matches!(e, Effect::Save(_)))
            .collect()
    };
    assert_eq!(
        effects(&mut app, Action::ExportMarkdown),
        [Effect::WriteMarkdown(id)]
    );
    assert_eq!(effects(&mut app, Action::Pipe), [Effect::Page(id)]);
    assert_eq!(effects(&mut app, Action::EditSource), [Effect::Edit(id)]);
    assert_eq!(
        effects(&mut app, Action::CopyArticle),
        [Effect::Copy(id, Copied::Article)]
    );

    let dir = tempfile::tempdir().unwrap();
    let name = liseuse::export::markdown::file_name(app.store(), id);
    let message = handoff::write_markdown(app.store(), id, dir.path());
    let path = dir.path().join(&name);
    assert_eq!(message, Message::Wrote(path.display().to_string()));
    let written = fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        fs::read_to_string(golden(&format!("markdown/{name}"))).unwrap()
    );
    // Tests run in the package folder, where the bundled pages are files too.
    let source = handoff::source_file(app.store(), id).expect("the page's file");
    assert!(
        source.ends_with("data/vna-cuba-onu-2021.txt"),
        "{}",
        source.display()
    );
    update(&mut app, Action::Move(Pane::List, Motion::Bottom));
    update(&mut app, Action::OpenSelected);
    let stub = app.current().unwrap();
    assert!(!app.store().article(stub).is_full());
    assert_eq!(
        handoff::source_file(app.store(), stub),
        None,
        "a summary has no file"
    );
}
