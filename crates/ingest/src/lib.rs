//! Reads reports into clean [`Document`]s: plain text, HTML (main content
//! only), PDF (text layer), RSS/Atom (one document per item) and JSONL (one
//! per line). No database: the engine decides what to store.
//!
//! The format is sniffed from the content first and the extension second,
//! because real archives hold `.shtml`, `.aspx` and extension-less files.
//! Every entry point returns one result per document, errors naming the file
//! (or `file:line`), and never panics.
//!
//! ```
//! use untangle_ingest::{parse_bytes, IngestOptions};
//! let text = b"KABUL, Afghanistan (Jan. 25, 2013)\nAn Afghan and coalition force arrested a Taliban leader.\n\nSource: https://example.org/story/1\n";
//! let docs = parse_bytes("release.txt", Some("txt"), text, &IngestOptions::default());
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.meta.published.unwrap().to_string(), "2013-01-25");
//! assert_eq!(doc.meta.original_source.as_deref(), Some("https://example.org/story/1"));
//! assert!(!doc.text.contains("Source:"));
//! ```

pub mod clean;
pub mod dates;
mod feed;
mod html;
mod jsonl;
pub mod minhash;
mod pdf;

use std::path::{Path, PathBuf};
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

/// Limits for one ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this are refused before they are read.
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Why an input could not be read. `Display` is one line: `<path>: <reason>`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no file or folder matches")]
    NotFound { path: String },
    #[error("{path}: {size} bytes is over the limit of {limit} bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}: binary file (not text, HTML, PDF, feed or JSONL)")]
    Binary { path: String },
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: malformed {format}: {reason}")]
    Malformed {
        path: String,
        format: &'static str,
        reason: String,
    },
    #[error("{path}: no text found")]
    NoText { path: String },
}

impl IngestError {
    /// The file (or `file:line`, `file#item`) the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::NotFound { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path }
            | IngestError::InvalidUtf8 { path, .. }
            | IngestError::Malformed { path, .. }
            | IngestError::NoText { path } => path,
        }
    }
}

/// Expands files, folders (recursively, skipping hidden entries) and glob
/// patterns into a sorted list of files without repeats. Inputs that match
/// nothing are errors.
pub fn discover(inputs: &[impl AsRef<str>]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let input = input.as_ref();
        let p = Path::new(input);
        if p.is_file() {
            files.push(p.to_path_buf());
        } else if p.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
                    Ok(_) => {}
                    Err(e) => errors.push(IngestError::Io {
                        path: e
                            .path()
                            .map_or_else(|| input.to_string(), |p| p.display().to_string()),
                        source: e.into(),
                    }),
                }
            }
        } else if input.contains(['*', '?', '[']) {
            match glob::glob(input) {
                Ok(paths) => {
                    let before = files.len();
                    for path in paths.flatten() {
                        if path.is_file() {
                            files.push(path);
                        }
                    }
                    if files.len() == before {
                        errors.push(IngestError::NotFound {
                            path: input.to_string(),
                        });
                    }
                }
                Err(e) => errors.push(IngestError::Malformed {
                    path: input.to_string(),
                    format: "glob pattern",
                    reason: e.to_string(),
                }),
            }
        } else {
            errors.push(IngestError::NotFound {
                path: input.to_string(),
            });
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

/// Reads one file: one result per document in it.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    let locator = path.display().to_string();
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(source) => {
            return vec![Err(IngestError::Io {
                path: locator,
                source,
            })]
        }
    };
    if size > opts.max_bytes {
        return vec![Err(IngestError::TooLarge {
            path: locator,
            size,
            limit: opts.max_bytes,
        })];
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(source) => {
            return vec![Err(IngestError::Io {
                path: locator,
                source,
            })]
        }
    };
    let ext = path.extension().and_then(|e| e.to_str());
    parse_bytes(&locator, ext, &bytes, opts)
}

/// What a file's bytes look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Pdf,
    Html,
    Feed,
    Jsonl,
    Text,
}

fn sniff(bytes: &[u8], ext: Option<&str>) -> Sniffed {
    let ext = ext.map(|e| e.to_ascii_lowercase());
    let head = &bytes[..bytes.len().min(2048)];
    let skip_bom = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = skip_bom
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(skip_bom.len());
    let lead = &skip_bom[start..];
    if head.starts_with(b"%PDF-") || ext.as_deref() == Some("pdf") {
        return Sniffed::Pdf;
    }
    let lower: Vec<u8> = lead.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lead.starts_with(b"<") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Sniffed::Feed;
        }
        if lead.starts_with(b"<?xml") && !has(b"<html") {
            return if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
                Sniffed::Html
            } else {
                Sniffed::Feed
            };
        }
        return Sniffed::Html;
    }
    match ext.as_deref() {
        Some("html" | "htm" | "shtml" | "xhtml" | "aspx" | "asp" | "php" | "jsp") => {
            return Sniffed::Html
        }
        Some("rss" | "atom" | "xml") => return Sniffed::Feed,
        Some("jsonl" | "ndjson") => return Sniffed::Jsonl,
        _ => {}
    }
    if lead.starts_with(b"{") {
        return Sniffed::Jsonl;
    }
    Sniffed::Text
}

/// True when the bytes look like a binary file: NUL bytes or many control
/// characters in the first few KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

fn utf8<'a>(locator: &str, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: locator.to_string(),
        offset: e.valid_up_to(),
    })
}

/// Parses bytes already read. `locator` names the input in errors and in
/// `meta.locator`; `ext` is the file extension, if any.
pub fn parse_bytes(
    locator: &str,
    ext: Option<&str>,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Vec<Result<Document, IngestError>> {
    let path = || locator.to_string();
    if bytes.len() as u64 > opts.max_bytes {
        return vec![Err(IngestError::TooLarge {
            path: path(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        })];
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(IngestError::Empty { path: path() })];
    }
    let kind = sniff(bytes, ext);
    if kind == Sniffed::Pdf {
        return vec![pdf::parse(locator, bytes)];
    }
    if looks_binary(bytes) {
        return vec![Err(IngestError::Binary { path: path() })];
    }
    match kind {
        Sniffed::Html => vec![html::parse(locator, bytes)],
        Sniffed::Feed => feed::parse(locator, bytes),
        Sniffed::Jsonl => match utf8(locator, bytes) {
            Ok(s) => jsonl::parse(locator, s),
            Err(e) => vec![Err(e)],
        },
        Sniffed::Text | Sniffed::Pdf => vec![utf8(locator, bytes).and_then(|s| {
            finish(
                locator,
                ContentHash::of(bytes),
                DocFormat::Text,
                DocumentMeta::default(),
                s,
                true,
            )
        })],
    }
}

/// Shared last step for every format: clean the text, fill in what the text
/// itself says (original source, title, date), refuse documents with no text.
pub(crate) fn finish(
    locator: &str,
    id: ContentHash,
    format: DocFormat,
    mut meta: DocumentMeta,
    raw_text: &str,
    title_from_first_line: bool,
) -> Result<Document, IngestError> {
    let cleaned = clean::clean(raw_text);
    if cleaned.text.trim().is_empty() {
        return Err(IngestError::NoText {
            path: locator.to_string(),
        });
    }
    meta.locator = locator.to_string();
    if meta.original_source.is_none() {
        meta.original_source = cleaned.original_source;
    }
    meta.boilerplate.extend(cleaned.boilerplate);
    if meta.title.is_none() && title_from_first_line {
        meta.title = clean::title_line(&cleaned.text).map(str::to_string);
    }
    if meta.published.is_none() {
        if let Some((d, from)) = dates::from_text(&cleaned.text) {
            meta.published = Some(d);
            meta.published_from = Some(from.to_string());
        }
    } else if meta.published_from.is_none() {
        meta.published_from = Some("metadata".into());
    }
    Ok(Document {
        id,
        format,
        meta,
        text: cleaned.text,
    })
}
