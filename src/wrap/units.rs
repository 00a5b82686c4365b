//! Units a line must not break inside, for the reading pane only: where a space between two
//! words holds (a number and its unit, a digit group, a short number after a name, a short
//! name syllable) and where a detached ordinal (`3 e`) loses its space. It decides about one
//! space at a time, from the text on either side; it never changes a letter, so the anchors
//! (which count only what is not white space) agree between the display and the store.

/// Ordinal endings that a scraped page detaches from their number (`3 e`, `33 es`, `1 er`):
/// shown glued again (`3e`, `33es`, `1er`).
const ORDINALS: &[&str] = &[
    "e", "er", "re", "ère", "es", "ers", "res", "ères", "ème", "èmes", "eme", "emes", "nd", "nde",
    "nds", "ndes", "ᵉ", "ᵉʳ", "ʳᵉ", "ᵉˢ", "ᵉʳˢ", "ʳᵉˢ",
];

/// Units that stay on the line of their number (`100 %`, `50 km`, `3 tonnes`), with the
/// space kept as a no-break one.
const UNITS: &[&str] = &[
    "%",
    "‰",
    "°",
    "°C",
    "€",
    "$",
    "km",
    "km²",
    "m",
    "m²",
    "m³",
    "cm",
    "mm",
    "kg",
    "g",
    "t",
    "ha",
    "h",
    "min",
    "MW",
    "kWh",
    "USD",
    "EUR",
    "VND",
    "dollars",
    "euros",
    "dongs",
    "tonnes",
    "hectares",
    "millions",
    "milliards",
];

/// A number this short (`SEA Games 32`, `COVID 19`) stays with the capitalised word before it.
const SHORT_NUMBER: usize = 4;
/// A capitalised word this short (`Tô`, `Xi`, `Hun`, `Mme`) stays with the capitalised word after
/// it (`Tô Lâm`, `Xi Jinping`, `Hun Manet`): Vietnamese and Chinese names are runs of syllables.
const SHORT_NAME: usize = 3;
/// French words as short as a name syllable, that start sentences (`Le Vietnam`, `En Chine`):
/// a line may break after them as after any word.
const FRENCH_SHORT: &[&str] = &[
    "A", "À", "Au", "Aux", "Ça", "Ce", "Ces", "De", "Des", "Dès", "Du", "En", "Et", "Il", "Ils",
    "La", "Le", "Les", "Ma", "Mes", "Mon", "Ni", "Nos", "On", "Ou", "Où", "Par", "Pas", "Qui",
    "Que", "Sa", "Ses", "Si", "Son", "Sur", "Ta", "Tes", "Ton", "Un", "Une", "Vos",
];
/// An acronym (`SEA`, `ONU`) of this many capitals at most stays with a capitalised word after it.
const ACRONYM: std::ops::RangeInclusive<usize> = 2..=5;

/// What becomes of one space between `before` (the text up to it) and `after` (the text from
/// the next character that is not a space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Space {
    /// An ordinary space: a line may break there.
    Break,
    /// Shown as a no-break space.
    Hold,
    /// Not shown at all (a detached ordinal).
    Drop,
}

pub(super) fn space(before: &str, after: &str) -> Space {
    let number = trailing(before, |c| c.is_ascii_digit());
    if !number.is_empty() {
        let next = leading(after, char::is_alphabetic);
        if !next.is_empty() && ORDINALS.contains(&next) && ends_word(&after[next.len()..]) {
            return Space::Drop;
        }
    }
    let holds = after.starts_with([';', ':', '!', '?', '»', '%', '‰'])
        || before.ends_with('«')
        || (!number.is_empty() && (digit_group(before, number, after) || unit(after)))
        || short_number_after_name(before, after)
        || name_run(before, after);
    if holds { Space::Hold } else { Space::Break }
}

/// `10 000`, `1 234 567`: a group of 1–3 digits, then exactly three digits.
fn digit_group(before: &str, number: &str, after: &str) -> bool {
    let head = &before[..before.len() - number.len()];
    let next = leading(after, |c| c.is_ascii_digit());
    number.len() <= 3
        && !head.ends_with(|c: char| c.is_alphabetic() || c == '.' || c == ',')
        && next.len() == 3
        && !after[3..].starts_with(char::is_alphanumeric)
}

/// A unit of the table right after the number, ending there (`50 km`, `km,`; not `50 kms`).
fn unit(after: &str) -> bool {
    let word = leading(after, |c| c.is_alphanumeric() || "%‰°€$²³".contains(c));
    UNITS.contains(&word) && ends_word(&after[word.len()..])
}

/// `SEA Games 32`, `COVID 19`: a number of at most four digits after a capitalised word.
fn short_number_after_name(before: &str, after: &str) -> bool {
    let word = trailing(before, char::is_alphabetic);
    let number = leading(after, |c| c.is_ascii_digit());
    starts_upper(word)
        && (1..=SHORT_NUMBER).contains(&number.len())
        && !after[number.len()..].starts_with(char::is_alphanumeric)
}

/// `Tô Lâm`, `Xi Jinping`, `SEA Games`, `M. Giang`: a short capitalised word or an acronym,
/// standing alone, before a capitalised word.
fn name_run(before: &str, after: &str) -> bool {
    let next = leading(after, char::is_alphabetic);
    let capitalised = starts_upper(next) && next.chars().skip(1).all(char::is_lowercase);
    if !capitalised || next.chars().count() < 2 {
        return false;
    }
    if before == "M." || before.ends_with(" M.") {
        return true;
    }
    let word = trailing(before, char::is_alphabetic);
    let alone = before[..before.len() - word.len()]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "(«“\"".contains(c));
    let letters = word.chars().count();
    let short_name = starts_upper(word)
        && word.chars().skip(1).all(char::is_lowercase)
        && letters <= SHORT_NAME
        && !FRENCH_SHORT.contains(&word);
    let acronym = ACRONYM.contains(&letters) && word.chars().all(char::is_uppercase);
    alone && (short_name || acronym)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Nothing of the word goes on after `rest` starts: no letter or digit.
fn ends_word(rest: &str) -> bool {
    !rest.starts_with(char::is_alphanumeric)
}

/// The longest end of `text` whose characters all pass `keep`.
fn trailing(text: &str, keep: impl Fn(char) -> bool) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| keep(c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// The longest start of `text` whose characters all pass `keep`.
fn leading(text: &str, keep: impl Fn(char) -> bool) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Space {
        let (before, after) = text.split_once('|').unwrap();
        space(before, after)
    }

    #[test]
    fn each_rule_holds_and_its_near_misses_break() {
        for held in [
            "100|%",
            "10|000",
            "1 234|567",
            "50|km",
            "3|tonnes",
            "SEA Games|32",
            "COVID|19",
            "Tô|Lâm",
            "Xi|Jinping",
            "SEA|Games",
            "M.|Giang",
            "«|Vietnam",
            "Laos|»",
            "dit|:",
        ] {
            assert_eq!(at(held), Space::Hold, "{held}");
        }
        for dropped in ["3|e session", "33|es", "1|er,", "2|nd", "la 50|ᵉ"] {
            assert_eq!(at(dropped), Space::Drop, "{dropped}");
        }
        for breaks in [
            "2021|100",
            "10|0000",
            "10|00",
            "3,5|000",
            "50|kms",
            "3|et",
            "président|2021",
            "Nguyen|Xuan",
            "Vietnam|Cuba",
            "en|2021",
            "SEA|games",
            "Thongloun|Sisoulith",
            "CEDAW|le",
            "d'Xi|Jinping",
            "Le|Vietnam",
            "En|Chine",
            "3|estime",
            "Games|32000",
        ] {
            assert_eq!(at(breaks), Space::Break, "{breaks}");
        }
    }
}
