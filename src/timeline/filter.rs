//! Which events the explorer shows: free text over sentences, actors and
//! people; kinds; actors; documents; a date range. Applying a filter gives a
//! mask over the analysis' events (in parallel, with one case-insensitive
//! automaton for the text) and the count per kind, so that the filter bar
//! can say how many each choice would show.

use crate::analysis::{Analysis, Event};
use crate::events::EventKind;
use crate::hash::FnvBuild;
use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;

/// A filter; the default shows everything.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Filter {
    /// Words that must all occur (case-insensitive) in the sentence, an
    /// actor, a person or the place.
    pub text: String,
    /// Kinds shown; empty shows all.
    pub kinds: Vec<EventKind>,
    /// Actors of which an event must have one; empty shows all.
    pub actors: Vec<String>,
    /// Documents (relative paths) shown; empty shows all.
    pub docs: Vec<String>,
    /// Events overlapping these days (inclusive); undated events are then hidden.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

/// The result of applying a filter.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// One flag per event of the analysis.
    pub shown: Vec<bool>,
    /// How many are shown.
    pub count: usize,
    /// Per kind (in `EventKind::ALL` order): events that pass every part of
    /// the filter except the kinds.
    pub per_kind: [usize; EventKind::ALL.len()],
}

impl Filter {
    /// Whether the filter shows everything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.kinds.is_empty()
            && self.actors.is_empty()
            && self.docs.is_empty()
            && self.range.is_none()
    }

    /// Applies the filter to every event of `analysis`.
    #[must_use]
    pub fn apply<'a>(&self, analysis: &'a Analysis) -> Applied {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let automaton = if words.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&words)
                .ok()
        };
        let doc_shown: Vec<bool> = analysis
            .docs
            .iter()
            .map(|d| self.docs.is_empty() || self.docs.contains(&d.doc.path))
            .collect();
        // Each document's text is searched once for the words; an event's
        // sentence then only looks up the matches inside it.
        let doc_hits: Vec<Vec<(usize, u64)>> = match &automaton {
            Some(ac) => analysis
                .docs
                .par_iter()
                .map(|d| word_hits(ac, &d.doc.text))
                .collect(),
            None => Vec::new(),
        };
        let all_words = if words.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << words.len()) - 1
        };
        let passes_rest = |event: &'a Event, names: &mut NameBits<'a>| {
            doc_shown.get(event.doc).copied().unwrap_or(false)
                && (self.actors.is_empty()
                    || event
                        .actors
                        .iter()
                        .any(|a| self.actors.iter().any(|s| s == a)))
                && self.range.is_none_or(|(first, last)| {
                    event.range.is_some_and(|(a, b)| a <= last && b >= first)
                })
                && automaton.as_ref().is_none_or(|ac| {
                    let hits = doc_hits.get(event.doc).map_or(&[][..], Vec::as_slice);
                    let mut seen = bits_between(hits, event.sentence);
                    // Names: few distinct strings, each searched once per worker.
                    let all = event.actors.iter().copied();
                    let all = all.chain(event.people.iter().map(String::as_str));
                    for name in all.chain(event.place.as_deref()) {
                        if seen == all_words {
                            break;
                        }
                        seen |= *names
                            .entry(name)
                            .or_insert_with(|| word_hits(ac, name).iter().fold(0, |b, h| b | h.1));
                    }
                    seen == all_words
                })
        };
        let flags: Vec<(bool, bool)> = analysis
            .events
            .par_iter()
            .map_init(NameBits::default, |names, event| {
                let rest = passes_rest(event, names);
                let kind = self.kinds.is_empty() || self.kinds.contains(&event.kind);
                (rest && kind, rest)
            })
            .collect();
        let mut per_kind = [0; EventKind::ALL.len()];
        let mut count = 0;
        let shown = flags
            .iter()
            .zip(&analysis.events)
            .map(|(&(shown, rest), event)| {
                if rest && let Some(n) = per_kind.get_mut(event.kind.lane()) {
                    *n += 1;
                }
                count += usize::from(shown);
                shown
            })
            .collect();
        Applied {
            shown,
            count,
            per_kind,
        }
    }
}

/// The words each name holds, per worker: names repeat a lot, so each is
/// searched once. FNV hashing: the keys are short.
type NameBits<'a> = HashMap<&'a str, u64, FnvBuild>;

/// Every match of the words in `text`: (byte position, the word's bit).
fn word_hits(ac: &AhoCorasick, text: &str) -> Vec<(usize, u64)> {
    // Standard match semantics (the builder's default) allow overlapping search.
    ac.try_find_overlapping_iter(text)
        .map(|found| {
            found
                .filter(|m| m.pattern().as_usize() < 64)
                .map(|m| (m.start(), 1u64 << m.pattern().as_usize()))
                .collect()
        })
        .unwrap_or_default()
}

/// The words found inside `[start, end)`, as bits.
fn bits_between(hits: &[(usize, u64)], (start, end): (usize, usize)) -> u64 {
    let from = hits.partition_point(|h| h.0 < start);
    hits.get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|h| h.0 < end)
        .fold(0, |bits, h| bits | h.1)
}

#[cfg(test)]
mod tests {
    use super::Filter;
    use crate::events::EventKind;
    use crate::timeline::synthetic;
    use chrono::NaiveDate;

    #[test]
    fn empty_filter_shows_everything() {
        let analysis = synthetic::analysis(500, 1);
        let applied = Filter::default().apply(&analysis);
        assert_eq!(applied.count, 500);
        assert_eq!(applied.per_kind.iter().sum::<usize>(), 500);
    }

    #[test]
    fn kinds_actors_range_and_text_narrow_the_events() {
        let analysis = synthetic::analysis(3_000, 2);
        let visits = Filter {
            kinds: vec![EventKind::Visit],
            ..Filter::default()
        }
        .apply(&analysis);
        assert!(visits.count > 0);
        for (shown, event) in visits.shown.iter().zip(&analysis.events) {
            assert_eq!(*shown, event.kind == EventKind::Visit);
        }
        // Per-kind counts ignore the kind choice, so other chips still count.
        assert_eq!(visits.per_kind.iter().sum::<usize>(), 3_000);

        let iran = Filter {
            actors: vec!["Iran".to_owned()],
            ..Filter::default()
        }
        .apply(&analysis);
        for (shown, event) in iran.shown.iter().zip(&analysis.events) {
            assert_eq!(*shown, event.actors.contains(&"Iran"));
        }

        let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(2000, 12, 31).unwrap_or_default();
        let in_2000 = Filter {
            range: Some((first, last)),
            ..Filter::default()
        }
        .apply(&analysis);
        assert!(in_2000.count > 0 && in_2000.count < 3_000);
        for (shown, event) in in_2000.shown.iter().zip(&analysis.events) {
            let overlaps = event.range.is_some_and(|(a, b)| a <= last && b >= first);
            assert_eq!(*shown, overlaps);
        }

        // Text: every word, case-insensitive, in the sentence or the names.
        let text = Filter {
            text: "MINISTERS saudi".to_owned(),
            ..Filter::default()
        }
        .apply(&analysis);
        for (shown, event) in text.shown.iter().zip(&analysis.events) {
            assert_eq!(*shown, event.actors.contains(&"Saudi Arabia"));
        }
        let nothing = Filter {
            text: "no-such-word".to_owned(),
            ..Filter::default()
        }
        .apply(&analysis);
        assert_eq!(nothing.count, 0);
    }
}
