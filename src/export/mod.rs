//! Exports of an [`Analysis`](crate::analysis::Analysis): the JSON contract
//! of PRODUCT.md, JSON Lines for sharded runs over large archives, a flat
//! CSV of events and `TimelineJS` JSON.

mod csv_export;
mod json;
pub mod jsonl;
mod timelinejs;

pub use csv_export::write_csv;
pub use json::{Export, ExportDocument, ExportEvent, ExportTimex, to_export, write_json};
pub use jsonl::{read_jsonl, write_jsonl};
pub use timelinejs::write_timelinejs;
