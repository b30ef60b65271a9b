//! From a rule's spec to a TIMEX3 value: the spec resolved against the
//! anchor (the publication date, or the last date for anaphora) and the
//! tense of its clause.

use super::{
    Datelike, NaiveDate, Rel, Spec, Tense, TimexType, Unit, Weekday, holidays, nearest_weekday,
    shift, value_at,
};

/// The ISO weekday of number 1–7.
pub(super) fn weekday_of(n: u32) -> Option<Weekday> {
    Weekday::try_from(u8::try_from(n.checked_sub(1)?).ok()?).ok()
}

/// A resolved value.
pub(super) struct Resolved {
    pub(super) kind: TimexType,
    pub(super) value: String,
    pub(super) modifier: Option<&'static str>,
    pub(super) needs_anchor: bool,
}

/// How many years back a financial report's own quarter an expression
/// points ("the quarter": 0; "a year ago", "the year-earlier period": 1),
/// when it is one.
pub(super) fn reporting_years_back(spec: &Spec, quarterly: bool) -> Option<i64> {
    let one = |n: f64| (n - 1.0).abs() < f64::EPSILON;
    match *spec {
        Spec::LastQuarter { years_back } => Some(years_back),
        Spec::Ago {
            unit: Unit::Year,
            count: Some(n),
            modifier: None,
        } if quarterly && one(n) => Some(1),
        Spec::Anaphoric {
            unit: Unit::Year,
            shift: Some(n),
            modifier: None,
            ..
        } if quarterly && one(-n) => Some(1),
        _ => None,
    }
}

/// Year and quarter of a `YYYY-Qn` value.
pub(super) fn quarter_of(value: &str) -> Option<(i64, u32)> {
    let (year, quarter) = value.split_once("-Q")?;
    let quarter: u32 = quarter.parse().ok()?;
    (year.len() == 4 && (1..=4).contains(&quarter)).then_some((year.parse().ok()?, quarter))
}

pub(super) fn date(value: String, modifier: Option<&'static str>, needs_anchor: bool) -> Resolved {
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
    if day.is_some() {
        // A written day: the nearest year, where the side the tense points
        // away from costs 90 days (journalists write the year when a date
        // is not within a few months; tense cues are noisy).
        let cost = |y: i32| {
            let offset = (date_in(y) - anchor).num_days();
            let against = match tense {
                Tense::Past => offset > 3,
                Tense::Future => offset < -3,
                Tense::Present => false,
            };
            offset.abs() + if against { 90 } else { 0 }
        };
        return candidates
            .into_iter()
            .min_by_key(|&y| cost(y))
            .unwrap_or(anchor.year());
    }
    if tense == Tense::Present {
        // A bare month, no tense: the nearest, leaning to the past (news
        // reports what happened) by 60 days.
        let cost = |y: i32| {
            let mid = NaiveDate::from_ymd_opt(y, month, 15).unwrap_or(anchor);
            let offset = (mid - anchor).num_days();
            offset.abs() + if offset > 0 { 60 } else { 0 }
        };
        return candidates
            .into_iter()
            .min_by_key(|&y| cost(y))
            .unwrap_or(anchor.year());
    }
    let slack = 0;

    let fits = |y: i32| {
        let d = date_in(y);
        let same_month = d.year() == anchor.year() && d.month() == anchor.month();
        match tense {
            Tense::Future => same_month || (d - anchor).num_days() >= -slack,
            Tense::Past => same_month || (anchor - d).num_days() >= -slack,
            Tense::Present => true,
        }
    };
    let distance = |y: i32| (date_in(y) - anchor).num_days().abs();
    candidates
        .into_iter()
        .filter(|&y| fits(y))
        .min_by_key(|&y| distance(y))
        .unwrap_or(anchor.year())
}

/// The year near `anchor` in which `month`/`day` falls on `weekday`, when a
/// weekday was written with the date: of the years around the anchor that
/// fit, the one [`year_for`] would pick if it fits, else the nearest.
fn year_with_weekday(
    anchor: NaiveDate,
    month: u32,
    day: u32,
    weekday: Weekday,
    tense: Tense,
) -> Option<i32> {
    let fits =
        |y: i32| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == weekday);
    let preferred = year_for(anchor, month, Some(day), tense);
    if fits(preferred) {
        return Some(preferred);
    }
    (anchor.year() - 1..=anchor.year() + 1)
        .filter(|&y| fits(y))
        .min_by_key(|&y| {
            NaiveDate::from_ymd_opt(y, month, day)
                .map_or(i64::MAX, |d| (d - anchor).num_days().abs())
        })
}

/// Resolves a spec against the anchor and tense.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per kind of expression reads best as one table"
)]
pub(super) fn resolve(
    spec: &Spec,
    anchor: Option<NaiveDate>,
    tense: Tense,
    quarterly: bool,
) -> Option<Resolved> {
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
        Spec::YearlessDay {
            month,
            day,
            weekday,
        } => {
            NaiveDate::from_ymd_opt(2000, month, day)?;
            with_anchor(
                &|a| {
                    let year = weekday
                        .and_then(weekday_of)
                        .and_then(|wd| year_with_weekday(a, month, day, wd, tense))
                        .unwrap_or_else(|| year_for(a, month, Some(day), tense));
                    Some(format!("{year:04}-{month:02}-{day:02}"))
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
        Spec::Weekday { weekday, rel, part } => {
            let wd = weekday_of(weekday)?;
            // TE3 gold values "Friday night" as the day itself.
            let suffix = String::new();
            let _ = part;
            let resolved = with_anchor(
                &|a| {
                    let day = match rel {
                        Rel::Last => nearest_weekday(a, wd, true, true)?,
                        Rel::Next => nearest_weekday(a, wd, false, true)?,
                        Rel::This => nearest_weekday(a, wd, true, false)
                            .filter(|d| d.iso_week() == a.iso_week())
                            .or_else(|| nearest_weekday(a, wd, false, false))?,
                        Rel::Bare => nearest_weekday(a, wd, tense != Tense::Future, false)?,
                    };
                    Some(format!("{}{suffix}", value_at(day, Unit::Day)))
                },
                &format!("XXXX-WXX-{weekday}{suffix}"),
                None,
            );
            // TE3 gold mostly types "Friday night" as a DATE of that day.
            resolved
        }
        Spec::DayOffset { days, part } => {
            let suffix = part.map(|p| format!("T{p}")).unwrap_or_default();
            let resolved = with_anchor(
                &|a| {
                    Some(format!(
                        "{}{suffix}",
                        value_at(shift(a, Unit::Day, days)?, Unit::Day)
                    ))
                },
                &format!("XXXX-XX-XX{suffix}"),
                None,
            );
            // "this morning", "last night": a TIME (a named day's part stays a DATE).
            resolved.map(|r| Resolved {
                kind: if part.is_some() {
                    TimexType::Time
                } else {
                    TimexType::Date
                },
                ..r
            })
        }
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
            unit: Unit::Year,
            count: Some(n),
            modifier: None,
        } if quarterly && (n - 1.0).abs() < f64::EPSILON => resolve(
            &Spec::LastQuarter { years_back: 1 },
            anchor,
            tense,
            quarterly,
        ),
        Spec::Ago {
            unit,
            count,
            modifier,
        } => match count {
            Some(n) => with_anchor(
                &|a| Some(value_at(shift(a, unit, -(n as i64))?, unit)),
                &unknown_of(unit),
                modifier,
            ),
            None => Some(date("PAST_REF".to_owned(), None, false)),
        },
        Spec::Anaphoric {
            unit: Unit::Year,
            shift: Some(n),
            modifier: None,
            ..
        } if quarterly && (n + 1.0).abs() < f64::EPSILON => resolve(
            &Spec::LastQuarter { years_back: 1 },
            anchor,
            tense,
            quarterly,
        ),
        Spec::Anaphoric {
            unit,
            shift: Some(n),
            modifier,
            ..
        } => with_anchor(
            &|a| Some(value_at(shift(a, unit, n as i64)?, unit)),
            &unknown_of(unit),
            modifier,
        ),
        Spec::Anaphoric {
            shift: None,
            forward,
            ..
        } => Some(date(
            if forward { "FUTURE_REF" } else { "PAST_REF" }.to_owned(),
            None,
            false,
        )),
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
        Spec::LastQuarter { years_back } => with_anchor(
            &|a| {
                let q = (a.month() - 1) / 3 + 1;
                let (y, q) = if q == 1 {
                    (a.year() - 1, 4)
                } else {
                    (a.year(), q - 1)
                };
                // "the quarter" itself always names one; "a year ago" only in quarterly reports.
                if quarterly || years_back == 0 {
                    Some(format!("{:04}-Q{q}", i64::from(y) - years_back))
                } else {
                    Some(format!("{:04}", i64::from(a.year()) - years_back))
                }
            },
            "XXXX-QX",
            None,
        ),
        Spec::Holiday { rule, year, rel } => {
            if let Some(y) = year {
                let d = rule.date_in(y)?;
                return Some(date(value_at(d, Unit::Day), None, false));
            }
            let fallback = rule.month().map_or_else(
                || "XXXX-XX-XX".to_owned(),
                |m| match rule {
                    holidays::DateRule::Fixed { month, day } => format!("XXXX-{month:02}-{day:02}"),
                    _ => format!("XXXX-{m:02}-XX"),
                },
            );
            with_anchor(
                &|a| {
                    let years = [a.year() - 1, a.year(), a.year() + 1];
                    let dates = years.iter().filter_map(|&y| rule.date_in(y));
                    let pick = match (rel, tense) {
                        (Rel::Last, _) => dates.filter(|d| *d < a).max(),
                        (Rel::Next, _) => dates.filter(|d| *d > a).min(),
                        (_, Tense::Future) => dates.filter(|d| *d >= a).min(),
                        (_, Tense::Past) => dates.filter(|d| *d <= a).max(),
                        _ => dates.min_by_key(|d| (*d - a).num_days().abs()),
                    }?;
                    Some(value_at(pick, Unit::Day))
                },
                &fallback,
                None,
            )
        }
        Spec::TheWeekend => {
            let weekend_day = anchor.is_some_and(|a| a.weekday().number_from_monday() >= 6);
            let offset = if tense == Tense::Future || weekend_day {
                0
            } else {
                -1
            };
            resolve(
                &Spec::Relative {
                    unit: Unit::Weekend,
                    offset,
                    modifier: None,
                },
                anchor,
                tense,
                quarterly,
            )
        }
        Spec::ReportingQuarterOf { year } => with_anchor(
            &|a| {
                let q = (a.month() - 1) / 3 + 1;
                let q = if q == 1 { 4 } else { q - 1 };
                Some(format!("{year:04}-Q{q}"))
            },
            &format!("{year:04}-QX"),
            None,
        ),
        Spec::MonthOfRelativeYear {
            month,
            offset,
            modifier,
        } => with_anchor(
            &|a| Some(format!("{:04}-{month:02}", a.year() + offset)),
            &format!("XXXX-{month:02}"),
            modifier,
        ),
        Spec::QuarterOfRelativeYear { quarter, offset } => with_anchor(
            &|a| Some(format!("{:04}-Q{quarter}", a.year() + offset)),
            &format!("XXXX-Q{quarter}"),
            None,
        ),
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
