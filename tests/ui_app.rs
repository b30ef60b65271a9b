//! Drives the real app with `egui_kittest`: open the sample folder, click an
//! event by its accessible label, and find its sentence in the source pane.

use dateline::analysis::Options;
use dateline::app::Command;
use dateline::window::DatelineApp;
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
    while (harness.state().state.edits.analysis.is_none()
        || harness.state().state.loading().is_some())
        && start.elapsed() < Duration::from_secs(60)
    {
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
    let analysis = harness.state().state.edits.analysis.clone();
    let Some(analysis) = analysis else {
        panic!("the sample folder did not load")
    };
    let order = harness.state().state.view.list_order();
    let first = order.first().copied();
    let Some(event_index) = first else {
        panic!("no events in the sample folder")
    };
    let event = &analysis.events[event_index];
    let label = dateline::ui::event_label(&analysis, event);
    let sentence = analysis.sentence_text(event).to_owned();
    let doc_text = analysis.docs[event.doc].doc.text.clone();

    assert!(harness.state().state.view.selected.is_none());
    harness.get_by_label(&label).click();
    harness.run_steps(4);
    assert_eq!(harness.state().state.view.selected, Some(event_index));

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
    let order = harness.state().state.view.list_order();
    assert!(order.len() >= 2);
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.selected, order.first().copied());
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.selected, order.get(1).copied());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.selected, None);
    // Commands are the only way the state changes: the same through the API.
    harness.state_mut().state.apply(Command::SelectStep(1));
    assert_eq!(harness.state().state.view.selected, order.first().copied());
}

#[test]
fn clicking_a_marker_on_the_timeline_selects_its_event() {
    let mut harness = harness();
    let analysis = harness.state().state.edits.analysis.clone();
    let Some(analysis) = analysis else {
        panic!("the sample folder did not load")
    };
    // An event drawn as its own marker (not inside a cluster).
    let order = harness.state().state.view.index.order().to_vec();
    let alone = order.iter().rev().map(|&e| e as usize).find_map(|e| {
        let label = format!(
            "timeline: {}",
            dateline::ui::event_label(&analysis, &analysis.events[e])
        );
        let found = harness.query_all_by_label(&label).next().is_some();
        found.then_some((e, label))
    });
    let Some((last, label)) = alone else {
        panic!("no event has its own marker")
    };
    // The node is hover-only: the click lands on the timeline, whose own
    // hit test picks the marker, as for a user.
    let marker = harness.query_all_by_label(&label).next();
    let Some(marker) = marker else {
        panic!("no timeline marker labelled {label:?}")
    };
    marker.click();
    harness.run_steps(3);
    let selected = harness.state().state.view.selected;
    let Some(selected) = selected else {
        panic!("clicking the marker selected nothing")
    };
    // Markers of one day may share a spot: the one picked has that day.
    assert_eq!(
        analysis.events[selected].range, analysis.events[last].range,
        "picked an event of another day"
    );
}

#[test]
fn a_kind_chip_filters_the_timeline_and_the_list() {
    let mut harness = harness();
    let state = &harness.state().state;
    let kind = dateline::events::EventKind::Sanctions;
    let count = state.view.filtered.per_kind[kind.lane()];
    assert!(count > 0, "the samples report sanctions");
    let chip = format!("{} {count}", kind.as_str());
    harness.get_by_label(&chip).click();
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(state.view.filter.kinds, [kind]);
    assert_eq!(state.view.filtered.count, count);
    let Some(analysis) = &state.edits.analysis else {
        panic!("no analysis")
    };
    assert!(
        state
            .view
            .index
            .order()
            .iter()
            .all(|&e| analysis.events[e as usize].kind == kind),
        "the timeline shows only the chosen kind"
    );
    assert!(
        state.view.index.dated() < analysis.events.iter().filter(|e| e.range.is_some()).count(),
        "other kinds are hidden"
    );
    // Clicking the only chosen kind shows everything again.
    harness.get_by_label(&chip).click();
    harness.run_steps(3);
    assert!(harness.state().state.view.filter.is_empty());
}

#[test]
fn keyboard_zooms_fits_and_jumps_to_the_ends() {
    let mut harness = harness();
    let fitted = harness.state().state.view.days;
    harness.key_press(egui::Key::Plus);
    harness.run_steps(2);
    let zoomed = harness.state().state.view.days;
    assert!(zoomed.span() < fitted.span() * 0.8, "+ zooms in");
    harness.key_press(egui::Key::Minus);
    harness.key_press(egui::Key::Minus);
    harness.run_steps(2);
    assert!(
        harness.state().state.view.days.span() > zoomed.span(),
        "- zooms out"
    );
    harness.key_press(egui::Key::F);
    harness.run_steps(2);
    assert_eq!(harness.state().state.view.days, fitted, "F fits all again");
    harness.key_press(egui::Key::End);
    harness.run_steps(2);
    let order = harness.state().state.view.index.order().to_vec();
    assert_eq!(
        harness.state().state.view.selected,
        order.last().map(|&e| e as usize)
    );
    harness.key_press(egui::Key::Home);
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.view.selected,
        order.first().map(|&e| e as usize)
    );
    // The selection is kept in view.
    let state = &harness.state().state;
    let Some((first, last)) = state.view.selected.and_then(|e| state.event_days(e)) else {
        panic!("the first event is dated")
    };
    assert!(state.view.days.first <= first && last <= state.view.days.last);
}

#[test]
fn zoom_lanes_and_filter_come_back_after_a_restart() {
    let mut first = harness();
    first.key_press(egui::Key::Plus);
    first.run_steps(2);
    let filter = dateline::timeline::Filter {
        text: "Iran".to_owned(),
        ..dateline::timeline::Filter::default()
    };
    first
        .state_mut()
        .state
        .apply(Command::SetFilter(filter.clone()));
    first
        .state_mut()
        .state
        .apply(Command::SetLaneMode(dateline::timeline::LaneMode::Actor));
    let settings = first.state().state.settings();
    // Through eframe's storage format (RON or JSON text) and back.
    let kept = serde_json::to_string(&settings).unwrap_or_default();
    let Ok(settings) = serde_json::from_str::<dateline::app::Settings>(&kept) else {
        panic!("settings do not round-trip: {kept}")
    };
    let view = first.state().state.view.days;
    drop(first);

    let mut second = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let mut app = DatelineApp::new(
                cc,
                Some(dateline::sample_folder()),
                Options::default(),
                None,
            );
            app.state.restore(settings.clone());
            app
        });
    let start = Instant::now();
    while (second.state().state.edits.analysis.is_none()
        || second.state().state.loading().is_some())
        && start.elapsed() < Duration::from_secs(60)
    {
        second.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    second.run_steps(2);
    let state = &second.state().state;
    assert_eq!(state.view.days, view, "the zoom is kept");
    assert_eq!(state.view.filter, filter, "the filter is kept");
    assert_eq!(state.view.lane_mode, dateline::timeline::LaneMode::Actor);
    assert!(state.view.filtered.count > 0 && state.view.index.dated() > 0);
}

#[test]
fn the_sorted_table_scrolls_to_the_selection() {
    // Thousands of rows: most are off screen and not laid out.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            let mut app = DatelineApp::new(cc, None, Options::default(), None);
            app.state
                .set_analysis(dateline::timeline::synthetic::analysis(5_000, 3));
            app
        });
    harness.run_steps(2);
    harness
        .state_mut()
        .state
        .apply(Command::SortList(dateline::timeline::SortColumn::Kind));
    harness.run_steps(2);
    let state = &harness.state().state;
    let analysis = state.edits.analysis.clone().unwrap_or_default();
    let kinds: Vec<_> = state
        .view
        .table
        .iter()
        .map(|&i| analysis.events[i as usize].kind)
        .collect();
    assert!(!kinds.is_empty() && kinds.windows(2).all(|w| w[0] <= w[1]));
    // Select rows from the model: each one's row comes on screen (only
    // visible rows are laid out, so a found row was scrolled to).
    let rows = state.view.table.clone();
    let far = rows.get(rows.len() * 3 / 4).copied().unwrap_or_default();
    let far_label = dateline::ui::event_label(&analysis, &analysis.events[far as usize]);
    assert!(
        harness.query_all_by_label(&far_label).next().is_none(),
        "a far row is not laid out before it is selected"
    );
    for &event in [rows.first(), rows.last(), rows.get(rows.len() / 2)]
        .into_iter()
        .flatten()
    {
        harness
            .state_mut()
            .state
            .apply(Command::Select(Some(event as usize)));
        harness.run_steps(3);
        let label = dateline::ui::event_label(&analysis, &analysis.events[event as usize]);
        assert!(
            harness.query_all_by_label(&label).next().is_some(),
            "row of event {event} not shown"
        );
    }
}

#[test]
fn shift_drag_on_the_overview_filters_by_dates() {
    let mut harness = harness();
    let rect = harness
        .ctx
        .data(|d| d.get_temp::<egui::Rect>(dateline::ui::timeline_rect_id()));
    let Some(rect) = rect else {
        panic!("the timeline was not drawn")
    };
    let total = harness.state().state.view.index.dated();
    // The overview strip is the bottom 30 points of the timeline.
    let y = rect.bottom() - 15.0;
    let x0 = rect.left() + rect.width() * 0.55;
    let x1 = rect.left() + rect.width() * 0.9;
    let shift = egui::Modifiers::SHIFT;
    harness.event(egui::Event::ModifiersChanged(shift));
    harness.event(egui::Event::PointerMoved(egui::pos2(x0, y)));
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(x0, y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: shift,
    });
    harness.step();
    for i in 1..=6 {
        let x = x0 + (x1 - x0) * i as f32 / 6.0;
        harness.event(egui::Event::PointerMoved(egui::pos2(x, y)));
        harness.step();
    }
    harness.event(egui::Event::PointerButton {
        pos: egui::pos2(x1, y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: shift,
    });
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.run_steps(4);
    let state = &harness.state().state;
    let Some((first, last)) = state.view.filter.range else {
        panic!("no date range was set")
    };
    assert!(first < last);
    let shown = state.view.index.dated();
    assert!(
        0 < shown && shown < total,
        "{shown} of {total} events shown"
    );
    let analysis = state.edits.analysis.as_ref().expect("analysis");
    for &e in state.view.index.order() {
        let (a, b) = analysis.events[e as usize].range.expect("dated");
        assert!(
            a <= last && b >= first,
            "an event outside the range is shown"
        );
    }
}

#[test]
fn only_this_document_filters_to_the_selected_events_document() {
    let mut harness = harness();
    let first = harness.state().state.view.list_order().first().copied();
    harness.state_mut().state.apply(Command::Select(first));
    harness.run_steps(3);
    harness.get_by_label("Only this document").click();
    harness.run_steps(3);
    let state = &harness.state().state;
    let analysis = state.edits.analysis.as_ref().expect("analysis");
    let doc = &analysis.docs[analysis.events[first.expect("event")].doc]
        .doc
        .path;
    assert_eq!(state.view.filter.docs, std::slice::from_ref(doc));
    assert!(state.view.filtered.count > 0);
    assert!(state.view.filtered.count < analysis.events.len());
    for &e in state.view.index.order() {
        assert_eq!(
            &analysis.docs[analysis.events[e as usize].doc].doc.path,
            doc
        );
    }
    // The document menu names it.
    assert!(harness.query_all_by_label("document").next().is_some());
}

/// The tray lays out only the undated events in view: a folder with
/// thousands of them costs a screenful a frame, not thousands of rows.
#[test]
fn the_undated_tray_lays_out_only_the_rows_in_view() {
    let mut harness = harness();
    let Some(analysis) = harness.state().state.edits.analysis.clone() else {
        panic!("the sample folder did not load")
    };
    let mut many = (*analysis).clone();
    let undated: Vec<_> = analysis
        .events
        .iter()
        .filter(|e| e.range.is_none())
        .cloned()
        .collect();
    assert!(!undated.is_empty());
    for n in 0..3000 {
        let mut event = undated[n % undated.len()].clone();
        event.id = format!("copy{n}");
        many.events.push(event);
    }
    many.events.sort_by_key(|e| e.doc);
    let total = many.events.iter().filter(|e| e.range.is_none()).count();
    harness.state_mut().state.set_analysis(many);
    harness.run_steps(3);
    let laid_out = harness.query_all_by_label_contains("undated ·").count();
    assert!(laid_out > 0, "no undated row shown");
    assert!(
        laid_out < 100,
        "{laid_out} of {total} undated rows laid out"
    );
}
