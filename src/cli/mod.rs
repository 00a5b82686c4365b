//! The command line (clap's `Cli`, in the library so that completions and the man page can be
//! made from it): pick a command, hand it to its module, map the outcome to an exit code: 2 for
//! a usage error or when nothing could be loaded, 1 when output could not be written or (for
//! `check`, whose job is to judge the corpus) when a file was skipped or an export record
//! dropped, else 0.

mod config;
mod corpus;
mod export;
mod read;
mod shell;

use corpus::Corpus;
mod search;
mod state;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::inert::inert;
use crate::ingest;
use crate::paths;
/// A terminal reader for folders of scraped news pages.
///
/// With no PATH, opens the corpus bundled in the binary.
#[derive(Parser)]
#[command(name = "liseuse", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Pages (*.txt), exports (*.json, *.jsonl) or folders of them.
    paths: Vec<PathBuf>,
    /// Start with this article open: an id from `export`, or a title.
    #[arg(long, value_name = "ID_OR_TITLE")]
    open: Option<String>,
    /// Widest text column in the reading pane, in columns [default: 80, or the config's].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
    measure: Option<u16>,
    /// Read this configuration file instead of $XDG_CONFIG_HOME/liseuse/config.toml.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Colour: auto (none when NO_COLOR is set), always or never [default: the config's, auto].
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<ColorArg>,
    /// Leave the mouse to the terminal (its own text selection works).
    #[arg(long)]
    no_mouse: bool,
    /// Follow symlinks that lead outside the folders given (by default they are skipped).
    #[arg(long, global = true)]
    follow_links: bool,
    /// Do not follow the folders while reading (by default, pages added, changed or removed
    /// appear, change or go within a second).
    #[arg(long)]
    no_watch: bool,
    /// Keep the catalogue and the search index in DIR instead of $XDG_CACHE_HOME/liseuse.
    #[arg(long, global = true, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Keep no cache on disk: build everything in memory at each start.
    #[arg(long, global = true, conflicts_with = "cache_dir")]
    no_cache: bool,
    /// Keep the reading state (read marks, stars, where you left off) in this SQLite file
    /// instead of $XDG_STATE_HOME/liseuse/state.db.
    #[arg(long = "state", global = true, value_name = "PATH")]
    state_file: Option<PathBuf>,
    /// Save no reading state: marks and stars last until quit.
    #[arg(long, conflicts_with = "state_file")]
    no_state: bool,
}

impl Cli {
    /// The cache folder this run may use, if any.
    fn cache(&self) -> Option<PathBuf> {
        paths::cache(self.cache_dir.as_deref(), self.no_cache)
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the store as JSON (schema in README), or articles as Markdown or plain text.
    Export {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FormatArg::Json)]
        format: FormatArg,
        /// Write to this file instead of standard output; for Markdown, a folder gets one
        /// file per article (KEY.md), linked to each other.
        #[arg(long, short, value_name = "FILE|DIR")]
        output: Option<PathBuf>,
        /// Only this article (an id from `export`, or a title): Markdown and text.
        #[arg(long, value_name = "ID_OR_TITLE")]
        id: Option<String>,
        /// Wrap plain text at N columns.
        #[arg(long, value_name = "N", default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
        measure: u16,
    },
    /// Report every problem found while loading (file:line: message) and a summary.
    Check { paths: Vec<PathBuf> },
    /// Print a shell's completion script (e.g. `liseuse completions bash > ~/.local/share/bash-completion/completions/liseuse`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `liseuse man | man -l -`.
    Man,
    /// Print the commented default configuration, or check a configuration file.
    Config {
        /// Print the default configuration, commented (it is accepted as it is).
        #[arg(long, conflicts_with = "check")]
        default: bool,
        /// Check a configuration file (by default the one the reader would read).
        #[arg(long)]
        check: bool,
        /// The file to check.
        #[arg(requires = "check")]
        path: Option<PathBuf>,
    },
    /// The reading state: counts, the database's path and orphans (state for articles not in
    /// the corpus given, or the bundled one); export it as JSON Lines, import (merge) it.
    State(state::StateArgs),
    /// Print the articles matching QUERY, best first, with a snippet (exit 1: none matched).
    ///
    /// Words all match (AND), ignoring case and accents; "a phrase" matches in order; -word
    /// excludes; the last word also matches as a prefix.
    Search {
        query: String,
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = search::SearchFormat::Text)]
        format: search::SearchFormat,
        /// Print at most N articles.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Print only how many articles and occurrences match.
        #[arg(long)]
        count: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Json,
    Jsonl,
    Markdown,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The command line's definition, for completions and the man page.
    pub fn definition() -> clap::Command {
        <Cli as clap::CommandFactory>::command()
    }
}

/// Runs the command line `std::env::args` holds.
pub fn run() -> ExitCode {
    // `--help` lists the keys in force: the configuration's, when it can be read.
    let keymap = crate::config::load(config_named().as_deref())
        .map(|c| c.keymap)
        .unwrap_or_default();
    let definition = Cli::definition().after_long_help(shell::keys_help(&keymap));
    let parsed = definition
        .try_get_matches()
        .and_then(|m| <Cli as clap::FromArgMatches>::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    // Every command keeps only the catalogue in memory and reads bodies again when it needs
    // them: the reader when an article is opened, `export` one record at a time.
    let options = ingest::LoadOptions {
        follow_links: cli.follow_links,
        catalogue_only: true,
    };
    let cache = cli.cache();
    let cache = cache.as_deref();
    match cli.command {
        Some(Command::Export {
            paths,
            format: format @ (FormatArg::Json | FormatArg::Jsonl),
            output,
            ..
        }) => corpus::export(&Corpus::new(&paths, options, cache), format, output),
        Some(Command::Export {
            paths,
            format,
            output,
            id,
            measure,
        }) => export::export(
            &Corpus::new(&paths, options, cache),
            format,
            output,
            id.as_deref(),
            measure,
        ),
        Some(Command::Check { paths }) => corpus::check(&Corpus::new(&paths, options, cache)),
        Some(Command::State(args)) => state::state(args, cli.state_file.as_deref(), options, cache),
        Some(Command::Search {
            ref query,
            ref paths,
            format,
            limit,
            count,
        }) => {
            let args = search::SearchArgs {
                query,
                paths,
                format,
                limit,
                count,
                cache: cli.cache(),
            };
            search::search(args, options)
        }
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Man) => shell::man(),
        Some(Command::Config {
            default,
            check: _,
            path,
        }) => config::config(default, path.as_deref().or(cli.config.as_deref())),
        None => {
            let settings = read::Settings {
                open: cli.open.as_deref(),
                measure: cli.measure,
                config: cli.config.as_deref(),
                color: cli.color.map(|c| match c {
                    ColorArg::Auto => crate::app::ColorChoice::Auto,
                    ColorArg::Always => crate::app::ColorChoice::Always,
                    ColorArg::Never => crate::app::ColorChoice::Never,
                }),
                no_mouse: cli.no_mouse,
                watch: !cli.no_watch,
                state: crate::state::path(cli.state_file.as_deref(), cli.no_state),
                cache: cli.cache(),
            };
            read::read(Corpus::new(&cli.paths, options, cache), &settings)
        }
    }
}

/// The file `--config` names on the command line, read before clap (which needs the keys for
/// `--help`).
fn config_named() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--config" {
            return args.next().map(PathBuf::from);
        }
        if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--config=")) {
            return Some(PathBuf::from(path));
        }
    }
    None
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
