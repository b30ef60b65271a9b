//! The named rules: each is a regex (built from the lexicon) and a function
//! from its captures to a [`Spec`] — what the text says, before resolution.

use super::Rel;
use super::calendar::Unit;
use super::lexicon::{Lexicon, alternation};
use regex::{Captures, Regex};

mod dates;
mod durations;
mod periods;
mod relative;

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

/// The pattern pieces the rule groups share (months, weekdays, numbers,
/// units, clock times, quantifiers), built once from the lexicon.
struct Pieces {
    month_full: String,
    month_any: String,
    wd_full: String,
    wd_any: String,
    tens: &'static str,
    ones: &'static str,
    n: String,
    n_vague: String,
    units: &'static str,
    time: &'static str,
    quant: &'static str,
}

impl Pieces {
    fn new(lex: &Lexicon) -> Self {
        let full_months: Vec<&String> = lex
            .months
            .keys()
            .filter(|k| k.len() > 4 || *k == "may" || *k == "june" || *k == "july")
            .collect();
        let all_months: Vec<&String> = lex.months.keys().collect();
        let full_weekdays: Vec<&String> =
            lex.weekdays.keys().filter(|k| k.ends_with("day")).collect();
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
        Self {
            month_full,
            month_any,
            wd_full,
            wd_any,
            tens,
            ones,
            n,
            n_vague,
            units,
            time,
            quant,
        }
    }
}

/// The rules as they are added, in priority order.
struct Table(Vec<Rule>);

impl Table {
    #[expect(
        clippy::expect_used,
        reason = "patterns built from constant data, checked by the tests"
    )]
    fn add(&mut self, name: &'static str, pattern: impl Into<String>, build: Build) {
        let pattern: String = pattern.into();
        self.0.push(Rule {
            name,
            regex: Regex::new(&crate::text::ascii_rule_pattern(&pattern))
                .expect("valid rule pattern"),
            build,
        });
    }
}

/// All rules, in priority order (earlier wins a tie in length): the groups
/// in this order, each in the order it lists its rules.
#[must_use]
pub fn build_rules(lex: &Lexicon) -> Vec<Rule> {
    let pieces = Pieces::new(lex);
    let mut table = Table(Vec::new());
    dates::add(&mut table, &pieces);
    relative::add(&mut table, &pieces, lex);
    durations::add(&mut table, &pieces);
    periods::add(&mut table, &pieces);
    table.0
}
