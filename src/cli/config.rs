//! `liseuse config`: print the commented default configuration (`--default`), or check a file
//! (`--check [PATH]`, by default the one the reader would read) and say where it is wrong.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::config;
use crate::inert::inert;

pub(super) fn config(default: bool, path: Option<&Path>) -> ExitCode {
    if default {
        return print(&config::default_file());
    }
    let Some(file) = config::path(path) else {
        eprintln!("liseuse: no configuration folder on this system");
        return ExitCode::from(2);
    };
    let shown = inert(&file.display().to_string()).into_owned();
    if path.is_none() && !file.exists() {
        return print(&format!("{shown}: no file, the defaults apply\n"));
    }
    match config::load(Some(&file)) {
        Ok(_) => print(&format!("{shown}: ok\n")),
        Err(e) => {
            eprintln!("{}", inert(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

fn print(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("liseuse: cannot write standard output: {e}");
            ExitCode::from(1)
        }
        _ => ExitCode::SUCCESS,
    }
}
