//! The filter bar above the timeline: free text (Ctrl+F), kind chips with
//! their counts, an actor, a document, a date range (typed, or Shift+drag on
//! the overview), and how many events pass.

use super::theme::kind_color;
use crate::app::{AppState, Command};
use crate::events::EventKind;
use crate::temporal::range_of_value;
use crate::timeline::Filter;
use eframe::egui::{self, RichText};

/// Actors offered in the actor menu (the busiest).
const MAX_ACTORS: usize = 60;
/// Documents offered in the document menu (those with the most events).
const MAX_DOCUMENTS: usize = 60;

/// Draws the filter bar.
pub fn filter_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(analysis) = &state.edits.analysis else {
        return;
    };
    let mut filter = state.view.filter.clone();
    ui.horizontal_wrapped(|ui| {
        let search = ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .id_salt("filter-text")
                .hint_text("Filter: words in sentences, actors, people (Ctrl+F)")
                .desired_width(260.0),
        );
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            search.request_focus();
        }
        if search.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            filter.text.clear();
            search.surrender_focus();
        }
        // Kind chips: click one to show only it, Shift+click to add or remove.
        for kind in EventKind::ALL {
            let count = state
                .view
                .filtered
                .per_kind
                .get(kind.lane())
                .copied()
                .unwrap_or(0);
            if count == 0 && !filter.kinds.contains(&kind) {
                continue;
            }
            let on = filter.kinds.is_empty() || filter.kinds.contains(&kind);
            let text = RichText::new(format!("{} {count}", kind.as_str())).color(if on {
                kind_color(kind)
            } else {
                ui.visuals().weak_text_color()
            });
            let chip = ui
                .selectable_label(filter.kinds.contains(&kind), text)
                .on_hover_text("Click: only this kind · Shift+click: add or remove it");
            if chip.clicked() {
                let shift = ui.input(|i| i.modifiers.shift);
                toggle_kind(&mut filter.kinds, kind, shift);
            }
        }
        ui.separator();
        // Each label stays with its menu when the bar wraps.
        ui.horizontal(|ui| actor_ui(ui, state, &mut filter));
        ui.horizontal(|ui| documents_ui(ui, state, analysis, &mut filter));
        ui.horizontal(|ui| date_range_ui(ui, &mut filter));
        if !filter.is_empty() && ui.button("Clear").clicked() {
            filter = Filter::default();
            ui.data_mut(|d| d.remove::<RangeTexts>(range_text_id()));
        }
        ui.label(
            RichText::new(format!(
                "{} of {} events",
                state.view.filtered.count,
                analysis.events.len()
            ))
            .weak(),
        );
    });
    if filter != state.view.filter {
        commands.push(Command::SetFilter(filter));
    }
}

/// The actor menu: the busiest actors.
fn actor_ui(ui: &mut egui::Ui, state: &AppState, filter: &mut Filter) {
    let actor_label = filter
        .actors
        .first()
        .map_or("any actor", String::as_str)
        .to_owned();
    let label = ui.label(RichText::new("actor").weak());
    egui::ComboBox::from_id_salt("filter-actor")
        .selected_text(actor_label)
        .height(400.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(filter.actors.is_empty(), "any actor")
                .clicked()
            {
                filter.actors.clear();
            }
            for (actor, count) in state.view.actors.iter().take(MAX_ACTORS) {
                let chosen = filter.actors.contains(actor);
                if ui
                    .selectable_label(chosen, format!("{actor}  {count}"))
                    .clicked()
                {
                    filter.actors = vec![actor.clone()];
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The document menu: the documents with the most events (and any chosen).
fn documents_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    analysis: &crate::analysis::Analysis,
    filter: &mut Filter,
) {
    let title_of = |path: &str| {
        analysis
            .docs
            .iter()
            .find(|d| d.doc.path == path)
            .map_or_else(|| path.to_owned(), |d| short(&d.doc.title, path))
    };
    let selected = filter
        .docs
        .first()
        .map_or_else(|| "any document".to_owned(), |p| title_of(p));
    let label = ui.label(RichText::new("document").weak());
    egui::ComboBox::from_id_salt("filter-document")
        .selected_text(selected)
        .width(180.0)
        .height(400.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(filter.docs.is_empty(), "any document")
                .clicked()
            {
                filter.docs.clear();
            }
            let mut busiest: Vec<(usize, usize)> = state.view.doc_events.counts().collect();
            busiest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(doc, count) in busiest.iter().take(MAX_DOCUMENTS) {
                let Some(d) = analysis.docs.get(doc) else {
                    continue;
                };
                let chosen = filter.docs.contains(&d.doc.path);
                if ui
                    .selectable_label(
                        chosen,
                        format!("{}  {count}", short(&d.doc.title, &d.doc.path)),
                    )
                    .on_hover_text(&d.doc.path)
                    .clicked()
                {
                    filter.docs = vec![d.doc.path.clone()];
                }
            }
            if busiest.len() > MAX_DOCUMENTS {
                ui.weak(format!(
                    "{} more: pick one from the source pane",
                    busiest.len() - MAX_DOCUMENTS
                ));
            }
        })
        .response
        .labelled_by(label.id);
}

/// A document's title cut to a menu's width (its path when it has none).
fn short(title: &str, path: &str) -> String {
    let text = if title.trim().is_empty() { path } else { title };
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A click on a kind chip: only that kind, or (with Shift) add/remove it.
fn toggle_kind(kinds: &mut Vec<EventKind>, kind: EventKind, add: bool) {
    if add {
        if let Some(at) = kinds.iter().position(|k| *k == kind) {
            kinds.remove(at);
        } else {
            kinds.push(kind);
        }
    } else if kinds.as_slice() == [kind] {
        kinds.clear();
    } else {
        *kinds = vec![kind];
    }
}

/// The from/to texts being typed, with the range they were typed for.
type RangeTexts = (
    String,
    String,
    Option<(chrono::NaiveDate, chrono::NaiveDate)>,
);

/// Where the from/to texts are kept while being typed.
fn range_text_id() -> egui::Id {
    egui::Id::unique("filter-range-text")
}

/// From/to fields taking TIMEX3-style dates ("2017", "2017-08", "2017-08-05").
fn date_range_ui(ui: &mut egui::Ui, filter: &mut Filter) {
    let id = range_text_id();
    // The texts typed, and the range they stand for: a range set elsewhere
    // (dragging on the overview, Clear) replaces them.
    let open = |d: chrono::NaiveDate| {
        if d == chrono::NaiveDate::MIN || d == chrono::NaiveDate::MAX {
            String::new()
        } else {
            d.to_string()
        }
    };
    let from_range = || {
        filter
            .range
            .map_or_else(Default::default, |(a, b)| (open(a), open(b)))
    };
    let stored: Option<RangeTexts> = ui.data(|d| d.get_temp(id));
    let mut texts = match stored {
        Some((a, b, range)) if range == filter.range => (a, b),
        _ => from_range(),
    };
    ui.label("from");
    let from = ui.add(
        egui::TextEdit::singleline(&mut texts.0)
            .hint_text("1990")
            .desired_width(76.0),
    );
    ui.label("to");
    let to = ui.add(
        egui::TextEdit::singleline(&mut texts.1)
            .hint_text("2025-06")
            .desired_width(76.0),
    );
    let commit = (from.lost_focus() || to.lost_focus()) && !(from.has_focus() || to.has_focus());
    if commit {
        let first = range_of_value(texts.0.trim()).map(|r| r.0);
        let last = range_of_value(texts.1.trim()).map(|r| r.1);
        filter.range = match (first, last) {
            (None, None) => None,
            (a, b) => Some((
                a.unwrap_or(chrono::NaiveDate::MIN),
                b.unwrap_or(chrono::NaiveDate::MAX),
            )),
        };
    }
    if from.changed() || to.changed() || commit {
        ui.data_mut(|d| d.insert_temp::<RangeTexts>(id, (texts.0, texts.1, filter.range)));
    }
}

#[cfg(test)]
mod tests {
    use super::toggle_kind;
    use crate::events::EventKind;

    #[test]
    fn kind_chips_select_one_or_add_with_shift() {
        let mut kinds = Vec::new();
        toggle_kind(&mut kinds, EventKind::Visit, false);
        assert_eq!(kinds, [EventKind::Visit]);
        toggle_kind(&mut kinds, EventKind::Call, true);
        assert_eq!(kinds, [EventKind::Visit, EventKind::Call]);
        toggle_kind(&mut kinds, EventKind::Visit, true);
        assert_eq!(kinds, [EventKind::Call]);
        toggle_kind(&mut kinds, EventKind::Call, false);
        assert!(kinds.is_empty(), "clicking the only kind shows all again");
    }
}
