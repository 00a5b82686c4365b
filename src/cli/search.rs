//! `liseuse search QUERY [PATH...]`: the pages matching a query, best first, each with its key,
//! title, match count and a snippet around its best match, like grep: exit 0 with matches, 1
//! without, 2 on error. Also the fuzzy title lookup `--open` falls back on.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use super::corpus::{Corpus, load};
use crate::inert::inert;
use crate::ingest;
use crate::search::{Query, SearchError, SearchIndex, Snippet, Titles, occurrences, snippet};
use crate::store::{ArticleId, Store};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
    Jsonl,
}

/// What the command was asked.
pub struct SearchArgs<'a> {
    pub query: &'a str,
    pub paths: &'a [PathBuf],
    pub format: SearchFormat,
    pub limit: usize,
    pub count: bool,
    pub cache: Option<PathBuf>,
}

/// One page found, as printed.
#[derive(Serialize)]
struct Found<'a> {
    id: String,
    title: &'a str,
    score: f32,
    matches: usize,
    snippet: String,
    /// Character ranges of `snippet` that matched, `[start, end)`.
    marks: Vec<[usize; 2]>,
}

pub(super) fn search(args: SearchArgs, options: ingest::LoadOptions) -> ExitCode {
    let (_, store) = load(&Corpus::new(args.paths, options, args.cache.as_deref()));
    if store.is_empty() {
        eprintln!("liseuse: nothing could be loaded");
        return ExitCode::from(2);
    }
    let query = Query::parse(args.query.trim_end());
    let ranked = match ranked(&store, &query, args.cache.as_deref()) {
        Ok(ranked) => ranked,
        Err(e) => {
            eprintln!("liseuse: {}", inert(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let written = if args.count {
        write_count(&store, &query, &ranked, args.format, &mut out)
    } else {
        let found = ranked
            .iter()
            .take(args.limit)
            .map(|&(id, score)| found(&store, &query, id, score));
        write_found(found, args.format, color, &mut out)
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("liseuse: cannot write standard output: {e}");
            ExitCode::from(2)
        }
        _ if ranked.is_empty() => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// Every article of `store` matching `query`, best first: the index in the cache brought up to
/// date (only changed pages are indexed again), or one built in memory.
pub fn ranked(
    store: &Store,
    query: &Query,
    cache: Option<&Path>,
) -> Result<Vec<(ArticleId, f32)>, SearchError> {
    let mut index = match cache {
        Some(dir) => SearchIndex::open(dir)?,
        None => SearchIndex::in_memory()?,
    };
    if index_store(&mut index, store)? > 0 {
        index.commit()?;
    }
    let (hits, _) = index.searcher().search(query, index.len().max(1))?;
    Ok(hits
        .into_iter()
        .filter_map(|hit| Some((store.find_key(&hit.key)?, hit.score)))
        .collect())
}

/// Adds every article of `store` the index lacks or holds with another text.
pub fn index_store(index: &mut SearchIndex, store: &Store) -> Result<usize, SearchError> {
    index.add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
}

fn found<'a>(store: &'a Store, query: &Query, id: ArticleId, score: f32) -> Found<'a> {
    let article = store.body(id);
    let Snippet { text, marks } = snippet(query, &article);
    let chars = |byte: usize| text[..byte].chars().count();
    Found {
        id: store.key(id),
        title: &store.article(id).title,
        score,
        matches: occurrences(query, &article),
        marks: marks
            .iter()
            .map(|m| [chars(m.start), chars(m.end)])
            .collect(),
        snippet: text,
    }
}

fn write_count(
    store: &Store,
    query: &Query,
    ranked: &[(ArticleId, f32)],
    format: SearchFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    let occurrences: usize = ranked
        .iter()
        .map(|&(id, _)| occurrences(query, &store.body(id)))
        .sum();
    match format {
        SearchFormat::Text => writeln!(out, "{} articles, {occurrences} occurrences", ranked.len()),
        SearchFormat::Json | SearchFormat::Jsonl => writeln!(
            out,
            "{}",
            serde_json::json!({"articles": ranked.len(), "occurrences": occurrences})
        ),
    }
}

fn write_found<'a>(
    found: impl Iterator<Item = Found<'a>>,
    format: SearchFormat,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        SearchFormat::Text => {
            for f in found {
                writeln!(out, "{}  {}  ({})", f.id, inert(f.title), f.matches)?;
                writeln!(out, "    {}", marked(&f.snippet, &f.marks, color))?;
            }
            Ok(())
        }
        SearchFormat::Jsonl => {
            for f in found {
                writeln!(out, "{}", serde_json::to_string(&f)?)?;
            }
            Ok(())
        }
        SearchFormat::Json => {
            let all: Vec<Found> = found.collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&all)?)
        }
    }
}

/// The snippet with its matches shown: in bold colour on a terminal, else between `[` `]`.
/// The snippet is inert already; the only sequences printed are ours.
fn marked(snippet: &str, marks: &[[usize; 2]], color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::with_capacity(snippet.len() + marks.len() * 8);
    let mut marks = marks.iter().peekable();
    for (n, c) in snippet.chars().enumerate() {
        if marks.peek().is_some_and(|m| m[0] == n) {
            out.push_str(open);
        }
        out.push(c);
        if marks.peek().is_some_and(|m| m[1] == n + 1) {
            out.push_str(close);
            marks.next();
        }
    }
    out
}

/// The article whose title best matches `wanted` fuzzily, when one is close enough: every
/// word of it found in order in the title, and most of its letters in runs rather than
/// scattered (`la patrie la terre d origine` opens `La Patrie, la terre d’origine…`).
pub fn closest_title(store: &Store, wanted: &str) -> Option<ArticleId> {
    let ids: Vec<ArticleId> = store.ids().collect();
    let mut titles = Titles::new(ids.iter().map(|&id| store.article(id).title.as_str()));
    let best = titles.rank(wanted).into_iter().next()?;
    let letters = crate::fold::fold_compact(wanted).chars().count() as u32;
    // nucleo gives 16 a letter matched, more in runs and at word starts; scattered letters
    // are penalised below that.
    (best.score >= letters * 16).then(|| ids[best.index])
}
