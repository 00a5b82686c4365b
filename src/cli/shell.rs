//! Fitting the shell: completion scripts (clap_complete) and the man page (clap_mangen), both
//! made from the command line's own definition; the man page's KEYS section is read from the
//! default keymap, as the help popup is, and FILES and ENVIRONMENT say what liseuse reads.

use std::io::{self, Write};
use std::process::ExitCode;

use clap_complete::Shell;

use super::Cli;
use crate::app::Keymap;
use crate::app::help::help;
use crate::strings::Lang;

pub(super) fn completions(shell: Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::definition(), "liseuse", &mut script);
    emit(&script)
}

pub(super) fn man() -> ExitCode {
    let mut page = Vec::new();
    match man_page(&mut page) {
        Ok(()) => emit(&page),
        Err(e) => {
            eprintln!("liseuse: cannot make the man page: {e}");
            ExitCode::from(1)
        }
    }
}

/// The whole man page, roff.
pub fn man_page(out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(Cli::definition()).render(out)?;
    keys_section(out, &Keymap::default())?;
    out.write_all(FILES.as_bytes())
}

/// What follows the clap sections: where liseuse reads and writes, and what it asks of the
/// environment.
const FILES: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/liseuse/config.toml\fR (~/.config/liseuse/config.toml)
The configuration: key bindings, theme, measure, list width, language, colour, mouse.
\fBliseuse config \-\-default\fR prints a commented one; \fBliseuse config \-\-check\fR checks one.
\fB\-\-config\fR \fIPATH\fR reads another.
.TP
\fI$XDG_CACHE_HOME/liseuse/\fR (~/.cache/liseuse)
The catalogue and the search index, rebuilt at will (\fB\-\-cache\-dir\fR, \fB\-\-no\-cache\fR).
.TP
\fI$XDG_STATE_HOME/liseuse/\fR (~/.local/state/liseuse)
The reading state.
.TP
\fIKEY.md\fR
Written in the current folder by \fBe\fR in the reader: the open article as Markdown.
.SH ENVIRONMENT
.TP
\fBPAGER\fR
The pager \fB|\fR hands the article to (default \fBless\fR).
.TP
\fBVISUAL\fR, \fBEDITOR\fR
The editor \fBo\fR opens the source file in (default \fBvi\fR).
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (unless \fB\-\-color always\fR).
.TP
\fBLC_ALL\fR, \fBLC_MESSAGES\fR, \fBLANG\fR
French interface when the first one set says French, else English.
"#;

/// KEYS: every binding of `keymap`, by where it applies, as the help popup lists them.
fn keys_section(out: &mut dyn Write, keymap: &Keymap) -> io::Result<()> {
    writeln!(out, ".SH KEYS")?;
    for section in help(Lang::En, keymap) {
        writeln!(out, ".SS {}", roff(section.title))?;
        for (keys, what) in section.rows {
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(&keys), roff(what))?;
        }
    }
    Ok(())
}

/// Text made safe for a roff line: backslashes escaped, and a leading `.` or `'` (a request)
/// and a leading `-` kept as text.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// The keys in force, for the end of `--help`.
pub(super) fn keys_help(keymap: &Keymap) -> String {
    let mut out = String::from("Keys in the reader (from the keymap in force):");
    for section in help(Lang::En, keymap) {
        out.push_str(&format!("\n  {}:", section.title));
        for (keys, what) in section.rows {
            out.push_str(&format!("\n    {keys:<18} {what}"));
        }
    }
    out
}

/// Writes `bytes` to standard output; a reader that stopped reading is not an error.
pub(super) fn emit(bytes: &[u8]) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("liseuse: cannot write standard output: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
