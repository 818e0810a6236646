//! PDF: the text layer, page by page, through `lopdf` and `pdf-extract`;
//! the title from the document information dictionary when it is a real
//! one.
//!
//! Those parsers trust their input more than a batch over untrusted files
//! can afford, so the work is fenced in:
//!
//! - **Panics** (pdf-extract unwraps freely) are caught and become a
//!   `Malformed` error naming the file. While the parser runs, a panic hook
//!   (installed once, wrapping whatever hook was there before) keeps such
//!   panics from printing; panics anywhere else are reported as before.
//! - **Stack overflows** cannot be caught, so what would cause one is
//!   refused first: the parsers recurse once per level of `[`, `<<` (and
//!   `{` in fonts and functions) nesting, so nesting is measured in the file
//!   and inside every stream, decoded (Flate, LZW, ASCII85) as the parsers
//!   would decode it. The parser also runs on a thread with a large stack.
//! - **Endless loops and blow-ups**: a page tree whose `/Parent` links loop,
//!   form XObjects that draw themselves, and streams that inflate past
//!   256 MiB (2 GiB for the whole file) are refused before pdf-extract
//!   walks them.

use crate::{finish, IngestError};
use pdf_extract::{Dictionary, Document as Pdf, Object, ObjectId};
use std::cell::Cell;
use std::collections::HashSet;
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

/// Deepest nesting of arrays and dictionaries accepted in the file's own
/// syntax (real PDFs stay under 10).
const MAX_NESTING: usize = 64;
/// Deepest nesting accepted inside a decoded stream. Higher, because binary
/// stream data (images, fonts) nests by chance; still far below what
/// overflows the parser's stack.
const MAX_STREAM_NESTING: usize = 2048;
/// Most bytes one stream may decode to, and all streams of one file.
const MAX_STREAM_DECODED: usize = 256 << 20;
const MAX_DECODED: usize = 2 << 30;
/// Deepest chain of form XObjects drawing form XObjects, and most form
/// XObjects drawn in all (a form drawn twice by a form drawn twice … is
/// exponential work).
const MAX_FORM_DEPTH: usize = 32;
const MAX_FORM_DRAWS: usize = 10_000;
/// Stack for the parser thread.
const STACK: usize = 64 << 20;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic and keeping it from printing.
fn quietly<R>(f: impl FnOnce() -> R) -> std::thread::Result<R> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The deepest nesting of `[`, `<<` and `{` outside strings and comments;
/// with `skip_streams`, stream data (binary) is skipped too.
fn nesting_depth(bytes: &[u8], skip_streams: bool) -> usize {
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut level = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                max = max.max(depth);
                i += 1;
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if skip_streams && bytes[i..].starts_with(b"stream") => {
                let rest = &bytes[i..];
                i += find(rest, b"endstream").map_or(rest.len(), |p| p + 9);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    max
}

/// A stream's data as the parsers would decode it, for the nesting check.
/// Flate is inflated here with a cap (the parser would inflate a bomb
/// whole); LZW and ASCII85 go through lopdf, whose output is bounded by its
/// input. `None` when a filter fails, as the parser then reads the raw data.
fn decode_for_check(
    dict: &[u8],
    data: &[u8],
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, String> {
    let mut filters: Vec<(usize, &[u8])> = [&b"/FlateDecode"[..], b"/LZWDecode", b"/ASCII85Decode"]
        .iter()
        .flat_map(|f| {
            let mut at = Vec::new();
            let mut from = 0;
            while let Some(p) = find(&dict[from..], f) {
                at.push((from + p, &f[1..]));
                from += p + f.len();
            }
            at
        })
        .collect();
    if filters.is_empty() {
        return Ok(None);
    }
    filters.sort_unstable();
    let mut cur = data.to_vec();
    for (_, f) in filters {
        let out = if f == b"FlateDecode" {
            let mut out = Vec::new();
            let cap = (MAX_STREAM_DECODED.min(*budget) as u64).saturating_add(1);
            // A broken stream keeps what inflated before the break, as lopdf
            // does.
            let _ = flate2::read::ZlibDecoder::new(cur.as_slice())
                .take(cap)
                .read_to_end(&mut out);
            out
        } else {
            let mut d = Dictionary::new();
            d.set("Filter", Object::Name(f.to_vec()));
            match pdf_extract::Stream::new(d, cur).decompressed_content() {
                Ok(out) => out,
                Err(_) => return Ok(None),
            }
        };
        if out.len() > MAX_STREAM_DECODED {
            return Err(format!(
                "a stream decodes to more than {} MiB",
                MAX_STREAM_DECODED >> 20
            ));
        }
        if out.len() > *budget {
            return Err(format!(
                "streams decode to more than {} MiB",
                MAX_DECODED >> 20
            ));
        }
        *budget -= out.len();
        cur = out;
    }
    Ok(Some(cur))
}

/// Checks the file's own syntax and every stream, raw and decoded, for
/// nesting the recursive parsers could not survive, and streams for
/// decompression bombs.
fn check_bytes(bytes: &[u8]) -> Result<(), String> {
    if nesting_depth(bytes, true) > MAX_NESTING {
        return Err(format!(
            "arrays or dictionaries nested deeper than {MAX_NESTING} levels"
        ));
    }
    let mut budget = MAX_DECODED;
    let mut i = 0;
    while let Some(p) = find(&bytes[i..], b"stream") {
        let at = i + p;
        i = at + 6;
        if bytes[..at].ends_with(b"end") {
            continue;
        }
        let start = match (bytes.get(i), bytes.get(i + 1)) {
            (Some(b'\r'), Some(b'\n')) => i + 2,
            (Some(b'\n' | b'\r'), _) => i + 1,
            _ => continue,
        };
        // The stream's dictionary: from its `obj` keyword (at most 64 KiB
        // back) to `stream`.
        let back = at.saturating_sub(64 << 10);
        let dict = &bytes[back + rfind(&bytes[back..at], b"obj").map_or(0, |q| q + 3)..at];
        // Its data: up to `endstream`, or further if `/Length` says so.
        let mut end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |q| start + q);
        if let Some(len) = direct_length(dict) {
            end = end.max(start.saturating_add(len).min(bytes.len()));
        }
        let data = &bytes[start..end];
        i = end;
        if nesting_depth(data, false) > MAX_STREAM_NESTING {
            return Err(format!(
                "a stream nests deeper than {MAX_STREAM_NESTING} levels"
            ));
        }
        if let Some(decoded) = decode_for_check(dict, data, &mut budget)? {
            if nesting_depth(&decoded, false) > MAX_STREAM_NESTING {
                return Err(format!(
                    "a stream nests deeper than {MAX_STREAM_NESTING} levels"
                ));
            }
        }
    }
    Ok(())
}

/// `/Length 1234` (a direct number, not a reference) in a stream dictionary.
fn direct_length(dict: &[u8]) -> Option<usize> {
    let p = find(dict, b"/Length")? + 7;
    let rest = &dict[p..];
    let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = &rest[digits..];
    let after = &after[after.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    // `5 0 R` is a reference.
    if after.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(&rest[..digits]).ok()?.parse().ok()
}

fn deref<'a>(doc: &'a Pdf, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

fn dict_of<'a>(doc: &'a Pdf, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    deref(doc, d.get(key).ok()?)?.as_dict().ok()
}

/// The names a content stream draws with `Do`.
fn drawn(content: &[u8]) -> Vec<Vec<u8>> {
    pdf_extract::content::Content::decode(content)
        .map(|c| {
            c.operations
                .into_iter()
                .filter(|op| op.operator == "Do")
                .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
                .collect()
        })
        .unwrap_or_default()
}

/// Walks what pdf-extract will walk, without extracting: each page's
/// `/Parent` chain (it looks up inherited attributes along it) and the form
/// XObjects each page draws, recursively, as pdf-extract does.
fn check_structure(doc: &Pdf) -> Result<(), String> {
    let mut draws = 0usize;
    for (_, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        // The parent chain, and the first Resources up it.
        let mut seen: HashSet<ObjectId> = HashSet::from([page_id]);
        let mut resources = dict_of(doc, page, b"Resources");
        let mut node = page;
        while let Ok(parent) = node.get(b"Parent").and_then(Object::as_reference) {
            if !seen.insert(parent) || seen.len() > 256 {
                return Err("the page tree loops (a page is its own ancestor)".into());
            }
            let Ok(next) = doc.get_dictionary(parent) else {
                break;
            };
            node = next;
            if resources.is_none() {
                resources = dict_of(doc, node, b"Resources");
            }
        }
        let Some(resources) = resources else { continue };
        let Ok(content) = doc.get_page_content(page_id) else {
            continue;
        };
        // Depth-first over forms drawing forms, with the forms on the
        // current path: drawing one of those again would never end.
        struct Frame<'a> {
            names: Vec<Vec<u8>>,
            next: usize,
            resources: &'a Dictionary,
            form: Option<ObjectId>,
        }
        let mut path: Vec<Frame<'_>> = vec![Frame {
            names: drawn(&content),
            next: 0,
            resources,
            form: None,
        }];
        while let Some(top) = path.last_mut() {
            let Some(name) = top.names.get(top.next) else {
                path.pop();
                continue;
            };
            top.next += 1;
            let resources = top.resources;
            let Some(id) = dict_of(doc, resources, b"XObject")
                .and_then(|x| x.get(name).ok())
                .and_then(|o| o.as_reference().ok())
            else {
                continue;
            };
            if path.iter().any(|f| f.form == Some(id)) {
                return Err("a form XObject draws itself".into());
            }
            draws += 1;
            if draws > MAX_FORM_DRAWS || path.len() > MAX_FORM_DEPTH {
                return Err("form XObjects nest too deep or are drawn too often".into());
            }
            let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
                continue;
            };
            let content = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            path.push(Frame {
                names: drawn(&content),
                next: 0,
                resources: dict_of(doc, &stream.dict, b"Resources").unwrap_or(resources),
                form: Some(id),
            });
        }
    }
    Ok(())
}

/// A title from the information dictionary, unless it is a file name or a
/// placeholder (`Microsoft Word - report.docx`, `untitled`).
fn info_title(doc: &Pdf) -> Option<String> {
    let info = deref(doc, doc.trailer.get(b"Info").ok()?)?.as_dict().ok()?;
    let raw = deref(doc, info.get(b"Title").ok()?)?;
    let title = match raw {
        Object::String(bytes, _) => pdf_extract::decode_text_string(raw)
            .ok()
            .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned()),
        _ => return None,
    };
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = title.to_lowercase();
    let placeholder = lower.starts_with("untitled")
        || lower.starts_with("microsoft ")
        || [".doc", ".pdf", ".rtf", ".odt", ".indd", ".tex"]
            .iter()
            .any(|ext| lower.contains(ext));
    let len = title.chars().count();
    (!placeholder && (3..=300).contains(&len)).then_some(title)
}

/// The text of every page, pages separated by a page break, and the title.
fn extract(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let mut doc = Pdf::load_mem(bytes).map_err(|e| e.to_string())?;
    if doc.is_encrypted() {
        doc.decrypt("")
            .map_err(|_| "encrypted with a password".to_string())?;
    }
    check_structure(&doc)?;
    let title = info_title(&doc);
    let mut text = String::new();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    for n in pages {
        let mut page = String::new();
        {
            let mut out = pdf_extract::PlainTextOutput::new(&mut page);
            pdf_extract::output_doc_page(&doc, &mut out, n).map_err(|e| e.to_string())?;
        }
        if !text.is_empty() {
            text.push('\u{c}');
        }
        text.push_str(&page);
    }
    Ok((text, title))
}

/// Runs the extraction on a thread with a large stack (or here, should no
/// thread be had), panics caught quietly.
fn extract_fenced(bytes: &[u8]) -> std::thread::Result<Result<(String, Option<String>), String>> {
    std::thread::scope(|s| {
        match std::thread::Builder::new()
            .name("pdf".into())
            .stack_size(STACK)
            .spawn_scoped(s, || quietly(|| extract(bytes)))
        {
            Ok(handle) => handle.join().unwrap_or_else(Err),
            Err(_) => quietly(|| extract(bytes)),
        }
    })
}

pub(crate) fn parse(locator: &str, id: ContentHash, bytes: &[u8]) -> Result<Document, IngestError> {
    let malformed = |reason: String| IngestError::Malformed {
        path: locator.to_string(),
        format: "PDF",
        reason,
    };
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return Err(malformed("no %PDF- header".into()));
    }
    check_bytes(bytes).map_err(malformed)?;
    let (text, title) = match extract_fenced(bytes) {
        Ok(Ok(t)) => t,
        Ok(Err(reason)) => return Err(malformed(reason.replace('\n', " "))),
        Err(panic) => {
            return Err(malformed(format!(
                "the PDF parser gave up on this file ({})",
                crate::panic_message(panic.as_ref())
            )))
        }
    };
    let meta = DocumentMeta {
        title,
        ..DocumentMeta::default()
    };
    finish(locator, id, DocFormat::Pdf, meta, &text, true).map_err(|e| match e {
        IngestError::NoText { path } => IngestError::Malformed {
            path,
            format: "PDF",
            reason: "no text layer (a scanned or image-only PDF?)".into(),
        },
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(bytes: &[u8]) -> String {
        parse("t.pdf", ContentHash::of(bytes), bytes)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn nesting_is_measured_outside_strings_and_comments() {
        assert_eq!(nesting_depth(b"<< /A [1 [2]] >>", true), 3);
        assert_eq!(nesting_depth(b"(((( [[[[ ))))", true), 0);
        assert_eq!(nesting_depth(b"% [[[[\n[1]", true), 1);
        assert_eq!(nesting_depth(b"stream\n[[[[[[\nendstream [x]", true), 1);
        assert_eq!(nesting_depth(b"stream\n[[[[[[\nendstream [x]", false), 7);
        assert_eq!(
            direct_length(b"<< /Length 44 /Filter /FlateDecode >>"),
            Some(44)
        );
        assert_eq!(direct_length(b"<< /Length 5 0 R >>"), None);
    }

    #[test]
    fn hostile_nesting_is_refused_before_parsing() {
        let deep = format!("%PDF-1.4\n1 0 obj {} endobj", "[".repeat(100_000));
        assert!(err(deep.as_bytes()).contains("nested deeper than 64"));
        // The same inside a compressed stream.
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all("[".repeat(1_000_000).as_bytes()).unwrap();
        let packed = z.finish().unwrap();
        let mut pdf = format!(
            "%PDF-1.4\n1 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        pdf.extend(&packed);
        pdf.extend(b"\nendstream\nendobj\n");
        assert!(err(&pdf).contains("a stream nests deeper than 2048"));
    }

    #[test]
    fn decompression_bombs_are_refused() {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(&vec![b' '; 3 << 20]).unwrap();
        let packed = z.finish().unwrap();
        // Within the per-stream cap, but over what is left of the budget.
        let mut budget = 2 << 20;
        let e = decode_for_check(b"<< /Filter /FlateDecode >>", &packed, &mut budget);
        assert_eq!(e, Err("streams decode to more than 2048 MiB".into()));
        let mut budget = 4 << 20;
        let ok = decode_for_check(b"<< /Filter [/FlateDecode] >>", &packed, &mut budget);
        assert_eq!(ok.unwrap().map(|d| d.len()), Some(3 << 20));
        assert_eq!(budget, 1 << 20);
    }

    #[test]
    fn panics_inside_are_caught_quietly() {
        let r = quietly(|| -> u8 { panic!("boom") });
        assert!(r.is_err());
        assert!(!QUIET.with(Cell::get));
        let r = extract_fenced(b"%PDF-1.4 not really");
        assert!(matches!(r, Ok(Err(_))));
    }
}
