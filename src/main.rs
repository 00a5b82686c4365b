//! The `liseuse` binary: everything is in the library's `cli` module.

use std::process::ExitCode;

fn main() -> ExitCode {
    liseuse::cli::run()
}
