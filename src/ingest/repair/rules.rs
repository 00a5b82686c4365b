//! Where, if anywhere, one run of letters is two glued words, and by which rule. Each rule needs
//! evidence beyond "both halves are words": the page itself, a case change, or a function word
//! with grammar and the word list behind it. A run the word list knows is never split.

use std::cell::OnceCell;

use super::evidence::Evidence;
use super::lexicon::{Lexicon, fold_chars_into, fold_word};
use super::morph::{self, BACK, BEFORE_CAPITAL, ELIDING, FRONT, PREFIX_WORDS};

/// Runs shorter than this are left alone: no glue of two words is that short.
const MIN_LETTERS: usize = 4;
/// Runs longer than this are left alone: no two French words glued reach it, and the rules cost
/// grows with the length.
const MAX_LETTERS: usize = 48;
/// Runs up to this long try each split point against the page's pairs; longer ones look their
/// pairs up by their parts, so the work per run stays linear in its length.
const SHORT_RUN: usize = 16;
/// A glued page pair is at least this long (`enœuvre`), so `dela`-like fragments stay.
const MIN_PAIR_LETTERS: usize = 5;
/// The word after a function word, or after a known left half, has at least this many letters.
const MIN_FRONT_WORD: usize = 6;
const MIN_CONTEXT_WORD: usize = 5;
/// A word before a glued function word has at least this many letters.
const MIN_BACK_WORD: usize = 5;
/// Each half of two glued content words has at least this many letters.
const MIN_HALF: usize = 6;
/// A split's left half, plus this many letters of the right, must begin no word of the list…
const NOVEL_EXTRA: usize = 2;
/// …and that prefix is at least this long.
const NOVEL_MIN: usize = 5;

/// Why a space was inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The page has the two halves side by side elsewhere (`Phuceffectuera`: the lead has
    /// `Phuc effectuera`).
    Pair,
    /// The page has the word before the token followed by the left half (`Xuan Phuc`), and the
    /// right half is a word (`Xuan Phucrencontrera`).
    Context,
    /// A function word before a capital, whose word stands alone in the page (`leVietnam`).
    Capital,
    /// A letter right after a comma (`amis,a`, `amis ,a`).
    Comma,
    /// A sentence glued after its period (`pays.Le`, `M.Giang`): a word before the period, a
    /// capitalised word after it, both known to the word list or the page.
    Period,
    /// A word glued to an elided article before a vowel (`seral'occasion`).
    Elision,
    /// A function word glued before a word that may follow it (`lapandémie`).
    FrontWord,
    /// A function word glued after a word (`positiondu`).
    BackWord,
    /// Two long words (`administrationaméricaine`).
    TwoWords,
}

impl Rule {
    pub const ALL: [Rule; 9] = [
        Rule::Pair,
        Rule::Context,
        Rule::Capital,
        Rule::Comma,
        Rule::Period,
        Rule::Elision,
        Rule::FrontWord,
        Rule::BackWord,
        Rule::TwoWords,
    ];
}

/// The word list and the page's evidence, asked about one run of letters at a time.
pub struct Judge<'a, 't> {
    pub lexicon: &'a Lexicon,
    pub evidence: &'a Evidence<'t>,
}

/// One run of letters: its text, the byte offset of each character (and of the end), and the
/// run as the word list writes it, with the offset of each character's folding in it. Folding
/// goes character by character, so the folding of a part is that slice of the whole one: no
/// half is folded again for each split point tried.
struct Run<'w> {
    text: &'w str,
    at: Vec<usize>,
    folded: String,
    folded_at: Vec<usize>,
    /// Whether the list knows the run with other accents: computed on first need.
    known_with_accents: OnceCell<bool>,
}

impl<'w> Run<'w> {
    fn new(text: &'w str) -> Self {
        let mut at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        at.push(text.len());
        let mut folded = String::with_capacity(text.len() + 2);
        let mut folded_at = Vec::with_capacity(at.len());
        for c in text.chars() {
            folded_at.push(folded.len());
            fold_chars_into([c], &mut folded);
        }
        folded_at.push(folded.len());
        Run {
            text,
            at,
            folded,
            folded_at,
            known_with_accents: OnceCell::new(),
        }
    }

    fn letters(&self) -> usize {
        self.at.len() - 1
    }

    fn left(&self, i: usize) -> &'w str {
        &self.text[..self.at[i]]
    }

    fn right(&self, i: usize) -> &'w str {
        &self.text[self.at[i]..]
    }

    /// The first `i` letters, folded: `fold_word(self.left(i))`.
    fn folded_left(&self, i: usize) -> &str {
        &self.folded[..self.folded_at[i]]
    }

    /// The letters from `i` on, folded: `fold_word(self.right(i))`.
    fn folded_right(&self, i: usize) -> &str {
        &self.folded[self.folded_at[i]..]
    }
}

impl Judge<'_, '_> {
    /// Where `word` (letters only) splits, in characters, and why; `previous` is the token before
    /// it when that token is a plain word and nothing stands between them.
    pub fn split(&self, word: &str, previous: Option<&str>) -> Option<(usize, Rule)> {
        // Judged by length before anything is built: most runs are short words.
        if !(MIN_LETTERS..=MAX_LETTERS).contains(&word.chars().count()) {
            return None;
        }
        // Most runs are listed words: told by one fold, before the run's tables are built.
        if self.known(&fold_word(word)) {
            return None;
        }
        let run = Run::new(word);
        let found = self
            .capital(&run)
            .map(|i| (i, Rule::Capital))
            .or_else(|| self.pair(&run).map(|i| (i, Rule::Pair)))
            .or_else(|| {
                let i = self.context(&run, previous?)?;
                Some((i, Rule::Context))
            })
            .or_else(|| self.lowercase_rules(&run))?;
        // The list's hyphenated compounds (`chauve-souris`) are one word, welded or not.
        let hyphenated = format!("{}-{}", run.folded_left(found.0), run.folded_right(found.0));
        (!self.known(&hyphenated)).then_some(found)
    }

    /// The rules that only lower-case runs may meet: names and acronyms stay out of them.
    fn lowercase_rules(&self, run: &Run) -> Option<(usize, Rule)> {
        if !run.text.chars().all(char::is_lowercase) {
            return None;
        }
        self.function_word(run)
            .or_else(|| self.two_words(run).map(|i| (i, Rule::TwoWords)))
    }

    fn known(&self, folded: &str) -> bool {
        self.lexicon.contains(folded)
    }

    fn known_with_accents(&self, run: &Run) -> bool {
        *run.known_with_accents
            .get_or_init(|| self.lexicon.contains_ignoring_accents(&run.folded))
    }

    /// No word of the list begins like the run up to `len` letters: the split point is not the
    /// middle of some inflection or derivation the list knows (`promenade` from `promena`).
    fn novel(&self, run: &Run, len: usize) -> bool {
        !self
            .lexicon
            .has_prefix(run.folded_left(len.min(run.letters())))
    }

    /// The most letters of the run that some listed word begins with. Beginning a word is
    /// inherited by shorter prefixes, so a bisection finds it in a handful of look-ups; a
    /// split point past it cannot leave a listed left half, and is not tried.
    fn listed_prefix(&self, run: &Run) -> usize {
        let (mut low, mut high) = (0, run.letters());
        while low < high {
            let mid = low + (high - low).div_ceil(2);
            if self.lexicon.has_prefix(run.folded_left(mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        low
    }

    fn novel_after_front(&self, run: &Run, i: usize) -> bool {
        self.novel(run, (i + NOVEL_EXTRA).max(NOVEL_MIN))
    }

    fn capital(&self, run: &Run) -> Option<usize> {
        let i = run.text.chars().position(char::is_uppercase)?;
        let rest = run.right(i);
        let ok = i >= 1
            && run.letters() - i >= 2
            && BEFORE_CAPITAL.contains(&run.left(i))
            && rest.chars().skip(1).all(char::is_lowercase)
            && self.evidence.has_word(rest);
        ok.then_some(i)
    }

    fn pair(&self, run: &Run) -> Option<usize> {
        if run.letters() < MIN_PAIR_LETTERS {
            return None;
        }
        let points = 2..=run.letters() - 2;
        if run.letters() <= SHORT_RUN {
            return points
                .into_iter()
                .find(|&i| self.evidence.has_pair(run.left(i), run.right(i)));
        }
        // The first split point, in the run's letters, that the page has as a pair.
        self.evidence
            .pair_splits(run.text)
            .iter()
            .filter_map(|at| run.at.binary_search(at).ok())
            .filter(|i| points.contains(i))
            .min()
    }

    fn context(&self, run: &Run, previous: &str) -> Option<usize> {
        let last = run.letters().checked_sub(MIN_CONTEXT_WORD)?;
        // The split points where the left half is a word the page has after `previous`, in
        // order; for a long run, found from those words rather than by trying every point.
        let mut points: Vec<usize> = if run.letters() <= SHORT_RUN {
            (3..=last)
                .filter(|&i| self.evidence.has_pair(previous, run.left(i)))
                .collect()
        } else {
            self.evidence
                .followers(previous)
                .iter()
                .filter(|word| run.text.starts_with(**word))
                .filter_map(|word| run.at.binary_search(&word.len()).ok())
                .filter(|i| (3..=last).contains(i))
                .collect()
        };
        if points.is_empty() || self.known_with_accents(run) {
            return None;
        }
        points.sort_unstable();
        points.into_iter().find(|&i| {
            let right = run.right(i);
            right.chars().all(char::is_lowercase)
                && self.known(run.folded_right(i))
                && self.novel_after_front(run, i)
        })
    }

    /// A function word glued before or after a word; when both readings fit, the one that
    /// leaves the longer word wins.
    fn function_word(&self, run: &Run) -> Option<(usize, Rule)> {
        let front = FRONT
            .iter()
            .filter_map(|&(word, follows)| {
                let i = word.chars().count();
                (run.text.starts_with(word) && self.front_fits(run, i, follows))
                    .then(|| (run.letters() - i, i, Rule::FrontWord))
            })
            .max();
        let back = BACK
            .iter()
            .filter_map(|&word| {
                let i = run.letters().checked_sub(word.chars().count())?;
                (run.text.ends_with(word) && self.back_fits(run, i, word)).then_some((
                    i,
                    i,
                    Rule::BackWord,
                ))
            })
            .max();
        front.max(back).map(|(_, i, rule)| (i, rule))
    }

    fn front_fits(&self, run: &Run, i: usize, follows: morph::Follows) -> bool {
        let right = run.right(i);
        let Some(first) = right.chars().next() else {
            return false;
        };
        if run.letters() - i < MIN_FRONT_WORD
            || (ELIDING.contains(&run.left(i)) && morph::is_vowel(first))
            || (!self.evidence.is_accented() && self.known_with_accents(run))
        {
            return false;
        }
        let right = run.folded_right(i);
        self.known(right)
            && morph::may_follow(self.lexicon, follows, right)
            && self.novel_after_front(run, i)
    }

    fn back_fits(&self, run: &Run, i: usize, function_word: &str) -> bool {
        let left = run.left(i);
        // `-eau`, `-eaux`, `-elle`, `-esse`: endings of real words, not glues.
        let ends_like_a_word = (matches!(function_word, "au" | "aux") && left.ends_with('e'))
            || left.chars().last() == function_word.chars().next();
        i >= MIN_BACK_WORD
            && !ends_like_a_word
            && !self.known_with_accents(run)
            && self.known(run.folded_left(i))
            && self.novel(run, i + 1)
    }

    /// Two long content words that build no compound the list knows; the split that leaves the
    /// longest left word wins.
    fn two_words(&self, run: &Run) -> Option<usize> {
        let last = run.letters().checked_sub(MIN_HALF)?;
        if last < MIN_HALF || self.known_with_accents(run) {
            return None;
        }
        // A long run tries only the split points a listed word may end at.
        let last = if run.letters() > SHORT_RUN {
            last.min(self.listed_prefix(run))
        } else {
            last
        };
        (MIN_HALF..=last).rev().find(|&i| {
            let (left, right) = (run.folded_left(i), run.folded_right(i));
            !PREFIX_WORDS.contains(&left)
                && self.known(left)
                && self.known(right)
                && !self.lexicon.may_be_compound(left, right)
                && self.novel_after_front(run, i)
        })
    }

    /// `pays` before `.Le`: a sentence glued after its period. `left` is the run of letters
    /// before the period, `right` the word after it. The left word is lower case or
    /// capitalised (`Cuba.Le`), or `M` (monsieur), and a word of the list or the page; the right word is capitalised, lower case
    /// after its capital, and a word of the list or standing alone in the page. Initials
    /// (`U.S.A`, `J.K.`) and domains (`qdnd.vn`, `fr.VietnamPlus.vn`) fail one of these.
    pub fn period(&self, left: &str, right: &str) -> bool {
        let mut rest = right.chars();
        let capitalised = rest.next().is_some_and(char::is_uppercase)
            && rest.clone().next().is_some()
            && rest.all(char::is_lowercase);
        let mut tail = left.chars().skip(1);
        let cased = left.chars().all(char::is_lowercase) || tail.all(char::is_lowercase);
        let left_ok = left == "M"
            || (left.chars().count() >= 2
                && cased
                && (self.known(&fold_word(left)) || self.evidence.has_word(left)));
        capitalised && left_ok && (self.known(&fold_word(right)) || self.evidence.has_word(right))
    }

    /// `seral` before `'occasion`: a word glued to an elided `l'` or `d'`, which only elides
    /// before a vowel or `h`. `stem` is the letters before the apostrophe, `next` those after.
    pub fn elision(&self, stem: &str, next: &str) -> bool {
        let folded = fold_word(stem);
        let Some(bare) = folded.strip_suffix(['l', 'd']) else {
            return false;
        };
        let next = fold_word(next);
        let starts_right = next
            .chars()
            .next()
            .is_some_and(|c| morph::is_vowel(c) || c == 'h');
        (MIN_LETTERS..=MAX_LETTERS).contains(&stem.chars().count())
            && stem.chars().all(char::is_lowercase)
            && starts_right
            && !self.known(&folded)
            && self.known(bare)
            && self.known(&next)
            && !self.lexicon.contains_ignoring_accents(&folded)
    }
}

/// The bounded searches find exactly what trying every split point finds.
#[cfg(test)]
#[path = "rules_exact.rs"]
mod exact;
