//! untangle's side of `bench/ner.sh`: runs `ner::recognize` over CoNLL-2003
//! and prints its predictions and speed as JSON for `bench/ner_eval.py`,
//! which scores them with the same function as spaCy's.
//!
//! `cargo run --release -p untangle-extract --example conll_ner -- CONLL`
//!
//! The text is rebuilt exactly as `bench/ner_eval.py` does (one text per
//! document, tokens joined by single spaces, sentences by a newline) and
//! checked by the scorer through `text_fnv`. Each document is recognised
//! on its own. Speed: one warm-up pass over all documents (builds the
//! lexicon automaton; its predictions are the ones reported), then timed
//! passes until at least 3 passes and 3 s, median reported; file reading
//! excluded. CPU time of this (single) thread from
//! `/proc/thread-self/schedstat` when available, wall time too.
//!
//! CoNLL-2003 is evaluation data: read from `../shared`, never shipped.
use std::fmt::Write as _;
use std::time::Instant;
use untangle_extract::ner::{recognize, NerLabel};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conll_ner CONLL_FILE");
        std::process::exit(2);
    };
    let raw = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let docs = rebuild(&raw);
    let words: usize = docs.iter().map(|d| d.tokens).sum();

    // warm-up pass: its output is what gets scored
    let t = Instant::now();
    let found: Vec<_> = docs.iter().map(|d| recognize(&d.text)).collect();
    let warmup = t.elapsed().as_secs_f64();

    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let started = Instant::now();
    while wall.len() < 3 || (started.elapsed().as_secs_f64() < 3.0 && wall.len() < 200) {
        let c = thread_cpu_seconds();
        let t = Instant::now();
        let mut n = 0usize;
        for d in &docs {
            n += std::hint::black_box(recognize(std::hint::black_box(&d.text))).len();
        }
        wall.push(t.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c, thread_cpu_seconds()) {
            cpu.push(c1 - c0);
        }
        std::hint::black_box(n);
    }
    let wall_median = median(&mut wall.clone());
    let cpu_median = if cpu.len() == wall.len() {
        Some(median(&mut cpu.clone()))
    } else {
        None
    };

    let mut out = String::new();
    out.push_str("{\"system\":\"untangle\"");
    let _ = write!(
        out,
        ",\"docs\":{},\"words\":{},\"text_fnv\":\"{:016x}\"",
        docs.len(),
        words,
        fnv1a64(docs.iter().map(|d| d.text.as_str()))
    );
    let _ = write!(
        out,
        ",\"warmup_seconds\":{warmup},\"passes\":{},\"cpu_seconds\":{}",
        list(&wall),
        list(&cpu)
    );
    let _ = write!(out, ",\"seconds_median\":{wall_median}");
    let _ = write!(out, ",\"words_per_s_wall\":{}", words as f64 / wall_median);
    match cpu_median {
        Some(c) => {
            let _ = write!(
                out,
                ",\"cpu_seconds_median\":{c},\"words_per_s\":{}",
                words as f64 / c
            );
        }
        // no per-thread CPU clock: fall back to wall time
        None => {
            let _ = write!(out, ",\"words_per_s\":{}", words as f64 / wall_median);
        }
    }
    out.push_str(",\"pred\":[");
    let mut first = true;
    for (di, (d, spans)) in docs.iter().zip(&found).enumerate() {
        for s in spans {
            let label = match s.label {
                NerLabel::Per => "PER",
                NerLabel::Org => "ORG",
                NerLabel::Loc => "LOC",
                NerLabel::Misc => "MISC",
            };
            if !first {
                out.push(',');
            }
            first = false;
            let _ = write!(
                out,
                "[{di},{},{},\"{label}\"]",
                d.char_at(s.span.start),
                d.char_at(s.span.end)
            );
        }
    }
    out.push_str("]}");
    println!("{out}");
    eprintln!(
        "untangle: {} documents, {words} words, {} spans; {:.0} words/s of CPU time, {:.0} wall \
         (median of {} passes; warm-up {warmup:.3}s)",
        docs.len(),
        found.iter().map(Vec::len).sum::<usize>(),
        cpu_median.map_or(f64::NAN, |c| words as f64 / c),
        words as f64 / wall_median,
        wall.len()
    );
}

/// One CoNLL document rebuilt as text.
struct Doc {
    text: String,
    tokens: usize,
}

impl Doc {
    /// Character offset of byte offset `b` (the scorer works in characters).
    fn char_at(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        self.text.char_indices().take_while(|&(i, _)| i < b).count()
    }
}

/// Documents from CoNLL lines (`token POS chunk NER`): `-DOCSTART-` starts a
/// document, a blank line ends a sentence; documents with no token are
/// dropped. Same rules as `read_conll` in `bench/ner_eval.py`.
fn rebuild(raw: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc: Vec<Vec<&str>> = Vec::new();
    let mut sent: Vec<&str> = Vec::new();
    let finish = |doc: &mut Vec<Vec<&str>>, docs: &mut Vec<Doc>| {
        if !doc.is_empty() {
            let tokens = doc.iter().map(Vec::len).sum();
            let text = doc
                .iter()
                .map(|s| s.join(" "))
                .collect::<Vec<_>>()
                .join("\n");
            docs.push(Doc { text, tokens });
            doc.clear();
        }
    };
    for line in raw.lines() {
        let Some(first) = line.split_whitespace().next() else {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        };
        if first == "-DOCSTART-" {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            finish(&mut doc, &mut docs);
            continue;
        }
        sent.push(first);
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    finish(&mut doc, &mut docs);
    docs
}

/// FNV-1a 64 over each text's UTF-8 followed by a NUL (as `fnv1a64` in
/// `bench/ner_eval.py`).
fn fnv1a64<'a>(texts: impl Iterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in texts {
        for &b in t.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// CPU seconds used by this thread so far (Linux), None elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn list(v: &[f64]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x}")).collect();
    format!("[{}]", items.join(","))
}
