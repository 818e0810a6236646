//! Pipeline glue: reads inputs with `untangle-ingest`, decides which
//! documents are reposts of which, and writes them to a store backend.
//!
//! The engine knows nothing of terminals or HTTP: progress goes through the
//! [`Progress`] trait, and results come back as plain structs the CLI and
//! server render.
//!
//! ```no_run
//! use untangle_engine::{ingest, IngestConfig, NoProgress};
//! let mut store = untangle_store::open("untangle.db").unwrap();
//! let report = ingest(store.as_mut(), &["reports/"], &IngestConfig::default(), &NoProgress).unwrap();
//! println!("{} stored, {} failed", report.stored, report.failed.len());
//! ```

pub mod actors;
pub mod links;
mod pipeline;

pub use actors::{resolve_actors, ResolveReport};
pub use pipeline::{
    extract, ingest, reextract, Failure, IngestConfig, IngestReport, NoProgress, Progress,
    ReextractReport,
};
