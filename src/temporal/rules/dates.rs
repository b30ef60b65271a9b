//! Calendar dates: ISO, day-month-year and the other orders, numeric dates, months, years, halves, decades, fiscal years.

use super::{Pieces, Spec, Table, abs, modifier_of, month, num, plausible_year, weekday};

/// Adds this group's rules to `table`, in priority order.
#[expect(clippy::too_many_lines, reason = "a rule table")]
pub(super) fn add(table: &mut Table, pieces: &Pieces) {
    let Pieces {
        month_full,
        month_any,
        wd_full,
        wd_any,
        time,
        ..
    } = pieces;
    table.add(
        "date.iso",
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2}))?\b".to_owned(),
        |c, l, _, _, _| abs(c, l),
    );
    table.add(
        "date.day_month_year",
        format!(
            r"\b(?:(?P<wd>{wd_any}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_any}),?\s+(?P<y>\d{{4}})\b{time}"
        ),
        |c, l, _, _, _| abs(c, l),
    );
    table.add(
        "date.month_day_year",
        format!(
            r"\b(?:(?P<wd>{wd_any}),?\s+)?(?P<mon>{month_any})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b{time}"
        ),
        |c, l, _, _, _| abs(c, l),
    );
    table.add(
        "date.numeric",
        r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b".to_owned(),
        |c, _, _, _, _| {
            let (a, b) = (
                u32::try_from(num(c, "a")?).ok()?,
                u32::try_from(num(c, "b")?).ok()?,
            );
            let year = i32::try_from(num(c, "y")?).ok()?;
            // Only unambiguous day/month orders.
            // Ambiguous day/month order: only the year is certain.
            let (month, day) = if a > 12 {
                (b, a)
            } else if b > 12 || a == b {
                (a, b)
            } else {
                return Some(Spec::Year {
                    year,
                    modifier: None,
                });
            };
            chrono::NaiveDate::from_ymd_opt(year, month, day)?;
            Some(Spec::Abs {
                year,
                month,
                day,
                weekday: None,
                time: None,
            })
        },
    );
    table.add(
        "date.month_day",
        format!(
            r"\b(?:(?P<wd>{wd_full}),?\s+)?(?P<mon>{month_any})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
        ),
        |c, l, _, _, _| {
            Some(Spec::YearlessDay {
                month: month(c, l)?,
                day: u32::try_from(num(c, "d")?)
                    .ok()
                    .filter(|d| (1..=31).contains(d))?,
                weekday: weekday(c, l),
            })
        },
    );
    table.add(
        "date.day_month",
        format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::YearlessDay {
                month: month(c, l)?,
                day: u32::try_from(num(c, "d")?)
                    .ok()
                    .filter(|d| (1..=31).contains(d))?,
                weekday: None,
            })
        },
    );
    table.add(
        "date.month_year",
        format!(
            r"(?:\b(?P<mod>(?i:early|mid|late))[\s-]*)?\b(?P<mon>{month_any}),?\s+(?:of\s+)?(?P<y>\d{{4}})\b"
        ),
        |c, l, _, _, _| {
            Some(Spec::MonthYear {
                year: i32::try_from(num(c, "y")?).ok()?,
                month: month(c, l)?,
                modifier: modifier_of(c.name("mod").map(|m| m.as_str())),
            })
        },
    );
    table.add(
        "date.fuzzy_year",
        r"\b(?P<mod>(?i:early|mid-|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]*(?P<y>1[5-9]\d\d|20\d\d)\b".to_owned(),
        |c, _, _, _, _| Some(Spec::Year { year: i32::try_from(num(c, "y")?).ok()?, modifier: modifier_of(c.name("mod").map(|m| m.as_str())) }),
    );
    table.add(
        "date.half_year",
        r"\b(?i:the\s+)?(?P<ord>(?i:first|second))\s+(?i:half)\s+of\s+(?P<y>\d{4})\b".to_owned(),
        |c, _, _, _, _| {
            let quarter = if c.name("ord")?.as_str().eq_ignore_ascii_case("first") {
                1
            } else {
                2
            };
            Some(Spec::Quarter {
                quarter,
                year: Some(i32::try_from(num(c, "y")?).ok()?),
                half: true,
            })
        },
    );
    table.add(
        "date.decade",
        r"\b(?i:the\s+)?(?:(?P<mod>(?i:early|mid-|mid|late))[\s-]*)?(?P<dec>1[5-9]\d|20\d)0['’]?s\b".to_owned(),
        |c, _, _, _, _| Some(Spec::Decade { decade: i32::try_from(num(c, "dec")?).ok()?, modifier: modifier_of(c.name("mod").map(|m| m.as_str())) }),
    );
    table.add(
        "date.fiscal_year",
        r"\b(?i:fiscal)\s+(?i:year\s+)?(?P<y>(?:19|20)\d\d)\b".to_owned(),
        |c, _, _, _, _| {
            Some(Spec::Year {
                year: i32::try_from(num(c, "y")?).ok()?,
                modifier: None,
            })
        },
    );
    table.add(
        "date.year",
        r"\b(?P<y>1[6-9]\d\d|20\d\d)\b".to_owned(),
        |c, l, text, start, end| {
            plausible_year(text, start, end, l).then_some(())?;
            Some(Spec::Year {
                year: i32::try_from(num(c, "y")?).ok()?,
                modifier: None,
            })
        },
    );
}
