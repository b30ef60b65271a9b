//! Named holidays (`assets/temporal/holidays.tsv`): fixed dates, n-th
//! weekdays of a month, and days relative to Easter.

use chrono::{Datelike, NaiveDate, Weekday};
use std::sync::LazyLock;

const DATA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/temporal/holidays.tsv"
));

/// How a holiday's date is found in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRule {
    /// Same month and day every year.
    Fixed { month: u32, day: u32 },
    /// The n-th (1-based; -1 = last) ISO weekday (1 = Monday) of a month.
    NthWeekday { n: i32, weekday: u32, month: u32 },
    /// Days after (or before) Easter Sunday.
    Easter { offset: i64 },
}

impl DateRule {
    /// The holiday's date in `year`.
    #[must_use]
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            Self::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            Self::NthWeekday { n, weekday, month } => {
                let wd = Weekday::try_from(u8::try_from(weekday.checked_sub(1)?).ok()?).ok()?;
                if n > 0 {
                    NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
                } else {
                    let first_next = if month == 12 {
                        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                    } else {
                        NaiveDate::from_ymd_opt(year, month + 1, 1)?
                    };
                    let mut d = first_next.pred_opt()?;
                    while d.weekday() != wd {
                        d = d.pred_opt()?;
                    }
                    Some(d)
                }
            }
            Self::Easter { offset } => {
                easter(year)?.checked_add_signed(chrono::TimeDelta::try_days(offset)?)
            }
        }
    }

    /// The month, when every year has it in the same one.
    #[must_use]
    pub fn month(self) -> Option<u32> {
        match self {
            Self::Fixed { month, .. } | Self::NthWeekday { month, .. } => Some(month),
            Self::Easter { .. } => None,
        }
    }
}

/// Gregorian Easter Sunday (anonymous Gregorian algorithm).
#[expect(
    clippy::many_single_char_names,
    reason = "the algorithm's published variable names"
)]
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn parse_rule(rule: &str) -> Option<DateRule> {
    if let Some(rest) = rule.strip_prefix("easter") {
        let offset = if rest.is_empty() {
            0
        } else {
            rest.trim_start_matches('+').parse().ok()?
        };
        return Some(DateRule::Easter { offset });
    }
    let parts: Vec<&str> = rule.split(':').collect();
    if let [n, wd, m] = parts.as_slice() {
        return Some(DateRule::NthWeekday {
            n: n.parse().ok()?,
            weekday: wd.parse().ok()?,
            month: m.parse().ok()?,
        });
    }
    let (m, d) = rule.split_once('-')?;
    Some(DateRule::Fixed {
        month: m.parse().ok()?,
        day: d.parse().ok()?,
    })
}

/// The holiday table: lower-cased name (single spaces) → rule.
pub static HOLIDAYS: LazyLock<Vec<(String, DateRule)>> = LazyLock::new(|| {
    DATA.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (name, rule) = l.split_once('\t')?;
            Some((
                name.to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                parse_rule(rule.trim())?,
            ))
        })
        .collect()
});

/// The rule for a holiday name as written.
#[must_use]
pub fn rule_of(name: &str) -> Option<DateRule> {
    let key = name
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    HOLIDAYS.iter().find(|(n, _)| *n == key).map(|(_, r)| *r)
}

#[cfg(test)]
mod tests {
    use super::{easter, rule_of};

    #[test]
    fn holiday_dates() {
        let d = |name: &str, y: i32| {
            rule_of(name)
                .and_then(|r| r.date_in(y))
                .map(|d| d.to_string())
        };
        assert_eq!(d("Thanksgiving", 1999).as_deref(), Some("1999-11-25"));
        assert_eq!(d("Memorial Day", 2017).as_deref(), Some("2017-05-29"));
        assert_eq!(d("christmas", 2020).as_deref(), Some("2020-12-25"));
        assert_eq!(d("Good Friday", 2024).as_deref(), Some("2024-03-29"));
        assert_eq!(
            easter(2019).map(|e| e.to_string()).as_deref(),
            Some("2019-04-21")
        );
    }
}
