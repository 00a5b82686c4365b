//! Unit tests of the wrapper: widths, link numbering and spans, anchors.

use super::*;
use crate::article::{Article, Kind, RelatedLink};

fn store() -> Store {
    let mut page = Article::new("Une page");
    page.lead = "Le chapeau.".into();
    page.paragraphs = vec![
        "Un paragraphe assez long pour être coupé en plusieurs lignes.".into(),
        "Un second paragraphe, lui aussi assez long pour tenir sur plusieurs lignes.".into(),
    ];
    page.related = (1..=3)
        .map(|n| RelatedLink {
            title: format!("Lien numéro {n}"),
            summary: "Un résumé qui continue bien après la première ligne.".into(),
            photo: None,
        })
        .collect();
    Store::from_pages(vec![page]).0
}

#[test]
fn lines_never_exceed_the_width_and_links_are_numbered() {
    let store = store();
    let wrapped = wrap_article(&store, ArticleId(0), 20, false);
    assert!(wrapped.lines.iter().all(|l| display_width(&l.text) <= 20));
    assert_eq!(wrapped.link_rows.len(), 3);
    let first = &wrapped.lines[wrapped.link_rows[0]];
    assert_eq!(first.kind, LineKind::Link(0));
    assert!(first.text.starts_with("[1] ◦ "), "{:?}", first.text);
    assert_eq!(
        first.marks,
        [
            (0..3, Mark::LinkNumber),
            (4..4 + "◦".len(), Mark::LinkKind { full: false })
        ]
    );
    let span = wrapped.link_span(2).unwrap();
    assert_eq!(wrapped.lines[span.end - 1].kind, LineKind::LinkSummary(2));
    assert!(wrapped.lines[span.end - 1].text.ends_with('…'));
}

#[test]
fn a_summary_only_article_says_so_and_lists_who_cites_it() {
    let store = store();
    let stub = ArticleId(1);
    assert_eq!(store.article(stub).kind, Kind::Summary);
    let wrapped = wrap_article(&store, stub, 80, false);
    assert!(
        wrapped
            .lines
            .iter()
            .any(|l| l.text == Lang::Fr.pick(strings::SUMMARY_ONLY))
    );
    assert!(wrapped.lines.iter().any(|l| l.text == "Cité par"));
    assert_eq!(wrapped.links.len(), 1);
    assert_eq!(wrapped.links[0].target, ArticleId(0));
    assert_eq!(wrapped.link_rows.len(), 1);
}

#[test]
fn headings_and_notices_follow_the_language() {
    let store = store();
    let english = wrap_document(
        &document(&store, &store.body(ArticleId(1)), ArticleId(1), false),
        80,
        Lang::En,
    );
    assert!(english.lines.iter().any(|l| l.text == "Cited by"));
    assert!(
        english
            .lines
            .iter()
            .any(|l| l.text == Lang::En.pick(strings::SUMMARY_ONLY))
    );
}

#[test]
fn width_zero_and_one_do_not_panic() {
    let store = store();
    for width in [0, 1, 2, 3] {
        let wrapped = wrap_article(&store, ArticleId(0), width, false);
        assert_eq!(wrapped.link_rows.len(), 3);
    }
}

#[test]
fn control_characters_never_survive() {
    let mut page = Article::new("Titre\u{1b}[2J");
    page.paragraphs = vec!["a\u{7}b".into()];
    let store = Store::from_pages(vec![page]).0;
    let wrapped = wrap_article(&store, ArticleId(0), 40, false);
    assert!(
        wrapped
            .lines
            .iter()
            .all(|l| !l.text.contains(char::is_control))
    );
}

#[test]
fn anchors_rise_row_by_row_and_name_the_same_text_at_every_width() {
    let store = store();
    let wide = wrap_article(&store, ArticleId(0), 80, false);
    for width in [1, 5, 12, 20, 33, 80] {
        let wrapped = wrap_article(&store, ArticleId(0), width, false);
        assert!(wrapped.lines.windows(2).all(|w| w[0].anchor <= w[1].anchor));
        for row in 0..wrapped.lines.len() {
            let anchor = wrapped.anchor_of(row);
            let back = wrapped.row_of(anchor);
            assert_eq!(wrapped.lines[back].anchor, anchor, "{width} {row}");
            // The same anchor at another width lands on the row holding the same letter.
            let there = &wide.lines[wide.row_of(anchor)];
            assert_eq!(there.anchor.block, anchor.block);
            assert!(there.anchor.offset <= anchor.offset);
        }
    }
}

#[test]
fn many_sources_are_counted_not_all_listed() {
    let sources: Vec<String> = (0..5000).map(|n| format!("f{n}.txt")).collect();
    let line = meta(None, Some("VNA"), &sources);
    assert_eq!(line, "VNA · f0.txt, f1.txt, f2.txt +4997");
}

#[test]
fn fit_width_counts_cells_not_chars() {
    assert_eq!(fit_width("court", 10), "court");
    assert_eq!(fit_width("Nguyễn Xuân Phúc", 8), "Nguyễn …");
    assert_eq!(fit_width("日本語のテキスト", 7), "日本語…");
    assert_eq!(fit_width("abc", 0), "");
    assert_eq!(fit_width("abcdef", 1), "…");
    assert!(display_width(&fit_width("🇻🇳🇻🇳🇻🇳 drapeaux", 5)) <= 5);
}
