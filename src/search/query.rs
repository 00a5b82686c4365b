//! What a typed query means, and where it matches in a text. `laos hanoi` wants both words
//! (AND); `"une relation spéciale"` wants the words in that order; `-chine` wants pages without
//! the word; the last word, while it is being typed (no space after it yet), matches as a prefix.
//! A word that folds to several (`l'occasion`, `vice-ministre`) is a phrase of them. The same
//! `Query` drives the index (`index.rs`) and the highlights, so both find the same places.

use std::ops::Range;

use super::words::{Word, folded_words, words};

/// One condition of a query: these folded words, one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub terms: Vec<String>,
    /// The last term matches any word it starts.
    pub prefix: bool,
    /// Pages where the clause matches are left out.
    pub exclude: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

impl Query {
    /// Reads a query as typed.
    pub fn parse(text: &str) -> Query {
        let typing = !text.ends_with(char::is_whitespace);
        let mut clauses = Vec::new();
        let mut rest = text;
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let exclude = rest.starts_with('-');
            if exclude {
                rest = &rest[1..];
            }
            let (part, closed, after) = if let Some(quoted) = rest.strip_prefix('"') {
                match quoted.find('"') {
                    Some(end) => (&quoted[..end], true, &quoted[end + 1..]),
                    None => (quoted, false, ""),
                }
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], false, &rest[end..])
            };
            rest = after;
            let terms = folded_words(part);
            if !terms.is_empty() {
                let last = rest.trim().is_empty();
                clauses.push(Clause {
                    terms,
                    prefix: last && typing && !closed && !exclude,
                    exclude,
                });
            }
        }
        Query { clauses }
    }

    /// Whether the query asks for anything: a query of exclusions alone finds nothing.
    pub fn is_empty(&self) -> bool {
        self.clauses.iter().all(|c| c.exclude)
    }

    /// The clauses a page must match.
    pub fn wanted(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.exclude)
    }

    /// Byte ranges of `text` where a wanted clause matches, in order, overlaps merged.
    pub fn matches(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let words = words(text);
        let mut found: Vec<Range<usize>> = self
            .wanted()
            .flat_map(|clause| clause.places(&words))
            .collect();
        found.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for range in found {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

impl Clause {
    /// Where the clause matches among `words`: from its first word's start to its last's end.
    fn places<'a>(&'a self, words: &'a [Word]) -> impl Iterator<Item = Range<usize>> + 'a {
        let n = self.terms.len();
        (0..words.len().saturating_sub(n - 1)).filter_map(move |at| {
            let run = &words[at..at + n];
            let hit = run.iter().zip(&self.terms).enumerate().all(|(i, (w, t))| {
                if self.prefix && i + 1 == n {
                    w.folded.starts_with(t.as_str())
                } else {
                    w.folded == *t
                }
            });
            hit.then(|| run[0].range.start..run[n - 1].range.end)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(terms: &[&str], prefix: bool, exclude: bool) -> Clause {
        Clause {
            terms: terms.iter().map(|t| t.to_string()).collect(),
            prefix,
            exclude,
        }
    }

    #[test]
    fn words_phrases_exclusions_and_the_prefix_being_typed() {
        let q = Query::parse("Laos \"relation spéciale\" -Chine l’occ");
        assert_eq!(
            q.clauses,
            [
                clause(&["laos"], false, false),
                clause(&["relation", "speciale"], false, false),
                clause(&["chine"], false, true),
                clause(&["l", "occ"], true, false),
            ]
        );
        assert!(!Query::parse("laos ").clauses[0].prefix);
        assert!(Query::parse("-laos").is_empty());
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn matches_are_byte_ranges_of_the_original_text() {
        let text = "Le Laos et l’occasion, à Hanoï.";
        let q = Query::parse("hanoi l'occasion laos");
        let got: Vec<&str> = q.matches(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["Laos", "l’occasion", "Hanoï"]);
    }
}
