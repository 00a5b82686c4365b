//! liseuse: a terminal reader for folders of scraped news pages.
//!
//! The flow, one way: files → `ingest` (pages parsed by structure, lines split, glued words
//! repaired, problems kept as `diagnostic`s; exports read back through `record`) → `Article`s →
//! `store` (ids, title index, link resolution, backlinks) → `document` (an article as blocks,
//! links numbered once) → `wrap` (blocks at a width, each line anchored) → `app` state
//! (changed only by `update`) → `ui` (draws a frame from `&App`); or → `export` (the store
//! streamed as JSON).
//! Whatever reaches a terminal goes through `inert`, which drops the `invisible` table.
//!
//! Modules, lowest first: `article`, `diagnostic`, `fold`, `invisible`, `inert`, `record`,
//! `strings` (need nothing of ours but `article`, `fold`, `invisible`); `ingest` (on `record`,
//! `diagnostic`); `store` (on `diagnostic`, `fold`); `export` (on `store`, `record`);
//! `document` (on `store`); `wrap` (on `document`, `strings`); `state` (saved reading state, on
//! `wrap`, `strings`, `paths`); `app`, `ui`, `terminal`; `paths` (the XDG folders); `cli` (the command line, on all of them; `main.rs` only calls it).

pub mod app;
pub mod article;
pub mod card;
pub mod catalogue;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod export;
pub mod fold;
pub mod handoff;
pub mod inert;
pub mod ingest;
pub mod invisible;
pub mod paths;
pub mod record;
pub mod search;
pub mod state;
pub mod store;
pub mod strings;
pub mod terminal;
pub mod ui;
pub mod watch;
pub mod wrap;
