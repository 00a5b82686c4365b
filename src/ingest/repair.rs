//! Glued words: where a scraped page lost a line break, two words run together
//! (`Phuceffectuera`, `lapandémie`, `amis,a`). This module finds those places and puts one ASCII
//! space back, touching no other character. It is pure: a word list plus the page's own text
//! in, repaired text out. Precision comes first: a token is split only on evidence beyond "both
//! halves are words" (see `rules` and the README's "Glued words").

mod compounds;
mod evidence;
#[cfg(test)]
mod front_coded;
mod lexicon;
mod morph;
mod rules;
mod scan;
mod word_slots;

pub use evidence::Evidence;
pub use lexicon::{Lexicon, fold_word};
pub use rules::Rule;

use crate::article::Article;
use rules::Judge;

/// One repair: a space goes in at byte offset `at` of the paragraph, for `rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub at: usize,
    pub rule: Rule,
}

impl Split {
    pub fn new(at: usize, rule: Rule) -> Self {
        Self { at, rule }
    }
}

/// A word list and one page's evidence, ready to repair that page's paragraphs.
#[derive(Debug, Clone)]
pub struct Repairer<'a> {
    lexicon: &'a Lexicon,
    evidence: Evidence<'a>,
}

impl<'a> Repairer<'a> {
    pub fn new(lexicon: &'a Lexicon, evidence: Evidence<'a>) -> Self {
        Self { lexicon, evidence }
    }

    /// Where `text` needs spaces, in order, each with its rule.
    pub fn splits(&self, text: &str) -> Vec<Split> {
        let judge = Judge {
            lexicon: self.lexicon,
            evidence: &self.evidence,
        };
        scan::splits(&judge, text)
    }

    /// `text` with a space inserted at every glue found; every other character is kept.
    pub fn repair_paragraph(&self, text: &str) -> String {
        apply(text, &self.splits(text))
    }
}

impl<'t> Repairer<'t> {
    /// The bundled word list and the evidence of `texts` (one page, or one batch of pages).
    pub fn for_texts(texts: impl IntoIterator<Item = &'t str>) -> Self {
        Self::new(Lexicon::bundled(), Evidence::from_texts(texts))
    }
}

/// `text` with a space at each split (offsets in order, on character boundaries).
pub fn apply(text: &str, splits: &[Split]) -> String {
    let mut out = String::with_capacity(text.len() + splits.len());
    let mut from = 0;
    for split in splits {
        if split.at < from || !text.is_char_boundary(split.at) {
            continue;
        }
        out.push_str(&text[from..split.at]);
        out.push(' ');
        from = split.at;
    }
    out.push_str(&text[from..]);
    out
}

/// Repairs a freshly parsed page: `raw_paragraphs` keeps the paragraphs as parsed, and
/// `paragraphs` gets the repaired text. The evidence is the whole page (title, lead, captions,
/// paragraphs, "Voir plus" entries). The lead and captions are left as printed here: the
/// article has no raw twin for them, so the export and the reader's `r` view could no longer
/// show them as scraped; [`repaired_lead_and_captions`] gives their repair for a caller that
/// keeps both.
pub fn repair_page(article: &mut Article) {
    let repairer = Repairer::for_texts(page_texts(article, &article.paragraphs));
    let repaired = article
        .paragraphs
        .iter()
        .map(|p| repairer.repair_paragraph(p))
        .collect();
    let lead = repairer.repair_paragraph(&article.lead);
    let captions: Vec<String> = article
        .photos
        .iter()
        .map(|photo| repairer.repair_paragraph(&photo.caption))
        .collect();
    article.raw_paragraphs = std::mem::replace(&mut article.paragraphs, repaired);
    // The lead and captions keep their text as scraped only when it changed, for `r`.
    if lead != article.lead {
        article.raw_lead = std::mem::replace(&mut article.lead, lead);
    }
    if captions
        .iter()
        .zip(&article.photos)
        .any(|(new, photo)| *new != photo.caption)
    {
        article.raw_captions = article
            .photos
            .iter_mut()
            .zip(captions)
            .map(|(photo, new)| std::mem::replace(&mut photo.caption, new))
            .collect();
    }
}

/// The page's lead and photo captions (in page order) with their glued words repaired, by the
/// same rules and with the same evidence as its paragraphs: the page's own text, as scraped
/// (the raw paragraphs when the page was already repaired). The article is not changed.
pub fn repaired_lead_and_captions(article: &Article) -> (String, Vec<String>) {
    let paragraphs = if !article.raw_paragraphs.is_empty() {
        &article.raw_paragraphs
    } else {
        &article.paragraphs
    };
    let repairer = Repairer::for_texts(page_texts(article, paragraphs));
    let lead = repairer.repair_paragraph(&article.lead);
    let captions = article
        .photos
        .iter()
        .map(|photo| repairer.repair_paragraph(&photo.caption))
        .collect();
    (lead, captions)
}

/// Every text of the page, with `paragraphs` as its body: the evidence a repair relies on.
fn page_texts<'a>(article: &'a Article, paragraphs: &'a [String]) -> impl Iterator<Item = &'a str> {
    let captions = article.photos.iter().map(|p| p.caption.as_str());
    let related = article.related.iter().flat_map(|link| {
        [link.title.as_str(), link.summary.as_str()]
            .into_iter()
            .chain(link.photo.iter().map(|p| p.caption.as_str()))
    });
    [article.title.as_str(), article.lead.as_str()]
        .into_iter()
        .chain(captions)
        .chain(paragraphs.iter().map(String::as_str))
        .chain(related)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repairer(page: &str) -> Repairer<'_> {
        Repairer::for_texts([page])
    }

    #[test]
    fn only_single_spaces_are_added() {
        let r = repairer("Le Vietnam et Cuba, la pandémie. ");
        let text = "Entre\u{a0}le Vietnam etCuba «lapandémie» ’ ᵉ\u{202f}!";
        assert_eq!(
            r.repair_paragraph(text),
            "Entre\u{a0}le Vietnam et Cuba «la pandémie» ’ ᵉ\u{202f}!"
        );
    }

    #[test]
    fn hostile_text_does_not_panic_and_stays_linear() {
        let r = repairer("la pandémie");
        let long_word = "é".repeat(5_000);
        let line = "lapandémie,a ".repeat(80_000);
        for text in [
            long_word.as_str(),
            line.as_str(),
            "a\u{7}b\u{1b}[31m c\u{0}d",
            "\u{301}lapandémie e\u{301}t \u{10FFFF}𝔘",
            "'’,,,a,b’'",
            "",
        ] {
            let repaired = r.repair_paragraph(text);
            assert_eq!(repaired.replace(' ', ""), text.replace(' ', ""));
        }
        assert_eq!(r.repair_paragraph(&line), "la pandémie, a ".repeat(80_000));
    }

    #[test]
    fn a_token_with_an_invisible_character_is_left_whole() {
        let r = repairer("la pandémie");
        assert_eq!(r.repair_paragraph("lapandémie"), "la pandémie");
        for glue in [
            '\u{200B}',
            '\u{2063}',
            '\u{E0041}',
            '\u{FE0F}',
            '\u{3164}',
            '\u{AD}',
        ] {
            let text = format!("lapandé{glue}mie");
            assert_eq!(r.repair_paragraph(&text), text, "U+{:04X}", u32::from(glue));
        }
    }

    #[test]
    fn apply_ignores_splits_out_of_order_or_inside_characters() {
        let splits = [
            Split::new(2, Rule::Pair),
            Split::new(1, Rule::Pair),
            Split::new(4, Rule::Pair),
        ];
        assert_eq!(apply("aébc", &splits), "a éb c");
    }
}
