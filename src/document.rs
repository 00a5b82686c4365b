//! An article as the reader, the exports and search see it: blocks in reading order, with no
//! width, and its links numbered once, here. Wrapping, link keys, the mouse, the status bar
//! and later the Markdown export all read this; none of them decides the order on its own.

use crate::article::Article;
use crate::fold::fold_compact;
use crate::store::{ArticleId, Store};

/// The two lists of links at the foot of an article, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The page's own "Voir plus" entries.
    VoirPlus,
    /// The pages whose "Voir plus" lists this one.
    CitePar,
}

/// Something the reader says about the article itself, not page text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Only a "Voir plus" entry describes this article.
    SummaryOnly,
}

/// One part of the article, as the page has it (exact text: making it safe for a terminal is
/// the wrapper's business). It borrows the store's text: a document is built for each
/// wrapping, and copying an 8 MB page into it each time cost as much again as the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    Title(&'a str),
    /// Where and by whom it was filed, and the files it was read from.
    Meta {
        place: Option<&'a str>,
        agency: Option<&'a str>,
        sources: &'a [String],
    },
    /// A photo's caption (as scraped, in a raw document) and its credit.
    Caption {
        caption: &'a str,
        credit: &'a str,
    },
    Lead(&'a str),
    Notice(Notice),
    Paragraph(&'a str),
    /// The agency of the closing `-VNA`.
    Signoff(&'a str),
    Heading(Section),
    /// Link `n` (from 0) of `Document::links`.
    Link(usize),
}

/// One numbered link: where it leads and what the reader is told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub target: ArticleId,
    pub section: Section,
    /// The title as the citing page printed it (Voir plus), or the citing page's title.
    pub title: String,
    /// The entry's summary, or what the citing page is about.
    pub summary: String,
    /// Whether the target is a full page (or only a summary).
    pub full: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document<'a> {
    pub id: ArticleId,
    /// Built from the paragraphs as scraped rather than repaired.
    pub raw: bool,
    pub blocks: Vec<Block<'a>>,
    /// Numbered on screen from 1 in this order.
    pub links: Vec<Link>,
}

/// Article `id` as blocks, from its repaired paragraphs or, with `raw`, as scraped; `article`
/// is its body (`Store::body`), which the blocks borrow.
pub fn document<'a>(store: &Store, article: &'a Article, id: ArticleId, raw: bool) -> Document<'a> {
    let mut blocks = vec![Block::Title(&article.title), meta(article)];
    // As scraped where the repair changed something and the document is raw; the choice of
    // blocks is made on the repaired text, so `r` keeps every block (and every anchor) in place.
    let raw_or = |raw_text: &'a str, text: &'a str| {
        if raw && !raw_text.is_empty() {
            raw_text
        } else {
            text
        }
    };
    blocks.extend(
        article
            .photos
            .iter()
            .enumerate()
            .map(|(n, photo)| Block::Caption {
                caption: raw_or(
                    article.raw_captions.get(n).map_or("", String::as_str),
                    &photo.caption,
                ),
                credit: &photo.credit,
            }),
    );
    if !lead_repeats_first_paragraph(article) && !article.lead.trim().is_empty() {
        blocks.push(Block::Lead(raw_or(&article.raw_lead, &article.lead)));
    }
    if !article.is_full() {
        blocks.push(Block::Notice(Notice::SummaryOnly));
    }
    // An article read from an export made before raw text was kept has only `paragraphs`.
    let paragraphs = if raw && !article.raw_paragraphs.is_empty() {
        &article.raw_paragraphs
    } else {
        &article.paragraphs
    };
    blocks.extend(paragraphs.iter().map(|p| Block::Paragraph(p)));
    blocks.extend(article.signoff.as_deref().map(Block::Signoff));
    let links = links(store, article, id);
    let mut section = None;
    for (n, link) in links.iter().enumerate() {
        if section != Some(link.section) {
            section = Some(link.section);
            blocks.push(Block::Heading(link.section));
        }
        blocks.push(Block::Link(n));
    }
    Document {
        id,
        raw,
        blocks,
        links,
    }
}

/// The links of article `id` (whose body is `article`) in their on-screen order: its "Voir
/// plus" entries, then the pages that cite it. The one place link numbers come from.
pub fn links(store: &Store, article: &Article, id: ArticleId) -> Vec<Link> {
    let related = article
        .related
        .iter()
        .zip(store.targets(id))
        .map(|(entry, &target)| Link {
            target,
            section: Section::VoirPlus,
            title: entry.title.clone(),
            summary: entry.summary.clone(),
            full: store.article(target).is_full(),
        });
    let citers = store.cited_by(id).iter().map(|&citer| {
        let page = store.article(citer);
        Link {
            target: citer,
            section: Section::CitePar,
            title: page.title.clone(),
            summary: page.gist.clone(),
            full: page.is_full(),
        }
    });
    related.chain(citers).collect()
}

/// How many links article `id` has, without building them.
pub fn link_count(store: &Store, id: ArticleId) -> usize {
    store.targets(id).len() + store.cited_by(id).len()
}

/// Where link `n` (from 0) of article `id` leads.
pub fn link_target(store: &Store, id: ArticleId, n: usize) -> Option<ArticleId> {
    let targets = store.targets(id);
    targets
        .get(n)
        .or_else(|| store.cited_by(id).get(n.checked_sub(targets.len())?))
        .copied()
}

fn meta(article: &Article) -> Block<'_> {
    let dateline = article.dateline.as_ref();
    Block::Meta {
        place: dateline.and_then(|d| d.place.as_deref()),
        agency: dateline.map(|d| d.agency.as_str()),
        sources: &article.sources,
    }
}

/// The page's lead is often its first paragraph again (the dateline removed), as it is, glued
/// where the page had line breaks, or reworded a little (a year added, a clause cut): show it
/// once, as the paragraph, which is the fuller of the two. It is a copy when nearly all its
/// words come in order at the start of the paragraph, spaces ignored (glue-blind).
fn lead_repeats_first_paragraph(article: &Article) -> bool {
    let Some(first) = article.paragraphs.first() else {
        return false;
    };
    let lead = fold_compact(&article.lead);
    if lead.is_empty() {
        return false;
    }
    let paragraph = fold_compact(first);
    if paragraph.starts_with(&lead) {
        return true;
    }
    let folded = crate::fold::fold(&article.lead);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Words must be found in order, within a stretch of the paragraph not much longer than
    // the lead itself, so a short lead is not "found" scattered through a long paragraph.
    let reach = lead.len() + lead.len() / 2 + 16;
    let (mut at, mut found) = (0, 0);
    for word in &words {
        if let Some(pos) = paragraph.get(at..).and_then(|rest| rest.find(word))
            && at + pos + word.len() <= reach
        {
            at += pos + word.len();
            found += 1;
        }
    }
    words.len() >= 6 && found * 10 >= words.len() * 9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::RelatedLink;

    fn entry(title: &str) -> RelatedLink {
        RelatedLink {
            title: title.into(),
            summary: format!("À propos de {title}."),
            photo: None,
        }
    }

    #[test]
    fn links_are_numbered_voir_plus_first_then_cite_par_under_their_headings() {
        let mut a = Article::new("A");
        a.lead = "Le chapeau.".into();
        a.paragraphs = vec!["Le chapeau. Et la suite.".into()];
        a.related = vec![entry("B"), entry("Absent")];
        let mut b = Article::new("B");
        b.related = vec![entry("A")];
        let store = Store::from_pages(vec![a, b]).0;
        let body = store.body(ArticleId(0));
        let doc = document(&store, &body, ArticleId(0), false);
        assert!(
            !doc.blocks.iter().any(|b| matches!(b, Block::Lead(_))),
            "a lead repeated by the first paragraph is shown once"
        );
        let sections: Vec<_> = doc.links.iter().map(|l| l.section).collect();
        assert_eq!(
            sections,
            [Section::VoirPlus, Section::VoirPlus, Section::CitePar]
        );
        assert_eq!(
            doc.links.iter().map(|l| l.full).collect::<Vec<_>>(),
            [true, false, true]
        );
        let tail: Vec<&Block> = doc.blocks.iter().rev().take(5).collect();
        assert_eq!(
            tail,
            [
                &Block::Link(2),
                &Block::Heading(Section::CitePar),
                &Block::Link(1),
                &Block::Link(0),
                &Block::Heading(Section::VoirPlus)
            ]
        );
        for n in 0..4 {
            assert_eq!(
                link_target(&store, ArticleId(0), n),
                doc.links.get(n).map(|l| l.target)
            );
        }
        assert_eq!(link_count(&store, ArticleId(0)), 3);
    }

    fn lead_and_first(lead: &str, first: &str) -> bool {
        let mut a = Article::new("A");
        a.lead = lead.into();
        a.paragraphs = vec![first.into()];
        lead_repeats_first_paragraph(&a)
    }

    #[test]
    fn a_lead_copied_glued_or_reworded_as_the_first_paragraph_is_a_repeat() {
        let lead = "Le président Nguyen Xuan Phuc effectuera une visite officielle à Cuba du 18 \
                    au 20 septembre avant de participer à un débat de l'Assemblée générale.";
        assert!(lead_and_first(lead, lead));
        let glued_and_reworded = "Le président Nguyen Xuan Phuceffectuera une visite officielle \
            à Cuba du 18 au 20 septembre 2021 avant departiciper à un débat de haut niveau de la \
            76e session de l'Assemblée générale de l’ONU et de mener des activités bilatérales.";
        assert!(lead_and_first(lead, glued_and_reworded));
        let other = "La délégation a rencontré des responsables du ministère de l'Industrie et \
            visité une usine de la province, avant de participer à un débat sur le commerce.";
        assert!(!lead_and_first(lead, other), "a different first paragraph");
        let scattered = format!(
            "Le président {} effectuera, à Cuba, {}",
            "x ".repeat(200),
            lead
        );
        assert!(!lead_and_first(
            "Le président effectuera une visite à Cuba du 18 au 20.",
            &scattered
        ));
    }

    #[test]
    fn a_summary_only_article_says_so() {
        let mut a = Article::new("A");
        a.related = vec![entry("Absent")];
        let store = Store::from_pages(vec![a]).0;
        let body = store.body(ArticleId(1));
        let doc = document(&store, &body, ArticleId(1), false);
        assert!(doc.blocks.contains(&Block::Notice(Notice::SummaryOnly)));
        assert_eq!(doc.links.len(), 1);
        assert_eq!(doc.links[0].section, Section::CitePar);
    }
}
