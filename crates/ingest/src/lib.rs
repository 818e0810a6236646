//! Reads reports into clean [`Document`]s: plain text, HTML (main content
//! only), PDF (text layer), RSS/Atom (one document per item) and JSONL (one
//! per line). No database: the engine decides what to store.
//!
//! - [`discover`] expands files, folders and glob patterns into files.
//! - [`read_file`] and [`parse_bytes`] turn one input into one result per
//!   document in it. The format is sniffed from the content first and the
//!   extension second, because real archives hold `.shtml`, `.aspx` and
//!   extension-less files. Errors name the file (or `file:LINE` for a JSONL
//!   record); no input makes them panic.
//! - Every document's text goes through [`clean`] (whitespace, `Source: URL`
//!   lines, repeated captions, related-post footers and other trailing
//!   chrome) and, when its metadata gives no date, through [`dates`]
//!   (datelines, date lines near the top).
//! - [`minhash`] gives the signatures and LSH band keys the engine uses to
//!   find reposts.
//!
//! A document's id is the BLAKE3 hash of the bytes it was read from (a feed
//! item's or a JSONL line's own bytes), so reading the same input twice
//! gives the same ids.
//!
//! ```
//! use untangle_ingest::{parse_bytes, IngestOptions};
//!
//! let text = b"KABUL, Afghanistan (Jan. 25, 2013)\nAn Afghan and coalition force arrested a Taliban leader.\n\nSource: https://example.org/story/1\n";
//! let docs = parse_bytes("release.txt", Some("txt"), text, &IngestOptions::default());
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.meta.published.unwrap().to_string(), "2013-01-25");
//! assert_eq!(doc.meta.published_from.as_deref(), Some("dateline"));
//! assert_eq!(doc.meta.original_source.as_deref(), Some("https://example.org/story/1"));
//! assert!(!doc.text.contains("Source:"));
//!
//! // Bad input is an error naming the file, never a panic.
//! let bad = parse_bytes("notes.txt", None, b"caf\xe9", &IngestOptions::default());
//! assert_eq!(bad[0].as_ref().unwrap_err().to_string(), "notes.txt: invalid UTF-8 at byte 3");
//! ```

pub mod clean;
pub mod dates;
mod feed;
mod html;
mod jsonl;
pub mod minhash;
mod pdf;

pub use dates::parse_date_str;

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
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
///
/// All variants but [`IngestError::Internal`] are faults of the input.
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
    #[error("{path}: folder holds no files (hidden files and folders are skipped)")]
    EmptyFolder { path: String },
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
    /// A bug in a parser, caught so that the batch goes on.
    #[error("{path}: internal error while parsing (please report): {reason}")]
    Internal { path: String, reason: String },
}

impl IngestError {
    /// The file (or `file:LINE`, `file#item-N`) the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::NotFound { path }
            | IngestError::EmptyFolder { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path }
            | IngestError::InvalidUtf8 { path, .. }
            | IngestError::Malformed { path, .. }
            | IngestError::NoText { path }
            | IngestError::Internal { path, .. } => path,
        }
    }

    /// Whether the input is at fault (as opposed to a bug here).
    pub fn is_input_error(&self) -> bool {
        !matches!(self, IngestError::Internal { .. })
    }
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Adds the files under `dir` (recursively, skipping hidden entries) to
/// `files`; returns how many it added.
fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) -> usize {
    let before = files.len();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(e.file_name()));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                errors.push(IngestError::Io {
                    path,
                    source: e.into(),
                });
            }
        }
    }
    files.len() - before
}

/// Expands files, folders (recursively, skipping hidden files and folders
/// such as `.git`) and glob patterns (`reports/**/*.html`; a folder a
/// pattern matches is expanded too) into a sorted list of files without
/// repeats. Inputs that match nothing are errors; the other inputs go on.
pub fn discover(inputs: &[impl AsRef<str>]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let input = input.as_ref();
        let p = Path::new(input);
        if p.is_file() {
            files.push(p.to_path_buf());
        } else if p.is_dir() {
            if walk_dir(p, &mut files, &mut errors) == 0 {
                errors.push(IngestError::EmptyFolder {
                    path: input.to_string(),
                });
            }
        } else if input.contains(['*', '?', '[']) {
            match glob::glob(input) {
                Ok(paths) => {
                    let mut found = 0;
                    for entry in paths {
                        match entry {
                            Ok(path) if path.is_file() => {
                                files.push(path);
                                found += 1;
                            }
                            Ok(path) if path.is_dir() => {
                                found += walk_dir(&path, &mut files, &mut errors);
                            }
                            Ok(_) => {}
                            Err(e) => errors.push(IngestError::Io {
                                path: e.path().display().to_string(),
                                source: e.into(),
                            }),
                        }
                    }
                    if found == 0 {
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

/// Reads one file: one result per document in it (a feed or a JSONL file
/// holds many). The size limit is checked before reading.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    let locator = path.display().to_string();
    let io = |source| {
        vec![Err(IngestError::Io {
            path: locator.clone(),
            source,
        })]
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return io(e),
    };
    let size = match file.metadata() {
        Ok(m) => m.len(),
        Err(e) => return io(e),
    };
    let too_large = |size| {
        vec![Err(IngestError::TooLarge {
            path: locator.clone(),
            size,
            limit: opts.max_bytes,
        })]
    };
    if size > opts.max_bytes {
        return too_large(size);
    }
    // Read at most one byte over the limit: a file that grew since its size
    // was taken is still refused without being read whole.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    if let Err(e) = file
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return io(e);
    }
    if bytes.len() as u64 > opts.max_bytes {
        return too_large(bytes.len() as u64);
    }
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

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The format, from the first bytes and the extension hint. Content wins
/// where it is unambiguous (`%PDF-`, a leading `<`, a leading `{`).
fn sniff(bytes: &[u8], ext: Option<&str>) -> Sniffed {
    let ext = ext.map(str::to_ascii_lowercase);
    let ext = ext.as_deref();
    let head = &bytes[..bytes.len().min(1024)];
    // PDF readers accept the header anywhere in the first kilobyte.
    if contains(head, b"%PDF-") || ext == Some("pdf") {
        return Sniffed::Pdf;
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let lead = &head[start..];
    if lead.starts_with(b"<") {
        let lower = lead.to_ascii_lowercase();
        if lower.starts_with(b"<!doctype html") || contains(&lower, b"<html") {
            return Sniffed::Html;
        }
        if contains(&lower, b"<rss") || contains(&lower, b"<feed") || contains(&lower, b"<rdf:rdf")
        {
            return Sniffed::Feed;
        }
        if lower.starts_with(b"<?xml") && !matches!(ext, Some("html" | "htm" | "xhtml")) {
            return Sniffed::Feed;
        }
        return Sniffed::Html;
    }
    match ext {
        Some("html" | "htm" | "shtml" | "xhtml" | "aspx" | "asp" | "php" | "jsp" | "cfm") => {
            return Sniffed::Html
        }
        Some("rss" | "atom" | "xml") => return Sniffed::Feed,
        Some("jsonl" | "ndjson" | "json") => return Sniffed::Jsonl,
        _ => {}
    }
    if lead.starts_with(b"{") {
        return Sniffed::Jsonl;
    }
    Sniffed::Text
}

/// True when the bytes look like a binary file: a NUL byte anywhere, or many
/// control characters in the first few KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

pub(crate) fn utf8<'a>(locator: &str, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        path: locator.to_string(),
        offset: e.valid_up_to(),
    })
}

/// Parses bytes already read (the fuzzing entry point). `locator` names the
/// input in errors and in `meta.locator`; `ext` is the file extension hint,
/// if any. One result per document; never panics.
pub fn parse_bytes(
    locator: &str,
    ext: Option<&str>,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Vec<Result<Document, IngestError>> {
    // Parsers are meant not to panic; should one have a bug, the file fails
    // and the batch goes on.
    match catch_unwind(AssertUnwindSafe(|| {
        parse_unguarded(locator, ext, bytes, opts)
    })) {
        Ok(results) => results,
        Err(panic) => vec![Err(IngestError::Internal {
            path: locator.to_string(),
            reason: panic_message(panic.as_ref()),
        })],
    }
}

pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
        .replace('\n', " ")
}

fn parse_unguarded(
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
    let id = ContentHash::of(bytes);
    // UTF-16 text announces itself with a byte-order mark; everything after
    // this works on UTF-8.
    let transcoded;
    let body: &[u8] = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => {
            transcoded = enc.decode(bytes).0.into_owned().into_bytes();
            &transcoded
        }
        _ => bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes),
    };
    if body.trim_ascii().is_empty() {
        return vec![Err(IngestError::Empty { path: path() })];
    }
    let kind = sniff(body, ext);
    if kind == Sniffed::Pdf {
        return vec![pdf::parse(locator, id, bytes)];
    }
    if looks_binary(body) {
        return vec![Err(IngestError::Binary { path: path() })];
    }
    match kind {
        Sniffed::Html => vec![html::parse(locator, id, body)],
        Sniffed::Feed => feed::parse(locator, body),
        Sniffed::Jsonl => jsonl::parse(locator, body),
        Sniffed::Text | Sniffed::Pdf => vec![utf8(locator, body).and_then(|s| {
            finish(
                locator,
                id,
                DocFormat::Text,
                DocumentMeta::default(),
                s,
                true,
            )
        })],
    }
}

/// The host of an `http(s)` URL, without `www.`: the publisher of last
/// resort.
fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Shared last step for every format: clean the text, fill in what the text
/// itself says (original source, title, date), refuse documents with no
/// text.
pub(crate) fn finish(
    locator: &str,
    id: ContentHash,
    format: DocFormat,
    mut meta: DocumentMeta,
    raw_text: &str,
    title_from_first_line: bool,
) -> Result<Document, IngestError> {
    let cleaned = clean::clean(raw_text);
    if cleaned.text.is_empty() {
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
    if meta.publisher.is_none() {
        meta.publisher = meta.url.as_deref().and_then(url_host);
    }
    if meta.published.is_some() {
        meta.published_from.get_or_insert_with(|| "metadata".into());
    } else if let Some((d, from)) = dates::from_text(&cleaned.text) {
        meta.published = Some(d);
        meta.published_from = Some(from.to_string());
    } else if let Some(d) = dates::from_file_name(locator) {
        meta.published = Some(d);
        meta.published_from = Some("file name".into());
    } else {
        meta.published_from = None;
    }
    Ok(Document {
        id,
        format,
        meta,
        text: cleaned.text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_prefers_content_to_extension() {
        let cases: [(&[u8], Option<&str>, Sniffed); 12] = [
            (b"%PDF-1.4 ...", Some("txt"), Sniffed::Pdf),
            (b"<!DOCTYPE html><html>", None, Sniffed::Html),
            (
                b"  <!-- http://x.example/ --><p>a</p>",
                Some("shtml"),
                Sniffed::Html,
            ),
            (b"<p>fragment</p>", None, Sniffed::Html),
            (b"<?xml version=\"1.0\"?><rss>", Some("html"), Sniffed::Feed),
            (b"<?xml version=\"1.0\"?><html>", None, Sniffed::Html),
            (
                b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                None,
                Sniffed::Feed,
            ),
            (b"{\"text\": \"a\"}", None, Sniffed::Jsonl),
            (b"[{\"text\": \"a\"}]", Some("json"), Sniffed::Jsonl),
            (b"[Updated] A story", None, Sniffed::Text),
            (b"Body text", Some("aspx"), Sniffed::Html),
            (b"Body text", None, Sniffed::Text),
        ];
        for (bytes, ext, want) in cases {
            assert_eq!(
                sniff(bytes, ext),
                want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kabul report line.".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let r = parse_bytes("u16.txt", None, &bytes, &IngestOptions::default());
        assert_eq!(r[0].as_ref().unwrap().text, "Kabul report line.");
    }

    #[test]
    fn publisher_falls_back_to_the_url_host() {
        assert_eq!(
            url_host("https://www.Example.org/a?b").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            url_host("http://user@news.example:8080/").as_deref(),
            Some("news.example")
        );
        assert_eq!(url_host("ftp://x.example/"), None);
        assert_eq!(url_host("https://localhost/"), None);
    }
}
