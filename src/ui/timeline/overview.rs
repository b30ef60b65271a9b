//! The overview strip under the lanes: the density of every event's days,
//! the view's window on them, and the filter's date range (or the one a
//! Shift+drag is picking). The input module moves the view from it.

use super::density;
use super::frame::Frame;
use super::input::Gesture;
use crate::app::AppState;
use crate::timeline::{TimelineIndex, View};
use eframe::egui::{self, Pos2, Rect, Stroke, StrokeKind, vec2};

/// The days the overview strip shows: every event, and the view.
pub(super) fn range(index: &TimelineIndex, view: View) -> View {
    let (first, last) = index.span().map_or((view.first, view.last), |(a, b)| {
        (f64::from(a), f64::from(b) + 1.0)
    });
    let (first, last) = (first.min(view.first), last.max(view.last));
    let pad = (last - first) * 0.02 + 1.0;
    View {
        first: first - pad,
        last: last + pad,
    }
}

/// Draws the strip, the date range over it, and a hint while hovered.
pub(super) fn draw(frame: &Frame, state: &AppState, response: &egui::Response, gesture: &Gesture) {
    strip(frame, &state.view.index);
    // While a Shift+drag goes on, the range it picks; else the filter's.
    let shown_range = match gesture.picked {
        Some((a, b)) if response.dragged() => Some((a.min(b), a.max(b) + 1.0)),
        _ => state.view.filter.range.map(|(a, b)| {
            (
                f64::from(crate::timeline::day_number(a)),
                f64::from(crate::timeline::day_number(b)) + 1.0,
            )
        }),
    };
    if let Some((a, b)) = shown_range {
        date_range(frame, a, b);
    }
    if gesture.hover.is_some_and(|p| frame.overview.contains(p)) && gesture.pick_start.is_none() {
        frame.painter.text(
            frame.overview.right_top() + vec2(-4.0, 2.0),
            egui::Align2::RIGHT_TOP,
            "drag: move · click: jump · Shift+drag: filter by dates",
            egui::FontId::proportional(10.0),
            frame.visuals.weak_text_color(),
        );
    }
}

/// The strip's background, density and the view's window.
fn strip(frame: &Frame, index: &TimelineIndex) {
    let (painter, rect, visuals) = (&frame.painter, frame.overview, &frame.visuals);
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    density::draw(
        painter,
        rect.shrink2(vec2(0.0, 3.0)),
        &density::columns(index, &frame.whole, rect),
        visuals.widgets.inactive.fg_stroke.color.gamma_multiply(0.7),
    );
    let x0 = frame
        .whole
        .x_of(frame.view.first, rect.left(), rect.width())
        .max(rect.left());
    let x1 = frame
        .whole
        .x_of(frame.view.last, rect.left(), rect.width())
        .min(rect.right());
    // At least a few pixels wide, so a deep zoom still shows where it is.
    let window = Rect::from_min_max(
        Pos2::new(x0, rect.top()),
        Pos2::new(x1.max(x0 + 3.0), rect.bottom()),
    );
    painter.rect_filled(window, 2.0, visuals.selection.bg_fill.gamma_multiply(0.35));
    painter.rect_stroke(
        window,
        2.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        StrokeKind::Inside,
    );
}

/// The days from `first` to `last` (exclusive) over the strip.
fn date_range(frame: &Frame, first: f64, last: f64) {
    let overview = frame.overview;
    let x = |d: f64| {
        frame
            .whole
            .x_of(d, overview.left(), overview.width())
            .clamp(overview.left(), overview.right())
    };
    let band = Rect::from_min_max(
        Pos2::new(x(first), overview.top()),
        Pos2::new(x(last).max(x(first) + 2.0), overview.bottom()),
    );
    let warn = frame.visuals.warn_fg_color;
    frame
        .painter
        .rect_filled(band, 0.0, warn.gamma_multiply(0.18));
    frame.painter.rect_stroke(
        band,
        0.0,
        Stroke::new(1.0, warn.gamma_multiply(0.8)),
        StrokeKind::Inside,
    );
}
