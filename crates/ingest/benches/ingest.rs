//! Per-document cost of the hot paths: parsing a 1 KB text report (clean-up
//! and dates included), a JSONL record, an HTML page, and the MinHash
//! signature. `cargo bench -p untangle-ingest`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use untangle_ingest::{clean, minhash, parse_bytes, IngestOptions};

/// About 1 KB of report text with a dateline, a repeated caption and a
/// footer, so every clean-up rule has work to do.
fn report() -> String {
    let mut s =
        String::from("Forces Detain Suspects in Kandahar\n\nKABUL, Afghanistan (Jan. 25, 2013)\n");
    let para = "An Afghan and coalition security force detained two suspected insurgents during an operation in Maiwand district, Kandahar province, today. The leader coordinated attacks against Afghan forces.";
    for i in 0..4 {
        s.push_str(&format!("\n{para} Item {i}.\n"));
    }
    s.push_str("\nA caption under the photo of the district.\n\nA caption under the photo of the district.\n");
    s.push_str(
        "\nSource: https://news.example/a/1\n\nRelated posts\n\nOne title\n\nAnother title\n",
    );
    s
}

fn bench(c: &mut Criterion) {
    let opts = IngestOptions::default();
    let text = report();
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("parse_bytes text 1KB", |b| {
        b.iter(|| parse_bytes("r.txt", Some("txt"), black_box(text.as_bytes()), &opts))
    });
    g.bench_function("clean 1KB", |b| b.iter(|| clean::clean(black_box(&text))));
    g.bench_function("minhash signature 1KB", |b| {
        b.iter(|| minhash::signature(black_box(&text)))
    });
    let line = serde_json::json!({
        "text": text, "title": "Forces Detain Suspects", "published": "2013-01-25",
        "source": "ISAF", "url": "https://news.example/a/1"
    })
    .to_string();
    g.bench_function("parse_bytes jsonl record 1KB", |b| {
        b.iter(|| parse_bytes("r.jsonl", Some("jsonl"), black_box(line.as_bytes()), &opts))
    });
    let html = format!(
        "<!DOCTYPE html><html><head><title>Forces Detain Suspects</title></head><body><nav><a href='/'>Home</a></nav><article>{}</article><footer>© 2013</footer></body></html>",
        text.split("\n\n").map(|p| format!("<p>{p}</p>")).collect::<String>()
    );
    g.bench_function("parse_bytes html page", |b| {
        b.iter(|| parse_bytes("r.html", Some("html"), black_box(html.as_bytes()), &opts))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
