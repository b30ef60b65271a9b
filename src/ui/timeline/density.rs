//! Density bands: events per pixel column, log-scaled so that one event
//! still shows beside a thousand. One under the axis for the view, one in
//! the overview strip for the whole span.

use super::frame::Frame;
use crate::timeline::{TimelineIndex, View, density};
use eframe::egui::{Color32, Mesh, Painter, Pos2, Rect, Shape};

/// Draws the band under the axis: the density of the view's days.
pub(super) fn draw_band(frame: &Frame, index: &TimelineIndex) {
    draw(
        &frame.painter,
        frame.density,
        &columns(index, &frame.view, frame.density),
        frame.visuals.selection.bg_fill,
    );
}

/// Events in each pixel column of `rect` spanning the days of `view`.
pub(super) fn columns(index: &TimelineIndex, view: &View, rect: Rect) -> Vec<u32> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel widths"
    )]
    let columns = rect.width().max(1.0) as usize;
    density(index, view, columns)
}

/// One bar per non-empty column, rising from `rect`'s bottom, the busiest
/// column its full height.
pub(super) fn draw(painter: &Painter, rect: Rect, columns: &[u32], color: Color32) {
    let max = columns.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return;
    }
    let scale = f64::from(max).ln_1p();
    let mut mesh = Mesh::default();
    for (i, &count) in columns.iter().enumerate() {
        if count == 0 {
            continue;
        }
        #[expect(clippy::cast_possible_truncation, reason = "pixel heights")]
        let h = ((f64::from(count).ln_1p() / scale) as f32 * rect.height()).max(1.0);
        #[expect(clippy::cast_precision_loss, reason = "pixel columns")]
        let x = rect.left() + i as f32;
        mesh.add_colored_rect(
            Rect::from_min_max(
                Pos2::new(x, rect.bottom() - h),
                Pos2::new(x + 1.0, rect.bottom()),
            ),
            color,
        );
    }
    painter.add(Shape::mesh(mesh));
}
