//! How long the glued-word repair takes on its worst case, a megabyte of tokens of 40 to 48
//! letters each made of words of the list glued together, and on the bundled corpus (load,
//! parse and repair). Medians of a few runs; run in release:
//! `cargo run --release --example glue_cost` (`-- --corpus`: the corpus alone, 300 times).

#[path = "../tests/common/glued.rs"]
mod glued;

use std::time::Instant;

use liseuse::ingest::{
    self,
    repair::{Lexicon, Repairer},
};

fn main() {
    let lexicon = Lexicon::bundled();
    if std::env::args().nth(1).as_deref() == Some("--corpus") {
        bundled(300);
        return;
    }
    let text = glued::tokens(lexicon, 1 << 20, 12);
    let paragraphs: Vec<&str> = text.lines().collect();
    let repairer = Repairer::for_texts(paragraphs.iter().copied());
    let mut times = Vec::new();
    let mut splits = 0;
    for _ in 0..5 {
        let start = Instant::now();
        splits = paragraphs
            .iter()
            .map(|p| repairer.splits(p).len())
            .sum::<usize>();
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "{} KB of 40-48-letter glued tokens: median {:?} ({splits} splits)",
        text.len() / 1024,
        times[times.len() / 2]
    );
    bundled(15);
}

/// The bundled corpus loaded (parsed and repaired) `runs` times: the median.
fn bundled(runs: usize) {
    let mut times: Vec<_> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let loaded = ingest::load_bundled();
            assert!(!loaded.pages.is_empty());
            start.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "bundled corpus, load + repair: median {:?}",
        times[times.len() / 2]
    );
}
