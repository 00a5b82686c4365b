//! The command line: pick a command, load the corpus, call into the library, map the outcome to
//! an exit code: 2 for a usage error or when nothing could be loaded, 1 when output could not be
//! written or (for `check`, whose job is to judge the corpus) when a file was skipped or an
//! export record dropped, else 0.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use clap::{Parser, Subcommand, ValueEnum};

use liseuse::app::{Batch, Options as AppOptions, Progress};
use liseuse::export::{self, Format};
use liseuse::inert::inert;
use liseuse::ingest::{self, Loaded};
use liseuse::store::Store;
use liseuse::strings::Lang;

/// A terminal reader for folders of scraped news pages.
///
/// With no PATH, opens the corpus bundled in the binary.
#[derive(Parser)]
#[command(name = "liseuse", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Pages (*.txt), exports (*.json, *.jsonl) or folders of them.
    paths: Vec<PathBuf>,
    /// Start with this article open: an id from `export`, or a title.
    #[arg(long, value_name = "ID_OR_TITLE")]
    open: Option<String>,
    /// Widest text column in the reading pane, in columns.
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
    measure: u16,
    /// Follow symlinks that lead outside the folders given (by default they are skipped).
    #[arg(long, global = true)]
    follow_links: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the whole store as JSON (schema in README).
    Export {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FormatArg::Json)]
        format: FormatArg,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Report every problem found while loading (file:line: message) and a summary.
    Check { paths: Vec<PathBuf> },
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    let options = ingest::LoadOptions {
        follow_links: cli.follow_links,
    };
    match cli.command {
        Some(Command::Export {
            paths,
            format,
            output,
        }) => export(&paths, options, format, output),
        Some(Command::Check { paths }) => check(&paths, options),
        None => read(&cli.paths, options, cli.open.as_deref(), cli.measure),
    }
}

/// A command line clap refused, or `--help` / `--version`. Clap's message quotes the user's
/// arguments, so it is printed through `inert`, line by line: an argument holding escape
/// sequences cannot act on the terminal. The exit code is clap's (2 for a usage error, 0 for
/// help and version, which go to standard output).
fn parse_error(e: &clap::Error) -> ExitCode {
    let message = e.render().to_string();
    let printed = if e.use_stderr() {
        write_inert(&message, &mut io::stderr().lock())
    } else {
        write_inert(&message, &mut io::stdout().lock())
    };
    match printed {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("liseuse: cannot write standard output: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

fn write_inert(text: &str, out: &mut dyn Write) -> io::Result<()> {
    for line in text.lines() {
        writeln!(out, "{}", inert(line))?;
    }
    out.flush()
}

fn load(paths: &[PathBuf], options: ingest::LoadOptions) -> (Loaded, Store) {
    let mut loaded = if paths.is_empty() {
        ingest::load_bundled()
    } else {
        ingest::load_paths_with(paths, options)
    };
    let store = store_of(&mut loaded);
    (loaded, store)
}

fn export(
    paths: &[PathBuf],
    options: ingest::LoadOptions,
    format: FormatArg,
    output: Option<PathBuf>,
) -> ExitCode {
    let (loaded, store) = load(paths, options);
    print_diagnostics(&loaded);
    if store.is_empty() {
        eprintln!("liseuse: nothing could be loaded");
        return ExitCode::from(2);
    }
    let format = match format {
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
    };
    let written = match &output {
        Some(path) => export::replace_file(path, |out| export::write_store(&store, format, out)),
        None => export::write_store(&store, format, &mut BufWriter::new(io::stdout().lock())),
    };
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

fn check(paths: &[PathBuf], options: ingest::LoadOptions) -> ExitCode {
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

/// Files read before the first screen when the rest loads in the background, and per batch
/// after: enough for a screenful of list, little enough to show it at once.
const FIRST_FILES: usize = 64;
const BATCH_FILES: usize = 512;

fn read(
    paths: &[PathBuf],
    options: ingest::LoadOptions,
    open: Option<&str>,
    measure: u16,
) -> ExitCode {
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    // `--open` needs the article it names, and a summary the whole corpus: both load all.
    if !interactive || open.is_some() || paths.is_empty() {
        let (loaded, store) = load(paths, options);
        return read_loaded(loaded, store, open, measure, interactive);
    }
    let mut plan = ingest::Plan::new(paths, options);
    let mut first = plan.take_walked();
    first.absorb(plan.load(0..FIRST_FILES));
    let total = plan.len();
    let store = store_of(&mut first);
    if total <= FIRST_FILES {
        return read_loaded(first, store, None, measure, interactive);
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
    terminal_outcome(liseuse::terminal::run(store, options, Some(batches)))
}

/// The store of what `loaded` holds, its pages moved out and its duplicates reported.
fn store_of(loaded: &mut Loaded) -> Store {
    let (store, duplicates) = Store::from_pages(std::mem::take(&mut loaded.pages));
    loaded.diagnostics.extend(duplicates);
    store
}

/// The reader on a corpus loaded whole: `--open` looked up, a summary printed instead when
/// there is no terminal to read on.
fn read_loaded(
    loaded: Loaded,
    store: Store,
    open: Option<&str>,
    measure: u16,
    interactive: bool,
) -> ExitCode {
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
                    eprintln!(
                        "  {}  ({})",
                        inert(&store.article(id).title),
                        store.slug(id)
                    );
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
    terminal_outcome(liseuse::terminal::run(store, options, None))
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

fn exit_code(loaded: &Loaded, store: &Store) -> ExitCode {
    if store.is_empty() {
        ExitCode::from(2)
    } else if !loaded.is_complete() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_diagnostics(loaded: &Loaded) {
    let _ = write_diagnostics(loaded, &mut io::stderr().lock());
}

fn write_diagnostics(loaded: &Loaded, out: &mut dyn Write) -> io::Result<()> {
    for diagnostic in &loaded.diagnostics {
        writeln!(out, "{}", inert(&diagnostic.to_string()))?;
    }
    Ok(())
}

fn write_summary(loaded: &Loaded, store: &Store, out: &mut dyn Write) -> io::Result<()> {
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
