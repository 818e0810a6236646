//! The prediction file format of `shared/eval/README.md`, which is also the
//! shape of the gold files: serde types, reading and writing.
//!
//! One [`File`] per document: its `entities`, `ties`, `events` and `claims`,
//! each naming entities by the file's own ids. Gold files add `required`
//! (`false` marks an item that is accepted but not demanded), `alternatives`
//! (other accepted values) and `boilerplate`. Fields not listed here are
//! ignored, as `score.py` ignores them.
//!
//! Reading is as lenient as `score.py` where the scorer is (a missing or
//! `null` field means "absent", a missing list is empty) and stricter where
//! it is not: a field of the wrong type (`"required": "false"`, a number as
//! a name) is an [`EvalError::Field`] naming the file and the field, where
//! `score.py` would crash or quietly coerce it (it reads `"required": "false"`
//! as required). Duplicate keys keep the last value, as Python's `json` does.
//!
//! ```
//! use untangle_extract::predict::{self, Entity, File};
//!
//! let text = r#"{"entities": [{"id": "e1", "type": "person", "name": "Liora Venn",
//!                "aliases": ["Venn"], "nationality": "ignored"}]}"#;
//! let file = predict::parse(text, "venn.json".as_ref()).unwrap();
//! assert_eq!(file.entities[0].name.as_deref(), Some("Liora Venn"));
//! assert!(file.entities[0].is_required());
//!
//! let err = predict::parse(r#"{"entities": [{"id": 7}]}"#, "bad.json".as_ref()).unwrap_err();
//! assert_eq!(err.to_string(), "bad.json: field entities[0].id: invalid type: integer `7`, expected a string");
//! ```

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

/// How gold files end: `NAME.gold.json`.
pub const GOLD_SUFFIX: &str = ".gold.json";
/// How prediction files end: `NAME.json`.
pub const PRED_SUFFIX: &str = ".json";

/// Why a gold or prediction file could not be used. `Display` is one line,
/// `<path>: <reason>`. Every variant is a fault of the input files.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{}: invalid UTF-8 at byte {offset}", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{}: not JSON: {message} at line {line} column {column}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A field has the wrong type, or a gold file lacks a field the scorer
    /// needs. `field` is a path such as `entities[3].aliases[0]`, or
    /// `(whole file)`.
    #[error("{}: field {field}: {message}", path.display())]
    Field {
        path: PathBuf,
        field: String,
        message: String,
    },
    #[error("no *.gold.json in {}", dir.display())]
    NoGold { dir: PathBuf },
}

impl EvalError {
    /// The file (or, for [`EvalError::NoGold`], the folder) at fault.
    pub fn path(&self) -> &Path {
        match self {
            EvalError::Io { path, .. }
            | EvalError::NotUtf8 { path, .. }
            | EvalError::Json { path, .. }
            | EvalError::Field { path, .. } => path,
            EvalError::NoGold { dir } => dir,
        }
    }
}

/// One document's extraction: a prediction, or (with `required`,
/// `alternatives`, `boilerplate`) a gold answer key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct File {
    /// Path or id of the input document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Publication date, ISO 8601 with the precision known (`2021-03`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The original a repost copies (`Source: URL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_source: Option<String>,
    /// Gold only: lines that are not the article. The scorer does not read
    /// them; an entity found only there is simply not in the gold.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub boilerplate: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub entities: Vec<Entity>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub ties: Vec<Tie>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub events: Vec<Event>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub claims: Vec<Claim>,
}

/// Other accepted values on a gold item. Which keys count depends on the
/// item: entity `type`; tie `predicate`, `subject`, `object`; event
/// `agents`, `targets`, `location`; claim `speaker`. Others are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternatives {
    #[serde(
        rename = "type",
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub kind: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub predicate: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub subject: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub object: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub agents: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub targets: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub location: Vec<String>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub speaker: Vec<String>,
}

/// A person, organization, location or agreement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The file's id for it. Prediction entities without one are ignored by
    /// the scorer; gold entities must have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `person`, `organization`, `location`, `agreement`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// The canonical name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Every other surface form.
    #[serde(default, deserialize_with = "null_as_default")]
    pub aliases: Vec<String>,
    /// Gold only: `Some(false)` for an accepted but not demanded entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Gold only: other accepted `type`s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Alternatives>,
}

/// `subject predicate object`, asserted or denied.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tie {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predicate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// `asserted` (the default), `denied` or `hedged`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub polarity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Alternatives>,
}

/// A PLOVER event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub agents: Vec<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub targets: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// ISO 8601 with the precision the text supports: `2020`, `2020-10`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Alternatives>,
}

/// An attributed statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(default, deserialize_with = "null_as_default")]
    pub about: Vec<String>,
    /// `supports`, `disputes`, `neutral`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternatives: Option<Alternatives>,
}

macro_rules! required_and_alternatives {
    ($($t:ty),*) => {$(
        impl $t {
            /// Demanded by the gold: anything but an explicit `"required": false`.
            pub fn is_required(&self) -> bool {
                self.required != Some(false)
            }

            /// The alternatives, or none.
            pub fn alternatives(&self) -> &Alternatives {
                static NONE: Alternatives = Alternatives {
                    kind: Vec::new(),
                    predicate: Vec::new(),
                    subject: Vec::new(),
                    object: Vec::new(),
                    agents: Vec::new(),
                    targets: Vec::new(),
                    location: Vec::new(),
                    speaker: Vec::new(),
                };
                self.alternatives.as_ref().unwrap_or(&NONE)
            }
        }
    )*};
}
required_and_alternatives!(Entity, Tie, Event, Claim);

impl Tie {
    /// `"polarity": "denied"`; anything else (or nothing) is asserted.
    pub fn is_denied(&self) -> bool {
        self.polarity.as_deref() == Some("denied")
    }
}

/// A missing or `null` value reads as the type's default (an empty list).
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Parse the text of one file; `path` only names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<File, EvalError> {
    // Through `Value` first: duplicate keys keep the last value, as in
    // Python, and syntax errors stay apart from type errors.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| EvalError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    // serde would read a list as a struct, field by field: refuse that.
    if let Err((field, found)) = objects_where_expected(&value) {
        return Err(EvalError::Field {
            path: path.to_path_buf(),
            field,
            message: format!("invalid type: {found}, expected an object"),
        });
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        EvalError::Field {
            path: path.to_path_buf(),
            field: if field == "." {
                "(whole file)".to_string()
            } else {
                field
            },
            message: e.into_inner().to_string(),
        }
    })
}

/// The file, its items and their `alternatives` must be objects; else the
/// field and what was found there.
fn objects_where_expected(v: &serde_json::Value) -> Result<(), (String, String)> {
    use serde_json::Value;
    fn found(v: &Value) -> String {
        match v {
            Value::Null => "null".to_string(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(n) => format!("number `{n}`"),
            Value::String(s) => format!("string {s:?}"),
            Value::Array(_) => "sequence".to_string(),
            Value::Object(_) => "map".to_string(),
        }
    }
    let Value::Object(top) = v else {
        return Err(("(whole file)".to_string(), found(v)));
    };
    for key in ["entities", "ties", "events", "claims"] {
        let Some(Value::Array(items)) = top.get(key) else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let Value::Object(fields) = item else {
                return Err((format!("{key}[{i}]"), found(item)));
            };
            match fields.get("alternatives") {
                None | Some(Value::Null) | Some(Value::Object(_)) => {}
                Some(alt) => return Err((format!("{key}[{i}].alternatives"), found(alt))),
            }
        }
    }
    Ok(())
}

/// serde_json's message without its " at line L column C" suffix.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_string()
}

/// Read and parse one file.
pub fn read_file(path: &Path) -> Result<File, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| EvalError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.valid_up_to(),
    })?;
    parse(text, path)
}

/// Write `file` as pretty JSON (creating or replacing `path`).
pub fn write_file(path: &Path, file: &File) -> Result<(), EvalError> {
    let mut text = to_json(file);
    text.push('\n');
    std::fs::write(path, text).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// `file` as pretty JSON.
pub fn to_json(file: &File) -> String {
    // Only strings, numbers, lists and maps with string keys: cannot fail.
    serde_json::to_string_pretty(file).expect("a prediction file serializes")
}

/// The files of `dir` whose names end with `suffix`, as `(NAME, path)` with
/// the suffix cut off, sorted by file name (as `score.py` sorts them).
/// Hidden files count, as they do for Python's `Path.glob`; names that are
/// not UTF-8 are skipped.
pub fn list(dir: &Path, suffix: &str) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let io_err = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let entry = entry.map_err(io_err)?;
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if let Some(name) = file_name.strip_suffix(suffix) {
            out.push((file_name.to_string(), name.to_string(), entry.path()));
        }
    }
    // By whole file name, as Python sorts paths ("a-b.json" before "a.json").
    out.sort();
    Ok(out
        .into_iter()
        .map(|(_, name, path)| (name, path))
        .collect())
}

/// The gold files of `dir` (`NAME.gold.json`), sorted by name; an error if
/// there are none.
pub fn gold_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let out = list(dir, GOLD_SUFFIX)?;
    if out.is_empty() {
        return Err(EvalError::NoGold {
            dir: dir.to_path_buf(),
        });
    }
    Ok(out)
}

/// Read every `*.json` file of `dir`, sorted by name. The name is the file
/// name without `.gold.json` (gold files) or `.json` (predictions).
pub fn read_dir(dir: &Path) -> Result<Vec<(String, File)>, EvalError> {
    list(dir, PRED_SUFFIX)?
        .into_iter()
        .map(|(name, path)| {
            let name = match name.strip_suffix(".gold") {
                Some(stem) => stem.to_string(),
                None => name,
            };
            Ok((name, read_file(&path)?))
        })
        .collect()
}
