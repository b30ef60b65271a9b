//! The events table's order: by date (the timeline's own order), kind,
//! first actor or document, either way round.

use crate::analysis::Analysis;
use serde::{Deserialize, Serialize};

/// A column of the events table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortColumn {
    /// By date (the timeline's order).
    #[default]
    Date,
    /// By kind, then date.
    Kind,
    /// By first actor, then date.
    Actor,
    /// By document, then date.
    Document,
}

impl SortColumn {
    /// Every column, in table order.
    pub const ALL: [Self; 4] = [Self::Date, Self::Kind, Self::Actor, Self::Document];

    /// Header text.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::Kind => "kind",
            Self::Actor => "actor",
            Self::Document => "document",
        }
    }
}

/// How the events table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sort {
    /// The column.
    pub column: SortColumn,
    /// Largest first.
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on `column`'s header: the same column turns
    /// round, another one starts ascending.
    #[must_use]
    pub fn clicked(self, column: SortColumn) -> Self {
        Self {
            column,
            descending: self.column == column && !self.descending,
        }
    }

    /// `by_date` (events in time order) in this sort's order. Stable: ties
    /// keep time order.
    #[must_use]
    pub fn apply(self, analysis: &Analysis, by_date: &[u32]) -> Vec<u32> {
        let mut out = by_date.to_vec();
        let event = |i: u32| analysis.events.get(i as usize);
        match self.column {
            SortColumn::Date => {}
            SortColumn::Kind => out.sort_by_key(|&i| event(i).map(|e| e.kind)),
            SortColumn::Actor => out.sort_by_cached_key(|&i| {
                // Events without actors go last.
                event(i)
                    .and_then(|e| e.actors.first())
                    .map_or((true, String::new()), |a| (false, a.to_lowercase()))
            }),
            SortColumn::Document => out.sort_by_key(|&i| event(i).map(|e| e.doc)),
        }
        if self.descending {
            out.reverse();
        }
        out
    }
}
