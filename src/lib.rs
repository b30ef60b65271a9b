//! Dateline: open a folder of news articles, find the events they report,
//! resolve their dates against each article's publication date, and explore
//! them on a zoomable timeline where every event links back to its sentence.
//!
//! The core — [`corpus`], [`text`], [`temporal`], [`events`], [`analysis`],
//! [`timeline`], [`export`], [`store`], [`corrections`] — never imports egui and never reads
//! the clock. [`app`] and [`ui`] are the desktop front end; [`cli`] is the
//! command line (`dateline export`, `--screenshot`).

pub mod analysis;
pub mod app;
pub mod cache;
pub mod cli;
pub mod corpus;
pub mod corrections;
pub mod events;
pub mod export;
pub mod hash;
pub mod ingest;
pub mod store;
pub mod tempeval;
pub mod temporal;
pub mod text;
pub mod timeline;
pub mod ui;
pub mod window;

/// The sample folder bundled with the sources (the five seed articles).
#[must_use]
pub fn sample_folder() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples"))
}
