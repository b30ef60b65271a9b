//! The analysis shown and its corrections: the machine's reading (`base`),
//! the folder's corrections, the two applied (`analysis`), and the undo and
//! redo stacks of earlier corrections. Every edit re-applies from `base`,
//! so undo is an earlier `Corrections` value.

use crate::analysis::Analysis;
use crate::corrections::Corrections;
use crate::corrections::sidecar::Sidecar;
use crate::temporal::Tagger;
use std::sync::Arc;

/// The analysis and its corrections, with undo.
#[derive(Default)]
pub struct Edits {
    /// The analysis shown: `base` with the corrections applied (or the
    /// partial results of a folder still being read).
    pub analysis: Option<Arc<Analysis>>,
    /// The analysis as read, before corrections.
    pub base: Option<Arc<Analysis>>,
    /// The folder's corrections.
    pub corrections: Corrections,
    /// Where the corrections are kept.
    pub sidecar: Option<Sidecar>,
    /// Earlier states of the corrections (Ctrl+Z).
    pub undo: Vec<Corrections>,
    /// Undone states (Ctrl+Shift+Z).
    pub redo: Vec<Corrections>,
    pub(super) tagger: Option<Arc<Tagger>>,
}

/// Most corrections kept for undo.
pub const UNDO_DEPTH: usize = 200;

impl Edits {
    /// Records an edit made from `before` (the corrections are already the
    /// new ones): `before` goes on the undo stack and redo is forgotten.
    /// False when nothing changed (nothing recorded).
    pub fn record(&mut self, before: Corrections) -> bool {
        if before == self.corrections {
            return false;
        }
        self.undo.push(before);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        true
    }

    /// Undoes (`undo`) or redoes the last edit: the corrections become the
    /// state on that stack and the current one goes on the other. False
    /// when there is nothing to undo or redo.
    pub fn step_back(&mut self, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(state) = from.pop() else {
            return false;
        };
        to.push(std::mem::replace(&mut self.corrections, state));
        true
    }

    /// Forgets undo and redo (another folder, or a reading that changed
    /// what the corrections mean).
    pub fn forget_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::{Edits, UNDO_DEPTH};
    use crate::corrections::Corrections;

    /// Corrections that differ by `n`: `n` documents given a date.
    fn with_added(n: usize) -> Corrections {
        let mut c = Corrections::default();
        let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
        c.published = (0..n).map(|i| (format!("{i}.txt"), day)).collect();
        c
    }

    #[test]
    fn undo_and_redo_walk_the_corrections_back_and_forth() {
        let mut edits = Edits::default();
        assert!(!edits.step_back(true), "nothing to undo yet");
        for n in 1..=3 {
            let before = edits.corrections.clone();
            edits.corrections = with_added(n);
            assert!(edits.record(before));
        }
        assert!(edits.step_back(true));
        assert_eq!(edits.corrections, with_added(2));
        assert!(edits.step_back(true));
        assert_eq!(edits.corrections, with_added(1));
        assert!(edits.step_back(false));
        assert_eq!(edits.corrections, with_added(2));
        // A new edit forgets what could be redone.
        let before = edits.corrections.clone();
        edits.corrections = with_added(5);
        assert!(edits.record(before));
        assert!(!edits.step_back(false));
        assert!(edits.step_back(true));
        assert_eq!(edits.corrections, with_added(2));
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_recorded_and_history_is_bounded() {
        let mut edits = Edits::default();
        assert!(!edits.record(Corrections::default()));
        assert!(edits.undo.is_empty());
        for n in 1..=UNDO_DEPTH + 10 {
            let before = edits.corrections.clone();
            edits.corrections = with_added(n);
            edits.record(before);
        }
        assert_eq!(edits.undo.len(), UNDO_DEPTH);
        assert_eq!(edits.undo.first(), Some(&with_added(10)));
        edits.forget_history();
        assert!(edits.undo.is_empty() && edits.redo.is_empty());
    }
}
