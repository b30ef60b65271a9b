//! Frames: the words around a trigger that change what it reports, loaded
//! once from `assets/events/frames.tsv`. "after new US sanctions" points at
//! another event, "the possibility of signing" at one that may never
//! happen, "cooperation is growing" at a state; "extension is on our
//! agenda" lies ahead.

use regex::Regex;
use std::sync::LazyLock;

/// What a frame does to the mention it surrounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameType {
    /// A cause, topic or time anchor: an event only with a date of its own.
    Reference,
    /// A possibility or an attempt: an event only with a date of its own.
    Hypothetical,
    /// A state or trend (weak mentions only): no event.
    State,
    /// A habit or a span of years: an event only when dated.
    Generic,
    /// Said to lie ahead: planned.
    Planned,
}

/// Where a frame's words stand relative to the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    Before,
    After,
    Clause,
}

/// One named frame.
#[derive(Debug)]
pub struct Frame {
    /// Unique name.
    pub name: String,
    /// What it does.
    pub kind: FrameType,
    position: Position,
    regex: Regex,
    /// A sentence it applies to, the affected trigger in `[[…]]`.
    pub example: String,
}

/// All frames, in file order.
#[derive(Debug)]
pub struct Frames {
    /// The frames.
    pub frames: Vec<Frame>,
    /// Lines of the data file that could not be used (shown by a test).
    pub errors: Vec<String>,
    /// Every frame of a position in one pattern: most mentions have no
    /// frame, and one search per position tells so.
    any: [Option<Regex>; 3],
}

const DATA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/events/frames.tsv"
));

/// Words that cannot stand inside the mention's own noun phrase, between a
/// `before` frame and the trigger: "after Iran signed the deal" is a clause,
/// not a reference to a deal.
const NOT_IN_NOUN_PHRASE: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "is", "are", "was", "were", "be", "been", "will",
    "would", "has", "have", "had", "did", "do", "does", "to", "and", "or", "but", "that", "which",
    "who", "when", "while", "as", "if", "not", "can", "could", "should", "may", "might", "must",
];

static FRAMES: LazyLock<Frames> = LazyLock::new(|| {
    let mut frames = Vec::new();
    let mut errors = Vec::new();
    let mut alternatives: [Vec<String>; 3] = Default::default();
    for (n, fields) in crate::text::data_rows(DATA).enumerate() {
        let [name, kind, position, pattern, example] = fields.as_slice() else {
            errors.push(format!("row {}: expected 5 tab-separated fields", n + 1));
            continue;
        };
        let kind = match *kind {
            "reference" => FrameType::Reference,
            "hypothetical" => FrameType::Hypothetical,
            "state" => FrameType::State,
            "generic" => FrameType::Generic,
            "planned" => FrameType::Planned,
            other => {
                errors.push(format!("{name}: unknown type {other}"));
                continue;
            }
        };
        // Before: the frame, then up to four words of the mention's own
        // noun phrase, then the trigger. After: up to six words, then the frame.
        let (position, anchored) = match *position {
            "before" => (
                Position::Before,
                format!(r"(?:{pattern})\s+(?P<gap>(?:[^\s,;:()]+\s+){{0,4}})$"),
            ),
            "after" => (
                Position::After,
                format!(r"^(?P<gap>(?:\s*[^\s,;:()]+){{0,6}}?)\s*(?:{pattern})"),
            ),
            "clause" => (Position::Clause, (*pattern).to_owned()),
            other => {
                errors.push(format!("{name}: unknown position {other}"));
                continue;
            }
        };
        alternatives[position as usize].push(anchored.replace("(?P<gap>", "(?:"));
        match Regex::new(&format!(
            "(?i){}",
            crate::text::ascii_rule_pattern(&anchored)
        )) {
            Ok(regex) => frames.push(Frame {
                name: (*name).to_owned(),
                kind,
                position,
                regex,
                example: (*example).to_owned(),
            }),
            Err(err) => errors.push(format!("{name}: {err}")),
        }
    }
    let any = alternatives.map(|patterns| {
        let joined = format!("(?i)(?:{})", patterns.join(")|(?:"));
        Regex::new(&crate::text::ascii_rule_pattern(&joined)).ok()
    });
    Frames {
        frames,
        errors,
        any,
    }
});

/// The frames.
#[must_use]
pub fn frames() -> &'static Frames {
    &FRAMES
}

/// A frame found around one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Framing {
    /// What it does.
    pub kind: FrameType,
    /// Byte where the frame's words begin (a date of the mention's own
    /// lies between here and the trigger, or is nearest to the trigger).
    pub start: usize,
}

/// Where a mention stands in its sentence (byte offsets in the text).
#[derive(Debug, Clone, Copy)]
pub struct Site {
    /// Start of the sentence.
    pub sentence_start: usize,
    /// The mention's clause.
    pub clause: (usize, usize),
    /// The trigger.
    pub trigger: (usize, usize),
    /// Everything its rule matched.
    pub matched: (usize, usize),
    /// A weak (nominal) rule made it.
    pub weak: bool,
}

/// How far before the trigger a `before` frame is looked for: the frame and
/// four words fit easily.
const BEFORE_WINDOW: usize = 120;

/// The first frame (in file order) that applies to the mention at `site`.
#[must_use]
pub fn frame_of(text: &str, site: Site) -> Option<Framing> {
    let trigger_text = text.get(site.trigger.0..site.trigger.1).unwrap_or_default();
    let mut from = site
        .trigger
        .0
        .saturating_sub(BEFORE_WINDOW)
        .max(site.sentence_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text.get(from..site.trigger.0).unwrap_or_default();
    let after_end = site.clause.1.max(site.matched.1);
    let after = text.get(site.matched.1..after_end).unwrap_or_default();
    let clause = text.get(site.clause.0..site.clause.1).unwrap_or_default();
    let frames = frames();
    let hit = |position: Position, haystack: &str| {
        frames.any[position as usize]
            .as_ref()
            .is_none_or(|any| any.is_match(haystack))
    };
    let hits = [
        hit(Position::Before, before),
        hit(Position::After, after),
        hit(Position::Clause, clause),
    ];
    if !hits.iter().any(|h| *h) {
        return None;
    }
    frames.frames.iter().find_map(|f| {
        if !hits[f.position as usize] {
            return None;
        }
        let start = match (f.kind, f.position) {
            (FrameType::State, _) if !site.weak => return None,
            (_, Position::Before) => {
                let caps = f.regex.captures(before)?;
                let gap = caps.name("gap").map_or("", |g| g.as_str());
                if !noun_phrase(gap) {
                    return None;
                }
                if f.kind == FrameType::Reference && verbal(trigger_text, gap) {
                    return None;
                }
                from + caps.get(0)?.start()
            }
            // What follows a mention says something of it only when the
            // mention is a noun heading its clause ("the summit is expected
            // to"), not a verb ("Saddam said he will begin").
            (_, Position::After) => {
                let caps = f.regex.captures(after)?;
                let gap = caps.name("gap").map_or("", |g| g.as_str());
                if !noun_phrase(gap) || verbal(trigger_text, "after") {
                    return None;
                }
                site.trigger.0
            }
            (_, Position::Clause) => {
                f.regex.find(clause)?;
                site.clause.0
            }
        };
        Some(Framing {
            kind: f.kind,
            start,
        })
    })
}

/// Past forms that do not end in -ed.
const IRREGULAR: &[&str] = &[
    "met",
    "hit",
    "quit",
    "cut",
    "flew",
    "went",
    "told",
    "said",
    "sent",
    "struck",
    "spoke",
    "withdrew",
    "withdrawn",
    "drew",
    "held",
    "made",
    "took",
    "began",
    "led",
];

/// The words between a frame and the trigger could belong to the
/// mention's noun phrase.
fn noun_phrase(gap: &str) -> bool {
    gap.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !NOT_IN_NOUN_PHRASE.iter().any(|s| s.eq_ignore_ascii_case(w))
    })
}

/// A trigger that is a verb rather than a noun: a past form ("after Iran
/// signed", "the bombed-out embassy"), or a gerund right after the frame ("after visiting Moscow").
fn verbal(trigger: &str, gap: &str) -> bool {
    let first = trigger
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    first.ends_with("ed")
        || IRREGULAR.contains(&first.as_str())
        || (gap.trim().is_empty() && first.ends_with("ing"))
}

#[cfg(test)]
mod tests {
    use super::{FrameType, frames};
    use crate::analysis::{Options, analyze_document};
    use crate::corpus::Document;
    use crate::events::{Modality, rules};
    use crate::temporal::Tagger;
    use std::collections::HashSet;

    #[test]
    fn every_frame_loads_and_has_a_unique_name() {
        let frames = frames();
        assert!(frames.errors.is_empty(), "{:?}", frames.errors);
        assert!(frames.any.iter().all(Option::is_some));
        let names: HashSet<&str> = frames.frames.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names.len(), frames.frames.len());
    }

    /// Each example: some trigger rule proposes the marked words, and the
    /// whole extraction then drops that mention (or makes it planned).
    #[test]
    fn every_frame_does_what_its_example_says() {
        let tagger = Tagger::new();
        for frame in &frames().frames {
            let (Some(open), Some(close)) = (frame.example.find("[["), frame.example.find("]]"))
            else {
                panic!("{}: example without [[…]]", frame.name);
            };
            let text = frame.example.replace("[[", "").replace("]]", "");
            let marked = (open, close - 2);
            let proposed = rules().rules.iter().any(|r| {
                r.regex.captures_iter(&text).any(|c| {
                    c.name("t")
                        .or_else(|| c.get(0))
                        .is_some_and(|m| (m.start(), m.end()) == marked)
                })
            });
            assert!(
                proposed,
                "{}: no trigger rule proposes the marked words",
                frame.name
            );
            let mut doc = Document::new("a.txt", "a");
            doc.text.clone_from(&text);
            let events = analyze_document(doc, &tagger, &Options::default()).events;
            let at = events.iter().find(|e| e.trigger == marked);
            if frame.kind == FrameType::Planned {
                assert_eq!(
                    at.map(|e| e.modality),
                    Some(Modality::Planned),
                    "{}: {events:?}",
                    frame.name
                );
            } else {
                assert!(at.is_none(), "{}: still an event: {at:?}", frame.name);
            }
        }
    }
}
