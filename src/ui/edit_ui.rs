//! The correction dialogs: an event's date, kind, note, tags, hiding and
//! splitting; a document's publication date; an event added from selected
//! text. Drafts live in egui's memory until saved or cancelled; saving sends
//! a [`Command`], and the state reports a refused date in `edit_error`.

use super::theme::kind_color;
use crate::analysis::{Analysis, DocAnalysis};
use crate::app::{AddDraft, AppState, Command, EventDraft};
use crate::events::EventKind;
use eframe::egui;

/// Hint under every date field.
const DATE_HINT: &str = "2017-08-05, 2017-08, 2017-W31, 2017-Q3, 2017 or words: 5 August 2017";

/// Draws whichever dialog is open.
pub fn dialogs_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.edits.analysis else {
        return;
    };
    if let Some(index) = state.dialogs.editing {
        correct_dialog(ui, state, analysis, index, commands);
    } else if let Some(doc) = state.dialogs.editing_published {
        published_dialog(ui, state, analysis, doc, commands);
    } else if let Some((doc, span)) = state.dialogs.adding {
        add_dialog(ui, state, analysis, doc, span, commands);
    }
}

/// Changes with every saved edit, so that a reopened dialog starts from
/// what is saved while a refused one keeps what the user typed.
fn edits(state: &AppState) -> usize {
    state.edits.undo.len() + state.edits.redo.len()
}

fn error_line(ui: &mut egui::Ui, state: &AppState) {
    if let Some(error) = &state.dialogs.edit_error {
        ui.label(egui::RichText::new(error).color(ui.visuals().error_fg_color));
    }
}

fn kind_combo(ui: &mut egui::Ui, id: &str, kind: &mut EventKind) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(egui::RichText::new(kind.as_str()).color(kind_color(*kind)))
        .show_ui(ui, |ui| {
            for k in EventKind::ALL {
                ui.selectable_value(
                    kind,
                    k,
                    egui::RichText::new(k.as_str()).color(kind_color(k)),
                );
            }
        });
}

/// Save and Cancel; Enter saves, Esc cancels. Returns (save, cancel).
fn buttons(ui: &mut egui::Ui, save_label: &str) -> (bool, bool) {
    ui.add_space(6.0);
    let mut save = false;
    let mut cancel = false;
    ui.horizontal(|ui| {
        save = ui.button(save_label).clicked();
        cancel = ui.button("Cancel").clicked();
    });
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter) && !i.modifiers.shift);
    (save || enter, cancel)
}

fn quoted_sentence(ui: &mut egui::Ui, text: &str) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    ui.add(egui::Label::new(egui::RichText::new(format!("“{text}”")).italics()).wrap());
}

fn correct_dialog(
    ui: &mut egui::Ui,
    state: &AppState,
    analysis: &Analysis,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let Some(event) = analysis.events.get(index) else {
        return;
    };
    let id = egui::Id::unique(("correct-event", &event.id, edits(state)));
    let mut draft = ui
        .ctx()
        .data_mut(|d| d.get_temp::<EventDraft>(id))
        .unwrap_or_else(|| EventDraft::of(event));
    let modal = egui::Modal::new(egui::Id::unique("correct-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading("Correct event");
        quoted_sentence(ui, analysis.sentence_text(event));
        ui.add_space(4.0);
        egui::Grid::new("correct-grid")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Date");
                ui.vertical(|ui| {
                    ui.add_enabled(
                        !draft.undated,
                        egui::TextEdit::singleline(&mut draft.date)
                            .hint_text("the machine's date")
                            .desired_width(240.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(DATE_HINT);
                    ui.checkbox(&mut draft.undated, "No date (move to the tray)");
                });
                ui.end_row();
                ui.label("Kind");
                kind_combo(ui, "correct-kind", &mut draft.kind);
                ui.end_row();
                ui.label("Note");
                ui.add(egui::TextEdit::singleline(&mut draft.note).desired_width(300.0));
                ui.end_row();
                ui.label("Tags");
                ui.add(
                    egui::TextEdit::singleline(&mut draft.tags)
                        .hint_text("comma, separated")
                        .desired_width(300.0),
                );
                ui.end_row();
            });
        ui.checkbox(&mut draft.hidden, "Hide: not a real event");
        if !event.merged_with.is_empty() || draft.split {
            ui.checkbox(
                &mut draft.split,
                format!(
                    "Not the same event as the {} report(s) it was merged with",
                    event.merged_with.len().max(1)
                ),
            );
        }
        error_line(ui, state);
        let (save, cancel) = buttons(ui, "Save");
        if save {
            commands.push(Command::CorrectEvent(index, draft.clone()));
        }
        cancel
    });
    let close = modal.inner || modal.should_close();
    if close {
        commands.push(Command::EditEvent(None));
    }
    ui.ctx().data_mut(|d| {
        if close {
            d.remove::<EventDraft>(id);
        } else {
            d.insert_temp(id, draft);
        }
    });
}

/// The days a publication date could be, from the year suggestion: each
/// weekday–date pair in each suggested year.
fn suggested_dates(doc: &DocAnalysis) -> Vec<(chrono::NaiveDate, String)> {
    let Some(s) = &doc.year_suggestion else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &year in &s.years {
        for pair in &s.evidence {
            if let Some(date) = chrono::NaiveDate::from_ymd_opt(year, pair.month, pair.day)
                && !out.iter().any(|(d, _)| *d == date)
            {
                let text = doc.doc.text.get(pair.span.0..pair.span.1).unwrap_or("");
                out.push((date, text.split_whitespace().collect::<Vec<_>>().join(" ")));
            }
        }
    }
    out.truncate(6);
    out
}

fn published_dialog(
    ui: &mut egui::Ui,
    state: &AppState,
    analysis: &Analysis,
    index: usize,
    commands: &mut Vec<Command>,
) {
    let Some(doc) = analysis.docs.get(index) else {
        return;
    };
    let id = egui::Id::unique(("published", &doc.doc.path, edits(state)));
    let mut text = ui
        .ctx()
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| {
            doc.published
                .as_ref()
                .map(|p| p.date.to_string())
                .unwrap_or_default()
        });
    let user_set = state
        .edits
        .corrections
        .published
        .contains_key(&doc.doc.path);
    let modal = egui::Modal::new(egui::Id::unique("published-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading("Publication date");
        ui.label(egui::RichText::new(&doc.doc.path).weak());
        match &doc.published {
            Some(p) => ui.label(format!("Now {} (from {})", p.date, p.source.as_str())),
            None => ui.label("None found in the document."),
        };
        ui.label("Every relative date in the document is resolved against it.");
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("2017-08-05 or 5 August 2017")
                .desired_width(240.0),
        )
        .on_hover_text("The day the article was published");
        let suggestions = suggested_dates(doc);
        if !suggestions.is_empty() {
            ui.label(egui::RichText::new("From the weekday–date pairs in the text:").weak());
            ui.horizontal_wrapped(|ui| {
                for (date, evidence) in &suggestions {
                    if ui
                        .button(date.to_string())
                        .on_hover_text(format!(
                            "“{evidence}”: use this day as the publication date"
                        ))
                        .clicked()
                    {
                        text = date.to_string();
                    }
                }
            });
        }
        error_line(ui, state);
        let (save, cancel) = buttons(ui, "Set");
        if save {
            commands.push(Command::SetPublished(index, Some(text.clone())));
        }
        if user_set
            && ui
                .button("Forget my date")
                .on_hover_text("Go back to the date found in the document, if any")
                .clicked()
        {
            commands.push(Command::SetPublished(index, None));
        }
        cancel
    });
    let close = modal.inner || modal.should_close();
    if close {
        commands.push(Command::EditPublished(None));
    }
    ui.ctx().data_mut(|d| {
        if close {
            d.remove::<String>(id);
        } else {
            d.insert_temp(id, text);
        }
    });
}

fn add_dialog(
    ui: &mut egui::Ui,
    state: &AppState,
    analysis: &Analysis,
    doc_index: usize,
    span: (usize, usize),
    commands: &mut Vec<Command>,
) {
    let Some(doc) = analysis.docs.get(doc_index) else {
        return;
    };
    let selected = doc.doc.text.get(span.0..span.1).unwrap_or("");
    let id = egui::Id::unique(("add-event", doc_index, span, edits(state)));
    let mut draft = ui
        .ctx()
        .data_mut(|d| d.get_temp::<AddDraft>(id))
        .unwrap_or_else(|| AddDraft {
            doc: doc_index,
            span,
            kind: EventKind::Statement,
            // The sentence's own date, if it has one, is the likely answer.
            date: doc
                .timexes
                .iter()
                .find(|t| {
                    t.range.is_some()
                        && doc.sentences.iter().any(|s| {
                            s.start <= span.0
                                && span.0 < s.end
                                && s.start <= t.start
                                && t.end <= s.end
                        })
                })
                .map(|t| t.value.clone())
                .unwrap_or_default(),
            note: String::new(),
            tags: String::new(),
        });
    let modal = egui::Modal::new(egui::Id::unique("add-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading("Add event");
        quoted_sentence(ui, selected);
        egui::Grid::new("add-grid")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label("Kind");
                kind_combo(ui, "add-kind", &mut draft.kind);
                ui.end_row();
                let label = ui.label("Date");
                ui.add(
                    egui::TextEdit::singleline(&mut draft.date)
                        .hint_text("empty: undated")
                        .desired_width(240.0),
                )
                .labelled_by(label.id)
                .on_hover_text(DATE_HINT);
                ui.end_row();
                ui.label("Note");
                ui.add(egui::TextEdit::singleline(&mut draft.note).desired_width(300.0));
                ui.end_row();
                ui.label("Tags");
                ui.add(egui::TextEdit::singleline(&mut draft.tags).hint_text("comma, separated"));
                ui.end_row();
            });
        error_line(ui, state);
        let (save, cancel) = buttons(ui, "Add");
        if save {
            commands.push(Command::AddEvent(draft.clone()));
        }
        cancel
    });
    let close = modal.inner || modal.should_close();
    if close {
        commands.push(Command::StartAdd(None));
    }
    ui.ctx().data_mut(|d| {
        if close {
            d.remove::<AddDraft>(id);
        } else {
            d.insert_temp(id, draft);
        }
    });
}
