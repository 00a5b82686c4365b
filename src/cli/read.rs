//! The reader command: the first pages at once and the rest in the background, or the whole
//! corpus first when `--open` needs it, a saved session is to be restored (its article may be
//! anywhere in the corpus), or there is no terminal. The reading state is opened only for a
//! terminal; its notices are said again on standard error once the screen is given back.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use super::corpus::{exit_code, load, print_diagnostics, store_of, write_summary};
use crate::app::{Batch, Options as AppOptions, Progress};
use crate::inert::inert;
use crate::ingest::{self, Loaded};
use crate::state::{Db, Opened, Saved};
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
    state: Option<PathBuf>,
) -> ExitCode {
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    let mut state = match state.filter(|_| interactive) {
        Some(path) => Db::open_for_reader(&path),
        None => Opened {
            db: None,
            saved: Saved::default(),
            notices: Vec::new(),
        },
    };
    let saved = std::mem::take(&mut state.saved);
    let notices: Vec<String> = state.notices.iter().map(ToString::to_string).collect();
    let code = read_with_state(paths, options, open, measure, interactive, saved, state);
    for notice in notices {
        eprintln!("liseuse: {}", inert(&notice));
    }
    code
}

fn read_with_state(
    paths: &[PathBuf],
    options: ingest::LoadOptions,
    open: Option<&str>,
    measure: u16,
    interactive: bool,
    saved: Saved,
    state: Opened,
) -> ExitCode {
    // `--open` needs the article it names, a saved session its article, and a summary the
    // whole corpus: all three load all.
    let restoring = open.is_none() && saved.session.is_some();
    if !interactive || open.is_some() || restoring || paths.is_empty() {
        let (loaded, store) = load(paths, options);
        let reading = Reading {
            open,
            measure,
            interactive,
            saved,
            state,
        };
        return read_loaded(loaded, store, reading);
    }
    let mut plan = ingest::Plan::new(paths, options);
    let mut first = plan.take_walked();
    first.absorb(plan.load(0..FIRST_FILES));
    let total = plan.len();
    let store = store_of(&mut first);
    if total <= FIRST_FILES {
        let reading = Reading {
            open: None,
            measure,
            interactive,
            saved,
            state,
        };
        return read_loaded(first, store, reading);
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
        saved,
        ..AppOptions::default()
    };
    terminal_outcome(crate::terminal::run(store, options, Some(batches), state))
}

/// How the reader is to start on a corpus loaded whole.
struct Reading<'a> {
    open: Option<&'a str>,
    measure: u16,
    interactive: bool,
    saved: Saved,
    state: Opened,
}

/// The reader on a corpus loaded whole: `--open` looked up, a summary printed instead when
/// there is no terminal to read on.
fn read_loaded(loaded: Loaded, store: Store, reading: Reading) -> ExitCode {
    let Reading {
        open,
        measure,
        interactive,
        saved,
        state,
    } = reading;
    if store.is_empty() {
        print_diagnostics(&loaded);
        eprintln!("liseuse: nothing could be loaded");
        return ExitCode::from(2);
    }
    let open = match open.map(|wanted| (wanted, store.lookup(wanted))) {
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
        saved,
    };
    terminal_outcome(crate::terminal::run(store, options, None, state))
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
