//! Search at scale, on a generated corpus (50,000 pages; `LISEUSE_BENCH_PAGES` for another
//! size): one- to three-word queries, the fuzzy title filter per keystroke, and a key typed in
//! the `/` prompt until its results are drawn, each beside a yardstick measured in the same run
//! (a folded substring scan of every title, the least a title search must do). Before them, one
//! pass prints what criterion cannot time well: building the index from scratch (beside
//! parsing the same pages), updating it for one changed page, its size beside the corpus text.

#[path = "../tests/common/gen.rs"]
mod generator;
#[path = "../tests/common/rng.rs"]
mod rng;
#[path = "../tests/common/search.rs"]
mod search;
#[path = "../tests/common/synthetic.rs"]
mod synthetic;

const SEED: u64 = 2024;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use liseuse::app::prompt::{Edit, PromptKey};
use liseuse::app::search::PromptKind;
use liseuse::app::{Action, App, Options, update};
use liseuse::fold::fold;
use liseuse::search::{MAX_RESULTS, Query, SearchIndex, Searcher, Titles};
use liseuse::store::Store;
use liseuse::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn pages() -> usize {
    std::env::var("LISEUSE_BENCH_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000)
}

/// The generated corpus parsed and repaired, its text size, and how long parsing took.
fn corpus() -> (Store, usize, Duration) {
    let bytes = generator::corpus(pages(), SEED)
        .iter()
        .map(|p| p.text.len())
        .sum();
    let start = Instant::now();
    let store = synthetic::store(pages(), SEED);
    (store, bytes, start.elapsed())
}

/// The process's peak resident memory so far, in MB (Linux; 0 elsewhere).
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1e3)
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Build, update and size, printed once; returns the index searched by the timed groups.
fn one_pass(store: &Store, bytes: usize, parsed: Duration) -> (tempfile::TempDir, Searcher) {
    let cache = tempfile::tempdir().unwrap();
    let peak_before = peak_rss_mb();
    let start = Instant::now();
    let mut index = SearchIndex::open(cache.path()).unwrap();
    index
        .add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
        .unwrap();
    index.commit().unwrap();
    let built = start.elapsed();
    let mut updates = Vec::new();
    let id = store.ids().next().unwrap();
    for n in 0..7 {
        let mut page = (*store.body(id)).clone();
        page.paragraphs
            .push(format!("Une phrase ajoutée, numéro {n}."));
        let start = Instant::now();
        index.add([(store.key(id), &page)]).unwrap();
        index.commit().unwrap();
        updates.push(start.elapsed());
    }
    updates.sort();
    let size = dir_size(&cache.path().join(liseuse::search::FOLDER));
    println!(
        "search index, {} pages ({:.0} MB of text)",
        store.len(),
        bytes as f64 / 1e6
    );
    println!("| measure | figure | yardstick |");
    println!("| --- | --- | --- |");
    println!(
        "| build from scratch | {:.2} s | parsing the same pages: {:.2} s ({:.2}×); newsboat's import of 50k: 18 s |",
        built.as_secs_f64(),
        parsed.as_secs_f64(),
        built.as_secs_f64() / parsed.as_secs_f64()
    );
    println!(
        "| update one changed page (median of 7) | {:.1} ms | target ≤ 100 ms |",
        updates[3].as_secs_f64() * 1e3
    );
    println!(
        "| index on disk | {:.1} MB | corpus text {:.1} MB: {:.2}× (target ≤ 0.6×) |",
        size as f64 / 1e6,
        bytes as f64 / 1e6,
        size as f64 / bytes as f64
    );
    println!(
        "| peak RSS added by building the index | {:.0} MB | {:.0} MB before, with the corpus loaded (target ≤ 100 MB added) |",
        peak_rss_mb() - peak_before,
        peak_before
    );
    let searcher = index.searcher();
    (cache, searcher)
}

fn all(c: &mut Criterion) {
    let (store, bytes, parsed) = corpus();
    let (_cache, searcher) = one_pass(&store, bytes, parsed);
    let folded_titles: Vec<String> = store
        .ids()
        .map(|id| fold(&store.article(id).title))
        .collect();
    let yardstick = |b: &mut criterion::Bencher| {
        b.iter(|| {
            folded_titles
                .iter()
                .filter(|t| t.contains(black_box("hanoi")))
                .count()
        })
    };

    let mut group = c.benchmark_group("query");
    group.bench_function("yardstick: title scan", yardstick);
    for query in [
        "laos",
        "delta mekong",
        "vietnam laos coo",
        "\"delta du mekong\" -chine",
    ] {
        let parsed = Query::parse(query);
        group.bench_function(query, |b| {
            b.iter(|| searcher.search(black_box(&parsed), MAX_RESULTS).unwrap().1)
        });
    }
    group.finish();

    let mut group = c.benchmark_group("title filter");
    group.bench_function("yardstick: title scan", yardstick);
    let mut titles = Titles::new(store.ids().map(|id| store.article(id).title.as_str()));
    for typed in ["h", "hano", "hanoi coop"] {
        // Cold: an empty pattern first, so nothing is narrowed from the key before.
        group.bench_function(format!("{typed} (cold)"), |b| {
            b.iter(|| titles.rank("").len() + titles.rank(black_box(typed)).len())
        });
    }
    group.bench_function("hanoi typed, 5 keys", |b| {
        b.iter(|| {
            titles.rank("");
            ["h", "ha", "han", "hano", "hanoi"]
                .iter()
                .map(|typed| titles.rank(black_box(typed)).len())
                .sum::<usize>()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("key to results drawn");
    group.bench_function("yardstick: title scan", yardstick);
    let mut app = App::new(store, Options::default(), (120, 40)).with_color(false);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    update(&mut app, Action::OpenPrompt(PromptKind::Search));
    for c in "han".chars() {
        update(&mut app, Action::Prompt(PromptKey::Edit(Edit::Insert(c))));
    }
    group.bench_function("/han + one key", |b| {
        let mut last = 'n';
        b.iter(|| {
            // Alternate the last letter so each key asks a new query (han, hai: both common).
            last = if last == 'n' { 'i' } else { 'n' };
            update(&mut app, Action::Prompt(PromptKey::Edit(Edit::DeleteBack)));
            update(
                &mut app,
                Action::Prompt(PromptKey::Edit(Edit::Insert(last))),
            );
            search::answer(&mut app, &searcher);
            terminal
                .draw(|frame| ui::draw(&app, frame))
                .map(|_| ())
                .unwrap();
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(3));
    targets = all
}
criterion_main!(benches);
