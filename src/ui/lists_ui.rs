//! The events list (left) and the tray (bottom): undated events, documents
//! without a publication date, and problems.

use super::theme::kind_color;
use crate::analysis::{Analysis, Event, NO_PUBLICATION_DATE};
use crate::app::{AppState, Command};
use eframe::egui;

/// Characters of the sentence shown in a list row.
const SNIPPET_CHARS: usize = 80;

/// The text of an event's row, also its accessible label.
#[must_use]
pub fn event_label(analysis: &Analysis, event: &Event) -> String {
    let sentence = analysis
        .sentence_text(event)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut snippet: String = sentence.chars().take(SNIPPET_CHARS).collect();
    if sentence.chars().count() > SNIPPET_CHARS {
        snippet.push('…');
    }
    let date = event.date.as_deref().unwrap_or("undated");
    format!("{date} · {} · {snippet}", event.kind.as_str())
}

fn event_row(
    ui: &mut egui::Ui,
    state: &AppState,
    analysis: &Analysis,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let Some(event) = analysis.events.get(index) else {
        return;
    };
    let selected = state.selected == Some(index);
    let text = egui::RichText::new(event_label(analysis, event)).color(if selected {
        ui.visuals().strong_text_color()
    } else {
        kind_color(event.kind)
    });
    let response = ui.add(egui::Button::selectable(selected, text).truncate());
    if response.clicked() {
        commands.push(Command::Select(Some(index)));
    }
    if selected && state.reveal_selection {
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// The list of dated events, in timeline order (undated ones are in the tray).
pub fn events_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.heading(format!("Events on the timeline ({})", state.index.dated()));
    let Some(analysis) = &state.analysis else {
        ui.label(if state.loading().is_some() {
            "Reading…"
        } else {
            "No folder open."
        });
        return;
    };
    // Rows come straight from the index: only the visible ones are touched.
    let entries = state.index.order();
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        entries.len(),
        |ui, rows| {
            for &event in entries.get(rows).unwrap_or_default() {
                event_row(ui, state, analysis, event as usize, commands);
            }
        },
    );
}

/// The tray: undated events, undated documents and problems, side by side.
pub fn tray_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.analysis else {
        ui.label("Undated events, documents without a publication date and problems appear here.");
        return;
    };
    let undated_docs: Vec<(usize, &crate::analysis::DocAnalysis)> = analysis
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.doc.problems.iter().any(|p| p == NO_PUBLICATION_DATE))
        .collect();
    let problems: Vec<(&str, &str)> = analysis
        .all_problems()
        .into_iter()
        .filter(|(_, m)| *m != NO_PUBLICATION_DATE)
        .collect();
    ui.columns(3, |columns| {
        if let [events_col, docs_col, problems_col] = columns {
            events_col.strong(format!("Undated events ({})", state.index.undated.len()));
            egui::ScrollArea::vertical()
                .id_salt("undated-events")
                .auto_shrink(false)
                .show(events_col, |ui| {
                    for &index in &state.index.undated {
                        event_row(ui, state, analysis, index as usize, commands);
                    }
                });
            docs_col.strong(format!(
                "Documents without a publication date ({})",
                undated_docs.len()
            ));
            egui::ScrollArea::vertical()
                .id_salt("undated-docs")
                .auto_shrink(false)
                .show(docs_col, |ui| {
                    for &(index, doc) in &undated_docs {
                        let label = ui
                            .horizontal(|ui| {
                                if state.base.is_some()
                                    && ui
                                        .small_button("Set date…")
                                        .on_hover_text("Set this document's publication date")
                                        .clicked()
                                {
                                    commands.push(Command::EditPublished(Some(index)));
                                }
                                ui.label(&doc.doc.path)
                            })
                            .inner;
                        if let Some(s) = &doc.year_suggestion {
                            label.on_hover_text(format!("Suggestion: {}", s.explain()));
                            ui.weak(format!(
                                "  suggested year: {}",
                                s.years
                                    .iter()
                                    .map(ToString::to_string)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ));
                        }
                    }
                });
            problems_col.strong(format!("Problems ({})", problems.len()));
            egui::ScrollArea::vertical()
                .id_salt("problems")
                .auto_shrink(false)
                .show(problems_col, |ui| {
                    for (path, message) in &problems {
                        ui.label(format!("{path}: {message}"));
                    }
                });
        }
    });
}
