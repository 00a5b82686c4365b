//! Search latency as a user meets it, median and p99 (what criterion's medians do not give): a
//! corpus loaded from its catalogue and its search index as the reader leaves them in a cache
//! folder, then each query and each title-filter keystroke run many times over it, beside a
//! folded scan of every title in the same run. Also what a live batch costs the reader before
//! it is applied (every article's key and fingerprint read).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --articles 50000 --out /tmp/c50k
//! cargo run --release -- search --cache-dir /tmp/c50k-cache --count laos /tmp/c50k   # builds both
//! cargo run --release --example search_latency -- /tmp/c50k /tmp/c50k-cache [RUNS]
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use liseuse::catalogue::Catalogue;
use liseuse::fold::fold;
use liseuse::ingest;
use liseuse::search::{Before, MAX_RESULTS, Query, SearchIndex, Titles};
use liseuse::store::Store;

const QUERIES: [&str; 6] = [
    "laos",
    "mekong",
    "delta mekong",
    "vietnam laos coo",
    "\"delta du mekong\" -chine",
    "hanoi cooperation economique",
];

/// The store the reader would hold: every page the catalogue knows, in name order.
fn store_of(corpus: &PathBuf, cache: &Path) -> Store {
    let (known, warning) = Catalogue::for_corpus(cache, std::slice::from_ref(corpus)).read();
    if let Some(warning) = warning {
        eprintln!("catalogue: {warning}");
    }
    let mut files: Vec<_> = known.into_file_cards().collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut store = Store::with_reader(ingest::reread);
    for chunk in files.chunks(1024) {
        let cards = chunk
            .iter()
            .filter_map(|f| f.card.clone())
            .map(|c| (c, None));
        store.add_cards(cards.collect());
    }
    store
}

/// Median and 99th percentile of `times`, in milliseconds.
fn median_p99(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |q: f64| {
        let n = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len());
        times[n - 1].as_secs_f64() * 1e3
    };
    (at(0.5), at(0.99))
}

fn timed(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect()
}

fn row(what: &str, times: Vec<Duration>, yardstick: f64) {
    let runs = times.len();
    let (median, p99) = median_p99(times);
    println!(
        "| {what} | {runs} | {median:.2} ms | {p99:.2} ms | {:.1}× |",
        median / yardstick
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, cache] = [0, 1].map(|n| PathBuf::from(args.get(n).expect("CORPUS CACHE [RUNS]")));
    let runs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(250);

    let store = store_of(&corpus, &cache);
    let mut index = SearchIndex::open(&cache).expect("the index");
    let missing = index
        .add_detached(store.ids().map(|id| (store.key(id), store.detached(id))))
        .expect("indexed");
    if missing > 0 {
        index.commit().expect("committed");
    }
    let searcher = index.searcher();
    println!(
        "{} articles, {} indexed ({missing} added now), {runs} runs each\n",
        store.len(),
        searcher.pages()
    );

    let titles: Vec<&str> = store
        .ids()
        .map(|id| store.article(id).title.as_str())
        .collect();
    let folded: Vec<String> = titles.iter().map(|t| fold(t)).collect();
    let scan = timed(runs, || {
        black_box(
            folded
                .iter()
                .filter(|t| t.contains(black_box("hanoi")))
                .count(),
        );
    });
    let (yardstick, _) = median_p99(scan.clone());
    println!("| measure | runs | median | p99 | × title scan |");
    println!("| --- | --- | --- | --- | --- |");
    row("yardstick: folded title scan", scan, yardstick);

    for query in QUERIES {
        let parsed = Query::parse(query);
        let times = timed(runs, || {
            black_box(searcher.search(&parsed, MAX_RESULTS).unwrap().1);
        });
        row(&format!("query `{query}`"), times, yardstick);
    }

    let mut filter = Titles::new(titles.iter().copied());
    for typed in ["h", "hano", "hanoi coop"] {
        let times = (0..runs)
            .map(|_| {
                filter.rank("");
                let start = Instant::now();
                black_box(filter.rank(typed).len());
                start.elapsed()
            })
            .collect();
        row(&format!("title filter `{typed}` at once"), times, yardstick);
    }
    let keys = [
        "h", "ha", "han", "hano", "hanoi", "hanoi ", "hanoi c", "hanoi co",
    ];
    let mut per_key = vec![Vec::new(); keys.len()];
    for _ in 0..runs {
        filter.rank("");
        for (times, typed) in per_key.iter_mut().zip(keys) {
            let start = Instant::now();
            black_box(filter.rank(typed).len());
            times.push(start.elapsed());
        }
    }
    for (times, typed) in per_key.iter().zip(keys) {
        row(
            &format!("title filter, key by key: `{typed}`"),
            times.clone(),
            yardstick,
        );
    }
    row(
        "title filter, key by key: every key of `hanoi co`",
        per_key.concat(),
        yardstick,
    );

    let live = timed(runs.min(50), || {
        black_box(Before::of(&store, &[], true));
    });
    row(
        "a live batch: keys and fingerprints read first",
        live,
        yardstick,
    );
}
