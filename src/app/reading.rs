//! Reading a folder in the background: the job thread (cache, partial
//! results, corrections, writing the next cache) and watching the folder
//! for changes while it is open.
//!
//! A fresh open shows partial results as they stream in: the documents are
//! moved to the window, which assembles the folder (path order) and lends
//! it back to the job to be merged, corrected and cached, so that a
//! folder's events are never held twice. A re-read after a change on disk
//! (a *refresh*) keeps showing the current analysis until the new one is
//! complete, then swaps it in keeping the view, the selection and the undo
//! history.

use super::{AppState, editing};
use crate::analysis::{Analysis, Options, Problem};
use crate::cache::CacheFile;
use crate::corrections::Corrections;
use crate::corrections::sidecar::Sidecar;
use crate::export::jsonl::JsonlRead;
use crate::ingest::{HandedFile, Progress, ReadHooks, read_folder};
use crate::temporal::Tagger;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// How long the folder must stay quiet before a change is read.
const SETTLE: Duration = Duration::from_millis(400);
/// Least time between two re-indexings of a streaming analysis.
const REINDEX_EVERY: Duration = Duration::from_millis(250);
/// A re-indexing of a streaming analysis waits this many times as long as
/// the last one took: the window's share of a core stays under a fifth,
/// the rest reads the folder.
const REINDEX_SPACING: u32 = 5;

/// How long the window waits for the job to let go of the folder it lent
/// it before merging on a copy (the job lets go as it hands the merges
/// over, so this is only a guard against a job that hangs on).
const LEND_WAIT: Duration = Duration::from_secs(10);

/// What the reading job streams to the window during a fresh open.
enum Streamed {
    /// Files just read, each with its index in path order; their documents
    /// are moved here, not copied.
    Files(Vec<HandedFile>),
    /// Every file is read; the folder's own problems. The job now waits for
    /// the folder assembled here.
    AllRead(Vec<Problem>),
}

/// A folder being read in the background.
pub(super) struct Job {
    pub(super) folder: PathBuf,
    pub(super) progress: Arc<Progress>,
    result: Receiver<Result<Read, String>>,
    partial: Receiver<Streamed>,
    /// Where the folder assembled from the streamed documents goes back to
    /// the job.
    assembled: Sender<Arc<Analysis>>,
    /// A re-read of the folder shown (after a change on disk).
    refresh: bool,
    /// Partial documents received and not yet shown, by file.
    waiting: Vec<HandedFile>,
    /// The file (index in path order) of each document shown, in the order
    /// they were shown.
    file_of_doc: Vec<usize>,
    /// The finished read, waiting for the job to let go of the analysis
    /// (since when), so that its merges are set in place.
    finished: Option<(Read, Instant)>,
    /// When the streaming analysis was last re-indexed, and how long it took.
    last_index: Option<(Instant, Duration)>,
    /// Partial results are on screen.
    pub(super) shown_partial: bool,
}

/// What the background job hands over: the folder as read, and as corrected.
pub struct Read {
    /// The analysis as the machine made it.
    pub base: Arc<Analysis>,
    /// Merge groups to set on `base` (see [`Analysis::set_merges`]) once
    /// the window holds it alone; `None` when it is merged already.
    pub merges: Option<Vec<Vec<usize>>>,
    /// The same with the sidecar's corrections applied (`None`: there are none).
    pub corrected: Option<Analysis>,
    /// The corrections.
    pub corrections: Corrections,
    /// Where they are kept.
    pub sidecar: Sidecar,
    /// Orphaned or kept-aside corrections, for the status line.
    pub notices: Vec<String>,
    /// The tagger, reused to re-resolve documents after an edit.
    pub tagger: Arc<Tagger>,
    /// Files taken unchanged from the cache, of all files.
    pub reused: (usize, usize),
}

/// Watches the open folder; changes arrive as a count on a channel.
pub(super) struct Watch {
    /// Kept alive while the folder is open.
    _watcher: notify::RecommendedWatcher,
    changes: Receiver<()>,
    /// The first change not yet read, when there is one.
    pending: Option<Instant>,
    /// The last change seen.
    last: Option<Instant>,
}

/// Whether `path` is a Dateline JSON Lines export (by its first line).
#[must_use]
pub fn is_events_file(path: &Path) -> bool {
    use std::io::BufRead as _;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    // Read at most one line of 4 KB: this may be any file at all.
    let mut first = String::new();
    let mut reader = std::io::Read::take(std::io::BufReader::new(file), 4096);
    reader.read_line(&mut first).is_ok() && crate::export::jsonl::is_dateline_jsonl(first.trim())
}

impl AppState {
    /// Opens what the user dropped or chose: a folder; a Dateline JSON Lines
    /// export; any other file stands for the folder it is in.
    pub fn open_path(&mut self, path: PathBuf) {
        if path.is_dir() {
            self.open_folder(path);
        } else if is_events_file(&path) {
            self.open_events(&path);
        } else {
            let folder = path.parent().map(Path::to_path_buf).unwrap_or(path);
            self.open_folder(folder);
        }
    }

    /// Opens a JSON Lines export (one file, or shards joined with `cat`):
    /// its events on the timeline, each with its document's text. Read-only:
    /// corrections belong to the article folder.
    pub fn open_events(&mut self, file: &Path) {
        self.folder.watch = None;
        if let Some(job) = self.folder.job.take() {
            job.progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let (tx, rx) = channel();
        let job_file = file.to_path_buf();
        let waker = self.folder.waker.clone();
        let spawned = std::thread::Builder::new()
            .name("read-events".into())
            .spawn(move || {
                let read = std::fs::File::open(&job_file).map(|f| {
                    crate::export::read_jsonl([(
                        job_file.display().to_string(),
                        Box::new(std::io::BufReader::new(f)) as Box<dyn std::io::BufRead>,
                    )])
                });
                let _ = tx.send((job_file, read));
                if let Some(wake) = waker {
                    wake();
                }
            });
        match spawned {
            Ok(_) => {
                self.status = Some(format!("reading {}…", file.display()));
                self.folder.events_job = Some(rx);
            }
            Err(err) => self.status = Some(format!("cannot start reading: {err}")),
        }
    }

    /// Shows an events file once read.
    fn finish_events(&mut self, file: &Path, read: std::io::Result<JsonlRead>) {
        match read {
            Ok(read) => {
                self.folder.path = Some(file.to_path_buf());
                self.edits.base = None;
                self.edits.sidecar = None;
                self.edits.corrections = Corrections::default();
                self.edits.forget_history();
                let events = read.analysis.events.len();
                let docs = read.analysis.docs.len();
                self.set_analysis(read.analysis);
                let mut status = format!(
                    "{events} events of {docs} documents from {} (read-only: corrections are made on the article folder)",
                    file.display()
                );
                if !read.problems.is_empty() {
                    let _ = std::fmt::Write::write_fmt(
                        &mut status,
                        format_args!(
                            "; {} lines not read: {}",
                            read.problems.len(),
                            read.problems.join("; ")
                        ),
                    );
                }
                self.status = Some(status);
            }
            Err(err) => self.status = Some(format!("cannot open {}: {err}", file.display())),
        }
    }

    /// Starts reading a folder in the background (replacing the one shown).
    pub fn open_folder(&mut self, folder: PathBuf) {
        self.folder.watch = None;
        self.start_read(folder, false);
    }

    /// Reads the folder shown again (after it changed on disk), keeping the
    /// view, selection and undo history.
    pub fn refresh(&mut self) {
        if let Some(folder) = self.folder.path.clone() {
            self.start_read(folder, true);
        }
    }

    fn start_read(&mut self, folder: PathBuf, refresh: bool) {
        if let Some(job) = self.folder.job.take() {
            job.progress
                .cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let progress = Arc::new(Progress::default());
        let (tx, rx) = channel();
        let (partial_tx, partial_rx) = channel();
        let (assembled_tx, assembled_rx) = channel();
        let options = self.folder.options.clone();
        let use_cache = self.folder.use_cache;
        let job_progress = Arc::clone(&progress);
        let job_folder = folder.clone();
        let waker = self.folder.waker.clone();
        let spawned = std::thread::Builder::new()
            .name("read-folder".into())
            .spawn(move || {
                read_job(
                    &job_folder,
                    &options,
                    &job_progress,
                    use_cache,
                    (!refresh).then_some((&partial_tx, &assembled_rx)),
                    &tx,
                );
                if let Some(wake) = waker {
                    wake();
                }
            });
        if let Err(err) = spawned {
            self.status = Some(format!("cannot start reading: {err}"));
            return;
        }
        if !refresh {
            self.folder.path = Some(folder.clone());
            self.status = None;
        }
        self.folder.job = Some(Job {
            folder,
            progress,
            result: rx,
            partial: partial_rx,
            assembled: assembled_tx,
            refresh,
            waiting: Vec::new(),
            file_of_doc: Vec::new(),
            finished: None,
            last_index: None,
            shown_partial: false,
        });
    }

    /// Takes in what the reading job and the folder watch have for us.
    /// Returns true when something changed.
    pub(super) fn poll_reading(&mut self) -> bool {
        let mut changed = self.poll_watch();
        if let Some(rx) = &self.folder.events_job
            && let Ok((file, read)) = rx.try_recv()
        {
            self.folder.events_job = None;
            self.finish_events(&file, read);
            changed = true;
        }
        let Some(job) = &mut self.folder.job else {
            return changed;
        };
        let mut all_read = None;
        for streamed in job.partial.try_iter() {
            match streamed {
                Streamed::Files(files) => job.waiting.extend(files),
                Streamed::AllRead(problems) => all_read = Some(problems),
            }
        }
        if let Some(problems) = all_read {
            self.assemble(problems);
            return true;
        }
        if job.finished.is_none() {
            match job.result.try_recv() {
                Ok(Ok(read)) if read.merges.is_some() => {
                    job.finished = Some((read, Instant::now()));
                }
                Ok(result) => {
                    let Some(job) = self.folder.job.take() else {
                        return changed;
                    };
                    match result {
                        Ok(read) if job.refresh => self.finish_refresh(read),
                        Ok(read) => self.finish_open(read, job.shown_partial),
                        Err(err) => self.status = Some(err),
                    }
                    if self.folder.watch.is_none() {
                        self.start_watching();
                    }
                    return true;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.folder.job = None;
                    self.status = Some("reading the folder stopped unexpectedly".to_owned());
                    return true;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Some((read, since)) = &job.finished {
            // Held by the job (writing the cache) and by this window only.
            let ours = self
                .edits
                .analysis
                .as_ref()
                .is_some_and(|a| Arc::ptr_eq(a, &read.base));
            let free = Arc::strong_count(&read.base) <= 1 + usize::from(ours);
            if free || since.elapsed() >= LEND_WAIT {
                let Some(job) = self.folder.job.take() else {
                    return changed;
                };
                if let Some((read, _)) = job.finished {
                    self.finish_open(read, job.shown_partial);
                }
                if self.folder.watch.is_none() {
                    self.start_watching();
                }
                return true;
            }
            return changed;
        }
        // Show partial results, but re-index no more often than it costs.
        let due = job.last_index.is_none_or(|(at, took)| {
            at.elapsed() >= REINDEX_EVERY.max(took.saturating_mul(REINDEX_SPACING))
        });
        if !job.refresh && !job.waiting.is_empty() && due {
            let started = Instant::now();
            self.show_waiting();
            if let Some(job) = &mut self.folder.job {
                job.last_index = Some((started, started.elapsed()));
            }
            changed = true;
        }
        changed
    }

    /// Shows the streamed documents not yet shown.
    fn show_waiting(&mut self) {
        if let Some(follow) = self.take_waiting() {
            self.reindex();
            self.apply_filter();
            if follow {
                self.view.fit_all();
            }
        }
    }

    /// Every file is read: puts the documents shown in path order and lends
    /// the folder to the job to be merged, corrected and cached. Indexed
    /// once, after the last documents are in and in order.
    fn assemble(&mut self, problems: Vec<Problem>) {
        let follow = self.take_waiting() == Some(true);
        let selected = self.selected_id();
        let Some(job) = &mut self.folder.job else {
            return;
        };
        let Some(analysis) = &mut self.edits.analysis else {
            return;
        };
        // This window holds the only reference: no copy is made.
        let folder = Arc::make_mut(analysis);
        folder.problems = problems;
        folder.put_in_path_order(&job.file_of_doc);
        job.file_of_doc = Vec::new();
        let lent = Arc::clone(analysis);
        // The job is gone when another folder replaced this one.
        let _ = job.assembled.send(lent);
        self.reindex();
        self.apply_filter();
        if follow {
            self.view.fit_all();
        }
        self.reselect(selected.as_deref());
    }

    /// Moves the streamed documents not yet shown into the analysis shown
    /// (the first of a new folder replaces the old one), without indexing
    /// them. `None` when there was nothing to move, else whether the view
    /// should fit the folder again (a new folder, or a view still fitted).
    fn take_waiting(&mut self) -> Option<bool> {
        let job = self.folder.job.as_mut()?;
        // Nothing new to show (a first, empty batch still replaces the old folder).
        if job.waiting.is_empty() && job.shown_partial {
            return None;
        }
        let files = std::mem::take(&mut job.waiting);
        let mut docs = Vec::new();
        for (file, file_docs) in files {
            job.file_of_doc
                .extend(std::iter::repeat_n(file, file_docs.len()));
            docs.extend(file_docs);
        }
        let fresh = !job.shown_partial;
        job.shown_partial = true;
        if fresh {
            self.edits.base = None;
            self.edits.corrections = Corrections::default();
            self.edits.forget_history();
            self.view.selected = None;
            self.edits.analysis = Some(Arc::new(Analysis {
                root: self.folder.path.clone().unwrap_or_default(),
                ..Analysis::default()
            }));
        }
        if let Some(analysis) = &mut self.edits.analysis {
            let analysis = Arc::make_mut(analysis);
            for doc in docs {
                analysis.push(doc);
            }
        }
        Some(fresh || self.view.fitted == Some(self.view.days))
    }

    /// Swaps in a re-read folder, keeping what the user was doing.
    fn finish_refresh(&mut self, read: Read) {
        if self.dialogs.editing_open() {
            // A dialog refers to the current analysis: read again once it closes.
            self.watch_changed();
            return;
        }
        let selected = self.selected_id();
        let view = self.view.days;
        let auto_view = self.view.fitted == Some(view);
        self.edits.base = Some(read.base);
        self.edits.sidecar = Some(read.sidecar);
        self.edits.tagger = Some(read.tagger);
        // The corrections in memory are the latest (each edit is saved as it
        // is made), so they are applied to the new reading.
        let corrected = if self.edits.corrections == read.corrections {
            read.corrected
        } else if let (Some(base), Some(tagger)) = (&self.edits.base, &self.edits.tagger) {
            Some(
                crate::corrections::apply(
                    base,
                    &self.edits.corrections,
                    tagger,
                    &self.folder.options,
                )
                .0,
            )
        } else {
            None
        };
        let shown = match corrected {
            Some(analysis) => Arc::new(analysis),
            None => self.edits.base.clone().unwrap_or_default(),
        };
        self.install(shown);
        self.apply_filter();
        self.view.days = view;
        if auto_view {
            self.view.fit_all();
        }
        self.reselect(selected.as_deref());
        let files = read.reused.1 - read.reused.0.min(read.reused.1);
        self.status = Some(format!(
            "the folder changed on disk: read again ({files} file{} read, the rest from the cache)",
            if files == 1 { "" } else { "s" }
        ));
    }

    /// The id of the selected event.
    pub(super) fn selected_id(&self) -> Option<String> {
        let analysis = self.edits.analysis.as_ref()?;
        Some(analysis.events.get(self.view.selected?)?.id.clone())
    }

    /// Selects the event with id `id`, if it is there.
    pub(super) fn reselect(&mut self, id: Option<&str>) {
        let index = id.and_then(|id| {
            self.edits
                .analysis
                .as_ref()
                .and_then(|a| a.events.iter().position(|e| e.id == id))
        });
        self.view.selected = index;
        self.view.reveal_selection = index.is_some();
    }

    fn start_watching(&mut self) {
        let Some(folder) = self.folder.path.clone() else {
            return;
        };
        let (tx, rx) = channel();
        let waker = self.folder.waker.clone();
        let root = folder.clone();
        let handler = move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| matters(&root, &e)) {
                let _ = tx.send(());
                if let Some(wake) = &waker {
                    wake();
                }
            }
        };
        match watch(&folder, handler) {
            Ok(watcher) => {
                self.folder.watch = Some(Watch {
                    _watcher: watcher,
                    changes: rx,
                    pending: None,
                    last: None,
                });
            }
            Err(err) => {
                self.status = Some(format!(
                    "not watching the folder for changes ({err}): reopen it to see them"
                ));
            }
        }
    }

    /// Notes a change to read again.
    fn watch_changed(&mut self) {
        if let Some(watch) = &mut self.folder.watch {
            let now = Instant::now();
            watch.pending.get_or_insert(now);
            watch.last = Some(now);
        }
    }

    /// Starts a refresh once the folder has been quiet for a moment.
    fn poll_watch(&mut self) -> bool {
        let Some(watch) = &mut self.folder.watch else {
            return false;
        };
        if watch.changes.try_iter().count() > 0 {
            let now = Instant::now();
            watch.pending.get_or_insert(now);
            watch.last = Some(now);
        }
        let settled = watch.last.is_some_and(|last| last.elapsed() >= SETTLE);
        let dialog = self.dialogs.editing_open();
        if watch.pending.is_some() && settled && self.folder.job.is_none() && !dialog {
            watch.pending = None;
            watch.last = None;
            self.refresh();
            return true;
        }
        false
    }

    /// When the UI should look again for a pending change.
    #[must_use]
    pub fn watch_due_in(&self) -> Option<Duration> {
        let last = self.folder.watch.as_ref()?.last?;
        Some(SETTLE.saturating_sub(last.elapsed()))
    }

    /// Whether the folder is watched for changes.
    #[must_use]
    pub fn watching(&self) -> bool {
        self.folder.watching()
    }
}

/// The job: read (with the cache), stream partial results, apply the
/// corrections, hand over, then write the next cache.
fn read_job(
    folder: &Path,
    options: &Options,
    progress: &Progress,
    use_cache: bool,
    partial: Option<(&Sender<Streamed>, &Receiver<Arc<Analysis>>)>,
    result: &Sender<Result<Read, String>>,
) {
    let cache_file = use_cache.then(|| CacheFile::of(folder));
    let stream = partial.map(|(tx, _)| tx);
    let send_partial = |files: Vec<HandedFile>| {
        if let Some(tx) = stream {
            let _ = tx.send(Streamed::Files(files));
        }
    };
    let hooks = ReadHooks {
        cache: cache_file.as_ref().and_then(|c| c.load(options)),
        partial: partial
            .is_some()
            .then_some(&send_partial as &(dyn Fn(_) + Sync)),
        select: None,
    };
    let read = match read_folder(folder, options, progress, &hooks) {
        Ok(read) => read,
        Err(err) => {
            let _ = result.send(Err(err.to_string()));
            return;
        }
    };
    if progress.cancel.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let files = read.records.len();
    // Best effort: without a cache the next open only takes longer.
    let save = |base: &Analysis| {
        if let Some(cache_file) = &cache_file
            && read.reused < files
        {
            let _ = cache_file.save(base, &read.records, options);
        }
    };
    let Some((tx, assembled)) = partial else {
        let base = Arc::new(read.analysis);
        let mut handed = editing::read_corrections(Arc::clone(&base), options);
        handed.reused = (read.reused, files);
        // The receiver is gone when another folder replaced this one.
        let _ = result.send(Ok(handed));
        save(&base);
        return;
    };
    // The documents went to the window: it assembles the folder and lends
    // it back. The cache is written while the merges are found (both only
    // read the folder), so that the window has the folder back, to set the
    // merges in place, as soon as they are known.
    let _ = tx.send(Streamed::AllRead(read.analysis.problems));
    let Ok(base) = assembled.recv() else {
        return;
    };
    let merges = std::thread::scope(|scope| {
        scope.spawn(|| save(&base));
        base.merge_groups()
    });
    let mut handed = editing::read_corrections(base, options);
    handed.merges = Some(merges);
    handed.reused = (read.reused, files);
    let _ = result.send(Ok(handed));
}

/// Whether a change can alter what Dateline shows: not mere reads, and not
/// hidden entries inside the folder (Dateline's own `.dateline/` among them).
fn matters(folder: &Path, event: &notify::Event) -> bool {
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        !p.strip_prefix(folder)
            .unwrap_or(p)
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
    })
}

fn watch(
    folder: &Path,
    handler: impl notify::EventHandler,
) -> notify::Result<notify::RecommendedWatcher> {
    use notify::Watcher as _;
    let mut watcher = notify::recommended_watcher(handler)?;
    watcher.watch(folder, notify::RecursiveMode::Recursive)?;
    Ok(watcher)
}
