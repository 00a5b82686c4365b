//! Handing an article to other tools, for the terminal edge: a Markdown file written beside
//! the user, the text given to `$PAGER`, the source file opened in `$VISUAL` / `$EDITOR`, the
//! title or the text copied with OSC 52. No terminal state here: `terminal.rs` gives the
//! terminal up around the tools that need it, and shows the outcome as a status message.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::export::{self, markdown, text};
use crate::inert::inert;
use crate::store::{ArticleId, Store};
use crate::strings::{Lang, Message};

/// Writes article `id` as Markdown into `dir` (atomically: a failure leaves an older file
/// whole) and says where.
pub fn write_markdown(store: &Store, id: ArticleId, dir: &Path) -> Message {
    let path = dir.join(markdown::file_name(store, id));
    let written = export::replace_file(&path, |out| markdown::write_article(store, id, out));
    let shown = inert(&path.display().to_string()).into_owned();
    match written {
        Ok(()) => Message::Wrote(shown),
        Err(e) => Message::Failed(inert(&format!("{shown}: {e}")).into_owned()),
    }
}

/// The command in `$PAGER`, else `less`.
pub fn pager() -> OsString {
    std::env::var_os("PAGER")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "less".into())
}

/// The command in `$VISUAL`, else `$EDITOR`, else `vi`.
pub fn editor() -> OsString {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(std::env::var_os)
        .find(|e| !e.is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Runs `command` through the shell (so `PAGER="less -R"` works) with `text` on its standard
/// input, and waits for it. A pager that quits before reading everything is not an error.
pub fn page(command: &OsString, text: &str) -> Result<(), String> {
    let mut child = shell(command, &[])
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| failure(command, &e))?;
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(failure(command, &e)),
            _ => {}
        }
    }
    finished(command, child.wait())
}

/// Runs `command FILE` through the shell and waits for it.
pub fn edit(command: &OsString, file: &Path) -> Result<(), String> {
    let status = shell(command, &[file.as_os_str()]).status();
    finished(command, status)
}

/// `sh -c 'COMMAND "$@"' liseuse ARGS…`: the command may carry its own words, the
/// arguments are passed as they are, never re-read by the shell.
fn shell(command: &OsString, args: &[&std::ffi::OsStr]) -> Command {
    let mut script = command.clone();
    script.push(" \"$@\"");
    let mut shell = Command::new("sh");
    shell.arg("-c").arg(script).arg("liseuse").args(args);
    shell
}

fn finished(
    command: &OsString,
    status: io::Result<std::process::ExitStatus>,
) -> Result<(), String> {
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(failure(command, &status)),
        Err(e) => Err(failure(command, &e)),
    }
}

fn failure(command: &OsString, why: &dyn std::fmt::Display) -> String {
    inert(&format!("{}: {why}", command.to_string_lossy())).into_owned()
}

/// The first of the article's source files that is a file on disk (the bundled corpus and
/// exports have none).
pub fn source_file(store: &Store, id: ArticleId) -> Option<PathBuf> {
    store
        .article(id)
        .sources
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

/// The article's text for the pager and the clipboard.
pub fn article_text(store: &Store, id: ArticleId, measure: u16, lang: Lang) -> String {
    text::article_text(store, id, measure, lang)
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard, the text made
/// inert line by line first (so a copied title cannot carry an escape sequence along).
pub fn osc52(text: &str) -> String {
    let clean: Vec<String> = text.lines().map(|l| inert(l).into_owned()).collect();
    format!("\u{1b}]52;c;{}\u{7}", base64(clean.join("\n").as_bytes()))
}

/// Sends `text` to the clipboard through `out`, only when `out` is a terminal: OSC 52 sent
/// into a pipe or a file would land in someone's data.
pub fn copy(text: &str, out: &mut dyn Write, is_terminal: bool, whole: bool) -> Message {
    if !is_terminal {
        return Message::NoClipboard;
    }
    match out
        .write_all(osc52(text).as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => Message::Copied { whole },
        Err(e) => Message::Failed(inert(&format!("OSC 52: {e}")).into_owned()),
    }
}

/// Standard base64 with padding (RFC 4648), the encoding OSC 52 carries.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc52_goes_only_to_a_terminal_and_carries_inert_text() {
        let mut out = Vec::new();
        let title = "Titre\u{1b}]52;c;piège\u{7} «\u{A0}ok\u{A0}»";
        assert_eq!(copy(title, &mut out, false, false), Message::NoClipboard);
        assert!(out.is_empty(), "nothing sent to a pipe");
        assert_eq!(
            copy(title, &mut out, true, false),
            Message::Copied { whole: false }
        );
        let sent = String::from_utf8(out).unwrap();
        let payload = sent
            .strip_prefix("\u{1b}]52;c;")
            .and_then(|s| s.strip_suffix('\u{7}'))
            .unwrap();
        assert_eq!(payload, base64(inert(title).as_bytes()));
        assert!(!inert(title).contains('\u{1b}'));
        assert!(inert(title).contains("«\u{A0}ok\u{A0}»"));
    }

    #[test]
    fn the_pager_reads_the_text_on_its_standard_input() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("seen");
        let command = OsString::from(format!("cat > '{}'", file.display()));
        page(&command, "Hanoï\u{A0}!\n").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "Hanoï\u{A0}!\n");
        assert!(page(&OsString::from("exit 3"), "x").is_err());
    }
}
