//! `TimelineJS` JSON (<https://timeline.knightlab.com/docs/json-format.html>):
//! one slide per dated event, grouped by kind; undated events are left out
//! because `TimelineJS` needs a start date.

use super::json::to_export;
use crate::analysis::Analysis;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TjsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TjsDate>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TjsDate {
    year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
}

/// A TIMEX3 calendar value as a `TimelineJS` date at its own precision.
fn tjs_date(value: &str) -> Option<TjsDate> {
    let mut parts = value.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))?;
    let month = parts
        .next()
        .filter(|m| m.len() == 2 && m.chars().all(|c| c.is_ascii_digit()));
    let day = month
        .and(parts.next())
        .map(|d| d.chars().take(2).collect::<String>())
        .filter(|d| d.len() == 2 && d.chars().all(|c| c.is_ascii_digit()));
    Some(TjsDate {
        year: year.to_owned(),
        month: month.map(str::to_owned),
        day,
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes the `TimelineJS` JSON of an analysis.
///
/// # Errors
/// When writing fails.
pub fn write_timelinejs(
    analysis: &Analysis,
    title: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let export = to_export(analysis);
    let events = export
        .events
        .iter()
        .filter_map(|e| {
            let [first, last] = e.range.as_ref()?;
            // Precise values keep their precision; weeks and quarters use their day range.
            let start = e.date.as_deref().and_then(tjs_date).filter(|_| {
                !e.date
                    .as_deref()
                    .is_some_and(|d| d.contains('W') || d.contains('Q') || d.contains('H'))
            });
            let start = start.or_else(|| tjs_date(first))?;
            let end = (first != last).then(|| tjs_date(last)).flatten();
            let people = if e.people.is_empty() {
                String::new()
            } else {
                format!("<br><i>{}</i>", escape(&e.people.join(", ")))
            };
            Some(Slide {
                start_date: Some(start),
                end_date: end,
                text: Text {
                    headline: format!("{}: {}", e.kind, escape(&e.actors.join(", "))),
                    text: format!(
                        "<p>{}</p><p><small>{} · {}</small>{people}</p>",
                        escape(&e.text),
                        escape(&e.doc),
                        e.date.as_deref().unwrap_or_default()
                    ),
                },
                group: Some(e.kind.to_owned()),
                unique_id: Some(e.id.clone()),
            })
        })
        .collect();
    let timeline = Timeline {
        title: Slide {
            start_date: None,
            end_date: None,
            text: Text {
                headline: escape(title),
                text: format!(
                    "{} events from {} documents",
                    export.events.len(),
                    export.documents.len()
                ),
            },
            group: None,
            unique_id: None,
        },
        events,
    };
    serde_json::to_writer_pretty(&mut *out, &timeline)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::tjs_date;

    #[test]
    fn dates_keep_their_precision() {
        let d = tjs_date("2017-08-05").unwrap_or_else(|| panic!("a date"));
        assert_eq!(
            (d.year.as_str(), d.month.as_deref(), d.day.as_deref()),
            ("2017", Some("08"), Some("05"))
        );
        let m = tjs_date("2018-05").unwrap_or_else(|| panic!("a month"));
        assert_eq!((m.month.as_deref(), m.day.as_deref()), (Some("05"), None));
        assert!(tjs_date("XXXX-07-22").is_none());
        assert!(tjs_date("PAST_REF").is_none());
    }
}
