//! The glued-word repair's worst case as text: tokens of 40 to 48 letters, each made of words
//! of the list glued together, from a fixed sequence (the same text every run). Shared by the
//! bench and the `glue_cost` example, which include this file by path.

use liseuse::ingest::repair::Lexicon;

/// About `bytes` of such tokens, separated by spaces, with a line break instead about one time
/// in `lines_every` (never, with 0).
pub fn tokens(lexicon: &Lexicon, bytes: usize, lines_every: usize) -> String {
    let words: Vec<&str> = lexicon
        .words()
        .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() >= 2)
        .collect();
    // A fixed linear congruential sequence.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut text = String::new();
    while text.len() < bytes {
        let target = 40 + next(9);
        let mut token = String::new();
        while token.chars().count() < target {
            token.push_str(words[next(words.len())]);
        }
        text.extend(token.chars().take(48));
        let line = lines_every > 0 && next(lines_every) == 0;
        text.push(if line { '\n' } else { ' ' });
    }
    text
}
