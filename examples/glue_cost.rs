//! How long the glued-word repair takes on its worst case, a megabyte of tokens of 40 to 48
//! letters each made of words of the list glued together, and on the bundled corpus (load,
//! parse and repair). Medians of a few runs; run in release:
//! `cargo run --release --example glue_cost` (`-- --corpus`: the corpus alone, 300 times).

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
    let words: Vec<&str> = lexicon
        .words()
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 2)
        .collect();
    // A fixed linear congruential sequence: the same text every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut text = String::new();
    while text.len() < 1 << 20 {
        let target = 40 + next(9);
        let mut token = String::new();
        while token.chars().count() < target {
            token.push_str(words[next(words.len())]);
        }
        let token: String = token.chars().take(48).collect();
        text.push_str(&token);
        text.push(if next(12) == 0 { '\n' } else { ' ' });
    }
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
