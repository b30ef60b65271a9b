//! Colours and style.

use crate::events::EventKind;
use eframe::egui::{self, Color32};

/// The colour of an event kind's lane and markers (distinct hues, readable on dark).
#[must_use]
pub fn kind_color(kind: EventKind) -> Color32 {
    match kind {
        EventKind::Visit => Color32::from_rgb(0x4e, 0xa8, 0xde),
        EventKind::Meeting => Color32::from_rgb(0x5c, 0xc9, 0x8a),
        EventKind::Call => Color32::from_rgb(0x9a, 0xd2, 0x5a),
        EventKind::Statement => Color32::from_rgb(0xb0, 0xb0, 0xb8),
        EventKind::Agreement => Color32::from_rgb(0xf2, 0xc1, 0x4e),
        EventKind::Sanctions => Color32::from_rgb(0xe8, 0x6a, 0x5a),
        EventKind::Military => Color32::from_rgb(0xc0, 0x7a, 0xe0),
        EventKind::Legislation => Color32::from_rgb(0x7f, 0x8c, 0xf0),
        EventKind::Diplomatic => Color32::from_rgb(0x4f, 0xd1, 0xc5),
        EventKind::Expulsion => Color32::from_rgb(0xf0, 0x8a, 0x3c),
        EventKind::Conflict => Color32::from_rgb(0xd9, 0x4a, 0x7a),
        EventKind::Economy => Color32::from_rgb(0xc9, 0xa2, 0x6b),
        EventKind::Election => Color32::from_rgb(0xe0, 0x7a, 0xc0),
        EventKind::Business => Color32::from_rgb(0x3c, 0xb4, 0x9c),
        EventKind::Markets => Color32::from_rgb(0x8c, 0xe0, 0xd0),
        EventKind::Politics => Color32::from_rgb(0xa0, 0x90, 0xf8),
        EventKind::Legal => Color32::from_rgb(0xd0, 0xb0, 0x80),
        EventKind::Disaster => Color32::from_rgb(0xf0, 0x50, 0x40),
        EventKind::Health => Color32::from_rgb(0x70, 0xd0, 0x70),
        EventKind::Science => Color32::from_rgb(0x60, 0xc0, 0xf0),
        EventKind::Sport => Color32::from_rgb(0xf0, 0xe0, 0x60),
        EventKind::Culture => Color32::from_rgb(0xe8, 0x98, 0xa8),
        EventKind::Personnel => Color32::from_rgb(0xb8, 0xc8, 0x70),
        EventKind::Other => Color32::from_rgb(0x90, 0x98, 0xa0),
    }
}

/// Background of the selected sentence in the source pane.
pub const SENTENCE_BG: Color32 = Color32::from_rgb(0x3a, 0x3a, 0x1c);
/// Background of the time expression.
pub const TIMEX_BG: Color32 = Color32::from_rgb(0x1f, 0x4a, 0x6e);
/// Background of the trigger.
pub const TRIGGER_BG: Color32 = Color32::from_rgb(0x6e, 0x2a, 0x2a);

/// Text colour of actors and the place in the selected sentence.
pub const NAME_FG: Color32 = Color32::from_rgb(0x8f, 0xd8, 0xff);

/// Applies the app's style.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Dark);
}
