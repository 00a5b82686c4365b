//! What follows the sign-off when no header does: old pages print their related titles and
//! summaries straight after `-VNA`. Told apart from a body that goes on by shape: short title
//! lines each followed by a summary.

use crate::article::{Photo, RelatedLink};
use crate::ingest::lines::same_text;

use super::title::is_title_like;

/// A line read after the sign-off, kept until the end of the page decides what it was.
pub(super) enum TailPiece<'a> {
    Text(&'a str),
    Photo(Photo),
}

/// The pieces as related entries (caption, title, title repeat, summary), when every one fits
/// that shape and most entries have a summary; `None` when they read as more body.
pub(super) fn as_related(pieces: &[(usize, TailPiece<'_>)]) -> Option<Vec<RelatedLink>> {
    let mut entries: Vec<RelatedLink> = Vec::new();
    let mut photo: Option<Photo> = None;
    // Whether the last entry still waits for its summary.
    let mut open = false;
    for (_, piece) in pieces {
        match piece {
            TailPiece::Photo(p) => {
                if photo.replace(p.clone()).is_some() {
                    return None;
                }
                open = false;
            }
            TailPiece::Text(text) => {
                let last = entries.last_mut().filter(|_| open);
                if let Some(entry) = last {
                    if same_text(&entry.title, text) {
                        continue;
                    }
                    if !is_title_like(text) || ends_like_sentence(text) {
                        entry.summary = (*text).to_owned();
                        open = false;
                        continue;
                    }
                }
                if !is_title_like(text) || ends_like_sentence(text) {
                    return None;
                }
                entries.push(RelatedLink {
                    title: (*text).to_owned(),
                    summary: String::new(),
                    photo: photo.take(),
                });
                open = true;
            }
        }
    }
    let summaries = entries.iter().filter(|e| !e.summary.is_empty()).count();
    (photo.is_none() && summaries > 0 && summaries * 2 >= entries.len()).then_some(entries)
}

fn ends_like_sentence(text: &str) -> bool {
    text.trim_end_matches(['»', '"', '”', ')', ' '])
        .ends_with(['.', '…'])
}
