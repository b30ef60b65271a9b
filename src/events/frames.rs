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
    /// Each cue word (lower case) with the frames it cues, by the word's
    /// length.
    by_length: Vec<Vec<(String, Vec<usize>)>>,
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
    let mut by_length: Vec<Vec<(String, Vec<usize>)>> = vec![Vec::new(); CUE_LEN + 1];
    for (n, fields) in crate::text::data_rows(DATA).enumerate() {
        let [name, kind, position, cue_words, pattern, example] = fields.as_slice() else {
            errors.push(format!("row {}: expected 6 tab-separated fields", n + 1));
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
        // Anchored where its cue stands: a `before` frame ends on its cue,
        // an `after` frame starts on it.
        let (position, anchored) = match *position {
            "before" => (Position::Before, format!("(?:{pattern})$")),
            "after" => (Position::After, format!("^(?:{pattern})")),
            "clause" => (Position::Clause, (*pattern).to_owned()),
            other => {
                errors.push(format!("{name}: unknown position {other}"));
                continue;
            }
        };
        let words: Vec<String> = cue_words
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        if words.is_empty() || words.iter().any(|w| w.len() > CUE_LEN || !w.is_ascii()) {
            errors.push(format!("{name}: cues must be short ASCII words"));
            continue;
        }
        match Regex::new(&format!(
            "(?i){}",
            crate::text::ascii_rule_pattern(&anchored)
        )) {
            Ok(regex) => {
                for word in words {
                    let Some(slot) = by_length.get_mut(word.len()) else {
                        continue;
                    };
                    match slot.iter_mut().find(|(cue, _)| *cue == word) {
                        Some((_, cued)) => cued.push(frames.len()),
                        None => slot.push((word, vec![frames.len()])),
                    }
                }
                frames.push(Frame {
                    name: (*name).to_owned(),
                    kind,
                    position,
                    regex,
                    example: (*example).to_owned(),
                });
            }
            Err(err) => errors.push(format!("{name}: {err}")),
        }
    }
    Frames {
        frames,
        errors,
        by_length,
    }
});

/// Longest cue word.
const CUE_LEN: usize = 16;

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

/// Most words a `before` frame may stand ahead of the trigger (the
/// mention's own noun phrase: "after new US [sanctions]").
const BEFORE_GAP: usize = 4;

/// Most words between a mention and an `after` frame ("the defense
/// cooperation between the two countries is growing").
const AFTER_GAP: usize = 6;

/// How far before its cue a `before` frame's words may begin.
const BEFORE_WINDOW: usize = 60;

impl Frames {
    /// The frames a word cues.
    fn cued(&self, word: &str) -> &[usize] {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        // Cue words are few and short: those of the word's length are
        // compared byte by byte, no hashing.
        self.by_length
            .get(word.len())
            .and_then(|cues| cues.iter().find(|(cue, _)| cue.eq_ignore_ascii_case(word)))
            .map_or(&[], |(_, frames)| frames.as_slice())
    }
}

/// One sentence's words and the frames its words cue, found once for all
/// the mentions of the sentence.
#[derive(Debug, Default)]
pub struct SentenceCues {
    /// Byte span of each word (whitespace-separated) in the text.
    words: Vec<(usize, usize)>,
    /// (word index, frame index), by word.
    hits: Vec<(usize, usize)>,
}

impl SentenceCues {
    /// The words of `text[start..end]` and their cues.
    #[must_use]
    pub fn new(text: &str, start: usize, end: usize) -> Self {
        let frames = frames();
        let sentence = text.get(start..end).unwrap_or_default();
        let mut cues = Self::default();
        for word in sentence.split_ascii_whitespace() {
            let offset = start + (word.as_ptr() as usize - sentence.as_ptr() as usize);
            for &frame in frames.cued(word) {
                cues.hits.push((cues.words.len(), frame));
            }
            cues.words.push((offset, offset + word.len()));
        }
        cues
    }

    /// Index of the first word that ends after `pos`.
    fn word_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.1 <= pos)
    }

    /// The cued frames of word `index`.
    fn frames_of(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.hits.partition_point(|h| h.0 < index);
        self.hits[first..]
            .iter()
            .take_while(move |h| h.0 == index)
            .map(|h| h.1)
    }
}

/// Clause punctuation, which no gap between a frame and its mention holds.
fn clause_break(word: &str) -> bool {
    word.contains([',', ';', ':', '(', ')'])
}

/// The first frame (in file order) that applies to the mention at `site`.
/// Only cue words are tried against their frames' patterns.
#[must_use]
pub fn frame_of(text: &str, site: Site, cues: &SentenceCues) -> Option<Framing> {
    if cues.hits.is_empty() {
        return None;
    }
    let frames = frames();
    let trigger_text = text.get(site.trigger.0..site.trigger.1).unwrap_or_default();
    let word_text = |i: usize| {
        cues.words
            .get(i)
            .and_then(|&(a, b)| text.get(a..b))
            .unwrap_or_default()
    };
    let frame = |i: usize| {
        frames
            .frames
            .get(i)
            .filter(|f| f.kind != FrameType::State || site.weak)
    };
    // The frame earliest in the file wins, with where its words begin.
    let mut best: Option<(usize, usize)> = None;
    let earlier = |best: Option<(usize, usize)>, index: usize| best.is_none_or(|(b, _)| index < b);

    // Before: the cue, then at most BEFORE_GAP words, then the trigger.
    let trigger_word = cues.word_at(site.trigger.0);
    for w in (trigger_word.saturating_sub(BEFORE_GAP + 1)..trigger_word).rev() {
        let word = word_text(w);
        if clause_break(word) {
            break;
        }
        let cue = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let end = cues.words.get(w).map_or(0, |&(a, _)| a + cue.len());
        let gap = text.get(end..site.trigger.0).unwrap_or_default();
        if !gap.starts_with(char::is_whitespace) || !noun_phrase(gap) {
            continue;
        }
        for index in cues.frames_of(w) {
            let Some(f) = frame(index).filter(|f| f.position == Position::Before) else {
                continue;
            };
            if !earlier(best, index)
                || (f.kind == FrameType::Reference && verbal(trigger_text, gap))
            {
                continue;
            }
            let mut from = end.saturating_sub(BEFORE_WINDOW).max(site.sentence_start);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            if let Some(m) = text.get(from..end).and_then(|w| f.regex.find(w)) {
                best = Some((index, from + m.start()));
            }
        }
    }

    // After: at most AFTER_GAP words after the mention's words, then the
    // cue, in its clause. What follows a mention says something of it only
    // when the mention is a noun heading its clause ("the summit is
    // expected to"), not a verb ("Saddam said he will begin").
    let clause_end = site.clause.1.max(site.matched.1);
    if !past_form(trigger_text) {
        let first = cues.word_at(site.matched.1);
        for w in first..(first + AFTER_GAP + 1).min(cues.words.len()) {
            let Some(&(start, _)) = cues.words.get(w).filter(|&&(a, _)| a < clause_end) else {
                break;
            };
            for index in cues.frames_of(w) {
                let Some(f) = frame(index).filter(|f| f.position == Position::After) else {
                    continue;
                };
                let gap = text.get(site.matched.1..start).unwrap_or_default();
                let rest = text.get(start..clause_end).unwrap_or_default();
                if earlier(best, index) && noun_phrase(gap) && f.regex.is_match(rest) {
                    best = Some((index, site.trigger.0));
                }
            }
            if clause_break(word_text(w)) {
                break;
            }
        }
    }

    // Clause: a cue anywhere in it.
    let clause = text.get(site.clause.0..site.clause.1).unwrap_or_default();
    let first = cues
        .hits
        .partition_point(|h| cues.words.get(h.0).is_some_and(|&(a, _)| a < site.clause.0));
    for &(w, index) in &cues.hits[first..] {
        if cues.words.get(w).is_none_or(|&(_, b)| b > site.clause.1) {
            break;
        }
        let Some(f) = frame(index).filter(|f| f.position == Position::Clause) else {
            continue;
        };
        if earlier(best, index) && f.regex.is_match(clause) {
            best = Some((index, site.clause.0));
        }
    }
    best.and_then(|(index, start)| {
        Some(Framing {
            kind: frames.frames.get(index)?.kind,
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

/// The first word of a trigger, lower-cased.
fn first_word(trigger: &str) -> String {
    trigger
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A trigger in a past form ("after Iran signed", "the bombed-out
/// embassy"): a verb, not a noun.
fn past_form(trigger: &str) -> bool {
    let first = first_word(trigger);
    first.ends_with("ed") || IRREGULAR.contains(&first.as_str())
}

/// A trigger that is a verb right after a `before` frame: a past form, or a
/// gerund with nothing between ("after visiting Moscow").
fn verbal(trigger: &str, gap: &str) -> bool {
    past_form(trigger) || (gap.trim().is_empty() && first_word(trigger).ends_with("ing"))
}

#[cfg(test)]
mod tests {
    use super::frames;
    use std::collections::HashSet;

    #[test]
    fn every_frame_loads_and_has_a_unique_name() {
        let frames = frames();
        assert!(frames.errors.is_empty(), "{:?}", frames.errors);
        for (index, f) in frames.frames.iter().enumerate() {
            let cued = frames
                .by_length
                .iter()
                .flatten()
                .any(|(_, v)| v.contains(&index));
            assert!(cued, "{} has no cue", f.name);
        }
        let names: HashSet<&str> = frames.frames.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names.len(), frames.frames.len());
    }
}
