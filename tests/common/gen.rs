//! A deterministic generator of scraped-looking French news pages, for the monkey and hostile
//! tests and the benchmarks. Not a library module: the tests and `examples/gen_corpus.rs`
//! include this file by path, so the generator stays out of the shipped crate.
//!
//! Same (count, seed) → same bytes on every machine: a self-contained PRNG, no hashing, no
//! clock. Each page has the shape the parser expects from the real site: title, lead, a photo
//! caption with its credit, a dateline, 4–8 KB of paragraphs, a sign-off, then "Voir plus"
//! with 8 entries, about one in ten naming an article that no page of the corpus holds.

use std::collections::BTreeSet;

// The includer declares `mod rng` (tests/common/rng.rs) beside this module.
use super::rng::Rng;

/// One generated page: a file name (`page-00042.txt`, so name order is generation order) and
/// its text.
pub struct Page {
    pub name: String,
    pub text: String,
}

/// `count` pages from `seed`.
pub fn corpus(count: usize, seed: u64) -> Vec<Page> {
    let mut rng = Rng::new(seed);
    let mut taken = BTreeSet::new();
    let titles: Vec<String> = (0..count).map(|i| title(&mut rng, &mut taken, i)).collect();
    let leads: Vec<String> = (0..count).map(|_| lead(&mut rng)).collect();
    (0..count)
        .map(|i| Page {
            name: format!("page-{i:05}.txt"),
            text: page(&mut rng, &mut taken, &titles, &leads, i),
        })
        .collect()
}

const SUBJECTS: [&str; 16] = [
    "Le Vietnam",
    "Le Laos",
    "Le Cambodge",
    "Hanoï",
    "Hô Chi Minh-Ville",
    "L’ASEAN",
    "Le gouvernement",
    "L’Assemblée nationale",
    "Le ministère de l’Industrie et du Commerce",
    "La province de Quang Ninh",
    "Le delta du Mékong",
    "La ville de Đà Nẵng",
    "Les entreprises vietnamiennes",
    "Le secteur agricole",
    "La diplomatie vietnamienne",
    "Les jeunes de Huế",
];
const VERBS: [&str; 12] = [
    "renforce",
    "promeut",
    "accélère",
    "soutient",
    "réaffirme",
    "élargit",
    "approfondit",
    "relance",
    "célèbre",
    "modernise",
    "prépare",
    "salue",
];
const OBJECTS: [&str; 16] = [
    "la coopération économique",
    "les échanges commerciaux",
    "l’amitié traditionnelle",
    "la transformation numérique",
    "les investissements étrangers",
    "la sécurité alimentaire",
    "le tourisme durable",
    "la formation professionnelle",
    "les énergies renouvelables",
    "la protection de l’environnement",
    "les relations culturelles",
    "la connectivité régionale",
    "l’intégration internationale",
    "la santé publique",
    "les infrastructures de transport",
    "l’innovation scientifique",
];
const WITH: [&str; 16] = [
    "avec le Japon",
    "avec la France",
    "avec l’Inde",
    "avec la République de Corée",
    "avec Singapour",
    "avec la Hongrie",
    "avec le Brésil",
    "avec l’Australie",
    "avec Cuba",
    "avec la Mongolie",
    "avec le Kirghizistan",
    "dans la région",
    "en 2026",
    "pour la période 2026-2030",
    "au sein de l’ONU",
    "à l’horizon 2045",
];
const PEOPLE: [&str; 12] = [
    "Tô Lâm",
    "Phạm Minh Chính",
    "Nguyễn Thị Thanh",
    "Lê Thị Thu Hằng",
    "Trần Thanh Mẫn",
    "Bùi Thanh Sơn",
    "Nguyen Xuan Phuc",
    "Vo Van Thuong",
    "Đặng Hoàng Giang",
    "Hồ Đức Phớc",
    "Thongloun Sisoulith",
    "Hun Manet",
];
const ROLES: [&str; 8] = [
    "le secrétaire général du Parti",
    "le Premier ministre",
    "la vice-présidente",
    "la vice-ministre des Affaires étrangères",
    "le président de l’Assemblée nationale",
    "le ministre des Affaires étrangères",
    "le vice-Premier ministre",
    "le président lao",
];
const PLACES: [&str; 8] = [
    "Hanoï",
    "Hô Chi Minh-Ville",
    "Vientiane",
    "Phnom Penh",
    "Đà Nẵng",
    "Can Tho",
    "Paris",
    "New York",
];
const CREDITS: [&str; 5] = ["VNA", "VNA", "Xinhua/VNA", "AFP/VNA", "CVN/VNA"];
/// Sentence parts with French typography: `’`, no-break space before `:` and `;`, narrow
/// no-break space in numbers and inside guillemets.
const CLAUSES: [&str; 14] = [
    "a souligné l’importance d’une coordination étroite entre les ministères et les collectivités locales",
    "a rappelé que les échanges bilatéraux avaient atteint 1\u{202F}200 millions de dollars l’an dernier",
    "a proposé d’intensifier les visites de haut niveau et les consultations politiques régulières",
    "s’est félicité des progrès réalisés dans la mise en œuvre des accords déjà signés",
    "a estimé que «\u{A0}la confiance politique reste le socle de la relation\u{A0}»",
    "a insisté sur la nécessité de simplifier les procédures administratives pour les entreprises",
    "a évoqué les défis communs\u{A0}: le changement climatique, la montée des eaux et la sécheresse",
    "a souhaité que les deux parties facilitent l’accès de leurs produits agricoles à leurs marchés respectifs",
    "a annoncé un programme de bourses destiné aux étudiants des deux pays",
    "a présenté les résultats du plan quinquennal, jugés encourageants par les observateurs",
    "a noté une hausse de 12\u{A0}% des arrivées de touristes au premier trimestre",
    "a salué l’engagement des communautés vietnamiennes à l’étranger\u{A0}; leur rôle est jugé essentiel",
    "a plaidé pour une coopération accrue dans les domaines de la défense et de la sécurité",
    "a exprimé sa gratitude pour le soutien précieux apporté pendant la pandémie de COVID-19",
];
const OPENERS: [&str; 8] = [
    "Lors de la rencontre,",
    "Selon le communiqué publié à l’issue des entretiens,",
    "De son côté,",
    "À cette occasion,",
    "Par ailleurs,",
    "Dans son discours d’ouverture,",
    "En marge de la conférence,",
    "Au cours des échanges,",
];

/// A title no earlier call has returned. With 16×12×16×16 combinations, collisions are rare
/// and resolved by drawing again; the index suffix only guarantees an end for huge counts.
fn title(rng: &mut Rng, taken: &mut BTreeSet<String>, index: usize) -> String {
    for _ in 0..16 {
        let candidate = format!(
            "{} {} {} {}",
            rng.pick(&SUBJECTS),
            rng.pick(&VERBS),
            rng.pick(&OBJECTS),
            rng.pick(&WITH)
        );
        if taken.insert(candidate.clone()) {
            return candidate;
        }
    }
    let fallback = format!(
        "{} {} – dossier {index}",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS)
    );
    taken.insert(fallback.clone());
    fallback
}

fn lead(rng: &mut Rng) -> String {
    format!(
        "{}, {}, {} lors d’une séance de travail tenue à {}.",
        capitalise(rng.pick(&ROLES)),
        rng.pick(&PEOPLE),
        rng.pick(&CLAUSES),
        rng.pick(&PLACES)
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn caption(rng: &mut Rng) -> String {
    let caption = format!(
        "{} {} lors de la cérémonie à {}.",
        capitalise(rng.pick(&ROLES)),
        rng.pick(&PEOPLE),
        rng.pick(&PLACES)
    );
    let credit = rng.pick(&CREDITS);
    match rng.below(3) {
        0 => format!("{caption} (Photo\u{A0}: {credit})"),
        _ => format!("{caption} Photo\u{A0}: {credit}"),
    }
}

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {}, {}.",
        rng.pick(&OPENERS),
        rng.pick(&ROLES),
        rng.pick(&PEOPLE),
        rng.pick(&CLAUSES)
    )
}

/// Body paragraphs totalling 4–8 KB.
fn paragraphs(rng: &mut Rng) -> Vec<String> {
    let target = rng.between(4096, 8192);
    let mut out: Vec<String> = Vec::new();
    let mut total = 0;
    while total < target {
        let count = rng.between(2, 5);
        let paragraph: Vec<String> = (0..count).map(|_| sentence(rng)).collect();
        let paragraph = paragraph.join(" ");
        if total >= 4096 && total + paragraph.len() > 8192 {
            break;
        }
        total += paragraph.len();
        out.push(paragraph);
    }
    out
}

fn page(
    rng: &mut Rng,
    taken: &mut BTreeSet<String>,
    titles: &[String],
    leads: &[String],
    me: usize,
) -> String {
    let title = &titles[me];
    let mut text = format!("{title}\n\n{}\n", leads[me]);
    // The site often glues the caption to a repeat of the title with an `ảnh 1` marker.
    if rng.below(2) == 0 {
        text.push_str(&format!("{title} ảnh 1{}\n\n", caption(rng)));
    } else {
        text.push_str(&format!("{}\n\n", caption(rng)));
    }
    let body = paragraphs(rng);
    let place = rng.pick(&PLACES);
    for (n, paragraph) in body.iter().enumerate() {
        if n == 0 {
            text.push_str(&format!("{place} (VNA) – "));
        }
        text.push_str(paragraph);
        if n + 1 == body.len() {
            text.push_str(if rng.below(2) == 0 { "-VNA" } else { " -VNA" });
        }
        text.push_str("\n\n");
    }
    text.push_str("Voir plus\n\n");
    for _ in 0..8 {
        let others = titles.len() - 1;
        let (title, summary) = if others == 0 || rng.below(10) == 0 {
            let missing = title_for_missing(rng, taken);
            (missing, lead(rng))
        } else {
            // Any page but this one: skip over `me`.
            let mut other = rng.below(others);
            if other >= me {
                other += 1;
            }
            (titles[other].clone(), leads[other].clone())
        };
        text.push_str(&format!("{}\n\n{title}\n\n{summary}\n\n", caption(rng)));
    }
    text
}

/// A title for an article no page of the corpus holds: drawn like the others, so it reads the
/// same, but never one already given to a page.
fn title_for_missing(rng: &mut Rng, taken: &mut BTreeSet<String>) -> String {
    let index = taken.len();
    title(rng, taken, index)
}
