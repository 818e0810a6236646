//! Reference lists: the UN Security Council consolidated sanctions list
//! (XML) and OFAC's legacy SDN CSV files, parsed into [`ReferenceEntity`]s.
//!
//! Both lists name the people and groups reports are about, with the
//! spellings their compilers met (aliases, graded by quality) and the ties
//! their narratives state ("Heading the Haqqani Network (TAe.012)"). The
//! parsers take bytes and a file name, do no IO, and fail with an error
//! naming the file, the record and the field.

use crate::names::uninvert;
use once_cell::sync::Lazy;
use quick_xml::events::Event;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use untangle_model::{EntityType, Predicate};

/// Errors from the list parsers. Every variant names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReferenceError {
    #[error("{file}: not well-formed XML at byte {position}: {reason}")]
    Xml {
        file: String,
        position: u64,
        reason: String,
    },
    #[error(
        "{file}: not a UN consolidated list (root element {found:?}, expected CONSOLIDATED_LIST)"
    )]
    NotUnList { file: String, found: String },
    #[error("{file}: record {record}: missing or empty field {field}")]
    Missing {
        file: String,
        record: String,
        field: &'static str,
    },
    #[error("{file}: record {record}: field {field}: {reason}")]
    Field {
        file: String,
        record: String,
        field: &'static str,
        reason: String,
    },
    #[error("{file}: line {line}: {reason}")]
    Csv {
        file: String,
        line: u64,
        reason: String,
    },
    #[error("{file}: {reason}")]
    Format { file: String, reason: String },
}

/// How much the list's compilers trust an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AliasQuality {
    /// Good enough to identify (UN "Good", UN entity "a.k.a."/"f.k.a.",
    /// OFAC aka/fka/nka).
    Good,
    /// Low quality: a nickname or common name that alone would match many
    /// people (UN "Low", OFAC weak a.k.a. in remarks).
    Low,
}

impl AliasQuality {
    pub fn as_str(self) -> &'static str {
        match self {
            AliasQuality::Good => "good",
            AliasQuality::Low => "low",
        }
    }

    pub fn parse(s: &str) -> Option<AliasQuality> {
        match s {
            "good" => Some(AliasQuality::Good),
            "low" => Some(AliasQuality::Low),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Alias {
    pub name: String,
    pub quality: AliasQuality,
    /// The list's own grade, as written (`Good`, `Low`, `a.k.a.`, `f.k.a.`,
    /// `aka`, `fka`, `nka`, `weak aka`).
    pub raw_quality: String,
}

/// Which way a stated tie points from the entity that states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// This entity is the subject: "Heading X" → this leader_of X.
    Out,
    /// This entity is the object: "Co-founded by X" → X founder_of this.
    In,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        match s {
            "out" => Some(Direction::Out),
            "in" => Some(Direction::In),
            _ => None,
        }
    }
}

/// A tie the list's narrative states, with the sentence it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StatedTie {
    pub predicate: Predicate,
    pub direction: Direction,
    /// The other entry's id in the same list, when the text gives it (UN
    /// reference numbers) or its name resolves to one (OFAC "Linked To").
    pub other_id: Option<String>,
    /// The other entry's name as the text gives it.
    pub other_name: Option<String>,
    pub sentence: String,
}

/// One entry of a reference list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceEntity {
    /// `un` or `ofac`.
    pub scheme: String,
    /// UN reference number (`TAi.144`, `QDe.012`) or OFAC uid.
    pub id: String,
    pub kind: EntityType,
    /// UN: FIRST..FOURTH_NAME joined; OFAC: "LAST, First" turned into
    /// "First LAST".
    pub name: String,
    pub aliases: Vec<Alias>,
    pub original_script: Option<String>,
    pub nationality: Vec<String>,
    pub listed_on: Option<String>,
    pub dates_of_birth: Vec<String>,
    /// UN list type (Taliban, Al-Qaida...) or OFAC programmes (SDGT...).
    pub programmes: Vec<String>,
    pub designation: Vec<String>,
    pub titles: Vec<String>,
    pub comments: Option<String>,
    pub addresses: Vec<String>,
    pub ties: Vec<StatedTie>,
}

impl ReferenceEntity {
    /// The primary name and every alias, with quality (the primary name
    /// counts as good).
    pub fn names(&self) -> impl Iterator<Item = (&str, AliasQuality)> {
        std::iter::once((self.name.as_str(), AliasQuality::Good))
            .chain(self.aliases.iter().map(|a| (a.name.as_str(), a.quality)))
    }
}

/// A parsed list with its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferenceList {
    pub scheme: String,
    /// The file it was read from (for provenance and errors).
    pub file: String,
    /// When the list was generated (UN `dateGenerated`), as given.
    pub generated: Option<String>,
    /// The list's date, `YYYY-MM-DD`: what alias history is keyed on.
    pub list_date: Option<String>,
    pub entities: Vec<ReferenceEntity>,
    /// Entries not kept (OFAC vessels and aircraft: not persons or
    /// organisations; rows reusing an id already read).
    pub skipped: usize,
    /// Problems that did not stop the parse, each naming file and line or
    /// record (a row that reuses an id is skipped, not merged).
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Which list a file holds, sniffed from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    UnXml,
    OfacSdnCsv,
}

/// Sniffs a list file: UN XML (root `CONSOLIDATED_LIST`), or OFAC's
/// `sdn.csv` (numeric uid in the first field, `-0-` placeholders).
pub fn sniff(bytes: &[u8]) -> Option<ListKind> {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') && text.contains("CONSOLIDATED_LIST") {
        return Some(ListKind::UnXml);
    }
    let first = t.split(',').next().unwrap_or("");
    if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) && text.contains("-0-") {
        return Some(ListKind::OfacSdnCsv);
    }
    None
}

// ---------------------------------------------------------------- UN XML

#[derive(Default)]
struct UnRecord {
    individual: bool,
    dataid: String,
    names: [String; 4],
    list_type: String,
    reference: String,
    listed_on: String,
    original_script: String,
    comments: String,
    titles: Vec<String>,
    designation: Vec<String>,
    nationality: Vec<String>,
    aliases: Vec<(String, String)>,
    alias: (String, String),
    dobs: Vec<String>,
    dob: HashMap<String, String>,
    addresses: Vec<String>,
    address: Vec<String>,
}

fn xml_err(file: &str, position: u64, reason: impl ToString) -> ReferenceError {
    ReferenceError::Xml {
        file: file.to_string(),
        position,
        reason: reason.to_string(),
    }
}

/// Resolves a general reference (`&amp;`, `&#233;`) to its text.
fn resolve_ref(name: &str) -> Option<String> {
    Some(
        match name {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => {
                let n = name.strip_prefix('#')?;
                let code = match n.strip_prefix('x') {
                    Some(h) => u32::from_str_radix(h, 16).ok()?,
                    None => n.parse().ok()?,
                };
                return char::from_u32(code).map(String::from);
            }
        }
        .to_string(),
    )
}

/// Parses the UN Security Council consolidated list XML.
pub fn parse_un_xml(bytes: &[u8], file: &str) -> Result<ReferenceList, ReferenceError> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut generated: Option<String> = None;
    let mut rec: Option<UnRecord> = None;
    let mut entities = Vec::new();
    let mut saw_root = false;
    let mut seen_ids = std::collections::HashSet::new();
    let mut warnings = Vec::new();
    let mut skipped = 0;
    loop {
        let pos = reader.buffer_position();
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_err(file, pos, e))?;
        match ev {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if path.is_empty() {
                    if name != "CONSOLIDATED_LIST" {
                        return Err(ReferenceError::NotUnList {
                            file: file.into(),
                            found: name,
                        });
                    }
                    saw_root = true;
                    if let Ok(Some(a)) = e.try_get_attribute("dateGenerated") {
                        generated = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()
                            .map(|v| v.into_owned());
                    }
                }
                if name == "INDIVIDUAL" || name == "ENTITY" {
                    rec = Some(UnRecord {
                        individual: name == "INDIVIDUAL",
                        ..Default::default()
                    });
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if path.is_empty() {
                    return Err(ReferenceError::NotUnList {
                        file: file.into(),
                        found: name,
                    });
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| xml_err(file, pos, e))?;
                text.push_str(&s);
            }
            Event::CData(t) => {
                let s = t.decode().map_err(|e| xml_err(file, pos, e))?;
                text.push_str(&s);
            }
            Event::GeneralRef(r) => {
                let n = r.decode().map_err(|e| xml_err(file, pos, e))?;
                match resolve_ref(&n) {
                    Some(s) => text.push_str(&s),
                    None => return Err(xml_err(file, pos, format!("unknown entity &{n};"))),
                }
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str).unwrap_or("");
                let value = text.trim().to_string();
                text.clear();
                if name == "INDIVIDUAL" || name == "ENTITY" {
                    if let Some(r) = rec.take() {
                        let e = finish_un(r, file)?;
                        if seen_ids.insert(e.id.clone()) {
                            entities.push(e);
                        } else {
                            skipped += 1;
                            warnings.push(format!(
                                "{file}: record {} appears twice; the later one is skipped",
                                e.id
                            ));
                        }
                    }
                    continue;
                }
                if let Some(r) = rec.as_mut() {
                    un_field(r, parent, &name, value);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !saw_root {
        return Err(ReferenceError::NotUnList {
            file: file.into(),
            found: String::new(),
        });
    }
    if !path.is_empty() {
        return Err(xml_err(
            file,
            bytes.len() as u64,
            format!("unexpected end of file inside <{}>", path.join("/")),
        ));
    }
    let list_date = generated.as_deref().and_then(date_prefix);
    Ok(ReferenceList {
        scheme: "un".into(),
        file: file.into(),
        generated,
        list_date,
        entities,
        skipped,
        warnings,
    })
}

fn date_prefix(s: &str) -> Option<String> {
    let d = s.get(..10)?;
    let ok = d.len() == 10
        && d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    ok.then(|| d.to_string())
}

fn un_field(r: &mut UnRecord, parent: &str, name: &str, value: String) {
    match (parent, name) {
        ("INDIVIDUAL" | "ENTITY", "DATAID") => r.dataid = value,
        ("INDIVIDUAL" | "ENTITY", "FIRST_NAME") => r.names[0] = value,
        ("INDIVIDUAL" | "ENTITY", "SECOND_NAME") => r.names[1] = value,
        ("INDIVIDUAL" | "ENTITY", "THIRD_NAME") => r.names[2] = value,
        ("INDIVIDUAL" | "ENTITY", "FOURTH_NAME") => r.names[3] = value,
        ("INDIVIDUAL" | "ENTITY", "UN_LIST_TYPE") => r.list_type = value,
        ("INDIVIDUAL" | "ENTITY", "REFERENCE_NUMBER") => r.reference = value,
        ("INDIVIDUAL" | "ENTITY", "LISTED_ON") => r.listed_on = value,
        ("INDIVIDUAL" | "ENTITY", "NAME_ORIGINAL_SCRIPT") => r.original_script = value,
        ("INDIVIDUAL" | "ENTITY", "COMMENTS1") => r.comments = value,
        ("TITLE", "VALUE") if !value.is_empty() => r.titles.push(value),
        ("DESIGNATION", "VALUE") if !value.is_empty() => r.designation.push(one_line(&value)),
        ("NATIONALITY", "VALUE") if !value.is_empty() => r.nationality.push(value),
        ("INDIVIDUAL_ALIAS" | "ENTITY_ALIAS", "QUALITY") => r.alias.0 = value,
        ("INDIVIDUAL_ALIAS" | "ENTITY_ALIAS", "ALIAS_NAME") => r.alias.1 = value,
        ("INDIVIDUALS" | "ENTITIES", _) => {}
        (_, "INDIVIDUAL_ALIAS" | "ENTITY_ALIAS") => {
            let a = std::mem::take(&mut r.alias);
            if !a.1.is_empty() {
                r.aliases.push(a);
            }
        }
        ("INDIVIDUAL_DATE_OF_BIRTH", f) => {
            r.dob.insert(f.to_string(), value);
        }
        (_, "INDIVIDUAL_DATE_OF_BIRTH") => {
            let d = std::mem::take(&mut r.dob);
            let get = |k: &str| d.get(k).filter(|v| !v.is_empty()).cloned();
            let s = get("DATE").or_else(|| get("YEAR")).or_else(|| {
                match (get("FROM_YEAR"), get("TO_YEAR")) {
                    (Some(a), Some(b)) => Some(format!("{a}..{b}")),
                    _ => None,
                }
            });
            if let Some(mut s) = s {
                if get("TYPE_OF_DATE").as_deref() == Some("APPROXIMATELY") {
                    s.push_str(" (approx.)");
                }
                r.dobs.push(s);
            }
        }
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", f) if f != "NOTE" && !value.is_empty() => {
            r.address.push(value);
        }
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", _) => {}
        (_, "INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS") => {
            let a = std::mem::take(&mut r.address);
            if !a.is_empty() {
                r.addresses.push(a.join(", "));
            }
        }
        _ => {}
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn finish_un(r: UnRecord, file: &str) -> Result<ReferenceEntity, ReferenceError> {
    let record = if r.reference.is_empty() {
        format!("DATAID {}", r.dataid)
    } else {
        r.reference.clone()
    };
    let missing = |field| ReferenceError::Missing {
        file: file.into(),
        record: record.clone(),
        field,
    };
    if r.reference.is_empty() {
        return Err(missing("REFERENCE_NUMBER"));
    }
    let name = one_line(
        &r.names
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| n.trim())
            .collect::<Vec<_>>()
            .join(" "),
    );
    if name.is_empty() {
        return Err(missing("FIRST_NAME"));
    }
    let aliases = r
        .aliases
        .into_iter()
        .map(|(q, n)| {
            // Individuals' aliases are graded Good/Low. Entities' aliases are
            // graded "a.k.a."/"f.k.a." instead: names the entity uses or
            // used, which identify it as well as a Good alias does, so they
            // count as good.
            let quality = if q.eq_ignore_ascii_case("low") {
                AliasQuality::Low
            } else {
                AliasQuality::Good
            };
            Alias {
                name: one_line(&n),
                quality,
                raw_quality: q,
            }
        })
        .collect();
    let comments = Some(r.comments).filter(|c| !c.is_empty());
    let ties = comments
        .as_deref()
        .map(|c| un_ties(&r.reference, c))
        .unwrap_or_default();
    Ok(ReferenceEntity {
        scheme: "un".into(),
        id: r.reference,
        kind: if r.individual {
            EntityType::Person
        } else {
            EntityType::Organization
        },
        name,
        aliases,
        original_script: Some(r.original_script.trim().to_string()).filter(|s| !s.is_empty()),
        nationality: r.nationality,
        listed_on: Some(r.listed_on).filter(|s| !s.is_empty()),
        dates_of_birth: r.dobs,
        programmes: vec![r.list_type]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect(),
        designation: r.designation,
        titles: r.titles,
        comments: comments.map(|c| one_line(&c)),
        addresses: r.addresses,
        ties,
    })
}

// ---------------------------------------------------------- stated ties

static UN_REF: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b([A-Z]{2}[ie]\.\d{2,3})\b").expect("valid regex"));

/// Cue phrases, the predicate they state and which way it points. Checked
/// against the text between the previous reference and this one; the
/// rightmost cue wins (the one nearest the reference), "deputy" before all.
const CUES: &[(&str, Predicate, Direction)] = &[
    ("co-founded by", Predicate::FounderOf, Direction::In),
    ("founded by", Predicate::FounderOf, Direction::In),
    ("established by", Predicate::FounderOf, Direction::In),
    ("created by", Predicate::FounderOf, Direction::In),
    ("led by", Predicate::LeaderOf, Direction::In),
    ("headed by", Predicate::LeaderOf, Direction::In),
    ("commanded by", Predicate::LeaderOf, Direction::In),
    ("directed by", Predicate::LeaderOf, Direction::In),
    ("controlled by", Predicate::Controls, Direction::In),
    ("financed by", Predicate::Funds, Direction::In),
    ("funded by", Predicate::Funds, Direction::In),
    ("founder", Predicate::FounderOf, Direction::Out),
    ("co-founded", Predicate::FounderOf, Direction::Out),
    ("founded", Predicate::FounderOf, Direction::Out),
    ("leader", Predicate::LeaderOf, Direction::Out),
    ("head of", Predicate::LeaderOf, Direction::Out),
    ("heading", Predicate::LeaderOf, Direction::Out),
    ("heads", Predicate::LeaderOf, Direction::Out),
    ("leads", Predicate::LeaderOf, Direction::Out),
    ("commander", Predicate::LeaderOf, Direction::Out),
    ("chief of", Predicate::LeaderOf, Direction::Out),
    ("emir of", Predicate::LeaderOf, Direction::Out),
    ("amir of", Predicate::LeaderOf, Direction::Out),
    ("in charge of", Predicate::LeaderOf, Direction::Out),
    ("member", Predicate::MemberOf, Direction::Out),
    ("joined", Predicate::MemberOf, Direction::Out),
    ("belongs to", Predicate::MemberOf, Direction::Out),
    ("fighter", Predicate::MemberOf, Direction::Out),
    ("financier", Predicate::Funds, Direction::Out),
    ("financial support", Predicate::Funds, Direction::Out),
    ("financing", Predicate::Funds, Direction::Out),
    ("financed", Predicate::Funds, Direction::Out),
    ("funds", Predicate::Funds, Direction::Out),
    ("funding", Predicate::Funds, Direction::Out),
    ("fundrais", Predicate::Funds, Direction::Out),
    ("supplied", Predicate::Supplies, Direction::Out),
    ("supplier", Predicate::Supplies, Direction::Out),
    ("splinter", Predicate::SplitFrom, Direction::Out),
    ("split from", Predicate::SplitFrom, Direction::Out),
    ("broke away", Predicate::SplitFrom, Direction::Out),
    ("branch of", Predicate::AffiliateOf, Direction::Out),
    ("affiliate of", Predicate::AffiliateOf, Direction::Out),
    ("front for", Predicate::AffiliateOf, Direction::Out),
    ("wing of", Predicate::AffiliateOf, Direction::Out),
    ("allied with", Predicate::AlliedWith, Direction::Out),
    ("associated with", Predicate::AffiliatedWith, Direction::Out),
    ("affiliated with", Predicate::AffiliatedWith, Direction::Out),
    ("linked to", Predicate::AffiliatedWith, Direction::Out),
];

/// Splits narrative text into sentences: at `.`, `;` or `!` followed by a
/// space and a capital or digit, but not after an abbreviation (a short
/// capitalised word or single letter: "Jul.", "No.", "a.k.a.").
fn sentences(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'.' | b';' | b'!')
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2)
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            let word_start = text[..i]
                .rfind(|c: char| c.is_whitespace() || c == '(')
                .map(|p| p + 1)
                .unwrap_or(0);
            let word = &text[word_start..i];
            // "(TAi.040)." ends a sentence; "Jul." and "a.k.a." do not.
            let abbrev = b[i] == b'.'
                && !word.ends_with(')')
                && (word.len() <= 3 && word.starts_with(|c: char| c.is_ascii_uppercase())
                    || word.contains('.')
                    || word.len() == 1);
            if !abbrev {
                out.push(text[start..=i].trim());
                start = i + 1;
            }
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

fn cue_in(segment: &str) -> Option<(Predicate, Direction)> {
    let s = segment.to_lowercase();
    if s.contains("deputy") {
        return Some((Predicate::DeputyOf, Direction::Out));
    }
    let mut best: Option<(usize, usize, Predicate, Direction)> = None;
    for &(cue, p, d) in CUES {
        if let Some(pos) = s.rfind(cue) {
            let better = match best {
                None => true,
                Some((bp, blen, _, _)) => pos > bp || (pos == bp && cue.len() > blen),
            };
            if better {
                best = Some((pos, cue.len(), p, d));
            }
        }
    }
    best.map(|(_, _, p, d)| (p, d))
}

/// Nouns of role and kinship that precede "of NAME" in narratives.
const ROLE_WORDS: &[&str] = &[
    "son",
    "brother",
    "father",
    "cousin",
    "nephew",
    "uncle",
    "wife",
    "daughter",
    "member",
    "leader",
    "head",
    "deputy",
    "founder",
    "co-founder",
    "chief",
    "commander",
    "associate",
    "financier",
    "spokesman",
    "emir",
    "amir",
    "part",
    "branch",
    "affiliate",
];

/// The name written just before a reference: capitalised words (and name
/// particles) back from "(TAe.012)".
fn name_before(segment: &str) -> Option<String> {
    let seg = segment.trim_end().trim_end_matches('(').trim_end();
    let mut words: Vec<&str> = Vec::new();
    for w in seg.split_whitespace().rev() {
        let w2 = w.trim_matches(|c: char| c == ',' || c == ')' || c == '"');
        let particle = matches!(w2, "al" | "bin" | "ibn" | "of" | "ul" | "e" | "i" | "al-");
        let cap = w2.starts_with(|c: char| c.is_uppercase());
        if cap || (particle && !words.is_empty()) {
            words.push(w2);
            if words.len() >= 8 {
                break;
            }
        } else {
            break;
        }
    }
    while words.last().is_some_and(|w| *w == "of") {
        words.pop();
    }
    words.reverse();
    // A role or kinship word starting the text is not part of the name
    // ("Son of Jalaluddin Haqqani", "Member of Al-Qaida").
    if words.len() > 2 && words[1] == "of" && ROLE_WORDS.contains(&words[0].to_lowercase().as_str())
    {
        words.drain(..2);
    }
    Some(words.join(" ")).filter(|s| !s.is_empty())
}

/// Ties stated in a UN narrative: every other entry's reference number, with
/// the predicate its cue states (else `affiliated_with`), and the sentence.
pub fn un_ties(own: &str, comments: &str) -> Vec<StatedTie> {
    let mut out: Vec<StatedTie> = Vec::new();
    for sentence in sentences(&one_line(comments)) {
        let mut prev_end = 0;
        let mut prev: Option<(Predicate, Direction)> = None;
        for m in UN_REF.captures_iter(sentence) {
            let whole = m.get(0).expect("match");
            let id = m[1].to_string();
            let segment = &sentence[prev_end..whole.start()];
            prev_end = whole.end();
            if id == own {
                continue;
            }
            // "Member of X (id1) and Y (id2)": a reference without a cue of
            // its own shares the previous one's.
            let (predicate, direction) = cue_in(segment)
                .or(prev)
                .unwrap_or((Predicate::AffiliatedWith, Direction::Out));
            prev = Some((predicate, direction));
            let tie = StatedTie {
                predicate,
                direction,
                other_id: Some(id),
                other_name: name_before(segment),
                sentence: sentence.to_string(),
            };
            if !out.contains(&tie) {
                out.push(tie);
            }
        }
    }
    out
}

// ------------------------------------------------------------- OFAC CSV

/// OFAC writes `-0-` (with a trailing space) for an empty field.
fn ofac_field(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty() && t != "-0-").then(|| t.to_string())
}

fn csv_rows(
    bytes: &[u8],
    file: &str,
    width: usize,
) -> Result<Vec<(u64, Vec<String>)>, ReferenceError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| ReferenceError::Csv {
            file: file.into(),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            reason: e.to_string(),
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        // The legacy files end with a DOS end-of-file byte (0x1A) on a line
        // of its own.
        if rec.len() == 1
            && rec[0]
                .trim_matches(|c: char| c == '\u{1a}' || c.is_whitespace())
                .is_empty()
        {
            continue;
        }
        if rec.len() != width {
            return Err(ReferenceError::Csv {
                file: file.into(),
                line,
                reason: format!("{} fields, expected {width}", rec.len()),
            });
        }
        out.push((line, rec.iter().map(String::from).collect()));
    }
    Ok(out)
}

static OFAC_WEAK_AKA: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b[af]\.k\.a\.,? '([^']+)'").expect("valid regex"));
static OFAC_DOB: Lazy<Regex> = Lazy::new(|| Regex::new(r"\bDOB ([^;.]+)").expect("valid regex"));
static OFAC_NATIONALITY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:nationality|citizen) ([A-Z][^;.()]+)").expect("valid regex")
});
static OFAC_LINKED: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"Linked To: ([^;]+?)\.?(?:;|$)").expect("valid regex"));

/// A named input file: its name (for errors) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct NamedBytes<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Parses OFAC's legacy SDN CSV trio (no header): `sdn.csv` (uid, name,
/// type, programmes, title, five vessel fields, remarks), and optionally
/// `alt.csv` (uid, alt number, aka/fka/nka, name, remarks) and `add.csv`
/// (uid, address number, address, city/state, country, remarks). Vessels
/// and aircraft are skipped (counted in `skipped`).
pub fn parse_ofac(
    sdn: NamedBytes<'_>,
    alt: Option<NamedBytes<'_>>,
    add: Option<NamedBytes<'_>>,
) -> Result<ReferenceList, ReferenceError> {
    let mut entities: Vec<ReferenceEntity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut skipped = 0;
    let mut warnings = Vec::new();
    for (line, r) in csv_rows(sdn.bytes, sdn.name, 12)? {
        let field_err = |field: &'static str, reason: String| ReferenceError::Field {
            file: sdn.name.into(),
            record: format!("line {line}"),
            field,
            reason,
        };
        let uid = r[0].trim().to_string();
        if uid.is_empty() || !uid.bytes().all(|b| b.is_ascii_digit()) {
            return Err(field_err("uid", format!("{uid:?} is not a number")));
        }
        let raw_name = ofac_field(&r[1]).ok_or_else(|| ReferenceError::Missing {
            file: sdn.name.into(),
            record: format!("uid {uid}"),
            field: "name",
        })?;
        let kind = match ofac_field(&r[2]).as_deref() {
            None => EntityType::Organization,
            Some("individual") => EntityType::Person,
            Some("vessel" | "aircraft") => {
                skipped += 1;
                continue;
            }
            Some(other) => {
                return Err(field_err("type", format!("unknown type {other:?}")));
            }
        };
        let programmes = ofac_field(&r[3])
            .map(|p| {
                p.split("] [")
                    .map(|x| x.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace()))
                    .filter(|x| !x.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        let remarks = ofac_field(&r[11]);
        let rm = remarks.as_deref().unwrap_or("");
        let name = if kind == EntityType::Person {
            uninvert(&raw_name)
        } else {
            raw_name.clone()
        };
        let aliases = OFAC_WEAK_AKA
            .captures_iter(rm)
            .map(|c| Alias {
                name: if kind == EntityType::Person {
                    uninvert(&c[1])
                } else {
                    c[1].to_string()
                },
                quality: AliasQuality::Low,
                raw_quality: "weak aka".into(),
            })
            .collect();
        let ties = OFAC_LINKED
            .captures_iter(rm)
            .map(|c| StatedTie {
                predicate: Predicate::AffiliatedWith,
                direction: Direction::Out,
                other_id: None,
                other_name: Some(c[1].trim().to_string()),
                sentence: format!("Linked To: {}.", c[1].trim()),
            })
            .collect();
        if index.contains_key(&uid) {
            skipped += 1;
            warnings.push(format!(
                "{}: line {line}: uid {uid} already used by an earlier row; this row is skipped",
                sdn.name
            ));
            continue;
        }
        index.insert(uid.clone(), entities.len());
        entities.push(ReferenceEntity {
            scheme: "ofac".into(),
            id: uid,
            kind,
            name,
            aliases,
            original_script: None,
            nationality: OFAC_NATIONALITY
                .captures_iter(rm)
                .map(|c| c[1].trim().to_string())
                .collect(),
            listed_on: None,
            dates_of_birth: OFAC_DOB
                .captures_iter(rm)
                .map(|c| c[1].trim().to_string())
                .collect(),
            programmes,
            designation: ofac_field(&r[4]).into_iter().collect(),
            titles: Vec::new(),
            comments: remarks.clone(),
            addresses: Vec::new(),
            ties,
        });
    }
    if let Some(alt) = alt {
        for (line, r) in csv_rows(alt.bytes, alt.name, 5)? {
            let uid = r[0].trim();
            let Some(&i) = index.get(uid) else {
                // Aliases of skipped vessels and aircraft.
                continue;
            };
            let kind = ofac_field(&r[2]).unwrap_or_default();
            if !matches!(kind.as_str(), "aka" | "fka" | "nka") {
                return Err(ReferenceError::Field {
                    file: alt.name.into(),
                    record: format!("line {line}"),
                    field: "alt_type",
                    reason: format!("unknown alias type {kind:?} (expected aka, fka or nka)"),
                });
            }
            let Some(name) = ofac_field(&r[3]) else {
                return Err(ReferenceError::Missing {
                    file: alt.name.into(),
                    record: format!("line {line}"),
                    field: "alt_name",
                });
            };
            let e = &mut entities[i];
            // OFAC's aka/fka/nka are the names it uses to identify the
            // party; weak ones live in the remarks. So: good.
            let name = if e.kind == EntityType::Person {
                uninvert(&name)
            } else {
                name
            };
            let a = Alias {
                name,
                quality: AliasQuality::Good,
                raw_quality: kind,
            };
            if !e.aliases.contains(&a) {
                e.aliases.push(a);
            }
        }
    }
    if let Some(add) = add {
        for (_, r) in csv_rows(add.bytes, add.name, 6)? {
            let Some(&i) = index.get(r[0].trim()) else {
                continue;
            };
            let parts: Vec<String> = r[2..5].iter().filter_map(|f| ofac_field(f)).collect();
            if !parts.is_empty() {
                entities[i].addresses.push(parts.join(", "));
            }
        }
    }
    // "Linked To: NAME": the name as OFAC writes its own primary names.
    let by_name: HashMap<String, String> = entities
        .iter()
        .map(|e| (one_line(&e.name).to_uppercase(), e.id.clone()))
        .collect();
    for e in &mut entities {
        for t in &mut e.ties {
            if let Some(n) = &t.other_name {
                let as_written = by_name.get(&n.to_uppercase()).cloned();
                let uninverted = || by_name.get(&uninvert(n).to_uppercase()).cloned();
                t.other_id = as_written.or_else(uninverted);
            }
        }
    }
    Ok(ReferenceList {
        scheme: "ofac".into(),
        file: sdn.name.into(),
        generated: None,
        list_date: None,
        entities,
        skipped,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrative_ties_get_predicates_and_directions() {
        let t = un_ties(
            "TAi.144",
            "Heading the Haqqani Network (TAe.012) as of late 2012. Brother of Ibrahim Haqqani (TAi.025).",
        );
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].predicate, Predicate::LeaderOf);
        assert_eq!(t[0].direction, Direction::Out);
        assert_eq!(t[0].other_id.as_deref(), Some("TAe.012"));
        assert_eq!(t[0].other_name.as_deref(), Some("Haqqani Network"));
        assert!(t[0].sentence.starts_with("Heading the Haqqani Network"));
        assert_eq!(t[1].predicate, Predicate::AffiliatedWith);
        let t = un_ties(
            "QDe.003",
            "Co-founded by Aiman Muhammed Rabi al-Zawahiri (QDi.006), who was also its military leader.",
        );
        assert_eq!(
            (t[0].predicate, t[0].direction),
            (Predicate::FounderOf, Direction::In)
        );
        let t = un_ties(
            "X",
            "Deputy leader of the group (QDe.001). Member of A (QDe.002) and B (QDe.003).",
        );
        assert_eq!(t[0].predicate, Predicate::DeputyOf);
        assert_eq!(t[1].predicate, Predicate::MemberOf);
        assert_eq!(t[2].predicate, Predicate::MemberOf);
    }

    #[test]
    fn sentences_do_not_split_at_abbreviations() {
        let s = sentences(
            "Review was concluded on 27 Jul. 2010. Belongs to Sahak tribe. Father of Abu X. Done",
        );
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn sniffing_tells_the_lists_apart() {
        assert_eq!(
            sniff(b"<?xml version='1.0'?><CONSOLIDATED_LIST>"),
            Some(ListKind::UnXml)
        );
        assert_eq!(
            sniff(b"36,AEROCARIBBEAN AIRLINES,-0- ,CUBA,-0- "),
            Some(ListKind::OfacSdnCsv)
        );
        assert_eq!(sniff(b"name,type\nx,y"), None);
    }
}
