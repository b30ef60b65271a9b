//! Mentions of the same real event, within and across documents.
//!
//! Across documents, two dated mentions are the same event when they have
//! the same kind, the same date value, and share an actor (or neither names
//! one; statements: share a speaker). Inside one document, where an article tells one story and comes
//! back to it ("Russia and Iran agreed to …" … "the parties have reached a
//! tentative agreement to …"), two mentions of one kind merge when their
//! dates, places and people do not disagree and something ties them:
//! - both dated the same: a shared actor, the trigger's stem ("agreed",
//!   "agree"), the place, or three content words after the trigger;
//! - both undated: the same, with a shared actor (or none named on either
//!   side) besides;
//! - one dated, one not: a shared actor and the place or the wording — never
//!   the trigger word alone, which would date the undated one by guesswork,
//!   unless both are plans of one act ("will pursue extension" … "extension
//!   is on our agenda").
//!
//! Statements are one only when one speaker makes them: "said" is
//! everybody's word.

use chrono::Datelike;
use rayon::prelude::*;
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
    /// Trigger text.
    pub trigger: &'a str,
    /// Actors.
    pub actors: &'a [&'static str],
    /// People involved.
    pub people: &'a [String],
    /// Where it happened.
    pub place: Option<&'a str>,
    /// The words of its sentence from the trigger on.
    pub context: &'a str,
    /// Said to lie ahead.
    pub planned: bool,
}

/// Mentions by index: a slice of them, or each made when asked for from a
/// folder's events, so that a million of them are never held at once.
pub trait Mentions<'a> {
    /// How many there are.
    fn count(&self) -> usize;
    /// The `i`-th (`i < count()`).
    fn mention(&self, i: usize) -> Mention<'a>;
    /// The `i`-th's document (asked for often: cheaper than a mention).
    fn doc(&self, i: usize) -> usize {
        self.mention(i).doc
    }
}

impl<'a> Mentions<'a> for [Mention<'a>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn mention(&self, i: usize) -> Mention<'a> {
        self[i]
    }
}

/// How many earlier mentions of its kind in its document a mention is
/// compared with: keeps a long document linear.
const WINDOW: usize = 32;

/// Content words in common that make two wordings agree (and at least
/// half of the shorter wording's).
const SHARED_WORDS: usize = 3;

/// How many words after the trigger make up its wording.
const CONTEXT_WORDS: usize = 12;

/// Groups of mention indexes that are the same event (only groups of two or more).
#[must_use]
pub fn merge_groups<'a, M: Mentions<'a> + Sync + ?Sized>(mentions: &M) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(mentions);
    merge_dated_across_documents(mentions, &mut sets);
    merge_within_documents(mentions, &mut sets);
    // Most mentions stand alone: count first, so that only groups of two
    // or more are ever allocated (a folder has a million mentions).
    let roots: Vec<usize> = (0..mentions.count()).map(|i| sets.find(i)).collect();
    let mut size = vec![0u32; mentions.count()];
    for &root in &roots {
        size[root] += 1;
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &root) in roots.iter().enumerate() {
        if size[root] > 1 {
            groups.entry(root).or_default().push(i);
        }
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort();
    out
}

/// Union-find over mention indexes that keeps each set's dates: two sets
/// whose dates disagree never join, so undated mentions cannot chain two
/// dates into one event.
struct DisjointSets<'a> {
    parent: Vec<usize>,
    /// Each root's date, if any.
    date: Vec<Option<&'a str>>,
    /// The other dates of the few roots with more than one (a day and the
    /// bare weekday it fell on).
    more: HashMap<usize, Vec<&'a str>>,
}

impl<'a> DisjointSets<'a> {
    fn new<M: Mentions<'a> + ?Sized>(mentions: &M) -> Self {
        Self {
            parent: (0..mentions.count()).collect(),
            date: (0..mentions.count())
                .map(|i| mentions.mention(i).date)
                .collect(),
            more: HashMap::new(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// A root's dates.
    fn dates(&self, root: usize) -> impl Iterator<Item = &'a str> + '_ {
        self.date[root]
            .into_iter()
            .chain(self.more.get(&root).into_iter().flatten().copied())
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if !self
            .dates(ra)
            .all(|x| self.dates(rb).all(|y| dates_agree(x, y)))
        {
            return;
        }
        let (root, child) = (ra.min(rb), ra.max(rb));
        self.parent[child] = root;
        let mut extra: Vec<&'a str> = self.more.remove(&child).unwrap_or_default();
        extra.extend(self.date[child].take());
        if self.date[root].is_none() && !extra.is_empty() {
            self.date[root] = Some(extra.remove(0));
        }
        for d in extra {
            if !self.dates(root).any(|x| x == d) {
                self.more.entry(root).or_default().push(d);
            }
        }
    }
}

/// Same kind and full date value, sharing an actor or both naming none.
/// Linear in a bucket, where comparing pairs would be quadratic (a story
/// told by thousands of articles makes big buckets).
fn merge_dated_across_documents<'a, M: Mentions<'a> + ?Sized>(
    mentions: &M,
    sets: &mut DisjointSets<'a>,
) {
    let mut buckets: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for i in 0..mentions.count() {
        let m = mentions.mention(i);
        if let Some(date) = m.date.filter(|d| !d.contains('X')) {
            buckets.entry((m.kind, date)).or_default().push(i);
        }
    }
    for members in buckets.values() {
        let mut first_with: HashMap<&str, usize> = HashMap::new();
        let mut first_actorless: Option<usize> = None;
        for &i in members {
            // Statements tie by their speakers (see `same_story`).
            let m = mentions.mention(i);
            let statement = m.kind == super::EventKind::Statement.as_str();
            let (people, actors): (&[String], &[&str]) = if statement {
                (m.people, &[])
            } else {
                (&[], m.actors)
            };
            if actors.is_empty() && !statement {
                match first_actorless {
                    Some(other) => sets.join(i, other),
                    None => first_actorless = Some(i),
                }
            }
            for actor in people
                .iter()
                .map(String::as_str)
                .chain(actors.iter().copied())
            {
                match first_with.get(actor) {
                    Some(&other) => sets.join(i, other),
                    None => {
                        first_with.insert(actor, i);
                    }
                }
            }
        }
    }
}

/// The same story told twice in one document (see the module comment).
/// Mentions come in document order (any order works, sorted first): each
/// document's mentions are taken together, by kind. Documents are compared
/// in parallel; the pairs found are joined in document order, so the
/// outcome does not depend on the threads.
fn merge_within_documents<'a, M: Mentions<'a> + Sync + ?Sized>(
    mentions: &M,
    sets: &mut DisjointSets<'a>,
) {
    let mut order: Vec<usize> = (0..mentions.count()).collect();
    if !(1..mentions.count()).all(|i| mentions.doc(i - 1) <= mentions.doc(i)) {
        order.sort_by_key(|&i| mentions.doc(i));
    }
    let mut stories: Vec<&[usize]> = Vec::new();
    let mut rest = order.as_slice();
    while let Some(&first) = rest.first() {
        let this = mentions.doc(first);
        let n = rest
            .iter()
            .take_while(|&&i| mentions.doc(i) == this)
            .count();
        let (story, next) = rest.split_at(n);
        rest = next;
        if story.len() >= 2 {
            stories.push(story);
        }
    }
    let pairs: Vec<(usize, usize)> = stories
        .par_iter()
        .flat_map_iter(|story| same_story_pairs(mentions, story))
        .collect();
    for (i, j) in pairs {
        sets.join(i, j);
    }
}

/// The pairs of one document's mentions (`story`) that tell the same story.
fn same_story_pairs<'a, M: Mentions<'a> + ?Sized>(
    mentions: &M,
    story: &[usize],
) -> Vec<(usize, usize)> {
    // One document's mentions, made once for all its comparisons, by kind.
    let mut told: Vec<(usize, Mention<'a>)> =
        story.iter().map(|&i| (i, mentions.mention(i))).collect();
    told.sort_by_key(|&(i, m)| (m.kind, i));
    let facts: Vec<(&str, Vec<u64>)> = told
        .iter()
        .map(|(_, m)| (stem(m.trigger), content_words(m.context)))
        .collect();
    let mut pairs = Vec::new();
    for (n, (i, mention)) in told.iter().enumerate() {
        for m in (n.saturating_sub(WINDOW)..n).rev() {
            let (j, earlier) = &told[m];
            if earlier.kind != mention.kind {
                break;
            }
            if same_story(mention, earlier, &facts[n], &facts[m]) {
                pairs.push((*i, *j));
            }
        }
    }
    pairs
}

/// Whether two mentions of one kind in one document tell the same story
/// (the rules of the module comment), given each one's trigger stem and
/// content words.
fn same_story(
    a: &Mention<'_>,
    b: &Mention<'_>,
    (stem_a, words_a): &(&str, Vec<u64>),
    (stem_b, words_b): &(&str, Vec<u64>),
) -> bool {
    let dated = (a.date.is_some(), b.date.is_some());
    if let (Some(da), Some(db)) = (a.date, b.date)
        && !dates_agree(da, db)
    {
        return false;
    }
    let shared_actor = a.actors.iter().any(|x| b.actors.contains(x));
    let no_actors = a.actors.is_empty() && b.actors.is_empty();
    let shared_person = a.people.iter().any(|p| b.people.contains(p));
    let place = match (a.place, b.place) {
        (Some(pa), Some(pb)) => Some(pa.eq_ignore_ascii_case(pb)),
        _ => None,
    };
    // Two places, or two casts of people, with nothing in common: two events.
    let strangers = !a.people.is_empty() && !b.people.is_empty() && !shared_person;
    if place == Some(false) || strangers {
        return false;
    }
    // The wording is the dearest sign: looked at last, and only if needed.
    let wording = || {
        let shared = words_a.iter().filter(|w| words_b.contains(w)).count();
        shared >= SHARED_WORDS && 2 * shared >= words_a.len().min(words_b.len())
    };
    // "said" is everybody's word: statements are one only from one speaker,
    // or, with a speaker unnamed on one side, on one day in the same words.
    if a.kind == super::EventKind::Statement.as_str() {
        let one_unnamed = a.people.is_empty() || b.people.is_empty();
        return shared_person || (one_unnamed && dated == (true, true) && wording());
    }
    let same_place = place == Some(true);
    let same_stem = !stem_a.is_empty() && stem_a.eq_ignore_ascii_case(stem_b);
    match dated {
        // The same day already speaks for them: any one sign will do.
        (true, true) => shared_actor || same_stem || same_place || wording(),
        (false, false) => (shared_actor || no_actors) && (same_stem || same_place || wording()),
        // Two plans of one act, one dated: "will pursue extension of the
        // treaty which ends next March" … "extension is on our agenda".
        _ => shared_actor && (same_place || (a.planned && b.planned && same_stem) || wording()),
    }
}

/// Whether two date values can name one day: the same value, or a bare
/// weekday ("on Wednesday", `XXXX-WXX-3`, left so by an article without a
/// publication date) and a day that fell on it, or whose year is unknown
/// ("on July 22", `XXXX-07-22`).
fn dates_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let weekday = |v: &str| {
        v.strip_prefix("XXXX-WXX-")
            .and_then(|d| d.parse::<u32>().ok())
            .filter(|d| (1..=7).contains(d))
    };
    let (day, value) = match (weekday(a), weekday(b)) {
        (Some(d), None) => (d, b),
        (None, Some(d)) => (d, a),
        _ => return false,
    };
    let mut parts = value.splitn(3, '-');
    let (Some(year), Some(month), Some(date)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let (Ok(month), Ok(date)) = (month.parse::<u32>(), date.parse::<u32>()) else {
        return false;
    };
    if year == "XXXX" {
        return chrono::NaiveDate::from_ymd_opt(2000, month, date).is_some();
    }
    year.parse::<i32>()
        .ok()
        .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, month, date))
        .is_some_and(|d| d.weekday().number_from_monday() == day)
}

/// The trigger's first word without its inflection ("agreed" and "agree",
/// "restoration" and "restoring" share one), in the trigger's own case.
fn stem(trigger: &str) -> &str {
    let word = trigger.split_whitespace().next().unwrap_or_default();
    for suffix in [
        "ations", "ation", "ions", "ion", "ings", "ing", "ed", "es", "s", "e",
    ] {
        let cut = word.len().saturating_sub(suffix.len());
        if let (Some(root), Some(end)) = (word.get(..cut), word.get(cut..))
            && end.eq_ignore_ascii_case(suffix)
            && root.chars().count() >= 3
        {
            return root;
        }
    }
    word
}

/// Short function words never count as shared wording.
const FUNCTION_WORDS: &[&str] = &[
    "that", "with", "this", "from", "have", "been", "will", "their", "they", "were", "which",
    "said", "also", "into", "after", "before", "about", "over", "than", "would", "could", "there",
    "these", "those", "between", "both", "other", "such",
];

/// Content words (four letters or more) among the first [`CONTEXT_WORDS`]
/// words of a context, each once, as hashes of their lower-case form (one
/// scratch string per context: a folder has a million mentions).
fn content_words(context: &str) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    let mut lower = String::new();
    for word in context
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(CONTEXT_WORDS)
    {
        if word.chars().count() < 4 || FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word)) {
            continue;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        let hash = crate::hash::fnv(lower.as_bytes());
        if !out.contains(&hash) {
            out.push(hash);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The groups of a slice of mentions (arrays coerce here).
    fn merged(mentions: &[Mention<'_>]) -> Vec<Vec<usize>> {
        merge_groups(mentions)
    }

    use super::{Mention, merge_groups};

    #[test]
    fn same_kind_date_and_actor_merge_across_documents() {
        let iran = ["Iran", "Russia"];
        let us = ["United States"];
        let m = |kind, date, doc, trigger, actors| Mention {
            kind,
            date,
            doc,
            trigger,
            actors,
            people: &[],
            place: None,
            context: "",
            planned: false,
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
        assert_eq!(merged(&mentions), vec![vec![0, 1], vec![4, 5]]);
    }

    #[test]
    fn one_document_telling_one_story_twice_merges_it_once() {
        let both = ["Russia", "Iran"];
        let us = ["United States"];
        let m = |date, trigger, actors, place, context| Mention {
            kind: "agreement",
            date,
            doc: 0,
            trigger,
            actors,
            people: &[],
            place,
            context,
            planned: false,
        };
        let strengthen = "agreed to strengthen military and technical cooperation after sanctions";
        let increase =
            "reached a tentative agreement to increase military and technical cooperation";
        let mentions = [
            // 0, 1: inflections of one trigger, no dates.
            m(
                None,
                "agree",
                &both[..],
                None,
                "agree to strengthen cooperation",
            ),
            m(None, "agreed", &both[..], None, strengthen),
            // 2: another trigger, the same wording.
            m(None, "reached", &both[..], None, increase),
            // 3: another trigger and other words: another agreement.
            m(
                None,
                "signed",
                &both[..],
                None,
                "signed a gas contract worth billions",
            ),
            // 4: dated, same place as 5; 6 is undated with only the trigger in common.
            m(
                Some("2020-07-21"),
                "visited",
                &both[..],
                Some("Moscow"),
                "visited Moscow",
            ),
            m(
                None,
                "arrival",
                &both[..],
                Some("Moscow"),
                "arrival in Moscow",
            ),
            m(None, "visited", &both[..], None, "visited the plant"),
            // 7: the same words but another date than 4.
            m(Some("2020-07-22"), "agreed", &both[..], None, strengthen),
            // 8: the same trigger, no actor in common.
            m(None, "signed", &us[..], None, "signed an order"),
            // 9: the same words as 7 on a third date: undated 0–2 must not
            // chain it to 7.
            m(Some("2020-07-25"), "agreed", &both[..], None, strengthen),
        ];
        let groups = merged(&mentions);
        assert_eq!(groups, vec![vec![0, 1, 2, 7], vec![4, 5]], "{groups:?}");

        // Two meetings of one man with two others are two meetings.
        let (a, b) = (
            ["Rogozin".to_owned(), "Dehghan".to_owned()],
            ["Sattari".to_owned()],
        );
        let meeting = |people| Mention {
            kind: "meeting",
            date: None,
            doc: 0,
            trigger: "meet",
            actors: &both[..],
            people,
            place: None,
            context: "",
            planned: false,
        };
        assert!(merged(&[meeting(&a[..]), meeting(&b[..])]).is_empty());
        assert_eq!(
            merged(&[meeting(&a[..]), meeting(&a[..1])]),
            vec![vec![0, 1]]
        );
    }

    #[test]
    fn two_plans_of_one_act_are_one_plan() {
        let both = ["Russia", "Iran"];
        let m = |date, planned| Mention {
            kind: "agreement",
            date,
            doc: 0,
            trigger: "extension",
            actors: &both[..],
            people: &[],
            place: None,
            context: "",
            planned,
        };
        assert_eq!(
            merged(&[m(Some("2021-03"), true), m(None, true)]),
            vec![vec![0, 1]]
        );
        // Done, not planned: the trigger word alone does not date it.
        assert!(merged(&[m(Some("2021-03"), false), m(None, false)]).is_empty());
    }

    #[test]
    fn a_bare_weekday_is_the_day_it_can_be() {
        let rouhani = ["Hassan Rouhani".to_owned()];
        let m = |date| Mention {
            kind: "statement",
            date: Some(date),
            doc: 0,
            trigger: "said",
            actors: &[],
            people: &rouhani[..],
            place: None,
            context: "",
            planned: false,
        };
        // "announced on Wednesday" … "said on July 22": no year, so either.
        assert_eq!(
            merged(&[m("XXXX-WXX-3"), m("XXXX-07-22")]),
            vec![vec![0, 1]]
        );
        // 22 July 2020 was a Wednesday, the 23rd was not.
        assert_eq!(
            merged(&[m("2020-07-22"), m("XXXX-WXX-3")]),
            vec![vec![0, 1]]
        );
        assert!(merged(&[m("2020-07-23"), m("XXXX-WXX-3")]).is_empty());
        assert!(merged(&[m("XXXX-WXX-3"), m("XXXX-WXX-5")]).is_empty());
        // A Friday fits July 22 of no known year, but not the Wednesday it
        // is already one with.
        assert_eq!(
            merged(&[m("XXXX-WXX-3"), m("XXXX-07-22"), m("XXXX-WXX-5")]),
            vec![vec![0, 1]]
        );
        assert!(merged(&[m("XXXX-WXX-3"), m("XXXX-02-30")]).is_empty());
    }
}
