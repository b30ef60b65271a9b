//! `--screenshot OUT.png`: wait for the folder, select the first dated
//! event, let the layout settle, capture the window, save it and quit.

use super::{AppState, Command};
use eframe::egui;
use std::path::PathBuf;

/// Frames to draw after loading before the capture (layout and scrolling settle).
const SETTLE_FRAMES: u32 = 6;

/// The screenshot to take.
#[derive(Debug)]
pub struct ScreenshotPlan {
    out: PathBuf,
    settled: u32,
    requested: bool,
}

impl ScreenshotPlan {
    /// A plan saving to `out`.
    #[must_use]
    pub fn new(out: PathBuf) -> Self {
        Self {
            out,
            settled: 0,
            requested: false,
        }
    }

    /// Advances the plan by one frame.
    pub fn step(&mut self, ctx: &egui::Context, state: &mut AppState) {
        ctx.request_repaint();
        if state.busy() || self.requested {
            return;
        }
        if self.settled == 0 && state.selected.is_none() {
            let first = state.index.order().first().map(|&e| e as usize);
            state.apply(Command::Select(first));
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
    img.save(out).map_err(|e| e.to_string())
}
