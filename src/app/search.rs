//! Search and the title filter in the reader: the `/` and `f` prompts, the list replaced by
//! their results (a chosen `ListView`), `Esc` giving the list and selection back, and `n`/`N`
//! walking the matches through the results. The index is not here: a query typed becomes a
//! request that the edge hands to the search worker (`Effect::Search`), and its answer comes
//! back through `answered`. Highlights are not stored: the reader derives them from `query()`.

use std::rc::Rc;

use super::list::ListView;
use super::prompt::{Edit, History, LineEditor, PromptKey};
use super::scroll::{set_top, shown};
use super::update::{Effect, open};
use super::{App, Pane};
use crate::search::{Answer, Query, Titles, occurrences};
use crate::store::ArticleId;
use crate::wrap::{Anchor, WrappedArticle};

/// Which prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: full-text search.
    Search,
    /// `f`: fuzzy title filter.
    Filter,
}

/// Results whose matches are counted one by one when they arrive; past these the count is
/// left out (a query that matches every page would otherwise read them all between two keys:
/// counting is a pass over each article's text, read again from its file when the store does
/// not hold it). Fewer than the store keeps recent bodies (32), so that the next key of the
/// same query mostly counts bodies already read.
const COUNTED: usize = 30;
/// Rows kept above a match the reader jumps to.
const ABOVE_MATCH: usize = 2;

/// What the list shows instead of every article.
#[derive(Debug, Clone)]
pub struct Results {
    pub kind: PromptKind,
    pub text: String,
    /// The parsed search (empty for the title filter).
    pub query: Rc<Query>,
    /// Matches in each listed article, by row (the first `COUNTED` rows).
    pub counts: Vec<usize>,
    /// Whether the index had every page when it answered.
    pub complete: bool,
}

impl Results {
    /// Matches counted over the listed articles (the first `COUNTED` of them).
    pub fn occurrences(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Whether some listed articles were not counted (there are more matches than said).
    pub fn capped(&self, listed: usize) -> bool {
        listed > self.counts.len()
    }
}

#[derive(Debug, Default)]
pub struct Search {
    prompt: Option<(PromptKind, LineEditor)>,
    search_history: History,
    filter_history: History,
    /// The list and its selection before results replaced them.
    saved: Option<(ListView, usize)>,
    results: Option<Results>,
    /// Number of the newest query asked; answers to older ones are dropped.
    asked: u64,
    /// Asked and not yet handed to the worker.
    request: Option<(u64, String)>,
    /// Titles folded for the filter, made on its first use and grown with the store.
    titles: Option<Titles>,
    /// The match `n` last went to: its article, the anchor of its row, its place in the row.
    at: Option<(ArticleId, Anchor, usize)>,
    /// The index could not be used: said instead of results.
    error: Option<String>,
}

impl Search {
    /// The prompt open, what it is for and its line.
    pub fn prompt(&self) -> Option<(PromptKind, &LineEditor)> {
        self.prompt.as_ref().map(|(kind, line)| (*kind, line))
    }

    pub fn results(&self) -> Option<&Results> {
        self.results.as_ref()
    }

    /// The search whose matches the reader highlights.
    pub fn query(&self) -> Option<&Query> {
        self.results
            .as_ref()
            .filter(|r| r.kind == PromptKind::Search)
            .map(|r| r.query.as_ref())
    }

    /// The filter text whose letters the list highlights.
    pub fn filter(&self) -> Option<&str> {
        self.results
            .as_ref()
            .filter(|r| r.kind == PromptKind::Filter)
            .map(|r| r.text.as_str())
    }

    /// A query for the worker, taken once.
    pub fn take_request(&mut self) -> Option<(u64, String)> {
        self.request.take()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    fn history(&self, kind: PromptKind) -> &History {
        match kind {
            PromptKind::Search => &self.search_history,
            PromptKind::Filter => &self.filter_history,
        }
    }
}

/// `/` or `f`: opens the prompt, with the text of the results shown if they are of its kind.
pub(super) fn open_prompt(app: &mut App, kind: PromptKind) -> bool {
    let text = app
        .search
        .results
        .as_ref()
        .filter(|r| r.kind == kind)
        .map_or("", |r| r.text.as_str());
    app.search.prompt = Some((kind, LineEditor::with_text(text)));
    if app.search.saved.is_none() {
        app.search.saved = Some((app.list.clone(), app.selected));
    }
    true
}

/// A key typed in the prompt.
pub(super) fn prompt_key(app: &mut App, key: PromptKey, effects: &mut Vec<Effect>) -> bool {
    let Some((kind, _)) = app.search.prompt() else {
        return false;
    };
    match key {
        PromptKey::Edit(edit) => edit_line(app, kind, edit, effects),
        PromptKey::Accept => accept(app, kind),
        PromptKey::Cancel => restore(app),
    }
}

fn edit_line(app: &mut App, kind: PromptKind, edit: Edit, effects: &mut Vec<Effect>) -> bool {
    let history = app.search.history(kind).clone();
    let Some((_, line)) = app.search.prompt.as_mut() else {
        return false;
    };
    if !line.apply(edit, &history) {
        return true;
    }
    let text = line.text().to_owned();
    if text.trim().is_empty() {
        show_saved(app);
        return true;
    }
    match kind {
        PromptKind::Search => {
            app.search.asked += 1;
            app.search.request = Some((app.search.asked, text));
            effects.push(Effect::Search);
        }
        PromptKind::Filter => filter(app, &text),
    }
    true
}

/// The list as it was before the prompt, the prompt still open (its line was emptied).
fn show_saved(app: &mut App) {
    if let Some((list, selected)) = app.search.saved.clone() {
        app.list = list;
        app.list.refresh(&app.store);
        app.selected = selected;
    }
    app.search.results = None;
    app.search.asked += 1;
}

/// The titles matching `text` fuzzily, best first, become the list.
fn filter(app: &mut App, text: &str) {
    let store = &app.store;
    let titles = app
        .search
        .titles
        .get_or_insert_with(|| Titles::new(std::iter::empty()));
    let known = titles.len();
    titles.extend(
        store
            .ids()
            .skip(known)
            .map(|id| store.article(id).title.as_str()),
    );
    let ids: Vec<ArticleId> = titles
        .rank(text)
        .into_iter()
        .map(|m| ArticleId(m.index as u32))
        .collect();
    show(app, ids, PromptKind::Filter, text, Query::default(), true);
}

/// An answer from the search worker: shown when it answers the newest query asked.
pub fn answered(app: &mut App, answer: Answer) -> bool {
    if answer.asked != app.search.asked || app.search.saved.is_none() {
        return false;
    }
    app.search.error = answer.error;
    let ids: Vec<ArticleId> = answer
        .hits
        .iter()
        .filter_map(|hit| app.store.find_key(&hit.key))
        .collect();
    let query = Query::parse(&answer.text);
    // The same query answered again as the index grows: the reader keeps its place.
    let again = app
        .search
        .results
        .as_ref()
        .is_some_and(|r| r.text == answer.text);
    let (kept, at) = (app.list.id(app.selected), app.search.at);
    show(
        app,
        ids,
        PromptKind::Search,
        &answer.text,
        query,
        answer.complete,
    );
    if again {
        if let Some(row) = kept.and_then(|id| app.list.row_of(id)) {
            app.selected = row;
        }
        app.search.at = at;
    }
    true
}

fn show(
    app: &mut App,
    ids: Vec<ArticleId>,
    kind: PromptKind,
    text: &str,
    query: Query,
    complete: bool,
) {
    app.list = ListView::chosen(&app.store, ids);
    let counts = app
        .list
        .ids()
        .iter()
        .take(COUNTED)
        .map(|&id| occurrences(&query, &app.store.body(id)))
        .collect();
    app.search.results = Some(Results {
        kind,
        text: text.to_owned(),
        query: Rc::new(query),
        counts,
        complete,
    });
    app.selected = 0;
    app.list_top = 0;
    app.search.at = None;
}

/// `Enter`: the prompt closes on its results; the first is opened at its first match.
fn accept(app: &mut App, kind: PromptKind) -> bool {
    if let Some((_, line)) = app.search.prompt.take() {
        match kind {
            PromptKind::Search => app.search.search_history.push(line.text()),
            PromptKind::Filter => app.search.filter_history.push(line.text()),
        }
    }
    if app.search.results.is_none() {
        return restore(app);
    }
    let Some(id) = app.list.id(app.selected) else {
        return true;
    };
    open(app, id);
    if kind == PromptKind::Search {
        next_match(app, 1);
    }
    true
}

/// `Esc`: the full list and the selection from before, the prompt closed. False when there
/// was nothing to restore.
pub(super) fn restore(app: &mut App) -> bool {
    let had_prompt = app.search.prompt.take().is_some();
    let Some((list, selected)) = app.search.saved.take() else {
        return had_prompt;
    };
    app.list = list;
    app.list.refresh(&app.store);
    app.selected = selected;
    app.search.results = None;
    app.search.at = None;
    app.search.asked += 1;
    true
}

/// The rows of `wrapped` where `query` matches, with how many matches each holds.
fn match_rows(wrapped: &WrappedArticle, query: &Query) -> Vec<(usize, usize)> {
    wrapped
        .lines
        .iter()
        .enumerate()
        .map(|(row, line)| (row, query.matches(&line.text).len()))
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// `n` (`step` 1) or `N` (-1): the next or previous match in the open article, past its last
/// the first of the next result (or before its first, the last of the previous one).
pub(super) fn next_match(app: &mut App, step: isize) -> bool {
    let Some(query) = app.search.results.as_ref().map(|r| Rc::clone(&r.query)) else {
        return false;
    };
    if query.is_empty() {
        return false;
    }
    if app.panes().text.is_empty() {
        super::update::focus(app, Pane::Reader);
    }
    let results = app.list.len();
    for _ in 0..=results {
        let Some((wrapped, height)) = shown(app) else {
            return false;
        };
        let rows = match_rows(&wrapped, &query);
        let here = place(app, &wrapped);
        let target = if step > 0 {
            rows.iter()
                .flat_map(|&(row, n)| (0..n).map(move |i| (row, i)))
                .find(|&p| here.is_none_or(|h| p > h))
        } else {
            rows.iter()
                .rev()
                .flat_map(|&(row, n)| (0..n).rev().map(move |i| (row, i)))
                .find(|&p| here.is_none_or(|h| p < h))
        };
        if let Some((row, i)) = target {
            app.search.at = Some((wrapped.id, wrapped.lines[row].anchor, i));
            let top = app.scroll();
            if row < top || row >= top + height {
                set_top(app, &wrapped, height, row.saturating_sub(ABOVE_MATCH));
            }
            return true;
        }
        if !open_neighbour(app, wrapped.id, step) {
            return true;
        }
    }
    true
}

/// Where `n` counts from in the open article: the match it last went to, else (`None`) the
/// start — or, for `N`, the end.
fn place(app: &App, wrapped: &WrappedArticle) -> Option<(usize, usize)> {
    let (id, anchor, i) = app.search.at?;
    (id == wrapped.id).then(|| (wrapped.row_of(anchor), i))
}

/// Opens the result after (or before) `id`, its matches counted from its start (or end).
fn open_neighbour(app: &mut App, id: ArticleId, step: isize) -> bool {
    let Some(row) = app.list.row_of(id) else {
        return false;
    };
    let next = row as isize + step;
    let Some(next) = usize::try_from(next).ok().and_then(|r| app.list.id(r)) else {
        app.message = Some(if step > 0 {
            crate::strings::Message::LastArticle
        } else {
            crate::strings::Message::FirstArticle
        });
        return false;
    };
    open(app, next);
    app.search.at = None;
    true
}
