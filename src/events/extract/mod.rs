//! From sentences and time expressions to events.
//!
//! Per sentence: every rule that fires proposes a trigger; overlapping
//! triggers keep the longest match; the sentence is cut into clauses; weak
//! (nominal) triggers give way to strong ones of another kind in their
//! clause; reporting frames survive only with their own date — one that says
//! when the words were said ("said Friday", "said in a letter published
//! Wednesday", "Earlier this month, the company said"), never one inside
//! what was said ("said he subpoenaed Elian to testify on Feb. 10"). Each
//! event then takes the date of its own clause, else a fronted date
//! adverbial ("Last week, …"), and never a date from a clause it does not
//! govern.

mod learned;

use super::clauses::{Segment, segment_of, segments};
use super::frames::{FrameType, Framing, SentenceCues, Site, frame_of};
use super::lexicon::{RuleClass, rules};
#[cfg(doc)]
use super::mention::Model;
use super::mention::{Mention, MentionClass};
use super::people::{PersonMention, find_people};
use super::{DateSource, EventKind, Gazetteer, Modality, kind_rule};
use crate::temporal::{Timex, TimexType};
use crate::text::Sentence;
use learned::{fronted_date, habitual, learned_candidate, progressive};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// An event as found in one document, offsets in the analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEvent {
    /// The kind.
    pub kind: EventKind,
    /// The rule that made it.
    pub rule: &'static str,
    /// Index of its sentence.
    pub sentence: usize,
    /// Byte span of the trigger.
    pub trigger: (usize, usize),
    /// Index into the document's timexes of the expression that dates it.
    pub timex: Option<usize>,
    /// Countries and organisations involved, in order of mention.
    pub actors: Vec<&'static str>,
    /// People involved (full names).
    pub people: Vec<String>,
    /// Where it happened.
    pub place: Option<String>,
    /// Happened, planned, negated or uncertain.
    pub modality: Modality,
    /// Where its date comes from, when it has one.
    pub date_source: Option<DateSource>,
}

#[expect(
    clippy::expect_used,
    reason = "constant patterns, checked by the tests"
)]
fn regex(pattern: &str) -> Regex {
    Regex::new(&crate::text::ascii_rule_pattern(pattern)).expect("valid constant regex")
}

static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:will|would|shall|'ll|is\s+set\s+to|are\s+set\s+to|is\s+expected\s+to|are\s+expected\s+to|expected\s+to|plans?\s+to|planned\s+to|planning\s+to|prepar(?:es?|ing)\s+to|intends?\s+to|is\s+due\s+to|are\s+due\s+to|is\s+to|are\s+to|hopes?|hoped|upcoming|scheduled\s+to|to\s+be\s+held|eyeing|possibility\s+of)\b",
    )
});
static NEGATED: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(?:not|n't|never|no\s+longer|refused\s+to|declined\s+to)\b"));
static UNCERTAIN: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        // "may" only in lower case: "in May 2018" is a month.
        r"\b(?:(?i:reportedly|allegedly|might|could|possibly|rumou?red|unconfirmed|is\s+said\s+to|tentatively)|may)\b",
    )
});
static PLACE_PREP: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?:\b(?:in|at|to|visit|visited|visiting)\s+)$"));

/// A proposed trigger before filtering.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The rule or model that proposed it.
    name: &'static str,
    /// Proposed by the mention model, not a trigger rule: gives way to any
    /// rule's event in its clause.
    learned: bool,
    kind: EventKind,
    class: RuleClass,
    trigger: (usize, usize),
    matched: (usize, usize),
    segment: usize,
    /// Words around it that change what it reports.
    frame: Option<Framing>,
}

/// Finds events in documents. Cheap to create: the rules are compiled once.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventExtractor;

impl EventExtractor {
    /// Events of one document, in text order. `timexes` are the document's
    /// time expressions and `mentions` the mention model's finds
    /// ([`Model::detect_sentences`]), both in text order, offsets in `text`.
    #[must_use]
    pub fn extract(
        &self,
        text: &str,
        sentences: &[Sentence],
        timexes: &[Timex],
        mentions: &[Mention],
    ) -> Vec<RawEvent> {
        let gazetteer = Gazetteer::get();
        let people = find_people(text, gazetteer);
        let mut events = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            let first = mentions.partition_point(|m| m.span.0 < sentence.start);
            let last = mentions.partition_point(|m| m.span.0 < sentence.end);
            let own = mentions.get(first..last).unwrap_or_default();
            events.extend(sentence_events(
                text, index, *sentence, timexes, &people, own,
            ));
        }
        events
    }
}

fn sentence_events(
    text: &str,
    index: usize,
    sentence: Sentence,
    timexes: &[Timex],
    people: &[PersonMention],
    mentions: &[Mention],
) -> Vec<RawEvent> {
    let gazetteer = Gazetteer::get();
    let rules = rules();
    let body = &text[sentence.start..sentence.end];
    let matched = rules.set.matches(body);
    let mentions: Vec<Mention> = mentions
        .iter()
        .filter(|m| m.class.takes_place() && m.span.1 <= sentence.end)
        .copied()
        .collect();
    if !matched.matched_any() && mentions.is_empty() {
        return Vec::new();
    }
    // Dates: DATE/TIME expressions with a calendar value, in this sentence
    // (timexes are sorted by start: only those from the sentence's start on).
    let first = timexes.partition_point(|t| t.start < sentence.start);
    let dates: Vec<(usize, &Timex)> = timexes
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, t)| t.start < sentence.end)
        .filter(|(_, t)| t.end <= sentence.end)
        .filter(|(_, t)| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter(|(_, t)| !t.value.ends_with("_REF"))
        .collect();
    // A reporting frame lives only on a date of its own: a sentence whose
    // only triggers are "said" and the like, and which holds no date, has
    // no event.
    if dates.is_empty()
        && matched.iter().all(|r| {
            rules
                .rules
                .get(r)
                .is_none_or(|rule| rule.class == RuleClass::Report)
        })
        && mentions.iter().all(|m| {
            m.class == MentionClass::REPORTING
                && kind_rule(text, m.span, (sentence.start, sentence.end))
                    .is_none_or(|r| r.kind == EventKind::Statement)
        })
    {
        return Vec::new();
    }
    let segs = segments(text, sentence.start, sentence.end);
    let mut candidates: Vec<Candidate> = Vec::new();
    for rule_index in &matched {
        let Some(rule) = rules.rules.get(rule_index) else {
            continue;
        };
        for caps in rule.regex.captures_iter(body) {
            let Some(whole) = caps.get(0) else { continue };
            let trigger = caps.name("t").unwrap_or(whole);
            let trigger = (
                sentence.start + trigger.start(),
                sentence.start + trigger.end(),
            );
            candidates.push(Candidate {
                name: rule.name.as_str(),
                learned: false,
                kind: rule.kind,
                class: rule.class,
                trigger,
                matched: (sentence.start + whole.start(), sentence.start + whole.end()),
                segment: segment_of(&segs, trigger.0),
                frame: None,
            });
        }
    }
    let mut candidates = resolve_overlaps(candidates);
    // The model's mentions that no rule's words cover, each with the kind
    // its word and clause name.
    // (A reporting rule's verb stays open: "reported a quarterly profit"
    // is the results the words name, when the saying has no date.)
    let covered = |span: (usize, usize)| {
        candidates
            .iter()
            .any(|c| c.class != RuleClass::Report && span.0 < c.matched.1 && c.matched.0 < span.1)
    };
    // A trend or a habit without a date is no timeline event.
    let habitual = dates.is_empty() && habitual(text, sentence);
    let learned: Vec<Candidate> = mentions
        .iter()
        .filter(|m| !covered(m.span))
        .filter(|m| !dates.is_empty() || !(habitual || progressive(text, sentence, m.span)))
        .map(|m| learned_candidate(text, sentence, &segs, m.span, m.class))
        .collect();
    candidates.extend(learned);
    candidates.sort_by_key(|c| c.trigger.0);
    // What will give way anyway goes before the costly frames are read.
    let all = candidates.clone();
    candidates.retain(|c| !learned_gives_way(c, &all));
    // The frame cues, only when a mention could be framed.
    let cues = if candidates.iter().any(|c| c.class != RuleClass::Report) {
        SentenceCues::new(text, sentence.start, sentence.end)
    } else {
        SentenceCues::default()
    };
    // Reporting frames are verbs kept only with a date of their own: no
    // frame changes that, so they are not looked at.
    for c in candidates
        .iter_mut()
        .filter(|c| c.class != RuleClass::Report)
    {
        let clause = segs
            .get(c.segment)
            .map_or((sentence.start, sentence.end), |s| (s.start, s.end));
        c.frame = frame_of(
            text,
            Site {
                sentence_start: sentence.start,
                clause,
                trigger: c.trigger,
                matched: c.matched,
                weak: c.class == RuleClass::Weak,
            },
            &cues,
        );
    }
    // A state or trend ("cooperation is growing") is no event at all.
    candidates.retain(|c| c.frame.is_none_or(|f| f.kind != FrameType::State));
    let candidates = filter_by_clause(&candidates);
    if candidates.is_empty() {
        return Vec::new();
    }

    let owners = date_owners(&candidates, &dates, &segs);
    let mut links = link_dates(text, &candidates, &dates, &segs, &owners);
    // A learned event with no date of its own clause shares the nearest
    // one of its sentence ("launched the store, an online shop, on April
    // 28, 2003"; "was renamed in 2006, as Apple began selling films").
    for (c, link) in candidates.iter().zip(links.iter_mut()) {
        if c.learned && link.is_none() {
            *link = dates
                .iter()
                .min_by_key(|(_, t)| distance(c, t))
                .map(|(i, _)| *i);
        }
    }
    let links = framed_links(&candidates, &dates, &owners, links);

    let entities = gazetteer.find(body);
    candidates
        .iter()
        .zip(links)
        .filter_map(|(c, fate)| match fate {
            Fate::Keep(link) => Some((c, link)),
            Fate::Drop => None,
        })
        // A reporting verb keeps only a date that tells when it was said:
        // the one linked, else the nearest such in its clause or in a
        // fronted one of its own ("Earlier this month, the company said it
        // expected to break even for the quarter").
        .filter_map(|(c, link)| {
            if c.class != RuleClass::Report {
                return Some((c, link));
            }
            let when = |i: usize| timexes.get(i).is_some_and(|t| said_when(text, c, t, &segs));
            let link = link.filter(|&i| when(i)).or_else(|| {
                dates
                    .iter()
                    .zip(&owners)
                    .filter(|&(&(i, t), owner)| {
                        // Its own clause, or an earlier one with no event.
                        let seg = segment_of(&segs, t.start);
                        let fronted = seg < c.segment && owner.is_none();
                        (seg == c.segment || fronted) && when(i)
                    })
                    .min_by_key(|((_, t), _)| distance(c, t))
                    .map(|(&(i, _), _)| i)
            })?;
            Some((c, Some(link)))
        })
        .map(|(c, timex)| {
            let seg = segs.get(c.segment).copied().unwrap_or(Segment {
                start: sentence.start,
                end: sentence.end,
                subordinate: false,
            });
            RawEvent {
                kind: c.kind,
                rule: c.name,
                sentence: index,
                trigger: c.trigger,
                timex,
                actors: actors(&entities),
                people: sentence_people(people, sentence),
                place: place(text, sentence.start, &entities, c),
                modality: modality(text, seg, c),
                // Its own clause's date, or a fronted one holding nothing
                // else ("On Thursday, the company…"), is the text's.
                date_source: timex.map(|i| {
                    let own = timexes.get(i).is_some_and(|t| {
                        segment_of(&segs, t.start) == c.segment
                            || fronted_date(text, sentence, &segs, c, t)
                    });
                    if own {
                        DateSource::Text
                    } else {
                        DateSource::Sentence
                    }
                }),
            }
        })
        .collect()
}

/// Overlapping triggers: the longest match wins.
fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.matched.1 - c.matched.0), c.trigger.0));
    let mut kept: Vec<Candidate> = Vec::new();
    for c in candidates {
        let overlaps = kept
            .iter()
            .any(|k| c.trigger.0 < k.trigger.1 && k.trigger.0 < c.trigger.1);
        if !overlaps {
            kept.push(c);
        }
    }
    // A strong trigger inside another strong rule's words is the object that
    // rule names ("approved [the sanctions bill]"): one act, told by the
    // more specific inner rule.
    let nested: Vec<bool> = kept
        .iter()
        .map(|outer| {
            outer.class == RuleClass::Strong
                && kept.iter().any(|inner| {
                    inner.class == RuleClass::Strong
                        && inner.kind != outer.kind
                        && inner.trigger.0 >= outer.matched.0
                        && inner.trigger.1 <= outer.matched.1
                        && (inner.trigger.0 >= outer.trigger.1
                            || inner.trigger.1 <= outer.trigger.0)
                })
        })
        .collect();
    let mut kept: Vec<Candidate> = kept
        .into_iter()
        .zip(nested)
        .filter(|(_, n)| !n)
        .map(|(c, _)| c)
        .collect();
    kept.sort_by_key(|c| c.trigger.0);
    kept
}

/// Whether a learned candidate gives way to another: to a rule's in its
/// clause, or of its kind anywhere in the sentence (one act told in two
/// clauses); as `other`, to a named kind in its clause ("staged a rally");
/// to an earlier learned one of its kind in its clause.
fn learned_gives_way(c: &Candidate, candidates: &[Candidate]) -> bool {
    c.learned
        && candidates.iter().any(|o| {
            let rule = !o.learned
                && (o.kind == c.kind || (o.segment == c.segment && o.class != RuleClass::Report));
            let named =
                c.kind == EventKind::Other && o.segment == c.segment && o.kind != EventKind::Other;
            let earlier = o.learned
                && o.segment == c.segment
                && o.kind == c.kind
                && o.trigger.0 < c.trigger.0;
            rule || named || earlier
        })
}

/// Clause rules: weak triggers give way to strong ones of another kind,
/// reporting frames to any other rule's event, and one event per kind per
/// clause. (The model's candidates that give way to others are gone
/// already: [`learned_gives_way`] ran before the frames, and dropping
/// candidates since cannot make one give way.)
fn filter_by_clause(candidates: &[Candidate]) -> Vec<Candidate> {
    let strong_in = |seg: usize, kind: EventKind| {
        candidates.iter().any(|o| {
            o.segment == seg
                && o.class == RuleClass::Strong
                && o.kind != kind
                && o.kind != EventKind::Statement
        })
    };
    // A reporting rule gives way to another rule's event, not to the
    // model's: "said Friday it expects a loss" is the saying.
    let other_in = |seg: usize| {
        candidates
            .iter()
            .any(|o| o.segment == seg && o.class != RuleClass::Report && !o.learned)
    };
    let mut kept: Vec<Candidate> = Vec::new();
    for c in candidates {
        let drop = match c.class {
            RuleClass::Weak => strong_in(c.segment, c.kind),
            RuleClass::Report => other_in(c.segment),
            RuleClass::Strong => false,
        };
        let duplicate = kept
            .iter()
            .any(|k| k.segment == c.segment && k.kind == c.kind);
        if !drop && !duplicate {
            kept.push(*c);
        }
    }
    kept
}

/// Most words between a reporting verb and the date that says when it was
/// said ("said at a regular news briefing today").
const REPORT_GAP: usize = 5;

/// The word lists of [`said_when`] by role, from `assets/events/reporting.tsv`.
static REPORTING: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let data = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/events/reporting.tsv"
    ));
    let mut lists: HashMap<&str, Vec<&str>> = HashMap::new();
    for (role, words) in crate::text::word_lists(data) {
        lists.entry(role).or_default().extend(words);
    }
    lists
});

/// Whether `word` is in the reporting list of `role`.
fn reporting_word(role: &str, word: &str) -> bool {
    REPORTING
        .get(role)
        .is_some_and(|list| list.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// Whether a date tells when a reporting verb was said: near it and not
/// inside what was said ("said Friday", "said on Saturday that", "said in a
/// letter published Wednesday", "on Thursday said"), or alone in the
/// sentence's opening clause ("Last week, officials said").
fn said_when(text: &str, c: &Candidate, t: &Timex, segs: &[Segment]) -> bool {
    let after = t.start >= c.trigger.1;
    let gap = if after {
        text.get(c.trigger.1..t.start)
    } else {
        text.get(t.end..c.trigger.0)
    };
    let Some(gap) = gap else { return false };
    // "said last month's discovery", "said third-quarter net income": the
    // date belongs to the noun after it.
    let date_text = text.get(t.start..t.end).unwrap_or_default();
    let after_date = text.get(t.end..).unwrap_or_default();
    let compound = date_text.contains('-')
        && after_date.starts_with(' ')
        && date_text.chars().all(|ch| ch.is_alphabetic() || ch == '-');
    if compound
        || ["'s", "’s"]
            .iter()
            .any(|s| date_text.ends_with(s) || after_date.starts_with(s))
    {
        return false;
    }
    // An earlier clause: only the sentence's opening one holding nothing
    // but the date ("Earlier this month, the company said"), and not for a
    // verb in a clause of its own ("…, which the board said").
    let seg = segment_of(segs, t.start);
    if !after && seg < c.segment {
        return seg == 0
            && segs.get(c.segment).is_some_and(|s| !s.subordinate)
            && segs.first().is_some_and(|s| only_a_date(text, s, t));
    }
    let words: Vec<&str> = gap
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let tied = if after {
        words.iter().any(|w| reporting_word("complementizer", w))
            || words.first().is_some_and(|w| {
                let manner = w.len() > 4 && w.ends_with("ly") && !reporting_word("quantity", w);
                !manner && !reporting_word("adverbial", w)
            })
    } else {
        words.iter().any(|w| reporting_word("not_before", w))
    };
    words.len() <= REPORT_GAP && !tied
}

/// Whether a clause holds a date and at most a preposition or an adverb
/// besides ("On Tuesday,", "Earlier this month,").
fn only_a_date(text: &str, seg: &Segment, t: &Timex) -> bool {
    let words = |from: usize, to: usize| {
        text.get(from..to).map_or(0, |s| {
            s.split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        })
    };
    t.start >= seg.start
        && t.end <= seg.end
        && words(seg.start, t.start) + words(t.end, seg.end) <= 2
}

/// Bytes between a trigger and a time expression.
fn distance(c: &Candidate, t: &Timex) -> usize {
    if t.start >= c.trigger.1 {
        t.start - c.trigger.1
    } else {
        c.trigger.0.saturating_sub(t.end)
    }
}

/// Each date's owner: the nearest trigger in its clause (an index into
/// `candidates`), if its clause has one.
fn date_owners(
    candidates: &[Candidate],
    dates: &[(usize, &Timex)],
    segs: &[Segment],
) -> Vec<Option<usize>> {
    dates
        .iter()
        .map(|(_, t)| {
            let seg = segment_of(segs, t.start);
            candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.segment == seg)
                .min_by_key(|(_, c)| distance(c, t))
                .map(|(i, _)| i)
        })
        .collect()
}

/// A candidate's fate once frames and dates are known.
#[derive(Debug, Clone, Copy)]
enum Fate {
    /// Not an event.
    Drop,
    /// An event, with the date it links to.
    Keep(Option<usize>),
}

/// Applies the frames that need the dates: a reference or a hypothesis is
/// an event only with a date of its own — one it owns, or one standing
/// between the frame and the trigger ("following its February military
/// operation"), which then dates it; a generic mention only when dated.
fn framed_links(
    candidates: &[Candidate],
    dates: &[(usize, &Timex)],
    owners: &[Option<usize>],
    links: Vec<Option<usize>>,
) -> Vec<Fate> {
    candidates
        .iter()
        .zip(links)
        .enumerate()
        .map(|(ci, (c, link))| {
            let Some(frame) = c.frame else {
                return Fate::Keep(link);
            };
            match frame.kind {
                FrameType::Reference | FrameType::Hypothetical => {
                    let owned = dates.iter().zip(owners).find(|(_, o)| **o == Some(ci));
                    let inside = dates
                        .iter()
                        .find(|(_, t)| t.start >= frame.start && t.end <= c.trigger.0);
                    match (owned, inside) {
                        (Some(((i, _), _)), _) | (None, Some((i, _))) => {
                            Fate::Keep(link.or(Some(*i)))
                        }
                        (None, None) => Fate::Drop,
                    }
                }
                FrameType::Generic => link.map_or(Fate::Drop, |l| Fate::Keep(Some(l))),
                FrameType::State | FrameType::Planned => Fate::Keep(link),
            }
        })
        .collect()
}

/// Links each candidate to a date of the sentence (indexes into the
/// document's timexes): the nearest date of its own clause; else a date in a
/// clause with no event of its own (a fronted "Last week," or a relative
/// "which will end next March" right after it).
fn link_dates(
    text: &str,
    candidates: &[Candidate],
    dates: &[(usize, &Timex)],
    segs: &[Segment],
    owner: &[Option<usize>],
) -> Vec<Option<usize>> {
    candidates
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let own = dates
                .iter()
                .zip(owner)
                .filter(|(_, o)| **o == Some(ci))
                .min_by_key(|((_, t), _)| distance(c, t))
                .map(|((i, _), _)| *i);
            if own.is_some() {
                return own;
            }
            let subordinate = segs.get(c.segment).is_some_and(|s| s.subordinate);
            // A fronted adverbial clause that holds only a date.
            let fronted = (!subordinate)
                .then(|| {
                    dates.iter().zip(owner).rev().find(|((_, t), o)| {
                        o.is_none()
                            && segment_of(segs, t.start) < c.segment
                            && !segs
                                .get(segment_of(segs, t.start))
                                .is_some_and(|s| s.subordinate)
                    })
                })
                .flatten()
                .map(|((i, _), _)| *i);
            // "since 2018, when Washington withdrew": a when-clause is dated
            // by the time expression it follows.
            let when_clause = || {
                let seg = segs.get(c.segment).filter(|s| s.subordinate)?;
                let opener = text.get(seg.start..seg.end)?.trim_start();
                if !opener
                    .get(..4)
                    .is_some_and(|w| w.eq_ignore_ascii_case("when"))
                {
                    return None;
                }
                let previous = segs.get(c.segment.checked_sub(1)?)?;
                dates
                    .iter()
                    .find(|(_, t)| {
                        t.start >= previous.start
                            && t.end <= previous.end
                            && text
                                .get(t.end..previous.end)
                                .is_some_and(|gap| gap.chars().all(|ch| !ch.is_alphanumeric()))
                    })
                    .map(|(i, _)| *i)
            };
            // A relative clause right after the trigger's clause.
            let relative = || {
                dates
                    .iter()
                    .zip(owner)
                    .find(|((_, t), o)| {
                        let seg = segment_of(segs, t.start);
                        o.is_none()
                            && seg == c.segment + 1
                            && segs.get(seg).is_some_and(|s| s.subordinate)
                    })
                    .map(|((i, _), _)| *i)
            };
            // Otherwise share the nearest date of the own clause — unless
            // it is part of another event's own words ("the 2015 nuclear
            // deal" dates the deal, not "restoring sanctions" next to it).
            let shared = || {
                dates
                    .iter()
                    .filter(|(_, t)| segment_of(segs, t.start) == c.segment)
                    .filter(|(_, t)| {
                        !candidates.iter().enumerate().any(|(oi, o)| {
                            oi != ci && o.matched.0 <= t.start && t.end <= o.matched.1
                        })
                    })
                    .min_by_key(|(_, t)| distance(c, t))
                    .map(|(i, _)| *i)
            };
            fronted
                .or_else(when_clause)
                .or_else(relative)
                .or_else(shared)
        })
        .collect()
}

fn actors(entities: &[super::Entity]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for e in entities {
        let name = e.country.unwrap_or(e.name);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out.shrink_to_fit();
    out
}

fn sentence_people(people: &[PersonMention], sentence: Sentence) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // People are sorted by start.
    let first = people.partition_point(|p| p.start < sentence.start);
    for p in people[first..]
        .iter()
        .take_while(|p| p.start < sentence.end)
        .filter(|p| p.end <= sentence.end)
    {
        if !out.contains(&p.name) {
            out.push(p.name.clone());
        }
    }
    out
}

/// The first place named right after "in", "at", "to" or "visit" in the
/// trigger's neighbourhood (same match or the following words).
fn place(
    text: &str,
    sentence_start: usize,
    entities: &[super::Entity],
    c: &Candidate,
) -> Option<String> {
    entities
        .iter()
        .filter(|e| {
            e.kind != super::EntityKind::Demonym && e.kind != super::EntityKind::Organization
        })
        .map(|e| (sentence_start + e.start, e))
        .filter(|(start, _)| *start >= c.trigger.0 && *start <= c.matched.1.max(c.trigger.1) + 80)
        .find(|(start, _)| PLACE_PREP.is_match(&text[c.trigger.0.min(*start)..*start]))
        .map(|(start, e)| text[start..start + (e.end - e.start)].to_owned())
        .map(|name| name.trim_end_matches('.').to_owned())
}

/// The last `n` words of `text`: the slice from the start of the `n`-th
/// last word (rules match whitespace with `\s+`, so nothing is rejoined).
fn last_words(text: &str, n: usize) -> &str {
    let text = text.trim_end();
    let start = text
        .split_whitespace()
        .rev()
        .take(n)
        .last()
        .map_or(text.len(), |w| w.as_ptr() as usize - text.as_ptr() as usize);
    text.get(start..).unwrap_or_default()
}

/// Modality from the words of the clause before the trigger.
fn modality(text: &str, seg: Segment, c: &Candidate) -> Modality {
    let before = &text[seg.start.min(c.trigger.0)..c.trigger.0];
    let (window, near) = (last_words(before, 8), last_words(before, 3));
    let frame = c.frame.map(|f| f.kind);
    if NEGATED.is_match(near) {
        Modality::Negated
    } else if PLANNED.is_match(window) || frame == Some(FrameType::Planned) {
        Modality::Planned
    } else if frame == Some(FrameType::Hypothetical) || UNCERTAIN.is_match(window) {
        Modality::Uncertain
    } else {
        Modality::Happened
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_reporting_word_lists_load() {
        for role in ["complementizer", "adverbial", "quantity", "not_before"] {
            let list = super::REPORTING.get(role).map_or(&[][..], Vec::as_slice);
            assert!(!list.is_empty(), "{role}");
            assert!(list.iter().all(|w| *w == w.to_lowercase()), "{list:?}");
        }
    }
}
