//! Glued-word repair against the two bundled samples (every glue found by reading them, and no
//! correct word split), plus the precision figures of the README's "Glued words": held-out
//! words, names and codes, accent-stripped words (in `repair/protocols.rs`). Print the tables
//! with `cargo test --release --test repair -- --nocapture --test-threads 1`.

#[path = "repair/protocols.rs"]
mod protocols;
#[path = "common/rng.rs"]
mod rng;

use std::path::PathBuf;

use liseuse::article::Article;
use liseuse::export::{self, Format};
use liseuse::ingest::{
    self,
    repair::{Repairer, Split, apply},
};
use liseuse::store::Store;

const CUBA: &str = "data/vna-cuba-onu-2021.txt";
const KIRGHIZISTAN: &str = "data/vna-kirghizistan.txt";

/// Every glued word of the Cuba page, found by reading it word by word, and its repair. The
/// Kirghizistan page has none.
const GLUED: &[(&str, &str)] = &[
    ("Phuceffectuera", "Phuc effectuera"),
    ("departiciper", "de participer"),
    ("bilatéralesaux", "bilatérales aux"),
    ("positiondu", "position du"),
    ("lesamis", "les amis"),
    ("solidaritéet", "solidarité et"),
    ("montrerclairement", "montrer clairement"),
    ("amis,a", "amis, a"),
    ("etCuba", "et Cuba"),
    ("unesignification", "une signification"),
    ("desdeux", "des deux"),
    ("coopérationconcrète", "coopération concrète"),
    ("sessionde", "session de"),
    ("seral'occasion", "sera l'occasion"),
    ("internationauxsur", "internationaux sur"),
    ("sedévelopper", "se développer"),
    ("travailcommun", "travail commun"),
    ("leVietnam", "le Vietnam"),
    ("desrésultats", "des résultats"),
    ("mécanismeset", "mécanismes et"),
    ("auConseil", "au Conseil"),
    ("clairementsa", "clairement sa"),
    ("urgentsactuels", "urgents actuels"),
    ("Phucrencontrera", "Phuc rencontrera"),
    ("pourdiscuter", "pour discuter"),
    ("lapandémie", "la pandémie"),
    ("rencontrerade", "rencontrera de"),
    ("delivrer", "de livrer"),
    ("pluspossibles", "plus possibles"),
    ("contribuerontau", "contribueront au"),
    ("administrationaméricaine", "administration américaine"),
    ("deuxparties", "deux parties"),
    ("enœuvre", "en œuvre"),
    ("lesorganisations", "les organisations"),
    ("defournitures", "de fournitures"),
];

/// The page loaded the way the reader loads it (parse, then repair).
fn loaded(path: &str) -> Article {
    let mut loaded = ingest::load_paths(&[PathBuf::from(path)]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.pages.len(), 1);
    loaded.pages.remove(0)
}

/// The glue a raw token holds, if any.
fn glue_in(token: &str) -> Option<(&'static str, &'static str)> {
    GLUED
        .iter()
        .copied()
        .find(|(glued, _)| token.contains(glued))
}

/// Walks raw and repaired paragraphs token by token: each raw token is either unchanged or
/// holds a listed glue and becomes exactly its listed repair. Returns the glues repaired.
fn compare_tokens(raw: &[String], repaired: &[String]) -> usize {
    assert_eq!(raw.len(), repaired.len());
    let mut repairs = 0;
    for (raw, repaired) in raw.iter().zip(repaired) {
        let mut out = repaired.split_whitespace();
        for token in raw.split_whitespace() {
            let expected = match glue_in(token) {
                Some((glued, fixed)) => token.replace(glued, fixed),
                None => token.to_owned(),
            };
            for word in expected.split_whitespace() {
                assert_eq!(out.next(), Some(word), "raw token {token:?} in {raw:?}");
            }
            repairs += usize::from(expected != token);
        }
        assert_eq!(out.next(), None, "{repaired:?}");
    }
    repairs
}

#[test]
fn every_glue_of_the_cuba_page_is_repaired_as_listed() {
    let cuba = loaded(CUBA);
    let raw = cuba.raw_paragraphs.join("\n");
    let repaired = cuba.paragraphs.join("\n");
    for (glued, fixed) in GLUED {
        assert!(raw.contains(glued), "{glued} is not in the raw page");
        assert!(!repaired.contains(glued), "{glued} is still glued");
        assert!(repaired.contains(fixed), "{fixed} is missing");
    }
    let occurrences: usize = GLUED.iter().map(|(g, _)| raw.matches(g).count()).sum();
    assert_eq!(
        compare_tokens(&cuba.raw_paragraphs, &cuba.paragraphs),
        occurrences
    );
}

#[test]
fn the_kirghizistan_page_has_no_glue_and_is_left_alone() {
    let page = loaded(KIRGHIZISTAN);
    assert!(!page.paragraphs.is_empty());
    assert_eq!(page.paragraphs, page.raw_paragraphs);
}

#[test]
fn lead_and_everything_but_paragraphs_stay_as_parsed() {
    let text = std::fs::read_to_string(CUBA).unwrap();
    let parsed = ingest::page::parse_page(&text, CUBA).article.unwrap();
    let page = loaded(CUBA);
    assert_eq!(page.raw_paragraphs, parsed.paragraphs);
    assert_eq!(
        Article {
            paragraphs: parsed.paragraphs.clone(),
            // Where it can be read again is the loader's to say, not the parser's.
            origin: Default::default(),
            ..page
        },
        Article {
            raw_paragraphs: parsed.paragraphs.clone(),
            ..parsed
        }
    );
}

#[test]
fn recall_on_the_samples_glued_words() {
    let cuba = loaded(CUBA);
    let repairer = Repairer::for_texts(
        [cuba.title.as_str(), cuba.lead.as_str()]
            .into_iter()
            .chain(cuba.raw_paragraphs.iter().map(String::as_str))
            .chain(cuba.related.iter().flat_map(|l| [&*l.title, &*l.summary]))
            .chain(cuba.photos.iter().map(|p| p.caption.as_str())),
    );
    println!("\n| glued | repaired | rule |\n| --- | --- | --- |");
    let (mut found, mut total) = (0, 0);
    for paragraph in &cuba.raw_paragraphs {
        let splits = repairer.splits(paragraph);
        let mut from = 0;
        for token in paragraph.split_whitespace() {
            let start = from + paragraph[from..].find(token).unwrap();
            from = start + token.len();
            let Some((glued, fixed)) = glue_in(token) else {
                continue;
            };
            total += 1;
            let offset = start + token.find(glued).unwrap();
            let inside: Vec<Split> = splits
                .iter()
                .filter(|s| (offset + 1..offset + glued.len()).contains(&s.at))
                .map(|s| Split::new(s.at - offset, s.rule))
                .collect();
            found += usize::from(apply(glued, &inside) == *fixed);
            let rules: Vec<String> = inside.iter().map(|s| format!("{:?}", s.rule)).collect();
            println!("| `{glued}` | `{fixed}` | {} |", rules.join(", "));
        }
    }
    println!("recall: {found}/{total} glued words of the samples repaired as listed");
    assert_eq!((found, total), (36, 36));
}

#[test]
fn exports_carry_the_raw_paragraphs_and_are_not_repaired_again() {
    let store = Store::from_pages(vec![loaded(CUBA)]).0;
    let mut json = Vec::new();
    export::write_store(&store, Format::Jsonl, &mut json).unwrap();
    let json = String::from_utf8(json).unwrap();
    let cuba = liseuse::record::read_jsonl(&json).0.remove(0);
    assert!(cuba.raw_paragraphs[0].contains("Phuceffectuera"));
    assert!(cuba.paragraphs[0].contains("Phuc effectuera"));

    // An older export: no `raw_paragraphs`, a glue with its evidence next to it. Loading keeps
    // the text as exported.
    let old = json.lines().next().unwrap().replace(
        "Phuc effectuera une visite officielle à Cuba du 18 au 20 septembre 2021",
        "Phuceffectuera une visite officielle à Cuba du 18 au 20 septembre 2021",
    );
    let old = old
        .split_once(",\"raw_paragraphs\":")
        .map(|(before, after)| {
            let rest = &after[after.find("],\"").unwrap() + 1..];
            format!("{before}{rest}")
        })
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.jsonl");
    std::fs::write(&path, &old).unwrap();
    let page = ingest::load_paths(&[path]).pages.remove(0);
    assert!(page.paragraphs[0].contains("Phuceffectuera"));
    assert!(page.lead.contains("Phuc effectuera"));
    assert!(page.raw_paragraphs.is_empty());
}

#[test]
fn sentences_glued_after_a_period_and_commas_glued_to_a_word_are_repaired() {
    let page = "Le pays a voté. Les deux pays. Dang Hoang Giang a dit. M. Giang aussi. Vietnam.";
    let repairer = Repairer::for_texts([page]);
    for (glued, fixed) in [
        ("la paix du pays.Le Vietnam", "la paix du pays. Le Vietnam"),
        ("M.Giang a déclaré", "M. Giang a déclaré"),
        ("(du pays.Les)", "(du pays. Les)"),
        ("ses amis,a estimé", "ses amis, a estimé"),
        ("ses amis ,a estimé", "ses amis , a estimé"),
        ("du pays.Le leVietnam", "du pays. Le le Vietnam"),
    ] {
        assert_eq!(repairer.repair_paragraph(glued), fixed, "{glued}");
    }
    for whole in [
        "qdnd.vn",
        "fr.VietnamPlus.vn",
        "U.S.A",
        "J.K.Rowling",
        "3.5",
        "pays.Xyzzt",
        "pays.LE",
        "le site vnanet.Vn",
        "M.GIANG",
        "A.Giang",
        ", a",
        "3,5",
    ] {
        assert_eq!(repairer.repair_paragraph(whole), whole, "{whole}");
    }
}

#[test]
fn lead_and_captions_repair_with_the_page_as_evidence_and_leave_the_article_alone() {
    // The Cuba page's lead and caption are clean: nothing in them is split.
    let cuba = loaded(CUBA);
    let (lead, captions) = ingest::repair::repaired_lead_and_captions(&cuba);
    assert_eq!(lead, cuba.lead);
    let printed: Vec<&str> = cuba.photos.iter().map(|p| p.caption.as_str()).collect();
    assert_eq!(captions, printed);

    let mut page = Article::new("Visite à Cuba");
    page.lead = "Le président Phuceffectuera une visite à Cuba.Le Vietnam salue lapandémie.".into();
    page.photos = vec![liseuse::article::Photo {
        caption: "Le vice-ministre etCuba, M.Giang.".into(),
        credit: "VNA".into(),
    }];
    page.paragraphs =
        vec!["Le président Phuc effectuera une visite. M. Giang, Cuba et la pandémie.".into()];
    let before = page.clone();
    let (lead, captions) = ingest::repair::repaired_lead_and_captions(&page);
    assert_eq!(
        lead,
        "Le président Phuc effectuera une visite à Cuba. Le Vietnam salue la pandémie."
    );
    assert_eq!(captions, ["Le vice-ministre et Cuba, M. Giang."]);
    assert_eq!(page, before);
}

/// Loading a page repairs its lead and captions too; the text as scraped stays beside them for
/// `r` and the export, which loads back to the same article.
#[test]
fn a_loaded_page_has_its_lead_and_captions_repaired_and_keeps_them_as_scraped() {
    let mut page = Article::new("Visite à Cuba");
    page.lead = "Le président Phuceffectuera une visite à Cuba.".into();
    page.photos = vec![
        liseuse::article::Photo {
            caption: "Le vice-ministre etCuba.".into(),
            credit: "VNA".into(),
        },
        liseuse::article::Photo {
            caption: "La délégation à La Havane.".into(),
            credit: "VNA".into(),
        },
    ];
    page.paragraphs =
        vec!["Le président Phuc effectuera une visite à Cuba, et Cuba l’attend.".into()];
    ingest::repair::repair_page(&mut page);
    assert_eq!(page.lead, "Le président Phuc effectuera une visite à Cuba.");
    assert_eq!(
        page.raw_lead,
        "Le président Phuceffectuera une visite à Cuba."
    );
    assert_eq!(page.photos[0].caption, "Le vice-ministre et Cuba.");
    assert_eq!(
        page.raw_captions,
        ["Le vice-ministre etCuba.", "La délégation à La Havane."]
    );

    let store = liseuse::store::Store::from_pages(vec![page.clone()]).0;
    let id = store.ids().next().unwrap();
    let shown = |raw| {
        let wrapped = liseuse::wrap::wrap_article(&store, id, 100, raw);
        wrapped
            .lines
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(shown(false).contains("vice-ministre et Cuba"));
    assert!(
        shown(true).contains("vice-ministre etCuba"),
        "{}",
        shown(true)
    );
    let mut export = Vec::new();
    liseuse::export::write_store(&store, liseuse::export::Format::Jsonl, &mut export).unwrap();
    let text = String::from_utf8(export).unwrap();
    let (records, errors) = liseuse::record::read_jsonl(&text);
    assert!(errors.is_empty());
    let back = records.into_iter().next().unwrap().into_article();
    assert_eq!((back.lead, back.raw_lead), (page.lead, page.raw_lead));
    assert_eq!(back.raw_captions, page.raw_captions);
}
