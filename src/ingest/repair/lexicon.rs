//! The French word list the repairer trusts: membership, "does any word start with this", and
//! membership ignoring accents. Not a dictionary of meanings, and it knows no names.
//!
//! The bundled list (`mots.txt`, MIT, see `mots.LICENSE`) is front-coded to keep the
//! repository small; `build.rs` decodes it into one string and a table of word ends, which the
//! binary holds as they are (nothing to decode at start).

use foldhash::HashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use super::compounds::compound_parts;
use super::word_slots;

#[cfg(test)]
use super::front_coded;

/// The bundled list's words, sorted by UTF-8 bytes, joined (decoded by `build.rs`).
const BUNDLED_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/mots.words"));
/// Where each of them ends in [`BUNDLED_WORDS`], as little-endian `u32`s.
const BUNDLED_ENDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mots.ends"));
/// A hash table of their indices, as little-endian `u32`s (see [`word_slots`]).
const BUNDLED_SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/mots.slots"));
/// The first and second parts of its hyphenated compounds (see [`compound_parts`]).
const BUNDLED_COMPOUNDS: &str = include_str!(concat!(env!("OUT_DIR"), "/mots.compounds"));

/// The little-endian `u32` at index `i` of `bytes`.
fn read_u32(bytes: &[u8], i: usize) -> u32 {
    let bytes = &bytes[4 * i..4 * i + 4];
    u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

/// Letters that the word list writes with accents, by the bare letter they fold to.
pub(super) const ACCENTED: &[(char, &[char])] = &[
    ('a', &['à', 'â', 'ä']),
    ('c', &['ç']),
    ('e', &['é', 'è', 'ê', 'ë']),
    ('i', &['î', 'ï']),
    ('o', &['ô', 'ö']),
    ('u', &['ù', 'û', 'ü']),
    ('y', &['ÿ']),
];

/// A sorted set of lower-case words (`œ` written `oe`, as the list does).
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    text: Cow<'static, str>,
    /// Where word `i` ends in `text` (word 0 starts at 0), as the little-endian `u32` at
    /// `4 * i`: the bundled table is used as the binary holds it, with nothing to decode.
    ends: Cow<'static, [u8]>,
    /// The words' indices hashed (see [`word_slots`]), held like `ends`: membership is one
    /// probe, where a binary search cost ~19 string compares (a tenth of `export`'s time).
    slots: Cow<'static, [u8]>,
    /// First and second parts of the list's hyphenated compounds of two long words
    /// (`bateau-mouche`): words that build compounds, so a welded pair may be one.
    compound_heads: HashSet<String>,
    compound_tails: HashSet<String>,
}

impl Lexicon {
    /// The bundled list, made on first use and shared afterwards.
    pub fn bundled() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::decode_bundled)
    }

    /// A fresh copy of the bundled list, for measuring what [`Lexicon::bundled`] costs once:
    /// the compound parts found.
    pub fn decode_bundled() -> Lexicon {
        // Found by `build.rs`: heads, a blank line, tails (searching the list for them here
        // took ~2 ms of the first article opened, most of it bringing the whole list in).
        let (heads, tails) = BUNDLED_COMPOUNDS
            .split_once("\n\n")
            .unwrap_or((BUNDLED_COMPOUNDS, ""));
        let set = |parts: &str| parts.lines().map(str::to_owned).collect();
        Lexicon {
            text: Cow::Borrowed(BUNDLED_WORDS),
            ends: Cow::Borrowed(BUNDLED_ENDS),
            slots: Cow::Borrowed(BUNDLED_SLOTS),
            compound_heads: set(heads),
            compound_tails: set(tails),
        }
    }

    /// A lexicon of `words`, folded with [`fold_word`], sorted and deduplicated (for tests and
    /// for callers with their own list).
    pub fn from_words<I, S>(words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut folded: Vec<String> = words
            .into_iter()
            .map(|w| fold_word(w.as_ref()))
            .filter(|w| !w.is_empty())
            .collect();
        folded.sort_unstable();
        folded.dedup();
        let mut lexicon = Lexicon::default();
        for word in &folded {
            lexicon.push(word);
        }
        lexicon.with_slots().with_compound_parts()
    }

    /// Front-coded lines → words (see [`front_coded::decode`]).
    #[cfg(test)]
    fn decode(front_coded: &str) -> Self {
        let (text, ends) = front_coded::decode(front_coded);
        Lexicon {
            text: Cow::Owned(text),
            ends: Cow::Owned(ends.iter().flat_map(|end| end.to_le_bytes()).collect()),
            ..Lexicon::default()
        }
        .with_slots()
        .with_compound_parts()
    }

    /// Hashes the words of a list made at run time (the bundled one's come from `build.rs`).
    fn with_slots(mut self) -> Self {
        let words: Vec<&str> = self.words().collect();
        let slots = word_slots::build(words.into_iter());
        self.slots = Cow::Owned(slots.iter().flat_map(|slot| slot.to_le_bytes()).collect());
        self
    }

    /// Finds the compound parts among the list's hyphenated words: found by searching the
    /// text for `-` (fast), not by looking at each of the 336,000 words.
    fn with_compound_parts(mut self) -> Self {
        let mut hyphenated: Vec<usize> = (self.text.match_indices('-'))
            .map(|(at, _)| self.word_at(at))
            .collect();
        hyphenated.dedup();
        let (heads, tails) = compound_parts(hyphenated.iter().map(|&i| self.word(i)), |part| {
            self.contains(part)
        });
        let owned = |parts: Vec<&str>| parts.into_iter().map(str::to_owned).collect();
        (self.compound_heads, self.compound_tails) = (owned(heads), owned(tails));
        self
    }

    /// The index of the word that byte `at` of the text falls in.
    fn word_at(&self, at: usize) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.end(mid) <= at {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    fn push(&mut self, word: &str) {
        self.text.to_mut().push_str(word);
        let end = self.text.len() as u32;
        self.ends.to_mut().extend(end.to_le_bytes());
    }

    pub fn len(&self) -> usize {
        self.ends.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        &self.text[start..self.end(i)]
    }

    fn end(&self, i: usize) -> usize {
        read_u32(&self.ends, i) as usize
    }

    /// Every word, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.word(i))
    }

    /// Index of the first word not less than `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.word(mid) < key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// Whether `word` (already folded) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let slot = |i| read_u32(&self.slots, i);
        word_slots::candidates(word.as_bytes(), self.slots.len() / 4, slot)
            .any(|i| self.word(i) == word)
    }

    /// Whether some word of the list starts with `prefix` (already folded), itself included.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        let i = self.lower_bound(prefix);
        i < self.len() && self.word(i).starts_with(prefix)
    }

    /// Whether `head` then `tail` (folded) may be one compound rather than two words: the list
    /// has it hyphenated (`chauve-souris`), or either part builds other hyphenated compounds.
    pub fn may_be_compound(&self, head: &str, tail: &str) -> bool {
        self.compound_heads.contains(head)
            || self.compound_tails.contains(tail)
            || self.contains(&format!("{head}-{tail}"))
    }

    /// Whether the list holds `word` (folded) with any accents added or removed: `delivrer`
    /// finds `délivrer`. Letters are tried one at a time, and a branch stops as soon as no word
    /// starts with it, so the search stays small however many vowels the word has; each letter
    /// is looked up among the words that begin like the letters before it, not the whole list.
    pub fn contains_ignoring_accents(&self, word: &str) -> bool {
        let bare: Vec<char> = word.chars().map(bare_letter).collect();
        let mut prefix = String::with_capacity(word.len() + 8);
        self.search_accents(&bare, &mut prefix, 0..self.len())
    }

    /// `words` holds exactly the listed words that begin with `prefix`.
    fn search_accents(&self, rest: &[char], prefix: &mut String, words: Range<usize>) -> bool {
        let Some((&first, rest)) = rest.split_first() else {
            // The prefix itself, if listed, sorts first among the words it begins.
            return !words.is_empty() && self.word(words.start) == prefix;
        };
        let variants = ACCENTED
            .iter()
            .find(|(bare, _)| *bare == first)
            .map_or(&[][..], |(_, accented)| accented);
        for letter in std::iter::once(first).chain(variants.iter().copied()) {
            let len = prefix.len();
            prefix.push(letter);
            let narrower = self.beginning_with(words.clone(), prefix);
            let found = !narrower.is_empty() && self.search_accents(rest, prefix, narrower);
            prefix.truncate(len);
            if found {
                return true;
            }
        }
        false
    }

    /// The words of `within` (a sorted range) that begin with `prefix`: a block, after the
    /// words that sort before `prefix`.
    fn beginning_with(&self, within: Range<usize>, prefix: &str) -> Range<usize> {
        let start = within.start + self.partition(within.clone(), |w| w < prefix);
        let end = start + self.partition(start..within.end, |w| w.starts_with(prefix));
        start..end
    }

    /// How many words of `within`, from its start, satisfy `pred` (true then false).
    fn partition(&self, within: Range<usize>, pred: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (within.start, within.end);
        while low < high {
            let mid = low + (high - low) / 2;
            if pred(self.word(mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low - within.start
    }
}

/// `é` → `e`, and so on for the letters the list accents; any other character is kept.
fn bare_letter(c: char) -> char {
    ACCENTED
        .iter()
        .find(|(_, accented)| accented.contains(&c))
        .map_or(c, |(bare, _)| *bare)
}

/// The form the list is written in: lower case, `œ` → `oe`, `æ` → `ae`, `’` → `'`.
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    fold_chars_into(word.chars(), &mut out);
    out
}

/// [`fold_word`] for a run of characters, appended to `out`.
pub fn fold_chars_into(chars: impl IntoIterator<Item = char>, out: &mut String) {
    for c in chars {
        match c {
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_list_decodes_every_line() {
        let lexicon = Lexicon::bundled();
        assert_eq!(lexicon.len(), include_str!("mots.txt").lines().count());
        assert!(
            lexicon
                .words()
                .zip(lexicon.words().skip(1))
                .all(|(a, b)| a < b)
        );
        for word in ["abaissa", "dessous", "oeuvre", "rencontrera", "zygote"] {
            assert!(lexicon.contains(word), "{word}");
        }
        assert!(!lexicon.contains("phuc"));
    }

    #[test]
    fn the_compound_parts_found_at_build_time_are_those_found_now() {
        let bundled = Lexicon::bundled();
        let found = Lexicon {
            compound_heads: HashSet::default(),
            compound_tails: HashSet::default(),
            ..bundled.clone()
        }
        .with_compound_parts();
        assert!(!found.compound_heads.is_empty() && !found.compound_tails.is_empty());
        assert_eq!(bundled.compound_heads, found.compound_heads);
        assert_eq!(bundled.compound_tails, found.compound_tails);
    }

    #[test]
    fn prefixes_and_accents() {
        let lexicon = Lexicon::from_words(["délivrer", "Œuvre", "livrer"]);
        assert!(lexicon.contains("oeuvre"));
        assert!(lexicon.has_prefix("déli") && !lexicon.has_prefix("deli"));
        assert!(lexicon.contains_ignoring_accents("delivrer"));
        assert!(lexicon.contains_ignoring_accents("dèlivrér"));
        assert!(!lexicon.contains_ignoring_accents("delivre"));
    }

    #[test]
    fn a_malformed_list_loses_lines_not_the_program() {
        let lexicon = Lexicon::decode("0abc\n9x\n\n2d\n\u{1}z\né\n");
        assert_eq!(lexicon.words().collect::<Vec<_>>(), ["abc", "abd"]);
    }
}
