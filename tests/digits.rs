//! Typed link numbers, through `update` with a clock set by hand: a digit acts at once, a quick
//! second digit moves on to the two-digit link in place of the first, and the history keeps
//! one step.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/rng.rs"]
mod rng;
#[path = "common/synthetic.rs"]
mod synthetic;

use synthetic::{links, opened, run};

use std::time::{Duration, Instant};

use liseuse::app::Action::{Back, Cancel, Digit, Tick};
use liseuse::app::{App, DIGIT_PAUSE, update};
use liseuse::store::ArticleId;
use liseuse::strings::Message;

#[test]
fn a_digit_follows_its_link_at_once_and_a_quick_second_one_moves_on_to_link_ten() {
    let mut app = opened(120, 40);
    let (origin, links) = (app.current(), links(&app));
    assert!(
        links.len() >= 10,
        "a page of the generator has 8 links and its citers"
    );
    let t = Instant::now();

    update(&mut app, Digit(1, t));
    assert_eq!(app.current(), Some(links[0]), "no wait for a second digit");
    assert_eq!(app.pending_link().map(|p| p.number), Some(1));
    assert_eq!(app.deadline(), Some(t + DIGIT_PAUSE));
    update(&mut app, Digit(0, t + Duration::from_millis(200)));
    assert_eq!(app.current(), Some(links[9]));
    assert_eq!(
        app.history_depth(),
        (1, 0),
        "the visit of link 1 was replaced"
    );
    update(&mut app, Back);
    assert_eq!(app.current(), origin, "back to where the typing started");

    update(&mut app, Digit(1, t));
    assert!(
        !update(&mut app, Tick(t + DIGIT_PAUSE / 2)).redraw,
        "too early"
    );
    assert!(app.pending_link().is_some());
    assert!(
        update(&mut app, Tick(t + DIGIT_PAUSE)).redraw,
        "the number stops waiting"
    );
    assert_eq!((app.current(), app.pending_link()), (Some(links[0]), None));
}

#[test]
fn a_late_or_impossible_second_digit_starts_a_number_of_its_own() {
    let mut app = opened(120, 40);
    let links = links(&app);
    let t = Instant::now();
    run(&mut app, &[Digit(1, t), Digit(2, t + DIGIT_PAUSE)]);
    let there = links_of(&app, links[0]);
    assert_eq!(
        app.current(),
        Some(there[1]),
        "after the pause, 2 is link 2 of the new page"
    );
    assert_eq!(app.history_depth(), (2, 0));

    let mut app = opened(120, 40);
    let count = app.link_count();
    assert!(count < 90, "so that 9 then 9 names no link");
    run(&mut app, &[Digit(9, t)]);
    assert_eq!(app.pending_link(), None, "9 cannot grow into a link number");
    assert_eq!(app.current(), Some(links[8]));
    update(&mut app, Back);
    run(
        &mut app,
        &[Digit(1, t), Digit(9, t + Duration::from_millis(100))],
    );
    if count < 19 {
        let there = links_of(&app, links[0]);
        assert_eq!(app.current(), there.get(8).copied().or(Some(links[0])));
    }

    let mut app = opened(120, 40);
    update(&mut app, Digit(0, t));
    assert_eq!(app.message(), Some(Message::NoLink(0)));
    run(&mut app, &[Digit(1, t), Cancel]);
    assert_eq!((app.current(), app.pending_link()), (Some(links[0]), None));
}

fn links_of(app: &App, id: ArticleId) -> Vec<ArticleId> {
    let store = app.store();
    store
        .targets(id)
        .iter()
        .chain(store.cited_by(id))
        .copied()
        .collect()
}
