//! Calendar arithmetic and TIMEX3 values: building values at a granularity,
//! and the inclusive day range a value covers.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// Granularity of a relative expression's value, finest first (the order
/// is used: a reference fits a unit at least as coarse as its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// A weekend (Saturday and Sunday of an ISO week).
    Weekend,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Unit {
    /// From the lexicon's duration letter.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "S" => Self::Second,
            "MIN" => Self::Minute,
            "H" => Self::Hour,
            "D" => Self::Day,
            "W" => Self::Week,
            "WE" => Self::Weekend,
            "M" => Self::Month,
            "Q" => Self::Quarter,
            "Y" => Self::Year,
            "DE" => Self::Decade,
            "CE" => Self::Century,
            _ => return None,
        })
    }

    /// The TIMEX3 duration for `n` units ("P2Y", "PT3H"); `None` → "X".
    #[must_use]
    pub fn duration(self, n: Option<f64>) -> String {
        // Halves as TIMEX3 writes them: "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M.
        if let Some(n) = n.filter(|n| (n.fract() - 0.5).abs() < f64::EPSILON) {
            let whole = n.trunc() as i64;
            let half = match self {
                Self::Year => Some(format!("P{whole}Y6M")),
                Self::Month => Some(format!("P{whole}M15D")),
                Self::Day => Some(format!("P{whole}DT12H")),
                Self::Hour => Some(format!("PT{whole}H30M")),
                Self::Minute => Some(format!("PT{whole}M30S")),
                _ => None,
            };
            if let Some(value) = half {
                return value;
            }
        }
        let count = n.map_or_else(
            || "X".to_owned(),
            |n| {
                if n.fract() == 0.0 {
                    format!("{}", n as i64)
                } else {
                    format!("{n}")
                }
            },
        );
        match self {
            Self::Second => format!("PT{count}S"),
            Self::Minute => format!("PT{count}M"),
            Self::Hour => format!("PT{count}H"),
            Self::Day => format!("P{count}D"),
            Self::Week | Self::Weekend => format!("P{count}W"),
            Self::Month => format!("P{count}M"),
            Self::Quarter => format!("P{count}Q"),
            Self::Year => format!("P{count}Y"),
            // TE3 gold writes decades and centuries in years ("two decades" → P20Y).
            Self::Decade => {
                n.map_or_else(|| "PXY".to_owned(), |n| format!("P{}Y", years_of(n * 10.0)))
            }
            Self::Century => n.map_or_else(
                || "PXCE".to_owned(),
                |n| format!("P{}Y", years_of(n * 100.0)),
            ),
        }
    }
}

/// A year count as written in a duration value.
fn years_of(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Shifts `date` by `n` units (negative goes back); None out of range.
#[must_use]
pub fn shift(date: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |m: i64| -> Option<NaiveDate> {
        let count = Months::new(u32::try_from(m.unsigned_abs()).ok()?);
        if m >= 0 {
            date.checked_add_months(count)
        } else {
            date.checked_sub_months(count)
        }
    };
    let days = |d: i64| -> Option<NaiveDate> {
        if d >= 0 {
            date.checked_add_days(Days::new(d.unsigned_abs()))
        } else {
            date.checked_sub_days(Days::new(d.unsigned_abs()))
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(n.checked_mul(7)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// The value of the `unit` that holds `date` ("2017-W30", "2017-07", "2017").
#[must_use]
pub fn value_at(date: NaiveDate, unit: Unit) -> String {
    let week = date.iso_week();
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => date.format("%Y-%m-%d").to_string(),
        Unit::Week => format!("{:04}-W{:02}", week.year(), week.week()),
        Unit::Weekend => format!("{:04}-W{:02}-WE", week.year(), week.week()),
        Unit::Month => date.format("%Y-%m").to_string(),
        Unit::Quarter => format!("{:04}-Q{}", date.year(), (date.month() - 1) / 3 + 1),
        Unit::Year => format!("{:04}", date.year()),
        Unit::Decade => format!("{:03}", date.year().div_euclid(10)),
        Unit::Century => format!("{:02}", date.year().div_euclid(100)),
    }
}

/// The `weekday` nearest `date` going back (or forward); `strict` skips `date` itself.
#[must_use]
pub fn nearest_weekday(
    date: NaiveDate,
    weekday: Weekday,
    back: bool,
    strict: bool,
) -> Option<NaiveDate> {
    let from = i64::from(date.weekday().num_days_from_monday());
    let to = i64::from(weekday.num_days_from_monday());
    let mut diff = if back {
        (from - to).rem_euclid(7)
    } else {
        (to - from).rem_euclid(7)
    };
    if strict && diff == 0 {
        diff = 7;
    }
    shift(date, Unit::Day, if back { -diff } else { diff })
}

/// Inclusive first and last day of a TIMEX3 calendar value; None when the
/// value is not a calendar date or period (durations, REFs, anything with X).
#[must_use]
pub fn range_of_value(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if value.contains('X') || value.starts_with('P') || value.ends_with("_REF") {
        return None;
    }
    let date_part = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date_part.split('-').collect();
    let num = |s: &str| s.parse::<i32>().ok();
    let month_len = |first: NaiveDate, months: u32| {
        Some((
            first,
            first.checked_add_months(Months::new(months))?.pred_opt()?,
        ))
    };
    match parts.as_slice() {
        [y] if y.len() == 4 => month_len(NaiveDate::from_ymd_opt(num(y)?, 1, 1)?, 12),
        [d] if d.len() == 3 => month_len(NaiveDate::from_ymd_opt(num(d)? * 10, 1, 1)?, 120),
        [c] if c.len() == 2 => month_len(NaiveDate::from_ymd_opt(num(c)? * 100, 1, 1)?, 1200),
        [y, m] if m.len() == 2 && m.chars().all(|c| c.is_ascii_digit()) => month_len(
            NaiveDate::from_ymd_opt(num(y)?, u32::try_from(num(m)?).ok()?, 1)?,
            1,
        ),
        [y, w] | [y, w, _] if w.starts_with('W') => {
            let monday = NaiveDate::from_isoywd_opt(
                num(y)?,
                u32::try_from(num(&w[1..])?).ok()?,
                Weekday::Mon,
            )?;
            if parts.get(2) == Some(&"WE") {
                Some((shift(monday, Unit::Day, 5)?, shift(monday, Unit::Day, 6)?))
            } else if let Some(day) = parts
                .get(2)
                .and_then(|d| d.parse::<i64>().ok())
                .filter(|d| (1..=7).contains(d))
            {
                // An ISO week date ("2017-W30-3").
                let d = shift(monday, Unit::Day, day - 1)?;
                Some((d, d))
            } else {
                Some((monday, shift(monday, Unit::Day, 6)?))
            }
        }
        [y, q] if q.starts_with('Q') => {
            let q = u32::try_from(num(&q[1..])?)
                .ok()
                .filter(|q| (1..=4).contains(q))?;
            month_len(NaiveDate::from_ymd_opt(num(y)?, (q - 1) * 3 + 1, 1)?, 3)
        }
        [y, h] if h.starts_with('H') => {
            let h = u32::try_from(num(&h[1..])?)
                .ok()
                .filter(|h| (1..=2).contains(h))?;
            month_len(NaiveDate::from_ymd_opt(num(y)?, (h - 1) * 6 + 1, 1)?, 6)
        }
        [y, season] if season.len() == 2 => {
            let month = match *season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                "WI" => 12,
                _ => return None,
            };
            month_len(NaiveDate::from_ymd_opt(num(y)?, month, 1)?, 3)
        }
        [y, m, d] => {
            let date = NaiveDate::from_ymd_opt(
                num(y)?,
                u32::try_from(num(m)?).ok()?,
                u32::try_from(num(d)?).ok()?,
            )?;
            Some((date, date))
        }
        _ => None,
    }
}

/// Narrows a range for a TIMEX3 mod: START, MID and END keep the first,
/// middle and last third; other mods keep the whole range.
#[must_use]
pub fn narrow(range: (NaiveDate, NaiveDate), modifier: Option<&str>) -> (NaiveDate, NaiveDate) {
    let (first, last) = range;
    let days = (last - first).num_days() + 1;
    if days < 3 {
        return range;
    }
    let third = days / 3;
    let at = |offset: i64| shift(first, Unit::Day, offset).unwrap_or(first);
    match modifier {
        Some("START") => (first, at(third - 1)),
        Some("MID") => (at(third), at(days - third - 1)),
        Some("END") => (at(days - third), last),
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::{narrow, range_of_value};
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn ranges_of_values() {
        for (value, first, last) in [
            ("2017-08-05", "2017-08-05", "2017-08-05"),
            ("2017-08-05T11:54", "2017-08-05", "2017-08-05"),
            ("2017-W30", "2017-07-24", "2017-07-30"),
            ("2017-W31-WE", "2017-08-05", "2017-08-06"),
            ("2017-W30-3", "2017-07-26", "2017-07-26"),
            ("2016", "2016-01-01", "2016-12-31"),
            ("199", "1990-01-01", "1999-12-31"),
            ("2018-05", "2018-05-01", "2018-05-31"),
            ("2019-Q3", "2019-07-01", "2019-09-30"),
            ("2019-H1", "2019-01-01", "2019-06-30"),
            ("2019-SU", "2019-06-01", "2019-08-31"),
        ] {
            assert_eq!(range_of_value(value), Some((d(first), d(last))), "{value}");
        }
        for value in ["XXXX-07-22", "P2Y", "PAST_REF", "2017-13", "garbage", ""] {
            assert_eq!(range_of_value(value), None, "{value}");
        }
    }

    #[test]
    fn mods_narrow_to_thirds() {
        let year = (d("2016-01-01"), d("2016-12-31"));
        assert_eq!(narrow(year, Some("END")).1, d("2016-12-31"));
        assert!(narrow(year, Some("END")).0 > d("2016-08-01"));
        assert_eq!(narrow(year, None), year);
    }
}
