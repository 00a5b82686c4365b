//! What building the search index from scratch costs, for one writer setting: the time and the
//! peak resident memory it adds to a process holding the corpus (bodies held, as the bench's
//! generated store holds them, so the time is the index's and not parsing's). One setting a
//! process: a peak is a process's high-water mark, so two settings in one would hide the second.
//!
//! ```sh
//! liseuse export --format jsonl /tmp/c50k > /tmp/c50k.jsonl
//! cargo run --release --example index_memory -- /tmp/c50k.jsonl THREADS BUDGET_MB [COMMIT_EVERY]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use liseuse::ingest;
use liseuse::search::{SearchIndex, Writing};
use liseuse::store::Store;

/// A line of the process's status, in MB (Linux; 0 elsewhere): `VmHWM` the peak resident
/// memory since it was last reset, `VmRSS` the memory resident now.
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(field))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1e3)
}

/// Memory resident now, once the allocator has given back what loading freed, with the peak
/// reset to it: reading the export peaks far above what the store then holds, and would hide
/// the index's peak under its own.
fn settled_rss_mb() -> f64 {
    // SAFETY: malloc_trim only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
    // Writing 5 to clear_refs resets the peak (Linux 4.0 and later).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    status_mb("VmRSS:")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "EXPORT.jsonl THREADS BUDGET_MB [COMMIT_EVERY]";
    let export = PathBuf::from(args.first().expect(usage));
    let number = |n: usize| -> usize { args.get(n).and_then(|a| a.parse().ok()).expect(usage) };
    let writing = Writing {
        threads: number(1),
        budget: number(2) * 1_000_000,
    };
    // The reader's worker commits every 4,000 pages; `liseuse search` once, at the end.
    let every = args.get(3).and_then(|a| a.parse::<usize>().ok());
    let loaded = ingest::load_paths(&[export]);
    let (store, _) = Store::from_pages(loaded.pages);
    let cache = tempfile::tempdir().expect("a temporary folder");
    let before = settled_rss_mb();
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        std::thread::spawn(move || {
            let mut peaks = (0.0f64, 0.0f64);
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                peaks.0 = peaks.0.max(status_mb("RssAnon:"));
                peaks.1 = peaks.1.max(status_mb("RssFile:"));
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            peaks
        })
    };
    let (anon, file) = (status_mb("RssAnon:"), status_mb("RssFile:"));
    let start = Instant::now();
    let mut index = SearchIndex::open_writing(cache.path(), writing).expect("an index");
    let docs: Vec<_> = store.ids().collect();
    for part in docs.chunks(every.unwrap_or(docs.len()).max(1)) {
        let part = part.iter().map(|&id| (store.key(id), store.detached(id)));
        index.add_detached(part).expect("indexed");
        index.commit().expect("committed");
    }
    let built = start.elapsed();
    // One page changed, then committed, seven times, as the live folder would (the median).
    let id = docs[0];
    let mut updates: Vec<f64> = (0..7)
        .map(|n| {
            let mut page = (*store.body(id)).clone();
            page.paragraphs
                .push(format!("Une phrase ajoutée, numéro {n}."));
            let start = Instant::now();
            index.add([(store.key(id), &page)]).expect("indexed");
            index.commit().expect("committed");
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    updates.sort_by(f64::total_cmp);
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let peaks = sampler.join().expect("the sampler");
    println!(
        "| {} thread(s), {} MB, commit {} | {} articles | {:.1} s | {:.0} MB added ({before:.0} MB before) | sampled: anonymous +{:.0} MB, file-backed +{:.0} MB | one page updated: {:.1} ms |",
        writing.threads,
        writing.budget / 1_000_000,
        every.map_or("once".to_owned(), |n| format!("every {n} pages")),
        store.len(),
        built.as_secs_f64(),
        status_mb("VmHWM:") - before,
        peaks.0 - anon,
        peaks.1 - file,
        updates[3],
    );
}
