//! Typography in the reading pane: no break at a no-break space, no line wider than the column
//! (by display width), soft hyphens, space runs, `ᵉ`, and the lead shown once.

use liseuse::article::Article;
use liseuse::ingest;
use liseuse::store::{ArticleId, Store};
use liseuse::wrap::{LineKind, display_width, wrap_article};

fn bundled() -> Store {
    Store::from_pages(ingest::load_bundled().pages).0
}

fn one(article: Article) -> Store {
    Store::from_pages(vec![article]).0
}

const NO_BREAK: [char; 2] = ['\u{A0}', '\u{202F}'];

/// Every group of words joined by no-break spaces, as it stands in the text.
fn joined_groups(text: &str) -> Vec<&str> {
    text.split(' ')
        .filter(|group| group.contains(NO_BREAK))
        .collect()
}

#[test]
fn no_line_is_wider_than_the_column_and_none_breaks_at_a_no_break_space() {
    let store = bundled();
    let mut checked = 0;
    for id in store.ids() {
        for width in 20..=100u16 {
            let wrapped = wrap_article(&store, id, width, false);
            let text: String = wrapped
                .lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            for line in &wrapped.lines {
                assert!(
                    display_width(&line.text) <= usize::from(width),
                    "{width}: {:?}",
                    line.text
                );
                assert!(!line.text.ends_with(NO_BREAK), "{width}: {:?}", line.text);
            }
            let article = store.body(id);
            for paragraph in article.paragraphs.iter().chain([&article.lead]) {
                for group in joined_groups(paragraph) {
                    if display_width(group) < usize::from(width) - 4 {
                        assert!(text.contains(group), "{width}: {group:?} was broken");
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 0, "the samples hold no-break spaces to check");
}

#[test]
fn french_spacing_holds_together() {
    let mut article = Article::new("Titre");
    article.paragraphs = vec![
        "Il a dit\u{A0}: «\u{A0}Vietnam\u{A0}–\u{A0}Laos\u{A0}» ; c’est la 26ᵉ\u{202F}session. "
            .repeat(3),
    ];
    let store = one(article);
    for width in 30..=60 {
        let wrapped = wrap_article(&store, ArticleId(0), width, false);
        let body: Vec<&str> = wrapped
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            body.iter().all(|l| !l.starts_with(['»', ':', ';'])),
            "{body:?}"
        );
        assert!(
            body.iter()
                .any(|l| l.contains("«\u{A0}Vietnam\u{A0}–\u{A0}Laos\u{A0}»")),
            "{width}: {body:?}"
        );
        assert!(body.iter().any(|l| l.contains("26ᵉ\u{202F}session.")));
    }
}

#[test]
fn soft_hyphens_break_with_a_hyphen_or_show_nothing() {
    let mut article = Article::new("Titre");
    article.paragraphs = vec!["les anticon\u{AD}stitution\u{AD}nellement longs".into()];
    let store = one(article);
    let body = |width| {
        wrap_article(&store, ArticleId(0), width, false)
            .lines
            .into_iter()
            .filter(|l| l.kind == LineKind::Body)
            .map(|l| l.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(body(60), ["les anticonstitutionnellement longs"]);
    let narrow = body(20);
    assert!(narrow.iter().all(|l| !l.contains('\u{AD}')), "{narrow:?}");
    assert!(
        narrow
            .iter()
            .any(|l| l.ends_with("anticon-") || l.ends_with("stitution-")),
        "{narrow:?}"
    );
    assert_eq!(
        narrow.concat().replace(['-', ' '], ""),
        "lesanticonstitutionnellementlongs"
    );
}

#[test]
fn runs_of_spaces_collapse() {
    let mut article = Article::new("Titre");
    article.paragraphs = vec!["un    deux \u{A0}  trois".into()];
    let store = one(article);
    let wrapped = wrap_article(&store, ArticleId(0), 80, false);
    assert!(
        wrapped.lines.iter().any(|l| l.text == "un deux\u{A0}trois"),
        "{:?}",
        wrapped.lines
    );
}

#[test]
fn a_lead_that_repeats_the_first_paragraph_is_shown_once() {
    let store = bundled();
    let kirghiz = store
        .find_title("Le Vietnam attache de l'importance à son amitié avec le Kirghizistan")
        .unwrap();
    let wrapped = wrap_article(&store, kirghiz, 80, false);
    let count = wrapped
        .lines
        .iter()
        .filter(|l| l.text.starts_with("Le Vietnam accorde de l’importance"))
        .count();
    assert_eq!(count, 1);
    assert!(wrapped.lines.iter().all(|l| l.kind != LineKind::Lead));

    // The Cuba lead is its first paragraph reworded ("2021" added, a clause cut, words glued):
    // shown once too, as the fuller paragraph.
    let cuba = ArticleId(0);
    let wrapped = wrap_article(&store, cuba, 80, false);
    assert!(wrapped.lines.iter().all(|l| l.kind != LineKind::Lead));
    let opening = wrapped
        .lines
        .iter()
        .filter(|l| l.text.starts_with("Le président Nguyen Xuan Phuc"))
        .count();
    assert_eq!(opening, 1);
}

#[test]
fn captions_show_the_credit_apart_and_no_marker() {
    let store = bundled();
    let wrapped = wrap_article(&store, ArticleId(0), 120, false);
    let captions: Vec<&str> = wrapped
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Caption)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        captions,
        ["Le vice-ministre des Affaires étrangères Dang Hoang Giang. (Photo\u{A0}:\u{A0}VNA)"]
    );
    assert!(wrapped.lines.iter().all(|l| !l.text.contains("ảnh")));
}

/// A paragraph of every unit the wrapper keeps whole, laid out at `width`: its body rows.
fn unit_rows(store: &Store, width: u16) -> Vec<String> {
    wrap_article(store, ArticleId(0), width, false)
        .lines
        .into_iter()
        .filter(|l| l.kind == LineKind::Body)
        .map(|l| l.text)
        .collect()
}

const UNITS_TEXT: &str = "la pandémie de COVID-19 pour la période 2023-2025 aux SEA Games 32 \
     où 10 000 athlètes, soit 100 % des inscrits et 1 234 567 spectateurs, sur 50 km, \
     ont fêté la 50ᵉ édition, la 3 e session, les 33 es rencontres et le 1 er prix ; \
     le secrétaire général Tô Lâm et le vice-ministre l’ont dit à M. Giang.";

#[test]
fn units_are_never_broken_at_any_width() {
    let mut article = Article::new("Titre");
    article.paragraphs = vec![UNITS_TEXT.into()];
    let store = one(article);
    let units = [
        "COVID-19",
        "2023-2025",
        "SEA\u{A0}Games\u{A0}32",
        "10\u{A0}000",
        "100\u{A0}%",
        "1\u{A0}234\u{A0}567",
        "50\u{A0}km",
        "50ᵉ",
        "3e",
        "33es",
        "1er",
        "Tô\u{A0}Lâm",
        "M.\u{A0}Giang",
    ];
    let mut broke_a_hyphen = false;
    for width in 12..=70 {
        let rows = unit_rows(&store, width);
        for unit in units {
            assert!(
                rows.iter().any(|row| row.contains(unit)),
                "{width}: {unit:?} broken in {rows:?}"
            );
        }
        broke_a_hyphen |= rows.iter().any(|row| row.ends_with("vice-"));
        // Only spaces differ from the text: every other character is shown, in order.
        let shown: String = rows
            .concat()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let source: String = UNITS_TEXT.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(shown, source, "{width}");
    }
    // A hyphen between letters is still a place to break.
    assert!(broke_a_hyphen);
}

#[test]
fn anchors_follow_the_display_where_an_ordinal_lost_its_space() {
    let mut article = Article::new("Titre");
    article.paragraphs = vec![UNITS_TEXT.into()];
    let store = one(article);
    for width in [12, 17, 25, 40, 80] {
        let wrapped = wrap_article(&store, ArticleId(0), width, false);
        let body: Vec<_> = wrapped
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Body)
            .collect();
        let mut before = 0;
        for line in body {
            assert_eq!(
                line.anchor.offset as usize, before,
                "{width}: {:?}",
                line.text
            );
            before += liseuse::wrap::letters(&line.text);
        }
        assert_eq!(before, liseuse::wrap::letters(UNITS_TEXT));
    }
    // The store keeps the text as scraped: the space of `3 e` is only gone on screen.
    assert!(store.body(ArticleId(0)).paragraphs[0].contains("la 3 e session"));
}
