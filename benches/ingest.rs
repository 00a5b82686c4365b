//! Corpus load cost: parsing one page, repairing the glued words of the bundled corpus, loading
//! it into a store, and decoding the word list, each beside a yardstick measured in the same run
//! (validating and splitting the same bytes into lines: the least any loader must do), so the
//! ratio, not the machine, is what we compare.

#[path = "../tests/common/glued.rs"]
mod glued;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use liseuse::ingest::repair::{Lexicon, Repairer, repair_page};
use liseuse::ingest::{self, page};
use liseuse::store::Store;

const CUBA: &str = include_str!("../data/vna-cuba-onu-2021.txt");
const KIRGHIZISTAN: &str = include_str!("../data/vna-kirghizistan.txt");
const WORD_LIST: &[u8] = include_bytes!("../src/ingest/repair/mots.txt");

fn yardstick(text: &[u8]) -> usize {
    std::str::from_utf8(text).map_or(0, |t| t.lines().count())
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("page");
    group.bench_function("yardstick: utf8 + lines", |b| {
        b.iter(|| yardstick(black_box(CUBA.as_bytes())))
    });
    group.bench_function("parse_page", |b| {
        b.iter(|| page::parse_page(black_box(CUBA), "cuba.txt"))
    });
    group.finish();
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("bundled corpus");
    group.bench_function("yardstick: utf8 + lines", |b| {
        b.iter(|| {
            yardstick(black_box(CUBA.as_bytes())) + yardstick(black_box(KIRGHIZISTAN.as_bytes()))
        })
    });
    let pages: Vec<_> = [CUBA, KIRGHIZISTAN]
        .iter()
        .filter_map(|text| page::parse_page(text, "sample.txt").article)
        .collect();
    Lexicon::bundled();
    group.bench_function("glued-word repair", |b| {
        b.iter(|| {
            for page in &pages {
                let mut page = page.clone();
                repair_page(black_box(&mut page));
            }
        })
    });
    group.bench_function("load + store", |b| {
        b.iter(|| {
            let loaded = ingest::load_bundled();
            Store::from_pages(loaded.pages)
        })
    });
    group.finish();
}

/// The word list is decoded once per process, on the first repair: what that first repair pays.
fn word_list(c: &mut Criterion) {
    let mut group = c.benchmark_group("word list (1.3 MB)");
    group.sample_size(20);
    group.bench_function("yardstick: utf8 + lines", |b| {
        b.iter(|| yardstick(black_box(WORD_LIST)))
    });
    group.bench_function("decode", |b| b.iter(Lexicon::decode_bundled));
    group.finish();
}

/// The glued-word repair's worst case: 64 KB of 40-48-letter tokens, each made of listed
/// words glued together (`examples/glue_cost.rs` times a whole megabyte), beside the
/// yardstick on the same bytes.
fn glued(c: &mut Criterion) {
    let text = glued::tokens(Lexicon::bundled(), 64 << 10, 0);
    let repairer = Repairer::for_texts([text.as_str()]);
    let mut group = c.benchmark_group("glued tokens (64 KB)");
    group.bench_function("yardstick: utf8 + lines", |b| {
        b.iter(|| yardstick(black_box(text.as_bytes())))
    });
    group.bench_function("repair", |b| {
        b.iter(|| repairer.splits(black_box(&text)).len())
    });
    group.finish();
}

criterion_group!(benches, parse, load, word_list, glued);
criterion_main!(benches);
