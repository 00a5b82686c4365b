//! The place in an article is an anchor, never a row: resizes (1×1 included), `t`, `r` and the
//! measure leave the same text at the top and the same link highlighted. The highlight follows
//! the view as in lynx, and the reading keys of less and newsboat move through the article.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/rng.rs"]
mod rng;
#[path = "common/synthetic.rs"]
mod synthetic;

use synthetic::{opened, run};

use liseuse::app::Action::{
    self, FollowHighlighted, Move, NextArticle, NextLink, PageOrNext, Paragraph, Resize,
    ToggleList, ToggleRaw,
};
use liseuse::app::reader::link_in_view;
use liseuse::app::{App, Motion, Options, Pane, update};
use liseuse::article::Article;
use liseuse::store::{ArticleId, Store};
use liseuse::wrap::LineKind;
use proptest::prelude::*;

/// The text of the first line on screen.
fn top_line(app: &App) -> String {
    let wrapped = app.wrapped().expect("an article is wrapped");
    wrapped.lines[app.scroll()].text.clone()
}

fn highlighted_on_screen(app: &App) -> bool {
    let height = usize::from(app.panes().text.height);
    let (Some(view), Some(wrapped)) = (app.view(), app.wrapped()) else {
        return false;
    };
    view.link
        .is_some_and(|n| link_in_view(&wrapped, n, app.scroll(), height))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any storm of resizes, then the first size again: the same line at the top, the same
    /// link highlighted and on screen.
    #[test]
    fn a_resize_storm_keeps_the_place_and_the_highlight(
        rows_down in 0isize..60,
        tabs in 0usize..12,
        sizes in proptest::collection::vec((0u16..200, 0u16..60), 1..12),
    ) {
        let mut app = opened(120, 40);
        update(&mut app, Move(Pane::Reader, Motion::Rows(rows_down)));
        for _ in 0..tabs {
            update(&mut app, NextLink);
        }
        let (top, link) = (top_line(&app), app.view().unwrap().link);
        for (cols, rows) in sizes {
            update(&mut app, Resize(cols, rows));
            if link.is_some() && app.panes().text.height > 0 && app.focus() == Pane::Reader {
                prop_assert!(highlighted_on_screen(&app), "at {cols}×{rows}");
            }
        }
        update(&mut app, Resize(120, 40));
        prop_assert_eq!(app.view().unwrap().link, link);
        prop_assert_eq!(top_line(&app), top);
        if link.is_some() {
            prop_assert!(highlighted_on_screen(&app));
        }
    }
}

#[test]
fn the_end_stays_the_end_through_resizes() {
    let mut app = opened(120, 40);
    update(&mut app, Move(Pane::Reader, Motion::Bottom));
    for (cols, rows) in [(60, 15), (1, 1), (200, 50), (80, 24)] {
        update(&mut app, Resize(cols, rows));
        let Some(wrapped) = app.wrapped() else {
            assert_eq!((cols, rows), (1, 1), "only a 1×1 screen shows no text");
            continue;
        };
        let height = usize::from(app.panes().text.height);
        assert_eq!(
            app.scroll(),
            wrapped.lines.len().saturating_sub(height),
            "{cols}×{rows}"
        );
    }
}

#[test]
fn t_and_r_keep_the_first_line_and_the_highlight() {
    let mut app = opened(120, 40);
    run(
        &mut app,
        &[
            Move(Pane::Reader, Motion::Rows(17)),
            NextLink,
            Move(Pane::Reader, Motion::Rows(-3)),
        ],
    );
    let (top, link) = (
        app.wrapped().unwrap().lines[app.scroll()].anchor,
        app.view().unwrap().link,
    );
    run(&mut app, &[ToggleList, ToggleList, ToggleList]);
    assert_eq!(
        app.wrapped().unwrap().lines[app.scroll()].anchor,
        top,
        "the list comes and goes"
    );
    run(&mut app, &[ToggleRaw]);
    assert_eq!(
        app.wrapped().unwrap().lines[app.scroll()].anchor.block,
        top.block
    );
    run(&mut app, &[ToggleRaw]);
    assert_eq!(app.wrapped().unwrap().lines[app.scroll()].anchor, top);
    assert_eq!(app.view().unwrap().link, link);
}

#[test]
fn r_shows_the_text_as_scraped_at_the_same_sentence() {
    let mut page = Article::new("Une page réparée");
    let raw: Vec<String> = (0..30)
        .map(|n| format!("Le paragraphe {n} avaitdes motscollés là."))
        .collect();
    page.paragraphs = raw
        .iter()
        .map(|p| {
            p.replace("avaitdes", "avait des")
                .replace("motscollés", "mots collés")
        })
        .collect();
    page.raw_paragraphs = raw;
    let store = Store::from_pages(vec![page]).0;
    let mut app = App::new(
        store,
        Options {
            open: Some(ArticleId(0)),
            ..Options::default()
        },
        (80, 12),
    );
    update(&mut app, Move(Pane::Reader, Motion::Rows(20)));
    let repaired = top_line(&app);
    update(&mut app, ToggleRaw);
    assert!(app.raw());
    assert_eq!(
        top_line(&app),
        repaired
            .replace("avait des", "avaitdes")
            .replace("mots collés", "motscollés")
    );
}

#[test]
fn another_measure_finds_the_same_sentence() {
    let store = synthetic::store(12, 7);
    let open = store.ids().next();
    let mut wide = App::new(
        store,
        Options {
            open,
            measure: 100,
            ..Options::default()
        },
        (160, 40),
    );
    update(&mut wide, Move(Pane::Reader, Motion::Rows(25)));
    let anchor = wide.view().unwrap().top;
    let wrapped = wide.wrapped().unwrap();
    let letter = wrapped.lines[wrapped.row_of(anchor)].anchor;
    assert_eq!(letter, anchor);
    // The visit (and so the history) keeps the anchor; at a narrower measure the row holding
    // the same character is shown first.
    let store = synthetic::store(12, 7);
    let mut narrow = App::new(
        store,
        Options {
            open,
            measure: 40,
            ..Options::default()
        },
        (160, 40),
    );
    let visit = wide.view().unwrap();
    let narrow_wrapped = narrow.wrapped().unwrap();
    let row = narrow_wrapped.row_of(visit.top);
    assert_eq!(narrow_wrapped.lines[row].anchor.block, anchor.block);
    assert!(narrow_wrapped.lines[row].anchor.offset <= anchor.offset);
    assert!(
        narrow_wrapped
            .lines
            .get(row + 1)
            .is_none_or(|l| l.anchor > anchor)
    );
    update(&mut narrow, Resize(160, 40));
}

#[test]
fn g_then_enter_never_follows_a_link_that_scrolled_off() {
    let mut app = opened(120, 40);
    let article = app.current();
    run(&mut app, &[Move(Pane::Reader, Motion::Bottom), NextLink]);
    assert!(highlighted_on_screen(&app));
    update(&mut app, Move(Pane::Reader, Motion::Top));
    assert_eq!(
        app.view().unwrap().link,
        None,
        "no link is on screen at the top"
    );
    update(&mut app, FollowHighlighted);
    assert_eq!(app.current(), article, "Enter did not leave the article");
    assert_eq!(
        app.scroll(),
        1,
        "with no highlight, Enter scrolls one line, as in less"
    );
}

#[test]
fn scrolling_a_highlighted_link_away_moves_the_highlight_to_the_first_link_on_screen() {
    let mut app = opened(120, 40);
    run(&mut app, &[Move(Pane::Reader, Motion::Bottom)]);
    let count = app.link_count();
    for _ in 0..count {
        update(&mut app, NextLink);
    }
    let last = app.view().unwrap().link;
    assert_eq!(last, Some(count - 1));
    update(&mut app, Move(Pane::Reader, Motion::HalfPages(-1)));
    let link = app.view().unwrap().link;
    let height = usize::from(app.panes().text.height);
    let wrapped = app.wrapped().unwrap();
    let first_shown = (0..count).find(|&n| link_in_view(&wrapped, n, app.scroll(), height));
    assert_eq!(link, first_shown);
}

#[test]
fn space_pages_from_either_pane_and_at_the_end_opens_the_next_article() {
    let mut app = opened(120, 40);
    let first = app.current();
    let next = app.row_id(1);
    update(&mut app, Action::Focus(Pane::List));
    update(&mut app, PageOrNext);
    assert_eq!(app.current(), first);
    assert!(app.scroll() > 0, "Space in the list pages the open article");
    assert_eq!(app.focus(), Pane::List);
    let mut presses = 1;
    while app.current() == first {
        update(&mut app, PageOrNext);
        presses += 1;
        assert!(presses < 100);
    }
    assert_eq!(app.current(), next);
    assert_eq!((app.scroll(), app.history_depth()), (0, (1, 0)));
}

#[test]
fn capital_j_and_k_open_the_next_and_previous_articles_from_either_pane() {
    let mut app = opened(120, 40);
    let [a, b, c] = [0, 1, 2].map(|row| app.row_id(row));
    run(&mut app, &[NextArticle(1), NextArticle(1)]);
    assert_eq!((app.current(), app.focus()), (c, Pane::Reader));
    update(&mut app, Action::Focus(Pane::List));
    update(&mut app, NextArticle(-1));
    assert_eq!(
        (app.current(), app.focus(), app.selected()),
        (b, Pane::List, 1)
    );
    run(&mut app, &[NextArticle(-1), NextArticle(-1)]);
    assert_eq!(app.current(), a);
    assert!(app.message().is_some(), "the first article says so");
}

#[test]
fn half_pages_and_paragraphs_move_through_the_article() {
    let mut app = opened(120, 40);
    let height = usize::from(app.panes().text.height);
    update(&mut app, Move(Pane::Reader, Motion::HalfPages(1)));
    assert_eq!(app.scroll(), height / 2);
    update(&mut app, Move(Pane::Reader, Motion::HalfPages(-1)));
    assert_eq!(app.scroll(), 0);
    let starts = |app: &App| {
        let wrapped = app.wrapped().unwrap();
        let line = &wrapped.lines[app.scroll()];
        (line.anchor.offset, line.kind)
    };
    for _ in 0..4 {
        update(&mut app, Paragraph(1));
        let (offset, kind) = starts(&app);
        assert_eq!(offset, 0, "a paragraph starts the screen");
        assert_ne!(kind, LineKind::Blank);
    }
    let down = app.scroll();
    update(&mut app, Move(Pane::Reader, Motion::Rows(1)));
    update(&mut app, Paragraph(-1));
    assert_eq!(
        app.scroll(),
        down,
        "{{ goes back to the start of the paragraph"
    );
    update(&mut app, Paragraph(-1));
    assert!(app.scroll() < down);
}
