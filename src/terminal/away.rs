//! The reader handing the terminal, or the article, to another tool: a Markdown file, the
//! pager, the editor, the clipboard (the work itself is `crate::handoff`'s). While a pager or
//! an editor runs, the input thread stands aside so that it does not take their keys.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::Terminal;

use super::{Backend, repaint, restore};
use crate::app::{self, App, Copied, Effect};
use crate::handoff;
use crate::strings::Message;

/// Asks the input thread to stop reading the terminal (a pager or an editor has it), and its
/// answer that it has. It is woken from its read by a SIGWINCH, which crossterm's reader
/// watches (it reads a resize, harmless: the tool may well have resized the window), so it
/// never polls while the reader is idle.
pub(super) static INPUT_PAUSED: AtomicBool = AtomicBool::new(false);
pub(super) static INPUT_IDLE: AtomicBool = AtomicBool::new(false);
/// How often a paused input thread looks whether it may read again.
pub(super) const INPUT_NAP: Duration = Duration::from_millis(20);
/// How long to wait for it to stand aside (it is gone if the terminal was lost).
const PAUSE_PATIENCE: Duration = Duration::from_secs(2);

/// Carries out a hand-off to another tool and reports it in the status bar. A pager or an
/// editor gets the terminal as the shell left it (the input thread paused, so it does not
/// take their keys) and the screen is taken again and repainted after.
pub(super) fn hand_off(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    effect: Effect,
) -> io::Result<bool> {
    let store = app.store();
    let lang = app.lang();
    let message = match effect {
        Effect::WriteMarkdown(id) => handoff::write_markdown(store, id, Path::new(".")),
        Effect::Copy(id, what) => {
            let whole = what == Copied::Article;
            let text = if whole {
                handoff::article_text(store, id, app.measure(), lang)
            } else {
                store.article(id).title.clone()
            };
            let is_terminal = io::stdout().is_terminal();
            handoff::copy(&text, terminal.backend_mut(), is_terminal, whole)
        }
        Effect::Page(id) => {
            let text = handoff::article_text(store, id, app.measure(), lang);
            let pager = handoff::pager();
            match away(terminal, app, || handoff::page(&pager, &text))? {
                Ok(()) => return Ok(true),
                Err(why) => Message::Failed(why),
            }
        }
        Effect::Edit(id) => {
            let Some(file) = handoff::source_file(store, id) else {
                return Ok(app::report(app, Message::NoSourceFile));
            };
            let editor = handoff::editor();
            match away(terminal, app, || handoff::edit(&editor, &file))? {
                Ok(()) => return Ok(true),
                Err(why) => Message::Failed(why),
            }
        }
        Effect::Quit | Effect::Suspend | Effect::Repaint | Effect::Save(_) | Effect::Search => {
            return Ok(false);
        }
    };
    Ok(app::report(app, message))
}

/// Runs `tool` with the terminal given back (cooked mode, main screen, no mouse, no input
/// read by us), then takes it again and repaints everything.
fn away<T>(terminal: &mut Terminal<Backend>, app: &App, tool: impl FnOnce() -> T) -> io::Result<T> {
    INPUT_PAUSED.store(true, Ordering::SeqCst);
    // Cleared here, so only an answer given after the request counts; a paused thread gives
    // it again at each turn.
    INPUT_IDLE.store(false, Ordering::SeqCst);
    // The signal's byte waits in crossterm's pipe: a read that starts after it still returns.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
    let asked = Instant::now();
    while !INPUT_IDLE.load(Ordering::SeqCst) && asked.elapsed() < PAUSE_PATIENCE {
        thread::sleep(Duration::from_millis(2));
    }
    restore();
    let result = tool();
    let taken = repaint(terminal, app.mouse());
    INPUT_PAUSED.store(false, Ordering::SeqCst);
    taken.map(|()| result)
}
