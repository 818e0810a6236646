//! `eval` against the reference scorer: invented gold/prediction pairs are
//! written to temporary folders and scored both by `eval::evaluate` and by
//! `python3 shared/eval/score.py`; the whole printed output must be equal,
//! and so must the exact counts (read by importing score.py). Each case
//! also checks hand-computed counts, so it still means something where
//! python3 or `shared/` is absent (the comparison is then skipped with a
//! message).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use untangle_extract::eval::{self, Counts, EvalError, Report};
use untangle_extract::predict;

// ------------------------------------------------------------ harness

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn eval_dir() -> PathBuf {
    shared().join("eval")
}

/// score.py, when it and python3 are there; otherwise None, said once per call.
fn score_py() -> Option<PathBuf> {
    let script = eval_dir().join("score.py");
    if !script.is_file() {
        eprintln!(
            "skipping the score.py comparison: {} is absent",
            script.display()
        );
        return None;
    }
    match Command::new("python3").arg("--version").output() {
        Ok(out) if out.status.success() => Some(script),
        _ => {
            eprintln!("skipping the score.py comparison: python3 is not available");
            None
        }
    }
}

/// What a prediction file holds.
enum Pred {
    Json(Value),
    Raw(&'static [u8]),
    Dir,
    Missing,
}

/// One gold folder and one prediction folder in a temporary folder.
struct Case {
    _tmp: tempfile::TempDir,
    gold: PathBuf,
    pred: PathBuf,
}

fn case<N: AsRef<str>>(docs: Vec<(N, Value, Pred)>) -> Case {
    let tmp = tempfile::tempdir().unwrap();
    let gold = tmp.path().join("gold");
    let pred = tmp.path().join("pred");
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::create_dir_all(&pred).unwrap();
    for (name, g, p) in docs {
        let name = name.as_ref();
        let gp = gold.join(format!("{name}.gold.json"));
        std::fs::write(gp, serde_json::to_vec_pretty(&g).unwrap()).unwrap();
        let pp = pred.join(format!("{name}.json"));
        match p {
            Pred::Json(v) => std::fs::write(pp, serde_json::to_vec_pretty(&v).unwrap()).unwrap(),
            Pred::Raw(bytes) => std::fs::write(pp, bytes).unwrap(),
            Pred::Dir => std::fs::create_dir(pp).unwrap(),
            Pred::Missing => {}
        }
    }
    Case {
        _tmp: tmp,
        gold,
        pred,
    }
}

/// Reads every gold file and its prediction as score.py's `main` does and
/// prints the exact counts and the unrounded figures as JSON.
const EXACT_COUNTS: &str = r#"
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import score
t = {k: score.Tally() for k in ("entities", "ties", "events", "claims")}
t.update(alias_pairs=0, alias_hits=0, date_total=0, date_hits=0)
for gp in sorted(Path(sys.argv[2]).glob("*.gold.json")):
    name = gp.name[: -len(".gold.json")]
    try:
        pred = json.loads((Path(sys.argv[3]) / f"{name}.json").read_text())
    except (OSError, ValueError):
        pred = {}
    score.score_doc(json.loads(gp.read_text()), pred, t, [])
out = {k: {"tp": t[k].tp, "fp": t[k].fp, "fn": t[k].fn, "prf": list(t[k].prf())}
       for k in ("entities", "ties", "events", "claims")}
for k in ("alias_pairs", "alias_hits", "date_total", "date_hits"):
    out[k] = t[k]
print(json.dumps(out))
"#;

fn close(a: f64, b: f64, what: &str) {
    assert!((a - b).abs() <= 1e-9, "{what}: rust {a} vs score.py {b}");
}

/// Score with Rust, compare with score.py when possible, return the report.
fn check(c: &Case) -> Report {
    let report = eval::evaluate(&c.gold, &c.pred).unwrap();
    compare_with_score_py(&c.gold, &c.pred, &report);
    report
}

fn compare_with_score_py(gold: &Path, pred: &Path, report: &Report) {
    let Some(script) = score_py() else {
        return;
    };
    // 1. the whole output, verbose log and JSON line included
    let out = Command::new("python3")
        .arg(&script)
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .args(["--json", "--verbose"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(report.render(true, true), printed);
    assert_eq!(
        Some(report.last_line().as_str()),
        printed.lines().last(),
        "last line"
    );

    // 2. the exact counts and unrounded figures
    let out = Command::new("python3")
        .arg("-c")
        .arg(EXACT_COUNTS)
        .arg(eval_dir())
        .arg(gold)
        .arg(pred)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "score.py import failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: Value = serde_json::from_slice(&out.stdout).unwrap();
    let t = &report.total;
    for (name, tally) in t.categories() {
        let p = &py[name];
        let counts = [tally.tp, tally.fp, tally.fn_];
        let py_counts = [&p["tp"], &p["fp"], &p["fn"]].map(|v| v.as_u64().unwrap());
        assert_eq!(counts, py_counts, "{name} tp/fp/fn");
        let prf = [tally.precision(), tally.recall(), tally.f1()];
        for (k, (ours, theirs)) in prf.iter().zip(p["prf"].as_array().unwrap()).enumerate() {
            close(*ours, theirs.as_f64().unwrap(), &format!("{name} prf[{k}]"));
        }
    }
    let extra = [
        ("alias_pairs", t.alias_pairs),
        ("alias_hits", t.alias_hits),
        ("date_total", t.date_total),
        ("date_hits", t.date_hits),
    ];
    for (k, ours) in extra {
        assert_eq!(Some(ours), py[k].as_u64(), "{k}");
    }
}

fn tally(c: &Counts) -> [[u64; 3]; 4] {
    c.categories().map(|(_, t)| [t.tp, t.fp, t.fn_])
}

fn ent(id: &str, kind: &str, name: &str) -> Value {
    json!({"id": id, "type": kind, "name": name, "aliases": []})
}

/// The same entities under prediction ids (`q` + gold id).
fn as_pred(entities: &[Value]) -> Vec<Value> {
    entities
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let id = format!("q{}", e["id"].as_str().unwrap());
            e["id"] = json!(id);
            e.as_object_mut().unwrap().remove("required");
            e
        })
        .collect()
}

// ------------------------------------------------------------ cases

#[test]
fn entities_greedy_with_aliases_optional_items_and_type_alternatives() {
    let gold = json!({
        "document": "corpus/invented/valley.txt",
        "published": "2022-05",
        "entities": [
            {"id": "nvf", "type": "organization", "subtype": "armed_group",
             "name": "Northern Valley Front", "aliases": ["NVF", "the Valley Front"]},
            {"id": "karim", "type": "person", "name": "Karim Abd-al-Wahid",
             "aliases": ["Abu Sayf al-Ghazi"]},
            {"id": "zaman", "type": "location", "subtype": "district",
             "name": "Qal‘at Zaman", "aliases": ["Qalat-e Zaman"]},
            {"id": "osland", "type": "location", "subtype": "country", "name": "Osland",
             "aliases": [], "alternatives": {"type": ["organization"]}},
            {"id": "kesh", "type": "organization", "name": "Kesh Brigade", "aliases": [],
             "required": false},
            {"id": "venn", "type": "person", "name": "Liora Venn", "aliases": ["Venn"]},
            {"id": "hamid", "type": "person", "name": "Hamid Rusta", "aliases": ["Rusta"]},
            {"id": "rusta", "type": "person", "name": "Rusta", "aliases": []},
            {"id": "lais", "type": "person", "name": "Σπύρος Λαΐς", "aliases": []}
        ]
    });
    let pred = json!({
        "document": "valley.txt",
        "entities": [
            {"id": "a", "type": "organization", "name": "northern valley front", "aliases": ["NVF"]},
            {"id": "b", "type": "person", "name": "Abu Sayf al Ghazi",
             "aliases": ["Karim Abd al-Wahid"], "confidence": 0.9},
            {"id": "c", "type": "organization", "name": "Osland"},
            {"id": "d", "type": "organization", "name": "KESH BRIGADE"},
            {"id": "e", "type": "location", "name": "Qalat Zaman", "aliases": null},
            {"id": "f", "type": "person", "name": "Venn"},
            {"id": "g", "type": "person", "name": "Yusuf Oranto"},
            {"type": "person", "name": "Nobody Without Id"},
            {"id": "h", "type": "organization", "name": "NVF"},
            {"id": "i", "type": "person", "name": "Rusta"},
            {"id": "j", "type": "person", "name": "ΣΠΥΡΟΣ ΛΑΙΣ"},
            {"id": "k", "type": "location", "name": "Northern Valley Front"}
        ]
    });
    let c = case(vec![("valley", gold, Pred::Json(pred))]);
    let r = check(&c);
    // 8 required; "Hamid Rusta" loses "Rusta" to the exact canonical match;
    // extras: Yusuf Oranto, a second NVF, a location "Northern Valley Front"
    assert_eq!(tally(&r.total)[0], [7, 3, 1]);
    // pairs: NVF (joined), Valley Front, Abu Sayf (joined), Qalat-e Zaman, Venn, Rusta
    assert_eq!((r.total.alias_pairs, r.total.alias_hits), (6, 2));
    assert!(r.documents[0]
        .log
        .contains(&"  missed entity: person Hamid Rusta".to_string()));
}

#[test]
fn ties_with_alternatives_symmetry_polarity_duplicates_and_priority() {
    let ents = vec![
        ent("kesh", "organization", "Kesh Brigade"),
        ent("nvf", "organization", "Northern Valley Front"),
        ent("karim", "person", "Karim Abd-al-Wahid"),
        ent("army", "organization", "Osland Army"),
        ent("sarkan", "location", "Sarkan Province"),
    ];
    let gold = json!({
        "entities": ents,
        "ties": [
            {"subject": "kesh", "predicate": "hosts", "object": "nvf", "evidence": "hosts"},
            {"subject": "kesh", "predicate": "cooperates_with", "object": "army"},
            {"subject": "karim", "predicate": "member_of", "object": "kesh",
             "alternatives": {"predicate": ["leader_of"]}},
            {"subject": "karim", "predicate": "affiliated_with", "object": "nvf",
             "alternatives": {"object": ["army"]}},
            {"subject": "kesh", "predicate": "hosts", "object": "karim", "polarity": "denied"},
            {"subject": "nvf", "predicate": "rival_of", "object": "army", "required": false},
            {"subject": "kesh", "predicate": "controls", "object": "sarkan", "required": false,
             "alternatives": {"predicate": ["operates_in"]}},
            {"subject": "kesh", "predicate": "operates_in", "object": "sarkan"},
            {"subject": "army", "predicate": "supplies", "object": "nvf"},
            {"subject": "nvf", "predicate": "allied_with", "object": "kesh",
             "alternatives": {"subject": ["army"]}}
        ]
    });
    let tie = |s: &str, p: &str, o: &str| json!({"subject": s, "predicate": p, "object": o});
    let mut denied = tie("qkesh", "hosts", "qkarim");
    denied["polarity"] = json!("denied");
    let mut hedged = tie("qkarim", "member_of", "qkesh");
    hedged["polarity"] = json!("hedged");
    let pred = json!({
        "entities": as_pred(&ents),
        "ties": [
            tie("qkesh", "hosts", "qnvf"),
            tie("qkesh", "hosts", "qnvf"),                  // duplicate: dropped
            tie("qarmy", "cooperates_with", "qkesh"),       // symmetric
            tie("qkesh", "cooperates_with", "qarmy"),       // restates: not an extra
            tie("qkarim", "leader_of", "qkesh"),            // alternative predicate
            tie("qkarim", "affiliated_with", "qarmy"),      // alternative object
            denied,
            tie("qkesh", "hosts", "qkarim"),                // asserted, gold denied: extra
            tie("qnvf", "rival_of", "qarmy"),               // optional gold
            tie("qkesh", "operates_in", "qsarkan"),         // required gold before optional
            tie("qnvf", "hosts", "qkesh"),                  // wrong direction: extra
            tie("qkesh", "hosts", "zz1"),                   // unmatched endpoint: extra
            tie("qkesh", "hosts", "zz2"),                   // same key as the last: dropped
            tie("qkesh", "allied_with", "qarmy"),           // symmetric + alternative subject
            hedged                                          // hedged is not denied: restates
        ]
    });
    let c = case(vec![("ties", gold, Pred::Json(pred))]);
    let r = check(&c);
    assert_eq!(tally(&r.total)[0], [5, 0, 0]);
    assert_eq!(tally(&r.total)[1], [7, 3, 1]);
}

fn event_entities() -> Vec<Value> {
    let mut f2 = ent("forces", "organization", "Osland forces");
    f2["required"] = json!(false);
    vec![
        ent("sf", "organization", "Osland special forces"),
        f2,
        ent("karim", "person", "Karim Abd-al-Wahid"),
        ent("venn", "person", "Liora Venn"),
        ent("oranto", "person", "Yusuf Oranto"),
        ent("dara", "location", "Dara District"),
        ent("sarkan", "location", "Sarkan Province"),
        ent("kesh", "organization", "Kesh Brigade"),
        ent("council", "organization", "Valley Council"),
    ]
}

#[test]
fn events_with_location_alternatives_dates_and_roles() {
    let ents = event_entities();
    let gold = json!({
        "entities": ents,
        "events": [
            {"type": "ASSAULT", "agents": ["sf"], "targets": ["karim"], "location": "dara",
             "date": "2020-10", "fatalities": 6, "mode": "raid",
             "alternatives": {"agents": ["forces"], "location": ["sarkan"]}},
            {"type": "ASSAULT", "agents": ["forces"], "targets": ["venn"], "location": "sarkan",
             "date": "2020"},
            {"type": "ASSAULT", "agents": ["sf"], "targets": ["oranto"], "date": "2019-05-02",
             "required": false},
            {"type": "CONSULT", "agents": ["kesh"], "targets": ["council"]},
            {"type": "ASSAULT", "agents": ["kesh"], "targets": ["council"], "date": "2018"}
        ]
    });
    let ev = |t: &str, a: &str, tg: &str| json!({"type": t, "agents": [a], "targets": [tg]});
    let mut e0 = ev("ASSAULT", "qforces", "qkarim");
    e0["location"] = json!("qsarkan");
    e0["date"] = json!("2020-10-24");
    let mut e1 = ev("ASSAULT", "qforces", "qvenn");
    e1["location"] = json!("qsarkan");
    e1["date"] = json!("2020-03");
    let mut e2 = ev("ASSAULT", "qsf", "qkarim");
    e2["location"] = json!("nowhere");
    let pred = json!({
        "entities": as_pred(&ents),
        "events": [
            e0,                                   // gold 0 (or 1): the date decides
            e1,                                   // gold 1 (or 0)
            e2,                                   // wrong place for gold 0: optional gold 2
            ev("CONSULT", "qcouncil", "qkesh"),   // roles swapped: still gold 3
            ev("CONSULT", "qkesh", "qcouncil"),   // a second one: extra
            ev("SANCTION", "qkesh", "qcouncil")   // no such gold: extra
        ]
    });
    let c = case(vec![("events", gold, Pred::Json(pred))]);
    let r = check(&c);
    assert_eq!(tally(&r.total)[2], [3, 2, 1]);
    assert_eq!((r.total.date_total, r.total.date_hits), (2, 2));
}

#[test]
fn equally_good_assignments_are_broken_as_score_py_breaks_them() {
    // Both predictions could take any gold event; the optimum matches two
    // required events, one on its date, and leaves a tie between "2020"
    // and the undated one for the second. Which one is taken changes the
    // date accuracy (1/2 or 1/1): only the same algorithm agrees.
    let ents = vec![
        ent("kesh", "organization", "Kesh Brigade"),
        ent("p0", "person", "Darin Kell"),
        ent("p1", "person", "Yusuf Oranto"),
        ent("p2", "person", "Liora Venn"),
    ];
    let events = [
        json!({"type": "ASSAULT", "agents": ["kesh"], "targets": ["p0"], "date": "2021-01"}),
        json!({"type": "ASSAULT", "agents": ["kesh"], "targets": ["p1"], "date": "2020"}),
        json!({"type": "ASSAULT", "agents": ["kesh"], "targets": ["p2"]}),
    ];
    let gold =
        |order: [usize; 3]| json!({"entities": ents, "events": order.map(|i| events[i].clone())});
    let pred = json!({
        "entities": as_pred(&ents),
        "events": [
            {"type": "ASSAULT", "agents": ["qkesh"], "targets": [], "date": "2021-01-05"},
            {"type": "ASSAULT", "agents": ["qkesh"], "date": "2019"}
        ]
    });
    let c = case(vec![
        ("dated-first", gold([0, 1, 2]), Pred::Json(pred.clone())),
        ("undated-first", gold([0, 2, 1]), Pred::Json(pred)),
    ]);
    let r = check(&c);
    let per_doc: Vec<_> = r
        .documents
        .iter()
        .map(|d| (tally(&d.counts)[2], d.counts.date_total, d.counts.date_hits))
        .collect();
    // same counts, but the second prediction lands on the "2020" event in
    // one file and on the undated one in the other
    assert_eq!(per_doc, [([2, 0, 1], 2, 1), ([2, 0, 1], 1, 1)]);
}

#[test]
fn claims_with_six_word_heads_and_alternative_speakers() {
    let ents = vec![
        ent("venn", "person", "Liora Venn"),
        ent("mod", "organization", "Osland Ministry of Defence"),
        ent("kell", "person", "Darin Kell"),
        ent("kesh", "organization", "Kesh Brigade"),
    ];
    let gold = json!({
        "entities": ents,
        "claims": [
            {"speaker": "venn", "quote": "It will be very hard to separate the two movements now",
             "about": ["kesh"], "stance": "supports"},
            {"speaker": "mod", "quote": "The raid killed six fighters, including a senior commander.",
             "about": [], "alternatives": {"speaker": ["kell"]}},
            {"speaker": "venn", "quote": "We have no evidence of any links", "about": [],
             "required": false},
            {"speaker": "mod", "quote": "Short one.", "about": []},
            {"speaker": "kesh", "quote": "We reject every accusation made against us today",
             "about": []}
        ]
    });
    let cl = |s: &str, q: &str| json!({"speaker": s, "quote": q, "about": []});
    let pred = json!({
        "entities": as_pred(&ents),
        "claims": [
            cl("qvenn", "“It will be very hard to separate” the two groups, she said"),
            cl("qkell", "The raid killed six fighters"),      // co-source, shorter quote
            cl("qvenn", "We have no evidence of any links to the group"), // optional gold
            cl("qmod", "short one indeed"),
            cl("qmod", "It will be very hard to separate them"),   // wrong speaker: extra
            cl("nobody", "Some words here"),                        // unknown speaker: extra
            cl("qvenn", "It will be very hard to say")              // second take: extra
        ]
    });
    let c = case(vec![("claims", gold, Pred::Json(pred))]);
    let r = check(&c);
    assert_eq!(tally(&r.total)[3], [3, 3, 1]);
}

#[test]
fn several_documents_boilerplate_and_missing_or_unusable_predictions() {
    let kesh = ent("kesh", "organization", "Kesh Brigade");
    let small = json!({
        "entities": [kesh.clone(), {"id": "venn", "type": "person", "name": "Liora Venn",
                                    "aliases": ["Venn", "L. Venn"]}],
        "ties": [{"subject": "venn", "predicate": "affiliated_with", "object": "kesh"}],
        "events": [{"type": "ACCUSE", "agents": ["venn"], "targets": ["kesh"], "date": "2022"}],
        "claims": [{"speaker": "venn", "quote": "They are one and the same", "about": ["kesh"]}]
    });
    let boiler_gold = json!({
        "boilerplate": ["Popular posts from this blog", "Subscribe to the Harbor Gazette"],
        "entities": [kesh.clone()]
    });
    // the boilerplate yields an entity and a claim that the gold does not have
    let boiler_pred = json!({
        "entities": [{"id": "x1", "type": "organization", "name": "Kesh Brigade"},
                     {"id": "x2", "type": "organization", "name": "Harbor Gazette"}],
        "claims": [{"speaker": "x2", "quote": "Subscribe to the Harbor Gazette"}]
    });
    let c = case(vec![
        (
            "a",
            small.clone(),
            Pred::Json(json!({"entities": [kesh.clone()]})),
        ),
        ("a-b", small.clone(), Pred::Json(json!({}))),
        ("boiler", boiler_gold, Pred::Json(boiler_pred)),
        ("missing", small.clone(), Pred::Missing),
        ("not-json", small.clone(), Pred::Raw(b"{\"entities\": [")),
        (
            "not-utf8",
            small.clone(),
            Pred::Raw(b"{\"document\": \"caf\xe9\"}"),
        ),
        ("folder", small.clone(), Pred::Dir),
    ]);
    let r = check(&c);
    let names: Vec<&str> = r.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        ["a-b", "a", "boiler", "folder", "missing", "not-json", "not-utf8"]
    );
    let errors: Vec<Option<&str>> = r
        .documents
        .iter()
        .map(|d| d.no_prediction.as_ref().map(|n| n.error.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            None,
            None,
            None,
            Some("IsADirectoryError"),
            Some("FileNotFoundError"),
            Some("JSONDecodeError"),
            Some("UnicodeDecodeError")
        ]
    );
    // entities: 7 documents; "a" and "boiler" find Kesh Brigade; one extra
    assert_eq!(tally(&r.total)[0], [2, 1, 11]);
    assert_eq!(tally(&r.total)[1], [0, 0, 6]);
    assert_eq!(tally(&r.total)[3], [0, 1, 6]);
    assert_eq!(r.total.alias_pairs, 12);
    assert!(r
        .to_string()
        .starts_with("folder: no usable prediction (IsADirectoryError)\n"));
}

#[test]
fn empty_categories_score_zero() {
    let gold = json!({"entities": [ent("kesh", "organization", "Kesh Brigade")]});
    let pred = json!({"entities": [{"id": "k", "type": "organization", "name": "the Kesh Brigade"}],
                      "ties": []});
    let c = case(vec![("lonely", gold, Pred::Json(pred))]);
    let r = check(&c);
    assert_eq!(tally(&r.total), [[1, 0, 0], [0; 3], [0; 3], [0; 3]]);
    assert_eq!(
        r.last_line(),
        "entities F1=1.000 ties F1=0.000 events F1=0.000 claims F1=0.000 alias_recall=0.000"
    );
}

#[test]
fn dev_gold_scores_one_against_itself() {
    let dev = eval_dir().join("dev");
    if !dev.is_dir() {
        eprintln!("skipping: {} is absent", dev.display());
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let golds = predict::gold_files(&dev).unwrap();
    for (name, path) in &golds {
        std::fs::copy(path, tmp.path().join(format!("{name}.json"))).unwrap();
    }
    let r = eval::evaluate(&dev, tmp.path()).unwrap();
    compare_with_score_py(&dev, tmp.path(), &r);
    assert_eq!(r.documents.len(), golds.len());
    for (name, t) in r.total.categories() {
        assert_eq!(t.f1(), 1.0, "{name}");
    }
    assert_eq!(r.total.alias_recall(), 1.0);
    assert_eq!(r.total.date_accuracy(), 1.0);
    assert_eq!(
        r.last_line(),
        "entities F1=1.000 ties F1=1.000 events F1=1.000 claims F1=1.000 alias_recall=1.000"
    );

    // and against nothing: every prediction missing
    let empty = tempfile::tempdir().unwrap();
    let r = eval::evaluate(&dev, empty.path()).unwrap();
    compare_with_score_py(&dev, empty.path(), &r);
    assert!(r.documents.iter().all(|d| d.no_prediction.is_some()));
    assert_eq!(r.total.entities.tp, 0);
}

#[test]
fn dev_gold_files_parse_and_round_trip() {
    let dev = eval_dir().join("dev");
    if !dev.is_dir() {
        eprintln!("skipping: {} is absent", dev.display());
        return;
    }
    let files = predict::read_dir(&dev).unwrap();
    assert!(!files.is_empty());
    for (name, file) in files {
        assert!(!name.ends_with(".gold"), "{name}");
        assert!(!file.entities.is_empty(), "{name}");
        let again = predict::parse(&predict::to_json(&file), Path::new(&name)).unwrap();
        assert_eq!(again, file, "{name}");
    }
}

/// A small deterministic generator (xorshift64*), enough to vary cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const NAMES: &[&str] = &[
    "Kesh Brigade",
    "the Kesh Brigade",
    "KESH",
    "Northern Valley Front",
    "NVF",
    "Osland Army",
    "Liora Venn",
    "Venn",
    "Darin Kell",
    "Yusuf Oranto",
    "Sarkan Province",
    "Sarkan",
    "Dara District",
    "Valley Council",
    "Karim Abd-al-Wahid",
    "Abu Sayf al-Ghazi",
    "Qal‘at Zaman",
    "Rusta",
    "Hamid Rusta",
];
const TYPES: &[&str] = &["person", "organization", "location", "agreement"];
const PREDICATES: &[&str] = &[
    "hosts",
    "cooperates_with",
    "allied_with",
    "rival_of",
    "member_of",
    "funds",
];
const EVENT_TYPES: &[&str] = &["ASSAULT", "CONSULT", "ACCUSE"];
const DATES: &[&str] = &["2020", "2020-10", "2020-10-24", "2019", "2021-03", ""];
const QUOTES: &[&str] = &[
    "It will be very hard to separate the two groups now",
    "The raid killed six fighters, including a senior commander",
    "We reject every accusation made against us",
    "They are one and the same",
    "Short one",
    "the two groups now",
];

/// A random gold file over `NAMES`, and a prediction that copies, bends and
/// drops parts of it and adds some of its own.
fn random_pair(rng: &mut Rng) -> (Value, Option<Value>) {
    let n = 2 + rng.below(7);
    let gid = |i: usize| format!("g{i}");
    let mut entities = Vec::new();
    for i in 0..n {
        let mut e = json!({"id": gid(i), "type": rng.pick(TYPES), "name": rng.pick(NAMES),
                           "aliases": (0..rng.below(3)).map(|_| rng.pick(NAMES)).collect::<Vec<_>>()});
        if rng.chance(20) {
            e["required"] = json!(false);
        }
        if rng.chance(20) {
            e["alternatives"] = json!({"type": [rng.pick(TYPES)]});
        }
        entities.push(e);
    }
    let some_id = |rng: &mut Rng| gid(rng.below(n));
    let mut ties = Vec::new();
    for _ in 0..rng.below(7) {
        let mut t = json!({"subject": some_id(rng), "predicate": rng.pick(PREDICATES),
                           "object": some_id(rng)});
        if rng.chance(20) {
            t["polarity"] = json!("denied");
        }
        if rng.chance(20) {
            t["required"] = json!(false);
        }
        if rng.chance(30) {
            let key = rng.pick(&["predicate", "subject", "object"]);
            let v = if key == "predicate" {
                rng.pick(PREDICATES).to_string()
            } else {
                some_id(rng)
            };
            t["alternatives"] = json!({key: [v]});
        }
        ties.push(t);
    }
    let mut events = Vec::new();
    for _ in 0..rng.below(6) {
        let mut e = json!({"type": rng.pick(EVENT_TYPES),
                           "agents": (0..1 + rng.below(2)).map(|_| some_id(rng)).collect::<Vec<_>>(),
                           "targets": (0..rng.below(3)).map(|_| some_id(rng)).collect::<Vec<_>>()});
        if rng.chance(50) {
            e["location"] = json!(some_id(rng));
        }
        if rng.chance(80) {
            e["date"] = json!(rng.pick(DATES));
        }
        if rng.chance(20) {
            e["required"] = json!(false);
        }
        if rng.chance(30) {
            e["alternatives"] = json!({"agents": [some_id(rng)], "location": [some_id(rng)]});
        }
        events.push(e);
    }
    let mut claims = Vec::new();
    for _ in 0..rng.below(5) {
        let mut c = json!({"speaker": some_id(rng), "quote": rng.pick(QUOTES), "about": []});
        if rng.chance(20) {
            c["required"] = json!(false);
        }
        if rng.chance(30) {
            c["alternatives"] = json!({"speaker": [some_id(rng)]});
        }
        claims.push(c);
    }
    let gold = json!({"entities": entities, "ties": ties, "events": events, "claims": claims});
    if rng.chance(5) {
        return (gold, None);
    }

    // the prediction: ids g<i> become p<i>; some lost, some wrong, some extra
    let pid = |rng: &mut Rng, id: &Value| -> Value {
        if rng.chance(10) {
            json!(format!("p{}", rng.below(n + 1)))
        } else {
            json!(id.as_str().unwrap().replacen('g', "p", 1))
        }
    };
    let mut p_entities = Vec::new();
    for e in gold["entities"].as_array().unwrap() {
        if rng.chance(80) {
            let mut e = e.clone();
            e["id"] = pid(rng, &e["id"]);
            e.as_object_mut().unwrap().remove("required");
            if rng.chance(20) {
                e["name"] = json!(rng.pick(NAMES));
            }
            if rng.chance(10) {
                e["type"] = json!(rng.pick(TYPES));
            }
            p_entities.push(e);
        }
    }
    for _ in 0..rng.below(3) {
        p_entities.push(
            json!({"id": format!("p{}", n + rng.below(3)), "type": rng.pick(TYPES),
                               "name": rng.pick(NAMES)}),
        );
    }
    if rng.chance(5) {
        p_entities.push(json!({"type": "person", "name": "Liora Venn"}));
    }
    let copy_items = |rng: &mut Rng, items: &Value, ids: &[&str], lists: &[&str]| -> Vec<Value> {
        let mut out = Vec::new();
        for x in items.as_array().unwrap() {
            if !rng.chance(75) {
                continue;
            }
            let mut x = x.clone();
            let o = x.as_object_mut().unwrap();
            o.remove("required");
            o.remove("alternatives");
            for k in ids {
                if let Some(v) = o.get(*k).cloned() {
                    o.insert(k.to_string(), pid(rng, &v));
                }
            }
            for k in lists {
                if let Some(Value::Array(vs)) = o.get(*k).cloned() {
                    o.insert(
                        k.to_string(),
                        Value::Array(vs.iter().map(|v| pid(rng, v)).collect()),
                    );
                }
            }
            let copies = if rng.chance(10) { 2 } else { 1 };
            for _ in 0..copies {
                out.push(x.clone());
            }
        }
        out
    };
    let mut p_ties = copy_items(rng, &gold["ties"], &["subject", "object"], &[]);
    for t in &mut p_ties {
        if rng.chance(20) {
            let o = t.as_object_mut().unwrap();
            let (s, ob) = (o["subject"].clone(), o["object"].clone());
            o.insert("subject".into(), ob);
            o.insert("object".into(), s);
        }
        if rng.chance(10) {
            t["polarity"] = json!(rng.pick(&["denied", "asserted", "hedged"]));
        }
        if rng.chance(10) {
            t["predicate"] = json!(rng.pick(PREDICATES));
        }
    }
    if rng.chance(30) {
        p_ties.push(json!({"subject": "zz", "predicate": rng.pick(PREDICATES), "object": "p0"}));
    }
    let mut p_events = copy_items(rng, &gold["events"], &["location"], &["agents", "targets"]);
    for e in &mut p_events {
        if rng.chance(30) {
            e["date"] = json!(rng.pick(DATES));
        }
        if rng.chance(10) {
            e["type"] = json!(rng.pick(EVENT_TYPES));
        }
    }
    let mut p_claims = copy_items(rng, &gold["claims"], &["speaker"], &[]);
    for c in &mut p_claims {
        let q = c["quote"].as_str().unwrap().to_string();
        c["quote"] = json!(match rng.below(5) {
            0 => format!("“{q},” she said"),
            1 => q.split(' ').take(4).collect::<Vec<_>>().join(" "),
            2 => rng.pick(QUOTES).to_string(),
            _ => q,
        });
    }
    let pred = json!({"entities": p_entities, "ties": p_ties, "events": p_events,
                      "claims": p_claims});
    (gold, Some(pred))
}

#[test]
fn random_documents_score_as_score_py_scores_them() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let docs: Vec<(String, Value, Pred)> = (0..300)
        .map(|i| {
            let (gold, pred) = random_pair(&mut rng);
            let pred = pred.map_or(Pred::Missing, Pred::Json);
            (format!("doc{i:03}"), gold, pred)
        })
        .collect();
    let c = case(docs);
    let r = check(&c);
    // the cases are not trivial: every category has hits, extras and misses
    for (name, t) in r.total.categories() {
        assert!(t.tp > 0 && t.fp > 0 && t.fn_ > 0, "{name}: {t:?}");
    }
    assert!(r.total.alias_hits > 0 && r.total.date_total > r.total.date_hits);
}

// ------------------------------------------------------------ errors

#[test]
fn bad_files_are_errors_naming_the_file_and_the_field() {
    let gold = json!({"entities": [{"id": "k", "type": "organization", "name": "Kesh",
                                    "required": "false"}]});
    let c = case(vec![("typo", gold, Pred::Json(json!({})))]);
    let err = eval::evaluate(&c.gold, &c.pred).unwrap_err();
    assert!(matches!(&err, EvalError::Field { field, .. } if field == "entities[0].required"));
    assert!(err.path().ends_with("typo.gold.json"), "{err}");

    let gold = json!({"entities": [{"id": "k", "name": "Kesh"}]});
    let c = case(vec![("untyped", gold, Pred::Json(json!({})))]);
    let err = eval::evaluate(&c.gold, &c.pred).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: field entities[0].type: missing (a gold file must give it)",
            c.gold.join("untyped.gold.json").display()
        )
    );

    let gold = json!({"entities": []});
    let pred = json!({"events": [{"type": "ASSAULT", "agents": ["a", 3]}]});
    let c = case(vec![("numbers", gold, Pred::Json(pred))]);
    let err = eval::evaluate(&c.gold, &c.pred).unwrap_err();
    assert!(
        matches!(&err, EvalError::Field { field, .. } if field == "events[0].agents[1]"),
        "{err}"
    );
    assert!(err.path().ends_with("numbers.json"), "{err}");

    let c = case(vec![("list", json!({}), Pred::Json(json!([])))]);
    let err = eval::evaluate(&c.gold, &c.pred).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: field (whole file): invalid type: sequence, expected an object",
            c.pred.join("list.json").display()
        )
    );

    let pred = json!({"entities": [["e1", "person", "Liora Venn"]]});
    let c = case(vec![("row", json!({}), Pred::Json(pred))]);
    let err = eval::evaluate(&c.gold, &c.pred).unwrap_err();
    assert!(
        matches!(&err, EvalError::Field { field, .. } if field == "entities[0]"),
        "{err}"
    );

    let tmp = tempfile::tempdir().unwrap();
    let err = eval::evaluate(tmp.path(), tmp.path()).unwrap_err();
    assert!(matches!(err, EvalError::NoGold { .. }), "{err}");
}

// ------------------------------------------------------------ folding

#[test]
fn fold_agrees_with_score_py_on_every_assigned_code_point() {
    let Some(_) = score_py() else {
        return;
    };
    let extra = [
        "The",
        "the",
        "the the x",
        "  The  Northern-Valley   Front. ",
        "ΟΔΟΣ ΟΔΟΣ",
        "aΣ b",
        "ΣΑΣ.Σ",
        "İstanbul",
        "Straße",
        "ﬁrst",
        "हिन्दी",
        "Qal‘ah-ye Now",
        "ʿAbd al-Rahman",
        "Abd-al-Ra'uf",
        "x´y",
        "_a_",
        "½ ⅓",
        "U.S.-led",
        "Taliban’s",
    ];
    const SCRIPT: &str = r#"
import json, sys, unicodedata
sys.path.insert(0, sys.argv[1])
import score
extra = json.loads(sys.stdin.read())
chars = []
for cp in range(0x110000):
    c = chr(cp)
    if unicodedata.category(c) not in ("Cn", "Cs"):
        chars.append([cp, score.fold("x" + c + "y"), score.fold(c)])
print(json.dumps({"unicode": unicodedata.unidata_version, "chars": chars,
                  "extra": [[s, score.fold(s)] for s in extra]}))
"#;
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(eval_dir())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(serde_json::to_string(&extra).unwrap().as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let py: Value = serde_json::from_slice(&out.stdout).unwrap();
    for pair in py["extra"].as_array().unwrap() {
        let (s, f) = (pair[0].as_str().unwrap(), pair[1].as_str().unwrap());
        assert_eq!(eval::fold(s), f, "fold({s:?})");
    }
    let mut differ = Vec::new();
    let chars = py["chars"].as_array().unwrap();
    for item in chars {
        let cp = item[0].as_u64().unwrap() as u32;
        let c = char::from_u32(cp).unwrap();
        let (in_context, alone) = (item[1].as_str().unwrap(), item[2].as_str().unwrap());
        if eval::fold(&format!("x{c}y")) != in_context || eval::fold(&c.to_string()) != alone {
            differ.push(format!("U+{cp:04X}"));
        }
    }
    assert!(
        differ.is_empty(),
        "fold differs from score.py (Python's Unicode {}) on {} of {} code points: {:?}",
        py["unicode"],
        differ.len(),
        chars.len(),
        &differ[..differ.len().min(50)]
    );
}
