//! Reading ahead: the body of the article under the list's selection is read, parsed and
//! repaired on a thread of its own while the selection rests, so that `Enter` finds it among
//! the store's recent bodies instead of doing that work between the key and the frame (the
//! work that made `Enter` the one key over 2 ms while a corpus loads).

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::Event;
use crate::app::{App, Pane};
use crate::article::Article;
use crate::store::{ArticleId, Detached};

/// A body read ahead: which article, the fingerprint it was read at, the body.
pub struct ReadAhead {
    pub id: ArticleId,
    pub fingerprint: u64,
    pub body: Arc<Article>,
}

/// The thread that reads ahead, and what it was last asked.
pub struct Ahead {
    asks: Sender<(ArticleId, Detached)>,
    asked: Option<ArticleId>,
}

impl Ahead {
    /// Starts the thread; each body it reads comes back as an event.
    pub fn start(events: Sender<Event>) -> Ahead {
        let (asks, asked) = mpsc::channel();
        thread::spawn(move || read_ahead(&asked, &events));
        Ahead { asks, asked: None }
    }

    /// Asks for the selected article's body when the list has the focus, the selection moved
    /// to an article not asked for yet, and its body is not at hand already.
    pub fn look(&mut self, app: &App) {
        if app.focus() != Pane::List {
            return;
        }
        let Some(id) = app.row_id(app.selected()) else {
            return;
        };
        if self.asked == Some(id) || app.store().is_at_hand(id) {
            return;
        }
        self.asked = Some(id);
        let _ = self.asks.send((id, app.store().detached(id)));
    }
}

fn read_ahead(asked: &Receiver<(ArticleId, Detached)>, events: &Sender<Event>) {
    crate::ingest::yield_to_the_reader();
    while let Ok(mut ask) = asked.recv() {
        // Only the newest matters: a held `j` asks for every row it passes.
        while let Ok(newer) = asked.try_recv() {
            ask = newer;
        }
        let (id, detached) = ask;
        let read = ReadAhead {
            id,
            fingerprint: detached.fingerprint,
            body: detached.body(),
        };
        if events.send(Event::ReadAhead(read)).is_err() {
            return;
        }
    }
}
