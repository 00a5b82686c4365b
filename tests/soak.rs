//! The soak: the real binary in a pseudo-terminal, over hostile and huge pages, fed random
//! keys, mouse reports, resizes and SIGTSTP/SIGCONT pairs, then SIGTERM. Throughout it must
//! stay alive and send only its own sequences; at the end the terminal must be as it was.
//!
//! By default a quick run of a few seconds (part of `cargo test`). `LISEUSE_SOAK=1` makes it
//! the ten-minute soak, with an 8 MB page (`LISEUSE_SOAK_SECONDS=N` for another length,
//! `LISEUSE_SOAK_SEED=S` to replay a run, the seed being printed):
//! `LISEUSE_SOAK=1 cargo test --release --test soak -- --nocapture`.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

#[path = "common/gen.rs"]
mod generator;
#[path = "common/pty.rs"]
mod harness;
#[path = "common/rng.rs"]
mod rng;

use harness::{Session, assert_own_sequences};
use rng::Rng;

const ENTER: &str = "\u{1b}[?1049h";
const LEAVE: &str = "\u{1b}[?1049l";

/// A page where every part holds what a terminal would act on or measure its own way.
fn hostile_page() -> String {
    [
        "Titre \u{1b}]0;pwned\u{7} co\u{AD}opé\u{AD}ration 🇻🇳 🇫 👍\u{1F3FD} \u{1b}[2J fin",
        "",
        "Chapeau \u{1b}P+q544e\u{1b}\\ \u{202e}droite\u{202c} \u{9b}2J ligne\u{2028}suite \u{3164}\u{115F}.",
        "Légende \u{1b}]52;c;cHduZWQ=\u{7} \u{FFFE}\u{FFFF} ❤\u{FE0F} 👨\u{200D}👩\u{200D}👧. Photo : VNA",
        "",
        "Hanoï (VNA) – Paragraphe \u{1b}[H\u{1b}[2J effacé \u{1b}_apc\u{1b}\\ \u{9d}0;osc\u{9c} cloche\u{7}\u{8} suppr\u{7f} ក\u{17D2}ក ⵏ\u{2D7F}ⴾ ｶﾞ fin.",
        "",
        &format!("{} \u{1b}[6n \u{1b}[?1049l \u{1b}c.-VNA", "🇻🇳".repeat(60)),
        "",
        "Voir plus",
        "",
        "Illustration \u{1b}]0;legende\u{7}. Photo : VNA",
        "Énorme page",
        "Résumé \u{1b}[31m rouge \u{2067}isolé\u{2069}.",
        "",
        "Absente \u{1b}]52;c;c3R1Yg==\u{7} inconnue",
        "Résumé \u{1b}[5n absent.",
    ]
    .join("\n")
}

/// A page of about `bytes` bytes: generated paragraphs, run on, under the title the hostile
/// page links to.
fn huge_page(bytes: usize) -> String {
    let mut text = String::from("Énorme page\n\nLe chapeau de l’énorme page.\n\nHanoï (VNA) – ");
    let pages = generator::corpus(40, 7);
    while text.len() < bytes {
        for page in &pages {
            let body = &page.text;
            if let (Some(start), Some(end)) = (body.find("(VNA) – "), body.find("Voir plus")) {
                text.push_str(&body[start + "(VNA) – ".len()..end].replace("-VNA", ""));
            }
        }
    }
    text.push_str("Fin.-VNA\n\nVoir plus\n\nRetour\n\nTitre \u{1b}]0;pwned\u{7} fin\n\nRésumé.\n");
    text
}

fn corpus(dir: &Path, huge: usize) {
    std::fs::write(dir.join("a-hostile.txt"), hostile_page()).unwrap();
    std::fs::write(dir.join("b-huge.txt"), huge_page(huge)).unwrap();
    for page in generator::corpus(30, 11) {
        std::fs::write(dir.join(&page.name), page.text).unwrap();
    }
}

/// Keys as a terminal sends them: letters, controls the reader binds, arrows, and mouse
/// reports (SGR: wheel and clicks anywhere). Never `q`, Ctrl-C or Ctrl-Z, which end or stop it.
const KEYS: &[&str] = &[
    "j",
    "k",
    "\r",
    "\t",
    "\u{1b}[Z",
    "\u{7f}",
    "L",
    " ",
    "b",
    "G",
    "g",
    "1",
    "2",
    "3",
    "9",
    "0",
    "?",
    "\u{1b}",
    "t",
    "r",
    "J",
    "K",
    "u",
    "d",
    "{",
    "}",
    "[",
    "]",
    "h",
    "l",
    "\u{2}",
    "\u{6}",
    "\u{15}",
    "\u{4}",
    "\u{c}",
    "\u{1b}[A",
    "\u{1b}[B",
    "\u{1b}[C",
    "\u{1b}[D",
    "\u{1b}[5~",
    "\u{1b}[6~",
    "\u{1b}[H",
    "\u{1b}[F",
    "\u{1b}[1;3C",
    "x",
    "é",
];

fn mouse(rng: &mut Rng, size: (u16, u16)) -> String {
    let button = [0, 64, 65][rng.below(3)];
    let x = rng.below(usize::from(size.0.max(1))) + 1;
    let y = rng.below(usize::from(size.1.max(1))) + 1;
    let end = if rng.chance(50) { 'M' } else { 'm' };
    format!("\u{1b}[<{button};{x};{y}{end}")
}

fn alive(s: &Session) -> bool {
    !matches!(s.state(), None | Some('Z' | 'X'))
}

#[test]
fn random_keys_resizes_and_signals_leave_it_alive_inert_and_restorable() {
    let soak = std::env::var("LISEUSE_SOAK").is_ok_and(|v| v == "1");
    let seconds = std::env::var("LISEUSE_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if soak { 600 } else { 4 });
    let seed = std::env::var("LISEUSE_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2026);
    println!("soak: {seconds} s, seed {seed}");
    let dir = TempDir::new().unwrap();
    corpus(dir.path(), if soak { 8 << 20 } else { 256 << 10 });

    let mut rng = Rng::new(seed);
    let mut size = (100, 30);
    let mut s = Session::liseuse(&[dir.path()], size);
    s.wait_for("Titre");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut steps, mut resizes, mut stops) = (0u64, 0u64, 0u64);
    while Instant::now() < deadline {
        steps += 1;
        match rng.below(100) {
            0..=69 => {
                let burst: String = (0..rng.between(1, 6))
                    .map(|_| KEYS[rng.below(KEYS.len())])
                    .collect();
                s.keys(&burst);
            }
            70..=79 => s.keys(&mouse(&mut rng, size)),
            80..=91 => {
                // Mostly ordinary sizes, sometimes a sliver or a single cell.
                size = if rng.chance(20) {
                    (rng.between(1, 3) as u16, rng.between(1, 3) as u16)
                } else {
                    (rng.between(20, 180) as u16, rng.between(5, 55) as u16)
                };
                s.resize(size);
                resizes += 1;
            }
            92..=93 => {
                s.signal(libc::SIGTSTP);
                s.wait_until("the stop", |s| s.state() == Some('T'));
                s.signal(libc::SIGCONT);
                s.wait_until("raw mode again", |s| s.cooked() == (false, false));
                stops += 1;
            }
            _ => thread::sleep(Duration::from_millis(30)),
        }
        thread::sleep(Duration::from_millis(rng.between(2, 15) as u64));
        assert!(alive(&s), "the reader died at step {steps} (seed {seed})");
    }
    println!("soak: {steps} steps, {resizes} resizes, {stops} stops");
    assert!(alive(&s), "the reader died (seed {seed})");

    s.signal(libc::SIGTERM);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + 15, "seed {seed}");
    s.wait_until("the alternate screen left, the cursor shown", |s| {
        let since = s.raw_since(ENTER);
        since.contains(LEAVE) && since.contains("\u{1b}[?25h")
    });
    assert_eq!(
        s.cooked(),
        (true, true),
        "not back in cooked mode (seed {seed})"
    );
    assert_own_sequences(&s.raw());
}

#[test]
#[should_panic(expected = "reached the terminal")]
fn the_check_catches_a_page_sequence() {
    assert_own_sequences(b"\x1b[1;1Htext\x1b]0;pwned\x07");
}

#[test]
#[should_panic(expected = "contested character")]
fn the_check_catches_a_soft_hyphen() {
    assert_own_sequences("\x1b[1;1Hco\u{AD}op".as_bytes());
}
