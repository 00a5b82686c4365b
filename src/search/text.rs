//! What of an article is searched: its title, and a body made of the lead, the captions, the
//! repaired paragraphs and its "Voir plus" titles and summaries; and a fingerprint of both, so
//! an unchanged page is never indexed again.

use super::query::Query;
use crate::article::Article;

/// The text one page gives the index.
pub struct Indexed {
    pub title: String,
    pub body: String,
    pub fingerprint: u64,
}

/// The searched text of `article`, one part a line.
pub fn indexed(article: &Article) -> Indexed {
    let mut body = String::new();
    let mut push = |part: &str| {
        if !part.trim().is_empty() {
            body.push_str(part);
            body.push('\n');
        }
    };
    push(&article.lead);
    for photo in &article.photos {
        push(&photo.caption);
    }
    for paragraph in &article.paragraphs {
        push(paragraph);
    }
    for link in &article.related {
        push(&link.title);
        push(&link.summary);
    }
    let fingerprint = fnv1a(&[article.title.as_bytes(), b"\0", body.as_bytes()]);
    Indexed {
        title: article.title.clone(),
        body,
        fingerprint,
    }
}

/// How many times `query` matches in the searched text of `article`.
pub fn occurrences(query: &Query, article: &Article) -> usize {
    let mut n = query.matches(&article.title).len() + query.matches(&article.lead).len();
    n += article
        .photos
        .iter()
        .map(|p| query.matches(&p.caption).len())
        .sum::<usize>();
    n += article
        .paragraphs
        .iter()
        .map(|p| query.matches(p).len())
        .sum::<usize>();
    n + article
        .related
        .iter()
        .map(|l| query.matches(&l.title).len() + query.matches(&l.summary).len())
        .sum::<usize>()
}

/// FNV-1a, 64 bits: stable across runs, builds and Rust versions, unlike std's hasher, and
/// plenty to tell an edited page from its old copy.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_any_searched_text() {
        let mut page = Article::new("Laos");
        page.paragraphs = vec!["Un paragraphe.".into()];
        let before = indexed(&page).fingerprint;
        assert_eq!(indexed(&page.clone()).fingerprint, before);
        page.paragraphs[0].push('!');
        assert_ne!(indexed(&page).fingerprint, before);
        page.paragraphs[0].pop();
        page.title.push('s');
        assert_ne!(indexed(&page).fingerprint, before);
    }
}
