//! One document's share of an analysis: repair, sentences, time
//! expressions, publication date, events, offsets mapped back.

use super::{AnalysedDoc, DocAnalysis, Event, Merged, NO_PUBLICATION_DATE, Options, event_id};
use crate::corpus::{Document, Published, PublishedSource, detect_published};
use crate::events::mention::Mention;
use crate::events::{DateSource, EventExtractor, EventKind, Modality, RawEvent};
use crate::temporal::{Scan, Tagger, Timex};
use crate::text::{CharMap, Repaired, Sentence, repair, split_sentences};
use chrono::NaiveDate;

/// Extracts sentences, time expressions and events from one document.
#[must_use]
pub fn analyze_document(doc: Document, tagger: &Tagger, options: &Options) -> AnalysedDoc {
    let mut out = analyze_documents(vec![doc], tagger, options);
    out.pop().unwrap_or_else(|| AnalysedDoc {
        doc: DocAnalysis::default(),
        events: Vec::new(),
    })
}

/// How many documents [`analyze_documents`] should be given at once: enough
/// that each stage's compiled rules stay in the CPU caches over a batch.
pub const BATCH: usize = 64;

/// Extracts sentences, time expressions and events from a batch of
/// documents, one result per document in the same order. Each stage runs
/// over the whole batch before the next: the stages' compiled rules (the
/// lazy DFAs of the tagger and trigger rules) do not fit the CPU caches
/// together, and a document at a time would reload them all for every
/// document — a quarter of the time, measured. Batches of about
/// [`BATCH`] documents get most of the gain.
#[must_use]
pub fn analyze_documents(
    docs: Vec<Document>,
    tagger: &Tagger,
    options: &Options,
) -> Vec<AnalysedDoc> {
    let repaired: Vec<Repaired> = docs.iter().map(|d| repair(&d.text)).collect();
    // One scan serves publication-date detection and, once the date is known, resolution.
    let scans: Vec<Scan> = repaired.iter().map(|r| tagger.scan(&r.text)).collect();
    let published: Vec<Option<Published>> = docs
        .iter()
        .zip(&repaired)
        .zip(&scans)
        .map(|((doc, repaired), scan)| publication(doc, repaired, scan, options))
        .collect();
    let sentences: Vec<Vec<Sentence>> = repaired.iter().map(|r| split_sentences(&r.text)).collect();
    let timexes: Vec<Vec<Timex>> = repaired
        .iter()
        .zip(&scans)
        .zip(&published)
        .map(|((r, scan), p)| tagger.resolve(&r.text, scan, p.as_ref().map(|p| p.date)))
        .collect();
    // The mention model is a stage of its own over the batch, like the
    // others (see above).
    let model = crate::events::mention::Model::bundled();
    let mentions: Vec<Vec<Mention>> = repaired
        .iter()
        .zip(&sentences)
        .map(|(r, s)| model.detect_sentences(&r.text, s))
        .collect();
    let raw: Vec<Vec<RawEvent>> = repaired
        .iter()
        .zip(&sentences)
        .zip(&timexes)
        .zip(&mentions)
        .map(|(((r, s), t), m)| EventExtractor.extract(&r.text, s, t, m))
        .collect();
    docs.into_iter()
        .zip(repaired)
        .zip(scans)
        .zip(published)
        .zip(sentences)
        .zip(timexes)
        .zip(raw)
        .map(
            |((((((doc, repaired), scan), published), sentences), timexes), raw)| {
                finish(
                    doc,
                    &repaired,
                    &scan,
                    published,
                    (sentences, timexes, raw),
                    options,
                )
            },
        )
        .collect()
}

/// The publication date: the user's, else the one the text and metadata give.
fn publication(
    doc: &Document,
    repaired: &Repaired,
    scan: &Scan,
    options: &Options,
) -> Option<Published> {
    if let Some(&date) = options.published.get(&doc.path) {
        return Some(Published {
            date,
            source: PublishedSource::User,
            confidence: 1.0,
            span: None,
        });
    }
    detect_published(
        &scan.full_dates(),
        &repaired.text,
        &doc.path,
        &doc.metadata_dates,
    )
    .map(|g| Published {
        date: g.date,
        source: g.source,
        confidence: g.confidence,
        span: g
            .span
            .map(|(s, e)| (repaired.to_original(s), repaired.to_original(e))),
    })
}

/// One document's results, mapped back from the repaired text to its own.
fn finish(
    mut doc: Document,
    repaired: &Repaired,
    scan: &Scan,
    published: Option<Published>,
    (sentences, timexes, raw): (Vec<Sentence>, Vec<Timex>, Vec<RawEvent>),
    options: &Options,
) -> AnalysedDoc {
    let text = repaired.text.as_str();
    if published.is_none() && !doc.text.trim().is_empty() {
        doc.problems.push(NO_PUBLICATION_DATE.to_owned());
    }
    let year_suggestion = if published.is_none() {
        scan.suggest_years(text, options.current_year).map(|mut s| {
            for pair in &mut s.evidence {
                pair.span = (
                    repaired.to_original(pair.span.0),
                    repaired.to_original(pair.span.1),
                );
            }
            s
        })
    } else {
        None
    };
    let back = |(s, e): (usize, usize)| (repaired.to_original(s), repaired.to_original(e));
    let sentences: Vec<Sentence> = sentences
        .iter()
        .map(|s| {
            let (start, end) = back((s.start, s.end));
            Sentence { start, end }
        })
        .collect();
    let mut timexes: Vec<Timex> = timexes
        .into_iter()
        .map(|mut t| {
            (t.start, t.end) = back((t.start, t.end));
            t
        })
        .collect();
    // Kept as long as the folder is open: no room to grow.
    timexes.shrink_to_fit();
    let chars = CharMap::new(&doc.text);
    // The story's current day: the last day an event of an earlier
    // sentence was dated by the text, if not after publication.
    let mut current: Option<(usize, NaiveDate)> = None;
    let mut events: Vec<Event> = raw
        .into_iter()
        .filter_map(|r| {
            let sentence = *sentences.get(r.sentence)?;
            let trigger = back(r.trigger);
            let timex = r.timex.and_then(|i| timexes.get(i));
            let mut range = timex.and_then(|t| t.range);
            let modality = future_is_planned(r.kind, r.modality, range, published.as_ref());
            let mut date_source = r.date_source.filter(|_| range.is_some());
            // Reported as done with no date of its own: about the day its
            // article was published (approximate; not for what is planned,
            // denied or only rumoured).
            if timex.is_none() && modality == Modality::Happened {
                let context = current.filter(|(s, _)| *s < r.sentence).map(|(_, d)| d);
                if let Some(day) = context {
                    range = Some((day, day));
                    date_source = Some(DateSource::Context);
                } else if let Some(p) = &published {
                    range = Some((p.date, p.date));
                    date_source = Some(DateSource::Published);
                }
            }
            if let (Some((first, last)), Some(DateSource::Text | DateSource::Sentence)) =
                (range, date_source)
                && first == last
                && published.as_ref().is_none_or(|p| first <= p.date)
            {
                current = Some((r.sentence, first));
            }
            Some(Event {
                id: event_id(&doc.path, r.kind, chars.char_of(trigger.0)),
                doc: 0,
                kind: r.kind,
                rule: r.rule,
                sentence: (sentence.start, sentence.end),
                trigger,
                timex: r.timex,
                date: timex.map(|t| t.value.clone()),
                range,
                date_source,
                actors: r.actors,
                people: r.people,
                place: r.place,
                modality,
                merged_with: Merged::default(),
                edit: None,
            })
        })
        .collect();
    // Held until the folder is read, then moved into one vector: no room
    // to grow (a grown vector has up to twice the room it needs).
    events.shrink_to_fit();
    AnalysedDoc {
        doc: DocAnalysis {
            doc,
            published,
            sentences,
            timexes,
            chars,
            year_suggestion,
        },
        events,
    }
}

/// An event the text tells as done but dates wholly after its article was
/// published ("the visit to Tehran next month") has not happened yet. Not
/// statements: what someone said was said by the time it is reported, so a
/// later date there belongs to what was said, not to the saying.
fn future_is_planned(
    kind: EventKind,
    modality: Modality,
    range: Option<(NaiveDate, NaiveDate)>,
    published: Option<&Published>,
) -> Modality {
    match (modality, range, published) {
        (Modality::Happened, Some((first, _)), Some(p))
            if first > p.date && kind != EventKind::Statement =>
        {
            Modality::Planned
        }
        _ => modality,
    }
}
