//! One frame of the timeline, headless: layout plus egui painting and
//! tessellation (the CPU side of a frame; rasterising is the GPU's), for
//! 1 k, 100 k and 1 M events at several zoom levels
//! (`cargo bench --bench timeline_frame`). Also prints the index's memory
//! per event and the cost of building it.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use dateline::app::AppState;
use dateline::events::EventKind;
use dateline::timeline::{Filter, View, synthetic};
use eframe::egui;
use std::hint::black_box;

const WIDTH: f32 = 1200.0;
const HEIGHT: f32 = 700.0;

fn frame(ctx: &egui::Context, state: &AppState) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WIDTH, HEIGHT),
        )),
        ..egui::RawInput::default()
    };
    let mut commands = Vec::new();
    let output = ctx.run_ui(input, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            dateline::ui::timeline::timeline_ui(ui, state, &mut commands);
        });
    });
    // Textures must be consumed headless (fonts atlas updates).
    drop(output.textures_delta);
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn timeline_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("timeline_frame");
    group.sample_size(20);
    group.measurement_time(std::time::Duration::from_secs(3));
    for events in [1_000, 100_000, 1_000_000] {
        let analysis = synthetic::analysis(events, 42);
        let mut state = AppState::default();
        let built = std::time::Instant::now();
        state.set_analysis(analysis);
        let build_ms = built.elapsed().as_secs_f64() * 1000.0;
        #[expect(clippy::cast_precision_loss, reason = "a figure to print")]
        let per_event = state.view.index.heap_bytes() as f64 / events as f64;
        eprintln!(
            "timeline index: {events} events, {per_event:.1} bytes per event, built in {build_ms:.1} ms"
        );
        // Applying a filter: the mask in parallel, then the index filtered.
        let filter = Filter {
            text: "ministers".to_owned(),
            kinds: vec![EventKind::Visit, EventKind::Meeting],
            ..Filter::default()
        };
        if let Some(analysis) = state.edits.analysis.clone() {
            group.bench_function(BenchmarkId::new("filter", events), |b| {
                b.iter(|| {
                    let applied = filter.apply(&analysis);
                    black_box(state.view.full_index.filtered(&applied.shown)).dated()
                });
            });
        }
        let fitted = state.view.days;
        let middle = f64::midpoint(fitted.first, fitted.last);
        let zooms = [
            ("fit", fitted),
            (
                "year",
                View {
                    first: middle,
                    last: middle + 365.0,
                },
            ),
            (
                "week",
                View {
                    first: middle,
                    last: middle + 7.0,
                },
            ),
        ];
        let ctx = egui::Context::default();
        for (name, view) in zooms {
            state.view.days = view;
            // Warm the font atlas and caches once.
            frame(&ctx, &state);
            group.bench_with_input(BenchmarkId::new(name, events), &state, |b, state| {
                b.iter(|| black_box(frame(&ctx, black_box(state))));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, timeline_frame);
criterion_main!(benches);
