//! JSONL: one JSON object per line with `text` (required) and optional
//! `title`, `url`, `published` (ISO date or datetime at any precision, or
//! any shape [`crate::parse_date_str`] reads) and `source` (the publisher).
//!
//! Each line is its own document, its id the hash of the line's bytes. A bad
//! line (not UTF-8, not JSON, not an object, `text` missing, a field of the
//! wrong type, an unreadable date) is one error naming `file:LINE` and the
//! field; the other lines go on. A `.json` file holding one pretty-printed
//! object, or an array of them, is read too.

use crate::{dates::parse_date_str, finish, IngestError};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

fn bad(item: &str, reason: String) -> IngestError {
    IngestError::Malformed {
        path: item.to_string(),
        format: "JSONL record",
        reason,
    }
}

/// The fields we read; others are ignored. Borrowed where the JSON string
/// has no escapes.
#[derive(Deserialize)]
struct Record<'a> {
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    url: Option<&'a RawValue>,
    #[serde(borrow)]
    published: Option<&'a RawValue>,
    #[serde(borrow)]
    source: Option<&'a RawValue>,
}

/// A string field: absent, `null` and blank are `None`; another type is an
/// error naming the field.
fn string_field(
    raw: Option<&RawValue>,
    field: &str,
    item: &str,
) -> Result<Option<String>, IngestError> {
    let Some(raw) = raw else { return Ok(None) };
    let json = raw.get();
    if json == "null" {
        return Ok(None);
    }
    match serde_json::from_str::<Cow<'_, str>>(json) {
        Ok(s) => {
            let t = s.trim();
            Ok((!t.is_empty()).then(|| t.to_string()))
        }
        Err(_) => {
            let shown: String = json.chars().take(40).collect();
            Err(bad(
                item,
                format!("field `{field}` must be a string, not {shown}"),
            ))
        }
    }
}

fn record(item: &str, line: &str) -> Result<Document, IngestError> {
    if !line.starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Ok(_) => bad(item, "not a JSON object".into()),
            Err(e) => bad(item, format!("not JSON: {e}")),
        });
    }
    let rec: Record<'_> = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            bad(item, e.to_string())
        } else {
            bad(item, format!("not JSON: {e}"))
        }
    })?;
    let text = string_field(rec.text, "text", item)?
        .ok_or_else(|| bad(item, "field `text` is missing or empty".into()))?;
    let published = match string_field(rec.published, "published", item)? {
        Some(p) => Some(parse_date_str(&p).ok_or_else(|| {
            bad(
                item,
                format!("field `published`: cannot read {p:?} as a date"),
            )
        })?),
        None => None,
    };
    let meta = DocumentMeta {
        title: string_field(rec.title, "title", item)?,
        url: string_field(rec.url, "url", item)?,
        publisher: string_field(rec.source, "source", item)?,
        published,
        published_from: published.map(|_| "metadata".to_string()),
        ..DocumentMeta::default()
    };
    finish(
        item,
        ContentHash::of(line.as_bytes()),
        DocFormat::Jsonl,
        meta,
        &text,
        false,
    )
}

pub(crate) fn parse(locator: &str, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    if let Some(whole) = whole_json(locator, bytes) {
        return whole;
    }
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let item = format!("{locator}:{}", i + 1);
        out.push(match std::str::from_utf8(line) {
            Ok(l) => record(&item, l),
            Err(e) => Err(IngestError::InvalidUtf8 {
                path: item,
                offset: e.valid_up_to(),
            }),
        });
    }
    out
}

/// A file that is one JSON value: an array is a record per element
/// (`file#item-N`), an object spread over several lines one record. `None`
/// for anything else, which then is read line by line.
fn whole_json(locator: &str, bytes: &[u8]) -> Option<Vec<Result<Document, IngestError>>> {
    let src = std::str::from_utf8(bytes).ok()?.trim();
    if src.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(src).ok()?;
        if items.is_empty() {
            return Some(vec![Err(IngestError::NoText {
                path: locator.to_string(),
            })]);
        }
        return Some(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| record(&format!("{locator}#item-{}", i + 1), v.get()))
                .collect(),
        );
    }
    let first_line = src.lines().next()?;
    if first_line.len() < src.len() && serde_json::from_str::<&RawValue>(first_line).is_err() {
        serde_json::from_str::<&RawValue>(src).ok()?;
        return Some(vec![record(locator, src)]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let mut src = b"{\"text\":\"One.\",\"title\":\"T\",\"published\":\"2021-03\",\"source\":\"W\",\"url\":\"https://w.example/1\",\"extra\":[1,2]}\n\n{bad\n{\"title\":\"x\"}\n[1]\n{\"text\":\"Two.\",\"published\":\"soon\"}\n{\"text\":5}\n".to_vec();
        src.extend("{\"text\":\"café \\u00e9\\n\\nsecond\"}\r\n".as_bytes());
        src.extend(b"\xff\n");
        let r = parse("r.jsonl", &src);
        assert_eq!(r.len(), 8);
        let d = r[0].as_ref().unwrap();
        assert_eq!(d.meta.published.unwrap().to_string(), "2021-03");
        assert_eq!(d.meta.published_from.as_deref(), Some("metadata"));
        assert_eq!(d.meta.publisher.as_deref(), Some("W"));
        assert_eq!(d.meta.locator, "r.jsonl:1");
        let errs: Vec<String> = r[1..6]
            .iter()
            .map(|x| x.as_ref().unwrap_err().to_string())
            .collect();
        assert!(
            errs[0].starts_with("r.jsonl:3: malformed JSONL record: not JSON"),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].contains("r.jsonl:4") && errs[1].contains("`text`"),
            "{}",
            errs[1]
        );
        assert!(errs[2].contains("not a JSON object"), "{}", errs[2]);
        assert!(errs[3].contains("`published`"));
        assert!(errs[4].contains("`text` must be a string"), "{}", errs[4]);
        assert_eq!(r[6].as_ref().unwrap().text, "café é\n\nsecond");
        assert_eq!(
            r[7].as_ref().unwrap_err().to_string(),
            "r.jsonl:9: invalid UTF-8 at byte 0"
        );
        // The id is the line's own: the same line elsewhere, the same id.
        let again = parse("other.jsonl", b"\n\n{\"text\":\"One.\",\"title\":\"T\",\"published\":\"2021-03\",\"source\":\"W\",\"url\":\"https://w.example/1\",\"extra\":[1,2]}");
        assert_eq!(again[0].as_ref().unwrap().id, d.id);
    }

    #[test]
    fn whole_json_files() {
        let obj = "{\n  \"text\": \"One object.\",\n  \"title\": \"T\"\n}\n";
        let r = parse("a.json", obj.as_bytes());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].as_ref().unwrap().meta.locator, "a.json");
        let arr = "[\n {\"text\": \"First.\"},\n {\"title\": \"no text\"}\n]";
        let r = parse("b.json", arr.as_bytes());
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].as_ref().unwrap().text, "First.");
        assert!(r[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("b.json#item-2: "));
    }
}
