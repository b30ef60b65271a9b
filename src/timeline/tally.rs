//! Whole-folder tallies the window rebuilds with its index: how often each
//! actor is named (the filter's actor menu), which events each document has
//! (the source pane) and which documents the tray lists. They are rebuilt
//! on every partial update of a large read, so each is a pass or two over
//! the events or documents, with no allocation per event or document.

use crate::analysis::{Analysis, Event, NO_PUBLICATION_DATE};
use crate::hash::FnvBuild;
use rayon::prelude::*;
use std::collections::HashMap;

/// What the tray lists about documents: those without a publication date
/// and every other problem recorded on a document, as indexes, so that a
/// frame does not scan the folder's documents.
#[derive(Debug, Clone, Default)]
pub struct DocTray {
    /// Documents without a publication date, in document order.
    pub undated: Vec<u32>,
    /// (document, its problem) of every problem but the missing date.
    pub problems: Vec<(u32, u32)>,
}

impl DocTray {
    /// The tray of `analysis`'s documents.
    #[must_use]
    pub fn new(analysis: &Analysis) -> Self {
        let mut tray = Self::default();
        for (d, doc) in analysis.docs.iter().enumerate() {
            let Ok(d) = u32::try_from(d) else { break };
            for (p, problem) in doc.doc.problems.iter().enumerate() {
                if problem == NO_PUBLICATION_DATE {
                    if tray.undated.last() != Some(&d) {
                        tray.undated.push(d);
                    }
                } else if let Ok(p) = u32::try_from(p) {
                    tray.problems.push((d, p));
                }
            }
        }
        tray
    }

    /// Problem `row` of the tray's list: the folder's own problems first
    /// (unreadable files), then the documents': (path, message).
    #[must_use]
    pub fn problem<'a>(&self, analysis: &'a Analysis, row: usize) -> Option<(&'a str, &'a str)> {
        if let Some(p) = analysis.problems.get(row) {
            return Some((&p.path, &p.message));
        }
        let &(d, p) = self.problems.get(row - analysis.problems.len())?;
        let doc = &analysis.docs.get(d as usize)?.doc;
        Some((&doc.path, doc.problems.get(p as usize)?))
    }

    /// Number of problems listed (the folder's and the documents').
    #[must_use]
    pub fn problem_count(&self, analysis: &Analysis) -> usize {
        analysis.problems.len() + self.problems.len()
    }
}

/// Each actor with the number of events naming it, most named first (ties
/// by name).
#[must_use]
pub fn actor_counts(events: &[Event]) -> Vec<(String, usize)> {
    // Actor names are shared `&'static str`s (the gazetteer's, or interned
    // when read back), so they are counted by address, without reading or
    // hashing their bytes; equal names at two addresses are joined below.
    let by_address = events
        .par_chunks(1 << 15)
        .map(|chunk| {
            let mut counts = ByAddress::default();
            for event in chunk {
                for actor in &event.actors {
                    let key = (actor.as_ptr() as usize, actor.len());
                    counts.entry(key).or_insert((actor, 0)).1 += 1;
                }
            }
            counts
        })
        .reduce(ByAddress::default, |mut all, part| {
            for (key, (name, count)) in part {
                all.entry(key).or_insert((name, 0)).1 += count;
            }
            all
        });
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (name, count) in by_address.into_values() {
        *by_name.entry(name).or_default() += count;
    }
    let mut counts: Vec<(String, usize)> = by_name
        .into_iter()
        .map(|(name, count)| (name.to_owned(), count))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

/// Actor counts by the address and length of the name.
type ByAddress<'a> = HashMap<(usize, usize), (&'a str, usize), FnvBuild>;

/// The events of each document, by index: one flat list in document order
/// with where each document's part starts.
#[derive(Debug, Clone, Default)]
pub struct DocEvents {
    /// `starts[d]..starts[d + 1]` is document `d`'s part of `events`.
    starts: Vec<u32>,
    events: Vec<u32>,
}

impl DocEvents {
    /// The events of `docs` documents; events naming a document beyond
    /// them (or past `u32`) are left out.
    #[must_use]
    pub fn new(events: &[Event], docs: usize) -> Self {
        let mut starts = vec![0_u32; docs + 1];
        for event in events {
            if let Some(count) = event.doc.checked_add(1).and_then(|d| starts.get_mut(d)) {
                *count += 1;
            }
        }
        for d in 1..starts.len() {
            starts[d] = starts[d].saturating_add(starts[d - 1]);
        }
        let mut next = starts.clone();
        let mut list = vec![0_u32; starts.last().map_or(0, |&n| n as usize)];
        for (i, event) in events.iter().enumerate() {
            let (Some(at), Ok(i)) = (next.get_mut(event.doc), u32::try_from(i)) else {
                continue;
            };
            if event.doc < docs
                && let Some(slot) = list.get_mut(*at as usize)
            {
                *slot = i;
                *at += 1;
            }
        }
        Self {
            starts,
            events: list,
        }
    }

    /// Each document with events and how many it has, in document order.
    pub fn counts(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.starts
            .windows(2)
            .enumerate()
            .filter_map(|(doc, w)| match *w {
                [from, to] if to > from => Some((doc, (to - from) as usize)),
                _ => None,
            })
    }

    /// The events of document `doc`, in event order (empty for an unknown
    /// document).
    #[must_use]
    pub fn of(&self, doc: usize) -> &[u32] {
        match (self.starts.get(doc), self.starts.get(doc + 1)) {
            (Some(&from), Some(&to)) => self
                .events
                .get(from as usize..to as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(doc: usize, actors: Vec<&'static str>) -> Event {
        Event {
            id: String::new(),
            doc,
            kind: crate::events::EventKind::Meeting,
            rule: "test",
            sentence: (0, 0),
            trigger: (0, 0),
            timex: None,
            date: None,
            range: None,
            actors,
            people: Vec::new(),
            place: None,
            modality: crate::events::Modality::Happened,
            date_source: None,
            merged_with: crate::analysis::Merged::default(),
            edit: None,
        }
    }

    #[test]
    fn documents_list_their_events_in_order() {
        let events = vec![
            event(2, vec![]),
            event(0, vec![]),
            event(2, vec![]),
            event(9, vec![]),
            event(0, vec![]),
        ];
        let by_doc = DocEvents::new(&events, 4);
        assert_eq!(by_doc.of(0), &[1, 4]);
        assert_eq!(by_doc.of(1), &[] as &[u32]);
        assert_eq!(by_doc.of(2), &[0, 2]);
        assert_eq!(by_doc.of(3), &[] as &[u32]);
        // The event of a document beyond the folder is nowhere.
        assert_eq!(by_doc.of(9), &[] as &[u32]);
        assert_eq!(DocEvents::default().of(0), &[] as &[u32]);
        assert_eq!(by_doc.counts().collect::<Vec<_>>(), vec![(0, 2), (2, 2)]);
    }

    #[test]
    fn actors_are_counted_by_name_most_named_first() {
        // The same name at two addresses (the gazetteer's and an interned
        // copy) counts as one actor.
        let copy: &'static str = Box::leak(String::from("Iran").into_boxed_str());
        let events = vec![
            event(0, vec!["Iran", "Russia"]),
            event(0, vec![copy]),
            event(1, vec!["Russia", "Iran"]),
            event(1, vec!["China"]),
            event(1, vec!["Brazil"]),
        ];
        let counts = actor_counts(&events);
        let expected: Vec<(String, usize)> =
            [("Iran", 3), ("Russia", 2), ("Brazil", 1), ("China", 1)]
                .iter()
                .map(|&(n, c)| (n.to_owned(), c))
                .collect();
        assert_eq!(counts, expected);
    }

    #[test]
    fn the_tray_lists_undated_documents_and_problems_folder_first() {
        use crate::analysis::{DocAnalysis, Problem};

        let doc = |path: &str, problems: &[&str]| DocAnalysis {
            doc: crate::corpus::Document {
                path: path.to_owned(),
                problems: problems.iter().map(|&p| p.to_owned()).collect(),
                ..crate::corpus::Document::default()
            },
            ..DocAnalysis::default()
        };
        let analysis = Analysis {
            docs: vec![
                doc("a.txt", &[NO_PUBLICATION_DATE]),
                doc("b.pdf", &["page 2 has no text"]),
                doc("c.txt", &[]),
                doc("d.html", &["odd markup", NO_PUBLICATION_DATE, "no title"]),
            ],
            problems: vec![Problem {
                path: "e.docx".to_owned(),
                message: "cannot be read".to_owned(),
            }],
            ..Analysis::default()
        };
        let tray = DocTray::new(&analysis);
        assert_eq!(tray.undated, vec![0, 3]);
        assert_eq!(tray.problem_count(&analysis), 4);
        let listed: Vec<(&str, &str)> = (0..5).filter_map(|r| tray.problem(&analysis, r)).collect();
        assert_eq!(
            listed,
            vec![
                ("e.docx", "cannot be read"),
                ("b.pdf", "page 2 has no text"),
                ("d.html", "odd markup"),
                ("d.html", "no title"),
            ]
        );
    }
}
