//! Writes a deterministic corpus of generated pages to a folder, for benchmarks and manual
//! testing: `cargo run --release --example gen_corpus -- --articles N --out DIR [--seed S]`.
//! The generator itself lives in `tests/common/gen.rs`, shared with the tests.

#[path = "../tests/common/gen.rs"]
mod generator;
#[path = "../tests/common/rng.rs"]
mod rng;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generates N scraped-looking French news pages (the same bytes for the same N and seed).
#[derive(Parser)]
struct Args {
    /// How many pages to write.
    #[arg(long)]
    articles: usize,
    /// The folder to write them to (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_corpus: cannot create {}: {e}", args.out.display());
        return ExitCode::from(1);
    }
    let mut bytes = 0;
    for page in generator::corpus(args.articles, args.seed) {
        let path = args.out.join(&page.name);
        if let Err(e) = std::fs::write(&path, &page.text) {
            eprintln!("gen_corpus: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        bytes += page.text.len();
    }
    println!(
        "{} pages, {} KB, in {} (seed {})",
        args.articles,
        bytes / 1024,
        args.out.display(),
        args.seed
    );
    ExitCode::SUCCESS
}
