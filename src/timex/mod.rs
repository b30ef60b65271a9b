//! Time expressions (TIMEX3): find them, give them `TimeML` values, and resolve
//! relative ones against an anchor date (the publication date), which is
//! passed in — this module never reads the clock.
//!
//! Structure (as in rule-based date parsers such as `interim`): named
//! regex rules turn text into a [`Spec`] (what was written), then
//! [`resolve`] turns a spec plus anchor and tense into a value. Overlapping
//! matches keep the longest. Word lists live in `assets/temporal/lexicon.tsv`.

mod calendar;
mod lexicon;
mod rules;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use calendar::{Unit, narrow, range_of_value};
use calendar::{nearest_weekday, shift, value_at};
pub use lexicon::Lexicon;
use rules::{Rule, Spec, build_rules};

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
#[derive(Debug, Clone, PartialEq)]
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
    pub modifier: Option<&'static str>,
    /// Inclusive day range of the value (narrowed by START/MID/END); None
    /// for durations, sets, REFs and values with X.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// The rule that found it.
    pub rule: &'static str,
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

impl Tagger {
    /// Compiles the rules.
    ///
    /// # Panics
    /// Never on input: only if a bundled pattern were invalid, which the tests rule out.
    #[must_use]
    #[expect(
        clippy::expect_used,
        reason = "constant patterns, checked by the tests"
    )]
    pub fn new() -> Self {
        Self {
            rules: build_rules(Lexicon::get()),
            future: regex::Regex::new(
                r"(?i)(?-u:\b)(?:will|shall|'ll|is\s+set\s+to|are\s+set\s+to|expected\s+to|plans?\s+to|planning\s+to|intends?\s+to|is\s+due\s+to|are\s+due\s+to|is\s+to|are\s+to|going\s+to|scheduled\s+to|to\s+be\s+held|hopes?\s+to|upcoming)\b",
            )
            .expect("valid constant regex"),
            past: regex::Regex::new(r"\b(?:said|says|told|was|were|had|did|met|[a-z]{3,}ed)\b").expect("valid constant regex"),
        }
    }

    fn candidates(&self, text: &str) -> Vec<Candidate> {
        let mut all = Vec::new();
        for (index, rule) in self.rules.iter().enumerate() {
            for caps in rule.regex.captures_iter(text) {
                let Some(span) = caps.name("t").or_else(|| caps.get(0)) else {
                    continue;
                };
                if let Some(spec) =
                    (rule.build)(&caps, Lexicon::get(), text, span.start(), span.end())
                {
                    all.push(Candidate {
                        start: span.start(),
                        end: span.end(),
                        rule: index,
                        spec,
                    });
                }
            }
        }
        // Longest first, then the earlier rule; keep those that do not overlap.
        all.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.rule, c.start));
        let mut kept: Vec<Candidate> = Vec::new();
        for c in all {
            if !kept.iter().any(|k| c.start < k.end && k.start < c.end) {
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
        self.candidates(text)
            .into_iter()
            .filter_map(|c| {
                let mut tense = self.tense(text, c.start);
                // "in three weeks they will meet": the verb may come after.
                if matches!(c.spec, Spec::InFuture { .. }) && self.future_follows(text, c.end) {
                    tense = Tense::Future;
                }
                let resolved = resolve(&c.spec, anchor, tense)?;
                let range = range_of_value(&resolved.value).map(|r| narrow(r, resolved.modifier));
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
            .collect()
    }

    /// Full dates (day, month, year) written in `text`.
    #[must_use]
    pub fn full_dates(&self, text: &str) -> Vec<FullDate> {
        self.candidates(text)
            .into_iter()
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

    /// Past unless a future marker stands closer before the expression, in
    /// its sentence, than any past-tense verb.
    fn tense(&self, text: &str, start: usize) -> Tense {
        let floor = start.saturating_sub(250);
        let mut from = floor;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..start];
        let sentence_start = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
        let clause = &before[sentence_start..];
        let last_future = self.future.find_iter(clause).last().map(|m| m.end());
        let last_past = self.past.find_iter(clause).last().map(|m| m.end());
        match (last_future, last_past) {
            (Some(f), Some(p)) if f >= p => Tense::Future,
            (Some(_), None) => Tense::Future,
            _ => Tense::Past,
        }
    }
}

impl Tagger {
    /// A future marker follows in the same sentence, before any past verb.
    fn future_follows(&self, text: &str, end: usize) -> bool {
        let mut to = (end + 120).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let after = &text[end..to];
        let sentence = after
            .find(['.', '!', '?', '\n'])
            .map_or(after, |i| &after[..i]);
        let future = self.future.find(sentence).map(|m| m.start());
        let past = self.past.find(sentence).map(|m| m.start());
        matches!((future, past), (Some(f), Some(p)) if f < p)
            || (future.is_some() && past.is_none())
    }
}

/// The ISO weekday of number 1–7.
fn weekday_of(n: u32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// A resolved value.
struct Resolved {
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    needs_anchor: bool,
}

fn date(value: String, modifier: Option<&'static str>, needs_anchor: bool) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value,
        modifier,
        needs_anchor,
    }
}

/// The year for a month (and day) written without one: the nearest to the
/// anchor, on the side the tense points to (a few days of slack either way).
fn year_for(anchor: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let candidates = [anchor.year() - 1, anchor.year(), anchor.year() + 1];
    let date_in = |y: i32| {
        NaiveDate::from_ymd_opt(y, month, day.unwrap_or(1))
            .or_else(|| NaiveDate::from_ymd_opt(y, month, 28))
            .unwrap_or(anchor)
    };
    // A written day goes to the nearest year; a bare month follows the tense.
    if day.is_some() {
        let distance = |y: i32| (date_in(y) - anchor).num_days().abs();
        return candidates
            .into_iter()
            .min_by_key(|&y| distance(y))
            .unwrap_or(anchor.year());
    }
    let slack = 0;
    let fits = |y: i32| {
        let d = date_in(y);
        let same_month = d.year() == anchor.year() && d.month() == anchor.month();
        match tense {
            Tense::Future => same_month || (d - anchor).num_days() >= -slack,
            _ => same_month || (anchor - d).num_days() >= -slack,
        }
    };
    let distance = |y: i32| (date_in(y) - anchor).num_days().abs();
    candidates
        .into_iter()
        .filter(|&y| fits(y))
        .min_by_key(|&y| distance(y))
        .unwrap_or(anchor.year())
}

/// Resolves a spec against the anchor and tense.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per kind of expression reads best as one table"
)]
fn resolve(spec: &Spec, anchor: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    let with_anchor =
        |f: &dyn Fn(NaiveDate) -> Option<String>, fallback: &str, modifier| match anchor {
            Some(a) => f(a).map(|v| date(v, modifier, true)),
            None => Some(date(fallback.to_owned(), modifier, true)),
        };
    match *spec {
        Spec::Set { ref value } => Some(Resolved {
            kind: TimexType::Set,
            value: value.clone(),
            modifier: None,
            needs_anchor: false,
        }),
        Spec::Abs {
            year,
            month,
            day,
            time,
            ..
        } => {
            NaiveDate::from_ymd_opt(year, month, day)?;
            match time {
                Some((h, m)) => Some(Resolved {
                    kind: TimexType::Time,
                    value: format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}"),
                    modifier: None,
                    needs_anchor: false,
                }),
                None => Some(date(format!("{year:04}-{month:02}-{day:02}"), None, false)),
            }
        }
        Spec::MonthYear {
            year,
            month,
            modifier,
        } => (1..=12)
            .contains(&month)
            .then(|| date(format!("{year:04}-{month:02}"), modifier, false)),
        Spec::Year { year, modifier } => Some(date(format!("{year:04}"), modifier, false)),
        Spec::Decade { decade, modifier } => Some(date(format!("{decade:03}"), modifier, false)),
        Spec::YearlessDay { month, day } => {
            NaiveDate::from_ymd_opt(2000, month, day)?;
            with_anchor(
                &|a| {
                    Some(format!(
                        "{:04}-{month:02}-{day:02}",
                        year_for(a, month, Some(day), tense)
                    ))
                },
                &format!("XXXX-{month:02}-{day:02}"),
                None,
            )
        }
        Spec::Month {
            month,
            rel,
            modifier,
        } => with_anchor(
            &|a| {
                let year = match rel {
                    Rel::This => a.year(),
                    Rel::Last => {
                        if month < a.month() {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    Rel::Next => {
                        if month > a.month() {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    Rel::Bare => year_for(a, month, None, tense),
                };
                Some(format!("{year:04}-{month:02}"))
            },
            &format!("XXXX-{month:02}"),
            modifier,
        ),
        Spec::Weekday { weekday, rel } => {
            let wd = weekday_of(weekday)?;
            with_anchor(
                &|a| {
                    let day = match rel {
                        Rel::Last => nearest_weekday(a, wd, true, true)?,
                        Rel::Next => nearest_weekday(a, wd, false, true)?,
                        Rel::This => nearest_weekday(a, wd, true, false)
                            .filter(|d| d.iso_week() == a.iso_week())
                            .or_else(|| nearest_weekday(a, wd, false, false))?,
                        Rel::Bare => nearest_weekday(a, wd, tense != Tense::Future, false)?,
                    };
                    Some(value_at(day, Unit::Day))
                },
                &format!("XXXX-WXX-{weekday}"),
                None,
            )
        }
        Spec::DayOffset { days, part } => {
            let suffix = part.map(|p| format!("T{p}")).unwrap_or_default();
            // TimeML types "tonight" as a DATE.
            with_anchor(
                &|a| {
                    Some(format!(
                        "{}{suffix}",
                        value_at(shift(a, Unit::Day, days)?, Unit::Day)
                    ))
                },
                &format!("XXXX-XX-XX{suffix}"),
                None,
            )
        }
        Spec::Weekend => with_anchor(
            &|a| {
                let saturday = nearest_weekday(a, Weekday::Sat, tense != Tense::Future, false)?;
                Some(value_at(saturday, Unit::Weekend))
            },
            "XXXX-WXX-WE",
            None,
        ),
        Spec::Relative {
            unit,
            offset,
            modifier,
        } => with_anchor(
            &|a| Some(value_at(shift(a, unit, offset)?, unit)),
            &unknown_of(unit),
            modifier,
        ),
        Spec::Ago {
            unit,
            count,
            modifier,
        } => match count {
            Some(n) => with_anchor(
                &|a| {
                    let at = shift(a, unit, -(n as i64))?;
                    // "a decade ago" names a year, not a decade.
                    let granularity = if matches!(unit, Unit::Decade | Unit::Century) {
                        Unit::Year
                    } else {
                        unit
                    };
                    Some(value_at(at, granularity))
                },
                &unknown_of(unit),
                modifier,
            ),
            None => Some(date("PAST_REF".to_owned(), None, false)),
        },
        Spec::InFuture { unit, count } => match tense {
            Tense::Future => with_anchor(
                &|a| Some(value_at(shift(a, unit, count as i64)?, unit)),
                &unknown_of(unit),
                None,
            ),
            _ => Some(Resolved {
                kind: TimexType::Duration,
                value: unit.duration(Some(count)),
                modifier: None,
                needs_anchor: false,
            }),
        },
        Spec::Season { season, year, rel } => match year {
            Some(y) => Some(date(format!("{y:04}-{season}"), None, false)),
            None => with_anchor(
                &|a| {
                    let start_month = match season {
                        "SP" => 3,
                        "SU" => 6,
                        "FA" => 9,
                        _ => 12,
                    };
                    let year = match rel {
                        Rel::Last => {
                            if a.month() >= start_month + 3 {
                                a.year()
                            } else {
                                a.year() - 1
                            }
                        }
                        Rel::Next => {
                            if a.month() < start_month {
                                a.year()
                            } else {
                                a.year() + 1
                            }
                        }
                        _ => a.year(),
                    };
                    Some(format!("{year:04}-{season}"))
                },
                &format!("XXXX-{season}"),
                None,
            ),
        },
        Spec::Quarter {
            quarter,
            year,
            half,
        } => {
            let code = if half {
                format!("H{quarter}")
            } else {
                format!("Q{quarter}")
            };
            match year {
                Some(y) => Some(date(format!("{y:04}-{code}"), None, false)),
                None => with_anchor(
                    &|a| Some(format!("{:04}-{code}", a.year())),
                    &format!("XXXX-{code}"),
                    None,
                ),
            }
        }
        Spec::Ref(value) => Some(date(value.to_owned(), None, false)),
        Spec::Time { hour, minute } => with_anchor(
            &|a| Some(format!("{}T{hour:02}:{minute:02}", value_at(a, Unit::Day))),
            &format!("XXXX-XX-XXT{hour:02}:{minute:02}"),
            None,
        )
        .map(|r| Resolved {
            kind: TimexType::Time,
            ..r
        }),
        Spec::Duration {
            unit,
            count,
            modifier,
        } => Some(Resolved {
            kind: TimexType::Duration,
            value: unit.duration(count),
            modifier,
            needs_anchor: false,
        }),
    }
}

fn unknown_of(unit: Unit) -> String {
    match unit {
        Unit::Week => "XXXX-WXX".to_owned(),
        Unit::Weekend => "XXXX-WXX-WE".to_owned(),
        Unit::Month => "XXXX-XX".to_owned(),
        Unit::Quarter => "XXXX-QX".to_owned(),
        Unit::Year => "XXXX".to_owned(),
        Unit::Decade => "XXX".to_owned(),
        Unit::Century => "XX".to_owned(),
        _ => "XXXX-XX-XX".to_owned(),
    }
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
