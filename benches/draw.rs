//! Frame cost: one full frame of the reader into a `TestBackend`, and one key → update → draw
//! step, each beside a yardstick measured in the same run (a frame that draws nothing: the
//! buffer diff and backend cost every frame pays whatever the app does).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use liseuse::app::{self, Action, App, Options};
use liseuse::ingest;
use liseuse::store::Store;
use liseuse::ui;
use liseuse::wrap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const SIZE: (u16, u16) = (120, 40);

fn reader() -> App {
    let store = Store::from_pages(ingest::load_bundled().pages).0;
    let mut app = App::new(store, Options::default(), SIZE);
    app::update(&mut app, Action::OpenSelected);
    app
}

fn frames(c: &mut Criterion) {
    let app = reader();
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    let mut group = c.benchmark_group("frame 120x40");
    group.bench_function("yardstick: empty frame", |b| {
        b.iter(|| terminal.draw(|_| {}).map(|_| ()))
    });
    group.bench_function("draw reader", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| ui::draw(black_box(&app), frame))
                .map(|_| ())
        })
    });
    group.finish();
}

fn key_steps(c: &mut Criterion) {
    let mut app = reader();
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test backend");
    let down = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    let up = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE);
    let mut group = c.benchmark_group("key step 120x40");
    group.bench_function("yardstick: empty frame", |b| {
        b.iter(|| terminal.draw(|_| {}).map(|_| ()))
    });
    group.bench_function("j/k → update → draw", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            let key = if flip { down } else { up };
            if let Some(action) = app::keymap::action_for_key(&app, key) {
                app::update(&mut app, action);
            }
            terminal.draw(|frame| ui::draw(&app, frame)).map(|_| ())
        })
    });
    group.finish();
}

/// A list title of 20,000 combining marks fitted to a list row: once quadratic (a measure of
/// every prefix), now one pass, beside a measure of the whole title.
fn marked_title(c: &mut Criterion) {
    let title: String = "Titre"
        .chars()
        .chain(std::iter::repeat_n('\u{301}', 20_000))
        .collect();
    let title = format!("{title} suivi d'un long texte qui ne tient pas dans la ligne");
    let mut group = c.benchmark_group("title of 20,000 marks");
    group.bench_function("yardstick: display_width", |b| {
        b.iter(|| wrap::display_width(black_box(&title)))
    });
    group.bench_function("fit_width to 30 cells", |b| {
        b.iter(|| wrap::fit_width(black_box(&title), 30).len())
    });
    group.finish();
}

criterion_group!(benches, frames, key_steps, marked_title);
criterion_main!(benches);
