//! Every class of character whose width terminals, ratatui and unicode-width may disagree on,
//! in list titles and in the reading pane, at 80×24: every row measures 80 columns whichever
//! way it is measured, and the separator holds on every row.

use liseuse::article::Article;
use liseuse::store::Store;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{app, frame, press, render, row};

/// One title per class, each with a plain tail so the list cuts it.
const TITLES: [&str; 8] = [
    "Coo\u{AD}pé\u{AD}ra\u{AD}tion éco\u{AD}no\u{AD}mique ren\u{AD}for\u{AD}cée entre voisins",
    "Ligne\u{2028}et paragraphe\u{2029}séparés dans un titre",
    "Remplissage \u{3164}\u{115F}\u{1160}\u{FFA0} coréen invisible",
    "Non\u{FFFE}caractères\u{FFFF} et \u{FDD0} du plan zéro",
    "🇻🇳🇱🇦 drapeaux par paires, un seul 🇫 puis trois 🇻🇳🇫",
    "❤\u{FE0F} cœur, famille 👨\u{200D}👩\u{200D}👧 et pouce 👍\u{1F3FD}",
    "Khmer ក\u{17D2}ក, tifinagh ⵏ\u{2D7F}ⴾ, kana ｶﾞﾊﾟ, kirat 𖵩",
    "Idéogrammes 越南 et accents combinés Nguye\u{302}\u{303}n",
];

fn store() -> Store {
    let every = TITLES.join(" ");
    let pages = TITLES
        .iter()
        .map(|title| {
            let mut page = Article::new(*title);
            page.lead = every.clone();
            // A word wider than the column: textwrap cuts it, flags and all.
            page.paragraphs = vec![every.clone(), "🇻🇳".repeat(40), format!("{title} — fin")];
            page
        })
        .collect();
    Store::from_pages(pages).0
}

/// Columns a terminal that draws character by character advances over `text`.
fn by_chars(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[test]
fn every_row_measures_eighty_columns_whichever_way_it_is_measured() {
    let mut app = app(store(), 80, 24);
    press(&mut app, "j j j j Enter");
    let buffer = frame(&app);
    let separator = app.panes().list_rows.right();
    for y in 0..24 {
        let text = row(&buffer, y);
        assert_eq!(text.width(), 80, "row {y} by unicode-width: {text:?}");
        assert_eq!(by_chars(&text), 80, "row {y} by characters: {text:?}");
        for x in 0..80 {
            let symbol = buffer[(x, y)].symbol();
            assert_eq!(by_chars(symbol), symbol.width(), "({x}, {y}): {symbol:?}");
            let contested = |c: char| {
                matches!(
                    c,
                    '\u{AD}' | '\u{2028}' | '\u{2029}' | '\u{FE0F}' | '\u{200D}'
                ) || matches!(c, '\u{3164}' | '\u{115F}' | '\u{1160}' | '\u{FFA0}')
                    || matches!(
                        c,
                        '\u{FFFE}' | '\u{FFFF}' | '\u{FDD0}' | '\u{17D2}' | '\u{2D7F}'
                    )
                    || matches!(c, '\u{FF9E}' | '\u{FF9F}' | '\u{1F3FB}'..='\u{1F3FF}')
            };
            assert!(!symbol.chars().any(contested), "({x}, {y}): {symbol:?}");
            // A regional indicator only ever comes with its pair, as one flag.
            let regional = symbol
                .chars()
                .filter(|c| ('\u{1F1E6}'..='\u{1F1FF}').contains(c))
                .count();
            assert!(regional % 2 == 0, "({x}, {y}): {symbol:?}");
        }
        if y < 23 {
            assert_eq!(buffer[(separator, y)].symbol(), "│", "row {y}");
        }
    }
    let shown = render(&buffer);
    assert!(shown.contains("🇻🇳🇱🇦") && shown.contains('\u{FFFD}'));
    // Beside the other snapshots of `tests/ui.rs`, not in a folder of this module's own.
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!("every_width_80x24", shown);
    });
}
