//! What the pointer is over, once the lanes are drawn: the nearest event
//! within a few pixels, or the cluster whose pill it is on. A click selects
//! the event or zooms into the cluster, a double click on nothing zooms in,
//! and hovering shows a tooltip.

use super::clusters::Pill;
use super::frame::Frame;
use super::input::Gesture;
use crate::analysis::Analysis;
use crate::app::Command;
use crate::timeline::{Entry, Item, LayoutParams, View};
use eframe::egui::{self, Pos2};

/// Pixels within which hovering picks an event.
const PICK_RADIUS: f32 = 9.0;

/// What the hover is over.
#[derive(Debug, Clone, Copy)]
pub(super) enum Hit {
    /// An event, drawn as a marker or a bar.
    Event(Entry),
    /// A cluster of `count` events over `days`.
    Cluster {
        /// How many events.
        count: u32,
        /// Their days (inclusive first, exclusive last).
        days: (f64, f64),
    },
}

/// What of the laid-out `items` is under `hover`: the nearest within
/// [`PICK_RADIUS`], a cluster's pill counting as no distance. Bars are
/// tried before markers and clusters, and of equals the first tried wins.
pub(super) fn pick(
    frame: &Frame,
    items: &[Item],
    params: &LayoutParams,
    hover: Option<Pos2>,
) -> Option<Hit> {
    let p = hover?;
    let mut hit: Option<(f32, Hit)> = None;
    let mut consider = |dist: f32, h: Hit| {
        if dist <= PICK_RADIUS && hit.is_none_or(|(d, _)| dist < d) {
            hit = Some((dist, h));
        }
    };
    for (x0, x1, lane, entry) in crate::timeline::bars(items) {
        let y = frame.lane_y(lane);
        let dx = if p.x < x0 {
            x0 - p.x
        } else if p.x > x1 {
            p.x - x1
        } else {
            0.0
        };
        // Bars are thin: a vertical miss counts more than a sideways one.
        consider(dx.hypot((p.y - y).abs() * 1.5).max(0.5), Hit::Event(entry));
    }
    for item in items {
        match *item {
            Item::Bar { .. } => {}
            Item::Marker { x, lane, entry } => {
                consider(
                    p.distance(Pos2::new(x, frame.lane_y(lane))),
                    Hit::Event(entry),
                );
            }
            Item::Cluster {
                x0,
                x1,
                lane,
                count,
                days,
                ..
            } => {
                let pill = Pill::new(x0, x1, frame.lane_y(lane), count, params);
                if pill.rect.expand(2.0).contains(p) {
                    consider(0.0, Hit::Cluster { count, days });
                }
            }
        }
    }
    hit.map(|(_, h)| h)
}

/// A click in the lanes selects the event hit, or zooms into the cluster
/// hit; a double click on nothing zooms in at the pointer.
pub(super) fn click(
    frame: &Frame,
    response: &egui::Response,
    hit: Option<Hit>,
    gesture: &mut Gesture,
    commands: &mut Vec<Command>,
) {
    let hover = gesture.hover;
    if response.clicked() && hover.is_some_and(|p| frame.lanes.contains(p)) {
        match hit {
            Some(Hit::Event(entry)) => commands.push(Command::Select(Some(entry.event as usize))),
            Some(Hit::Cluster { days, .. }) => {
                let pad = (days.1 - days.0) * 0.15 + 0.5;
                gesture.view = View {
                    first: days.0 - pad,
                    last: days.1 + pad,
                };
            }
            None => {}
        }
    }
    if response.double_clicked()
        && hit.is_none()
        && let Some(p) = hover
        && frame.lanes.contains(p)
    {
        let day = frame.view.day_at(p.x, frame.left(), frame.width());
        gesture.view = gesture.view.zoomed_at(day, 2.0);
    }
}

/// The tooltip of what is hovered: an event's kind, date, sentence, actors
/// and sources; a cluster's count and days.
pub(super) fn tooltip(response: egui::Response, analysis: &Analysis, hit: Option<Hit>) {
    match hit {
        Some(Hit::Event(entry)) => {
            if let Some(event) = analysis.events.get(entry.event as usize) {
                response.on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(420.0);
                    ui.strong(format!(
                        "{} · {}{}",
                        event.kind.as_str(),
                        event.date_label(),
                        match event.modality {
                            crate::events::Modality::Happened => String::new(),
                            m => format!(" · {}", m.as_str()),
                        }
                    ));
                    ui.label(analysis.sentence_text(event));
                    if !event.actors.is_empty() {
                        ui.weak(event.actors.join(", "));
                    }
                    if !event.merged_with.is_empty() {
                        ui.weak(format!("{} sources", event.merged_with.len() + 1));
                    }
                });
            }
        }
        Some(Hit::Cluster { count, days }) => {
            response.on_hover_ui_at_pointer(|ui| {
                #[expect(clippy::cast_possible_truncation, reason = "view days")]
                let (a, b) = (
                    crate::timeline::date_of_day(days.0.floor() as i32),
                    crate::timeline::date_of_day((days.1 - 1e-9).floor() as i32),
                );
                ui.strong(format!("{count} events"));
                ui.label(format!("{a} … {b}"));
                ui.weak("Click to zoom in");
            });
        }
        None => {}
    }
}
