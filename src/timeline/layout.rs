//! What to draw for a view: per lane, single markers where events are
//! sparse, clusters with a count where markers would overlap, bars for
//! events long enough to be seen as ranges; and a per-pixel density band.
//! Dense lanes are counted cell by cell with binary searches over the
//! lane's sorted middles, so the cost follows the pixels, not the events.

use super::{Entry, Lane, TimelineIndex, View};
use std::ops::Range;

/// How a layout is made.
#[derive(Debug, Clone)]
pub struct LayoutParams {
    /// Screen x of the view's left edge.
    pub left: f32,
    /// Width in pixels.
    pub width: f32,
    /// Markers closer than this (pixels) merge into a cluster.
    pub cell_px: f32,
    /// Width of a counted cell in a dense lane (room for its count).
    pub count_cell_px: f32,
    /// An event at least this wide (pixels) is drawn as a bar.
    pub min_bar_px: f32,
    /// A lane with more events than this in view is counted, not walked.
    pub detail_limit: usize,
    /// The lanes to lay out (those on screen).
    pub lanes: Range<usize>,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self {
            left: 0.0,
            width: 1000.0,
            cell_px: 14.0,
            count_cell_px: 32.0,
            min_bar_px: 12.0,
            detail_limit: 4000,
            lanes: 0..usize::MAX,
        }
    }
}

/// One thing to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// A single event at `x` (the middle of its days).
    Marker {
        /// Screen x.
        x: f32,
        /// Lane index.
        lane: usize,
        /// The event.
        entry: Entry,
    },
    /// An event drawn as a range (soft ends: its precision is a week, a month…).
    Bar {
        /// Screen x of its first day.
        x0: f32,
        /// Screen x after its last day.
        x1: f32,
        /// Lane index.
        lane: usize,
        /// The event.
        entry: Entry,
    },
    /// Several events too close to draw apart.
    Cluster {
        /// Screen x of the first.
        x0: f32,
        /// Screen x of the last.
        x1: f32,
        /// Lane index.
        lane: usize,
        /// How many.
        count: u32,
        /// Days to zoom to to see them apart (inclusive first, exclusive last).
        days: (f64, f64),
        /// Their kind when they share one (for the colour).
        kind: Option<u8>,
    },
}

/// The items of one frame.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Bars first, then markers and clusters, lane by lane.
    pub items: Vec<Item>,
}

/// The bars among laid-out items: (first x, x after the last day, lane,
/// event), for the drawing and the picking that both go over them.
pub fn bars(items: &[Item]) -> impl Iterator<Item = (f32, f32, usize, Entry)> + '_ {
    items.iter().filter_map(|item| match *item {
        Item::Bar {
            x0,
            x1,
            lane,
            entry,
        } => Some((x0, x1, lane, entry)),
        _ => None,
    })
}

/// Lays out the lanes `params.lanes` of `index` for `view`.
#[must_use]
pub fn layout(index: &TimelineIndex, view: &View, params: &LayoutParams) -> Layout {
    let mut items = Vec::new();
    let end = params.lanes.end.min(index.lanes.len());
    let start = params.lanes.start.min(end);
    for (offset, lane) in index
        .lanes
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let lane_index = start + offset;
        let candidates = lane.candidates(view.first, view.last);
        if candidates.len() > params.detail_limit {
            counted(lane, lane_index, view, params, &mut items);
        } else {
            walked(lane, lane_index, view, params, &mut items);
        }
    }
    Layout { items }
}

/// A sparse lane: every visible event is looked at.
fn walked(
    lane: &Lane,
    lane_index: usize,
    view: &View,
    params: &LayoutParams,
    items: &mut Vec<Item>,
) {
    let (left, width) = (params.left, params.width);
    let mut group: Vec<(f32, Entry)> = Vec::new();
    let flush = |group: &mut Vec<(f32, Entry)>, items: &mut Vec<Item>| {
        match group.as_slice() {
            [] => {}
            [(x, entry)] => items.push(Item::Marker {
                x: *x,
                lane: lane_index,
                entry: *entry,
            }),
            [(x0, first), .., (x1, _)] => {
                let kind = group
                    .iter()
                    .all(|(_, e)| e.kind == first.kind)
                    .then_some(first.kind);
                let first_day = group.iter().map(|(_, e)| e.first_day).min().unwrap_or(0);
                let last_day = group.iter().map(|(_, e)| e.last_day).max().unwrap_or(0);
                items.push(Item::Cluster {
                    x0: *x0,
                    x1: *x1,
                    lane: lane_index,
                    count: u32::try_from(group.len()).unwrap_or(u32::MAX),
                    days: (f64::from(first_day), f64::from(last_day) + 1.0),
                    kind,
                });
            }
        }
        group.clear();
    };
    for entry in lane.overlapping(view.first, view.last) {
        let x0 = view.x_of(f64::from(entry.first_day), left, width);
        let x1 = view.x_of(f64::from(entry.last_day) + 1.0, left, width);
        if entry.days() > 1 && x1 - x0 >= params.min_bar_px {
            items.push(Item::Bar {
                x0,
                x1,
                lane: lane_index,
                entry: *entry,
            });
            continue;
        }
        let x = f32::midpoint(x0, x1);
        if group
            .first()
            .is_some_and(|(start, _)| x - start >= params.cell_px)
        {
            flush(&mut group, items);
        }
        group.push((x, *entry));
    }
    flush(&mut group, items);
}

/// A dense lane: counted per cell of `cell_px` pixels.
fn counted(
    lane: &Lane,
    lane_index: usize,
    view: &View,
    params: &LayoutParams,
    items: &mut Vec<Item>,
) {
    let (left, width) = (params.left, params.width);
    let cell = params.count_cell_px.max(1.0);
    let mut x = left;
    let mut before = lane.count_before(view.day_at(x, left, width));
    while x < left + width {
        let next_x = x + cell;
        let from_day = view.day_at(x, left, width);
        let to_day = view.day_at(next_x, left, width);
        let upto = lane.count_before(to_day);
        let count = upto.saturating_sub(before);
        if count == 1 {
            if let Some(entry) = lane.entries.get(before) {
                let mid = (f64::from(entry.first_day) + f64::from(entry.last_day) + 1.0) / 2.0;
                items.push(Item::Marker {
                    x: view.x_of(mid, left, width),
                    lane: lane_index,
                    entry: *entry,
                });
            }
        } else if count > 1 {
            let slice = lane.entries.get(before..upto).unwrap_or_default();
            let first_kind = slice.first().map(|e| e.kind);
            // Checking every kind would walk the events: look at both ends.
            let kind = first_kind.filter(|k| slice.last().is_some_and(|e| e.kind == *k));
            items.push(Item::Cluster {
                x0: x,
                x1: next_x,
                lane: lane_index,
                count: u32::try_from(count).unwrap_or(u32::MAX),
                days: (from_day, to_day),
                kind,
            });
        }
        before = upto;
        x = next_x;
    }
}

/// Events per pixel column over all lanes (by middle day), for the density
/// band: `columns` counts across `view`.
#[must_use]
pub fn density(index: &TimelineIndex, view: &View, columns: usize) -> Vec<u32> {
    let mids = index.mids();
    let columns = columns.max(1);
    #[expect(clippy::cast_precision_loss, reason = "pixel columns")]
    let per = view.span() / columns as f64;
    let bound = |day: f64| {
        let b = super::mid2_bound(day);
        mids.partition_point(|&m| m < b)
    };
    let mut out = Vec::with_capacity(columns);
    let mut before = bound(view.first);
    for c in 1..=columns {
        #[expect(clippy::cast_precision_loss, reason = "pixel columns")]
        let upto = bound(view.first + per * c as f64);
        out.push(u32::try_from(upto.saturating_sub(before)).unwrap_or(u32::MAX));
        before = upto;
    }
    out
}
