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

use super::theme::kind_color;
use crate::app::{AppState, Command};
use crate::events::EventKind;
use crate::timeline::{
    Entry, Item, LayoutParams, TickRow, TimelineIndex, View, density, flags, layout, ticks,
};
use eframe::egui::{
    self, Align2, Color32, FontId, Mesh, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, vec2,
};

/// Height of one lane.
pub const LANE_HEIGHT: f32 = 28.0;
/// Width of the lane labels on the left.
const GUTTER: f32 = 132.0;
/// The two axis rows.
const AXIS_HEIGHT: f32 = 36.0;
/// The density band under the axis.
const DENSITY_HEIGHT: f32 = 14.0;
/// The overview strip at the bottom.
const OVERVIEW_HEIGHT: f32 = 30.0;
/// Marker radius.
const MARKER_RADIUS: f32 = 5.0;
/// Pixels within which hovering picks an event.
const PICK_RADIUS: f32 = 9.0;
/// Approximate width of one label character (for label spacing).
const CHAR_PX: f32 = 7.0;

/// What the hover is over.
#[derive(Debug, Clone, Copy)]
enum Hit {
    Event(Entry),
    Cluster { count: u32, days: (f64, f64) },
}

/// Geometry of the widget's parts.
struct Frame {
    axis: Rect,
    density: Rect,
    gutter: Rect,
    lanes: Rect,
    overview: Rect,
}

impl Frame {
    fn new(rect: Rect) -> Self {
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
        Self {
            axis,
            density,
            gutter,
            lanes,
            overview,
        }
    }
}

/// Draws the timeline of the state's index and view.
pub fn timeline_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.edits.analysis else {
        ui.centered_and_justified(|ui| {
            ui.label(if state.loading().is_some() {
                "Reading the folder…"
            } else {
                "No events yet. Open a folder of articles (Ctrl+O)."
            });
        });
        return;
    };
    lane_mode_bar(ui, state, commands);
    let size = ui.available_size().max(vec2(200.0, 160.0));
    let (response, painter) = ui.allocate_painter(size, Sense::click_and_drag());
    let frame = Frame::new(response.rect);
    ui.data_mut(|d| d.insert_temp(crate::ui::timeline_rect_id(), response.rect));
    let view = state.view.days;
    let index = &state.view.index;
    let width = frame.lanes.width().max(1.0);
    let left = frame.lanes.left();

    // Lanes on screen (scrolled vertically).
    let scroll_id = response.id.with("lane-scroll");
    let mut scroll: f32 = ui.data(|d| d.get_temp(scroll_id)).unwrap_or(0.0);
    let lanes_height = frame.lanes.height().max(1.0);
    #[expect(clippy::cast_precision_loss, reason = "lane counts")]
    let content = index.lanes.len() as f32 * LANE_HEIGHT;
    let max_scroll = (content - lanes_height).max(0.0);

    // Input: wheel zooms at the cursor (over the lanes or axis), scrolls
    // the lanes over the gutter; drag pans; pinch or Ctrl+wheel zooms too.
    // Not `hover_pos`: the accessibility nodes of markers lie on top.
    let hover = if response.contains_pointer() {
        ui.input(|i| i.pointer.hover_pos())
    } else {
        None
    };
    let (scroll_delta, zoom_delta) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
    let mut new_view = view;
    if let Some(pos) = hover {
        if frame.gutter.contains(pos) {
            scroll -= scroll_delta.y;
        } else if !frame.overview.contains(pos) {
            let day = view.day_at(pos.x, left, width);
            let factor = f64::from((scroll_delta.y / 200.0).exp() * zoom_delta);
            if (factor - 1.0).abs() > 1e-6 {
                new_view = new_view.zoomed_at(day, factor);
            }
            if scroll_delta.x.abs() > 0.0 {
                new_view =
                    new_view.panned(-f64::from(scroll_delta.x) * view.span() / f64::from(width));
            }
        }
    }
    let overview_view = overview_range(index, view);
    // Shift+drag on the overview picks a date range for the filter.
    let picking_id = egui::Id::unique("overview-range-pick");
    let day_in_overview =
        |x: f32| overview_view.day_at(x, frame.overview.left(), frame.overview.width());
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
    } else if picking.is_some() {
        // Picking, not panning.
    } else if response.dragged() {
        let delta = response.drag_delta();
        let from = response.interact_pointer_pos().map(|p| p - delta);
        if from.is_some_and(|p| frame.overview.contains(p)) {
            // Dragging the window in the overview moves the view.
            let days = f64::from(delta.x) * overview_view.span()
                / f64::from(frame.overview.width().max(1.0));
            new_view = new_view.panned(days);
        } else {
            new_view = new_view.panned(-f64::from(delta.x) * view.span() / f64::from(width));
            scroll -= delta.y;
        }
    }
    scroll = scroll.clamp(0.0, max_scroll);
    ui.data_mut(|d| d.insert_temp(scroll_id, scroll));

    // Reveal the selected event's lane.
    if state.view.reveal_selection
        && let Some((lane, _)) = state.view.selected.and_then(|s| index.find(s))
    {
        #[expect(clippy::cast_precision_loss, reason = "lane counts")]
        let top = lane as f32 * LANE_HEIGHT;
        if top < scroll || top + LANE_HEIGHT > scroll + lanes_height {
            let centred = (top - lanes_height / 2.0).clamp(0.0, max_scroll);
            ui.data_mut(|d| d.insert_temp(scroll_id, centred));
            scroll = centred;
        }
    }

    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "lane indices from non-negative pixel offsets"
    )]
    let first_lane = (scroll / LANE_HEIGHT).floor() as usize;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "lane counts from pixel sizes"
    )]
    let lane_count = (lanes_height / LANE_HEIGHT).ceil() as usize + 1;
    let lane_y = |lane: usize| {
        #[expect(clippy::cast_precision_loss, reason = "lane counts")]
        let y = frame.lanes.top() + lane as f32 * LANE_HEIGHT - scroll + LANE_HEIGHT / 2.0;
        y
    };
    let params = LayoutParams {
        left,
        width,
        cell_px: 2.0 * MARKER_RADIUS + 4.0,
        min_bar_px: 2.0 * MARKER_RADIUS + 2.0,
        lanes: first_lane..first_lane + lane_count,
        ..LayoutParams::default()
    };
    let laid = layout(index, &view, &params);

    let visuals = ui.visuals().clone();
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();
    let grid = visuals.widgets.noninteractive.bg_stroke.color;

    // Lanes: alternate shading, labels with counts.
    let lanes_painter = painter.with_clip_rect(frame.lanes);
    let gutter_painter = painter.with_clip_rect(frame.gutter);
    for lane in first_lane..(first_lane + lane_count).min(index.lanes.len()) {
        let y = lane_y(lane);
        let band = Rect::from_min_max(
            Pos2::new(frame.gutter.left(), y - LANE_HEIGHT / 2.0),
            Pos2::new(frame.lanes.right(), y + LANE_HEIGHT / 2.0),
        );
        if lane % 2 == 0 {
            painter
                .with_clip_rect(frame.gutter.union(frame.lanes))
                .rect_filled(band, 0.0, visuals.faint_bg_color);
        }
        if let Some(l) = index.lanes.get(lane) {
            let label = format!("{}  {}", l.label, l.entries.len());
            gutter_painter.text(
                Pos2::new(frame.gutter.left() + 6.0, y),
                Align2::LEFT_CENTER,
                truncate(&label, 18),
                FontId::proportional(12.0),
                text_color,
            );
        }
    }

    // Axis: minor ticks with grid lines through the lanes, major context above.
    let axis_painter = painter.with_clip_rect(frame.axis.union(frame.lanes));
    for tick in ticks(&view, width, CHAR_PX) {
        let x = view.x_of(tick.day, left, width);
        match tick.row {
            TickRow::Minor => {
                axis_painter.line_segment(
                    [
                        Pos2::new(x, frame.axis.top() + 18.0),
                        Pos2::new(x, frame.lanes.bottom()),
                    ],
                    Stroke::new(1.0, grid.gamma_multiply(0.6)),
                );
                axis_painter.text(
                    Pos2::new(x + 3.0, frame.axis.top() + 20.0),
                    Align2::LEFT_TOP,
                    &tick.label,
                    FontId::proportional(11.0),
                    weak,
                );
            }
            TickRow::Major => {
                axis_painter.line_segment(
                    [
                        Pos2::new(x, frame.axis.top()),
                        Pos2::new(x, frame.axis.top() + 18.0),
                    ],
                    Stroke::new(1.0, grid),
                );
                axis_painter.text(
                    Pos2::new(x.max(left) + 3.0, frame.axis.top() + 2.0),
                    Align2::LEFT_TOP,
                    &tick.label,
                    FontId::proportional(12.0),
                    text_color,
                );
            }
        }
    }

    // Density band: events per pixel column, log-scaled.
    draw_density(
        &painter,
        frame.density,
        &density_columns(index, &view, frame.density),
        visuals.selection.bg_fill,
    );

    // Items: bars under markers and clusters.
    let selected = state.view.selected;
    let mut hit: Option<(f32, Hit)> = None;
    let mut consider = |dist: f32, h: Hit| {
        if dist <= PICK_RADIUS && hit.is_none_or(|(d, _)| dist < d) {
            hit = Some((dist, h));
        }
    };
    let mut bars = Mesh::default();
    for item in &laid.items {
        if let Item::Bar {
            x0,
            x1,
            lane,
            entry,
        } = *item
        {
            let y = lane_y(lane);
            soft_bar(&mut bars, x0, x1, y, color_of(entry.kind), entry.flags);
            if let Some(p) = hover {
                let dx = if p.x < x0 {
                    x0 - p.x
                } else if p.x > x1 {
                    p.x - x1
                } else {
                    0.0
                };
                consider(
                    dx.hypot((p.y - y).abs().max(0.0) * 1.5).max(0.5),
                    Hit::Event(entry),
                );
            }
        }
    }
    lanes_painter.add(Shape::mesh(bars));
    // Markers and cluster pills go into one mesh (a tessellated circle per
    // event costs ten times more); texts and the selection ring on top.
    let mut marks = Mesh::default();
    let mut labels: Vec<(Pos2, String)> = Vec::new();
    let mut badges: Vec<(Pos2, Entry)> = Vec::new();
    let mut selected_at: Option<Pos2> = None;
    let busiest = laid
        .items
        .iter()
        .map(|i| match i {
            Item::Cluster { count, .. } => f64::from(*count),
            _ => 1.0,
        })
        .fold(1.0, f64::max);
    for item in &laid.items {
        match *item {
            Item::Bar {
                x0, lane, entry, ..
            } => {
                let at = Pos2::new(x0 + 4.0, lane_y(lane));
                if entry.flags & flags::MERGED != 0 {
                    badges.push((at, entry));
                }
                if selected == Some(entry.event as usize) {
                    selected_at = Some(Pos2::new(x0, lane_y(lane)));
                }
            }
            Item::Marker { x, lane, entry } => {
                let centre = Pos2::new(x, lane_y(lane));
                marker(&mut marks, centre, color_of(entry.kind), entry.flags);
                if entry.flags & flags::MERGED != 0 {
                    badges.push((
                        centre + vec2(MARKER_RADIUS + 1.0, -MARKER_RADIUS - 1.0),
                        entry,
                    ));
                }
                if selected == Some(entry.event as usize) {
                    selected_at = Some(centre);
                }
                if let Some(p) = hover {
                    consider(p.distance(centre), Hit::Event(entry));
                }
            }
            Item::Cluster {
                x0,
                x1,
                lane,
                count,
                days,
                kind,
            } => {
                let y = lane_y(lane);
                let label = compact_count(count);
                #[expect(clippy::cast_precision_loss, reason = "label lengths")]
                let text_width = label.len() as f32 * 6.5 + 6.0;
                let pill = if x1 - x0 >= params.count_cell_px - 1.0 {
                    // A counted cell: exactly its width, so cells never overlap.
                    Rect::from_min_max(Pos2::new(x0 + 1.0, y - 8.0), Pos2::new(x1 - 1.0, y + 8.0))
                } else {
                    let half = (f32::max(x1 - x0 + 2.0 * MARKER_RADIUS, text_width) / 2.0)
                        .max(MARKER_RADIUS + 3.0);
                    Rect::from_center_size(
                        Pos2::new(f32::midpoint(x0, x1), y),
                        vec2(2.0 * half, 16.0),
                    )
                };
                let color = kind.map_or(Color32::from_gray(150), color_of);
                // Busier clusters are more opaque: the lane reads as a density.
                #[expect(clippy::cast_possible_truncation, reason = "an opacity")]
                let weight = (f64::from(count).ln_1p() / busiest.ln_1p().max(1.0)) as f32;
                marks.add_colored_rect(pill, color.gamma_multiply(0.12 + 0.38 * weight));
                marks.add_colored_rect(
                    Rect::from_min_max(pill.left_bottom() - vec2(0.0, 2.0), pill.right_bottom()),
                    color,
                );
                if text_width <= pill.width() + 2.0 {
                    labels.push((pill.center(), label));
                }
                if let Some(p) = hover
                    && pill.expand(2.0).contains(p)
                {
                    consider(0.0, Hit::Cluster { count, days });
                }
            }
        }
    }
    lanes_painter.add(Shape::mesh(marks));
    for (at, label) in labels {
        lanes_painter.text(
            at,
            Align2::CENTER_CENTER,
            label,
            FontId::proportional(11.0),
            visuals.strong_text_color(),
        );
    }
    for (at, entry) in badges {
        sources_badge(&lanes_painter, analysis, entry, at, text_color);
    }
    if let Some(at) = selected_at {
        lanes_painter.circle_stroke(at, MARKER_RADIUS + 4.0, Stroke::new(2.0, Color32::WHITE));
    }

    accessibility_nodes(ui, &response, analysis, &laid.items, &lane_y);

    // Overview: the whole span's density and the visible window.
    draw_overview(
        &painter,
        frame.overview,
        index,
        view,
        overview_view,
        &visuals,
    );
    // The filter's date range, or the one being picked, over the overview.
    let shown_range = match picked {
        Some((a, b)) if response.dragged() => Some((a.min(b), a.max(b) + 1.0)),
        _ => state.view.filter.range.map(|(a, b)| {
            (
                f64::from(crate::timeline::day_number(a)),
                f64::from(crate::timeline::day_number(b)) + 1.0,
            )
        }),
    };
    if let Some((a, b)) = shown_range {
        let x = |d: f64| {
            overview_view
                .x_of(d, frame.overview.left(), frame.overview.width())
                .clamp(frame.overview.left(), frame.overview.right())
        };
        let band = Rect::from_min_max(
            Pos2::new(x(a), frame.overview.top()),
            Pos2::new(x(b).max(x(a) + 2.0), frame.overview.bottom()),
        );
        painter.rect_filled(band, 0.0, visuals.warn_fg_color.gamma_multiply(0.18));
        painter.rect_stroke(
            band,
            0.0,
            Stroke::new(1.0, visuals.warn_fg_color.gamma_multiply(0.8)),
            StrokeKind::Inside,
        );
    }
    if hover.is_some_and(|p| frame.overview.contains(p)) && picking.is_none() {
        painter.text(
            frame.overview.right_top() + vec2(-4.0, 2.0),
            egui::Align2::RIGHT_TOP,
            "drag: move · click: jump · Shift+drag: filter by dates",
            egui::FontId::proportional(10.0),
            visuals.weak_text_color(),
        );
    }
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
        && frame.overview.contains(p)
    {
        let day = overview_view.day_at(p.x, frame.overview.left(), frame.overview.width());
        let half = view.span() / 2.0;
        new_view = View {
            first: day - half,
            last: day + half,
        };
    }

    let hit = hit.map(|(_, h)| h);
    if response.clicked() && hover.is_some_and(|p| frame.lanes.contains(p)) {
        match hit {
            Some(Hit::Event(entry)) => commands.push(Command::Select(Some(entry.event as usize))),
            Some(Hit::Cluster { days, .. }) => {
                let pad = (days.1 - days.0) * 0.15 + 0.5;
                new_view = View {
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
        new_view = new_view.zoomed_at(view.day_at(p.x, left, width), 2.0);
    }
    if new_view != view {
        commands.push(Command::SetView(new_view));
    }
    match hit {
        Some(Hit::Event(entry)) => {
            if let Some(event) = analysis.events.get(entry.event as usize) {
                response.on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(420.0);
                    ui.strong(format!(
                        "{} · {}{}",
                        event.kind.as_str(),
                        event.date.as_deref().unwrap_or("undated"),
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

/// Most items given an accessibility node each (a screen reader, or a
/// test, finds markers and clusters by their label).
const MAX_ACCESSIBLE_ITEMS: usize = 2000;

/// Hover-only nodes labelled "timeline: <event>" or "timeline: N events"
/// over markers and clusters: they do not take clicks, the timeline's own
/// hit test does, so a click at a node's centre selects it as a user's would.
fn accessibility_nodes(
    ui: &egui::Ui,
    response: &egui::Response,
    analysis: &crate::analysis::Analysis,
    items: &[Item],
    lane_y: &dyn Fn(usize) -> f32,
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
                let at = Pos2::new(x, lane_y(lane));
                (
                    Rect::from_center_size(at, vec2(2.0 * MARKER_RADIUS, 2.0 * MARKER_RADIUS)),
                    (lane, entry.event),
                    format!("timeline: {}", super::event_label(analysis, event)),
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
                    Pos2::new(x0, lane_y(lane) - 8.0),
                    Pos2::new(x1.max(x0 + 4.0), lane_y(lane) + 8.0),
                ),
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

fn color_of(kind: u8) -> Color32 {
    EventKind::ALL
        .get(usize::from(kind))
        .map_or(Color32::GRAY, |k| kind_color(*k))
}

/// A marker: filled (happened), hollow (planned), faded (uncertain),
/// grey and struck through (negated).
fn marker(mesh: &mut Mesh, centre: Pos2, color: Color32, f: u8) {
    if f & flags::PLANNED != 0 {
        ring(mesh, centre, MARKER_RADIUS, MARKER_RADIUS - 2.0, color);
    } else if f & flags::NEGATED != 0 {
        ring(
            mesh,
            centre,
            MARKER_RADIUS,
            MARKER_RADIUS - 1.5,
            Color32::GRAY,
        );
        let d = MARKER_RADIUS * std::f32::consts::FRAC_1_SQRT_2;
        quad_line(
            mesh,
            centre + vec2(-d, d),
            centre + vec2(d, -d),
            1.5,
            Color32::GRAY,
        );
    } else if f & flags::UNCERTAIN != 0 {
        disc(mesh, centre, MARKER_RADIUS, color.gamma_multiply(0.45));
        ring(mesh, centre, MARKER_RADIUS, MARKER_RADIUS - 1.0, color);
    } else {
        disc(mesh, centre, MARKER_RADIUS, color);
    }
}

/// Segments of a marker's circle: round enough at five pixels.
const SEGMENTS: u32 = 12;

fn circle_point(centre: Pos2, radius: f32, i: u32) -> Pos2 {
    #[expect(clippy::cast_precision_loss, reason = "a dozen segments")]
    let angle = i as f32 / SEGMENTS as f32 * std::f32::consts::TAU;
    centre + radius * vec2(angle.cos(), angle.sin())
}

fn disc(mesh: &mut Mesh, centre: Pos2, radius: f32, color: Color32) {
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(0);
    mesh.colored_vertex(centre, color);
    for i in 0..SEGMENTS {
        mesh.colored_vertex(circle_point(centre, radius, i), color);
    }
    for i in 0..SEGMENTS {
        mesh.add_triangle(base, base + 1 + i, base + 1 + (i + 1) % SEGMENTS);
    }
}

fn ring(mesh: &mut Mesh, centre: Pos2, outer: f32, inner: f32, color: Color32) {
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(0);
    for i in 0..SEGMENTS {
        mesh.colored_vertex(circle_point(centre, outer, i), color);
        mesh.colored_vertex(circle_point(centre, inner, i), color);
    }
    for i in 0..SEGMENTS {
        let (o0, i0) = (base + 2 * i, base + 2 * i + 1);
        let next = (i + 1) % SEGMENTS;
        let (o1, i1) = (base + 2 * next, base + 2 * next + 1);
        mesh.add_triangle(o0, o1, i1);
        mesh.add_triangle(o0, i1, i0);
    }
}

fn quad_line(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let along = (b - a).normalized();
    let across = vec2(-along.y, along.x) * (width / 2.0);
    let base = u32::try_from(mesh.vertices.len()).unwrap_or(0);
    for p in [a + across, b + across, b - across, a - across] {
        mesh.colored_vertex(p, color);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// A bar whose ends fade out: the event is known to its week, month or
/// year, not to a day.
fn soft_bar(mesh: &mut Mesh, x0: f32, x1: f32, y: f32, color: Color32, f: u8) {
    let alpha = if f & flags::PLANNED != 0 { 0.25 } else { 0.55 };
    let solid = color.gamma_multiply(alpha);
    let clear = color.gamma_multiply(0.0);
    let fade = ((x1 - x0) / 4.0).min(18.0);
    let (top, bottom) = (y - 6.0, y + 6.0);
    let stops = [
        (x0, clear),
        (x0 + fade, solid),
        (x1 - fade, solid),
        (x1, clear),
    ];
    for pair in stops.windows(2) {
        let [(xa, ca), (xb, cb)] = [pair[0], pair[1]];
        let base = u32::try_from(mesh.vertices.len()).unwrap_or(0);
        mesh.colored_vertex(Pos2::new(xa, top), ca);
        mesh.colored_vertex(Pos2::new(xb, top), cb);
        mesh.colored_vertex(Pos2::new(xb, bottom), cb);
        mesh.colored_vertex(Pos2::new(xa, bottom), ca);
        mesh.add_triangle(base, base + 1, base + 2);
        mesh.add_triangle(base, base + 2, base + 3);
    }
    if f & flags::PLANNED != 0 {
        // A hollow bar: thin edges top and bottom.
        for yy in [top, bottom - 1.5] {
            let base = u32::try_from(mesh.vertices.len()).unwrap_or(0);
            let edge = color.gamma_multiply(0.8);
            mesh.colored_vertex(Pos2::new(x0 + fade, yy), edge);
            mesh.colored_vertex(Pos2::new(x1 - fade, yy), edge);
            mesh.colored_vertex(Pos2::new(x1 - fade, yy + 1.5), edge);
            mesh.colored_vertex(Pos2::new(x0 + fade, yy + 1.5), edge);
            mesh.add_triangle(base, base + 1, base + 2);
            mesh.add_triangle(base, base + 2, base + 3);
        }
    }
}

/// "×3" beside an event reported by three sources.
fn sources_badge(
    painter: &egui::Painter,
    analysis: &crate::analysis::Analysis,
    entry: Entry,
    at: Pos2,
    color: Color32,
) {
    let Some(event) = analysis.events.get(entry.event as usize) else {
        return;
    };
    painter.text(
        at,
        Align2::LEFT_BOTTOM,
        format!("×{}", event.merged_with.len() + 1),
        FontId::proportional(9.0),
        color,
    );
}

fn compact_count(n: u32) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_999 => format!("{:.1}k", f64::from(n) / 1000.0),
        10_000..=999_999 => format!("{}k", n / 1000),
        _ => format!("{:.1}M", f64::from(n) / 1_000_000.0),
    }
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn density_columns(index: &TimelineIndex, view: &View, rect: Rect) -> Vec<u32> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel widths"
    )]
    let columns = rect.width().max(1.0) as usize;
    density(index, view, columns)
}

fn draw_density(painter: &egui::Painter, rect: Rect, columns: &[u32], color: Color32) {
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

/// The days the overview strip shows: every event, and the view.
fn overview_range(index: &TimelineIndex, view: View) -> View {
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

fn draw_overview(
    painter: &egui::Painter,
    rect: Rect,
    index: &TimelineIndex,
    view: View,
    whole: View,
    visuals: &egui::Visuals,
) {
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "pixel widths"
    )]
    let columns = density(index, &whole, rect.width().max(1.0) as usize);
    draw_density(
        painter,
        rect.shrink2(vec2(0.0, 3.0)),
        &columns,
        visuals.widgets.inactive.fg_stroke.color.gamma_multiply(0.7),
    );
    let x0 = whole
        .x_of(view.first, rect.left(), rect.width())
        .max(rect.left());
    let x1 = whole
        .x_of(view.last, rect.left(), rect.width())
        .min(rect.right());
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
