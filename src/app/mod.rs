//! The desktop app: state, commands and the background reading job.
//!
//! Drawing code never mutates the state: it pushes [`Command`]s, which
//! [`AppState::apply`] carries out after the frame is drawn (as rerun does).

mod dialogs;
mod editing;
mod edits;
mod folder;
mod reading;
mod view;

use crate::analysis::{Analysis, Options};
use crate::export::Format;
use crate::timeline::{Filter, LaneMode, Sort, SortColumn, View};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

pub use dialogs::Dialogs;
pub use editing::{AddDraft, EventDraft};
pub use edits::Edits;
pub use folder::FolderState;
pub use reading::{Read, is_events_file};
pub use view::ViewState;

/// Something the user asked for, applied after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Read this folder (replacing the current one).
    OpenFolder(PathBuf),
    /// Ask the user for a folder (native dialog, off the UI thread).
    PickFolder,
    /// Ask the user for a JSON Lines export to open.
    PickEvents,
    /// Open a dropped or chosen path: a folder, an events file, or the
    /// folder of any other file.
    OpenPath(PathBuf),
    /// Select an event (index into the analysis' events), or clear.
    Select(Option<usize>),
    /// Select the next (+1) or previous (-1) event in list order.
    SelectStep(i32),
    /// Fit the timeline to all events.
    FitAll,
    /// Show this day range on the timeline.
    SetView(View),
    /// Zoom the timeline around its centre (above 1 zooms in).
    ZoomBy(f64),
    /// Group the timeline's lanes differently.
    SetLaneMode(LaneMode),
    /// Show only the events this filter lets through.
    SetFilter(Filter),
    /// Select the first (false) or last (true) event in time.
    SelectEdge(bool),
    /// Hand a file (relative path, without a `#N` record pointer) to the system's viewer.
    OpenDocument(String),
    /// Select the event nearest in time to the selection in the lane
    /// above (-1) or below (+1).
    SelectLane(i32),
    /// Save the JSON export of the current folder to this file.
    ExportJson(PathBuf),
    /// Save the CSV export of the current folder to this file.
    ExportCsv(PathBuf),
    /// Ask where to save an export in this format.
    PickExport(ExportFormat),
    /// Open (Some) or close (None) the correction dialog of an event.
    EditEvent(Option<usize>),
    /// Save the correction dialog's changes to an event.
    CorrectEvent(usize, EventDraft),
    /// Hide an event (a false one); undoable.
    HideEvent(usize),
    /// Open (Some) or close (None) the publication-date dialog of a document.
    EditPublished(Option<usize>),
    /// Set (Some: a date in words or ISO) or clear (None) a document's
    /// publication date.
    SetPublished(usize, Option<String>),
    /// Open the dialog adding an event from this byte span of a document
    /// (None closes it).
    StartAdd(Option<(usize, (usize, usize))>),
    /// Add an event from the add dialog.
    AddEvent(AddDraft),
    /// Sort the events table by this column (again: the other way round).
    SortList(SortColumn),
    /// Undo the last correction.
    Undo,
    /// Redo the last undone correction.
    Redo,
}

/// What the File menu exports: the folder in a data format, or a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The folder's events in one of the export formats.
    Data(Format),
    /// A PNG picture of the timeline as shown.
    Png,
}

/// UI state kept between runs in eframe's storage.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// The folder shown.
    pub folder: Option<PathBuf>,
    /// The days shown (restored when the same folder is read again).
    pub view: Option<View>,
    /// The lane grouping.
    pub lane_mode: LaneMode,
    /// The filter (restored with the folder).
    pub filter: Filter,
    /// The events table's order.
    #[serde(default)]
    pub sort: Sort,
}

/// Everything the window shows, in four parts and a status line.
#[derive(Default)]
pub struct AppState {
    /// The folder shown or being read, and the background work reading it.
    pub folder: FolderState,
    /// The analysis shown, as read and as corrected, with undo.
    pub edits: Edits,
    /// What the timeline and the lists show: index, filter, zoom, lanes,
    /// selection.
    pub view: ViewState,
    /// The dialogs open (corrections, file pickers, the PNG export).
    pub dialogs: Dialogs,
    /// The last error or notice for the status line.
    pub status: Option<String>,
}

impl AppState {
    /// A state with the given analysis options.
    #[must_use]
    pub fn new(options: Options) -> Self {
        Self {
            folder: FolderState {
                options,
                use_cache: true,
                ..FolderState::default()
            },
            ..Self::default()
        }
    }

    /// Fraction read of the folder being read, if one is.
    #[must_use]
    pub fn loading(&self) -> Option<(f32, &Path)> {
        self.folder.loading()
    }

    /// Collects finished background work. Returns true when something changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        if let Some((_, rx)) = &self.dialogs.png_results
            && let Ok(message) = rx.try_recv()
        {
            self.status = Some(message);
            changed = true;
        }
        changed |= self.poll_reading();
        if let Some(picker) = &self.dialogs.picker
            && let Ok(choice) = picker.try_recv()
        {
            self.dialogs.picker = None;
            if let Some(path) = choice {
                self.open_path(path);
            }
            changed = true;
        }
        if let Some((format, picker)) = &self.dialogs.export_picker
            && let Ok(choice) = picker.try_recv()
        {
            let format = *format;
            self.dialogs.export_picker = None;
            if let Some(path) = choice {
                self.export(format, &path);
            }
            changed = true;
        }
        changed
    }

    /// Shows a folder just read, with its corrections.
    pub fn set_read(&mut self, read: Read) {
        self.finish_open(read, false);
    }

    /// Shows a folder just read; when its partial results were on screen,
    /// keeps the view the user moved to and the selection.
    fn finish_open(&mut self, mut read: Read, partial_shown: bool) {
        let selected = partial_shown.then(|| self.selected_id()).flatten();
        let moved = partial_shown && self.view.fitted != Some(self.view.days);
        let view = self.view.days;
        if let Some(groups) = read.merges.take() {
            // The analysis on screen is `read.base` itself: let go of it, so
            // that the merges are set in place rather than on a copy.
            self.edits.analysis = None;
            Arc::make_mut(&mut read.base).set_merges(&groups);
        }
        self.edits.base = Some(Arc::clone(&read.base));
        self.edits.corrections = read.corrections;
        self.edits.sidecar = Some(read.sidecar);
        self.edits.tagger = Some(read.tagger);
        self.edits.forget_history();
        let shown = read.corrected.map_or(read.base, Arc::new);
        self.show(shown);
        if moved {
            self.view.days = view;
        }
        self.reselect(selected.as_deref());
        let mut notices = read.notices;
        let (reused, files) = read.reused;
        if reused > 0 {
            notices.insert(
                0,
                format!(
                    "{reused} of {files} files unchanged since last time, taken from the cache"
                ),
            );
        }
        if !notices.is_empty() {
            self.status = Some(notices.join("; "));
        }
    }

    /// Replaces the analysis shown (used by the job and by tests).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        self.show(Arc::new(analysis));
    }

    fn show(&mut self, analysis: Arc<Analysis>) {
        self.dialogs.close_edits();
        self.install(analysis);
        self.view.selected = None;
        let restored = self
            .view
            .restore
            .take()
            .filter(|r| r.folder.is_some() && r.folder == self.folder.path);
        if let Some(settings) = restored {
            self.view.filter = settings.filter;
            self.apply_filter();
            match settings.view {
                Some(view) => self.view.days = view.clamped(),
                None => self.view.fit_all(),
            }
        } else {
            self.apply_filter();
            self.view.fit_all();
        }
    }

    /// Makes `analysis` the one shown, with its indexes; keeps the view.
    fn install(&mut self, analysis: Arc<Analysis>) {
        self.edits.analysis = Some(analysis);
        self.reindex();
    }

    /// Rebuilds the indexes of the analysis shown (not the filter).
    fn reindex(&mut self) {
        if let Some(analysis) = &self.edits.analysis {
            self.view.reindex(analysis);
        }
    }

    /// What to keep for the next run.
    #[must_use]
    pub fn settings(&self) -> Settings {
        Settings {
            folder: self.folder.path.clone(),
            view: self.edits.analysis.is_some().then_some(self.view.days),
            lane_mode: self.view.lane_mode,
            filter: self.view.filter.clone(),
            sort: self.view.sort,
        }
    }

    /// Applies settings kept from a previous run: the lane grouping now,
    /// the view and filter once the same folder has been read.
    pub fn restore(&mut self, settings: Settings) {
        self.view.sort = settings.sort;
        if settings.lane_mode != self.view.lane_mode {
            self.view.lane_mode = settings.lane_mode;
            self.rebuild_index();
        }
        self.view.restore = Some(settings);
    }

    /// A sender for the outcome of a PNG save.
    pub fn png_sender(&mut self) -> std::sync::mpsc::Sender<String> {
        self.dialogs
            .png_results
            .get_or_insert_with(channel)
            .0
            .clone()
    }

    /// Recomputes what the filter shows and the index of it.
    fn apply_filter(&mut self) {
        if let Some(analysis) = &self.edits.analysis {
            self.view.apply_filter(analysis);
        }
    }

    fn rebuild_index(&mut self) {
        if let Some(analysis) = &self.edits.analysis {
            self.view.rebuild_index(analysis);
        }
    }

    /// Selects `event` and pans the timeline to it when it is out of view.
    fn select(&mut self, event: Option<usize>) {
        self.view.select(self.edits.analysis.as_deref(), event);
    }

    /// Days `[first, last)` of a dated event of the analysis shown.
    #[must_use]
    pub fn event_days(&self, event: usize) -> Option<(f64, f64)> {
        ViewState::event_days(self.edits.analysis.as_deref()?, event)
    }

    /// Whether the analysis shown is a whole folder (not the partial
    /// results of one still being read).
    #[must_use]
    pub fn complete(&self) -> bool {
        self.edits.analysis.is_some() && (self.edits.base.is_some() || self.loading().is_none())
    }

    /// Whether background work is under way.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.folder.reading() || self.dialogs.picking()
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::OpenFolder(folder) => self.open_folder(folder),
            Command::PickFolder => {
                if self.dialogs.picker.is_none() {
                    self.dialogs.picker = Some(spawn_dialog(|| {
                        rfd::FileDialog::new()
                            .set_title("Open a folder of articles")
                            .pick_folder()
                    }));
                }
            }
            Command::PickEvents => {
                if self.dialogs.picker.is_none() {
                    self.dialogs.picker = Some(spawn_dialog(|| {
                        rfd::FileDialog::new()
                            .set_title("Open a Dateline JSON Lines export")
                            .add_filter("JSON Lines", crate::corpus::JSON_LINES_EXTENSIONS)
                            .pick_file()
                    }));
                }
            }
            Command::OpenPath(path) => self.open_path(path),
            Command::Select(event) => self.select(event),
            Command::SelectStep(step) => {
                let order = self.view.list_order();
                let position = self
                    .view
                    .selected
                    .and_then(|s| order.iter().position(|&e| e == s));
                let next = match position {
                    Some(p) => p
                        .checked_add_signed(step as isize)
                        .filter(|&n| n < order.len())
                        .unwrap_or(p),
                    None => 0,
                };
                if let Some(&event) = order.get(next) {
                    self.select(Some(event));
                }
            }
            Command::FitAll => self.view.fit_all(),
            Command::SetView(view) => self.view.days = view.clamped(),
            Command::ZoomBy(factor) => {
                let centre = f64::midpoint(self.view.days.first, self.view.days.last);
                self.view.days = self.view.days.zoomed_at(centre, factor);
            }
            Command::SetLaneMode(mode) => {
                self.view.lane_mode = mode;
                self.rebuild_index();
            }
            Command::OpenDocument(path) => {
                if let Some(analysis) = &self.edits.analysis {
                    let full = analysis.root.join(&path);
                    self.status = Some(match open_with_system(&full) {
                        Ok(()) => format!("opened {}", full.display()),
                        Err(err) => format!("cannot open {}: {err}", full.display()),
                    });
                }
            }
            Command::SetFilter(filter) => {
                if filter != self.view.filter {
                    self.view.filter = filter;
                    self.apply_filter();
                }
            }
            Command::SelectEdge(last) => {
                let order = self.view.index.order();
                let edge = if last { order.last() } else { order.first() };
                let event = edge.map(|&e| e as usize);
                self.select(event);
            }
            Command::SelectLane(step) => {
                let Some(current) = self.view.selected else {
                    return self.select(self.view.index.order().first().map(|&e| e as usize));
                };
                let Some((lane, _)) = self.view.index.find(current) else {
                    return;
                };
                let day = self
                    .event_days(current)
                    .map_or(0.0, |(a, b)| f64::midpoint(a, b));
                let target = lane.checked_add_signed(step as isize);
                if let Some(event) = target.and_then(|l| self.view.nearest_in_lane(l, day)) {
                    self.select(Some(event));
                }
            }
            Command::EditEvent(event) => {
                self.dialogs.editing = event;
                self.dialogs.edit_error = None;
            }
            Command::CorrectEvent(event, draft) => self.correct_event(event, &draft),
            Command::HideEvent(event) => self.hide_event(event),
            Command::EditPublished(doc) => {
                self.dialogs.editing_published = doc;
                self.dialogs.edit_error = None;
            }
            Command::SetPublished(doc, date) => self.set_published(doc, date.as_deref()),
            Command::StartAdd(span) => {
                self.dialogs.adding = span;
                self.dialogs.edit_error = None;
            }
            Command::AddEvent(draft) => self.add_event(&draft),
            Command::SortList(column) => {
                self.view.sort = self.view.sort.clicked(column);
                if let Some(analysis) = &self.edits.analysis {
                    self.view.table = self.view.sort.apply(analysis, self.view.index.order());
                }
                self.view.reveal_selection = self.view.selected.is_some();
            }
            Command::Undo => self.undo_redo(true),
            Command::Redo => self.undo_redo(false),
            Command::ExportJson(path) => self.export(ExportFormat::Data(Format::Json), &path),
            Command::ExportCsv(path) => self.export(ExportFormat::Data(Format::Csv), &path),
            Command::PickExport(format) => {
                if self.dialogs.export_picker.is_none() && self.complete() {
                    let (name, ext) = match format {
                        ExportFormat::Data(f) => (f.file_name(), f.extension()),
                        ExportFormat::Png => ("dateline-timeline.png", "png"),
                    };
                    let rx = spawn_dialog(move || {
                        rfd::FileDialog::new()
                            .set_file_name(name)
                            .add_filter(ext, &[ext])
                            .save_file()
                    });
                    self.dialogs.export_picker = Some((format, rx));
                }
            }
        }
    }

    fn export(&mut self, format: ExportFormat, path: &Path) {
        if !self.complete() {
            self.status = Some("the folder is still being read: export when it is done".to_owned());
            return;
        }
        let Some(analysis) = &self.edits.analysis else {
            return;
        };
        let ExportFormat::Data(data) = format else {
            // Taken by the window on its next frame (see `DatelineApp::ui`).
            self.dialogs.png_request = Some(path.to_path_buf());
            return;
        };
        let title = analysis
            .root
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut buffer = Vec::new();
        let written = data.write(analysis, &title, &mut buffer);
        let result = written.and_then(|()| crate::store::write_atomically(path, &buffer));
        self.status = Some(match result {
            Ok(()) => format!("exported to {}", path.display()),
            Err(err) => format!("export failed: {err}"),
        });
    }
}

/// Hands a file to the desktop's default application, without waiting.
fn open_with_system(path: &Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|mut child| {
            // Reap it when it ends, so that no zombie is left behind.
            std::thread::spawn(move || child.wait());
        })
}

/// Runs a blocking native dialog on its own thread.
fn spawn_dialog(
    dialog: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    let spawned = std::thread::Builder::new()
        .name("dialog".into())
        .spawn(move || {
            let _ = tx.send(dialog());
        });
    if spawned.is_err() {
        let (tx, rx) = channel();
        let _ = tx.send(None);
        return rx;
    }
    rx
}
