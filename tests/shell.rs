//! Shell integration as a user meets it: a completion script for every shell that knows every
//! subcommand and flag, and a man page that renders, documents the keys from the keymap and
//! names the files.

use std::process::{Command, Output, Stdio};

use liseuse::app::Keymap;
use liseuse::strings::Lang;

fn liseuse(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_liseuse"))
        .args(args)
        .output()
        .expect("liseuse runs");
    assert!(output.status.success(), "{args:?}: {output:?}");
    output
}

const SUBCOMMANDS: [&str; 5] = ["export", "check", "completions", "man", "config"];
const FLAGS: [&str; 6] = [
    "--open",
    "--measure",
    "--config",
    "--color",
    "--no-mouse",
    "--follow-links",
];

#[test]
fn completions_for_every_shell_mention_every_subcommand_and_flag() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = String::from_utf8(liseuse(&["completions", shell]).stdout).unwrap();
        for word in SUBCOMMANDS {
            assert!(script.contains(word), "{shell}: no {word}");
        }
        for flag in FLAGS {
            // fish names long flags without their dashes (`-l no-mouse`).
            let bare = flag.trim_start_matches('-');
            assert!(
                script.contains(flag) || script.contains(bare),
                "{shell}: no {flag}"
            );
        }
        // Elvish and PowerShell scripts complete flags, not their values.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                script.contains("markdown"),
                "{shell}: export formats are completed"
            );
        }
    }
}

#[test]
fn a_bash_completion_script_loads_and_completes_subcommands() {
    let script = String::from_utf8(liseuse(&["completions", "bash"]).stdout).unwrap();
    let test = format!(
        "{script}\nCOMP_WORDS=(liseuse co); COMP_CWORD=1; COMP_LINE='liseuse co'; COMP_POINT=10\n\
         _liseuse liseuse co liseuse; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    );
    let output = Command::new("bash")
        .args(["--norc", "-c", &test])
        .output()
        .expect("bash runs");
    let words = String::from_utf8_lossy(&output.stdout);
    assert!(words.lines().any(|w| w == "completions"), "{words}");
    assert!(words.lines().any(|w| w == "config"), "{words}");
}

#[test]
fn the_man_page_renders_and_documents_keys_and_files() {
    let page = String::from_utf8(liseuse(&["man"]).stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH liseuse"),
        "a roff page"
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH KEYS",
        ".SH FILES",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    // Every binding's explanation, as the help popup words it in English.
    for section in liseuse::app::help::help(Lang::En, &Keymap::default()) {
        for (_, what) in section.rows {
            let escaped = what.replace('\\', "\\e").replace('-', "\\-");
            assert!(page.contains(&escaped), "the keys section lacks {what}");
        }
    }
    assert!(page.contains("config.toml"));
    assert!(page.contains("PAGER") && page.contains("EDITOR") && page.contains("NO_COLOR"));
    // Every line a request or text: no stray escape or control character.
    assert!(!page.chars().any(|c| c.is_control() && c != '\n'));
    rendered_without_warnings(&page);
}

/// groff, when the machine has it, formats the page with every warning turned on.
fn rendered_without_warnings(page: &str) {
    let Ok(mut groff) = Command::new("groff")
        .args(["-man", "-Tutf8", "-K", "utf8", "-ww", "-z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("groff is not installed: the roff checks above stand alone");
        return;
    };
    use std::io::Write;
    groff
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let output = groff.wait_with_output().unwrap();
    let warnings = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && warnings.is_empty(), "{warnings}");
}
