//! What a warm start costs the reader's thread: the cards of a corpus's persistent catalogue
//! (read and decoded first, as the loading threads do, and timed apart) put into an empty store
//! in one batch, `--reps` times; the medians are printed. It asserts nothing (speed is
//! measured, never tested).
//!
//! `cargo run --release --example store_cost -- --cache-dir DIR CORPUS [--reps N]`
//! (the catalogue is the one `liseuse CORPUS --cache-dir DIR` wrote).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use liseuse::catalogue::Catalogue;
use liseuse::store::Store;

#[derive(Parser)]
struct Args {
    /// The cache folder the reader was given.
    #[arg(long)]
    cache_dir: PathBuf,
    /// The corpus folder, as the reader was given it.
    corpus: PathBuf,
    #[arg(long, default_value_t = 7)]
    reps: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let catalogue = Catalogue::for_corpus(&args.cache_dir, &[args.corpus]);
    let started = Instant::now();
    let (known, warning) = catalogue.read();
    if let Some(warning) = warning {
        eprintln!("{warning}");
        return ExitCode::FAILURE;
    }
    let read = started.elapsed();
    let started = Instant::now();
    let cards: Vec<_> = known
        .into_file_cards()
        .filter_map(|file| file.card)
        .map(|card| card.with_keys())
        .collect();
    let decoded = started.elapsed();
    if cards.is_empty() {
        eprintln!(
            "no catalogue for this corpus under {}",
            args.cache_dir.display()
        );
        return ExitCode::FAILURE;
    }
    let mut times: Vec<Duration> = (0..args.reps.max(1))
        .map(|_| {
            let batch = cards.iter().cloned().map(|card| (card, None)).collect();
            let mut store = Store::with_reader(liseuse::ingest::reread);
            let started = Instant::now();
            store.add_cards(batch);
            let took = started.elapsed();
            drop(store);
            took
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("| {} cards | median (ms) |", cards.len());
    println!("|---|---|");
    println!("| catalogue read and checked (once) | {:.1} |", ms(read));
    println!(
        "| decoded, keys folded (once, one thread) | {:.1} |",
        ms(decoded)
    );
    println!(
        "| into an empty store, one batch (of {}) | {:.1} |",
        times.len(),
        ms(times[times.len() / 2])
    );
    ExitCode::SUCCESS
}
