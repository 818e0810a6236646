//! Scoring predictions against gold files: a port of `shared/eval/score.py`
//! (rules in `shared/eval/README.md`) that gives the same counts, and
//! prints the same lines, as the reference scorer.
//!
//! Per document ([`score`]):
//!
//! 1. **Entities.** Prediction entities without an `id` are dropped. Gold
//!    entities, required ones first, each take the first free prediction
//!    entity of a compatible type (the gold `type` or one of its
//!    `alternatives`): first in a pass where the folded canonical names are
//!    equal, then in a pass where any folded name or alias is shared. That
//!    one-to-one map, prediction id → gold id, is how ties, events and
//!    claims see entities. Alias recall: for each alias of a required gold
//!    entity, does any prediction entity carry both the folded name and the
//!    folded alias?
//! 2. **Ties.** Prediction ties with the same (mapped subject, predicate,
//!    mapped object, denied) are kept once. A tie is a candidate for a gold
//!    tie when the predicate is the gold one or an alternative, both or
//!    neither are denied, and the mapped endpoints are the gold ones (or
//!    alternatives), either way round for [`SYMMETRIC`] predicates. A
//!    prediction that is a candidate but loses its gold tie to another
//!    restates it and is not a false positive.
//! 3. **Events.** Candidate when the type is equal, some mapped agent or
//!    target is among the gold agents, targets or their alternatives, and,
//!    if the gold has a location, the mapped location is it or an
//!    alternative. Every unmatched prediction is a false positive. Date
//!    accuracy: of the matched required gold events with a date, how many
//!    predicted dates start with the gold date.
//! 4. **Claims.** Candidate when the mapped speaker is the gold speaker or
//!    an alternative and the folded quotes share a six-word head (either
//!    one's first six words is a substring of the other).
//!
//! Ties, events and claims are then matched one to one by
//! [`best_matching`]: a maximum-weight assignment whose weights put
//! required gold items first, then the number of pairs, then (events) pairs
//! on the same date. Gold items with `"required": false` are neither hits
//! nor misses. Counts are summed over documents before precision, recall
//! and F1 are computed.
//!
//! Names and quotes are compared through [`fold`], a character-exact port
//! of the scorer's folding (see its docs for how it differs from
//! [`crate::text::fold`]).
//!
//! ```no_run
//! use std::path::Path;
//! let report = untangle_extract::eval::evaluate(
//!     Path::new("../shared/eval/dev"),
//!     Path::new("predictions"),
//! )?;
//! println!("{}", report.last_line());
//! # Ok::<(), untangle_extract::eval::EvalError>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

pub use crate::predict::EvalError;
use crate::predict::{self, Claim, Entity, Event, File, Tie};

/// Predicates whose ties match in either direction.
pub const SYMMETRIC: [&str; 4] = [
    "cooperates_with",
    "allied_with",
    "rival_of",
    "negotiates_with",
];

/// score.py's `APOSTROPHES`: `'’‘ʿʾ`´`.
const APOSTROPHES: [char; 7] = [
    '\'', '\u{2019}', '\u{2018}', '\u{02BF}', '\u{02BE}', '`', '\u{00B4}',
];

// ------------------------------------------------------------ folding

/// score.py's `fold`, step for step: NFKD; drop combining characters
/// (canonical combining class ≠ 0); lower-case the whole string (so a final
/// `Σ` becomes `ς`, as Python's `str.lower` does); drop apostrophes
/// (`'’‘ʿʾ`´`); every character that is not a Python word character
/// (letter, number, `_`) becomes a space (hyphens, dashes and dots
/// included); collapse spaces, trim; drop one leading `"the "`.
///
/// It differs from [`crate::text::fold`], the extractor's folding, in three
/// places, all following score.py: `"the"` alone stays `"the"` (not `""`);
/// a final sigma folds to `ς`; spacing marks of combining class 0 (Indic
/// vowel signs, Thai, Khmer, Thaana...) and other letter-like symbols that
/// are not letters (🅐) become spaces. Characters newer than the Unicode
/// version of the Python running score.py may still fold differently.
///
/// ```
/// use untangle_extract::eval::fold;
/// assert_eq!(fold("Abd-al-Ra'uf"), "abd al rauf");
/// assert_eq!(fold("The  Taliban"), "taliban");
/// assert_eq!(fold("The"), "the");
/// assert_eq!(fold("Hérat — Kabul"), "herat kabul");
/// ```
pub fn fold(s: &str) -> String {
    let marks_dropped: String = s
        .nfkd()
        .filter(|&c| canonical_combining_class(c) == 0)
        .collect();
    let lower = marks_dropped.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut space = false;
    for c in lower.chars() {
        if APOSTROPHES.contains(&c) {
            continue;
        }
        if is_python_word_char(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// Python's `\w` on `str`: `isalnum()` (letters Lu Ll Lt Lm Lo, and
/// characters with a numeric value, all of them Nd Nl No or letters) or `_`.
fn is_python_word_char(c: char) -> bool {
    c == '_'
        || matches!(
            c.general_category_group(),
            GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number
        )
}

fn names(e: &Entity) -> HashSet<String> {
    std::iter::once(e.name.as_deref().unwrap_or(""))
        .chain(e.aliases.iter().map(String::as_str))
        .map(fold)
        .filter(|n| !n.is_empty())
        .collect()
}

/// The first six words of a folded text.
fn head(folded: &str) -> String {
    folded
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

// ------------------------------------------------------------ figures

/// True positives, false positives, false negatives of one category.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Tally {
    /// `tp / (tp + fp)`, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`, 0 when nothing was demanded.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    fn add(&mut self, other: &Tally) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

impl Serialize for Tally {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tally", 6)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.serialize_field("tp", &self.tp)?;
        st.serialize_field("fp", &self.fp)?;
        st.serialize_field("fn", &self.fn_)?;
        st.end()
    }
}

/// Everything score.py counts, for one document or summed over several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub entities: Tally,
    pub ties: Tally,
    pub events: Tally,
    pub claims: Tally,
    /// (name, alias) pairs of required gold entities.
    pub alias_pairs: u64,
    /// Of those, the pairs some predicted entity carries both of.
    pub alias_hits: u64,
    /// Matched required gold events that have a date.
    pub date_total: u64,
    /// Of those, the ones whose predicted date starts with the gold date.
    pub date_hits: u64,
}

impl Counts {
    /// `alias_hits / alias_pairs`, 0 without pairs.
    pub fn alias_recall(&self) -> f64 {
        ratio(self.alias_hits, self.alias_pairs)
    }

    /// `date_hits / date_total`, 0 without dated matches.
    pub fn date_accuracy(&self) -> f64 {
        ratio(self.date_hits, self.date_total)
    }

    /// The four categories with score.py's names, in its order.
    pub fn categories(&self) -> [(&'static str, &Tally); 4] {
        [
            ("entities", &self.entities),
            ("ties", &self.ties),
            ("events", &self.events),
            ("claims", &self.claims),
        ]
    }

    fn add(&mut self, o: &Counts) {
        self.entities.add(&o.entities);
        self.ties.add(&o.ties);
        self.events.add(&o.events);
        self.claims.add(&o.claims);
        self.alias_pairs += o.alias_pairs;
        self.alias_hits += o.alias_hits;
        self.date_total += o.date_total;
        self.date_hits += o.date_hits;
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Counts", 10)?;
        st.serialize_field("entities", &self.entities)?;
        st.serialize_field("ties", &self.ties)?;
        st.serialize_field("events", &self.events)?;
        st.serialize_field("claims", &self.claims)?;
        st.serialize_field("alias_recall", &self.alias_recall())?;
        st.serialize_field("date_accuracy", &self.date_accuracy())?;
        st.serialize_field("alias_pairs", &self.alias_pairs)?;
        st.serialize_field("alias_hits", &self.alias_hits)?;
        st.serialize_field("date_total", &self.date_total)?;
        st.serialize_field("date_hits", &self.date_hits)?;
        st.end()
    }
}

/// Why a document was scored against an empty prediction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoPrediction {
    /// The Python exception score.py reports: `FileNotFoundError`,
    /// `PermissionError`, `IsADirectoryError`, `OSError`,
    /// `UnicodeDecodeError`, `JSONDecodeError`.
    pub error: String,
    /// Our own one-line message, naming the file.
    pub message: String,
}

/// One gold document's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocScore {
    /// `NAME` of `NAME.gold.json`.
    pub name: String,
    /// Set when `NAME.json` was missing or unusable (scored as empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_prediction: Option<NoPrediction>,
    pub counts: Counts,
    /// Misses and extras, worded as `score.py --verbose` words them.
    pub log: Vec<String>,
}

/// The result of [`evaluate`]: per-document scores and their sum.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub documents: Vec<DocScore>,
    pub total: Counts,
}

/// Python's `round(x, 3)`: correctly rounded, ties to even on the exact
/// binary value, which is what Rust's `{:.3}` does too.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

impl Report {
    /// score.py's last line:
    /// `entities F1=… ties F1=… events F1=… claims F1=… alias_recall=…`.
    pub fn last_line(&self) -> String {
        let t = &self.total;
        format!(
            "entities F1={:.3} ties F1={:.3} events F1={:.3} claims F1={:.3} alias_recall={:.3}",
            round3(t.entities.f1()),
            round3(t.ties.f1()),
            round3(t.events.f1()),
            round3(t.claims.f1()),
            round3(t.alias_recall()),
        )
    }

    /// The line `score.py --json` prints: its figures rounded to three
    /// places, in Python's `json.dumps` layout.
    pub fn score_json(&self) -> String {
        let t = &self.total;
        let mut out = String::from("{");
        for (name, c) in t.categories() {
            let _ = write!(
                out,
                "\"{name}\": {{\"precision\": {:?}, \"recall\": {:?}, \"f1\": {:?}, \"tp\": {}, \"fp\": {}, \"fn\": {}}}, ",
                round3(c.precision()),
                round3(c.recall()),
                round3(c.f1()),
                c.tp,
                c.fp,
                c.fn_
            );
        }
        let _ = write!(
            out,
            "\"alias_recall\": {:?}, \"date_accuracy\": {:?}}}",
            round3(t.alias_recall()),
            round3(t.date_accuracy())
        );
        out
    }

    /// Exactly what `score.py` prints to stdout, with `--verbose` and
    /// `--json` as asked, each line ending in `\n`.
    pub fn render(&self, verbose: bool, json: bool) -> String {
        let mut out = String::new();
        for d in &self.documents {
            if let Some(np) = &d.no_prediction {
                let _ = writeln!(out, "{}: no usable prediction ({})", d.name, np.error);
            }
            if verbose {
                let _ = writeln!(out, "{}", d.name);
                let _ = writeln!(out, "{}", d.log.join("\n"));
            }
        }
        out.push_str(&self.summary());
        if json {
            out.push_str(&self.score_json());
            out.push('\n');
        }
        out.push_str(&self.last_line());
        out.push('\n');
        out
    }

    /// The four category lines and the alias/date line.
    fn summary(&self) -> String {
        let t = &self.total;
        let mut out = String::new();
        for (name, c) in t.categories() {
            let _ = writeln!(
                out,
                "{name:<9} P={:.3} R={:.3} F1={:.3}  (tp={} fp={} fn={})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
        let _ = writeln!(
            out,
            "alias recall={:.3}  event date accuracy={:.3}",
            round3(t.alias_recall()),
            round3(t.date_accuracy())
        );
        out
    }
}

/// What `score.py` prints without flags (no final newline).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render(false, false).trim_end_matches('\n'))
    }
}

// ------------------------------------------------------------ the run

/// Score every `NAME.gold.json` of `gold_dir` against `pred_dir/NAME.json`.
///
/// As in score.py, a prediction file that is missing, unreadable, not UTF-8
/// or not JSON counts as an empty prediction (noted in
/// [`DocScore::no_prediction`]). A prediction that is JSON but has a field
/// of the wrong type, and any problem with a gold file, is an error naming
/// the file and the field.
pub fn evaluate(gold_dir: &Path, pred_dir: &Path) -> Result<Report, EvalError> {
    let mut report = Report::default();
    for (name, gold_path) in predict::gold_files(gold_dir)? {
        let pred_path = pred_dir.join(format!("{name}{}", predict::PRED_SUFFIX));
        let (pred, no_prediction) = match predict::read_file(&pred_path) {
            Ok(pred) => (pred, None),
            Err(e) => match unusable(&e) {
                Some(np) => (File::default(), Some(np)),
                None => return Err(e),
            },
        };
        let gold = predict::read_file(&gold_path)?;
        check_gold(&gold, &gold_path)?;
        let (counts, log) = score(&gold, &pred);
        report.total.add(&counts);
        report.documents.push(DocScore {
            name,
            no_prediction,
            counts,
            log,
        });
    }
    Ok(report)
}

/// The errors score.py survives (`OSError`, `ValueError` on reading), with
/// the exception it names.
fn unusable(e: &EvalError) -> Option<NoPrediction> {
    let error = match e {
        EvalError::Io { source, .. } => match source.kind() {
            io::ErrorKind::NotFound => "FileNotFoundError",
            io::ErrorKind::PermissionDenied => "PermissionError",
            io::ErrorKind::IsADirectory => "IsADirectoryError",
            _ => "OSError",
        },
        EvalError::NotUtf8 { .. } => "UnicodeDecodeError",
        EvalError::Json { .. } => "JSONDecodeError",
        _ => return None,
    };
    Some(NoPrediction {
        error: error.to_string(),
        message: e.to_string(),
    })
}

/// The fields score.py reads from gold items without a default (and so
/// would crash without): entity `id`, `type`, `name`; event `type`; claim
/// `speaker`, `quote`.
pub fn check_gold(gold: &File, path: &Path) -> Result<(), EvalError> {
    let missing = |field: String| EvalError::Field {
        path: path.to_path_buf(),
        field,
        message: "missing (a gold file must give it)".to_string(),
    };
    for (i, e) in gold.entities.iter().enumerate() {
        for (key, v) in [("id", &e.id), ("type", &e.kind), ("name", &e.name)] {
            if v.is_none() {
                return Err(missing(format!("entities[{i}].{key}")));
            }
        }
    }
    for (i, e) in gold.events.iter().enumerate() {
        if e.kind.is_none() {
            return Err(missing(format!("events[{i}].type")));
        }
    }
    for (i, c) in gold.claims.iter().enumerate() {
        for (key, v) in [("speaker", &c.speaker), ("quote", &c.quote)] {
            if v.is_none() {
                return Err(missing(format!("claims[{i}].{key}")));
            }
        }
    }
    Ok(())
}

// ------------------------------------------------------------ one document

/// A gold entity id as score.py keys it (an absent id is Python's `None`).
type GoldId<'a> = Option<&'a str>;

/// Prediction entity id → gold entity id, one to one (score.py's
/// `match_entities`).
fn match_entities<'a>(gold: &'a [Entity], pred: &[&'a Entity]) -> HashMap<&'a str, GoldId<'a>> {
    let pid = |p: &&'a Entity| p.id.as_deref().unwrap_or_default();
    // Keyed by id, the last entity of an id wins, as in the Python dicts.
    let gnames: HashMap<GoldId, HashSet<String>> =
        gold.iter().map(|g| (g.id.as_deref(), names(g))).collect();
    let pnames: HashMap<&str, HashSet<String>> = pred.iter().map(|p| (pid(p), names(p))).collect();
    let gfold: Vec<String> = gold
        .iter()
        .map(|g| fold(g.name.as_deref().unwrap_or("")))
        .collect();
    let pfold: Vec<String> = pred
        .iter()
        .map(|p| fold(p.name.as_deref().unwrap_or("")))
        .collect();
    let compatible = |g: &Entity, p: &Entity| {
        let t = p.kind.as_deref();
        t == g.kind.as_deref() || t.is_some_and(|t| g.alternatives().kind.iter().any(|a| a == t))
    };
    // Required first; a stable sort keeps file order otherwise.
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&i| !gold[i].is_required());

    let mut mapping: HashMap<&'a str, GoldId<'a>> = HashMap::new();
    let mut taken: HashSet<GoldId<'a>> = HashSet::new();
    for exact in [true, false] {
        for &gi in &order {
            let g = &gold[gi];
            let gid = g.id.as_deref();
            if taken.contains(&gid) {
                continue;
            }
            for (pi, p) in pred.iter().enumerate() {
                let id = pid(p);
                if mapping.contains_key(id) || !compatible(g, p) {
                    continue;
                }
                let hit = if exact {
                    gfold[gi] == pfold[pi]
                } else {
                    !gnames[&gid].is_disjoint(&pnames[id])
                };
                if hit {
                    mapping.insert(id, gid);
                    taken.insert(gid);
                    break;
                }
            }
        }
    }
    mapping
}

/// score.py's `score_doc`: the counts of one gold file against one
/// prediction, and the `--verbose` log of misses and extras.
pub fn score(gold: &File, pred: &File) -> (Counts, Vec<String>) {
    let mut c = Counts::default();
    let mut log = Vec::new();
    let gents = &gold.entities;
    let pents: Vec<&Entity> = pred.entities.iter().filter(|p| p.id.is_some()).collect();
    let m = match_entities(gents, &pents);
    let mapped =
        |id: Option<&str>| -> Option<&str> { id.and_then(|k| m.get(k).copied().flatten()) };

    // entities
    let matched_gold: HashSet<GoldId> = m.values().copied().collect();
    for g in gents {
        if matched_gold.contains(&g.id.as_deref()) {
            if g.is_required() {
                c.entities.tp += 1;
            }
        } else if g.is_required() {
            c.entities.fn_ += 1;
            log.push(format!(
                "  missed entity: {} {}",
                py_str(&g.kind),
                py_str(&g.name)
            ));
        }
    }
    for p in &pents {
        if !m.contains_key(p.id.as_deref().unwrap_or_default()) {
            c.entities.fp += 1;
            log.push(format!(
                "  extra entity: {} {}",
                py_str(&p.kind),
                py_str(&p.name)
            ));
        }
    }

    // alias recall: any predicted entity (matched or not) holding both
    let pnames: Vec<HashSet<String>> = pents.iter().map(|p| names(p)).collect();
    for g in gents.iter().filter(|g| g.is_required()) {
        let name = fold(g.name.as_deref().unwrap_or(""));
        for a in &g.aliases {
            c.alias_pairs += 1;
            let alias = fold(a);
            if pnames
                .iter()
                .any(|n| n.contains(&name) && n.contains(&alias))
            {
                c.alias_hits += 1;
            } else {
                log.push(format!("  alias not joined: {} / {a}", py_str(&g.name)));
            }
        }
    }

    // ties
    let gold_ties = &gold.ties;
    let mut seen = HashSet::new();
    let pred_ties: Vec<&Tie> = pred
        .ties
        .iter()
        .filter(|x| {
            seen.insert((
                mapped(x.subject.as_deref()),
                x.predicate.as_deref(),
                mapped(x.object.as_deref()),
                x.is_denied(),
            ))
        })
        .collect();
    let cands: Vec<Vec<usize>> = pred_ties
        .iter()
        .map(|x| tie_candidates(x, gold_ties, &mapped))
        .collect();
    let required: Vec<bool> = gold_ties.iter().map(Tie::is_required).collect();
    let hits = best_matching(&cands, &required, |_, _| 0);
    tally(
        &mut c.ties,
        &Matched {
            cands: &cands,
            hits: &hits,
            required: &required,
        },
        false,
        &mut log,
        "tie",
        |pi| show_tie(pred_ties[pi]),
        |gi| show_tie(&gold_ties[gi]),
    );

    // events
    let gold_events = &gold.events;
    let pred_events = &pred.events;
    let cands: Vec<Vec<usize>> = pred_events
        .iter()
        .map(|x| event_candidates(x, gold_events, &mapped))
        .collect();
    let required: Vec<bool> = gold_events.iter().map(Event::is_required).collect();
    let pred_date = |pi: usize| pred_events[pi].date.as_deref().unwrap_or("");
    let same_day = |pi: usize, gi: usize| match gold_events[gi].date.as_deref() {
        Some(day) if !day.is_empty() && pred_date(pi).starts_with(day) => 1,
        _ => 0,
    };
    let hits = best_matching(&cands, &required, same_day);
    tally(
        &mut c.events,
        &Matched {
            cands: &cands,
            hits: &hits,
            required: &required,
        },
        true,
        &mut log,
        "event",
        |pi| show_event(&pred_events[pi]),
        |gi| show_event(&gold_events[gi]),
    );
    for (pi, gi) in hits.iter().enumerate() {
        let Some(gi) = *gi else { continue };
        let g = &gold_events[gi];
        match g.date.as_deref() {
            Some(day) if g.is_required() && !day.is_empty() => {
                c.date_total += 1;
                if pred_date(pi).starts_with(day) {
                    c.date_hits += 1;
                }
            }
            _ => {}
        }
    }

    // claims
    let gold_claims = &gold.claims;
    let pred_claims = &pred.claims;
    let gold_quotes: Vec<(String, String)> = gold_claims
        .iter()
        .map(|g| {
            let q = fold(g.quote.as_deref().unwrap_or(""));
            let h = head(&q);
            (q, h)
        })
        .collect();
    let cands: Vec<Vec<usize>> = pred_claims
        .iter()
        .map(|x| claim_candidates(x, gold_claims, &gold_quotes, &mapped))
        .collect();
    let required: Vec<bool> = gold_claims.iter().map(Claim::is_required).collect();
    let hits = best_matching(&cands, &required, |_, _| 0);
    tally(
        &mut c.claims,
        &Matched {
            cands: &cands,
            hits: &hits,
            required: &required,
        },
        true,
        &mut log,
        "claim",
        |pi| show_claim(&pred_claims[pi]),
        |gi| show_claim(&gold_claims[gi]),
    );

    (c, log)
}

fn tie_candidates<'a>(
    x: &Tie,
    golds: &[Tie],
    mapped: &impl Fn(Option<&str>) -> Option<&'a str>,
) -> Vec<usize> {
    let (Some(s), Some(o)) = (mapped(x.subject.as_deref()), mapped(x.object.as_deref())) else {
        return Vec::new();
    };
    let p = x.predicate.as_deref();
    let symmetric = p.is_some_and(|p| SYMMETRIC.contains(&p));
    let mut out = Vec::new();
    for (i, g) in golds.iter().enumerate() {
        let alt = g.alternatives();
        let predicate_ok =
            p == g.predicate.as_deref() || p.is_some_and(|p| alt.predicate.iter().any(|a| a == p));
        if !predicate_ok || x.is_denied() != g.is_denied() {
            continue;
        }
        let in_subjects =
            |v: &str| g.subject.as_deref() == Some(v) || alt.subject.iter().any(|a| a == v);
        let in_objects =
            |v: &str| g.object.as_deref() == Some(v) || alt.object.iter().any(|a| a == v);
        if (in_subjects(s) && in_objects(o)) || (symmetric && in_subjects(o) && in_objects(s)) {
            out.push(i);
        }
    }
    out
}

fn event_candidates<'a>(
    x: &Event,
    golds: &[Event],
    mapped: &impl Fn(Option<&str>) -> Option<&'a str>,
) -> Vec<usize> {
    let parts: HashSet<&str> = x
        .agents
        .iter()
        .chain(&x.targets)
        .filter_map(|v| mapped(Some(v)))
        .collect();
    let loc = mapped(x.location.as_deref());
    let mut out = Vec::new();
    for (i, g) in golds.iter().enumerate() {
        let alt = g.alternatives();
        let shares_party = g
            .agents
            .iter()
            .chain(&g.targets)
            .chain(&alt.agents)
            .chain(&alt.targets)
            .any(|v| parts.contains(v.as_str()));
        if x.kind != g.kind || !shares_party {
            continue;
        }
        if let Some(gl) = g.location.as_deref().filter(|l| !l.is_empty()) {
            let ok = loc.is_some_and(|l| l == gl || alt.location.iter().any(|a| a == l));
            if !ok {
                continue;
            }
        }
        out.push(i);
    }
    out
}

fn claim_candidates<'a>(
    x: &Claim,
    golds: &[Claim],
    gold_quotes: &[(String, String)],
    mapped: &impl Fn(Option<&str>) -> Option<&'a str>,
) -> Vec<usize> {
    let sp = mapped(x.speaker.as_deref());
    let q = fold(x.quote.as_deref().unwrap_or(""));
    let head_p = head(&q);
    let mut out = Vec::new();
    for (i, g) in golds.iter().enumerate() {
        let speaker_ok = sp == g.speaker.as_deref()
            || sp.is_some_and(|s| g.alternatives().speaker.iter().any(|a| a == s));
        if !speaker_ok {
            continue;
        }
        let (gq, head_g) = &gold_quotes[i];
        if (!head_g.is_empty() && q.contains(head_g.as_str()))
            || (!head_p.is_empty() && gq.contains(head_p.as_str()))
        {
            out.push(i);
        }
    }
    out
}

// ------------------------------------------------------------ matching

/// score.py's `best_matching`: a one-to-one matching of predictions to gold
/// items (`cands[pi]` lists the gold items prediction `pi` may match) that
/// matches as many required gold items as possible, then as many items in
/// all, then as many with `bonus(pi, gi) == 1` (events: the same date).
///
/// Weights are lexicographic: `big²` for a required gold item, `big` for
/// an optional one, plus the bonus, with `big = 4 (n + m + 1)`; the
/// assignment maximises their sum. It is the same O(n³) Hungarian method
/// (the potentials-and-`way` formulation) as score.py, transcribed loop by
/// loop with the same strict comparisons, rather than a crate such as
/// `pathfinding`'s `kuhn_munkres`: any maximum-weight assignment gives the
/// same tp/fp/fn, but where several assignments tie, *which* gold events
/// get matched changes the date accuracy (it counts only required gold
/// events with a date, while the bonus counts all), so only the same
/// algorithm breaks ties the same way. Integer arithmetic keeps it exact.
pub fn best_matching(
    cands: &[Vec<usize>],
    required: &[bool],
    bonus: impl Fn(usize, usize) -> i64,
) -> Vec<Option<usize>> {
    let (n, m) = (cands.len(), required.len());
    let mut out = vec![None; n];
    if n == 0 || m == 0 {
        return out;
    }
    let big = 4 * (n + m + 1) as i64;
    let mut weight = vec![vec![0i64; m]; n];
    for (pi, gs) in cands.iter().enumerate() {
        for &gi in gs {
            weight[pi][gi] = if required[gi] { big * big } else { big } + bonus(pi, gi);
        }
    }
    // Square cost matrix: minimise -weight; padding rows and columns cost 0.
    let size = n.max(m);
    let cost = |i: usize, j: usize| if i < n && j < m { -weight[i][j] } else { 0 };
    const INF: i64 = i64::MAX;
    let (mut u, mut v) = (vec![0i64; size + 1], vec![0i64; size + 1]);
    let (mut way, mut p) = (vec![0usize; size + 1], vec![0usize; size + 1]);
    for i in 1..=size {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![INF; size + 1];
        let mut used = vec![false; size + 1];
        loop {
            used[j0] = true;
            let (i0, mut delta, mut j1) = (p[j0], INF, 0);
            for j in 1..=size {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=size {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        while j0 != 0 {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        }
    }
    // column j holds row p[j]: prediction p[j] - 1, gold item j - 1
    for (j, &row) in p.iter().enumerate().skip(1) {
        let Some(pi) = row.checked_sub(1) else {
            continue;
        };
        let gi = j - 1;
        if pi < n && gi < m && weight[pi][gi] > 0 {
            out[pi] = Some(gi);
        }
    }
    out
}

/// Candidates and the assignment of one category.
struct Matched<'a> {
    cands: &'a [Vec<usize>],
    hits: &'a [Option<usize>],
    required: &'a [bool],
}

/// score.py's `tally`. With `duplicates_count` false (ties), a prediction
/// that could match a gold item but lost it restates it: not a false
/// positive.
fn tally(
    t: &mut Tally,
    m: &Matched,
    duplicates_count: bool,
    log: &mut Vec<String>,
    what: &str,
    show_pred: impl Fn(usize) -> String,
    show_gold: impl Fn(usize) -> String,
) {
    for (pi, hit) in m.hits.iter().enumerate() {
        match hit {
            Some(gi) => {
                if m.required[*gi] {
                    t.tp += 1;
                }
            }
            None if !m.cands[pi].is_empty() && !duplicates_count => {}
            None => {
                t.fp += 1;
                log.push(format!("  extra {what}: {}", show_pred(pi)));
            }
        }
    }
    let matched: HashSet<usize> = m.hits.iter().flatten().copied().collect();
    for (gi, &req) in m.required.iter().enumerate() {
        if req && !matched.contains(&gi) {
            t.fn_ += 1;
            log.push(format!("  missed {what}: {}", show_gold(gi)));
        }
    }
}

// ------------------------------------------------------------ log wording

/// A value as a Python f-string shows it: the string, or `None`.
fn py_str(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("None")
}

/// A list of strings as Python's `repr` shows it: `['a', "b'c"]`. (An
/// absent list shows as `[]` where score.py shows `None`.)
fn py_list(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|s| py_repr(s)).collect();
    format!("[{}]", items.join(", "))
}

/// Python's `repr` of a string.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c != ' '
                && matches!(
                    c.general_category_group(),
                    GeneralCategoryGroup::Other | GeneralCategoryGroup::Separator
                ) =>
            {
                let n = c as u32;
                let _ = match n {
                    0..=0xff => write!(out, "\\x{n:02x}"),
                    0x100..=0xffff => write!(out, "\\u{n:04x}"),
                    _ => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn show_tie(x: &Tie) -> String {
    format!(
        "{} {} {}",
        py_str(&x.subject),
        py_str(&x.predicate),
        py_str(&x.object)
    )
}

fn show_event(x: &Event) -> String {
    format!(
        "{} {} -> {}",
        py_str(&x.kind),
        py_list(&x.agents),
        py_list(&x.targets)
    )
}

fn show_claim(x: &Claim) -> String {
    let quote: String = x.quote.as_deref().unwrap_or("").chars().take(60).collect();
    format!("{}: {quote}", py_str(&x.speaker))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_follows_score_py_not_text_fold() {
        assert_eq!(fold("the"), "the");
        assert_eq!(fold("ΟΔΟΣ ΟΔΟΣ"), "οδος οδος");
        assert_eq!(fold("Qal‘at-e Zaman"), "qalat e zaman");
        assert_eq!(fold("x\u{093F}y"), "x y");
        assert_eq!(fold("the the x"), "the x");
        assert_eq!(fold("  ½ "), "1 2");
    }

    #[test]
    fn repr_is_pythons() {
        assert_eq!(py_repr("a"), "'a'");
        assert_eq!(py_repr("Ra'uf"), "\"Ra'uf\"");
        assert_eq!(py_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(py_repr("tab\there\u{200b}"), "'tab\\there\\u200b'");
        assert_eq!(py_list(&["x".into(), "y".into()]), "['x', 'y']");
    }

    #[test]
    fn matching_prefers_required_then_count_then_bonus() {
        // p0 can take g0 (optional) or g1 (required): it takes g1.
        assert_eq!(
            best_matching(&[vec![0, 1]], &[false, true], |_, _| 0),
            vec![Some(1)]
        );
        // p0 can take g0 or g1, p1 only g0: both get one.
        assert_eq!(
            best_matching(&[vec![0, 1], vec![0]], &[true, true], |_, _| 0),
            vec![Some(1), Some(0)]
        );
        // the bonus decides between equal pairings
        assert_eq!(
            best_matching(&[vec![0, 1], vec![0, 1]], &[true, true], |p, g| i64::from(
                p == g
            )),
            vec![Some(0), Some(1)]
        );
        assert_eq!(
            best_matching(&[vec![0, 1], vec![0, 1]], &[true, true], |p, g| i64::from(
                p != g
            )),
            vec![Some(1), Some(0)]
        );
        assert_eq!(best_matching(&[vec![]], &[true], |_, _| 0), vec![None]);
        assert!(best_matching(&[], &[true], |_, _| 0).is_empty());
    }
}
