//! One article as plain text, for pipes (as `lynx -dump` gives a page): exactly the lines the
//! reading pane shows at a measure, from the same wrapper (`crate::wrap`), so the two never
//! differ. The text is already inert.

use std::io::{self, Write};

use crate::document::document;
use crate::store::{ArticleId, Store};
use crate::strings::Lang;
use crate::wrap::wrap_document;

/// Writes article `id` wrapped at `measure` columns, headings in `lang`.
pub fn write_article(
    store: &Store,
    id: ArticleId,
    measure: u16,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let body = store.body(id);
    let wrapped = wrap_document(&document(store, &body, id, false), measure, lang);
    for line in &wrapped.lines {
        writeln!(out, "{}", line.text.trim_end())?;
    }
    Ok(())
}

/// The article as one string: what the pager and the clipboard are given.
pub fn article_text(store: &Store, id: ArticleId, measure: u16, lang: Lang) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write_article(store, id, measure, lang, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}
