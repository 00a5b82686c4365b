//! The `liseuse` binary: everything is in the library's `cli` module.

use std::process::ExitCode;

fn main() -> ExitCode {
    fewer_malloc_arenas();
    liseuse::cli::run()
}

/// glibc gives each thread that allocates its own arena (up to 8 a core), and what one thread
/// frees another cannot reuse. Four arenas: two made the reader's peak memory a fifth lower at
/// 10,000 pages (125 → 97 MB) but, with the loading, indexing and reader threads all busy,
/// they waited on each other's arena locks (23 % of an `export` profile in malloc and futex
/// waits); four kept that memory (10,000 pages: 64–81 MB, 50,000: 170–187 MB) and made
/// `export` of 10,000 pages 5.6 → 4.4 s and the warm whole list at 50,000 pages 0.86–0.99 →
/// 0.78–0.81 s. mimalloc was faster still but raised the 50,000-page peak to 229–249 MB.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fewer_malloc_arenas() {
    // SAFETY: mallopt only sets an allocator parameter, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 4);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fewer_malloc_arenas() {}
