//! What reading a folder produces: documents with their sentences and time
//! expressions, the events found in them, and problems — [`Analysis`] —,
//! and the pipeline that makes one document's share of it
//! ([`analyze_documents`]: repair → sentences → time expressions →
//! publication date → events). Reading whole folders is the ingest layer's.
//!
//! Nothing here reads the clock or touches the UI; it never fails as a whole.

use crate::corpus::{Document, Published};
use crate::events::{EventKind, Mention, Mentions, Modality, merge_groups};
use crate::hash::Fnv;
use crate::temporal::{Timex, YearSuggestion};
use crate::text::{CharMap, Sentence};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::Hasher as _;
use std::path::PathBuf;
use std::sync::Arc;

mod edit;
mod pipeline;

pub use edit::{EventEdit, EventKey, Origin};
pub use pipeline::{BATCH, analyze_document, analyze_documents};

/// Options of one analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Publication dates given by the user, by relative path; they always win.
    pub published: HashMap<String, NaiveDate>,
    /// The current year, passed in (the core never reads the clock): the
    /// upper bound of suggested publication years.
    pub current_year: Option<i32>,
}

/// One document after extraction. All offsets are bytes into `doc.text`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocAnalysis {
    /// The document as read.
    pub doc: Document,
    /// Its publication date, if known.
    pub published: Option<Published>,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Its time expressions, resolved against `published`.
    pub timexes: Vec<Timex>,
    /// Byte → char offsets of `doc.text` (rebuilt, not stored, by the cache).
    #[serde(skip)]
    pub chars: CharMap,
    /// Years the text allows when no publication date was found (a
    /// suggestion for the user, never applied by itself).
    pub year_suggestion: Option<YearSuggestion>,
}

/// An event on the timeline. Offsets are bytes into its document's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: hash of document path, kind and trigger offset.
    pub id: String,
    /// Index of the document in [`Analysis::docs`].
    pub doc: usize,
    /// Kind.
    pub kind: EventKind,
    /// Name of the rule that found it.
    #[serde(deserialize_with = "crate::text::names::de_static")]
    pub rule: crate::text::names::Name,
    /// Byte span of its sentence.
    pub sentence: (usize, usize),
    /// Byte span of its trigger word(s).
    pub trigger: (usize, usize),
    /// Index of the dating time expression in the document's timexes.
    pub timex: Option<usize>,
    /// TIMEX3 value of its date, if any.
    pub date: Option<String>,
    /// Inclusive day range of its date, when the date is on the calendar.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Countries and organisations involved (the gazetteer's names: shared,
    /// not a string per event).
    #[serde(deserialize_with = "crate::text::names::de_static_vec")]
    pub actors: Vec<crate::text::names::Name>,
    /// People involved.
    pub people: Vec<String>,
    /// Where it happened.
    pub place: Option<String>,
    /// Happened, planned, negated, uncertain.
    pub modality: Modality,
    /// Where its date comes from (`None` when undated).
    #[serde(default)]
    pub date_source: Option<crate::events::DateSource>,
    /// Other mentions of the same real event (recomputed after every read,
    /// so not cached).
    #[serde(skip)]
    pub merged_with: Merged,
    /// What the user changed, when anything (set when corrections are applied).
    #[serde(skip)]
    pub edit: Option<Box<EventEdit>>,
}

impl Event {
    /// Its date for a short label: the TIMEX3 value; `≈` and the day for a
    /// story's or publication day (no date of its own); else "undated".
    #[must_use]
    pub fn date_label(&self) -> String {
        match (&self.date, self.range) {
            (Some(value), _) => value.clone(),
            (None, Some((day, _))) => format!("≈{day}"),
            (None, None) => "undated".to_owned(),
        }
    }
}

/// A merge group's shared id list with (event, its place in the list) of
/// each member.
type GroupPlaces = (Arc<[String]>, Vec<(usize, usize)>);

/// The other mentions of the same real event as an event. The ids of a
/// merge group are kept once and shared by its members: a story told by
/// thousands of articles makes one list, not one per mention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Every member's id, sorted, this event's own among them.
    group: Option<Arc<[String]>>,
    /// This event's own id in `group`.
    own: usize,
}

impl Merged {
    /// Membership of `own_id` in `group` (sorted ids, `own_id` among them).
    #[must_use]
    pub fn new(group: Arc<[String]>, own_id: &str) -> Self {
        let own = group
            .iter()
            .position(|id| id == own_id)
            .unwrap_or(group.len());
        Self {
            group: (group.len() > 1).then_some(group),
            own,
        }
    }

    /// Merged with the mentions `ids` (tests, synthetic data).
    #[must_use]
    pub fn with(own_id: &str, ids: &[String]) -> Self {
        let mut all: Vec<String> = ids.to_vec();
        all.push(own_id.to_owned());
        all.sort();
        all.dedup();
        Self::new(all.into(), own_id)
    }

    /// The other mentions' ids, sorted.
    pub fn iter(&self) -> impl Iterator<Item = &String> {
        let own = self.own;
        self.group
            .iter()
            .flat_map(|g| g.iter())
            .enumerate()
            .filter(move |(i, _)| *i != own)
            .map(|(_, id)| id)
    }

    /// Number of other mentions.
    #[must_use]
    pub fn len(&self) -> usize {
        self.group
            .as_ref()
            .map_or(0, |g| g.len() - usize::from(self.own < g.len()))
    }

    /// Whether the event stands alone.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.group.is_none()
    }

    /// Whether `id` is another mention of it.
    #[must_use]
    pub fn contains(&self, id: &str) -> bool {
        self.iter().any(|m| m == id)
    }

    /// The group's shared id list (to rebuild groups after a split).
    #[must_use]
    pub fn group(&self) -> Option<&Arc<[String]>> {
        self.group.as_ref()
    }

    /// The other mentions' ids as a list (for exports).
    #[must_use]
    pub fn ids(&self) -> Vec<String> {
        self.iter().cloned().collect()
    }
}

/// A problem not tied to a readable document (walk errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Relative path.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The result of analysing a folder.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The folder.
    pub root: PathBuf,
    /// Documents, sorted by file path; the articles of one file (`file#N`)
    /// in their order in it.
    pub docs: Vec<DocAnalysis>,
    /// Events, in document then text order.
    pub events: Vec<Event>,
    /// Problems met walking the folder.
    pub problems: Vec<Problem>,
}

impl Analysis {
    /// The text of an event's sentence.
    #[must_use]
    pub fn sentence_text(&self, event: &Event) -> &str {
        self.docs
            .get(event.doc)
            .and_then(|d| d.doc.text.get(event.sentence.0..event.sentence.1))
            .unwrap_or_default()
    }

    /// The time expression that dates an event.
    #[must_use]
    pub fn timex_of(&self, event: &Event) -> Option<&Timex> {
        self.docs.get(event.doc)?.timexes.get(event.timex?)
    }
}

/// Problem recorded on a readable document without a publication date.
pub const NO_PUBLICATION_DATE: &str = "no publication date found: relative dates stay unresolved; set one in the app or with --published-dates";

/// What one document yields before it joins an [`Analysis`].
#[derive(Debug, Clone)]
pub struct AnalysedDoc {
    /// The document with its sentences and time expressions.
    pub doc: DocAnalysis,
    /// Its events (with `doc` index 0; fixed up when pushed).
    pub events: Vec<Event>,
}

impl Analysis {
    /// Fills every event's `merged_with` with the other mentions of the same
    /// real event (see [`crate::events::merge_groups`]).
    pub fn merge_mentions(&mut self) {
        let groups = self.merge_groups();
        self.set_merges(&groups);
    }

    /// The groups of events (indices) that are mentions of one real event:
    /// the slow part of [`Analysis::merge_mentions`], on a shared analysis.
    #[must_use]
    pub fn merge_groups(&self) -> Vec<Vec<usize>> {
        merge_groups(&EventMentions(self))
    }

    /// Sets every event's `merged_with` from [`Analysis::merge_groups`].
    pub fn set_merges(&mut self, groups: &[Vec<usize>]) {
        for event in &mut self.events {
            event.merged_with = Merged::default();
        }
        // Each group's shared id list and its members' places, made in
        // parallel (a million ids to copy), then set in one pass.
        let events = &self.events;
        let made: Vec<GroupPlaces> = groups
            .par_iter()
            .map(|group| {
                // Members sorted by id: a member's place in the shared list
                // is its place here (a search per member is quadratic in a
                // group of thousands). Equal ids share the first place, as
                // `Merged::new` does.
                let mut members: Vec<(&str, usize)> = group
                    .iter()
                    .filter_map(|&i| events.get(i).map(|e| (e.id.as_str(), i)))
                    .collect();
                members.sort_unstable();
                let shared: Arc<[String]> = members.iter().map(|&(id, _)| id.to_owned()).collect();
                let mut places = Vec::with_capacity(members.len());
                let (mut first, mut previous) = (0, None);
                for (place, &(id, i)) in members.iter().enumerate() {
                    if previous != Some(id) {
                        (first, previous) = (place, Some(id));
                    }
                    places.push((i, first));
                }
                (shared, places)
            })
            .collect();
        for (shared, places) in made {
            for (i, own) in places {
                if let Some(event) = self.events.get_mut(i) {
                    event.merged_with = Merged {
                        group: Some(Arc::clone(&shared)),
                        own,
                    };
                }
            }
        }
    }

    /// Puts documents appended in any order back in the order of the files
    /// they came from (`file_of_doc`: a file index per document, as handed
    /// by [`read_folder`]'s `partial` hook; documents of one file keep their
    /// order), events following their documents. In place: a folder's
    /// events are not copied to be sorted.
    pub fn put_in_path_order(&mut self, file_of_doc: &[usize]) {
        let count = self.docs.len();
        let file = |d: usize| file_of_doc.get(d).copied().unwrap_or(usize::MAX);
        let mut order: Vec<usize> = (0..count).collect();
        order.sort_by_key(|&d| file(d));
        // Every event belongs to a document (`push` makes it so).
        if order.iter().enumerate().all(|(new, &old)| new == old)
            || self.events.iter().any(|e| e.doc >= count)
        {
            return;
        }
        // Where each document goes, and where each event goes: events stay
        // grouped by document, in their order inside it.
        let mut doc_to = vec![0; count];
        for (new, &old) in order.iter().enumerate() {
            doc_to[old] = new;
        }
        let mut per_doc = vec![0usize; count];
        for e in &self.events {
            if let Some(n) = per_doc.get_mut(e.doc) {
                *n += 1;
            }
        }
        let mut start = vec![0usize; count];
        let mut at = 0;
        for &old in &order {
            start[old] = at;
            at += per_doc[old];
        }
        let mut event_to: Vec<usize> = Vec::with_capacity(self.events.len());
        for e in &mut self.events {
            event_to.push(start[e.doc]);
            start[e.doc] += 1;
            e.doc = doc_to[e.doc];
        }
        permute(&mut self.events, &mut event_to);
        permute(&mut self.docs, &mut doc_to);
    }

    /// Appends one analysed document and its events.
    pub fn push(&mut self, analysed: AnalysedDoc) {
        let index = self.docs.len();
        self.events.extend(analysed.events.into_iter().map(|mut e| {
            e.doc = index;
            e
        }));
        self.docs.push(analysed.doc);
    }
}

/// A folder's events as mentions for merging, each made when asked for
/// (a vector of them would be 150 MB for a million events).
struct EventMentions<'a>(&'a Analysis);

impl<'a> Mentions<'a> for EventMentions<'a> {
    fn count(&self) -> usize {
        self.0.events.len()
    }

    fn mention(&self, i: usize) -> Mention<'a> {
        let analysis = self.0;
        let Some(e) = analysis.events.get(i) else {
            return Mention {
                kind: "",
                date: None,
                doc: usize::MAX,
                trigger: "",
                actors: &[],
                people: &[],
                place: None,
                context: "",
                planned: false,
            };
        };
        let text = analysis.docs.get(e.doc).map_or("", |d| &*d.doc.text);
        Mention {
            kind: e.kind.as_str(),
            date: e.date.as_deref(),
            doc: e.doc,
            trigger: text.get(e.trigger.0..e.trigger.1).unwrap_or_default(),
            actors: &e.actors,
            people: &e.people,
            place: e.place.as_deref(),
            context: text.get(e.trigger.0..e.sentence.1).unwrap_or_default(),
            planned: e.modality == Modality::Planned,
        }
    }

    fn doc(&self, i: usize) -> usize {
        self.0.events.get(i).map_or(usize::MAX, |e| e.doc)
    }
}

/// Moves each `items[i]` to `items[to[i]]` (`to` a permutation), by
/// following its cycles: no second vector of items.
fn permute<T>(items: &mut [T], to: &mut [usize]) {
    for i in 0..items.len().min(to.len()) {
        while let Some(&j) = to.get(i)
            && j != i
            && j < items.len()
        {
            items.swap(i, j);
            to.swap(i, j);
        }
    }
}

/// A short stable id (FNV-1a over path, kind and trigger char offset).
#[must_use]
pub fn event_id(path: &str, kind: EventKind, trigger_char: usize) -> String {
    let mut hash = Fnv::default();
    hash.write(path.as_bytes());
    hash.write(&[0]);
    hash.write(kind.as_str().as_bytes());
    hash.write(&trigger_char.to_le_bytes());
    let hash = hash.finish();
    format!("{hash:016x}")
}

#[cfg(test)]
mod model_tests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod tests;
