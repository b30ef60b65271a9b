//! Mentions of the same real event, within and across documents.
//!
//! Two dated mentions are the same event when they have the same kind, the
//! same date value, and share an actor (or neither names one). Undated
//! mentions merge only inside one document, with the same kind and the same
//! trigger word ("agreed" … "agreed"), since without a date little else tells
//! two of them apart.

use std::collections::HashMap;

/// What merging needs to know of a mention.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    /// Kind name.
    pub kind: &'a str,
    /// TIMEX3 value, if dated.
    pub date: Option<&'a str>,
    /// Document index.
    pub doc: usize,
    /// Trigger text, lower-cased by the caller.
    pub trigger: &'a str,
    /// Actors.
    pub actors: &'a [String],
}

/// Kind, date value, and for undated mentions the document and trigger.
type BucketKey<'a> = (&'a str, Option<&'a str>, Option<usize>, Option<&'a str>);

/// Groups of mention indexes that are the same event (only groups of two or more).
#[must_use]
pub fn merge_groups(mentions: &[Mention<'_>]) -> Vec<Vec<usize>> {
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..mentions.len()).collect();
    let mut buckets: HashMap<BucketKey<'_>, Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let key = match m.date {
            Some(date) if !date.contains('X') => (m.kind, Some(date), None, None),
            _ => (m.kind, None, Some(m.doc), Some(m.trigger)),
        };
        buckets.entry(key).or_default().push(i);
    }
    // Within a bucket, two mentions merge when they share an actor or
    // neither names one: union each actor's mentions, and the actorless
    // ones together. Linear in the bucket, where comparing pairs would be
    // quadratic (a story told by thousands of articles makes big buckets).
    for members in buckets.values() {
        let mut first_with: HashMap<&str, usize> = HashMap::new();
        let mut first_actorless: Option<usize> = None;
        for &i in members {
            let actors = mentions[i].actors;
            let join = |other: usize, parent: &mut [usize]| {
                let (ra, rb) = (find(parent, i), find(parent, other));
                parent[ra.max(rb)] = ra.min(rb);
            };
            if actors.is_empty() {
                match first_actorless {
                    Some(other) => join(other, &mut parent),
                    None => first_actorless = Some(i),
                }
            }
            for actor in actors {
                match first_with.get(actor.as_str()) {
                    Some(&other) => join(other, &mut parent),
                    None => {
                        first_with.insert(actor.as_str(), i);
                    }
                }
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..mentions.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::{Mention, merge_groups};

    #[test]
    fn same_kind_date_and_actor_merge_across_documents() {
        let iran = ["Iran".to_owned(), "Russia".to_owned()];
        let us = ["United States".to_owned()];
        let m = |kind, date, doc, trigger, actors| Mention {
            kind,
            date,
            doc,
            trigger,
            actors,
        };
        let mentions = [
            m(
                "meeting",
                Some("2023-01-23"),
                0,
                "press conference",
                &iran[..],
            ),
            m("meeting", Some("2023-01-23"), 1, "met", &iran[1..]),
            m("meeting", Some("2023-01-24"), 1, "met", &iran[..]),
            m("meeting", Some("2023-01-23"), 2, "met", &us[..]),
            m("agreement", None, 3, "agreed", &iran[..]),
            m("agreement", None, 3, "agreed", &iran[..]),
            m("agreement", None, 4, "agreed", &iran[..]),
            m("visit", Some("XXXX-07-21"), 5, "visit", &iran[..]),
            m("visit", Some("XXXX-07-21"), 6, "visit", &iran[..]),
        ];
        assert_eq!(merge_groups(&mentions), vec![vec![0, 1], vec![4, 5]]);
    }
}
