//! The CLI boundary: real `untangle` processes on corpora the tests write,
//! including bad input and a writer killed with SIGKILL mid-ingest.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn untangle(db: &Path) -> Command {
    let mut c = Command::cargo_bin("untangle").unwrap();
    c.env_remove("UNTANGLE_DB").arg("--db").arg(db);
    c
}

fn json_of(out: &[u8]) -> Value {
    serde_json::from_slice(out).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {}", String::from_utf8_lossy(out));
    })
}

fn article(i: usize) -> String {
    // Distinct enough that no two are near-duplicates.
    let words = [
        "convoy",
        "district",
        "council",
        "market",
        "bridge",
        "village",
        "police",
        "governor",
        "checkpoint",
        "school",
        "election",
        "border",
        "militia",
        "province",
        "airport",
        "clinic",
    ];
    let mut s = format!("Report number {i} from the field.\n\n");
    for k in 0..40 {
        let w = words[(i * 7 + k * 13 + k * k * (i % 5 + 1)) % words.len()];
        s.push_str(&format!(
            "The {w} {} was seen near item {} on day {}. ",
            i % 97,
            k * i,
            k
        ));
    }
    s
}

#[test]
fn bad_inputs_are_named_one_line_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    fs::write(
        c.join("good.txt"),
        "The Taliban met officials in Doha on Monday.\n",
    )
    .unwrap();
    fs::write(c.join("bad-utf8.txt"), b"caf\xe9 \xff\xfe broken text here").unwrap();
    fs::write(c.join("binary.bin"), b"\x00\x01\x02\x03ELF\x00\x00").unwrap();
    fs::write(c.join("empty.txt"), b"").unwrap();
    fs::write(
        c.join("truncated.pdf"),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog",
    )
    .unwrap();
    fs::write(
        c.join("broken-feed.xml"),
        "<?xml version=\"1.0\"?><rss><channel><item><title>x",
    )
    .unwrap();
    fs::write(
        c.join("records.jsonl"),
        "{\"text\": \"First record about the border.\"}\n{not json\n{\"title\": \"no text field\"}\n",
    )
    .unwrap();
    fs::write(c.join("huge.txt"), "word ".repeat(50_000)).unwrap();
    let db = dir.path().join("t.db");

    let out = untangle(&db)
        .args(["ingest", "--max-bytes", "100000"])
        .arg(&c)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "some inputs failed → exit 3");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in [
        "bad-utf8.txt",
        "binary.bin",
        "empty.txt",
        "truncated.pdf",
        "broken-feed.xml",
        "records.jsonl:2",
        "records.jsonl:3",
        "huge.txt",
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "one error line for {name}:\n{stderr}");
        assert!(lines[0].starts_with("error: "), "{}", lines[0]);
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stats = json_of(
        &untangle(&db)
            .args(["stats", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(stats["documents"], 2, "good.txt and the good JSONL line");

    // Nothing stored before is lost when a later batch is bad.
    let again = untangle(&db)
        .args(["ingest", "--json", "--max-bytes", "100000"])
        .arg(&c)
        .output()
        .unwrap();
    let report = json_of(&again.stdout);
    assert_eq!(report["stored"], 0);
    assert_eq!(report["duplicates"], 2);
    let stats = json_of(
        &untangle(&db)
            .args(["--json", "stats"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(stats["documents"], 2);
    untangle(&db).arg("check").assert().success();
}

#[test]
fn global_options_work_before_or_after_the_subcommand_and_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, "Kabul police arrested two suspects on Tuesday.").unwrap();
    let db = dir.path().join("x.db");
    Command::cargo_bin("untangle")
        .unwrap()
        .arg("ingest")
        .arg(&f)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let out = Command::cargo_bin("untangle")
        .unwrap()
        .env("UNTANGLE_DB", &db)
        .args(["stats", "--json"])
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout)["documents"], 1);
}

#[test]
fn docs_search_and_sources_answer_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c");
    fs::create_dir(&c).unwrap();
    fs::write(
        c.join("feed.jsonl"),
        concat!(
            "{\"text\": \"Al-Qaeda members are embedded in Taliban units.\", \"title\": \"Embedded\", \"source\": \"Example Wire\", \"published\": \"2021-02-03\"}\n",
            "{\"text\": \"The monitoring team met in New York.\", \"source\": \"Example Wire\"}\n",
        ),
    )
    .unwrap();
    let db = dir.path().join("t.db");
    untangle(&db).arg("ingest").arg(&c).assert().success();

    let list = json_of(
        &untangle(&db)
            .args(["docs", "list", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let docs = list.as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["published"], "2021-02-03");
    let id = docs[0]["id"].as_str().unwrap();

    let show = json_of(
        &untangle(&db)
            .args(["docs", "show", &id[..10], "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(show["id"], id);
    assert_eq!(show["meta"]["publisher"], "Example Wire");
    assert_eq!(show["source"]["reliability"], "F");

    let text = untangle(&db)
        .args(["docs", "show", &id[..10]])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("embedded in Taliban units"));

    untangle(&db)
        .args(["docs", "show", "ffffffffff"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("no document with id"));

    let hits = json_of(
        &untangle(&db)
            .args(["search", "taliban", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let kinds: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "document").count(), 1);
    // the ties read in it are stored with their sentences, which search finds
    assert!(kinds.contains(&"evidence"), "{hits}");
    untangle(&db)
        .args(["search", "--raw", "taliban AND ("])
        .assert()
        .failure()
        .stderr(predicates::str::contains("bad search query"));

    untangle(&db)
        .args(["sources", "set", "Example Wire", "b"])
        .assert()
        .success();
    let src = json_of(
        &untangle(&db)
            .args(["sources", "list", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(src[0]["reliability"], "B");
    assert_eq!(src[0]["documents"], 2);
    untangle(&db)
        .args(["sources", "set", "Example Wire", "Z"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("reliability"));
}

/// Every stored document's id, origin and repost link, sorted: the store's
/// observable state after ingest.
fn snapshot(db: &Path) -> Vec<String> {
    let out = untangle(db)
        .args(["docs", "list", "--limit", "1000000", "--json"])
        .output()
        .unwrap();
    let v = json_of(&out.stdout);
    let mut rows: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {} {}",
                d["id"], d["origin"], d["repost_of"], d["chars"]
            )
        })
        .collect();
    rows.sort();
    rows
}

fn crash_corpus(dir: &Path) -> PathBuf {
    let c = dir.join("crash-corpus");
    fs::create_dir_all(c.join("files")).unwrap();
    for i in 0..600 {
        fs::write(c.join("files").join(format!("{i:04}.txt")), article(i)).unwrap();
    }
    // Reposts: copies with extra chrome lines, so origins depend on order.
    for i in (0..600).step_by(50) {
        let copy = format!("Share this story\n\n{}\n\nAll rights reserved.", article(i));
        fs::write(c.join("files").join(format!("{i:04}-copy.txt")), copy).unwrap();
    }
    let mut jsonl = String::new();
    for i in 600..6000 {
        let rec = serde_json::json!({"text": article(i), "source": "Wire"});
        jsonl.push_str(&rec.to_string());
        jsonl.push('\n');
    }
    fs::write(c.join("bulk.jsonl"), jsonl).unwrap();
    c
}

#[test]
fn sigkill_mid_ingest_then_rerun_equals_one_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = crash_corpus(dir.path());

    let clean = dir.path().join("clean.db");
    untangle(&clean)
        .args(["ingest", "--batch", "50"])
        .arg(&corpus)
        .assert()
        .success();
    let expected = snapshot(&clean);
    assert_eq!(expected.len(), 6000 + 12);

    let crashed = dir.path().join("crashed.db");
    let bin = assert_cmd::cargo::cargo_bin("untangle");
    let mut kills = 0;
    for delay_ms in [150u64, 300, 450, 600, 900, 1200, 1600] {
        let mut child = std::process::Command::new(&bin)
            .env("UNTANGLE_PROGRESS", "0")
            .arg("--db")
            .arg(&crashed)
            .args(["ingest", "--batch", "50"])
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            kills += 1;
        }
        child.wait().unwrap();
    }
    assert!(
        kills > 0,
        "the ingest finished before any kill: make the corpus larger"
    );
    untangle(&crashed).arg("check").assert().success();
    untangle(&crashed)
        .args(["ingest", "--batch", "50"])
        .arg(&corpus)
        .assert()
        .success();
    assert_eq!(snapshot(&crashed), expected);
    untangle(&crashed).arg("check").assert().success();
}

#[test]
fn extract_writes_one_prediction_file_per_document() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("in");
    fs::create_dir(&c).unwrap();
    fs::write(
        c.join("report-one.txt"),
        "Gunmen loyal to the Haqqani Network attacked a checkpoint in Paktia Province, said Javed Rahimi, a police spokesman. Rahimi said two officers died.\n",
    )
    .unwrap();
    fs::write(c.join("broken.txt"), b"caf\xe9 \xff broken text").unwrap();
    let out = dir.path().join("out");
    let db = dir.path().join("unused.db");
    let o = untangle(&db)
        .args(["extract", "--json", "--out"])
        .arg(&out)
        .arg(&c)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "one input failed");
    assert!(String::from_utf8_lossy(&o.stderr).contains("broken.txt"));
    let pred = json_of(&fs::read(out.join("report-one.json")).unwrap());
    let entities = pred["entities"].as_array().unwrap();
    let find = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("{name} not in {entities:#?}"))
    };
    assert_eq!(find("Javed Rahimi")["type"], "person");
    assert_eq!(find("Javed Rahimi")["aliases"][0], "Rahimi");
    assert_eq!(find("Paktia Province")["type"], "location");
    assert_eq!(find("Haqqani Network")["type"], "organization");
    for key in ["ties", "events"] {
        assert!(pred[key].as_array().unwrap().is_empty());
    }
    let rahimi = find("Javed Rahimi")["id"].clone();
    let claims = pred["claims"].as_array().unwrap();
    assert!(claims
        .iter()
        .any(|c| c["speaker"] == rahimi && c["quote"] == "two officers died"));
    assert!(!db.exists(), "extract does not touch the store");
}

#[test]
fn events_without_participants_are_listed_as_incidents() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("report.txt");
    fs::write(
        &f,
        "A car bomb killed 12 people in Kandahar on 3 May 2021. The Taliban attacked a police \
         post in Ghazni on 4 May 2021, killing three policemen.\n",
    )
    .unwrap();
    let o = untangle(&dir.path().join("unused.db"))
        .args(["extract", "--json"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(o.status.success());
    let v = json_of(&o.stdout);
    let doc = if v.is_array() { &v[0] } else { &v };
    let events = doc["events"].as_array().unwrap();
    let incidents = doc["incidents"].as_array().unwrap();
    assert!(
        events
            .iter()
            .all(|e| !e["agents"].as_array().unwrap().is_empty()
                || !e["targets"].as_array().unwrap().is_empty()),
        "{events:#?}"
    );
    assert!(
        incidents.iter().any(|e| e["fatalities"] == 12),
        "the car bomb is an incident: {incidents:#?}"
    );
    assert!(events.iter().any(|e| e["type"] == "ASSAULT"), "{events:#?}");
}

#[test]
fn eval_scores_predictions_against_answer_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, pred) = (dir.path().join("gold"), dir.path().join("pred"));
    fs::create_dir_all(&gold).unwrap();
    fs::create_dir_all(&pred).unwrap();
    fs::write(
        gold.join("a.gold.json"),
        r#"{"document": "a.txt", "entities": [
            {"id": "g1", "type": "person", "name": "Javed Rahimi", "aliases": ["Rahimi"]},
            {"id": "g2", "type": "location", "name": "Paktia Province", "aliases": []}],
            "ties": [], "events": [], "claims": []}"#,
    )
    .unwrap();
    fs::write(
        pred.join("a.json"),
        r#"{"document": "a.txt", "entities": [
            {"id": "e1", "type": "person", "name": "Javed Rahimi", "aliases": ["Rahimi"]},
            {"id": "e2", "type": "organization", "name": "Paktia Province", "aliases": []}],
            "ties": [], "events": [], "claims": []}"#,
    )
    .unwrap();
    let db = dir.path().join("unused.db");
    let o = untangle(&db)
        .args(["eval", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("entities F1=0.500 "), "{last}");
    assert!(last.ends_with("alias_recall=1.000"), "{last}");
    // a malformed key names the file and the field
    fs::write(gold.join("b.gold.json"), r#"{"entities": [{"type": 7}]}"#).unwrap();
    let o = untangle(&db)
        .args(["eval", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("b.gold.json") && err.contains("entities[0]"),
        "{err}"
    );
}

#[test]
fn ties_events_and_claims_list_with_filters_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let corpus = dir.path().join("c");
    fs::create_dir(&corpus).unwrap();
    fs::write(
        corpus.join("a.txt"),
        "Analysts say the Taliban still hosts Al-Qaeda in Kunar. \
         \"We have seen no change,\" said Weeda Mehran, an expert at the University of Exeter.",
    )
    .unwrap();
    untangle(&db).arg("ingest").arg(&corpus).assert().success();
    let out = untangle(&db)
        .args(["ties", "--entity", "al-qaeda", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = json_of(&out.stdout);
    let hosts = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["predicate"] == "hosts")
        .expect("a hosts tie");
    assert_eq!(hosts["subject"]["name"], "Taliban");
    assert!(hosts["evidence"]["sentence"]
        .as_str()
        .unwrap()
        .contains("still hosts"));
    let text = untangle(&db)
        .args(["ties", "--predicate", "hosts"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Taliban --hosts--> Al-Qaeda"), "{text}");
    let claims = json_of(
        &untangle(&db)
            .args(["claims", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    assert_eq!(claims[0]["speaker"]["name"], "Weeda Mehran");
    // a bad filter value is named
    let bad = untangle(&db)
        .args(["ties", "--predicate", "hugs"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("--predicate") && err.contains("hugs"), "{err}");
}

#[test]
fn links_count_independent_origins_per_polarity_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let corpus = dir.path().join("c");
    fs::create_dir(&corpus).unwrap();
    let report = "Analysts say the Taliban still hosts Al-Qaeda in several provinces of Afghanistan, despite its promises.\n\
                  Officials in Kabul said on Sunday that the movement had not changed its policy in the east.\n\
                  The report drew on interviews with local elders, former fighters and officials in three provinces.\n";
    fs::write(corpus.join("a.txt"), report).unwrap();
    fs::write(
        corpus.join("b.txt"),
        format!("{report}Share this post on Twitter and Facebook.\n"),
    )
    .unwrap();
    fs::write(
        corpus.join("d.txt"),
        "The Taliban denied that it hosts Al-Qaeda, calling the allegation propaganda by its enemies.\n",
    )
    .unwrap();
    untangle(&db).arg("ingest").arg(&corpus).assert().success();
    let v = json_of(
        &untangle(&db)
            .args(["links", "--actor", "qaeda", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let hosts = v
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["predicate"] == "hosts")
        .expect("a hosts link");
    assert_eq!(hosts["asserted"]["documents"], 2);
    assert_eq!(hosts["asserted"]["origins"], 1, "a repost is no new source");
    assert_eq!(hosts["denied"]["origins"], 1);
    let text = untangle(&db).args(["links"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Taliban --hosts--> Al-Qaeda")
            && text.contains("asserted by 1 origin (2 docs"),
        "{text}"
    );
    // at least two asserting origins: none here
    let strict = untangle(&db)
        .args(["links", "--min-origins", "2"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&strict.stdout).contains("no links"));
}

// ------------------------------------------------- sanctions and resolve

/// The sanctions folder: the shipped copy in `data/sanctions`, else
/// `../shared/data/sanctions`; `None` (the test skips, saying so) when
/// neither is there.
fn sanctions() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for p in [
        root.join("data/sanctions"),
        root.join("../shared/data/sanctions"),
    ] {
        if p.join("un-consolidated-2025-04-19.xml").is_file() {
            return Some(p);
        }
    }
    eprintln!("skip: neither data/sanctions nor ../shared/data/sanctions found");
    None
}

#[test]
fn sanctions_import_keeps_history_and_resolve_links_spellings() {
    let Some(s) = sanctions() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = untangle(&db)
        .args(["--json", "import", "sanctions"])
        .arg(s.join("un-consolidated-2018-10-29.xml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = untangle(&db)
        .args(["--json", "import", "sanctions"])
        .arg(s.join("un-consolidated-2025-04-19.xml"))
        .output()
        .unwrap();
    let r = json_of(&out.stdout);
    assert_eq!(r["list_date"], "2025-04-19");
    assert!(r["aliases_removed"].as_u64().unwrap() > 0, "{r}");
    // Again: nothing changes.
    let out = untangle(&db)
        .args(["--json", "import", "sanctions"])
        .arg(s.join("un-consolidated-2025-04-19.xml"))
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout)["already_imported"], true);

    // An entry with its aliases and stated ties.
    let out = untangle(&db)
        .args(["--json", "ref", "show", "un:TAi.144"])
        .output()
        .unwrap();
    let e = json_of(&out.stdout);
    assert_eq!(e["entity"]["name"], "SIRAJUDDIN JALLALOUDINE HAQQANI");
    let ties = e["tie_history"].as_array().unwrap();
    assert!(
        ties.iter()
            .any(|t| t["predicate"] == "leader_of" && t["other_id"] == "TAe.012"),
        "{e}"
    );
    // Some alias somewhere was removed in 2025 and is still shown.
    let out = untangle(&db)
        .args(["--json", "ref", "list", "--limit", "2000"])
        .output()
        .unwrap();
    let list = json_of(&out.stdout);
    assert!(
        list.as_array().unwrap().len() > 877,
        "delisted entries are kept"
    );

    // Spelling variants link; a name not on the list does not.
    let out = untangle(&db)
        .args([
            "--json", "resolve", "lookup", "Mullah", "Mohammad", "Tahir", "Anwari", "--type",
            "person",
        ])
        .output()
        .unwrap();
    let a = json_of(&out.stdout);
    assert_eq!(a["linked"], "un:TAi.005", "{a}");
    assert!(a["candidates"][0]["reasons"][0]
        .as_str()
        .unwrap()
        .contains("folded key equal"));
    let out = untangle(&db)
        .args(["resolve", "lookup", "Jonathan Smithers", "--type", "person"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("no match"));

    // Batch: one line per query, best candidate, linked yes/no.
    let q = dir.path().join("q.txt");
    fs::write(
        &q,
        "Siraj Haqani\tperson\nHaqqani Network\torganization\nJonathan Smithers\n",
    )
    .unwrap();
    let out = untangle(&db)
        .args(["resolve", "lookup", "--batch"])
        .arg(&q)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("Siraj Haqani\tun:TAi.144\t") && lines[0].contains("\tyes\t"),
        "{text}"
    );
    assert!(
        lines[1].contains("un:TAe.012") && lines[1].contains("\tyes\t"),
        "{text}"
    );
    assert!(lines[2].contains("\tno\t"), "{text}");
}

#[test]
fn bad_sanctions_input_is_named_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let bad = dir.path().join("broken.xml");
    fs::write(
        &bad,
        "<CONSOLIDATED_LIST dateGenerated='2025-01-01'><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL><INDIVIDUAL><DATAID>2</DATAID><FIRST_NAME>B</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
    )
    .unwrap();
    let out = untangle(&db)
        .args(["import", "sanctions"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.xml") && err.contains("REFERENCE_NUMBER") && err.contains("DATAID 2"),
        "{err}"
    );
    let truncated = dir.path().join("truncated.xml");
    fs::write(
        &truncated,
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1",
    )
    .unwrap();
    let out = untangle(&db)
        .args(["import", "sanctions"])
        .arg(&truncated)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("truncated.xml"));
    let other = dir.path().join("notes.txt");
    fs::write(&other, "just some text\n").unwrap();
    let out = untangle(&db)
        .args(["import", "sanctions"])
        .arg(&other)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.txt: not a UN consolidated list"));
    let ofac = dir.path().join("ofac");
    fs::create_dir(&ofac).unwrap();
    fs::write(ofac.join("sdn.csv"), "36,AEROCARIBBEAN AIRLINES,-0- ,CUBA,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n37,BROKEN ROW,-0- \n").unwrap();
    let out = untangle(&db)
        .args(["import", "sanctions", "--list-date", "2022-01-01"])
        .arg(&ofac)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sdn.csv: line 2"), "{err}");
    // Nothing was stored by any of the failures.
    let out = untangle(&db)
        .args(["--json", "ref", "list"])
        .output()
        .unwrap();
    assert_eq!(json_of(&out.stdout), serde_json::json!([]));
    let out = untangle(&db).args(["check"]).output().unwrap();
    assert!(out.status.success());
    // Lookups against an empty store say what to do.
    let out = untangle(&db)
        .args(["resolve", "lookup", "Anyone"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("import sanctions"));
}
