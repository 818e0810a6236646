//! The name matcher: an in-memory index of named records (reference
//! entities now; clusters of document entities later) that answers "who
//! could this name be?" with scored, explained candidates.
//!
//! Candidates come from an inverted index over folded-token skeletons
//! ([`crate::names::skeleton`]), weighted by rarity, so a lookup scores a few
//! dozen names however large the index grows. The scorer combines
//!
//! - strict-key equality (the same name up to transliteration),
//! - a token alignment on folded tokens that knows name structure: order
//!   does not matter, a kunya matches a kunya, a missing middle name costs
//!   little, a different given name costs a lot, rare tokens weigh more
//!   than common ones (Muhammad, Abdul...),
//! - alias quality (a low-quality alias is weaker evidence),
//! - type agreement, and optional context: nationality and co-mentioned
//!   names.
//!
//! [`is_link`] turns a score into a decision with one documented threshold.

use crate::names::{fold_name, fold_text, FoldedName, NameToken, Role};
use crate::reference::{AliasQuality, ReferenceEntity};
use foldhash::{HashMap, HashSet};
use untangle_model::EntityType;

/// Scores at or above this link a name to a record. Chosen on the alias
/// benchmark's development split (`bench/alias_link.sh --seed 1`; the
/// reported figures use another seed) as the lowest threshold keeping
/// false links to names absent from the list at or under 1.5%: a
/// transliteration variant of a full name scores 0.85–1.0, a listed name
/// with one more or one fewer part 0.72–0.85, a name sharing only common
/// tokens (Muhammad, Abdul, Khan) or a lone given name borne by several
/// records stays below.
pub const LINK_THRESHOLD: f32 = 0.72;

/// True when a score is high enough to say "this name is that record".
pub fn is_link(score: f32) -> bool {
    score >= LINK_THRESHOLD
}

/// A named record: a reference entity, or (later) an actor clustered from
/// document entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub kind: EntityType,
    /// Names with their quality; the first is the display name.
    pub names: Vec<(String, AliasQuality)>,
    pub nationality: Vec<String>,
    /// Names of related records (stated ties, co-members): a co-mentioned
    /// name among these supports the match.
    pub related: Vec<String>,
}

impl Record {
    pub fn new(id: impl Into<String>, kind: EntityType, name: impl Into<String>) -> Record {
        Record {
            id: id.into(),
            kind,
            names: vec![(name.into(), AliasQuality::Good)],
            nationality: Vec::new(),
            related: Vec::new(),
        }
    }

    /// The record for a reference entity: `scheme:id`, every name and alias.
    pub fn from_reference(e: &ReferenceEntity) -> Record {
        Record {
            id: format!("{}:{}", e.scheme, e.id),
            kind: e.kind,
            names: e.names().map(|(n, q)| (n.to_string(), q)).collect(),
            nationality: e.nationality.clone(),
            related: e.ties.iter().filter_map(|t| t.other_name.clone()).collect(),
        }
    }

    /// [`Record::from_reference`], taking the names instead of copying
    /// them.
    pub fn from_reference_owned(e: ReferenceEntity) -> Record {
        let mut names = Vec::with_capacity(1 + e.aliases.len());
        names.push((e.name, AliasQuality::Good));
        names.extend(e.aliases.into_iter().map(|a| (a.name, a.quality)));
        Record {
            id: format!("{}:{}", e.scheme, e.id),
            kind: e.kind,
            names,
            nationality: e.nationality,
            related: e.ties.into_iter().filter_map(|t| t.other_name).collect(),
        }
    }

    pub fn display_name(&self) -> &str {
        self.names.first().map(|(n, _)| n.as_str()).unwrap_or("")
    }
}

/// What is known about a name besides its spelling.
#[derive(Debug, Clone, Default)]
pub struct Query<'a> {
    pub name: &'a str,
    /// How many candidates to return (0: 10).
    pub limit: usize,
    pub kind: Option<EntityType>,
    pub nationality: Option<&'a str>,
    /// Other names mentioned with this one (same document or sentence).
    pub co_mentions: &'a [String],
}

/// A candidate record for a name, with why.
#[derive(Debug, Clone)]
pub struct Match<'a> {
    pub record: &'a Record,
    /// 0.0..=1.0.
    pub score: f32,
    /// The record's name that matched best, as the list writes it.
    pub matched_name: &'a str,
    /// Human-readable reasons, strongest first.
    pub reasons: Vec<String>,
}

impl Match<'_> {
    pub fn is_link(&self) -> bool {
        is_link(self.score)
    }
}

/// Reasons, collected only when asked for: scoring a hundred candidates
/// must not format a hundred sets of sentences.
struct Why {
    on: bool,
    v: Vec<String>,
}

impl Why {
    fn new(on: bool) -> Why {
        Why { on, v: Vec::new() }
    }

    fn add(&mut self, f: impl FnOnce() -> String) {
        if self.on {
            self.v.push(f());
        }
    }
}

/// A query name folded once, with what every candidate compares against.
struct Prepared {
    folded: FoldedName,
    key: String,
    sorted_key: String,
    /// Rarity weight of each token.
    weights: Vec<f32>,
    /// Posting id of each token's loose skeleton, if indexed.
    loose_ids: Vec<Option<u32>>,
    /// ln(N + 1), N the number of indexed names.
    ln_n: f32,
}

struct IndexedName {
    record: u32,
    /// The record's name (position in [`Record::names`]) this is a
    /// variant of.
    alias: u32,
    folded: FoldedName,
    key: String,
    sorted_key: String,
    quality: AliasQuality,
    /// Posting-key id of each token's loose skeleton (its rarity).
    tok_keys: Vec<u32>,
    /// A variant derived from the written name (a part of a `;` list, the
    /// name without its parenthetical): a match on it counts a little less
    /// than one on the name as written.
    derived: bool,
}

/// The index. Add records (or names to records) at any time; lookups see
/// everything added so far.
#[derive(Default)]
pub struct Index {
    records: Vec<Record>,
    names: Vec<IndexedName>,
    by_id: HashMap<String, u32>,
    /// Posting key (loose token skeleton, or `^` + first three letters) →
    /// its id; `postings[id]`: the names containing it.
    key_ids: HashMap<String, u32>,
    /// First three letters of a token → its posting id (kept apart from
    /// `key_ids` so that no key string is built for it).
    prefix_ids: HashMap<[u8; 3], u32>,
    postings: Vec<Vec<u32>>,
    /// ln(df + 1) of each posting key, kept in step with `postings` so a
    /// weight costs a subtraction, not a logarithm.
    ln_df: Vec<f32>,
    /// Hash of a strict or sorted key → names (check the name's keys: a
    /// hash is not the key).
    keys: HashMap<u64, Vec<u32>>,
    /// Hash of a canonical token → the one record bearing it, or
    /// [`MANY`] when several do: "is this exact name part borne by no
    /// other record?" without scanning a posting list (a loose skeleton of
    /// two letters is shared by hundreds of different tokens).
    canon_owner: HashMap<u64, u32>,
    /// Folded related names per record (for co-mention context), folded on
    /// first use: most lookups carry no co-mentions.
    related: Vec<std::sync::OnceLock<HashSet<String>>>,
}

/// Buffers reused by every alignment: scoring a candidate allocates
/// nothing.
#[derive(Default)]
struct Scratch {
    cw: Vec<f32>,
    /// (similarity, first and last query token, first and last name
    /// token): one token each, or two written together on one side.
    pairs: Vec<(f32, usize, usize, usize, usize)>,
    q_used: Vec<bool>,
    c_used: Vec<bool>,
    /// Two tokens written together (see [`joined_sim`]).
    joined: String,
}

/// Buffers reused by every candidate search.
#[derive(Default)]
struct CandScratch {
    /// Name → shared weight with the query (`f32::MAX`: equal key).
    acc: HashMap<u32, f32>,
    /// (posting id, weight) of the query's keys.
    keys: Vec<(u32, f32)>,
    cands: Vec<(u32, f32)>,
}

#[derive(Default)]
struct LookupScratch {
    cand: CandScratch,
    scored: Vec<(u32, f32)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
    static LOOKUP: std::cell::RefCell<LookupScratch> = std::cell::RefCell::default();
}

/// [`Index::canon_owner`] value for a token borne by several records.
const MANY: u32 = u32::MAX;

/// Hash of a canonical token for [`Index::canon_owner`] (fixed seed: the
/// same token hashes the same in every index).
fn canon_hash(canon: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x5eed).hash_one(canon)
}

/// How many names are fully scored per lookup, at most: the ones sharing
/// the rarest tokens with the query.
const MAX_CANDIDATES: usize = 32;

/// Second candidate key of a token: its first three letters, which catch
/// spellings whose skeletons differ (Bareh/Barech, Naim/Nayim).
fn prefix_key(canon: &str) -> Option<[u8; 3]> {
    let b = canon.as_bytes();
    (b.len() >= 4 && canon.is_ascii()).then(|| [b[0], b[1], b[2]])
}

impl Index {
    pub fn new() -> Index {
        Index::default()
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn get(&self, id: &str) -> Option<&Record> {
        self.by_id.get(id).map(|&i| &self.records[i as usize])
    }

    /// Adds a record (a record with the same id gets the new names added).
    /// Returns its position.
    pub fn add(&mut self, mut record: Record) -> usize {
        if let Some(&i) = self.by_id.get(&record.id) {
            for (n, q) in record.names {
                self.add_owned(i as usize, n, q);
            }
            return i as usize;
        }
        let i = self.records.len() as u32;
        let names = std::mem::take(&mut record.names);
        self.by_id.insert(record.id.clone(), i);
        self.related.push(std::sync::OnceLock::new());
        self.records.push(Record {
            names: Vec::new(),
            ..record
        });
        for (n, q) in names {
            self.add_owned(i as usize, n, q);
        }
        i as usize
    }

    /// Adds one more name to a record already in the index (a new alias; a
    /// new mention's spelling joining an actor's cluster).
    pub fn add_name(&mut self, record: usize, name: &str, quality: AliasQuality) {
        self.add_owned(record, name.to_string(), quality);
    }

    fn add_owned(&mut self, record: usize, name: String, quality: AliasQuality) {
        let rec = &mut self.records[record];
        let org = rec.kind == EntityType::Organization;
        let variants = name_variants(&name, org);
        let alias = match rec.names.iter().position(|(n, _)| *n == name) {
            Some(k) => k,
            None => {
                rec.names.push((name, quality));
                rec.names.len() - 1
            }
        } as u32;
        for (k, v) in variants.iter().enumerate() {
            self.add_variant(record, alias, v, quality, k > 0);
        }
    }

    fn add_variant(
        &mut self,
        record: usize,
        alias: u32,
        variant: &str,
        quality: AliasQuality,
        derived: bool,
    ) {
        let folded = fold_name(variant);
        if folded.is_empty() {
            return;
        }
        let idx = self.names.len() as u32;
        let key = folded.key();
        let sorted_key = folded.sorted_key();
        let mut tok_keys = Vec::with_capacity(folded.tokens.len());
        for t in &folded.tokens {
            self.canon_owner
                .entry(canon_hash(&t.canon))
                .and_modify(|r| {
                    if *r != record as u32 {
                        *r = MANY;
                    }
                })
                .or_insert(record as u32);
            let id = self.intern(&t.loose);
            tok_keys.push(id);
            self.post(id, idx);
            if let Some(p) = prefix_key(&t.canon) {
                let id = match self.prefix_ids.get(&p) {
                    Some(&id) => id,
                    None => {
                        let id = self.new_posting();
                        self.prefix_ids.insert(p, id);
                        id
                    }
                };
                self.post(id, idx);
            }
        }
        self.keys.entry(canon_hash(&key)).or_default().push(idx);
        if sorted_key != key {
            self.keys
                .entry(canon_hash(&sorted_key))
                .or_default()
                .push(idx);
        }
        self.names.push(IndexedName {
            record: record as u32,
            alias,
            folded,
            key,
            sorted_key,
            quality,
            tok_keys,
            derived,
        });
    }

    fn post(&mut self, id: u32, name: u32) {
        let list = &mut self.postings[id as usize];
        if list.last() != Some(&name) {
            list.push(name);
            self.ln_df[id as usize] = ((list.len() + 1) as f32).ln();
        }
    }

    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.key_ids.get(key) {
            return id;
        }
        let id = self.new_posting();
        self.key_ids.insert(key.to_string(), id);
        id
    }

    fn new_posting(&mut self) -> u32 {
        let id = self.postings.len() as u32;
        self.postings.push(Vec::new());
        self.ln_df.push(0.0);
        id
    }

    fn posting(&self, key: &str) -> &[u32] {
        match self.key_ids.get(key) {
            Some(&id) => &self.postings[id as usize],
            None => &[],
        }
    }

    /// ln((N + 1) / (df + 1)), floored (even the commonest token is some
    /// evidence) and capped (a token seen once is not infinitely strong).
    fn idf(ln_n: f32, ln_df: f32) -> f32 {
        (ln_n - ln_df).clamp(0.7, 6.0)
    }

    /// Candidates for `name` of type `kind`, best first (all scored
    /// candidates; see [`is_link`] for the decision).
    pub fn lookup(&self, name: &str, kind: Option<EntityType>) -> Vec<Match<'_>> {
        self.lookup_with(&Query {
            name,
            kind,
            limit: 10,
            ..Default::default()
        })
    }

    /// Candidates for a query, best first: at most `q.limit` (10 when 0),
    /// each with the reasons for its score.
    pub fn lookup_with(&self, q: &Query<'_>) -> Vec<Match<'_>> {
        let ln_n = ((self.names.len() + 1) as f32).ln();
        let variants: Vec<Prepared> = name_variants(q.name, false)
            .iter()
            .map(|v| {
                let folded = fold_name(v);
                let loose_ids: Vec<Option<u32>> = folded
                    .tokens
                    .iter()
                    .map(|t| self.key_ids.get(t.loose.as_str()).copied())
                    .collect();
                Prepared {
                    key: folded.key(),
                    sorted_key: folded.sorted_key(),
                    weights: loose_ids
                        .iter()
                        .map(|id| Self::idf(ln_n, id.map_or(0.0, |k| self.ln_df[k as usize])))
                        .collect(),
                    loose_ids,
                    ln_n,
                    folded,
                }
            })
            .collect();
        // Best (record, score, variant, name) per record, scored without
        // reasons; a few dozen at most, so a vector.
        let mut top: Vec<(u32, f32, usize, u32)> = Vec::new();
        LOOKUP.with(|ls| {
            let ls = &mut *ls.borrow_mut();
            let mut scored = std::mem::take(&mut ls.scored);
            for (k, p) in variants.iter().enumerate() {
                if p.folded.is_empty() {
                    continue;
                }
                self.candidates(p, k > 0, q, &mut ls.cand, &mut scored);
                for &(n, score) in &scored {
                    let r = self.names[n as usize].record;
                    match top.iter_mut().find(|b| b.0 == r) {
                        Some(b) if b.1 >= score => {}
                        Some(b) => *b = (r, score, k, n),
                        None => top.push((r, score, k, n)),
                    }
                }
            }
            ls.scored = scored;
        });
        top.sort_by(|a, b| {
            b.1.total_cmp(&a.1).then_with(|| {
                self.records[a.0 as usize]
                    .id
                    .cmp(&self.records[b.0 as usize].id)
            })
        });
        top.truncate(if q.limit == 0 { 10 } else { q.limit });
        top.into_iter()
            .map(|(r, _, k, n)| {
                let mut why = Why::new(true);
                let score = self.score_name(&variants[k], k > 0, q, n, &mut why);
                Match {
                    record: &self.records[r as usize],
                    score,
                    matched_name: self.text(n),
                    reasons: why.v,
                }
            })
            .collect()
    }

    /// The names whose strict or sorted key is `key`.
    fn named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        self.keys
            .get(&canon_hash(key))
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&n| {
                let name = &self.names[n as usize];
                name.key == key || name.sorted_key == key
            })
    }

    /// The name as the record writes it that indexed name `n` stands for.
    fn text(&self, n: u32) -> &str {
        let name = &self.names[n as usize];
        &self.records[name.record as usize].names[name.alias as usize].0
    }

    /// How many records (0, 1, or 2 meaning "more than one") are called
    /// exactly this (strict or sorted key).
    fn records_named(&self, key: &str) -> usize {
        let mut first: Option<u32> = None;
        for n in self.named(key) {
            let r = self.names[n as usize].record;
            match first {
                None => first = Some(r),
                Some(f) if f != r => return 2,
                _ => {}
            }
        }
        usize::from(first.is_some())
    }

    /// How many records (0, 1, or 2 meaning "more than one") have a name
    /// with this loose token skeleton.
    fn records_with(&self, loose: &str) -> usize {
        let mut first: Option<u32> = None;
        for &n in self.posting(loose) {
            let r = self.names[n as usize].record;
            match first {
                None => first = Some(r),
                Some(f) if f != r => return 2,
                _ => {}
            }
        }
        usize::from(first.is_some())
    }

    /// True when exactly one record has a name with this canonical token.
    fn one_record_bears(&self, canon: &str) -> bool {
        self.canon_owner
            .get(&canon_hash(canon))
            .is_some_and(|&r| r != MANY)
    }

    /// The names worth scoring for a folded query, with their scores (no
    /// reasons): equal keys, then the names sharing the rarest tokens.
    fn candidates(
        &self,
        p: &Prepared,
        derived: bool,
        q: &Query<'_>,
        ls: &mut CandScratch,
        out: &mut Vec<(u32, f32)>,
    ) {
        let CandScratch { acc, keys, cands } = ls;
        acc.clear();
        for k in [&p.key, &p.sorted_key] {
            for n in self.named(k) {
                acc.insert(n, f32::MAX);
            }
        }
        // Rarest keys first. A common key (Muhammad, Abdul: hundreds of
        // names) only adds weight to names already found, unless nothing
        // rarer found any: it cannot bring in a name worth scoring.
        keys.clear();
        for ((t, &w), id) in p.folded.tokens.iter().zip(&p.weights).zip(&p.loose_ids) {
            if let Some(id) = *id {
                keys.push((id, w));
            }
            if let Some(&id) = prefix_key(&t.canon).and_then(|pk| self.prefix_ids.get(&pk)) {
                keys.push((id, 0.5 * w));
            }
        }
        keys.sort_by_key(|k| self.postings[k.0 as usize].len());
        let common = (self.names.len() / 20).max(64);
        for &(id, w) in keys.iter() {
            let list = &self.postings[id as usize];
            let only_existing = list.len() > common && !acc.is_empty();
            for &n in list {
                if only_existing {
                    if let Some(e) = acc.get_mut(&n) {
                        if *e < f32::MAX {
                            *e += w;
                        }
                    }
                } else {
                    let e = acc.entry(n).or_insert(0.0);
                    if *e < f32::MAX {
                        *e += w;
                    }
                }
            }
        }
        cands.clear();
        cands.extend(acc.iter().map(|(&n, &w)| (n, w)));
        let by_weight = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if cands.len() > MAX_CANDIDATES {
            cands.select_nth_unstable_by(MAX_CANDIDATES, by_weight);
            cands.truncate(MAX_CANDIDATES);
        }
        cands.sort_unstable_by(by_weight);
        // Names sharing far less weight with the query than the best one
        // cannot score near it: not worth aligning.
        if let Some(top) = cands.iter().map(|c| c.1).find(|&w| w < f32::MAX) {
            cands.retain(|c| c.1 >= 0.55 * top);
        }
        let mut off = Why::new(false);
        out.clear();
        out.extend(
            cands
                .iter()
                .map(|&(n, _)| (n, self.score_name(p, derived, q, n, &mut off))),
        );
    }

    /// The score of indexed name `n` for a folded query, reasons into `why`.
    fn score_name(&self, p: &Prepared, derived: bool, q: &Query<'_>, n: u32, why: &mut Why) -> f32 {
        let name = &self.names[n as usize];
        let key = &p.key;
        let mut score = if name.key == *key && p.folded.tokens.len() == 1 {
            // A lone name identifies only when no other record bears it:
            // "Hassan" alone is a hundred people, "Hambali" one.
            if self.records_named(key) > 1 {
                why.add(|| format!("single name '{key}' equal, but other records bear it too"));
                0.6
            } else {
                why.add(|| format!("single name '{key}' equal, no other record bears it"));
                0.9
            }
        } else if name.key == *key {
            why.add(|| format!("folded key equal: '{key}'"));
            1.0
        } else if name.sorted_key == p.sorted_key {
            why.add(|| format!("same folded tokens in another order: '{}'", name.key));
            0.97
        } else {
            let person = self.records[name.record as usize].kind == EntityType::Person;
            self.align(p, name, person, why)
        };
        // "Qari Saifullah", "Maulavi Adam": a lone name with a title. The
        // title is weak evidence on its own, but when the listed name has
        // the same title it narrows a lone name down.
        if p.folded.tokens.len() == 1 && score > 0.0 {
            if let Some(t) = p
                .folded
                .titles
                .iter()
                .find(|t| name.folded.titles.contains(t))
            {
                score += (1.0 - score) * 0.4;
                why.add(|| format!("same title '{t}'"));
            }
        }
        if name.derived || derived {
            score *= 0.95;
            why.add(|| "matched without a parenthetical or as part of a list".into());
        }
        if name.quality == AliasQuality::Low {
            score *= 0.9;
            why.add(|| format!("low-quality alias '{}'", self.text(n)));
        }
        let rec = &self.records[name.record as usize];
        if let Some(k) = q.kind {
            if k != rec.kind {
                score *= 0.5;
                why.add(|| format!("type mismatch: {} vs {}", k, rec.kind));
            }
        }
        if let Some(nat) = q.nationality {
            let nat = fold_text(nat);
            if rec.nationality.iter().any(|r| fold_text(r) == nat) {
                score = (score + 0.03).min(1.0);
                why.add(|| format!("nationality agrees: {nat}"));
            }
        }
        if !q.co_mentions.is_empty() {
            let related = self.related[name.record as usize]
                .get_or_init(|| rec.related.iter().map(|r| fold_name(r).key()).collect());
            if let Some(c) = q
                .co_mentions
                .iter()
                .map(|c| fold_name(c).key())
                .find(|c| related.contains(c))
            {
                score = (score + 0.05).min(1.0);
                why.add(|| format!("co-mentioned '{c}' is tied to this record"));
            }
        }
        score
    }

    /// Token alignment score of query `q` against an indexed name `c`.
    fn align(&self, p: &Prepared, name: &IndexedName, person: bool, why: &mut Why) -> f32 {
        SCRATCH.with(|s| self.align_in(p, name, person, why, &mut s.borrow_mut()))
    }

    fn align_in(
        &self,
        p: &Prepared,
        name: &IndexedName,
        person: bool,
        why: &mut Why,
        scratch: &mut Scratch,
    ) -> f32 {
        let q = &p.folded;
        let c = &name.folded;
        let qw = &p.weights;
        let Scratch {
            cw,
            pairs,
            q_used,
            c_used,
            joined,
        } = scratch;
        cw.clear();
        cw.extend(
            name.tok_keys
                .iter()
                .map(|&k| Self::idf(p.ln_n, self.ln_df[k as usize])),
        );
        let cw = &*cw;
        pairs.clear();
        for (i, a) in q.tokens.iter().enumerate() {
            for (j, b) in c.tokens.iter().enumerate() {
                let s = token_sim(a, b);
                if s > 0.0 {
                    pairs.push((s, i, i, j, j));
                }
            }
        }
        // One name written in two words on one side and in one on the
        // other ("Zar Jameel" / "Zarjmil", "Yong Won" / "Yongwon"): two
        // adjacent tokens against one, competing with the single pairs.
        for i in 0..q.tokens.len() {
            for j in 0..c.tokens.len() {
                if i + 1 < q.tokens.len() {
                    let s = joined_sim(
                        &q.tokens[i].canon,
                        &q.tokens[i + 1].canon,
                        &c.tokens[j].canon,
                        joined,
                    );
                    if s > 0.0 {
                        pairs.push((s, i, i + 1, j, j));
                    }
                }
                if j + 1 < c.tokens.len() {
                    let s = joined_sim(
                        &c.tokens[j].canon,
                        &c.tokens[j + 1].canon,
                        &q.tokens[i].canon,
                        joined,
                    );
                    if s > 0.0 {
                        pairs.push((s, i, i, j, j + 1));
                    }
                }
            }
        }
        pairs.sort_unstable_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.3.cmp(&b.3))
                .then(a.2.cmp(&b.2))
                .then(a.4.cmp(&b.4))
        });
        q_used.clear();
        q_used.resize(q.tokens.len(), false);
        c_used.clear();
        c_used.resize(c.tokens.len(), false);
        let mut matched = 0.0f32;
        let mut matched_w = 0.0f32;
        let mut n_matched = 0;
        let mut exact = 0;
        let mut kunya_matched = false;
        for &(s, i, i2, j, j2) in pairs.iter() {
            if q_used[i] || q_used[i2] || c_used[j] || c_used[j2] {
                continue;
            }
            q_used[i] = true;
            q_used[i2] = true;
            c_used[j] = true;
            c_used[j2] = true;
            n_matched += 1;
            if s >= 1.0 {
                exact += 1;
            }
            let w = (qw[i].max(qw[i2]) + cw[j].max(cw[j2])) / 2.0;
            matched += s * w;
            matched_w += w;
            let (a, b) = (&q.tokens[i], &c.tokens[j]);
            if i2 != i || j2 != j {
                why.add(|| {
                    format!(
                        "tokens '{}' ~ '{}' written together ({s:.2})",
                        q.tokens[i..=i2]
                            .iter()
                            .map(|t| t.canon.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                        c.tokens[j..=j2]
                            .iter()
                            .map(|t| t.canon.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                });
            } else if a.role == Role::Kunya && b.role == Role::Kunya {
                kunya_matched = true;
                why.add(|| format!("kunya '{}' matches alias", kunya_text(&a.canon)));
            } else if s >= 1.0 {
                why.add(|| format!("token '{}' equal", a.canon));
            } else {
                why.add(|| format!("token '{}' ~ '{}' ({:.2})", a.canon, b.canon, s));
            }
        }
        if n_matched == 0 {
            why.add(|| "no token in common".into());
            return 0.0;
        }
        // A lone name that is only part of, or only like, a listed name
        // identifies its record only when no other record bears it
        // ("Hambali"); "Haqqani" is a dozen people.
        if q.tokens.len() == 1 {
            let sim = (matched / matched_w).min(1.0);
            // Unique by spelling ("Kony": the loose skeleton `kn` is many
            // names', the token `kuni` one record's) or by skeleton.
            let exact_unique = exact == 1 && self.one_record_bears(&q.tokens[0].canon);
            if exact_unique || self.records_with(&q.tokens[0].loose) == 1 {
                why.add(|| "a lone name, part of this listed name and of no other record".into());
                return sim * 0.8;
            }
            why.add(|| "a lone name, part of several records' names".into());
            return sim * 0.55;
        }
        // Query tokens the name lacks cost in full while only one token
        // agrees (the query says something the record does not), half once
        // two agree (an alias may carry one more part than the listed
        // name). Name tokens the query lacks cost little once two tokens
        // agree (reports drop middle names and nasabs).
        let (alpha, beta) = if n_matched >= 2 {
            (0.25, 0.5)
        } else {
            (0.6, 1.0)
        };
        // A query token repeating a matched one ("Abd al-Hamid Muhammad Abd
        // al-Hamid": a son named after his father) adds little.
        let repeat = |i: usize| {
            (0..q.tokens.len())
                .any(|k| k != i && q_used[k] && q.tokens[k].canon == q.tokens[i].canon)
        };
        // ... but a missing query token rarer than every matched one is the
        // query's most telling part ("Zimbabwe Mining Development
        // Corporation" is not "Korea Mining Development Corporation"): in
        // full.
        let max_matched = (0..q.tokens.len())
            .filter(|&i| q_used[i])
            .map(|i| qw[i])
            .fold(0.0f32, f32::max);
        let q_missing: f32 = (0..q.tokens.len())
            .filter(|&i| !q_used[i])
            .map(|i| {
                // A person's name agreeing in three parts, or an extra
                // nasab ("ben Mouldi") once two agree: the query only says
                // more (a tribal name, a father's name) than the list.
                // So does an extra kunya or nisba ("Abu Sulaiman ...
                // al-Arkhabili"): names a person acquires beside the listed
                // one, not a different given name.
                let more = person
                    && (n_matched >= 3 || (n_matched >= 2 && q.tokens[i].role == Role::Nasab));
                if repeat(i) || more {
                    0.25 * qw[i]
                } else if qw[i] > max_matched {
                    qw[i]
                } else {
                    beta * qw[i]
                }
            })
            .sum();
        let c_missing: f32 = (0..c.tokens.len())
            .filter(|&j| !c_used[j])
            .map(|j| cw[j])
            .sum();
        let mut score = matched / (matched_w + q_missing + alpha * c_missing);
        if q_missing > 0.0 {
            why.add(|| {
                let missing: Vec<&str> = (0..q.tokens.len())
                    .filter(|&i| !q_used[i])
                    .map(|i| q.tokens[i].canon.as_str())
                    .collect();
                format!("not in this name: {}", missing.join(", "))
            });
        }
        // A different given name. Reports drop middle names, not first
        // names: when the listed name's first given name is not in the
        // query, the query most likely names someone else (Jalaluddin
        // Haqqani is not Sirajuddin Jalaluddin Haqqani), and more so when
        // the query's own first given name is not in the listed name
        // either (Abdul Rahman Haqqani is not Abdul Aziz Haqqani).
        let first_given = |f: &FoldedName| f.tokens.iter().position(|t| t.role == Role::Given);
        // Organisations drop leading qualifiers freely ("Committee for
        // Space Technology" for "DPRK Committee ..."): persons only.
        // ... unless the query is a short form of this name: two or more
        // tokens, every one spelled as in the listed name and borne by no
        // other record ("Ozia Mazio" for "Dieudonné Ozia Mazio"; not
        // "Jalaluddin Haqqani", a name a dozen records share).
        let short_form = person
            && q_missing == 0.0
            && n_matched >= 2
            && n_matched == q.tokens.len()
            && exact == n_matched
            && q.tokens.iter().all(|t| self.one_record_bears(&t.canon));
        if short_form {
            score = matched / (matched_w + 0.1 * c_missing);
            why.add(|| "a short form of this name, and of no other record's".into());
        }
        if let (Some(i), Some(j), true) = (first_given(q), first_given(c), person && !short_form) {
            // A shared kunya says who is meant more than a given name
            // does: with it, a listed first name the query lacks is a
            // dropped part ("Sheikh Omar Abu Ubaidah" for "Sheikh Ahmed Umar
            // Abu Ubaidah"), not a different man.
            let dropped_only = q_used[i] && kunya_matched;
            if !c_used[j] && q.tokens.len() > 1 && !dropped_only {
                score *= 0.75;
                if !q_used[i] {
                    score *= 0.9;
                    why.add(|| {
                        format!(
                            "different given name: '{}' vs '{}'",
                            q.tokens[i].canon, c.tokens[j].canon
                        )
                    });
                } else {
                    why.add(|| {
                        format!(
                            "first name '{}' of the listed name is missing",
                            c.tokens[j].canon
                        )
                    });
                }
            }
        }
        if n_matched > 0 && c_missing > 0.0 && n_matched >= 2 {
            why.add(|| "name on the list has more parts (middle names cost little)".into());
        }
        score.min(0.99)
    }
}

/// The names a written name stands for: each `;`-separated part, and
/// without parenthetical remarks ("Encep Nurjaman (birth name)"); for an
/// organisation, a bracketed acronym is a name too ("... (CAGL)").
pub fn name_variants(name: &str, organization: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in name.split(';') {
        let part = part
            .trim()
            .trim_matches(|c: char| c == ',' || c == '"' || c.is_whitespace());
        if part.is_empty() {
            continue;
        }
        out.push(part.to_string());
        if part.contains('(') {
            let mut outside = String::new();
            let mut inner: Vec<String> = Vec::new();
            let mut depth = 0usize;
            for c in part.chars() {
                match c {
                    '(' => {
                        depth += 1;
                        inner.push(String::new());
                    }
                    ')' => depth = depth.saturating_sub(1),
                    _ if depth > 0 => {
                        if let Some(l) = inner.last_mut() {
                            l.push(c);
                        }
                    }
                    _ => outside.push(c),
                }
            }
            let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
            if !outside.is_empty() && outside != part {
                out.push(outside);
            }
            if organization {
                for i in inner {
                    let i = i.trim();
                    let acronym = (2..=12).contains(&i.len())
                        && i.chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
                    if acronym {
                        out.push(i.to_string());
                    }
                }
            }
        }
    }
    out.dedup();
    out
}

fn kunya_text(canon: &str) -> String {
    match canon.strip_prefix("abu") {
        Some(rest) => format!("abu {rest}"),
        None => canon.to_string(),
    }
}

/// Similarity of two folded tokens: equal spelling 1.0, the article
/// written on ("Alrawi"/`rawi`) 0.9, equal skeleton 0.6–0.9 by edit
/// distance (0.45–0.75 for skeletons of three letters or fewer), equal
/// loose skeleton 0.05 less, one consonant and the same vowels (Korean
/// Jo/Cho) 0.6, an unwritten initial h 0.8 or another extra initial letter
/// 0.75, an initial matching a name 0.5, a name cut short or abbreviated
/// 0.7, close spellings (Jaro-Winkler ≥ 0.88) scaled to 0.7–0.85, else 0.
/// A kunya only matches a kunya, unless spelled the same.
fn token_sim(a: &NameToken, b: &NameToken) -> f32 {
    if a.canon == b.canon {
        return 1.0;
    }
    // "Abdul Samad" is often shortened to "Samad".
    let (sa, sb) = (
        a.canon.strip_prefix("abdal").filter(|r| r.len() >= 3),
        b.canon.strip_prefix("abdal").filter(|r| r.len() >= 3),
    );
    if sa == Some(b.canon.as_str()) || sb == Some(a.canon.as_str()) {
        return 0.7;
    }
    // The article written on to the name ("Alrawi", "Aljahani" for
    // al-Rawi, al-Jahani).
    if article_off(&a.canon) == Some(b.canon.as_str())
        || article_off(&b.canon) == Some(a.canon.as_str())
    {
        return 0.9;
    }
    // A kunya ("Abu Abdallah") is compared only with kunyas: its skeleton
    // would otherwise collide with the plain name (Abdallah).
    if (a.role == Role::Kunya) != (b.role == Role::Kunya) {
        return 0.0;
    }
    // Skeletons of three letters or fewer are shared by many different
    // names (Husain/Hasan, Amin/Aman, Min/Mun): weak evidence.
    // Equal skeletons are scaled by how close the spellings are: vowels
    // carry little, but Muhammad and Mahmud share a skeleton and are two
    // names.
    let short = a.skel.len().min(b.skel.len()) <= 3;
    let base = if short { 0.45 } else { 0.6 };
    let close =
        || levenshtein(&a.canon, &b.canon) as f32 / a.canon.len().max(b.canon.len()).max(1) as f32;
    if a.skel == b.skel && a.skel.len() >= 2 {
        return base + 0.3 * (1.0 - close());
    }
    if a.loose == b.loose && a.loose.len() >= 2 {
        return base - 0.05 + 0.3 * (1.0 - close());
    }
    // One consonant and the same vowels: Korean syllables romanised with
    // and without voicing or aspiration (Jo/Cho, Ko/Go, Pak/Bak).
    if a.loose == b.loose && a.loose.len() == 1 && a.canon.len() <= 4 && b.canon.len() <= 4 {
        let (va, vb) = (
            a.canon.bytes().filter(|&c| is_vowel(c)),
            b.canon.bytes().filter(|&c| is_vowel(c)),
        );
        if va.eq(vb) {
            return 0.6;
        }
    }
    // An initial letter more: h before a vowel is often not written
    // (French transliteration: Aroun for Haroun), and a prenasalised
    // consonant is written with or without its nasal (Nkoumtamadji,
    // Koumtamadji).
    if h_off(&a.canon) == Some(b.canon.as_str()) || h_off(&b.canon) == Some(a.canon.as_str()) {
        return 0.8;
    }
    let (s2, l2) = if a.canon.len() < b.canon.len() {
        (&a.canon, &b.canon)
    } else {
        (&b.canon, &a.canon)
    };
    if s2.len() >= 5 && l2.len() == s2.len() + 1 && l2.is_ascii() && &l2[1..] == s2.as_str() {
        return 0.75;
    }
    let (short, long) = if a.canon.len() <= b.canon.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.canon.len() == 1 {
        return if long.canon.starts_with(&short.canon) {
            0.5
        } else {
            0.0
        };
    }
    // A name cut short ("Parlin" for Parlindungan, "Alexe" for Alexanda:
    // the short form's final vowel is the nickname's own) when the short
    // form is long enough to say something.
    let stem = short
        .canon
        .strip_suffix(|c: char| c.is_ascii() && is_vowel(c as u8))
        .unwrap_or(&short.canon);
    if stem.len() >= 4 && long.canon.len() >= short.canon.len() + 3 && long.canon.starts_with(stem)
    {
        return 0.7;
    }
    // An abbreviation: consonants only after the first letter, in order,
    // in a much longer word ("Intl" International, "Shpg" Shipping, "Ltd"
    // Limited).
    if is_abbreviation(&short.canon, &long.canon) {
        return 0.7;
    }
    // Close spellings start alike: a cheap test before Jaro-Winkler.
    if a.canon.len() < 5
        || b.canon.len() < 5
        || a.canon.len().abs_diff(b.canon.len()) > 3
        || a.loose.as_bytes().first() != b.loose.as_bytes().first()
    {
        return 0.0;
    }
    let jw = jaro_winkler(&a.canon, &b.canon) as f32;
    if jw >= 0.88 {
        0.7 + (jw - 0.88) * 1.25
    } else {
        0.0
    }
}

/// The token without an article written on to it, when the rest is a
/// name of four letters or more (Alam, Alimov are not "al" + a name).
fn article_off(t: &str) -> Option<&str> {
    t.strip_prefix("al")
        .or_else(|| t.strip_prefix("il"))
        .filter(|r| r.len() >= 4)
}

/// The token without an initial h before a vowel.
fn h_off(t: &str) -> Option<&str> {
    t.strip_prefix('h')
        .filter(|r| r.len() >= 3 && r.as_bytes().first().is_some_and(|&c| is_vowel(c)))
}

/// Similarity of tokens `a` and `b` written together to `whole`: 0.95
/// when equal, 0.8 when close (Jaro-Winkler ≥ 0.9, six letters or more),
/// else 0. `buf` is reused.
fn joined_sim(a: &str, b: &str, whole: &str, buf: &mut String) -> f32 {
    if a.len() < 2
        || b.len() < 2
        || whole.len() + 2 < a.len() + b.len()
        || whole.len() > a.len() + b.len() + 2
        || a.as_bytes()[0] != whole.as_bytes()[0]
    {
        return 0.0;
    }
    buf.clear();
    buf.push_str(a);
    buf.push_str(b);
    if buf == whole {
        0.95
    } else if whole.len() >= 6
        && buf.len().abs_diff(whole.len()) <= 2
        && buf.as_bytes()[0] == whole.as_bytes()[0]
        && jaro_winkler(buf, whole) >= 0.9
    {
        0.8
    } else {
        0.0
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// True when `short` abbreviates `long`: three letters or more, the same
/// first letter, no vowel after it, every letter found in `long` in order,
/// and `long` at least three letters longer.
fn is_abbreviation(short: &str, long: &str) -> bool {
    let (s, l) = (short.as_bytes(), long.as_bytes());
    if s.len() < 3 || l.len() < s.len() + 3 || s[0] != l[0] || s[1..].iter().any(|&c| is_vowel(c)) {
        return false;
    }
    let mut it = l[1..].iter();
    s[1..].iter().all(|c| it.any(|x| x == c))
}

/// Longest token the allocation-free string measures handle; longer or
/// non-ASCII tokens go to `strsim`.
const SHORT: usize = 64;

/// Levenshtein distance, on the stack for short ASCII tokens (the same
/// answer as `strsim::levenshtein`).
fn levenshtein(sa: &str, sb: &str) -> usize {
    let (a, b) = (sa.as_bytes(), sb.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || b.len() >= SHORT {
        return strsim::levenshtein(sa, sb);
    }
    let mut row = [0usize; SHORT];
    for (j, r) in row.iter_mut().enumerate().take(b.len() + 1) {
        *r = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// Jaro-Winkler similarity, on the stack for short ASCII tokens (the same
/// answer as `strsim::jaro_winkler`).
fn jaro_winkler(sa: &str, sb: &str) -> f64 {
    let (a, b) = (sa.as_bytes(), sb.as_bytes());
    if !a.is_ascii() || !b.is_ascii() || a.len() > SHORT || b.len() > SHORT {
        return strsim::jaro_winkler(sa, sb);
    }
    if a.is_empty() && b.is_empty() {
        return 1.0;
    } else if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flags = [false; SHORT];
    let mut b_flags = [false; SHORT];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = b.len().min(i + range + 1);
        for j in lo..hi {
            if !b_flags[j] && b[j] == ca {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0;
    for (i, &ca) in a.iter().enumerate() {
        if a_flags[i] {
            while !b_flags[j] {
                j += 1;
            }
            if ca != b[j] {
                transpositions += 1;
            }
            j += 1;
        }
    }
    let t = transpositions / 2;
    let m = matches as f64;
    let sim = (m / a.len() as f64 + m / b.len() as f64 + (matches - t) as f64 / m) / 3.0;
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        let mut ix = Index::new();
        let mut r = Record::new("un:TAi.005", EntityType::Person, "MUHAMMAD TAHER ANWARI");
        r.names
            .push(("Mohammad Taher Anwari".into(), AliasQuality::Good));
        r.names.push(("Haji Mudir".into(), AliasQuality::Low));
        r.nationality.push("Afghanistan".into());
        ix.add(r);
        let mut r = Record::new(
            "un:QDi.999",
            EntityType::Person,
            "Abd al-Rahman Ahmed al-Masri",
        );
        r.names
            .push(("Abu Muhsin al-Masri".into(), AliasQuality::Good));
        ix.add(r);
        ix.add(Record::new(
            "un:TAe.012",
            EntityType::Organization,
            "HAQQANI NETWORK",
        ));
        ix.add(Record::new(
            "un:TAi.144",
            EntityType::Person,
            "Sirajuddin Jallaloudine Haqqani",
        ));
        ix.add(Record::new(
            "un:TAi.999",
            EntityType::Person,
            "Abdul Aziz Haqqani",
        ));
        ix
    }

    #[test]
    fn string_measures_agree_with_strsim() {
        let words = [
            "",
            "a",
            "muhamad",
            "mahmud",
            "pishawari",
            "bishawri",
            "zughbai",
            "zgbyi",
            "kashlaf",
            "kushlaf",
            "abdalrahman",
            "abdalrhman",
            "martha",
            "marhta",
        ];
        for a in words {
            for b in words {
                assert_eq!(levenshtein(a, b), strsim::levenshtein(a, b), "{a} {b}");
                let (x, y) = (jaro_winkler(a, b), strsim::jaro_winkler(a, b));
                assert!((x - y).abs() < 1e-12, "{a} {b}: {x} {y}");
            }
        }
    }

    #[test]
    fn short_and_longer_forms_of_a_listed_name_link() {
        let mut ix = index();
        ix.add(Record::new(
            "un:CDi.027",
            EntityType::Person,
            "DIEUDONNÉ OZIA MAZIO",
        ));
        ix.add(Record::new(
            "un:QDi.122",
            EntityType::Person,
            "PARLINDUNGAN SIREGAR",
        ));
        ix.add(Record::new(
            "un:IQi.080",
            EntityType::Person,
            "MUHAMMAD YUNIS AHMAD",
        ));
        for (q, id) in [
            ("Ozia Mazio", "un:CDi.027"),
            ("Siregar, Parlin", "un:QDi.122"),
            ("Muhammad Yunis Ahmed Al-Moali", "un:IQi.080"),
        ] {
            let m = ix.lookup(q, Some(EntityType::Person));
            assert_eq!(m[0].record.id, id);
            assert!(m[0].is_link(), "{q}: {:?}", m[0]);
        }
    }

    #[test]
    fn spelling_variants_link_with_reasons() {
        let ix = index();
        let m = ix.lookup("Mullah Muhammad Tahir Anwari", Some(EntityType::Person));
        assert_eq!(m[0].record.id, "un:TAi.005");
        assert!(m[0].is_link());
        assert!(
            m[0].reasons[0].contains("folded key equal: 'muhamad tahir anwari'"),
            "{:?}",
            m[0].reasons
        );
        let m = ix.lookup("Abu Mohsin el-Masri", Some(EntityType::Person));
        assert_eq!(m[0].record.id, "un:QDi.999");
        assert!(m[0].is_link(), "{:?}", m[0]);
        let m = ix.lookup("Anwari Mohammad Tahir", None);
        assert_eq!(m[0].record.id, "un:TAi.005");
        assert!(m[0].is_link());
    }

    #[test]
    fn names_not_on_the_list_do_not_link() {
        let ix = index();
        for q in [
            "Abdul Rahman Haqqani",
            "Mohammad Karim",
            "Ali Ahmad Jalali",
            "Haqqani",
        ] {
            let m = ix.lookup(q, Some(EntityType::Person));
            assert!(
                m.first().is_none_or(|m| !m.is_link()),
                "{q}: {:?}",
                m.first()
            );
        }
        let m = ix.lookup("Haqqani Network", Some(EntityType::Person));
        assert!(m[0].reasons.iter().any(|r| r.contains("type mismatch")));
        assert!(!m[0].is_link());
    }

    #[test]
    fn missing_middle_name_costs_little_different_given_name_a_lot() {
        let ix = index();
        let mid = ix.lookup("Muhammad Anwari", Some(EntityType::Person));
        let other = ix.lookup("Karim Tahir Anwari", Some(EntityType::Person));
        assert_eq!(mid[0].record.id, "un:TAi.005");
        assert!(mid[0].score > other.first().map_or(0.0, |m| m.score));
    }

    #[test]
    fn context_supports_a_match_and_says_so() {
        let mut ix = index();
        let mut r = Record::new("un:TAi.040", EntityType::Person, "Jalaluddin Haqqani");
        r.related.push("Haqqani Network".into());
        ix.add(r);
        let plain = ix.lookup("Jalaludin Haqani Zadran", Some(EntityType::Person));
        let co = vec!["HAQQANI NETWORK".to_string()];
        let with = ix.lookup_with(&Query {
            name: "Jalaludin Haqani Zadran",
            kind: Some(EntityType::Person),
            co_mentions: &co,
            ..Default::default()
        });
        assert_eq!(with[0].record.id, "un:TAi.040");
        assert!(with[0].score > plain[0].score);
        assert!(
            with[0]
                .reasons
                .iter()
                .any(|r| r.contains("co-mentioned 'hakani nitwurk'")),
            "{:?}",
            with[0].reasons
        );
        let nat = ix.lookup_with(&Query {
            name: "Mohammad Taher Anwari",
            nationality: Some("afghanistan"),
            ..Default::default()
        });
        assert!(nat[0]
            .reasons
            .iter()
            .any(|r| r.contains("nationality agrees")));
    }

    #[test]
    fn records_can_be_added_incrementally() {
        let mut ix = index();
        assert!(ix
            .lookup("Jalaluddin Haqqani", None)
            .first()
            .is_none_or(|m| !m.is_link()));
        let i = ix.add(Record::new(
            "actor:1",
            EntityType::Person,
            "Jalaluddin Haqqani",
        ));
        ix.add_name(i, "Jalaludin Hakani", AliasQuality::Good);
        let m = ix.lookup("Jalaluddin Haqqani", None);
        assert_eq!(m[0].record.id, "actor:1");
        assert!(m[0].is_link());
        assert_eq!(ix.get("actor:1").unwrap().names.len(), 2);
    }
}
