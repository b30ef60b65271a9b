//! Accessibility nodes over the markers and clusters, labelled
//! "timeline: <event>" or "timeline: N events", so that a screen reader,
//! or a test, finds them by their label.

use super::MARKER_RADIUS;
use super::frame::Frame;
use crate::analysis::Analysis;
use crate::timeline::Item;
use eframe::egui::{self, Pos2, Rect, Sense, vec2};

/// Most items given an accessibility node each (a screen reader, or a
/// test, finds markers and clusters by their label).
const MAX_ACCESSIBLE_ITEMS: usize = 2000;

/// Hover-only nodes over the laid-out `items`, when accessibility is on:
/// they do not take clicks, the timeline's own hit test does, so a click at
/// a node's centre selects it as a user's would.
pub(super) fn nodes(
    ui: &egui::Ui,
    response: &egui::Response,
    analysis: &Analysis,
    items: &[Item],
    frame: &Frame,
) {
    if items.len() > MAX_ACCESSIBLE_ITEMS
        || ui
            .ctx()
            .accesskit_node_builder(response.id, |_| ())
            .is_none()
    {
        return;
    }
    for item in items {
        let (rect, key, label) = match *item {
            Item::Marker { x, lane, entry }
            | Item::Bar {
                x0: x, lane, entry, ..
            } => {
                let Some(event) = analysis.events.get(entry.event as usize) else {
                    continue;
                };
                let at = Pos2::new(x, frame.lane_y(lane));
                (
                    Rect::from_center_size(at, vec2(2.0 * MARKER_RADIUS, 2.0 * MARKER_RADIUS)),
                    (lane, entry.event),
                    format!("timeline: {}", crate::ui::event_label(analysis, event)),
                )
            }
            Item::Cluster {
                x0,
                x1,
                lane,
                count,
                ..
            } => (
                Rect::from_min_max(
                    Pos2::new(x0, frame.lane_y(lane) - 8.0),
                    Pos2::new(x1.max(x0 + 4.0), frame.lane_y(lane) + 8.0),
                ),
                // Clusters hold no event id: their ids count down from the
                // top, out of the events' way.
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "an id"
                )]
                (lane, u32::MAX - x0.max(0.0) as u32),
                format!("timeline: {count} events"),
            ),
        };
        let node = ui.interact(
            rect.intersect(response.rect),
            response.id.with(key),
            Sense::hover(),
        );
        node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    }
}
