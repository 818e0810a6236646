//! Reference lists and name resolution.
//!
//! - [`names`]: transliteration-aware folding of Arabic, Pashto and Dari
//!   names in Latin script (strict keys, token keys, name structure).
//! - [`reference`]: parsers for the UN Security Council consolidated list
//!   (XML) and OFAC's legacy SDN CSV files into [`ReferenceEntity`]s.
//! - [`matcher`]: an in-memory index of named records with candidate
//!   generation and a scorer that explains itself; it links names to
//!   reference entities and, later, clusters document entities into actors.
//!
//! No database IO: parsers take bytes and a file name (for errors).

pub mod names;

pub use names::{fold_name, fold_text, name_key, FoldedName, NameToken, Role};
pub mod reference;

pub use reference::{
    parse_ofac, parse_un_xml, sniff, Alias, AliasQuality, Direction, ListKind, NamedBytes,
    ReferenceEntity, ReferenceError, ReferenceList, StatedTie,
};
pub mod matcher;

pub use matcher::{is_link, Index, Match, Query, Record, LINK_THRESHOLD};
