//! Precision of the repairer on words it has not seen. A word in its own lexicon is never split,
//! so measuring on that lexicon proves nothing: here words are held out of the lexicon the
//! repairer sees and then run through it in sentences, playing the unseen names and new words.
//! Three protocols, each printed as a table row: 15 % of words held out at random; 15 % of
//! word families (same first five letters) held out whole, so no inflection of the word is
//! left to recognise it; accented words written without accents. Plus `whole.txt`: names,
//! brands, codes, numbers, addresses and new words, which must all come out unchanged. What the
//! repair costs is measured in `benches/ingest.rs`, not here.

use std::collections::BTreeMap;

use liseuse::ingest::repair::{Evidence, Lexicon, Repairer, Rule};

use crate::rng::Rng;

const SAMPLES: [&str; 2] = [
    include_str!("../../data/vna-cuba-onu-2021.txt"),
    include_str!("../../data/vna-kirghizistan.txt"),
];

/// Sentences each held-out word is tried in: after punctuation, after a determiner (so the
/// page's pairs like `les amis` can be misused), after `La`, and capitalised at the start.
const TEMPLATES: [(&str, &str); 4] = [
    ("Selon le rapport, ", " reste au centre du débat."),
    ("Il a évoqué les ", " de la région."),
    ("La ", " des deux pays progresse."),
    ("", " : le mot revient souvent."),
];

const HELD_OUT_PERCENT: u64 = 15;

/// How many words a protocol ran, how many it split, by rule, with a few examples.
#[derive(Default)]
struct Tally {
    words: usize,
    split: BTreeMap<Rule, usize>,
    examples: Vec<String>,
}

impl Tally {
    fn total_split(&self) -> usize {
        self.split.values().sum()
    }

    fn percent(&self) -> f64 {
        100.0 * self.total_split() as f64 / self.words.max(1) as f64
    }

    fn print(&self, name: &str, lexicon: usize) {
        println!(
            "| {name} | {} | {} | {} | {:.3} % | {:?} | {} |",
            lexicon,
            self.words,
            self.total_split(),
            self.percent(),
            self.split,
            self.examples.join(", ")
        );
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Runs `words` through `repairer`, each in the next template, and counts those changed.
fn run<'w>(repairer: &Repairer, words: impl IntoIterator<Item = &'w str>) -> Tally {
    let mut tally = Tally::default();
    for (n, word) in words.into_iter().enumerate() {
        let (before, after) = TEMPLATES[n % TEMPLATES.len()];
        let word = if before.is_empty() {
            capitalised(word)
        } else {
            word.to_owned()
        };
        let sentence = format!("{before}{word}{after}");
        let splits = repairer.splits(&sentence);
        tally.words += 1;
        if let Some(first) = splits.first() {
            *tally.split.entry(first.rule).or_default() += 1;
            if tally.examples.len() < 12 {
                let repaired = repairer.repair_paragraph(&sentence);
                tally.examples.push(format!("{word}→{repaired}"));
            }
        }
    }
    tally
}

fn header() {
    println!(
        "\n| protocol | lexicon words | words run | split | false-split rate | by rule | examples |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- |");
}

/// Holds out the words for which `held` is true, and runs them against the rest.
fn held_out(name: &str, held: impl Fn(&str) -> bool) -> Tally {
    let all: Vec<&str> = Lexicon::bundled().words().collect();
    let (out, kept): (Vec<&str>, Vec<&str>) = all.iter().partition(|w| held(w));
    let lexicon = Lexicon::from_words(&kept);
    let repairer = Repairer::new(&lexicon, Evidence::from_texts(SAMPLES));
    let tally = run(&repairer, out);
    tally.print(name, lexicon.len());
    tally
}

#[test]
fn random_held_out_words_are_rarely_split() {
    let mut rng = Rng::new(2021);
    let held: std::collections::HashSet<&str> = Lexicon::bundled()
        .words()
        .filter(|_| rng.chance(HELD_OUT_PERCENT))
        .collect();
    header();
    let tally = held_out("15 % of words held out at random", |w| held.contains(w));
    assert!(tally.words > 40_000);
    assert!(tally.percent() < 0.05, "{:.3} %", tally.percent());
}

#[test]
fn held_out_word_families_are_rarely_split() {
    let mut rng = Rng::new(1975);
    let mut families: BTreeMap<String, bool> = BTreeMap::new();
    for word in Lexicon::bundled().words() {
        let family: String = word.chars().take(5).collect();
        families
            .entry(family)
            .or_insert_with(|| rng.chance(HELD_OUT_PERCENT));
    }
    header();
    let family = |w: &str| families[&w.chars().take(5).collect::<String>()];
    let tally = held_out("15 % of word families (first 5 letters) held out", family);
    assert!(tally.words > 40_000);
    assert!(tally.percent() < 0.2, "{:.3} %", tally.percent());
}

/// `é` → `e` and so on: the word as a keyboard without accents writes it.
fn without_accents(word: &str) -> String {
    const FROM: &str = "àâäçéèêëîïôöùûüÿ";
    const TO: &str = "aaaceeeeiioouuuy";
    word.chars()
        .map(|c| {
            FROM.chars()
                .position(|a| a == c)
                .map_or(c, |i| TO.chars().nth(i).unwrap_or(c))
        })
        .collect()
}

#[test]
fn words_written_without_accents_are_rarely_split() {
    let lexicon = Lexicon::bundled();
    let stripped: Vec<String> = lexicon
        .words()
        .map(without_accents)
        .filter(|w| !lexicon.contains(w))
        .collect();
    let pages: Vec<String> = SAMPLES.iter().map(|p| without_accents(p)).collect();
    let repairer = Repairer::new(
        lexicon,
        Evidence::from_texts(pages.iter().map(String::as_str)),
    );
    header();
    let tally = run(&repairer, stripped.iter().map(String::as_str));
    tally.print(
        "accented words written without accents, unaccented page",
        lexicon.len(),
    );
    assert!(tally.words > 100_000);
    assert!(tally.percent() < 0.05, "{:.3} %", tally.percent());
}

#[test]
fn names_brands_codes_and_new_words_stay_whole() {
    let tokens: Vec<&str> = include_str!("whole.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    let repairer = Repairer::for_texts(SAMPLES);
    let mut tally = Tally::default();
    for token in &tokens {
        for context in [
            format!("Le ministre a rencontré {token} hier."),
            token.to_string(),
        ] {
            assert_eq!(repairer.repair_paragraph(&context), context, "{token}");
        }
        tally.words += 1;
    }
    header();
    tally.print(
        "names, brands, codes, numbers, addresses, new words (whole.txt)",
        0,
    );
    assert!(tally.words > 700);
}

#[test]
fn known_words_are_never_split() {
    let repairer = Repairer::for_texts(SAMPLES);
    let sample = Lexicon::bundled().words().step_by(10);
    let tally = run(&repairer, sample);
    assert_eq!(tally.total_split(), 0, "{:?}", tally.examples);
}

#[test]
fn welded_compounds_held_out_are_rarely_split() {
    let mut rng = Rng::new(1990);
    let all: Vec<&str> = Lexicon::bundled().words().collect();
    let held: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| w.contains('-') && rng.chance(HELD_OUT_PERCENT))
        .collect();
    let welded: Vec<String> = held.iter().map(|w| w.replace('-', "")).collect();
    let lexicon = Lexicon::from_words(
        all.iter()
            .filter(|w| !held.contains(w) && !welded.iter().any(|x| x == *w)),
    );
    let repairer = Repairer::new(&lexicon, Evidence::from_texts(SAMPLES));
    header();
    let tally = run(&repairer, welded.iter().map(String::as_str));
    tally.print(
        "15 % of hyphenated compounds held out, written welded",
        lexicon.len(),
    );
    assert!(tally.words > 500);
    assert!(tally.percent() < 5.0, "{:.3} %", tally.percent());
}
