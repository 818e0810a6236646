//! Documents and the sources that publish them.

use crate::{PartialDate, Reliability};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A document's id: the BLAKE3 hash of the bytes it was read from (for a feed
/// item or a JSONL record, of that item's own bytes), as 64 hex digits.
///
/// Ingesting the same bytes twice therefore yields the same id, and the store
/// keeps one copy.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(pub String);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> Self {
        ContentHash(blake3::hash(bytes).to_hex().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first 12 hex digits: what the CLI shows and accepts as a prefix.
    pub fn short(&self) -> &str {
        &self.0[..self.0.len().min(12)]
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    Text,
    Html,
    Pdf,
    Rss,
    Atom,
    Jsonl,
}

impl DocFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            DocFormat::Text => "text",
            DocFormat::Html => "html",
            DocFormat::Pdf => "pdf",
            DocFormat::Rss => "rss",
            DocFormat::Atom => "atom",
            DocFormat::Jsonl => "jsonl",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "text" => DocFormat::Text,
            "html" => DocFormat::Html,
            "pdf" => DocFormat::Pdf,
            "rss" => DocFormat::Rss,
            "atom" => DocFormat::Atom,
            "jsonl" => DocFormat::Jsonl,
            _ => return None,
        })
    }
}

/// Everything known about a document apart from its text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Where it was read from: a file path, `path#item-3` for a feed item,
    /// `path:17` for line 17 of a JSONL file.
    pub locator: String,
    pub title: Option<String>,
    /// Canonical URL of this copy (`<link rel=canonical>`, feed item link,
    /// JSONL `url`).
    pub url: Option<String>,
    /// The original this document copies, when it says so ("Source: https://…").
    pub original_source: Option<String>,
    /// Publisher name (`source` in JSONL, `og:site_name`, feed title, or the
    /// host of `url`).
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
    /// Where `published` came from: `metadata`, `dateline` or `text`.
    pub published_from: Option<String>,
    pub byline: Option<String>,
    /// Lines removed as boilerplate (footers, duplicated captions), kept so an
    /// analyst can see what was dropped.
    pub boilerplate: Vec<String>,
}

/// A normalised document: the article text with chrome and boilerplate gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: ContentHash,
    pub format: DocFormat,
    pub meta: DocumentMeta,
    /// Main text, paragraphs separated by blank lines.
    pub text: String,
}

/// A publisher with its Admiralty source-reliability grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub reliability: Reliability,
}
