//! Cross-document resolution: every stored entity is assigned to one actor.
//!
//! The resolver recomputes the whole assignment from the stored entities
//! and the analyst's judgements, so its result depends only on *what* is
//! stored, never on the order it was ingested in (a property test checks
//! this), and running it twice changes nothing.
//!
//! Decision rule, in order of strength (each step a union-find pass over
//! entities of one type, sorted by document id and local id):
//!
//! 1. analyst `merge` judgements join the names they name;
//! 2. entities that carry the same lexicon or reference-list id (the
//!    lexicon is compiled from the UN list and the Phoenix dictionaries, so
//!    "Al-Qaida" and "Al-Qaeda" both carry `un:QDe.004`) are one actor;
//!    the id is then the actor's key;
//! 3. entities that share a name key (transliteration-aware:
//!    `untangle_resolve::name_key`, so "Serajuddin Haqani" and "Sirajuddin
//!    Haqqani" share one) are one actor — except one-word person names (a
//!    surname alone, "Haqqani", names different people in different
//!    documents; within a document the extractor has already tied it to
//!    its full name);
//! 4. each cluster not yet carrying a UN id is looked up, by every name it
//!    has, in the matcher over the imported reference lists
//!    (`untangle import sanctions`); a link (score at or above the
//!    matcher's threshold) gives the cluster that reference id, with the
//!    matcher's reasons, and clusters linked to the same entry are one
//!    actor. A `distinct` judgement between a cluster's name and the
//!    entry's listed name vetoes the link.
//!
//! A union is refused when it would put two names an analyst judged
//! `distinct` into one actor, so judgements always win over the rules.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Instant;

use serde::Serialize;
use untangle_model::{EntityType, ExternalId};
use untangle_store::{
    ActorMember, Backend, EntityRecord, Judgement, JudgementKind, NameKey, NewActor, StoreError,
};

/// What a resolution run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ResolveReport {
    pub entities: u64,
    pub actors: u64,
    /// Actors reported by more than one document.
    pub across_documents: u64,
    pub judgements: u64,
    pub seconds: f64,
}

/// The key a name is matched on across documents, or `None` when the name
/// is too weak to identify an actor on its own.
pub fn name_key(kind: EntityType, name: &str) -> Option<String> {
    let key = match kind {
        EntityType::Person | EntityType::Organization => untangle_resolve::name_key(name),
        _ => untangle_extract::text::fold(name),
    };
    if key.is_empty() {
        return None;
    }
    if kind == EntityType::Person && !key.contains(' ') {
        return None;
    }
    Some(key)
}

/// A cluster's link to a reference-list entry: the id (`un:TAi.144`), the
/// matcher's score and why.
#[derive(Debug, Clone)]
struct RefLink {
    id: String,
    score: f32,
    reason: String,
}

/// The matcher over every current reference-list entry in the store, or
/// `None` when no list was imported.
fn reference_index(store: &dyn Backend) -> Result<Option<untangle_resolve::Index>, StoreError> {
    let refs = store.reference_all(false)?;
    if refs.is_empty() {
        return Ok(None);
    }
    let mut index = untangle_resolve::Index::new();
    for r in &refs {
        index.add(untangle_resolve::Record::from_reference(r));
    }
    Ok(Some(index))
}

/// The key a judgement names: the folded name, without the one-word rule
/// (an analyst may judge any name).
pub fn judgement_key(kind: EntityType, name: &str) -> NameKey {
    NameKey {
        kind,
        key: untangle_extract::text::fold(name),
    }
}

/// Recomputes all actors from the store's entities and judgements.
pub fn resolve_actors(store: &mut dyn Backend) -> Result<ResolveReport, StoreError> {
    let started = Instant::now();
    let records = store.entity_records()?;
    let judgements = store.judgements()?;
    let index = reference_index(store)?;
    let actors = cluster(&records, &judgements, index.as_ref());
    store.replace_actors(&actors)?;
    let doc_of: HashMap<i64, &untangle_model::ContentHash> =
        records.iter().map(|r| (r.row, &r.document)).collect();
    let docs_of = |a: &NewActor| {
        a.members
            .iter()
            .filter_map(|m| doc_of.get(&m.entity))
            .collect::<BTreeSet<_>>()
            .len()
    };
    Ok(ResolveReport {
        entities: records.len() as u64,
        actors: actors.len() as u64,
        across_documents: actors.iter().filter(|a| docs_of(a) > 1).count() as u64,
        judgements: judgements.len() as u64,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Union-find with the set of judged names each component holds.
struct Components {
    parent: Vec<usize>,
    /// Judged name keys present in each root's component.
    judged: Vec<BTreeSet<String>>,
}

impl Components {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the components of `a` and `b` unless a `distinct` judgement
    /// forbids it. The smaller root index stays root, so the result does
    /// not depend on the order unions are tried in for equal inputs.
    fn union(&mut self, a: usize, b: usize, distinct: &BTreeSet<(String, String)>) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        for x in &self.judged[ra] {
            for y in &self.judged[rb] {
                let pair = if x <= y {
                    (x.clone(), y.clone())
                } else {
                    (y.clone(), x.clone())
                };
                if distinct.contains(&pair) {
                    return false;
                }
            }
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        let moved = std::mem::take(&mut self.judged[child]);
        self.judged[root].extend(moved);
        true
    }
}

fn all_keys(r: &EntityRecord) -> BTreeSet<String> {
    std::iter::once(&r.name)
        .chain(r.aliases.iter())
        .filter_map(|n| name_key(r.kind, n))
        .collect()
}

fn lexicon_ids(r: &EntityRecord) -> impl Iterator<Item = &ExternalId> {
    r.external_ids.iter()
}

/// An id as an actor key: lexicon ids are already namespaced
/// (`un:QDe.004`, `phx:taliban`, `country:AFG`); other schemes get theirs.
fn ext_key(e: &ExternalId) -> String {
    if e.scheme == "lexicon" {
        e.id.clone()
    } else {
        format!("{}:{}", e.scheme, e.id)
    }
}

/// Every judged name an entity answers to (its folded name and aliases,
/// one-word names included).
fn judged_names(r: &EntityRecord) -> BTreeSet<String> {
    std::iter::once(&r.name)
        .chain(r.aliases.iter())
        .map(|n| judgement_key(r.kind, n).key)
        .filter(|k| !k.is_empty())
        .collect()
}

/// The actors the rules and judgements give for these entities.
pub fn cluster(
    records: &[EntityRecord],
    judgements: &[Judgement],
    references: Option<&untangle_resolve::Index>,
) -> Vec<NewActor> {
    let mut by_kind: BTreeMap<EntityType, Vec<&EntityRecord>> = BTreeMap::new();
    for r in records {
        by_kind.entry(r.kind).or_default().push(r);
    }
    let mut actors = Vec::new();
    let mut used_keys: BTreeSet<String> = BTreeSet::new();
    for (kind, mut recs) in by_kind {
        recs.sort_by(|a, b| (&a.document, &a.local_id).cmp(&(&b.document, &b.local_id)));
        cluster_kind(
            kind,
            &recs,
            judgements,
            references,
            &mut actors,
            &mut used_keys,
        );
    }
    actors
}

fn cluster_kind(
    kind: EntityType,
    recs: &[&EntityRecord],
    judgements: &[Judgement],
    references: Option<&untangle_resolve::Index>,
    out: &mut Vec<NewActor>,
    used_keys: &mut BTreeSet<String>,
) {
    let judged_here: Vec<&Judgement> = judgements
        .iter()
        .filter(|j| j.a.kind == kind && j.b.kind == kind)
        .collect();
    let distinct: BTreeSet<(String, String)> = judged_here
        .iter()
        .filter(|j| j.kind == JudgementKind::Distinct)
        .map(|j| {
            let (a, b) = (j.a.key.clone(), j.b.key.clone());
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect();
    let judged_keys: BTreeSet<&str> = judged_here
        .iter()
        .flat_map(|j| [j.a.key.as_str(), j.b.key.as_str()])
        .collect();
    let names: Vec<BTreeSet<String>> = recs.iter().map(|r| judged_names(r)).collect();
    let mut comps = Components {
        parent: (0..recs.len()).collect(),
        judged: names
            .iter()
            .map(|ns| {
                ns.iter()
                    .filter(|n| judged_keys.contains(n.as_str()))
                    .cloned()
                    .collect()
            })
            .collect(),
    };
    // first entity answering to each judged name
    let mut first_named: HashMap<&str, usize> = HashMap::new();
    for (i, ns) in names.iter().enumerate() {
        for n in ns {
            if judged_keys.contains(n.as_str()) {
                first_named.entry(n.as_str()).or_insert(i);
            }
        }
    }
    let mut merged_by: HashMap<usize, Vec<i64>> = HashMap::new();
    // 1. merge judgements
    for j in judged_here
        .iter()
        .filter(|j| j.kind == JudgementKind::Merge)
    {
        if let (Some(&a), Some(&b)) = (
            first_named.get(j.a.key.as_str()),
            first_named.get(j.b.key.as_str()),
        ) {
            if comps.union(a, b, &distinct) {
                merged_by.entry(a).or_default().push(j.id);
                merged_by.entry(b).or_default().push(j.id);
            }
        }
    }
    // 2. shared lexicon / reference ids; 3. shared name keys
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in recs.iter().enumerate() {
        for e in lexicon_ids(r) {
            by_id.entry(ext_key(e)).or_default().push(i);
        }
        for k in all_keys(r) {
            by_key.entry(k).or_default().push(i);
        }
    }
    for group in by_id.values().chain(by_key.values()) {
        for &i in &group[1..] {
            comps.union(group[0], i, &distinct);
        }
    }

    // 4. reference-list links
    let mut links: HashMap<usize, RefLink> = HashMap::new();
    if let Some(index) =
        references.filter(|_| matches!(kind, EntityType::Person | EntityType::Organization))
    {
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..recs.len() {
            let root = comps.find(i);
            clusters.entry(root).or_default().push(i);
        }
        let mut linked: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (root, idx) in &clusters {
            let has_un = idx
                .iter()
                .any(|&i| lexicon_ids(recs[i]).any(|e| ext_key(e).starts_with("un:")));
            if has_un {
                continue;
            }
            let mut best: Option<RefLink> = None;
            let mut judged: BTreeSet<&str> = BTreeSet::new();
            let mut asked: BTreeSet<String> = BTreeSet::new();
            for &i in idx {
                for n in std::iter::once(&recs[i].name).chain(recs[i].aliases.iter()) {
                    judged.insert(n.as_str());
                    let Some(k) = name_key(kind, n) else { continue };
                    if !asked.insert(k) || asked.len() > 12 {
                        continue;
                    }
                    let Some(m) = index.lookup(n, Some(kind)).into_iter().next() else {
                        continue;
                    };
                    if !m.is_link() {
                        continue;
                    }
                    let listed = judgement_key(kind, m.record.display_name()).key;
                    let vetoed = distinct.iter().any(|(a, b)| {
                        let own = judgement_key(kind, n).key;
                        (a == &own && b == &listed) || (b == &own && a == &listed)
                    });
                    if vetoed {
                        continue;
                    }
                    let better = match &best {
                        None => true,
                        Some(b) => m.score > b.score || (m.score == b.score && m.record.id < b.id),
                    };
                    if better {
                        best = Some(RefLink {
                            id: m.record.id.clone(),
                            score: m.score,
                            reason: format!(
                                "reference list: {:?} matches {} {:?} ({:.2}: {})",
                                n,
                                m.record.id,
                                m.matched_name,
                                m.score,
                                m.reasons.join("; ")
                            ),
                        });
                    }
                }
            }
            if let Some(b) = best {
                linked.entry(b.id.clone()).or_default().push(*root);
                for &i in idx {
                    links.insert(i, b.clone());
                }
            }
        }
        // clusters linked to one entry (or carrying its id already) join
        for (id, roots) in &linked {
            let first = by_id.get(id).map(|g| g[0]).unwrap_or(roots[0]);
            for &r in roots {
                comps.union(first, r, &distinct);
            }
        }
    }

    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..recs.len() {
        let root = comps.find(i);
        members.entry(root).or_default().push(i);
    }
    // the largest cluster keeps a contested key (after a split, the part
    // split off gets the suffix), so actor ids stay stable
    let mut groups: Vec<&Vec<usize>> = members.values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a[0].cmp(&b[0])));
    for idx in groups {
        out.push(actor_of(
            kind, recs, idx, &by_id, &by_key, &merged_by, &links, used_keys,
        ));
    }
}

#[allow(clippy::too_many_arguments)]
fn actor_of<'a>(
    kind: EntityType,
    recs: &[&'a EntityRecord],
    idx: &[usize],
    by_id: &BTreeMap<String, Vec<usize>>,
    by_key: &BTreeMap<String, Vec<usize>>,
    merged_by: &HashMap<usize, Vec<i64>>,
    links: &HashMap<usize, RefLink>,
    used_keys: &mut BTreeSet<String>,
) -> NewActor {
    let set: BTreeSet<usize> = idx.iter().copied().collect();
    // most frequent id, name key and surface name (by mentions; ties by text)
    let mut ids: BTreeMap<String, (u64, ExternalId)> = BTreeMap::new();
    let mut keys: BTreeMap<String, u64> = BTreeMap::new();
    let mut surfaces: BTreeMap<&str, u64> = BTreeMap::new();
    for &i in idx {
        let r = recs[i];
        let weight = r.mentions.max(1);
        for e in lexicon_ids(r) {
            ids.entry(ext_key(e)).or_insert((0, e.clone())).0 += weight;
        }
        if let Some(l) = links.get(&i) {
            let (scheme, id) = l.id.split_once(':').unwrap_or(("ref", l.id.as_str()));
            let e = ExternalId {
                scheme: scheme.to_string(),
                id: id.to_string(),
            };
            ids.entry(l.id.clone()).or_insert((0, e)).0 += weight;
        }
        if let Some(k) = name_key(kind, &r.name).or_else(|| {
            let k = judgement_key(kind, &r.name).key;
            (!k.is_empty()).then_some(k)
        }) {
            *keys.entry(k).or_default() += weight;
        }
        // the name most documents use (an acronym may be mentioned more
        // often inside each document than the full name is)
        *surfaces.entry(r.name.as_str()).or_default() += 1;
    }
    let best = |m: &BTreeMap<String, u64>| {
        m.iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(k, _)| k.clone())
    };
    let id_counts: BTreeMap<String, u64> = ids.iter().map(|(k, (n, _))| (k.clone(), *n)).collect();
    let base = match best(&id_counts) {
        Some(id) => id,
        None => format!(
            "name:{}:{}",
            kind.as_str(),
            best(&keys).unwrap_or_else(|| recs[idx[0]].local_id.clone())
        ),
    };
    let mut key = base.clone();
    let mut n = 2;
    while !used_keys.insert(key.clone()) {
        key = format!("{base}#{n}");
        n += 1;
    }
    let name = surfaces
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(s, _)| s.to_string())
        .unwrap_or_default();
    // Per key or id: how many documents of this actor use it (computed once
    // per actor, so a name used in thousands of documents costs linear time).
    let mut id_docs: HashMap<String, BTreeSet<&str>> = HashMap::new();
    let mut key_docs: HashMap<String, BTreeSet<&str>> = HashMap::new();
    let other_docs = |cache: &mut HashMap<String, BTreeSet<&'a str>>,
                      k: &str,
                      group: &[usize],
                      r: &EntityRecord|
     -> usize {
        let docs = cache.entry(k.to_string()).or_insert_with(|| {
            group
                .iter()
                .filter(|o| set.contains(o))
                .map(|o| recs[*o].document.as_str())
                .collect()
        });
        docs.len() - usize::from(docs.contains(r.document.as_str()))
    };
    let members = idx
        .iter()
        .map(|&i| {
            let r = recs[i];
            let mut reasons = Vec::new();
            let mut score: f32 = 0.0;
            if let Some(js) = merged_by.get(&i) {
                for j in js {
                    reasons.push(format!("analyst judgement #{j}: merge"));
                }
                score = 1.0;
            }
            for e in lexicon_ids(r) {
                let k = ext_key(e);
                let others = other_docs(&mut id_docs, &k, &by_id[&k], r);
                if others == 0 {
                    reasons.push(format!("lexicon entry {k}"));
                } else {
                    reasons.push(format!(
                        "reference id {k} also found in {others} other document(s)"
                    ));
                    score = score.max(0.95);
                }
            }
            for k in all_keys(r) {
                let others = other_docs(&mut key_docs, &k, &by_key[&k], r);
                if others > 0 {
                    reasons.push(format!(
                        "name {k:?} also used in {others} other document(s)"
                    ));
                    score = score.max(0.85);
                }
            }
            if let Some(l) = links.get(&i) {
                reasons.push(l.reason.clone());
                score = score.max(l.score.min(1.0));
            }
            if idx.len() == 1 {
                reasons.push("no other document names this actor".into());
                score = 1.0;
            } else if reasons.is_empty() {
                reasons.push("joined through names of its own document's entity".into());
                score = 0.8;
            }
            ActorMember {
                entity: r.row,
                score,
                reasons,
            }
        })
        .collect();
    NewActor {
        key,
        kind,
        name,
        external_ids: ids.into_values().map(|(_, e)| e).collect(),
        members,
    }
}
