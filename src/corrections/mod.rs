//! What the user corrected: publication dates, event dates and kinds, hidden
//! events, added events, notes, tags and split merges.
//!
//! Corrections live beside the articles in `.dateline/corrections.json`
//! (see [`sidecar`]) and are re-applied to every fresh reading of the folder
//! by [`apply`]. They are keyed by what the user saw, not by offsets: the
//! document's path, the machine's kind, the trigger's words and the
//! sentence's words. An edit elsewhere in the file therefore keeps them; an
//! edit of the sentence itself keeps them when the sentence is still mostly
//! the same (see [`SIMILAR_SENTENCE`]); otherwise they are reported as
//! orphans and kept in the file, never dropped.

pub mod sidecar;
#[cfg(test)]
mod tests;

use crate::analysis::{AnalysedDoc, Analysis, Event, Merged, Options, analyze_document};
pub use crate::analysis::{EventEdit, EventKey, Origin};
use crate::corpus::PublishedSource;
use crate::events::{EventKind, Gazetteer, Modality, find_people};
use crate::temporal::{Tagger, TimexType, range_of_value};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Version of the sidecar format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Share of words two versions of a sentence must have in common for a
/// correction to follow the sentence through an edit.
pub const SIMILAR_SENTENCE: f64 = 0.6;

/// Rule name of events the user added.
pub const ADDED_RULE: &str = "user.added";

/// Every correction of one folder (the sidecar's content).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    /// Format version ([`FORMAT_VERSION`] when written by this build).
    pub version: u32,
    /// Publication dates set by the user, by document path.
    #[serde(default)]
    pub published: BTreeMap<String, NaiveDate>,
    /// Changes to events the machine found.
    #[serde(default)]
    pub events: Vec<EventFix>,
    /// Events the user added.
    #[serde(default)]
    pub added: Vec<AddedEvent>,
}

impl Default for Corrections {
    fn default() -> Self {
        Self {
            version: FORMAT_VERSION,
            published: BTreeMap::new(),
            events: Vec::new(),
            added: Vec::new(),
        }
    }
}

/// The user's changes to one machine-found event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventFix {
    /// Which event.
    pub key: EventKey,
    /// Its date, as the user set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateFix>,
    /// Its kind, as the user set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// Hidden: a false event.
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    /// Taken out of its merge group.
    #[serde(default, skip_serializing_if = "is_false")]
    pub split: bool,
    /// The user's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The user's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// A date set by the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateFix {
    /// A TIMEX3 value (`2017-08-05`, `2017-W31`, `2017-08`, `2017`).
    Value(String),
    /// No date: the event goes to the tray.
    Undated,
}

/// An event the user added from a stretch of a document's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddedEvent {
    /// Document path.
    pub path: String,
    /// Kind.
    pub kind: EventKind,
    /// The selected words (the trigger).
    pub text: String,
    /// The sentence they are in, spaces collapsed.
    pub sentence: String,
    /// Its date, a TIMEX3 value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Hidden (kept so that undoing an addition is itself undoable).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hidden: bool,
    /// The user's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The user's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's signature")]
fn is_false(b: &bool) -> bool {
    !*b
}

/// Spaces collapsed, so that reflowing a paragraph keeps the key.
#[must_use]
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Share of distinct words two texts have in common (Jaccard).
#[must_use]
pub fn similarity(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    #[expect(clippy::cast_precision_loss, reason = "word counts")]
    let share = a.intersection(&b).count() as f64 / union as f64;
    share
}

/// The key of a machine-found event as it stands in `analysis`.
#[must_use]
pub fn key_of(analysis: &Analysis, event: &Event) -> Option<EventKey> {
    if let Some(edit) = &event.edit {
        return match &edit.origin {
            Origin::Found(key) => Some(key.clone()),
            Origin::Added(_) => None,
        };
    }
    let doc = analysis.docs.get(event.doc)?;
    Some(EventKey {
        path: doc.doc.path.clone(),
        kind: event.kind,
        trigger: normalize(doc.doc.text.get(event.trigger.0..event.trigger.1)?),
        sentence: normalize(analysis.sentence_text(event)),
    })
}

impl Corrections {
    /// Whether there is nothing to apply.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.published.is_empty() && self.events.is_empty() && self.added.is_empty()
    }

    /// The fix of the event with `key`, created empty when there is none.
    pub fn fix_mut(&mut self, key: &EventKey) -> &mut EventFix {
        let at = if let Some(at) = self.events.iter().position(|f| &f.key == key) {
            at
        } else {
            self.events.push(EventFix {
                key: key.clone(),
                ..EventFix::default()
            });
            self.events.len() - 1
        };
        &mut self.events[at]
    }

    /// Changes an event (machine-found or added) through `edit`, which sees
    /// the event's common fields.
    pub fn edit_event(&mut self, origin: &Origin, edit: impl FnOnce(Fields<'_>)) {
        match origin {
            Origin::Found(key) => {
                let fix = self.fix_mut(key);
                edit(Fields {
                    date: FieldDate::Found(&mut fix.date),
                    kind: &mut fix.kind,
                    hidden: &mut fix.hidden,
                    split: Some(&mut fix.split),
                    note: &mut fix.note,
                    tags: &mut fix.tags,
                });
            }
            Origin::Added(n) => {
                if let Some(added) = self.added.get_mut(*n) {
                    let mut kind = Some(added.kind);
                    edit(Fields {
                        date: FieldDate::Added(&mut added.date),
                        kind: &mut kind,
                        hidden: &mut added.hidden,
                        split: None,
                        note: &mut added.note,
                        tags: &mut added.tags,
                    });
                    if let Some(kind) = kind {
                        added.kind = kind;
                    }
                }
            }
        }
        self.events.retain(|f| !f.is_noop());
    }
}

impl EventFix {
    fn is_noop(&self) -> bool {
        self.date.is_none()
            && self.kind.is_none_or(|k| k == self.key.kind)
            && !self.hidden
            && !self.split
            && self.note.is_empty()
            && self.tags.is_empty()
    }
}

/// The editable fields of one event, whichever way it is kept.
pub struct Fields<'a> {
    /// Its date.
    pub date: FieldDate<'a>,
    /// Its kind (None: the machine's).
    pub kind: &'a mut Option<EventKind>,
    /// Hidden.
    pub hidden: &'a mut bool,
    /// Split from its merge group (machine-found events only).
    pub split: Option<&'a mut bool>,
    /// Note.
    pub note: &'a mut String,
    /// Tags.
    pub tags: &'a mut Vec<String>,
}

/// The date field of [`Fields`].
pub enum FieldDate<'a> {
    /// A machine-found event's date fix.
    Found(&'a mut Option<DateFix>),
    /// An added event's date.
    Added(&'a mut Option<String>),
}

impl FieldDate<'_> {
    /// Sets the date (None: undated).
    pub fn set(&mut self, value: Option<String>) {
        match self {
            Self::Found(fix) => {
                **fix = Some(value.map_or(DateFix::Undated, DateFix::Value));
            }
            Self::Added(date) => **date = value,
        }
    }

    /// Goes back to the machine's date (an added event becomes undated).
    pub fn reset(&mut self) {
        match self {
            Self::Found(fix) => **fix = None,
            Self::Added(date) => **date = None,
        }
    }
}

/// Reads a date the user typed: a TIMEX3 value on the calendar
/// (`2017-08-05`, `2017-W31`, `2017-08`, `2017-Q3`, `2017`, `199`) or words
/// the tagger resolves against `anchor` ("5 August 2017", "last Tuesday").
///
/// # Errors
/// A message for the user when the text names no calendar date.
pub fn parse_user_date(
    input: &str,
    anchor: Option<NaiveDate>,
    tagger: &Tagger,
) -> Result<(String, (NaiveDate, NaiveDate)), String> {
    let input = input.trim();
    if let Some(range) = range_of_value(input) {
        return Ok((input.to_owned(), range));
    }
    tagger
        .tag(input, anchor)
        .into_iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .find_map(|t| t.range.map(|r| (t.value, r)))
        .ok_or_else(|| {
            let hint = if anchor.is_none() {
                " (this document has no publication date, so relative dates cannot resolve)"
            } else {
                ""
            };
            format!(
                "“{input}” is not a date on the calendar{hint}: write 2017-08-05, 2017-08, 2017-W31, 2017 or a date in words"
            )
        })
}

/// What [`apply`] could not place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Event fixes whose event is no longer in the text.
    pub orphan_fixes: usize,
    /// Added events whose text is no longer in their document.
    pub orphan_added: usize,
    /// Publication dates for documents no longer in the folder.
    pub orphan_published: usize,
}

impl Report {
    /// A line for the status bar, when something is orphaned.
    #[must_use]
    pub fn message(&self) -> Option<String> {
        let total = self.orphan_fixes + self.orphan_added + self.orphan_published;
        (total > 0).then(|| {
            format!(
                "{total} correction(s) no longer match the text (kept in the sidecar): {} event, {} added, {} publication date",
                self.orphan_fixes, self.orphan_added, self.orphan_published
            )
        })
    }
}

/// `base` (a reading of the folder) with `corrections` applied: documents
/// with a user publication date re-resolved, fixes applied, hidden events
/// taken out, added events put in, mentions merged again and split ones
/// taken out of their group.
#[must_use]
pub fn apply(
    base: &Analysis,
    corrections: &Corrections,
    tagger: &Tagger,
    options: &Options,
) -> (Analysis, Report) {
    let mut report = Report::default();
    let by_path: HashMap<&str, usize> = base
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.doc.path.as_str(), i))
        .collect();
    report.orphan_published = corrections
        .published
        .keys()
        .filter(|p| !by_path.contains_key(p.as_str()))
        .count();

    // Documents re-read with the user's date, and every document's events.
    let mut out = Analysis {
        root: base.root.clone(),
        docs: Vec::with_capacity(base.docs.len()),
        events: Vec::with_capacity(base.events.len()),
        problems: base.problems.clone(),
    };
    let mut base_events = base.events.iter().peekable();
    for (index, doc) in base.docs.iter().enumerate() {
        let mine: Vec<Event> = std::iter::from_fn(|| base_events.next_if(|e| e.doc == index))
            .cloned()
            .collect();
        let wanted = corrections.published.get(&doc.doc.path);
        let current = doc
            .published
            .as_ref()
            .filter(|p| p.source == PublishedSource::User)
            .map(|p| p.date);
        match wanted {
            Some(&date) if current != Some(date) => {
                let mut document = doc.doc.clone();
                document
                    .problems
                    .retain(|p| p != crate::analysis::NO_PUBLICATION_DATE);
                let mut options = options.clone();
                options.published.insert(document.path.clone(), date);
                out.push(analyze_document(document, tagger, &options));
            }
            _ => out.push(AnalysedDoc {
                doc: doc.clone(),
                events: mine,
            }),
        }
    }

    apply_fixes(&mut out, corrections, &mut report);
    add_events(&mut out, corrections, &mut report);
    out.merge_mentions();
    split_merges(&mut out);
    (out, report)
}

/// Applies each fix to the event it matches (exact sentence first, then
/// the most similar one); removes hidden events.
fn apply_fixes(analysis: &mut Analysis, corrections: &Corrections, report: &mut Report) {
    if corrections.events.is_empty() {
        return;
    }
    let keys: Vec<Option<EventKey>> = analysis
        .events
        .iter()
        .map(|e| key_of(analysis, e))
        .collect();
    let mut by_trigger: HashMap<(&str, EventKind, &str), Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        if let Some(k) = key {
            by_trigger
                .entry((k.path.as_str(), k.kind, k.trigger.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut taken = vec![false; analysis.events.len()];
    let mut assigned: Vec<Option<usize>> = vec![None; corrections.events.len()];
    // Exact matches first, so that a fuzzy match never steals an exact one.
    for exact in [true, false] {
        for (f, fix) in corrections.events.iter().enumerate() {
            if assigned[f].is_some() {
                continue;
            }
            let k = &fix.key;
            let Some(candidates) = by_trigger.get(&(k.path.as_str(), k.kind, k.trigger.as_str()))
            else {
                continue;
            };
            let best = candidates
                .iter()
                .filter(|&&i| !taken[i])
                .filter_map(|&i| {
                    let sentence = &keys[i].as_ref()?.sentence;
                    let score = if *sentence == k.sentence {
                        2.0
                    } else if exact {
                        return None;
                    } else {
                        similarity(sentence, &k.sentence)
                    };
                    (score >= SIMILAR_SENTENCE).then_some((i, score))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = best {
                taken[i] = true;
                assigned[f] = Some(i);
            }
        }
    }
    report.orphan_fixes = assigned.iter().filter(|a| a.is_none()).count();
    let mut hidden = vec![false; analysis.events.len()];
    for (fix, at) in corrections.events.iter().zip(&assigned) {
        let Some(i) = *at else { continue };
        let Some(event) = analysis.events.get_mut(i) else {
            continue;
        };
        let mut changed = Vec::new();
        if let Some(kind) = fix.kind.filter(|k| *k != event.kind) {
            event.kind = kind;
            changed.push("kind");
        }
        match &fix.date {
            Some(DateFix::Value(value)) => {
                event.date = Some(value.clone());
                event.range = range_of_value(value);
                event.date_source = Some(crate::events::DateSource::User);
                event.timex = None;
                changed.push("date");
            }
            Some(DateFix::Undated) => {
                event.date = None;
                event.range = None;
                event.date_source = None;
                event.timex = None;
                changed.push("date");
            }
            None => {}
        }
        if fix.split {
            changed.push("split");
        }
        event.edit = Some(Box::new(EventEdit {
            origin: Origin::Found(fix.key.clone()),
            note: fix.note.clone(),
            tags: fix.tags.clone(),
            changed,
        }));
        hidden[i] = fix.hidden;
    }
    let mut flags = hidden.into_iter();
    analysis.events.retain(|_| !flags.next().unwrap_or(false));
}

/// Puts the user's added events in, each in its document at its text.
fn add_events(analysis: &mut Analysis, corrections: &Corrections, report: &mut Report) {
    if corrections.added.is_empty() {
        return;
    }
    for (n, added) in corrections.added.iter().enumerate() {
        if added.hidden {
            continue;
        }
        match added_event(analysis, n, added) {
            Some(event) => analysis.events.push(event),
            None => report.orphan_added += 1,
        }
    }
    // Back in document then text order.
    analysis
        .events
        .sort_by(|a, b| a.doc.cmp(&b.doc).then(a.trigger.0.cmp(&b.trigger.0)));
}

fn added_event(analysis: &Analysis, n: usize, added: &AddedEvent) -> Option<Event> {
    let index = analysis
        .docs
        .iter()
        .position(|d| d.doc.path == added.path)?;
    let doc = analysis.docs.get(index)?;
    let text = &*doc.doc.text;
    let sentence_of =
        |s: &crate::text::Sentence| normalize(text.get(s.start..s.end)?.trim()).into();
    let mut best: Option<(crate::text::Sentence, f64)> = None;
    for s in &doc.sentences {
        let Some(words): Option<String> = sentence_of(s) else {
            continue;
        };
        let score = if words == added.sentence {
            2.0
        } else {
            similarity(&words, &added.sentence)
        };
        if score >= SIMILAR_SENTENCE && best.is_none_or(|(_, b)| score > b) {
            best = Some((*s, score));
        }
    }
    let (sentence, _) = best?;
    let body = text.get(sentence.start..sentence.end)?;
    let at = find_words(body, &added.text)?;
    let trigger = (sentence.start + at.0, sentence.start + at.1);
    let gazetteer = Gazetteer::get();
    let mut actors: Vec<&'static str> = Vec::new();
    for entity in gazetteer.find(body) {
        let name = entity.country.unwrap_or(entity.name);
        if !actors.contains(&name) {
            actors.push(name);
        }
    }
    let mut people: Vec<String> = Vec::new();
    for person in find_people(body, gazetteer) {
        if !people.contains(&person.name) {
            people.push(person.name);
        }
    }
    Some(Event {
        id: crate::analysis::event_id(
            &format!("{}\u{0}user{n}", added.path),
            added.kind,
            doc.chars.char_of(trigger.0),
        ),
        doc: index,
        kind: added.kind,
        rule: ADDED_RULE,
        sentence: (sentence.start, sentence.end),
        trigger,
        timex: None,
        date: added.date.clone(),
        range: added.date.as_deref().and_then(range_of_value),
        actors,
        people,
        place: None,
        modality: Modality::Happened,
        date_source: None,
        merged_with: Merged::default(),
        edit: Some(Box::new(EventEdit {
            origin: Origin::Added(n),
            note: added.note.clone(),
            tags: added.tags.clone(),
            changed: vec!["added"],
        })),
    })
}

/// Byte span of `words` in `body`, spaces and case aside.
fn find_words(body: &str, words: &str) -> Option<(usize, usize)> {
    let wanted: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    let first = wanted.first()?;
    let tokens: Vec<(usize, &str)> = body
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - body.as_ptr() as usize, w))
        .collect();
    (0..tokens.len()).find_map(|start| {
        let window = tokens.get(start..start + wanted.len())?;
        let (s, w0) = window.first()?;
        // The first and last words may be parts of tokens ("Moscow," or "(visit").
        let matches = window
            .iter()
            .zip(&wanted)
            .enumerate()
            .all(|(i, ((_, w), x))| {
                let w = w.to_lowercase();
                if wanted.len() == 1 {
                    w.contains(x.as_str())
                } else if i == 0 {
                    w.ends_with(x.as_str())
                } else if i + 1 == wanted.len() {
                    w.starts_with(x.as_str())
                } else {
                    w == *x
                }
            });
        if !matches {
            return None;
        }
        let lower0 = w0.to_lowercase();
        let offset0 = if lower0.len() == w0.len() {
            lower0.find(first.as_str()).unwrap_or(0)
        } else {
            0
        };
        let (e, wl) = window.last()?;
        let last = wanted.last()?;
        let lower_last = wl.to_lowercase();
        let end = if lower_last.len() == wl.len() {
            lower_last
                .find(last.as_str())
                .map_or(wl.len(), |p| p + last.len())
        } else {
            wl.len()
        };
        Some((s + offset0, e + end))
    })
}

/// Takes events the user split out of their merge groups.
fn split_merges(analysis: &mut Analysis) {
    let split: HashSet<String> = analysis
        .events
        .iter()
        .filter(|e| {
            e.edit
                .as_ref()
                .is_some_and(|x| x.changed.contains(&"split"))
        })
        .map(|e| e.id.clone())
        .collect();
    if split.is_empty() {
        return;
    }
    // Each group loses its split members; the rest stay together.
    let mut rebuilt: HashMap<*const [String], Arc<[String]>> = HashMap::new();
    for event in &mut analysis.events {
        if split.contains(&event.id) {
            event.merged_with = Merged::default();
            continue;
        }
        let Some(group) = event.merged_with.group() else {
            continue;
        };
        let kept = rebuilt
            .entry(Arc::as_ptr(group))
            .or_insert_with(|| {
                group
                    .iter()
                    .filter(|id| !split.contains(*id))
                    .cloned()
                    .collect::<Vec<_>>()
                    .into()
            })
            .clone();
        event.merged_with = Merged::new(kept, &event.id);
    }
}

/// A folder's sidecar, read, and its corrections applied to an analysis.
#[derive(Debug)]
pub struct Opened {
    /// Where the corrections are kept (and the next edit is saved).
    pub sidecar: sidecar::Sidecar,
    /// The corrections read (empty when there are none or they could not be read).
    pub corrections: Corrections,
    /// The analysis with them applied; None when there were none to apply.
    pub corrected: Option<Analysis>,
    /// What the user must be told (a sidecar set aside, orphaned corrections).
    pub messages: Vec<String>,
}

/// Reads the sidecar of `analysis`' folder and applies its corrections: the
/// one place a folder's corrections are opened (the window and
/// `dateline export` both come here).
#[must_use]
pub fn open_sidecar(analysis: &Analysis, tagger: &Tagger, options: &Options) -> Opened {
    let sidecar = sidecar::Sidecar::of(&analysis.root);
    let loaded = sidecar.load();
    let mut messages: Vec<String> = loaded.message.into_iter().collect();
    let corrected = (!loaded.corrections.is_empty()).then(|| {
        let (corrected, report) = apply(analysis, &loaded.corrections, tagger, options);
        messages.extend(report.message());
        corrected
    });
    Opened {
        sidecar,
        corrections: loaded.corrections,
        corrected,
        messages,
    }
}

/// `analysis` with the corrections kept in its folder's sidecar applied
/// (what `dateline export` writes), and what the user must be told.
#[must_use]
pub fn with_sidecar(analysis: Analysis, options: &Options) -> (Analysis, Vec<String>) {
    let opened = open_sidecar(&analysis, &Tagger::new(), options);
    (opened.corrected.unwrap_or(analysis), opened.messages)
}
