//! The JSON export contract (the README's). Offsets are chars, paths are
//! relative with `/`; output is sorted and deterministic.

use crate::analysis::{Analysis, Event};
use serde::Serialize;
use std::io::Write;

/// The whole export.
#[derive(Debug, Serialize)]
pub struct Export {
    /// Every document, sorted by file path (a file's articles, `file#N`, in
    /// their order in it), then the folder's walk problems.
    pub documents: Vec<ExportDocument>,
    /// Every event, by document then position.
    pub events: Vec<ExportEvent>,
    /// Every time expression, by document then position.
    pub timexes: Vec<ExportTimex>,
}

/// A document entry.
#[derive(Debug, Serialize)]
pub struct ExportDocument {
    /// Relative path.
    pub path: String,
    /// Title.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// "text" | "metadata" | "filename" | "user".
    pub published_source: Option<&'static str>,
    /// Without a publication date: the years its weekday–date pairs allow,
    /// most recent first, with the reason (a suggestion, not a fact).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_suggestion: Option<ExportSuggestion>,
    /// Problems met reading it.
    pub problems: Vec<String>,
}

/// Suggested publication years of an undated document.
#[derive(Debug, Serialize)]
pub struct ExportSuggestion {
    /// Candidate years, most recent first.
    pub years: Vec<i32>,
    /// Why, in words ("July 22 was a Wednesday in 2020 or 2015").
    pub reason: String,
}

/// An event entry.
#[derive(Debug, Serialize)]
pub struct ExportEvent {
    /// Stable id.
    pub id: String,
    /// Relative path of its document.
    pub doc: String,
    /// Kind.
    pub kind: &'static str,
    /// TIMEX3 value.
    pub date: Option<String>,
    /// Inclusive day range.
    pub range: Option<[String; 2]>,
    /// The dating expression's text.
    pub time_text: Option<String>,
    /// Char span of the sentence.
    pub sentence: [usize; 2],
    /// Char span of the trigger.
    pub trigger: [usize; 2],
    /// The sentence.
    pub text: String,
    /// Countries and organisations.
    pub actors: Vec<String>,
    /// People.
    pub people: Vec<String>,
    /// Place.
    pub place: Option<String>,
    /// "happened" | "planned" | "negated" | "uncertain".
    pub modality: &'static str,
    /// Where the date comes from: "text" | "sentence" | "context" |
    /// "published" | "user"; null when undated.
    pub date_source: Option<&'static str>,
    /// Other mentions of the same event.
    pub merged_with: Vec<String>,
    /// The rule that found it (an addition to the contract, for tracing).
    pub rule: &'static str,
    /// The page of a paged document (a PDF) its sentence starts on, from 1
    /// (an addition to the contract; absent for other formats).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// What the user changed: "date", "kind", "split", "added" (an addition
    /// to the contract; absent when nothing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrected: Vec<&'static str>,
    /// The user's note (an addition to the contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The user's tags (an addition to the contract).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A time expression entry.
#[derive(Debug, Serialize)]
pub struct ExportTimex {
    /// Relative path of its document.
    pub doc: String,
    /// Char span.
    pub span: [usize; 2],
    /// Its text.
    pub text: String,
    /// "DATE" | "TIME" | "DURATION" | "SET".
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod, when there is one (an addition to the contract).
    #[serde(skip_serializing_if = "Option::is_none", rename = "mod")]
    pub modifier: Option<&'static str>,
    /// Inclusive day range (an addition to the contract).
    pub range: Option<[String; 2]>,
    /// The rule that found it (an addition to the contract).
    pub rule: &'static str,
}

fn export_event(analysis: &Analysis, event: &Event) -> Option<ExportEvent> {
    let doc = analysis.docs.get(event.doc)?;
    let chars = &doc.chars;
    let span = |(s, e): (usize, usize)| [chars.char_of(s), chars.char_of(e)];
    Some(ExportEvent {
        id: event.id.clone(),
        doc: doc.doc.path.clone(),
        kind: event.kind.as_str(),
        date: event.date.clone(),
        range: event.range.map(|(a, b)| [a.to_string(), b.to_string()]),
        time_text: analysis
            .timex_of(event)
            .and_then(|t| doc.doc.text.get(t.start..t.end))
            .map(str::to_owned),
        sentence: span(event.sentence),
        trigger: span(event.trigger),
        text: analysis.sentence_text(event).to_owned(),
        actors: event.actors.iter().map(|&a| a.to_owned()).collect(),
        people: event.people.clone(),
        place: event.place.clone(),
        modality: event.modality.as_str(),
        date_source: event.date_source.map(crate::events::DateSource::as_str),
        merged_with: event.merged_with.ids(),
        rule: event.rule,
        page: doc.doc.page_at(event.sentence.0),
        corrected: event
            .edit
            .as_ref()
            .map(|e| e.changed.clone())
            .unwrap_or_default(),
        note: event
            .edit
            .as_ref()
            .map(|e| e.note.clone())
            .filter(|n| !n.is_empty()),
        tags: event
            .edit
            .as_ref()
            .map(|e| e.tags.clone())
            .unwrap_or_default(),
    })
}

/// Builds the export structure.
#[must_use]
pub fn to_export(analysis: &Analysis) -> Export {
    let documents = analysis
        .docs
        .iter()
        .map(|d| ExportDocument {
            path: d.doc.path.clone(),
            title: d.doc.title.clone(),
            published: d.published.as_ref().map(|p| p.date.to_string()),
            published_source: d.published.as_ref().map(|p| p.source.as_str()),
            published_suggestion: d.year_suggestion.as_ref().map(|s| ExportSuggestion {
                years: s.years.clone(),
                reason: s.explain(),
            }),
            problems: d.doc.problems.clone(),
        })
        .chain(analysis.problems.iter().map(|p| ExportDocument {
            path: p.path.clone(),
            title: String::new(),
            published: None,
            published_source: None,
            published_suggestion: None,
            problems: vec![p.message.clone()],
        }))
        .collect();
    let events = analysis
        .events
        .iter()
        .filter_map(|e| export_event(analysis, e))
        .collect();
    let timexes = analysis
        .docs
        .iter()
        .flat_map(|d| {
            d.timexes.iter().map(move |t| ExportTimex {
                doc: d.doc.path.clone(),
                span: [d.chars.char_of(t.start), d.chars.char_of(t.end)],
                text: d
                    .doc
                    .text
                    .get(t.start..t.end)
                    .unwrap_or_default()
                    .to_owned(),
                kind: t.kind.as_str(),
                value: t.value.clone(),
                modifier: t.modifier,
                range: t.range.map(|(a, b)| [a.to_string(), b.to_string()]),
                rule: t.rule,
            })
        })
        .collect();
    Export {
        documents,
        events,
        timexes,
    }
}

/// Writes the JSON export (pretty-printed, trailing newline).
///
/// # Errors
/// When writing fails.
pub fn write_json(analysis: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_export(analysis))?;
    out.write_all(b"\n")
}
