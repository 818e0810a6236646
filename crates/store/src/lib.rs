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
use untangle_model::{ContentHash, Document, Entity, Evidence, Mention, Reliability, Source};

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
    fn sources(&self) -> Result<Vec<(Source, u64)>>;
    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> Result<()>;
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
