//! A hash table over the word list's indices, made by `build.rs` for the bundled list, so
//! membership costs one hashed probe instead of a binary search of 336,000 words.
//!
//! Shared with `build.rs` (by `#[path]`), which is why it knows only bytes and `u32`s.

/// Low bits of a slot: the word's index plus one (0 is an empty slot).
const INDEX_BITS: u32 = 20;
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

/// FNV-1a: simple, the same in `build.rs` and at run time, and good enough for words.
pub fn hash(word: &[u8]) -> u64 {
    word.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The high bits of a slot: a few bits of the hash, so most probes that meet another word are
/// told apart without comparing the strings.
fn tag(hash: u64) -> u32 {
    ((hash >> 40) as u32) << INDEX_BITS
}

/// Slots for `words` (their indices in order), a power of two at least 1.5 × their number,
/// linearly probed.
pub fn build<'a>(words: impl ExactSizeIterator<Item = &'a str>) -> Vec<u32> {
    let count = words.len();
    assert!(count < INDEX_MASK as usize, "too many words for a slot");
    let size = (count * 3 / 2).next_power_of_two().max(16);
    let mut slots = vec![0u32; size];
    for (index, word) in words.enumerate() {
        let hash = hash(word.as_bytes());
        let mut at = hash as usize & (size - 1);
        while slots[at] != 0 {
            at = (at + 1) & (size - 1);
        }
        slots[at] = tag(hash) | (index as u32 + 1);
    }
    slots
}

/// The indices of the words that may be `word`, in probe order: `slot(i)` reads slot `i` of
/// `len` slots; the caller compares each candidate.
pub fn candidates(
    word: &[u8],
    len: usize,
    slot: impl Fn(usize) -> u32,
) -> impl Iterator<Item = usize> {
    let hash = hash(word);
    let wanted = tag(hash);
    let start = hash as usize & len.wrapping_sub(1);
    (0..len)
        .map(move |step| slot((start + step) & (len - 1)))
        .take_while(|&slot| slot != 0)
        .filter(move |&slot| slot & !INDEX_MASK == wanted)
        .map(|slot| (slot & INDEX_MASK) as usize - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(words: &[&str], slots: &[u32], word: &str) -> bool {
        candidates(word.as_bytes(), slots.len(), |i| slots[i]).any(|i| words[i] == word)
    }

    #[test]
    fn every_word_is_found_and_no_other() {
        let words: Vec<String> = (0..5_000).map(|n| format!("mot{n}")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let slots = build(words.iter().copied());
        assert!(slots.len().is_power_of_two() && slots.len() >= 7_500);
        assert!(words.iter().all(|word| finds(&words, &slots, word)));
        assert!(
            !["mot5000", "mot", "", "mot-1"]
                .iter()
                .any(|w| finds(&words, &slots, w))
        );
    }

    #[test]
    fn an_empty_table_finds_nothing() {
        assert!(!finds(&[], &[], "mot"));
        assert!(!finds(&[], &build(std::iter::empty()), "mot"));
    }
}
