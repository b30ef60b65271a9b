//! Drawing. Every function here reads the [`AppState`] and pushes
//! [`Command`]s; none mutates the state.

pub mod edit_ui;
mod filter_ui;
mod lists_ui;
mod source_ui;
pub mod theme;
pub mod timeline;

use crate::app::{AppState, Command, ExportFormat};
use crate::export::Format;
use eframe::egui;

pub use lists_ui::event_label;
pub use timeline::timeline_rect_id;

/// Zoom factor of one + or − key press.
const ZOOM_STEP: f64 = 1.5;

/// Keyboard shortcuts: Ctrl+O open, F fit, Esc clear, ←/→ and ↑/↓
/// previous/next event in time, Shift+↑/↓ the nearest event in the lane
/// above/below, +/− zoom, Home/End first/last event, E correct the
/// selected event, Delete hide it, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo.
pub fn shortcuts(ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() || state.dialogs.editing_open() {
        return;
    }
    ctx.input_mut(|i| {
        if i.consume_key(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::Z,
        ) || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)
        {
            commands.push(Command::Redo);
        }
        if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z) {
            commands.push(Command::Undo);
        }
        if let Some(selected) = state.view.selected {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::E) {
                commands.push(Command::EditEvent(Some(selected)));
            }
            if i.consume_key(egui::Modifiers::NONE, egui::Key::Delete) {
                commands.push(Command::HideEvent(selected));
            }
        }
        if i.consume_key(egui::Modifiers::COMMAND, egui::Key::O) {
            commands.push(Command::PickFolder);
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::F) {
            commands.push(Command::FitAll);
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            commands.push(Command::Select(None));
        }
        if i.consume_key(egui::Modifiers::SHIFT, egui::Key::ArrowDown) {
            commands.push(Command::SelectLane(1));
        }
        if i.consume_key(egui::Modifiers::SHIFT, egui::Key::ArrowUp) {
            commands.push(Command::SelectLane(-1));
        }
        for (key, step) in [
            (egui::Key::ArrowDown, 1),
            (egui::Key::ArrowRight, 1),
            (egui::Key::ArrowUp, -1),
            (egui::Key::ArrowLeft, -1),
        ] {
            if i.consume_key(egui::Modifiers::NONE, key) {
                commands.push(Command::SelectStep(step));
            }
        }
        for key in [egui::Key::Plus, egui::Key::Equals] {
            if i.consume_key(egui::Modifiers::NONE, key)
                || i.consume_key(egui::Modifiers::SHIFT, key)
            {
                commands.push(Command::ZoomBy(ZOOM_STEP));
            }
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::Minus) {
            commands.push(Command::ZoomBy(1.0 / ZOOM_STEP));
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::Home) {
            commands.push(Command::SelectEdge(false));
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::End) {
            commands.push(Command::SelectEdge(true));
        }
    });
}

/// The whole window.
pub fn app_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::Panel::top("menu").show(ui, |ui| menu_ui(ui, state, commands));
    egui::Panel::bottom("tray")
        .resizable(true)
        .default_size(150.0)
        .show(ui, |ui| lists_ui::tray_ui(ui, state, commands));
    egui::Panel::left("events")
        .resizable(true)
        .default_size(340.0)
        .min_size(260.0)
        .show(ui, |ui| lists_ui::events_ui(ui, state, commands));
    if state.view.selected.is_some() {
        // The source pane never crowds out the timeline.
        let max_width = (ui.available_width() * 0.4).max(320.0);
        egui::Panel::right("source")
            .resizable(true)
            .default_size(440.0)
            .max_size(max_width)
            .min_size(300.0)
            .show(ui, |ui| source_ui::source_ui(ui, state, commands));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        filter_ui::filter_ui(ui, state, commands);
        timeline::timeline_ui(ui, state, commands);
    });
    edit_ui::dialogs_ui(ui, state, commands);
}

fn menu_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open folder…  (Ctrl+O)").clicked() {
                commands.push(Command::PickFolder);
            }
            if ui.button("Open events file (JSON Lines)…").clicked() {
                commands.push(Command::PickEvents);
            }
            ui.add_enabled_ui(state.edits.analysis.is_some(), |ui| {
                if ui.button("Export JSON…").clicked() {
                    commands.push(Command::PickExport(ExportFormat::Data(Format::Json)));
                }
                if ui.button("Export CSV…").clicked() {
                    commands.push(Command::PickExport(ExportFormat::Data(Format::Csv)));
                }
                if ui.button("Export TimelineJS…").clicked() {
                    commands.push(Command::PickExport(ExportFormat::Data(Format::TimelineJs)));
                }
                if ui.button("Export JSON Lines…").clicked() {
                    commands.push(Command::PickExport(ExportFormat::Data(Format::Jsonl)));
                }
                if ui.button("Export timeline PNG…").clicked() {
                    commands.push(Command::PickExport(ExportFormat::Png));
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            let editable = state.edits.base.is_some();
            if ui
                .add_enabled(
                    editable && !state.edits.undo.is_empty(),
                    egui::Button::new("Undo  (Ctrl+Z)"),
                )
                .clicked()
            {
                commands.push(Command::Undo);
            }
            if ui
                .add_enabled(
                    editable && !state.edits.redo.is_empty(),
                    egui::Button::new("Redo  (Ctrl+Shift+Z)"),
                )
                .clicked()
            {
                commands.push(Command::Redo);
            }
            ui.separator();
            let selected = state.view.selected.filter(|_| editable);
            if ui
                .add_enabled(selected.is_some(), egui::Button::new("Correct event…  (E)"))
                .clicked()
            {
                commands.push(Command::EditEvent(selected));
            }
            if ui
                .add_enabled(
                    selected.is_some(),
                    egui::Button::new("Hide event  (Delete)"),
                )
                .clicked()
                && let Some(event) = selected
            {
                commands.push(Command::HideEvent(event));
            }
            let doc = selected
                .and_then(|e| state.edits.analysis.as_ref()?.events.get(e))
                .map(|e| e.doc);
            if ui
                .add_enabled(doc.is_some(), egui::Button::new("Set publication date…"))
                .clicked()
            {
                commands.push(Command::EditPublished(doc));
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Fit all  (F)").clicked() {
                commands.push(Command::FitAll);
            }
            if ui.button("Zoom in  (+)").clicked() {
                commands.push(Command::ZoomBy(ZOOM_STEP));
            }
            if ui.button("Zoom out  (-)").clicked() {
                commands.push(Command::ZoomBy(1.0 / ZOOM_STEP));
            }
            ui.separator();
            for mode in crate::timeline::LaneMode::ALL {
                if ui
                    .radio(
                        state.view.lane_mode == mode,
                        format!("Lanes by {}", mode.as_str()),
                    )
                    .clicked()
                {
                    commands.push(Command::SetLaneMode(mode));
                }
            }
            ui.separator();
            if ui.button("Clear selection  (Esc)").clicked() {
                commands.push(Command::Select(None));
            }
        });
        ui.separator();
        match (&state.folder.path, &state.edits.analysis) {
            (Some(folder), Some(analysis)) => {
                ui.label(egui::RichText::new(folder.display().to_string()).strong());
                ui.label(format!(
                    "{} documents · {} events · {} dated",
                    analysis.docs.len(),
                    analysis.events.len(),
                    state.view.index.dated()
                ));
            }
            (Some(folder), None) => {
                ui.label(folder.display().to_string());
            }
            _ => {
                ui.label("Open a folder of articles (File > Open folder, or drop one here)");
            }
        }
        if let Some((fraction, _)) = state.loading() {
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(180.0)
                    // Not animated: an animated bar repaints the window
                    // flat out, taking cores from the read.
                    .show_percentage(),
            )
            .on_hover_text("Reading the folder");
        }
        if let Some(status) = &state.status {
            ui.label(egui::RichText::new(status).color(ui.visuals().warn_fg_color));
        }
    });
}
