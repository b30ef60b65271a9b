//! The timeline: one lane per event kind, days on the x axis (day numbers
//! since 1970), markers for day events, bars for weeks, months and years.
//! Wheel zooms around the cursor, drag pans, click selects.

use super::theme::kind_color;
use crate::app::{AppState, Command};
use crate::events::{EventKind, Modality};
use crate::timeline::{Entry, date_of_day};
use chrono::{Datelike, NaiveDate};
use eframe::egui;
use egui_plot::{GridInput, GridMark, Line, MarkerShape, Plot, PlotPoint, PlotPoints, Points};

/// Pixels within which a click or hover picks an event.
const PICK_RADIUS_PX: f32 = 10.0;
/// Days of margin around the data when fitting.
const FIT_MARGIN_FRACTION: f64 = 0.05;

/// Calendar steps for grid lines, in days (approximate for months and years).
const STEPS: &[(f64, Unit)] = &[
    (1.0, Unit::Day),
    (7.0, Unit::Week),
    (30.4, Unit::Month),
    (91.3, Unit::Quarter),
    (365.25, Unit::Year),
    (730.5, Unit::Years(2)),
    (1826.0, Unit::Years(5)),
    (3652.0, Unit::Years(10)),
    (7305.0, Unit::Years(20)),
    (18262.0, Unit::Years(50)),
    (36525.0, Unit::Years(100)),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Years(i32),
}

/// Grid marks on calendar boundaries: about eight labelled marks across the view.
#[expect(
    clippy::needless_pass_by_value,
    reason = "egui_plot's grid spacer signature"
)]
fn calendar_marks(input: GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    let span = (max - min).max(1.0);
    let Some(&(step, unit)) = STEPS
        .iter()
        .find(|(days, _)| *days >= span / 8.0)
        .or(STEPS.last())
    else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    #[expect(
        clippy::cast_possible_truncation,
        reason = "day numbers of the visible range"
    )]
    let (mut date, end) = (
        date_of_day(min.floor() as i32),
        date_of_day(max.ceil() as i32),
    );
    date = align(date, unit);
    while date <= end && marks.len() < 400 {
        marks.push(GridMark {
            value: f64::from(crate::timeline::day_number(date)),
            step_size: step,
        });
        let Some(next) = advance(date, unit) else {
            break;
        };
        date = next;
    }
    marks
}

fn align(date: NaiveDate, unit: Unit) -> NaiveDate {
    let year = date.year();
    let first_of = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(date);
    match unit {
        Unit::Day => date,
        Unit::Week => date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday())),
        Unit::Month => first_of(year, date.month()),
        Unit::Quarter => first_of(year, (date.month() - 1) / 3 * 3 + 1),
        Unit::Year => first_of(year, 1),
        Unit::Years(n) => first_of(year.div_euclid(n) * n, 1),
    }
}

fn advance(date: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => date.checked_add_days(chrono::Days::new(1)),
        Unit::Week => date.checked_add_days(chrono::Days::new(7)),
        Unit::Month => date.checked_add_months(chrono::Months::new(1)),
        Unit::Quarter => date.checked_add_months(chrono::Months::new(3)),
        Unit::Year => date.checked_add_months(chrono::Months::new(12)),
        Unit::Years(n) => date.checked_add_months(chrono::Months::new(12 * n.unsigned_abs())),
    }
}

/// Label of a grid mark: precision follows the step.
fn format_mark(mark: GridMark) -> String {
    #[expect(clippy::cast_possible_truncation, reason = "day numbers")]
    let date = date_of_day(mark.value.round() as i32);
    if mark.step_size >= 365.0 {
        date.format("%Y").to_string()
    } else if mark.step_size >= 28.0 {
        date.format("%b %Y").to_string()
    } else {
        date.format("%-d %b %Y").to_string()
    }
}

fn lane_y(kind: EventKind) -> f64 {
    -f64::from(u16::try_from(kind.lane()).unwrap_or(0))
}

fn entry_x(entry: &Entry) -> (f64, f64) {
    (f64::from(entry.first_day), f64::from(entry.last_day) + 1.0)
}

/// Draws the timeline.
pub fn timeline_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.analysis else {
        ui.centered_and_justified(|ui| {
            ui.label(if state.loading().is_some() {
                "Reading the folder…"
            } else {
                "No events yet."
            });
        });
        return;
    };
    let fit_id = ui.scope_id().with("fit-generation");
    let fitted = ui.data(|d| d.get_temp::<u64>(fit_id));
    let fit_now = fitted != Some(state.fit_generation);
    let span = state.index.span();
    let scroll = ui.input(|i| i.smooth_scroll_delta.y);
    let lanes = EventKind::ALL.len();
    #[expect(clippy::cast_precision_loss, reason = "thirteen lanes")]
    let bottom = -(lanes as f64) + 0.5;
    let response = Plot::new("timeline")
        .allow_scroll(false)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_y(false)
        .show_x(false)
        .label_formatter(|_| None)
        .x_grid_spacer(calendar_marks)
        .x_axis_formatter(|mark, _range| format_mark(mark))
        .y_axis_formatter(|mark, _range| {
            let lane = -mark.value;
            if (lane - lane.round()).abs() > 0.01 || lane < 0.0 {
                return String::new();
            }
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked lane index"
            )]
            EventKind::ALL
                .get(lane.round() as usize)
                .map(|k| k.as_str().to_owned())
                .unwrap_or_default()
        })
        .y_grid_spacer(move |_| {
            (0..lanes)
                .map(|lane| {
                    #[expect(clippy::cast_precision_loss, reason = "thirteen lanes")]
                    let value = -(lane as f64);
                    GridMark {
                        value,
                        step_size: 1.0,
                    }
                })
                .collect()
        })
        .y_axis_min_width(80.0)
        .show(ui, |plot_ui| {
            plot_ui.set_auto_bounds([false, false]);
            plot_ui.set_plot_bounds_y(bottom..=0.5);
            if fit_now && let Some((first, last)) = span {
                let width = f64::from(last - first + 1).max(30.0);
                let margin = width * FIT_MARGIN_FRACTION;
                plot_ui
                    .set_plot_bounds_x(f64::from(first) - margin..=f64::from(last) + 1.0 + margin);
            }
            if scroll.abs() > 0.0 && plot_ui.response().hovered() {
                let factor = (scroll / 200.0).exp();
                plot_ui.zoom_bounds_around_hovered(egui::vec2(factor, 1.0));
            }
            let bounds = plot_ui.plot_bounds();
            #[expect(clippy::cast_possible_truncation, reason = "visible day range")]
            let visible = state.index.query(
                bounds.min()[0].floor() as i32,
                bounds.max()[0].ceil() as i32,
            );
            let visible: Vec<Entry> = visible.copied().collect();
            draw_entries(plot_ui, state, analysis, &visible);
        });
    if fit_now {
        ui.data_mut(|d| d.insert_temp(fit_id, state.fit_generation));
    }
    // Hover and click: the nearest event marker on screen.
    let pointer = response.response.hover_pos();
    let picked = pointer.and_then(|pos| {
        let bounds = response.transform.bounds();
        #[expect(clippy::cast_possible_truncation, reason = "visible day range")]
        let visible = state.index.query(
            bounds.min()[0].floor() as i32,
            bounds.max()[0].ceil() as i32,
        );
        visible
            .filter_map(|entry| {
                let event = analysis.events.get(entry.event as usize)?;
                let y = lane_y(event.kind);
                let (x0, x1) = entry_x(entry);
                let a = response
                    .transform
                    .position_from_point(&PlotPoint::new(x0, y));
                let b = response
                    .transform
                    .position_from_point(&PlotPoint::new(x1, y));
                let dx = if pos.x < a.x {
                    a.x - pos.x
                } else if pos.x > b.x {
                    pos.x - b.x
                } else {
                    0.0
                };
                let dist = dx.hypot(pos.y - a.y);
                (dist <= PICK_RADIUS_PX).then_some((dist, entry.event as usize))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, index)| index)
    });
    if response.response.clicked() {
        commands.push(Command::Select(picked));
    }
    if let Some(index) = picked
        && let Some(event) = analysis.events.get(index)
    {
        response.response.on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            ui.strong(format!(
                "{} · {}",
                event.kind.as_str(),
                event.date.as_deref().unwrap_or("undated")
            ));
            ui.label(analysis.sentence_text(event));
            if !event.actors.is_empty() {
                ui.weak(event.actors.join(", "));
            }
        });
    }
}

fn draw_entries(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    state: &AppState,
    analysis: &crate::analysis::Analysis,
    entries: &[Entry],
) {
    // One point series per kind and modality; one bar per ranged event.
    let mut points: Vec<(EventKind, bool, Vec<[f64; 2]>)> = Vec::new();
    for entry in entries {
        let Some(event) = analysis.events.get(entry.event as usize) else {
            continue;
        };
        let y = lane_y(event.kind);
        let (x0, x1) = entry_x(entry);
        let color = kind_color(event.kind);
        if entry.last_day > entry.first_day {
            plot_ui.line(
                Line::new(
                    event.kind.as_str(),
                    PlotPoints::from(vec![[x0, y], [x1, y]]),
                )
                .color(color.gamma_multiply(0.45))
                .width(7.0),
            );
        }
        let planned = event.modality == Modality::Planned;
        let x = if entry.last_day > entry.first_day {
            x0
        } else {
            f64::midpoint(x0, x1)
        };
        match points
            .iter_mut()
            .find(|(k, p, _)| *k == event.kind && *p == planned)
        {
            Some((_, _, series)) => series.push([x, y]),
            None => points.push((event.kind, planned, vec![[x, y]])),
        }
    }
    for (kind, planned, series) in points {
        plot_ui.points(
            Points::new(kind.as_str(), series)
                .color(kind_color(kind))
                .radius(5.0)
                .filled(!planned)
                .shape(MarkerShape::Circle),
        );
    }
    if let Some(entry) = state
        .selected
        .and_then(|s| entries.iter().find(|e| e.event as usize == s))
        && let Some(event) = analysis.events.get(entry.event as usize)
    {
        let (x0, x1) = entry_x(entry);
        let x = if entry.last_day > entry.first_day {
            x0
        } else {
            f64::midpoint(x0, x1)
        };
        plot_ui.points(
            Points::new("selected", vec![[x, lane_y(event.kind)]])
                .color(egui::Color32::WHITE)
                .radius(9.0)
                .filled(false)
                .shape(MarkerShape::Circle),
        );
    }
}
