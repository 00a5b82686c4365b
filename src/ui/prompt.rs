//! The foot of the screen while a prompt is open (`/` search, `f` title filter): the line being
//! typed with its cursor, over the status bar; and the summary of the results shown after, for
//! the status bar: `« laos » — 3 articles, 12 occurrences`.

use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::geometry::Panes;
use crate::app::search::PromptKind;
use crate::inert::screen_line;
use crate::strings::text;
use crate::wrap::{display_width, fit_width};

use super::theme::Theme;

/// Draws the open prompt in the status row; false when none is open.
pub fn draw(app: &App, panes: &Panes, theme: Theme, frame: &mut Frame) -> bool {
    let Some((kind, line)) = app.search().prompt() else {
        return false;
    };
    let area = panes.status;
    if area.is_empty() {
        return true;
    }
    frame.buffer_mut().set_style(area, theme.status());
    let sign = match kind {
        PromptKind::Search => "/",
        PromptKind::Filter => "f ",
    };
    let typed = screen_line(line.text());
    let before_cursor: String = typed.chars().take(line.cursor_chars()).collect();
    let width = usize::from(area.width);
    let tail = summary(app).map(|s| format!("  {s}")).unwrap_or_default();
    let room = width.saturating_sub(display_width(sign) + 1);
    let shown = fit_width(&typed, room);
    let mut spans = vec![
        Span::styled(sign, theme.status_message()),
        Span::styled(shown.clone(), theme.status()),
    ];
    let used = display_width(sign) + display_width(&shown);
    if used + display_width(&tail) < width {
        spans.push(Span::styled(tail, theme.status()));
    }
    frame.render_widget(Line::from(spans), area);
    let cursor = (display_width(sign) + display_width(&before_cursor)).min(width.saturating_sub(1));
    frame.set_cursor_position(Position::new(area.x + cursor as u16, area.y));
    true
}

/// What the results in the list are, for the status bar: the query, articles and matches, and
/// whether the index was still being built when it answered.
pub fn summary(app: &App) -> Option<String> {
    let lang = app.lang();
    if let Some(error) = app.search().error() {
        return Some(screen_line(error).into_owned());
    }
    let results = app.search().results()?;
    let articles = app.list().len();
    let query = screen_line(&results.text).into_owned();
    let mut said = match results.kind {
        PromptKind::Search => format!(
            "« {query} » — {articles} {}, {}{} {}",
            lang.pick(text("articles", "articles")),
            results.occurrences(),
            if results.capped(articles) { "+" } else { "" },
            lang.pick(text("occurrences", "matches"))
        ),
        PromptKind::Filter => format!(
            "f « {query} » — {articles} {}",
            lang.pick(text("titres", "titles"))
        ),
    };
    if !results.complete {
        said.push_str(lang.pick(text(" (index en cours)", " (still indexing)")));
    }
    Some(said)
}
