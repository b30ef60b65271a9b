//! Quarters and years counted back, the past N units, weekends, decades and years in words, holidays, parts and ends of units, seasons.

use super::{
    Pieces, Rel, Spec, Table, Unit, alternation, count, modifier_of, month, num, rel, unit_of,
};

/// Adds this group's rules to `table`, in priority order.
#[expect(clippy::too_many_lines, reason = "a rule table")]
pub(super) fn add(table: &mut Table, pieces: &Pieces) {
    let Pieces {
        month_full,
        tens,
        ones,
        n_vague,
        units,
        ..
    } = pieces;
    table.add(
        "date.quarter",
        r"(?i)\b(?:the\s+)?(?:fiscal[\s-]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?P<y>\d{4}))?\b".to_owned(),
        |c, _, _, _, _| {
            let quarter = match c.name("ord")?.as_str().to_lowercase().as_str() {
                "first" | "1st" => 1,
                "second" | "2nd" => 2,
                "third" | "3rd" => 3,
                _ => 4,
            };
            Some(Spec::Quarter { quarter, year: num(c, "y").and_then(|y| i32::try_from(y).ok()), half: false })
        },
    );
    table.add(
        "relative.reporting_quarter",
        r"(?i)\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+|just[\s-]ended\s+)?(?:fiscal\s+)?(?:quarter|(?:latest|recent)\s+period)\b".to_owned(),
        |_, _, text, _, end| {
            let after = text.get(end..).unwrap_or_default();
            (!after.starts_with('-')).then_some(Spec::LastQuarter { years_back: 0 })
        },
    );
    table.add(
        "relative.year_ago_quarter",
        r"(?i)\b(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|year\s+earlier|year\s+ago)(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period|level|results?|figures?))?\b".to_owned(),
        |c, _, text, start, end| {
            let mut from = start.saturating_sub(16);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = text.get(from..start).unwrap_or_default().trim_end().to_lowercase();
            let hyphenated = text.get(start..end).is_some_and(|s| s.contains('-'));
            // "a year ago" is the ago rule's; "a year-earlier loss" is ours.
            if !hyphenated && (before.ends_with(" a") || before.ends_with("one")) {
                return None;
            }
            // "the year-ago third quarter": that quarter of last year.
            let quarter = match c.name("ord").map(|m| m.as_str().to_lowercase()).as_deref() {
                Some("first") => 1,
                Some("second") => 2,
                Some("third") => 3,
                Some("fourth") => 4,
                _ => return Some(Spec::LastQuarter { years_back: 1 }),
            };
            Some(Spec::QuarterOfRelativeYear { quarter, offset: -1 })
        },
    );
    table.add(
        "duration.the_past_n",
        format!(
            r"(?i)\b(?:the\s+)?(?:past|last|next|coming|first|previous|following|final)\s+{n_vague}\s+{units}\b"
        ),
        |c, l, _, _, _| {
            Some(Spec::Duration {
                unit: unit_of(c, l)?,
                count: count(c, l),
                modifier: None,
            })
        },
    );
    table.add(
        "duration.the_year",
        r"(?i)\bthe\s+(?:full\s+|fiscal\s+)?year\b".to_owned(),
        |_, _, text, _, end| {
            let after = text.get(end..).unwrap_or_default();
            let next: String = after
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if after.starts_with(['-', '\''])
                || matches!(
                    next.as_str(),
                    "earlier" | "ago" | "before" | "after" | "two" | "of" | "in"
                )
            {
                return None;
            }
            // TE3 gold: "the year ended Sept. 30" is a length (P1Y); "for the year", "the full year" the current year.
            Some(if matches!(next.as_str(), "ended" | "ending" | "to") {
                Spec::Duration {
                    unit: Unit::Year,
                    count: Some(1.0),
                    modifier: None,
                }
            } else {
                Spec::Relative {
                    unit: Unit::Year,
                    offset: 0,
                    modifier: None,
                }
            })
        },
    );
    table.add(
        "relative.the_weekend",
        r"(?i)\bthe\s+weekend\b".to_owned(),
        |_, _, _, _, _| Some(Spec::TheWeekend),
    );
    table.add(
        "date.decade_word",
        r"(?i)\bthe\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?:nineteen[\s-]?)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b".to_owned(),
        |c, _, _, _, _| {
            let decade = match c.name("w")?.as_str().to_lowercase().as_str() {
                "twenties" => 192,
                "thirties" => 193,
                "forties" => 194,
                "fifties" => 195,
                "sixties" => 196,
                "seventies" => 197,
                "eighties" => 198,
                _ => 199,
            };
            Some(Spec::Decade { decade, modifier: modifier_of(c.name("mod").map(|m| m.as_str())) })
        },
    );
    table.add(
        "date.spoken_year",
        format!(
            r"(?i)\b(?:(?P<mon>{month_full})\s+|(?:the\s+)?year\s+)?(?:nineteen\s+(?P<yy>(?:{tens})(?:[\s-](?:{ones}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?P<k>two\s+thousand(?:\s+and\s+(?:{ones}|ten))?))\b"
        ),
        |c, l, _, _, _| {
            let year = if let Some(yy) = c.name("yy") {
                1900 + i32::try_from(l.number(yy.as_str())? as i64).ok()?
            } else {
                let k = c.name("k")?.as_str().to_lowercase();
                let rest = k
                    .split_once(" and ")
                    .map_or(Some(0.0), |(_, r)| l.number(r))?;
                2000 + rest as i32
            };
            match month(c, l) {
                Some(month) => Some(Spec::MonthYear {
                    year,
                    month,
                    modifier: None,
                }),
                None => Some(Spec::Year {
                    year,
                    modifier: None,
                }),
            }
        },
    );
    let holiday_names: Vec<String> = super::super::holidays::HOLIDAYS
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    let holiday_alt = alternation(holiday_names.iter())
        .replace(r"\ ", r"\s+")
        .replace(' ', r"\s+");
    table.add(
        "date.holiday",
        format!(
            r"(?i)\b(?:(?P<rel>last|this|next|this\s+year's|last\s+year's|next\s+year's)\s+)?(?P<h>{holiday_alt})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
        |c, _, _, _, _| {
            let rule = super::super::holidays::rule_of(c.name("h")?.as_str())?;
            // "May Day" needs capitals, not "may day".
            if c.name("h")?.as_str().starts_with("may") {
                return None;
            }
            Some(Spec::Holiday {
                rule,
                year: num(c, "y").and_then(|y| i32::try_from(y).ok()),
                rel: rel(c.name("rel").map(|m| m.as_str())),
            })
        },
    );
    table.add(
        "date.month_relative_year",
        format!(
            r"(?:\b(?P<mod>(?i:early|mid|late))[\s-]*)?\b(?P<mon>{month_full}),?\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b"
        ),
        |c, l, _, _, _| {
            let offset = match c.name("rel")?.as_str().to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            Some(Spec::MonthOfRelativeYear {
                month: month(c, l)?,
                offset,
                modifier: modifier_of(c.name("mod").map(|m| m.as_str())),
            })
        },
    );
    table.add(
        "date.part_of_month",
        format!(
            r"(?i:\bthe\s+(?P<m>end|beginning|start|middle)\s+of\s+)(?P<mon>{month_full})(?:,?\s+(?P<y>\d{{4}}))?\b"
        ),
        |c, l, _, _, _| {
            let modifier = match c.name("m")?.as_str().to_lowercase().as_str() {
                "end" => "END",
                "middle" => "MID",
                _ => "START",
            };
            let month = month(c, l)?;
            Some(match num(c, "y").and_then(|y| i32::try_from(y).ok()) {
                Some(year) => Spec::MonthYear {
                    year,
                    month,
                    modifier: Some(modifier),
                },
                None => Spec::Month {
                    month,
                    rel: Rel::Bare,
                    modifier: Some(modifier),
                },
            })
        },
    );
    table.add(
        "relative.year_quarter",
        r"(?i)\bthe\s+(?P<y>(?:19|20)\d\d)\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?:quarter|period)\b".to_owned(),
        |c, _, _, _, _| {
            let year = i32::try_from(num(c, "y")?).ok()?;
            let quarter = match c.name("ord").map(|m| m.as_str().to_lowercase()).as_deref() {
                Some("first") => 1,
                Some("second") => 2,
                Some("third") => 3,
                Some("fourth") => 4,
                _ => return Some(Spec::ReportingQuarterOf { year }),
            };
            Some(Spec::Quarter { quarter, year: Some(year), half: false })
        },
    );
    table.add(
        "relative.year_s_quarter",
        r"(?i)\b(?P<rel>this|last|next)\s+year['’]s\s+(?P<ord>first|second|third|fourth)\s+quarter\b".to_owned(),
        |c, _, _, _, _| {
            let offset = match c.name("rel")?.as_str().to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let quarter = match c.name("ord")?.as_str().to_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            Some(Spec::QuarterOfRelativeYear { quarter, offset })
        },
    );
    table.add(
        "duration.vague_plural",
        r"(?i)\b(?:for|within|over|in)\s+(?P<t>(?P<unit>days|weeks|months|years|decades))\b"
            .to_owned(),
        |c, l, _, _, _| {
            Some(Spec::Duration {
                unit: unit_of(c, l)?,
                count: None,
                modifier: None,
            })
        },
    );
    table.add(
        "relative.part_of_unit",
        r"(?i)\b(?:the\s+)?(?P<m>end|beginning|start|middle)\s+of\s+(?P<rel>the|this|next|last)\s+(?P<unit>week|month|year|decade|century|quarter)\b".to_owned(),
        |c, l, _, _, _| {
            let offset = match c.name("rel")?.as_str().to_lowercase().as_str() {
                "next" => 1,
                "last" => -1,
                _ => 0,
            };
            let modifier = match c.name("m")?.as_str().to_lowercase().as_str() {
                "end" => "END",
                "middle" => "MID",
                _ => "START",
            };
            Some(Spec::Relative { unit: unit_of(c, l)?, offset, modifier: Some(modifier) })
        },
    );
    table.add(
        // "by year end", "at year's end", "before the month-end": the end of
        // the unit the text is in (or the one `last`/`next` names). Only after
        // a preposition of time: "year-end results" is a kind of result.
        "relative.unit_end",
        r"(?i)\b(?:by|at|before|until|till|through|after|since|around|near|toward|towards)\s+(?:the\s+)?(?P<t>(?:(?P<rel>this|next|last)\s+)?(?P<unit>year|month|quarter|week)(?:-|\s+|'s\s+|’s\s+)end)\b(?:-|\s+(?:results?|profits?|earnings|figures|sales|net|bonus(?:es)?|dividends?|levels?|prices?|totals?)\b)?".to_owned(),
        |c, l, _, _, _| {
            // A noun after it makes it an adjective ("by year-end results").
            if c.get(0)?.end() > c.name("t")?.end() {
                return None;
            }
            let offset = match c.name("rel").map(|r| r.as_str().to_lowercase()) {
                Some(r) if r == "next" => 1,
                Some(r) if r == "last" => -1,
                _ => 0,
            };
            Some(Spec::Relative {
                unit: unit_of(c, l)?,
                offset,
                modifier: Some("END"),
            })
        },
    );
    table.add(
        "relative.the_week",
        r"(?i)\b(?:for|of|during)\s+(?P<t>the\s+week)\b".to_owned(),
        |_, _, _, _, _| {
            Some(Spec::Relative {
                unit: Unit::Week,
                offset: 0,
                modifier: None,
            })
        },
    );
    table.add(
        "date.season",
        r"(?i)\b(?:(?P<rel>last|this|next|the\s+coming|the\s+past|this\s+past)\s+|(?P<the>the\s+(?:early\s+|late\s+)?))?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b".to_owned(),
        |c, l, _, _, _| {
            let year = num(c, "y").and_then(|y| i32::try_from(y).ok());
            let rel_word = c.name("rel").map(|m| m.as_str());
            // "the summer" is this year's; "the fall" alone is too often a noun.
            let the_season = c.name("the").is_some() && !c.name("s")?.as_str().eq_ignore_ascii_case("fall");
            if year.is_none() && rel_word.is_none() && !the_season {
                return None;
            }
            let code = l.seasons.get(&c.name("s")?.as_str().to_lowercase())?;
            let season = match code.as_str() {
                "SP" => "SP",
                "SU" => "SU",
                "FA" => "FA",
                _ => "WI",
            };
            Some(Spec::Season { season, year, rel: rel(rel_word) })
        },
    );
}
