//! `import sanctions`, `ref list|show` and `resolve lookup`: reference lists
//! into the store, and names resolved against them.

use anyhow::{bail, Context, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;
use untangle_model::{ContentHash, EntityType};
use untangle_resolve::{
    parse_ofac, parse_un_xml, sniff, Index, ListKind, NamedBytes, Query, Record, ReferenceList,
};
use untangle_store::{Backend, RefImportReport};

/// Reads a list file, naming it on failure.
fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Parses the list at `path`: a UN consolidated list XML file, or OFAC's
/// `sdn.csv` (or the folder holding it) with `alt.csv` and `add.csv` beside
/// it when present. The kind is sniffed from the content. Returns the list
/// and a hash of the bytes read (what makes a re-import a no-op).
pub fn load(path: &Path, list_date: Option<&str>) -> Result<(ReferenceList, String)> {
    let file: PathBuf = if path.is_dir() {
        let sdn = path.join("sdn.csv");
        if !sdn.is_file() {
            bail!(
                "{}: a folder must hold OFAC's sdn.csv (with alt.csv and add.csv); for the UN list give the XML file",
                path.display()
            );
        }
        sdn
    } else {
        path.to_path_buf()
    };
    let bytes = read(&file)?;
    let name = file.display().to_string();
    let (mut list, hash) = match sniff(&bytes) {
        Some(ListKind::UnXml) => (parse_un_xml(&bytes, &name)?, ContentHash::of(&bytes).0),
        Some(ListKind::OfacSdnCsv) => {
            let dir = file.parent().unwrap_or(Path::new("."));
            let sibling = |n: &str| -> Result<Option<(String, Vec<u8>)>> {
                let p = dir.join(n);
                if p.is_file() {
                    Ok(Some((p.display().to_string(), read(&p)?)))
                } else {
                    Ok(None)
                }
            };
            let alt = sibling("alt.csv")?;
            let add = sibling("add.csv")?;
            fn nb(x: &Option<(String, Vec<u8>)>) -> Option<NamedBytes<'_>> {
                x.as_ref().map(|(n, b)| NamedBytes { name: n, bytes: b })
            }
            let list = parse_ofac(
                NamedBytes {
                    name: &name,
                    bytes: &bytes,
                },
                nb(&alt),
                nb(&add),
            )?;
            let mut all = bytes.clone();
            for (_, b) in alt.iter().chain(add.iter()) {
                all.extend_from_slice(b);
            }
            (list, ContentHash::of(&all).0)
        }
        None => bail!(
            "{name}: not a UN consolidated list (XML with a CONSOLIDATED_LIST root) nor OFAC's sdn.csv"
        ),
    };
    if let Some(d) = list_date {
        list.list_date = Some(d.to_string());
    }
    if list.list_date.is_none() {
        bail!(
            "{name}: OFAC's CSV files carry no date; give the list's date with --list-date YYYY-MM-DD"
        );
    }
    Ok((list, hash))
}

pub fn import(
    store: &mut dyn Backend,
    path: &Path,
    list_date: Option<&str>,
) -> Result<RefImportReport> {
    let (list, hash) = load(path, list_date)?;
    for w in &list.warnings {
        eprintln!("warning: {w}");
    }
    Ok(store.import_reference(&list, &hash)?)
}

/// The matcher's index over every current reference entry in the store.
pub fn build_index(store: &dyn Backend) -> Result<Index> {
    let mut ix = Index::new();
    for e in store.reference_all(false)? {
        ix.add(Record::from_reference(&e));
    }
    Ok(ix)
}

/// One candidate as printed.
#[derive(Debug, Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub matched_name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub score: f32,
    pub linked: bool,
    pub reasons: Vec<String>,
}

/// A query's answer.
#[derive(Debug, Serialize)]
pub struct Answer {
    pub query: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<EntityType>,
    /// The best candidate when it links (score ≥ the threshold), else none.
    pub linked: Option<String>,
    pub candidates: Vec<Candidate>,
}

pub fn answer(ix: &Index, query: &str, kind: Option<EntityType>, limit: usize) -> Answer {
    let candidates: Vec<Candidate> = ix
        .lookup_with(&Query {
            name: query,
            kind,
            limit: limit.max(1),
            ..Default::default()
        })
        .into_iter()
        .map(|m| Candidate {
            id: m.record.id.clone(),
            name: m.record.display_name().to_string(),
            matched_name: m.matched_name.to_string(),
            kind: m.record.kind,
            score: (m.score * 1000.0).round() / 1000.0,
            linked: m.is_link(),
            reasons: m.reasons,
        })
        .collect();
    Answer {
        query: query.to_string(),
        kind,
        linked: candidates
            .first()
            .filter(|c| c.linked)
            .map(|c| c.id.clone()),
        candidates,
    }
}

/// A batch file: one query per line, optionally `NAME<TAB>TYPE`; blank
/// lines and lines starting with `#` are skipped.
pub fn batch_queries(
    path: &Path,
    default: Option<EntityType>,
) -> Result<Vec<(String, Option<EntityType>)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read batch file {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once('\t') {
            Some((name, t)) => {
                let kind: EntityType = t.trim().parse().map_err(|e: String| {
                    anyhow::anyhow!("{}: line {}: type: {e}", path.display(), i + 1)
                })?;
                out.push((name.trim().to_string(), Some(kind)));
            }
            None => out.push((line.trim().to_string(), default)),
        }
    }
    Ok(out)
}

/// Timing of a batch, so benchmarks can tell start-up from lookups.
#[derive(Debug, Serialize)]
pub struct BatchTiming {
    pub queries: usize,
    /// Reading the reference entities from the store.
    pub load_seconds: f64,
    /// Folding and indexing their names (includes `load_seconds`).
    pub index_seconds: f64,
    pub lookup_seconds: f64,
    pub records: usize,
}

pub fn run_batch(
    store: &dyn Backend,
    queries: &[(String, Option<EntityType>)],
    limit: usize,
) -> Result<(Vec<Answer>, BatchTiming)> {
    let t0 = Instant::now();
    let entities = store.reference_all(false)?;
    let load_seconds = t0.elapsed().as_secs_f64();
    let mut ix = Index::new();
    for e in entities {
        ix.add(Record::from_reference_owned(e));
    }
    let index_seconds = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let answers: Vec<Answer> = queries
        .iter()
        .map(|(q, k)| answer(&ix, q, *k, limit))
        .collect();
    let lookup_seconds = t1.elapsed().as_secs_f64();
    let records = ix.len();
    // The process ends after printing: freeing tens of thousands of small
    // allocations one by one is work nobody needs (the OS takes the pages).
    std::mem::forget(ix);
    Ok((
        answers,
        BatchTiming {
            queries: queries.len(),
            load_seconds,
            index_seconds,
            lookup_seconds,
            records,
        },
    ))
}
