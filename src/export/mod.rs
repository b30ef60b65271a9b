//! Exports of an [`Analysis`]: the JSON contract of the README, JSON Lines for sharded runs over large archives, a flat
//! CSV of events and `TimelineJS` JSON.

mod csv_export;
mod json;
pub mod jsonl;
mod timelinejs;

pub use csv_export::write_csv;
pub use json::{Export, ExportDocument, ExportEvent, ExportTimex, to_export, write_json};
pub use jsonl::{read_jsonl, write_jsonl};
pub use timelinejs::write_timelinejs;

use crate::analysis::Analysis;

/// The export formats: the one place that knows each one's name (the
/// command line's `--format`), file extension and writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The JSON contract.
    Json,
    /// JSON Lines: the contract's records plus document texts (shards).
    Jsonl,
    /// Events as CSV.
    Csv,
    /// `TimelineJS` JSON.
    TimelineJs,
}

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: [Self; 4] = [Self::Json, Self::Jsonl, Self::Csv, Self::TimelineJs];

    /// The format named `name` (`json`, `jsonl`, `csv`, `timelinejs`).
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Its name on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
            Self::TimelineJs => "timelinejs",
        }
    }

    /// The extension of its files.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json | Self::TimelineJs => "json",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
        }
    }

    /// The file name offered when saving one.
    #[must_use]
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Json => "dateline.json",
            Self::Jsonl => "dateline.jsonl",
            Self::Csv => "dateline.csv",
            Self::TimelineJs => "dateline-timelinejs.json",
        }
    }

    /// Writes `analysis` in this format (`title`: the `TimelineJS` title).
    ///
    /// # Errors
    /// When `out` cannot be written.
    pub fn write(
        self,
        analysis: &Analysis,
        title: &str,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match self {
            Self::Json => write_json(analysis, out),
            Self::Jsonl => write_jsonl(analysis, out),
            Self::Csv => write_csv(analysis, out),
            Self::TimelineJs => write_timelinejs(analysis, title, out),
        }
    }
}
