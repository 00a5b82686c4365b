//! Writes the pages of a corpus folder as one RSS 2.0 feed, so newsboat can be measured on the
//! same text as liseuse (`scripts/bench.sh`): one item per page (name order), its first
//! non-blank line as the title, the whole page as the description, the file name as the guid.
//! `cargo run --release --example rss_feed -- --corpus DIR --out FILE [--title T]`

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
struct Args {
    /// A folder of pages (`*.txt`), as `gen_corpus` writes them.
    #[arg(long)]
    corpus: PathBuf,
    /// The feed file to write.
    #[arg(long)]
    out: PathBuf,
    /// The feed's title (newsboat shows it in its feed list).
    #[arg(long, default_value = "liseuse bench")]
    title: String,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match write_feed(&args) {
        Ok(items) => {
            println!("{items} items in {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rss_feed: {e}");
            ExitCode::from(1)
        }
    }
}

fn write_feed(args: &Args) -> io::Result<usize> {
    let pages = pages(&args.corpus)?;
    let file = File::create(&args.out)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", args.out.display())))?;
    let mut out = BufWriter::new(file);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<rss version="2.0"><channel>"#)?;
    writeln!(out, "<title>{}</title>", escaped(&args.title))?;
    writeln!(
        out,
        "<link>file://{}</link>",
        escaped(&args.corpus.display().to_string())
    )?;
    writeln!(out, "<description>{} pages</description>", pages.len())?;
    for path in &pages {
        let text = std::fs::read(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let text = String::from_utf8_lossy(&text);
        let title = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        writeln!(out, "<item><title>{}</title>", escaped(title))?;
        writeln!(
            out,
            r#"<guid isPermaLink="false">{}</guid>"#,
            escaped(&name)
        )?;
        writeln!(out, "<description>{}</description></item>", escaped(&text))?;
    }
    writeln!(out, "</channel></rss>")?;
    out.flush()?;
    Ok(pages.len())
}

/// The folder's `*.txt` files, in name order.
fn pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let mut pages = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            pages.push(path);
        }
    }
    pages.sort();
    Ok(pages)
}

/// Text as XML character data: markup characters escaped, and the control characters XML 1.0
/// cannot hold dropped (a feed with one is refused whole).
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
