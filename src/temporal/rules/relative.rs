//! Dates relative to the anchor or to the last date (weekdays, "yesterday", "last month", "that day", "two years ago") and references ("recently", "the future").

use super::{
    Lexicon, Pieces, Rel, Spec, Table, Unit, alternation, anaphoric_unit, count, modifier_of,
    month, part_of_day, rel, unit_of, weekday,
};

/// Adds this group's rules to `table`, in priority order.
#[expect(clippy::too_many_lines, reason = "a rule table")]
pub(super) fn add(table: &mut Table, pieces: &Pieces, lex: &Lexicon) {
    let Pieces {
        month_full,
        wd_full,
        n,
        n_vague,
        units,
        quant,
        ..
    } = pieces;
    table.add(
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
    table.add(
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
    table.add(
        "relative.this_part",
        r"(?i)\bthis\s+(?P<part>morning|afternoon|evening)\b".to_owned(),
        |c, _, _, _, _| {
            Some(Spec::DayOffset {
                days: 0,
                part: part_of_day(c.name("part").map(|m| m.as_str())),
            })
        },
    );
    table.add(
        "anaphora.that_unit",
        r"(?i)\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?:same\s+)?(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b".to_owned(),
        |c, _, _, _, _| {
            Some(Spec::Anaphoric { unit: anaphoric_unit(c.name("unit")?.as_str())?, shift: Some(0.0), forward: true, modifier: None })
        },
    );
    table.add(
        "anaphora.following",
        r"(?i)\b(?:the\s+)?(?:(?P<dir>following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)|next\s+(?P<unit2>day|morning))\b".to_owned(),
        |c, _, _, _, _| {
            let back = c.name("dir").is_some_and(|d| !d.as_str().eq_ignore_ascii_case("following"));
            let unit = anaphoric_unit(c.name("unit").or_else(|| c.name("unit2"))?.as_str())?;
            Some(Spec::Anaphoric { unit, shift: Some(if back { -1.0 } else { 1.0 }), forward: !back, modifier: None })
        },
    );
    table.add(
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
    table.add(
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
    table.add(
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
    table.add(
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
    table.add(
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
    table.add(
        "relative.in_future",
        format!(r"(?i)\bin\s+(?P<t>{n}\s+{units})\b"),
        |c, l, _, _, _| {
            Some(Spec::InFuture {
                unit: unit_of(c, l)?,
                count: count(c, l)?,
            })
        },
    );
    table.add(
        "relative.earlier_this",
        r"(?i)\b(?:earlier|later)\s+(?:this\s+(?P<unit>day|week|month|year)|in\s+the\s+(?P<unit2>day|week|month|year))\b".to_owned(),
        |c, l, _, _, _| {
            let word = c.name("unit").or_else(|| c.name("unit2"))?.as_str().to_lowercase();
            let singular = word.trim_end_matches('s');
            Some(Spec::Relative { unit: super::super::calendar::Unit::from_code(l.units.get(singular)?)?, offset: 0, modifier: None })
        },
    );
    table.add(
        "relative.earlier_today",
        r"(?i)\b(?:earlier|later)\s+today\b".to_owned(),
        |_, _, _, _, _| {
            Some(Spec::DayOffset {
                days: 0,
                part: None,
            })
        },
    );
    table.add(
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
    table.add(
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
    table.add(
        "ref.past",
        r"(?i)\bthe\s+past\b".to_owned(),
        |_, _, _, _, _| Some(Spec::Ref("PAST_REF")),
    );
    let refs = alternation(lex.refs.keys()).replace(' ', r"\s+");
    table.add(
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
}
