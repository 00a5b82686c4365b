//! `liseuse config`: print the commented default configuration (`--default`), or check a file
//! (`--check [PATH]`, by default the one the reader would read) and say where it is wrong.

use std::path::Path;
use std::process::ExitCode;

use super::shell::emit;
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
    emit(text.as_bytes())
}
