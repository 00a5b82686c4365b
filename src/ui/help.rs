//! The help popup, drawn from the layout `app::help` makes of the keymap's own table, so it
//! always says what the keys do. Taller than the screen, it scrolls and says there is more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Padding};

use crate::app::App;
use crate::app::help::HelpLine;
use crate::strings;
use crate::wrap::display_width;

use super::theme::Theme;

pub fn draw(app: &App, area: Rect, theme: Theme, frame: &mut Frame) {
    if !app.help_open() {
        return;
    }
    let lang = app.lang();
    let layout = app.help_layout(area);
    let popup = layout.popup;
    if popup.is_empty() {
        return;
    }
    let top = app.help_top();
    let shown = layout.shown();
    let mut block = Block::bordered()
        .border_style(theme.popup_border())
        .title(lang.pick(strings::HELP_TITLE))
        .padding(Padding::horizontal(1));
    if top + shown < layout.lines.len() {
        block = block.title_bottom(Line::styled(
            lang.pick(strings::MORE_BELOW),
            theme.help_more(),
        ));
    }
    if top > 0 {
        block = block
            .title(Line::styled(lang.pick(strings::MORE_ABOVE), theme.help_more()).right_aligned());
    }
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let rows = layout.lines.iter().skip(top).take(shown);
    for (y, line) in (inner.top()..inner.bottom()).zip(rows) {
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        frame.render_widget(help_line(line, theme), row);
    }
}

fn help_line(line: &HelpLine, theme: Theme) -> Line<'_> {
    match line {
        HelpLine::Heading(title) => Line::styled(title.as_str(), theme.help_heading()),
        HelpLine::Row { keys, column, text } => {
            let keys_end = 2 + display_width(keys);
            let pad = if text.is_empty() {
                0
            } else {
                column.saturating_sub(keys_end)
            };
            Line::from(vec![
                Span::raw("  "),
                Span::styled(keys.as_str(), theme.help_keys()),
                Span::raw(" ".repeat(pad)),
                Span::raw(text.as_str()),
            ])
        }
    }
}
