//! The reader command: the first pages at once and the rest in the background, or the whole
//! corpus first when `--open` needs it, a saved session is to be restored (its article may be
//! anywhere in the corpus), or there is no terminal. The reading state is opened only for a
//! terminal; its notices are said again on standard error once the screen is given back.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use super::corpus::{
    Corpus, exit_code, finish, grow, load, print_diagnostics, recall, remember, write_summary,
};
use super::search::closest_title;
use crate::app::{Batch, ColorChoice, Options as AppOptions, Progress};
use crate::catalogue::FileCard;
use crate::config::{self, Config};
use crate::diagnostic::Diagnostic;
use crate::inert::inert;
use crate::ingest::{self, Catalogued, Loaded};
use crate::state::{Db, Opened, Saved};
use crate::store::{Change, Store};
use crate::strings::Lang;
use crate::watch::Watch;

/// Files read before the first screen when the rest loads in the background, and per batch
/// after: enough for a screenful of list, little enough to show it at once.
const FIRST_FILES: usize = 40;
const BATCH_FILES: usize = 512;

/// What the command line says about the reader itself.
pub(super) struct Settings<'a> {
    pub open: Option<&'a str>,
    pub measure: Option<u16>,
    pub config: Option<&'a Path>,
    pub color: Option<ColorChoice>,
    pub no_mouse: bool,
    pub watch: bool,
    /// The reading state's database, if one is kept.
    pub state: Option<PathBuf>,
    /// The cache folder (the search index lives there), if one is kept.
    pub cache: Option<PathBuf>,
}

/// The reader's options: the configuration file's, the command line winning over it. The
/// reader does not start on a configuration with a problem.
fn app_options(settings: &Settings) -> Result<AppOptions, ExitCode> {
    let config: Config = config::load(settings.config).map_err(|e| {
        eprintln!("liseuse: {}", inert(&e.to_string()));
        ExitCode::from(2)
    })?;
    Ok(AppOptions {
        measure: settings.measure.or(config.measure).unwrap_or(80),
        lang: config.lang.unwrap_or_else(Lang::from_env),
        keymap: config.keymap,
        theme: config.theme,
        color: settings.color.unwrap_or(config.color),
        mouse: config.mouse && !settings.no_mouse,
        list_width: config.list_width,
        ..AppOptions::default()
    })
}

pub(super) fn read(corpus: Corpus, settings: &Settings) -> ExitCode {
    let app_options = match app_options(settings) {
        Ok(options) => options,
        Err(code) => return code,
    };
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    let mut state = match settings.state.clone().filter(|_| interactive) {
        Some(path) => Db::open_for_reader(&path),
        None => Opened {
            db: None,
            saved: Saved::default(),
            notices: Vec::new(),
        },
    };
    let app_options = AppOptions {
        saved: std::mem::take(&mut state.saved),
        ..app_options
    };
    let notices: Vec<String> = state.notices.iter().map(ToString::to_string).collect();
    let code = read_with_state(corpus, settings, app_options, interactive, state);
    for notice in notices {
        eprintln!("liseuse: {}", inert(&notice));
    }
    code
}

fn read_with_state(
    corpus: Corpus,
    settings: &Settings,
    app_options: AppOptions,
    interactive: bool,
    state: Opened,
) -> ExitCode {
    let (open, watch) = (settings.open, settings.watch);
    let wanted = interactive && watch && !corpus.paths.is_empty();
    // `--open` needs the article it names, and a summary the whole corpus: both load all. A
    // saved session is restored when its article arrives (`App::awaited`).
    if !interactive || open.is_some() || corpus.paths.is_empty() {
        // Started before any file is read, so that no change is missed.
        let watcher = wanted
            .then(|| Watch::start(corpus.paths, corpus.options))
            .flatten();
        let (loaded, store) = load(&corpus);
        let batches = watcher.map(|watcher| {
            let (tx, batches) = mpsc::sync_channel(1);
            thread::spawn(move || follow(&watcher, &tx));
            batches
        });
        return read_loaded(
            loaded,
            store,
            open,
            app_options,
            interactive,
            (batches, state, settings.cache.clone()),
        );
    }
    let first = first_screen(&corpus);
    let (mut first, plan, done, total) = (first.loaded, first.plan, first.done, first.total);
    // Setting up the watches walks the folders again (~70 ms at 50,000 pages): on a thread of
    // its own, after the first files are read, so that the first screen does not wait for it.
    // What the first files were read as is looked at again once it watches (below).
    let watcher = wanted.then(|| {
        let (paths, options) = (corpus.paths.to_vec(), corpus.options);
        thread::spawn(move || {
            ingest::yield_to_the_reader();
            Watch::start(&paths, options)
        })
    });
    let mut store = Store::with_reader(ingest::reread);
    // What the next catalogue keeps of the first files, and what they were read as.
    let first_files = std::mem::take(&mut first.catalogued);
    let first_read: Vec<FileCard> = first_files
        .iter()
        .filter_map(Catalogued::file_card)
        .collect();
    grow(&mut store, &mut first);
    if store.is_empty() && plan.as_ref().is_some_and(|plan| plan.len() <= FIRST_FILES) {
        let edge = (None, state, settings.cache.clone());
        return read_loaded(first, store, None, app_options, interactive, edge);
    }
    // Bounded: the loader waits while the reader catches up (see `terminal::Arrivals`).
    let (tx, batches) = mpsc::sync_channel(1);
    let catalogue = corpus.catalogue.clone();
    let (paths, load_options) = (corpus.paths.to_vec(), corpus.options);
    thread::spawn(move || {
        ingest::yield_to_the_reader();
        let mut said = Loaded::default();
        // The catalogue (tens of megabytes at 50,000 pages) is decoded on a thread of its own
        // while the folders are walked (~50 ms each at 50,000 pages): neither waits for the other.
        let reading = {
            let catalogue = catalogue.clone();
            thread::spawn(move || {
                ingest::yield_to_the_reader();
                catalogue.map(|c| c.read()).unwrap_or_default()
            })
        };
        // From the catalogue's head, the walk comes now: what it finds beyond the files shown
        // is loaded, and a file shown that it does not find any more is taken away.
        let (mut plan, from) = match plan {
            Some(plan) => (plan, FIRST_FILES),
            None => {
                let mut plan = ingest::Plan::new(&paths, load_options);
                said.absorb(plan.take_walked());
                let shown: Vec<PathBuf> = first_read.iter().map(|f| f.path.clone()).collect();
                let gone: Vec<Change> = (plan.leave_out(&shown).iter())
                    .map(|path| Change::Removed(path.display().to_string()))
                    .collect();
                if !gone.is_empty() && !send_changes(&tx, gone, Vec::new()) {
                    return;
                }
                (plan, 0)
            }
        };
        let total = done + plan.len().saturating_sub(from);
        let read = reading.join().unwrap_or_default();
        let mut writer = recall(catalogue.as_ref(), read, &mut plan, &mut said);
        let files_known = (first_read.iter())
            .filter(|f| plan.take_known(&f.path).is_some_and(|k| k.card == f.card))
            .count();
        remember(
            &mut writer,
            &mut Loaded {
                catalogued: first_files,
                files_known,
                ..Loaded::default()
            },
        );
        if plan.len() <= from {
            // Nothing beyond the first screen (a warm start whose catalogue counted files
            // gone since): the gauge it showed ends here.
            let done = Some(Progress { done, total: done });
            if tx
                .send(Batch {
                    progress: done,
                    ..Batch::default()
                })
                .is_err()
            {
                return;
            }
        }
        for start in (from..plan.len()).step_by(BATCH_FILES) {
            let end = (start + BATCH_FILES).min(plan.len());
            let mut loaded = plan.load(start..end);
            remember(&mut writer, &mut loaded);
            let mut diagnostics = std::mem::take(&mut said.diagnostics);
            diagnostics.extend(loaded.diagnostics);
            let batch = Batch {
                pages: loaded.pages,
                cards: loaded.cards,
                diagnostics,
                progress: Some(Progress {
                    done: done + end - from,
                    total,
                }),
                ..Batch::default()
            };
            if tx.send(batch).is_err() {
                // The reader has quit: the catalogue is left as it was.
                return;
            }
        }
        finish(writer, &mut said);
        if let Some(watcher) = watcher.and_then(|w| w.join().ok()).flatten() {
            // A first file changed before the watch was set up is read again now.
            let changed: Vec<PathBuf> = (first_read.into_iter())
                .filter(|f| {
                    let now = std::fs::metadata(&f.path).ok();
                    let len = now.as_ref().map_or(0, |m| m.len());
                    !f.is_current(len, now.and_then(|m| m.modified().ok()))
                })
                .map(|f| f.path)
                .collect();
            let (changes, diagnostics) = watcher.look_again(&changed);
            if !changes.is_empty() && !send_changes(&tx, changes, diagnostics) {
                return;
            }
            follow(&watcher, &tx);
        }
    });
    let options = AppOptions {
        loading: (total > done).then_some(Progress { done, total }),
        ..app_options
    };
    let cache = settings.cache.clone();
    terminal_outcome(crate::terminal::run(
        store,
        options,
        Some(batches),
        state,
        cache,
    ))
}

/// What the first screen is drawn from, and how much of the corpus that is.
struct First {
    loaded: Loaded,
    /// The walk, when it was done for the first screen (no sound catalogue head).
    plan: Option<ingest::Plan>,
    /// Files loaded, and how many the corpus holds (or held, as the catalogue says).
    done: usize,
    total: usize,
}

/// The first screen comes from the catalogue's head when it is sound and its files are still
/// there (no walk, no page parsed: at 50,000 pages the folder listing alone takes ~25 ms), or
/// else from the first files the walk finds, parsed now. The catalogue whole (tens of
/// megabytes) is read in the background, with the rest of the corpus.
fn first_screen(corpus: &Corpus) -> First {
    let head = corpus.catalogue.as_ref().and_then(|c| c.head());
    if let Some((files, count)) = head {
        let loaded = ingest::load_known(files);
        let done = loaded.catalogued.len();
        if done > 0 {
            let total = count.max(done);
            return First {
                loaded,
                plan: None,
                done,
                total,
            };
        }
    }
    let mut plan = ingest::Plan::new(corpus.paths, corpus.options);
    let mut loaded = plan.take_walked();
    loaded.absorb(plan.load(0..FIRST_FILES));
    let total = plan.len();
    First {
        loaded,
        done: FIRST_FILES.min(total),
        total,
        plan: Some(plan),
    }
}

/// Sends each burst of changes in the folders to the reader, until it quits.
fn follow(watcher: &Watch, tx: &mpsc::SyncSender<Batch>) {
    while let Some((changes, diagnostics)) = watcher.next() {
        if !send_changes(tx, changes, diagnostics) {
            return;
        }
    }
}

/// Hands the reader changes in the folders as a batch; false once it has quit.
fn send_changes(
    tx: &mpsc::SyncSender<Batch>,
    changes: Vec<Change>,
    diagnostics: Vec<Diagnostic>,
) -> bool {
    let batch = Batch {
        changes,
        diagnostics,
        ..Batch::default()
    };
    tx.send(batch).is_ok()
}

/// The reader on a corpus loaded whole: `--open` looked up, a summary printed instead when
/// there is no terminal to read on.
fn read_loaded(
    loaded: Loaded,
    store: Store,
    open: Option<&str>,
    options: AppOptions,
    interactive: bool,
    (batches, state, cache): (Option<mpsc::Receiver<Batch>>, Opened, Option<PathBuf>),
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
        loading: None,
        ..options
    };
    terminal_outcome(crate::terminal::run(store, options, batches, state, cache))
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
