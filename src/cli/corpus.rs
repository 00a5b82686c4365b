//! The commands that judge or print the whole corpus: `export` and `check`, and the pieces
//! the reader shares with them (loading, diagnostics, the summary, the exit code).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::FormatArg;
use crate::catalogue::{Catalogue, Known, Writer};
use crate::diagnostic::Diagnostic;
use crate::export::{self, Format};
use crate::inert::inert;
use crate::ingest::{self, Catalogued, Loaded};
use crate::store::Store;

/// Files read per batch when the whole corpus is loaded: the pages of a batch are in memory
/// whole only until the store has taken their cards.
const LOAD_FILES: usize = 1024;

/// What a command runs on: the paths given, how to load them, and the corpus's catalogue in
/// the cache folder (none with `--no-cache` or without a cache folder).
pub(super) struct Corpus<'a> {
    pub paths: &'a [PathBuf],
    pub options: ingest::LoadOptions,
    pub catalogue: Option<Catalogue>,
}

impl<'a> Corpus<'a> {
    pub fn new(paths: &'a [PathBuf], options: ingest::LoadOptions, cache: Option<&Path>) -> Self {
        let catalogue = cache
            .filter(|_| !paths.is_empty())
            .map(|cache| Catalogue::for_corpus(cache, paths));
        Self {
            paths,
            options,
            catalogue,
        }
    }
}

/// The whole corpus, loaded batch by batch on every core into a store that keeps the cards and
/// reads bodies back (memory stays near the catalogue's at any size); files the catalogue
/// knows unchanged are not read. The catalogue is written again for the next run.
pub(super) fn load(corpus: &Corpus) -> (Loaded, Store) {
    if corpus.paths.is_empty() {
        let mut loaded = ingest::load_bundled();
        let store = store_of(&mut loaded);
        return (loaded, store);
    }
    let mut plan = ingest::Plan::new(corpus.paths, corpus.options);
    let mut loaded = plan.take_walked();
    let read = corpus.catalogue.as_ref().map(Catalogue::read);
    let mut writer = recall(
        corpus.catalogue.as_ref(),
        read.unwrap_or_default(),
        &mut plan,
        &mut loaded,
    );
    let mut store = Store::with_reader(ingest::reread);
    for start in (0..plan.len()).step_by(LOAD_FILES) {
        let mut batch = plan.load(start..start + LOAD_FILES);
        remember(&mut writer, &mut batch);
        grow(&mut store, &mut batch);
        loaded.absorb(batch);
    }
    finish(writer, &mut loaded);
    (loaded, store)
}

/// Gives `plan` what the catalogue knew (`read`: what [`Catalogue::read`] gave; a damaged
/// catalogue is said in `loaded`), and opens the writer of the next one.
pub(super) fn recall(
    catalogue: Option<&Catalogue>,
    read: (Known, Option<String>),
    plan: &mut ingest::Plan,
    loaded: &mut Loaded,
) -> Option<Writer> {
    let catalogue = catalogue?;
    let (known, warning) = read;
    if let Some(warning) = warning {
        loaded.diagnostics.push(Diagnostic::file(
            &catalogue.path().display().to_string(),
            warning,
        ));
    }
    let count = known.len();
    plan.set_known(known);
    catalogue.writer(count)
}

/// Appends what a batch's files gave to the next catalogue; a write that fails gives up on it
/// (there is just no cache next time).
pub(super) fn remember(writer: &mut Option<Writer>, batch: &mut Loaded) {
    let files = std::mem::take(&mut batch.catalogued);
    // Known files come first in none but their own order, so only the count tells.
    let fresh = files.len() > batch.files_known;
    let Some(out) = writer else {
        return;
    };
    let written = files.into_iter().try_for_each(|file| match file {
        Catalogued::Read(file) => out.append(&file, fresh),
        Catalogued::Known(record) => out.keep(record),
    });
    if written.is_err() {
        *writer = None;
    }
}

/// Puts the new catalogue in place once every file was remembered.
pub(super) fn finish(writer: Option<Writer>, loaded: &mut Loaded) {
    if let Some(Err(e)) = writer.map(Writer::finish) {
        loaded
            .diagnostics
            .push(Diagnostic::file("cache", format!("cannot be written: {e}")));
    }
}

/// A batch's cards and pages join the store; what it said of them joins the batch's problems.
pub(super) fn grow(store: &mut Store, batch: &mut Loaded) {
    let cards = std::mem::take(&mut batch.cards);
    let known = store.add_cards(cards.into_iter().map(|c| (c, None)).collect());
    batch.diagnostics.extend(known);
    let duplicates = store.add_batch(std::mem::take(&mut batch.pages));
    batch.diagnostics.extend(duplicates);
}

pub(super) fn export(corpus: &Corpus, format: FormatArg, output: Option<PathBuf>) -> ExitCode {
    let store = match load_for_export(corpus) {
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

pub(super) fn check(corpus: &Corpus) -> ExitCode {
    let (loaded, store) = load(corpus);
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
pub(super) fn load_for_export(corpus: &Corpus) -> Result<Store, ExitCode> {
    let (loaded, store) = load(corpus);
    print_diagnostics(&loaded);
    if store.is_empty() {
        eprintln!("liseuse: nothing could be loaded");
        return Err(ExitCode::from(2));
    }
    Ok(store)
}

/// The store of what `loaded` holds (its cards and pages moved out, its duplicates reported).
pub(super) fn store_of(loaded: &mut Loaded) -> Store {
    let mut store = Store::with_reader(ingest::reread);
    grow(&mut store, loaded);
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
    if loaded.files_known > 0 {
        writeln!(
            out,
            "cache: {} of {} files unchanged since the last run, not read again",
            loaded.files_known, loaded.files_read
        )?;
    }
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
