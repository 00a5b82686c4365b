//! Pages of a live folder for the tests: written, changed and removed on disk, each given to
//! the store as the change the watcher would hand it.

use std::fs;
use std::path::Path;

use liseuse::ingest;
use liseuse::store::Change;

/// A page titled `title` whose "Voir plus" lists `related`.
pub fn page(title: &str, text: &str, related: &[&str]) -> String {
    let mut page = format!("{title}\n\nHanoï (VNA) – {text} La suite du texte.\n-VNA\n");
    if !related.is_empty() {
        page.push_str("\nVoir plus\n");
        for r in related {
            page.push_str(&format!("\n{r}\n\nCe que dit l’entrée de {r}.\n"));
        }
    }
    page
}

/// `text` written as `name` in `dir`, as the page it now holds.
pub fn written(dir: &Path, name: &str, text: &str) -> Change {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    let mut loaded = ingest::card_of_file(&path);
    Change::Page(loaded.cards.pop().expect("a page"))
}

/// `name` removed from `dir`.
pub fn removed(dir: &Path, name: &str) -> Change {
    let path = dir.join(name);
    fs::remove_file(&path).unwrap();
    Change::Removed(path.display().to_string())
}
