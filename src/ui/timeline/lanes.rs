//! The lanes' backgrounds, every other one shaded across gutter and plot
//! alike, and the gutter's labels: each lane's name and event count.

use super::LANE_HEIGHT;
use super::frame::Frame;
use crate::timeline::TimelineIndex;
use eframe::egui::{Align2, FontId, Pos2, Rect};

/// Characters of a lane label that fit the gutter.
const LABEL_CHARS: usize = 18;

/// Draws the backgrounds and labels of the lanes on screen.
pub(super) fn draw(frame: &Frame, index: &TimelineIndex) {
    let gutter_painter = frame.painter.with_clip_rect(frame.gutter);
    let rows = frame.rows();
    for lane in rows.start..rows.end.min(index.lanes.len()) {
        let y = frame.lane_y(lane);
        let band = Rect::from_min_max(
            Pos2::new(frame.gutter.left(), y - LANE_HEIGHT / 2.0),
            Pos2::new(frame.lanes.right(), y + LANE_HEIGHT / 2.0),
        );
        if lane % 2 == 0 {
            frame
                .painter
                .with_clip_rect(frame.gutter.union(frame.lanes))
                .rect_filled(band, 0.0, frame.visuals.faint_bg_color);
        }
        if let Some(l) = index.lanes.get(lane) {
            let label = format!("{}  {}", l.label, l.entries.len());
            gutter_painter.text(
                Pos2::new(frame.gutter.left() + 6.0, y),
                Align2::LEFT_CENTER,
                truncate(&label, LABEL_CHARS),
                FontId::proportional(12.0),
                frame.visuals.text_color(),
            );
        }
    }
}

/// `text` cut to `chars` characters, the last an ellipsis when cut.
fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('…');
    out
}
