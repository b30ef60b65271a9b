//! The pointer, before anything is drawn: the wheel zooms at the cursor
//! (scrolls the lanes over the gutter), a drag pans, and on the overview a
//! drag moves the view's window, a click jumps there and a Shift+drag picks
//! a date range for the filter. Clicks in the lanes wait for the picking,
//! which needs what was drawn.

use super::frame::Frame;
use crate::app::{AppState, Command};
use crate::timeline::View;
use eframe::egui::{self, Pos2};

/// What the pointer asks of one frame.
pub(super) struct Gesture {
    /// Where the pointer is, while over the widget.
    pub hover: Option<Pos2>,
    /// The view asked for: the state's unless the pointer moved it.
    pub view: View,
    /// The day a Shift+drag on the overview started on, while it goes on.
    pub pick_start: Option<f64>,
    /// That drag's start and the day under the pointer, in either order.
    pub picked: Option<(f64, f64)>,
}

/// Reads the pointer: moves the lanes' scroll in `frame` and says what view
/// it asks for; pushes the filter a finished Shift+drag picked.
pub(super) fn gesture(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &AppState,
    frame: &mut Frame,
    commands: &mut Vec<Command>,
) -> Gesture {
    // Not `hover_pos`: the accessibility nodes of markers lie on top.
    let hover = if response.contains_pointer() {
        ui.input(|i| i.pointer.hover_pos())
    } else {
        None
    };
    let mut view = wheel(ui, frame, hover);
    let (pick_start, picked) = range_pick(ui, response, state, frame, commands);
    // While picking, a drag does not pan.
    if pick_start.is_none() && response.dragged() {
        view = drag(response, frame, view);
    }
    view = jump(response, frame, view);
    Gesture {
        hover,
        view,
        pick_start,
        picked,
    }
}

/// The wheel over the gutter scrolls the lanes; anywhere else but the
/// overview it zooms at the cursor (as pinch and Ctrl+wheel do) and
/// sideways it pans.
fn wheel(ui: &egui::Ui, frame: &mut Frame, hover: Option<Pos2>) -> View {
    let view = frame.view;
    let (scroll_delta, zoom_delta) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
    let mut new_view = view;
    if let Some(pos) = hover {
        if frame.gutter.contains(pos) {
            frame.scroll.offset -= scroll_delta.y;
        } else if !frame.overview.contains(pos) {
            let day = view.day_at(pos.x, frame.left(), frame.width());
            let factor = f64::from((scroll_delta.y / 200.0).exp() * zoom_delta);
            if (factor - 1.0).abs() > 1e-6 {
                new_view = new_view.zoomed_at(day, factor);
            }
            if scroll_delta.x.abs() > 0.0 {
                new_view = new_view
                    .panned(-f64::from(scroll_delta.x) * view.span() / f64::from(frame.width()));
            }
        }
    }
    new_view
}

/// A drag that started on the overview moves the view's window there;
/// anywhere else it pans `view` and scrolls the lanes.
fn drag(response: &egui::Response, frame: &mut Frame, view: View) -> View {
    let delta = response.drag_delta();
    let from = response.interact_pointer_pos().map(|p| p - delta);
    if from.is_some_and(|p| frame.overview.contains(p)) {
        let days =
            f64::from(delta.x) * frame.whole.span() / f64::from(frame.overview.width().max(1.0));
        view.panned(days)
    } else {
        let panned =
            view.panned(-f64::from(delta.x) * frame.view.span() / f64::from(frame.width()));
        frame.scroll.offset -= delta.y;
        panned
    }
}

/// A click on the overview centres the view on the day clicked.
fn jump(response: &egui::Response, frame: &Frame, view: View) -> View {
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
        && frame.overview.contains(p)
    {
        let day = frame
            .whole
            .day_at(p.x, frame.overview.left(), frame.overview.width());
        let half = frame.view.span() / 2.0;
        return View {
            first: day - half,
            last: day + half,
        };
    }
    view
}

/// Shift+drag on the overview: the day it started on (kept in egui memory
/// while the drag goes on) and, with the pointer's day, the span picked so
/// far. When the drag ends on a span, the filter gets it as its range.
fn range_pick(
    ui: &egui::Ui,
    response: &egui::Response,
    state: &AppState,
    frame: &Frame,
    commands: &mut Vec<Command>,
) -> (Option<f64>, Option<(f64, f64)>) {
    let picking_id = egui::Id::unique("overview-range-pick");
    let day_in_overview = |x: f32| {
        frame
            .whole
            .day_at(x, frame.overview.left(), frame.overview.width())
    };
    let mut picking: Option<f64> = ui.data(|d| d.get_temp(picking_id));
    if response.drag_started()
        && ui.input(|i| i.modifiers.shift)
        && let Some(p) = response
            .interact_pointer_pos()
            .map(|p| p - response.drag_delta())
        && frame.overview.contains(p)
    {
        let day = day_in_overview(p.x);
        picking = Some(day);
        ui.data_mut(|d| d.insert_temp::<f64>(picking_id, day));
    }
    if picking.is_some() && !response.dragged() && !response.drag_stopped() {
        // A drag that ended elsewhere (the window lost the pointer).
        ui.data_mut(|d| d.remove::<f64>(picking_id));
        picking = None;
    }
    // On the frame the button is released there is no interaction position
    // any more: the pointer's last one is where the drag ended.
    let drag_end = response
        .interact_pointer_pos()
        .or_else(|| ui.input(|i| i.pointer.latest_pos()));
    let picked = picking.zip(drag_end.map(|p| day_in_overview(p.x)));
    if response.drag_stopped()
        && let Some((a, b)) = picked
    {
        ui.data_mut(|d| d.remove::<f64>(picking_id));
        let day = |d: f64| crate::timeline::date_of_day(d.floor() as i32);
        let mut filter = state.view.filter.clone();
        filter.range = Some((day(a.min(b)), day(a.max(b))));
        commands.push(Command::SetFilter(filter));
    }
    (picking, picked)
}
