//! The source pane: the selected event's document, scrolled to its
//! sentence, with the sentence, trigger, time expression, actors and place
//! marked; the document's other events are listed and their sentences
//! underlined (a click selects them); "Open file" hands it to the system.

use super::theme::{NAME_FG, SENTENCE_BG, TIMEX_BG, TRIGGER_BG, kind_color};
use crate::analysis::{Analysis, Event};
use crate::app::{AppState, Command};
use eframe::egui::{self, text::LayoutJob, text::TextFormat};

/// Draws the pane for the selected event.
pub fn source_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let (Some(analysis), Some(index)) = (&state.edits.analysis, state.view.selected) else {
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
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(&doc.doc.path).weak());
        if let Some(page) = doc.doc.page_at(event.sentence.0) {
            ui.label(egui::RichText::new(format!("page {page}")).weak());
        }
        if ui
            .small_button("Open file")
            .on_hover_text("Open the document's file with the system's viewer")
            .clicked()
        {
            commands.push(Command::OpenDocument(doc.doc.file_path().to_owned()));
        }
        let only = state.view.filter.docs.as_slice() == std::slice::from_ref(&doc.doc.path);
        if !only
            && ui
                .small_button("Only this document")
                .on_hover_text("Filter the timeline to this document's events")
                .clicked()
        {
            let mut filter = state.view.filter.clone();
            filter.docs = vec![doc.doc.path.clone()];
            commands.push(Command::SetFilter(filter));
        }
    });
    let editable = state.edits.base.is_some();
    ui.horizontal(|ui| {
        if let Some(p) = &doc.published {
            ui.label(format!("Published {} (from {})", p.date, p.source.as_str()));
        } else {
            ui.label(egui::RichText::new("No publication date").color(ui.visuals().warn_fg_color));
        }
        let label = if doc.published.is_some() {
            "Change…"
        } else {
            "Set…"
        };
        if editable
            && ui
                .small_button(label)
                .on_hover_text(
                    "Set the publication date: every relative date in the document follows",
                )
                .clicked()
        {
            commands.push(Command::EditPublished(Some(event.doc)));
        }
    });
    if doc.published.is_none()
        && let Some(suggestion) = &doc.year_suggestion
    {
        ui.label(egui::RichText::new(format!("Suggestion: {}", suggestion.explain())).weak());
    }
    ui.separator();
    event_summary_ui(ui, analysis, event);
    if editable {
        ui.horizontal(|ui| {
            if ui
                .button("Correct…")
                .on_hover_text("Change the date or kind, add a note or tags, split a merge (E)")
                .clicked()
            {
                commands.push(Command::EditEvent(Some(index)));
            }
            if ui
                .button("Hide")
                .on_hover_text("Not a real event: hide it (Delete; Ctrl+Z brings it back)")
                .clicked()
            {
                commands.push(Command::HideEvent(index));
            }
            let text_id = source_text_id(event.doc);
            let selection = egui::TextEdit::load_state(ui.ctx(), text_id)
                .and_then(|s| s.cursor.char_range())
                .filter(|r| !r.is_empty())
                .map(|r| {
                    let (a, b) = (r.primary.index, r.secondary.index);
                    (doc.chars.byte_of(a.min(b).0), doc.chars.byte_of(a.max(b).0))
                });
            if ui
                .add_enabled(
                    selection.is_some(),
                    egui::Button::new("Add event from selection…"),
                )
                .on_hover_text("Select the words that name an event in the text below, then add it")
                .on_disabled_hover_text(
                    "Select the words that name an event in the text below first",
                )
                .clicked()
                && let Some(span) = selection
            {
                commands.push(Command::StartAdd(Some((event.doc, span))));
            }
        });
    }
    let doc_events = state.view.doc_events.of(event.doc);
    egui::CollapsingHeader::new(format!("Events in this document ({})", doc_events.len()))
        .id_salt("doc-events")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("doc-events-list")
                .max_height(160.0)
                .show(ui, |ui| {
                    for &i in doc_events {
                        let i = i as usize;
                        if let Some(other) = analysis.events.get(i) {
                            let label = super::event_label(analysis, other);
                            if ui.selectable_label(i == index, label).clicked() {
                                commands.push(Command::Select(Some(i)));
                            }
                        }
                    }
                });
        });
    ui.separator();
    let sentence_char = doc.chars.char_of(event.sentence.0);
    egui::ScrollArea::vertical()
        .id_salt(("source", event.doc))
        .auto_shrink(false)
        .show(ui, |ui| {
            // Wrap at the pane's width, measured inside the scroll area.
            let job = highlighted_text(ui, analysis, event, doc_events);
            let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, wrap: f32| {
                let mut job = job.clone();
                job.wrap.max_width = wrap;
                ui.ctx().fonts_mut(|f| f.layout_job(job))
            };
            // Read-only: the text can be selected (to add an event) and copied.
            let mut text = &*doc.doc.text;
            let output = egui::TextEdit::multiline(&mut text)
                .id(source_text_id(event.doc))
                .frame(egui::Frame::NONE)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            let galley = &output.galley;
            let sentence_rect = galley.pos_from_cursor(egui::text::CCursor::new(sentence_char));
            let response = output.response.response;
            // A click (no selection) on another event's sentence selects it.
            let clicked_at = output
                .cursor_range
                .filter(|r| r.is_empty() && response.clicked())
                .map(|r| r.primary.index);
            if let Some(char_index) = clicked_at {
                let byte = doc.chars.byte_of(char_index.0);
                let hit = doc_events.iter().map(|&i| i as usize).find(|&i| {
                    analysis
                        .events
                        .get(i)
                        .is_some_and(|e| e.sentence.0 <= byte && byte < e.sentence.1)
                });
                if let Some(i) = hit
                    && i != index
                {
                    commands.push(Command::Select(Some(i)));
                }
            }
            if response.hovered() {
                response.clone().on_hover_text_at_pointer(
                    "Underlined sentences hold other events: click one to select it",
                );
            }
            if state.view.reveal_selection {
                let target = sentence_rect.translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(target, Some(egui::Align::Center));
            }
        });
}

/// The id of a document's text widget (its selection is read from it).
fn source_text_id(doc: usize) -> egui::Id {
    egui::Id::unique(("source-text", doc))
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
                (None, Some((a, _))) => match event.date_source {
                    Some(crate::events::DateSource::Context) => {
                        format!("about {a}  (the story's day: no date of its own)")
                    }
                    _ => format!("about {a}  (the publication day: no date of its own)"),
                },
                (None, None) => "undated".to_owned(),
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
            if let Some(source) = event.date_source {
                row(ui, "date from", source.as_str().to_owned());
            }
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
            if let Some(edit) = event.edit.as_deref() {
                if !edit.changed.is_empty() {
                    row(ui, "corrected", edit.changed.join(", "));
                }
                if !edit.note.is_empty() {
                    row(ui, "note", edit.note.clone());
                }
                if !edit.tags.is_empty() {
                    row(ui, "tags", edit.tags.join(", "));
                }
            }
        });
}

/// The document text with the sentence, trigger, time expression, actors
/// and place marked, and the other events' sentences underlined.
fn highlighted_text(
    ui: &egui::Ui,
    analysis: &Analysis,
    event: &Event,
    doc_events: &[u32],
) -> LayoutJob {
    let text = analysis.docs.get(event.doc).map_or("", |d| &*d.doc.text);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let timex = analysis.timex_of(event).map(|t| (t.start, t.end));
    let sentence = text
        .get(event.sentence.0..event.sentence.1)
        .unwrap_or_default();
    let names = name_spans(sentence, event)
        .into_iter()
        .map(|(a, b)| (a + event.sentence.0, b + event.sentence.0))
        .collect::<Vec<_>>();
    let others: Vec<(usize, usize)> = doc_events
        .iter()
        .filter_map(|&i| analysis.events.get(i as usize))
        .map(|e| e.sentence)
        .filter(|s| *s != event.sentence)
        .collect();
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
    for &(a, b) in names.iter().chain(&others) {
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
        } else if names.iter().any(|n| inside(*a, *n)) {
            format.background = SENTENCE_BG;
            format.color = NAME_FG;
        } else if inside(*a, event.sentence) {
            format.background = SENTENCE_BG;
            format.color = strong;
        } else if others.iter().any(|s| inside(*a, *s)) {
            format.underline = egui::Stroke::new(1.0, ui.visuals().weak_text_color());
        }
        job.append(text.get(*a..*b).unwrap_or_default(), 0.0, format);
    }
    job
}

/// Spans in `sentence` naming the event's actors (any name the gazetteer
/// ties to them: "Tehran", "Iranian") and its place.
fn name_spans(sentence: &str, event: &Event) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = crate::events::Gazetteer::get()
        .find(sentence)
        .into_iter()
        .filter(|e| {
            event
                .actors
                .iter()
                .any(|&a| a == e.name || e.country.is_some_and(|c| c == a))
        })
        .map(|e| (e.start, e.end))
        .collect();
    if let Some(place) = &event.place
        && let Some(at) = sentence.find(place.as_str())
    {
        spans.push((at, at + place.len()));
    }
    spans
}
