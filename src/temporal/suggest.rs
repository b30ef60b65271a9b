//! Publication years the text allows when no publication date is known.
//!
//! A weekday written with a yearless date ("Wednesday, July 22") holds only
//! in some years; so does, more weakly, a bare weekday standing near a
//! yearless date in the same paragraph ("announced on Wednesday … a cabinet
//! meeting on July 22"), which often report the same day. The years that
//! satisfy every strong pair (and every weak pair that does not empty the
//! set), no earlier than the latest year the article names and no later than
//! the caller's current year, are offered to the user as a suggestion — never
//! used as a fact.

use super::rules::Spec;
use super::{Candidate, Scan, weekday_of};
use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt::Write as _;

/// How far apart (bytes) a bare weekday and a yearless date may stand to be
/// read as one day.
const PAIR_DISTANCE: usize = 400;
/// Years looked at before the current year when the article names none.
const SPAN_WITHOUT_YEARS: i32 = 30;

/// A weekday the text ties to a yearless date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct WeekdayDate {
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
    /// The weekday it is said to fall on.
    pub weekday: Weekday,
    /// Byte span in the text from the first to the last word of the pair.
    pub span: (usize, usize),
    /// Written together ("Wednesday, July 22") rather than only near each other.
    pub written_together: bool,
}

/// Years a document was probably published in, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct YearSuggestion {
    /// Candidate years, most recent first.
    pub years: Vec<i32>,
    /// The pairs that narrowed them (at least one).
    pub evidence: Vec<WeekdayDate>,
    /// The latest year the article names, the lower bound, if any.
    pub latest_named_year: Option<i32>,
}

impl YearSuggestion {
    /// A one-line explanation, e.g. "July 22 was a Wednesday in 2020, 2015 or 2009".
    #[must_use]
    pub fn explain(&self) -> String {
        let years: Vec<String> = self.years.iter().map(ToString::to_string).collect();
        let Some(first) = self.evidence.first() else {
            return years.join(", ");
        };
        let month = chrono::Month::try_from(u8::try_from(first.month).unwrap_or(1))
            .map_or("", |m| m.name());
        let list = match years.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => years.join(""),
        };
        let mut out = format!(
            "{month} {} was a {} in {list}",
            first.day,
            weekday_name(first.weekday)
        );
        if let Some(y) = self.latest_named_year {
            let _ = write!(out, " (the article names years up to {y})");
        }
        out
    }
}

impl Scan {
    /// Suggests publication years from weekday–date pairs; `current_year`
    /// (passed in: the core never reads the clock) bounds them above.
    /// None when the text has no pair or its pairs fit no year in range.
    #[must_use]
    pub fn suggest_years(&self, text: &str, current_year: Option<i32>) -> Option<YearSuggestion> {
        let pairs = weekday_date_pairs(&self.candidates, text);
        if pairs.is_empty() {
            return None;
        }
        let latest_named_year = self
            .candidates
            .iter()
            .filter_map(|c| match c.spec {
                Spec::Abs { year, .. } | Spec::MonthYear { year, .. } | Spec::Year { year, .. } => {
                    Some(year)
                }
                _ => None,
            })
            .filter(|&y| current_year.is_none_or(|now| y <= now))
            .max();
        let (low, high) = match (latest_named_year, current_year) {
            (Some(low), Some(high)) => (low, high),
            (Some(low), None) => (low, low + SPAN_WITHOUT_YEARS),
            (None, Some(high)) => (high - SPAN_WITHOUT_YEARS, high),
            (None, None) => return None,
        };
        let holds = |y: i32, p: &WeekdayDate| {
            NaiveDate::from_ymd_opt(y, p.month, p.day).is_some_and(|d| d.weekday() == p.weekday)
        };
        let (strong, weak): (Vec<WeekdayDate>, Vec<WeekdayDate>) =
            pairs.into_iter().partition(|p| p.written_together);
        let mut years: Vec<i32> = (low..=high)
            .rev()
            .filter(|&y| strong.iter().all(|p| holds(y, p)))
            .collect();
        let mut evidence = strong;
        for pair in weak {
            let narrowed: Vec<i32> = years.iter().copied().filter(|&y| holds(y, &pair)).collect();
            // A weak pair that fits no remaining year was two different days.
            if !narrowed.is_empty() {
                years = narrowed;
                evidence.push(pair);
            }
        }
        (!years.is_empty() && !evidence.is_empty()).then_some(YearSuggestion {
            years,
            evidence,
            latest_named_year,
        })
    }
}

/// Weekdays written with a yearless date, and bare weekdays next to one.
fn weekday_date_pairs(candidates: &[Candidate], text: &str) -> Vec<WeekdayDate> {
    let mut pairs = Vec::new();
    // Weekdays and yearless dates in text order, nothing else.
    let marks: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| matches!(c.spec, Spec::YearlessDay { .. } | Spec::Weekday { .. }))
        .collect();
    for (i, c) in marks.iter().enumerate() {
        let Spec::YearlessDay {
            month,
            day,
            weekday,
        } = c.spec
        else {
            continue;
        };
        if let Some(weekday) = weekday.and_then(weekday_of) {
            pairs.push(WeekdayDate {
                month,
                day,
                weekday,
                span: (c.start, c.end),
                written_together: true,
            });
            continue;
        }
        // The nearest bare weekday on either side, in the same paragraph.
        let neighbours = [
            i.checked_sub(1).and_then(|j| marks.get(j)),
            marks.get(i + 1),
        ];
        let nearest = neighbours
            .into_iter()
            .flatten()
            .filter_map(|w| match w.spec {
                Spec::Weekday {
                    weekday,
                    rel: super::Rel::Bare,
                    ..
                } => Some((w, weekday_of(weekday)?)),
                _ => None,
            })
            .filter(|(w, _)| {
                let (from, to) = (w.start.min(c.start), w.end.max(c.end));
                to - from <= PAIR_DISTANCE
                    && text
                        .get(from..to)
                        .is_some_and(|between| !has_blank_line(between))
            })
            .min_by_key(|(w, _)| w.start.abs_diff(c.start));
        if let Some((w, weekday)) = nearest {
            pairs.push(WeekdayDate {
                month,
                day,
                weekday,
                span: (w.start.min(c.start), w.end.max(c.end)),
                written_together: false,
            });
        }
    }
    pairs
}

fn has_blank_line(s: &str) -> bool {
    // Lines strictly between the first and the last newline.
    let lines: Vec<&str> = s.split('\n').skip(1).collect();
    lines
        .split_last()
        .is_some_and(|(_, middle)| middle.iter().any(|l| l.trim().is_empty()))
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use crate::temporal::Tagger;

    fn suggest(text: &str, now: Option<i32>) -> Option<Vec<i32>> {
        let tagger = Tagger::new();
        tagger.scan(text).suggest_years(text, now).map(|s| s.years)
    }

    #[test]
    fn weekday_written_with_date_narrows_years() {
        // 22 July fell on a Wednesday in 2015 and 2020 between 2010 and 2024.
        let text = "The minister spoke on Wednesday, July 22, after the 2010 elections.";
        assert_eq!(suggest(text, Some(2024)), Some(vec![2020, 2015]));
    }

    #[test]
    fn bare_weekday_near_date_is_a_weak_pair() {
        let text = "Rouhani announced on Wednesday that the letter was welcomed. \
                    He spoke at a cabinet meeting on July 22. The treaty dates from March 2001.";
        let years = suggest(text, Some(2022)).unwrap_or_default();
        assert_eq!(years, vec![2020, 2015, 2009]);
    }

    #[test]
    fn pairs_across_paragraphs_or_far_apart_do_not_count() {
        let far = format!(
            "They met on Wednesday.{}It ended on July 22.",
            " x".repeat(300)
        );
        assert_eq!(suggest(&far, Some(2024)), None);
        let other_paragraph = "They met on Wednesday.\n\nIt ended on July 22.";
        assert_eq!(suggest(other_paragraph, Some(2024)), None);
    }

    #[test]
    fn weak_pair_that_contradicts_strong_one_is_dropped() {
        // Thursday, July 23 holds in 2015 and 2020; a "Monday … July 22" pair
        // would hold in neither, so it is read as two different days.
        let text = "After the 2010 vote, talks opened on Thursday, July 23. \
                    Officials met on Monday and July 22 was quiet.";
        assert_eq!(suggest(text, Some(2024)), Some(vec![2020, 2015]));
    }

    #[test]
    fn no_pair_no_suggestion() {
        assert_eq!(
            suggest("They met on Wednesday in Moscow.", Some(2024)),
            None
        );
        assert_eq!(suggest("Wednesday, July 22", None), None);
    }

    #[test]
    fn explanation_names_the_pair() {
        let tagger = Tagger::new();
        let text = "He spoke on Wednesday, July 22.";
        let s = tagger.scan(text).suggest_years(text, Some(2021));
        let explained = s.map(|s| s.explain()).unwrap_or_default();
        assert!(explained.starts_with("July 22 was a Wed"), "{explained}");
        assert!(explained.contains("2020"), "{explained}");
    }
}
