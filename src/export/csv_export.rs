//! A flat CSV of events, one row each, for spreadsheets.

use super::json::to_export;
use crate::analysis::Analysis;
use std::io::Write;

/// Writes one row per event.
///
/// # Errors
/// When writing fails.
pub fn write_csv(analysis: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    let export = to_export(analysis);
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "id",
        "doc",
        "kind",
        "date",
        "range_start",
        "range_end",
        "time_text",
        "modality",
        "date_source",
        "actors",
        "people",
        "place",
        "sentence_start",
        "sentence_end",
        "text",
        "merged_with",
        "rule",
    ])?;
    for e in &export.events {
        let (start, end) = e
            .range
            .as_ref()
            .map_or((String::new(), String::new()), |[a, b]| {
                (a.clone(), b.clone())
            });
        writer.write_record([
            e.id.as_str(),
            &e.doc,
            e.kind,
            e.date.as_deref().unwrap_or_default(),
            &start,
            &end,
            e.time_text.as_deref().unwrap_or_default(),
            e.modality,
            e.date_source.unwrap_or_default(),
            &e.actors.join("; "),
            &e.people.join("; "),
            e.place.as_deref().unwrap_or_default(),
            &e.sentence[0].to_string(),
            &e.sentence[1].to_string(),
            &e.text,
            &e.merged_with.join("; "),
            e.rule,
        ])?;
    }
    writer.flush()
}
