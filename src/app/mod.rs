//! The reader's state: one `App` owning the store, the mode, the list view and its selection,
//! the open article and its history. It changes only in `update`; everything here reads or
//! derives. Nothing in `app` knows the terminal beyond turning key and mouse events into
//! `Action`s, and what `update` wants done at the edge comes back as `Effect`s.

pub mod action;
mod bindings;
mod digits;
pub mod geometry;
pub mod help;
pub mod history;
mod key;
pub mod keymap;
pub mod list;
pub mod marks;
pub mod prompt;
pub mod reader;
mod reading;
mod scroll;
pub mod search;
pub mod update;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use ratatui::layout::Rect;

pub use action::{Action, DIGIT_PAUSE, Motion, Remark};
pub use keymap::{Keymap, Mode};
pub use update::{Copied, Effect, Outcome, add_batch, add_pages, is_keystroke, report, update};

use crate::article::Article;
use crate::diagnostic::Diagnostic;
use crate::document;
use crate::state::{Mark, Saved};
use crate::store::{ArticleId, Store};
use crate::strings::{Lang, Message};
use crate::ui::theme::Theme;
use crate::wrap::WrappedArticle;
use geometry::Panes;
use help::HelpLayout;
use history::{History, Visit};
use list::ListView;
use marks::Marks;
use reader::Reader;

/// The two panes that can have the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
}

/// What covers the panes and takes the keyboard from them (a prompt will be another).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help popup, scrolled to this row.
    Help { top: usize },
}

/// How the reader starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The article to open first (the list gets the keyboard when there is none).
    pub open: Option<ArticleId>,
    /// Widest text column in the reading pane, in cells.
    pub measure: u16,
    /// The interface language (page text is shown as it is).
    pub lang: Lang,
    /// How far the corpus has loaded, when the rest arrives in batches.
    pub loading: Option<Progress>,
    /// The keys in force: the defaults with the configuration's changes.
    pub keymap: Keymap,
    /// The named styles drawn with.
    pub theme: Theme,
    /// Whether colour is wanted: `Auto` asks `NO_COLOR`.
    pub color: ColorChoice,
    /// Whether the reader takes the mouse (off: the terminal's own text selection works).
    pub mouse: bool,
    /// Columns of the list beside the reader; `None`: a third of the screen.
    pub list_width: Option<u16>,
    /// The reading state saved by earlier runs: marks, and the session restored when
    /// `open` is not given.
    pub saved: Saved,
}

/// `--color`: colour unless `NO_COLOR` says otherwise, always, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to draw in colour, `no_color` being the value of `NO_COLOR`.
    pub fn resolve(self, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// How much of a corpus loading in the background has arrived: files read of all found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Pages arriving from a background load, with what the load reported meanwhile.
#[derive(Debug, Default)]
pub struct Batch {
    pub pages: Vec<Article>,
    /// Pages known by their cards (bodies read again when opened).
    pub cards: Vec<crate::card::Card>,
    /// Files of a live folder added, changed or removed.
    pub changes: Vec<crate::store::Change>,
    pub diagnostics: Vec<Diagnostic>,
    pub progress: Option<Progress>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            open: None,
            measure: 80,
            lang: Lang::Fr,
            loading: None,
            keymap: Keymap::default(),
            theme: Theme::default(),
            color: ColorChoice::Auto,
            mouse: true,
            list_width: None,
            saved: Saved::default(),
        }
    }
}

/// A link number being typed: its digits so far, when the last one came, and the article whose
/// links it counts (the first digit has already opened its link).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingLink {
    pub number: usize,
    pub since: Instant,
    pub origin: ArticleId,
}

#[derive(Debug)]
pub struct App {
    store: Store,
    measure: u16,
    /// The theme, its colours already dropped when colour is off.
    theme: Theme,
    keymap: Keymap,
    mouse: bool,
    list_width: Option<u16>,
    lang: Lang,
    /// Terminal columns and rows, as the terminal claims them (drawn: at most `MAX_SIZE`).
    screen: (u16, u16),
    focus: Pane,
    /// Whether the user wants the list beside the reader (wide screens).
    list_open: bool,
    overlay: Option<Overlay>,
    list: ListView,
    /// Row of the selected article in the list view.
    selected: usize,
    /// First row of the list window: kept by `update` so the window moves only when the
    /// selection would leave it.
    list_top: usize,
    pending: Option<PendingLink>,
    /// A one-off remark for the status bar, cleared by the next key.
    message: Option<Message>,
    reader: Reader,
    history: History,
    /// Read marks and stars, with their undo steps and the changes waiting to be saved.
    marks: Marks,
    /// The list is the starred-only view.
    starred_only: bool,
    /// The saved session, while its article has not arrived yet (the corpus loading in the
    /// background) and nothing was typed: it is restored as soon as its article is loaded.
    awaited: Option<crate::state::Session>,
    /// Problems reported by batches added while running.
    diagnostics: Vec<Diagnostic>,
    /// The background load, while it is not finished.
    loading: Option<Progress>,
    /// The `/` and `f` prompts and the results they put in the list.
    search: search::Search,
    /// The help laid out for the last area asked: a memo, not state (see `help_layout`).
    help_memo: RefCell<Option<Rc<HelpLayout>>>,
}

impl App {
    /// Opens `options.open`, or the saved session's article at its place with its history,
    /// or shows the first article with the keyboard on the list. Colours follow
    /// `options.color` (`NO_COLOR` is read here once, so drawing stays pure).
    pub fn new(store: Store, options: Options, size: (u16, u16)) -> App {
        let list = ListView::all(&store);
        let mut marks = Marks::new(options.saved.marks);
        marks.attach(&store);
        let open = options.open.filter(|&id| list.row_of(id).is_some());
        let restored = match (open, &options.saved.session) {
            (None, Some(session)) => Marks::restore(&store, session),
            _ => None,
        };
        let reading = open.is_some() || restored.is_some();
        let awaited = match (open, &restored, &options.loading) {
            (None, None, Some(_)) => options.saved.session.clone(),
            _ => None,
        };
        let (view, history) = match (open, restored) {
            (Some(id), _) => (Some(Visit::new(id)), History::default()),
            (None, Some((visit, history))) => (Some(visit), history),
            (None, None) => (list.id(0).map(Visit::new), History::default()),
        };
        let shown = view.map(|v| v.id);
        let mut app = App {
            measure: options.measure.max(1),
            theme: options.theme.colored(
                options
                    .color
                    .resolve(std::env::var_os("NO_COLOR").as_deref()),
            ),
            keymap: options.keymap,
            mouse: options.mouse,
            list_width: options.list_width,
            lang: options.lang,
            screen: size,
            focus: if reading { Pane::Reader } else { Pane::List },
            list_open: true,
            overlay: None,
            selected: shown.and_then(|id| list.row_of(id)).unwrap_or(0),
            list,
            list_top: 0,
            pending: None,
            message: None,
            reader: Reader::showing(view),
            history,
            marks,
            starred_only: false,
            awaited,
            diagnostics: Vec::new(),
            search: search::Search::default(),
            help_memo: RefCell::new(None),
            loading: options.loading.filter(|p| p.done < p.total),
            store,
        };
        update::sync(&mut app);
        if let Some(visit) = app.reader.view.filter(|_| reading) {
            app.marks.opened(&app.store, visit.id);
            let link = visit.link.filter(|&n| n < app.link_count());
            app.reader.view = Some(Visit { link, ..visit });
        }
        app
    }

    /// Forces colours on or off whatever `NO_COLOR` says (tests want the same frames everywhere).
    pub fn with_color(mut self, color: bool) -> App {
        self.theme = self.theme.colored(color);
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The screen drawn: the terminal's size, bounded.
    pub fn size(&self) -> (u16, u16) {
        geometry::bounded(self.screen)
    }

    /// Whether the terminal is larger than what is drawn of it.
    pub fn screen_cut(&self) -> bool {
        self.size() != self.screen
    }

    pub fn color(&self) -> bool {
        self.theme.has_color()
    }

    pub fn theme(&self) -> Theme {
        self.theme
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Whether the reader takes mouse reports from the terminal.
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// Widest text column in the reading pane.
    pub fn measure(&self) -> u16 {
        self.measure
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// Which keys apply: an overlay takes the keyboard, otherwise the focused pane does.
    pub fn mode(&self) -> Mode {
        if self.search.prompt().is_some() {
            return Mode::Prompt;
        }
        match (self.overlay, self.focus) {
            (Some(Overlay::Help { .. }), _) => Mode::Help,
            (None, Pane::List) => Mode::List,
            (None, Pane::Reader) => Mode::Reader,
        }
    }

    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help { .. }))
    }

    /// The help laid out in `area`, laid out again only when the area changes: `update` asks
    /// for it on every key while the help is open, and the frame once more.
    pub fn help_layout(&self, area: Rect) -> Rc<HelpLayout> {
        let mut memo = self.help_memo.borrow_mut();
        match memo.as_ref() {
            Some(layout) if layout.area == area => Rc::clone(layout),
            _ => {
                let layout = Rc::new(help::layout(area, self.lang, &self.keymap));
                *memo = Some(Rc::clone(&layout));
                layout
            }
        }
    }

    /// First row of the help shown.
    pub fn help_top(&self) -> usize {
        match self.overlay {
            Some(Overlay::Help { top }) => top,
            None => 0,
        }
    }

    /// The whole screen, as the app knows its size.
    pub fn area(&self) -> Rect {
        let (cols, rows) = self.size();
        Rect::new(0, 0, cols, rows)
    }

    /// The panes for the app's own idea of the terminal size.
    pub fn panes(&self) -> Panes {
        self.panes_in(self.area())
    }

    /// The panes for an area (the frame being drawn, which may lag a resize by one event).
    pub fn panes_in(&self, area: Rect) -> Panes {
        geometry::panes(
            area,
            self.list_open,
            self.focus,
            (self.measure, self.list_width),
        )
    }

    pub fn list(&self) -> &ListView {
        &self.list
    }

    /// The article on list row `row`.
    pub fn row_id(&self, row: usize) -> Option<ArticleId> {
        self.list.id(row)
    }

    /// The list row of an article, if the list shows it.
    pub fn row_of(&self, id: ArticleId) -> Option<usize> {
        self.list.row_of(id)
    }

    /// Row of the selected article in the list (0 when the list is empty).
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn list_top(&self) -> usize {
        self.list_top
    }

    /// The open article, its anchor and highlighted link.
    pub fn view(&self) -> Option<Visit> {
        self.reader.view()
    }

    pub fn current(&self) -> Option<ArticleId> {
        self.view().map(|v| v.id)
    }

    /// Whether paragraphs are shown as scraped rather than repaired.
    pub fn raw(&self) -> bool {
        self.reader.raw()
    }

    /// The open article wrapped for the current text column (wrapped now if it was not yet),
    /// when the reading pane is on screen.
    pub fn wrapped(&self) -> Option<Rc<WrappedArticle>> {
        let text = self.panes().text;
        if text.is_empty() {
            return None;
        }
        self.reader.wrapped(&self.store, text.width, self.lang)
    }

    /// The first row of the open article on screen, derived from its anchor.
    pub fn scroll(&self) -> usize {
        let height = usize::from(self.panes().text.height);
        match (self.view(), self.wrapped()) {
            (Some(view), Some(wrapped)) => reader::top_row(&view, &wrapped, height),
            _ => 0,
        }
    }

    /// How many links the open article has (numbered from 1 on screen).
    pub fn link_count(&self) -> usize {
        self.current()
            .map_or(0, |id| document::link_count(&self.store, id))
    }

    /// Where link `n` (from 0) of the open article leads.
    pub fn link_target(&self, n: usize) -> Option<ArticleId> {
        document::link_target(&self.store, self.current()?, n)
    }

    /// Steps back and forward the history allows.
    pub fn history_depth(&self) -> (usize, usize) {
        (self.history.depth(), self.history.ahead())
    }

    pub fn pending_link(&self) -> Option<PendingLink> {
        self.pending
    }

    /// When the event loop should send `Action::Tick` if no key comes first: a link number
    /// that could still grow stops waiting then.
    pub fn deadline(&self) -> Option<Instant> {
        self.pending.map(|p| p.since + DIGIT_PAUSE)
    }

    pub fn message(&self) -> Option<Message> {
        self.message.clone()
    }

    /// How far a background load has come, while it goes on.
    pub fn loading(&self) -> Option<Progress> {
        self.loading
    }

    /// An article's read mark and star.
    pub fn mark(&self, id: ArticleId) -> Mark {
        self.marks.mark(id)
    }

    /// Articles of the store not read yet.
    pub fn unread(&self) -> usize {
        self.marks.unread()
    }

    /// Whether the list shows only starred articles.
    pub fn starred_only(&self) -> bool {
        self.starred_only
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The search and filter state: prompt, results, the query the reader highlights.
    pub fn search(&self) -> &search::Search {
        &self.search
    }

    /// The query the search worker should run next, taken once (after `Effect::Search`).
    pub fn take_search_request(&mut self) -> Option<(u64, String)> {
        self.search.take_request()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn a_burst_of_resizes_is_wrapped_once_at_the_last_size() {
        let mut page = Article::new("Une longue page");
        page.paragraphs = vec!["Un mot puis un autre. ".repeat(2000)];
        let store = Store::from_pages(vec![page]).0;
        let options = Options {
            open: Some(ArticleId(0)),
            ..Options::default()
        };
        let mut app = App::new(store, options, (120, 40));
        app.wrapped();
        for cols in 60..100 {
            update(&mut app, Action::Resize(cols, 30));
        }
        assert_eq!(app.reader.cached(), 1, "nothing wrapped during the burst");
        let wrapped = app.wrapped().unwrap();
        assert_eq!(wrapped.width, app.panes().text.width);
        assert_eq!(app.reader.cached(), 2, "one wrap, at the last size");
    }
}
