//! Lines that belong to the page around the article: share buttons, labels, copyright and tag
//! lines (dropped), related-list headers, and `>> title` links.

use crate::fold::fold;

/// Headers of a related list, folded, without trailing punctuation.
const RELATED_HEADERS: [&str; 12] = [
    "voir plus",
    "voir aussi",
    "a voir aussi",
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "a lire egalement",
    "articles lies",
    "sur le meme sujet",
    "autres articles",
    "articles similaires",
    "lire plus",
];

pub(super) fn is_related_header(line: &str) -> bool {
    line.len() <= 60 && RELATED_HEADERS.contains(&bare_key(&fold(line)))
}

/// A folded line without the punctuation or arrows that decorate labels (`Voir plus :`, `Tags »`).
fn bare_key(folded: &str) -> &str {
    folded.trim_matches(|c: char| !c.is_alphanumeric() && !"©()".contains(c))
}

/// Share buttons, comment counters and advertising labels: a line made only of these is furniture.
const BUTTON_WORDS: [&str; 19] = [
    "partager",
    "facebook",
    "twitter",
    "zalo",
    "tweet",
    "tweeter",
    "imprimer",
    "envoyer",
    "email",
    "e-mail",
    "mail",
    "commentaires",
    "commentaire",
    "commentaire(s)",
    "publicite",
    "advertisement",
    "sponsorise",
    "sponsorisee",
    "linkedin",
];
const FURNITURE_LINES: [&str; 9] = [
    "retour en haut",
    "haut de page",
    "tous droits reserves",
    "source",
    "sources",
    "tags",
    "mots-cles",
    "mots cles",
    "mot-cle",
];
const FURNITURE_STARTS: [&str; 9] = [
    "©",
    "(c) ",
    "copyright",
    "tags :",
    "tags:",
    "mots-cles :",
    "mots-cles:",
    "source :",
    "source:",
];

/// Page furniture: buttons, labels, copyright and tag lines. Only short lines qualify, so a
/// paragraph that merely mentions Facebook stays text.
pub(super) fn is_furniture(line: &str) -> bool {
    if line.len() > 160 {
        return false;
    }
    let folded = fold(line);
    let key = bare_key(&folded);
    if FURNITURE_LINES.contains(&key)
        || FURNITURE_STARTS.iter().any(|start| key.starts_with(start))
        || key.contains("tous droits reserves")
    {
        return true;
    }
    let mut words = key
        .split(|c: char| c.is_whitespace() || "|/·•,;:".contains(c))
        .filter(|w| {
            !w.is_empty()
                && !w
                    .trim_matches(['(', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
        });
    line.len() <= 80
        && words.next().is_some_and(|w| BUTTON_WORDS.contains(&w))
        && words.all(|w| BUTTON_WORDS.contains(&w))
}

/// `>> title` or `» title`: a related article listed by its title alone.
pub(super) fn link_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(">>").or_else(|| line.strip_prefix('»'))?;
    let title = rest.trim_start_matches(['>', '»']).trim_start();
    (!title.is_empty() && line.len() <= 300).then_some(title)
}
