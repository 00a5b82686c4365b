//! The commands that judge or print the whole corpus: `export` and `check`, and the pieces
//! the reader shares with them (loading, diagnostics, the summary, the exit code).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::FormatArg;
use crate::export::{self, Format};
use crate::inert::inert;
use crate::ingest::{self, Loaded};
use crate::store::Store;

pub(super) fn load(paths: &[PathBuf], options: ingest::LoadOptions) -> (Loaded, Store) {
    let mut loaded = if paths.is_empty() {
        ingest::load_bundled()
    } else {
        ingest::load_paths_with(paths, options)
    };
    let store = store_of(&mut loaded);
    (loaded, store)
}

pub(super) fn export(
    paths: &[PathBuf],
    options: ingest::LoadOptions,
    format: FormatArg,
    output: Option<PathBuf>,
) -> ExitCode {
    let store = match load_for_export(paths, options) {
        Ok(store) => store,
        Err(code) => return code,
    };
    let format = match format {
        FormatArg::Jsonl => Format::Jsonl,
        // Markdown and text are `cli::export`'s and never come here.
        FormatArg::Json | FormatArg::Markdown | FormatArg::Text => Format::Json,
    };
    let written = match &output {
        Some(path) => export::replace_file(path, |out| export::write_store(&store, format, out)),
        None => export::write_store(&store, format, &mut BufWriter::new(io::stdout().lock())),
    };
    written_outcome(written, output.as_deref())
}

/// The exit code of an export written to `output` (standard output when `None`), the error said.
pub(super) fn written_outcome(written: io::Result<()>, output: Option<&Path>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped reading (`liseuse export | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe && output.is_none() => ExitCode::SUCCESS,
        Err(e) => {
            let target = output.map_or("standard output".to_owned(), |p| p.display().to_string());
            eprintln!("liseuse: cannot write {}: {e}", inert(&target));
            ExitCode::from(1)
        }
    }
}

pub(super) fn check(paths: &[PathBuf], options: ingest::LoadOptions) -> ExitCode {
    let (loaded, store) = load(paths, options);
    let mut out = io::stdout().lock();
    let printed = write_diagnostics(&loaded, &mut out)
        .and_then(|()| write_summary(&loaded, &store, &mut out));
    if let Err(e) = printed
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("liseuse: cannot write standard output: {e}");
        return ExitCode::from(1);
    }
    exit_code(&loaded, &store)
}

/// The store an export writes, its warnings said on standard error; exit code 2 when nothing
/// could be loaded.
pub(super) fn load_for_export(
    paths: &[PathBuf],
    options: ingest::LoadOptions,
) -> Result<Store, ExitCode> {
    let (loaded, store) = load(paths, options);
    print_diagnostics(&loaded);
    if store.is_empty() {
        eprintln!("liseuse: nothing could be loaded");
        return Err(ExitCode::from(2));
    }
    Ok(store)
}

/// The store of what `loaded` holds, its pages moved out and its duplicates reported.
pub(super) fn store_of(loaded: &mut Loaded) -> Store {
    let (store, duplicates) = Store::from_pages(std::mem::take(&mut loaded.pages));
    loaded.diagnostics.extend(duplicates);
    store
}

pub(super) fn exit_code(loaded: &Loaded, store: &Store) -> ExitCode {
    if store.is_empty() {
        ExitCode::from(2)
    } else if !loaded.is_complete() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

pub(super) fn print_diagnostics(loaded: &Loaded) {
    let _ = write_diagnostics(loaded, &mut io::stderr().lock());
}

fn write_diagnostics(loaded: &Loaded, out: &mut dyn Write) -> io::Result<()> {
    for diagnostic in &loaded.diagnostics {
        writeln!(out, "{}", inert(&diagnostic.to_string()))?;
    }
    Ok(())
}

pub(super) fn write_summary(loaded: &Loaded, store: &Store, out: &mut dyn Write) -> io::Result<()> {
    let full = store.full_count();
    let summaries = store.len() - full;
    let links = store.link_count();
    let to_summaries = store
        .ids()
        .flat_map(|id| store.targets(id))
        .filter(|&&t| !store.article(t).is_full())
        .count();
    writeln!(
        out,
        "files: {} read, {} skipped, {} ignored (not pages)",
        loaded.files_read, loaded.files_skipped, loaded.files_ignored
    )?;
    if loaded.records_dropped > 0 {
        writeln!(
            out,
            "records: {} dropped (export lines that are not articles)",
            loaded.records_dropped
        )?;
    }
    writeln!(
        out,
        "articles: {full} full, {summaries} summary-only ({} in all)",
        store.len()
    )?;
    writeln!(
        out,
        "links: {links}, {to_summaries} unresolved (no full page: they lead to summary-only articles)"
    )?;
    writeln!(out, "warnings: {}", loaded.diagnostics.len())
}
