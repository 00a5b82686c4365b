//! Search: the full-text index (tantivy, with our folding tokenizer), the query language
//! (words, "phrases", -exclusions, a prefix while typing), the places a query matches in a
//! text (highlights, counts, snippets), and the fuzzy title matcher. Pages are known by their
//! stable key (`Store::key`), never by id, so the index outlives a run and knows nothing of how
//! the store holds its bodies.

mod changes;
pub mod fuzzy;
mod index;
mod query;
mod searcher;
mod snippet;
mod text;
mod tokenizer;
mod words;
mod worker;

pub use changes::{Before, Lot};
pub use fuzzy::{TitleMatch, Titles};
pub use index::{FOLDER, SearchError, SearchIndex, Writing};
pub use query::{Clause, Query};
pub use searcher::{Hit, Searcher};
pub use snippet::{Snippet, snippet};
pub use text::occurrences;
pub use tokenizer::{FoldTokenizer, TOKENIZER};
pub use words::{Word, words};
pub use worker::{Answer, Docs, MAX_RESULTS, Worker, all_docs, docs_of};
