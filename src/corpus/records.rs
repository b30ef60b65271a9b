//! Exports from news APIs and scrapers: JSON (`serde_json`), JSON Lines and
//! CSV (`csv`). One article per record, each a [`Document`] with the path
//! `file#N`; the fields are recognised by name, case-insensitively and
//! ignoring `_`, `-` and spaces (`publishedAt`, `published_at`).
//!
//! A broken record is a problem for that record, never for the whole file.

use super::html::read_html;
use super::{Document, decode_bytes, title_from_text};
use chrono::{DateTime, NaiveDate};
use serde_json::{Map, Value};

/// Fields holding a record's title, best first (normalised names).
const TITLE_FIELDS: &[&str] = &["title", "headline", "webtitle"];
/// Fields holding a record's text; the longest one present wins, ties to
/// the first.
const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "articlebody",
    "bodytext",
    "fulltext",
    "maintext",
    "contenttext",
    "contenthtml",
    "description",
    "summary",
    "abstract",
];
/// Fields holding a record's publication date, best first.
const DATE_FIELDS: &[&str] = &[
    "published",
    "publishedat",
    "datepublished",
    "pubdate",
    "publicationdate",
    "publishdate",
    "publisheddate",
    "datepublish",
    "webpublicationdate",
    "date",
];
/// Keys under which an export keeps its array of records.
const ARRAY_KEYS: &[&str] = &[
    "articles",
    "items",
    "results",
    "data",
    "entries",
    "documents",
    "docs",
    "stories",
    "news",
    "posts",
    "hits",
];
/// Broken records listed one by one; past this the rest are counted.
const MAX_LISTED_PROBLEMS: usize = 20;

/// Reads a JSON file: a top-level array of records, an object holding one
/// under `articles`, `items`, `results`, `data`, … (searched a few levels
/// down, as in `{"response": {"results": […]}}`), or a single article.
#[must_use]
pub fn read_json(rel: &str, stem: &str, bytes: &[u8]) -> Vec<Document> {
    let text = match decode_bytes(bytes) {
        Ok((text, _)) => text,
        Err(reason) => return vec![failed(rel, stem, format!("not read: {reason}"))],
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(value) => value,
        Err(err) => {
            // JSON Lines saved as .json: every line a record.
            let first_line_is_record = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .and_then(|l| serde_json::from_str::<Value>(l).ok())
                .is_some_and(|v| v.is_object());
            if first_line_is_record && text.trim().lines().nth(1).is_some() {
                return read_json_lines(rel, stem, bytes);
            }
            return vec![failed(
                rel,
                stem,
                format!("not read: not valid JSON ({err})"),
            )];
        }
    };
    match find_records(&value, 0) {
        Some(Found::Many(records)) => records
            .iter()
            .enumerate()
            .map(|(i, record)| {
                let number = i + 1;
                let doc = Document::in_file(rel, number, format!("{stem} #{number}"));
                fill_from_value(doc, record, number)
            })
            .collect(),
        Some(Found::One(record)) => vec![fill_from_object(Document::new(rel, stem), record, None)],
        None => vec![failed(
            rel,
            stem,
            "not read: no articles found (expected an array of records, an object with \
             articles/items/results/data, or one article with a text field)"
                .to_owned(),
        )],
    }
}

/// Reads a JSON Lines file: one record a line, `path#N` for line N (blank
/// lines skipped). A line that is not JSON is a problem for that line.
#[must_use]
pub fn read_json_lines(rel: &str, stem: &str, bytes: &[u8]) -> Vec<Document> {
    let text = match decode_bytes(bytes) {
        Ok((text, _)) => text,
        Err(reason) => return vec![failed(rel, stem, format!("not read: {reason}"))],
    };
    let mut docs = Vec::new();
    let mut broken = Broken::default();
    let mut good = 0usize;
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => {
                good += 1;
                let doc = Document::in_file(rel, number, format!("{stem} #{number}"));
                docs.push(fill_from_value(doc, &value, number));
            }
            Err(err) => {
                let problem = format!(
                    "line {number}, column {}: not JSON ({})",
                    err.column(),
                    without_position(&err)
                );
                if let Some(doc) = broken.note(rel, number, problem) {
                    docs.push(doc);
                }
            }
        }
    }
    if good == 0 && broken.count > 0 {
        return vec![failed(
            rel,
            stem,
            format!(
                "not read: not JSON Lines (none of its {} lines is JSON; first: {})",
                broken.count,
                broken.first.unwrap_or_default()
            ),
        )];
    }
    broken.summarise(rel, stem, "lines are not JSON", &mut docs);
    docs
}

/// Reads a CSV file with a header row: one record a row, `path#N` for data
/// row N (the header not counted). The delimiter (`,`, `;` or tab) is taken
/// from the header line.
#[must_use]
pub fn read_csv(rel: &str, stem: &str, bytes: &[u8]) -> Vec<Document> {
    let text = match decode_bytes(bytes) {
        Ok((text, _)) => text,
        Err(reason) => return vec![failed(rel, stem, format!("not read: {reason}"))],
    };
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (header_line.bytes().filter(|&b| b == d).count(), d == b','))
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(str::to_owned).collect(),
        Err(err) => return vec![failed(rel, stem, format!("not read: damaged CSV ({err})"))],
    };
    let known = |fields: &[&str]| {
        headers
            .iter()
            .any(|h| fields.contains(&normalise(h).as_str()))
    };
    if !known(TEXT_FIELDS) && !known(TITLE_FIELDS) {
        return vec![failed(
            rel,
            stem,
            format!(
                "not read: no text column (looked for {}; the header has: {})",
                TEXT_FIELDS.join(", "),
                headers.join(", ")
            ),
        )];
    }
    let mut docs = Vec::new();
    let mut broken = Broken::default();
    for (i, row) in reader.records().enumerate() {
        let number = i + 1;
        let row = match row {
            Ok(row) => row,
            Err(err) => {
                let problem = format!("row {number}: damaged CSV ({err})");
                if let Some(doc) = broken.note(rel, number, problem) {
                    docs.push(doc);
                }
                continue;
            }
        };
        let fields: Map<String, Value> = headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| (h.clone(), Value::String(v.to_owned())))
            .collect();
        let doc = Document::in_file(rel, number, format!("{stem} #{number}"));
        let mut doc = fill_from_object(doc, &fields, Some(number));
        if row.len() < headers.len() {
            let missing: Vec<&str> = headers
                .get(row.len()..)
                .unwrap_or_default()
                .iter()
                .map(String::as_str)
                .collect();
            doc.problems.push(format!(
                "row {number}: {} of {} columns, missing {}",
                row.len(),
                headers.len(),
                missing.join(", ")
            ));
        }
        docs.push(doc);
    }
    broken.summarise(rel, stem, "rows are damaged", &mut docs);
    docs
}

/// Counts broken records and makes problem documents for the first few.
#[derive(Default)]
struct Broken {
    count: usize,
    first: Option<String>,
}

impl Broken {
    /// Notes a broken record; returns its problem document while few are listed.
    fn note(&mut self, rel: &str, number: usize, problem: String) -> Option<Document> {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some(problem.clone());
        }
        (self.count <= MAX_LISTED_PROBLEMS).then(|| {
            let mut doc = Document::in_file(rel, number, format!("record {number}"));
            doc.problems.push(problem);
            doc
        })
    }

    /// When more were broken than listed: one problem on the file itself,
    /// placed first (the file's path sorts before its records').
    fn summarise(&self, rel: &str, stem: &str, what: &str, docs: &mut Vec<Document>) {
        if self.count > MAX_LISTED_PROBLEMS {
            docs.insert(
                0,
                failed(
                    rel,
                    stem,
                    format!(
                        "partly read: {} {what}; the first {MAX_LISTED_PROBLEMS} are listed",
                        self.count
                    ),
                ),
            );
        }
    }
}

/// A JSON error's message without serde's "at line 1 column 9" (a JSON
/// Lines record is always on line 1 of its own text).
fn without_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(&message).to_owned(),
        None => message,
    }
}

/// A document for the whole file with one problem.
fn failed(rel: &str, stem: &str, problem: String) -> Document {
    let mut doc = Document::new(rel, stem);
    doc.problems.push(problem);
    doc
}

/// Where a JSON value keeps its records.
enum Found<'a> {
    Many(&'a [Value]),
    One(&'a Map<String, Value>),
}

fn find_records(value: &Value, depth: usize) -> Option<Found<'_>> {
    match value {
        Value::Array(items) => Some(Found::Many(items)),
        Value::Object(object) => {
            for (key, inner) in object {
                if ARRAY_KEYS.contains(&normalise(key).as_str())
                    && let Value::Array(items) = inner
                {
                    return Some(Found::Many(items));
                }
            }
            let has = |fields: &[&str]| {
                object
                    .keys()
                    .any(|k| fields.contains(&normalise(k).as_str()))
            };
            if depth == 0 && has(TEXT_FIELDS) {
                return Some(Found::One(object));
            }
            if depth >= 3 {
                return None;
            }
            object
                .values()
                .filter(|v| v.is_object())
                .find_map(|v| find_records(v, depth + 1))
        }
        _ => None,
    }
}

/// A field name as matched: lower case, without `_`, `-` and spaces.
fn normalise(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

fn fill_from_value(mut doc: Document, value: &Value, number: usize) -> Document {
    match value {
        Value::Object(object) => fill_from_object(doc, object, Some(number)),
        other => {
            let kind = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "true or false",
                _ => "null",
            };
            doc.problems.push(format!(
                "record {number}: not read: {kind}, not a record ({{\"title\": …, \"text\": …}})"
            ));
            doc
        }
    }
}

/// Fills a document from one record's fields (and those of objects nested
/// one level down, as `fields.bodyText` in the Guardian's API).
fn fill_from_object(
    mut doc: Document,
    object: &Map<String, Value>,
    number: Option<usize>,
) -> Document {
    let mut fields: Vec<(String, &Value)> = object.iter().map(|(k, v)| (normalise(k), v)).collect();
    for inner in object.values() {
        if let Value::Object(inner) = inner {
            fields.extend(inner.iter().map(|(k, v)| (normalise(k), v)));
        }
    }
    let first_of = |names: &[&str]| -> Option<&Value> {
        names.iter().find_map(|name| {
            fields
                .iter()
                .find(|(k, v)| k == name && !is_empty(v))
                .map(|(_, v)| *v)
        })
    };
    let mut text = TEXT_FIELDS
        .iter()
        .enumerate()
        .filter_map(|(rank, name)| {
            let value = fields.iter().find(|(k, _)| k == name)?.1;
            let text = as_text(value)?;
            Some((text.len(), usize::MAX - rank, text))
        })
        .max()
        .map(|(_, _, text)| text)
        .unwrap_or_default();
    let title = first_of(TITLE_FIELDS)
        .and_then(as_text)
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    doc.metadata_dates.extend(
        DATE_FIELDS
            .iter()
            .filter_map(|name| {
                fields
                    .iter()
                    .find(|(k, _)| k == name)
                    .and_then(|(_, v)| parse_date(v))
            })
            .take(1),
    );
    if looks_like_html(&text) {
        text = read_html(&text).text;
    }
    if text.trim().is_empty() {
        if let Some(title) = &title {
            // A headline-only record still tells what happened.
            text.clone_from(title);
        } else {
            let found: Vec<&str> = object.keys().map(String::as_str).collect();
            let which = number.map_or_else(String::new, |n| format!("record {n}: "));
            doc.problems.push(format!(
                "{which}no title or text field (looked for {}; found: {})",
                TEXT_FIELDS.join(", "),
                found.join(", ")
            ));
        }
    }
    let fallback = doc.title.clone();
    doc.title = title.unwrap_or_else(|| title_from_text(&text, &fallback));
    doc.text = text.into();
    doc
}

fn is_empty(value: &Value) -> bool {
    as_text(value).is_none_or(|t| t.trim().is_empty())
}

/// A field's text: a string, or a list of strings (paragraphs).
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(strip_truncation(s).trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// Drops the `[+1234 chars]` that some APIs put after truncated content.
fn strip_truncation(text: &str) -> &str {
    let trimmed = text.trim_end();
    if let Some(open) = trimmed.rfind("[+")
        && let Some(inner) = trimmed.get(open + 2..)
        && let Some(count) = inner.strip_suffix(" chars]")
        && count.bytes().all(|b| b.is_ascii_digit())
    {
        return trimmed.get(..open).unwrap_or(trimmed);
    }
    text
}

fn looks_like_html(text: &str) -> bool {
    let lower = text
        .get(..text.len().min(4096))
        .unwrap_or(text)
        .to_ascii_lowercase();
    [
        "<p>", "<p ", "</p>", "<br", "<div", "</a>", "<html", "<span",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// A date field's day, as written: ISO 8601 (`2017-08-05T11:54:00Z`),
/// RFC 2822 (`Sat, 05 Aug 2017 …`), `August 5, 2017`, `5 August 2017`,
/// `2017/08/05`, or Unix time in seconds or milliseconds.
fn parse_date(value: &Value) -> Option<NaiveDate> {
    match value {
        Value::Number(n) => n.as_i64().and_then(from_epoch),
        Value::String(s) => parse_date_text(s.trim()),
        _ => None,
    }
}

fn parse_date_text(s: &str) -> Option<NaiveDate> {
    if s.len() >= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().and_then(from_epoch);
    }
    for format in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
    ] {
        if let Ok((date, _rest)) = NaiveDate::parse_and_remainder(s, format) {
            return Some(date);
        }
    }
    if let Ok(date) = DateTime::parse_from_rfc2822(s) {
        return Some(date.date_naive());
    }
    // "Sat, 05 Aug 2017" and the like without a time.
    let without_weekday = s.split_once(", ").map_or(s, |(_, rest)| rest);
    ["%d %b %Y", "%d %B %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_and_remainder(without_weekday, f).ok())
        .map(|(date, _)| date)
}

/// Unix time, in seconds or (when too large for seconds) milliseconds.
fn from_epoch(value: i64) -> Option<NaiveDate> {
    let seconds = if value.abs() >= 100_000_000_000 {
        value / 1000
    } else {
        value
    };
    DateTime::from_timestamp(seconds, 0).map(|d| d.date_naive())
}

#[cfg(test)]
mod tests {
    use super::{parse_date_text, read_csv, read_json, read_json_lines, strip_truncation};

    #[test]
    fn dates_in_the_shapes_apis_write() {
        for (text, want) in [
            ("2017-08-05T11:54:00Z", "2017-08-05"),
            ("2017-08-05", "2017-08-05"),
            ("Sat, 05 Aug 2017 23:30:00 +0300", "2017-08-05"),
            ("Sat, 5 Aug 2017", "2017-08-05"),
            ("August 5, 2017", "2017-08-05"),
            ("5 August 2017 10:00", "2017-08-05"),
            ("2017/08/05 10:00", "2017-08-05"),
            ("1501891200", "2017-08-05"),
            ("1501891200000", "2017-08-05"),
        ] {
            assert_eq!(
                parse_date_text(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        assert_eq!(parse_date_text("yesterday"), None);
    }

    #[test]
    fn truncation_marker_is_dropped() {
        assert_eq!(
            strip_truncation("Rogozin will visit … [+2345 chars]"),
            "Rogozin will visit … "
        );
        assert_eq!(
            strip_truncation("No marker [+x chars]"),
            "No marker [+x chars]"
        );
    }

    #[test]
    fn json_object_with_articles_newsapi_shape() {
        let json = r#"{"status":"ok","totalResults":2,"articles":[
            {"source":{"name":"Tehran Times"},"title":"Rogozin to visit Tehran","description":"Short.","content":"Rogozin is set to visit Iran on Saturday. [+120 chars]","publishedAt":"2017-08-05T11:54:00Z"},
            {"Headline":"Second","BODY":"<p>Leaders met in Tehran.</p>","pubDate":"Mon, 23 Jan 2023 10:00:00 GMT"}]}"#;
        let docs = read_json("feeds/news.json", "news", json.as_bytes());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].path, "feeds/news.json#1");
        assert_eq!(docs[0].title, "Rogozin to visit Tehran");
        assert_eq!(&*docs[0].text, "Rogozin is set to visit Iran on Saturday.");
        assert_eq!(docs[0].metadata_dates[0].to_string(), "2017-08-05");
        assert_eq!(docs[1].title, "Second");
        assert_eq!(&*docs[1].text, "Leaders met in Tehran.");
        assert_eq!(docs[1].metadata_dates[0].to_string(), "2023-01-23");
    }

    #[test]
    fn json_nested_results_and_single_article() {
        let guardian = r#"{"response":{"results":[{"webTitle":"T","webPublicationDate":"2019-03-01T00:00:00Z","fields":{"bodyText":"Zarif traveled to Moscow."}}]}}"#;
        let docs = read_json("g.json", "g", guardian.as_bytes());
        assert_eq!(&*docs[0].text, "Zarif traveled to Moscow.");
        assert_eq!(docs[0].metadata_dates[0].to_string(), "2019-03-01");
        let single =
            r#"{"headline":"One","articleBody":"Text here.","datePublished":"2020-02-02"}"#;
        let docs = read_json("one.json", "one", single.as_bytes());
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].path, "one.json");
        assert_eq!(docs[0].title, "One");
        let none = read_json("n.json", "n", br#"{"a": 1}"#);
        assert!(none[0].problems[0].contains("no articles found"));
        let bad = read_json("b.json", "b", b"{\"a\": ");
        assert!(bad[0].problems[0].contains("not valid JSON"));
    }

    #[test]
    fn json_lines_broken_line_is_its_own_problem() {
        let jsonl = "{\"title\":\"A\",\"text\":\"First.\",\"date\":\"2017-08-05\"}\n\n{\"title\": broken\n[1,2]\n{\"text\":\"Fourth.\"}\n";
        let docs = read_json_lines("f.jsonl", "f", jsonl.as_bytes());
        let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["f.jsonl#1", "f.jsonl#3", "f.jsonl#4", "f.jsonl#5"]);
        assert!(docs[0].problems.is_empty());
        assert_eq!(
            docs[1].problems[0],
            "line 3, column 11: not JSON (expected value)"
        );
        assert!(
            docs[2].problems[0].contains("an array"),
            "{:?}",
            docs[2].problems
        );
        assert_eq!(&*docs[3].text, "Fourth.");
        assert_eq!(docs[3].title, "f #5");
        let garbage = read_json_lines("g.jsonl", "g", b"not json\nnor this\n");
        assert_eq!(garbage.len(), 1);
        assert!(garbage[0].problems[0].contains("not JSON Lines"));
        let many: String = (0..30)
            .map(|i| ["broken ", &i.to_string(), "\n"].concat())
            .collect::<String>()
            + "{\"text\":\"ok\"}\n";
        let docs = read_json_lines("m.jsonl", "m", many.as_bytes());
        assert_eq!(docs.len(), 22);
        assert!(
            docs[0].problems[0].contains("30 lines are not JSON"),
            "{:?}",
            docs[0].problems
        );
    }

    #[test]
    fn csv_rows_columns_and_a_missing_cell() {
        let csv = "id;Title;Published_At;Description\n1;Rogozin to visit;2017-08-05;Rogozin is set to visit Iran on Saturday.\n2;Only a title\n";
        let docs = read_csv("c.csv", "c", csv.as_bytes());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].path, "c.csv#1");
        assert_eq!(docs[0].title, "Rogozin to visit");
        assert_eq!(&*docs[0].text, "Rogozin is set to visit Iran on Saturday.");
        assert_eq!(docs[0].metadata_dates[0].to_string(), "2017-08-05");
        assert!(
            docs[1].problems[0].contains("missing Published_At, Description"),
            "{:?}",
            docs[1].problems
        );
        let no_text = read_csv("n.csv", "n", b"id,url\n1,http://x\n");
        assert_eq!(no_text.len(), 1);
        assert!(no_text[0].problems[0].contains("no text column"));
    }
}
