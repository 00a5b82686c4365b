//! A live folder: the store follows pages added, changed and removed (links and backlinks kept
//! consistent, ids never reused), and the reader in a pseudo-terminal shows it within a second.

#[path = "common/pty.rs"]
mod harness;
#[path = "common/live_pages.rs"]
mod live_pages;

use std::fs;

use liseuse::article::Kind;
use liseuse::ingest;
use liseuse::store::Store;
use tempfile::TempDir;

use harness::Session;
use live_pages::{page, removed, written};

fn listed(store: &Store) -> Vec<String> {
    store
        .ids()
        .filter(|&id| !store.is_gone(id))
        .map(|id| store.article(id).title.clone())
        .collect()
}

#[test]
fn the_store_follows_pages_added_changed_and_removed() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let mut store = Store::with_reader(ingest::reread);
    store.apply(vec![
        written(
            d,
            "a.txt",
            &page(
                "Le Vietnam et le Laos renforcent leurs liens",
                "Premier.",
                &[
                    "La saison des pluies arrive à Hanoï",
                    "Un festival de musique à Huế",
                ],
            ),
        ),
        written(
            d,
            "b.txt",
            &page("La saison des pluies arrive à Hanoï", "Deuxième.", &[]),
        ),
    ]);
    assert_eq!(
        listed(&store),
        [
            "Le Vietnam et le Laos renforcent leurs liens",
            "La saison des pluies arrive à Hanoï",
            "Un festival de musique à Huế"
        ]
    );
    let (alpha, beta, gamma) = (
        store
            .find_title("Le Vietnam et le Laos renforcent leurs liens")
            .unwrap(),
        store
            .find_title("La saison des pluies arrive à Hanoï")
            .unwrap(),
        store.find_title("Un festival de musique à Huế").unwrap(),
    );
    assert_eq!(store.article(gamma).kind, Kind::Summary);

    // Changed in place: the same article, its new text and links.
    store.apply(vec![written(
        d,
        "a.txt",
        &page(
            "Le Vietnam et le Laos renforcent leurs liens",
            "Réécrit.",
            &["La saison des pluies arrive à Hanoï"],
        ),
    )]);
    assert_eq!(
        store.find_title("Le Vietnam et le Laos renforcent leurs liens"),
        Some(alpha)
    );
    assert!(store.body(alpha).paragraphs[0].contains("Réécrit"));
    assert_eq!(store.targets(alpha), [beta]);
    // Gamma was only Alpha's link: it goes.
    assert!(store.is_gone(gamma));
    assert_eq!(store.find_title("Un festival de musique à Huế"), None);
    assert_eq!(
        listed(&store),
        [
            "Le Vietnam et le Laos renforcent leurs liens",
            "La saison des pluies arrive à Hanoï"
        ]
    );

    // A cited page removed stays as what its citer says of it.
    store.apply(vec![removed(d, "b.txt")]);
    assert!(!store.is_gone(beta));
    assert_eq!(store.article(beta).kind, Kind::Summary);
    assert!(
        store
            .body(beta)
            .lead
            .contains("Ce que dit l’entrée de La saison")
    );
    assert_eq!(store.cited_by(beta), [alpha]);

    // Its page back: full again, same id.
    store.apply(vec![written(
        d,
        "b.txt",
        &page("La saison des pluies arrive à Hanoï", "Revenu.", &[]),
    )]);
    assert_eq!(
        store.find_title("La saison des pluies arrive à Hanoï"),
        Some(beta)
    );
    assert_eq!(store.article(beta).kind, Kind::Full);

    // A page nothing cites removed: gone, and its links' backlinks with it.
    store.apply(vec![removed(d, "a.txt")]);
    assert!(store.is_gone(alpha));
    assert!(store.cited_by(beta).is_empty());
    assert_eq!(listed(&store), ["La saison des pluies arrive à Hanoï"]);
    // Its id still names it (history may hold it), with no panic.
    assert_eq!(
        store.article(alpha).title,
        "Le Vietnam et le Laos renforcent leurs liens"
    );
    let _ = store.body(alpha);

    // A title changed: the old page is gone, the new one listed.
    store.apply(vec![written(
        d,
        "b.txt",
        &page("La saison sèche arrive à Hanoï", "Autre.", &[]),
    )]);
    assert_eq!(listed(&store), ["La saison sèche arrive à Hanoï"]);
}

#[test]
fn a_folder_that_grows_while_you_read_shows_its_new_pages() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), page("Une première page", "Texte.", &[])).unwrap();
    let cache = TempDir::new().unwrap();
    let mut s = Session::liseuse(
        &[
            d.to_str().unwrap(),
            "--cache-dir",
            cache.path().to_str().unwrap(),
        ],
        (100, 20),
    );
    s.wait_for("Une première page");
    fs::write(d.join("b.txt"), page("Une page arrivée", "Texte.", &[])).unwrap();
    s.wait_for("Une page arrivée");
    fs::remove_file(d.join("a.txt")).unwrap();
    let screen = s.wait_for_gone("• Une première page");
    assert!(screen.contains("Une page arrivée"), "{screen}");
    s.keys("q");
    s.wait_exit();
}

#[test]
fn with_no_watch_the_folder_is_read_once() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    fs::write(d.join("a.txt"), page("Une première page", "Texte.", &[])).unwrap();
    let mut s = Session::liseuse(
        &[d.to_str().unwrap(), "--no-watch", "--no-cache"],
        (100, 20),
    );
    s.wait_for("Une première page");
    fs::write(d.join("b.txt"), page("Une page arrivée", "Texte.", &[])).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(!s.screen().contains("Une page arrivée"));
    s.keys("q");
    s.wait_exit();
}

/// A body read ahead on another thread (the reader's `Enter` finds it at hand) is kept, unless
/// its page changed while it was read: then the store reads the new page, never the old body.
#[test]
fn a_body_read_ahead_is_kept_unless_its_page_changed_meanwhile() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let title = "Le Vietnam et le Laos renforcent leurs liens";
    let mut store = Store::with_reader(ingest::reread);
    store.apply(vec![written(
        d,
        "a.txt",
        &page(title, "Premier texte.", &[]),
    )]);
    let id = store.lookup(title).expect("the page");
    assert!(!store.is_at_hand(id), "only the card is held");
    let asked = store.detached(id);
    store.keep_read(id, asked.fingerprint, asked.body());
    assert!(store.is_at_hand(id), "kept among the recent bodies");

    let asked = store.detached(id);
    let old = asked.body();
    store.apply(vec![written(
        d,
        "a.txt",
        &page(title, "Second texte.", &[]),
    )]);
    store.keep_read(id, asked.fingerprint, old);
    assert!(!store.is_at_hand(id), "read before the change: not kept");
    let body = store.body(id);
    assert!(
        body.paragraphs.iter().any(|p| p.contains("Second texte")),
        "{:?}",
        body.paragraphs
    );
}
