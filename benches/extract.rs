//! Throughput of the whole extraction of documents — repair, publication
//! date, sentences, time expressions, events — on one core, in batches of
//! `BATCH` documents as a folder is read (`cargo bench --bench extract`).
//! `documents_one_by_one` gives the same documents one at a time (a file
//! holding a single article, or a corrected publication date).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::analysis::{BATCH, Options, analyze_document, analyze_documents};
use dateline::temporal::Tagger;
use std::hint::black_box;

#[path = "common.rs"]
mod common;

fn extract(c: &mut Criterion) {
    let docs = common::corpus(2 << 20);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let tagger = Tagger::new();
    let options = Options::default();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(3));
    group.bench_function("documents_2MB", |b| {
        b.iter(|| {
            docs.chunks(BATCH)
                .map(|batch| {
                    analyze_documents(black_box(batch.to_vec()), &tagger, &options)
                        .iter()
                        .map(|d| d.events.len())
                        .sum::<usize>()
                })
                .sum::<usize>()
        });
    });
    group.bench_function("documents_one_by_one_2MB", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    analyze_document(black_box(d.clone()), &tagger, &options)
                        .events
                        .len()
                })
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
