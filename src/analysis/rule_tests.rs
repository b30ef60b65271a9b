//! Event rules and frames checked through the whole extraction of one
//! document: what a reader would put on the timeline, with its date and
//! modality (the rules live in `crate::events`; these tests need the
//! pipeline above them).

use crate::analysis::{Options, analyze_document};
use crate::corpus::Document;
use crate::events::{FrameType, Modality, frames, rules};
use crate::temporal::Tagger;

/// (kind, date) of each event of `text`, published 2020-09-20.
fn events(text: &str) -> Vec<(String, Option<String>)> {
    analysed(text)
        .into_iter()
        .map(|e| (e.kind.as_str().to_owned(), e.date))
        .collect()
}

fn analysed(text: &str) -> Vec<crate::analysis::Event> {
    let mut options = Options::default();
    options.published.insert(
        "a.txt".to_owned(),
        chrono::NaiveDate::from_ymd_opt(2020, 9, 20).unwrap_or_default(),
    );
    let mut doc = Document::new("a.txt", "a");
    doc.text = text.into();
    analyze_document(doc, &Tagger::new(), &options).events
}

#[test]
fn an_event_dated_after_publication_is_planned() {
    let modality = |text: &str| analysed(text).first().map(|e| e.modality);
    assert_eq!(
        modality("Kuchma also planned to visit Gazprom."),
        Some(crate::events::Modality::Planned)
    );
    assert_eq!(
        modality("Putin's visit to Tehran on October 5, 2020 was announced."),
        Some(crate::events::Modality::Planned)
    );
    assert_eq!(
        modality("Putin's visit to Tehran on September 5, 2020 was a success."),
        Some(crate::events::Modality::Happened)
    );
}

#[test]
fn a_statement_is_dated_by_when_it_was_said_not_by_what_it_says() {
    let statements = |text: &str| -> Vec<Option<String>> {
        events(text)
            .into_iter()
            .filter(|(kind, _)| kind == "statement")
            .map(|(_, date)| date)
            .collect()
    };
    let friday = vec![Some("2020-09-18".to_owned())];
    assert_eq!(
        statements("The company said Friday it expects a loss."),
        friday
    );
    assert_eq!(
        statements("The minister said on Friday that ties will grow."),
        friday
    );
    assert_eq!(
        statements("His father said in a letter published Friday that he wants to see him."),
        friday
    );
    assert_eq!(
        statements("Her lawyers stated unambiguously on Friday that she knew nothing."),
        friday
    );
    assert_eq!(
        statements(
            "Earlier this month, the company said it expected to break even for the quarter."
        ),
        vec![Some("2020-09".to_owned())]
    );
    // The date belongs to what was said: the saying stays undated, and
    // a reporting verb without a date of its own is no event.
    for text in [
        "Rep. Dan Burton said he subpoenaed Elian to testify before the committee on Feb. 10.",
        "Intel said that last week a customer discovered two flaws in its chip.",
        "The official said these sites could only be visited by a team as laid down by the Feb. 23 accord.",
        "Earlier this year, the firm made an offer, which the board said it rejected.",
        "Kopp's car was discovered last month at the airport, the FBI said.",
        "Fund managers said Friday's profit-taking was a natural result.",
        "Norton Co. said net income for the third quarter fell 6%.",
        "The unit said third-quarter net income dropped 8%.",
        "Officials said nearly 200 people died on Friday.",
        "An analyst expected the firm to earn 35 cents for the quarter and said the profit was weak.",
    ] {
        assert!(
            statements(text).is_empty(),
            "{text}: {:?}",
            statements(text)
        );
    }
}

#[test]
fn a_year_inside_another_events_words_is_not_shared() {
    let got = events(
        "Members of the 2015 nuclear deal answered the snapback and restoring sanctions was a blow.",
    );
    assert!(
        got.contains(&("agreement".to_owned(), Some("2015".to_owned()))),
        "{got:?}"
    );
    assert!(
        got.contains(&("sanctions".to_owned(), None)),
        "the sanctions are not dated by the deal's year: {got:?}"
    );
}

#[test]
fn events_of_one_clause_share_its_date() {
    let got = events("Iran imposed sanctions and signed a treaty with Russia on Monday.");
    assert!(
        got.iter()
            .all(|(_, date)| date.as_deref() == Some("2020-09-14")),
        "{got:?}"
    );
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn a_reference_is_an_event_only_with_a_date_of_its_own() {
    // The frame's noun phrase holds a date: kept, and dated by it.
    let got = events("Russia was hit hard following its February military operation in Ukraine.");
    assert!(
        got.contains(&("conflict".to_owned(), Some("2020-02".to_owned()))),
        "{got:?}"
    );
    // No date of its own: a pointer to an event told elsewhere.
    let got = events("Markets fell after the Nairobi bombing.");
    assert!(got.is_empty(), "{got:?}");
    // A verb after the frame is a clause of its own, not a reference.
    let got = events("Markets fell after Iran signed the deal with Russia.");
    assert_eq!(got.len(), 1, "{got:?}");
    let got = events("After visiting Moscow, Zarif flew home.");
    assert!(got.iter().any(|(kind, _)| kind == "visit"), "{got:?}");
}

#[test]
fn a_state_or_a_habit_is_no_event_but_a_dated_habit_is() {
    assert!(events("Their defense cooperation is growing fast.").is_empty());
    assert!(events("The two navies regularly hold joint naval drills.").is_empty());
    let got = events("In 2019 the two navies regularly held joint naval drills.");
    assert_eq!(got.len(), 1, "{got:?}");
    // "May" the month is no modal.
    let modality = analysed("Trump imposed sanctions against Iran in May 2018.")
        .first()
        .map(|e| e.modality);
    assert_eq!(modality, Some(crate::events::Modality::Happened));
}

#[test]
fn an_understanding_of_something_is_no_agreement() {
    let got = events("Both countries have reached a common understanding of sensitive issues.");
    assert!(got.iter().all(|(kind, _)| kind != "agreement"), "{got:?}");
    let got = events("The two sides reached an understanding on prisoner swaps.");
    assert_eq!(got, [("agreement".to_owned(), None)]);
}

#[test]
fn a_trigger_inside_another_rules_words_tells_the_act() {
    let kinds = |text: &str| -> Vec<String> { events(text).into_iter().map(|(k, _)| k).collect() };
    assert_eq!(
        kinds("The US president approved the sanctions bill."),
        ["sanctions"]
    );
    assert_eq!(
        kinds("The US Congress approved a bill on new sanctions against Iran."),
        ["legislation"]
    );
    assert_eq!(
        kinds("Rouhani spoke, addressing a cabinet meeting in Tehran on Monday."),
        ["statement"]
    );
}

/// Each example: some trigger rule proposes the marked words, and the
/// whole extraction then drops that mention (or makes it planned).
#[test]
fn every_frame_does_what_its_example_says() {
    let tagger = Tagger::new();
    for frame in &frames().frames {
        let (Some(open), Some(close)) = (frame.example.find("[["), frame.example.find("]]")) else {
            panic!("{}: example without [[…]]", frame.name);
        };
        let text = frame.example.replace("[[", "").replace("]]", "");
        let marked = (open, close - 2);
        let proposed = rules().rules.iter().any(|r| {
            r.regex.captures_iter(&text).any(|c| {
                c.name("t")
                    .or_else(|| c.get(0))
                    .is_some_and(|m| (m.start(), m.end()) == marked)
            })
        });
        assert!(
            proposed,
            "{}: no trigger rule proposes the marked words",
            frame.name
        );
        let mut doc = Document::new("a.txt", "a");
        doc.text = text.as_str().into();
        let events = analyze_document(doc, &tagger, &Options::default()).events;
        let at = events.iter().find(|e| e.trigger == marked);
        if frame.kind == FrameType::Planned {
            assert_eq!(
                at.map(|e| e.modality),
                Some(Modality::Planned),
                "{}: {events:?}",
                frame.name
            );
        } else {
            assert!(at.is_none(), "{}: still an event: {at:?}", frame.name);
        }
    }
}

/// Each trigger rule's example, read as a whole document, yields an event
/// made by that rule — weak and reporting rules too: a rule that always
/// gives way to another on its own example never makes an event at all.
#[test]
fn every_trigger_rule_makes_an_event_from_its_example() {
    let tagger = Tagger::new();
    let mut missing = Vec::new();
    for rule in &rules().rules {
        let mut doc = Document::new("a.txt", "a");
        doc.text = rule.example.as_str().into();
        let events = analyze_document(doc, &tagger, &Options::default()).events;
        if !events.iter().any(|e| e.rule == rule.name) {
            let made: Vec<&str> = events.iter().map(|e| e.rule).collect();
            missing.push(format!(
                "{} ({:?}): {:?} made {made:?}",
                rule.name, rule.class, rule.example
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "{} rules:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
