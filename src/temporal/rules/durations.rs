//! Durations, sets ("every week") and clock times.

use super::{Pieces, Spec, Table, count, modifier_of, month, time_of, unit_of, weekday};

/// Adds this group's rules to `table`, in priority order.
#[expect(clippy::too_many_lines, reason = "a rule table")]
pub(super) fn add(table: &mut Table, pieces: &Pieces) {
    let Pieces {
        month_full,
        wd_full,
        tens,
        ones,
        n_vague,
        units,
        quant,
        ..
    } = pieces;
    table.add(
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
    table.add(
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
    table.add(
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
    table.add(
        "set.every_weekday",
        format!(r"\b(?i:every|each)\s+(?P<wd>{wd_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::Set {
                value: format!("XXXX-WXX-{}", weekday(c, l)?),
            })
        },
    );
    table.add(
        "set.every_month",
        format!(r"\b(?i:every|each)\s+(?P<mon>{month_full})\b"),
        |c, l, _, _, _| {
            Some(Spec::Set {
                value: format!("XXXX-{:02}", month(c, l)?),
            })
        },
    );
    table.add(
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
    table.add(
        "time.clock",
        r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?:\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b)))?(?:\s*(?:GMT|UTC|EST|EDT|CET|CEST|MSK|IRST|PST|PDT|BST|local\s+time))?".to_owned(),
        |c, _, _, _, _| time_of(c).map(|(hour, minute)| Spec::Time { hour, minute }),
    );
    table.add(
        "time.am_pm",
        r"\b(?P<h>1[0-2]|0?[1-9])\s*(?P<ap>(?i:a\.m\.|p\.m\.))".to_owned(),
        |c, _, _, _, _| time_of(c).map(|(hour, minute)| Spec::Time { hour, minute }),
    );
    table.add(
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
}
