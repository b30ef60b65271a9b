//! The mention model's share of extraction: its mentions as candidates
//! with the kind their words name, the trends and habits that are no
//! events, and which dates count as the text's own.

use super::{Candidate, Segment, segment_of};
use crate::events::lexicon::RuleClass;
use crate::events::mention::MentionClass;
use crate::events::{EventKind, kind_rule};
use crate::temporal::Timex;
use crate::text::Sentence;

/// Words before a present participle that make it a present progressive.
const PROGRESSIVE: [&str; 5] = ["is", "are", "am", "'s", "'re"];
/// Adverbs that make a verb a habit.
const HABITUAL: [&str; 9] = [
    "regularly",
    "usually",
    "often",
    "always",
    "typically",
    "generally",
    "normally",
    "frequently",
    "routinely",
];
/// Whether a sentence tells a habit ("navies regularly hold drills"): its
/// undated mentions are no dated events. (The present simple is not
/// enough: news tells events in it, "Apple says".)
pub(super) fn habitual(text: &str, sentence: Sentence) -> bool {
    text.get(sentence.start..sentence.end)
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| HABITUAL.iter().any(|h| h.eq_ignore_ascii_case(w)))
}

/// Whether a learned trigger is a present progressive, a trend
/// ("cooperation is growing"): not a dated event.
pub(super) fn progressive(text: &str, sentence: Sentence, span: (usize, usize)) -> bool {
    let Some(word) = text.get(span.0..span.1) else {
        return false;
    };
    let previous = text
        .get(sentence.start..span.0)
        .unwrap_or_default()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .rfind(|w| !w.is_empty())
        .unwrap_or_default();
    word.to_ascii_lowercase().ends_with("ing")
        && PROGRESSIVE.iter().any(|p| p.eq_ignore_ascii_case(previous))
}

/// Whether a date opens the sentence before the trigger's clause with at
/// most a preposition before it and nothing after it ("On Thursday,
/// September 17, the company…").
pub(super) fn fronted_date(
    text: &str,
    sentence: Sentence,
    segs: &[Segment],
    c: &Candidate,
    t: &Timex,
) -> bool {
    let Some(clause) = segs.get(c.segment) else {
        return false;
    };
    let words = |from: usize, to: usize| {
        text.get(from..to).map_or(usize::MAX, |s| {
            s.split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        })
    };
    t.end <= clause.start && words(sentence.start, t.start) <= 1 && words(t.end, clause.start) == 0
}

/// A mention the model found, as a candidate: a saying is a reporting
/// frame, anything else a weak trigger of the kind its word names.
pub(super) fn learned_candidate(
    text: &str,
    sentence: Sentence,
    segs: &[Segment],
    span: (usize, usize),
    class: MentionClass,
) -> Candidate {
    let segment = segment_of(segs, span.0);
    let clause = segs
        .get(segment)
        .map_or((sentence.start, sentence.end), |s| (s.start, s.end));
    // A saying is a reporting frame unless its words name another kind
    // ("reported a quarterly profit").
    let named = kind_rule(text, span, clause);
    let (name, kind, rule_class) = match named {
        Some(r) if r.kind != EventKind::Statement || class != MentionClass::REPORTING => {
            (r.recorded, r.kind, RuleClass::Weak)
        }
        _ if class == MentionClass::REPORTING => {
            ("model:statement", EventKind::Statement, RuleClass::Report)
        }
        _ => ("model:other", EventKind::Other, RuleClass::Weak),
    };
    Candidate {
        name,
        learned: true,
        kind,
        class: rule_class,
        trigger: span,
        matched: span,
        segment,
        frame: None,
    }
}
