//! `dateline tempeval PATH...`: scores the temporal engine on `TimeML` (`.tml`)
//! files the way TempEval-3 Task A does — strict and relaxed extraction
//! P/R/F1, and type and value F1 (attribute accuracy over relaxed pairs ×
//! relaxed F1). Each file is tagged with its document creation time as the
//! anchor; pairing follows the official toolkit (spans pair in reading order
//! when they overlap, each at most once).

use crate::temporal::Timex;
use anyhow::Context;
use chrono::NaiveDate;
use quick_xml::events::Event as XmlEvent;
use std::path::{Path, PathBuf};

/// A gold or system span, offsets in chars of the TEXT content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One `TimeML` document.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    /// The TEXT element's content, tags removed.
    pub text: String,
    /// The document creation time.
    pub dct: Option<NaiveDate>,
    /// Gold TIMEX3 spans inside TEXT.
    pub gold: Vec<Span>,
    /// Gold EVENT spans inside TEXT: `kind` is the class, `value` the id.
    pub events: Vec<Span>,
}

impl TmlDoc {
    /// The text of a span (char offsets).
    #[must_use]
    pub fn text_of(&self, s: &Span) -> String {
        self.text
            .chars()
            .skip(s.start)
            .take(s.end - s.start)
            .collect()
    }
}

/// The `.tml` files under `paths` read, each named by its file stem.
///
/// # Errors
/// When a file cannot be read or is not well-formed XML.
pub fn read_tml_docs(paths: &[PathBuf]) -> anyhow::Result<Vec<(String, TmlDoc)>> {
    tml_files(paths)
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_tml(&p).map(|d| (name, d))
        })
        .collect()
}

/// An open element's span (start, kind, value), closed at `end`.
type OpenSpan = Option<(usize, String, String)>;

/// Closes an open element's span into `spans`.
fn close_span(open: &mut OpenSpan, end: usize, spans: &mut Vec<Span>) {
    if let Some((start, kind, value)) = open.take() {
        spans.push(Span {
            start,
            end,
            kind,
            value,
        });
    }
}

/// An attribute's unescaped value, empty when it is missing.
fn attribute(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> String {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(std::borrow::Cow::into_owned))
        .unwrap_or_default()
}

/// Reads a `.tml` file.
///
/// # Errors
/// When the file cannot be read or is not well-formed XML.
pub fn read_tml(path: &Path) -> anyhow::Result<TmlDoc> {
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut doc = TmlDoc {
        text: String::new(),
        dct: None,
        gold: Vec::new(),
        events: Vec::new(),
    };
    let (mut in_text, mut in_dct) = (false, false);
    let mut open: OpenSpan = None;
    let mut open_event: OpenSpan = None;
    let mut chars = 0usize;
    loop {
        match reader
            .read_event()
            .with_context(|| format!("parsing {}", path.display()))?
        {
            XmlEvent::Start(e) => match e.name().as_ref() {
                b"TEXT" => in_text = true,
                b"DCT" => in_dct = true,
                b"TIMEX3" => {
                    let attr = |name: &[u8]| attribute(&e, name);
                    let (kind, value) = (attr(b"type"), attr(b"value"));
                    if in_dct || attr(b"functionInDocument") == "CREATION_TIME" {
                        doc.dct = value.get(..10).and_then(|v| v.parse().ok()).or(doc.dct);
                    }
                    if in_text {
                        open = Some((chars, kind, value));
                    }
                }
                b"EVENT" if in_text => {
                    let attr = |name: &[u8]| attribute(&e, name);
                    open_event = Some((chars, attr(b"class"), attr(b"eid")));
                }
                _ => {}
            },
            XmlEvent::End(e) => match e.name().as_ref() {
                b"TEXT" => in_text = false,
                b"DCT" => in_dct = false,
                b"TIMEX3" => close_span(&mut open, chars, &mut doc.gold),
                b"EVENT" => close_span(&mut open_event, chars, &mut doc.events),
                _ => {}
            },
            XmlEvent::Text(t) if in_text => {
                let text = t
                    .xml_content()
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                chars += text.chars().count();
                doc.text.push_str(&text);
            }
            XmlEvent::GeneralRef(r) if in_text => {
                let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                let decoded = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                };
                chars += decoded.chars().count();
                doc.text.push_str(decoded);
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    Ok(doc)
}

/// TempEval-3 pairing: in reading order, a span that starts while the other
/// side's span is open takes its id (once); returns (gold, system) index pairs.
#[must_use]
pub fn align(gold: &[Span], system: &[Span]) -> Vec<(usize, usize)> {
    let sides = [gold, system];
    let mut events: Vec<(usize, usize, usize)> = sides
        .iter()
        .enumerate()
        .flat_map(|(side, spans)| {
            spans
                .iter()
                .enumerate()
                .map(move |(i, s)| (s.start, side, i))
        })
        .collect();
    events.sort_by_key(|&(start, side, i)| (start, side, sides[side][i].end));
    let mut open: [Option<(usize, usize)>; 2] = [None, None];
    let mut last_local = [0usize; 2];
    let mut next_id = 1usize;
    let mut ids: [Vec<(usize, usize)>; 2] = [Vec::new(), Vec::new()];
    let mut k = 0;
    while k < events.len() {
        let p = events[k].0;
        let mut starting: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        while k < events.len() && events[k].0 == p {
            starting[events[k].1].push(events[k].2);
            k += 1;
        }
        for side in 0..2 {
            if open[side].is_some_and(|(end, _)| end <= p) || !starting[side].is_empty() {
                open[side] = None;
            }
        }
        for side in 0..2 {
            for &i in &starting[side] {
                let id = match open[1 - side] {
                    Some((end, other)) if end > p && last_local[side] < other => other,
                    _ => {
                        next_id += 1;
                        next_id - 1
                    }
                };
                last_local[side] = id;
                open[side] = Some((sides[side][i].end, id));
                ids[side].push((i, id));
            }
        }
    }
    let by_id: std::collections::HashMap<usize, usize> =
        ids[1].iter().map(|&(i, id)| (id, i)).collect();
    let mut pairs: Vec<(usize, usize)> = ids[0]
        .iter()
        .filter_map(|&(g, id)| by_id.get(&id).map(|&s| (g, s)))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// TempEval-3 figures over a set of documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Documents scored.
    pub docs: usize,
    /// Gold spans.
    pub gold: usize,
    /// System spans.
    pub system: usize,
    /// Pairs (relaxed matches).
    pub relaxed: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    /// Pairs with the right type.
    pub type_ok: usize,
    /// Pairs with the right value.
    pub value_ok: usize,
    /// Seconds spent tagging.
    pub tag_secs: f64,
    /// Characters tagged.
    pub chars: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

impl Report {
    /// Pairs one document's gold and system spans and adds up the counts
    /// (spans, relaxed and strict matches, right types and values).
    fn count(&mut self, gold: &[Span], system: &[Span]) -> Vec<(usize, usize)> {
        let pairs = align(gold, system);
        self.gold += gold.len();
        self.system += system.len();
        self.relaxed += pairs.len();
        for &(g, s) in &pairs {
            let (g, s) = (&gold[g], &system[s]);
            self.strict += usize::from(g.start == s.start && g.end == s.end);
            self.type_ok += usize::from(g.kind == s.kind);
            self.value_ok += usize::from(g.value == s.value);
        }
        pairs
    }

    /// (P, R, F1) for a match count.
    #[must_use]
    pub fn prf(&self, matches: usize) -> (f64, f64, f64) {
        let p = if self.system > 0 {
            matches as f64 / self.system as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            matches as f64 / self.gold as f64
        } else {
            0.0
        };
        (p, r, f1(p, r))
    }

    /// Attribute F1 = accuracy over relaxed pairs × relaxed F1.
    #[must_use]
    pub fn attribute_f1(&self, correct: usize) -> f64 {
        let accuracy = if self.relaxed > 0 {
            correct as f64 / self.relaxed as f64
        } else {
            0.0
        };
        accuracy * self.prf(self.relaxed).2
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sp, sr, sf) = self.prf(self.strict);
        let (rp, rr, rf) = self.prf(self.relaxed);
        writeln!(
            f,
            "documents {}  gold {}  system {}",
            self.docs, self.gold, self.system
        )?;
        writeln!(f, "strict   P {sp:.4}  R {sr:.4}  F1 {sf:.4}")?;
        writeln!(f, "relaxed  P {rp:.4}  R {rr:.4}  F1 {rf:.4}")?;
        writeln!(f, "type F1  {:.4}", self.attribute_f1(self.type_ok))?;
        writeln!(f, "value F1 {:.4}", self.attribute_f1(self.value_ok))?;
        if self.tag_secs > 0.0 {
            writeln!(
                f,
                "speed    {:.1} MB/s of text (one core)",
                self.chars as f64 / self.tag_secs / 1e6
            )?;
        }
        Ok(())
    }
}

/// `.tml` files under the given paths (files or folders), sorted.
#[must_use]
pub fn tml_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = paths
        .iter()
        .flat_map(|p| walkdir::WalkDir::new(p).into_iter().filter_map(Result::ok))
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    files
}

/// Scores a tagger on the documents; with `errors`, prints each mismatch.
/// `tag` tags one text against its creation time; the caller times it (the
/// core never reads the clock) and fills in `tag_secs`.
#[must_use]
pub fn evaluate(
    docs: &[(String, TmlDoc)],
    tag: &mut dyn FnMut(&str, Option<NaiveDate>) -> Vec<Timex>,
    errors: bool,
) -> Report {
    let mut report = Report {
        docs: docs.len(),
        ..Report::default()
    };
    for (name, doc) in docs {
        let found = tag(&doc.text, doc.dct);
        report.chars += doc.text.len();
        let map = crate::text::CharMap::new(&doc.text);
        let system: Vec<Span> = found
            .iter()
            .map(|t| Span {
                start: map.char_of(t.start),
                end: map.char_of(t.end),
                kind: t.kind.as_str().to_owned(),
                value: t.value.clone(),
            })
            .collect();
        let pairs = report.count(&doc.gold, &system);
        let text_of = |s: &Span| doc.text_of(s);
        for &(g, s) in &pairs {
            let (g, s) = (&doc.gold[g], &system[s]);
            if errors
                && (g.value != s.value || g.kind != s.kind || g.start != s.start || g.end != s.end)
            {
                println!(
                    "{name}\tDIFF\tgold {:?} {} {}\tsys {:?} {} {}",
                    text_of(g),
                    g.kind,
                    g.value,
                    text_of(s),
                    s.kind,
                    s.value
                );
            }
        }
        if errors {
            for (i, g) in doc.gold.iter().enumerate() {
                if !pairs.iter().any(|&(gi, _)| gi == i) {
                    println!("{name}\tMISS\tgold {:?} {} {}", text_of(g), g.kind, g.value);
                }
            }
            for (i, s) in system.iter().enumerate() {
                if !pairs.iter().any(|&(_, si)| si == i) {
                    println!("{name}\tFP\tsys {:?} {} {}", text_of(s), s.kind, s.value);
                }
            }
        }
    }
    report
}

/// A detected mention: byte span and class.
pub type DetectedSpan = (usize, usize, &'static str);

/// Scores an event-mention detector against the documents' gold EVENTs:
/// strict and relaxed extraction, and the class as the "type" (EVENTs
/// have no value: `value_ok` means nothing here). `detect` gives byte
/// spans with their class; with `errors`, prints each miss, false alarm and
/// wrong class.
#[must_use]
pub fn evaluate_events(
    docs: &[(String, TmlDoc)],
    detect: &mut dyn FnMut(&str) -> Vec<DetectedSpan>,
    errors: bool,
) -> Report {
    let mut report = Report {
        docs: docs.len(),
        ..Report::default()
    };
    for (name, doc) in docs {
        let map = crate::text::CharMap::new(&doc.text);
        let system: Vec<Span> = detect(&doc.text)
            .into_iter()
            .map(|(start, end, class)| Span {
                start: map.char_of(start),
                end: map.char_of(end),
                kind: class.to_owned(),
                value: String::new(),
            })
            .collect();
        report.chars += doc.text.len();
        let pairs = report.count(&doc.events, &system);
        if errors {
            let text_of = |s: &Span| doc.text_of(s);
            for (i, g) in doc.events.iter().enumerate() {
                match pairs.iter().find(|&&(gi, _)| gi == i) {
                    None => println!("{name}\tMISS\t{:?} {}", text_of(g), g.kind),
                    Some(&(_, si)) if system[si].kind != g.kind => println!(
                        "{name}\tCLASS\t{:?} gold {} sys {}",
                        text_of(g),
                        g.kind,
                        system[si].kind
                    ),
                    Some(_) => {}
                }
            }
            for (i, s) in system.iter().enumerate() {
                if !pairs.iter().any(|&(_, si)| si == i) {
                    println!("{name}\tFP\t{:?} {}", text_of(s), s.kind);
                }
            }
        }
    }
    report
}

impl Report {
    /// The event-mention figures, one per line.
    #[must_use]
    pub fn events_summary(&self) -> String {
        let (sp, sr, sf) = self.prf(self.strict);
        let (rp, rr, rf) = self.prf(self.relaxed);
        format!(
            "documents {}  gold {}  system {}\nstrict   P {sp:.4}  R {sr:.4}  F1 {sf:.4}\nrelaxed  P {rp:.4}  R {rr:.4}  F1 {rf:.4}\nclass F1 {:.4}\n",
            self.docs,
            self.gold,
            self.system,
            self.attribute_f1(self.type_ok)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::{Span, align};

    fn s(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            kind: String::new(),
            value: String::new(),
        }
    }

    #[test]
    fn overlapping_spans_pair_once_in_reading_order() {
        let gold = [s(0, 5), s(10, 20), s(30, 35)];
        let system = [s(2, 4), s(12, 14), s(15, 18), s(40, 45)];
        assert_eq!(align(&gold, &system), vec![(0, 0), (1, 1)]);
    }
}
