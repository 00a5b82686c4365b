//! Fuzz target: any bytes as a page, through the parser, the store and the wrapper. The body is
//! `tests/hostile/exercise.rs`, which `cargo test` also runs from proptests, so this file cannot
//! drift from code that is compiled and checked on every test run.
#![no_main]

#[path = "../../tests/hostile/exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::bytes(data));
