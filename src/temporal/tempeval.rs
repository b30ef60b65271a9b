//! TempEval-3 Task A evaluation (TIMEX3 extraction and normalisation) on
//! `TimeML` `.tml` files.
//!
//! Each file's DCT (the TIMEX3 with `functionInDocument="CREATION_TIME"`)
//! is the anchor; the gold TIMEX3 are those inside `<TEXT>`. The TEXT
//! content (whitespace-trimmed, as `make_inputs.py` does) is tagged and the
//! system spans are paired with the gold ones exactly as the project's
//! `score.py` (and TimeML-Normalizer) do: in reading order, a span that
//! starts while a span of the other side is open takes that span's id,
//! unless its side already used it. Offsets are in characters.
//!
//! Scores: strict and relaxed precision/recall/F1, and type and value F1
//! (attribute accuracy over relaxed pairs × relaxed F1, as the official
//! toolkit computes them).

use super::{Tagger, Timex};
use anyhow::{Context, Result, anyhow};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::fmt;
use std::path::PathBuf;

/// One annotated span, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// TIMEX3 type ("DATE", …).
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// Precision, recall and F1 of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn of(matched: usize, system: usize, gold: usize) -> Self {
        let precision = if system == 0 { 0.0 } else { matched as f64 / system as f64 };
        let recall = if gold == 0 { 0.0 } else { matched as f64 / gold as f64 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Self { precision, recall, f1 }
    }
}

/// TempEval-3 Task A figures over a set of documents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TempevalReport {
    /// Documents read.
    pub documents: usize,
    /// Gold TIMEX3 (consuming ones, inside TEXT).
    pub gold: usize,
    /// System TIMEX3.
    pub system: usize,
    /// Pairs with identical spans.
    pub strict_matches: usize,
    /// Pairs (any overlap).
    pub relaxed_matches: usize,
    /// Pairs with the same type.
    pub type_correct: usize,
    /// Pairs with the same value.
    pub value_correct: usize,
    /// Strict extraction.
    pub strict: Prf,
    /// Relaxed extraction.
    pub relaxed: Prf,
    /// Type accuracy over relaxed pairs × relaxed F1.
    pub type_f1: f64,
    /// Value accuracy over relaxed pairs × relaxed F1.
    pub value_f1: f64,
}

impl fmt::Display for TempevalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| 100.0 * x;
        writeln!(f, "docs {}  gold TIMEX3 {}  system TIMEX3 {}", self.documents, self.gold, self.system)?;
        writeln!(f, "              F1      P      R")?;
        for (name, m, n) in [("strict ", self.strict, self.strict_matches), ("relaxed", self.relaxed, self.relaxed_matches)] {
            writeln!(f, "{name}    {:6.2} {:6.2} {:6.2}   ({n} matched)", pct(m.f1), pct(m.precision), pct(m.recall))?;
        }
        writeln!(f, "type F1    {:6.2}", pct(self.type_f1))?;
        write!(f, "value F1   {:6.2}", pct(self.value_f1))
    }
}

/// A parsed `.tml` document: DCT value, TEXT content (trimmed) and gold spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmlDoc {
    /// The DCT's value ("1998-08-07", maybe with a time).
    pub dct: String,
    /// TEXT content with tags removed, trimmed.
    pub text: String,
    /// Gold TIMEX3 in `text`, in characters.
    pub gold: Vec<EvalSpan>,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(std::borrow::Cow::into_owned))
}

/// Parses one `TimeML` document.
pub fn parse_tml(xml: &str) -> Result<TmlDoc> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut dct = None;
    let mut in_text = false;
    let mut raw = String::new();
    let mut chars = 0usize;
    // Open TIMEX3 inside TEXT: (start char, type, value).
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut spans: Vec<EvalSpan> = Vec::new();
    loop {
        match reader.read_event().context("reading TimeML")? {
            Event::Start(e) => match e.name().as_ref() {
                b"TEXT" => in_text = true,
                b"TIMEX3" => {
                    if attr(&e, b"functionInDocument").as_deref() == Some("CREATION_TIME") {
                        dct = dct.or_else(|| attr(&e, b"value"));
                    }
                    if in_text {
                        open.push((chars, attr(&e, b"type").unwrap_or_default(), attr(&e, b"value").unwrap_or_default()));
                    }
                }
                _ => {}
            },
            Event::Empty(e) if e.name().as_ref() == b"TIMEX3" && attr(&e, b"functionInDocument").as_deref() == Some("CREATION_TIME") => {
                dct = dct.or_else(|| attr(&e, b"value"));
            }
            Event::End(e) => match e.name().as_ref() {
                b"TEXT" => in_text = false,
                b"TIMEX3" if in_text => {
                    if let Some((start, kind, value)) = open.pop() {
                        spans.push(EvalSpan { start, end: chars, kind, value });
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let s = t.unescape().context("unescaping TimeML text")?;
                chars += s.chars().count();
                raw.push_str(&s);
            }
            Event::CData(t) if in_text => {
                let s = String::from_utf8_lossy(&t);
                chars += s.chars().count();
                raw.push_str(&s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let dct = dct.ok_or_else(|| anyhow!("no CREATION_TIME TIMEX3"))?;
    let trimmed_start = raw.trim_start();
    let lead = raw.chars().count() - trimmed_start.chars().count();
    let text = trimmed_start.trim_end().to_owned();
    let raw_chars: Vec<char> = raw.chars().collect();
    let mut gold: Vec<EvalSpan> = spans
        .into_iter()
        .filter(|s| s.end > s.start && raw_chars.get(s.start..s.end).is_some_and(|cs| cs.iter().any(|c| !c.is_whitespace())))
        .map(|s| EvalSpan { start: s.start - lead.min(s.start), end: s.end - lead.min(s.end), ..s })
        .collect();
    gold.sort_by_key(|s| (s.start, s.end));
    Ok(TmlDoc { dct, text, gold })
}

/// System spans of `tags` over `text`, converted to character offsets.
#[must_use]
pub fn to_char_spans(text: &str, tags: &[Timex]) -> Vec<EvalSpan> {
    let mut out: Vec<EvalSpan> = tags
        .iter()
        .filter_map(|t| {
            let piece = text.get(t.start..t.end)?;
            if piece.trim().is_empty() {
                return None;
            }
            let start = text.get(..t.start)?.chars().count();
            Some(EvalSpan { start, end: start + piece.chars().count(), kind: t.kind.as_str().to_owned(), value: t.value.clone() })
        })
        .collect();
    out.sort_by_key(|s| (s.start, s.end));
    out
}

/// Pairs gold and system spans as TimeML-Normalizer assigns timex ids
/// (see `score.py`): returns (gold index, system index) pairs.
#[must_use]
pub fn align(gold: &[EvalSpan], system: &[EvalSpan]) -> Vec<(usize, usize)> {
    let sides = [gold, system];
    // (start, side, index), ordered by start, side, end.
    let mut events: Vec<(usize, usize, usize)> = Vec::new();
    for (side, spans) in sides.iter().enumerate() {
        for (i, s) in spans.iter().enumerate() {
            events.push((s.start, side, i));
        }
    }
    let end_of = |side: usize, i: usize| sides.get(side).and_then(|s| s.get(i)).map_or(0, |s| s.end);
    events.sort_by_key(|&(start, side, i)| (start, side, end_of(side, i)));
    let mut open: [Option<(usize, usize)>; 2] = [None, None];
    let mut last_local = [0usize; 2];
    let mut next_id = 1usize;
    let mut ids: [Vec<(usize, usize)>; 2] = [Vec::new(), Vec::new()];
    let mut k = 0;
    while k < events.len() {
        let Some(&(p, _, _)) = events.get(k) else { break };
        let mut starting: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
        while let Some(&(start, side, i)) = events.get(k) {
            if start != p {
                break;
            }
            if let Some(v) = starting.get_mut(side) {
                v.push(i);
            }
            k += 1;
        }
        for side in 0..2 {
            let starts_here = !starting[side].is_empty();
            if let Some((end, _)) = open[side]
                && (end <= p || starts_here)
            {
                open[side] = None;
            }
        }
        for side in 0..2 {
            for &i in &starting[side] {
                let other = open[1 - side];
                let my = match other {
                    Some((end, id)) if end > p && last_local[side] < id => id,
                    _ => {
                        next_id += 1;
                        next_id - 1
                    }
                };
                last_local[side] = my;
                open[side] = Some((end_of(side, i), my));
                ids[side].push((i, my));
            }
        }
    }
    let by_id: std::collections::HashMap<usize, usize> = ids[1].iter().map(|&(i, id)| (id, i)).collect();
    ids[0].iter().filter_map(|&(g, id)| by_id.get(&id).map(|&s| (g, s))).collect()
}

/// Adds one document's gold and system spans to the counts.
fn count_doc(report: &mut TempevalReport, gold: &[EvalSpan], system: &[EvalSpan]) {
    let pairs = align(gold, system);
    report.documents += 1;
    report.gold += gold.len();
    report.system += system.len();
    report.relaxed_matches += pairs.len();
    for (g, s) in pairs {
        let (Some(g), Some(s)) = (gold.get(g), system.get(s)) else { continue };
        report.strict_matches += usize::from(g.start == s.start && g.end == s.end);
        report.type_correct += usize::from(g.kind == s.kind);
        report.value_correct += usize::from(g.value == s.value);
    }
}

fn finish(report: &mut TempevalReport) {
    report.strict = Prf::of(report.strict_matches, report.system, report.gold);
    report.relaxed = Prf::of(report.relaxed_matches, report.system, report.gold);
    let accuracy = |n: usize| if report.relaxed_matches == 0 { 0.0 } else { n as f64 / report.relaxed_matches as f64 };
    report.type_f1 = accuracy(report.type_correct) * report.relaxed.f1;
    report.value_f1 = accuracy(report.value_correct) * report.relaxed.f1;
}

/// Tags each `.tml` file's TEXT with its DCT as anchor and scores the
/// result against the file's gold TIMEX3.
pub fn evaluate_tml_files(paths: &[PathBuf], tagger: &Tagger) -> Result<TempevalReport> {
    let mut report = TempevalReport::default();
    for path in paths {
        let xml = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let doc = parse_tml(&xml).with_context(|| format!("parsing {}", path.display()))?;
        let anchor = doc.dct.get(..10).and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let tags = tagger.tag(&doc.text, anchor);
        let system = to_char_spans(&doc.text, &tags);
        count_doc(&mut report, &doc.gold, &system);
    }
    finish(&mut report);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> EvalSpan {
        EvalSpan { start, end, kind: "DATE".into(), value: "X".into() }
    }

    #[test]
    fn pairing_follows_the_normalizer() {
        // Identical, overlapping, and one gold span overlapped by two system spans.
        let gold = [span(0, 5), span(10, 20), span(30, 40)];
        let system = [span(0, 5), span(12, 15), span(30, 33), span(34, 40)];
        let pairs = align(&gold, &system);
        assert_eq!(pairs, vec![(0, 0), (1, 1), (2, 2)]);
        assert!(align(&[], &system).is_empty());
    }

    #[test]
    fn parses_tml() -> Result<()> {
        let xml = r#"<?xml version="1.0" ?><TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>
<TEXT>
 He left <TIMEX3 tid="t1" type="DATE" value="1998-08-06">yesterday</TIMEX3> &amp; came back <TIMEX3 tid="t2" type="DATE" value="1998-08-07">today</TIMEX3>.
</TEXT></TimeML>"#;
        let doc = parse_tml(xml)?;
        assert_eq!(doc.dct, "1998-08-07");
        assert_eq!(doc.text, "He left yesterday & came back today.");
        assert_eq!(doc.gold.len(), 2);
        let tagger = Tagger::new();
        let system = to_char_spans(&doc.text, &tagger.tag(&doc.text, Some(chrono::NaiveDate::from_ymd_opt(1998, 8, 7).unwrap_or_default())));
        let mut report = TempevalReport::default();
        count_doc(&mut report, &doc.gold, &system);
        finish(&mut report);
        assert!((report.value_f1 - 1.0).abs() < 1e-9, "{report}");
        Ok(())
    }

    /// `cargo test -- --ignored te3` with the TempEval-3 files in /work/shared/te3/train.
    #[test]
    #[ignore = "needs the TempEval-3 training files"]
    fn te3_training_files() -> Result<()> {
        let mut paths = Vec::new();
        for sub in ["TimeBank", "AQUAINT"] {
            let dir = PathBuf::from("/work/shared/te3/train").join(sub);
            for entry in std::fs::read_dir(dir)? {
                let p = entry?.path();
                if p.extension().is_some_and(|e| e == "tml") {
                    paths.push(p);
                }
            }
        }
        let report = evaluate_tml_files(&paths, &Tagger::new())?;
        println!("{report}");
        Ok(())
    }
}
