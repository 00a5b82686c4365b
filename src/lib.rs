//! liseuse: a terminal reader for folders of scraped news pages.
//!
//! The flow, one way: files → `ingest` (pages parsed by structure, with diagnostics) →
//! `Article`s → `store` (ids, title index, link resolution, backlinks) → `app` state
//! (changed only by `update`) → `ui` (draws a frame from `&App`).

pub mod app;
pub mod article;
pub mod document;
pub mod fold;
pub mod inert;
pub mod ingest;
pub mod schema;
pub mod store;
pub mod strings;
pub mod terminal;
pub mod ui;
pub mod wrap;
