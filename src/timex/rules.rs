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
    /// A day of a month, year unknown.
    YearlessDay { month: u32, day: u32 },
    /// A month, year from context.
    Month {
        month: u32,
        rel: Rel,
        modifier: Option<&'static str>,
    },
    /// A weekday. A part of the day written after it ("Sunday night") is in
    /// the span but not the value: TempEval-3 annotates it as the plain day.
    Weekday { weekday: u32, rel: Rel },
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
    /// "the weekend": the one before the anchor, or after it in future tense.
    Weekend,
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

fn yearless_day(caps: &Captures<'_>, lex: &Lexicon) -> Option<Spec> {
    let day = u32::try_from(num(caps, "d")?)
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some(Spec::YearlessDay {
        month: month(caps, lex)?,
        day,
    })
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
    let before = text[..start].chars().next_back();
    let before2: String = text[..start].chars().rev().take(2).collect();
    let after = &text[end..];
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
        r"(?P<n>\d+(?:\.\d+)?|(?i:(?:{tens})-(?:{ones})|a\s+couple\s+of|a\s+dozen|{words}))"
    );
    let n_vague = format!(
        r"(?P<n>\d+(?:\.\d+)?|(?i:(?:{tens})-(?:{ones})|a\s+couple\s+of|a\s+dozen|several|a\s+few|few|many|{words}))"
    );
    let units = r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|century|centuries))";
    let time = r"(?:\s*[-–—,|]?\s*(?:at\s+)?(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)))?)?";
    let quant = r"(?:(?P<mod>(?i:more\s+than|less\s+than|at\s+least|nearly|almost|about|around|some|over|up\s+to|roughly|approximately|under))\s+)?";

    let mut rules: Vec<Rule> = Vec::new();
    let mut add = |name: &'static str, pattern: String, build: Build| {
        // ASCII word boundaries: with Unicode ones the lazy DFA gives up on
        // any text holding a non-ASCII character (’ “ é) and the slow NFA runs.
        let pattern = pattern.replace(r"\b", r"(?-u:\b)");
        rules.push(Rule {
            name,
            regex: Regex::new(&pattern).expect("valid rule pattern"),
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
            let (month, day) = if a > 12 {
                (b, a)
            } else if b > 12 || a == b {
                (a, b)
            } else {
                return None;
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
        |c, l, _, _, _| yearless_day(c, l),
    );
    add(
        "date.day_month",
        format!(r"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_full})\b"),
        |c, l, _, _, _| yearless_day(c, l),
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
        r"\b(?i:the\s+)?(?:(?P<mod>(?i:early|mid-|mid|late))[\s-]*)?(?P<dec>1[5-9]\d|20\d)0'?s\b"
            .to_owned(),
        |c, _, _, _, _| {
            Some(Spec::Decade {
                decade: i32::try_from(num(c, "dec")?).ok()?,
                modifier: modifier_of(c.name("mod").map(|m| m.as_str())),
            })
        },
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
            })
        },
    );
    add(
        "relative.day",
        r"(?i)\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night)(?:\s+(?P<part>morning|afternoon|evening|night))?\b".to_owned(),
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
        "relative.unit",
        r"(?i)\b(?P<rel>last|this|next|the\s+past|the\s+previous|the\s+coming|the\s+following|the\s+next|the\s+last|the\s+current|previous|past|coming|following|current)\s+(?P<unit>week|month|year|weekend|quarter|decade|century)\b".to_owned(),
        |c, l, _, _, _| {
            let rel_word = c.name("rel")?.as_str().to_lowercase();
            let word = c.name("unit")?.as_str().to_lowercase();
            let unit = if word == "weekend" { Unit::Weekend } else { unit_of(c, l)? };
            let offset = match rel(Some(&rel_word)) {
                Rel::Last => -1,
                Rel::Next => 1,
                _ => 0,
            };
            // "the past year" is a length of time; "last year" is a date.
            if rel_word.starts_with("the") && offset != 0 && unit != Unit::Weekend {
                return Some(Spec::Duration { unit, count: Some(1.0), modifier: None });
            }
            Some(Spec::Relative { unit, offset, modifier: None })
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
    add(
        "relative.ago",
        format!(r"(?i)\b{quant}{n_vague}\s+{units}\s+ago\b"),
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
        r"(?i)\b(?:earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>day|week|month|year)\b".to_owned(),
        |c, l, _, _, _| {
            Some(Spec::Relative {
                unit: unit_of(c, l)?,
                offset: 0,
                modifier: None,
            })
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
        r"(?i)\b(?:the\s+)?(?P<w>recent|coming|next|past|last|previous)\s+(?:few\s+|several\s+)?(?P<unit>days|weeks|months|years|decades)\b".to_owned(),
        |c, l, _, _, _| {
            Some(match c.name("w")?.as_str().to_lowercase().as_str() {
                "recent" => Spec::Ref("PAST_REF"),
                "coming" | "next" => Spec::Ref("FUTURE_REF"),
                _ => Spec::Duration { unit: unit_of(c, l)?, count: None, modifier: None },
            })
        },
    );
    add(
        "ref.future",
        r"(?i)\b(?:the\s+)?future\b".to_owned(),
        |_, _, text, start, _| {
            // "the future", "in future" — not "future plans". Only a few
            // bytes before the match are looked at (never the whole prefix).
            let mut from = start.saturating_sub(8);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = text[from..start].trim_end().to_lowercase();
            (before.ends_with("in")
                || before.ends_with("the")
                || text[start..]
                    .get(..3)
                    .is_some_and(|w| w.eq_ignore_ascii_case("the")))
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
        |c, l, _, _, _| {
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
        "duration.the_past_n",
        format!(
            r"(?i)\b(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+{n}\s+{units}\b"
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
        "relative.weekend",
        r"(?i)\b(?:the|this)\s+weekend\b".to_owned(),
        |_, _, _, _, _| Some(Spec::Weekend),
    );
    add(
        "duration.count",
        format!(r"(?i)\b{quant}{n_vague}[\s-]+{units}(?:-long)?\b(?P<old>-old)?"),
        |c, l, _, _, _| {
            // Ages ("a 6-year-old") are not time expressions in TimeML.
            if c.name("old").is_some() {
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
        format!(r"\b(?i:every)\s+(?P<wd>{wd_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::Set {
                value: format!("XXXX-WXX-{}", weekday(c, l)?),
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
        r"(?i)\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?P<y>\d{4}))?\b".to_owned(),
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
        "date.season",
        r"(?i)\b(?:(?P<rel>last|this|next|the\s+coming|the\s+past)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b".to_owned(),
        |c, l, _, _, _| {
            let year = num(c, "y").and_then(|y| i32::try_from(y).ok());
            let rel_word = c.name("rel").map(|m| m.as_str());
            if year.is_none() && rel_word.is_none() {
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
