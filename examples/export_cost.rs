//! What the Markdown and text exports cost, beside the JSON export of the same store measured
//! in the same run (the yardstick: one serialisation per article, no layout): a generated
//! corpus is loaded once, each export is written into memory `--reps` times, and the medians
//! and their ratio to JSON are printed. It asserts nothing (speed is measured, never tested).
//!
//! `cargo run --release --example export_cost -- [--articles N] [--reps N]`

#[path = "../tests/common/gen.rs"]
mod generator;
#[path = "../tests/common/rng.rs"]
mod rng;
#[path = "../tests/common/synthetic.rs"]
mod synthetic;

use std::io::Write;
use std::time::{Duration, Instant};

use clap::Parser;
use liseuse::export::{self, Format, markdown, text};
use liseuse::strings::Lang;

#[derive(Parser)]
struct Args {
    /// Generated pages in the corpus.
    #[arg(long, default_value_t = 2000)]
    articles: usize,
    /// Runs of each export; the median is shown.
    #[arg(long, default_value_t = 9)]
    reps: usize,
}

/// The median time of `reps` runs of `run`, and the bytes the last one wrote.
fn median(reps: usize, mut run: impl FnMut(&mut Vec<u8>)) -> (Duration, usize) {
    let mut times = Vec::with_capacity(reps);
    let mut bytes = 0;
    for _ in 0..reps.max(1) {
        let mut out = Vec::new();
        let start = Instant::now();
        run(&mut out);
        times.push(start.elapsed());
        bytes = out.len();
    }
    times.sort();
    (times[times.len() / 2], bytes)
}

fn main() {
    let args = Args::parse();
    let store = synthetic::store(args.articles, 2026);
    let ids: Vec<_> = store.ids().collect();
    let json = median(args.reps, |out| {
        export::write_store(&store, Format::Jsonl, out).unwrap();
    });
    let md = median(args.reps, |out| {
        for &id in &ids {
            markdown::write_article(&store, id, out).unwrap();
        }
        out.flush().unwrap();
    });
    let txt = median(args.reps, |out| {
        for &id in &ids {
            text::write_article(&store, id, 80, Lang::Fr, out).unwrap();
        }
    });
    println!(
        "{} articles ({} with summaries), median of {} runs",
        args.articles,
        store.len(),
        args.reps
    );
    println!("| export | median | MB written | ratio to JSON |");
    println!("| --- | --- | --- | --- |");
    for (name, (time, bytes)) in [
        ("JSON lines (yardstick)", json),
        ("Markdown", md),
        ("text at 80", txt),
    ] {
        println!(
            "| {name} | {:.1} ms | {:.1} | {:.2} |",
            time.as_secs_f64() * 1000.0,
            bytes as f64 / 1e6,
            time.as_secs_f64() / json.0.as_secs_f64()
        );
    }
}
