//! Property tests of the layouts: a page assembled from any title, caption, dateline, sign-off
//! and related-list variant, with furniture dropped anywhere between its blocks, gives the same
//! body, and no field ever holds a marker, a sign-off, a dateline or furniture.

use liseuse::article::Article;
use liseuse::ingest::page::parse_page;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

const TITLE: &str = "Le Vietnam et l'Indonésie renforcent leur coopération maritime";
const LEAD: &str = "Les deux pays ont signé un accord sur la délimitation de leur zone économique \
                    exclusive, après douze années de négociations.";
const BODY: [&str; 3] = [
    "Le document a été signé par les ministres des Affaires étrangères des deux pays, en \
     présence de hauts responsables des marines nationales.",
    "Selon le ministre, cet accord ouvre la voie à une coopération plus étroite dans la lutte \
     contre la pêche illégale.",
    "Les deux parties sont convenues de tenir des patrouilles conjointes chaque année",
];

/// How the page opens: `{T}` stands for the title.
const TITLES: [&str; 5] = [
    "{T}\n",
    "Nouvelles\n{T}\n",
    "Accueil\nMonde\n{T}\n{T}\n",
    "{T} hinh anh 1Photo: baoquocte.vn\n",
    "",
];
const CAPTIONS: [&str; 7] = [
    "",
    "Les ministres lors de la signature. Photo : VNA\n",
    "{T} ảnh 1Les ministres lors de la signature. Photo : VNA\n",
    "{T} - ảnh 1 Les ministres lors de la signature. Photo: VNA\n",
    "{T} ảnh 1\nPhoto: nhandan.vn\n",
    "Photo d'illustration : East Asia Forum\n",
    "Les ministres lors de la signature. Photo : VNA\nLes ministres lors de la signature. Photo : VNA\n",
];
const DATELINES: [&str; 8] = [
    "Hanoï (VNA) – ",
    "Jakarta, 15 septembre (VNA) - ",
    "JAKARTA, 29 octobre (Reuters) - ",
    "Jakarta — ",
    "Nhân Dân en ligne - ",
    "(VOVworld) – ",
    "(VNA) ",
    "",
];
const SIGNOFFS: [&str; 17] = [
    ".-VNA",
    ". -VNA",
    ".- VN A",
    ".-AVI",
    ".-VNA/VI",
    ". -CPV/VNA",
    ".-NDEL/VNA",
    ". -VOV/VNA",
    ". -VietnamPlus",
    ". – VNA",
    ".\nVNA/CVN",
    ".\nAgence France Presse - 15/09/2021",
    "./.",
    ".-VNA\nsource",
    ". (VNA)",
    ".\nThanh Hà/CVN",
    ".\nAFP - 15/09/2021",
];
/// The related list: a header, or none (old pages list entries right after the sign-off).
const HEADERS: [&str; 6] = [
    "Voir plus\n",
    "Autres\n",
    "Sur le même sujet\n",
    "À découvrir également\n",
    "Lire aussi :\n",
    "",
];
const ENTRIES: &str = "La marine vietnamienne en visite à Surabaya\n\
    Un navire de la marine vietnamienne a fait escale au port de Surabaya pour une visite d'amitié.\n\n\
    Le commerce bilatéral dépasse les 14 milliards de dollars\n\
    Les échanges commerciaux entre les deux pays ont progressé de 12 % sur un an.\n";
const FURNITURE: [&str; 12] = [
    "Partager cet article…",
    "Chia sẻ",
    "Commentaires (2)",
    "PUBLICITÉ",
    "© 2025 VNA. Tous droits réservés.",
    "Par VietnamPlus",
    "Copier le lien",
    "|",
    "Mardi 16 septembre 2025 - 10h30",
    "Facebook | Twitter | Zalo",
    "Tags : Vietnam, Indonésie",
    "Adresse : 79, rue Ly Thuong Kiet, Hanoï",
];

/// The page's blocks, in order; furniture may be dropped between any two.
fn blocks(title: &str, caption: &str, dateline: &str, signoff: &str, header: &str) -> Vec<String> {
    let fill = |s: &str| s.replace("{T}", TITLE);
    let mut blocks = vec![
        fill(title),
        format!("{LEAD}\n"),
        fill(caption),
        format!("{dateline}{}\n", BODY[0]),
        format!("{}\n", BODY[1]),
        format!("{}{signoff}\n", BODY[2]),
        header.to_owned(),
        ENTRIES.to_owned(),
    ];
    blocks.retain(|b| !b.is_empty());
    blocks
}

fn page(blocks: &[String], furniture: &[(usize, &str)]) -> String {
    let mut text = String::new();
    for (i, block) in blocks.iter().enumerate() {
        for (_, line) in furniture
            .iter()
            .filter(|(at, _)| at % (blocks.len() + 1) == i)
        {
            text.push_str(&format!("{line}\n\n"));
        }
        text.push_str(block);
        text.push('\n');
    }
    text
}

/// Every text field a reader sees, with its name.
fn fields(a: &Article) -> Vec<(String, &str)> {
    let mut out = vec![
        ("title".to_owned(), a.title.as_str()),
        ("lead".into(), &a.lead),
    ];
    out.extend(
        a.paragraphs
            .iter()
            .map(|p| ("paragraph".to_owned(), p.as_str())),
    );
    for p in a
        .photos
        .iter()
        .chain(a.related.iter().filter_map(|r| r.photo.as_ref()))
    {
        out.push(("caption".into(), &p.caption));
        out.push(("credit".into(), &p.credit));
    }
    for r in &a.related {
        out.push(("related title".into(), &r.title));
        out.push(("related summary".into(), &r.summary));
    }
    out
}

/// Pieces that only a marker, a sign-off, a dateline or furniture would leave in a field.
const LEFTOVERS: [&str; 21] = [
    "anh 1",
    "ảnh 1",
    "hinh",
    "-VNA",
    "- VNA",
    "VN A",
    "/VNA",
    "VNA/",
    "/.",
    "AVI",
    "VietnamPlus",
    "Agence France",
    "(VNA)",
    "(Reuters)",
    "(VOVworld)",
    "en ligne -",
    "Jakarta —",
    "JAKARTA",
    "source",
    "AFP",
    "Thanh Hà",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_variant_gives_the_same_body_and_clean_fields(
        title in select(&TITLES[..]),
        caption in select(&CAPTIONS[..]),
        dateline in select(&DATELINES[..]),
        signoff in select(&SIGNOFFS[..]),
        header in select(&HEADERS[..]),
        furniture in vec((0usize..64, select(&FURNITURE[..])), 0..6),
    ) {
        let text = page(&blocks(title, caption, dateline, signoff, header), &furniture);
        let parsed = parse_page(&text, "p.txt");
        let a = parsed.article.expect("an article");
        let mut expected: Vec<String> = BODY.iter().map(|p| (*p).to_owned()).collect();
        expected[2].push('.');
        prop_assert_eq!(&a.paragraphs, &expected, "{}", text);
        prop_assert_eq!(a.lead.as_str(), LEAD, "{}", text);
        let related: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
        prop_assert_eq!(
            related,
            ["La marine vietnamienne en visite à Surabaya",
             "Le commerce bilatéral dépasse les 14 milliards de dollars"],
            "{}", text
        );
        prop_assert!(a.related.iter().all(|r| r.summary.ends_with('.')), "{}", text);
        if title.is_empty() {
            prop_assert!(a.title_derived);
            prop_assert!(a.title.chars().count() <= 121, "{}", a.title);
        } else {
            prop_assert_eq!((a.title.as_str(), a.title_derived), (TITLE, false), "{}", text);
        }
        for (name, field) in fields(&a) {
            for leftover in LEFTOVERS {
                prop_assert!(!field.contains(leftover), "{} holds {:?}: {:?}\n{}", name, leftover, field, text);
            }
            for line in FURNITURE {
                prop_assert!(!field.contains(line), "{} holds {:?}\n{}", name, line, text);
            }
        }
        // Only the derived title is worth a warning on such a page.
        let expected_warnings = usize::from(title.is_empty());
        prop_assert_eq!(a.warnings.len(), expected_warnings, "{:?}\n{}", a.warnings, text);
    }
}
