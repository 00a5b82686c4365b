//! Drawing: one frame from `&App`, nothing else. `geometry` places the panes (the same function
//! `update` uses), each pane draws only what is visible, and styles come from `theme`.

pub mod help;
pub mod highlight;
pub mod list_pane;
pub mod prompt;
pub mod reader_pane;
pub mod status_bar;
pub mod theme;

use ratatui::Frame;

use crate::app::App;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let panes = app.panes_in(area);
    let theme = app.theme();
    list_pane::draw(app, &panes, theme, frame);
    reader_pane::draw(app, &panes, theme, frame);
    status_bar::draw(app, &panes, theme, frame);
    help::draw(app, area, theme, frame);
}
