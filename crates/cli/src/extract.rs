//! `untangle extract`: read files as ingest does (same cleaning), extract
//! entities, and write one prediction file per document in the format of
//! the evaluation files (`shared/eval/README.md`).

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use untangle_extract::entities::extract_entities;
use untangle_ingest::{discover, read_file, IngestOptions};
use untangle_model::Document;

/// The prediction object for one document.
pub fn prediction(doc: &Document, name: &str) -> Value {
    let found = extract_entities(&doc.text);
    let entities: Vec<Value> = found
        .entities
        .iter()
        .map(|e| {
            let mut v = json!({
                "id": e.id,
                "type": e.kind.as_str(),
                "subtype": e.subtype,
                "name": e.name,
                "aliases": e.aliases,
            });
            if let Some(id) = e.lexicon_id {
                v["lexicon_id"] = json!(id);
            }
            if let Some(n) = &e.nationality {
                v["nationality"] = json!(n);
            }
            if let Some(t) = &e.title {
                v["title"] = json!(t);
            }
            if let Some(p) = &e.place {
                v["place"] = json!({
                    "id": p.id,
                    "name": p.name,
                    "kind": p.kind.as_str(),
                    "province": p.province.map(|r| r.name),
                    "country": p.country.map(|r| r.name),
                });
            }
            v["mentions"] = json!(e
                .mentions
                .iter()
                .map(|m| json!([m.start, m.end]))
                .collect::<Vec<_>>());
            v
        })
        .collect();
    let events = events_json(&doc.text, &found, doc.meta.published);
    json!({
        "document": name,
        "id": doc.id,
        "published": doc.meta.published.map(|d| d.to_string()),
        "original_source": doc.meta.original_source,
        "entities": entities,
        "ties": untangle_extract::ties::extract_ties(&doc.text, &found)
            .iter()
            .map(|t| json!({
                "subject": t.subject,
                "predicate": t.predicate.as_str(),
                "object": t.object,
                "polarity": t.polarity.as_str(),
                "evidence": doc.text[t.sentence.clone()],
                "method": t.method,
                "confidence": t.confidence,
            }))
            .collect::<Vec<_>>(),
        // events name who did what to whom; incidents ("a car bomb killed
        // 12 people") name no participant: they carry a place, a date and
        // counts, but no tie between actors, so they are listed apart
        "events": events.iter().filter(|e| !is_incident(e)).collect::<Vec<_>>(),
        "incidents": events.iter().filter(|e| is_incident(e)).collect::<Vec<_>>(),
        "claims": untangle_extract::claims::extract_claims(&doc.text, &found)
            .iter()
            .map(|c| {
                let mut v = json!({
                    "speaker": c.speaker,
                    "quote": c.quote,
                    "about": c.about,
                    "evidence": doc.text.get(c.sentence.clone()).unwrap_or("").trim(),
                    "confidence": c.confidence,
                });
                if let Some(s) = c.stance {
                    v["stance"] = json!(s.as_str());
                }
                v
            })
            .collect::<Vec<_>>(),
    })
}

/// An event with neither agents nor targets.
fn is_incident(e: &Value) -> bool {
    let empty = |k: &str| e[k].as_array().is_none_or(Vec::is_empty);
    empty("agents") && empty("targets")
}

/// The events of a document as prediction objects.
fn events_json(
    text: &str,
    found: &untangle_extract::entities::DocEntities,
    published: Option<untangle_model::PartialDate>,
) -> Vec<Value> {
    untangle_extract::events::extract_events(text, found, published)
        .iter()
        .map(|e| {
            let mut v = json!({
                "type": e.kind.as_str(),
                "agents": e.agents,
                "targets": e.targets,
                "fatalities": e.fatalities,
                "captured": e.captured,
                "mode": e.mode,
                "evidence": text.get(e.sentence.clone()).unwrap_or("").trim(),
                "confidence": e.confidence,
            });
            if let Some(l) = &e.location {
                v["location"] = json!(l);
            }
            if let Some(d) = e.date {
                v["date"] = json!(d.to_string());
            }
            v
        })
        .collect()
}

/// The output file name: the input's stem; items of a feed or JSONL file
/// get their item or line number.
fn out_name(locator: &str, path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "document".into());
    match locator.rsplit_once(['#', ':']) {
        Some((_, suffix)) if locator.len() > path.display().to_string().len() => {
            format!("{stem}-{}", suffix.replace("item-", ""))
        }
        _ => stem,
    }
}

pub struct Outcome {
    pub written: Vec<PathBuf>,
    pub predictions: Vec<Value>,
    pub failed: Vec<String>,
}

pub fn run(inputs: &[String], out: Option<&Path>, max_bytes: u64) -> Result<Outcome> {
    if let Some(dir) = out {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let (files, errors) = discover(inputs);
    let mut outcome = Outcome {
        written: Vec::new(),
        predictions: Vec::new(),
        failed: errors.iter().map(|e| e.to_string()).collect(),
    };
    let opts = IngestOptions { max_bytes };
    // the reference lexicon's automaton is most of the start-up (about a
    // tenth of a second): build it while the first file is read and cleaned
    let mut warm = Some(std::thread::spawn(|| {
        untangle_extract::lexicon::Lexicon::global();
    }));
    for f in files {
        let docs = read_file(&f, &opts);
        if let Some(w) = warm.take() {
            let _ = w.join();
        }
        // documents are independent: extract them on all cores, keep
        // their order for the output
        // a fault in the extractors on one document is that document's
        // failure, named with it; the rest of the batch goes on
        let preds: Vec<_> = docs
            .into_par_iter()
            .map(|r| {
                let doc = r.map_err(|e| e.to_string())?;
                let name = out_name(&doc.meta.locator, &f);
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    prediction(&doc, &doc.meta.locator)
                }))
                .map(|pred| (name, pred))
                .map_err(|panic| {
                    let why = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown fault".to_string());
                    format!(
                        "{}: extraction failed (internal error: {why}); please report it",
                        doc.meta.locator
                    )
                })
            })
            .collect();
        for r in preds {
            match r {
                Err(e) => outcome.failed.push(e),
                Ok((name, pred)) => {
                    if let Some(dir) = out {
                        let p = dir.join(format!("{name}.json"));
                        std::fs::write(&p, serde_json::to_string_pretty(&pred)?)
                            .with_context(|| format!("writing {}", p.display()))?;
                        outcome.written.push(p);
                    } else {
                        outcome.predictions.push(pred);
                    }
                }
            }
        }
    }
    Ok(outcome)
}
