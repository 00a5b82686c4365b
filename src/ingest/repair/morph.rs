//! The little French grammar the repairer leans on: which short words may start or end a glued
//! token, what may follow each of them, and whether a word looks like a conjugated verb. Each
//! table was cut to the entries that pay (see the README's "Glued words"); a word is kept off a
//! table when it is also a living prefix (`en`, `sur`, `par`, `contre`…), since new words built
//! on it would be split.

use super::lexicon::Lexicon;

/// What may follow a function word glued to the front of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follows {
    /// A noun or adjective in the singular: not a verb form, not ending in `s`.
    Singular,
    /// A noun or adjective in the plural: ends in `s` or `x`, not a verb form.
    Plural,
    /// A noun, an adjective or an infinitive, but no conjugated verb (`de`, `pour`).
    NotConjugated,
    /// A verb (`se`).
    Verb,
}

/// Function words that a glue leaves at the front of a token (`lapandémie`), and what may
/// follow them. `en`, `sur`, `par`, `et`, `à` are left out: as prefixes they build real words.
pub const FRONT: &[(&str, Follows)] = &[
    ("de", Follows::NotConjugated),
    ("des", Follows::Plural),
    ("du", Follows::Singular),
    ("la", Follows::Singular),
    ("le", Follows::Singular),
    ("les", Follows::Plural),
    ("un", Follows::Singular),
    ("une", Follows::Singular),
    ("se", Follows::Verb),
    ("pour", Follows::NotConjugated),
    ("au", Follows::Singular),
    ("aux", Follows::Plural),
    ("sa", Follows::Singular),
    ("ses", Follows::Plural),
    ("son", Follows::Singular),
];

/// Front words that elide before a vowel (`de` → `d'`), so cannot be glued to one.
pub const ELIDING: &[&str] = &["de", "le", "la", "se", "du", "au", "sa"];

/// Function words that a glue leaves at the end of a token (`positiondu`).
pub const BACK: &[&str] = &[
    "du", "de", "des", "et", "sur", "sa", "ses", "au", "aux", "la", "le", "les", "en", "à", "pour",
    "par", "un", "une", "son", "dans", "avec",
];

/// Lower-case words that may sit before a capital inside a glued token (`leVietnam`).
pub const BEFORE_CAPITAL: &[&str] = &[
    "et", "le", "la", "les", "au", "aux", "du", "de", "des", "en", "à", "sur", "pour", "par",
    "avec", "dans", "un", "une", "sa", "son", "ses",
];

/// Words that are also living prefixes: never the left half of a two-word split.
pub const PREFIX_WORDS: &[&str] = &[
    "contre", "entre", "sous", "sur", "auto", "vidéo", "radio", "photo", "télé", "micro", "macro",
    "mini", "maxi", "super", "hyper", "ultra", "extra", "inter", "trans", "post", "anti", "demi",
    "semi", "néo", "pseudo", "quasi", "non", "mal", "bien", "porte", "garde", "tire", "passe",
    "grand", "petit", "mille", "haut", "arrière", "avant",
];

/// Endings of conjugated forms and participles, each with the infinitive endings they come
/// from. The longest ending that matches a known infinitive wins; nothing here needs to be
/// complete, only to catch the common forms.
const CONJUGATIONS: &[(&[&str], &[&str])] = &[
    (
        &[
            "e", "es", "ent", "ons", "ez", "ais", "ait", "aient", "ions", "iez", "a", "as", "ai",
            "âmes", "âtes", "èrent", "erai", "eras", "era", "erons", "erez", "eront", "erais",
            "erait", "erions", "eriez", "eraient", "asse", "asses", "ât", "assions", "assiez",
            "assent", "ant", "é", "ée", "és", "ées",
        ],
        &["er"],
    ),
    (
        &[
            "is", "it", "issons", "issez", "issent", "issais", "issait", "issaient", "issions",
            "issiez", "irent", "îmes", "îtes", "irai", "iras", "ira", "irons", "irez", "iront",
            "irais", "irait", "iraient", "irions", "iriez", "isse", "isses", "ît", "issant", "i",
            "ie", "ies",
        ],
        &["ir"],
    ),
    (
        &[
            "e", "es", "s", "t", "ons", "ez", "ent", "ais", "ait", "aient", "ions", "iez", "is",
            "it", "îmes", "îtes", "irent", "rai", "ras", "ra", "rons", "rez", "ront", "rais",
            "rait", "raient", "rions", "riez", "isse", "ant", "u", "ue", "us", "ues",
        ],
        &["re", "ir", "oir"],
    ),
];

/// Whether `word` (folded, in the lexicon) may follow `follows`.
pub fn may_follow(lexicon: &Lexicon, follows: Follows, word: &str) -> bool {
    match follows {
        Follows::Singular => !word.ends_with('s') && !is_verb_form(lexicon, word),
        Follows::Plural => word.ends_with(['s', 'x']) && !is_verb_form(lexicon, word),
        Follows::NotConjugated => is_infinitive(word) || !is_verb_form(lexicon, word),
        Follows::Verb => is_verb_form(lexicon, word),
    }
}

fn is_infinitive(word: &str) -> bool {
    word.ends_with("er") || word.ends_with("ir") || word.ends_with("re") || word.ends_with("oir")
}

/// Whether `word` looks like a verb: an infinitive in `-er`/`-ir`, or a form whose stem plus
/// an infinitive ending is in the lexicon (`mandait` → `mander`). Nouns in `-ir` and nouns that
/// are also verb forms (`marche`) count as verbs: the caller only loses a split by it.
pub fn is_verb_form(lexicon: &Lexicon, word: &str) -> bool {
    if word.ends_with("er") || word.ends_with("ir") {
        return true;
    }
    let mut infinitive = String::with_capacity(word.len() + 3);
    CONJUGATIONS.iter().any(|(endings, infinitives)| {
        endings.iter().any(|ending| {
            let Some(stem) = word.strip_suffix(ending) else {
                return false;
            };
            stem.chars().count() >= 2
                && infinitives.iter().any(|inf| {
                    infinitive.clear();
                    infinitive.push_str(stem);
                    infinitive.push_str(inf);
                    lexicon.contains(&infinitive)
                })
        })
    })
}

/// Whether `c` starts a word with a vowel sound for elision (`h` is left out: it may be
/// aspirated, `le héros`).
pub fn is_vowel(c: char) -> bool {
    "aeiouyàâäéèêëîïôöùûüœæ".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_are_told_from_nouns() {
        let lexicon = Lexicon::from_words(["mander", "marcher", "finir", "fendre", "nation"]);
        for verb in [
            "mandait",
            "mander",
            "marche",
            "finissons",
            "fendes",
            "fendu",
        ] {
            assert!(is_verb_form(&lexicon, verb), "{verb}");
        }
        for noun in ["nations", "pandémie", "fournitures", "signification"] {
            assert!(!is_verb_form(&lexicon, noun), "{noun}");
        }
        assert!(may_follow(&lexicon, Follows::NotConjugated, "livrer"));
        assert!(!may_follow(&lexicon, Follows::NotConjugated, "mandait"));
        assert!(!may_follow(&lexicon, Follows::Singular, "amis"));
        assert!(may_follow(&lexicon, Follows::Plural, "amis"));
    }
}
