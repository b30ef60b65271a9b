//! Exports of an [`Analysis`](crate::analysis::Analysis): the JSON contract
//! of PRODUCT.md and a flat CSV of events.

mod csv_export;
mod json;

pub use csv_export::write_csv;
pub use json::{Export, ExportDocument, ExportEvent, ExportTimex, to_export, write_json};
