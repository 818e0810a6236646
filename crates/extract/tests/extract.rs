//! Runs the tokenizer, sentence splitter, lexicon, gazetteer and date finder
//! over every file of the shared corpus (skipped when `../shared` is absent),
//! plus property tests on arbitrary input.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;
use untangle_extract::{lexicon::Lexicon, resolve_place, temporal, text};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus")
}

fn corpus_files() -> Option<Vec<PathBuf>> {
    let root = corpus_dir();
    if !root.is_dir() {
        eprintln!("skipping: no shared corpus at {}", root.display());
        return None;
    }
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).ok()?.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    Some(files)
}

fn check_spans(text: &str, spans: impl IntoIterator<Item = std::ops::Range<usize>>) {
    let mut last = 0;
    for r in spans {
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "{r:?} out of bounds"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(r.start >= last, "spans out of order");
        last = r.end;
    }
}

#[test]
fn whole_corpus_runs_without_panics() {
    let Some(files) = corpus_files() else { return };
    let lex = Lexicon::global();
    let doc_date = "2013-01-25".parse().ok();
    let (mut words, mut sents, mut matches, mut dates) = (0usize, 0usize, 0usize, 0usize);
    for f in &files {
        let Ok(t) = std::fs::read_to_string(f) else {
            continue;
        };
        let toks = text::tokenize(&t);
        check_spans(&t, toks.iter().map(|x| x.span()));
        words += toks.iter().filter(|x| x.is_wordlike()).count();
        let s = text::sentences_from_tokens(&t, &toks);
        check_spans(&t, s.iter().cloned());
        sents += s.len();
        let m = lex.find_in_tokens(&t, &toks);
        check_spans(&t, m.iter().map(|x| x.span.clone()));
        for x in m.iter().take(5) {
            let _ = resolve_place(&t[x.span.clone()]);
        }
        matches += m.len();
        let d = temporal::find_dates_in_tokens(&t, &toks, doc_date);
        check_spans(&t, d.iter().map(|x| x.range()));
        dates += d.len();
    }
    eprintln!(
        "{} files: {words} words, {sents} sentences, {matches} lexicon matches, {dates} dates",
        files.len()
    );
    assert!(words > 100_000);
}

/// Throughput on the ISAF + WikiEvents text; meaningful with `--release`.
#[test]
fn throughput_report() {
    let Some(files) = corpus_files() else { return };
    let text: String = files
        .iter()
        .filter(|p| {
            let s = p.to_string_lossy();
            s.contains("/isaf/") || s.contains("/wikievents/")
        })
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n\n");
    let t0 = Instant::now();
    let fresh = Lexicon::embedded().expect("embedded lexicon builds");
    let build = t0.elapsed();
    drop(fresh);
    let lex = Lexicon::global();
    let rounds = if cfg!(debug_assertions) { 1 } else { 5 };
    let toks = text::tokenize(&text);
    let words = toks.iter().filter(|t| t.is_wordlike()).count() * rounds;
    let rate = |d: std::time::Duration| words as f64 / d.as_secs_f64();

    let mut buf = Vec::new();
    let t = Instant::now();
    for _ in 0..rounds {
        text::tokenize_into(&text, &mut buf);
    }
    let tok = t.elapsed();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        n += text::sentences_from_tokens(&text, &toks).len();
    }
    let sen = t.elapsed();
    let t = Instant::now();
    let mut m = 0;
    for _ in 0..rounds {
        m += lex.find_in_tokens(&text, &toks).len();
    }
    let lx = t.elapsed();
    let t = Instant::now();
    let mut d = 0;
    for _ in 0..rounds {
        d += temporal::find_dates_in_tokens(&text, &toks, "2013-01-25".parse().ok()).len();
    }
    let dt = t.elapsed();
    eprintln!(
        "lexicon: {} entries, {} patterns, built in {:.0} ms",
        lex.entries().len(),
        lex.pattern_count(),
        build.as_secs_f64() * 1e3
    );
    eprintln!("words: {}  ({} rounds)", words / rounds, rounds);
    eprintln!("tokenize:  {:>12.0} words/s", rate(tok));
    eprintln!(
        "sentences: {:>12.0} words/s ({} sentences)",
        rate(sen),
        n / rounds
    );
    eprintln!(
        "lexicon:   {:>12.0} words/s ({} matches)",
        rate(lx),
        m / rounds
    );
    eprintln!(
        "dates:     {:>12.0} words/s ({} dates)",
        rate(dt),
        d / rounds
    );
    eprintln!("all four:  {:>12.0} words/s", rate(tok + sen + lx + dt));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_sound(s in "\\PC{0,200}") {
        let toks = text::tokenize(&s);
        check_spans(&s, toks.iter().map(|t| t.span()));
        check_spans(&s, text::sentences_from_tokens(&s, &toks));
        check_spans(&s, Lexicon::global().find_in_tokens(&s, &toks).into_iter().map(|m| m.span));
        check_spans(&s, temporal::find_dates(&s, "2020-02-29".parse().ok()).iter().map(|d| d.range()));
        let _ = resolve_place(&s);
        let f = text::fold(&s);
        prop_assert_eq!(text::fold(&f), f.clone());
    }

    #[test]
    fn newsy_text_never_panics(s in "([A-Z][a-z]{0,8}|U\\.S\\.|No\\. [0-9]|[0-9]{1,4}|[.,’'\"“”?!()-]|\n| ){0,60}") {
        let toks = text::tokenize(&s);
        check_spans(&s, toks.iter().map(|t| t.span()));
        check_spans(&s, text::sentences_from_tokens(&s, &toks));
        check_spans(&s, Lexicon::global().find_in_tokens(&s, &toks).into_iter().map(|m| m.span));
        check_spans(&s, temporal::find_dates(&s, "2021-12-31".parse().ok()).iter().map(|d| d.range()));
    }
}
