//! What the catalogue knows of a page without its body: the store is built from cards, and the
//! persistent catalogue (`catalogue`) keeps them between runs, so that a warm start reads no
//! page. Plain serde data, made from an `Article` once.

use serde::{Deserialize, Serialize};

use crate::article::{Article, Kind, Origin};
use crate::fold::{fold_compact, slug};

/// How much of a lead a card keeps as its gist: more than a link's summary row shows.
const GIST_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub kind: Kind,
    pub title: String,
    /// The page had no title line: `title` was derived from its first sentence.
    pub title_derived: bool,
    /// What it is about, in one breath (the start of its lead, or of its first paragraph as
    /// scraped), for the "Cité par" entries of the pages it cites.
    pub gist: String,
    /// The titles of its "Voir plus" entries, in order: what the store resolves.
    pub related: Vec<String>,
    /// Files it was read from.
    pub sources: Vec<String>,
    /// Where its body can be read again.
    pub origin: Origin,
    /// A hash of its folded title and scraped text: what tells apart the keys of articles whose
    /// titles slug alike (`Store::key`).
    pub scraped_hash: u64,
    /// A hash of its exact title and text: the same page read from two files.
    pub content_hash: u64,
    /// What the store files it under, folded on the loading threads (a warm start folds every
    /// title and link of the corpus: on the reader's thread, that was half of its work). Never
    /// written: it is derived, and made again when missing.
    #[serde(skip)]
    pub keys: Derived,
}

/// The folded forms the store files a card under.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    /// The folded title (`fold_compact`): the store's title index.
    pub title: String,
    /// The slug of the title: the article's key, unless other titles slug alike.
    pub base: String,
    /// The folded title of each "Voir plus" entry, in order (their slugs are made only for the
    /// titles no page has: most lead to a page).
    pub related: Vec<String>,
}

impl Keys {
    pub fn of(title: &str, related: &[String]) -> Keys {
        Keys {
            title: fold_compact(title),
            base: slug(title),
            related: related.iter().map(|title| fold_compact(title)).collect(),
        }
    }
}

/// A card's keys when they are made already. Derived from the card's own fields, they never
/// tell two cards apart.
#[derive(Debug, Clone, Default)]
pub struct Derived(Option<Box<Keys>>);

impl PartialEq for Derived {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Derived {}

impl Card {
    pub fn of(page: &Article) -> Card {
        let lead = scraped(&page.raw_lead, &page.lead);
        let gist = if lead.trim().is_empty() {
            scraped_paragraphs(page).first().map_or("", String::as_str)
        } else {
            lead
        };
        Card {
            kind: page.kind,
            title: page.title.clone(),
            title_derived: page.title_derived,
            gist: cut(gist, GIST_CHARS),
            related: page.related.iter().map(|r| r.title.clone()).collect(),
            sources: page.sources.clone(),
            origin: page.origin.clone(),
            scraped_hash: scraped_hash(page),
            content_hash: content_hash(page),
            keys: Derived::default(),
        }
        .with_keys()
    }

    /// The card with its keys made, if they were not.
    pub fn with_keys(mut self) -> Card {
        if self.keys.0.is_none() {
            self.keys = Derived(Some(Box::new(Keys::of(&self.title, &self.related))));
        }
        self
    }

    /// Its keys, made now if they were not.
    pub fn take_keys(&mut self) -> Keys {
        match self.keys.0.take() {
            Some(keys) => *keys,
            None => Keys::of(&self.title, &self.related),
        }
    }

    /// The card of a summary-only article made for a "Voir plus" entry no page has: what
    /// [`Card::of`] gives for a summary article of that title alone, from the folded title
    /// `key` its caller already has (the store makes tens of thousands at each start).
    pub fn stub(title: &str, key: &str) -> Card {
        let mut scraped = Fnv::new();
        scraped.feed(key);
        let mut content = Fnv::new();
        for part in ["summary", title, "", "paragraphs", ""] {
            content.feed(part);
        }
        Card {
            kind: Kind::Summary,
            title: title.to_owned(),
            title_derived: false,
            gist: String::new(),
            related: Vec::new(),
            sources: Vec::new(),
            origin: Origin::Held,
            scraped_hash: scraped.0,
            content_hash: content.0,
            keys: Derived::default(),
        }
    }

    pub fn is_full(&self) -> bool {
        self.kind == Kind::Full
    }
}

/// `text` up to `chars` characters, cut at a space with `…` after when it goes on.
fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        None => text.to_owned(),
        Some((end, _)) => {
            let head = &text[..end];
            let head = head.rfind(' ').map_or(head, |space| &head[..space]);
            format!("{}…", head.trim_end())
        }
    }
}

/// FNV-1a: fixed by the bytes alone, in every run and version, unlike `std`'s hashers.
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds `text` and a separator (so `ab`,`c` and `a`,`bc` differ).
    pub(crate) fn feed(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0xff]);
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The folded title and, for a full page, its lead and paragraphs as scraped (before the
/// glued-word repair, which may improve between versions).
fn scraped_hash(page: &Article) -> u64 {
    let mut hash = Fnv::new();
    hash.feed(&fold_compact(&page.title));
    if page.is_full() {
        hash.feed(scraped(&page.raw_lead, &page.lead));
        for paragraph in scraped_paragraphs(page) {
            hash.feed(paragraph);
        }
    }
    hash.0
}

/// Everything that makes a page itself, as scraped: title, lead, dateline, captions and credits,
/// paragraphs, sign-off, "Voir plus" entries. Not where it was read, nor its repair.
fn content_hash(page: &Article) -> u64 {
    let mut hash = Fnv::new();
    hash.feed(if page.is_full() { "full" } else { "summary" });
    hash.feed(&page.title);
    hash.feed(scraped(&page.raw_lead, &page.lead));
    if let Some(dateline) = &page.dateline {
        hash.feed(dateline.place.as_deref().unwrap_or(""));
        hash.feed(&dateline.agency);
    }
    for (n, photo) in page.photos.iter().enumerate() {
        hash.feed(scraped(
            page.raw_captions.get(n).map_or("", String::as_str),
            &photo.caption,
        ));
        hash.feed(&photo.credit);
    }
    hash.feed("paragraphs");
    for paragraph in scraped_paragraphs(page) {
        hash.feed(paragraph);
    }
    hash.feed(page.signoff.as_deref().unwrap_or(""));
    for link in &page.related {
        hash.feed(&link.title);
        hash.feed(&link.summary);
        if let Some(photo) = &link.photo {
            hash.feed(&photo.caption);
            hash.feed(&photo.credit);
        }
    }
    hash.0
}

/// The text as scraped: the raw twin where the repair kept one.
fn scraped<'a>(raw: &'a str, text: &'a str) -> &'a str {
    if raw.is_empty() { text } else { raw }
}

fn scraped_paragraphs(page: &Article) -> &[String] {
    if page.raw_paragraphs.is_empty() {
        &page.paragraphs
    } else {
        &page.raw_paragraphs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stub_card_is_the_card_of_a_summary_article_of_its_title() {
        for title in ["Tô Lâm à Hanoï", "", "« L’œuvre » – 2026", "  ESPACES  "] {
            let page = Article {
                kind: Kind::Summary,
                ..Article::new(title)
            };
            assert_eq!(
                Card::stub(title, &fold_compact(title)),
                Card::of(&page),
                "{title}"
            );
        }
    }
}
