//! Tests that the rules' bounded searches (pairs and context looked up by their parts, two
//! words tried only where a listed word may end, accents narrowed letter by letter) give the
//! answers of the plain searches they replace, on random glued runs of any length.

use proptest::prelude::*;
use proptest::sample::select;

use super::*;

const VOCABULARY: &[&str] = &[
    "la",
    "de",
    "des",
    "se",
    "pour",
    "du",
    "et",
    "pandémie",
    "coopération",
    "économique",
    "entre",
    "relations",
    "amis",
    "effectuera",
    "visite",
    "nouvelles",
    "administration",
    "américaine",
    "président",
    "délivrer",
    "élan",
    "état",
    "etat",
    "prochaine",
    "courait",
    "secourait",
    "position",
    "positions",
    "développement",
    "durable",
    "mer",
    "merveille",
];

/// The letters the list accents, as the lexicon has them.
const ACCENTS: &[(char, &[char])] = super::super::lexicon::ACCENTED;

/// Every split point tried in turn, as the rules did before they were bounded.
fn plain_pair(judge: &Judge, run: &Run) -> Option<usize> {
    if run.letters() < MIN_PAIR_LETTERS {
        return None;
    }
    (2..=run.letters() - 2).find(|&i| judge.evidence.has_pair(run.left(i), run.right(i)))
}

fn plain_context(judge: &Judge, run: &Run, previous: &str) -> Option<usize> {
    if judge.known_with_accents(run) {
        return None;
    }
    let last = run.letters().checked_sub(MIN_CONTEXT_WORD)?;
    (3..=last).find(|&i| {
        let right = run.right(i);
        judge.evidence.has_pair(previous, run.left(i))
            && right.chars().all(char::is_lowercase)
            && judge.known(&fold_word(right))
            && judge.novel_after_front(run, i)
    })
}

fn plain_two_words(judge: &Judge, run: &Run) -> Option<usize> {
    let last = run.letters().checked_sub(MIN_HALF)?;
    if judge.known_with_accents(run) {
        return None;
    }
    (MIN_HALF..=last).rev().find(|&i| {
        let left = fold_word(run.left(i));
        let right = fold_word(run.right(i));
        !PREFIX_WORDS.contains(&left.as_str())
            && judge.known(&left)
            && judge.known(&right)
            && !judge.lexicon.may_be_compound(&left, &right)
            && judge.novel_after_front(run, i)
    })
}

/// Accents searched with a look-up of the whole list at every letter.
fn plain_accents(lexicon: &Lexicon, rest: &[char], prefix: &mut String) -> bool {
    let Some((&first, rest)) = rest.split_first() else {
        return lexicon.contains(prefix);
    };
    let variants = ACCENTS
        .iter()
        .find(|(bare, _)| *bare == first)
        .map_or(&[][..], |(_, accented)| accented);
    std::iter::once(first)
        .chain(variants.iter().copied())
        .any(|letter| {
            let len = prefix.len();
            prefix.push(letter);
            let found = lexicon.has_prefix(prefix) && plain_accents(lexicon, rest, prefix);
            prefix.truncate(len);
            found
        })
}

fn words() -> impl Strategy<Value = Vec<&'static str>> {
    proptest::collection::vec(select(VOCABULARY), 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn bounded_searches_find_what_every_split_point_finds(
        page in proptest::collection::vec(select(VOCABULARY), 0..80),
        glued in words(),
        previous in select(VOCABULARY),
        listed in proptest::collection::vec(select(VOCABULARY), 0..VOCABULARY.len()),
    ) {
        let lexicon = Lexicon::from_words(&listed);
        // The page has the glued words split at each word boundary, and `previous` before
        // each start, so that the rules have evidence to find, often at several points.
        let mut page = page.join(" ");
        for k in 1..glued.len() {
            let (left, right) = (glued[..k].concat(), glued[k..].concat());
            page.push_str(&format!(" {left} {right}. {previous} {left}."));
        }
        let evidence = Evidence::from_texts([page.as_str()]);
        let judge = Judge { lexicon: &lexicon, evidence: &evidence };
        let token: String = glued.concat().chars().take(MAX_LETTERS).collect();
        let run = Run::new(&token);
        prop_assert_eq!(judge.pair(&run), plain_pair(&judge, &run), "pair in {}", token);
        prop_assert_eq!(
            judge.context(&run, previous),
            plain_context(&judge, &run, previous),
            "context in {} after {}", token, previous
        );
        if run.text.chars().all(char::is_lowercase) {
            prop_assert_eq!(judge.two_words(&run), plain_two_words(&judge, &run), "{}", token);
        }
        let chars: Vec<char> = run.folded.chars().map(|c| {
            ACCENTS.iter().find(|(_, accented)| accented.contains(&c)).map_or(c, |(bare, _)| *bare)
        }).collect();
        prop_assert_eq!(
            lexicon.contains_ignoring_accents(&run.folded),
            plain_accents(&lexicon, &chars, &mut String::new()),
            "accents of {}", token
        );
    }
}
