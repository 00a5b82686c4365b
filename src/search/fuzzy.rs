//! The fuzzy title matcher (fzf-style, nucleo-matcher) for the `f` filter and `--open`: titles
//! folded once by our `fold`, the pattern folded the same way, so `hanoi` meets `Hanoï` here as
//! in search. Matched letters are given back as character positions in the original title.

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

use crate::fold::fold;

/// Titles ready to be matched.
pub struct Titles {
    folded: Vec<Utf32String>,
    /// One matcher a core: a long list is scored in halves, side by side.
    matchers: [Matcher; 2],
    /// The last pattern ranked and the titles it matched: a pattern typed on from it can
    /// only match among those (as in fzf), so each key costs less than the one before.
    last: Option<(String, Vec<usize>)>,
}

impl std::fmt::Debug for Titles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Titles({})", self.folded.len())
    }
}

/// One title that matched: its index among the titles given and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleMatch {
    pub index: usize,
    pub score: u32,
}

fn pattern(query: &str) -> Pattern {
    Pattern::new(
        &fold(query),
        CaseMatching::Respect,
        Normalization::Never,
        AtomKind::Fuzzy,
    )
}

/// The matcher's settings as the pattern's words ask (titles and pattern are folded already):
/// the greedy pass uses them directly.
fn exact_case() -> Config {
    let mut config = Config::DEFAULT;
    config.ignore_case = false;
    config.normalize = false;
    config
}

impl Titles {
    pub fn new<'a>(titles: impl IntoIterator<Item = &'a str>) -> Titles {
        let mut this = Titles {
            folded: Vec::new(),
            matchers: [Matcher::new(exact_case()), Matcher::new(exact_case())],
            last: None,
        };
        this.extend(titles);
        this
    }

    /// Takes in more titles (a new batch), after those already held.
    pub fn extend<'a>(&mut self, titles: impl IntoIterator<Item = &'a str>) {
        let before = self.folded.len();
        self.folded
            .extend(titles.into_iter().map(|t| Utf32String::from(fold(t))));
        if self.folded.len() != before {
            self.last = None;
        }
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// The titles matching `query`, best first (ties in title order). An empty query matches
    /// nothing: the caller shows everything instead. The first [`EXACT_TOP`] are ranked by
    /// fzf's optimal score, the rest by its greedy one (see [`score_all`]).
    pub fn rank(&mut self, query: &str) -> Vec<TitleMatch> {
        let folded = fold(query);
        let pattern = pattern(query);
        if pattern.atoms.is_empty() {
            self.last = None;
            return Vec::new();
        }
        let narrowed = match &mut self.last {
            Some((last, matched)) if narrows(last, &folded) => Some(std::mem::take(matched)),
            _ => None,
        };
        let candidates = narrowed.unwrap_or_else(|| (0..self.folded.len()).collect());
        let mut found = score_all(&self.folded, &candidates, &pattern, &mut self.matchers);
        // Candidates come in title order, so the matches do too.
        let matched: Vec<usize> = found.iter().map(|m| m.index).collect();
        self.last = Some((folded, matched));
        by_score(&mut found);
        let top = found.len().min(EXACT_TOP);
        for m in &mut found[..top] {
            m.score = pattern
                .score(self.folded[m.index].slice(..), &mut self.matchers[0])
                .unwrap_or(m.score);
        }
        by_score(&mut found[..top]);
        found
    }
}

/// Best first, ties in title order. Sorted by one integer (the score's complement above the
/// index): a two-letter pattern matches most of 90,000 titles, and comparing two fields per
/// step cost about as much as scoring them.
fn by_score(found: &mut [TitleMatch]) {
    found.sort_unstable_by_key(|m| (u64::from(u32::MAX - m.score) << 32) | m.index as u64);
}

/// Matches scored exactly (nucleo's optimal alignment, an O(title × pattern) table each): more
/// than anyone reads of a filtered list. The others keep the greedy score, a lower bound of it
/// got in one pass, which costs a fraction: a two-letter pattern matches most of 90,000 titles.
pub const EXACT_TOP: usize = 1_000;

/// Titles under which one core scores them all: below it a second thread costs more than it saves.
const SPLIT_ABOVE: usize = 8_192;

/// The candidates that match, with their greedy scores (every word of the pattern found in
/// order, each word's letters in order), in candidate order: in two halves on two threads for
/// a long list.
fn score_all(
    folded: &[Utf32String],
    candidates: &[usize],
    pattern: &Pattern,
    matchers: &mut [Matcher; 2],
) -> Vec<TitleMatch> {
    let score = |part: &[usize], matcher: &mut Matcher| -> Vec<TitleMatch> {
        part.iter()
            .filter_map(|&index| {
                let score = greedy(pattern, folded[index].slice(..), matcher)?;
                Some(TitleMatch { index, score })
            })
            .collect()
    };
    let [first, second] = matchers;
    if candidates.len() <= SPLIT_ABOVE {
        return score(candidates, first);
    }
    let (left, right) = candidates.split_at(candidates.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| score(right, second));
        let mut found = score(left, first);
        // A panic in the other half is the matcher's own bug: rank with what this half found.
        found.extend(other.join().unwrap_or_default());
        found
    })
}

/// The pattern's score by greedy alignment: matches exactly when `Pattern::score` does (both
/// find each word's letters in order), never scores more. A one-letter word is scored exactly:
/// nucleo does that by a substring search, faster than its greedy pass.
fn greedy(pattern: &Pattern, title: Utf32Str<'_>, matcher: &mut Matcher) -> Option<u32> {
    pattern.atoms.iter().try_fold(0, |sum, atom| {
        let needle = atom.needle_text();
        let score = match needle.len() {
            1 => matcher.fuzzy_match(title, needle)?,
            _ => matcher.fuzzy_match_greedy(title, needle)?,
        };
        Some(sum + u32::from(score))
    })
}

/// Whether every title `now` matches is one `before` matched: `now` only adds letters or
/// words at the end, and neither uses the pattern syntax that could widen a match (negation,
/// anchors, exact or alternative atoms).
fn narrows(before: &str, now: &str) -> bool {
    let plain = |s: &str| !s.contains(['!', '^', '$', '\'', '\\', '|']);
    !before.is_empty() && now.starts_with(before) && plain(now)
}

/// Character positions of `title` (the original, unfolded) that `query` matched (for the rows
/// on screen: a matcher of its own, so drawing needs nothing mutable).
pub fn letters(query: &str, title: &str) -> Vec<usize> {
    let (folded, origin) = fold_with_origins(title);
    let haystack = Utf32String::from(folded.as_str());
    let mut indices = Vec::new();
    let mut matcher = Matcher::new(Config::DEFAULT);
    pattern(query).indices(haystack.slice(..), &mut matcher, &mut indices);
    let mut letters: Vec<usize> = indices
        .into_iter()
        .filter_map(|i| origin.get(i as usize).copied())
        .collect();
    letters.sort_unstable();
    letters.dedup();
    letters
}

/// `fold(title)` rebuilt character by character, with the original character each folded one
/// came from (one title at a time: only for the rows on screen).
fn fold_with_origins(title: &str) -> (String, Vec<usize>) {
    let mut folded = String::new();
    let mut origin = Vec::new();
    let mut buf = [0u8; 4];
    for (n, c) in title.chars().enumerate() {
        let part = fold(c.encode_utf8(&mut buf));
        if part.is_empty() {
            // Spaces fold to nothing alone: keep one, as `fold` does inside a title.
            if c.is_whitespace() && !folded.is_empty() && !folded.ends_with(' ') {
                folded.push(' ');
                origin.push(n);
            }
            continue;
        }
        for f in part.chars() {
            folded.push(f);
            origin.push(n);
        }
    }
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_matched_folded_and_letters_found_in_the_original() {
        let mut titles = Titles::new(["La Patrie, la terre d’origine", "Hanoï accueille Tô Lâm"]);
        let found = titles.rank("hanoi to lam");
        assert_eq!(found.iter().map(|m| m.index).collect::<Vec<_>>(), [1]);
        let letters = letters("lam", "Hanoï accueille Tô Lâm");
        let title: Vec<char> = "Hanoï accueille Tô Lâm".chars().collect();
        let got: String = letters.iter().map(|&i| title[i]).collect();
        assert_eq!(got.to_lowercase(), "lâm");
        assert!(titles.rank("zzzq").is_empty());
    }

    #[test]
    fn typing_on_narrows_to_what_a_fresh_ranking_finds() {
        let names = [
            "Hanoï",
            "Hà Nam",
            "Phnom Penh",
            "Chine",
            "Hanoï et Hué",
            "La Havane",
        ];
        let mut typing = Titles::new(names);
        for typed in ["h", "ha", "han", "han h", "hanoi", "ha"] {
            let fresh = Titles::new(names).rank(typed);
            assert_eq!(typing.rank(typed), fresh, "{typed:?}");
        }
    }

    #[test]
    fn a_long_list_scored_in_halves_ranks_as_one_pass_would() {
        let names: Vec<String> = (0..SPLIT_ABOVE + 5)
            .map(|n| format!("Titre {n} de Hanoï à Huế"))
            .collect();
        let mut titles = Titles::new(names.iter().map(String::as_str));
        let pattern = pattern("hue 12");
        let all: Vec<usize> = (0..names.len()).collect();
        let mut one = Matcher::new(exact_case());
        let one_pass: Vec<TitleMatch> = all
            .iter()
            .filter_map(|&index| {
                let score = greedy(&pattern, titles.folded[index].slice(..), &mut one)?;
                Some(TitleMatch { index, score })
            })
            .collect();
        assert!(!one_pass.is_empty());
        assert_eq!(
            score_all(&titles.folded, &all, &pattern, &mut titles.matchers),
            one_pass
        );
    }

    #[test]
    fn the_greedy_pass_finds_what_the_exact_score_finds_and_the_top_is_scored_exactly() {
        // Titles where a greedy alignment (the first `a` and `b`, a letter apart) scores less than the best
        // one (`ab` together at a word start), more matching than are scored exactly.
        let names: Vec<String> = (0..EXACT_TOP * 2)
            .map(|n| match n % 3 {
                0 => format!("axb {n} ab c"),
                1 => format!("sans rien {n}"),
                _ => format!("{n} abc"),
            })
            .collect();
        let mut titles = Titles::new(names.iter().map(String::as_str));
        let pattern = pattern("ab");
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut exact = |index: usize| pattern.score(titles.folded[index].slice(..), &mut matcher);
        let first = exact(0);
        let matched: Vec<usize> = (0..names.len()).filter(|&i| exact(i).is_some()).collect();
        assert!(matched.len() > EXACT_TOP);
        let mut one = Matcher::new(exact_case());
        assert!(greedy(&pattern, titles.folded[0].slice(..), &mut one) < first);

        let ranked = titles.rank("ab");
        let mut indices: Vec<usize> = ranked.iter().map(|m| m.index).collect();
        indices.sort_unstable();
        assert_eq!(indices, matched);
        let top = &ranked[..EXACT_TOP];
        let mut matcher = Matcher::new(Config::DEFAULT);
        for m in top {
            let score = pattern.score(titles.folded[m.index].slice(..), &mut matcher);
            assert_eq!(Some(m.score), score, "{}", names[m.index]);
        }
        let mut sorted = top.to_vec();
        by_score(&mut sorted);
        assert_eq!(sorted, top);
    }
}
