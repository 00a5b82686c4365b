//! The related list ("Voir plus") read entry by entry: optional caption, title, optional summary,
//! told apart by shape since the list has no other markup.

use super::same_photo;
use crate::article::{Photo, RelatedLink};
use crate::ingest::lines::Fingerprint;

/// The related list as it is read: an entry opens on its title and may then take one summary; a
/// caption waits for the title that follows it.
#[derive(Default)]
pub(super) struct RelatedList {
    pub(super) entries: Vec<RelatedLink>,
    /// Title of the last entry while it can still take a summary.
    open: Option<Fingerprint>,
    /// A caption read but not yet given to an entry, with its line.
    photo: Option<(usize, Photo)>,
    /// Line of the current header and how many entries existed before it.
    header: Option<(usize, usize)>,
    /// Lines of headers that no entry followed.
    empty_headers: Vec<usize>,
}

impl RelatedList {
    pub(super) fn open_list(&mut self, line: usize) {
        self.close_list();
        self.header = Some((line, self.entries.len()));
    }

    /// Ends the current header's list (the body goes on, or another header opens).
    pub(super) fn close_list(&mut self) {
        self.close();
        if let Some((line, before)) = self.header.take()
            && self.entries.len() == before
        {
            self.empty_headers.push(line);
        }
    }

    /// Whether nothing waits for a line: no entry open for a summary, no caption for a title.
    pub(super) fn idle(&self) -> bool {
        self.open.is_none() && self.photo.is_none()
    }

    /// Entries read after the sign-off with no header: they stand before any listed under one.
    pub(super) fn prepend(&mut self, entries: Vec<RelatedLink>) {
        self.entries.splice(0..0, entries);
    }

    pub(super) fn start(&mut self, title: &str) {
        let photo = self.photo.take().map(|(_, photo)| photo);
        self.entries.push(RelatedLink {
            title: title.to_owned(),
            summary: String::new(),
            photo,
        });
        self.open = Some(Fingerprint::new(title));
    }

    pub(super) fn close(&mut self) {
        self.open = None;
    }

    /// Keeps a caption for the next title; returns the line of a caption it displaces.
    pub(super) fn photo(&mut self, line: usize, photo: Photo) -> Option<usize> {
        self.close();
        let previous = self.photo.replace((line, photo))?;
        let current = &self.photo.as_ref()?.1;
        (!same_photo(&previous.1, current)).then_some(previous.0)
    }

    /// Reads a title or summary line; returns true when it is a summary with no title to go to.
    pub(super) fn text(&mut self, text: &str) -> bool {
        if let Some(open) = &self.open {
            // The title printed twice: the first copy stood where a photo would have been.
            if open.matches(text) {
                return false;
            }
            if looks_like_summary(text) {
                if let Some(entry) = self.entries.last_mut() {
                    entry.summary = text.to_owned();
                }
                self.close();
                return false;
            }
        }
        // A short line is a title even if it ends with a period; a long one cannot be.
        if is_long(text) {
            self.close();
            self.photo = None;
            return true;
        }
        self.take_uncredited_caption();
        self.start(text);
        false
    }

    /// An open entry whose "title" ends like a sentence, followed by another title, was a photo
    /// caption printed without its credit: titles rarely end with a period, captions usually do.
    fn take_uncredited_caption(&mut self) {
        let uncredited = self.open.is_some()
            && self.photo.is_none()
            && self.entries.last().is_some_and(|entry| {
                entry.photo.is_none()
                    && entry.summary.is_empty()
                    && ends_like_sentence(&entry.title)
            });
        if let Some(caption) = self.entries.pop_if(|_| uncredited) {
            self.photo = Some((
                0,
                Photo {
                    caption: caption.title,
                    credit: String::new(),
                },
            ));
        }
    }

    pub(super) fn finish(&mut self) -> Vec<(usize, &'static str)> {
        let mut warnings = Vec::new();
        if let Some((line, _)) = self.photo.take() {
            warnings.push((line, "photo caption not attached: no title follows it"));
        }
        self.close_list();
        for &line in &self.empty_headers {
            warnings.push((line, "Voir plus header with no entries"));
        }
        warnings
    }
}

const SUMMARY_MIN_CHARS: usize = 160;

/// Summaries are long or end like a sentence; titles are short and rarely end with a period.
fn looks_like_summary(text: &str) -> bool {
    is_long(text) || ends_like_sentence(text)
}

pub(super) fn is_long(text: &str) -> bool {
    text.len() >= SUMMARY_MIN_CHARS && text.chars().nth(SUMMARY_MIN_CHARS - 1).is_some()
}

fn ends_like_sentence(text: &str) -> bool {
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || "»\"”’)".contains(c));
    text.ends_with('.') || text.ends_with('…')
}
