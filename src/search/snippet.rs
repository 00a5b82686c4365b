//! A few words around a page's best match, for `liseuse search`: the text (made inert) and the
//! places of the matches in it.

use std::ops::Range;

use super::query::Query;
use crate::article::Article;
use crate::inert::inert;

/// Characters of context on each side of the first match.
const CONTEXT: usize = 70;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Inert text: no control character, nothing the terminal would act on.
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub marks: Vec<Range<usize>>,
}

/// The part of the page (lead, caption, paragraph, "Voir plus" entry) with the most matches, cut
/// to a window around its first one; the title when nothing else matches.
pub fn snippet(query: &Query, article: &Article) -> Snippet {
    let parts = std::iter::once(article.lead.as_str())
        .chain(article.photos.iter().map(|p| p.caption.as_str()))
        .chain(article.paragraphs.iter().map(String::as_str))
        .chain(
            article
                .related
                .iter()
                .flat_map(|l| [l.title.as_str(), l.summary.as_str()]),
        );
    let best = parts
        .map(|part| {
            let safe = inert(part).into_owned();
            let marks = query.matches(&safe);
            (safe, marks)
        })
        .filter(|(_, marks)| !marks.is_empty())
        .max_by_key(|(_, marks)| marks.len());
    let (text, marks) = best.unwrap_or_else(|| {
        let safe = inert(&article.title).into_owned();
        let marks = query.matches(&safe);
        (safe, marks)
    });
    window(&text, &marks)
}

/// `text` cut to about `CONTEXT` characters each side of its first mark, at spaces, with `…`
/// where it was cut.
fn window(text: &str, marks: &[Range<usize>]) -> Snippet {
    let Some(first) = marks.first() else {
        return Snippet {
            text: cut_end(text, 0, 2 * CONTEXT),
            marks: Vec::new(),
        };
    };
    let start = back_chars(text, first.start, CONTEXT);
    let start = if start == 0 {
        0
    } else {
        text[start..first.start]
            .find(' ')
            .map_or(start, |s| start + s + 1)
    };
    let prefix = if start > 0 { "…" } else { "" };
    let body = cut_end(text, start, first.end - start + CONTEXT);
    let shift = |at: usize| at - start + prefix.len();
    let kept = start + body.trim_end_matches('…').len();
    Snippet {
        marks: marks
            .iter()
            .filter(|m| m.end <= kept)
            .map(|m| shift(m.start)..shift(m.end))
            .collect(),
        text: format!("{prefix}{body}"),
    }
}

/// The byte where `chars` characters before `at` start.
fn back_chars(text: &str, at: usize, chars: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// `text` from byte `start`, cut at a space after about `chars` characters, `…` added if cut.
fn cut_end(text: &str, start: usize, chars: usize) -> String {
    let rest = &text[start..];
    match rest.char_indices().nth(chars) {
        None => rest.to_owned(),
        Some((end, _)) => {
            let end = rest[..end].rfind(' ').filter(|&s| s > 0).unwrap_or(end);
            format!("{}…", rest[..end].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_cut_around_the_match_and_marks_it() {
        let mut page = Article::new("Titre");
        page.paragraphs = vec![format!(
            "{}le Laos et le Vietnam{}",
            "mot ".repeat(40),
            " fin".repeat(40)
        )];
        let s = snippet(&Query::parse("laos"), &page);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(
            s.marks
                .iter()
                .map(|m| &s.text[m.clone()])
                .collect::<Vec<_>>(),
            ["Laos"]
        );
    }
}
