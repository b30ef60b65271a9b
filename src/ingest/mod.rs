//! Reading a folder: every file in parallel (on a thread pool of its own),
//! unchanged files from the cache, each file's documents through the
//! pipeline ([`crate::analysis`]), results in path order or handed over as
//! they come, mentions merged. Never fails as a whole: an unreadable file
//! is a problem and the read goes on.

use crate::analysis::{AnalysedDoc, Analysis, BATCH, Options, Problem, analyze_documents};

use crate::cache::{CachedFile, FileRecord, FileStamp, FolderCache};
use crate::corpus::{Document, Entry, FolderError, list_files, load_file, relative_path};
use crate::hash::content_hash;
use crate::temporal::Tagger;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
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

#[cfg(test)]
mod cache_tests;
#[cfg(test)]
mod tests;
