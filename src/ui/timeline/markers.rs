//! The events in the lanes, as meshes: soft-ended bars for events known to
//! a week, month or year, under markers for the rest; the "×3" badges of
//! events several sources report, and the selection's ring on top.
//!
//! Markers and cluster pills share one mesh built by hand: a tessellated
//! circle per event costs ten times more.

use super::MARKER_RADIUS;
use super::clusters::{self, Pill};
use super::frame::Frame;
use crate::analysis::Analysis;
use crate::events::EventKind;
use crate::timeline::{Entry, Item, LayoutParams, flags};
use crate::ui::theme::kind_color;
use eframe::egui::{Align2, Color32, FontId, Mesh, Painter, Pos2, Shape, Stroke, vec2};

/// Draws the laid-out `items` in the lanes, ringing the `selected` event.
pub(super) fn draw(
    frame: &Frame,
    analysis: &Analysis,
    items: &[Item],
    params: &LayoutParams,
    selected: Option<usize>,
) {
    let painter = frame.painter.with_clip_rect(frame.lanes);
    painter.add(Shape::mesh(bars(frame, items)));
    let marks = Marks::new(frame, items, params, selected);
    painter.add(Shape::mesh(marks.mesh));
    for (at, label) in marks.labels {
        painter.text(
            at,
            Align2::CENTER_CENTER,
            label,
            FontId::proportional(11.0),
            frame.visuals.strong_text_color(),
        );
    }
    for (at, entry) in marks.badges {
        sources_badge(&painter, analysis, entry, at, frame.visuals.text_color());
    }
    if let Some(at) = marks.selected_at {
        painter.circle_stroke(at, MARKER_RADIUS + 4.0, Stroke::new(2.0, Color32::WHITE));
    }
}

/// The bars of the items, in one mesh.
fn bars(frame: &Frame, items: &[Item]) -> Mesh {
    let mut bars = Mesh::default();
    for (x0, x1, lane, entry) in crate::timeline::bars(items) {
        let y = frame.lane_y(lane);
        soft_bar(&mut bars, x0, x1, y, color_of(entry.kind), entry.flags);
    }
    bars
}

/// What goes over the bars: markers and cluster pills, then the texts and
/// the selection's ring over those.
struct Marks {
    /// The markers and pills, in the items' order.
    mesh: Mesh,
    /// Cluster counts and where they are centred.
    labels: Vec<(Pos2, String)>,
    /// Merged events and where their badge goes.
    badges: Vec<(Pos2, Entry)>,
    /// Where the selected event is, when laid out.
    selected_at: Option<Pos2>,
}

impl Marks {
    /// The marks of `items`.
    fn new(frame: &Frame, items: &[Item], params: &LayoutParams, selected: Option<usize>) -> Self {
        let mut marks = Self {
            mesh: Mesh::default(),
            labels: Vec::new(),
            badges: Vec::new(),
            selected_at: None,
        };
        let busiest = clusters::busiest(items);
        for item in items {
            match *item {
                Item::Bar {
                    x0, lane, entry, ..
                } => {
                    let at = Pos2::new(x0 + 4.0, frame.lane_y(lane));
                    if entry.flags & flags::MERGED != 0 {
                        marks.badges.push((at, entry));
                    }
                    if selected == Some(entry.event as usize) {
                        marks.selected_at = Some(Pos2::new(x0, frame.lane_y(lane)));
                    }
                }
                Item::Marker { x, lane, entry } => {
                    let centre = Pos2::new(x, frame.lane_y(lane));
                    marker(&mut marks.mesh, centre, color_of(entry.kind), entry.flags);
                    if entry.flags & flags::MERGED != 0 {
                        marks.badges.push((
                            centre + vec2(MARKER_RADIUS + 1.0, -MARKER_RADIUS - 1.0),
                            entry,
                        ));
                    }
                    if selected == Some(entry.event as usize) {
                        marks.selected_at = Some(centre);
                    }
                }
                Item::Cluster {
                    x0,
                    x1,
                    lane,
                    count,
                    kind,
                    ..
                } => {
                    let pill = Pill::new(x0, x1, frame.lane_y(lane), count, params);
                    if let Some(label) = pill.paint(&mut marks.mesh, kind, busiest) {
                        marks.labels.push(label);
                    }
                }
            }
        }
        marks
    }
}

/// The colour of an event kind given by its index in [`EventKind::ALL`].
pub(super) fn color_of(kind: u8) -> Color32 {
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
fn sources_badge(painter: &Painter, analysis: &Analysis, entry: Entry, at: Pos2, color: Color32) {
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
