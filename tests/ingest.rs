//! Integration tests of the page parser: the two bundled samples checked field by field, inputs
//! that must not break it, one small inline page per variant (`ingest/variants.rs`), the layouts
//! of real sites by class (`ingest/front.rs`, `ingest/back.rs`), property tests over every
//! variant (`ingest/properties.rs`) and `check` on a folder of such pages (`ingest/check.rs`).

#[path = "ingest/back.rs"]
mod back;
#[path = "ingest/check.rs"]
mod check;
#[path = "ingest/front.rs"]
mod front;
#[path = "ingest/properties.rs"]
mod properties;
#[path = "ingest/variants.rs"]
mod variants;

use std::error::Error;

use liseuse::article::{Article, Dateline, Kind, Photo};
use liseuse::ingest::page::parse_page;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

type TestResult = Result<(), Box<dyn Error>>;

const CUBA: &str = "data/vna-cuba-onu-2021.txt";
const KIRGHIZISTAN: &str = "data/vna-kirghizistan.txt";

/// Parses an inline page, which must have a title.
fn parse(text: &str) -> Article {
    parse_page(text, "test.txt")
        .article
        .expect("the page has a title")
}

fn photo(caption: &str, credit: &str) -> Photo {
    Photo {
        caption: caption.to_owned(),
        credit: credit.to_owned(),
    }
}

fn dateline(place: Option<&str>, agency: &str) -> Option<Dateline> {
    Some(Dateline {
        place: place.map(str::to_owned),
        agency: agency.to_owned(),
    })
}

/// Each paragraph by its first and last words.
fn assert_paragraphs(article: &Article, expected: &[(&str, &str)]) {
    let ends: Vec<(&str, &str)> = article
        .paragraphs
        .iter()
        .map(|p| {
            let mut words = p.split_whitespace();
            let first = words.next().unwrap_or_default();
            (first, words.next_back().unwrap_or(first))
        })
        .collect();
    assert_eq!(ends, expected);
}

/// Each related entry by its title, the start of its summary and its photo credit.
fn assert_related(article: &Article, expected: &[(&str, &str, Option<&str>)]) {
    assert_eq!(article.related.len(), expected.len());
    for (link, (title, summary, credit)) in article.related.iter().zip(expected) {
        assert_eq!(link.title, *title);
        assert!(
            link.summary.starts_with(summary),
            "{:?} for {title}",
            link.summary
        );
        assert_eq!(
            link.photo.as_ref().map(|p| p.credit.as_str()),
            *credit,
            "{title}"
        );
    }
}

#[test]
fn cuba_sample_parses_field_by_field() -> TestResult {
    let parsed = parse_page(&std::fs::read_to_string(CUBA)?, CUBA);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let a = parsed.article.ok_or("no article")?;
    assert_eq!(a.kind, Kind::Full);
    assert_eq!(a.sources, [CUBA]);
    assert!(a.warnings.is_empty());
    assert_eq!(
        a.title,
        "Pour promouvoir les relations du Vietnam avec les partenaires prioritaires et les amis traditionnels"
    );
    assert_eq!(
        a.lead,
        "Le président Nguyen Xuan Phuc effectuera une visite officielle à Cuba du 18 au 20 \
         septembre avant de participer du 21 au 24 septembre à un débat de haut niveau de \
         l'Assemblée générale de l'ONU."
    );
    assert_eq!(a.dateline, dateline(Some("Hanoï"), "VNA"));
    assert_eq!(
        a.photos,
        [photo(
            "Le vice-ministre des Affaires étrangères Dang Hoang Giang.",
            "VNA"
        )]
    );
    #[rustfmt::skip]
    assert_paragraphs(&a, &[
        ("Le", "États-Unis."), ("La", "Giang."), ("Concernant", "période."),
        ("Assister", "internationale."), ("En", "2023-2025."), ("En", "COVID-19."),
        ("En", "médicales."), ("Les", "pays."), ("Ce", "pandémie."),
    ]);
    assert!(a.paragraphs[0].starts_with("Le président Nguyen Xuan Phuceffectuera"));
    assert!(a.paragraphs[8].ends_with("après la pandémie."));
    assert_eq!(a.signoff.as_deref(), Some("VNA"));
    #[rustfmt::skip]
    assert_related(&a, &[
        ("L'envoyé spécial du chef du Parti vietnamien rencontre le plus haut dirigeant chinois",
         "Le secrétaire général du Comité central ", None),
        ("Consolidation des liens militaires entre le Vietnam et le Cambodge",
         "Le général de brigade Nguyen Minh Trieu,", Some("VNA")),
        ("Un nouvel élan pour les relations Vietnam–Laos",
         "La\u{a0}visite d'État prochaine au Laos du se", Some("VNA")),
        ("Réaffirmer la cohésion stratégique entre le Vietnam et le Laos",
         "À l’invitation du dirigeant lao Thonglou", Some("VNA")),
        ("Le Vietnam réaffirme son engagement stratégique lors de la session de dialogue avec le Comité CEDAW",
         "La vice-ministre des Affaires intérieure", Some("VNA")),
        ("Vietnam – Laos : une relation spéciale réaffirmée à l’occasion des 96 ans du PCV",
         "Des\u{a0}membres du Comité central du Parti p", Some("VNA")),
        ("Le leader du Parti plaide pour un renforcement des liens entre le Vietnam et la Jordanie",
         "Le Vietnam et la Jordanie doivent contin", Some("VNA")),
    ]);
    let second = a.related[1].photo.as_ref().ok_or("photo")?;
    assert!(
        second
            .caption
            .ends_with("à l'occasion du Nouvel An lunaire.")
    );
    assert!(
        a.related[5]
            .summary
            .ends_with("du Parti communiste du Vietnam.")
    );
    Ok(())
}

#[test]
fn kirghizistan_sample_parses_field_by_field() -> TestResult {
    let parsed = parse_page(&std::fs::read_to_string(KIRGHIZISTAN)?, KIRGHIZISTAN);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let a = parsed.article.ok_or("no article")?;
    assert_eq!(a.sources, [KIRGHIZISTAN]);
    assert_eq!(
        a.title,
        "Le Vietnam attache de l'importance à son amitié avec le Kirghizistan"
    );
    let lead = "Le Vietnam accorde de l’importance à ses relations avec ses amis traditionnels, dont \
                le Kirghizistan, et souhaite les renforcer, a déclaré la vice-ministre des Affaires \
                étrangères, Le Thi Thu Hang, lors de sa conversation téléphonique le 17 février \
                avec son homologue kirghize, Abakirov Meder.";
    assert_eq!(a.lead, lead);
    assert_eq!(a.dateline, dateline(Some("Hanoï"), "VNA"));
    assert_eq!(
        a.photos,
        [photo(
            "La vice-ministre Le Thi Thu Hang lors de la conversation téléphonique.",
            "VNA"
        )]
    );
    #[rustfmt::skip]
    assert_paragraphs(&a, &[
        ("Le", "Meder."), ("Au", "domaines."), ("De", "pays."), ("Dans", "parties."),
        ("Approuvant", "proche."), ("Les", "membre."), ("Ils", "spécifiques."), ("A", "niveau."),
    ]);
    assert_eq!(
        a.paragraphs[0], lead,
        "the dateline paragraph repeats the lead"
    );
    assert_eq!(a.signoff.as_deref(), Some("VNA"));
    #[rustfmt::skip]
    assert_related(&a, &[
        ("Inauguration du monument commémoratif de l’alliance de combat Laos-Vietnam",
         "Une cérémonie s’est tenue vendredi 28 no", Some("VNA")),
        ("Le Vietnam et le Laos s’avancent ensemble vers une nouvelle ère de développement",
         "Le Vietnam et le Laos entrent dans une n", Some("VNA")),
        ("Le Vietnam réaffirme son soutien indéfectible et sa solidarité avec la Palestine",
         "À l'occasion de la Journée international", Some("Xinhua/VNA")),
        ("Les échanges pour approfondir la coopération entre jeunes officiers Vietnam–Cuba",
         "Un échange de vue a été co-présidé, dans", Some("qdnd.vn")),
        ("Relations Vietnam–Union européenne : 35 ans d’un partenariat en pleine expansion",
         "L’année 2025 constitue un jalon importan", Some("East Asia Forum")),
        ("Une délégation du Parti communiste du Vietnam en visite de travail au Portugal",
         "Du 22 au 27 novembre, dans le cadre des ", Some("baotintuc.vn")),
        ("La Patrie, la terre d’origine suprême de chaque dirigeant",
         "Après avoir achevé le processus de nomin", Some("VNA")),
        ("Le Vietnam à la 26e Conférence des chefs des Armées de terre de l'ASEAN",
         "Sur l’invitation du général de division ", Some("VNA")),
        ("Le Parti communiste du Vietnam renforce ses liens avec le Parti de gauche allemand",
         "Les deux parties ont convenu de l’import", Some("VNA")),
        ("Le Vietnam et le Mexique renforcent leur coopération en matière de santé",
         "Les ministères de la Santé du Vietnam et", Some("VNA")),
    ]);
    let photo_of = |i: usize| a.related[i].photo.clone();
    assert_eq!(
        photo_of(2).map(|p| p.caption),
        Some("Des Palestiniens dans la région de Cheikh Radwan, au Nord de Gaza.".into())
    );
    assert_eq!(
        photo_of(4),
        Some(photo("Photo d'illustration", "East Asia Forum"))
    );
    assert_eq!(photo_of(6), Some(photo("", "VNA")));
    Ok(())
}

#[test]
fn line_end_styles_bom_and_trailing_spaces_change_nothing() -> TestResult {
    for path in [CUBA, KIRGHIZISTAN] {
        let clean = std::fs::read_to_string(path)?;
        let clean_article = parse(&clean);
        let spaced: String = clean.lines().map(|l| format!("{l}  \t\n")).collect();
        for variant in [
            format!("\u{FEFF}{}", clean.replace('\n', "\r\n")),
            clean.replace('\n', "\r"),
            spaced,
        ] {
            assert_eq!(parse(&variant), clean_article, "{path}");
        }
    }
    // Line numbers survive too: the warning names line 3 whatever ends the lines.
    for text in [
        "\n\nTitre seul\n",
        "\r\n\r\nTitre seul\r\n",
        "\u{FEFF}\r\rTitre seul  \r",
    ] {
        assert_eq!(parse(text).warnings, ["test.txt:3: no body paragraphs"]);
    }
    Ok(())
}

#[test]
fn page_without_title_gives_no_article_and_one_diagnostic() {
    for text in [
        "",
        "\n \n\u{A0}\n",
        "Partager\n\nFacebook\nTwitter\n© 2024 VNA",
    ] {
        let parsed = parse_page(text, "vide.txt");
        assert!(parsed.article.is_none());
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].file, "vide.txt");
        assert!(parsed.diagnostics[0].line.is_some());
    }
}

#[test]
fn a_one_megabyte_line_parses() {
    let huge = "mot anh 1 ảnh 2 Photo : (VNA) - ".repeat(32 * 1024);
    for text in [
        format!("Titre\n\nChapeau.\n\nHanoï (VNA) - {huge}.-VNA\n"),
        format!("{huge}\n\n{huge}\n\n{huge}\n\nVoir plus\n\n{huge}\n"),
    ] {
        let parsed = parse_page(&text, "grand.txt");
        assert!(parsed.article.is_some());
    }
    let a = parse(&format!("Titre\n\nChapeau.\n\nHanoï (VNA) - {huge}.-VNA\n"));
    assert_eq!((a.paragraphs.len(), a.signoff.as_deref()), (1, Some("VNA")));
}

#[test]
fn ten_thousand_related_entries_parse() {
    let mut text = String::from("Titre\n\nChapeau.\n\nCorps.\n\nVoir plus\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "\nLégende {i}. Photo : VNA\n\nTitre {i}\n\nRésumé {i}.\n"
        ));
    }
    let a = parse(&text);
    assert_eq!(a.related.len(), 10_000);
    assert!(
        a.related
            .iter()
            .all(|r| r.photo.is_some() && !r.summary.is_empty())
    );
    let titles_only: String = (0..10_000).map(|i| format!(">> Lien {i}\n")).collect();
    assert_eq!(
        parse(&format!("Titre\n{titles_only}Corps.\n"))
            .related
            .len(),
        10_000
    );
}

#[test]
fn ten_thousand_photos_and_paragraphs_parse() {
    let mut text = String::from("Titre\n\nChapeau.\n\n");
    for i in 0..10_000 {
        text.push_str(&format!(
            "Légende {i}. Photo : VNA\n\nLe paragraphe numéro {i} du corps.\n\n"
        ));
    }
    let a = parse(&text);
    assert_eq!((a.photos.len(), a.paragraphs.len()), (10_000, 10_000));
}

/// Pieces that the recognisers look for, to be glued together in awkward orders.
const AWKWARD: [&str; 18] = [
    "\r",
    "\n",
    "\u{FEFF}",
    "ả",
    "a\u{309}",
    "anh 1",
    "Photo :",
    "(",
    ")",
    "[VNA]",
    "-",
    "VNA",
    "»",
    ">>",
    "Voir plus",
    "\u{A0}",
    "é",
    "x",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = parse_page(&text, "fuzz.txt");
    }

    #[test]
    fn awkward_pieces_never_panic(pieces in vec(select(&AWKWARD[..]), 0..60)) {
        let _ = parse_page(&pieces.concat(), "fuzz.txt");
    }
}
