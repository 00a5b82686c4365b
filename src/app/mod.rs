//! The reader's state: one `App` owning the store, the focus, the list selection, the open
//! article and its history. It changes only in `update`; everything here reads or derives.
//! Nothing in `app` knows the terminal beyond turning key and mouse events into `Action`s.

pub mod action;
pub mod geometry;
pub mod history;
pub mod keymap;
pub mod reader;
pub mod update;

use std::time::Instant;

use ratatui::layout::Rect;

pub use action::{Action, DIGIT_PAUSE, Motion};
pub use update::{add_pages, update};

use crate::diagnostic::Diagnostic;
use crate::store::{ArticleId, Store};
use crate::wrap::{self, WrappedArticle};
use geometry::Panes;
use history::{History, Visit};
use reader::Reader;

/// The two panes that can have the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
}

/// How the reader starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The article to open first (the list gets the keyboard when there is none).
    pub open: Option<ArticleId>,
    /// Widest text column in the reading pane, in cells.
    pub measure: u16,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            open: None,
            measure: 80,
        }
    }
}

/// A link number being typed: its digits so far and when the last one came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingLink {
    pub number: usize,
    pub since: Instant,
}

#[derive(Debug)]
pub struct App {
    store: Store,
    measure: u16,
    color: bool,
    /// Everything on screen that the app holds itself (the article view, history and store
    /// hold the rest): `update` compares it before and after an action to know whether to redraw.
    screen: Screen,
    reader: Reader,
    history: History,
    /// Problems reported by batches added while running.
    diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq)]
struct Screen {
    /// Terminal columns and rows.
    size: (u16, u16),
    focus: Pane,
    /// Whether the user wants the list beside the reader (wide screens).
    list_open: bool,
    help_open: bool,
    /// First row of the help shown (it may be taller than the screen).
    help_top: usize,
    /// Index of the selected row; rows are the store's ids in order.
    selected: usize,
    /// First row of the list window: kept by `update` so the window moves only when the
    /// selection would leave it.
    list_top: usize,
    pending: Option<PendingLink>,
    /// A one-off remark for the status bar ("Pas de lien 12"), cleared by the next key.
    message: Option<String>,
    quit: bool,
}

impl App {
    /// Opens `options.open`, or shows the first article with the keyboard on the list.
    /// Colours are off when `NO_COLOR` is set (read here once, so drawing stays pure).
    pub fn new(store: Store, options: Options, size: (u16, u16)) -> App {
        let open = options.open.filter(|id| id.index() < store.len());
        let shown = open.or_else(|| store.ids().next());
        let mut app = App {
            store,
            measure: options.measure.max(1),
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            screen: Screen {
                size,
                focus: if open.is_some() {
                    Pane::Reader
                } else {
                    Pane::List
                },
                list_open: true,
                help_open: false,
                help_top: 0,
                selected: shown.map_or(0, ArticleId::index),
                list_top: 0,
                pending: None,
                message: None,
                quit: false,
            },
            reader: Reader::showing(shown.map(Visit::new)),
            history: History::default(),
            diagnostics: Vec::new(),
        };
        update::sync(&mut app);
        app
    }

    /// Forces colours on or off whatever `NO_COLOR` says (tests want the same frames everywhere).
    pub fn with_color(mut self, color: bool) -> App {
        self.color = color;
        self
    }

    pub fn should_quit(&self) -> bool {
        self.screen.quit
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn size(&self) -> (u16, u16) {
        self.screen.size
    }

    pub fn color(&self) -> bool {
        self.color
    }

    pub fn focus(&self) -> Pane {
        self.screen.focus
    }

    pub fn help_open(&self) -> bool {
        self.screen.help_open
    }

    pub fn help_top(&self) -> usize {
        self.screen.help_top
    }

    /// The panes for the app's own idea of the terminal size.
    pub fn panes(&self) -> Panes {
        self.panes_in(Rect::new(0, 0, self.screen.size.0, self.screen.size.1))
    }

    /// The panes for an area (the frame being drawn, which may lag a resize by one event).
    pub fn panes_in(&self, area: Rect) -> Panes {
        geometry::panes(area, self.screen.list_open, self.screen.focus, self.measure)
    }

    /// The article on list row `index`. Rows follow the store's order, which only grows at
    /// the end, so a row keeps its article as batches arrive.
    pub fn row_id(&self, index: usize) -> Option<ArticleId> {
        (index < self.store.len()).then_some(ArticleId(index as u32))
    }

    /// The list row of an article.
    pub fn row_of(&self, id: ArticleId) -> usize {
        id.index()
    }

    /// Index of the selected list row (0 when the list is empty).
    pub fn selected(&self) -> usize {
        self.screen.selected
    }

    pub fn list_top(&self) -> usize {
        self.screen.list_top
    }

    /// The open article, its scroll row and highlighted link.
    pub fn view(&self) -> Option<Visit> {
        self.reader.view()
    }

    pub fn current(&self) -> Option<ArticleId> {
        self.view().map(|v| v.id)
    }

    /// The open article wrapped for the current text column, once `update` has wrapped it.
    /// Whether paragraphs are shown as scraped rather than repaired.
    pub fn raw(&self) -> bool {
        self.reader.raw()
    }

    pub fn wrapped(&self) -> Option<&WrappedArticle> {
        self.reader.wrapped(self.panes().text.width)
    }

    /// Where the open article's links lead, numbered on screen from 1 in this order.
    pub fn links(&self) -> Vec<ArticleId> {
        self.current()
            .map(|id| wrap::links(&self.store, id).collect())
            .unwrap_or_default()
    }

    pub fn link_count(&self) -> usize {
        self.current().map_or(0, |id| {
            self.store.targets(id).len() + self.store.cited_by(id).len()
        })
    }

    /// Steps back and forward the history allows.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.history.depth(), self.history.ahead())
    }

    pub fn pending_link(&self) -> Option<PendingLink> {
        self.screen.pending
    }

    /// When the event loop should send `Action::Tick` if no key comes first: a half-typed
    /// link number is followed then.
    pub fn deadline(&self) -> Option<Instant> {
        self.screen.pending.map(|p| p.since + DIGIT_PAUSE)
    }

    pub fn message(&self) -> Option<&str> {
        self.screen.message.as_deref()
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}
