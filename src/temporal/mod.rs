//! Time expressions (TIMEX3): find them, give them `TimeML` values, and resolve
//! relative ones against an anchor date (the publication date), which is
//! passed in — this module never reads the clock.
//!
//! Structure (as in rule-based date parsers such as `interim`): named
//! regex rules turn text into a `Spec` (what was written), then `resolve`
//! turns a spec plus anchor and tense into a value. Overlapping matches keep
//! the longest. A clock time next to a day ("9 a.m. Tuesday") is merged into
//! one TIME.
//!
//! Data: word lists in `assets/temporal/lexicon_en.tsv`, holidays in
//! `holidays.tsv`, and each rule's trigger words in `triggers.tsv`: one
//! Aho-Corasick pass finds the triggers and each rule's regex runs only in
//! windows around its own (same output as running every regex over the
//! whole text, about three times faster).
//!
//! Tense, for expressions whose value depends on it (bare weekdays, months,
//! yearless days, "in three weeks", "the weekend", holidays): the preposition
//! right before ("since" → past; "until"/"by"/"through" → nearest), else the
//! nearer of the last future marker (will, would, 's set to', plans to,
//! expected, payable, …) and the last past-tense verb in the sentence before
//! the expression, else the first marker after it, else unknown. Yearless
//! days go to the nearest year, the side the tense points away from costing
//! 90 days; bare months follow the tense strictly and, without one, the
//! nearest year leaning 60 days to the past.
//!
//! Ranges: `START`/`MID`/`END` narrow a value's days to their first, middle
//! or last third ("late 2016" → 2016-09-01..=2016-12-31).
//!
//! `TempEval-3` conventions followed where the gold is consistent: a named
//! day's part ("Friday night") is a DATE of that day, while "this morning"
//! or "last night" is a TIME (`2017-08-05TMO`); decades and centuries as durations are written
//! in years (P20Y); "the quarter"/"a year ago" in financial reports mean
//! the last completed quarter (a year back); "recent weeks" is PXW but
//! "recent years" `PAST_REF`; ages ("6-year-old") are not durations.

mod calendar;
mod holidays;
mod lexicon;
mod prefilter;
mod resolve;
use resolve::{date, quarter_of, reporting_years_back, resolve, weekday_of};
mod rules;
mod suggest;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use calendar::{Unit, narrow, range_of_value};
use calendar::{nearest_weekday, shift, value_at};
pub use lexicon::Lexicon;
use rules::{Rule, Spec, build_rules};
pub use suggest::{WeekdayDate, YearSuggestion};

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

impl TimexType {
    /// "DATE" | "TIME" | "DURATION" | "SET".
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// Grammatical time of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reported as done.
    Past,
    /// Going on.
    Present,
    /// Will happen.
    Future,
}

/// A time expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte start in the tagged text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod (`START`, `END`, `APPROX`, `MORE_THAN`, …).
    #[serde(deserialize_with = "crate::text::names::de_static_opt")]
    pub modifier: Option<crate::text::names::Name>,
    /// Inclusive day range of the value (narrowed by `START`/`MID`/`END`: first,
    /// middle or last third of the days); None
    /// for durations, sets, REFs and values with X.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// The rule that found it.
    #[serde(deserialize_with = "crate::text::names::de_static")]
    pub rule: crate::text::names::Name,
    /// The value depended on the anchor date.
    pub needs_anchor: bool,
}

/// A full date written in a text (day, month and year), a publication-date candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullDate {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The date.
    pub date: NaiveDate,
    /// The weekday written with it ("Saturday 5 August 2017").
    pub weekday_written: Option<Weekday>,
    /// A time of day was written with it ("- 11:54").
    pub has_time: bool,
}

/// The tagger: rules compiled once, then [`Tagger::tag`] any number of texts.
pub struct Tagger {
    rules: Vec<Rule>,
    future: regex::Regex,
    past: regex::Regex,
    quarterly: regex::Regex,
    prefilter: prefilter::Prefilter,
}

impl Default for Tagger {
    fn default() -> Self {
        Self::new()
    }
}

/// A match before resolution.
struct Candidate {
    start: usize,
    end: usize,
    rule: usize,
    spec: Spec,
}

/// The expressions found in one text before resolution. Scanning is the
/// costly part; the same scan gives the publication-date candidates
/// ([`Scan::full_dates`]) and, once the anchor is known, the resolved
/// expressions ([`Tagger::resolve`]), so a document is scanned once.
pub struct Scan {
    candidates: Vec<Candidate>,
}

impl Scan {
    /// Full dates (day, month, year) written in the scanned text.
    #[must_use]
    pub fn full_dates(&self) -> Vec<FullDate> {
        self.candidates
            .iter()
            .filter_map(|c| match c.spec {
                Spec::Abs {
                    year,
                    month,
                    day,
                    weekday,
                    time,
                    ..
                } => Some(FullDate {
                    start: c.start,
                    end: c.end,
                    date: NaiveDate::from_ymd_opt(year, month, day)?,
                    weekday_written: weekday.and_then(weekday_of),
                    has_time: time.is_some(),
                }),
                _ => None,
            })
            .collect()
    }
}

impl Tagger {
    /// Compiles the rules.
    ///
    /// # Panics
    ///
    /// Never on input; only if a built-in pattern did not compile, which the
    /// tests rule out.
    #[must_use]
    #[expect(
        clippy::expect_used,
        reason = "constant patterns, checked by the tests"
    )]
    pub fn new() -> Self {
        let rules = build_rules(Lexicon::get());
        let names: Vec<&str> = rules.iter().map(|r| r.name).collect();
        let prefilter = prefilter::Prefilter::new(&names, Lexicon::get());
        Self {
            rules,
            prefilter,
            future: regex::Regex::new(&crate::text::ascii_rule_pattern(
                r"(?i)\b(?:will|would|shall|'ll|is\s+set\s+to|are\s+set\s+to|expected\s+to|plans?\s+to|planning\s+to|planned\s+to|planned|intends?\s+to|is\s+due\s+to|are\s+due\s+to|is\s+to|are\s+to|going\s+to|scheduled\s+to|(?:expects?|agreed|agrees?|decided|decides|wants?|wanted|hoped|aims?|aimed|intended|promised|promises|pledged|vowed|threatened|seeks?|sought|likely|ready|set|proposed|proposes|offered|voted|prepared|prepares|agreement|plan|proposal|deal|offer|bid|decision|effort)\s+to\s+(?:the\s+)?[a-z]+|to\s+be\s+held|hopes?\s+to|upcoming|might|as\s+early\s+as|as\s+soon\s+as|deadline|payable|effective|to\s+be|scheduled|expected)\b",
            ))
            .expect("valid constant regex"),
            quarterly: regex::Regex::new(&crate::text::ascii_rule_pattern(r"(?i)\b(?:third|fourth|second|first|latest|the)[\s-]+quarter\b")).expect("valid constant regex"),
            past: regex::Regex::new(&crate::text::ascii_rule_pattern(r"\b(?:said|says|told|was|were|had|has|have|did|met|since|ago|following|brought|began|took|made|gave|came|went|became|left|rose|fell|won|lost|sold|bought|paid|held|led|saw|got|sent|spent|built|found|heard|kept|knew|thought|wrote|ran|stood|struck|fled|fought|hit|quit|shot|spoke|broke|chose|drove|flew|grew|meant|wore|[a-z]{3,}ed)\b")).expect("valid constant regex"),
        }
    }

    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut all = Vec::new();
        let windows = self.prefilter.windows(text);
        for ((index, rule), windows) in self.rules.iter().enumerate().zip(windows) {
            for (from, to) in windows {
                // The haystack ends at the window (on whitespace); the search
                // starts at its beginning with the real text before it as
                // context for \b.
                // The haystack starts one char before the window (context for
                // \b): searching a prefix of the whole text made every search
                // cost the text's length, quadratic on long documents.
                let base = floor_boundary(text, from.saturating_sub(1));
                let Some(hay) = text.get(base..to) else {
                    continue;
                };
                let mut at = from - base;
                while at <= hay.len() {
                    let Some(caps) = rule.regex.captures_at(hay, at) else {
                        break;
                    };
                    let Some(whole) = caps.get(0) else { break };
                    at = if whole.end() > whole.start() {
                        whole.end()
                    } else {
                        next_char(hay, whole.end())
                    };
                    let Some(span) = caps.name("t").or_else(|| caps.get(0)) else {
                        continue;
                    };
                    let (span_start, span_end) = (base + span.start(), base + span.end());
                    if let Some(spec) =
                        (rule.build)(&caps, Lexicon::get(), text, span_start, span_end)
                    {
                        let start = span_start + outside_prefix(span.as_str());
                        all.push(Candidate {
                            start,
                            end: span_end,
                            rule: index,
                            spec,
                        });
                    }
                }
            }
        }
        // Longest first, then the earlier rule; keep those that do not overlap.
        all.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.rule, c.start));
        // Kept spans by start: an overlap can only be with the last kept span
        // starting before this one ends (kept spans never overlap each other).
        let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
        let mut kept: Vec<Candidate> = Vec::new();
        for c in all {
            let overlaps = taken
                .range(..c.end)
                .next_back()
                .is_some_and(|(_, &end)| end > c.start);
            if !overlaps {
                taken.insert(c.start, c.end);
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.start);
        kept
    }

    /// Finds and resolves every time expression in `text`, sorted by start
    /// and non-overlapping. `anchor` is the publication date, if known.
    #[must_use]
    pub fn tag(&self, text: &str, anchor: Option<NaiveDate>) -> Vec<Timex> {
        self.resolve(text, &self.scan(text), anchor)
    }

    /// Finds the expressions of `text` without resolving them.
    #[must_use]
    pub fn scan(&self, text: &str) -> Scan {
        Scan {
            candidates: self.candidates(text),
        }
    }

    /// Resolves a [`Scan`] of `text` against `anchor` (see [`Tagger::tag`]).
    #[must_use]
    pub fn resolve(&self, text: &str, scan: &Scan, anchor: Option<NaiveDate>) -> Vec<Timex> {
        // Financial reporting: "a year ago" means the same quarter a year back.
        let quarterly = self.quarterly.is_match(text);
        // The last date mentioned, for "that day", "two years later"…
        let mut reference: Option<((NaiveDate, NaiveDate), String)> = None;
        // The report's own quarter ("third-quarter profit"), which its "the
        // quarter" and "a year ago" are about: the first one named of the
        // year before the anchor (not a past one recalled, nor a forecast).
        let mut named_quarter: Option<(i64, u32)> = None;
        let anchor_quarter =
            anchor.map(|a| i64::from(a.year()) * 4 + i64::from((a.month() - 1) / 3));
        let recent = |(y, q): (i64, u32)| {
            anchor_quarter.is_none_or(|at| (at - 4..=at).contains(&(y * 4 + i64::from(q) - 1)))
        };
        scan.candidates
            .iter()
            .filter_map(|c| {
                // Only expressions resolved by tense pay for finding it.
                let tense = if matches!(
                    c.spec,
                    Spec::YearlessDay { .. }
                        | Spec::Month { .. }
                        | Spec::Weekday { rel: Rel::Bare, .. }
                        | Spec::InFuture { .. }
                        | Spec::TheWeekend
                        | Spec::Holiday {
                            year: None,
                            rel: Rel::Bare,
                            ..
                        }
                ) {
                    self.tense(text, c.start, c.end)
                } else {
                    Tense::Present
                };
                let mut resolved = match (&c.spec, &reference) {
                    (Spec::Anaphoric { unit, shift, .. }, Some((range, value)))
                        if !(quarterly && *unit == Unit::Year && *shift == Some(-1.0)) =>
                    {
                        if fits_reference(*range, *unit) {
                            let mut r = resolve(&c.spec, Some(range.0), tense, quarterly)?;
                            r.needs_anchor = false;
                            r
                        } else if *shift == Some(0.0) {
                            // "that same day" after "in October": October,
                            // not a day the text never gave.
                            date(value.clone(), None, false)
                        } else if let (Some(n), Some(coarse)) = (shift, granularity(*range)) {
                            // "two weeks earlier" than June: May, at the
                            // reference's own precision.
                            date(
                                value_at(calendar::shift(range.0, *unit, *n as i64)?, coarse),
                                None,
                                false,
                            )
                        } else {
                            resolve(&c.spec, anchor, tense, quarterly)?
                        }
                    }
                    _ => resolve(&c.spec, anchor, tense, quarterly)?,
                };
                match (
                    &c.spec,
                    reporting_years_back(&c.spec, quarterly),
                    named_quarter,
                ) {
                    (_, Some(back), Some((year, quarter))) => {
                        resolved.value = format!("{:04}-Q{quarter}", year - back);
                    }
                    (Spec::Quarter { .. } | Spec::QuarterOfRelativeYear { .. }, _, _) => {
                        named_quarter = named_quarter
                            .or_else(|| quarter_of(&resolved.value).filter(|&n| recent(n)));
                    }
                    _ => {}
                }
                let range = range_of_value(&resolved.value).map(|r| narrow(r, resolved.modifier));
                if matches!(resolved.kind, TimexType::Date | TimexType::Time) {
                    if let Some(r) = range {
                        reference = Some((r, resolved.value.clone()));
                    }
                }
                Some(Timex {
                    start: c.start,
                    end: c.end,
                    kind: resolved.kind,
                    value: resolved.value,
                    modifier: resolved.modifier,
                    range: if matches!(resolved.kind, TimexType::Date | TimexType::Time) {
                        range
                    } else {
                        None
                    },
                    rule: self.rules.get(c.rule).map_or("", |r| r.name),
                    needs_anchor: resolved.needs_anchor,
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .fold(Vec::new(), |mut out: Vec<Timex>, t| {
                let merged = out
                    .last_mut()
                    .is_some_and(|prev| merge_time_and_day(text, prev, &t));
                if !merged {
                    out.push(t);
                }
                out
            })
    }

    /// Full dates (day, month, year) written in `text`.
    #[must_use]
    pub fn full_dates(&self, text: &str) -> Vec<FullDate> {
        self.scan(text).full_dates()
    }

    /// The tense of the clause around an expression: the nearer of the last
    /// future marker and the last past-tense verb before it in its sentence;
    /// with neither, the first marker after it in the sentence; with none,
    /// `Present` (unknown).
    fn tense(&self, text: &str, start: usize, end: usize) -> Tense {
        let before = text
            .get(floor_boundary(text, start.saturating_sub(250))..start)
            .unwrap_or_default();
        // The preposition right before the expression says more than any verb.
        let trimmed = before.trim_end();
        let prep = trimmed
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        match prep.as_str() {
            "since" => return Tense::Past,
            "until" | "till" | "through" | "by"
                if !self.future.is_match(
                    before
                        .get(sentence_break_before(before)..)
                        .unwrap_or_default(),
                ) =>
            {
                return Tense::Present;
            }
            _ => {}
        }
        let sentence_start = sentence_break_before(before);
        let clause = before.get(sentence_start..).unwrap_or_default();
        let last_future = self.future.find_iter(clause).last().map(|m| m.end());
        let last_past = self
            .past
            .find_iter(clause)
            .filter(|m| {
                !passive(clause, m.start())
                    && !adjectival(clause, m.start(), m.as_str())
                    && !distant_report(m.as_str(), clause.get(m.end()..).unwrap_or_default())
            })
            .last()
            .map(|m| m.end());
        match (last_future, last_past) {
            (Some(f), Some(p)) if f >= p => Tense::Future,
            (Some(_), None) => Tense::Future,
            (None, None) => {
                let after = text
                    .get(end..floor_boundary(text, (end + 200).min(text.len())))
                    .unwrap_or_default();
                let after = after.get(..sentence_break_after(after)).unwrap_or(after);
                // Only the expression's own clause: a verb in a relative or
                // complement clause after it ("Tuesday's declaration by Ford,
                // which holds …, that it is prepared to") has its own time.
                let after = [" which ", " that ", " who ", " if ", " when ", " because "]
                    .iter()
                    .filter_map(|w| after.find(w))
                    .min()
                    .and_then(|i| after.get(..i))
                    .unwrap_or(after);
                let first_future = self.future.find(after).map(|m| m.start());
                let first_past = self
                    .past
                    .find_iter(after)
                    .find(|m| {
                        !passive(after, m.start()) && !adjectival(after, m.start(), m.as_str())
                    })
                    .map(|m| m.start());
                match (first_future, first_past) {
                    (Some(f), Some(p)) if f < p => Tense::Future,
                    (Some(_), None) => Tense::Future,
                    (None, None) => Tense::Present,
                    _ => Tense::Past,
                }
            }
            _ => Tense::Past,
        }
    }
}

/// Bytes of a leading "about"/"almost"/"over" that `TempEval-3` leaves out
/// of the span (the modifier still records it), and of "the" before a
/// hyphenated modifier ("the 14-day", "the third-quarter").
fn outside_prefix(span: &str) -> usize {
    if let Some(rest) = span
        .strip_prefix("the ")
        .or_else(|| span.strip_prefix("The "))
        && rest.contains('-')
        && !rest.contains("year-ago")
        && !rest.contains("year-earlier")
    {
        return 4;
    }
    for word in ["about", "almost", "over", "About", "Almost", "Over"] {
        if let Some(rest) = span.strip_prefix(word)
            && rest.starts_with(char::is_whitespace)
        {
            let trimmed = rest.trim_start();
            if !trimmed.is_empty() {
                return span.len() - trimmed.len();
            }
        }
    }
    0
}

/// A participle after "be"/"been"/"being" ("will be named") is no past tense.
fn passive(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or_default().trim_end();
    let word = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    matches!(
        word,
        "be" | "been" | "being" | "is" | "are" | "get" | "gets"
    )
}

/// Whether a mentioned date (its day range) is precise enough to count
/// `unit`s from: a day for days, a week for weeks…
fn fits_reference(range: (NaiveDate, NaiveDate), unit: Unit) -> bool {
    granularity(range).is_some_and(|g| g <= unit)
}

/// The unit a day range is given in: a day, a week, a month…
fn granularity((first, last): (NaiveDate, NaiveDate)) -> Option<Unit> {
    match (last - first).num_days() + 1 {
        1 => Some(Unit::Day),
        2..=7 => Some(Unit::Week),
        8..=31 => Some(Unit::Month),
        32..=92 => Some(Unit::Quarter),
        93..=366 => Some(Unit::Year),
        _ => None,
    }
}

/// An "-ed" word used as an adjective ("a still unspecified date", "the
/// expected results"), not a past-tense verb.
fn adjectival(text: &str, at: usize, word: &str) -> bool {
    if !word.ends_with("ed") {
        return false;
    }
    if word.starts_with("un") {
        return true;
    }
    let head = text.get(..at).unwrap_or_default().trim_end();
    let before = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    matches!(
        before,
        "a" | "an"
            | "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "still"
            | "newly"
            | "so-called"
    )
}

/// A reporting verb ("said", "told") far from the expression after it
/// dates the report, not what it reports ("told the companies of a cutback
/// in its supply in September"): within six words does it set the tense ("told reporters on Tuesday").
fn distant_report(word: &str, rest: &str) -> bool {
    const REPORTING: &[&str] = &[
        "said",
        "says",
        "told",
        "announced",
        "reported",
        "added",
        "stated",
        "noted",
        "disclosed",
        "confirmed",
        "explained",
        "warned",
    ];
    REPORTING.contains(&word) && rest.split_whitespace().nth(6).is_some()
}

/// The char boundary after `i` (or past the end).
fn next_char(text: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < text.len() && !text.is_char_boundary(j) {
        j += 1;
    }
    j
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the `.`/`!`/`?` ending `head` ends a sentence (not "U.S." or "Mr.").
fn ends_sentence(head: &str) -> bool {
    let mut rev = head.chars().rev();
    match rev.next() {
        Some('!' | '?' | '\n') => true,
        Some('.') => {
            let word: String = rev
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect();
            let word: String = word.chars().rev().collect();
            !(word.contains('.')
                || word.chars().next().is_some_and(char::is_uppercase) && word.len() <= 3
                || matches!(word.as_str(), "a.m" | "p.m" | "vs" | "No" | "St"))
        }
        _ => false,
    }
}

/// Byte index where the sentence containing the end of `before` starts.
fn sentence_break_before(before: &str) -> usize {
    let mut search = before.len();
    while let Some(i) = before
        .get(..search)
        .and_then(|h| h.rfind(['.', '!', '?', '\n']))
    {
        // "$42.875" and "U.S." do not end sentences.
        let spaced = before.get(i + 1..).is_none_or(|rest| {
            rest.is_empty()
                || rest.starts_with(char::is_whitespace)
                || rest.starts_with(['"', '\'', '’', '”'])
        });
        if spaced && before.get(..=i).is_some_and(ends_sentence) {
            return i + 1;
        }
        search = i;
    }
    0
}

/// Byte length of the rest of the sentence at the start of `after`.
fn sentence_break_after(after: &str) -> usize {
    for (i, c) in after.char_indices() {
        let spaced = after.get(i + 1..).is_none_or(|rest| {
            rest.is_empty()
                || rest.starts_with(char::is_whitespace)
                || rest.starts_with(['"', '\'', '’', '”'])
        });
        if matches!(c, '.' | '!' | '?' | '\n')
            && spaced
            && after.get(..=i).is_some_and(ends_sentence)
        {
            return i;
        }
    }
    after.len()
}

/// Joins a clock time and the day next to it ("9 a.m. Tuesday", "Friday
/// at 3 p.m.", "5 p.m. EST Nov. 9") into one TIME on that day, in `prev`.
fn merge_time_and_day(text: &str, prev: &mut Timex, next: &Timex) -> bool {
    let Some(gap) = text
        .get(prev.end..next.start)
        .filter(|g| g.len() <= 12 && !g.contains(['\n', '.', ';']))
    else {
        return false;
    };
    let day_value = |t: &Timex| -> Option<String> {
        let v = t.value.as_str();
        (t.kind == TimexType::Date
            && (v.len() == 10 && v.as_bytes().get(4) == Some(&b'-')
                || v.starts_with("XXXX-WXX-") && v.len() == 10))
            .then(|| v.to_owned())
    };
    let clock = |t: &Timex| {
        (t.kind == TimexType::Time)
            .then(|| t.value.split_once('T').map(|(_, hm)| hm.to_owned()))
            .flatten()
            .filter(|hm| hm.len() == 5 && hm.as_bytes().get(2) == Some(&b':'))
    };
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (day, hm) = match (day_value(prev), clock(prev), day_value(next), clock(next)) {
        // "9 a.m. Tuesday", "5 p.m. EST Nov. 9", "noon on Thursday"
        (_, Some(hm), Some(day), _)
            if words.iter().all(|w| {
                *w == "on" || w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase())
            }) =>
        {
            (day, hm)
        }
        // "Friday at 3 p.m."
        (Some(day), _, _, Some(hm)) if words.iter().all(|w| *w == "at") => (day, hm),
        _ => return false,
    };
    prev.value = format!("{day}T{hm}");
    prev.end = next.end;
    prev.kind = TimexType::Time;
    prev.range = range_of_value(&day);
    prev.rule = "time.with_day";
    prev.needs_anchor = prev.needs_anchor || next.needs_anchor;
    true
}

/// How a relative word places its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// No word: the tense decides.
    Bare,
    /// "last".
    Last,
    /// "this".
    This,
    /// "next".
    Next,
}

#[cfg(test)]
mod tests;
