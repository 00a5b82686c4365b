//! The help popup, written from the keymap's own table so it always says what the keys do.
//! Taller than the screen, it scrolls (its rows are counted by `keymap::help_rows`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding, Paragraph};

use crate::app::{App, geometry, keymap};
use crate::wrap::display_width;

use super::theme::Theme;

pub fn draw(app: &App, area: Rect, theme: Theme, frame: &mut Frame) {
    if !app.help_open() {
        return;
    }
    let sections = keymap::help();
    let keys_width = sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|(keys, _)| display_width(keys))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::with_capacity(keymap::help_rows());
    for section in &sections {
        lines.push(Line::styled(section.title, theme.help_heading()));
        for (keys, help) in &section.rows {
            let pad = " ".repeat(keys_width - display_width(keys));
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys.as_str(), theme.help_keys()),
                Span::raw(format!("{pad}  {help}")),
            ]));
        }
    }
    let width = lines.iter().map(Line::width).max().unwrap_or(0);
    let popup = geometry::popup(area, width as u16, lines.len());
    if popup.is_empty() {
        return;
    }
    let block = Block::bordered()
        .border_style(theme.popup_border())
        .title(" Aide ")
        .padding(Padding::horizontal(1));
    let top = u16::try_from(app.help_top()).unwrap_or(u16::MAX);
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((top, 0)), popup);
}
