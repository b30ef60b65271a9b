//! JSON Lines: the export for very large archives, one record per line, so
//! that shards extracted in parallel (one `dateline export --shard I/N` job
//! each) concatenate into one file, and that file opens again — in the app
//! or in `dateline merge` — as a whole [`Analysis`].
//!
//! Records (the `record` field says which):
//! - `header`: `{"record":"header","format":"dateline-jsonl","version":1}`;
//! - `document`: the JSON contract's document fields plus `text`, the
//!   document's whole text, so the source pane and re-merging work;
//! - `event`, `timex`: exactly the JSON contract's entries (char offsets);
//! - `problem`: a file or folder the walk could not read (`path`, `message`).
//!
//! Reading is lenient: a broken line is reported and skipped.

use super::json::{ExportDocument, ExportEvent, ExportTimex, to_export};
use crate::analysis::{Analysis, DocAnalysis, Event, Problem};
use crate::corpus::{Document, Published, PublishedSource};
use crate::events::{EventKind, Modality};
use crate::temporal::{Timex, TimexType};
use crate::text::{CharMap, Sentence};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, Write};

/// The header's `format`.
pub const FORMAT: &str = "dateline-jsonl";
/// The header's `version`.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum RecordOut<'a> {
    Header {
        format: &'static str,
        version: u32,
    },
    Document {
        #[serde(flatten)]
        doc: &'a ExportDocument,
        text: &'a str,
    },
    Event(&'a ExportEvent),
    Timex(&'a ExportTimex),
    Problem {
        path: &'a str,
        message: &'a str,
    },
}

/// Writes `analysis` as JSON Lines.
///
/// # Errors
/// When writing fails.
pub fn write_jsonl(analysis: &Analysis, out: &mut dyn Write) -> std::io::Result<()> {
    let export = to_export(analysis);
    let mut line = |record: &RecordOut<'_>| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")
    };
    line(&RecordOut::Header {
        format: FORMAT,
        version: VERSION,
    })?;
    // `to_export` lists the documents first, then the walk's problems.
    for (doc, analysed) in export.documents.iter().zip(&analysis.docs) {
        line(&RecordOut::Document {
            doc,
            text: &analysed.doc.text,
        })?;
    }
    for problem in &analysis.problems {
        line(&RecordOut::Problem {
            path: &problem.path,
            message: &problem.message,
        })?;
    }
    for event in &export.events {
        line(&RecordOut::Event(event))?;
    }
    for timex in &export.timexes {
        line(&RecordOut::Timex(timex))?;
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(tag = "record", rename_all = "lowercase")]
enum RecordIn {
    Header {
        format: String,
        version: u32,
    },
    Document {
        path: String,
        #[serde(default)]
        title: String,
        published: Option<NaiveDate>,
        published_source: Option<String>,
        #[serde(default)]
        problems: Vec<String>,
        #[serde(default)]
        text: String,
    },
    Event(EventIn),
    Timex(TimexIn),
    Problem {
        path: String,
        message: String,
    },
}

#[derive(Deserialize)]
struct EventIn {
    id: String,
    doc: String,
    kind: EventKind,
    date: Option<String>,
    range: Option<[NaiveDate; 2]>,
    time_text: Option<String>,
    sentence: [usize; 2],
    trigger: [usize; 2],
    #[serde(default)]
    actors: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    place: Option<String>,
    #[serde(default)]
    modality: Modality,
    #[serde(default)]
    date_source: Option<crate::events::DateSource>,
    #[serde(default)]
    rule: String,
}

#[derive(Deserialize)]
struct TimexIn {
    doc: String,
    span: [usize; 2],
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    range: Option<[NaiveDate; 2]>,
    #[serde(default)]
    rule: String,
}

/// What [`read_jsonl`] made of its input.
#[derive(Debug, Default)]
pub struct JsonlRead {
    /// The analysis (events merged across all inputs).
    pub analysis: Analysis,
    /// Lines that could not be used, as "where: why".
    pub problems: Vec<String>,
}

/// Reads one or more JSON Lines exports (shards) into one analysis, and
/// merges the mentions of the same event across them.
///
/// `inputs` are `(name, reader)` pairs; the name is used in problems.
pub fn read_jsonl<'a>(
    inputs: impl IntoIterator<Item = (String, Box<dyn BufRead + 'a>)>,
) -> JsonlRead {
    let mut builder = Builder::default();
    for (name, reader) in inputs {
        for (n, line) in reader.lines().enumerate() {
            let line = match line {
                Ok(line) => line,
                Err(err) => {
                    builder.problems.push(format!("{name}: {err}"));
                    break;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<RecordIn>(&line) {
                Ok(record) => builder.add(record, &name),
                Err(err) => builder
                    .problems
                    .push(format!("{name} line {}: {err}", n + 1)),
            }
        }
    }
    builder.finish()
}

/// Whether `first_line` starts a Dateline JSON Lines export (rather than,
/// say, a news-API dump in JSON Lines).
#[must_use]
pub fn is_dateline_jsonl(first_line: &str) -> bool {
    matches!(
        serde_json::from_str::<RecordIn>(first_line),
        Ok(RecordIn::Header { format, .. }) if format == FORMAT
    )
}

#[derive(Default)]
struct Builder {
    docs: Vec<DocAnalysis>,
    by_path: HashMap<String, usize>,
    events: Vec<(EventIn, usize)>,
    timexes: Vec<(TimexIn, usize)>,
    walk: Vec<Problem>,
    problems: Vec<String>,
}

impl Builder {
    fn add(&mut self, record: RecordIn, name: &str) {
        match record {
            RecordIn::Header { format, version } => {
                if format != FORMAT || version > VERSION {
                    self.problems.push(format!(
                        "{name}: written as {format} version {version}; this Dateline reads {FORMAT} up to version {VERSION}"
                    ));
                }
            }
            RecordIn::Document {
                path,
                title,
                published,
                published_source,
                problems,
                text,
            } => {
                if self.by_path.contains_key(&path) {
                    self.problems.push(format!(
                        "{name}: document {path} appears twice; kept the first"
                    ));
                    return;
                }
                let source = match published_source.as_deref() {
                    Some("metadata") => PublishedSource::Metadata,
                    Some("filename") => PublishedSource::Filename,
                    Some("user") => PublishedSource::User,
                    _ => PublishedSource::Text,
                };
                let record = path
                    .rsplit_once('#')
                    .and_then(|(_, n)| n.parse::<usize>().ok());
                let chars = CharMap::new(&text);
                let doc = Document {
                    path: path.clone(),
                    title,
                    text: text.into(),
                    problems,
                    record,
                    ..Document::default()
                };
                self.by_path.insert(path, self.docs.len());
                self.docs.push(DocAnalysis {
                    doc,
                    published: published.map(|date| Published {
                        date,
                        source,
                        confidence: 1.0,
                        span: None,
                    }),
                    sentences: Vec::new(),
                    timexes: Vec::new(),
                    chars,
                    year_suggestion: None,
                });
            }
            RecordIn::Event(event) => match self.by_path.get(&event.doc) {
                Some(&doc) => self.events.push((event, doc)),
                None => self.problems.push(format!(
                    "{name}: event {} of unknown document {}",
                    event.id, event.doc
                )),
            },
            RecordIn::Timex(timex) => {
                if let Some(&doc) = self.by_path.get(&timex.doc) {
                    self.timexes.push((timex, doc));
                }
            }
            RecordIn::Problem { path, message } => self.walk.push(Problem { path, message }),
        }
    }

    fn finish(mut self) -> JsonlRead {
        // Shards come in any order: documents go back to path order (a
        // file's articles by their number), as a folder read gives them.
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| {
                self.docs
                    .get(i)
                    .map(|d| (d.doc.file_path().to_owned(), d.doc.record))
            };
            key(a).cmp(&key(b))
        });
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut docs: Vec<Option<DocAnalysis>> = self.docs.drain(..).map(Some).collect();
        self.docs = order
            .iter()
            .filter_map(|&old| docs.get_mut(old).and_then(Option::take))
            .collect();
        for (_, doc) in &mut self.events {
            *doc = new_index.get(*doc).copied().unwrap_or(*doc);
        }
        for (_, doc) in &mut self.timexes {
            *doc = new_index.get(*doc).copied().unwrap_or(*doc);
        }
        for (t, doc) in std::mem::take(&mut self.timexes) {
            let Some(d) = self.docs.get_mut(doc) else {
                continue;
            };
            let kind = match t.kind.as_str() {
                "TIME" => TimexType::Time,
                "DURATION" => TimexType::Duration,
                "SET" => TimexType::Set,
                _ => TimexType::Date,
            };
            d.timexes.push(Timex {
                start: d.chars.byte_of(t.span[0]),
                end: d.chars.byte_of(t.span[1]),
                kind,
                value: t.value,
                modifier: t.modifier.map(crate::text::names::intern),
                range: t.range.map(|[a, b]| (a, b)),
                rule: crate::text::names::intern(t.rule),
                needs_anchor: false,
            });
        }
        for d in &mut self.docs {
            d.timexes.sort_by_key(|t| (t.start, t.end));
        }
        let mut events: Vec<Event> = std::mem::take(&mut self.events)
            .into_iter()
            .filter_map(|(e, doc)| {
                let d = self.docs.get_mut(doc)?;
                let bytes = |[a, b]: [usize; 2]| (d.chars.byte_of(a), d.chars.byte_of(b));
                let sentence = bytes(e.sentence);
                let trigger = bytes(e.trigger);
                // The dating expression: the one with its text, inside the
                // sentence if there is one, else the nearest (an earlier
                // sentence can date an event).
                let timex = e.time_text.as_deref().and_then(|text| {
                    d.timexes
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| d.doc.text.get(t.start..t.end) == Some(text))
                        .min_by_key(|(_, t)| {
                            let inside = t.start >= sentence.0 && t.end <= sentence.1;
                            (!inside, t.start.abs_diff(sentence.0))
                        })
                        .map(|(i, _)| i)
                });
                d.sentences.push(Sentence {
                    start: sentence.0,
                    end: sentence.1,
                });
                Some(Event {
                    id: e.id,
                    doc,
                    kind: e.kind,
                    rule: crate::text::names::intern(e.rule),
                    sentence,
                    trigger,
                    timex,
                    date: e.date,
                    range: e.range.map(|[a, b]| (a, b)),
                    actors: e
                        .actors
                        .into_iter()
                        .map(crate::text::names::intern)
                        .collect(),
                    people: e.people,
                    place: e.place,
                    modality: e.modality,
                    date_source: e.date_source,
                    merged_with: crate::analysis::Merged::default(),
                    edit: None,
                })
            })
            .collect();
        for d in &mut self.docs {
            d.sentences.sort_by_key(|s| (s.start, s.end));
            d.sentences.dedup();
        }
        // The analysis keeps events in document, then text order.
        events.sort_by_key(|e| (e.doc, e.trigger.0));
        let root = self
            .docs
            .first()
            .map(|_| std::path::PathBuf::new())
            .unwrap_or_default();
        let mut analysis = Analysis {
            root,
            docs: self.docs,
            events,
            problems: self.walk,
        };
        analysis.merge_mentions();
        JsonlRead {
            analysis,
            problems: self.problems,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_dateline_jsonl, read_jsonl, write_jsonl};
    use crate::analysis::Options;
    use crate::ingest::{Progress, analyze_folder};
    use std::io::BufRead;

    fn input(name: &str, bytes: Vec<u8>) -> (String, Box<dyn BufRead>) {
        (name.to_owned(), Box::new(std::io::Cursor::new(bytes)))
    }

    #[test]
    fn an_export_reads_back_to_the_same_contract() {
        let analysis = analyze_folder(
            &crate::sample_folder(),
            &Options::default(),
            &Progress::default(),
        )
        .expect("samples");
        let mut bytes = Vec::new();
        write_jsonl(&analysis, &mut bytes).expect("write");
        let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        assert!(is_dateline_jsonl(&String::from_utf8_lossy(first)));
        let back = read_jsonl([input("all.jsonl", bytes)]);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        let expected = serde_json::to_value(crate::export::to_export(&analysis)).ok();
        let got = serde_json::to_value(crate::export::to_export(&back.analysis)).ok();
        let events = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v["events"].clone());
        let timexes = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v["timexes"].clone());
        assert_eq!(events(&got), events(&expected));
        assert_eq!(timexes(&got), timexes(&expected));
    }

    #[test]
    fn shards_merge_across_files_and_broken_lines_are_reported() {
        // Two articles reporting the same meeting, one per shard.
        let dir = std::env::temp_dir().join(format!("dateline-jsonl-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(
            dir.join("a.txt"),
            "MOSCOW, May 4, 2022 - Russian President Vladimir Putin met Iranian President Ebrahim Raisi in Moscow on Tuesday, the Kremlin said.\n",
        );
        let _ = std::fs::write(
            dir.join("b.txt"),
            "TEHRAN, May 5, 2022 - Iranian President Ebrahim Raisi met Russian President Vladimir Putin in Moscow on May 3, state media reported.\n",
        );
        let analysis =
            analyze_folder(&dir, &Options::default(), &Progress::default()).expect("folder");
        let _ = std::fs::remove_dir_all(&dir);
        let across = |a: &crate::analysis::Analysis| {
            a.events
                .iter()
                .filter(|e| {
                    e.merged_with
                        .iter()
                        .any(|m| a.events.iter().any(|o| &o.id == m && o.doc != e.doc))
                })
                .count()
        };
        assert!(across(&analysis) >= 2, "the two reports merge");
        // Two shards, split by document; merges across them are found again.
        let half = analysis.docs.len() / 2;
        let shard = |keep: &dyn Fn(usize) -> bool| {
            let mut part = analysis.clone();
            let kept: Vec<usize> = (0..part.docs.len()).filter(|&i| keep(i)).collect();
            part.events.retain(|e| keep(e.doc));
            for e in &mut part.events {
                e.doc = kept.iter().position(|&k| k == e.doc).unwrap_or(0);
            }
            part.docs = kept.iter().map(|&i| analysis.docs[i].clone()).collect();
            part.merge_mentions();
            let mut bytes = Vec::new();
            write_jsonl(&part, &mut bytes).expect("write");
            bytes
        };
        let mut second = shard(&|i| i >= half);
        second.extend_from_slice(b"{\"record\": \"event\", broken\n");
        let back = read_jsonl([input("a", shard(&|i| i < half)), input("b", second)]);
        assert_eq!(back.problems.len(), 1, "{:?}", back.problems);
        assert!(
            back.problems[0].starts_with("b line"),
            "{:?}",
            back.problems
        );
        let merged = |a: &crate::analysis::Analysis| {
            let mut m: Vec<(String, Vec<String>)> = a
                .events
                .iter()
                .map(|e| (e.id.clone(), e.merged_with.ids()))
                .collect();
            m.sort();
            m
        };
        assert_eq!(merged(&back.analysis), merged(&analysis));
        assert_eq!(across(&back.analysis), across(&analysis));
    }

    #[test]
    fn a_news_api_dump_is_not_taken_for_an_export() {
        assert!(!is_dateline_jsonl(r#"{"title": "x", "content": "y"}"#));
        assert!(!is_dateline_jsonl("not json"));
    }
}
