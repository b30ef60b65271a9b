//! Corrections through the real window (issue 5, item 8): correct a date and
//! see the event move, undo and redo, hide, reopen the folder and find the
//! correction kept, export and read it back — from the app and the CLI.

mod common;

use dateline::analysis::Options;
use dateline::app::Command;
use dateline::window::DatelineApp;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A copy of the sample folder, so that the sidecar and the cache are
/// written there.
fn sample_copy(name: &str) -> PathBuf {
    common::copy_of(&dateline::sample_folder(), &format!("ui-corr-{name}"))
}

fn harness(folder: &Path) -> Harness<'static, DatelineApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            DatelineApp::new(cc, Some(folder.clone()), Options::default(), None)
        });
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

/// The index of the event with this id in the analysis shown.
fn find(harness: &Harness<'_, DatelineApp>, id: &str) -> Option<usize> {
    let analysis = harness.state().state.edits.analysis.as_ref()?;
    analysis.events.iter().position(|e| e.id == id)
}

fn date_of(harness: &Harness<'_, DatelineApp>, id: &str) -> Option<String> {
    let analysis = harness.state().state.edits.analysis.as_ref()?;
    analysis.events.iter().find(|e| e.id == id)?.date.clone()
}

const NEW_DATE: &str = "2001-03-15";

#[test]
fn a_corrected_date_moves_the_event_survives_a_restart_and_is_exported() {
    let folder = sample_copy("date");
    let mut h = harness(&folder);
    // The first dated event of the list, by a click on its row.
    let (id, label, machine_date) = {
        let state = &h.state().state;
        let analysis = state.edits.analysis.clone().unwrap_or_default();
        let first = state.view.list_order().first().copied().unwrap_or_default();
        let event = &analysis.events[first];
        (
            event.id.clone(),
            dateline::ui::event_label(&analysis, event),
            event.date.clone(),
        )
    };
    assert_ne!(machine_date.as_deref(), Some(NEW_DATE));
    h.get_by_label(&label).click();
    h.run_steps(3);
    let before_days = h
        .state()
        .state
        .view
        .selected
        .and_then(|i| h.state().state.event_days(i));
    assert!(before_days.is_some(), "a dated event is selected");

    // Correct… → type a date → Save.
    h.get_by_label("Correct…").click();
    h.run_steps(3);
    assert!(
        h.state().state.dialogs.editing.is_some(),
        "the dialog is open"
    );
    h.get_by_label("Date").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Date").type_text(NEW_DATE);
    h.run_steps(2);
    h.get_by_label("Save").click();
    h.run_steps(4);
    assert_eq!(h.state().state.dialogs.editing, None, "the dialog closed");
    assert_eq!(date_of(&h, &id).as_deref(), Some(NEW_DATE));
    // It moved on the timeline, stays selected and the view shows it.
    let index = find(&h, &id);
    assert_eq!(h.state().state.view.selected, index);
    let day = index
        .and_then(|i| h.state().state.event_days(i))
        .map(|d| d.0);
    let expected = chrono::NaiveDate::from_ymd_opt(2001, 3, 15)
        .map(|d| f64::from(dateline::timeline::day_number(d)));
    assert_eq!(day, expected);
    let view = h.state().state.view.days;
    assert!(view.first <= day.unwrap_or(0.0) && day.unwrap_or(0.0) <= view.last);
    // Kept in the folder's sidecar.
    let sidecar = folder.join(".dateline").join("corrections.json");
    let saved = std::fs::read_to_string(&sidecar).unwrap_or_default();
    assert!(saved.contains(NEW_DATE), "{saved}");

    // Undo and redo, by keyboard.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(date_of(&h, &id), machine_date);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run_steps(2);
    assert_eq!(date_of(&h, &id).as_deref(), Some(NEW_DATE));

    // Export from the app and read it back.
    let out = folder.join("export.json");
    h.state_mut().state.apply(Command::ExportJson(out.clone()));
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).unwrap_or_default()).unwrap_or_default();
    let event = exported["events"]
        .as_array()
        .and_then(|events| events.iter().find(|e| e["id"] == id.as_str()))
        .cloned()
        .unwrap_or_default();
    assert_eq!(event["date"], NEW_DATE);
    assert_eq!(event["range"], serde_json::json!([NEW_DATE, NEW_DATE]));
    assert_eq!(event["corrected"], serde_json::json!(["date"]));
    let _ = std::fs::remove_file(&out);
    drop(h);

    // Reopen: the correction is applied again.
    let h = harness(&folder);
    assert_eq!(date_of(&h, &id).as_deref(), Some(NEW_DATE));
    drop(h);

    // The command line's export applies it too.
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("export")
        .arg(&folder)
        .output();
    let stdout = cli.map(|o| o.stdout).unwrap_or_default();
    let exported: serde_json::Value = serde_json::from_slice(&stdout).unwrap_or_default();
    let dated = exported["events"]
        .as_array()
        .and_then(|events| events.iter().find(|e| e["id"] == id.as_str()))
        .map(|e| e["date"].clone());
    assert_eq!(dated, Some(serde_json::json!(NEW_DATE)));
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn delete_hides_an_event_and_undo_brings_it_back() {
    let folder = sample_copy("hide");
    let mut h = harness(&folder);
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    let selected = h.state().state.view.selected;
    let id = selected
        .and_then(|i| {
            Some(
                h.state()
                    .state
                    .edits
                    .analysis
                    .as_ref()?
                    .events
                    .get(i)?
                    .id
                    .clone(),
            )
        })
        .unwrap_or_default();
    let count = |h: &Harness<'_, DatelineApp>| {
        h.state()
            .state
            .edits
            .analysis
            .as_ref()
            .map_or(0, |a| a.events.len())
    };
    let before = count(&h);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert_eq!(count(&h), before - 1);
    assert_eq!(find(&h, &id), None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(count(&h), before);
    assert!(find(&h, &id).is_some());
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn setting_a_publication_date_dates_the_document_events() {
    let folder = sample_copy("published");
    let mut h = harness(&folder);
    // A document without a publication date, and an undated event in it.
    let target = {
        let state = &h.state().state;
        let analysis = state.edits.analysis.clone().unwrap_or_default();
        analysis.docs.iter().position(|d| {
            d.published.is_none() && d.timexes.iter().any(|t| t.value.starts_with("XXXX-"))
        })
    };
    let Some(doc) = target else {
        panic!("the sample folder has an undated document with time expressions");
    };
    let dated_in_doc = |h: &Harness<'_, DatelineApp>| {
        h.state().state.edits.analysis.as_ref().map_or(0, |a| {
            a.docs.get(doc).map_or(0, |d| {
                d.timexes.iter().filter(|t| t.range.is_some()).count()
            })
        })
    };
    let before = dated_in_doc(&h);
    h.state_mut().state.apply(Command::EditPublished(Some(doc)));
    h.run_steps(2);
    assert!(h.get_by_label("Publication date").rect().width() > 0.0);
    h.state_mut()
        .state
        .apply(Command::SetPublished(doc, Some("banana".into())));
    assert!(
        h.state().state.dialogs.edit_error.is_some(),
        "a non-date is refused"
    );
    h.state_mut()
        .state
        .apply(Command::SetPublished(doc, Some("5 August 2017".into())));
    h.run_steps(2);
    let state = &h.state().state;
    let published = state
        .edits
        .analysis
        .as_ref()
        .and_then(|a| a.docs.get(doc)?.published.clone());
    assert_eq!(
        published.map(|p| p.date.to_string()),
        Some("2017-08-05".into())
    );
    assert!(dated_in_doc(&h) > before, "relative dates now resolve");
    let _ = std::fs::remove_dir_all(&folder);
}
