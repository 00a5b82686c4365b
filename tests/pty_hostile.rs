//! End to end, in a pseudo-terminal: pages full of escape sequences are opened, read, followed
//! through their links and shown in the help and at a narrow size. The raw bytes the binary
//! sends must hold only its own sequences (cursor moves, colours, screen modes), never the
//! injected ones, and the screen (read through vt100) must show them as inert symbols.
//! Signals, a lost terminal and a huge one: `pty_hostile/signals.rs`.

use std::path::Path;
use std::thread;
use std::time::Duration;

use tempfile::TempDir;

#[path = "common/pty.rs"]
mod harness;
#[path = "pty_hostile/signals.rs"]
mod signals;

use harness::Session;

const TITLE: &str = "Titre \u{1b}]0;pwned\u{7} piégé \u{1b}[2J fin";
const TARGET: &str = "Cible \u{1b}]0;lien\u{7} piégée";
const MISSING: &str = "Absente \u{1b}]52;c;c3R1Yg==\u{7} inconnue";

/// The page: every part holds something a terminal would act on.
fn hostile_page() -> String {
    [
        TITLE,
        "",
        "Chapeau \u{1b}P+q544e\u{1b}\\ avec \u{202e}droite\u{202c} et \u{9b}2J et tab\tulation et zéro\u{200b}largeur.",
        "Légende \u{1b}]52;c;cHduZWQ=\u{7} piégée \u{2066}isolée\u{2069}. Photo : VNA",
        "",
        "Hanoï (VNA) – Paragraphe \u{1b}[H\u{1b}[2J effacé \u{1b}_apc\u{1b}\\ puis \u{9d}0;osc\u{9c} et cloche\u{7}\u{8}\u{8} suppr\u{7f} fin.",
        "",
        "Deuxième \u{1b}[6n \u{1b}[?1049l \u{1b}c paragraphe\u{feff} \u{1b}[31mrouge\u{1b}[0m.-VNA",
        "",
        "Voir plus",
        "",
        "Illustration \u{1b}]0;legende\u{7}. Photo : VNA",
        TARGET,
        "Résumé \u{1b}[31m rouge \u{2067}isolé\u{2069} de la cible.",
        "",
        MISSING,
        "Résumé \u{1b}[5n absent \u{202d}forcé\u{202c}.",
    ]
    .join("\n")
}

/// The full page behind the first link, linking back: a cycle through hostile titles.
fn target_page() -> String {
    [
        TARGET,
        "",
        "Chapeau de la cible \u{1b}]2;cible\u{7} encore.",
        "",
        "Paris (VNA) – Corps \u{1b}[1;1H\u{1b}[J de la cible.",
        "",
        "Voir plus",
        "",
        TITLE,
        "Retour \u{1b}]0;retour\u{7} au début.",
    ]
    .join("\n")
}

/// The reader on the hostile corpus in `dir`.
fn start(dir: &Path, size: (u16, u16)) -> Session {
    Session::liseuse(&[dir], size)
}

/// Quits with `q`; every byte the reader sent.
fn quit(session: &mut Session) -> Vec<u8> {
    session.keys("q");
    session.wait_exit();
    session.raw()
}

/// The reader's bytes hold only its own sequences (`harness::assert_own_sequences`), and the
/// alternate screen is left once, at the end.
fn assert_only_own_sequences(raw: &[u8]) {
    harness::assert_own_sequences(raw);
    let text = String::from_utf8_lossy(raw);
    assert_eq!(
        text.matches("\u{1b}[?1049l").count(),
        1,
        "the alternate screen left early"
    );
}

#[test]
fn a_hostile_page_changes_nothing_on_the_terminal() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a-hostile.txt"), hostile_page()).unwrap();
    std::fs::write(dir.path().join("b-cible.txt"), target_page()).unwrap();
    let mut s = start(dir.path(), (120, 40));

    // The list and the first article: titles, lead and caption shown inertly.
    s.wait_for("Titre ␛]0;pwned␇ piégé ␛[2J fin");
    s.keys("\r");
    let page = s.wait_for("Paragraphe ␛[H␛[2J effacé");
    // Short lines whole; in paragraphs, words (a line may break at any space).
    for shown in [
        "Chapeau ␛P+q544e␛\\ avec droite et ",
        "2J et tab ulation et zérolargeur.",
        "␛]52;c;cHduZWQ=␇",
        "isolée.",
        "␛_apc␛\\",
        "cloche␇␈␈",
        "suppr␡",
        "␛[6n",
        "␛[?1049l",
        "␛c",
        "␛[31mrouge␛[0m.",
    ] {
        assert!(page.contains(shown), "{shown:?} not on screen:\n{page}");
    }

    // Down to the links, follow the first (a full page), its link back, then the second (a
    // summary-only article).
    s.keys("G");
    s.wait_for("Cible ␛]0;lien␇ piégée");
    s.keys("\t\r");
    s.wait_for("Corps ␛[1;1H␛[J de la cible.");
    s.keys("\t\r");
    s.wait_for("Paragraphe ␛[H␛[2J effacé");
    s.keys("2");
    let missing = s.wait_for("Absente ␛]52;c;c3R1Yg==␇ inconnue");
    assert!(missing.contains("Résumé ␛[5n absent forcé."), "{missing}");

    // The help over it, a narrow screen, the list alone.
    s.keys("?");
    s.wait_for("Liste et lecture");
    s.keys("\u{1b}");
    s.resize((40, 12));
    s.wait_for("Absente");
    s.keys("t");
    s.wait_for("Titre ␛]0;pwned");
    s.keys("j");
    s.resize((120, 40));
    s.wait_for("Cible ␛]0;lien␇");

    let raw = quit(&mut s);
    assert_only_own_sequences(&raw);
    // C1 controls are sent as U+FFFD, which vt100 leaves off its text contents.
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains("droite et \u{fffd}2J et"),
        "the 8-bit CSI is not shown inertly"
    );
    assert!(
        text.contains("\u{fffd}0;osc\u{fffd}"),
        "the 8-bit OSC is not shown inertly"
    );
}

#[test]
fn signals_at_any_moment_restore_the_terminal() {
    let dir = TempDir::new().unwrap();
    std::fs::write(dir.path().join("a-hostile.txt"), hostile_page()).unwrap();
    for signal in [15, 1, 2] {
        // While loading, while entering the screen, and mid-session with keys in flight.
        for moment in [Some(0), Some(20), None] {
            let mut s = start(dir.path(), (80, 24));
            match moment {
                Some(ms) => thread::sleep(Duration::from_millis(ms)),
                None => {
                    s.wait_for("Titre ␛]0;pwned");
                    s.keys("\rGjjk\t");
                }
            }
            s.signal(signal);
            s.wait_exit();
            let raw = s.raw();
            let text = String::from_utf8_lossy(&raw);
            if let Some(entered) = text.rfind("\u{1b}[?1049h") {
                let left = text.rfind("\u{1b}[?1049l");
                assert!(
                    left.is_some_and(|left| left > entered),
                    "signal {signal} at {moment:?}: the alternate screen was not left"
                );
                assert!(
                    text[entered..].contains("\u{1b}[?25h"),
                    "signal {signal} at {moment:?}: the cursor was not shown again"
                );
            }
        }
    }
}

#[test]
#[should_panic(expected = "reached the terminal")]
fn the_check_catches_a_window_title() {
    assert_only_own_sequences(b"\x1b[1;1Htext\x1b]0;pwned\x07");
}

#[test]
#[should_panic(expected = "a CSI the reader never sends")]
fn the_check_catches_a_status_request() {
    assert_only_own_sequences(b"\x1b[1;1Htext\x1b[6n");
}
