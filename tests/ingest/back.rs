//! Layouts of the end of a page and of repeats, read by structure: sign-offs of every spelling,
//! related lists under any header or none, empty headers, and text the scrape printed twice.

use crate::{parse, photo};

const TITLE: &str = "Hanoï accueille le forum régional sur l'économie numérique";
const FIRST: &str = "Le forum a réuni plus de 500 délégués venus de quinze pays de la région, \
                     selon le comité d'organisation.";
const LAST: &str = "Les participants ont adopté une déclaration commune sur la protection des \
                    données personnelles";

/// A page whose last paragraph is `LAST` followed by `end`.
fn page_ending(end: &str) -> String {
    format!("{TITLE}\n\nChapeau du texte.\n\nHanoï (VNA) – {FIRST}\n\n{LAST}{end}\n")
}

#[test]
fn sign_offs_of_every_spelling() {
    for (end, agency) in [
        (".- VN A", Some("VNA")),
        (" handicap.-VNA", Some("VNA")),
        (".-AVI", Some("AVI")),
        (".-VNA/VI", Some("VNA/VI")),
        (". -CPV/VNA", Some("CPV/VNA")),
        (".-NDEL/VNA", Some("NDEL/VNA")),
        (". -VOV/VNA", Some("VOV/VNA")),
        (". -VietnamPlus", Some("VietnamPlus")),
        (". – VNA", Some("VNA")),
        (".\nVNA/CVN", Some("VNA/CVN")),
        (".\nCPV/VNA", Some("CPV/VNA")),
        (".\n- VN A", Some("VNA")),
        (
            ".\nAgence France Presse - 15/09/2021",
            Some("Agence France Presse"),
        ),
        (
            ".\nAgence France-Presse – 12 mars 2024 10:30",
            Some("Agence France-Presse"),
        ),
        (".\nAFP - 15/09/2021", Some("AFP")),
        ("./.", None),
        (".-VNA/.", Some("VNA")),
        (".-VNA\nsource", Some("VNA")),
        (". (VNA)", Some("VNA")),
        (".\nThanh Hà/CVN", Some("Thanh Hà/CVN")),
    ] {
        let a = parse(&page_ending(end));
        let kept = if end.starts_with(" handicap") {
            format!("{LAST} handicap.")
        } else {
            format!("{LAST}.")
        };
        assert_eq!(a.paragraphs, [FIRST.to_owned(), kept], "{end:?}");
        assert_eq!(a.signoff.as_deref(), agency, "{end:?}");
        assert!(a.warnings.is_empty(), "{end:?}: {:?}", a.warnings);
    }
}

#[test]
fn an_unknown_sign_off_shape_is_warned_with_its_line() {
    let a = parse(&page_ending(". -Thu Hang"));
    assert_eq!(a.signoff, None);
    assert_eq!(
        a.warnings,
        ["test.txt:7: unknown sign-off shape: «Thu Hang»"]
    );
    // A body that simply ends has nothing to warn about.
    assert!(parse(&page_ending(".")).warnings.is_empty());
    assert!(parse(&page_ending(" avec l'ASEAN.")).warnings.is_empty());
}

#[test]
fn related_lists_under_any_header() {
    for header in [
        "Voir plus",
        "Autres",
        "Sur le même sujet",
        "À découvrir également",
        "Lire aussi :",
        "Tin liên quan",
    ] {
        let a = parse(&format!(
            "{}\n\n{header}\n\nLégende. Photo : VNA\n\nUn titre lié au forum\n\n\
             Le résumé de l'article lié, qui se termine par un point.\n\n\
             Un second titre lié\n\nUn second titre lié\n\nUn troisième titre lié\n",
            page_ending(".-VNA")
        ));
        let titles: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Un titre lié au forum",
                "Un second titre lié",
                "Un troisième titre lié"
            ],
            "{header}"
        );
        assert_eq!(a.related[0].photo, Some(photo("Légende.", "VNA")));
        assert!(a.related[1].summary.is_empty() && a.related[2].summary.is_empty());
        assert_eq!(a.paragraphs.len(), 2, "{header}");
        assert!(a.warnings.is_empty(), "{header}: {:?}", a.warnings);
    }
}

#[test]
fn links_before_the_body_under_a_header_or_not() {
    for links in [
        ">> Le forum de l'an dernier\n>> Les start-up vietnamiennes en Asie\n",
        "Lire aussi :\n>> Le forum de l'an dernier\n>> Les start-up vietnamiennes en Asie\n",
        "Lire aussi\nLe forum de l'an dernier\nLes start-up vietnamiennes en Asie\n",
    ] {
        let a = parse(&format!(
            "{TITLE}\n\n{links}\nChapeau du texte.\n\nHanoï (VNA) – {FIRST}\n"
        ));
        let titles: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Le forum de l'an dernier",
                "Les start-up vietnamiennes en Asie"
            ],
            "{links}"
        );
        assert_eq!(
            (a.lead.as_str(), a.paragraphs.as_slice()),
            ("Chapeau du texte.", &[FIRST.to_owned()][..])
        );
        assert!(a.warnings.is_empty(), "{links}: {:?}", a.warnings);
    }
}

#[test]
fn an_empty_header_makes_no_link_and_is_warned() {
    // At the end of the page…
    let a = parse(&format!("{}\nVoir plus\n", page_ending(".-VNA")));
    assert!(a.related.is_empty());
    assert_eq!(a.warnings, ["test.txt:9: Voir plus header with no entries"]);
    // …followed by another header…
    let a = parse(&format!(
        "{}\nAutres\n\nVoir plus\n\nUn titre lié au forum\n",
        page_ending(".-VNA")
    ));
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.warnings, ["test.txt:9: Voir plus header with no entries"]);
    // …or in the middle of the body, whose links the scrape lost.
    let more = "Le prochain forum se tiendra à Da Nang en 2026, a annoncé le ministre de \
                l'Information et des Communications lors de la séance de clôture des travaux du forum régional.";
    let a = parse(&format!(
        "{TITLE}\n\nChapeau du texte.\n\nHanoï (VNA) – {FIRST}\n\nLire aussi\n\n{more}\n\n{LAST}.-VNA\n"
    ));
    assert!(a.related.is_empty());
    assert_eq!(
        a.paragraphs,
        [FIRST.to_owned(), more.to_owned(), format!("{LAST}.")]
    );
    assert_eq!(a.warnings, ["test.txt:7: Voir plus header with no entries"]);
    // A box of links inside the body, then the body's signed end.
    let a = parse(&format!(
        "{TITLE}\n\nChapeau du texte.\n\nHanoï (VNA) – {FIRST}\n\nLire aussi :\n\
         >> Un forum de l'an dernier\n\n{LAST}.-VNA\n"
    ));
    assert_eq!(a.paragraphs, [FIRST.to_owned(), format!("{LAST}.")]);
    assert_eq!((a.related.len(), a.signoff.as_deref()), (1, Some("VNA")));
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    // An entry's title that ends like a signature is still an entry.
    let a = parse(&format!(
        "{}\nVoir plus\n\nCoopération Vietnam - UE\n",
        page_ending(".")
    ));
    assert_eq!(a.related.len(), 1);
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn old_pages_list_related_entries_right_after_the_sign_off() {
    let a = parse(&format!(
        "{}\nLe Vietnam promeut la transformation numérique\n\
         Le gouvernement a approuvé un programme national pour accélérer la transformation \
         numérique des administrations.\n\nLes exportations de logiciels en hausse\n\n\
         Les entreprises vietnamiennes du logiciel ont vu leurs ventes à l'étranger progresser \
         de 20 % en un an.\n",
        page_ending(".-VNA")
    ));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.signoff.as_deref(), Some("VNA"));
    let entries: Vec<_> = a
        .related
        .iter()
        .map(|r| (r.title.as_str(), r.summary.ends_with('.')))
        .collect();
    assert_eq!(
        entries,
        [
            ("Le Vietnam promeut la transformation numérique", true),
            ("Les exportations de logiciels en hausse", true)
        ]
    );
    // Body that goes on after a sign-off-like end is body.
    let after = "Le texte continue ici avec une phrase complète qui appartient au corps.";
    let a = parse(&format!("{}\n{after}\n", page_ending(".-VNA")));
    assert_eq!(a.paragraphs.last().map(String::as_str), Some(after));
    assert!(a.related.is_empty());
}

#[test]
fn repeats_are_read_once() {
    let lead = "Le forum a réuni plus de 500 délégués venus de quinze pays de la région.";
    // The lead doubled inside its own line, and inside the first paragraph.
    let a = parse(&format!(
        "{TITLE}\n\n{lead} {lead}\n\nHanoï (VNA) – {lead} {lead} Il a duré deux jours.\n"
    ));
    assert_eq!(a.lead, lead);
    assert_eq!(a.paragraphs, [format!("{lead} Il a duré deux jours.")]);
    // Paragraphs repeated exactly, a caption repeated without its marker or its credit.
    let caption = "Les délégués à l'ouverture du forum.";
    let a = parse(&format!(
        "{TITLE}\n\nChapeau.\n\n{TITLE} ảnh 1{caption} Photo : VNA\n\nHanoï (VNA) – {FIRST}\n\n\
         {caption} Photo : VNA\n\n{FIRST}\n\n{caption}\n\n{LAST}.\n"
    ));
    assert_eq!(a.photos, [photo(caption, "VNA")]);
    assert_eq!(a.paragraphs, [FIRST.to_owned(), format!("{LAST}.")]);
}

#[test]
fn a_dateline_pushed_down_by_a_stray_line_is_still_taken_off() {
    let a = parse(&format!(
        "{TITLE}\n\nSuivez-nous sur Zalo\n\nChapeau du texte.\n\nHanoï (VNA) – {FIRST}\n\n{LAST}.\n"
    ));
    assert_eq!(a.dateline, crate::dateline(Some("Hanoï"), "VNA"));
    assert_eq!(a.paragraphs[1], FIRST);
}
