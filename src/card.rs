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
        let (scraped_hash, content_hash) = hashes(page);
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
            scraped_hash,
            content_hash,
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

    /// [`feed`](Self::feed) of the same text to two hashes, in one pass.
    fn feed_both(a: &mut Fnv, b: &mut Fnv, text: &str) {
        for &byte in text.as_bytes().iter().chain(&[0xff]) {
            a.0 = (a.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            b.0 = (b.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Two FNV-1a hashes of `page`, as scraped (before the glued-word repair, which may improve
/// between versions). The first, of its folded title and, for a full page, its lead and
/// paragraphs, tells apart the keys of pages whose titles slug alike; the second, of everything
/// that makes a page itself (title, lead, dateline, captions and credits, paragraphs, sign-off,
/// "Voir plus" entries; not where it was read), finds the same page read twice. The text both
/// take is fed to both in one pass: FNV is a chain of multiplications, one byte after the
/// other, and two chains side by side run in the time of one (a tenth of a page's parse).
fn hashes(page: &Article) -> (u64, u64) {
    let (mut key, mut content) = (Fnv::new(), Fnv::new());
    key.feed(&fold_compact(&page.title));
    content.feed(if page.is_full() { "full" } else { "summary" });
    content.feed(&page.title);
    let lead = scraped(&page.raw_lead, &page.lead);
    let paragraphs = scraped_paragraphs(page);
    if page.is_full() {
        Fnv::feed_both(&mut key, &mut content, lead);
    } else {
        content.feed(lead);
    }
    if let Some(dateline) = &page.dateline {
        content.feed(dateline.place.as_deref().unwrap_or(""));
        content.feed(&dateline.agency);
    }
    for (n, photo) in page.photos.iter().enumerate() {
        content.feed(scraped(
            page.raw_captions.get(n).map_or("", String::as_str),
            &photo.caption,
        ));
        content.feed(&photo.credit);
    }
    content.feed("paragraphs");
    for paragraph in paragraphs {
        if page.is_full() {
            Fnv::feed_both(&mut key, &mut content, paragraph);
        } else {
            content.feed(paragraph);
        }
    }
    content.feed(page.signoff.as_deref().unwrap_or(""));
    for link in &page.related {
        content.feed(&link.title);
        content.feed(&link.summary);
        if let Some(photo) = &link.photo {
            content.feed(&photo.caption);
            content.feed(&photo.credit);
        }
    }
    (key.0, content.0)
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

    // The two hashes computed one after the other, as they were before they shared a pass:
    // their values are in saved state, catalogues and search indexes, so they must not change.
    /// The folded title and, for a full page, its lead and paragraphs as scraped (before the
    /// glued-word repair, which may improve between versions).
    fn scraped_hash_one_by_one(page: &Article) -> u64 {
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
    fn content_hash_one_by_one(page: &Article) -> u64 {
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

    #[test]
    fn both_hashes_in_one_pass_are_the_hashes_one_by_one() {
        let mut pages = crate::ingest::load_bundled().pages;
        assert!(!pages.is_empty(), "the bundled corpus");
        // Repaired, they keep their text as scraped apart: both are hashed as scraped.
        let repaired: Vec<Article> = (pages.iter().cloned())
            .map(|mut page| {
                crate::ingest::repair::repair_page(&mut page);
                page
            })
            .collect();
        assert!(repaired.iter().any(|p| !p.raw_paragraphs.is_empty()));
        pages.extend(repaired);
        pages.push(Article {
            kind: Kind::Summary,
            lead: "Un résumé".into(),
            ..Article::new("Tô Lâm à Hanoï")
        });
        for page in &pages {
            let one_by_one = (scraped_hash_one_by_one(page), content_hash_one_by_one(page));
            assert_eq!(hashes(page), one_by_one, "{}", page.title);
        }
    }

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
