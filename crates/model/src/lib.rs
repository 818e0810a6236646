//! The untangle data model: plain types for everything in the ontology, no IO.
//!
//! Every other crate speaks in these types. The wire names (JSON, CLI, API)
//! are the ontology's: `person`, `hosts`, `ASSAULT`, `asserted`, ...
//!
//! ```
//! use untangle_model::{Predicate, Reliability, Credibility};
//! assert_eq!(Predicate::Hosts.as_str(), "hosts");
//! assert!(Predicate::CooperatesWith.is_symmetric());
//! assert_eq!("B".parse::<Reliability>().unwrap(), Reliability::B);
//! assert_eq!(Credibility::default(), Credibility::CannotBeJudged);
//! ```

mod date;
mod document;
mod graph;

pub use date::{DatePrecision, PartialDate};
pub use document::{ContentHash, DocFormat, Document, DocumentMeta, Source};
pub use graph::{
    Agreement, Assessment, AssessmentVerdict, Claim, Credibility, Entity, EntityType, Event,
    Evidence, ExternalId, Mention, Obligation, PloverType, Polarity, Predicate, Reliability,
    Stance, Tie,
};
