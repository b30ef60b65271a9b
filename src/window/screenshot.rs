//! `--screenshot OUT.png`: wait for the folder, set the [`Scene`] up (the
//! first dated event selected, its correction dialog open…), let the layout
//! settle, capture the window, save it and quit.

use crate::app::{AppState, Command};
use eframe::egui;
use std::path::PathBuf;

/// Frames to draw after loading before the capture (layout and scrolling settle).
const SETTLE_FRAMES: u32 = 6;

/// What the window shows in a screenshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scene {
    /// The whole folder, nothing selected.
    Overview,
    /// The first dated event selected, with its source.
    #[default]
    Selected,
    /// The same with its correction dialog open.
    Correct,
}

impl Scene {
    /// Parses `overview`, `selected` or `correct`.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "overview" => Some(Self::Overview),
            "selected" => Some(Self::Selected),
            "correct" => Some(Self::Correct),
            _ => None,
        }
    }
}

/// The screenshot to take.
#[derive(Debug)]
pub struct ScreenshotPlan {
    out: PathBuf,
    scene: Scene,
    settled: u32,
    requested: bool,
}

impl ScreenshotPlan {
    /// A plan saving to `out`.
    #[must_use]
    pub fn new(out: PathBuf, scene: Scene) -> Self {
        Self {
            out,
            scene,
            settled: 0,
            requested: false,
        }
    }

    /// Advances the plan by one frame.
    pub fn step(&mut self, ctx: &egui::Context, state: &mut AppState) {
        // While the folder is read the window paints at its own pace (as
        // it would for a user): painting flat out would take the cores
        // the read needs.
        if state.busy() || self.requested {
            return;
        }
        ctx.request_repaint();
        if self.settled == 0 && state.view.selected.is_none() && self.scene != Scene::Overview {
            let first = state.view.index.order().first().map(|&e| e as usize);
            state.apply(Command::Select(first));
            if self.scene == Scene::Correct {
                state.apply(Command::EditEvent(first));
            }
        }
        self.settled += 1;
        if self.settled < SETTLE_FRAMES {
            return;
        }
        self.requested = true;
        let out = self.out.clone();
        let window = ctx.clone();
        let callback = egui::ScreenshotCallback::new(move |image| {
            match save_png(&image, &out) {
                Ok(()) => eprintln!("saved screenshot to {}", out.display()),
                Err(err) => eprintln!("dateline: error: cannot save screenshot: {err}"),
            }
            window.send_viewport_cmd(egui::ViewportCommand::Close);
            window.request_repaint();
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
    }
}

/// Asks the window for a picture and saves the timeline's part of it to
/// `out` (atomically); the outcome goes to `done` as a status message.
pub fn save_timeline_png(ctx: &egui::Context, out: PathBuf, done: std::sync::mpsc::Sender<String>) {
    let rect = ctx.data(|d| d.get_temp::<egui::Rect>(crate::ui::timeline_rect_id()));
    let pixels_per_point = ctx.pixels_per_point();
    let window = ctx.clone();
    let callback = egui::ScreenshotCallback::new(move |image| {
        let image = match rect {
            Some(r) => image.region(&r, Some(pixels_per_point)),
            None => (*image).clone(),
        };
        let message = match save_png(&image, &out) {
            Ok(()) => format!("saved the timeline to {}", out.display()),
            Err(err) => format!("cannot save {}: {err}", out.display()),
        };
        let _ = done.send(message);
        window.request_repaint();
    });
    ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
}

fn save_png(image: &egui::ColorImage, out: &std::path::Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(eframe::egui::Color32::to_array)
        .collect();
    let width = u32::try_from(w).map_err(|e| e.to_string())?;
    let height = u32::try_from(h).map_err(|e| e.to_string())?;
    let img = image::RgbaImage::from_raw(width, height, bytes).ok_or("bad screenshot buffer")?;
    let mut png = std::io::Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    crate::store::write_atomically(out, png.get_ref()).map_err(|e| e.to_string())
}
