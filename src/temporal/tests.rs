//! Table-driven checks of the rules: text, anchor, expected (span, value).

use super::{Tagger, TimexType};
use chrono::NaiveDate;

mod conventions;

pub(super) fn check(text: &str, anchor: Option<&str>, expected: &[(&str, &str)]) {
    let tagger = Tagger::new();
    let anchor = anchor.and_then(|a| a.parse::<NaiveDate>().ok());
    let got: Vec<(String, String)> = tagger
        .tag(text, anchor)
        .iter()
        .map(|t| (text[t.start..t.end].to_owned(), t.value.clone()))
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(got, want, "in {text:?} (anchor {anchor:?})");
}

#[test]
fn seed_sentences_resolve_against_the_publication_date() {
    let aug5 = Some("2017-08-05");
    check(
        "Rogozin is set to visit Iran on Saturday",
        aug5,
        &[("Saturday", "2017-08-05")],
    );
    check(
        "Rogozin will discuss arms supply in Tehran on Saturday, as the countries agreed",
        aug5,
        &[("Saturday", "2017-08-05")],
    );
    check(
        "The US president approved the sanctions bill last Wednesday.",
        aug5,
        &[("last Wednesday", "2017-08-02")],
    );
    check(
        "Last week, the US Congress approved a bill",
        aug5,
        &[("Last week", "2017-W30")],
    );
    check(
        "On July 28, Moscow announced countermeasures",
        aug5,
        &[("July 28", "2017-07-28")],
    );
    check(
        "the expulsion of 35 Russian diplomatic staff from the United States in late 2016",
        aug5,
        &[("late 2016", "2016")],
    );
    let aug24 = Some("2020-08-24");
    check(
        "who met in Moscow on Sunday attached great importance",
        aug24,
        &[("Sunday", "2020-08-23")],
    );
    check(
        "said on Saturday that there will be a new chapter",
        aug24,
        &[("Saturday", "2020-08-22")],
    );
    check(
        "Pompeo on Thursday officially informed the council",
        aug24,
        &[("Thursday", "2020-08-20")],
    );
    check(
        "terminated the U.S. participation in the JCPOA in May 2018 and",
        aug24,
        &[("May 2018", "2018-05")],
    );
    check(
        "along with talks on the 2015 nuclear deal",
        aug24,
        &[("2015", "2015")],
    );
    check(
        "a nuclear deal that it quit more than two years ago.",
        aug24,
        &[("more than two years ago", "2018")],
    );
    let jan23 = Some("2023-01-23");
    check(
        "following its February “special military operation”",
        jan23,
        &[("February", "2022-02")],
    );
    check(
        "would travel to Moscow this year to attend",
        jan23,
        &[("this year", "2023")],
    );
    check("in Tehran on Monday.", jan23, &[("Monday", "2023-01-23")]);
    check(
        "In a meeting with Volodin earlier in the day, he said",
        jan23,
        &[("earlier in the day", "2023-01-23")],
    );
    check(
        "targeted with sanctions in recent years, but",
        jan23,
        &[("recent years", "PAST_REF")],
    );
    check(
        "tightened its sanctions on Iran since 2018, when",
        jan23,
        &[("2018", "2018")],
    );
    let aug_15th = Some("2020-08-15");
    check(
        "their 20-year-long treaty which will end next March.",
        aug_15th,
        &[("20-year-long", "P20Y"), ("next March", "2021-03")],
    );
    check(
        "a treaty in March 2001 as a roadmap for 10 years of relations",
        aug_15th,
        &[("March 2001", "2001-03"), ("10 years", "P10Y")],
    );
    check(
        "The treaty is extended every five years automatically",
        aug_15th,
        &[("every five years", "P5Y")],
    );
}

#[test]
fn without_an_anchor_no_year_is_invented() {
    check(
        "Zarif traveled to Moscow on July 22.",
        None,
        &[("July 22", "XXXX-07-22")],
    );
    check(
        "Rouhani announced on Wednesday that",
        None,
        &[("Wednesday", "XXXX-WXX-3")],
    );
    check(
        "prepared a treaty in March 2001",
        None,
        &[("March 2001", "2001-03")],
    );
    check("last week", None, &[("last week", "XXXX-WXX")]);
}

#[test]
fn written_date_formats() {
    check(
        "Saturday 5 August 2017 - 11:54",
        None,
        &[("Saturday 5 August 2017 - 11:54", "2017-08-05T11:54")],
    );
    check("31 Mar 2025", None, &[("31 Mar 2025", "2025-03-31")]);
    check(
        "on March 08, 2019 in Washington",
        None,
        &[("March 08, 2019", "2019-03-08")],
    );
    check(
        "January 18, 2005",
        None,
        &[("January 18, 2005", "2005-01-18")],
    );
    check(
        "Jan. 23, 2023 and 2023-01-24",
        None,
        &[
            ("Jan. 23, 2023", "2023-01-23"),
            ("2023-01-24", "2023-01-24"),
        ],
    );
    check(
        "in the 1990s and the early 1980s",
        None,
        &[("the 1990s", "199"), ("the early 1980s", "198")],
    );
    check(
        "in mid-March",
        Some("2019-06-01"),
        &[("mid-March", "2019-03")],
    );
    check(
        "summer 2019 and the third quarter",
        Some("2019-11-02"),
        &[("summer 2019", "2019-SU"), ("the third quarter", "2019-Q3")],
    );
    check(
        "the first half of 2019",
        None,
        &[("the first half of 2019", "2019-H1")],
    );
}

#[test]
fn relative_words() {
    let anchor = Some("2017-08-05");
    check(
        "yesterday, today and tomorrow",
        anchor,
        &[
            ("yesterday", "2017-08-04"),
            ("today", "2017-08-05"),
            ("tomorrow", "2017-08-06"),
        ],
    );
    check("tonight", anchor, &[("tonight", "2017-08-05TNI")]);
    check(
        "next month and last year",
        anchor,
        &[("next month", "2017-09"), ("last year", "2016")],
    );
    check(
        "in three weeks they will meet",
        anchor,
        &[("three weeks", "2017-W34")],
    );
    check(
        "earlier this month",
        anchor,
        &[("earlier this month", "2017-08")],
    );
    check(
        "in the coming weeks",
        anchor,
        &[("the coming weeks", "FUTURE_REF")],
    );
    check("Now the talks are over", anchor, &[("Now", "PRESENT_REF")]);
    check(
        "at 3 p.m. and 10:30 GMT",
        anchor,
        &[
            ("3 p.m.", "2017-08-05T15:00"),
            ("10:30 GMT", "2017-08-05T10:30"),
        ],
    );
    check(
        "they meet every Monday and weekly",
        anchor,
        &[("every Monday", "XXXX-WXX-1"), ("weekly", "P1W")],
    );
    check(
        "for 48 hours and a decade",
        anchor,
        &[("48 hours", "PT48H"), ("a decade", "P10Y")],
    );
}

#[test]
fn things_that_are_not_dates() {
    let anchor = Some("2017-08-05");
    check("the 15-member council", anchor, &[]);
    check(
        "nearly 40% of the trade, 455 people, H.R. 1, No. 5 and Nord Stream 2",
        anchor,
        &[],
    );
    check(
        "it may lead to harmful consequences; they march on",
        anchor,
        &[],
    );
    check("2000 troops and $2017 and 2,017", anchor, &[]);
}

#[test]
fn types_and_mods() {
    let tagger = Tagger::new();
    let anchor = "2017-08-05".parse().ok();
    let timexes = tagger.tag(
        "in late 2016 for more than two years, every week, at 10:30",
        anchor,
    );
    let kinds: Vec<(TimexType, Option<&str>)> =
        timexes.iter().map(|t| (t.kind, t.modifier)).collect();
    assert_eq!(
        kinds,
        [
            (TimexType::Date, Some("END")),
            (TimexType::Duration, Some("MORE_THAN")),
            (TimexType::Set, None),
            (TimexType::Time, None)
        ]
    );
    let late = &timexes[0];
    assert_eq!(
        late.range.map(|(a, b)| (a.to_string(), b.to_string())),
        Some(("2016-09-01".to_owned(), "2016-12-31".to_owned()))
    );
    assert!(timexes.iter().all(|t| !t.rule.is_empty()));
}

#[test]
fn never_panics_on_odd_input() {
    let tagger = Tagger::new();
    let anchor = "2020-02-29".parse().ok();
    for text in [
        "",
        "31/02/2020",
        "February 30, 2020",
        "Sunday 31 February 2021 - 25:99",
        "🙂 Monday 🙂 ۱۳۹۹ 年 5 月",
        "99999999999999999999 years ago",
        "in 99999999999 years",
        "0 days",
        "the 0s",
        "on Monday\u{a0}morning",
        "next March, next March, next March",
        "é",
        "\u{200b}2017\u{200b}",
    ] {
        let _ = tagger.tag(text, anchor);
        let _ = tagger.tag(text, None);
        let _ = tagger.full_dates(text);
    }
}

#[test]
fn full_dates_report_weekday_and_time() {
    let tagger = Tagger::new();
    let found =
        tagger.full_dates("31 Mar 2025\nSaturday 5 August 2017 - 11:54\nOn July 28, Moscow");
    let summary: Vec<(String, Option<chrono::Weekday>, bool)> = found
        .iter()
        .map(|f| (f.date.to_string(), f.weekday_written, f.has_time))
        .collect();
    assert_eq!(
        summary,
        [
            ("2025-03-31".to_owned(), None, false),
            ("2017-08-05".to_owned(), Some(chrono::Weekday::Sat), true)
        ]
    );
}

#[test]
fn fuzzed_text_never_panics_and_spans_are_sane() {
    let tagger = Tagger::new();
    let pieces = [
        "May", " ", "5", "2017", "-", "/", ":", "年", "🙂", "\u{a0}", "March", "Sun", "last",
        "week", "ago", "two", "years", "’", "–", "the", "1990s", "early", "quarter", "31", "02",
        "Monday", "p.m.", "\n", ".", "e\u{301}", "每天", "tonight", "every", "12:99", "0",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..400 {
        let mut text = String::new();
        for _ in 0..(round % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(
                pieces
                    .get((seed % pieces.len() as u64) as usize)
                    .copied()
                    .unwrap_or(" "),
            );
        }
        for anchor in [
            None,
            "2020-02-29".parse().ok(),
            "0001-01-01".parse().ok(),
            "9999-12-31".parse().ok(),
        ] {
            let tags = tagger.tag(&text, anchor);
            let mut last_end = 0;
            for t in &tags {
                assert!(
                    t.start >= last_end
                        && t.start < t.end
                        && text.is_char_boundary(t.start)
                        && text.is_char_boundary(t.end),
                    "{text:?}"
                );
                last_end = t.end;
            }
        }
        let _ = tagger.full_dates(&text);
    }
}

#[test]
fn newspaper_names_and_numbers_are_not_dates() {
    let anchor = Some("2017-08-05");
    check("according to The Sun and Sat-Nav makers", anchor, &[]);
    check("call +1 202 555 0143 or 020 7946 0958", anchor, &[]);
    check(
        "he scored 2 goals in 35 minutes",
        anchor,
        &[("35 minutes", "PT35M")],
    );
}
