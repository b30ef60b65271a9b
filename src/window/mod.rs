//! The window: eframe's application around the app state. Each frame it
//! collects finished background work, asks `ui` to draw the state and
//! collect commands, then applies them; it keeps the settings in eframe's
//! storage and takes `--screenshot` pictures.

mod screenshot;

use crate::analysis::Options;
use crate::app::{AppState, Command, Settings};
use crate::ui;
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;

pub use screenshot::{Scene, ScreenshotPlan};

/// Key of [`Settings`] in eframe's storage.
const SETTINGS_KEY: &str = "dateline-settings";

/// What the window opens.
pub enum Source {
    /// A folder of articles.
    Folder(PathBuf),
    /// A JSON Lines export.
    Events(PathBuf),
    /// This many synthetic events.
    Demo(usize),
}

/// Opens the window on `source` and runs it until it is closed.
///
/// # Errors
/// When the window cannot be opened (no display, no GL).
pub fn run(
    source: Source,
    options: Options,
    screenshot: Option<PathBuf>,
    scene: Scene,
    size: Option<(f32, f32)>,
) -> anyhow::Result<()> {
    let (w, h) = size.unwrap_or((1600.0, 1000.0));
    let viewport = egui::ViewportBuilder::default()
        .with_title("Dateline")
        .with_inner_size([w, h])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    let native = eframe::NativeOptions {
        viewport,
        // Screenshots must not depend on what a previous run left in storage.
        persist_window: screenshot.is_none(),
        ..eframe::NativeOptions::default()
    };
    let plan = screenshot.map(|out| ScreenshotPlan::new(out, scene));
    eframe::run_native(
        "Dateline",
        native,
        Box::new(move |cc| {
            Ok(Box::new(match source {
                Source::Folder(folder) => DatelineApp::new(cc, Some(folder), options, plan),
                Source::Events(file) => {
                    let mut app = DatelineApp::new(cc, None, options, plan);
                    app.state.open_events(&file);
                    app
                }
                Source::Demo(n) => {
                    let mut app = DatelineApp::new(cc, None, options, plan);
                    app.state.folder.path =
                        Some(PathBuf::from(format!("demo: {n} synthetic events")));
                    app.state
                        .set_analysis(crate::timeline::synthetic::analysis(n, 1));
                    app
                }
            }))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// The eframe application.
pub struct DatelineApp {
    /// The state.
    pub state: AppState,
    screenshot: Option<ScreenshotPlan>,
}

impl DatelineApp {
    /// Creates the app and starts reading `folder`, if given.
    #[must_use]
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        folder: Option<PathBuf>,
        options: Options,
        screenshot: Option<ScreenshotPlan>,
    ) -> Self {
        ui::theme::apply(&cc.egui_ctx);
        // egui keeps a scroll area's running animation with its position,
        // timed by the last run's clock: restored into a new run, whose
        // clock starts again at zero, it never ends and the window repaints
        // flat out until the clock catches up (minutes or hours). The lists
        // show other content by then anyway.
        cc.egui_ctx.data_mut(
            egui::util::IdTypeMap::remove_by_type::<egui::containers::scroll_area::State>,
        );
        let mut state = AppState::new(options);
        let ctx = cc.egui_ctx.clone();
        state.folder.waker = Some(Arc::new(move || ctx.request_repaint()));
        // A screenshot must not depend on what an earlier run left behind
        // (settings, or a cache that changes the status line).
        state.folder.use_cache = screenshot.is_none();
        if screenshot.is_none()
            && let Some(settings) = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, SETTINGS_KEY))
        {
            state.restore(settings);
        }
        if let Some(folder) = folder {
            state.open_folder(folder);
        }
        Self { state, screenshot }
    }
}

impl eframe::App for DatelineApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, SETTINGS_KEY, &self.state.settings());
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(path) = self.state.dialogs.png_request.take() {
            let sender = self.state.png_sender();
            screenshot::save_timeline_png(ui.ctx(), path, sender);
        }
        if self.state.poll() {
            ui.ctx().request_repaint();
        }
        let mut commands = Vec::new();
        for path in ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect::<Vec<_>>()
        }) {
            commands.push(Command::OpenPath(path));
        }
        ui::shortcuts(ui.ctx(), &self.state, &mut commands);
        ui::app_ui(ui, &self.state, &mut commands);
        // The selection is revealed (scrolled to) for one frame only.
        self.state.view.reveal_selection = false;
        if !commands.is_empty() {
            ui.ctx().request_repaint();
        }
        for command in commands {
            self.state.apply(command);
        }
        if self.state.busy() {
            // Ten frames a second show the progress smoothly; more would
            // take cores from the read where painting is done in software.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        } else if let Some(due) = self.state.watch_due_in() {
            ui.ctx().request_repaint_after(due);
        }
        if let Some(plan) = &mut self.screenshot {
            plan.step(ui.ctx(), &mut self.state);
        }
    }
}
