//! What ties an event to the user's corrections: the key that finds a
//! machine-found event again in a later reading, and the edit an event
//! carries once corrections are applied (the corrections layer above).

use crate::events::EventKind;
use serde::{Deserialize, Serialize};

/// What identifies a machine-found event across readings of its folder.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventKey {
    /// Document path (with `#N` inside a multi-article file).
    pub path: String,
    /// The kind the machine gave it.
    pub kind: EventKind,
    /// The trigger's words.
    pub trigger: String,
    /// The sentence's words, spaces collapsed.
    pub sentence: String,
}

impl Default for EventKey {
    fn default() -> Self {
        Self {
            path: String::new(),
            kind: EventKind::Statement,
            trigger: String::new(),
            sentence: String::new(),
        }
    }
}

/// What the user did to an event, carried by the event once applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventEdit {
    /// Where the edit is kept.
    pub origin: Origin,
    /// The user's note.
    pub note: String,
    /// The user's tags.
    pub tags: Vec<String>,
    /// What was changed: "date", "kind", "split", "added".
    pub changed: Vec<&'static str>,
}

/// Where an event's corrections are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A machine-found event with this key.
    Found(EventKey),
    /// The user's `n`th added event.
    Added(usize),
}
