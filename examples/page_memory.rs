//! What one huge page costs in memory: builds the store from one generated 8 MB page, opens it
//! in an `App` at 120×40, resizes ten times through widths 60–150 drawing a frame into a
//! `TestBackend` each time, and prints the peak resident size (`VmHWM`) at each stage.
//! The page is generated in one process and measured in a fresh one. A measurement, not a
//! test: `cargo run --release --example page_memory [-- --mb N]`.

#[path = "../tests/common/gen.rs"]
#[allow(dead_code)] // only the pages' text is used
mod generator;
#[path = "../tests/common/rng.rs"]
mod rng;

use liseuse::app::{Action, App, Options, update};
use liseuse::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Peak resident set size so far, in KB, from `/proc/self/status`.
fn peak_kb() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// One page of about `bytes` bytes: the first generated page with the body paragraphs of as
/// many others as it takes inserted after its first paragraph.
fn huge_page(bytes: usize) -> String {
    let pages = generator::corpus(bytes / 4_000 + 2, 2026);
    let first = &pages[0].text;
    let dateline = first.find("(VNA) – ").expect("a dateline");
    let cut = dateline + first[dateline..].find("\n\n").expect("a paragraph end") + 2;
    let mut text = first[..cut].to_owned();
    for page in &pages[1..] {
        if text.len() >= bytes {
            break;
        }
        let body = &page.text;
        let (Some(start), Some(end)) = (body.find("(VNA) – "), body.find("Voir plus")) else {
            continue;
        };
        let paragraphs = &body[start + "(VNA) – ".len()..end];
        text.push_str(&paragraphs.replace("-VNA", ""));
    }
    text.push_str(&first[cut..]);
    text
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().skip_while(|a| *a != flag).nth(1).cloned();
    if let Some(file) = value("--file") {
        measure(std::path::Path::new(&file));
        return;
    }
    // The page is generated here and measured in a fresh process, so the generator's own
    // memory is not counted.
    let mb: usize = value("--mb").and_then(|n| n.parse().ok()).unwrap_or(8);
    let file = std::env::temp_dir().join(format!("liseuse-page-memory-{}.txt", std::process::id()));
    std::fs::write(&file, huge_page(mb << 20)).expect("the page is written");
    let status = std::process::Command::new(&args[0])
        .arg("--file")
        .arg(&file)
        .status();
    let _ = std::fs::remove_file(&file);
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("page_memory: the measuring process failed");
        std::process::exit(1);
    }
}

/// Loads `file` as `liseuse` does (read, parse, repair), builds the store, opens the page and
/// resizes, printing the peak resident size after each stage.
fn measure(file: &std::path::Path) {
    let page_kb = std::fs::metadata(file).map_or(0, |m| m.len() as usize / 1024);
    let start = peak_kb();
    let loaded = liseuse::ingest::load_paths(&[file.to_path_buf()]);
    let (store, _) = Store::from_pages(loaded.pages);
    let built = peak_kb();
    let mut app = App::new(store, Options::default(), (120, 40));
    update(&mut app, Action::OpenSelected);
    let draw = |app: &App| {
        let (cols, rows) = app.size();
        let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("a test terminal");
        terminal
            .draw(|frame| liseuse::ui::draw(app, frame))
            .expect("a frame");
    };
    draw(&app);
    let opened = peak_kb();
    for width in (60..=150).step_by(10) {
        update(&mut app, Action::Resize(width, 40));
        draw(&app);
    }
    let resized = peak_kb();
    let cost = |kb: usize| kb.saturating_sub(start) as f64 / page_kb.max(1) as f64;
    println!("page: {page_kb} KB; peak RSS at start: {start} KB");
    println!(
        "after load + store: {built} KB (+{:.1}× the page)",
        cost(built)
    );
    println!(
        "opened at 120×40:   {opened} KB (+{:.1}× the page)",
        cost(opened)
    );
    println!(
        "after 10 resizes:   {resized} KB (+{:.1}× the page)",
        cost(resized)
    );
}
