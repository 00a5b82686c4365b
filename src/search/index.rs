//! The full-text index: tantivy, under `<cache>/search-v1/` (or in memory with no cache).
//! Pages are indexed by their stable key with a fingerprint of their text, so a page already
//! indexed with the same text is never indexed again, across runs. An index written by another
//! version, or one that fails its checksums, is removed and built again, never trusted; an index
//! another reader is writing (its lock is taken) is left alone and this one is built in memory.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use super::searcher::Searcher;
use super::text::{Indexed, indexed};
use super::tokenizer::{FoldTokenizer, TOKENIZER};
use crate::article::Article;
use crate::store::{Citations, Detached};

/// The folder under the cache; a new layout gets a new name, so an old one is never read.
pub const FOLDER: &str = "search-v1";

/// How the writer indexes: its threads, and the memory all of them may fill before each writes
/// a segment (tantivy wants at least 15 MB a thread).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Writing {
    pub threads: usize,
    pub budget: usize,
}

impl Default for Writing {
    /// One thread with 20 MB: at 50,000 pages it adds about half the memory of two threads
    /// with 40 MB (each thread's segment costs far more than its budget while it is written),
    /// and the pages are read again and repaired for it on another thread slower than one
    /// indexes them. 15 MB made so many segments to merge that the build took half as long again.
    fn default() -> Writing {
        Writing {
            threads: 1,
            budget: 20_000_000,
        }
    }
}

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

#[derive(Clone, Copy)]
pub(super) struct Fields {
    pub(super) key: Field,
    fingerprint: Field,
    pub(super) title: Field,
    pub(super) body: Field,
}

pub struct SearchIndex {
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
    /// The fingerprint of every page indexed, by key (committed or not).
    /// Shared with the reader once opened (`fingerprints`): copied only if changed meanwhile.
    known: Arc<HashMap<String, u64>>,
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
        let index = Index::create_in_ram(schema);
        Ok(Self::with_index(index, fields, None, Writing::default())?)
    }

    /// The index in `<cache>/search-v1/`, opened as it was left, or made anew when it is
    /// missing, from another version or damaged. When another reader holds it, an index in
    /// memory instead.
    pub fn open(cache: &Path) -> Result<SearchIndex, SearchError> {
        Self::open_writing(cache, Writing::default())
    }

    /// [`open`](Self::open), writing as `writing` says.
    pub fn open_writing(cache: &Path, writing: Writing) -> Result<SearchIndex, SearchError> {
        let dir = cache.join(FOLDER);
        match Self::open_dir(&dir, writing) {
            Ok(index) => Ok(index),
            Err(Opening::Busy) => Self::in_memory(),
            Err(Opening::Untrusted) => {
                std::fs::remove_dir_all(&dir)
                    .map_err(|e| SearchError(format!("cannot clear {}: {e}", dir.display())))?;
                match Self::open_dir(&dir, writing) {
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

    fn open_dir(dir: &Path, writing: Writing) -> Result<SearchIndex, Opening> {
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
        Self::with_index(index, fields, Some(dir.to_owned()), writing).map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Opening::Busy,
            _ => Opening::Untrusted,
        })
    }

    fn with_index(
        index: Index,
        fields: Fields,
        dir: Option<PathBuf>,
        writing: Writing,
    ) -> tantivy::Result<SearchIndex> {
        index.tokenizers().register(TOKENIZER, FoldTokenizer);
        let writer = index.writer_with_num_threads(writing.threads, writing.budget)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut this = SearchIndex {
            writer,
            reader,
            fields,
            known: Arc::default(),
            dir,
        };
        this.known = Arc::new(this.read_fingerprints()?);
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
    /// The fingerprint of every page indexed, by key.
    pub fn fingerprints(&self) -> Arc<HashMap<String, u64>> {
        Arc::clone(&self.known)
    }

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
        // A lot's summary-only articles are mostly its own pages' citations: each citer is
        // read once for all of them.
        let mut citations = Citations::default();
        for (key, doc) in docs {
            let fingerprint = doc.fingerprint;
            let body = || indexed(&doc.body_with(&mut citations));
            added += usize::from(self.put(key, fingerprint, body)?);
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
        Arc::make_mut(&mut self.known).insert(key, fingerprint);
        Ok(true)
    }

    /// Forgets page `key` (its file was removed); whether it was indexed. Seen by searches
    /// after `commit`.
    pub fn remove(&mut self, key: &str) -> bool {
        let known =
            self.known.contains_key(key) && Arc::make_mut(&mut self.known).remove(key).is_some();
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
        Searcher::new(self.reader.clone(), self.fields)
    }
}

enum Opening {
    /// Another process holds the writer lock.
    Busy,
    /// Another version's index, or a damaged one.
    Untrusted,
    Failed(SearchError),
}
