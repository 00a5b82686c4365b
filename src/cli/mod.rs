//! The command line (clap's `Cli`, in the library so that completions and the man page can be
//! made from it): pick a command, hand it to its module, map the outcome to an exit code: 2 for
//! a usage error or when nothing could be loaded, 1 when output could not be written or (for
//! `check`, whose job is to judge the corpus) when a file was skipped or an export record
//! dropped, else 0.

mod corpus;
mod read;
mod search;

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
    /// Widest text column in the reading pane, in columns.
    #[arg(long, value_name = "N", default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..=1000))]
    measure: u16,
    /// Follow symlinks that lead outside the folders given (by default they are skipped).
    #[arg(long, global = true)]
    follow_links: bool,
    /// Keep the catalogue and the search index in DIR instead of $XDG_CACHE_HOME/liseuse.
    #[arg(long, global = true, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Keep no cache on disk: build everything in memory at each start.
    #[arg(long, global = true, conflicts_with = "cache_dir")]
    no_cache: bool,
}

impl Cli {
    /// The cache folder this run may use, if any.
    fn cache(&self) -> Option<PathBuf> {
        paths::cache(self.cache_dir.as_deref(), self.no_cache)
    }
}

#[derive(Subcommand)]
pub enum Command {
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

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Json,
    Jsonl,
}

/// Runs the command line `std::env::args` holds.
pub fn run() -> ExitCode {
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
        }) => corpus::export(&paths, options, format, output),
        Some(Command::Check { paths }) => corpus::check(&paths, options),
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
        None => read::read(
            &cli.paths,
            options,
            cli.open.as_deref(),
            cli.measure,
            cli.cache(),
        ),
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
