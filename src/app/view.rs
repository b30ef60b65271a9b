//! What the timeline and the lists show: the index of the events the
//! filter lets through, the tallies the panels need, the days shown, the
//! lanes, the table's order and the selection.

use super::Settings;
use crate::analysis::Analysis;
use crate::timeline::{
    Applied, DocEvents, DocTray, Entry, Filter, LaneMode, Sort, TimelineIndex, View, actor_counts,
    day_number,
};

/// The view of the analysis shown.
#[derive(Default)]
pub struct ViewState {
    /// The timeline index of the events shown (the filter applied).
    pub index: TimelineIndex,
    /// The index of every event.
    pub full_index: TimelineIndex,
    /// The filter.
    pub filter: Filter,
    /// What the filter let through, with counts per kind.
    pub filtered: Applied,
    /// The events table's order.
    pub sort: Sort,
    /// The dated events shown, in the table's order.
    pub table: Vec<u32>,
    /// Actors with their number of events, busiest first (for the filter bar).
    pub actors: Vec<(String, usize)>,
    /// Events of each document, in text order (for the source pane).
    pub doc_events: DocEvents,
    /// Documents without a publication date and documents' problems (for
    /// the tray).
    pub doc_tray: DocTray,
    /// The selected event.
    pub selected: Option<usize>,
    /// Scroll the source pane and the list to the selection on the next frame.
    pub reveal_selection: bool,
    /// The days the timeline shows.
    pub days: View,
    /// How the timeline's lanes are made.
    pub lane_mode: LaneMode,
    /// The view last set by fitting everything; a partial result or a
    /// re-read fits again only if the user has not moved away from it.
    pub(super) fitted: Option<View>,
    /// Settings from the last run, applied when their folder is read again.
    pub(super) restore: Option<Settings>,
}

impl ViewState {
    /// Rebuilds the tallies and the full index of `analysis` (not the filter).
    pub fn reindex(&mut self, analysis: &Analysis) {
        self.actors = actor_counts(&analysis.events);
        self.doc_events = DocEvents::new(&analysis.events, analysis.docs.len());
        self.doc_tray = DocTray::new(analysis);
        self.full_index = TimelineIndex::build(analysis, self.lane_mode, None);
    }

    /// Rebuilds the full index (lanes changed), then the filter's.
    pub fn rebuild_index(&mut self, analysis: &Analysis) {
        self.full_index = TimelineIndex::build(analysis, self.lane_mode, None);
        self.apply_filter(analysis);
    }

    /// Recomputes what the filter shows, the index of it and the table.
    pub fn apply_filter(&mut self, analysis: &Analysis) {
        self.filtered = self.filter.apply(analysis);
        self.index = if self.filter.is_empty() {
            self.full_index.clone()
        } else {
            self.full_index.filtered(&self.filtered.shown)
        };
        self.table = self.sort.apply(analysis, self.index.order());
    }

    /// Shows every event shown (and remembers that the user has not moved).
    pub fn fit_all(&mut self) {
        if let Some((first, last)) = self.index.span() {
            self.days = View::fit(first, last);
            self.fitted = Some(self.days);
        }
    }

    /// Selects `event` and pans to it when it is out of view (dated in
    /// `analysis`).
    pub fn select(&mut self, analysis: Option<&Analysis>, event: Option<usize>) {
        self.selected = event;
        self.reveal_selection = event.is_some();
        let days = analysis
            .zip(event)
            .and_then(|(a, e)| Self::event_days(a, e));
        if let Some(range) = days {
            self.days = self.days.revealing(range.0, range.1);
        }
    }

    /// Days `[first, last)` of a dated event.
    #[must_use]
    pub fn event_days(analysis: &Analysis, event: usize) -> Option<(f64, f64)> {
        let (first, last) = analysis.events.get(event)?.range?;
        Some((
            f64::from(day_number(first)),
            f64::from(day_number(last)) + 1.0,
        ))
    }

    /// The event in lane `lane` whose middle is nearest to day `day`.
    #[must_use]
    pub fn nearest_in_lane(&self, lane: usize, day: f64) -> Option<usize> {
        let lane = self.index.lanes.get(lane)?;
        let at = lane.count_before(day);
        let mid = |e: &Entry| {
            #[expect(clippy::cast_precision_loss, reason = "day numbers")]
            let m = e.mid2() as f64 / 2.0;
            (m - day).abs()
        };
        [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|i| lane.entries.get(i))
            .min_by(|a, b| mid(a).total_cmp(&mid(b)))
            .map(|e| e.event as usize)
    }

    /// Events in list order: dated ones by date, then undated ones.
    #[must_use]
    pub fn list_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = self.index.order().iter().map(|&e| e as usize).collect();
        order.extend(self.index.undated.iter().map(|&e| e as usize));
        order
    }
}

#[cfg(test)]
mod tests {
    use super::ViewState;
    use crate::analysis::Analysis;
    use crate::timeline::synthetic;

    fn indexed(analysis: &Analysis) -> ViewState {
        let mut view = ViewState::default();
        view.reindex(analysis);
        view.apply_filter(analysis);
        view
    }

    #[test]
    fn fitting_shows_every_dated_event_and_a_selection_is_revealed() {
        let analysis = synthetic::analysis(2_000, 7);
        let mut view = indexed(&analysis);
        let dated = analysis.events.iter().filter(|e| e.range.is_some()).count();
        assert_eq!(view.index.order().len(), dated);
        assert_eq!(view.list_order().len(), analysis.events.len());
        view.fit_all();
        assert_eq!(view.fitted, Some(view.days));
        for &e in view.index.order() {
            let (first, last) = ViewState::event_days(&analysis, e as usize).unwrap_or_default();
            assert!(view.days.first <= first && last <= view.days.last);
        }
        // Zoomed into one end, selecting an event at the other pans to it.
        let last = view.index.order().last().map(|&e| e as usize);
        let first_day = ViewState::event_days(&analysis, view.list_order()[0]).unwrap_or_default();
        view.days = view.days.zoomed_at(first_day.0, 1_000.0);
        view.select(Some(&analysis), last);
        let (a, b) = last
            .and_then(|e| ViewState::event_days(&analysis, e))
            .unwrap_or_default();
        assert!(view.reveal_selection);
        assert!(
            view.days.first <= a && b <= view.days.last,
            "{:?}",
            view.days
        );
    }

    #[test]
    fn the_filter_narrows_the_index_and_the_table() {
        let analysis = synthetic::analysis(2_000, 3);
        let mut view = indexed(&analysis);
        let all = view.table.len();
        let kind = analysis.events[0].kind;
        view.filter.kinds = vec![kind];
        view.apply_filter(&analysis);
        assert!(view.table.len() < all);
        assert!(
            view.table
                .iter()
                .all(|&e| analysis.events[e as usize].kind == kind)
        );
        assert_eq!(view.index.order().len(), view.table.len());
    }

    #[test]
    fn the_nearest_event_in_a_lane_is_found_by_its_middle() {
        let analysis = synthetic::analysis(500, 11);
        let view = indexed(&analysis);
        let lane = &view.index.lanes[0];
        let Some(entry) = lane.entries.get(lane.entries.len() / 2) else {
            panic!("an empty lane");
        };
        let event = entry.event as usize;
        let (a, b) = ViewState::event_days(&analysis, event).unwrap_or_default();
        let found = view.nearest_in_lane(0, f64::midpoint(a, b));
        let found_mid = found
            .and_then(|e| ViewState::event_days(&analysis, e))
            .map(|(x, y)| f64::midpoint(x, y));
        assert_eq!(found_mid, Some(f64::midpoint(a, b)));
    }
}
