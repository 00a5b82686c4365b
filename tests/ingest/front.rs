//! Layouts of the top of a page, read by structure: pages with no title line, titles glued to
//! image markers, datelines of every shape, rubrics and chrome above the title. Invented text in
//! the shapes real pages have.

use crate::{dateline, parse, photo};
use liseuse::article::Article;

const BODY_ONE: &str = "Les rendements moyens ont dépassé 6,5 tonnes à l'hectare cette saison, \
                        grâce à de nouvelles variétés résistantes à la sécheresse.";
const BODY_TWO: &str = "Les autorités provinciales prévoient d'étendre le programme à dix districts \
                        supplémentaires l'an prochain.";

fn warnings_containing<'a>(a: &'a Article, what: &str) -> Vec<&'a String> {
    a.warnings.iter().filter(|w| w.contains(what)).collect()
}

#[test]
fn a_page_without_title_line_gets_a_short_derived_title_and_a_warning() {
    let lead = "La récolte de riz d'été-automne a atteint un niveau record dans le delta du fleuve \
                Rouge, selon le ministère de l'Agriculture et du Développement rural, qui prévoit une \
                hausse des exportations au cours du prochain trimestre.";
    let starts = [
        // A photo caption first.
        format!(
            "Des agriculteurs récoltent le riz à Thai Binh. Photo : VNA\n\n{lead}\n\n\
             Thai Binh (VNA) – {BODY_ONE}\n\n{BODY_TWO}-VNA\n"
        ),
        // The lead first.
        format!("{lead}\n\nThai Binh (VNA) – {BODY_ONE}\n\n{BODY_TWO}-VNA\n"),
        // A dateline first, with or without a date.
        format!("Hanoi (VNA) – {lead}\n\n{BODY_ONE}\n\n{BODY_TWO}-VNA\n"),
        format!("Son La, 7 juillet (VNA) – {lead}\n\n{BODY_ONE}\n\n{BODY_TWO}-VNA\n"),
    ];
    for text in &starts {
        let a = parse(text);
        assert!(a.title_derived, "{text}");
        assert_eq!(
            a.title,
            "La récolte de riz d'été-automne a atteint un niveau record dans le delta du fleuve Rouge"
        );
        assert_eq!(a.signoff.as_deref(), Some("VNA"));
        assert_eq!(a.paragraphs.last().map(String::as_str), Some(BODY_TWO));
        let warned = warnings_containing(&a, "no title line");
        assert_eq!(warned.len(), 1, "{:?}", a.warnings);
        assert!(warned[0].starts_with("test.txt:1: "), "{warned:?}");
    }
    let a = parse(&starts[0]);
    assert_eq!(
        a.photos,
        [photo(
            "Des agriculteurs récoltent le riz à Thai Binh.",
            "VNA"
        )]
    );
    assert_eq!(a.lead, lead);
    let a = parse(&starts[3]);
    assert_eq!(a.dateline, dateline(Some("Son La"), "VNA"));
    assert_eq!(a.paragraphs[0], lead);
}

#[test]
fn a_page_that_starts_mid_article_is_named_by_its_first_words() {
    let a = parse(&format!(
        "et les deux parties ont convenu d'intensifier les échanges de délégations à tous les \
         niveaux, notamment entre les localités frontalières, afin de consolider la confiance \
         politique.\n\n{BODY_ONE}\n\n{BODY_TWO} -VNA\n"
    ));
    assert!(a.title_derived);
    assert!(a.title.chars().count() <= 110, "{}", a.title);
    assert!(a.title.starts_with("et les deux parties ont convenu"));
    assert_eq!(a.paragraphs.len(), 3);
    assert_eq!(a.lead, "");
}

#[test]
fn a_title_line_is_never_derived() {
    let a = parse(&format!(
        "Le Vietnam et le Japon renforcent leur partenariat\n\nChapeau.\n\n{BODY_ONE}\n"
    ));
    assert!(!a.title_derived);
    assert!(warnings_containing(&a, "no title line").is_empty());
}

#[test]
fn title_glued_to_its_marker_in_any_spelling() {
    let title = "Le Vietnam et le Japon renforcent leur partenariat";
    for (line, expected) in [
        (
            format!("{title} hinh anh 1Photo: baoquocte.vn"),
            photo("", "baoquocte.vn"),
        ),
        (
            format!("{title} ảnh 1Le Premier ministre à Tokyo. Photo : VNA"),
            photo("Le Premier ministre à Tokyo.", "VNA"),
        ),
        (
            format!("{title} - ảnh 1 Le Premier ministre à Tokyo. Photo : VNA"),
            photo("Le Premier ministre à Tokyo.", "VNA"),
        ),
        (
            format!("{title} ảnh 1 Le Premier ministre à Tokyo. Photo : VNA"),
            photo("Le Premier ministre à Tokyo.", "VNA"),
        ),
        (
            format!("{title} hinh anh 1\nPhoto: nhandan.vn"),
            photo("", "nhandan.vn"),
        ),
        (
            format!("{title} ảnh 1\nLe Premier ministre à Tokyo. Photo : VNA"),
            photo("Le Premier ministre à Tokyo.", "VNA"),
        ),
    ] {
        // After the title line…
        let a = parse(&format!(
            "{title}\n\nChapeau du texte.\n\n{line}\n\nTokyo (VNA) – {BODY_ONE}\n"
        ));
        assert_eq!(
            (a.title.as_str(), &a.photos),
            (title, &vec![expected.clone()])
        );
        assert_eq!(a.paragraphs, [BODY_ONE], "{line}");
        // …or as the title line itself.
        let a = parse(&format!("{line}\n\nChapeau du texte.\n\n{BODY_ONE}\n"));
        assert_eq!(a.title, title, "{line}");
        assert_eq!(a.photos, [expected], "{line}");
        assert_eq!(
            (a.lead.as_str(), a.paragraphs.len()),
            ("Chapeau du texte.", 1)
        );
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }
}

#[test]
fn a_second_image_marker_inside_the_body_is_a_photo() {
    let title = "Le port de Lach Huyen accueille son premier porte-conteneurs géant";
    let a = parse(&format!(
        "{title}\n\nChapeau du texte.\n\n{title} ảnh 1Le porte-conteneurs à quai. Photo : VNA\n\n\
         Hai Phong (VNA) – {BODY_ONE}\n\n{title} ảnh 2Les grues du terminal. Photo: haiphong.gov.vn\n\n\
         {BODY_TWO}\n"
    ));
    assert_eq!(
        a.photos,
        [
            photo("Le porte-conteneurs à quai.", "VNA"),
            photo("Les grues du terminal.", "haiphong.gov.vn")
        ]
    );
    assert_eq!(a.paragraphs, [BODY_ONE, BODY_TWO]);
}

#[test]
fn datelines_of_every_shape() {
    for (start, expected) in [
        (
            "Paris, 15 septembre (VNA) - ",
            dateline(Some("Paris"), "VNA"),
        ),
        (
            "HANOI, 29 octobre (Reuters) - ",
            dateline(Some("HANOI"), "Reuters"),
        ),
        ("Hanoi — ", dateline(Some("Hanoi"), "")),
        (
            "HÔ CHI MINH-VILLE - ",
            dateline(Some("HÔ CHI MINH-VILLE"), ""),
        ),
        ("Nhân Dân en ligne - ", dateline(None, "Nhân Dân en ligne")),
        ("(VOVworld) – ", dateline(None, "VOVworld")),
        ("(vovworld) - ", dateline(None, "vovworld")),
        ("(VOVWORLD) – ", dateline(None, "VOVWORLD")),
    ] {
        let a = parse(&format!(
            "Le Vietnam et le Japon renforcent leur partenariat\n\n{start}{BODY_ONE}\n\n{BODY_TWO}\n"
        ));
        assert_eq!(a.dateline, expected, "{start:?}");
        assert_eq!(a.paragraphs, [BODY_ONE, BODY_TWO], "{start:?}");
        assert_eq!(a.lead, "", "{start:?}");
    }
    // Prose shaped like a dateline stays prose.
    for first in [
        "Vietnam - Laos : une amitié exemplaire que les deux peuples entretiennent.",
        "Le Vietnam — pays d'Asie du Sud-Est — attire les investisseurs.",
    ] {
        let a = parse(&format!("Titre\n\nChapeau.\n\n{first}\n"));
        assert_eq!((a.dateline, a.paragraphs), (None, vec![first.to_owned()]));
    }
}

#[test]
fn a_dateline_before_the_caption_opens_the_body() {
    let caption = "Le ministre à l'ouverture du forum. Photo : VNA";
    for layout in [
        format!("Hanoï (VNA) –\n\n{caption}\n\n{BODY_ONE}\n"),
        format!("Hanoï (VNA) – {caption}\n\n{BODY_ONE}\n"),
    ] {
        let a = parse(&format!(
            "Un forum pour l'économie verte\n\n{layout}\n{BODY_TWO}\n"
        ));
        assert_eq!(a.dateline, dateline(Some("Hanoï"), "VNA"), "{layout}");
        assert_eq!(
            a.photos,
            [photo("Le ministre à l'ouverture du forum.", "VNA")]
        );
        assert_eq!(a.paragraphs, [BODY_ONE, BODY_TWO], "{layout}");
    }
}

#[test]
fn rubrics_dates_and_chrome_above_the_title_are_dropped() {
    let title = "Le Vietnam bat la Thaïlande en finale de l'AFF Cup";
    let a = parse(&format!(
        "Accueil\nFootball\n|\n{title}\nMardi 7 janvier 2025 - 21h30\nPar VietnamPlus\n\
         Partager cet article…\nChia sẻ\n{title}\nCopier le lien\n\n\
         Les Vietnamiens ont remporté le titre régional pour la troisième fois.\n\n\
         Bangkok (VNA) – {BODY_ONE}\n\nPUBLICITÉ\n\n{BODY_TWO}-VNA\n\nCommentaires (3)\n\
         © 2025 VietnamPlus. Tous droits réservés.\nAdresse : 5, rue Ly Thuong Kiet, Hanoï\n"
    ));
    assert_eq!(a.title, title);
    assert!(!a.title_derived);
    assert_eq!(
        a.lead,
        "Les Vietnamiens ont remporté le titre régional pour la troisième fois."
    );
    assert_eq!(a.paragraphs, [BODY_ONE, BODY_TWO]);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    // `Nouvelles` above a title: a rubric too.
    let a = parse(&format!("Nouvelles\n{title}\n\nChapeau.\n\n{BODY_ONE}\n"));
    assert_eq!((a.title.as_str(), a.lead.as_str()), (title, "Chapeau."));
}

#[test]
fn a_rubric_above_a_page_with_no_title_is_not_its_title() {
    // Under the rubric, a dateline (the body starts) or a photo (then the lead).
    for (opening, paragraphs) in [
        (
            format!("Football\nHanoi, 7 juillet (VNA) – {BODY_ONE}\n\n{BODY_TWO}-VNA\n"),
            vec![BODY_ONE, BODY_TWO],
        ),
        (
            format!(
                "Nouvelles\nDes paysans à Thai Binh. Photo : VNA\n\n{BODY_ONE}\n\n{BODY_TWO}\n"
            ),
            vec![BODY_TWO],
        ),
    ] {
        let a = parse(&opening);
        assert!(a.title_derived, "{opening}");
        assert!(a.title.starts_with("Les rendements moyens"), "{}", a.title);
        assert_eq!(a.paragraphs, paragraphs);
        assert!(
            a.warnings.iter().any(|w| w.contains(":2: no title line")),
            "{:?}",
            a.warnings
        );
    }
}

#[test]
fn illustration_photo_keeps_its_caption() {
    let a = parse(&format!(
        "Relations Vietnam–UE\n\nChapeau.\n\nPhoto d'illustration : East Asia Forum\n\n{BODY_ONE}\n"
    ));
    assert_eq!(a.photos, [photo("Photo d'illustration", "East Asia Forum")]);
    assert_eq!(a.paragraphs, [BODY_ONE]);
}

#[test]
fn a_site_name_after_the_title_and_a_credit_under_its_caption() {
    let title = "Le Vietnam et la Corée du Sud signent un accord sur l'emploi";
    let a = parse(&format!(
        "{title} | Le Courrier du Vietnam\n{title}\n\nChapeau.\n\n\
         {title} ảnh 1Des travailleurs vietnamiens.\nPhoto : CVN\n\n{BODY_ONE}\n"
    ));
    assert_eq!(a.title, title);
    assert_eq!(a.photos, [photo("Des travailleurs vietnamiens.", "CVN")]);
    assert_eq!(
        (a.lead.as_str(), a.paragraphs.as_slice()),
        ("Chapeau.", &[BODY_ONE.to_owned()][..])
    );
}

#[test]
fn chrome_of_other_news_sites_and_copyright_credits() {
    let a = parse(&format!(
        "Le Vietnam mise sur l'éolien en mer\nLe Monde avec AFP\nPublié le 12 mars 2024 à 10h30\n\
         Modifié le 12 mars 2024 à 11h00\nTemps de lecture : 3 min\nÉcouter cet article\n\n\
         Chapeau.\n\nUne éolienne au large de Bac Lieu. © AFP\n\nHANOI - {BODY_ONE}\n\n\
         Abonnez-vous à notre newsletter\nLire la suite\n\n{BODY_TWO}\n"
    ));
    assert_eq!(
        a.photos,
        [photo("Une éolienne au large de Bac Lieu.", "AFP")]
    );
    assert_eq!(a.dateline, dateline(Some("HANOI"), ""));
    assert_eq!((a.lead.as_str(), a.paragraphs.len()), ("Chapeau.", 2));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}
