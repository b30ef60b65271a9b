//! The calendar axis on two rows: minor ticks (days, months…) below, with
//! grid lines down through the lanes; their context (months, years…) above.

use super::frame::Frame;
use crate::timeline::{TickRow, ticks};
use eframe::egui::{Align2, FontId, Pos2, Stroke};

/// Approximate width of one label character (for label spacing).
const CHAR_PX: f32 = 7.0;

/// Draws the ticks and labels of the view's days.
pub(super) fn draw(frame: &Frame) {
    let (view, left, width) = (frame.view, frame.left(), frame.width());
    let grid = frame.visuals.widgets.noninteractive.bg_stroke.color;
    let painter = frame.painter.with_clip_rect(frame.axis.union(frame.lanes));
    for tick in ticks(&view, width, CHAR_PX) {
        let x = view.x_of(tick.day, left, width);
        match tick.row {
            TickRow::Minor => {
                painter.line_segment(
                    [
                        Pos2::new(x, frame.axis.top() + 18.0),
                        Pos2::new(x, frame.lanes.bottom()),
                    ],
                    Stroke::new(1.0, grid.gamma_multiply(0.6)),
                );
                painter.text(
                    Pos2::new(x + 3.0, frame.axis.top() + 20.0),
                    Align2::LEFT_TOP,
                    &tick.label,
                    FontId::proportional(11.0),
                    frame.visuals.weak_text_color(),
                );
            }
            TickRow::Major => {
                painter.line_segment(
                    [
                        Pos2::new(x, frame.axis.top()),
                        Pos2::new(x, frame.axis.top() + 18.0),
                    ],
                    Stroke::new(1.0, grid),
                );
                // A major label whose tick is off the left edge stays in view.
                painter.text(
                    Pos2::new(x.max(left) + 3.0, frame.axis.top() + 2.0),
                    Align2::LEFT_TOP,
                    &tick.label,
                    FontId::proportional(12.0),
                    frame.visuals.text_color(),
                );
            }
        }
    }
}
