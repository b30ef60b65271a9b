//! The timeline index: dated events in lanes (by kind, actor, country or
//! document), each lane sorted by the middle day of its events, with the
//! queries a view needs — what overlaps a day range, how many events fall
//! in each pixel column — at a cost that follows pixels, not events.
//!
//! Days are counted from 1970-01-01 (`day_number`); a fraction of a day is
//! a time of day. [`View`] is the visible day range, [`layout`] turns index
//! plus view into what to draw (markers, soft-ended bars, clusters with a
//! count, a per-pixel density band), all without egui, so that it is
//! tested and benchmarked on its own.

mod filter;
mod layout;
mod sort;
pub mod synthetic;
mod tally;
mod view;

pub use filter::{Applied, Filter};
pub use layout::{Item, Layout, LayoutParams, bars, density, layout};
pub use sort::{Sort, SortColumn};
pub use tally::{DocEvents, DocTray, actor_counts};
pub use view::{Tick, TickRow, View, ticks};

use crate::analysis::Analysis;
use crate::events::Gazetteer;
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::HashMap;

/// Days since 1970-01-01 (negative before).
#[must_use]
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - EPOCH_DAYS_FROM_CE
}

/// The date of a day number (clamped to chrono's range).
#[must_use]
pub fn date_of_day(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day.saturating_add(EPOCH_DAYS_FROM_CE)).unwrap_or_default()
}

/// `NaiveDate::from_ymd(1970, 1, 1).num_days_from_ce()`.
const EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// How events are grouped into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum LaneMode {
    /// One lane per event kind.
    #[default]
    Kind,
    /// One lane per actor (an event with two actors is in both).
    Actor,
    /// One lane per country (organisations count for their country).
    Country,
    /// One lane per document.
    Document,
}

impl LaneMode {
    /// All modes, in menu order.
    pub const ALL: [Self; 4] = [Self::Kind, Self::Actor, Self::Country, Self::Document];

    /// Name for menus.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kind => "kind",
            Self::Actor => "actor",
            Self::Country => "country",
            Self::Document => "document",
        }
    }
}

/// Flags of an entry.
pub mod flags {
    /// A planned event (drawn hollow).
    pub const PLANNED: u8 = 1;
    /// A negated event ("did not sign").
    pub const NEGATED: u8 = 2;
    /// An uncertain event ("reportedly").
    pub const UNCERTAIN: u8 = 4;
    /// Merged with other mentions (several sources).
    pub const MERGED: u8 = 8;
}

/// One dated event in one lane: 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// First day (inclusive).
    pub first_day: i32,
    /// Last day (inclusive).
    pub last_day: i32,
    /// Index into [`Analysis::events`].
    pub event: u32,
    /// The kind's position in `EventKind::ALL` (for its colour).
    pub kind: u8,
    /// [`flags`].
    pub flags: u8,
}

impl Entry {
    /// Twice the middle day (an integer, so that sorting is exact).
    #[must_use]
    pub fn mid2(&self) -> i64 {
        i64::from(self.first_day) + i64::from(self.last_day)
    }

    /// Length in days.
    #[must_use]
    pub fn days(&self) -> i32 {
        self.last_day
            .saturating_sub(self.first_day)
            .saturating_add(1)
    }
}

/// One lane: its label and its entries sorted by middle day.
#[derive(Debug, Clone, Default)]
pub struct Lane {
    /// What the lane holds ("visit", "Iran", "003.txt").
    pub label: String,
    /// Entries sorted by [`Entry::mid2`].
    pub entries: Vec<Entry>,
    /// Longest entry in days, to widen overlap queries.
    max_days: i32,
}

impl Lane {
    /// Entries whose days overlap `[first, last]` (fractional days allowed).
    pub fn overlapping(&self, first: f64, last: f64) -> impl Iterator<Item = &Entry> {
        let range = self.candidates(first, last);
        self.entries
            .get(range)
            .unwrap_or_default()
            .iter()
            .filter(move |e| f64::from(e.last_day) + 1.0 > first && f64::from(e.first_day) < last)
    }

    /// Index range of entries that may overlap `[first, last)`: middles
    /// within half the longest entry of the range.
    fn candidates(&self, first: f64, last: f64) -> std::ops::Range<usize> {
        let half = f64::from(self.max_days);
        let lo = mid2_bound(first - half);
        let hi = mid2_bound(last + half);
        let from = self.entries.partition_point(|e| e.mid2() < lo);
        let to = self.entries.partition_point(|e| e.mid2() <= hi);
        from..to.max(from)
    }

    /// The earliest first day: only entries whose middle is within the
    /// longest entry of the first middle can hold it.
    fn first_day(&self) -> Option<i32> {
        let bottom = self.entries.first()?.mid2();
        let reach = bottom + 2 * i64::from(self.max_days) + 2;
        self.entries
            .iter()
            .take_while(|e| e.mid2() <= reach)
            .map(|e| e.first_day)
            .min()
    }

    /// The latest last day (see [`Lane::first_day`]).
    fn last_day(&self) -> Option<i32> {
        let top = self.entries.last()?.mid2();
        let reach = top - 2 * i64::from(self.max_days) - 2;
        self.entries
            .iter()
            .rev()
            .take_while(|e| e.mid2() >= reach)
            .map(|e| e.last_day)
            .max()
    }

    /// Number of entries whose middle day is before `day`.
    #[must_use]
    pub fn count_before(&self, day: f64) -> usize {
        let bound = mid2_bound(day);
        self.entries.partition_point(|e| e.mid2() < bound)
    }
}

/// `2 × day` as the integer bound for [`Entry::mid2`] comparisons.
fn mid2_bound(day: f64) -> i64 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "clamped to the i32 day range first"
    )]
    let bound = (day.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) * 2.0).ceil() as i64;
    bound
}

/// Dated events in lanes, plus the time order of all events.
#[derive(Debug, Clone, Default)]
pub struct TimelineIndex {
    /// How the lanes were made.
    pub mode: LaneMode,
    /// The lanes, in display order.
    pub lanes: Vec<Lane>,
    /// Every dated event once, by first day, last day, then index: the list order.
    order: Vec<u32>,
    /// Twice the middle day of every dated event, sorted, for the density band.
    mids: Vec<i64>,
    /// The event of each of `mids`.
    mid_events: Vec<u32>,
    /// Events with no calendar range (for the undated tray), in index order.
    pub undated: Vec<u32>,
    /// First and last day of all dated events.
    span: Option<(i32, i32)>,
}

impl TimelineIndex {
    /// Builds the index of an analysis with lanes by kind and every event shown.
    #[must_use]
    pub fn new(analysis: &Analysis) -> Self {
        Self::build(analysis, LaneMode::Kind, None)
    }

    /// Builds the index of the events `shown` (all when None), with lanes by `mode`.
    #[must_use]
    pub fn build(analysis: &Analysis, mode: LaneMode, shown: Option<&[bool]>) -> Self {
        // Lane keys are borrowed (kind and actor names are static, paths are
        // the analysis's): no string is made per event.
        let mut lane_of: HashMap<&str, usize> = HashMap::new();
        let mut lanes: Vec<Lane> = Vec::new();
        // (first day, last day, event) of every dated event, for the list order.
        let mut keyed: Vec<(i32, i32, u32)> = Vec::new();
        let mut undated = Vec::new();
        if mode == LaneMode::Kind {
            for kind in crate::events::EventKind::ALL {
                lane_of.insert(kind.as_str(), lanes.len());
                lanes.push(Lane {
                    label: kind.as_str().to_owned(),
                    ..Lane::default()
                });
            }
        }
        let mut countries: HashMap<&str, Option<&'static str>> = HashMap::new();
        let mut keys: Vec<&str> = Vec::new();
        for (i, event) in analysis.events.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            if shown.is_some_and(|s| !s.get(i).copied().unwrap_or(false)) {
                continue;
            }
            let Some((first, last)) = event.range else {
                undated.push(index);
                continue;
            };
            let entry = Entry {
                first_day: day_number(first),
                last_day: day_number(last),
                event: index,
                kind: u8::try_from(event.kind.lane()).unwrap_or(0),
                flags: entry_flags(event),
            };
            keyed.push((entry.first_day, entry.last_day, index));
            keys.clear();
            match mode {
                LaneMode::Kind => keys.push(event.kind.as_str()),
                LaneMode::Actor => keys.extend(event.actors.iter().copied()),
                LaneMode::Country => {
                    for actor in &event.actors {
                        let country = *countries
                            .entry(*actor)
                            .or_insert_with(|| Gazetteer::get().country_of(actor));
                        if let Some(c) = country
                            && !keys.contains(&c)
                        {
                            keys.push(c);
                        }
                    }
                }
                LaneMode::Document => {
                    keys.push(analysis.docs.get(event.doc).map_or("", |d| &d.doc.path));
                }
            }
            if keys.is_empty() {
                keys.push(NO_LANE);
            }
            for &key in &keys {
                let lane = *lane_of.entry(key).or_insert_with(|| {
                    lanes.push(Lane {
                        label: key.to_owned(),
                        ..Lane::default()
                    });
                    lanes.len() - 1
                });
                if let Some(lane) = lanes.get_mut(lane) {
                    lane.entries.push(entry);
                }
            }
        }
        // Sorted on the global pool: the window builds this on its own
        // thread, often while a folder is read (on a pool of its own).
        lanes.par_iter_mut().for_each(|lane| {
            lane.entries
                .par_sort_unstable_by_key(|e| (e.mid2(), e.first_day, e.event));
            lane.max_days = lane.entries.iter().map(Entry::days).max().unwrap_or(0);
            lane.entries.shrink_to_fit();
        });
        match mode {
            // Kinds keep their fixed order (stable colours and places); empty
            // kinds go.
            LaneMode::Kind => lanes.retain(|l| !l.entries.is_empty()),
            // Busiest first, "no actor" last.
            _ => lanes.sort_by(|a, b| {
                (a.label == NO_LANE)
                    .cmp(&(b.label == NO_LANE))
                    .then(b.entries.len().cmp(&a.entries.len()))
                    .then(a.label.cmp(&b.label))
            }),
        }
        keyed.par_sort_unstable();
        let order: Vec<u32> = keyed.iter().map(|&(_, _, i)| i).collect();
        let mut by_mid: Vec<(i64, u32)> = keyed
            .iter()
            .map(|&(a, b, i)| (i64::from(a) + i64::from(b), i))
            .collect();
        by_mid.par_sort_unstable();
        let span = keyed.first().map(|&(a, _, _)| a).and_then(|first| {
            let last = keyed.iter().map(|&(_, b, _)| b).max()?;
            Some((first, last))
        });
        let (mids, mid_events): (Vec<i64>, Vec<u32>) = by_mid.into_iter().unzip();
        Self {
            mode,
            lanes,
            order,
            mids,
            mid_events,
            undated,
            span,
        }
    }

    /// The index restricted to the events `shown` (by event index): every
    /// list stays sorted, so this is one pass, no sorting (a filter over a
    /// million events takes milliseconds). Lanes left empty are dropped.
    #[must_use]
    pub fn filtered(&self, shown: &[bool]) -> Self {
        let keep = |e: u32| shown.get(e as usize).copied().unwrap_or(false);
        let lanes: Vec<Lane> = self
            .lanes
            .par_iter()
            .map(|lane| {
                let entries: Vec<Entry> = lane
                    .entries
                    .iter()
                    .copied()
                    .filter(|e| keep(e.event))
                    .collect();
                Lane {
                    label: lane.label.clone(),
                    max_days: entries.iter().map(Entry::days).max().unwrap_or(0),
                    entries,
                }
            })
            .filter(|l| !l.entries.is_empty())
            .collect();
        let (order, (mids, mid_events)) = rayon::join(
            || {
                self.order
                    .iter()
                    .copied()
                    .filter(|&e| keep(e))
                    .collect::<Vec<u32>>()
            },
            || {
                self.mids
                    .iter()
                    .zip(&self.mid_events)
                    .filter(|&(_, &e)| keep(e))
                    .map(|(&m, &e)| (m, e))
                    .unzip::<i64, u32, Vec<i64>, Vec<u32>>()
            },
        );
        let first = lanes.iter().filter_map(Lane::first_day).min();
        let last = lanes.iter().filter_map(Lane::last_day).max();
        Self {
            mode: self.mode,
            lanes,
            order,
            mids,
            mid_events,
            undated: self.undated.iter().copied().filter(|&e| keep(e)).collect(),
            span: first.zip(last),
        }
    }

    /// Dated events in time order (first day, then last day).
    #[must_use]
    pub fn order(&self) -> &[u32] {
        &self.order
    }

    /// Number of dated events.
    #[must_use]
    pub fn dated(&self) -> usize {
        self.order.len()
    }

    /// First and last day of all dated events.
    #[must_use]
    pub fn span(&self) -> Option<(i32, i32)> {
        self.span
    }

    /// Number of dated events whose middle day lies in `[first, last)`.
    #[must_use]
    pub fn count_between(&self, first: f64, last: f64) -> usize {
        let lo = mid2_bound(first);
        let hi = mid2_bound(last);
        self.mids.partition_point(|&m| m < hi) - self.mids.partition_point(|&m| m < lo)
    }

    /// Twice the middle days of all dated events, sorted.
    #[must_use]
    pub fn mids(&self) -> &[i64] {
        &self.mids
    }

    /// The lane and entry of `event` in the first lane holding it.
    #[must_use]
    pub fn find(&self, event: usize) -> Option<(usize, &Entry)> {
        self.lanes.iter().enumerate().find_map(|(l, lane)| {
            lane.entries
                .iter()
                .find(|e| e.event as usize == event)
                .map(|e| (l, e))
        })
    }

    /// Heap bytes held by the index (for the memory-per-event figure).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let lanes: usize = self
            .lanes
            .iter()
            .map(|l| l.entries.capacity() * std::mem::size_of::<Entry>() + l.label.capacity())
            .sum();
        lanes
            + self.lanes.capacity() * std::mem::size_of::<Lane>()
            + self.order.capacity() * 4
            + self.mids.capacity() * 8
            + self.mid_events.capacity() * 4
            + self.undated.capacity() * 4
    }
}

/// Lane label of events without an actor (or country).
pub const NO_LANE: &str = "(none)";

fn entry_flags(event: &crate::analysis::Event) -> u8 {
    use crate::events::Modality;
    let mut f = match event.modality {
        Modality::Planned => flags::PLANNED,
        Modality::Negated => flags::NEGATED,
        Modality::Uncertain => flags::UNCERTAIN,
        Modality::Happened => 0,
    };
    if !event.merged_with.is_empty() {
        f |= flags::MERGED;
    }
    f
}

#[cfg(test)]
mod tests;
