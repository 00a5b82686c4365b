//! The terminal edge: set-up and restore on every exit path (quit, error, panic, SIGTERM/SIGHUP/
//! SIGINT, Ctrl-Z), and the blocking event loop: event → keymap → `update` → draw if changed.
//!
//! Events arrive on one channel, fed by an input thread and a signal thread, so the loop can
//! later take other messages (pages from a background loader) without changing shape.

use std::io::{self, Stdout, Write};
use std::panic;
use std::sync::Once;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{cursor, execute, terminal};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{self, Action, App, Effect, Options};
use crate::article::Article;
use crate::store::Store;
use crate::ui;

/// Everything the loop can be told.
pub enum Event {
    Input(event::Event),
    /// SIGTERM, SIGHUP or SIGINT: leave cleanly.
    Signal,
    /// A batch of pages from a loader.
    Pages(Vec<Article>),
    /// A deadline the app asked for has passed.
    Tick,
}

type Backend = CrosstermBackend<Stdout>;

/// Runs the reader until the user quits or a signal asks it to stop.
pub fn run(store: Store, options: Options) -> io::Result<()> {
    install_panic_hook();
    let (tx, rx) = mpsc::channel();
    spawn_signal_thread(tx.clone())?;
    let mut terminal = enter()?;
    let _guard = Guard;
    spawn_input_thread(tx);
    let size = terminal.size()?;
    let mut app = App::new(store, options, (size.width, size.height));
    event_loop(&mut terminal, &mut app, &rx)
}

fn event_loop(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    rx: &Receiver<Event>,
) -> io::Result<()> {
    terminal.draw(|frame| ui::draw(app, frame))?;
    while let Some(first) = next_event(app, rx) {
        // Take everything already queued before drawing once: a held key or a burst of resize
        // events costs one frame (and one wrap, at the last size), not one per event.
        let mut changed = false;
        for event in std::iter::once(first).chain(rx.try_iter()) {
            let action = match event {
                Event::Pages(pages) => {
                    changed |= app::add_pages(app, pages);
                    None
                }
                event => action_for(app, event),
            };
            let Some(action) = action else {
                continue;
            };
            let outcome = app::update(app, action);
            changed |= outcome.redraw;
            for effect in outcome.effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => suspend(terminal)?,
                    Effect::Repaint => repaint(terminal)?,
                }
            }
        }
        if changed {
            terminal.draw(|frame| ui::draw(app, frame))?;
        }
    }
    Ok(())
}

/// Blocks for the next event; while a link number could still grow (`1` could still become
/// `10`), wakes at its deadline with a tick instead. `None` when every sender is gone.
fn next_event(app: &App, rx: &Receiver<Event>) -> Option<Event> {
    let Some(deadline) = app.deadline() else {
        return rx.recv().ok();
    };
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(event) => Some(event),
        Err(RecvTimeoutError::Timeout) => Some(Event::Tick),
        Err(RecvTimeoutError::Disconnected) => None,
    }
}

fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Tick => Some(Action::Tick(Instant::now())),
        Event::Input(event::Event::Key(key)) => app::keymap::action_for_key(app, key),
        Event::Input(event::Event::Mouse(mouse)) => app::keymap::action_for_mouse(app, mouse),
        Event::Input(event::Event::Resize(cols, rows)) => Some(Action::Resize(cols, rows)),
        Event::Input(_) => None,
        Event::Signal => Some(Action::Quit),
        // Handled by the loop itself: a batch changes the store, not through an action.
        Event::Pages(_) => None,
    }
}

fn enter() -> io::Result<Terminal<Backend>> {
    terminal::enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, terminal::EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout))
}

/// Puts the terminal back as we found it. Safe to call more than once, and from a panic hook.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = stdout.flush();
}

/// Restores on any early return from `run`; a panic is handled by the hook, which restores
/// before the message is printed, so the guard skips it.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        if !thread::panicking() {
            restore();
        }
    }
}

/// The panic message must land on the normal screen in cooked mode: restore first, then let
/// the previous hook print.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Ctrl-Z arrives as a key in raw mode: give the terminal back, stop as the shell expects, and
/// on `fg` take it again and redraw everything (the screen was someone else's meanwhile).
fn suspend(terminal: &mut Terminal<Backend>) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    terminal::enable_raw_mode()?;
    execute!(
        terminal.backend_mut(),
        terminal::EnterAlternateScreen,
        EnableMouseCapture
    )?;
    repaint(terminal)
}

/// Makes the next draw write every cell (Ctrl-L, or back from a suspend). Not
/// `Terminal::clear`: it asks the terminal where the cursor is, and the input thread would
/// swallow the answer.
fn repaint(terminal: &mut Terminal<Backend>) -> io::Result<()> {
    let area = terminal.size()?;
    terminal.resize(area.into())
}

fn spawn_input_thread(tx: Sender<Event>) {
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Event::Input(event)).is_err() {
                break;
            }
        }
    });
}

fn spawn_signal_thread(tx: Sender<Event>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    thread::spawn(move || {
        for _ in signals.forever() {
            if tx.send(Event::Signal).is_err() {
                break;
            }
        }
    });
    Ok(())
}
