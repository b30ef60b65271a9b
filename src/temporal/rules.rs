//! The named rules: each is a regex (built from the lexicon) and a function
//! from its captures to a [`Spec`] — what the text says, before resolution.

use super::Rel;
use super::calendar::Unit;
use super::lexicon::{Lexicon, alternation};
use regex::{Captures, Regex};

/// What an expression says, before it is resolved against an anchor.
#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    /// A full date, maybe with its weekday and time written.
    Abs {
        year: i32,
        month: u32,
        day: u32,
        weekday: Option<u32>,
        time: Option<(u32, u32)>,
    },
    /// A month of a year.
    MonthYear {
        year: i32,
        month: u32,
        modifier: Option<&'static str>,
    },
    /// A year.
    Year {
        year: i32,
        modifier: Option<&'static str>,
    },
    /// A decade ("199" for the 1990s).
    Decade {
        decade: i32,
        modifier: Option<&'static str>,
    },
    /// A day of a month, year unknown; the weekday if one was written with
    /// it ("Wednesday, July 22"), which narrows the year.
    YearlessDay {
        month: u32,
        day: u32,
        weekday: Option<u32>,
    },
    /// A month, year from context.
    Month {
        month: u32,
        rel: Rel,
        modifier: Option<&'static str>,
    },
    /// A weekday, maybe with a part of the day.
    Weekday {
        weekday: u32,
        rel: Rel,
        part: Option<&'static str>,
    },
    /// A time told from the last date the text mentioned ("that day", "the
    /// following year", "two days later", "a week earlier"): `shift` units
    /// from that reference (None: vague, "several years later").
    Anaphoric {
        unit: Unit,
        shift: Option<f64>,
        forward: bool,
        modifier: Option<&'static str>,
    },
    /// Yesterday, today, tomorrow (and parts of them).
    DayOffset {
        days: i64,
        part: Option<&'static str>,
    },
    /// last/this/next week, month, year…
    Relative {
        unit: Unit,
        offset: i64,
        modifier: Option<&'static str>,
    },
    /// "two years ago".
    Ago {
        unit: Unit,
        count: Option<f64>,
        modifier: Option<&'static str>,
    },
    /// "in three weeks".
    InFuture { unit: Unit, count: f64 },
    /// A season.
    Season {
        season: &'static str,
        year: Option<i32>,
        rel: Rel,
    },
    /// A quarter or (with `half`) a half year.
    Quarter {
        quarter: u32,
        year: Option<i32>,
        half: bool,
    },
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Ref(&'static str),
    /// A time of day on the anchor date.
    Time { hour: u32, minute: u32 },
    /// A length of time.
    Duration {
        unit: Unit,
        count: Option<f64>,
        modifier: Option<&'static str>,
    },
    /// A recurrence.
    Set { value: String },
    /// The reporting quarter of financial news (the last completed quarter
    /// before the anchor), `years_back` years earlier.
    LastQuarter { years_back: i64 },
    /// "the 1988 quarter": the reporting quarter's number in that year.
    ReportingQuarterOf { year: i32 },
    /// A named holiday.
    Holiday {
        rule: super::holidays::DateRule,
        year: Option<i32>,
        rel: Rel,
    },
    /// "the weekend": the last one, or with future tense the next one.
    TheWeekend,
    /// "February this year", "April next year".
    MonthOfRelativeYear {
        month: u32,
        offset: i32,
        modifier: Option<&'static str>,
    },
    /// "last year's third quarter".
    QuarterOfRelativeYear { quarter: u32, offset: i32 },
}

/// Builds a spec from a match: captures, lexicon, the text and the span.
pub type Build = fn(&Captures<'_>, &Lexicon, &str, usize, usize) -> Option<Spec>;

/// One named rule.
pub struct Rule {
    /// Name recorded on every expression it finds.
    pub name: &'static str,
    /// The pattern; group `t`, when present, is the expression's span.
    pub regex: Regex,
    /// From captures to spec.
    pub build: Build,
}

fn capitalised_variants(words: &[&String]) -> Vec<String> {
    let mut out = Vec::new();
    for w in words {
        let mut chars = w.chars();
        let cap: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        out.push(w.to_uppercase());
        out.push(cap);
    }
    out
}

fn modifier_of(word: Option<&str>) -> Option<&'static str> {
    let word = word?.to_lowercase();
    let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match word.trim_end_matches('-') {
        "early" | "the beginning of" | "the start of" => "START",
        "mid" | "the middle of" => "MID",
        "late" | "the end of" => "END",
        "more than" | "over" => "MORE_THAN",
        "less than" | "under" => "LESS_THAN",
        "at least" => "EQUAL_OR_MORE",
        "up to" => "EQUAL_OR_LESS",
        "about" | "around" | "some" | "nearly" | "almost" | "roughly" | "approximately" => "APPROX",
        _ => return None,
    })
}

fn part_of_day(word: Option<&str>) -> Option<&'static str> {
    Some(match word?.to_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

fn num(caps: &Captures<'_>, name: &str) -> Option<i64> {
    caps.name(name)?.as_str().parse().ok()
}

fn month(caps: &Captures<'_>, lex: &Lexicon) -> Option<u32> {
    lex.months
        .get(
            &caps
                .name("mon")?
                .as_str()
                .trim_end_matches('.')
                .to_lowercase(),
        )
        .copied()
}

/// The unit an anaphoric word counts in; parts of a day count as the day.
fn anaphoric_unit(word: &str) -> Option<Unit> {
    match word.to_lowercase().as_str() {
        "day" | "morning" | "afternoon" | "evening" | "night" => Some(Unit::Day),
        "week" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

fn weekday(caps: &Captures<'_>, lex: &Lexicon) -> Option<u32> {
    lex.weekdays
        .get(
            &caps
                .name("wd")?
                .as_str()
                .trim_end_matches('.')
                .to_lowercase(),
        )
        .copied()
}

fn unit_of(caps: &Captures<'_>, lex: &Lexicon) -> Option<Unit> {
    let word = caps.name("unit")?.as_str().to_lowercase();
    let singular = if word == "centuries" {
        "century".to_owned()
    } else {
        word.trim_end_matches('s').to_owned()
    };
    Unit::from_code(lex.units.get(&singular)?)
}

fn rel(word: Option<&str>) -> Rel {
    match word
        .map(str::to_lowercase)
        .as_deref()
        .map(|w| w.split_whitespace().last().unwrap_or_default().to_owned())
        .as_deref()
    {
        Some("last" | "past" | "previous") => Rel::Last,
        Some("next" | "coming" | "following") => Rel::Next,
        Some("this" | "current") => Rel::This,
        _ => Rel::Bare,
    }
}

fn count(caps: &Captures<'_>, lex: &Lexicon) -> Option<f64> {
    caps.name("n").and_then(|n| lex.number(n.as_str()))
}

fn time_of(caps: &Captures<'_>) -> Option<(u32, u32)> {
    let hour = u32::try_from(num(caps, "h")?).ok()?;
    let minute = u32::try_from(num(caps, "mi").unwrap_or(0)).ok()?;
    let pm = caps
        .name("ap")
        .is_some_and(|a| a.as_str().to_lowercase().starts_with('p'));
    let hour = if pm && hour < 12 { hour + 12 } else { hour };
    (hour < 24 && minute < 60).then_some((hour, minute))
}

fn abs(caps: &Captures<'_>, lex: &Lexicon) -> Option<Spec> {
    let year = i32::try_from(num(caps, "y")?).ok()?;
    let month = month(caps, lex).or_else(|| u32::try_from(num(caps, "m")?).ok())?;
    let day = u32::try_from(num(caps, "d")?).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Spec::Abs {
        year,
        month,
        day,
        weekday: weekday(caps, lex),
        time: time_of(caps),
    })
}

/// A bare 4-digit number is a year unless money, a percentage, a count or
/// part of a larger number.
fn plausible_year(text: &str, start: usize, end: usize, lex: &Lexicon) -> bool {
    let head = text.get(..start).unwrap_or_default();
    let before = head.chars().next_back();
    let before2: String = head.chars().rev().take(2).collect();
    let after = text.get(end..).unwrap_or_default();
    if matches!(before, Some('$' | '€' | '£' | '#' | '.' | ',')) || before2.starts_with(',') {
        return false;
    }
    if after.starts_with(['%', ',']) && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        || after.starts_with('%')
    {
        return false;
    }
    if after.starts_with('.') && after.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    !lex.count_nouns.contains(&next_word)
}

/// All rules, in priority order (earlier wins a tie in length).
#[must_use]
#[expect(clippy::too_many_lines, reason = "the rule table")]
#[expect(
    clippy::expect_used,
    reason = "patterns built from constant data, checked by the tests"
)]
pub fn build_rules(lex: &Lexicon) -> Vec<Rule> {
    let full_months: Vec<&String> = lex
        .months
        .keys()
        .filter(|k| k.len() > 4 || *k == "may" || *k == "june" || *k == "july")
        .collect();
    let all_months: Vec<&String> = lex.months.keys().collect();
    let full_weekdays: Vec<&String> = lex.weekdays.keys().filter(|k| k.ends_with("day")).collect();
    let all_weekdays: Vec<&String> = lex.weekdays.keys().collect();
    let month_full = alternation(capitalised_variants(&full_months).iter());
    let month_any = format!(
        "(?:{})\\.?",
        alternation(capitalised_variants(&all_months).iter())
    );
    let wd_full = alternation(capitalised_variants(&full_weekdays).iter());
    let wd_any = format!(
        "(?:{})\\.?",
        alternation(capitalised_variants(&all_weekdays).iter())
    );
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    let ones = "one|two|three|four|five|six|seven|eight|nine";
    let words = alternation(
        lex.numbers
            .keys()
            .filter(|k| !matches!(k.as_str(), "couple" | "dozen" | "hundred")),
    );
    let n = format!(
        r"(?P<n>\d+\s+1/2|\d+(?:\.\d+)?|(?i:(?:{tens})[\s-](?:{ones})|a\s+couple\s+of|a\s+dozen|{words}))"
    );
    let n_vague = format!(
        r"(?P<n>\d+\s+1/2|\d+(?:\.\d+)?|(?i:(?:{tens})[\s-](?:{ones})|(?:a\s+)?couple\s+of|a\s+dozen|several|a\s+few|few|many|{words}))"
    );
    let units = r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|century|centuries))";
    let time = r"(?:\s*[-–—,|]?\s*(?:at\s+)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)))?)?";
    let quant = r"(?:(?P<mod>(?i:more\s+than|less\s+than|at\s+least|nearly|almost|about|around|some|over|up\s+to|roughly|approximately|under))\s+)?";

    let mut rules: Vec<Rule> = Vec::new();
    let mut add = |name: &'static str, pattern: String, build: Build| {
        rules.push(Rule {
            name,
            regex: Regex::new(&crate::text::ascii_rule_pattern(&pattern))
                .expect("valid rule pattern"),
            build,
        });
    };
    add(
        "date.iso",
        r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<h>\d{2}):(?P<mi>\d{2}))?\b".to_owned(),
        |c, l, _, _, _| abs(c, l),
    );
    add(
        "date.day_month_year",
        format!(
            r"\b(?:(?P<wd>{wd_any}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_any}),?\s+(?P<y>\d{{4}})\b{time}"
        ),
        |c, l, _, _, _| abs(c, l),
    );
    add(
        "date.month_day_year",
        format!(
            r"\b(?:(?P<wd>{wd_any}),?\s+)?(?P<mon>{month_any})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b{time}"
        ),
        |c, l, _, _, _| abs(c, l),
    );
    add(
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
    add(
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
    add(
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
    add(
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
    add(
        "date.fuzzy_year",
        r"\b(?P<mod>(?i:early|mid-|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]*(?P<y>1[5-9]\d\d|20\d\d)\b".to_owned(),
        |c, _, _, _, _| Some(Spec::Year { year: i32::try_from(num(c, "y")?).ok()?, modifier: modifier_of(c.name("mod").map(|m| m.as_str())) }),
    );
    add(
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
    add(
        "date.decade",
        r"\b(?i:the\s+)?(?:(?P<mod>(?i:early|mid-|mid|late))[\s-]*)?(?P<dec>1[5-9]\d|20\d)0['’]?s\b".to_owned(),
        |c, _, _, _, _| Some(Spec::Decade { decade: i32::try_from(num(c, "dec")?).ok()?, modifier: modifier_of(c.name("mod").map(|m| m.as_str())) }),
    );
    add(
        "date.fiscal_year",
        r"\b(?i:fiscal)\s+(?i:year\s+)?(?P<y>(?:19|20)\d\d)\b".to_owned(),
        |c, _, _, _, _| {
            Some(Spec::Year {
                year: i32::try_from(num(c, "y")?).ok()?,
                modifier: None,
            })
        },
    );
    add(
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
    add(
        "relative.weekday",
        format!(
            r"\b(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{wd_full})(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
        ),
        |c, l, _, _, _| {
            Some(Spec::Weekday {
                weekday: weekday(c, l)?,
                rel: rel(c.name("rel").map(|m| m.as_str())),
                part: part_of_day(c.name("part").map(|m| m.as_str())),
            })
        },
    );
    add(
        "relative.day",
        r"(?i)\b(?:(?:earlier|later|early|late)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night)(?:\s+(?P<part>morning|afternoon|evening|night))?\b".to_owned(),
        |c, _, _, _, _| {
            let w = c.name("w")?.as_str().to_lowercase();
            let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
            let (days, part) = match w.as_str() {
                "the day before yesterday" => (-2, None),
                "the day after tomorrow" => (2, None),
                "yesterday" => (-1, None),
                "today" => (0, None),
                "tomorrow" => (1, None),
                "tonight" => (0, Some("NI")),
                _ => (-1, Some("NI")),
            };
            Some(Spec::DayOffset { days, part: part_of_day(c.name("part").map(|m| m.as_str())).or(part) })
        },
    );
    add(
        "relative.this_part",
        r"(?i)\bthis\s+(?P<part>morning|afternoon|evening)\b".to_owned(),
        |c, _, _, _, _| {
            Some(Spec::DayOffset {
                days: 0,
                part: part_of_day(c.name("part").map(|m| m.as_str())),
            })
        },
    );
    add(
        "anaphora.that_unit",
        r"(?i)\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?:same\s+)?(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b".to_owned(),
        |c, _, _, _, _| {
            Some(Spec::Anaphoric { unit: anaphoric_unit(c.name("unit")?.as_str())?, shift: Some(0.0), forward: true, modifier: None })
        },
    );
    add(
        "anaphora.following",
        r"(?i)\b(?:the\s+)?(?:(?P<dir>following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)|next\s+(?P<unit2>day|morning))\b".to_owned(),
        |c, _, _, _, _| {
            let back = c.name("dir").is_some_and(|d| !d.as_str().eq_ignore_ascii_case("following"));
            let unit = anaphoric_unit(c.name("unit").or_else(|| c.name("unit2"))?.as_str())?;
            Some(Spec::Anaphoric { unit, shift: Some(if back { -1.0 } else { 1.0 }), forward: !back, modifier: None })
        },
    );
    add(
        "relative.unit",
        r"(?i)\b(?:(?P<pm>early|late)\s+)?(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+coming|the\s+following|the\s+next|the\s+last|the\s+current|previous|past|coming|following|current)\s+(?:fiscal\s+)?(?P<unit>week|month|year|weekend|quarter|decade|century)\b".to_owned(),
        |c, l, _, _, _| {
            let rel_word = c.name("rel")?.as_str().to_lowercase();
            let word = c.name("unit")?.as_str().to_lowercase();
            let unit = if word == "weekend" { Unit::Weekend } else { unit_of(c, l)? };
            let offset = match rel(Some(&rel_word)) {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            // "the past year" is a DATE (the year before) in TE3 gold, as "last year".
            Some(Spec::Relative { unit, offset, modifier: modifier_of(c.name("pm").map(|m| m.as_str())) })
        },
    );
    add(
        "relative.month",
        format!(r"\b(?P<rel>(?i:last|next|this))\s+(?P<mon>{month_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::Month {
                month: month(c, l)?,
                rel: rel(c.name("rel").map(|m| m.as_str())),
                modifier: None,
            })
        },
    );
    add(
        "relative.bare_month",
        format!(
            r"(?:\b(?P<pre>(?i:in|since|by|until|till|during|from|of|before|after|through|its|their|his|her|that|the|early|late|mid))[\s-]+)?(?P<t>(?:(?P<mod>(?i:early|mid-|mid|late))[\s-]*)?\b(?P<mon>{month_full}))\b"
        ),
        |c, l, _, _, _| {
            let month = month(c, l)?;
            let pre = c.name("pre").map(|m| m.as_str().to_lowercase());
            let modifier = modifier_of(c.name("mod").map(|m| m.as_str()))
                .or_else(|| modifier_of(pre.as_deref()));
            // "May" the month, not the verb: it needs a preposition or a modifier.
            if month == 5 && pre.is_none() && modifier.is_none() {
                return None;
            }
            Some(Spec::Month {
                month,
                rel: Rel::Bare,
                modifier,
            })
        },
    );
    // "N units later/after" stays a duration ("two days" P2D), as TE3 marks it.
    add(
        "anaphora.earlier",
        format!(r"(?i)\b{quant}{n_vague}\s+{units}(?:\s+or\s+so)?\s+(?P<dir>earlier|before)\b"),
        |c, l, _, _, _| {
            let back = c.name("dir").is_some_and(|d| {
                let d = d.as_str().to_lowercase();
                d == "earlier" || d == "before"
            });
            Some(Spec::Anaphoric {
                unit: unit_of(c, l)?,
                shift: count(c, l).map(|n| if back { -n } else { n }),
                forward: !back,
                modifier: modifier_of(c.name("mod").map(|m| m.as_str()))
                    .map(|m| if m == "MORE_THAN" { "BEFORE" } else { m }),
            })
        },
    );
    add(
        "relative.ago",
        format!(r"(?i)\b{quant}{n_vague}\s+{units}(?:\s+or\s+so)?\s+ago\b"),
        |c, l, _, _, _| {
            Some(Spec::Ago {
                unit: unit_of(c, l)?,
                count: count(c, l),
                modifier: modifier_of(c.name("mod").map(|m| m.as_str()))
                    .map(|m| if m == "MORE_THAN" { "BEFORE" } else { m }),
            })
        },
    );
    add(
        "relative.in_future",
        format!(r"(?i)\bin\s+(?P<t>{n}\s+{units})\b"),
        |c, l, _, _, _| {
            Some(Spec::InFuture {
                unit: unit_of(c, l)?,
                count: count(c, l)?,
            })
        },
    );
    add(
        "relative.earlier_this",
        r"(?i)\b(?:earlier|later)\s+(?:this\s+(?P<unit>day|week|month|year)|in\s+the\s+(?P<unit2>day|week|month|year))\b".to_owned(),
        |c, l, _, _, _| {
            let word = c.name("unit").or_else(|| c.name("unit2"))?.as_str().to_lowercase();
            let singular = word.trim_end_matches('s');
            Some(Spec::Relative { unit: super::calendar::Unit::from_code(l.units.get(singular)?)?, offset: 0, modifier: None })
        },
    );
    add(
        "relative.earlier_today",
        r"(?i)\b(?:earlier|later)\s+today\b".to_owned(),
        |_, _, _, _, _| {
            Some(Spec::DayOffset {
                days: 0,
                part: None,
            })
        },
    );
    add(
        "ref.plural",
        r"(?i)\b(?:the\s+)?(?P<w>recent|coming|next|past|last|previous)\s+(?P<q>few\s+|several\s+)?(?P<unit>days|weeks|months|years|decades)\b".to_owned(),
        |c, l, _, _, _| {
            let unit = unit_of(c, l)?;
            let vague = Spec::Duration { unit, count: None, modifier: None };
            // TE3 gold: "recent years" PAST_REF but "recent weeks" PXW; "the next few days" PXD.
            Some(match c.name("w")?.as_str().to_lowercase().as_str() {
                "recent" if unit == Unit::Year || unit == Unit::Decade => Spec::Ref("PAST_REF"),
                "coming" | "next" if c.name("q").is_none() => Spec::Ref("FUTURE_REF"),
                _ => vague,
            })
        },
    );
    add(
        "ref.future",
        r"(?i)\b(?:the\s+)?future\b".to_owned(),
        |_, _, text, start, _| {
            // "the future", "in future" — not "future plans". Only a few bytes
            // before the match are read: lowering the whole prefix was quadratic.
            let mut from = start.saturating_sub(8);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = text
                .get(from..start)
                .unwrap_or_default()
                .trim_end()
                .to_lowercase();
            let here = text.get(start..).unwrap_or_default();
            (before.ends_with("in")
                || before.ends_with("the")
                || here.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("the")))
            .then_some(Spec::Ref("FUTURE_REF"))
        },
    );
    add(
        "ref.past",
        r"(?i)\bthe\s+past\b".to_owned(),
        |_, _, _, _, _| Some(Spec::Ref("PAST_REF")),
    );
    let refs = alternation(lex.refs.keys()).replace(' ', r"\s+");
    add(
        "ref.word",
        format!(r"(?i)\b(?P<w>{refs})\b"),
        |c, l, text, _, end| {
            // "Now, he says" opens a sentence as a discourse marker, not a time.
            if c.name("w")?.as_str() == "Now" && text.get(end..).is_some_and(|r| r.starts_with(','))
            {
                return None;
            }
            let w = c
                .name("w")?
                .as_str()
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let value = l.refs.get(&w)?;
            Some(Spec::Ref(match value.as_str() {
                "PAST_REF" => "PAST_REF",
                "FUTURE_REF" => "FUTURE_REF",
                _ => "PRESENT_REF",
            }))
        },
    );
    add(
        "duration.count",
        format!(
            r"(?i)\b(?:the\s+)?{quant}{n_vague}[\s-]+(?:(?:more|additional|extra|straight|consecutive|trading|business)\s+)?{units}(?:-long|-old)?\b"
        ),
        |c, l, text, start, end| {
            // Ages ("a 6-year-old boy", "52 years old") are not time expressions.
            let span = text.get(start..end).unwrap_or_default();
            // Only the next few words: lowercasing the rest of the text
            // here made tagging quadratic in the document's length.
            let after: String = text
                .get(end..)
                .unwrap_or_default()
                .trim_start()
                .chars()
                .take(24)
                .flat_map(char::to_lowercase)
                .collect();
            if span.ends_with("-old") || after.starts_with("old") || after.starts_with("-old") {
                return None;
            }
            // "a decades-long feud": the article goes with the noun, not the unit.
            let article = c
                .name("n")
                .is_some_and(|n| matches!(n.as_str().to_lowercase().as_str(), "a" | "an"));
            if article
                && (span.ends_with("-long")
                    || c.name("unit").is_some_and(|u| u.as_str().ends_with('s')))
            {
                return None;
            }
            // "three-quarters of", "a quarter of" are fractions.
            let lower = span.to_lowercase();
            if after.starts_with("of ")
                && (lower.ends_with("quarters") || lower.ends_with("quarter"))
            {
                return None;
            }
            // "a second term" is an ordinal.
            if lower.ends_with("second")
                && !after.starts_with(|c: char| !c.is_alphabetic())
                && !["later", "earlier", "ago", "before", "after", "or", "and"]
                    .iter()
                    .any(|w| after.starts_with(w))
            {
                return None;
            }
            // "the 1988 quarter" is a year, not 1,988 quarters.
            if count(c, l).is_some_and(|n| (1000.0..=2100.0).contains(&n)) {
                return None;
            }
            Some(Spec::Duration {
                unit: unit_of(c, l)?,
                count: count(c, l),
                modifier: modifier_of(c.name("mod").map(|m| m.as_str())),
            })
        },
    );
    add(
        "duration.unit_long",
        r"(?i)\b(?P<unit>days?|weeks?|months?|years?|decades?|centuries|century)-long\b".to_owned(),
        |c, l, _, _, _| {
            let plural = c.name("unit")?.as_str().to_lowercase();
            let vague = plural.ends_with('s') || plural == "centuries";
            Some(Spec::Duration {
                unit: unit_of(c, l)?,
                count: if vague { None } else { Some(1.0) },
                modifier: None,
            })
        },
    );
    add(
        "set.every",
        format!(r"(?i)\b(?:every|each)\s+(?:(?P<n>\d+|{tens}|{ones}|other)\s+)?{units}\b"),
        |c, l, _, _, _| {
            let unit = unit_of(c, l)?;
            let n = match c.name("n").map(|m| m.as_str().to_lowercase()).as_deref() {
                Some("other") => Some(2.0),
                Some(text) => l.number(text),
                None => Some(1.0),
            };
            Some(Spec::Set {
                value: unit.duration(n),
            })
        },
    );
    add(
        "set.every_weekday",
        format!(r"\b(?i:every|each)\s+(?P<wd>{wd_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::Set {
                value: format!("XXXX-WXX-{}", weekday(c, l)?),
            })
        },
    );
    add(
        "set.every_month",
        format!(r"\b(?i:every|each)\s+(?P<mon>{month_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::Set {
                value: format!("XXXX-{:02}", month(c, l)?),
            })
        },
    );
    add(
        "set.adverb",
        r"(?i)\b(?P<w>daily|weekly|monthly|annually|yearly|hourly)\b".to_owned(),
        |c, _, _, _, _| {
            let value = match c.name("w")?.as_str().to_lowercase().as_str() {
                "daily" => "P1D",
                "weekly" => "P1W",
                "monthly" => "P1M",
                "quarterly" => "P3M",
                "hourly" => "PT1H",
                _ => "P1Y",
            };
            Some(Spec::Set {
                value: value.to_owned(),
            })
        },
    );
    add(
        "time.clock",
        r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?:\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b)))?(?:\s*(?:GMT|UTC|EST|EDT|CET|CEST|MSK|IRST|PST|PDT|BST|local\s+time))?".to_owned(),
        |c, _, _, _, _| time_of(c).map(|(hour, minute)| Spec::Time { hour, minute }),
    );
    add(
        "time.am_pm",
        r"\b(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>(?i:a\.m\.|p\.m\.))".to_owned(),
        |c, _, _, _, _| time_of(c).map(|(hour, minute)| Spec::Time { hour, minute }),
    );
    add(
        "time.noon",
        r"(?i)\b(?P<w>noon|midday|midnight)\b".to_owned(),
        |c, _, _, _, _| {
            let hour = if c.name("w")?.as_str().eq_ignore_ascii_case("midnight") {
                0
            } else {
                12
            };
            Some(Spec::Time { hour, minute: 0 })
        },
    );
    add(
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
    add(
        "relative.reporting_quarter",
        r"(?i)\bthe\s+(?:latest\s+|most\s+recent\s+|recent\s+|just[\s-]ended\s+)?(?:fiscal\s+)?(?:quarter|(?:latest|recent)\s+period)\b".to_owned(),
        |_, _, text, _, end| {
            let after = text.get(end..).unwrap_or_default();
            (!after.starts_with('-')).then_some(Spec::LastQuarter { years_back: 0 })
        },
    );
    add(
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
    add(
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
    add(
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
    add(
        "relative.the_weekend",
        r"(?i)\bthe\s+weekend\b".to_owned(),
        |_, _, _, _, _| Some(Spec::TheWeekend),
    );
    add(
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
    add(
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
    let holiday_names: Vec<String> = super::holidays::HOLIDAYS
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    let holiday_alt = alternation(holiday_names.iter())
        .replace(r"\ ", r"\s+")
        .replace(' ', r"\s+");
    add(
        "date.holiday",
        format!(
            r"(?i)\b(?:(?P<rel>last|this|next|this\s+year's|last\s+year's|next\s+year's)\s+)?(?P<h>{holiday_alt})(?:,?\s+(?P<y>(?:19|20)\d\d))?\b"
        ),
        |c, _, _, _, _| {
            let rule = super::holidays::rule_of(c.name("h")?.as_str())?;
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
    add(
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
    add(
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
    add(
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
    add(
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
    add(
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
    add(
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
    add(
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
    add(
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
    add(
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
    rules
}
