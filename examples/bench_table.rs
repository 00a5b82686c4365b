//! Turns the figures `scripts/bench.sh` gathered (`SIZE METRIC VALUE` lines; `SIZE timeout
//! METRIC` for a key whose effect never showed) into its one table: medians per corpus size,
//! liseuse beside `less`, `cat` and newsboat measured in the same run, and the targets
//! with ✓ or ✗ worked out against those yardsticks.
//! `cargo run --release --example bench_table -- FILE`

use std::collections::BTreeMap;
use std::process::ExitCode;

/// Medians of every metric, by corpus size.
struct Figures {
    values: BTreeMap<(usize, String), Vec<f64>>,
    timeouts: BTreeMap<(usize, String), usize>,
    sizes: Vec<usize>,
}

impl Figures {
    fn parse(text: &str) -> Figures {
        let mut values: BTreeMap<(usize, String), Vec<f64>> = BTreeMap::new();
        let mut timeouts = BTreeMap::new();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let Some(size) = words.first().and_then(|w| w.parse::<usize>().ok()) else {
                continue;
            };
            match words[1..] {
                ["timeout", metric] => *timeouts.entry((size, metric.to_owned())).or_default() += 1,
                [metric, value] => {
                    if let Ok(value) = value.parse() {
                        values
                            .entry((size, metric.to_owned()))
                            .or_default()
                            .push(value);
                    }
                }
                _ => {}
            }
        }
        let mut sizes: Vec<usize> = values.keys().map(|(size, _)| *size).collect();
        sizes.dedup();
        Figures {
            values,
            timeouts,
            sizes,
        }
    }

    /// The median of `metric` at `size`, over every sample of every name in `metrics`.
    fn median(&self, size: usize, metrics: &[&str]) -> Option<f64> {
        let mut all: Vec<f64> = metrics
            .iter()
            .filter_map(|m| self.values.get(&(size, (*m).to_owned())))
            .flatten()
            .copied()
            .collect();
        all.sort_by(f64::total_cmp);
        let n = all.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(all[n / 2]),
            _ => Some((all[n / 2 - 1] + all[n / 2]) / 2.0),
        }
    }

    fn count(&self, size: usize, metrics: &[&str]) -> usize {
        metrics
            .iter()
            .filter_map(|m| self.values.get(&(size, (*m).to_owned())))
            .map(Vec::len)
            .sum()
    }

    fn lost(&self, size: usize, metrics: &[&str]) -> usize {
        metrics
            .iter()
            .filter_map(|m| self.timeouts.get(&(size, (*m).to_owned())))
            .sum()
    }
}

fn ms(value: f64) -> String {
    match value {
        v if v < 10.0 => format!("{v:.2} ms"),
        v if v < 1000.0 => format!("{v:.0} ms"),
        v => seconds(v / 1000.0),
    }
}

fn seconds(value: f64) -> String {
    if value < 10.0 {
        format!("{value:.2} s")
    } else {
        format!("{value:.1} s")
    }
}

fn megabytes(kb: f64) -> String {
    let mb = kb / 1024.0;
    if mb < 1024.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{:.2} GB", mb / 1024.0)
    }
}

fn mark(met: bool) -> &'static str {
    if met { "✓" } else { "✗" }
}

/// A figure, its ratio to a yardstick, and whether it meets its target: `14 ms (1.3× less) ✓`.
fn compared(figure: String, ratio: f64, yardstick: &str, met: bool) -> String {
    let digits = if ratio < 10.0 { 2 } else { 1 };
    format!("{figure} ({ratio:.digits$}× {yardstick}) {}", mark(met))
}

/// A row of the table: what it measures, one cell per size, and the target it is held to.
struct Row {
    what: String,
    cells: Vec<String>,
    target: String,
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_table FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("bench_table: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let figures = Figures::parse(&text);
    print_table(&figures, &rows(&figures));
    ExitCode::SUCCESS
}

fn print_table(figures: &Figures, rows: &[Row]) {
    let sizes: Vec<String> = figures.sizes.iter().map(|s| format!("{s} pages")).collect();
    println!("| | {} | target |", sizes.join(" | "));
    println!("|---|{}---|", "---|".repeat(sizes.len()));
    for row in rows {
        println!(
            "| {} | {} | {} |",
            row.what,
            row.cells.join(" | "),
            row.target
        );
    }
}

fn rows(f: &Figures) -> Vec<Row> {
    let per_size = |cell: &dyn Fn(usize) -> String| f.sizes.iter().map(|&s| cell(s)).collect();
    let plain = |what: &str, metrics: &[&str], show: fn(f64) -> String| Row {
        what: what.to_owned(),
        cells: per_size(&|s| f.median(s, metrics).map_or("—".to_owned(), show)),
        target: "yardstick".to_owned(),
    };
    let mut rows = vec![Row {
        what: "runs (medians of)".to_owned(),
        cells: per_size(&|s| {
            f.median(s, &["runs"])
                .map_or("—".into(), |r| format!("{r}"))
        }),
        target: String::new(),
    }];
    for (what, metric) in [
        (
            "liseuse start → first screen, cold cache",
            "cold_first_screen",
        ),
        (
            "liseuse start → first screen, warm cache",
            "warm_first_screen",
        ),
    ] {
        rows.push(first_screen_row(f, what, metric));
    }
    rows.push(plain(
        "`less`, pages concatenated, first screen",
        &["less_first_screen"],
        ms,
    ));
    rows.push(flatness_row(f));
    rows.push(loaded_row(f, "cold"));
    rows.push(loaded_row(f, "warm"));
    rows.push(plain(
        "`cat` of every page to /dev/null (warm): the floor",
        &["cat_ms"],
        ms,
    ));
    rows.extend(key_rows(f));
    rows.push(rss_row(f));
    rows.push(plain(
        "newsboat peak RSS (item list)",
        &["nb_rss_kb"],
        megabytes,
    ));
    rows.push(plain(
        "newsboat start → item list (its cache)",
        &["nb_item_list"],
        ms,
    ));
    rows.push(batch_row(
        f,
        "newsboat import (`-x reload`)",
        "nb_import",
        None,
    ));
    rows.push(batch_row(
        f,
        "liseuse `export`",
        "export",
        Some("nb_import"),
    ));
    rows.push(batch_row(f, "liseuse `check`", "check", Some("nb_import")));
    rows
}

fn first_screen_row(f: &Figures, what: &str, metric: &str) -> Row {
    let cells = f.sizes.iter().map(|&s| {
        let Some(time) = f.median(s, &[metric]) else {
            return "—".to_owned();
        };
        match f.median(s, &["less_first_screen"]) {
            Some(less) => compared(
                ms(time),
                time / less,
                "less",
                time <= 25.0 && time <= 2.0 * less,
            ),
            None => format!("{} {}", ms(time), mark(time <= 25.0)),
        }
    });
    Row {
        what: what.to_owned(),
        cells: cells.collect(),
        target: "≤ 25 ms and ≤ 2× `less`".to_owned(),
    }
}

/// The first screen at each size against the smallest size's: flat means within 2×.
fn flatness_row(f: &Figures) -> Row {
    let metrics = ["cold_first_screen", "warm_first_screen"];
    let base = f.sizes.first().and_then(|&s| f.median(s, &metrics));
    let cells = f
        .sizes
        .iter()
        .map(|&s| match (f.median(s, &metrics), base) {
            (Some(time), Some(base)) => {
                let ratio = time / base;
                format!("{ratio:.1}× {}", mark(ratio <= 2.0))
            }
            _ => "—".to_owned(),
        });
    Row {
        what: "first screen (cold and warm) ÷ the smallest corpus's".to_owned(),
        cells: cells.collect(),
        target: "flat: ≤ 2×".to_owned(),
    }
}

fn loaded_row(f: &Figures, cache: &str) -> Row {
    let metric = format!("{cache}_loaded");
    let cells = f.sizes.iter().map(|&s| {
        let Some(time) = f.median(s, &[&metric]) else {
            return "—".to_owned();
        };
        let Some(floor) = f.median(s, &["cat_ms"]) else {
            return ms(time);
        };
        let ratio = time / floor;
        let met = if cache == "cold" {
            ratio <= 1.5
        } else {
            time <= 200.0 && ratio < 1.0
        };
        compared(ms(time), ratio, "cat", met)
    });
    let (what, target) = if cache == "cold" {
        (
            "liseuse start → whole corpus loaded, cold cache",
            "≤ 1.5× `cat`",
        )
    } else {
        (
            "liseuse start → whole corpus loaded, warm cache",
            "≤ 200 ms and < `cat`",
        )
    };
    Row {
        what: what.to_owned(),
        cells: cells.collect(),
        target: target.to_owned(),
    }
}

fn key_rows(f: &Figures) -> Vec<Row> {
    let keys = [
        ("list", "list move `j`"),
        ("scroll", "reader scroll `j`/`k` (after `Tab`)"),
        ("open", "open `Enter`"),
        ("link", "follow link `1`"),
        ("back", "back `⌫`"),
    ];
    let mut rows = Vec::new();
    for (while_loading, suffix) in [(false, ""), (true, "_loading")] {
        for (key, name) in keys {
            let metrics = [
                format!("cold_key_{key}{suffix}"),
                format!("warm_key_{key}{suffix}"),
            ];
            let metrics: Vec<&str> = metrics.iter().map(String::as_str).collect();
            let cells = f.sizes.iter().map(|&s| {
                let lost = f.lost(s, &metrics);
                let lost = if lost > 0 {
                    format!(", {lost} lost")
                } else {
                    String::new()
                };
                match f.median(s, &metrics) {
                    Some(time) => {
                        let n = f.count(s, &metrics);
                        format!("{} ({n} keys{lost}) {}", ms(time), mark(time <= 2.0))
                    }
                    None if while_loading => format!("— (loaded before a key{lost})"),
                    None => format!("—{lost}"),
                }
            });
            let when = if while_loading {
                ", while loading"
            } else {
                ", loaded"
            };
            rows.push(Row {
                what: format!("key → first output: {name}{when}"),
                cells: cells.collect(),
                target: "≤ 2 ms".to_owned(),
            });
        }
    }
    rows
}

fn rss_row(f: &Figures) -> Row {
    let cells = f.sizes.iter().map(|&s| {
        let cold = f.median(s, &["cold_rss_kb"]);
        let warm = f.median(s, &["warm_rss_kb"]);
        let Some(rss) = cold.into_iter().chain(warm).reduce(f64::max) else {
            return "—".to_owned();
        };
        match f.median(s, &["nb_rss_kb"]) {
            Some(nb) => compared(megabytes(rss), rss / nb, "newsboat", rss * 3.0 <= nb),
            None => megabytes(rss),
        }
    });
    Row {
        what: "liseuse peak RSS (reader, the larger of cold and warm)".to_owned(),
        cells: cells.collect(),
        target: "≤ ⅓ newsboat's".to_owned(),
    }
}

/// Wall time, CPU (user + system, and as a share of one core) and peak RSS of a batch command;
/// held to `against`'s wall time and 200 MB when given.
fn batch_row(f: &Figures, what: &str, name: &str, against: Option<&str>) -> Row {
    let (wall, cpu, rss) = (
        format!("{name}_wall_s"),
        format!("{name}_cpu_s"),
        format!("{name}_rss_kb"),
    );
    let cells = f.sizes.iter().map(|&s| {
        let (Some(w), Some(c), Some(r)) = (
            f.median(s, &[&wall]),
            f.median(s, &[&cpu]),
            f.median(s, &[&rss]),
        ) else {
            return "—".to_owned();
        };
        let figures = format!(
            "{}, CPU {} ({:.0} %), {}",
            seconds(w),
            seconds(c),
            100.0 * c / w.max(1e-9),
            megabytes(r)
        );
        let yardstick = against.and_then(|a| f.median(s, &[&format!("{a}_wall_s")]));
        match yardstick {
            Some(y) => compared(figures, w / y, "import", w < y && r <= 200.0 * 1024.0),
            None => figures,
        }
    });
    Row {
        what: what.to_owned(),
        cells: cells.collect(),
        target: match against {
            Some(_) => "< newsboat import, RSS ≤ 200 MB".to_owned(),
            None => "yardstick".to_owned(),
        },
    }
}
