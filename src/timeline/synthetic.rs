//! A synthetic analysis of any size, for the timeline benchmark, the tests
//! of level of detail and `dateline --demo N` (a dense timeline to try the
//! explorer on). Deterministic: the same size and seed give the same events.

use crate::analysis::{Analysis, DocAnalysis, Event};
use crate::corpus::Document;
use crate::events::{EventKind, Modality};
use crate::text::CharMap;
use chrono::{Days, NaiveDate};

const ACTORS: [&str; 16] = [
    "Iran",
    "Russia",
    "United States",
    "China",
    "France",
    "Germany",
    "Turkey",
    "Israel",
    "Saudi Arabia",
    "India",
    "United Kingdom",
    "Japan",
    "European Union",
    "United Nations",
    "NATO",
    "Ukraine",
];

/// Small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// `events` events in `events / 100 + 1` documents between 1990 and 2025,
/// bunched in bursts as news is, with a mix of day, week, month and year
/// precision, modalities, actors and merged mentions.
#[must_use]
pub fn analysis(events: usize, seed: u64) -> Analysis {
    let mut rng = Rng(seed | 1);
    let doc_count = events / 100 + 1;
    let docs: Vec<DocAnalysis> = (0..doc_count)
        .map(|i| {
            let text = format!(
                "Synthetic article {i}. The ministers met in the capital and signed an agreement."
            );
            DocAnalysis {
                chars: CharMap::new(&text),
                doc: Document {
                    path: format!("synthetic/{i:06}.txt"),
                    title: format!("Synthetic article {i}"),
                    text: text.into(),
                    ..Document::default()
                },
                published: None,
                sentences: Vec::new(),
                timexes: Vec::new(),
                year_suggestion: None,
            }
        })
        .collect();
    let lengths: Vec<usize> = docs.iter().map(|d| d.doc.text.len()).collect();
    let base = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default();
    let span_days: u64 = 35 * 365;
    // Bursts: a few hundred centres around which most events fall.
    let bursts: Vec<u64> = (0..400).map(|_| rng.below(span_days)).collect();
    let mut out = Vec::with_capacity(events);
    for i in 0..events {
        let centre = bursts
            .get(usize::try_from(rng.below(bursts.len() as u64)).unwrap_or(0))
            .copied()
            .unwrap_or(0);
        let day = if rng.below(10) < 8 {
            (centre + rng.below(60)).saturating_sub(30)
        } else {
            rng.below(span_days)
        };
        let first = base.checked_add_days(Days::new(day)).unwrap_or(base);
        let (date, last) = match rng.below(100) {
            0..=79 => (first.format("%Y-%m-%d").to_string(), first),
            80..=89 => (
                first.format("%G-W%V").to_string(),
                first.checked_add_days(Days::new(6)).unwrap_or(first),
            ),
            90..=96 => (
                first.format("%Y-%m").to_string(),
                first.checked_add_days(Days::new(29)).unwrap_or(first),
            ),
            _ => (
                first.format("%Y").to_string(),
                first.checked_add_days(Days::new(364)).unwrap_or(first),
            ),
        };
        let kind = EventKind::ALL
            .get(usize::try_from(rng.below(EventKind::ALL.len() as u64)).unwrap_or(0))
            .copied()
            .unwrap_or(EventKind::Meeting);
        let modality = match rng.below(20) {
            0..=2 => Modality::Planned,
            3 => Modality::Uncertain,
            4 => Modality::Negated,
            _ => Modality::Happened,
        };
        let actor = |r: &mut Rng| {
            ACTORS
                .get(usize::try_from(r.below(ACTORS.len() as u64)).unwrap_or(0))
                .copied()
                .unwrap_or("Iran")
        };
        let mut actors = vec![actor(&mut rng)];
        if rng.below(2) == 0 {
            let second = actor(&mut rng);
            if !actors.contains(&second) {
                actors.push(second);
            }
        }
        out.push(Event {
            id: format!("syn{i:07}"),
            doc: i % doc_count,
            kind,
            rule: "synthetic",
            sentence: (0, lengths.get(i % doc_count).copied().unwrap_or(0)),
            trigger: (0, 9),
            timex: None,
            date: Some(date),
            range: Some((first, last)),
            actors,
            people: Vec::new(),
            place: None,
            modality,
            date_source: Some(crate::events::DateSource::Text),
            merged_with: if rng.below(10) == 0 {
                crate::analysis::Merged::with(
                    &format!("syn{i:07}"),
                    &[format!("syn{:07}", i.saturating_sub(1))],
                )
            } else {
                crate::analysis::Merged::default()
            },
            edit: None,
        });
    }
    Analysis {
        root: std::path::PathBuf::from("synthetic"),
        docs,
        events: out,
        problems: Vec::new(),
    }
}
