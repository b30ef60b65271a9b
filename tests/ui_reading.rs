//! Reading folders through the real window (issue 6): a folder read before
//! comes back from its cache, and a file added, edited or removed while the
//! folder is open shows up on its own, keeping the selection.

mod common;

use dateline::analysis::Options;
use dateline::app::Command;
use dateline::window::DatelineApp;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A copy of the sample folder, so that the sidecar and the cache are
/// written there.
fn sample_copy(name: &str) -> PathBuf {
    common::copy_of(&dateline::sample_folder(), &format!("ui-read-{name}"))
}

fn harness(folder: &Path) -> Harness<'static, DatelineApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            DatelineApp::new(cc, Some(folder.clone()), Options::default(), None)
        });
    settle(&mut harness, |h| {
        h.state().state.edits.analysis.is_some() && h.state().state.loading().is_none()
    });
    harness
}

/// Steps the window until `done` holds (at most 20 s).
fn settle(
    harness: &mut Harness<'static, DatelineApp>,
    done: impl Fn(&Harness<'static, DatelineApp>) -> bool,
) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        harness.step();
        if done(harness) {
            harness.run_steps(2);
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

fn documents(harness: &Harness<'_, DatelineApp>) -> Vec<String> {
    harness
        .state()
        .state
        .edits
        .analysis
        .as_ref()
        .map(|a| a.docs.iter().map(|d| d.doc.path.clone()).collect())
        .unwrap_or_default()
}

/// The documents stream into the window as they are read (moved, not
/// copied); once the folder is read the window holds exactly what reading
/// it in one piece gives: documents in path order, events merged.
#[test]
fn a_folder_streamed_into_the_window_ends_as_read_whole() {
    let folder = sample_copy("stream");
    // More files than one reading run, in subfolders, so that files come
    // back out of path order.
    for n in 0..80 {
        let sub = folder.join(format!("sub{}", n % 3));
        let _ = std::fs::create_dir_all(&sub);
        let text = format!(
            "TEHRAN, March {} (Reuters) - Iranian Foreign Minister Abbas Araqchi met his Russian counterpart in Moscow on Tuesday, the ministry said.\n",
            1 + n % 28
        );
        let _ = std::fs::write(
            sub.join(format!("{:03}.txt", 80 - n)),
            text.repeat(1 + n % 5),
        );
    }
    let window = harness(&folder);
    let whole = dateline::ingest::analyze_folder(
        &folder,
        &Options::default(),
        &dateline::ingest::Progress::default(),
    )
    .expect("the folder opens");
    let shown = window
        .state()
        .state
        .edits
        .analysis
        .clone()
        .expect("an analysis is shown");
    let summary = |a: &dateline::analysis::Analysis| -> Vec<String> {
        let docs = a.docs.iter().map(|d| d.doc.path.clone());
        docs.chain(
            a.events
                .iter()
                .map(|e| format!("{} {} {:?} {:?}", e.id, e.doc, e.date, e.merged_with.ids())),
        )
        .collect()
    };
    assert_eq!(shown.docs.len(), 85);
    assert!(shown.events.iter().any(|e| !e.merged_with.is_empty()));
    assert_eq!(summary(&shown), summary(&whole));
    let _ = std::fs::remove_dir_all(&folder);
}

/// A folder opened while another is still being read (or lent back to
/// the reading job) replaces it: nothing of the first is left.
#[test]
fn a_folder_opened_during_a_read_replaces_it() {
    let first = sample_copy("first");
    for n in 0..150 {
        let text = format!(
            "MOSCOW, May {} (Reuters) - Russia and Iran signed a trade deal on Monday, officials said.\n",
            1 + n % 28
        );
        let _ = std::fs::write(first.join(format!("extra{n:03}.txt")), text.repeat(20));
    }
    let second = sample_copy("second");
    let folder = first.clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            DatelineApp::new(cc, Some(folder.clone()), Options::default(), None)
        });
    // Whatever stage the first read is at after a few frames.
    harness.run_steps(3);
    harness
        .state_mut()
        .state
        .apply(Command::OpenFolder(second.clone()));
    let settled = settle(&mut harness, |h| {
        h.state().state.loading().is_none() && h.state().state.edits.analysis.is_some()
    });
    assert!(settled, "{:?}", harness.state().state.status);
    let mut shown = documents(&harness);
    shown.sort();
    let whole = dateline::ingest::analyze_folder(
        &second,
        &Options::default(),
        &dateline::ingest::Progress::default(),
    )
    .expect("the folder opens");
    let mut expected: Vec<String> = whole.docs.iter().map(|d| d.doc.path.clone()).collect();
    expected.sort();
    assert_eq!(shown, expected);
    let events = event_count(&harness);
    assert_eq!(events, Some(whole.events.len()));
    let _ = std::fs::remove_dir_all(&first);
    let _ = std::fs::remove_dir_all(&second);
}

fn event_count(harness: &Harness<'_, DatelineApp>) -> Option<usize> {
    harness
        .state()
        .state
        .edits
        .analysis
        .as_ref()
        .map(|a| a.events.len())
}

#[test]
fn a_folder_read_before_reopens_from_its_cache() {
    let folder = sample_copy("cache");
    let first = harness(&folder);
    let events = event_count(&first);
    assert!(events.unwrap_or(0) > 0);
    drop(first);
    // The cache is written after the folder is shown.
    let cache = folder.join(".dateline").join("cache.bin");
    let start = Instant::now();
    while !cache.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(cache.exists(), "no cache written");
    let second = harness(&folder);
    let status = second.state().state.status.clone().unwrap_or_default();
    assert!(status.contains("5 of 5 files"), "status: {status}");
    assert_eq!(event_count(&second), events);
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn files_changed_while_open_show_up_and_the_selection_stays() {
    let folder = sample_copy("watch");
    let mut harness = harness(&folder);
    assert!(
        harness.state().state.watching(),
        "{:?}",
        harness.state().state.status
    );
    let first = harness.state().state.view.list_order().first().copied();
    harness.state_mut().state.apply(Command::Select(first));
    harness.run_steps(2);
    let selected_id = harness.state().state.view.selected.and_then(|i| {
        harness
            .state()
            .state
            .edits
            .analysis
            .as_ref()
            .map(|a| a.events[i].id.clone())
    });
    assert!(selected_id.is_some());

    // A new article appears.
    std::fs::write(
        folder.join("added.txt"),
        "MOSCOW, May 3, 2022 - Russian President Vladimir Putin met Iranian President Ebrahim Raisi in Moscow on Monday.\n",
    )
    .expect("write");
    let appeared = settle(&mut harness, |h| {
        documents(h).iter().any(|d| d == "added.txt")
    });
    assert!(
        appeared,
        "the new file did not show up: {:?}",
        harness.state().state.status
    );
    let state = &harness.state().state;
    let analysis = state.edits.analysis.as_ref().expect("analysis");
    assert!(
        analysis
            .events
            .iter()
            .any(|e| analysis.docs[e.doc].doc.path == "added.txt"),
        "the new article's meeting is on the timeline"
    );
    let now_selected = state.view.selected.map(|i| analysis.events[i].id.clone());
    assert_eq!(now_selected, selected_id, "the selection is kept");

    // It is removed again.
    std::fs::remove_file(folder.join("added.txt")).expect("remove");
    let gone = settle(&mut harness, |h| {
        !documents(h).iter().any(|d| d == "added.txt")
    });
    assert!(gone, "the removed file is still shown");
    let _ = std::fs::remove_dir_all(&folder);
}

/// Issue 6 item 5: the app opens a (merged) JSON Lines export directly.
#[test]
fn a_json_lines_export_opens_in_the_window() {
    let analysis = dateline::ingest::analyze_folder(
        &dateline::sample_folder(),
        &Options::default(),
        &dateline::ingest::Progress::default(),
    )
    .expect("samples");
    let dir = std::env::temp_dir().join(format!("dateline-ui-jsonl-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("events.jsonl");
    let mut bytes = Vec::new();
    dateline::export::write_jsonl(&analysis, &mut bytes).expect("write");
    std::fs::write(&file, bytes).expect("write");
    assert!(dateline::app::is_events_file(&file));

    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| DatelineApp::new(cc, None, Options::default(), None));
    harness
        .state_mut()
        .state
        .apply(Command::OpenPath(file.clone()));
    let opened = settle(&mut harness, |h| {
        h.state().state.edits.analysis.is_some() && !h.state().state.busy()
    });
    assert!(opened, "{:?}", harness.state().state.status);
    let state = &harness.state().state;
    let shown = state.edits.analysis.as_ref().expect("analysis");
    assert_eq!(shown.events.len(), analysis.events.len());
    assert!(state.edits.base.is_none(), "an events file is read-only");
    let status = state.status.clone().unwrap_or_default();
    assert!(
        status.contains(&format!("{} events", analysis.events.len())),
        "{status}"
    );
    // Selecting an event shows its document's text in the source pane.
    let first = state.view.list_order().first().copied();
    harness.state_mut().state.apply(Command::Select(first));
    harness.run_steps(3);
    let state = &harness.state().state;
    let shown = state.edits.analysis.as_ref().expect("analysis");
    let event = &shown.events[first.expect("an event")];
    let text = shown.docs[event.doc].doc.text.clone();
    assert!(text.contains(shown.sentence_text(event)));
    assert!(
        harness.query_by_value(&text).is_some(),
        "the document is shown"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
