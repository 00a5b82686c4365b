//! What a page says about its own words: which words stand alone, which pairs of words stand
//! side by side, and whether the page is written with accents. Built from the page's text
//! (title, lead, paragraphs, captions, "Voir plus" entries); it judges nothing itself.

use crate::fold::is_letter;
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// Below this many words a page is too short to tell whether it is written with accents.
const MIN_WORDS_FOR_ACCENTS: usize = 20;

/// Share of words with a non-ASCII letter above which a page counts as accented French (real
/// French prose has well over one word in ten; a page stripped to ASCII has none).
const ACCENTED_SHARE: f64 = 0.05;

/// It borrows the page's text: a page's words and pairs are tens of thousands of slices of it,
/// and a copy of each (a string per word, one per pair) was most of the evidence's cost.
#[derive(Debug, Clone, Default)]
pub struct Evidence<'t> {
    /// Words that stand alone somewhere, exact case, surrounding punctuation trimmed.
    words: HashSet<&'t str>,
    /// Two words side by side, separated by white space only.
    pairs: HashSet<(&'t str, &'t str)>,
    /// The same pairs indexed by their parts, built the first time a long token asks.
    by_part: OnceLock<ByPart<'t>>,
    accented: bool,
}

/// The page's pairs by their parts, for long tokens: one look-up per token instead of one per
/// split point, each hashing the token again.
#[derive(Debug, Clone, Default)]
struct ByPart<'t> {
    /// By left word: the words seen right after it.
    followers: HashMap<&'t str, Vec<&'t str>>,
    /// Glued (`leftright`): where each splits (the left word's length in bytes).
    glued: HashMap<String, Vec<usize>>,
}

impl<'t> Evidence<'t> {
    /// Evidence from every text of one page (or one batch of pages).
    pub fn from_texts(texts: impl IntoIterator<Item = &'t str>) -> Self {
        let texts: Vec<&str> = texts.into_iter().collect();
        let mut evidence = Evidence::default();
        // About one word in 6 bytes of French, most of them again and again, and one new pair
        // in two words: sized once, the sets are never grown (growing them was a tenth of
        // the evidence's cost).
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        evidence.words.reserve(bytes / 16);
        evidence.pairs.reserve(bytes / 10);
        let (mut words, mut accented) = (0usize, 0usize);
        for text in texts {
            let mut previous: Option<&str> = None;
            for token in text.split_whitespace() {
                let (lead_trimmed, both_trimmed) = trimmed(token);
                if is_word(both_trimmed) {
                    words += 1;
                    accented += usize::from(!both_trimmed.is_ascii());
                    evidence.words.insert(both_trimmed);
                }
                if let (Some(left), true) = (previous, is_word(token_head(token))) {
                    evidence.pairs.insert((left, token_head(token)));
                }
                previous = is_word(lead_trimmed).then_some(lead_trimmed);
            }
        }
        evidence.accented =
            words >= MIN_WORDS_FOR_ACCENTS && accented as f64 >= ACCENTED_SHARE * words as f64;
        evidence
    }

    fn by_part(&self) -> &ByPart<'t> {
        self.by_part.get_or_init(|| {
            let mut by_part = ByPart::default();
            for &(left, right) in &self.pairs {
                by_part.followers.entry(left).or_default().push(right);
                by_part
                    .glued
                    .entry(format!("{left}{right}"))
                    .or_default()
                    .push(left.len());
            }
            by_part
        })
    }

    /// The words seen right after `left` (exact case), each once.
    pub fn followers(&self, left: &str) -> &[&'t str] {
        self.by_part()
            .followers
            .get(left)
            .map_or(&[], Vec::as_slice)
    }

    /// Where `token` splits into a pair of the page: each byte offset `at` such that
    /// `token[..at] token[at..]` stand side by side somewhere.
    pub fn pair_splits(&self, token: &str) -> &[usize] {
        self.by_part().glued.get(token).map_or(&[], Vec::as_slice)
    }

    /// Whether `word` stands alone somewhere in the page (exact case).
    pub fn has_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether `left right` occurs as two adjacent words (exact case).
    pub fn has_pair(&self, left: &str, right: &str) -> bool {
        self.pairs.contains(&(left, right))
    }

    /// Whether the page is written with accents, so that an unaccented look-alike of a word
    /// (`delivrer` for `délivrer`) is a glue rather than the page's spelling.
    pub fn is_accented(&self) -> bool {
        self.accented
    }
}

/// A token without its opening punctuation, and without its closing punctuation too.
fn trimmed(token: &str) -> (&str, &str) {
    let lead = token.trim_start_matches(|c: char| !is_letter(c));
    (lead, lead.trim_end_matches(|c: char| !is_letter(c)))
}

/// The token's start for the right side of a pair: closing punctuation may follow the word
/// (`pandémie.`), but nothing may precede it.
fn token_head(token: &str) -> &str {
    token.trim_end_matches(|c: char| !is_letter(c))
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_need_plain_words_on_both_sides() {
        let evidence = Evidence::from_texts(["(la pandémie.) Nguyen Xuan\u{a0}Phuc, l'ONU a"]);
        assert!(evidence.has_pair("la", "pandémie"));
        assert!(evidence.has_pair("Xuan", "Phuc"));
        assert!(!evidence.has_pair("pandémie", "Nguyen"));
        assert!(!evidence.has_pair("Phuc", "l"));
        assert_eq!(evidence.pair_splits("XuanPhuc"), [4]);
        assert_eq!(evidence.followers("Nguyen"), ["Xuan"]);
        assert!(evidence.pair_splits("Xuan Phuc").is_empty());
        assert!(evidence.has_word("Phuc") && evidence.has_word("pandémie"));
        assert!(!evidence.has_word("l'ONU"));
        assert!(!evidence.is_accented());
    }

    #[test]
    fn accents_are_judged_on_enough_words() {
        let french = "Le président a déclaré que la coopération était très étroite. ".repeat(3);
        assert!(Evidence::from_texts([french.as_str()]).is_accented());
        let ascii = "Le president a declare que la cooperation etait tres etroite. ".repeat(3);
        assert!(!Evidence::from_texts([ascii.as_str()]).is_accented());
    }
}
