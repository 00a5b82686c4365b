//! The full-text index: tantivy, under `<cache>/search-v1/` (or in memory with no cache).
//! Pages are indexed by their stable key with a fingerprint of their text, so a page already
//! indexed with the same text is never indexed again, across runs. An index written by another
//! version, or one that fails its checksums, is removed and built again, never trusted; an index
//! another reader is writing (its lock is taken) is left alone and this one is built in memory.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query as TantivyQuery,
    TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::query::{Clause, Query};
use super::text::{Indexed, indexed};
use super::tokenizer::{FoldTokenizer, TOKENIZER};
use crate::article::Article;
use crate::store::Detached;

/// The folder under the cache; a new layout gets a new name, so an old one is never read.
pub const FOLDER: &str = "search-v1";
/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 3.0;
/// Memory the writer may fill before it writes a segment, for all its threads.
const WRITER_BUDGET: usize = 40_000_000;
/// Words a prefix may stand for: enough for a word being typed, bounded for one letter.
const PREFIX_EXPANSIONS: u32 = 200;

#[derive(Debug)]
pub struct SearchError(String);

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "search index: {}", self.0)
    }
}

impl std::error::Error for SearchError {}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError(e.to_string())
    }
}

/// One page found: its key and how well it matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub key: String,
    pub score: f32,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    fingerprint: Field,
    title: Field,
    body: Field,
}

pub struct SearchIndex {
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
    /// The fingerprint of every page indexed, by key (committed or not).
    known: HashMap<String, u64>,
    /// Where it lives, `None` in memory.
    dir: Option<PathBuf>,
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .field("pages", &self.known.len())
            .finish()
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        key: builder.add_text_field("key", STRING | STORED),
        fingerprint: builder.add_u64_field("fingerprint", STORED),
        title: builder.add_text_field("title", text.clone()),
        body: builder.add_text_field("body", text),
    };
    (builder.build(), fields)
}

impl SearchIndex {
    /// An index in memory, empty.
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        Ok(Self::with_index(
            Index::create_in_ram(schema),
            fields,
            None,
        )?)
    }

    /// The index in `<cache>/search-v1/`, opened as it was left, or made anew when it is
    /// missing, from another version or damaged. When another reader holds it, an index in
    /// memory instead.
    pub fn open(cache: &Path) -> Result<SearchIndex, SearchError> {
        let dir = cache.join(FOLDER);
        match Self::open_dir(&dir) {
            Ok(index) => Ok(index),
            Err(Opening::Busy) => Self::in_memory(),
            Err(Opening::Untrusted) => {
                std::fs::remove_dir_all(&dir)
                    .map_err(|e| SearchError(format!("cannot clear {}: {e}", dir.display())))?;
                match Self::open_dir(&dir) {
                    Ok(index) => Ok(index),
                    Err(Opening::Busy) => Self::in_memory(),
                    Err(Opening::Untrusted) => Err(SearchError(format!(
                        "cannot make an index in {}",
                        dir.display()
                    ))),
                    Err(Opening::Failed(e)) => Err(e),
                }
            }
            Err(Opening::Failed(e)) => Err(e),
        }
    }

    fn open_dir(dir: &Path) -> Result<SearchIndex, Opening> {
        std::fs::create_dir_all(dir).map_err(|e| {
            Opening::Failed(SearchError(format!("cannot create {}: {e}", dir.display())))
        })?;
        let (schema, fields) = schema();
        let directory = MmapDirectory::open(dir).map_err(|_| Opening::Untrusted)?;
        let index = Index::open_or_create(directory, schema.clone()).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Opening::Busy,
            _ => Opening::Untrusted,
        })?;
        if index.schema() != schema || !index.validate_checksum().is_ok_and(|bad| bad.is_empty()) {
            return Err(Opening::Untrusted);
        }
        Self::with_index(index, fields, Some(dir.to_owned())).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Opening::Busy,
            _ => Opening::Untrusted,
        })
    }

    fn with_index(
        index: Index,
        fields: Fields,
        dir: Option<PathBuf>,
    ) -> tantivy::Result<SearchIndex> {
        index.tokenizers().register(TOKENIZER, FoldTokenizer);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let writer = index.writer_with_num_threads(threads, WRITER_BUDGET)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut this = SearchIndex {
            writer,
            reader,
            fields,
            known: HashMap::new(),
            dir,
        };
        this.known = this.read_fingerprints()?;
        Ok(this)
    }

    /// Every committed page's key and fingerprint.
    fn read_fingerprints(&self) -> tantivy::Result<HashMap<String, u64>> {
        let searcher = self.reader.searcher();
        let mut known = HashMap::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in segment.doc_ids_alive() {
                let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc))?;
                let key = stored.get_first(self.fields.key).and_then(|v| v.as_str());
                let print = stored
                    .get_first(self.fields.fingerprint)
                    .and_then(|v| v.as_u64());
                if let (Some(key), Some(print)) = (key, print) {
                    known.insert(key.to_owned(), print);
                }
            }
        }
        Ok(known)
    }

    /// Where the index lives (`None`: in memory).
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Pages indexed, committed or not.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Whether the page `key` is indexed with exactly this text.
    pub fn has(&self, key: &str, article: &Article) -> bool {
        self.known.get(key) == Some(&indexed(article).fingerprint)
    }

    /// Indexes these pages by key; one already indexed with the same text is skipped, one whose
    /// text changed replaces its old copy. Returns how many were (re)indexed. Seen by searches
    /// after `commit`.
    pub fn add<'a>(
        &mut self,
        docs: impl IntoIterator<Item = (String, &'a Article)>,
    ) -> Result<usize, SearchError> {
        let mut added = 0;
        for (key, article) in docs {
            let indexed = indexed(article);
            let fingerprint = indexed.fingerprint;
            added += usize::from(self.put(key, fingerprint, || indexed)?);
        }
        Ok(added)
    }

    /// Adds the pages the index lacks or holds with another fingerprint, reading only those
    /// (a warm start with an unchanged corpus reads none). The fingerprint is the store's
    /// (`Detached::fingerprint`), not one of the text.
    pub fn add_detached(
        &mut self,
        docs: impl IntoIterator<Item = (String, Detached)>,
    ) -> Result<usize, SearchError> {
        let mut added = 0;
        for (key, doc) in docs {
            let fingerprint = doc.fingerprint;
            added += usize::from(self.put(key, fingerprint, || indexed(&doc.body()))?);
        }
        Ok(added)
    }

    /// Indexes page `key` unless it is there with this fingerprint; whether it was.
    fn put(
        &mut self,
        key: String,
        fingerprint: u64,
        indexed: impl FnOnce() -> Indexed,
    ) -> Result<bool, SearchError> {
        if self.known.get(&key) == Some(&fingerprint) {
            return Ok(false);
        }
        let Indexed { title, body, .. } = indexed();
        if self.known.contains_key(&key) {
            self.writer
                .delete_term(Term::from_field_text(self.fields.key, &key));
        }
        let mut doc = TantivyDocument::default();
        doc.add_text(self.fields.key, &key);
        doc.add_u64(self.fields.fingerprint, fingerprint);
        doc.add_text(self.fields.title, &title);
        doc.add_text(self.fields.body, &body);
        self.writer.add_document(doc)?;
        self.known.insert(key, fingerprint);
        Ok(true)
    }

    /// Forgets page `key` (its file was removed); whether it was indexed. Seen by searches
    /// after `commit`.
    pub fn remove(&mut self, key: &str) -> bool {
        let known = self.known.remove(key).is_some();
        if known {
            self.writer
                .delete_term(Term::from_field_text(self.fields.key, key));
        }
        known
    }

    /// Writes what was added and removed, and lets searches see it.
    pub fn commit(&mut self) -> Result<(), SearchError> {
        self.writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// A handle that searches what is committed, from any thread.
    pub fn searcher(&self) -> Searcher {
        Searcher {
            reader: self.reader.clone(),
            fields: self.fields,
        }
    }
}

enum Opening {
    /// Another process holds the writer lock.
    Busy,
    /// Another version's index, or a damaged one.
    Untrusted,
    Failed(SearchError),
}

/// Searches an index's committed pages; cheap to clone and to send to another thread.
#[derive(Clone)]
pub struct Searcher {
    reader: IndexReader,
    fields: Fields,
}

impl Searcher {
    /// Sees what was committed since.
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }

    /// Pages indexed and committed.
    pub fn pages(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The pages matching `query`, best first, at most `limit`, with how many match in all.
    pub fn search(&self, query: &Query, limit: usize) -> Result<(Vec<Hit>, usize), SearchError> {
        if query.is_empty() || limit == 0 {
            return Ok((Vec::new(), 0));
        }
        let searcher = self.reader.searcher();
        let tantivy_query = self.compile(query);
        let (top, count) = searcher.search(
            &tantivy_query,
            &(TopDocs::with_limit(limit).order_by_score(), Count),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            if let Some(key) = stored.get_first(self.fields.key).and_then(|v| v.as_str()) {
                hits.push(Hit {
                    key: key.to_owned(),
                    score,
                });
            }
        }
        // Equal scores in the order of their keys: which segment (so which indexing thread) a
        // page went to must not decide the ranking.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
        Ok((hits, count))
    }

    /// Every clause must match in the title or the body, none excluded may.
    fn compile(&self, query: &Query) -> BooleanQuery {
        let clauses = query
            .clauses
            .iter()
            .map(|clause| {
                let either = BooleanQuery::new(vec![
                    (
                        Occur::Should,
                        Box::new(BoostQuery::new(
                            clause_query(self.fields.title, clause),
                            TITLE_BOOST,
                        )) as Box<dyn TantivyQuery>,
                    ),
                    (Occur::Should, clause_query(self.fields.body, clause)),
                ]);
                let occur = if clause.exclude {
                    Occur::MustNot
                } else {
                    Occur::Must
                };
                (occur, Box::new(either) as Box<dyn TantivyQuery>)
            })
            .collect();
        BooleanQuery::new(clauses)
    }
}

/// One clause on one field: a word, a phrase, a prefix, or a phrase ending in one. A prefix
/// also scores its whole word, so `laos` typed in full ranks by BM25 like any word.
fn clause_query(field: Field, clause: &Clause) -> Box<dyn TantivyQuery> {
    let terms: Vec<Term> = clause
        .terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    let exact: Box<dyn TantivyQuery> = if terms.len() == 1 {
        Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        ))
    } else {
        Box::new(PhraseQuery::new(terms.clone()))
    };
    if !clause.prefix {
        return exact;
    }
    let mut prefix = PhrasePrefixQuery::new(terms);
    prefix.set_max_expansions(PREFIX_EXPANSIONS);
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, exact),
        (Occur::Should, Box::new(prefix)),
    ]))
}
