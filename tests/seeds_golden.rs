//! The sample folder against the hand-made reference annotation
//! (tests/data/seeds.gold.json, a copy of the seeds' gold): events found with
//! the right kind in the right sentence, their dates, publication dates, and
//! the events not in the gold. Runs without and with the publication dates
//! known only from outside the text (tests/data/seeds.published.csv).

use dateline::analysis::Options;
use dateline::export::{Export, ExportEvent, to_export};
use dateline::ingest::{Progress, analyze_folder};
use serde_json::Value;
use std::collections::HashMap;

fn gold() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seeds.gold.json"
    ))
    .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

fn published_dates() -> HashMap<String, chrono::NaiveDate> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/seeds.published.csv"
    ))
    .unwrap_or_default();
    text.lines()
        .filter_map(|l| l.split_once(','))
        .filter_map(|(p, d)| Some((p.to_owned(), d.trim().parse().ok()?)))
        .collect()
}

fn export(options: &Options) -> Export {
    let analysis = analyze_folder(&dateline::sample_folder(), options, &Progress::default());
    assert!(analysis.is_ok(), "the sample folder must open");
    analysis.map_or(
        Export {
            documents: vec![],
            events: vec![],
            timexes: vec![],
        },
        |a| to_export(&a),
    )
}

#[derive(Debug, Default)]
struct Score {
    gold: usize,
    found: usize,
    dated_gold: usize,
    dated_right: usize,
    extra: usize,
    /// Timeline events (merge groups) none of whose mentions is in the gold.
    extra_events: usize,
    /// Timeline events beyond the gold that the mention model made.
    learned_extra_events: usize,
    extras: Vec<String>,
    misses: Vec<String>,
    wrong_dates: Vec<String>,
}

/// Matches gold events to exported ones: same document, same kind, the
/// event's sentence contains the gold evidence; each export event used once.
fn score(export: &Export, with_published: bool) -> Score {
    let gold = gold();
    let mut score = Score::default();
    let mut used = vec![false; export.events.len()];
    let docs = gold["documents"].as_array().cloned().unwrap_or_default();
    for doc in &docs {
        let path = doc["doc"].as_str().unwrap_or_default();
        let published_known = export
            .documents
            .iter()
            .any(|d| d.path == path && d.published.is_some());
        for ev in doc["events"].as_array().cloned().unwrap_or_default() {
            let kind = ev["kind"].as_str().unwrap_or_default();
            let evidence = ev["evidence"].as_str().unwrap_or_default();
            let candidates: Vec<usize> = (0..export.events.len())
                .filter(|&i| {
                    let e = &export.events[i];
                    e.doc == path && e.text.contains(evidence)
                })
                .collect();
            let optional = ev["optional"].as_bool().unwrap_or(false);
            let hit = candidates
                .iter()
                .copied()
                .filter(|&i| !used[i] && export.events[i].kind == kind)
                .min_by_key(|&i| {
                    usize::from(export.events[i].date.as_deref() != ev["date"].as_str())
                });
            // Optional gold events are neither rewarded nor penalised.
            if optional {
                for &i in &candidates {
                    used[i] = true;
                }
                continue;
            }
            score.gold += 1;
            let Some(i) = hit else {
                score.misses.push(format!("{path}: {kind} «{evidence}»"));
                continue;
            };
            used[i] = true;
            score.found += 1;
            let needs_published = ev["needs_published"].as_bool().unwrap_or(false);
            if let Some(date) = ev["date"].as_str()
                && (!needs_published || published_known)
            {
                score.dated_gold += 1;
                if export.events[i].date.as_deref() == Some(date) {
                    score.dated_right += 1;
                } else {
                    score.wrong_dates.push(format!(
                        "{path}: {kind} «{evidence}»: got {:?}, want {date} (with_published={with_published})",
                        export.events[i].date
                    ));
                }
            }
        }
    }
    // The gold lists the diplomatic events; the mention model's events of
    // other kinds beyond it are counted apart (listed, not limited here:
    // their precision is measured on the TimeML and timeline15 data).
    let learned = |e: &ExportEvent| e.rule.starts_with("model:");
    score.extra = used
        .iter()
        .zip(&export.events)
        .filter(|(u, e)| !**u && !learned(e))
        .count();
    // A mention merged with a gold event is another source of it, not another
    // event: count the timeline's events, one per merge group.
    let index: HashMap<&str, usize> = export
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut counted = vec![false; export.events.len()];
    let mut joins_gold = vec![false; export.events.len()];
    for (i, e) in export.events.iter().enumerate() {
        if counted[i] {
            continue;
        }
        let mut group = vec![i];
        group.extend(
            e.merged_with
                .iter()
                .filter_map(|id| index.get(id.as_str()).copied()),
        );
        for &g in &group {
            counted[g] = true;
        }
        if group.iter().all(|&g| !used[g]) {
            if group.iter().all(|&g| learned(&export.events[g])) {
                score.learned_extra_events += 1;
            } else {
                score.extra_events += 1;
            }
        } else {
            for &g in &group {
                joins_gold[g] = true;
            }
        }
    }
    score.extras = export
        .events
        .iter()
        .zip(&used)
        .zip(&joins_gold)
        .filter(|((_, u), _)| !**u)
        .map(|((e, _), joins)| {
            let trigger: String = e
                .text
                .chars()
                .skip(e.trigger[0] - e.sentence[0])
                .take(e.trigger[1] - e.trigger[0])
                .collect();
            let source = if *joins {
                " (another source of a gold event)"
            } else {
                ""
            };
            format!(
                "{}: {} «{trigger}» {} {:?} [{}]{source}",
                e.doc, e.kind, e.modality, e.date, e.rule
            )
        })
        .collect();
    score
}

fn report(label: &str, export: &Export, s: &Score) {
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let (recall, accuracy) = (
        s.found as f64 / s.gold.max(1) as f64,
        s.dated_right as f64 / s.dated_gold.max(1) as f64,
    );
    println!(
        "[{label}] recall {recall:.3} ({}/{}), date accuracy {accuracy:.3} ({}/{}), events not in the gold {} by rules, {} by the model ({} rule mentions of {})",
        s.found,
        s.gold,
        s.dated_right,
        s.dated_gold,
        s.extra_events,
        s.learned_extra_events,
        s.extra,
        export.events.len()
    );
    for m in &s.misses {
        println!("  missed: {m}");
    }
    for w in &s.wrong_dates {
        println!("  wrong date: {w}");
    }
    for x in &s.extras {
        println!("  not in the gold: {x}");
    }
}

#[test]
fn publication_dates_come_from_the_text_or_stay_unknown() {
    let export = export(&Options::default());
    let published: HashMap<&str, Option<&str>> = export
        .documents
        .iter()
        .map(|d| (d.path.as_str(), d.published.as_deref()))
        .collect();
    let gold = gold();
    for doc in gold["documents"].as_array().cloned().unwrap_or_default() {
        let path = doc["doc"].as_str().unwrap_or_default();
        let in_text = doc["published"]["in_text"].as_bool().unwrap_or(false);
        let want = if in_text {
            doc["published"]["value"].as_str()
        } else {
            None
        };
        assert_eq!(
            published.get(path).copied().flatten(),
            want,
            "publication date of {path}"
        );
    }
    let undated = export
        .documents
        .iter()
        .filter(|d| d.problems.iter().any(|p| p.contains("no publication date")))
        .count();
    assert_eq!(undated, 3, "documents listed as needing a date");
}

/// Issue targets: recall of non-optional gold events ≥ 0.95, every resolvable date right.
fn assert_targets(s: &Score) {
    assert!(
        s.found * 100 >= s.gold * 95,
        "recall below 0.95: {:?}",
        s.misses
    );
    assert_eq!(
        s.dated_right, s.dated_gold,
        "wrong dates: {:?}",
        s.wrong_dates
    );
}

#[test]
fn seed_events_without_outside_dates() {
    let export = export(&Options::default());
    let s = score(&export, false);
    report("text only", &export, &s);
    assert_targets(&s);
    assert!(
        s.extra <= export.events.len() / 2,
        "too many mentions not in the gold"
    );
    // Issue target: a handful of timeline events not in the gold, each
    // defensible (the list printed above); 7 when this was written.
    assert!(
        s.extra_events <= 8,
        "too many events not in the gold: {:#?}",
        s.extras
    );
}

#[test]
fn seed_events_with_published_dates() {
    let options = Options {
        published: published_dates(),
        ..Options::default()
    };
    let export = export(&options);
    let s = score(&export, true);
    report("with --published-dates", &export, &s);
    assert_targets(&s);
    // Every event keeps its trace back to the text.
    for e in &export.events {
        assert!(
            e.sentence[0] <= e.trigger[0] && e.trigger[1] <= e.sentence[1],
            "trigger outside sentence: {e:?}"
        );
        assert!(!e.rule.is_empty());
    }
}

#[test]
fn undated_seeds_get_year_suggestions_not_dates() {
    let options = Options {
        current_year: Some(2026),
        ..Options::default()
    };
    let export = export(&options);
    let suggested: Vec<_> = export
        .documents
        .iter()
        .filter_map(|d| d.published_suggestion.as_ref().map(|s| (d, s)))
        .collect();
    assert!(
        !suggested.is_empty(),
        "a weekday written near a yearless date should suggest years"
    );
    for (doc, s) in suggested {
        assert!(doc.published.is_none(), "a suggestion is never applied");
        assert!(!s.years.is_empty() && s.years.iter().all(|&y| y <= 2026));
        assert!(s.years.windows(2).all(|w| w[0] > w[1]), "most recent first");
        assert!(s.reason.contains(" was a "), "{}", s.reason);
    }
}
