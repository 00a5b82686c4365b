//! `liseuse export --format markdown|text`: articles for people and their tools. Markdown goes
//! to standard output, to one file, or to a folder as one `KEY.md` per article, linked to each
//! other; text is what the reading pane shows, wrapped at `--measure`. Every file is written
//! atomically.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::FormatArg;
use super::corpus::{Corpus, load_for_export, written_outcome};
use crate::export::{self, markdown, text};
use crate::inert::inert;
use crate::store::{ArticleId, Store};
use crate::strings::Lang;

pub(super) fn export(
    corpus: &Corpus,
    format: FormatArg,
    output: Option<PathBuf>,
    id: Option<&str>,
    measure: u16,
) -> ExitCode {
    let store = match load_for_export(corpus) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let ids: Vec<ArticleId> = match id {
        None => store.ids().collect(),
        Some(wanted) => match store.lookup(wanted) {
            Some(id) => vec![id],
            None => {
                eprintln!("liseuse: no article \"{}\"", inert(wanted));
                return ExitCode::from(2);
            }
        },
    };
    // Text is what the reading pane shows, in the interface's language (Markdown is always
    // French: see `markdown::write_article`).
    let lang = Lang::from_env();
    let write = |out: &mut dyn Write| -> io::Result<()> {
        for (n, &id) in ids.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            match format {
                FormatArg::Text => text::write_article(&store, id, measure, lang, out)?,
                _ => markdown::write_article(&store, id, out)?,
            }
        }
        out.flush()
    };
    let written = match &output {
        Some(dir) if format == FormatArg::Markdown && dir.is_dir() => {
            return to_folder(&store, &ids, dir);
        }
        Some(path) => export::replace_file(path, write),
        None => write(&mut BufWriter::new(io::stdout().lock())),
    };
    written_outcome(written, output.as_deref())
}

/// One file per article in `dir`, named as the links between them name it.
fn to_folder(store: &Store, ids: &[ArticleId], dir: &Path) -> ExitCode {
    for &id in ids {
        let path = dir.join(markdown::file_name(store, id));
        let written = export::replace_file(&path, |out| markdown::write_article(store, id, out));
        if let Err(e) = written {
            eprintln!(
                "liseuse: cannot write {}: {e}",
                inert(&path.display().to_string())
            );
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
