//! The terminal edge: set-up and restore on every exit path (quit, error, panic, every
//! terminating signal, a lost terminal, Ctrl-Z and SIGTSTP), and the blocking event loop:
//! event → keymap → `update` → draw if changed.
//!
//! Events arrive on one channel, fed by an input thread, a hang-up watcher and a signal thread,
//! so the loop can later take other messages (pages from a background loader) without changing
//! shape. The screen drawn is bounded ([`geometry::MAX_SIZE`]), whatever size the terminal claims.

use std::io::{self, Stdout, Write};
use std::panic;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Once};
use std::thread;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::{ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{cursor, execute, terminal};
use ratatui::layout::{Position, Size};
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};

use crate::app::geometry;
use crate::app::{self, Action, App, Batch, Effect, Options};
use crate::search::{self, Answer, Worker};
use crate::state::{self, Saver};
use crate::store::Store;
use crate::ui;

/// Everything the loop can be told.
pub enum Event {
    Input(event::Event),
    /// A signal: a terminating one ([`TERMINATING`]) ends the reader with exit code 128 + n,
    /// SIGTSTP suspends it as Ctrl-Z does, SIGCONT takes the terminal again and repaints.
    Signal(i32),
    /// The terminal is gone (hung up without a SIGHUP, or its input failed): leave as on SIGHUP.
    Lost,
    /// A batch of pages from a background load.
    Pages(Batch),
    /// A deadline the app asked for has passed.
    Tick,
    /// Something the reading state has to say (a save failed).
    State(state::Notice),
    /// The search worker answered a query.
    Found(Answer),
    /// A body was read ahead.
    ReadAhead(ReadAhead),
}

mod ahead;
mod arrivals;
mod away;
mod feeds;

use ahead::{Ahead, ReadAhead};
use arrivals::{Arrivals, Gate};
use away::hand_off;
use feeds::{next_event, spawn_hangup_watcher, spawn_input_thread, spawn_signal_thread};

type Backend = Bounded;

/// Signals that end the reader; it exits with 128 + the signal, as if killed by it, after
/// giving the terminal back.
pub const TERMINATING: [i32; 7] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM];

/// The signal that ended the reader, if one did.
static ENDED_BY: AtomicI32 = AtomicI32::new(0);

/// How long loading holds back after each key (`ingest::hold_loading`).
const KEY_HOLD: std::time::Duration = std::time::Duration::from_millis(30);

/// Runs the reader until the user quits or a signal asks it to stop. After a terminating
/// signal (or a lost terminal) it does not return: the terminal is restored and the process
/// exits with 128 + the signal (129 for a lost terminal, as for SIGHUP). Reading state goes
/// to `state.db`, if there is one, from a thread of its own; its notices show in the status bar.
/// Search indexes into `cache` (in memory with none).
pub fn run(
    store: Store,
    options: Options,
    batches: Option<Receiver<Batch>>,
    state: state::Opened,
    cache: Option<PathBuf>,
) -> io::Result<()> {
    install_panic_hook();
    let (tx, rx) = mpsc::channel();
    let found = tx.clone();
    let worker = Worker::start(cache, move |answer| {
        let _ = found.send(Event::Found(answer));
    });
    worker.index(search::all_docs(&store, worker.indexed()));
    let gate = Arc::new(Gate::default());
    if let Some(batches) = batches {
        let (tx, gate) = (tx.clone(), Arc::clone(&gate));
        thread::spawn(move || {
            for batch in batches {
                gate.enter();
                if tx.send(Event::Pages(batch)).is_err() {
                    break;
                }
            }
        });
    }
    spawn_signal_thread(tx.clone())?;
    let saver = state.db.map(|db| {
        let tx = tx.clone();
        Saver::spawn(db, move |notice| {
            let _ = tx.send(Event::State(notice));
        })
    });
    for notice in state.notices {
        let _ = tx.send(Event::State(notice));
    }
    let mut terminal = enter(options.mouse)?;
    let guard = Guard;
    spawn_hangup_watcher(tx.clone());
    let mut ahead = Ahead::start(tx.clone());
    spawn_input_thread(tx);
    // The app is told the size the terminal claims; it draws at most `MAX_SIZE` of it.
    let size = terminal::size().or_else(|_| terminal.size().map(|s| (s.width, s.height)))?;
    let mut app = App::new(store, options, size);
    let result = event_loop(
        &mut terminal,
        &mut app,
        &rx,
        (saver.as_ref(), &worker, &mut ahead),
        gate,
    );
    drop(guard);
    // Every change handed over is written before the process ends.
    drop(saver);
    match ENDED_BY.load(Ordering::SeqCst) {
        0 => result,
        signal => std::process::exit(128 + signal),
    }
}

/// A terminal size as drawn: at most [`geometry::MAX_SIZE`].
pub fn bounded(size: Size) -> Size {
    let (cols, rows) = geometry::bounded((size.width, size.height));
    Size::new(cols, rows)
}

fn event_loop(
    terminal: &mut Terminal<Backend>,
    app: &mut App,
    rx: &Receiver<Event>,
    (saver, worker, ahead): (Option<&Saver>, &Worker, &mut Ahead),
    gate: Arc<Gate>,
) -> io::Result<()> {
    terminal.draw(|frame| ui::draw(app, frame))?;
    let mut arrivals = Arrivals::new(gate);
    let mut dirty = false;
    loop {
        // Take everything already queued before drawing once: a held key or a burst of resize
        // events costs one frame (and one wrap, at the last size), not one per event. Batches
        // of pages wait their turn (`Arrivals`): keys first, then one part of a batch.
        let mut events = Vec::new();
        if arrivals.is_empty() {
            match next_event(app, rx) {
                Some(event) => events.push(event),
                None => return Ok(()),
            }
        } else if app.deadline().is_some_and(|at| at <= Instant::now()) {
            events.push(Event::Tick);
        }
        events.extend(rx.try_iter());
        let mut answered = false;
        for event in events {
            let action = match event {
                Event::Pages(batch) => {
                    arrivals.push(batch);
                    None
                }
                Event::Found(answer) => {
                    answered |= app::search::answered(app, answer);
                    None
                }
                Event::ReadAhead(read) => {
                    app.store().keep_read(read.id, read.fingerprint, read.body);
                    None
                }
                event => action_for(app, event),
            };
            let Some(action) = action else {
                continue;
            };
            if app::is_keystroke(action) {
                crate::ingest::hold_loading(KEY_HOLD);
            }
            let outcome = app::update(app, action);
            answered |= outcome.redraw;
            for effect in outcome.effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => suspend(terminal, app.mouse())?,
                    Effect::Repaint => repaint(terminal, app.mouse())?,
                    Effect::Save(change) => {
                        if let Some(saver) = saver {
                            saver.save(change);
                        }
                    }
                    Effect::Search => {
                        if let Some((asked, text)) = app.take_search_request() {
                            worker.ask(asked, &text);
                        }
                    }
                    effect => answered |= hand_off(terminal, app, effect)?,
                }
            }
        }
        match arrivals.next_part() {
            Some(part) => dirty |= arrivals.add(app, part, worker),
            None => arrivals.sweep(app, worker),
        }
        // What a key changed is drawn at once; what batches changed, once a frame.
        if answered || (dirty && arrivals.draw_due()) {
            terminal.draw(|frame| ui::draw(app, frame))?;
            dirty = false;
        }
        ahead.look(app);
    }
}

fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Tick => Some(Action::Tick(Instant::now())),
        Event::Input(event::Event::Key(key)) => app::keymap::action_for_key(app, key),
        Event::Input(event::Event::Mouse(mouse)) => app::keymap::action_for_mouse(app, mouse),
        Event::Input(event::Event::Resize(cols, rows)) => Some(Action::Resize(cols, rows)),
        Event::Input(_) => None,
        Event::Signal(SIGTSTP) => Some(Action::Suspend),
        // Back from a stop we did not see coming (SIGSTOP from outside): the terminal may have
        // been reset meanwhile, so take it again and repaint everything.
        Event::Signal(SIGCONT) => Some(Action::Redraw),
        Event::Signal(signal) => {
            ENDED_BY.store(signal, Ordering::SeqCst);
            Some(Action::Quit)
        }
        Event::Lost => {
            ENDED_BY.store(SIGHUP, Ordering::SeqCst);
            Some(Action::Quit)
        }
        Event::State(notice) => Some(Action::Notice(notice.remark())),
        // Handled by the loop itself: a batch changes the store, not through an action.
        Event::Pages(_) | Event::Found(_) | Event::ReadAhead(_) => None,
    }
}

fn enter(mouse: bool) -> io::Result<Terminal<Backend>> {
    if let Err(e) = take_terminal(mouse) {
        restore();
        return Err(e);
    }
    Terminal::new(Bounded(CrosstermBackend::new(io::stdout())))
}

/// Raw mode, the alternate screen, mouse reports (unless turned off): the terminal as the
/// reader needs it.
fn take_terminal(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(io::stdout(), terminal::EnterAlternateScreen)?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
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

/// Ctrl-Z (a key in raw mode) and SIGTSTP: give the terminal back, stop as the shell expects,
/// and on `fg` take it again and redraw everything (the screen was someone else's meanwhile).
/// The stop is SIGSTOP: SIGTSTP is caught here, raising it would only come back as an event.
fn suspend(terminal: &mut Terminal<Backend>, mouse: bool) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGSTOP)?;
    repaint(terminal, mouse)
}

/// Takes the terminal again (raw mode, alternate screen, mouse: all harmless if still set)
/// and makes the next draw write every cell: Ctrl-L, back from a suspend, SIGCONT. Not
/// `Terminal::clear`: it asks the terminal where the cursor is, and the input thread would
/// swallow the answer.
fn repaint(terminal: &mut Terminal<Backend>, mouse: bool) -> io::Result<()> {
    take_terminal(mouse)?;
    let area = terminal.size()?;
    terminal.resize(area.into())
}

/// The crossterm backend, reporting at most [`geometry::MAX_SIZE`]: ratatui sizes its buffers, and the
/// app its panes, from what the backend says.
pub struct Bounded(CrosstermBackend<Stdout>);

impl ratatui::backend::Backend for Bounded {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.0.size().map(bounded)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let mut size = self.0.window_size()?;
        size.columns_rows = bounded(size.columns_rows);
        Ok(size)
    }

    fn flush(&mut self) -> io::Result<()> {
        ratatui::backend::Backend::flush(&mut self.0)
    }
}

/// Bytes written straight to the terminal (`execute!` on `backend_mut()`) pass through.
impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.0)
    }
}
