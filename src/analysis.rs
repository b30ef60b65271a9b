//! The pipeline, one direction: folder → documents → sentences → time
//! expressions → events → timeline-ready [`Analysis`].
//!
//! Nothing here reads the clock or touches the UI. Reading is parallel
//! (rayon) and reports [`Progress`]; it never fails as a whole.

use crate::cache::{CachedFile, FileRecord, FileStamp, FolderCache};
use crate::corpus::{
    Document, Entry, FolderError, Published, PublishedSource, detect_published, list_files,
    load_file, relative_path,
};
use crate::events::{
    EventExtractor, EventKind, Mention, Mentions, Modality, RawEvent, merge_groups,
};
use crate::store::content_hash;
use crate::temporal::{Scan, Tagger, Timex, YearSuggestion};
use crate::text::{CharMap, Repaired, Sentence, repair, split_sentences};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// Shared progress of a running analysis (read by the UI thread).
#[derive(Debug, Default)]
pub struct Progress {
    /// Files found.
    pub total: AtomicUsize,
    /// Files done.
    pub done: AtomicUsize,
    /// Set to stop early (the folder was replaced by another).
    pub cancel: AtomicBool,
}

impl Progress {
    /// Fraction done, 0..=1.
    #[must_use]
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed);
        #[expect(clippy::cast_precision_loss, reason = "a progress bar")]
        if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        }
    }
}

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
    #[serde(deserialize_with = "crate::cache::de_static")]
    pub rule: crate::cache::Name,
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
    #[serde(deserialize_with = "crate::cache::de_static_vec")]
    pub actors: Vec<crate::cache::Name>,
    /// People involved.
    pub people: Vec<String>,
    /// Where it happened.
    pub place: Option<String>,
    /// Happened, planned, negated, uncertain.
    pub modality: Modality,
    /// Other mentions of the same real event (recomputed after every read,
    /// so not cached).
    #[serde(skip)]
    pub merged_with: Merged,
    /// What the user changed, when anything (see [`crate::corrections`]).
    #[serde(skip)]
    pub edit: Option<Box<crate::corrections::EventEdit>>,
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

/// Reads and analyses every file under `root`.
///
/// # Errors
/// Only when `root` itself cannot be opened; unreadable files become problems.
pub fn analyze_folder(
    root: &Path,
    options: &Options,
    progress: &Progress,
) -> Result<Analysis, FolderError> {
    read_folder(root, options, progress, &ReadHooks::default()).map(|read| read.analysis)
}

/// A file's documents as [`read_folder`] hands them over: the file's index
/// in path order, and its documents.
pub type HandedFile = (usize, Vec<AnalysedDoc>);

/// Optional extras of [`read_folder`].
#[derive(Default)]
pub struct ReadHooks<'a> {
    /// An earlier read of the same folder: unchanged files are taken from it.
    pub cache: Option<FolderCache>,
    /// Called, from the reading thread, with the files finished since the
    /// last call — each file's index in path order and its documents — in
    /// batches growing with the read, so that a caller can show the first
    /// events long before the whole folder is read. The documents are
    /// *moved*, not copied (a folder's events are never held twice): the
    /// result then holds none of them, and the caller builds the folder's
    /// analysis from what it was handed ([`Analysis::put_in_path_order`],
    /// [`Analysis::merge_groups`], [`Analysis::set_merges`]).
    pub partial: Option<&'a (dyn Fn(Vec<HandedFile>) + Sync)>,
    /// Only the files whose relative path this accepts are read (a shard of
    /// a large archive); the others are left out without a word.
    pub select: Option<&'a (dyn Fn(&str) -> bool + Sync)>,
}

/// What [`read_folder`] found.
pub struct FolderRead {
    /// The folder's analysis.
    pub analysis: Analysis,
    /// Each file read (relative path), as it was: for the next cache.
    pub records: HashMap<String, FileRecord>,
    /// Files taken unchanged from the cache.
    pub reused: usize,
}

/// Most files in one partial result.
const MAX_PARTIAL_FILES: usize = 512;

/// Reads and analyses every file under `root`, reusing `hooks.cache` for
/// unchanged files and handing partial results to `hooks.partial`. Documents
/// come out in path order, whatever order the threads finish in.
///
/// # Errors
/// Only when `root` itself cannot be opened; unreadable files become problems.
pub fn read_folder(
    root: &Path,
    options: &Options,
    progress: &Progress,
    hooks: &ReadHooks<'_>,
) -> Result<FolderRead, FolderError> {
    let entries = list_files(root)?;
    let mut problems = Vec::new();
    let mut files = Vec::new();
    let selected = |rel: &str| hooks.select.is_none_or(|select| select(rel));
    for entry in entries {
        match entry {
            Entry::File(path) if selected(&relative_path(root, &path)) => files.push(path),
            Entry::Problem(path, message) if selected(&path) => {
                problems.push(Problem { path, message });
            }
            Entry::File(_) | Entry::Problem(..) => {}
        }
    }
    progress.total.store(files.len(), Ordering::Relaxed);
    let tagger = Tagger::new();
    let (tx, rx) = mpsc::channel::<(usize, FileResult)>();
    let mut analysis = Analysis {
        root: root.to_path_buf(),
        docs: Vec::new(),
        events: Vec::new(),
        problems,
    };
    let mut records = HashMap::new();
    let mut reused = 0;
    // Results wait here only until every file before them is in: they are
    // moved into the analysis in path order as they come, so a folder's
    // events are never held twice (in their files' results and in one
    // vector).
    let mut slots: Vec<Option<FileResult>> = Vec::new();
    slots.resize_with(files.len(), || None);
    let mut next = 0;
    std::thread::scope(|scope| {
        let files = &files;
        let tagger = &tagger;
        let pool = reading_pool();
        scope.spawn(move || {
            // Files go to the threads in runs, so that the documents of
            // small files are analysed in batches (see `analyze_documents`).
            let read_all = || {
                files
                    .par_iter()
                    .enumerate()
                    .chunks(BATCH)
                    .for_each_with(tx, |tx, run| {
                        if progress.cancel.load(Ordering::Relaxed) {
                            return;
                        }
                        let mut todo = Vec::new();
                        let read: Vec<(usize, FileResult, usize)> = run
                            .into_iter()
                            .map(|(i, path)| {
                                let (result, docs) =
                                    read_one(root, path, options, hooks.cache.as_ref());
                                let count = docs.len();
                                todo.extend(docs);
                                (i, result, count)
                            })
                            .collect();
                        let mut analysed = analyze_in_batches(todo, tagger, options).into_iter();
                        for (i, mut result, count) in read {
                            result.docs.extend(analysed.by_ref().take(count));
                            progress.done.fetch_add(1, Ordering::Relaxed);
                            // The receiver lives until every sender is gone.
                            let _ = tx.send((i, result));
                        }
                    });
            };
            match &pool {
                Some(pool) => pool.install(read_all),
                None => read_all(),
            }
        });
        // Collect on this thread. With a `partial` hook, files are handed
        // out as they come, in batches that grow with the read (the receiver
        // re-indexes per batch); without one, they wait in their slots only
        // until every file before them is in.
        let mut partial: Vec<HandedFile> = Vec::new();
        let mut done = 0usize;
        for (i, mut result) in rx {
            done += 1;
            if let Some(hand) = hooks.partial {
                partial.push((i, std::mem::take(&mut result.docs)));
                keep(result, &mut analysis, &mut records, &mut reused);
                if partial.len() >= (done / 16).clamp(1, MAX_PARTIAL_FILES) {
                    hand(std::mem::take(&mut partial));
                }
                continue;
            }
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
            while let Some(result) = slots.get_mut(next).and_then(Option::take) {
                next += 1;
                keep(result, &mut analysis, &mut records, &mut reused);
            }
        }
        if let Some(hand) = hooks.partial
            && !partial.is_empty()
        {
            hand(partial);
        }
    });
    // Files whose reading was cancelled leave gaps: what came after them.
    for result in slots.into_iter().flatten() {
        keep(result, &mut analysis, &mut records, &mut reused);
    }
    analysis.docs.shrink_to_fit();
    analysis.events.shrink_to_fit();
    analysis.merge_mentions();
    Ok(FolderRead {
        analysis,
        records,
        reused,
    })
}

/// One file's outcome.
struct FileResult {
    docs: Vec<AnalysedDoc>,
    /// For the next cache: (relative path, record); none when unreadable.
    record: Option<(String, FileRecord)>,
    reused: bool,
}

/// Moves one file's documents into the analysis and notes it for the cache.
fn keep(
    result: FileResult,
    analysis: &mut Analysis,
    records: &mut HashMap<String, FileRecord>,
    reused: &mut usize,
) {
    if let Some((rel, record)) = result.record {
        records.insert(rel, record);
    }
    *reused += usize::from(result.reused);
    for doc in result.docs {
        analysis.push(doc);
    }
}

/// Reads one file: from the cache when it has not changed (its results
/// filled in), else from disk (its documents returned, to be analysed).
fn read_one(
    root: &Path,
    path: &Path,
    options: &Options,
    cache: Option<&FolderCache>,
) -> (FileResult, Vec<Document>) {
    let rel = relative_path(root, path);
    let stamp = std::fs::metadata(path).ok().map(|m| FileStamp::of(&m));
    let cached = cache.and_then(|c| c.take(&rel)).filter(|c| c.fits(options));
    let from_cache = |cached: CachedFile, stamp: FileStamp| FileResult {
        record: Some((
            rel.clone(),
            FileRecord {
                stamp,
                hash: cached.hash,
            },
        )),
        docs: cached
            .docs
            .into_iter()
            .map(|d| AnalysedDoc {
                doc: d.doc,
                events: d.events,
            })
            .collect(),
        reused: true,
    };
    if let (Some(c), Some(stamp)) = (&cached, stamp)
        && c.stamp == stamp
        && let Some(c) = cached
    {
        return (from_cache(c, stamp), Vec::new());
    }
    match load_file(root, path) {
        Ok(loaded) => {
            let hash = content_hash(&loaded.bytes);
            let stamp = stamp.unwrap_or(FileStamp {
                size: loaded.bytes.len() as u64,
                modified_ns: 0,
            });
            if let Some(c) = cached.filter(|c| c.hash == hash) {
                return (from_cache(c, stamp), Vec::new());
            }
            let result = FileResult {
                docs: Vec::new(),
                record: Some((rel, FileRecord { stamp, hash })),
                reused: false,
            };
            (result, loaded.parse())
        }
        Err(failed) => {
            let result = FileResult {
                docs: Vec::new(),
                record: None,
                reused: false,
            };
            (result, failed)
        }
    }
}

/// The threads a folder is read on: a pool of its own, not rayon's global
/// one. The window filters and indexes on the global pool from its own
/// thread; were the read's long tasks queued there, each of those calls
/// would wait for the whole read and the window would freeze until the end.
/// `None` (run on the global pool) only when threads cannot be made.
fn reading_pool() -> Option<rayon::ThreadPool> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("dateline-read-{i}"))
        .build()
        .ok()
}

/// [`analyze_documents`] over batches of [`BATCH`] documents, in parallel;
/// results in the documents' order.
fn analyze_in_batches(docs: Vec<Document>, tagger: &Tagger, options: &Options) -> Vec<AnalysedDoc> {
    let batches: Vec<Vec<AnalysedDoc>> = docs
        .into_par_iter()
        .chunks(BATCH)
        .map(|batch| analyze_documents(batch, tagger, options))
        .collect();
    batches.into_iter().flatten().collect()
}

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

/// Extracts sentences, time expressions and events from one document.
#[must_use]
pub fn analyze_document(doc: Document, tagger: &Tagger, options: &Options) -> AnalysedDoc {
    let mut out = analyze_documents(vec![doc], tagger, options);
    out.pop().unwrap_or_else(|| AnalysedDoc {
        doc: DocAnalysis::default(),
        events: Vec::new(),
    })
}

/// How many documents [`analyze_documents`] should be given at once: enough
/// that each stage's compiled rules stay in the CPU caches over a batch.
pub const BATCH: usize = 64;

/// Extracts sentences, time expressions and events from a batch of
/// documents, one result per document in the same order. Each stage runs
/// over the whole batch before the next: the stages' compiled rules (the
/// lazy DFAs of the tagger and trigger rules) do not fit the CPU caches
/// together, and a document at a time would reload them all for every
/// document — a quarter of the time, measured. Batches of about
/// [`BATCH`] documents get most of the gain.
#[must_use]
pub fn analyze_documents(
    docs: Vec<Document>,
    tagger: &Tagger,
    options: &Options,
) -> Vec<AnalysedDoc> {
    let repaired: Vec<Repaired> = docs.iter().map(|d| repair(&d.text)).collect();
    // One scan serves publication-date detection and, once the date is known, resolution.
    let scans: Vec<Scan> = repaired.iter().map(|r| tagger.scan(&r.text)).collect();
    let published: Vec<Option<Published>> = docs
        .iter()
        .zip(&repaired)
        .zip(&scans)
        .map(|((doc, repaired), scan)| publication(doc, repaired, scan, options))
        .collect();
    let sentences: Vec<Vec<Sentence>> = repaired.iter().map(|r| split_sentences(&r.text)).collect();
    let timexes: Vec<Vec<Timex>> = repaired
        .iter()
        .zip(&scans)
        .zip(&published)
        .map(|((r, scan), p)| tagger.resolve(&r.text, scan, p.as_ref().map(|p| p.date)))
        .collect();
    let raw: Vec<Vec<RawEvent>> = repaired
        .iter()
        .zip(&sentences)
        .zip(&timexes)
        .map(|((r, s), t)| EventExtractor.extract(&r.text, s, t))
        .collect();
    docs.into_iter()
        .zip(repaired)
        .zip(scans)
        .zip(published)
        .zip(sentences)
        .zip(timexes)
        .zip(raw)
        .map(
            |((((((doc, repaired), scan), published), sentences), timexes), raw)| {
                finish(
                    doc,
                    &repaired,
                    &scan,
                    published,
                    (sentences, timexes, raw),
                    options,
                )
            },
        )
        .collect()
}

/// The publication date: the user's, else the one the text and metadata give.
fn publication(
    doc: &Document,
    repaired: &Repaired,
    scan: &Scan,
    options: &Options,
) -> Option<Published> {
    if let Some(&date) = options.published.get(&doc.path) {
        return Some(Published {
            date,
            source: PublishedSource::User,
            confidence: 1.0,
            span: None,
        });
    }
    detect_published(
        &scan.full_dates(),
        &repaired.text,
        &doc.path,
        &doc.metadata_dates,
    )
    .map(|g| Published {
        date: g.date,
        source: g.source,
        confidence: g.confidence,
        span: g
            .span
            .map(|(s, e)| (repaired.to_original(s), repaired.to_original(e))),
    })
}

/// One document's results, mapped back from the repaired text to its own.
fn finish(
    mut doc: Document,
    repaired: &Repaired,
    scan: &Scan,
    published: Option<Published>,
    (sentences, timexes, raw): (Vec<Sentence>, Vec<Timex>, Vec<RawEvent>),
    options: &Options,
) -> AnalysedDoc {
    let text = repaired.text.as_str();
    if published.is_none() && !doc.text.trim().is_empty() {
        doc.problems.push(NO_PUBLICATION_DATE.to_owned());
    }
    let year_suggestion = if published.is_none() {
        scan.suggest_years(text, options.current_year).map(|mut s| {
            for pair in &mut s.evidence {
                pair.span = (
                    repaired.to_original(pair.span.0),
                    repaired.to_original(pair.span.1),
                );
            }
            s
        })
    } else {
        None
    };
    let back = |(s, e): (usize, usize)| (repaired.to_original(s), repaired.to_original(e));
    let sentences: Vec<Sentence> = sentences
        .iter()
        .map(|s| {
            let (start, end) = back((s.start, s.end));
            Sentence { start, end }
        })
        .collect();
    let mut timexes: Vec<Timex> = timexes
        .into_iter()
        .map(|mut t| {
            (t.start, t.end) = back((t.start, t.end));
            t
        })
        .collect();
    // Kept as long as the folder is open: no room to grow.
    timexes.shrink_to_fit();
    let chars = CharMap::new(&doc.text);
    let mut events: Vec<Event> = raw
        .into_iter()
        .filter_map(|r| {
            let sentence = *sentences.get(r.sentence)?;
            let trigger = back(r.trigger);
            let timex = r.timex.and_then(|i| timexes.get(i));
            let range = timex.and_then(|t| t.range);
            let modality = future_is_planned(r.kind, r.modality, range, published.as_ref());
            Some(Event {
                id: event_id(&doc.path, r.kind, chars.char_of(trigger.0)),
                doc: 0,
                kind: r.kind,
                rule: r.rule,
                sentence: (sentence.start, sentence.end),
                trigger,
                timex: r.timex,
                date: timex.map(|t| t.value.clone()),
                range,
                actors: r.actors,
                people: r.people,
                place: r.place,
                modality,
                merged_with: Merged::default(),
                edit: None,
            })
        })
        .collect();
    // Held until the folder is read, then moved into one vector: no room
    // to grow (a grown vector has up to twice the room it needs).
    events.shrink_to_fit();
    AnalysedDoc {
        doc: DocAnalysis {
            doc,
            published,
            sentences,
            timexes,
            chars,
            year_suggestion,
        },
        events,
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

/// An event the text tells as done but dates wholly after its article was
/// published ("the visit to Tehran next month") has not happened yet. Not
/// statements: what someone said was said by the time it is reported, so a
/// later date there belongs to what was said, not to the saying.
fn future_is_planned(
    kind: EventKind,
    modality: Modality,
    range: Option<(NaiveDate, NaiveDate)>,
    published: Option<&Published>,
) -> Modality {
    match (modality, range, published) {
        (Modality::Happened, Some((first, _)), Some(p))
            if first > p.date && kind != EventKind::Statement =>
        {
            Modality::Planned
        }
        _ => modality,
    }
}

/// A short stable id (FNV-1a over path, kind and trigger char offset).
#[must_use]
pub fn event_id(path: &str, kind: EventKind, trigger_char: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in path
        .bytes()
        .chain([0])
        .chain(kind.as_str().bytes())
        .chain(trigger_char.to_le_bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch gives each document exactly what it gets alone: no stage
    /// may mix up whose scan, date or sentences it holds.
    #[test]
    fn a_batch_gives_what_each_document_gets_alone() {
        let mut docs = Vec::new();
        let mut paths: Vec<_> = std::fs::read_dir(crate::sample_folder())
            .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let name = path.to_string_lossy().into_owned();
            // The article, and the same without its first line (often its
            // date): documents with and without a publication date.
            let rest = text.split_once('\n').map_or("", |(_, r)| r).to_owned();
            for (path, text) in [(name.clone(), text), (format!("{name}-rest"), rest)] {
                docs.push(Document {
                    path,
                    text: text.as_str().into(),
                    ..Document::default()
                });
            }
        }
        assert!(docs.len() >= 10, "the sample folder is missing");
        let tagger = Tagger::new();
        let options = Options {
            current_year: Some(2026),
            ..Options::default()
        };
        let alone: Vec<AnalysedDoc> = docs
            .iter()
            .map(|d| analyze_document(d.clone(), &tagger, &options))
            .collect();
        let batch = analyze_documents(docs, &tagger, &options);
        assert_eq!(batch.len(), alone.len());
        let json =
            |d: &AnalysedDoc| serde_json::to_string(&(&d.doc, &d.events)).unwrap_or_default();
        for (b, a) in batch.iter().zip(&alone) {
            assert_eq!(json(b), json(a), "{}", a.doc.doc.path);
        }
        assert!(alone.iter().any(|d| d.doc.published.is_none()));
        assert!(alone.iter().any(|d| !d.events.is_empty()));
    }

    /// Reading a folder leaves rayon's global pool free: the window filters
    /// and indexes there while the rest of the folder is still being read.
    /// Checked from the first hand-over: a parallel job on the global pool
    /// must finish long before the last file is read (it used to wait for
    /// the whole read, and the window froze until the end).
    #[test]
    fn the_global_pool_stays_free_while_a_folder_is_read() {
        let dir = std::env::temp_dir().join(format!("dateline-pool-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        let files = 600;
        for n in 0..files {
            let text = format!(
                "MOSCOW, May {} (Reuters) - The Iranian foreign minister met his Russian counterpart on Tuesday and both sides signed an agreement on trade.\n",
                1 + n % 28
            );
            let _ = std::fs::write(dir.join(format!("{n:04}.txt")), text.repeat(8));
        }
        let progress = Progress::default();
        let done_when_free = std::sync::Mutex::new(None);
        let partial = |_: Vec<HandedFile>| {
            let Ok(mut seen) = done_when_free.lock() else {
                return;
            };
            if seen.is_none() {
                let sum: u64 = (0..10_000_u64).into_par_iter().sum();
                assert_eq!(sum, 49_995_000);
                *seen = Some(progress.done.load(Ordering::Relaxed));
            }
        };
        let hooks = ReadHooks {
            partial: Some(&partial),
            ..ReadHooks::default()
        };
        let read = read_folder(&dir, &Options::default(), &progress, &hooks);
        let _ = std::fs::remove_dir_all(&dir);
        assert!(read.is_ok());
        let done = done_when_free.into_inner().ok().flatten();
        assert!(
            done.is_some_and(|done| done < files / 2),
            "files read when the global pool answered: {done:?} of {files}"
        );
    }

    /// Every member of a merge group shares one sorted list of ids and
    /// knows its own place in it (the first, when two share an id).
    #[test]
    fn merge_group_members_know_their_place() {
        let mut analysis = analyze_folder(
            &crate::sample_folder(),
            &Options::default(),
            &Progress::default(),
        )
        .unwrap_or_default();
        assert!(analysis.events.len() >= 6, "the sample folder is missing");
        let shared_id = analysis.events[0].id.clone();
        analysis.events[2].id = shared_id;
        let groups = vec![vec![5, 1, 3], vec![0, 4, 2]];
        analysis.set_merges(&groups);
        for group in &groups {
            let mut ids: Vec<String> = group
                .iter()
                .map(|&i| analysis.events[i].id.clone())
                .collect();
            ids.sort();
            for &i in group {
                let event = &analysis.events[i];
                assert_eq!(
                    event.merged_with,
                    Merged::new(ids.clone().into(), &event.id)
                );
                assert_eq!(event.merged_with.len(), 2);
            }
        }
        let merged: Vec<String> = analysis.events[3].merged_with.iter().cloned().collect();
        let mut others = vec![analysis.events[5].id.clone(), analysis.events[1].id.clone()];
        others.sort();
        assert_eq!(merged, others);
        assert!(
            analysis.events[6..]
                .iter()
                .all(|e| e.merged_with.is_empty())
        );
    }
}
