//! Corrections from the window: each edit is saved to the sidecar at once,
//! pushed on the undo stack and re-applied to the folder as read.

use super::{AppState, Read};
use crate::analysis::{Analysis, Event, Options};
use crate::corrections::{
    self, AddedEvent, Corrections, Origin, key_of, normalize, parse_user_date,
};
use crate::events::EventKind;
use crate::temporal::Tagger;
use std::sync::Arc;

/// The correction dialog's fields, as the user typed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDraft {
    /// The date: a TIMEX3 value or words; empty keeps the machine's.
    pub date: String,
    /// No date at all (the event goes to the tray).
    pub undated: bool,
    /// The kind.
    pub kind: EventKind,
    /// A false event.
    pub hidden: bool,
    /// Not the same event as the reports it was merged with.
    pub split: bool,
    /// A note.
    pub note: String,
    /// Tags, separated by commas.
    pub tags: String,
}

impl EventDraft {
    /// The dialog's starting point for `event`.
    #[must_use]
    pub fn of(event: &Event) -> Self {
        let edit = event.edit.as_deref();
        Self {
            date: event.date.clone().unwrap_or_default(),
            undated: false,
            kind: event.kind,
            hidden: false,
            split: edit.is_some_and(|e| e.changed.contains(&"split")),
            note: edit.map(|e| e.note.clone()).unwrap_or_default(),
            tags: edit.map(|e| e.tags.join(", ")).unwrap_or_default(),
        }
    }
}

/// The add-event dialog's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddDraft {
    /// Index of the document.
    pub doc: usize,
    /// Byte span of the selected text (the trigger).
    pub span: (usize, usize),
    /// The kind.
    pub kind: EventKind,
    /// The date: a TIMEX3 value or words; empty for undated.
    pub date: String,
    /// A note.
    pub note: String,
    /// Tags, separated by commas.
    pub tags: String,
}

fn split_tags(tags: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !out.iter().any(|o| o == tag) {
            out.push(tag.to_owned());
        }
    }
    out
}

/// Reads the folder's sidecar and applies it (on the reading thread).
pub(super) fn read_corrections(base: Arc<Analysis>, options: &Options) -> Read {
    let tagger = Arc::new(Tagger::new());
    let opened = corrections::open_sidecar(&base, &tagger, options);
    Read {
        base,
        merges: None,
        corrected: opened.corrected,
        corrections: opened.corrections,
        sidecar: opened.sidecar,
        notices: opened.messages,
        tagger,
        reused: (0, 0),
    }
}

impl AppState {
    /// The publication date that anchors relative dates typed for `doc`.
    fn anchor_of(&self, doc: usize) -> Option<chrono::NaiveDate> {
        let analysis = self.edits.analysis.as_ref()?;
        analysis.docs.get(doc)?.published.as_ref().map(|p| p.date)
    }

    /// The machine's version of an event, by id.
    fn machine_event(&self, id: &str) -> Option<&Event> {
        self.edits.base.as_ref()?.events.iter().find(|e| e.id == id)
    }

    fn origin_of(&self, event: usize) -> Option<(Origin, Event)> {
        let analysis = self.edits.analysis.as_ref()?;
        let event = analysis.events.get(event)?;
        let origin = match event.edit.as_deref() {
            Some(edit) => edit.origin.clone(),
            None => Origin::Found(key_of(analysis, event)?),
        };
        Some((origin, event.clone()))
    }

    /// Saves the dialog's changes to an event.
    pub(super) fn correct_event(&mut self, index: usize, draft: &EventDraft) {
        let Some((origin, event)) = self.origin_of(index) else {
            return;
        };
        let tagger = self.edits.tagger.clone();
        let date = if draft.undated || draft.date.trim().is_empty() {
            None
        } else {
            let Some(tagger) = tagger else { return };
            match parse_user_date(&draft.date, self.anchor_of(event.doc), &tagger) {
                Ok((value, _)) => Some(value),
                Err(message) => {
                    self.dialogs.edit_error = Some(message);
                    return;
                }
            }
        };
        let machine = self.machine_event(&event.id).cloned();
        let before = self.edits.corrections.clone();
        self.edits.corrections.edit_event(&origin, |mut fields| {
            let machine_date = machine.as_ref().and_then(|m| m.date.clone());
            match (&origin, draft.undated, date) {
                (_, true, _) => fields.date.set(None),
                (Origin::Found(_), false, None) => fields.date.reset(),
                (Origin::Found(_), false, Some(value)) if Some(&value) == machine_date.as_ref() => {
                    fields.date.reset();
                }
                (_, false, value) => fields.date.set(value),
            }
            let machine_kind = machine.as_ref().map_or(draft.kind, |m| m.kind);
            *fields.kind = match origin {
                Origin::Found(_) if draft.kind == machine_kind => None,
                _ => Some(draft.kind),
            };
            *fields.hidden = draft.hidden;
            if let Some(split) = fields.split {
                *split = draft.split;
            }
            draft.note.trim().clone_into(fields.note);
            *fields.tags = split_tags(&draft.tags);
        });
        self.dialogs.editing = None;
        self.commit(before, Some(event.id));
    }

    /// Hides an event.
    pub(super) fn hide_event(&mut self, index: usize) {
        let Some((origin, _)) = self.origin_of(index) else {
            return;
        };
        let before = self.edits.corrections.clone();
        self.edits
            .corrections
            .edit_event(&origin, |fields| *fields.hidden = true);
        self.dialogs.editing = None;
        self.commit(before, None);
        self.status = Some("event hidden (Ctrl+Z brings it back)".to_owned());
    }

    /// Sets or clears a document's publication date.
    pub(super) fn set_published(&mut self, doc: usize, input: Option<&str>) {
        let Some(path) = self
            .edits
            .analysis
            .as_ref()
            .and_then(|a| a.docs.get(doc))
            .map(|d| d.doc.path.clone())
        else {
            return;
        };
        let before = self.edits.corrections.clone();
        match input {
            None => {
                self.edits.corrections.published.remove(&path);
            }
            Some(input) => {
                let Some(tagger) = self.edits.tagger.clone() else {
                    return;
                };
                match parse_user_date(input, None, &tagger) {
                    Ok((_, (first, last))) if first == last => {
                        self.edits.corrections.published.insert(path, first);
                    }
                    Ok((value, _)) => {
                        self.dialogs.edit_error = Some(format!(
                            "a publication date is one day; “{input}” is {value}"
                        ));
                        return;
                    }
                    Err(message) => {
                        self.dialogs.edit_error = Some(message);
                        return;
                    }
                }
            }
        }
        self.dialogs.editing_published = None;
        let selected = self.selected_id();
        self.commit(before, selected);
    }

    /// Adds an event from the add dialog.
    pub(super) fn add_event(&mut self, draft: &AddDraft) {
        let Some(analysis) = self.edits.analysis.clone() else {
            return;
        };
        let Some(doc) = analysis.docs.get(draft.doc) else {
            return;
        };
        let text = doc.doc.text.get(draft.span.0..draft.span.1).unwrap_or("");
        if text.trim().is_empty() {
            self.dialogs.edit_error = Some("select the words that name the event first".to_owned());
            return;
        }
        let Some(sentence) = doc
            .sentences
            .iter()
            .find(|s| s.start <= draft.span.0 && draft.span.0 < s.end.max(s.start + 1))
            .and_then(|s| doc.doc.text.get(s.start..s.end))
        else {
            self.dialogs.edit_error = Some("the selection is not inside a sentence".to_owned());
            return;
        };
        let date = if draft.date.trim().is_empty() {
            None
        } else {
            let Some(tagger) = self.edits.tagger.clone() else {
                return;
            };
            let anchor = doc.published.as_ref().map(|p| p.date);
            match parse_user_date(&draft.date, anchor, &tagger) {
                Ok((value, _)) => Some(value),
                Err(message) => {
                    self.dialogs.edit_error = Some(message);
                    return;
                }
            }
        };
        let before = self.edits.corrections.clone();
        // Only the part inside the sentence names the event.
        let trigger: String = normalize(text)
            .split(' ')
            .filter(|w| sentence.contains(w))
            .collect::<Vec<_>>()
            .join(" ");
        self.edits.corrections.added.push(AddedEvent {
            path: doc.doc.path.clone(),
            kind: draft.kind,
            text: trigger,
            sentence: normalize(sentence.trim()),
            date,
            hidden: false,
            note: draft.note.trim().to_owned(),
            tags: split_tags(&draft.tags),
        });
        self.dialogs.adding = None;
        let n = self.edits.corrections.added.len() - 1;
        self.commit(before, None);
        let added = self.edits.analysis.as_ref().and_then(|a| {
            a.events.iter().position(|e| {
                e.edit
                    .as_ref()
                    .is_some_and(|x| x.origin == Origin::Added(n))
            })
        });
        if added.is_none() {
            self.status = Some("the event was kept but its text could not be placed".to_owned());
        }
        self.select(added);
    }

    /// Undoes (true) or redoes (false) one correction.
    pub(super) fn undo_redo(&mut self, undo: bool) {
        if !self.edits.step_back(undo) {
            self.status = Some(
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                }
                .into(),
            );
            return;
        }
        let selected = self.selected_id();
        self.save_and_apply(selected);
        if self.status.is_none() {
            self.status = Some(if undo { "undone" } else { "redone" }.into());
        }
    }

    /// Records an edit (`before` was the state before it) and shows it.
    fn commit(&mut self, before: Corrections, select: Option<String>) {
        if self.edits.record(before) {
            self.save_and_apply(select);
        }
    }

    /// Writes the sidecar and re-applies the corrections, keeping the view
    /// and selecting the event with id `select` if it is still there.
    fn save_and_apply(&mut self, select: Option<String>) {
        self.status = None;
        self.dialogs.edit_error = None;
        if let Some(sidecar) = &self.edits.sidecar {
            self.status = match sidecar.save(&self.edits.corrections) {
                Ok(path) if path == sidecar.fallback => Some(format!(
                    "the folder cannot be written: corrections are kept in {}",
                    path.display()
                )),
                Ok(_) => None,
                Err(err) => Some(format!("corrections NOT saved: {err}")),
            };
        }
        let (Some(base), Some(tagger)) = (self.edits.base.clone(), self.edits.tagger.clone())
        else {
            return;
        };
        let (analysis, report) = corrections::apply(
            &base,
            &self.edits.corrections,
            &tagger,
            &self.folder.options,
        );
        if self.status.is_none() {
            self.status = report.message();
        }
        self.install(Arc::new(analysis));
        self.apply_filter();
        let index = select.and_then(|id| {
            self.edits
                .analysis
                .as_ref()
                .and_then(|a| a.events.iter().position(|e| e.id == id))
        });
        self.view.selected = None;
        self.select(index);
    }
}
