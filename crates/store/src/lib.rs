//! The evidence store: documents, their independent origins, and the evidence
//! graph, behind a backend-neutral interface.
//!
//! The engine drives the logic (which document is a repost of which); a
//! backend offers small transactional primitives ([`WriteTx`]) and read
//! queries ([`Backend`]). SQLite is the embedded default; a PostgreSQL backend
//! implements the same traits and must pass the same suite
//! (`tests/store.rs`).
//!
//! ```
//! use untangle_store::{open, NewDocument, Origin};
//! use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};
//!
//! let mut store = open(":memory:").unwrap();
//! let doc = Document {
//!     id: ContentHash::of(b"hello"),
//!     format: DocFormat::Text,
//!     meta: DocumentMeta { locator: "hello.txt".into(), ..Default::default() },
//!     text: "Hello world.".into(),
//! };
//! let mut tx = store.begin().unwrap();
//! let origin = Origin::own(&doc);
//! tx.insert_document(&NewDocument { doc: &doc, minhash: None, bands: &[], origin, repost_of: None }).unwrap();
//! tx.commit().unwrap();
//! assert_eq!(store.stats().unwrap().documents, 1);
//! ```

mod error;
pub mod reference;
pub mod sqlite;

pub use error::StoreError;
pub use reference::{
    RefAliasRow, RefEntityRow, RefImportReport, RefImportRow, RefSummary, RefTieRow,
};

use serde::Serialize;
use untangle_model::{
    Claim, ContentHash, Document, Entity, EntityType, Event, Evidence, ExternalId, Mention,
    PartialDate, PloverType, Polarity, Predicate, Reliability, Source, Stance, Tie,
};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Opens a store from a location: a file path (SQLite, created if missing),
/// or `:memory:`.
pub fn open(location: &str) -> Result<Box<dyn Backend>> {
    Ok(Box::new(sqlite::SqliteStore::open(location)?))
}

/// The independent source a document stands for. Documents with the same
/// origin key count once when corroboration is counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// `url:<url>` for a document that names or is its original, or
    /// `doc:<id>` for one known only by its content.
    pub key: String,
}

impl Origin {
    /// The origin a document has on its own, before near-duplicates are
    /// considered: the original it cites, else its own URL, else itself.
    pub fn own(doc: &Document) -> Origin {
        if let Some(u) = &doc.meta.original_source {
            return Origin::url(u);
        }
        if let Some(u) = &doc.meta.url {
            return Origin::url(u);
        }
        Origin {
            key: format!("doc:{}", doc.id),
        }
    }

    pub fn url(u: &str) -> Origin {
        Origin {
            key: format!("url:{}", normalize_url(u)),
        }
    }
}

/// URL normal form for origin matching: scheme and `www.` dropped, host
/// lower-cased, fragment and trailing slash dropped.
pub fn normalize_url(u: &str) -> String {
    let u = u.trim();
    let u = u.split('#').next().unwrap_or(u);
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(u);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let path = path.trim_end_matches('/');
    format!("{}{}", host.to_ascii_lowercase(), path)
}

/// A document ready to be written, with what the engine decided about it.
#[derive(Debug)]
pub struct NewDocument<'a> {
    pub doc: &'a Document,
    /// MinHash signature bytes, for near-duplicate lookups.
    pub minhash: Option<&'a [u8]>,
    /// LSH band keys of the signature: `(band, key)`.
    pub bands: &'a [(u8, u64)],
    pub origin: Origin,
    /// The stored document this one was found to copy, with the similarity.
    pub repost_of: Option<(ContentHash, f32)>,
}

/// An entity found in a document, with where it is mentioned.
#[derive(Debug, Clone)]
pub struct NewEntity {
    pub entity: Entity,
    pub mentions: Vec<Mention>,
}

/// A stored entity, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub document: ContentHash,
    #[serde(flatten)]
    pub entity: Entity,
    pub mentions: u64,
    /// Byte offset of its first mention in the document's text.
    pub first_mention: Option<usize>,
    /// Key of the actor it was resolved to.
    pub actor: Option<String>,
}

/// The ties, events and claims read in one document. Entity references
/// (`subject`, `agents`, `speaker`, ...) are the document's own entity ids
/// (`e3`), stored just before with [`WriteTx::insert_entities`]; every item
/// carries at least one piece of evidence in the same document.
#[derive(Debug, Clone, Default)]
pub struct DocGraph {
    pub ties: Vec<Tie>,
    pub events: Vec<Event>,
    pub claims: Vec<Claim>,
}

/// Which ties, events or claims to list. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    pub doc: Option<ContentHash>,
    /// An entity's name or one of its aliases (ASCII case-insensitive).
    pub entity: Option<String>,
    pub predicate: Option<Predicate>,
    pub event_type: Option<PloverType>,
    pub limit: usize,
}

/// An entity as a tie, event or claim refers to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRef {
    /// The document's own id for it (`e3`).
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Key of the actor it was resolved to across documents.
    pub actor: Option<String>,
}

/// Where a piece of evidence comes from: the document and its publisher,
/// with the publisher's Admiralty reliability and the independent origin
/// that corroboration counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    pub document: ContentHash,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub origin: String,
    pub reliability: Reliability,
}

/// One stored reading of a tie, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct TieRow {
    pub id: i64,
    pub subject: EntityRef,
    pub predicate: Predicate,
    pub object: EntityRef,
    pub polarity: Polarity,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub evidence: Evidence,
    pub source: Provenance,
}

/// One stored event, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub id: i64,
    #[serde(rename = "type")]
    pub kind: PloverType,
    pub agents: Vec<EntityRef>,
    pub targets: Vec<EntityRef>,
    pub location: Option<EntityRef>,
    pub date: Option<PartialDate>,
    pub fatalities: Option<u32>,
    pub captured: Option<u32>,
    pub mode: Option<String>,
    pub evidence: Evidence,
    pub source: Provenance,
}

/// One stored claim, with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    pub id: i64,
    pub speaker: EntityRef,
    pub quote: String,
    pub about: Vec<EntityRef>,
    pub stance: Option<Stance>,
    pub evidence: Evidence,
    pub source: Provenance,
}

/// A stored entity as the resolver sees it: its names, ids and where it
/// was found.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRecord {
    /// The entity's row: what actor membership points to.
    pub row: i64,
    pub document: ContentHash,
    /// The document's independent origin.
    pub origin: String,
    /// The document's own id for it (`e3`).
    pub local_id: String,
    pub kind: EntityType,
    pub name: String,
    pub aliases: Vec<String>,
    pub external_ids: Vec<ExternalId>,
    pub mentions: u64,
}

/// An actor as the resolver decided it, with its member entities.
#[derive(Debug, Clone, PartialEq)]
pub struct NewActor {
    /// Stable identity across recomputations (`un:QDe.004`,
    /// `name:organization:taliban`).
    pub key: String,
    pub kind: EntityType,
    pub name: String,
    pub external_ids: Vec<ExternalId>,
    pub members: Vec<ActorMember>,
}

/// Why an entity belongs to its actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorMember {
    /// [`EntityRecord::row`].
    pub entity: i64,
    /// 0..=1: how sure the resolver is.
    pub score: f32,
    pub reasons: Vec<String>,
}

/// An actor as listed: its spellings and how widely it is reported.
#[derive(Debug, Clone, Serialize)]
pub struct ActorSummary {
    pub id: i64,
    pub key: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub name: String,
    /// Every name and alias seen for it, with the number of documents.
    pub spellings: Vec<(String, u64)>,
    pub documents: u64,
    /// Distinct independent origins among those documents.
    pub origins: u64,
    pub mentions: u64,
    pub external_ids: Vec<ExternalId>,
}

/// One member entity of an actor, with the resolver's reasons.
#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub document: ContentHash,
    pub entity: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub score: f32,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActorDetail {
    #[serde(flatten)]
    pub summary: ActorSummary,
    pub members: Vec<MemberRow>,
}

/// An analyst's judgement: two names are the same actor (`merge`) or are
/// not (`distinct`). Names are kept as type and folded name, so the
/// judgement outlives any recomputation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JudgementKind {
    Merge,
    Distinct,
}

impl JudgementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JudgementKind::Merge => "merge",
            JudgementKind::Distinct => "distinct",
        }
    }
}

/// A name as a judgement refers to it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NameKey {
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Folded name.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    pub id: i64,
    pub kind: JudgementKind,
    pub a: NameKey,
    pub b: NameKey,
    pub note: Option<String>,
    pub created_at: String,
}

/// A stored document that shares an LSH band with a new one.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: ContentHash,
    pub minhash: Vec<u8>,
    pub origin: String,
}

/// One write transaction. Dropping it without `commit` rolls back: a crash
/// mid-batch leaves no half-written document.
pub trait WriteTx {
    fn has_document(&self, id: &ContentHash) -> Result<bool>;
    /// Stored documents sharing at least one LSH band key.
    fn near_candidates(&self, bands: &[(u8, u64)]) -> Result<Vec<Candidate>>;
    /// Documents whose own URL or cited original normalises to `url`'s origin
    /// key, or whose origin key is that key.
    fn origin_of_url(&self, origin: &Origin) -> Result<Option<String>>;
    /// Inserts a document (ignored if its id is already stored: returns false).
    fn insert_document(&mut self, new: &NewDocument<'_>) -> Result<bool>;
    /// Stores the entities found in a stored document, with their mentions.
    fn insert_entities(&mut self, doc: &ContentHash, entities: &[NewEntity]) -> Result<()>;
    /// Attaches evidence sentences to a stored document.
    fn insert_evidence(&mut self, evidence: &Evidence) -> Result<i64>;
    /// Stores the ties, events and claims read in a stored document whose
    /// entities are stored, each with its evidence. A reference to an
    /// entity id the document does not have, or evidence from another
    /// document, is an error and nothing of the graph is kept by the caller's
    /// transaction.
    fn insert_graph(&mut self, doc: &ContentHash, graph: &DocGraph) -> Result<()>;
    /// Removes everything extracted from a stored document (entities,
    /// mentions, ties, events, claims, their evidence and actor
    /// memberships), keeping the document, so a newer extractor can
    /// re-read it. Judgements are untouched.
    fn clear_extraction(&mut self, doc: &ContentHash) -> Result<()>;
    fn commit(self: Box<Self>) -> Result<()>;
}

/// What `docs list` shows of a document.
#[derive(Debug, Clone, Serialize)]
pub struct DocSummary {
    pub id: ContentHash,
    pub locator: String,
    pub format: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub origin: String,
    pub repost_of: Option<ContentHash>,
    pub chars: usize,
}

/// A stored document with its provenance.
#[derive(Debug, Clone, Serialize)]
pub struct StoredDocument {
    #[serde(flatten)]
    pub doc: Document,
    pub origin: String,
    pub repost_of: Option<ContentHash>,
    pub similarity: Option<f32>,
    /// Other stored documents with the same origin.
    pub same_origin: Vec<ContentHash>,
    pub source: Option<Source>,
    pub ingested_at: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum SearchHit {
    Document {
        id: ContentHash,
        title: Option<String>,
        snippet: String,
        score: f64,
    },
    Evidence {
        id: i64,
        document: ContentHash,
        start: usize,
        end: usize,
        snippet: String,
        score: f64,
    },
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Stats {
    pub documents: u64,
    /// Distinct origins: what corroboration counts.
    pub independent_origins: u64,
    /// Documents that cite an original or copy another stored document.
    pub reposts: u64,
    pub by_format: Vec<(String, u64)>,
    pub publishers: u64,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub evidence: u64,
    pub entities: u64,
    pub mentions: u64,
    pub ties: u64,
    pub events: u64,
    pub claims: u64,
    /// Actors across documents, and analyst judgements in force.
    pub actors: u64,
    pub judgements: u64,
    pub schema_version: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct OriginGroup {
    pub origin: String,
    pub documents: Vec<DocSummary>,
}

/// A store backend. Object-safe so the CLI and server hold a
/// `Box<dyn Backend>` whichever backend is configured.
pub trait Backend: Send {
    /// Which backend this is (`sqlite`, `postgres`).
    fn kind(&self) -> &'static str;
    fn begin(&mut self) -> Result<Box<dyn WriteTx + '_>>;
    fn has_document(&self, id: &ContentHash) -> Result<bool>;
    /// Resolves a full id or a unique prefix of at least 4 hex digits.
    fn resolve_id(&self, prefix: &str) -> Result<ContentHash>;
    fn document(&self, id: &ContentHash) -> Result<StoredDocument>;
    fn list_documents(&self, limit: usize, offset: usize) -> Result<Vec<DocSummary>>;
    /// Groups of two or more documents sharing an origin.
    fn repost_groups(&self) -> Result<Vec<OriginGroup>>;
    /// Full-text search over documents and evidence sentences. `query` is
    /// plain words (all must occur) unless `raw`, then the backend's syntax.
    fn search(&self, query: &str, raw: bool, limit: usize) -> Result<Vec<SearchHit>>;
    fn stats(&self) -> Result<Stats>;
    /// Entities found in documents (one document's, or all), in order.
    fn entities(&self, doc: Option<&ContentHash>, limit: usize) -> Result<Vec<EntityRow>>;
    /// Stored tie readings, each with its evidence and provenance, in
    /// document order.
    fn ties(&self, filter: &GraphFilter) -> Result<Vec<TieRow>>;
    fn events(&self, filter: &GraphFilter) -> Result<Vec<EventRow>>;
    fn claims(&self, filter: &GraphFilter) -> Result<Vec<ClaimRow>>;
    fn sources(&self) -> Result<Vec<(Source, u64)>>;
    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> Result<()>;
    /// Every stored entity, in (document id, local id) order: the order
    /// does not depend on the order documents were ingested in.
    fn entity_records(&self) -> Result<Vec<EntityRecord>>;
    /// Replaces all actors and memberships in one transaction. Actors whose
    /// key is kept keep their id.
    fn replace_actors(&mut self, actors: &[NewActor]) -> Result<()>;
    /// Actors, most documented first; `name` is a part of any spelling
    /// (ASCII case-insensitive).
    fn actors(
        &self,
        kind: Option<EntityType>,
        name: Option<&str>,
        limit: usize,
    ) -> Result<Vec<ActorSummary>>;
    /// One actor by id or key, with its members and their reasons.
    fn actor(&self, id_or_key: &str) -> Result<ActorDetail>;
    /// Records a judgement (a repeated one is kept once); returns its id.
    fn add_judgement(
        &mut self,
        kind: JudgementKind,
        a: &NameKey,
        b: &NameKey,
        note: Option<&str>,
    ) -> Result<i64>;
    /// The judgements in force, oldest first.
    fn judgements(&self) -> Result<Vec<Judgement>>;
    /// Withdraws a judgement (its row stays, marked withdrawn, as the audit
    /// trail); false when none in force has that id.
    fn remove_judgement(&mut self, id: i64) -> Result<bool>;
    /// Consistency check (`PRAGMA integrity_check` and our own invariants).
    fn check(&self) -> Result<Vec<String>>;

    // Reference lists (UN, OFAC sanctions).

    /// Imports a parsed list as its scheme's state on the list's date: new
    /// and changed entries are written, entries, aliases and ties no longer
    /// on the list are marked removed in that date (kept, with history).
    /// `file_hash` identifies the file: importing it again changes nothing.
    /// Lists must be imported oldest first. One transaction.
    fn import_reference(
        &mut self,
        list: &untangle_resolve::ReferenceList,
        file_hash: &str,
    ) -> Result<RefImportReport>;
    /// Entries in id order, of one scheme or all.
    fn reference_entities(
        &self,
        scheme: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<RefSummary>>;
    /// One entry by `scheme:id` or bare id, with alias and tie history.
    fn reference_entity(&self, id: &str) -> Result<RefEntityRow>;
    /// Every entry with its current aliases and ties (for the matcher).
    fn reference_all(
        &self,
        include_removed: bool,
    ) -> Result<Vec<untangle_resolve::ReferenceEntity>>;
    /// Imports done, oldest first.
    fn reference_imports(&self) -> Result<Vec<RefImportRow>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_normalise_for_origin_matching() {
        assert_eq!(
            normalize_url("https://www.Example.org/a/b/#x"),
            "example.org/a/b"
        );
        assert_eq!(
            Origin::url("http://example.org/a").key,
            Origin::url("https://example.org/a/").key
        );
    }
}
