//! The ingest pipeline: discover → parse in parallel → decide origins → write
//! in batched transactions.
//!
//! Files are parsed and extracted on all cores (rayon) by a producer thread,
//! a batch at a time through a bounded channel, so memory stays bounded and
//! the writer (this thread) writes one batch while the next is extracted,
//! taking documents in input order. Each
//! transaction holds whole documents only, so a process killed at any moment
//! leaves the store as it was after the last commit, and a re-run, which
//! skips stored ids and sees the same order, ends in the same final store.

use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;
use untangle_extract::entities::DocEntities;
use untangle_ingest::minhash::{self, Signature};
use untangle_ingest::{discover, read_file, IngestError, IngestOptions};
use untangle_model::{
    Claim, ContentHash, Document, Entity, Event, Evidence, ExternalId, Mention, Tie,
};
use untangle_store::{Backend, DocGraph, NewDocument, NewEntity, Origin, StoreError, WriteTx};

/// Settings of one ingest run.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Files larger than this are refused with an error naming them.
    pub max_bytes: u64,
    /// Documents per write transaction.
    pub batch: usize,
    /// Files parsed in parallel before their documents are written.
    pub chunk_files: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_bytes: IngestOptions::default().max_bytes,
            batch: 500,
            chunk_files: 256,
        }
    }
}

/// Receives progress; the CLI draws a bar, tests and the server ignore it.
pub trait Progress: Sync {
    fn start(&self, _files: u64) {}
    fn advance(&self, _files: u64, _documents: u64) {}
    fn finish(&self) {}
}

/// Progress that goes nowhere.
#[derive(Debug, Clone, Copy)]
pub struct NoProgress;
impl Progress for NoProgress {}

/// An input that could not be ingested, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The file (or `file:line`, `file#item`) that failed.
    pub input: String,
    pub error: String,
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestReport {
    pub files: u64,
    /// Documents read from the files.
    pub documents: u64,
    /// Documents newly stored.
    pub stored: u64,
    /// Documents whose id was already stored (or repeated in this run).
    pub duplicates: u64,
    /// Newly stored documents that cite an original or copy a stored one.
    pub reposts: u64,
    /// Entities found in the newly stored documents.
    pub entities: u64,
    /// Tie readings, events and claims found in the newly stored documents.
    pub ties: u64,
    pub events: u64,
    pub claims: u64,
    pub failed: Vec<Failure>,
    pub seconds: f64,
    pub documents_per_second: f64,
}

struct Prepared {
    doc: Document,
    sig: Option<Signature>,
    entities: Vec<NewEntity>,
    graph: DocGraph,
}

/// Per-document work done on all cores before the writer: near-duplicate
/// signature and the whole extraction (entities, ties, events, claims).
fn prepare(doc: Document) -> Prepared {
    let sig = minhash::signature(&doc.text);
    let (entities, graph) = extract(&doc);
    Prepared {
        doc,
        sig,
        entities,
        graph,
    }
}

/// Everything the extractors read in a document, as the store keeps it.
pub fn extract(doc: &Document) -> (Vec<NewEntity>, DocGraph) {
    let found = untangle_extract::entities::extract_entities(&doc.text);
    let graph = graph_of(doc, &found);
    (entities_of(doc, found), graph)
}

/// Evidence for a sentence span of the document.
fn evidence(
    doc: &Document,
    span: &std::ops::Range<usize>,
    method: &str,
    confidence: f32,
) -> Evidence {
    let sentence = doc.text.get(span.clone()).unwrap_or("");
    // Store the sentence trimmed, with its span moved to match.
    let lead = sentence.len() - sentence.trim_start().len();
    let trimmed = sentence.trim();
    Evidence {
        document: doc.id.clone(),
        start: span.start + lead,
        end: span.start + lead + trimmed.len(),
        sentence: trimmed.to_string(),
        method: method.to_string(),
        confidence: confidence.clamp(0.0, 1.0),
        credibility: Default::default(),
    }
}

/// Ties, events and claims of a document, with sentence evidence.
fn graph_of(doc: &Document, found: &DocEntities) -> DocGraph {
    let text = &doc.text;
    let ties = untangle_extract::ties::extract_ties(text, found)
        .into_iter()
        .map(|t| Tie {
            evidence: vec![evidence(doc, &t.sentence, t.method, t.confidence)],
            subject: t.subject,
            predicate: t.predicate,
            object: t.object,
            polarity: t.polarity,
            since: None,
            until: None,
        })
        .collect();
    let events = untangle_extract::events::extract_events(text, found, doc.meta.published)
        .into_iter()
        .map(|e| Event {
            evidence: vec![evidence(
                doc,
                &e.sentence,
                &format!("trigger:{}", e.kind.as_str().to_ascii_lowercase()),
                e.confidence,
            )],
            kind: e.kind,
            agents: e.agents,
            targets: e.targets,
            location: e.location,
            date: e.date,
            fatalities: e.fatalities,
            captured: e.captured,
            mode: e.mode,
        })
        .collect();
    let claims = untangle_extract::claims::extract_claims(text, found)
        .into_iter()
        .map(|c| Claim {
            evidence: vec![evidence(doc, &c.sentence, "speech", c.confidence)],
            speaker: c.speaker,
            quote: c.quote,
            about: c.about,
            stance: c.stance,
        })
        .collect();
    DocGraph {
        ties,
        events,
        claims,
    }
}

/// The document's entities as the store keeps them.
fn entities_of(doc: &Document, found: DocEntities) -> Vec<NewEntity> {
    found
        .entities
        .into_iter()
        .map(|e| NewEntity {
            mentions: e
                .mentions
                .iter()
                .map(|m| Mention {
                    document: doc.id.clone(),
                    start: m.start,
                    end: m.end,
                    text: doc.text[m.clone()].to_string(),
                })
                .collect(),
            entity: Entity {
                id: e.id,
                kind: e.kind,
                subtype: e.subtype,
                name: e.name,
                aliases: e.aliases,
                nationality: e.nationality,
                title: e.title,
                external_ids: e
                    .lexicon_id
                    .map(|id| ExternalId {
                        scheme: "lexicon".into(),
                        id: id.into(),
                    })
                    .into_iter()
                    .collect(),
            },
        })
        .collect()
}

fn failure(e: &IngestError) -> Failure {
    Failure {
        input: e.path().to_string(),
        error: e.to_string(),
    }
}

/// Ingests files, folders and globs into `store`.
///
/// Bad inputs are reported in [`IngestReport::failed`] and the run goes on;
/// only a store fault stops it (after rolling back the open transaction).
pub fn ingest(
    store: &mut dyn Backend,
    inputs: &[impl AsRef<str>],
    cfg: &IngestConfig,
    progress: &dyn Progress,
) -> Result<IngestReport, StoreError> {
    let started = Instant::now();
    let mut report = IngestReport::default();
    let (files, errors) = discover(inputs);
    report.failed.extend(errors.iter().map(failure));
    report.files = files.len() as u64;
    progress.start(files.len() as u64);
    let opts = IngestOptions {
        max_bytes: cfg.max_bytes,
    };

    // Two stages: a producer thread parses and extracts on all cores
    // (rayon) while this thread writes the previous batch, so the serial
    // SQLite writer no longer waits for extraction and vice versa. The
    // channel is bounded, so at most a few batches are in memory, and it is
    // ordered, so documents are written in input order as before.
    let batch_size = cfg.batch.max(1);
    let chunk_files = cfg.chunk_files.max(1);
    let (tx_batches, rx_batches) = std::sync::mpsc::sync_channel::<Stage>(2);
    let outcome = std::thread::scope(|scope| {
        let files = &files;
        let opts = &opts;
        scope.spawn(move || {
            for chunk in files.chunks(chunk_files) {
                let docs: Vec<Result<Document, IngestError>> = chunk
                    .par_iter()
                    .map(|p: &PathBuf| read_file(Path::new(p), opts))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .flatten()
                    .collect();
                let mut docs = docs.into_iter().peekable();
                while docs.peek().is_some() {
                    let part: Vec<_> = docs.by_ref().take(batch_size).collect();
                    let prepared = part.into_par_iter().map(|r| r.map(prepare)).collect();
                    if tx_batches.send(Stage::Batch(prepared)).is_err() {
                        return; // the writer stopped on a store fault
                    }
                }
                if tx_batches
                    .send(Stage::FilesDone(chunk.len() as u64))
                    .is_err()
                {
                    return;
                }
            }
        });
        for stage in rx_batches {
            let batch = match stage {
                Stage::FilesDone(n) => {
                    progress.advance(n, 0);
                    continue;
                }
                Stage::Batch(batch) => batch,
            };
            let mut docs = Vec::with_capacity(batch.len());
            for result in batch {
                match result {
                    Err(e) => report.failed.push(failure(&e)),
                    Ok(p) => docs.push(p),
                }
            }
            report.documents += docs.len() as u64;
            let mut tx = store.begin()?;
            for p in &docs {
                match write(tx.as_mut(), p)? {
                    Written::Duplicate => report.duplicates += 1,
                    Written::Stored { repost } => {
                        report.stored += 1;
                        report.entities += p.entities.len() as u64;
                        report.ties += p.graph.ties.len() as u64;
                        report.events += p.graph.events.len() as u64;
                        report.claims += p.graph.claims.len() as u64;
                        report.reposts += u64::from(repost);
                    }
                }
            }
            tx.commit()?;
            progress.advance(0, docs.len() as u64);
        }
        Ok::<(), StoreError>(())
    });
    // On a store fault the receiver is dropped on return from the scope's
    // closure, the producer's next send fails and it stops; the open
    // transaction was rolled back on drop.
    outcome?;
    progress.finish();
    report.seconds = started.elapsed().as_secs_f64();
    report.documents_per_second = report.documents as f64 / report.seconds.max(1e-9);
    Ok(report)
}

/// What the parsing stage hands the writer: a batch of prepared documents
/// (or the errors that replaced them), or word that a chunk of files is done.
enum Stage {
    Batch(Vec<Result<Prepared, IngestError>>),
    FilesDone(u64),
}

enum Written {
    Duplicate,
    Stored { repost: bool },
}

/// Writes one document inside the open transaction, unless its id is stored.
fn write(tx: &mut dyn WriteTx, p: &Prepared) -> Result<Written, StoreError> {
    if tx.has_document(&p.doc.id)? {
        return Ok(Written::Duplicate);
    }
    let (origin, repost_of) = decide_origin(tx, p)?;
    let repost = repost_of.is_some() || p.doc.meta.original_source.is_some();
    let bytes = p.sig.as_ref().map(Signature::to_bytes);
    let bands = p.sig.as_ref().map(minhash::band_keys).unwrap_or_default();
    tx.insert_document(&NewDocument {
        doc: &p.doc,
        minhash: bytes.as_deref(),
        bands: &bands,
        origin,
        repost_of,
    })?;
    tx.insert_entities(&p.doc.id, &p.entities)?;
    tx.insert_graph(&p.doc.id, &p.graph)?;
    Ok(Written::Stored { repost })
}

/// Which independent source a new document stands for.
///
/// An explicit "Source: URL" wins; otherwise a stored near-duplicate (MinHash
/// estimate at or above [`minhash::REPOST_THRESHOLD`]) lends its origin;
/// otherwise the document is its own origin (its URL, or its id).
fn decide_origin(
    tx: &dyn WriteTx,
    p: &Prepared,
) -> Result<(Origin, Option<(ContentHash, f32)>), StoreError> {
    let mut near: Option<(ContentHash, f32, String)> = None;
    if let Some(sig) = &p.sig {
        for c in tx.near_candidates(&minhash::band_keys(sig))? {
            let Some(other) = Signature::from_bytes(&c.minhash) else {
                continue;
            };
            let sim = minhash::jaccard_estimate(sig, &other);
            if sim < minhash::REPOST_THRESHOLD {
                continue;
            }
            let better = match &near {
                None => true,
                Some((id, best, _)) => sim > *best || (sim == *best && c.id < *id),
            };
            if better {
                near = Some((c.id, sim, c.origin));
            }
        }
    }
    let repost_of = near.as_ref().map(|(id, sim, _)| (id.clone(), *sim));
    if let Some(orig) = &p.doc.meta.original_source {
        return Ok((Origin::url(orig), repost_of));
    }
    if let Some((_, _, origin)) = near {
        return Ok((Origin { key: origin }, repost_of));
    }
    Ok((Origin::own(&p.doc), None))
}

/// What a re-extraction run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReextractReport {
    pub documents: u64,
    pub entities: u64,
    pub ties: u64,
    pub events: u64,
    pub claims: u64,
    pub seconds: f64,
}

/// Re-reads every stored document with this build's extractors, replacing
/// what earlier versions extracted (documents, origins and judgements
/// stay). Documents go a batch at a time, each batch one transaction, so a
/// killed run leaves every document either re-extracted or as it was.
pub fn reextract(
    store: &mut dyn Backend,
    cfg: &IngestConfig,
    progress: &dyn Progress,
) -> Result<ReextractReport, StoreError> {
    let started = Instant::now();
    let mut report = ReextractReport::default();
    let total = store.stats()?.documents;
    progress.start(total);
    let batch = cfg.batch.max(1);
    let mut offset = 0;
    loop {
        let page = store.list_documents(batch, offset)?;
        if page.is_empty() {
            break;
        }
        offset += page.len();
        let docs = page
            .iter()
            .map(|d| store.document(&d.id).map(|s| s.doc))
            .collect::<Result<Vec<_>, _>>()?;
        let extracted: Vec<(Vec<NewEntity>, DocGraph)> = docs.par_iter().map(extract).collect();
        let mut tx = store.begin()?;
        for (doc, (entities, graph)) in docs.iter().zip(&extracted) {
            tx.clear_extraction(&doc.id)?;
            tx.insert_entities(&doc.id, entities)?;
            tx.insert_graph(&doc.id, graph)?;
            report.entities += entities.len() as u64;
            report.ties += graph.ties.len() as u64;
            report.events += graph.events.len() as u64;
            report.claims += graph.claims.len() as u64;
        }
        tx.commit()?;
        report.documents += docs.len() as u64;
        progress.advance(docs.len() as u64, docs.len() as u64);
    }
    progress.finish();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
