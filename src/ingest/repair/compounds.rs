//! Which words build the word list's hyphenated compounds of two long words (`bateau-mouche`):
//! shared by `build.rs`, which finds them once for the bundled list, and the lexicon, which
//! finds them for a list of its caller's.

/// Parts of hyphenated compounds count when both have at least this many letters: shorter
/// ones (`nord-américaine`) are prefixes more than words, and would bar common words.
pub const COMPOUND_PART_MIN: usize = 6;

/// The first and second parts of the compounds among `hyphenated` whose parts are both long
/// letters-only words that `listed` knows.
pub fn compound_parts<'w>(
    hyphenated: impl IntoIterator<Item = &'w str>,
    listed: impl Fn(&str) -> bool,
) -> (Vec<&'w str>, Vec<&'w str>) {
    let long_word = |part: &str| {
        part.chars().count() >= COMPOUND_PART_MIN
            && part.chars().all(char::is_alphabetic)
            && listed(part)
    };
    let (mut heads, mut tails) = (Vec::new(), Vec::new());
    for word in hyphenated {
        if let Some((head, tail)) = word.split_once('-')
            && long_word(head)
            && long_word(tail)
        {
            heads.push(head);
            tails.push(tail);
        }
    }
    (heads, tails)
}
