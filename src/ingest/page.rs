//! One scraped page → `Article`, recognised by the page's structure, not by any site's exact
//! strings: title, lead, photo captions, dateline, body, sign-off and the related list ("Voir
//! plus"). Each line is one paragraph; the parser never panics and stays linear in the page size.
//! Text is kept exact: no repair of glued words and no terminal escaping happen here.

mod agency;
mod caption;
mod furniture;
mod parser;
mod related;
mod repeats;
mod tail;
mod title;

use super::lines::{self, same_text};
use crate::article::{Article, Photo};
use crate::diagnostic::Diagnostic;
use caption::{after_image_marker, parse_caption};
use furniture::{is_furniture, is_related_header, link_title};
use parser::Parser;
use title::{Head, find_head};

/// A parsed page: the article (absent only when the page holds no article text) and what was
/// wrong.
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
    let texts: Vec<&str> = lines.iter().map(|&(_, line)| line).collect();
    let first_line = lines.first().map_or(1, |(number, _)| *number);
    let Some(head) = find_head(&texts) else {
        return no_title(source, first_line);
    };
    let (title, title_at, glued, rubrics) = match head {
        Head::Line {
            at,
            title,
            glued,
            rubrics,
        } => (title, at, glued, rubrics),
        Head::Derived { first, rubrics } => {
            let mut parser = Parser::new(source, lines[first].0, "");
            parser.derived = true;
            for (i, &(number, line)) in lines.iter().enumerate() {
                if rubrics.contains(&i) {
                    continue;
                }
                let next = |k: usize| texts.get(i + k).copied().unwrap_or("");
                parser.take(number, classify(line, ["", next(1), next(2)]));
            }
            return parser.finish();
        }
    };
    // A title glued to its marker is read again for the caption that follows the marker.
    let skip = (!glued).then_some(title_at);
    let mut parser = Parser::new(source, lines[title_at].0, title);
    for (i, &(number, line)) in lines.iter().enumerate() {
        if Some(i) == skip || rubrics.contains(&i) {
            continue;
        }
        let next = |k: usize| texts.get(i + k).copied().unwrap_or("");
        let piece = classify(line, [title, next(1), next(2)]);
        // Above the title only links or a caption can stand; a header there opens nothing.
        if i > title_at || !matches!(piece, Piece::Header) {
            parser.take(number, piece);
        }
    }
    parser.finish()
}

fn no_title(source: &str, line: usize) -> ParsedPage {
    ParsedPage {
        article: None,
        diagnostics: vec![Diagnostic::at(
            source,
            line,
            "no title: the page holds no article text",
        )],
    }
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

fn same_photo(a: &Photo, b: &Photo) -> bool {
    same_text(&a.caption, &b.caption) && same_text(&a.credit, &b.credit)
}

fn starts_lowercase(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

fn uncredited(caption: &str) -> Photo {
    Photo {
        caption: caption.to_owned(),
        credit: String::new(),
    }
}
