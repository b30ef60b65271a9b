//! Table-driven checks of the rules: text, anchor, expected (span, value).

use super::{Tagger, TimexType};
use chrono::NaiveDate;

fn check(text: &str, anchor: Option<&str>, expected: &[(&str, &str)]) {
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

/// `cargo test --release -- --ignored rule_timing --nocapture`: time per rule over the TE3 texts.

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

#[test]
fn te3_conventions_and_additions() {
    let oct89 = Some("1989-10-30");
    check(
        "net rose 5% in the quarter",
        oct89,
        &[("the quarter", "1989-Q3")],
    );
    check(
        "up from $3 million a year earlier in the third quarter",
        oct89,
        &[
            ("a year earlier", "1988-Q3"),
            ("the third quarter", "1989-Q3"),
        ],
    );
    check(
        "compared with a year-earlier loss in the fourth quarter",
        oct89,
        &[
            ("year-earlier", "1988-Q3"),
            ("the fourth quarter", "1989-Q4"),
        ],
    );
    check(
        "earned $376,000 in the 1988 quarter; third quarter",
        oct89,
        &[
            ("the 1988 quarter", "1988-Q3"),
            ("third quarter", "1989-Q3"),
        ],
    );
    check("a 6-year-old boy and a 52-year-old doctor", oct89, &[]);
    check(
        "about 5 1/2 hours and 2 1/2 years",
        oct89,
        &[("5 1/2 hours", "PT5H30M"), ("2 1/2 years", "P2Y6M")],
    );
    check(
        "over the past two months",
        oct89,
        &[("the past two months", "P2M")],
    );
    check("for years the company grew", oct89, &[("years", "PXY")]);
    check("in recent weeks", oct89, &[("recent weeks", "PXW")]);
    check(
        "over the next few days",
        oct89,
        &[("the next few days", "PXD")],
    );
    check("two decades of growth", oct89, &[("two decades", "P20Y")]);
    check(
        "the stock split will be paid on Dec. 15",
        oct89,
        &[("Dec. 15", "1989-12-15")],
    );
    check(
        "the dividend is payable Nov. 22 to holders",
        oct89,
        &[("Nov. 22", "1989-11-22")],
    );
    check(
        "Bombings over the weekend killed",
        Some("1990-08-13"),
        &[("the weekend", "1990-W32-WE")],
    );
    check(
        "Families gathered on Thanksgiving Day",
        Some("1999-11-27"),
        &[("Thanksgiving Day", "1999-11-25")],
    );
    check(
        "January nineteen ninety-seven. Atlanta",
        oct89,
        &[("January nineteen ninety-seven", "1997-01")],
    );
    check(
        "by the year two thousand",
        oct89,
        &[("the year two thousand", "2000")],
    );
    check(
        "music of the late sixties",
        oct89,
        &[("the late sixties", "196")],
    );
    check(
        "which will be named commander for a mission in December.",
        Some("1998-03-04"),
        &[("December", "1998-12")],
    );
    check(
        "a ceremony on March 12 to mark the accession, officials said",
        Some("1999-02-16"),
        &[("March 12", "1999-03-12")],
    );
    check(
        "profit for the year rose; in the year ended Sept. 30",
        oct89,
        &[
            ("the year", "1989"),
            ("the year", "P1Y"),
            ("Sept. 30", "1989-09-30"),
        ],
    );
    check(
        "the end of the year",
        oct89,
        &[("the end of the year", "1989")],
    );
    check(
        "cut 6,000 jobs by year end; targets in place by year's end and at last year-end",
        oct89,
        &[
            ("year end", "1989"),
            ("year's end", "1989"),
            ("last year-end", "1988"),
        ],
    );
    check(
        "year-end net fell; by year-end results, the fund had grown by quarter-end",
        oct89,
        &[("quarter-end", "1989-Q4")],
    );
    check(
        "in the summer",
        Some("1989-10-30"),
        &[("the summer", "1989-SU")],
    );
    check(
        "talks broke off at noon Thursday.",
        Some("1998-02-13"),
        &[("noon Thursday", "1998-02-12T12:00")],
    );
    check(
        "the offer runs until 5 p.m. EST Nov. 9.",
        oct89,
        &[("5 p.m. EST Nov. 9", "1989-11-09T17:00")],
    );
    check(
        "They met Friday at 3 p.m. in Paris",
        oct89,
        &[("Friday at 3 p.m.", "1989-10-27T15:00")],
    );
    check(
        "at 9 p.m.\n\nMonday was calm",
        oct89,
        &[("9 p.m.", "1989-10-30T21:00"), ("Monday", "1989-10-30")],
    );
    check(
        "ratings of the fiscal first quarter",
        oct89,
        &[("the fiscal first quarter", "1989-Q1")],
    );
    check("won a second term with a quarter of the vote", oct89, &[]);
    check("it lasted a second.", oct89, &[("a second", "PT1S")]);
    check("over the past year", oct89, &[("the past year", "1988")]);
    check(
        "by the end of November",
        oct89,
        &[("the end of November", "1989-11")],
    );
    check(
        "shipments resume early next year",
        oct89,
        &[("early next year", "1990")],
    );
    check(
        "versus the 1988 second quarter",
        oct89,
        &[("the 1988 second quarter", "1988-Q2")],
    );
    check(
        "a decades-long feud, a day-long strike, two more weeks and an additional year",
        oct89,
        &[
            ("decades-long", "PXY"),
            ("day-long", "P1D"),
            ("two more weeks", "P2W"),
            ("an additional year", "P1Y"),
        ],
    );
    check(
        "over the next couple of years",
        oct89,
        &[("the next couple of years", "P2Y")],
    );
    check(
        "they march each July and fly each Thursday",
        oct89,
        &[("each July", "XXXX-07"), ("each Thursday", "XXXX-WXX-4")],
    );
    check(
        "Later yesterday, the index fell",
        oct89,
        &[("Later yesterday", "1989-10-29")],
    );
    check(
        "under the 14-day limit and the nine months",
        oct89,
        &[("14-day", "P14D"), ("the nine months", "P9M")],
    );
    check(
        "in the middle of October 2001",
        oct89,
        &[("the middle of October 2001", "2001-10")],
    );
    check(
        "compared with the year-ago third quarter",
        oct89,
        &[("the year-ago third quarter", "1988-Q3")],
    );
    check(
        "Then, a week or so ago, he left",
        Some("1991-02-25"),
        &[("a week or so ago", "1991-W08")],
    );
    check(
        "approved in early October this year; members in April next year",
        Some("1998-12-03"),
        &[
            ("early October this year", "1998-10"),
            ("April next year", "1999-04"),
        ],
    );
}

#[test]
fn brief_formats() {
    let aug5 = Some("2017-08-05");
    check(
        "Jan. 23, 2023 and March 08, 2019",
        aug5,
        &[
            ("Jan. 23, 2023", "2023-01-23"),
            ("March 08, 2019", "2019-03-08"),
        ],
    );
    check(
        "on 25/08/2017 but not 05/08/2017",
        aug5,
        &[("25/08/2017", "2017-08-25"), ("05/08/2017", "2017")],
    );
    check(
        "in 2016 and the 1990s and the early 1990s",
        aug5,
        &[
            ("2016", "2016"),
            ("the 1990s", "199"),
            ("the early 1990s", "199"),
        ],
    );
    check("by mid-March", aug5, &[("mid-March", "2017-03")]);
    check("in summer 2019", aug5, &[("summer 2019", "2019-SU")]);
    check(
        "the first half of 2019 and fiscal 2019",
        aug5,
        &[
            ("the first half of 2019", "2019-H1"),
            ("fiscal 2019", "2019"),
        ],
    );
    check(
        "profits in the third quarter",
        aug5,
        &[("the third quarter", "2017-Q3")],
    );
    check(
        "at 10:30 GMT and 3 p.m. and at noon",
        aug5,
        &[
            ("10:30 GMT", "2017-08-05T10:30"),
            ("3 p.m.", "2017-08-05T15:00"),
            ("noon", "2017-08-05T12:00"),
        ],
    );
    check(
        "tonight and this morning",
        aug5,
        &[
            ("tonight", "2017-08-05TNI"),
            ("this morning", "2017-08-05TMO"),
        ],
    );
    check(
        "every Monday, weekly and annually",
        aug5,
        &[
            ("every Monday", "XXXX-WXX-1"),
            ("weekly", "P1W"),
            ("annually", "P1Y"),
        ],
    );
    check(
        "Two years ago, it began.",
        aug5,
        &[("Two years ago", "2015")],
    );
    check(
        "now, currently, at present; in the past; the future",
        aug5,
        &[
            ("now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("at present", "PRESENT_REF"),
            ("the past", "PAST_REF"),
            ("the future", "FUTURE_REF"),
        ],
    );
    check(
        "for twenty-five years, more than two years",
        aug5,
        &[
            ("twenty-five years", "P25Y"),
            ("more than two years", "P2Y"),
        ],
    );
    check(
        "next Monday; yesterday; tomorrow",
        aug5,
        &[
            ("next Monday", "2017-08-07"),
            ("yesterday", "2017-08-04"),
            ("tomorrow", "2017-08-06"),
        ],
    );
    check(
        "earlier this month",
        aug5,
        &[("earlier this month", "2017-08")],
    );
    check(
        "The Sun said it may lead to protests; they march",
        aug5,
        &[],
    );
    check(
        "they met on Christmas Day",
        aug5,
        &[("Christmas Day", "2016-12-25")],
    );
    check(
        "they will meet on Christmas Day",
        aug5,
        &[("Christmas Day", "2017-12-25")],
    );
}

#[test]
fn tense_of_infinitives_reports_and_relative_clauses() {
    let oct30 = Some("2019-10-30");
    // An infinitive after a control verb looks forward from it.
    check(
        "The firm agreed to buy the plant for $2 million in February.",
        oct30,
        &[("February", "2020-02")],
    );
    check(
        "The company said it expects to publish its results in mid-November.",
        oct30,
        &[("mid-November", "2019-11")],
    );
    // A reporting verb far from the expression dates the report only.
    check(
        "The ministry told the three largest oil companies of a cut in their supply in November.",
        oct30,
        &[("November", "2019-11")],
    );
    // Near it, it sets the tense.
    check(
        "The minister told a news conference on Monday that talks would resume.",
        oct30,
        &[("Monday", "2019-10-28")],
    );
    // "-ed" adjectives are no past verbs: "would" decides.
    check(
        "The dividend would be paid on a still unspecified date in January.",
        oct30,
        &[("January", "2020-01")],
    );
    // A verb in a relative clause after the expression has its own time.
    check(
        "The move follows Monday's statement by the bank, which holds a stake that it is prepared to sell.",
        oct30,
        &[("Monday", "2019-10-28")],
    );
}

#[test]
fn anaphoric_dates_count_from_the_last_date_mentioned() {
    let pub_date = Some("2020-08-24");
    check(
        "On May 22, 1995, he was promoted, and the following year he moved to Vienna.",
        pub_date,
        &[
            ("May 22, 1995", "1995-05-22"),
            ("the following year", "1996"),
        ],
    );
    check(
        "The treaty was signed on March 3, 2001. Later that day the ministers met; the next morning they left.",
        pub_date,
        &[
            ("March 3, 2001", "2001-03-03"),
            ("Later that day", "2001-03-03"),
            ("the next morning", "2001-03-04"),
        ],
    );
    check(
        "The embassy closed in June 2018. Two weeks earlier the ambassador had left.",
        pub_date,
        &[("June 2018", "2018-06"), ("Two weeks earlier", "2018-05")],
    );
    // A reference coarser than the expression gives its own value, not an
    // invented day.
    check(
        "It happened in October 2019, and that same day the talks ended.",
        pub_date,
        &[("October 2019", "2019-10"), ("that same day", "2019-10")],
    );
    // With nothing mentioned before, the publication date is the reference.
    check(
        "The following year the plant will close.",
        pub_date,
        &[("The following year", "2021")],
    );
}

/// A financial report's "the quarter" and "a year ago" are about the first
/// quarter it names from the year before its date, else about the last
/// quarter completed; a quarter recalled from long ago does not count.
#[test]
fn a_report_quarter_is_the_first_recent_one_named() {
    check(
        "Acme said second-quarter profit rose 12%. Revenue for the quarter rose 8% from a year ago.",
        Some("1989-10-20"),
        &[
            ("second-quarter", "1989-Q2"),
            ("the quarter", "1989-Q2"),
            ("a year ago", "1988-Q2"),
        ],
    );
    check(
        "Unlike the third quarter of 1984, profit for the quarter rose from a year ago.",
        Some("1989-10-20"),
        &[
            ("the third quarter of 1984", "1984-Q3"),
            ("the quarter", "1989-Q3"),
            ("a year ago", "1988-Q3"),
        ],
    );
}
