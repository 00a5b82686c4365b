//! Corpus load cost: parsing one page, and loading the bundled corpus into a store, each beside
//! a yardstick measured in the same run (validating and splitting the same bytes into lines:
//! the least any loader must do), so the ratio, not the machine, is what we compare.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use liseuse::ingest::{self, page};
use liseuse::store::Store;

const CUBA: &str = include_str!("../data/vna-cuba-onu-2021.txt");

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
            yardstick(black_box(CUBA.as_bytes()))
                + yardstick(include_bytes!("../data/vna-kirghizistan.txt"))
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

criterion_group!(benches, parse, load);
criterion_main!(benches);
