//! The threads that feed the reader's event loop: the terminal's keys, mouse and resizes, a
//! watch for a terminal that hangs up without a signal, and the signals themselves; and how the
//! loop waits for what they send.

use std::io;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event;
use signal_hook::consts::{SIGCONT, SIGTSTP};
use signal_hook::iterator::Signals;

use super::away::{INPUT_IDLE, INPUT_NAP, INPUT_PAUSED};
use super::{Event, TERMINATING, restore};
use crate::app::App;

/// How long a terminating signal waits for the loop to quit on its own.
const QUIT_GRACE: Duration = Duration::from_millis(500);

/// Key, mouse and resize events. An input error ends the reader (the terminal is gone).
/// While another tool has the terminal it stands aside, reading nothing (see `away::away`,
/// which wakes it from its read).
pub(super) fn spawn_input_thread(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            if INPUT_PAUSED.load(Ordering::SeqCst) {
                INPUT_IDLE.store(true, Ordering::SeqCst);
                thread::sleep(INPUT_NAP);
                continue;
            }
            let event = match event::read() {
                Ok(event) => Event::Input(event),
                Err(_) => Event::Lost,
            };
            let lost = matches!(event, Event::Lost);
            if tx.send(event).is_err() || lost {
                break;
            }
        }
    });
}

/// Waits, asleep, for the terminal to hang up. A terminal closed without a SIGHUP (a process
/// started under `setsid` whose window is closed) leaves crossterm's reader spinning on
/// end-of-file inside `event::read`, never returning; `poll` with no event asked still reports
/// the hang-up, and the reader then leaves.
pub(super) fn spawn_hangup_watcher(tx: Sender<Event>) {
    // SAFETY: isatty only inspects the descriptor.
    let ttys: Vec<libc::pollfd> = [libc::STDIN_FILENO, libc::STDOUT_FILENO]
        .into_iter()
        .filter(|&fd| unsafe { libc::isatty(fd) } == 1)
        .map(|fd| libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        })
        .collect();
    if ttys.is_empty() {
        return;
    }
    thread::spawn(move || {
        let mut fds = ttys;
        loop {
            // SAFETY: `fds` is a live, correctly sized array of pollfd for the whole call.
            let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, -1) };
            let hung_up = fds
                .iter()
                .any(|p| p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0);
            if ready > 0 && hung_up {
                let _ = tx.send(Event::Lost);
                return;
            }
            if ready < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                return;
            }
        }
    });
}

/// Signals become events for the loop. A terminating one also starts a grace period: if the
/// loop is still busy when it ends (wrapping a huge page, say), the terminal is given back and
/// the process exits from here, so a quit signal always wins over work in progress.
pub(super) fn spawn_signal_thread(tx: Sender<Event>) -> io::Result<()> {
    let mut signals = Signals::new(TERMINATING.into_iter().chain([SIGTSTP, SIGCONT]))?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if TERMINATING.contains(&signal) {
                thread::spawn(move || {
                    thread::sleep(QUIT_GRACE);
                    restore();
                    std::process::exit(128 + signal);
                });
            }
            if tx.send(Event::Signal(signal)).is_err() {
                break;
            }
        }
    });
    Ok(())
}

/// Blocks for the next event; while a link number could still grow (`1` could still become
/// `10`), wakes at its deadline with a tick instead. `None` when every sender is gone.
pub(super) fn next_event(app: &App, rx: &Receiver<Event>) -> Option<Event> {
    let Some(deadline) = app.deadline() else {
        return rx.recv().ok();
    };
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(event) => Some(event),
        Err(RecvTimeoutError::Timeout) => Some(Event::Tick),
        Err(RecvTimeoutError::Disconnected) => None,
    }
}
