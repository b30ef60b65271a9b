//! The timeline index: dated events sorted by first day, with range
//! queries for what a view shows. Days are counted from 1970-01-01 so that
//! they can be plot coordinates directly.

use crate::analysis::Analysis;
use chrono::{Datelike, NaiveDate};

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

/// One dated event in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// First day (inclusive).
    pub first_day: i32,
    /// Last day (inclusive).
    pub last_day: i32,
    /// Index into [`Analysis::events`].
    pub event: u32,
    /// Lane (the kind's position).
    pub lane: u16,
}

/// Dated events sorted by first day; undated ones listed apart.
#[derive(Debug, Clone, Default)]
pub struct TimelineIndex {
    entries: Vec<Entry>,
    /// Longest event in days, to widen range queries on the left.
    max_days: i32,
    /// Events with no calendar range (for the undated tray).
    pub undated: Vec<u32>,
}

impl TimelineIndex {
    /// Builds the index of an analysis.
    #[must_use]
    pub fn new(analysis: &Analysis) -> Self {
        let mut entries = Vec::new();
        let mut undated = Vec::new();
        for (i, event) in analysis.events.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            match event.range {
                Some((first, last)) => entries.push(Entry {
                    first_day: day_number(first),
                    last_day: day_number(last),
                    event: index,
                    lane: u16::try_from(event.kind.lane()).unwrap_or(0),
                }),
                None => undated.push(index),
            }
        }
        entries.sort_by_key(|e| (e.first_day, e.last_day, e.event));
        let max_days = entries
            .iter()
            .map(|e| e.last_day - e.first_day)
            .max()
            .unwrap_or(0);
        Self {
            entries,
            max_days,
            undated,
        }
    }

    /// All dated entries, sorted by first day.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Entries overlapping the inclusive day range `[first, last]`.
    pub fn query(&self, first: i32, last: i32) -> impl Iterator<Item = &Entry> {
        let from = self
            .entries
            .partition_point(|e| e.first_day < first.saturating_sub(self.max_days));
        let to = self.entries.partition_point(|e| e.first_day <= last);
        self.entries
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter(move |e| e.last_day >= first)
    }

    /// First and last day of all dated events.
    #[must_use]
    pub fn span(&self) -> Option<(i32, i32)> {
        let first = self.entries.first()?.first_day;
        let last = self.entries.iter().map(|e| e.last_day).max()?;
        Some((first, last))
    }
}

#[cfg(test)]
mod tests {
    use super::{date_of_day, day_number};
    use chrono::NaiveDate;

    #[test]
    fn day_numbers_round_trip() {
        let date = NaiveDate::from_ymd_opt(2017, 8, 5).unwrap_or_default();
        assert_eq!(
            day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()),
            0
        );
        assert_eq!(date_of_day(day_number(date)), date);
    }
}
