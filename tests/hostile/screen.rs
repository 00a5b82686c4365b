//! Draws the app into a `TestBackend` and checks that no cell of the frame holds anything a
//! terminal would act on. Shared by the odd-corpus tests and the monkey test.

use liseuse::app::App;
use liseuse::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A `TestBackend` terminal the size the app believes it has.
pub fn terminal(app: &App) -> Terminal<TestBackend> {
    let (cols, rows) = app.size();
    Terminal::new(TestBackend::new(cols, rows)).expect("a test backend never fails")
}

/// Draws one frame (resizing the backend to the app's size first, as a real resize would) and
/// checks every cell.
pub fn draw_clean(app: &App, terminal: &mut Terminal<TestBackend>) {
    let (cols, rows) = app.size();
    let area = terminal.backend().buffer().area;
    if (area.width, area.height) != (cols, rows) {
        terminal.backend_mut().resize(cols, rows);
        // The next frame is drawn in full against an empty buffer, as after a real resize.
        terminal
            .resize(ratatui::layout::Rect::new(0, 0, cols, rows))
            .expect("resize");
    }
    terminal
        .draw(|frame| ui::draw(app, frame))
        .expect("a test backend never fails");
    for (n, cell) in terminal.backend().buffer().content.iter().enumerate() {
        let symbol = cell.symbol();
        if let Some(bad) = symbol.chars().find(|&c| super::exercise::is_unsafe(c)) {
            panic!(
                "U+{:04X} drawn in cell {n} ({symbol:?}) at {cols}x{rows}",
                bad as u32
            );
        }
    }
}
