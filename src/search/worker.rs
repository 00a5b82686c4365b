//! Search in the background, for the reader: one thread indexes the pages handed to it (the
//! first store, then each batch as it lands), committing after each lot so searches see what
//! is indexed so far; another answers queries, always the newest asked (older ones waiting are
//! dropped unanswered, so typing fast costs no queue), and answers the newest again after each
//! commit, so results grow as the index does. The reader never waits on either.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, OnceLock};
use std::thread;

use super::changes::Lot;
use super::index::{SearchError, SearchIndex};
use super::query::Query;
use super::searcher::{Hit, Searcher};
use crate::store::Detached;
use crate::store::{ArticleId, Store};

/// Pages the reader asks for at most: more than anyone scrolls through, bounded for a query
/// that matches everything.
pub const MAX_RESULTS: usize = 5_000;

/// Pages indexed between two commits: searches see the first thousands of a large corpus
/// while the rest is indexed, and the pages waiting in tantivy's queue (up to 10,000 with
/// their text, when they come faster than they are indexed) stay bounded by it.
const COMMIT_EVERY: usize = 2_000;

/// The answer to query number `asked`.
#[derive(Debug, Clone)]
pub struct Answer {
    pub asked: u64,
    pub text: String,
    pub hits: Vec<Hit>,
    /// Whether every page handed in was indexed when the query ran.
    pub complete: bool,
    /// A problem with the index, said once in the status bar instead of results.
    pub error: Option<String>,
}

/// Pages to index: each with its key.
pub type Docs = Vec<(String, Detached)>;

/// The fingerprint of every page the index held when it was opened, by key.
pub type Indexed = std::collections::HashMap<String, u64>;

/// What the answering thread is told.
enum Ask {
    Query(u64, String),
    /// More pages are searchable: answer the newest query again.
    Committed,
}

pub struct Worker {
    lots: Sender<Lot>,
    queries: Sender<Ask>,
    /// Lots handed in and not yet committed.
    pending: Arc<AtomicUsize>,
    /// What the index held when opened: a page there unchanged need not be handed in (at a
    /// warm start, none is).
    indexed: Arc<OnceLock<Arc<Indexed>>>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker").finish_non_exhaustive()
    }
}

impl Worker {
    /// Starts both threads on the index in `cache` (in memory with none, or when another
    /// reader holds it); each answer is handed to `answered`.
    pub fn start(cache: Option<PathBuf>, answered: impl Fn(Answer) + Send + 'static) -> Worker {
        let (lots, lots_rx) = mpsc::channel::<Lot>();
        let (queries, asked) = mpsc::channel();
        let pending = Arc::new(AtomicUsize::new(0));
        let (searcher_tx, searcher_rx) = mpsc::channel();
        let indexing = Arc::clone(&pending);
        let committed = queries.clone();
        let indexed = Arc::new(OnceLock::new());
        let opened = Arc::clone(&indexed);
        thread::spawn(move || {
            let lots = Lots {
                lots: lots_rx,
                pending: &indexing,
                opened: &opened,
            };
            index_lots(cache, lots, searcher_tx, &committed);
        });
        let answering = Arc::clone(&pending);
        thread::spawn(move || answer_queries(searcher_rx, asked, &answering, answered));
        Worker {
            lots,
            queries,
            pending,
            indexed,
        }
    }

    /// What the index held when it was opened, once it is.
    pub fn indexed(&self) -> Option<&Indexed> {
        self.indexed.get().map(|indexed| &**indexed)
    }

    /// Hands pages to the indexer (unchanged ones it skips).
    pub fn index(&self, docs: Docs) {
        self.update(Lot {
            gone: Vec::new(),
            docs,
        });
    }

    /// Hands the indexer what a batch changed: its documents for the keys gone are deleted,
    /// then its pages indexed.
    pub fn update(&self, lot: Lot) {
        if lot.is_empty() {
            return;
        }
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.lots.send(lot).is_err() {
            self.pending.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Asks query number `asked`; only the newest asked gets an answer.
    pub fn ask(&self, asked: u64, text: &str) {
        let _ = self.queries.send(Ask::Query(asked, text.to_owned()));
    }
}

/// Every article of the store, keyed, but those `indexed` holds unchanged: the first lot.
pub fn all_docs(store: &Store, indexed: Option<&Indexed>) -> Docs {
    docs_of(store, store.ids(), indexed)
}

/// The documents of articles `ids`, but those `indexed` holds unchanged.
pub fn docs_of(
    store: &Store,
    ids: impl Iterator<Item = ArticleId>,
    indexed: Option<&Indexed>,
) -> Docs {
    ids.filter_map(|id| {
        let key = store.key(id);
        let fingerprint = store.fingerprint(id);
        let unchanged = indexed.is_some_and(|i| i.get(&key) == Some(&fingerprint));
        (!unchanged).then(|| (key, store.detached(id)))
    })
    .collect()
}

/// What the indexing thread is handed: the lots, the count of lots not committed, and where
/// to say what the index held when opened.
struct Lots<'a> {
    lots: Receiver<Lot>,
    pending: &'a AtomicUsize,
    opened: &'a OnceLock<Arc<Indexed>>,
}

fn index_lots(
    cache: Option<PathBuf>,
    Lots {
        lots,
        pending,
        opened: indexed,
    }: Lots,
    searcher: Sender<Result<Searcher, String>>,
    committed: &Sender<Ask>,
) {
    // Indexing reads and repairs every page again: it leaves a core to the reader's thread
    // first, so keys stay quick while it runs, and to loading.
    crate::ingest::yield_to_loading();
    let opened = match &cache {
        Some(dir) => SearchIndex::open(dir).or_else(|_| SearchIndex::in_memory()),
        None => SearchIndex::in_memory(),
    };
    let mut index = match opened {
        Ok(index) => index,
        Err(e) => {
            let _ = searcher.send(Err(e.to_string()));
            return;
        }
    };
    let _ = indexed.set(index.fingerprints());
    let _ = searcher.send(Ok(index.searcher()));
    for lot in lots {
        let mut removed = lot.gone.iter().filter(|key| index.remove(key)).count();
        let parts: Vec<&[(String, Detached)]> = match lot.docs.len() {
            0 => vec![&[]],
            _ => lot.docs.chunks(COMMIT_EVERY).collect(),
        };
        for (n, part) in parts.iter().enumerate() {
            // On an error, searches go on over what was committed; the next part tries again.
            let changed = index_part(&mut index, part, std::mem::take(&mut removed));
            if n + 1 == parts.len() {
                pending.fetch_sub(1, Ordering::SeqCst);
            }
            if changed.is_ok_and(|changed| changed > 0) || pending.load(Ordering::SeqCst) == 0 {
                let _ = committed.send(Ask::Committed);
            }
        }
    }
}

/// Indexes `part` and commits it with the `removed` deletions before it, if anything changed;
/// how many documents did.
fn index_part(
    index: &mut SearchIndex,
    part: &[(String, Detached)],
    removed: usize,
) -> Result<usize, SearchError> {
    let changed = index.add_detached(part.iter().cloned())? + removed;
    if changed > 0 {
        index.commit()?;
    }
    Ok(changed)
}

fn answer_queries(
    searcher: Receiver<Result<Searcher, String>>,
    asked: Receiver<Ask>,
    pending: &AtomicUsize,
    answered: impl Fn(Answer),
) {
    let searcher = searcher
        .recv()
        .unwrap_or_else(|_| Err("no index".to_owned()));
    let mut newest: Option<(u64, String)> = None;
    while let Ok(first) = asked.recv() {
        // Only the newest query matters: the others were typed over.
        for ask in std::iter::once(first).chain(asked.try_iter()) {
            if let Ask::Query(number, text) = ask {
                newest = Some((number, text));
            }
        }
        let Some((number, text)) = newest.clone() else {
            continue;
        };
        let complete = pending.load(Ordering::SeqCst) == 0;
        let result = searcher.as_ref().map_err(Clone::clone).and_then(|s| {
            s.reload().map_err(|e| e.to_string())?;
            s.search(&Query::parse(&text), MAX_RESULTS)
                .map_err(|e| e.to_string())
        });
        let (hits, error) = match result {
            Ok((hits, _)) => (hits, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        answered(Answer {
            asked: number,
            text,
            hits,
            complete,
            error,
        });
    }
}
