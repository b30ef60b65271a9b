//! Drives the real app with `egui_kittest`: open the sample folder, click an
//! event by its accessible label, and find its sentence in the source pane.

use dateline::analysis::Options;
use dateline::app::{Command, DatelineApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};

fn harness() -> Harness<'static, DatelineApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            DatelineApp::new(
                cc,
                Some(dateline::sample_folder()),
                Options::default(),
                None,
            )
        });
    // Reading happens on a background thread: step until it is done.
    let start = Instant::now();
    while harness.state().state.analysis.is_none() && start.elapsed() < Duration::from_secs(60) {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(3);
    harness
}

use eframe::egui;

#[test]
fn clicking_an_event_shows_its_sentence_in_the_source_pane() {
    let mut harness = harness();
    let analysis = harness.state().state.analysis.clone();
    let Some(analysis) = analysis else {
        panic!("the sample folder did not load")
    };
    let order = harness.state().state.list_order();
    let first = order.first().copied();
    let Some(event_index) = first else {
        panic!("no events in the sample folder")
    };
    let event = &analysis.events[event_index];
    let label = dateline::ui::event_label(&analysis, event);
    let sentence = analysis.sentence_text(event).to_owned();
    let doc_text = analysis.docs[event.doc].doc.text.clone();

    assert!(harness.state().state.selected.is_none());
    harness.get_by_label(&label).click();
    harness.run_steps(4);
    assert_eq!(harness.state().state.selected, Some(event_index));

    // The source pane shows the whole document (a label's text is its
    // accessible value), and the document holds the sentence.
    assert!(doc_text.contains(&sentence));
    assert!(
        harness.query_by_value(&doc_text).is_some(),
        "the document text is not shown in the source pane"
    );
    // Its header names the kind and the rule that found the event.
    assert!(
        harness.query_all_by_value(event.rule).next().is_some(),
        "the event's rule is not shown"
    );
}

#[test]
fn keyboard_moves_the_selection_and_escape_clears_it() {
    let mut harness = harness();
    let order = harness.state().state.list_order();
    assert!(order.len() >= 2);
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selected, order.first().copied());
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selected, order.get(1).copied());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().state.selected, None);
    // Commands are the only way the state changes: the same through the API.
    harness.state_mut().state.apply(Command::SelectStep(1));
    assert_eq!(harness.state().state.selected, order.first().copied());
}
