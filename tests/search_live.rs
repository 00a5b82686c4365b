//! Search over a live folder, through the reader's own path (a live batch into the app, what it
//! changed handed to the background worker): a removed page no longer matches, a changed page
//! matches its new text only and is indexed once, a removed page others cite is found as what
//! they say of it.

#[path = "common/live_pages.rs"]
mod live_pages;

use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use liseuse::app::{self, App, Batch, Options};
use liseuse::ingest;
use liseuse::search::{self, Answer, Before, Worker};
use liseuse::store::{Change, Store};
use tempfile::TempDir;

use live_pages::{page, removed, written};

const ALPHA: &str = "Le Vietnam et le Laos renforcent leurs liens";
const BETA: &str = "La saison des pluies arrive à Hanoï";

/// The reader's app over `changes`, with a worker indexing it in memory.
struct Reader {
    app: App,
    worker: Worker,
    answers: Receiver<Answer>,
    asked: u64,
}

impl Reader {
    fn new(changes: Vec<Change>) -> Reader {
        let mut store = Store::with_reader(ingest::reread);
        store.apply(changes);
        let (tx, answers) = mpsc::channel();
        let worker = Worker::start(None, move |answer| {
            let _ = tx.send(answer);
        });
        worker.index(search::all_docs(&store, None));
        let app = App::new(store, Options::default(), (80, 24));
        Reader {
            app,
            worker,
            answers,
            asked: 0,
        }
    }

    /// A live batch, as the terminal's loop hands it on.
    fn live(&mut self, changes: Vec<Change>) {
        let before = Before::of(self.app.store(), &[], true);
        app::add_batch(
            &mut self.app,
            Batch {
                changes,
                ..Batch::default()
            },
        );
        self.worker.update(before.changes(self.app.store()));
    }

    /// The keys `query` finds once everything handed in is indexed, best first.
    fn found(&mut self, query: &str) -> Vec<String> {
        self.asked += 1;
        self.worker.ask(self.asked, query);
        loop {
            let answer = (self.answers)
                .recv_timeout(Duration::from_secs(60))
                .expect("the worker answers");
            assert_eq!(answer.error, None);
            if answer.asked == self.asked && answer.complete {
                return answer.hits.into_iter().map(|h| h.key).collect();
            }
        }
    }

    fn key(&self, title: &str) -> String {
        let store = self.app.store();
        store.key(store.find_title(title).expect("listed"))
    }
}

#[test]
fn a_removed_page_leaves_the_index_and_a_changed_one_matches_its_new_text_only() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let mut reader = Reader::new(vec![
        written(d, "a.txt", &page(ALPHA, "On y parle d’ananas.", &[])),
        written(d, "b.txt", &page(BETA, "On y parle de papayes.", &[])),
    ]);
    let (alpha, beta) = (reader.key(ALPHA), reader.key(BETA));
    assert_eq!(reader.found("papayes"), vec![beta.clone()]);
    assert_eq!(reader.found("ananas"), vec![alpha.clone()]);

    reader.live(vec![removed(d, "b.txt")]);
    assert!(reader.found("papayes").is_empty());
    assert!(reader.found("saison pluies").is_empty());

    reader.live(vec![written(
        d,
        "a.txt",
        &page(ALPHA, "On y parle de mangues.", &[]),
    )]);
    assert!(reader.found("ananas").is_empty());
    assert_eq!(reader.found("mangues"), vec![alpha.clone()]);
    // Its old document went: the page is found once by what both texts share.
    assert_eq!(reader.found("vietnam laos"), vec![alpha]);
}

#[test]
fn a_removed_page_others_cite_is_found_as_what_they_say_of_it() {
    let dir = TempDir::new().unwrap();
    let d = dir.path();
    let mut reader = Reader::new(vec![
        written(d, "a.txt", &page(ALPHA, "Premier.", &[BETA])),
        written(d, "b.txt", &page(BETA, "On y parle de papayes.", &[])),
    ]);
    let beta = reader.key(BETA);
    assert_eq!(reader.found("papayes"), vec![beta.clone()]);

    reader.live(vec![removed(d, "b.txt")]);
    assert!(reader.found("papayes").is_empty());
    assert!(reader.found("saison pluies").contains(&beta));
    assert!(reader.found("\"ce que dit l'entree\"").contains(&beta));
}
