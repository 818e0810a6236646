//! JSONL: one JSON object per line with `text` and optional `title`, `url`,
//! `published`, `source`. A bad line is one error naming `file:LINE` and the
//! field; the other lines go on.

use crate::{dates::parse_date_str, finish, IngestError};
use serde_json::Value;
use untangle_model::{ContentHash, DocFormat, Document, DocumentMeta};

fn bad(item: &str, reason: String) -> IngestError {
    IngestError::Malformed {
        path: item.to_string(),
        format: "JSONL record",
        reason,
    }
}

fn optional_str(
    obj: &serde_json::Map<String, Value>,
    field: &str,
    item: &str,
) -> Result<Option<String>, IngestError> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(other) => Err(bad(
            item,
            format!("field `{field}` must be a string, not {other}"),
        )),
    }
}

fn record(item: &str, line: &str) -> Result<Document, IngestError> {
    let v: Value = serde_json::from_str(line).map_err(|e| bad(item, format!("not JSON: {e}")))?;
    let Value::Object(obj) = v else {
        return Err(bad(item, "not a JSON object".into()));
    };
    let text = optional_str(&obj, "text", item)?
        .ok_or_else(|| bad(item, "field `text` is missing or empty".into()))?;
    let published = match optional_str(&obj, "published", item)? {
        Some(p) => Some(parse_date_str(&p).ok_or_else(|| {
            bad(
                item,
                format!("field `published`: cannot read {p:?} as a date"),
            )
        })?),
        None => None,
    };
    let meta = DocumentMeta {
        title: optional_str(&obj, "title", item)?,
        url: optional_str(&obj, "url", item)?,
        publisher: optional_str(&obj, "source", item)?,
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

pub(crate) fn parse(locator: &str, src: &str) -> Vec<Result<Document, IngestError>> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| record(&format!("{locator}:{}", i + 1), l.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_lines() {
        let src = "{\"text\":\"One.\",\"title\":\"T\",\"published\":\"2021-03\",\"source\":\"W\",\"url\":\"https://w.example/1\"}\n\n{bad\n{\"title\":\"x\"}\n[1]\n{\"text\":\"Two.\",\"published\":\"soon\"}\n{\"text\":5}\n";
        let r = parse("r.jsonl", src);
        assert_eq!(r.len(), 6);
        let d = r[0].as_ref().unwrap();
        assert_eq!(d.meta.published.unwrap().to_string(), "2021-03");
        assert_eq!(d.meta.publisher.as_deref(), Some("W"));
        assert_eq!(d.meta.locator, "r.jsonl:1");
        let errs: Vec<String> = r[1..]
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
        assert!(errs[2].contains("not a JSON object"));
        assert!(errs[3].contains("`published`"));
        assert!(errs[4].contains("`text` must be a string"));
    }
}
