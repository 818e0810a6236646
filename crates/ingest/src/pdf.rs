//! PDF: the text layer, through `pdf-extract`.
//!
//! PDF parsers can panic on hostile input; the call runs under
//! `catch_unwind`, and a panic becomes a `Malformed` error naming the file.

use crate::{finish, IngestError};
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

pub(crate) fn parse(locator: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    let malformed = |reason: String| IngestError::Malformed {
        path: locator.to_string(),
        format: "PDF",
        reason,
    };
    if !bytes.starts_with(b"%PDF-") {
        return Err(malformed("no %PDF- header".into()));
    }
    let owned = bytes.to_vec();
    let result = std::panic::catch_unwind(move || pdf_extract::extract_text_from_mem(&owned));
    let text = match result {
        Ok(Ok(t)) => t,
        Ok(Err(e)) => return Err(malformed(e.to_string())),
        Err(_) => return Err(malformed("the PDF parser gave up on this file".into())),
    };
    // pdf-extract separates pages with form feeds and lines with newlines;
    // blank lines already mark paragraphs.
    let text = text.replace('\u{c}', "\n\n");
    finish(
        locator,
        ContentHash::of(bytes),
        DocFormat::Pdf,
        DocumentMeta::default(),
        &text,
        true,
    )
}
