//! One small inline page per variant the parser must recognise: captions, image markers,
//! datelines, sign-offs, leads, furniture, related lists and the warnings they give.

use crate::{dateline, parse, photo};

#[test]
fn page_without_voir_plus_has_no_related_entries() {
    let a = parse("Titre\n\nChapeau court.\n\nHanoï (VNA) – Premier.\n\nDernier.-VNA\n");
    assert!(a.related.is_empty());
    assert_eq!(a.paragraphs, ["Premier.", "Dernier."]);
    assert!(a.warnings.is_empty());
}

#[test]
fn related_entries_with_and_without_captions() {
    let long = "Un résumé assez long pour être un résumé ".repeat(5);
    let text = format!(
        "Titre\n\nChapeau.\n\nCorps.\n\nÀ lire aussi :\n\nPremier titre\n\n{long}\n\n\
         Légende. Photo : AFP\n\nDeuxième titre\n\nCourt résumé.\n\nTroisième titre\nRésumé trois.\n"
    );
    let a = parse(&text);
    let entries: Vec<_> = a
        .related
        .iter()
        .map(|r| (r.title.as_str(), r.photo.is_some()))
        .collect();
    assert_eq!(
        entries,
        [
            ("Premier titre", false),
            ("Deuxième titre", true),
            ("Troisième titre", false)
        ]
    );
    assert_eq!(a.related[0].summary, long.trim_end());
    assert_eq!(a.related[1].summary, "Court résumé.");
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn a_caption_printed_without_its_credit_goes_to_the_next_entry() {
    let a = parse(
        "Titre\n\nChapeau.\n\nCorps.\n\nVoir plus\n\nLe ministre lors de la réunion.\n\n\
         Premier titre\n\nRésumé un.\n\nUne délégation à Hanoï.\n\nDeuxième titre\n\nRésumé deux.\n",
    );
    let entries: Vec<_> = a
        .related
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                r.summary.as_str(),
                r.photo.clone().map(|p| p.caption),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "Premier titre",
                "Résumé un.",
                Some("Le ministre lors de la réunion.".into())
            ),
            (
                "Deuxième titre",
                "Résumé deux.",
                Some("Une délégation à Hanoï.".into())
            ),
        ]
    );
}

#[test]
fn title_only_related_entries_and_links_before_the_body() {
    let a = parse(
        "Titre\n\n>> Lien un\n» Lien deux\n\nChapeau.\n\nCorps.\n\nVoir plus\n\nTitre A\nTitre B\nTitre C\n",
    );
    let titles: Vec<_> = a.related.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Lien un", "Lien deux", "Titre A", "Titre B", "Titre C"]
    );
    assert!(
        a.related
            .iter()
            .all(|r| r.summary.is_empty() && r.photo.is_none())
    );
    assert_eq!(
        (a.lead.as_str(), a.paragraphs.as_slice()),
        ("Chapeau.", &["Corps.".to_owned()][..])
    );
}

#[test]
fn image_marker_variants_split_off_the_caption() {
    let title = "Le Vietnam et le Laos renforcent leur coopération";
    for line in [
        format!("{title} ảnh 1Le ministre à Hanoï. Photo : VNA"),
        format!("{title} - ảnh 2 Le ministre à Hanoï. Photo : VNA"),
        format!("{title} a\u{309}nh 1 Le ministre à Hanoï. Photo : VNA"),
        format!("{title} anh 1Le ministre à Hanoï. Photo : VNA"),
        format!("{title} ảnh 1\n\nLe ministre à Hanoï. Photo : VNA"),
    ] {
        let a = parse(&format!(
            "{title}\n\nChapeau.\n\n{line}\n\nHanoï (VNA) - Corps.\n"
        ));
        assert_eq!(a.photos, [photo("Le ministre à Hanoï.", "VNA")], "{line}");
        assert_eq!(a.paragraphs, ["Corps."], "{line}");
    }
    // Alone at the end of the title repeat, the marker makes the next line a caption.
    let a = parse(&format!(
        "{title}\n\nChapeau.\n\n{title} ảnh 1\nLe ministre.\n\nCorps.\n"
    ));
    assert_eq!(a.photos, [photo("Le ministre.", "")]);
    // `Anh` ending a name is not a marker when the text before it is not the title.
    let a = parse(&format!(
        "{title}\n\nChapeau.\n\nLe joueur Nguyen Tuan Anh 10 buts cette saison.\n"
    ));
    assert_eq!(
        a.paragraphs,
        ["Le joueur Nguyen Tuan Anh 10 buts cette saison."]
    );
}

#[test]
fn vietnamese_marker_tolerates_a_cut_title_but_not_prose() {
    let title = "Le Vietnam et le Laos renforcent leur coopération bilatérale";
    let a = parse(&format!(
        "{title}\n\nChapeau.\n\nLe Vietnam et le Laos renforcent… ảnh 1 Le ministre.\n\n\
         Corps où la hình ảnh 3D du projet est présentée.\n"
    ));
    assert_eq!(a.photos, [photo("Le ministre.", "")]);
    assert_eq!(
        a.paragraphs,
        ["Corps où la hình ảnh 3D du projet est présentée."]
    );
}

#[test]
fn related_headers_and_markers_inside_the_list() {
    let summary = "Un résumé qui se termine par un point.";
    for header in [
        "Lire aussi",
        "ARTICLES LIÉS :",
        "Sur le même sujet",
        "Voir aussi:",
        "Articles similaires",
    ] {
        let a = parse(&format!(
            "Titre\n\nChapeau.\n\nCorps.\n\n{header}\n\n\
             Titre lié ảnh 1Légende liée. Photo : VNA\n\nTitre lié\n\n{summary}\n\n\
             Autre titre lié anh 2\nAutre légende.\nAutre titre lié\n{summary}\n"
        ));
        assert_eq!(a.paragraphs, ["Corps."], "{header}");
        assert_eq!(a.related.len(), 2, "{header}");
        assert_eq!(a.related[0].title, "Titre lié");
        assert_eq!(a.related[0].photo, Some(photo("Légende liée.", "VNA")));
        assert_eq!(a.related[1].title, "Autre titre lié");
        assert_eq!(a.related[1].photo, Some(photo("Autre légende.", "")));
        assert!(a.related.iter().all(|r| r.summary == summary));
    }
}

#[test]
fn caption_forms_and_repeats() {
    let a = parse(
        "Titre\n\nChapeau.\n\nUn. (Photo : VNA)\nUn. (Photo : VNA)\n\nHanoï (VNA) - Corps un.\n\n\
         Photo: VNA\n\nCorps deux.\n\nPhoto d’archives : Xinhua/VNA\n\nDeux Photo : qdnd.vn\n",
    );
    assert_eq!(
        a.photos,
        [
            photo("Un.", "VNA"),
            photo("", "VNA"),
            photo("Photo d’archives", "Xinhua/VNA"),
            photo("Deux", "qdnd.vn")
        ]
    );
    assert_eq!(a.paragraphs, ["Corps un.", "Corps deux."]);

    // A lower-case `photo` before a colon is running text; in brackets it is still a credit.
    let a = parse(
        "Titre\n\nChapeau.\n\nHanoï (VNA) - Corps.\n\nExposition photo : Hanoï d'antan\n\n\
         Le stand. (photo : VNA)\n",
    );
    assert_eq!(a.paragraphs, ["Corps.", "Exposition photo : Hanoï d'antan"]);
    assert_eq!(a.photos, [photo("Le stand.", "VNA")]);

    // A sentence that merely mentions a credit in brackets is text.
    let mention = "La légende (Photo : VNA) a été corrigée depuis.";
    let a = parse(&format!(
        "Titre\n\nChapeau.\n\nHanoï (VNA) - Corps.\n\n{mention}\n"
    ));
    assert_eq!(a.paragraphs, ["Corps.", mention]);
    assert!(a.photos.is_empty());
}

#[test]
fn sign_off_variants() {
    for (last, kept, agency) in [
        ("Fin de l'article. -VNA", "Fin de l'article.", "VNA"),
        ("Fin de l'article. \u{A0}-VNA", "Fin de l'article.", "VNA"),
        ("Fin de l'article.-VNA", "Fin de l'article.", "VNA"),
        ("Fin de l'article. - VNA", "Fin de l'article.", "VNA"),
        ("Fin de la pandémie-VNA", "Fin de la pandémie", "VNA"),
        ("Fin de l'article. –AFP", "Fin de l'article.", "AFP"),
        ("Fin de l'article.\n-VNA", "Fin de l'article.", "VNA"),
        (
            "Fin de l'article.\nVNA/Xinhua",
            "Fin de l'article.",
            "VNA/Xinhua",
        ),
        (
            "Fin de l'article.\n-CVN/VNA",
            "Fin de l'article.",
            "CVN/VNA",
        ),
        ("Fin de l'article. VOV/VNA", "Fin de l'article.", "VOV/VNA"),
        ("Fin de l'article. VNA", "Fin de l'article.", "VNA"),
    ] {
        let a = parse(&format!(
            "Titre\n\nChapeau.\n\nHanoï (VNA) - Début.\n\n{last}\nsource\n"
        ));
        assert_eq!(a.paragraphs, ["Début.", kept], "{last:?}");
        assert_eq!(a.signoff.as_deref(), Some(agency), "{last:?}");
    }
    for last in [
        "L'alliance Laos-Vietnam",
        "Le dialogue UE-ASEAN",
        "Fin de la réunion.",
        "Les pays de l'ASEAN",
        "Fin de la réunion avec l'ASEAN",
        "Une réunion de l'ASEAN. Puis",
        "Le ratio est de 50/50",
    ] {
        let a = parse(&format!("Titre\n\nChapeau.\n\n(VNA) - {last}\n"));
        assert_eq!((a.paragraphs[0].as_str(), a.signoff), (last, None));
    }
}

#[test]
fn datelines_with_any_place_or_agency_only() {
    for (start, expected) in [
        (
            "Hô Chi Minh-Ville (VNA) - ",
            dateline(Some("Hô Chi Minh-Ville"), "VNA"),
        ),
        (
            "New York (VNA/Xinhua) – ",
            dateline(Some("New York"), "VNA/Xinhua"),
        ),
        ("Vientiane (AFP) — ", dateline(Some("Vientiane"), "AFP")),
        ("Hanoï, 12 mars (VNA) – ", dateline(Some("Hanoï"), "VNA")),
        ("(VNA) – ", dateline(None, "VNA")),
        ("[VNA] - ", dateline(None, "VNA")),
        ("(VNA) ", dateline(None, "VNA")),
        ("", None),
    ] {
        let a = parse(&format!(
            "Titre\n\nChapeau.\n\n{start}Le Vietnam (VN) et la suite - fin.\n"
        ));
        assert_eq!(a.dateline, expected, "{start:?}");
        assert_eq!(
            a.paragraphs,
            ["Le Vietnam (VN) et la suite - fin."],
            "{start:?}"
        );
    }
}

#[test]
fn lead_absent_or_repeated_with_glued_words() {
    let a = parse("Titre\n\nHanoï (VNA) - Corps.\n\nSuite.\n");
    assert_eq!((a.lead.as_str(), a.paragraphs.len()), ("", 2));
    assert!(a.dateline.is_some());
    let a = parse(
        "Titre\n\nLe président Phuc effectuera une visite.\nLe président Phuceffectuera unevisite.\n\nHanoï (VNA) - Corps.\n",
    );
    assert_eq!(a.lead, "Le président Phuc effectuera une visite.");
    assert_eq!(a.paragraphs, ["Corps."]);
}

#[test]
fn furniture_lines_are_dropped_but_long_paragraphs_kept() {
    let long = "Le ministre a présenté sur Facebook et Twitter une campagne, tous droits réservés, \
                pour partager les informations avec la presse de tout le pays et au-delà des frontières.";
    let a = parse(&format!(
        "Partager\nTitre\nFacebook | Twitter | Zalo\n\nChapeau.\n\nPublicité\nHanoï (VNA) - Corps.\n\
         Commentaire(s)\nCommentaires (3)\n{long}\nImprimer\nTags : Vietnam, Laos\nMots-clés\n\
         © 2024 Agence VNA. Tous droits réservés.\nCopyright VNA\nRetour en haut\nAdvertisement\nSponsorisé\nTweet\nEmail\n"
    ));
    assert_eq!(a.title, "Titre");
    assert_eq!(a.paragraphs, ["Corps.", long]);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn warnings_name_their_lines() {
    let a = parse("Titre\n\nChapeau.\n\nCorps.\n\nVoir plus\n\nLégende seule. Photo : VNA\n");
    assert_eq!(
        a.warnings,
        [
            "test.txt:7: Voir plus header with no entries",
            "test.txt:9: photo caption not attached: no title follows it",
        ]
    );
    // Right under the title, a header with nothing after it: the caption is the article's.
    let a = parse("Titre\n\nVoir plus\n\nLégende seule. Photo : VNA\n");
    assert_eq!(
        a.warnings,
        [
            "test.txt:1: no body paragraphs",
            "test.txt:3: Voir plus header with no entries",
        ]
    );
    assert_eq!(a.photos.len(), 1);
    let long = "Un résumé sans titre qui est long, ".repeat(6);
    let a = parse(&format!(
        "Titre\n\nChapeau.\n\nCorps.\n\nVoir plus\n\nLégende. Photo : VNA\n{long}\n"
    ));
    assert_eq!(
        a.warnings,
        [
            "test.txt:7: Voir plus header with no entries",
            "test.txt:10: Voir plus entry with no title: its summary is skipped",
        ]
    );
    assert!(a.related.is_empty());
}
