//! The real binary in a pseudo-terminal, read through a terminal emulator (vt100): a person's
//! session from the first screen to a clean exit, and signals arriving mid-session.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/pty.rs"]
mod harness;
#[path = "common/rng.rs"]
mod rng;

use harness::Session;

const SIZE: (u16, u16) = (120, 40);

/// The terminal is given back: after the last time the alternate screen was entered, it is
/// left, and the cursor is shown.
fn assert_restored(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    let entered = text
        .rfind("\u{1b}[?1049h")
        .expect("the reader used the alternate screen");
    let left = text
        .rfind("\u{1b}[?1049l")
        .expect("the alternate screen is left");
    assert!(
        left > entered,
        "left the alternate screen before entering it again"
    );
    assert!(text[left..].contains("\u{1b}[?25h") || text[entered..].contains("\u{1b}[?25h"));
}

fn without_status(screen: &str) -> Vec<&str> {
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len().saturating_sub(1)].to_vec()
}

#[test]
fn open_follow_link_three_go_back_and_quit() {
    let mut s = Session::liseuse::<&str>(&[], SIZE);
    s.wait_for("Pour promouvoir les relations");
    s.keys("\r");
    let before = s.wait_for_settled("Hanoï · VNA");
    s.keys("3");
    let laos = s.wait_for("Cité par");
    assert!(
        laos.contains("Un nouvel élan pour les relations Vietnam–Laos"),
        "{laos}"
    );
    assert!(
        laos.contains("résumé"),
        "a summary-only article says so:\n{laos}"
    );
    s.keys("\u{7f}");
    let after = s.wait_for_settled("Hanoï · VNA");
    // The status bar differs (a forward step now exists); every other row is as it was.
    assert_eq!(
        without_status(&after),
        without_status(&before),
        "back restores the same screen"
    );
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::liseuse::<&str>(&[], SIZE);
    s.wait_for("Pour promouvoir les relations");
    s.signal(15);
    s.wait_exit();
    assert_restored(&s.raw());
}

#[test]
fn sighup_restores_the_terminal() {
    let mut s = Session::liseuse::<&str>(&[], SIZE);
    s.wait_for("Pour promouvoir les relations");
    s.signal(1);
    s.wait_exit();
    assert_restored(&s.raw());
}

#[test]
fn ctrl_c_quits() {
    let mut s = Session::liseuse::<&str>(&[], SIZE);
    s.wait_for("Pour promouvoir les relations");
    s.keys("\u{3}");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw());
}

#[test]
fn open_flag_starts_on_that_article() {
    let mut s = Session::liseuse(
        &[
            "--open",
            "le vietnam attache de l'importance a son amitie avec le kirghizistan",
        ],
        SIZE,
    );
    s.wait_for("Abakirov Meder");
    s.keys("q");
    s.wait_exit();
}

#[test]
fn ctrl_z_gives_the_shell_back_and_fg_redraws_everything() {
    let mut s = Session::shell(SIZE);
    s.wait_for("$ ");
    s.keys(&format!(
        "{} ; echo EXIT=$?\r",
        env!("CARGO_BIN_EXE_liseuse")
    ));
    s.wait_for("Pour promouvoir les relations");
    s.keys("\u{1a}");
    let stopped = s.wait_for("Stopped");
    assert!(
        !stopped.contains("Pour promouvoir"),
        "the shell has the screen:\n{stopped}"
    );
    s.keys("fg\r");
    // The whole frame, status bar last: waiting for the first rows alone raced the redraw.
    let back = s.wait_for("historique 0");
    assert!(back.contains("Pour promouvoir les relations"), "{back}");
    s.keys("q");
    // The shell's prompt from before `fg` is still on screen: wait for the one after it.
    s.wait_until("the prompt after fg", |s| {
        let screen = s.screen();
        screen.contains("$ fg") && screen.trim_end().ends_with('$')
    });
    s.keys("exit\r");
    s.wait_exit();
    assert_restored(&s.raw());
}

#[test]
fn the_locale_picks_the_interface_language() {
    let mut s = Session::liseuse_in::<&str>(&[], SIZE, "en_US.UTF-8");
    let screen = s.wait_for("? help");
    assert!(screen.contains("history 0"), "{screen}");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_digit_shows_its_link_without_waiting_for_another() {
    let mut s = Session::liseuse(
        &[
            "--open",
            "le vietnam attache de l'importance a son amitie avec le kirghizistan",
        ],
        SIZE,
    );
    s.wait_for("Abakirov Meder");
    // Ten links: `1` could become `10`, yet its target shows at once, the number still open.
    s.keys("1");
    let shown = s.wait_for("lien 1…");
    assert!(shown.contains("historique 1"), "{shown}");
    s.keys("q");
    s.wait_exit();
}

/// A folder of pages: the first screen comes before the corpus has loaded, keys work while the
/// rest arrives, and the list grows to the whole corpus.
#[test]
fn the_first_screen_comes_before_the_corpus_and_the_list_grows() {
    let dir = tempfile::TempDir::new().unwrap();
    for page in generator::corpus(400, 5) {
        std::fs::write(dir.path().join(page.name), page.text).unwrap();
    }
    let mut s = Session::liseuse(&[dir.path()], SIZE);
    let first = s.wait_for("? aide");
    assert!(first.contains("chargement 40 / 400"), "{first}");
    s.keys("j");
    s.keys("\r");
    let done = s.wait_for_gone("chargement");
    assert!(
        done.contains("historique 1"),
        "a key typed while loading acted:\n{done}"
    );
    let status = done.lines().last().unwrap_or_default().to_owned();
    let (_, total) = status.split_once('/').expect("article n/N");
    let total: usize = total.split(' ').next().unwrap().parse().unwrap();
    assert!(total >= 400, "every page is in the list: {status}");
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// `|` hands the article to `$PAGER` (here `cat`, which prints it and ends): the terminal is
/// given back first (main screen, cooked mode), the article's text reaches the pager, and the
/// reader takes the screen again, in raw mode, and still answers keys.
#[test]
fn the_pager_gets_the_article_and_the_reader_comes_back() {
    let mut s = Session::liseuse_with::<&str>(&[], SIZE, &[("PAGER", "cat")]);
    s.wait_for("Pour promouvoir les relations");
    s.keys("\r");
    s.wait_for("Dang Hoang Giang");
    let before = s.raw().len();
    s.keys("|");
    s.wait_until("the reader back on the alternate screen", |s| {
        let text = String::from_utf8_lossy(&s.raw()[before..]).into_owned();
        text.rfind("\u{1b}[?1049h")
            .is_some_and(|back| text[..back].contains("Dang Hoang Giang"))
    });
    let text = String::from_utf8_lossy(&s.raw()[before..]).into_owned();
    let left = text
        .find("\u{1b}[?1049l")
        .expect("the screen was given back");
    let printed = text
        .find("vice-ministre des Affaires")
        .expect("cat printed the text");
    let back = text.rfind("\u{1b}[?1049h").unwrap();
    assert!(
        left < printed && printed < back,
        "given back, paged, taken again"
    );
    assert_eq!(s.cooked(), (false, false), "raw mode again");
    s.keys("j");
    s.wait_for_settled("historique 0");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw());
}

/// `NO_COLOR` leaves no colour in what is sent (and without it there is some), and
/// `--no-mouse` leaves the mouse to the terminal.
#[test]
fn no_color_and_no_mouse_reach_the_terminal() {
    // crossterm sends colours as SGR 38/48 with 5 (indexed) or 2 (RGB); `ESC[38;40H` is a
    // cursor move.
    let colour = |raw: &[u8]| {
        let text = String::from_utf8_lossy(raw);
        [
            "\u{1b}[38;5;",
            "\u{1b}[38;2;",
            "\u{1b}[48;5;",
            "\u{1b}[48;2;",
        ]
        .iter()
        .any(|sgr| text.contains(sgr))
    };
    let mouse = |raw: &[u8]| String::from_utf8_lossy(raw).contains("\u{1b}[?1000h");
    let mut plain = Session::liseuse_with::<&str>(&[], SIZE, &[]);
    plain.wait_for("Pour promouvoir les relations");
    plain.keys("q");
    plain.wait_exit();
    assert!(colour(&plain.raw()) && mouse(&plain.raw()), "the defaults");
    let mut bare = Session::liseuse_with(&["--no-mouse"], SIZE, &[("NO_COLOR", "1")]);
    bare.wait_for("Pour promouvoir les relations");
    bare.keys("q");
    bare.wait_exit();
    assert!(!colour(&bare.raw()), "no colour with NO_COLOR");
    assert!(!mouse(&bare.raw()), "no mouse capture with --no-mouse");
}

/// A configuration with a problem stops the reader before it takes the terminal, naming the
/// file, line and column.
#[test]
fn a_bad_configuration_keeps_the_reader_from_starting() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[reader]\nmeasure = 3\n").unwrap();
    let mut s = Session::liseuse_with(&["--config", file.to_str().unwrap()], SIZE, &[]);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let text = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(
        text.contains("config.toml:2:11: measure must be from 20 to 1000"),
        "{text}"
    );
    assert!(
        !text.contains("\u{1b}[?1049h"),
        "the terminal was never taken"
    );
}

/// `y` sends the open article's title to the terminal's clipboard as OSC 52, and says so.
#[test]
fn y_copies_the_title_with_osc_52() {
    let mut s = Session::liseuse_with::<&str>(&[], SIZE, &[]);
    s.wait_for("Pour promouvoir les relations");
    s.keys("y");
    s.wait_for("Titre copié");
    let title = "Pour promouvoir les relations du Vietnam avec les partenaires prioritaires et \
                 les amis traditionnels";
    let sent = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(
        sent.contains(&liseuse::handoff::osc52(title)),
        "the OSC 52 sequence"
    );
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// While the pager runs, the keys are its own: the reader's input thread stands aside (a key
/// typed before the pager reads the terminal waits there for it), and the reader answers keys
/// again after.
#[test]
fn the_pager_gets_the_keys_typed_while_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let got = dir.path().join("key");
    let pager = format!(
        "cat > /dev/null; printf PAGER-READY; sleep 1; head -c1 < /dev/tty > '{}'",
        got.display()
    );
    let mut s = Session::liseuse_with::<&str>(&[], SIZE, &[("PAGER", &pager)]);
    s.wait_for("Pour promouvoir les relations");
    s.keys("|");
    s.wait_for("PAGER-READY");
    s.keys("Z\r");
    s.wait_until("the key reached the pager", |_| {
        std::fs::read_to_string(&got).is_ok_and(|k| k == "Z")
    });
    s.wait_for_settled("? aide");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&s.raw());
}
