//! Writing the store out for other tools: the JSON export (one document, or one record per
//! line), Markdown (one file an article, linked to each other) and plain text (what the
//! reading pane shows). Sits above the store; the record format itself, and reading it back,
//! is `crate::record`'s.

mod file;
mod json;
pub mod markdown;
pub mod text;

pub use file::replace_file;

use std::io::{self, Write};

use crate::store::Store;

/// The two export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One document `{"articles": […]}`, pretty-printed.
    Json,
    /// One article object per line.
    Jsonl,
}

/// Writes the whole store in `format`, articles in store order, one record at a time: nothing
/// the size of the corpus is built in memory. Flushes `out` at the end.
pub fn write_store(store: &Store, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Json => json::write_document(store, out)?,
        Format::Jsonl => json::write_lines(store, out)?,
    }
    out.flush()
}
