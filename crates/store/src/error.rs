//! Store errors: user faults (bad id, bad query) apart from internal faults.

/// Errors from a store backend.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// No document has this id or id prefix.
    #[error("no document with id {0:?}")]
    NotFound(String),
    /// The prefix matches more than one document.
    #[error("id prefix {prefix:?} is ambiguous: it matches {count} documents")]
    Ambiguous { prefix: String, count: usize },
    /// A query the user typed is not valid.
    #[error("bad search query {query:?}: {reason}")]
    BadQuery { query: String, reason: String },
    /// A user-supplied value is not valid.
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    /// The database was written by a newer untangle.
    #[error("the store at {path} has schema version {found}, newer than this untangle supports ({supported}); upgrade untangle")]
    TooNew {
        path: String,
        found: u32,
        supported: u32,
    },
    /// Opening the store failed.
    #[error("cannot open store {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// An internal database error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// Stored data that cannot be decoded (a bug or outside tampering).
    #[error("corrupt stored value in {what}: {reason}")]
    Corrupt { what: &'static str, reason: String },
}

impl StoreError {
    /// True when the fault is the user's (bad id, bad query), not the store's.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::NotFound(_)
                | StoreError::Ambiguous { .. }
                | StoreError::BadQuery { .. }
                | StoreError::Invalid { .. }
                | StoreError::TooNew { .. }
        )
    }
}
