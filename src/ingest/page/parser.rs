//! The reading of a page's classified lines, top to bottom, into an `Article`: which zone a line
//! falls in (front, body, related list), the lead, captions and their repeats, paragraphs and the
//! sign-off, what follows the sign-off, and the warnings. Lines are classified by `page`.

use foldhash::HashSet;

use super::agency::{find_signoff, parse_dateline, unknown_signoff};
use super::related::{RelatedList, is_long};
use super::repeats;
use super::tail::{self, TailPiece};
use super::title::{derive_title, is_title_like};
use super::{ParsedPage, Piece, no_title, same_photo, starts_lowercase, uncredited};
use crate::article::{Article, Photo};
use crate::diagnostic::Diagnostic;
use crate::fold::fold_compact;
use crate::ingest::lines::{Fingerprint, similar_length};

#[derive(Clone, Copy, PartialEq)]
enum Zone {
    /// After the title, before the first body paragraph: lead, captions, repeats.
    Front,
    Body,
    Related,
}

pub(super) struct Parser<'a> {
    source: &'a str,
    title_line: usize,
    title: Fingerprint,
    /// The page has no title line: one is derived from the text at the end.
    pub(super) derived: bool,
    /// `Some` once the lead is decided (an empty fingerprint when the page has none).
    lead: Option<Fingerprint>,
    /// A dateline was read before any text (on a caption): the next text opens the body.
    dateline_seen: bool,
    article: Article,
    diagnostics: Vec<Diagnostic>,
    zone: Zone,
    /// Line of an image marker whose caption is expected on the next line.
    caption_due: Option<usize>,
    /// Whether the previous piece was a photo: a caption printed twice in a row is one photo.
    after_photo: bool,
    /// A related header stands above the body: plain title lines after it are its entries.
    front_list: bool,
    related: RelatedList,
    /// Lines after a sign-off, until a header or the end tells whether they are related entries.
    tail: Option<Vec<(usize, TailPiece<'a>)>>,
    /// Folded keys of the paragraphs so far: a paragraph printed twice is kept once.
    seen: HashSet<String>,
    /// Folded captions (non-empty) and (caption, credit) keys of the photos so far.
    captions: HashSet<String>,
    /// The length of each caption in `captions`, as printed.
    caption_lens: Vec<usize>,
    photo_keys: HashSet<(String, String)>,
    /// Line of the last paragraph, for warnings about its end.
    last_line: usize,
    /// A sign-off was read: the body is over.
    signed: bool,
}

impl<'a> Parser<'a> {
    pub(super) fn new(source: &'a str, title_line: usize, title: &str) -> Self {
        Self {
            source,
            title_line,
            title: Fingerprint::new(title),
            derived: false,
            lead: None,
            dateline_seen: false,
            article: Article::new(title),
            diagnostics: Vec::new(),
            zone: Zone::Front,
            caption_due: None,
            after_photo: false,
            front_list: false,
            related: RelatedList::default(),
            tail: None,
            seen: HashSet::default(),
            captions: HashSet::default(),
            caption_lens: Vec::new(),
            photo_keys: HashSet::default(),
            last_line: title_line,
            signed: false,
        }
    }

    fn warn(&mut self, line: usize, message: &str) {
        self.diagnostics
            .push(Diagnostic::at(self.source, line, message));
    }

    pub(super) fn take(&mut self, line: usize, piece: Piece<'a>) {
        let piece = self.resolve_due_caption(piece);
        if matches!(piece, Piece::Header | Piece::Link(_)) {
            self.after_photo = false;
        }
        match (piece, self.zone) {
            (Piece::Header, Zone::Front) => {
                self.front_list = true;
                self.related.open_list(line);
            }
            (Piece::Header, _) => {
                self.resolve_tail();
                self.zone = Zone::Related;
                self.related.open_list(line);
            }
            (Piece::Link(title), _) => {
                // A `>>` link is a title alone: what follows is never its summary.
                self.related.start(title);
                self.related.close();
            }
            (Piece::Marker, _) => self.caption_due = Some(line),
            (Piece::Photo(photo), Zone::Related) => {
                if let Some(unattached) = self.related.photo(line, photo) {
                    self.warn(
                        unattached,
                        "photo caption not attached: no title follows it",
                    );
                }
            }
            (Piece::Photo(photo), _) => match &mut self.tail {
                Some(tail) => tail.push((line, TailPiece::Photo(photo))),
                None => self.add_photo(photo),
            },
            (Piece::Text(text), Zone::Related) => self.related_text(line, text),
            (Piece::Text(text), _) => self.text(line, text),
        }
    }

    /// A line in a related list. A long line while nothing waits for it, before any sign-off,
    /// is the body going on after a box of links (or after a header whose links were lost).
    fn related_text(&mut self, line: usize, text: &'a str) {
        // The body's last paragraph, signed, after a box of links: the body was not over.
        // (A sentence before the signature: `Coopération Vietnam - UE` is an entry's title.)
        let signed_here = !self.signed
            && find_signoff(text)
                .is_some_and(|s| text[..s.keep].ends_with(['.', '!', '?', '»', '…']));
        if (self.related.idle() && is_long(text) && !self.signed) || signed_here {
            self.related.close_list();
            self.zone = Zone::Body;
            self.text(line, text);
            return;
        }
        if self.related.text(text) {
            self.warn(
                line,
                "Voir plus entry with no title: its summary is skipped",
            );
        }
    }

    /// The line after a bare image marker is its caption, credited or not.
    fn resolve_due_caption(&mut self, piece: Piece<'a>) -> Piece<'a> {
        let Some(marker) = self.caption_due.take() else {
            return piece;
        };
        match piece {
            Piece::Text(text) => Piece::Photo(uncredited(text)),
            Piece::Photo(_) => piece,
            other => {
                self.warn(marker, "image marker with no caption after it");
                other
            }
        }
    }

    fn add_photo(&mut self, mut photo: Photo) {
        // `Hanoï (VNA) – ` printed before the caption belongs to the body that follows.
        if self.zone == Zone::Front
            && self.article.dateline.is_none()
            && let Some((dateline, rest)) = parse_dateline(&photo.caption)
        {
            self.article.dateline = Some(dateline);
            self.dateline_seen = true;
            photo.caption = rest.to_owned();
        }
        // A bare credit under a caption that had none is that caption's credit.
        if photo.caption.is_empty()
            && self.after_photo
            && let Some(last) = self.article.photos.last_mut()
            && last.credit.is_empty()
        {
            last.credit = photo.credit;
            let key = photo_key(last);
            self.photo_keys.insert(key);
            return;
        }
        // A caption printed twice is one photo; a bare credit only when printed twice in a row.
        let key = photo_key(&photo);
        let after_same = self.after_photo
            && self
                .article
                .photos
                .last()
                .is_some_and(|last| same_photo(last, &photo));
        let seen = !photo.caption.is_empty() && self.photo_keys.contains(&key);
        if !after_same && !seen {
            if !photo.caption.is_empty() {
                self.captions.insert(fold_compact(&photo.caption));
                self.caption_lens.push(photo.caption.len());
            }
            self.photo_keys.insert(key);
            self.article.photos.push(photo);
        }
        self.after_photo = true;
    }

    fn text(&mut self, line: usize, text: &'a str) {
        self.after_photo = false;
        // A line repeating the title is an image's alt text, not writing; one repeating a
        // caption is the caption printed again without its credit.
        // Folded only when some caption is about as long (as `Fingerprint` does): most lines
        // are paragraphs, several times longer than any caption.
        let caption_repeat = text.len() <= 1000
            && (self.caption_lens.iter()).any(|&len| similar_length(len, text.len()))
            && self.captions.contains(&fold_compact(text));
        // `<title> | VietnamPlus`: the title again, with the site's name, among the chrome.
        let titled = rsplit_spaced(text, b'|')
            .or_else(|| rsplit_spaced(text, b'-'))
            .is_some_and(|(left, site)| {
                site.split_whitespace().count() <= 4 && self.title.matches(left)
            });
        if self.title.matches(text) || caption_repeat || titled {
            return;
        }
        match self.zone {
            Zone::Body => match &mut self.tail {
                Some(tail) => tail.push((line, TailPiece::Text(text))),
                None => self.paragraph(line, text, true),
            },
            _ => self.front_text(line, text),
        }
    }

    /// Above the body the first text line is the lead, unless a dateline shows it already opens
    /// the body; a copy of the lead is skipped; any other line opens the body. Plain title lines
    /// right after a related header there are its entries.
    fn front_text(&mut self, line: usize, text: &str) {
        let dateline = parse_dateline(text);
        if self.front_list {
            if dateline.is_none() && is_title_like(text) && !text.ends_with('.') {
                self.related.start(text);
                self.related.close();
                return;
            }
            self.front_list = false;
            self.related.close_list();
        }
        match &self.lead {
            // A lead opens a text; a line starting in lower case was cut from a paragraph.
            None if dateline.is_none() && !self.dateline_seen && !starts_lowercase(text) => {
                let lead = repeats::undouble(text);
                self.lead = Some(Fingerprint::new(&lead));
                self.article.lead = lead;
                return;
            }
            Some(lead) if lead.matches(text) => return,
            _ => {}
        }
        self.lead.get_or_insert_with(|| Fingerprint::new(""));
        self.related.close_list();
        self.zone = Zone::Body;
        let first = match dateline {
            Some((dateline, rest)) => {
                self.article.dateline = Some(dateline);
                rest
            }
            None => text,
        };
        // A dateline alone on its line leaves the first paragraph to the next line.
        if !first.is_empty() {
            self.paragraph(line, first, true);
        }
    }

    /// One body paragraph: doubled openings and exact repeats removed, a sign-off split off.
    /// After a sign-off, with `watch`, the next lines wait in the tail.
    fn paragraph(&mut self, line: usize, text: &str, watch: bool) {
        let mut text = text;
        // A stray line above the lead pushed the dateline down a paragraph or two.
        if self.article.dateline.is_none()
            && (1..3).contains(&self.article.paragraphs.len())
            && let Some((dateline, rest)) = parse_dateline(text)
        {
            self.article.dateline = Some(dateline);
            text = rest;
        }
        let mut text = repeats::undouble(text);
        let key = fold_compact(&text);
        if key.len() >= 20 && !self.seen.insert(key) {
            return;
        }
        if let Some(signoff) = find_signoff(&text) {
            self.signed = true;
            text.truncate(signoff.keep);
            if signoff.agency.is_some() {
                self.article.signoff = signoff.agency;
            }
            if watch {
                self.tail = Some(Vec::new());
            }
        }
        if !text.trim().is_empty() {
            self.last_line = line;
            self.article.paragraphs.push(text.trim_end().to_owned());
        }
    }

    /// Decides what the lines after the sign-off were: related entries, or more body.
    fn resolve_tail(&mut self) {
        let Some(pieces) = self.tail.take() else {
            return;
        };
        if let Some(entries) = tail::as_related(&pieces) {
            self.related.prepend(entries);
            return;
        }
        for (line, piece) in pieces {
            match piece {
                TailPiece::Text(text) => self.paragraph(line, text, false),
                TailPiece::Photo(photo) => self.add_photo(photo),
            }
        }
    }

    pub(super) fn finish(mut self) -> ParsedPage {
        if let Some(marker) = self.caption_due.take() {
            self.warn(marker, "image marker with no caption after it");
        }
        self.resolve_tail();
        if self.article.signoff.is_none()
            && let Some(last) = self.article.paragraphs.last()
            && let Some(shape) = unknown_signoff(last)
        {
            let message = format!("unknown sign-off shape: «{shape}»");
            self.warn(self.last_line, &message);
        }
        if self.derived && !self.derive_title() {
            return no_title(self.source, self.title_line);
        }
        if self.article.paragraphs.is_empty() {
            self.warn(self.title_line, "no body paragraphs");
        }
        for (line, message) in self.related.finish() {
            self.warn(line, message);
        }
        self.diagnostics.sort_by_key(|d| d.line);
        let mut article = self.article;
        article.related = self.related.entries;
        article.sources = vec![self.source.to_owned()];
        article.warnings = self.diagnostics.iter().map(ToString::to_string).collect();
        ParsedPage {
            article: Some(article),
            diagnostics: self.diagnostics,
        }
    }

    /// A page with no title line is named by its first sentence: of the lead, else of the body,
    /// else of a caption. False when the page has no text to name it by.
    fn derive_title(&mut self) -> bool {
        let article = &self.article;
        let source = [&article.lead]
            .into_iter()
            .chain(article.paragraphs.first())
            .chain(article.photos.iter().map(|p| &p.caption))
            .find(|text| !text.trim().is_empty());
        let Some(source) = source else {
            return false;
        };
        self.article.title = derive_title(source);
        self.article.title_derived = true;
        self.warn(
            self.title_line,
            "no title line: title derived from the first sentence",
        );
        true
    }
}

/// `text.rsplit_once(" | ")` for a separator byte between two spaces, by a byte search from the
/// end: most lines hold no such byte, and the string searcher cost a twentieth of a page's parse.
fn rsplit_spaced(text: &str, separator: u8) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(at) = memchr::memrchr(separator, &bytes[..end]) {
        if at > 0 && bytes[at - 1] == b' ' && bytes.get(at + 1) == Some(&b' ') {
            return Some((&text[..at - 1], &text[at + 2..]));
        }
        end = at;
    }
    None
}

fn photo_key(photo: &Photo) -> (String, String) {
    (fold_compact(&photo.caption), fold_compact(&photo.credit))
}

#[cfg(test)]
mod tests {
    use super::rsplit_spaced;

    #[test]
    fn a_spaced_separator_splits_where_rsplit_once_does() {
        for text in [
            "Titre | VietnamPlus",
            "a | b | c",
            " | | ",
            "a|b | c|d",
            "Hô Chi Minh-Ville - Le Courrier - VNA",
            "x -y- z",
            "-",
            " - ",
            "",
            "é - ü | ö",
        ] {
            assert_eq!(rsplit_spaced(text, b'|'), text.rsplit_once(" | "), "{text}");
            assert_eq!(rsplit_spaced(text, b'-'), text.rsplit_once(" - "), "{text}");
        }
    }
}
