//! Throughput of the temporal engine alone (`cargo bench --bench temporal`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::temporal::Tagger;
use std::hint::black_box;

#[path = "common.rs"]
mod common;

fn temporal(c: &mut Criterion) {
    // Articles are tagged one by one, as the pipeline does.
    let texts: Vec<String> = common::corpus(4 << 20)
        .into_iter()
        .map(|d| d.text.to_string())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let anchor = chrono::NaiveDate::from_ymd_opt(2020, 8, 24);
    let tagger = Tagger::new();
    let mut group = c.benchmark_group("temporal");
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(3));
    group.bench_function("tag_4MB", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(tagger.tag(black_box(t), anchor)).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, temporal);
criterion_main!(benches);
