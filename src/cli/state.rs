//! `liseuse state`: what the reading state holds (counts, the database's path, orphans: state
//! for articles not in the corpus, which is kept until `--prune` asks), and moving it between
//! machines as JSON Lines (`export`, `import`, which merges, the later change winning).

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::corpus::{Corpus, load, print_diagnostics};
use crate::export::replace_file;
use crate::inert::inert;
use crate::ingest;
use crate::state::{self, Db, jsonl, schema};

#[derive(Args)]
pub struct StateArgs {
    #[command(subcommand)]
    command: Option<StateCommand>,
    /// The corpus orphans are counted against (by default the bundled one).
    paths: Vec<PathBuf>,
    /// Remove the state of articles not in the corpus.
    #[arg(long)]
    prune: bool,
}

#[derive(Subcommand)]
enum StateCommand {
    /// Write the state as JSON Lines, one record per article.
    Export {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Merge a JSON Lines export into the state: the later change wins, field by field.
    Import { file: PathBuf },
}

pub(super) fn state(
    args: StateArgs,
    given: Option<&Path>,
    options: ingest::LoadOptions,
    cache: Option<&Path>,
) -> ExitCode {
    let Some(path) = state::path(given, false) else {
        eprintln!("liseuse: no state folder on this system: give one with --state PATH");
        return ExitCode::from(2);
    };
    let result = match args.command {
        None => summary(&path, &Corpus::new(&args.paths, options, cache), args.prune),
        Some(StateCommand::Export { output }) => export(&path, output.as_deref()),
        Some(StateCommand::Import { file }) => import(&path, &file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("liseuse: {}", inert(&message));
            ExitCode::from(1)
        }
    }
}

/// A path as printed: made inert, as everything shown is.
fn shown(path: &Path) -> String {
    inert(&path.display().to_string()).to_string()
}

/// Opens the database as it is: a corrupt one is reported, never moved or written over here.
fn open(path: &Path) -> Result<Db, String> {
    Db::open(path).map_err(|e| format!("state database {}: {e}", shown(path)))
}

fn summary(path: &Path, corpus: &Corpus, prune: bool) -> Result<(), String> {
    let mut out = io::stdout().lock();
    let said = |e: io::Error| format!("cannot write standard output: {e}");
    if !path.exists() {
        writeln!(out, "state: {} (none saved yet)", shown(path)).map_err(said)?;
        return Ok(());
    }
    let mut db = open(path)?;
    let counts = db.counts().map_err(|e| e.to_string())?;
    let (loaded, store) = load(corpus);
    print_diagnostics(&loaded);
    let known: HashSet<String> = store.ids().map(|id| store.key(id)).collect();
    let orphans = db.orphans(&known).map_err(|e| e.to_string())?;
    writeln!(out, "state: {} (schema {})", shown(path), schema::CURRENT).map_err(said)?;
    writeln!(out, "articles with state: {}", counts.articles).map_err(said)?;
    writeln!(out, "read: {}", counts.read).map_err(said)?;
    writeln!(out, "starred: {}", counts.starred).map_err(said)?;
    writeln!(out, "places kept: {}", counts.positions).map_err(said)?;
    if prune {
        let removed = db.remove(&orphans).map_err(|e| e.to_string())?;
        writeln!(out, "orphans removed: {removed}").map_err(said)?;
    } else if orphans.is_empty() {
        writeln!(out, "orphans: 0").map_err(said)?;
    } else {
        writeln!(
            out,
            "orphans: {} (state for articles not in this corpus, kept; `liseuse state --prune` removes them)",
            orphans.len()
        )
        .map_err(said)?;
    }
    Ok(())
}

fn export(path: &Path, output: Option<&Path>) -> Result<(), String> {
    let db = open(path)?;
    let written = match output {
        Some(file) => replace_file(file, |out| jsonl::export(&db, out).map(drop)),
        None => jsonl::export(&db, &mut BufWriter::new(io::stdout().lock())).map(drop),
    };
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe && output.is_none() => Ok(()),
        Err(e) => {
            let target = output.map_or("standard output".to_owned(), |p| p.display().to_string());
            Err(format!("cannot write {}: {e}", inert(&target)))
        }
        Ok(()) => Ok(()),
    }
}

fn import(path: &Path, file: &Path) -> Result<(), String> {
    let input = File::open(file).map_err(|e| format!("{}: {e}", shown(file)))?;
    let records = jsonl::read(BufReader::new(input))
        .map_err(|bad| format!("{}:{}: {}", shown(file), bad.line, bad.reason))?;
    let mut db = open(path)?;
    let changed = jsonl::merge(&mut db, &records).map_err(|e| e.to_string())?;
    println!(
        "imported {} records into {}: {changed} fields changed",
        records.len(),
        shown(path)
    );
    Ok(())
}
