//! Events the mention model finds in any kind of news, through the whole
//! extraction of one document: their kinds (`assets/events/kinds.tsv`) and
//! where their dates come from.

use crate::analysis::{Options, analyze_document};
use crate::corpus::Document;
use crate::events::{DateSource, KIND_RULES, Modality};
use crate::temporal::Tagger;
use chrono::NaiveDate;

fn analysed(text: &str) -> Vec<crate::analysis::Event> {
    let mut options = Options::default();
    options.published.insert(
        "a.txt".to_owned(),
        NaiveDate::from_ymd_opt(2020, 9, 20).unwrap_or_default(),
    );
    let mut doc = Document::new("a.txt", "a");
    doc.text = text.into();
    analyze_document(doc, &Tagger::new(), &options).events
}

#[test]
fn every_kind_rule_line_parses() {
    assert_eq!(KIND_RULES.len(), crate::events::kinds_rule_lines());
    let mut names: Vec<&str> = KIND_RULES.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), KIND_RULES.len(), "rule names are unique");
}

/// Each kind rule's example, read as a whole document, yields an event of
/// its kind made by it at the bracketed trigger.
#[test]
fn every_kind_rule_names_the_event_of_its_example() {
    let mut wrong = Vec::new();
    for rule in KIND_RULES.iter() {
        let (Some(open), Some(close)) = (rule.example.find('['), rule.example.find(']')) else {
            wrong.push(format!("{}: example without [brackets]", rule.name));
            continue;
        };
        let text = rule.example.replace(['[', ']'], "");
        let trigger = (open, close - 1);
        let events = analysed(&text);
        let at = events.iter().find(|e| e.trigger == trigger);
        if at.is_none_or(|e| e.rule != rule.recorded || e.kind != rule.kind) {
            let made: Vec<(&str, &str)> =
                events.iter().map(|e| (e.rule, e.kind.as_str())).collect();
            wrong.push(format!("{}: {text:?} made {made:?}", rule.name));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} rules:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn news_of_any_kind_yields_events_with_their_kinds() {
    let text = "Shares of the carmaker tumbled 8 percent on Monday. \
                A fire destroyed the factory. \
                The court sentenced the former minister to five years.";
    let kinds: Vec<&str> = analysed(text).iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["markets", "disaster", "legal"]);
}

/// An event's date source, day range and modality.
type Dating = (Option<DateSource>, Option<(NaiveDate, NaiveDate)>, Modality);

#[test]
fn an_event_without_a_date_takes_the_story_day_or_the_publication_day() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let events = analysed(
        "Police arrested two men. \
         On Thursday, September 17, the company unveiled a new phone. \
         It also cut prices. \
         The company will open a store next year.",
    );
    let got: Vec<Dating> = events
        .iter()
        .map(|e| (e.date_source, e.range, e.modality))
        .collect();
    let published = day(2020, 9, 20);
    let thursday = day(2020, 9, 17);
    assert_eq!(
        got.first(),
        Some(&(
            Some(DateSource::Published),
            Some((published, published)),
            Modality::Happened
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            Some(DateSource::Text),
            Some((thursday, thursday)),
            Modality::Happened
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            Some(DateSource::Context),
            Some((thursday, thursday)),
            Modality::Happened
        )),
        "{got:?}"
    );
    // What is planned keeps its own date and is never stamped with the
    // publication day.
    let planned: Vec<_> = got.iter().filter(|g| g.2 == Modality::Planned).collect();
    assert!(!planned.is_empty(), "{got:?}");
    assert!(
        planned.iter().all(|g| g.0 != Some(DateSource::Published)),
        "{got:?}"
    );
}

#[test]
fn a_trend_or_a_habit_is_no_event() {
    let events = analysed("Their trade is growing fast. The two firms regularly hold joint sales.");
    assert!(events.is_empty(), "{events:?}");
}
