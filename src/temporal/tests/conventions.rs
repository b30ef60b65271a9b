//! `TimeBank` conventions (TE3), brief formats, tense and anaphora, a
//! report's own quarter: text, anchor, expected (span, value).

use super::check;

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
