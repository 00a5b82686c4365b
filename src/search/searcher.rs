//! Searching the index: a query compiled to tantivy's (every clause in the title, weighted, or
//! the body; a prefix while typing), run over what is committed, from any thread. Pages come
//! back by key, equal scores in key order.

use tantivy::IndexReader;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query as TantivyQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use super::index::{Fields, SearchError};
use super::query::{Clause, Query};

/// Title matches count this much more than body matches.
const TITLE_BOOST: f32 = 3.0;
/// Words a prefix may stand for: enough for a word being typed, bounded for one letter.
const PREFIX_EXPANSIONS: u32 = 200;

/// One page found: its key and how well it matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub key: String,
    pub score: f32,
}

/// Searches an index's committed pages; cheap to clone and to send to another thread.
#[derive(Clone)]
pub struct Searcher {
    reader: IndexReader,
    fields: Fields,
}

impl Searcher {
    pub(super) fn new(reader: IndexReader, fields: Fields) -> Searcher {
        Searcher { reader, fields }
    }

    /// Sees what was committed since.
    pub fn reload(&self) -> Result<(), SearchError> {
        Ok(self.reader.reload()?)
    }

    /// Pages indexed and committed.
    pub fn pages(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The pages matching `query`, best first, at most `limit`, with how many match in all.
    pub fn search(&self, query: &Query, limit: usize) -> Result<(Vec<Hit>, usize), SearchError> {
        if query.is_empty() || limit == 0 {
            return Ok((Vec::new(), 0));
        }
        let searcher = self.reader.searcher();
        let tantivy_query = self.compile(query);
        let (top, count) = searcher.search(
            &tantivy_query,
            &(TopDocs::with_limit(limit).order_by_score(), Count),
        )?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let stored: TantivyDocument = searcher.doc(address)?;
            if let Some(key) = stored.get_first(self.fields.key).and_then(|v| v.as_str()) {
                hits.push(Hit {
                    key: key.to_owned(),
                    score,
                });
            }
        }
        // Equal scores in the order of their keys: which segment (so which indexing thread) a
        // page went to must not decide the ranking.
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
        Ok((hits, count))
    }

    /// Every clause must match in the title or the body, none excluded may.
    fn compile(&self, query: &Query) -> BooleanQuery {
        let clauses = query
            .clauses
            .iter()
            .map(|clause| {
                let either = BooleanQuery::new(vec![
                    (
                        Occur::Should,
                        Box::new(BoostQuery::new(
                            clause_query(self.fields.title, clause),
                            TITLE_BOOST,
                        )) as Box<dyn TantivyQuery>,
                    ),
                    (Occur::Should, clause_query(self.fields.body, clause)),
                ]);
                let occur = if clause.exclude {
                    Occur::MustNot
                } else {
                    Occur::Must
                };
                (occur, Box::new(either) as Box<dyn TantivyQuery>)
            })
            .collect();
        BooleanQuery::new(clauses)
    }
}

/// One clause on one field: a word, a phrase, a prefix, or a phrase ending in one. A prefix
/// also scores its whole word, so `laos` typed in full ranks by BM25 like any word.
fn clause_query(field: Field, clause: &Clause) -> Box<dyn TantivyQuery> {
    let terms: Vec<Term> = clause
        .terms
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    let exact: Box<dyn TantivyQuery> = if terms.len() == 1 {
        Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        ))
    } else {
        Box::new(PhraseQuery::new(terms.clone()))
    };
    if !clause.prefix {
        return exact;
    }
    let mut prefix = PhrasePrefixQuery::new(terms);
    prefix.set_max_expansions(PREFIX_EXPANSIONS);
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, exact),
        (Occur::Should, Box::new(prefix)),
    ]))
}
