//! Text analysis for untangle's extractors: tokens and sentences with byte
//! spans, the scorer's name folding, a typed lexicon of countries, places,
//! armed groups, organisations, sanctioned people, agents and roles,
//! place resolution with its hierarchy, and date expressions.
//!
//! Everything is built for throughput: byte spans, no regexes on the hot
//! path, one Aho-Corasick automaton for the whole lexicon, data embedded in
//! the binary (`data/lexicon/`, compiled by `scripts/build_lexicon.py` from
//! shippable sources only).
//!
//! ```
//! use untangle_extract::{gazetteer, lexicon::Lexicon, temporal, text};
//!
//! let doc = "Afghan forces killed a Taliban commander in Hilmand province in October.";
//! let sentences = text::sentences(doc);
//! assert_eq!(sentences.len(), 1);
//!
//! let lex = Lexicon::global();
//! let found: Vec<&str> = lex.find(doc).iter().map(|m| &doc[m.span.clone()]).collect();
//! assert!(found.contains(&"Taliban") && found.contains(&"Hilmand"));
//!
//! let place = gazetteer::resolve_place("Hilmand province").unwrap();
//! assert_eq!(place.name, "Helmand");
//!
//! let dates = temporal::find_dates(doc, "2021-03-05".parse().ok());
//! assert_eq!(dates[0].date.to_string(), "2020-10");
//! assert_eq!(text::fold("Al-Qa'ida"), "al qaida");
//! ```

pub mod claims;
pub mod entities;
pub mod eval;
pub mod events;
pub mod gazetteer;
pub mod lexicon;
pub mod ner;
pub mod predict;
pub mod temporal;
pub mod text;
pub mod ties;

pub use gazetteer::{resolve_place, Place, PlaceKind};
pub use lexicon::{Entry, EntryType, LexMatch, Lexicon, LexiconError};
pub use temporal::{find_dates, DateMention};
pub use text::{fold, sentences, tokenize, Token, TokenKind};
