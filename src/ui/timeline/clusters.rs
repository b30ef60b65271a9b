//! Clusters: where markers would overlap, a pill with their count,
//! underlined in their kind's colour and more opaque the busier it is, so
//! that a crowded lane reads as a density.

use super::MARKER_RADIUS;
use super::markers::color_of;
use crate::timeline::{Item, LayoutParams};
use eframe::egui::{Color32, Mesh, Pos2, Rect, vec2};

/// Where a cluster is drawn, and its count.
pub(super) struct Pill {
    /// The pill; the picking takes it, a little larger, as the cluster.
    pub rect: Rect,
    /// The count, compact ("1.2k").
    label: String,
    /// Room the label needs.
    text_width: f32,
    /// How many events.
    count: u32,
}

impl Pill {
    /// The pill of `count` events from `x0` to `x1` in the lane at `y`.
    pub(super) fn new(x0: f32, x1: f32, y: f32, count: u32, params: &LayoutParams) -> Self {
        let label = compact_count(count);
        #[expect(clippy::cast_precision_loss, reason = "label lengths")]
        let text_width = label.len() as f32 * 6.5 + 6.0;
        let rect = if x1 - x0 >= params.count_cell_px - 1.0 {
            // A counted cell: exactly its width, so cells never overlap.
            Rect::from_min_max(Pos2::new(x0 + 1.0, y - 8.0), Pos2::new(x1 - 1.0, y + 8.0))
        } else {
            let half = (f32::max(x1 - x0 + 2.0 * MARKER_RADIUS, text_width) / 2.0)
                .max(MARKER_RADIUS + 3.0);
            Rect::from_center_size(Pos2::new(f32::midpoint(x0, x1), y), vec2(2.0 * half, 16.0))
        };
        Self {
            rect,
            label,
            text_width,
            count,
        }
    }

    /// Adds the pill to `mesh` in the colour of `kind` (grey for mixed
    /// kinds), weighed against the `busiest` cluster; returns its label and
    /// where it goes, if it fits.
    pub(super) fn paint(
        self,
        mesh: &mut Mesh,
        kind: Option<u8>,
        busiest: f64,
    ) -> Option<(Pos2, String)> {
        let color = kind.map_or(Color32::from_gray(150), color_of);
        #[expect(clippy::cast_possible_truncation, reason = "an opacity")]
        let weight = (f64::from(self.count).ln_1p() / busiest.ln_1p().max(1.0)) as f32;
        mesh.add_colored_rect(self.rect, color.gamma_multiply(0.12 + 0.38 * weight));
        mesh.add_colored_rect(
            Rect::from_min_max(
                self.rect.left_bottom() - vec2(0.0, 2.0),
                self.rect.right_bottom(),
            ),
            color,
        );
        (self.text_width <= self.rect.width() + 2.0).then(|| (self.rect.center(), self.label))
    }
}

/// The count of the busiest cluster among `items` (a marker or bar counts
/// one): the scale of the pills' opacity.
pub(super) fn busiest(items: &[Item]) -> f64 {
    items
        .iter()
        .map(|i| match i {
            Item::Cluster { count, .. } => f64::from(*count),
            _ => 1.0,
        })
        .fold(1.0, f64::max)
}

/// A count kept short for a pill: 999, 1.2k, 12k, 1.2M.
fn compact_count(n: u32) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_999 => format!("{:.1}k", f64::from(n) / 1000.0),
        10_000..=999_999 => format!("{}k", n / 1000),
        _ => format!("{:.1}M", f64::from(n) / 1_000_000.0),
    }
}
