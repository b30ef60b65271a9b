//! What every part of the widget needs to draw one frame: where the parts
//! lie, the days on screen, the lanes' scroll, the painter and visuals.

use super::{LANE_HEIGHT, MARKER_RADIUS, overview};
use crate::app::AppState;
use crate::timeline::{LayoutParams, View};
use eframe::egui::{self, Pos2, Rect};
use std::ops::Range;

/// Width of the lane labels on the left.
const GUTTER: f32 = 132.0;
/// The two axis rows.
const AXIS_HEIGHT: f32 = 36.0;
/// The density band under the axis.
const DENSITY_HEIGHT: f32 = 14.0;
/// The overview strip at the bottom.
const OVERVIEW_HEIGHT: f32 = 30.0;

/// One frame of the widget.
pub(super) struct Frame {
    /// The calendar axis, over the lanes.
    pub axis: Rect,
    /// The density band, between axis and lanes.
    pub density: Rect,
    /// The lane labels, left of the lanes.
    pub gutter: Rect,
    /// The lanes: where the view's days are plotted.
    pub lanes: Rect,
    /// The overview strip at the bottom.
    pub overview: Rect,
    /// Paints the whole widget; each part clips its own.
    pub painter: egui::Painter,
    /// The visuals the parts take their colours from.
    pub visuals: egui::Visuals,
    /// The days on screen: the state's view (a view the input asks for
    /// shows from the next frame).
    pub view: View,
    /// The days the overview strip shows.
    pub whole: View,
    /// The lanes' vertical scroll.
    pub scroll: LaneScroll,
}

impl Frame {
    /// The frame of the widget `response` painted with `painter`, showing
    /// the state's index and view.
    pub(super) fn new(
        ui: &egui::Ui,
        response: &egui::Response,
        painter: egui::Painter,
        state: &AppState,
    ) -> Self {
        let rect = response.rect;
        let plot_left = rect.left() + GUTTER;
        let axis = Rect::from_min_max(
            Pos2::new(plot_left, rect.top()),
            Pos2::new(rect.right(), rect.top() + AXIS_HEIGHT),
        );
        let density = Rect::from_min_max(
            Pos2::new(plot_left, axis.bottom()),
            Pos2::new(rect.right(), axis.bottom() + DENSITY_HEIGHT),
        );
        let overview = Rect::from_min_max(
            Pos2::new(plot_left, rect.bottom() - OVERVIEW_HEIGHT),
            rect.right_bottom(),
        );
        let lanes = Rect::from_min_max(
            Pos2::new(plot_left, density.bottom() + 2.0),
            Pos2::new(rect.right(), overview.top() - 4.0),
        );
        let gutter = Rect::from_min_max(
            Pos2::new(rect.left(), lanes.top()),
            Pos2::new(plot_left, lanes.bottom()),
        );
        let scroll = LaneScroll::load(
            ui,
            response.id,
            lanes.height(),
            state.view.index.lanes.len(),
        );
        Self {
            axis,
            density,
            gutter,
            lanes,
            overview,
            painter,
            visuals: ui.visuals().clone(),
            view: state.view.days,
            whole: overview::range(&state.view.index, state.view.days),
            scroll,
        }
    }

    /// Screen x of the view's first day.
    pub(super) fn left(&self) -> f32 {
        self.lanes.left()
    }

    /// Width of the view in pixels (at least one).
    pub(super) fn width(&self) -> f32 {
        self.lanes.width().max(1.0)
    }

    /// The lanes on screen at the current scroll; the last may be partly
    /// hidden, or past the last lane.
    pub(super) fn rows(&self) -> Range<usize> {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "lane indices from non-negative pixel offsets"
        )]
        let first = (self.scroll.offset / LANE_HEIGHT).floor() as usize;
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "lane counts from pixel sizes"
        )]
        let count = (self.scroll.viewport / LANE_HEIGHT).ceil() as usize + 1;
        first..first + count
    }

    /// Screen y of the middle of `lane`.
    pub(super) fn lane_y(&self, lane: usize) -> f32 {
        #[expect(clippy::cast_precision_loss, reason = "lane counts")]
        let y =
            self.lanes.top() + lane as f32 * LANE_HEIGHT - self.scroll.offset + LANE_HEIGHT / 2.0;
        y
    }

    /// How to lay out the lanes on screen for markers of [`MARKER_RADIUS`].
    pub(super) fn layout_params(&self) -> LayoutParams {
        LayoutParams {
            left: self.left(),
            width: self.width(),
            cell_px: 2.0 * MARKER_RADIUS + 4.0,
            min_bar_px: 2.0 * MARKER_RADIUS + 2.0,
            lanes: self.rows(),
            ..LayoutParams::default()
        }
    }
}

/// The lanes' vertical scroll, kept in egui memory from frame to frame.
pub(super) struct LaneScroll {
    /// Where it is kept.
    id: egui::Id,
    /// Pixels scrolled past the first lane's top.
    pub offset: f32,
    /// Height of the lanes' rectangle (at least one pixel).
    viewport: f32,
    /// The farthest it scrolls: the last lane's bottom at the rectangle's.
    max: f32,
}

impl LaneScroll {
    /// Last frame's scroll of the widget `widget`, for `lanes` lanes in a
    /// rectangle `height` pixels high.
    fn load(ui: &egui::Ui, widget: egui::Id, height: f32, lanes: usize) -> Self {
        let id = widget.with("lane-scroll");
        let offset = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
        let viewport = height.max(1.0);
        #[expect(clippy::cast_precision_loss, reason = "lane counts")]
        let content = lanes as f32 * LANE_HEIGHT;
        Self {
            id,
            offset,
            viewport,
            max: (content - viewport).max(0.0),
        }
    }

    /// Clamps the scroll the input moved and keeps it for the next frame;
    /// when the state asks, scrolls the selected event's lane into the
    /// middle if it is not in view.
    pub(super) fn settle(&mut self, ui: &egui::Ui, state: &AppState) {
        self.offset = self.offset.clamp(0.0, self.max);
        ui.data_mut(|d| d.insert_temp(self.id, self.offset));
        if state.view.reveal_selection
            && let Some((lane, _)) = state.view.selected.and_then(|s| state.view.index.find(s))
        {
            #[expect(clippy::cast_precision_loss, reason = "lane counts")]
            let top = lane as f32 * LANE_HEIGHT;
            if top < self.offset || top + LANE_HEIGHT > self.offset + self.viewport {
                let centred = (top - self.viewport / 2.0).clamp(0.0, self.max);
                ui.data_mut(|d| d.insert_temp(self.id, centred));
                self.offset = centred;
            }
        }
    }
}
