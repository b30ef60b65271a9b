//! The source pane: the selected event's document, scrolled to its
//! sentence, with the sentence, trigger and time expression marked.

use super::theme::{SENTENCE_BG, TIMEX_BG, TRIGGER_BG, kind_color};
use crate::analysis::{Analysis, Event};
use crate::app::{AppState, Command};
use eframe::egui::{self, text::LayoutJob, text::TextFormat};

/// Draws the pane for the selected event.
pub fn source_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (Some(analysis), Some(index)) = (&state.analysis, state.selected) else {
        return;
    };
    let Some(event) = analysis.events.get(index) else {
        return;
    };
    let Some(doc) = analysis.docs.get(event.doc) else {
        return;
    };
    egui::Sides::new().shrink_left().truncate().show(
        ui,
        |ui| ui.heading(&doc.doc.title),
        |ui| {
            if ui
                .small_button("Close")
                .on_hover_text("Clear the selection (Esc)")
                .clicked()
            {
                commands.push(Command::Select(None));
            }
        },
    );
    ui.label(egui::RichText::new(&doc.doc.path).weak());
    match &doc.published {
        Some(p) => ui.label(format!("Published {} (from {})", p.date, p.source.as_str())),
        None => {
            ui.label(egui::RichText::new("No publication date").color(ui.visuals().warn_fg_color))
        }
    };
    ui.separator();
    event_summary_ui(ui, analysis, event);
    let others: Vec<usize> = analysis
        .events
        .iter()
        .enumerate()
        .filter(|(i, e)| e.doc == event.doc && *i != index)
        .map(|(i, _)| i)
        .collect();
    egui::CollapsingHeader::new(format!("Other events in this document ({})", others.len()))
        .id_salt("doc-events")
        .show(ui, |ui| {
            for i in others {
                if let Some(other) = analysis.events.get(i)
                    && ui.link(super::event_label(analysis, other)).clicked()
                {
                    commands.push(Command::Select(Some(i)));
                }
            }
        });
    ui.separator();
    let sentence_char = doc.chars.char_of(event.sentence.0);
    egui::ScrollArea::vertical()
        .id_salt(("source", event.doc))
        .auto_shrink(false)
        .show(ui, |ui| {
            // Wrap at the pane's width, measured inside the scroll area.
            let job = highlighted_text(ui, analysis, event);
            let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
            let sentence_rect = galley.pos_from_cursor(egui::text::CCursor::new(sentence_char));
            let response = ui.add(egui::Label::new(galley).selectable(true));
            if state.reveal_selection {
                let target = sentence_rect.translate(response.rect.min.to_vec2());
                ui.scroll_to_rect(target, Some(egui::Align::Center));
            }
        });
}

fn event_summary_ui(ui: &mut egui::Ui, analysis: &Analysis, event: &Event) {
    egui::Grid::new("event-summary")
        .num_columns(2)
        .spacing([8.0, 2.0])
        .show(ui, |ui| {
            let row = |ui: &mut egui::Ui, key: &str, value: String| {
                ui.label(egui::RichText::new(key).weak());
                ui.label(value);
                ui.end_row();
            };
            ui.label(egui::RichText::new("kind").weak());
            ui.label(
                egui::RichText::new(event.kind.as_str())
                    .color(kind_color(event.kind))
                    .strong(),
            );
            ui.end_row();
            let when = match (&event.date, event.range) {
                (Some(value), Some((a, b))) if a == b => value.clone(),
                (Some(value), Some((a, b))) => format!("{value}  ({a} … {b})"),
                (Some(value), None) => format!("{value}  (not on the calendar)"),
                (None, _) => "undated".to_owned(),
            };
            row(ui, "date", when);
            if let Some(t) = analysis.timex_of(event) {
                let text = analysis
                    .docs
                    .get(event.doc)
                    .and_then(|d| d.doc.text.get(t.start..t.end))
                    .unwrap_or_default();
                row(ui, "time text", format!("“{text}” ({})", t.rule));
            }
            row(ui, "modality", event.modality.as_str().to_owned());
            if !event.actors.is_empty() {
                row(ui, "actors", event.actors.join(", "));
            }
            if !event.people.is_empty() {
                row(ui, "people", event.people.join(", "));
            }
            if let Some(place) = &event.place {
                row(ui, "place", place.clone());
            }
            row(ui, "rule", event.rule.to_owned());
        });
}

/// The document text with the sentence, trigger and time expression marked.
fn highlighted_text(ui: &egui::Ui, analysis: &Analysis, event: &Event) -> LayoutJob {
    let text = analysis
        .docs
        .get(event.doc)
        .map_or("", |d| d.doc.text.as_str());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let timex = analysis.timex_of(event).map(|t| (t.start, t.end));
    let mut cuts = vec![
        0,
        text.len(),
        event.sentence.0,
        event.sentence.1,
        event.trigger.0,
        event.trigger.1,
    ];
    if let Some((a, b)) = timex {
        cuts.extend([a, b]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let inside = |pos: usize, (a, b): (usize, usize)| pos >= a && pos < b;
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    for pair in cuts.windows(2) {
        let [a, b] = pair else { continue };
        let mut format = TextFormat {
            font_id: font.clone(),
            color,
            ..TextFormat::default()
        };
        if inside(*a, event.trigger) {
            format.background = TRIGGER_BG;
            format.color = strong;
        } else if timex.is_some_and(|t| inside(*a, t)) {
            format.background = TIMEX_BG;
            format.color = strong;
        } else if inside(*a, event.sentence) {
            format.background = SENTENCE_BG;
            format.color = strong;
        }
        job.append(text.get(*a..*b).unwrap_or_default(), 0.0, format);
    }
    job
}
