//! Throughput of the whole extraction of one document — repair, publication
//! date, sentences, time expressions, events — on one core
//! (`cargo bench --bench extract`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::analysis::{Options, analyze_document};
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
