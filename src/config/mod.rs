//! The configuration file, `$XDG_CONFIG_HOME/liseuse/config.toml` (or `--config PATH`): key
//! bindings, theme, measure, list width, language, mouse, colour, and options kept for parts
//! still being built. Every problem (an unknown key, a bad value, a key bound twice in one
//! mode) is an error naming the file, line and column; the reader does not start on one.
//! `default_file` writes the commented file that `liseuse config --default` prints.

mod default;
mod file;

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::app::{ColorChoice, Keymap};
use crate::strings::Lang;
use crate::ui::theme::Theme;

pub use default::default_file;

/// Name of the file inside the configuration folder.
pub const FILE_NAME: &str = "config.toml";

/// Everything a configuration file can set, defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// Widest text column of the reading pane (`--measure` wins over it).
    pub measure: Option<u16>,
    /// Columns of the list pane beside the reader (a third of the screen when unset).
    pub list_width: Option<u16>,
    /// The interface language; `None`: from the locale.
    pub lang: Option<Lang>,
    pub color: ColorChoice,
    /// Whether the reader takes the mouse (`--no-mouse` turns it off).
    pub mouse: bool,
    /// Whether opening an article marks it read. Parsed and kept for the reading state, which
    /// is being built: nothing reads it yet.
    pub mark_read_on_open: bool,
    /// Whether to watch the folders for new pages. Parsed and kept for the folder watcher,
    /// which is being built: nothing reads it yet.
    pub watch: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::default(),
            theme: Theme::default(),
            measure: None,
            list_width: None,
            lang: None,
            color: ColorChoice::Auto,
            mouse: true,
            mark_read_on_open: true,
            watch: false,
        }
    }
}

/// A configuration that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// From 1; 0 when the file could not be read at all.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ConfigError {}

/// A problem found at a byte range of the text, before it is given a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub at: Range<usize>,
    pub message: String,
}

/// The configuration file a run reads: the one given, else the XDG one.
pub fn path(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(path) => Some(path.to_path_buf()),
        None => crate::paths::config_dir().map(|dir| dir.join(FILE_NAME)),
    }
}

/// Reads the configuration: the file given (which must exist), else the XDG one if there is
/// one, else the defaults.
pub fn load(given: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(path) = path(given) else {
        return Ok(Config::default());
    };
    let name = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &name),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && given.is_none() => {
            Ok(Config::default())
        }
        Err(e) => Err(ConfigError {
            file: name,
            line: 0,
            column: 0,
            message: format!("cannot read: {e}"),
        }),
    }
}

/// Reads a configuration from its text; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    file::parse(text).map_err(|problem| locate(text, file, problem))
}

/// The line and column (from 1, in characters) where a byte offset falls.
fn locate(text: &str, file: &str, problem: Problem) -> ConfigError {
    let at = problem.at.start.min(text.len());
    let before = &text[..floor_char(text, at)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let column = before[line_start..].chars().count() + 1;
    ConfigError {
        file: file.to_owned(),
        line,
        column,
        message: crate::inert::inert(&problem.message).into_owned(),
    }
}

fn floor_char(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
