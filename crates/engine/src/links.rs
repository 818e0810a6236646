//! Links: the stored ties read at the level of actors, with their
//! corroboration counted the way an analyst counts it.
//!
//! One link is one (subject actor, predicate, object actor); every stored
//! reading of it — each sentence that asserts, denies or hedges it — is
//! evidence. What counts for corroboration is the number of **independent
//! origins** behind the evidence, not the number of sentences or documents:
//! ten reposts of one article, or articles citing the same original, are
//! one origin (decided at ingest, see `pipeline`). Each polarity is counted
//! apart, so "backed by 3 independent sources, denied by 1" is one line.
//!
//! Ties whose ends were not resolved to an actor (no resolution run yet)
//! stand for themselves, keyed by document and entity.

use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use untangle_model::{EntityType, Polarity, Predicate, Reliability};
use untangle_store::StoreError;
use untangle_store::{Backend, EntityRef, GraphFilter, TieRow};

/// One end of a link.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LinkEnd {
    /// The actor's key (`un:QDe.004`, `name:organization:taliban`), or
    /// `doc:HASH:e3` for an unresolved entity.
    pub key: String,
    /// The spelling most of the evidence uses.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
}

/// The evidence of one polarity.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Support {
    /// Sentences (stored readings).
    pub evidence: u64,
    pub documents: u64,
    /// Distinct independent origins: what corroboration counts.
    pub origins: u64,
    /// The best Admiralty reliability among their publishers.
    pub best_reliability: Option<Reliability>,
}

/// A tie between two actors with all its evidence counted.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub subject: LinkEnd,
    pub predicate: Predicate,
    pub object: LinkEnd,
    pub asserted: Support,
    pub denied: Support,
    pub hedged: Support,
    /// Earliest and latest publication dates of the evidence.
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// Stored tie rows (`untangle ties` ids), for drill-down.
    pub ties: Vec<i64>,
}

/// Per polarity: sentences, documents, origins, best reliability.
#[derive(Default)]
struct Tally {
    evidence: u64,
    documents: BTreeSet<String>,
    origins: BTreeSet<String>,
    best: Option<Reliability>,
}

#[derive(Default)]
struct Acc {
    rows: Vec<i64>,
    names: [HashMap<String, u64>; 2],
    kinds: [Option<EntityType>; 2],
    per: [Tally; 3],
    dates: Vec<String>,
}

fn end_key(r: &EntityRef, t: &TieRow) -> String {
    r.actor
        .clone()
        .unwrap_or_else(|| format!("doc:{}:{}", t.source.document, r.id))
}

fn most_used(names: &HashMap<String, u64>) -> String {
    names
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

/// Reliability grades order A (best) … F.
fn better(a: Option<Reliability>, b: Reliability) -> Option<Reliability> {
    match a {
        Some(x) if x.as_str() <= b.as_str() => Some(x),
        _ => Some(b),
    }
}

/// Aggregates tie rows into links: symmetric predicates join both
/// directions; links are ordered by asserting origins, then evidence.
pub fn aggregate(rows: &[TieRow]) -> Vec<Link> {
    let mut groups: HashMap<(String, Predicate, String), Acc> = HashMap::new();
    let mut order: Vec<(String, Predicate, String)> = Vec::new();
    for t in rows {
        let (mut s, mut o) = (
            (end_key(&t.subject, t), &t.subject),
            (end_key(&t.object, t), &t.object),
        );
        if t.predicate.is_symmetric() && s.0 > o.0 {
            std::mem::swap(&mut s, &mut o);
        }
        let key = (s.0.clone(), t.predicate, o.0.clone());
        let acc = groups.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            Acc::default()
        });
        acc.rows.push(t.id);
        for (i, r) in [s.1, o.1].into_iter().enumerate() {
            *acc.names[i].entry(r.name.clone()).or_default() += 1;
            acc.kinds[i].get_or_insert(r.kind);
        }
        let p = match t.polarity {
            Polarity::Asserted => 0,
            Polarity::Denied => 1,
            Polarity::Hedged => 2,
        };
        let slot = &mut acc.per[p];
        slot.evidence += 1;
        slot.documents.insert(t.source.document.to_string());
        slot.origins.insert(t.source.origin.clone());
        slot.best = better(slot.best, t.source.reliability);
        if let Some(d) = &t.source.published {
            acc.dates.push(d.clone());
        }
    }
    let mut links: Vec<Link> = order
        .into_iter()
        .map(|key| {
            let acc = groups.remove(&key).unwrap_or_default();
            let support = |i: usize| {
                let t = &acc.per[i];
                Support {
                    evidence: t.evidence,
                    documents: t.documents.len() as u64,
                    origins: t.origins.len() as u64,
                    best_reliability: t.best,
                }
            };
            let mut dates = acc.dates.clone();
            dates.sort();
            Link {
                subject: LinkEnd {
                    key: key.0.clone(),
                    name: most_used(&acc.names[0]),
                    kind: acc.kinds[0].unwrap_or(EntityType::Organization),
                },
                predicate: key.1,
                object: LinkEnd {
                    key: key.2.clone(),
                    name: most_used(&acc.names[1]),
                    kind: acc.kinds[1].unwrap_or(EntityType::Organization),
                },
                asserted: support(0),
                denied: support(1),
                hedged: support(2),
                first_seen: dates.first().cloned(),
                last_seen: dates.last().cloned(),
                ties: acc.rows,
            }
        })
        .collect();
    links.sort_by(|a, b| {
        b.asserted
            .origins
            .cmp(&a.asserted.origins)
            .then(b.asserted.evidence.cmp(&a.asserted.evidence))
            .then((b.denied.origins + b.hedged.origins).cmp(&(a.denied.origins + a.hedged.origins)))
            .then_with(|| a.subject.name.cmp(&b.subject.name))
            .then_with(|| a.object.name.cmp(&b.object.name))
    });
    links
}

/// The links of the store: every tie passing `filter` (its limit is
/// ignored: all evidence counts), aggregated; then, with `actor`, only
/// links with an end whose actor has a spelling containing it.
pub fn links(
    store: &dyn Backend,
    filter: &GraphFilter,
    actor: Option<&str>,
) -> Result<Vec<Link>, StoreError> {
    let all = GraphFilter {
        limit: 0,
        ..filter.clone()
    };
    let rows = store.ties(&all)?;
    let mut out = aggregate(&rows);
    if let Some(a) = actor {
        let keys: BTreeSet<String> = store
            .actors(None, Some(a), 0)?
            .into_iter()
            .map(|x| x.key)
            .collect();
        let needle = a.trim().to_lowercase();
        out.retain(|l| {
            [&l.subject, &l.object]
                .iter()
                .any(|e| keys.contains(&e.key) || e.name.to_lowercase().contains(&needle))
        });
    }
    if filter.limit > 0 {
        out.truncate(filter.limit);
    }
    Ok(out)
}
