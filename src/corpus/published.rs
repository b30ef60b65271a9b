//! Publication-date detection. Candidates are metadata dates, full dates
//! written in the text and dates in the file name; text candidates are
//! scored by where they stand (a date line at the top, a "Published:" label)
//! and by consistency with the rest of the article (a weekday the article
//! mentions, years it talks about), which rejects retrieval stamps and photo
//! captions about other days.

use super::PublishedSource;
use crate::temporal::FullDate;
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// The detector's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedGuess {
    /// The date.
    pub date: NaiveDate,
    /// Where it came from.
    pub source: PublishedSource,
    /// 0..=1.
    pub confidence: f32,
    /// Byte span in the analysed text, for text dates.
    pub span: Option<(usize, usize)>,
}

/// Text candidates start within this many bytes of the top to count as a header.
const HEADER_BYTES: usize = 800;
/// A text candidate needs at least this score.
const MIN_SCORE: i32 = 2;

#[expect(
    clippy::expect_used,
    reason = "constant patterns, checked by the tests"
)]
fn regex(pattern: &str) -> Regex {
    Regex::new(&crate::text::ascii_rule_pattern(pattern)).expect("valid constant regex")
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| regex(r"(?-u:\b)(1[89]\d\d|20\d\d)(?-u:\b)"));
static WEEKDAY_MENTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:on|since|last|this|until|by)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    )
});
static PUBLISHED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(published|posted|dated|first published|released)\b"));
static OTHER_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(updated|modified|retrieved|accessed|printed|downloaded|archived|last edited)\b")
});
/// What stands before the date in a wire-service dateline: a place in
/// capitals, maybe with its region or country ("MOSCOW, ", "WASHINGTON DC, ",
/// "GENEVA, Switzerland, ").
static DATELINE_PLACE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*[A-Z][A-Z.'\- ]{1,30}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?,?\s*$"));
/// What follows the date in a dateline: an optional agency, then a dash.
static DATELINE_DASH: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\s*(?:\([^)\n]{1,40}\)\s*)?(?:-|–|—|--)"));
static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:^|[^0-9])((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)",
    )
});

/// Finds a document's publication date: metadata first, then the text, then
/// the file path. `text` is the (repaired) text the spans refer to;
/// `candidates` are the full dates written in it (from the tagger's scan).
#[must_use]
pub fn detect_published(
    candidates: &[FullDate],
    text: &str,
    path: &str,
    metadata_dates: &[NaiveDate],
) -> Option<PublishedGuess> {
    if let Some(&date) = metadata_dates.first() {
        return Some(PublishedGuess {
            date,
            source: PublishedSource::Metadata,
            confidence: 0.9,
            span: None,
        });
    }
    from_text(candidates, text).or_else(|| from_path(path))
}

fn from_text(candidates: &[FullDate], text: &str) -> Option<PublishedGuess> {
    if candidates.is_empty() {
        return None;
    }
    let line_of = |pos: usize| {
        let start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        (start, end)
    };
    let candidate_lines: Vec<(usize, usize)> =
        candidates.iter().map(|c| line_of(c.start)).collect();
    // Years the article talks about, outside the lines that hold candidates.
    let body_years: Vec<i32> = YEAR
        .find_iter(text)
        .filter(|m| {
            !candidate_lines
                .iter()
                .any(|&(s, e)| m.start() >= s && m.end() <= e)
        })
        .filter_map(|m| m.as_str().parse().ok())
        .collect();
    let latest_body_year = body_years.iter().copied().max();
    let mentioned_weekdays: Vec<Weekday> = WEEKDAY_MENTION
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter_map(|m| m.as_str().parse::<Weekday>().ok())
        .collect();

    let mut best: Option<(i32, PublishedGuess)> = None;
    for (candidate, &(line_start, line_end)) in candidates.iter().zip(&candidate_lines) {
        let line = &text[line_start..line_end];
        let rest_words = text[line_start..candidate.start]
            .split_whitespace()
            .chain(text[candidate.end.min(line_end)..line_end].split_whitespace())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .filter(|w| {
                w.trim_matches(|c: char| !c.is_alphabetic())
                    .parse::<Weekday>()
                    .is_err()
            })
            .count();
        let mut score = 0;
        if candidate.start < HEADER_BYTES {
            score += 1;
        }
        // "MOSCOW, May 4, 2022 (Reuters) - ...": the story runs on in the
        // same line, but what frames the date is a wire dateline.
        let wire_dateline = DATELINE_PLACE.is_match(&text[line_start..candidate.start])
            && DATELINE_DASH.is_match(&text[candidate.end.min(line_end)..line_end]);
        if rest_words <= 2 || wire_dateline {
            score += 3;
        }
        if PUBLISHED_LABEL.is_match(line) {
            score += 2;
        }
        if OTHER_STAMP.is_match(line) {
            score -= 3;
        }
        match candidate.weekday_written {
            Some(day) if day == candidate.date.weekday() => score += 1,
            Some(_) => score -= 2,
            None => {}
        }
        if candidate.has_time {
            score += 1;
        }
        if mentioned_weekdays.contains(&candidate.date.weekday()) {
            score += 2;
        }
        if let Some(latest) = latest_body_year {
            let year = candidate.date.year();
            if year < latest || year > latest + 1 {
                score -= 2;
            }
        }
        if score >= MIN_SCORE && best.as_ref().is_none_or(|(s, _)| score > *s) {
            #[expect(clippy::cast_precision_loss, reason = "small scores")]
            let confidence = (score as f32 / 8.0).min(1.0);
            best = Some((
                score,
                PublishedGuess {
                    date: candidate.date,
                    source: PublishedSource::Text,
                    confidence,
                    span: Some((candidate.start, candidate.end)),
                },
            ));
        }
    }
    best.map(|(_, guess)| guess)
}

fn from_path(path: &str) -> Option<PublishedGuess> {
    let caps = PATH_DATE.captures(path)?;
    let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(1)?).ok()?, num(2)?, num(3)?)?;
    Some(PublishedGuess {
        date,
        source: PublishedSource::Filename,
        confidence: 0.6,
        span: None,
    })
}

#[cfg(test)]
mod tests {
    use super::detect_published;
    use crate::temporal::Tagger;

    fn check(text: &str, path: &str, expected: Option<&str>) {
        let tagger = Tagger::new();
        let got =
            detect_published(&tagger.full_dates(text), text, path, &[]).map(|g| g.date.to_string());
        assert_eq!(got.as_deref(), expected, "for {text:?}");
    }

    #[test]
    fn a_date_line_at_the_top_wins_over_a_later_retrieval_stamp() {
        check(
            "31 Mar 2025\nSaturday 5 August 2017 - 11:54\n\nOfficials will meet on Saturday. The expulsion in late 2016 was answered.",
            "a.txt",
            Some("2017-08-05"),
        );
    }

    #[test]
    fn a_wire_dateline_on_the_first_line_of_the_story() {
        check(
            "MOSCOW, May 4, 2022 - Russian President Vladimir Putin met Iranian President Ebrahim Raisi on Tuesday.",
            "a.txt",
            Some("2022-05-04"),
        );
        check(
            "GENEVA, Switzerland, 12 March 2019 (AFP) — Talks resumed on Monday, diplomats said.",
            "a.txt",
            Some("2019-03-12"),
        );
        // A date in running text is not a dateline.
        check(
            "The ministers said on May 4, 2022 - a Wednesday - that talks would go on.",
            "a.txt",
            None,
        );
    }

    #[test]
    fn a_caption_about_another_day_loses_to_the_consistent_one() {
        check(
            "Title here\n\nA rally on the steps on March 08, 2019 in Washington. (AFP photo)\nSpeakers attend a press conference in Tehran on January 23, 2023. (Photo)\n\nThe speaker said at a press conference on Monday that ties grew in 2023.",
            "b.txt",
            Some("2023-01-23"),
        );
    }

    #[test]
    fn no_full_date_means_no_guess_except_from_the_path() {
        check(
            "Zarif traveled to Moscow on July 21. A treaty of March 2001.",
            "c.txt",
            None,
        );
        check(
            "No date here.",
            "news/2016/02/17/story.txt",
            Some("2016-02-17"),
        );
    }

    #[test]
    fn an_updated_stamp_is_not_the_publication_date() {
        check(
            "Published: January 5, 2020\nUpdated: January 9, 2020\n\nThe ministers met on Sunday.",
            "d.txt",
            Some("2020-01-05"),
        );
    }
}
