//! Lines that belong to the page around the article, not to it: one table of furniture patterns
//! by site family (share buttons, labels, bylines, copyright and footer lines, clipboard widgets),
//! date and time lines, punctuation-only lines, related-list headers and `>> title` links.

use crate::fold::fold;

/// Headers of a related list, folded, without trailing punctuation.
const RELATED_HEADERS: [&str; 27] = [
    "voir plus",
    "voir aussi",
    "a voir aussi",
    "lire aussi",
    "a lire aussi",
    "lire egalement",
    "a lire egalement",
    "articles lies",
    "articles connexes",
    "sur le meme sujet",
    "dans la meme rubrique",
    "autres",
    "autres articles",
    "autres actualites",
    "autres nouvelles",
    "articles similaires",
    "lire plus",
    "a decouvrir",
    "a decouvrir egalement",
    "a decouvrir aussi",
    "tin lien quan",
    "xem them",
    "voir egalement",
    "sur le meme theme",
    "pour aller plus loin",
    "actualites liees",
    "articles associes",
];

pub(super) fn is_related_header(line: &str) -> bool {
    line.len() <= 60 && RELATED_HEADERS.contains(&bare_key(&fold(line)))
}

/// A folded line without the punctuation or arrows that decorate labels (`Voir plus :`, `Tags »`).
fn bare_key(folded: &str) -> &str {
    folded.trim_matches(|c: char| !c.is_alphanumeric() && !"©()".contains(c))
}

/// How a furniture pattern matches a folded, bare line.
#[derive(Clone, Copy)]
enum Match {
    /// The whole line.
    Line(&'static str),
    /// The start of the line.
    Start(&'static str),
    /// A word that, with other button or filler words only, makes the line a row of buttons.
    Button(&'static str),
    /// A word allowed among buttons but not on its own (`Partager cet article`).
    Filler(&'static str),
}

use Match::{Button, Filler, Line, Start};

/// Every furniture pattern, by the family of sites that prints it. Patterns are folded (no
/// case, no accents) and only short lines are tested, so a paragraph that mentions them stays.
const FURNITURE: &[(&str, Match)] = &[
    // Share, print and comment buttons, advertising labels: any site.
    ("any", Button("partager")),
    ("any", Button("partagez")),
    ("any", Button("facebook")),
    ("any", Button("twitter")),
    ("any", Button("zalo")),
    ("any", Button("x")),
    ("any", Button("linkedin")),
    ("any", Button("whatsapp")),
    ("any", Button("tweet")),
    ("any", Button("tweeter")),
    ("any", Button("imprimer")),
    ("any", Button("envoyer")),
    ("any", Button("email")),
    ("any", Button("e-mail")),
    ("any", Button("mail")),
    ("any", Button("commentaires")),
    ("any", Button("commentaire")),
    ("any", Button("commentaire(s)")),
    ("any", Button("commenter")),
    ("any", Button("publicite")),
    ("any", Button("advertisement")),
    ("any", Button("sponsorise")),
    ("any", Button("sponsorisee")),
    ("any", Filler("cet")),
    ("any", Filler("cette")),
    ("any", Filler("article")),
    ("any", Filler("l'article")),
    ("any", Filler("page")),
    ("any", Filler("sur")),
    ("any", Filler("par")),
    // Clipboard widgets: any site.
    ("any", Button("copier")),
    ("any", Button("copie")),
    ("any", Filler("lien")),
    ("any", Button("copy")),
    ("any", Button("link")),
    ("any", Button("copied")),
    ("any", Filler("le")),
    ("any", Filler("dans")),
    ("any", Filler("presse-papiers")),
    ("any", Filler("presse-papier")),
    ("any", Filler("to")),
    ("any", Filler("clipboard")),
    // Labels, copyright and tag lines: any site.
    ("any", Line("retour en haut")),
    ("any", Line("haut de page")),
    ("any", Line("tous droits reserves")),
    ("any", Line("source")),
    ("any", Line("sources")),
    ("any", Line("tags")),
    ("any", Line("mots-cles")),
    ("any", Line("mots cles")),
    ("any", Line("mot-cle")),
    ("any", Start("©")),
    ("any", Start("(c) ")),
    ("any", Start("copyright")),
    ("any", Start("tags :")),
    ("any", Start("tags:")),
    ("any", Start("mots-cles :")),
    ("any", Start("mots-cles:")),
    ("any", Start("source :")),
    ("any", Start("source:")),
    ("any", Start("publie le ")),
    ("any", Start("mis a jour ")),
    ("any", Start("mise a jour ")),
    ("any", Start("modifie le ")),
    ("any", Start("temps de lecture")),
    ("any", Line("lire la suite")),
    // Reading widgets and subscription prompts: French news sites (Le Monde, RFI, Le Figaro…).
    ("news", Line("ecouter")),
    ("news", Line("ecouter cet article")),
    ("news", Line("newsletter")),
    ("news", Line("s'abonner")),
    ("news", Start("abonnez-vous")),
    ("news", Start("inscrivez-vous")),
    ("news", Line("reserve aux abonnes")),
    ("news", Line("article reserve aux abonnes")),
    // Site footers: newsroom addresses and licences (VNA family, Nhân Dân, VOV).
    ("footer", Start("adresse :")),
    ("footer", Start("adresse:")),
    ("footer", Start("tel :")),
    ("footer", Start("tel:")),
    ("footer", Start("tel.")),
    ("footer", Start("fax :")),
    ("footer", Start("fax:")),
    ("footer", Start("email :")),
    ("footer", Start("e-mail :")),
    ("footer", Start("redacteur en chef")),
    ("footer", Start("directeur general :")),
    ("footer", Start("licence ")),
    ("footer", Start("permis de publication")),
    ("footer", Line("agence vietnamienne d'information")),
    ("footer", Line("agence vietnamienne d'information (vna)")),
    ("footer", Line("le courrier du vietnam")),
    ("footer", Line("vietnamplus")),
    ("footer", Line("journal nhan dan")),
    ("footer", Line("la voix du vietnam")),
    // Vietnamese interface labels printed by bilingual sites.
    ("vietnamese", Button("chia")),
    ("vietnamese", Button("se")),
    ("vietnamese", Button("binh")),
    ("vietnamese", Button("luan")),
    ("vietnamese", Line("in bai")),
    ("vietnamese", Line("theo doi")),
    ("vietnamese", Line("trang chu")),
];

/// Page furniture: a short line that a pattern of [`FURNITURE`] matches, a line with no letter or
/// digit (`|`, `***`), a date or time line, or a byline (`Par VietnamPlus`).
pub(super) fn is_furniture(line: &str) -> bool {
    if line.len() > 160 {
        return false;
    }
    if !line.chars().any(char::is_alphanumeric) && !line.contains('©') {
        // `/.` closes a Vietnamese article: it is the sign-off's, not furniture.
        return line != "/.";
    }
    let folded = fold(line);
    let key = bare_key(&folded);
    let by_line = FURNITURE.iter().any(|(_, m)| match m {
        Line(text) => key == *text,
        Start(text) => key.starts_with(text),
        _ => false,
    });
    by_line
        || key.contains("tous droits reserves")
        || is_site_copyright(key)
        || (line.len() <= 80 && is_button_row(key))
        || is_date_line(key)
        || is_byline(line)
}

/// `Le Courrier du Vietnam © 2024`: a site's name and a copyright year.
fn is_site_copyright(key: &str) -> bool {
    key.len() <= 80
        && key.rsplit_once('©').is_some_and(|(_, year)| {
            let year = year.trim();
            !year.is_empty() && year.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
}

/// A row of buttons: words that are all buttons or fillers, one at least a button.
fn is_button_row(key: &str) -> bool {
    let kind = |word: &str| {
        FURNITURE.iter().find_map(|(_, m)| match m {
            Button(text) if *text == word => Some(true),
            Filler(text) if *text == word => Some(false),
            _ => None,
        })
    };
    let kinds: Option<Vec<bool>> = key
        .split(|c: char| c.is_whitespace() || "|/·•,;:!.…".contains(c))
        .filter(|w| {
            !w.is_empty()
                && !w
                    .trim_matches(['(', ')'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
        })
        .map(kind)
        .collect();
    kinds.is_some_and(|kinds| kinds.contains(&true))
}

const DATE_WORDS: [&str; 27] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "le",
    "a",
    "h",
    "gmt",
    "utc",
    "ict",
    "er",
    "publie",
];

/// `15/09/2021 10:30`, `Mardi 15 septembre 2021 - 10h30`, `12-03-2024 | 08:00 GMT+7`: only dates,
/// times and the words around them, with a month or a number shaped like a date or a time
/// (`2026 a 2026` is no date line).
fn is_date_line(key: &str) -> bool {
    const MONTHS: usize = 12;
    let months = &DATE_WORDS[7..7 + MONTHS];
    let mut dated = false;
    let all_date = key.len() <= 60
        && key
            .split(|c: char| c.is_whitespace() || "|,–—+".contains(c))
            .map(|w| w.trim_matches(['(', ')']))
            .filter(|w| !w.is_empty() && *w != "-")
            .all(|w| {
                let numeric = w.chars().all(|c| c.is_ascii_digit() || "/:.h-".contains(c));
                let digits = w.chars().filter(char::is_ascii_digit).count();
                let shaped = numeric && digits >= 2 && digits < w.chars().count();
                dated |= shaped || months.contains(&w);
                DATE_WORDS.contains(&w) || numeric
            });
    all_date && dated
}

/// `Par VietnamPlus`, `Par Le Courrier du Vietnam`: "Par" and a few capitalised words, no
/// sentence. The writer's or site's name, never body text.
fn is_byline(line: &str) -> bool {
    // `Le Monde avec AFP`, `France 24 avec Reuters`: a site and its agency.
    let folded = fold(line);
    if line.chars().count() <= 40
        && [" avec afp", " avec reuters", " avec ap"]
            .iter()
            .any(|end| folded.ends_with(end))
    {
        return true;
    }
    let Some(name) = line
        .strip_prefix("Par ")
        .or_else(|| line.strip_prefix("PAR "))
    else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && name.chars().count() <= 50
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !name.ends_with(['.', '!', '?', ':', ','])
        && !name.contains(',')
}

/// `>> title` or `» title`: a related article listed by its title alone.
pub(super) fn link_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(">>").or_else(|| line.strip_prefix('»'))?;
    let title = rest.trim_start_matches(['>', '»']).trim_start();
    (!title.is_empty() && line.len() <= 300).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_of_the_table_is_recognised() {
        for line in [
            "Partager cet article…",
            "Partager sur Facebook | Twitter",
            "Commentaires (12)",
            "PUBLICITÉ",
            "Chia sẻ",
            "Bình luận",
            "Copier le lien",
            "Lien copié dans le presse-papiers !",
            "|",
            "© 2024 Le Courrier du Vietnam",
            "Par VietnamPlus",
            "Par Le Courrier du Vietnam",
            "15/09/2021 10:30",
            "Mardi 15 septembre 2021 - 10h30",
            "12-03-2024 | 08:00 GMT+7",
            "Lundi, 15/09/2021 - 10:30 (GMT+7)",
            "Trang chủ",
            "Le 15 septembre",
            "Publié le 12 mars 2024",
            "Adresse : 79, rue Ly Thuong Kiet, Hanoï",
            "Tél : (84-24) 3825 2931",
            "Rédacteur en chef : Nguyen Van A",
            "Agence Vietnamienne d'Information",
            "Le Monde avec AFP",
            "Le Courrier du Vietnam © 2024",
            "Modifié le 12 mars 2024 à 10h30",
            "Temps de lecture : 3 min",
            "Écouter cet article",
            "Abonnez-vous à notre newsletter",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn sentences_titles_and_names_are_not_furniture() {
        for line in [
            "Partager les expériences de développement durable",
            "Par ailleurs, le ministre a rencontré son homologue.",
            "Le 15 septembre 2021, le président est arrivé à Cuba.",
            "Copier ne suffit pas : le Vietnam innove",
            "Football",
            ">> Lien 3",
            "2026 a 2026",
            "Cet article",
            "/.",
            "Facebook s'installe à Hanoï",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
