//! The reader command: the first pages at once and the rest in the background, or the whole
//! corpus first when `--open` needs it or there is no terminal.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use super::corpus::{exit_code, load, print_diagnostics, store_of, write_summary};
use super::search::closest_title;
use crate::app::{Batch, Options as AppOptions, Progress};
use crate::inert::inert;
use crate::ingest::{self, Loaded};
use crate::store::Store;
use crate::strings::Lang;

/// Files read before the first screen when the rest loads in the background, and per batch
/// after: enough for a screenful of list, little enough to show it at once.
const FIRST_FILES: usize = 64;
const BATCH_FILES: usize = 512;

pub(super) fn read(
    paths: &[PathBuf],
    options: ingest::LoadOptions,
    open: Option<&str>,
    measure: u16,
    cache: Option<PathBuf>,
) -> ExitCode {
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    // `--open` needs the article it names, and a summary the whole corpus: both load all.
    if !interactive || open.is_some() || paths.is_empty() {
        let (loaded, store) = load(paths, options);
        return read_loaded(loaded, store, open, measure, interactive, cache);
    }
    let mut plan = ingest::Plan::new(paths, options);
    let mut first = plan.take_walked();
    first.absorb(plan.load(0..FIRST_FILES));
    let total = plan.len();
    let store = store_of(&mut first);
    if total <= FIRST_FILES {
        return read_loaded(first, store, None, measure, interactive, cache);
    }
    let (tx, batches) = mpsc::channel();
    thread::spawn(move || {
        for start in (FIRST_FILES..total).step_by(BATCH_FILES) {
            let end = (start + BATCH_FILES).min(total);
            let loaded = plan.load(start..end);
            let batch = Batch {
                pages: loaded.pages,
                diagnostics: loaded.diagnostics,
                progress: Some(Progress { done: end, total }),
            };
            if tx.send(batch).is_err() {
                break;
            }
        }
    });
    let options = AppOptions {
        measure,
        lang: Lang::from_env(),
        loading: Some(Progress {
            done: FIRST_FILES,
            total,
        }),
        ..AppOptions::default()
    };
    terminal_outcome(crate::terminal::run(store, options, Some(batches), cache))
}

/// The reader on a corpus loaded whole: `--open` looked up, a summary printed instead when
/// there is no terminal to read on.
fn read_loaded(
    loaded: Loaded,
    store: Store,
    open: Option<&str>,
    measure: u16,
    interactive: bool,
    cache: Option<PathBuf>,
) -> ExitCode {
    if store.is_empty() {
        print_diagnostics(&loaded);
        eprintln!("liseuse: nothing could be loaded");
        return ExitCode::from(2);
    }
    let lookup = |wanted| {
        store
            .lookup(wanted)
            .or_else(|| closest_title(&store, wanted))
    };
    let open = match open.map(|wanted| (wanted, lookup(wanted))) {
        None => None,
        Some((_, Some(id))) => Some(id),
        Some((wanted, None)) => {
            eprintln!("liseuse: no article \"{}\"", inert(wanted));
            let closest = store.closest_titles(wanted, 5);
            if !closest.is_empty() {
                eprintln!("closest titles:");
                for id in closest {
                    eprintln!("  {}  ({})", inert(&store.article(id).title), store.key(id));
                }
            }
            return ExitCode::from(2);
        }
    };
    if !interactive {
        // Not a terminal: there is no one to read; say what would have been opened.
        let mut out = io::stdout().lock();
        if let Err(e) = write_summary(&loaded, &store, &mut out)
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            eprintln!("liseuse: cannot write standard output: {e}");
            return ExitCode::from(1);
        }
        return exit_code(&loaded, &store);
    }
    let options = AppOptions {
        open,
        measure,
        lang: Lang::from_env(),
        loading: None,
    };
    terminal_outcome(crate::terminal::run(store, options, None, cache))
}

fn terminal_outcome(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("liseuse: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}
