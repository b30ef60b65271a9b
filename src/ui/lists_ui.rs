//! The events list (left) and the tray (bottom): undated events, documents
//! without a publication date, and problems.

use super::theme::kind_color;
use crate::analysis::{Analysis, Event};
use crate::app::{AppState, Command};
use crate::timeline::SortColumn;
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
    format!(
        "{} · {} · {snippet}",
        event.date_label(),
        event.kind.as_str()
    )
}

/// A small triangle: up for ascending, down for descending (drawn, as the
/// fonts available everywhere have no arrow glyphs).
fn sort_arrow(ui: &mut egui::Ui, descending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(8.0, 8.0), egui::Sense::hover());
    let (top, bottom) = (rect.top(), rect.bottom());
    let points = if descending {
        vec![
            rect.left_top(),
            rect.right_top(),
            egui::pos2(rect.center().x, bottom),
        ]
    } else {
        vec![
            rect.left_bottom(),
            rect.right_bottom(),
            egui::pos2(rect.center().x, top),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        ui.visuals().strong_text_color(),
        egui::Stroke::NONE,
    ));
}

fn row_details(analysis: &Analysis, event: &Event) -> String {
    let doc = analysis
        .docs
        .get(event.doc)
        .map_or("", |d| d.doc.path.as_str());
    let mut details = format!("{}\n{doc}", analysis.sentence_text(event).trim());
    if !event.actors.is_empty() {
        details.push_str("\nactors: ");
        details.push_str(&event.actors.join(", "));
    }
    details
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
    let selected = state.view.selected == Some(index);
    let text = egui::RichText::new(event_label(analysis, event)).color(if selected {
        ui.visuals().strong_text_color()
    } else {
        kind_color(event.kind)
    });
    let response = ui
        .add(egui::Button::selectable(selected, text).truncate())
        .on_hover_text(row_details(analysis, event));
    if response.clicked() {
        commands.push(Command::Select(Some(index)));
    }
    if selected && state.view.reveal_selection {
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// The events table: dated events shown by the filter, sortable by date,
/// kind, actor or document; virtualised (only visible rows are laid out)
/// and scrolled to the selection when it changes.
pub fn events_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.heading(format!(
        "Events on the timeline ({})",
        state.view.index.dated()
    ));
    let Some(analysis) = &state.edits.analysis else {
        ui.label(if state.loading().is_some() {
            "Reading…"
        } else {
            "No folder open."
        });
        return;
    };
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("sort by").weak());
        for column in SortColumn::ALL {
            let current = state.view.sort.column == column;
            let response = ui
                .selectable_label(current, column.as_str())
                .on_hover_text("Sort the table by this column; again to turn it round");
            if response.clicked() {
                commands.push(Command::SortList(column));
            }
            if current {
                sort_arrow(ui, state.view.sort.descending);
            }
        }
    });
    event_rows(ui, state, analysis, &state.view.table, "events", commands);
}

/// Rows of events (indices into the analysis), virtualised: only the rows in
/// view are laid out, so a list of a million costs what a screenful does.
/// Scrolled to the selection when it changes and is among them.
fn event_rows(
    ui: &mut egui::Ui,
    state: &AppState,
    analysis: &Analysis,
    rows: &[u32],
    id: &str,
    commands: &mut Vec<Command>,
) {
    let row_height = ui.spacing().interact_size.y;
    let mut area = egui::ScrollArea::vertical().id_salt(id).auto_shrink(false);
    if state.view.reveal_selection
        && let Some(position) = state
            .view
            .selected
            .and_then(|s| rows.iter().position(|&r| r as usize == s))
    {
        // Rows off screen are not laid out, so scroll by arithmetic.
        let pitch = row_height + ui.spacing().item_spacing.y;
        #[expect(clippy::cast_precision_loss, reason = "row positions")]
        let top = position as f32 * pitch - ui.available_height() / 2.0;
        area = area.vertical_scroll_offset(top.max(0.0));
    }
    area.show_rows(ui, row_height, rows.len(), |ui, range| {
        for &event in rows.get(range).unwrap_or_default() {
            event_row(ui, state, analysis, event as usize, commands);
        }
    });
}

/// The tray: undated events, undated documents and problems, side by side.
pub fn tray_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.edits.analysis else {
        ui.label("Undated events, documents without a publication date and problems appear here.");
        return;
    };
    let undated_docs = &state.view.doc_tray.undated;
    let problems = state.view.doc_tray.problem_count(analysis);
    ui.columns(3, |columns| {
        if let [events_col, docs_col, problems_col] = columns {
            // Each column is virtualised, one line a row: a large folder
            // has tens of thousands of undated events.
            events_col.strong(format!(
                "Undated events ({})",
                state.view.index.undated.len()
            ));
            event_rows(
                events_col,
                state,
                analysis,
                &state.view.index.undated,
                "undated-events",
                commands,
            );
            docs_col.strong(format!(
                "Documents without a publication date ({})",
                undated_docs.len()
            ));
            let row_height = docs_col.spacing().interact_size.y;
            egui::ScrollArea::vertical()
                .id_salt("undated-docs")
                .auto_shrink(false)
                .show_rows(docs_col, row_height, undated_docs.len(), |ui, range| {
                    for &index in undated_docs.get(range).unwrap_or_default() {
                        let index = index as usize;
                        let Some(doc) = analysis.docs.get(index) else {
                            continue;
                        };
                        ui.horizontal(|ui| {
                            if state.edits.base.is_some()
                                && ui
                                    .small_button("Set date…")
                                    .on_hover_text("Set this document's publication date")
                                    .clicked()
                            {
                                commands.push(Command::EditPublished(Some(index)));
                            }
                            // The path last: it is cut short to fit the row.
                            let explained = doc.year_suggestion.as_ref().map(|s| {
                                let years: Vec<String> =
                                    s.years.iter().map(ToString::to_string).collect();
                                let explained = format!("Suggestion: {}", s.explain());
                                ui.weak(format!("suggested {}", years.join(", ")))
                                    .on_hover_text(&explained);
                                explained
                            });
                            let label = ui.add(egui::Label::new(&doc.doc.path).truncate());
                            if let Some(explained) = explained {
                                label.on_hover_text(explained);
                            }
                        });
                    }
                });
            problems_col.strong(format!("Problems ({problems})"));
            let row_height = problems_col.text_style_height(&egui::TextStyle::Body);
            egui::ScrollArea::vertical()
                .id_salt("problems")
                .auto_shrink(false)
                .show_rows(problems_col, row_height, problems, |ui, range| {
                    for row in range {
                        if let Some((path, message)) = state.view.doc_tray.problem(analysis, row) {
                            ui.add(egui::Label::new(format!("{path}: {message}")).truncate());
                        }
                    }
                });
        }
    });
}
