//! The timeline widget: a calendar axis on two rows, a per-pixel density
//! band, one lane per kind (or actor, country, document) with markers,
//! soft-ended bars for events known to a week, month or year, and clusters
//! with a count where markers would overlap; an overview strip of the whole
//! span below, with the visible window, draggable. Wheel zooms around the
//! cursor, drag pans, clicking a cluster zooms into it.
//!
//! Everything drawn comes from [`crate::timeline::layout`], which costs
//! what the pixels cost, not what the events do; this module only paints
//! and turns input into [`Command`]s.
//!
//! [`timeline_ui`] reads the pointer first (`input`), since the lanes'
//! scroll it moves decides which lanes are laid out; then paints the parts
//! back to front (`lanes`, `axis`, `density`, `markers` with `clusters`,
//! `overview`); and answers clicks and hover last (`picking`), from what
//! was drawn. The parts share one `frame::Frame`.

mod accessibility;
mod axis;
mod clusters;
mod density;
mod frame;
mod input;
mod lanes;
mod markers;
mod overview;
mod picking;

use crate::app::{AppState, Command};
use crate::timeline::layout;
use eframe::egui::{self, Sense, vec2};
use frame::Frame;

/// Height of one lane.
pub const LANE_HEIGHT: f32 = 28.0;
/// Marker radius.
const MARKER_RADIUS: f32 = 5.0;

/// Where the timeline was drawn last frame (set by the timeline widget), so
/// that a PNG export can crop the window's picture to it.
#[must_use]
pub fn timeline_rect_id() -> egui::Id {
    egui::Id::unique("dateline-timeline-rect")
}

/// Draws the timeline of the state's index and view.
pub fn timeline_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.edits.analysis else {
        placeholder_ui(ui, state);
        return;
    };
    lane_mode_bar(ui, state, commands);
    let size = ui.available_size().max(vec2(200.0, 160.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
    ui.data_mut(|d| d.insert_temp(timeline_rect_id(), response.rect));
    let mut frame = Frame::new(ui, &response, painter, state);
    let mut gesture = input::gesture(ui, &response, state, &mut frame, commands);
    frame.scroll.settle(ui, state);

    let params = frame.layout_params();
    let laid = layout(&state.view.index, &frame.view, &params);
    lanes::draw(&frame, &state.view.index);
    axis::draw(&frame);
    density::draw_band(&frame, &state.view.index);
    markers::draw(&frame, analysis, &laid.items, &params, state.view.selected);
    accessibility::nodes(ui, &response, analysis, &laid.items, &frame);
    overview::draw(&frame, state, &response, &gesture);

    let hit = picking::pick(&frame, &laid.items, &params, gesture.hover);
    picking::click(&frame, &response, hit, &mut gesture, commands);
    if gesture.view != state.view.days {
        commands.push(Command::SetView(gesture.view));
    }
    picking::tooltip(response, analysis, hit);
}

/// What the widget says while there is nothing to draw.
fn placeholder_ui(ui: &mut egui::Ui, state: &AppState) {
    ui.centered_and_justified(|ui| {
        ui.label(if state.loading().is_some() {
            "Reading the folder…"
        } else {
            "No events yet. Open a folder of articles (Ctrl+O)."
        });
    });
}

/// The lane grouping selector above the timeline.
fn lane_mode_bar(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label("Lanes by");
        for mode in crate::timeline::LaneMode::ALL {
            if ui
                .selectable_label(state.view.lane_mode == mode, mode.as_str())
                .clicked()
                && state.view.lane_mode != mode
            {
                commands.push(Command::SetLaneMode(mode));
            }
        }
        ui.separator();
        ui.weak("wheel: zoom · drag: pan · +/-: zoom · F: fit · arrows: move · Home/End");
    });
}
