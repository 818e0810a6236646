//! What the store keeps of reference lists (UN, OFAC sanctions): entries
//! with their alias and tie history, and the imports that brought them.

use serde::Serialize;
use untangle_resolve::{AliasQuality, Direction, ReferenceEntity};

/// What importing one list did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RefImportReport {
    pub scheme: String,
    pub file: String,
    pub list_date: String,
    /// The same file (by content hash) was imported before: nothing changed.
    pub already_imported: bool,
    pub entities: u64,
    pub aliases: u64,
    pub ties: u64,
    /// Entries new to the store.
    pub added: u64,
    /// Entries whose name or details changed.
    pub updated: u64,
    /// Entries in the store that this list no longer has (marked, kept).
    pub delisted: u64,
    pub aliases_added: u64,
    /// Aliases this list no longer has (marked `removed_in`, kept).
    pub aliases_removed: u64,
}

/// One line of `ref list`.
#[derive(Debug, Clone, Serialize)]
pub struct RefSummary {
    pub scheme: String,
    pub id: String,
    #[serde(rename = "type")]
    pub kind: untangle_model::EntityType,
    pub name: String,
    pub programmes: Vec<String>,
    /// Aliases on the latest list.
    pub aliases: u64,
    pub removed_in: Option<String>,
}

/// An alias with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefAliasRow {
    pub name: String,
    pub quality: AliasQuality,
    pub raw_quality: String,
    /// The list date it first appeared in (as far as this store knows).
    pub first_seen: String,
    /// The list date it was no longer there, if it is gone.
    pub removed_in: Option<String>,
}

/// A stated tie with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefTieRow {
    pub predicate: untangle_model::Predicate,
    pub direction: Direction,
    pub other_id: Option<String>,
    pub other_name: Option<String>,
    pub sentence: String,
    pub first_seen: String,
    pub removed_in: Option<String>,
}

/// A stored entry: its current state (aliases and ties: the ones on the
/// latest list) and its full history.
#[derive(Debug, Clone, Serialize)]
pub struct RefEntityRow {
    pub entity: ReferenceEntity,
    pub first_seen: String,
    pub last_seen: String,
    pub removed_in: Option<String>,
    pub alias_history: Vec<RefAliasRow>,
    pub tie_history: Vec<RefTieRow>,
}

/// A recorded import.
#[derive(Debug, Clone, Serialize)]
pub struct RefImportRow {
    pub scheme: String,
    pub file: String,
    pub list_date: String,
    pub generated: Option<String>,
    pub imported_at: String,
    pub entities: u64,
    pub aliases: u64,
    pub ties: u64,
}
