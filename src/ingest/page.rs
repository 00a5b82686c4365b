//! One scraped page → `Article`, recognised by the page's structure, not by any site's exact
//! strings: title, lead, photo captions, dateline, body, sign-off and the related list ("Voir
//! plus"). Each line is one paragraph; the parser never panics and stays linear in the page size.
//! Text is kept exact: no repair of glued words and no terminal escaping happen here.

mod agency;
mod caption;
mod furniture;
mod related;

use super::lines::{self, Fingerprint, same_text};
use crate::article::{Article, Photo};
use crate::diagnostic::Diagnostic;
use agency::{parse_dateline, take_signoff};
use caption::{after_image_marker, parse_caption};
use furniture::{is_furniture, is_related_header, link_title};
use related::RelatedList;

/// A parsed page: the article (absent only when the page has no title) and what was wrong.
#[derive(Debug)]
pub struct ParsedPage {
    pub article: Option<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one page. `text` is decoded UTF-8 (a BOM, CRLF, lone CR and trailing spaces are fine);
/// `source` names the page in diagnostics and in `article.sources`.
pub fn parse_page(text: &str, source: &str) -> ParsedPage {
    let lines: Vec<(usize, &str)> = lines::lines(text)
        .filter(|(_, line)| !lines::is_blank(line) && !is_furniture(line))
        .collect();
    let Some(title_at) = lines.iter().position(|(_, line)| can_be_title(line)) else {
        let line = lines.first().map_or(1, |(number, _)| *number);
        return ParsedPage {
            article: None,
            diagnostics: vec![Diagnostic::at(
                source,
                line,
                "no title: the page holds no article text",
            )],
        };
    };
    let (title_line, title) = lines[title_at];
    let mut parser = Parser::new(source, title_line, title);
    for (i, &(number, line)) in lines.iter().enumerate() {
        if i == title_at {
            continue;
        }
        let next = |k: usize| lines.get(i + k).map_or("", |(_, next)| *next);
        let piece = classify(line, [title, next(1), next(2)]);
        // Above the title only links or a bare credit can stand; a header there opens nothing.
        if i > title_at || !matches!(piece, Piece::Header) {
            parser.take(number, piece);
        }
    }
    parser.finish()
}

/// What one line of a page is.
enum Piece<'a> {
    /// `Voir plus`, `Lire aussi`…: the related list starts.
    Header,
    /// `>> title`: a related article named by its title only.
    Link(&'a str),
    Photo(Photo),
    /// An image marker (`<title> ảnh 1`) with nothing after it: the next line is its caption.
    Marker,
    Text(&'a str),
}

/// `titles`: the page title and the next two lines, the texts an image marker may follow.
fn classify<'a>(line: &'a str, titles: [&str; 3]) -> Piece<'a> {
    if is_related_header(line) {
        return Piece::Header;
    }
    if let Some(title) = link_title(line) {
        return Piece::Link(title);
    }
    if let Some(rest) = after_image_marker(line, titles) {
        if rest.is_empty() {
            return Piece::Marker;
        }
        return Piece::Photo(parse_caption(rest).unwrap_or_else(|| uncredited(rest)));
    }
    match parse_caption(line) {
        Some(photo) => Piece::Photo(photo),
        None => Piece::Text(line),
    }
}

fn can_be_title(line: &str) -> bool {
    !is_related_header(line)
        && link_title(line).is_none()
        && parse_caption(line).is_none_or(|photo| !photo.caption.is_empty())
}

#[derive(Clone, Copy, PartialEq)]
enum Zone {
    /// After the title, before the first body paragraph: lead, captions, repeats.
    Front,
    Body,
    Related,
}

struct Parser<'a> {
    source: &'a str,
    title_line: usize,
    title: Fingerprint,
    /// `Some` once the lead is decided (an empty fingerprint when the page has none).
    lead: Option<Fingerprint>,
    article: Article,
    diagnostics: Vec<Diagnostic>,
    zone: Zone,
    /// Line of an image marker whose caption is expected on the next line.
    caption_due: Option<usize>,
    /// Whether the previous piece was a photo: a caption printed twice in a row is one photo.
    after_photo: bool,
    related: RelatedList,
}

impl<'a> Parser<'a> {
    fn new(source: &'a str, title_line: usize, title: &str) -> Self {
        Self {
            source,
            title_line,
            title: Fingerprint::new(title),
            lead: None,
            article: Article::new(title),
            diagnostics: Vec::new(),
            zone: Zone::Front,
            caption_due: None,
            after_photo: false,
            related: RelatedList::default(),
        }
    }

    fn warn(&mut self, line: usize, message: &str) {
        self.diagnostics
            .push(Diagnostic::at(self.source, line, message));
    }

    fn take(&mut self, line: usize, piece: Piece<'_>) {
        let piece = self.resolve_due_caption(piece);
        if matches!(piece, Piece::Header | Piece::Link(_)) {
            self.after_photo = false;
        }
        match (piece, self.zone) {
            (Piece::Header, _) => {
                self.zone = Zone::Related;
                self.related.open_list(line);
            }
            (Piece::Link(title), _) => {
                self.related.start(title);
                if self.zone != Zone::Related {
                    // Links printed above the body are titles only: what follows is not theirs.
                    self.related.close();
                }
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
            (Piece::Photo(photo), _) => self.add_photo(photo),
            (Piece::Text(text), Zone::Related) => {
                if self.related.text(text) {
                    self.warn(
                        line,
                        "Voir plus entry with no title: its summary is skipped",
                    );
                }
            }
            (Piece::Text(text), _) => self.text(text),
        }
    }

    /// The line after a bare image marker is its caption, credited or not.
    fn resolve_due_caption<'p>(&mut self, piece: Piece<'p>) -> Piece<'p> {
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

    fn add_photo(&mut self, photo: Photo) {
        let repeat = self.after_photo
            && self
                .article
                .photos
                .last()
                .is_some_and(|last| same_photo(last, &photo));
        if !repeat {
            self.article.photos.push(photo);
        }
        self.after_photo = true;
    }

    fn text(&mut self, text: &str) {
        self.after_photo = false;
        // A line repeating the title is an image's alt text, not writing.
        if self.title.matches(text) {
            return;
        }
        match self.zone {
            Zone::Body => self.article.paragraphs.push(text.to_owned()),
            _ => self.front_text(text),
        }
    }

    /// Above the body the first text line is the lead, unless a dateline shows it already opens
    /// the body; a copy of the lead is skipped; any other line opens the body.
    fn front_text(&mut self, text: &str) {
        let dateline = parse_dateline(text);
        match &self.lead {
            None if dateline.is_none() => {
                self.article.lead = text.to_owned();
                self.lead = Some(Fingerprint::new(text));
                return;
            }
            Some(lead) if lead.matches(text) => return,
            _ => {}
        }
        self.lead.get_or_insert_with(|| Fingerprint::new(""));
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
            self.article.paragraphs.push(first.to_owned());
        }
    }

    fn finish(mut self) -> ParsedPage {
        if let Some(marker) = self.caption_due.take() {
            self.warn(marker, "image marker with no caption after it");
        }
        self.article.signoff = take_signoff(&mut self.article.paragraphs);
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
}

fn same_photo(a: &Photo, b: &Photo) -> bool {
    same_text(&a.caption, &b.caption) && same_text(&a.credit, &b.credit)
}

fn uncredited(caption: &str) -> Photo {
    Photo {
        caption: caption.to_owned(),
        credit: String::new(),
    }
}
