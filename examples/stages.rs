//! Time per stage of the extraction (repair, time expressions, sentences,
//! gazetteer, people, events…) over the bench corpus, best of `REPS` runs:
//! `cargo run --release --example stages [STAGE]`. Finds which stage a
//! change to `cargo bench --bench extract` came from.

use dateline::events::{EventExtractor, Gazetteer, find_people};
use dateline::temporal::Tagger;
use dateline::text::{repair, split_sentences};
use std::hint::black_box;
use std::time::Instant;

#[path = "../benches/common.rs"]
mod common;

fn main() {
    let docs = common::corpus(2 << 20);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let tagger = Tagger::new();
    let reps = std::env::var("REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let only = std::env::args().nth(1);
    let t = |name: &str, f: &dyn Fn()| {
        if only.as_deref().is_some_and(|o| o != name) {
            return;
        }
        f();
        let mut best = f64::MAX;
        for _ in 0..reps {
            let s = Instant::now();
            f();
            best = best.min(s.elapsed().as_secs_f64());
        }
        println!(
            "{name:12} {:7.1} ms/2MB  {:6.1} MB/s (best of {reps})",
            best * 1000.0,
            bytes as f64 / 1e6 / best
        );
    };
    let repaired: Vec<String> = docs.iter().map(|d| repair(&d.text).text).collect();
    let sents: Vec<_> = repaired.iter().map(|t| split_sentences(t)).collect();
    let anchor = chrono::NaiveDate::from_ymd_opt(2020, 8, 24);
    let timexes: Vec<_> = repaired.iter().map(|t| tagger.tag(t, anchor)).collect();
    t("repair", &|| {
        for d in &docs {
            black_box(repair(&d.text));
        }
    });
    t("scan", &|| {
        for d in &repaired {
            black_box(tagger.scan(d));
        }
    });
    t("tag", &|| {
        for d in &repaired {
            black_box(tagger.tag(d, anchor));
        }
    });
    t("sentences", &|| {
        for d in &repaired {
            black_box(split_sentences(d));
        }
    });
    t("gazetteer", &|| {
        for d in &repaired {
            black_box(Gazetteer::get().find(d));
        }
    });
    t("people", &|| {
        for d in &repaired {
            black_box(find_people(d, Gazetteer::get()));
        }
    });
    t("mentions", &|| {
        let model = dateline::events::mention::Model::bundled();
        for (d, s) in repaired.iter().zip(&sents) {
            for sentence in s {
                black_box(model.detect(d, sentence.start, sentence.end));
            }
        }
    });
    t("rules_only", &|| {
        for ((d, s), tx) in repaired.iter().zip(&sents).zip(&timexes) {
            black_box(EventExtractor.extract(d, s, tx, &[]));
        }
    });
    t("events", &|| {
        for ((d, s), tx) in repaired.iter().zip(&sents).zip(&timexes) {
            let mentions = dateline::events::mention::Model::bundled().detect_sentences(d, s);
            black_box(EventExtractor.extract(d, s, tx, &mentions));
        }
    });
    let scans: Vec<_> = repaired.iter().map(|t| tagger.scan(t)).collect();
    t("published", &|| {
        for (d, s) in repaired.iter().zip(&scans) {
            black_box(dateline::corpus::detect_published(
                &s.full_dates(),
                d,
                "a.txt",
                &[],
            ));
        }
    });
    t("suggest", &|| {
        for (d, s) in repaired.iter().zip(&scans) {
            black_box(s.suggest_years(d, Some(2026)));
        }
    });
    t("charmap", &|| {
        for d in &docs {
            black_box(dateline::text::CharMap::new(&d.text));
        }
    });
    t("clone", &|| {
        for d in &docs {
            black_box(d.clone());
        }
    });
    // The stages one document after another, as analyze_document runs them
    // but without its glue: compare with "all".
    t("sequence", &|| {
        for d in &docs {
            let r = repair(&d.text);
            let scan = tagger.scan(&r.text);
            let published =
                dateline::corpus::detect_published(&scan.full_dates(), &r.text, &d.path, &[]);
            let s = split_sentences(&r.text);
            let tx = tagger.resolve(&r.text, &scan, published.map(|p| p.date));
            let mentions =
                dateline::events::mention::Model::bundled().detect_sentences(&r.text, &s);
            black_box(EventExtractor.extract(&r.text, &s, &tx, &mentions));
        }
    });
    // One long string (a huge article): throughput should not fall with length.
    for mb in [1usize, 4] {
        let mut long = String::new();
        for d in repaired.iter().cycle() {
            if long.len() >= mb << 19 {
                break;
            }
            long.push_str(d);
            long.push_str("\n\n");
        }
        let name = format!("long_{}KB", (mb << 19) >> 10);
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let start = Instant::now();
        black_box(tagger.tag(&long, anchor));
        let secs = start.elapsed().as_secs_f64();
        let doc = dateline::corpus::Document {
            path: "long.txt".to_owned(),
            text: long.as_str().into(),
            ..dateline::corpus::Document::default()
        };
        let options = dateline::analysis::Options::default();
        let start = Instant::now();
        black_box(dateline::analysis::analyze_document(doc, &tagger, &options));
        let all = start.elapsed().as_secs_f64();
        let mb = long.len() as f64 / 1e6;
        println!(
            "{name:12} tag {:6.1} MB/s, whole extraction {:6.1} MB/s (one document)",
            mb / secs,
            mb / all
        );
    }
    let opts = dateline::analysis::Options::default();
    t("all", &|| {
        for batch in docs.chunks(
            std::env::var("BATCH")
                .ok()
                .and_then(|b| b.parse().ok())
                .unwrap_or(dateline::analysis::BATCH),
        ) {
            black_box(dateline::analysis::analyze_documents(
                batch.to_vec(),
                &tagger,
                &opts,
            ));
        }
    });
    t("one_by_one", &|| {
        for d in &docs {
            black_box(dateline::analysis::analyze_document(
                d.clone(),
                &tagger,
                &opts,
            ));
        }
    });
}
