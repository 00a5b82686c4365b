//! Where liseuse keeps its files, by the XDG base directory rules (through `directories`): the
//! cache (catalogue and search index, rebuilt at will), the state (reading marks: precious) and
//! the configuration. Each can be overridden on the command line; nothing here creates a folder.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "liseuse")
}

/// `$XDG_CACHE_HOME/liseuse` (`~/.cache/liseuse`): what can be rebuilt from the corpus.
pub fn cache_dir() -> Option<PathBuf> {
    project().map(|p| p.cache_dir().to_path_buf())
}

/// `$XDG_STATE_HOME/liseuse` (`~/.local/state/liseuse`): reading state, which cannot be rebuilt.
/// Where the platform has no state directory, the data directory.
pub fn state_dir() -> Option<PathBuf> {
    project().map(|p| {
        p.state_dir()
            .unwrap_or_else(|| p.data_local_dir())
            .to_path_buf()
    })
}

/// `$XDG_CONFIG_HOME/liseuse` (`~/.config/liseuse`).
pub fn config_dir() -> Option<PathBuf> {
    project().map(|p| p.config_dir().to_path_buf())
}

/// The cache folder a run may use: the one given, none with `--no-cache`, else the XDG one.
pub fn cache(given: Option<&Path>, none: bool) -> Option<PathBuf> {
    match (given, none) {
        (_, true) => None,
        (Some(dir), false) => Some(dir.to_path_buf()),
        (None, false) => cache_dir(),
    }
}
