//! The second development set (`tests/gold/`, four VOA articles annotated
//! by hand, see its README): the extractors run over each article the way
//! `untangle extract` does (the texts need no cleaning; the document date is
//! the gold file's `published`, which ingest reads from the file name), the
//! predictions are scored with the `eval` module, and the totals must stay
//! at or above floors set a little below the scores when the test was
//! written. A drop below a floor is a regression to look at, not a number
//! to lower.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use untangle_extract::entities::extract_entities;
use untangle_extract::{claims, eval, events, ties};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The prediction for one text, in the evaluation format.
fn prediction(name: &str, text: &str, published: Option<&str>) -> Value {
    let found = extract_entities(text);
    let entities: Vec<Value> = found
        .entities
        .iter()
        .map(|e| {
            json!({"id": e.id, "type": e.kind.as_str(), "subtype": e.subtype,
                   "name": e.name, "aliases": e.aliases})
        })
        .collect();
    let ties: Vec<Value> = ties::extract_ties(text, &found)
        .iter()
        .map(|t| {
            json!({"subject": t.subject, "predicate": t.predicate.as_str(),
                   "object": t.object, "polarity": t.polarity.as_str()})
        })
        .collect();
    let date = published.and_then(|p| p.parse().ok());
    // as `untangle extract` writes them: events without any participant
    // are incidents, listed apart
    let events: Vec<Value> = events::extract_events(text, &found, date)
        .iter()
        .filter(|e| !e.agents.is_empty() || !e.targets.is_empty())
        .map(|e| {
            let mut v = json!({"type": e.kind.as_str(), "agents": e.agents,
                               "targets": e.targets, "fatalities": e.fatalities});
            if let Some(l) = &e.location {
                v["location"] = json!(l);
            }
            if let Some(d) = e.date {
                v["date"] = json!(d.to_string());
            }
            v
        })
        .collect();
    let claims: Vec<Value> = claims::extract_claims(text, &found)
        .iter()
        .map(|c| json!({"speaker": c.speaker, "quote": c.quote, "about": c.about}))
        .collect();
    json!({"document": name, "published": published, "entities": entities,
           "ties": ties, "events": events, "claims": claims})
}

/// Scores the extractors on every gold file of `dir` (articles from
/// `data/corpus/voa`) and checks the floors.
fn check_floors(dir: &str, files: usize, floors: &[(&str, f64)]) {
    check_floors_in(dir, &root().join("data/corpus/voa"), files, floors);
}

/// As [`check_floors`], with the articles read from `corpus`.
fn check_floors_in(dir: &str, corpus: &Path, files: usize, floors: &[(&str, f64)]) {
    let text_of = |name: &str| {
        let raw = std::fs::read_to_string(corpus.join(format!("{name}.txt"))).expect("article");
        // boilerplate goes first, as in `untangle extract`
        untangle_ingest::clean::clean(&raw).text
    };
    check_floors_with(dir, &text_of, files, floors);
}

/// As [`check_floors`], with each article's text given by `text_of`.
fn check_floors_with(
    dir: &str,
    text_of: &dyn Fn(&str) -> String,
    files: usize,
    floors: &[(&str, f64)],
) {
    let gold_dir = root().join(dir);
    let pred = tempfile::tempdir().expect("temporary folder");
    let mut n = 0;
    for entry in std::fs::read_dir(&gold_dir).expect("gold folder") {
        let path = entry.expect("entry").path();
        let Some(name) = path
            .file_name()
            .and_then(|f| f.to_str())
            .and_then(|f| f.strip_suffix(".gold.json"))
        else {
            continue;
        };
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("json");
        let text = text_of(name);
        let p = prediction(name, &text, gold["published"].as_str());
        std::fs::write(pred.path().join(format!("{name}.json")), p.to_string()).expect("write");
        n += 1;
    }
    assert_eq!(n, files, "gold files in {dir}");
    let report = eval::evaluate(&gold_dir, pred.path()).expect("scored");
    let t = &report.total;
    eprintln!("{}", report.render(true, false));
    for &(what, floor) in floors {
        let got = match what {
            "entities F1" => t.entities.f1(),
            "alias recall" => t.alias_recall(),
            "ties F1" => t.ties.f1(),
            "events F1" => t.events.f1(),
            "claims F1" => t.claims.f1(),
            "event date accuracy" => t.date_accuracy(),
            other => panic!("unknown figure {other}"),
        };
        assert!(
            got >= floor,
            "{dir}: {what} {got:.3} fell below its floor {floor}"
        );
    }
}

/// The first development set (four VOA articles). Its answer keys predate
/// the convention of the blind sets that an unnamed official who speaks
/// for an institution ("a police spokesman said") is an (optional) entity
/// with required claims; untangle follows that convention, so the three
/// such speakers of one article and their claims count here as false
/// positives (entities 0.961 -> 0.938, claims 0.898 -> 0.846 when it came).
#[test]
fn voa_development_set_stays_above_its_floors() {
    check_floors(
        "crates/extract/tests/gold",
        4,
        &[
            ("entities F1", 0.93),
            ("alias recall", 0.65),
            ("ties F1", 0.95),
            ("events F1", 0.68),
            ("claims F1", 0.83),
            ("event date accuracy", 0.72),
        ],
    );
}

/// The held-out set (`tests/gold_heldout`, annotated blind by a second
/// session; see its README): floors a little below the figures measured
/// when it was added, a guard against regressions, not a target.
#[test]
fn held_out_set_stays_above_its_floors() {
    check_floors(
        "crates/extract/tests/gold_heldout",
        3,
        &[
            ("entities F1", 0.90),
            ("alias recall", 0.65),
            ("ties F1", 0.75),
            ("events F1", 0.45),
            ("claims F1", 0.90),
        ],
    );
}

/// A blind set of three WikiEvents articles (evaluation-only texts read from
/// `../shared/corpus/wikievents`, never copied here): skips when `../shared`
/// is absent, else checks the floors.
fn check_blind_set(dir: &str, floors: &[(&str, f64)]) {
    let corpus = root().join("../shared/corpus/wikievents");
    if !corpus.is_dir() {
        eprintln!("skip: ../shared/corpus/wikievents not found (evaluation data, not shipped)");
        return;
    }
    check_floors_in(dir, &corpus, 3, floors);
}

/// The second blind set (`tests/gold_blind2`: three WikiEvents articles
/// that are not VOA, annotated blind by a helper session; see its README).
/// The articles are evaluation-only data and are read from
/// `../shared/corpus/wikievents`, never copied here; the test skips when
/// `../shared` is absent. Floors a little below the figures after the first
/// round of fixes (the first blind figures are in the README).
#[test]
fn second_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind2",
        &[
            ("entities F1", 0.92),
            ("alias recall", 0.40),
            ("ties F1", 0.68),
            ("events F1", 0.80),
            ("claims F1", 0.86),
        ],
    );
}

/// The third blind set (`tests/gold_blind3`: three more non-VOA WikiEvents
/// articles, annotated blind by a helper session; see its README), read
/// from `../shared` like the second. Floors a little below the figures
/// after the fixes it led to (first blind figures in the README).
#[test]
fn third_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind3",
        &[
            ("entities F1", 0.92),
            ("alias recall", 0.80),
            ("ties F1", 0.65),
            ("events F1", 0.85),
            ("claims F1", 0.84),
        ],
    );
}

/// The fourth blind set (`tests/gold_blind4`: three more non-VOA WikiEvents
/// articles — a day of bombings in Iraq, counter-drone tests in the UK, the
/// drone attack on Venezuela's president — annotated blind by a helper
/// session; see its README), read from `../shared`. Floors a little below
/// the figures after the fixes it led to (first blind figures in the README).
#[test]
fn fourth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind4",
        &[
            ("entities F1", 0.88),
            ("alias recall", 0.70),
            ("ties F1", 0.58),
            ("events F1", 0.33),
            ("claims F1", 0.66),
        ],
    );
}

/// The fifth blind set (`tests/gold_blind5`: three more non-VOA WikiEvents
/// articles — the 1974 Cafetería Rolando bombing, Bloody Friday in Belfast,
/// the 2019 Charikar and Kabul suicide bombings — annotated blind by a
/// helper session; see its README), read from `../shared`. Floors a little
/// below the figures after the fixes it led to (first blind figures in the
/// README). Its ties were at 0 until units ("the IRA's Belfast Brigade")
/// and their seats were read; history articles still state most ties by
/// coreference ("an IRA leader at the time").
#[test]
fn fifth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind5",
        &[
            ("entities F1", 0.84),
            ("ties F1", 0.52),
            ("events F1", 0.55),
            ("claims F1", 0.50),
        ],
    );
}

/// The sixth blind set (`tests/gold_blind6`: three more non-VOA WikiEvents
/// articles — the Taliban's attack on the NDS centre in Maidan Shahr, the
/// 2019 attack on Camp Shorabak, a FRONTLINE page on bin Laden — annotated
/// blind by a helper session; see its README), read from `../shared`.
/// Floors a little below the figures after the fixes it led to (first
/// blind figures in the README).
#[test]
fn sixth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind6",
        &[
            ("entities F1", 0.90),
            ("alias recall", 0.70),
            ("ties F1", 0.38),
            ("events F1", 0.48),
            ("claims F1", 0.86),
        ],
    );
}

/// The seventh blind set (`tests/gold_blind7`: US drone strikes under
/// Obama, the Boston bombs as multiple-IED attacks, an IRA officer's
/// admissions about the Birmingham pub bombings — annotated blind by a
/// helper session; see its README), read from `../shared`. Floors a
/// little below the figures after the fixes it led to.
#[test]
fn seventh_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind7",
        &[
            ("entities F1", 0.81),
            ("alias recall", 0.65),
            ("ties F1", 0.73),
            ("events F1", 0.41),
            ("claims F1", 0.49),
        ],
    );
}

/// The eighth blind set (`tests/gold_blind8`: Belfast's day of bombings in
/// 1972 as reported then, the attempt on Maduro's life, the Lyon bakery
/// bomb — annotated blind by a helper session; see its README), read from
/// `../shared`. Floors a little below the figures after the fixes it led to
/// (first blind figures in the README).
#[test]
fn eighth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind8",
        &[
            ("entities F1", 0.89),
            ("alias recall", 0.55),
            ("ties F1", 0.75),
            ("events F1", 0.33),
            ("claims F1", 0.54),
        ],
    );
}

/// The ninth blind set (`tests/gold_blind9`: testimony at the McVeigh
/// trial, a BBC profile of Dagestan, a disputed disease in Venezuela —
/// annotated blind by a helper session; see its README), read from
/// `../shared`. Floors a little below the figures after the fixes it led
/// to (first blind figures in the README).
#[test]
fn ninth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind9",
        &[
            ("entities F1", 0.77),
            ("ties F1", 0.44),
            ("claims F1", 0.73),
        ],
    );
}

/// The tenth blind set (`tests/gold_blind10`: the 2016 Chelsea bombing in
/// New York, a timeline of Dzhokhar Tsarnaev's last months before the
/// Boston bombing, an opinion piece on Venezuela's 2017 election —
/// annotated blind by a helper session; see its README), read from
/// `../shared`. Floors a little below the figures after the fixes it led
/// to (first blind figures in the README).
#[test]
fn tenth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind10",
        &[
            ("entities F1", 0.76),
            ("ties F1", 0.48),
            ("claims F1", 0.73),
        ],
    );
}

/// The eleventh blind set (`tests/gold_blind11`: Venezuela before the 2017
/// Constituent Assembly vote, Venezuela's health minister on chikungunya
/// and dengue, a bomber's statement in court — annotated blind by a helper
/// session; see its README), read from `../shared`. Floors a little below
/// the figures after the fixes it led to (first blind figures in the
/// README).
#[test]
fn eleventh_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind11",
        &[
            ("entities F1", 0.88),
            ("ties F1", 0.64),
            ("events F1", 0.50),
            ("claims F1", 0.66),
        ],
    );
}

/// The twelfth blind set (`tests/gold_blind12`: the 2019 Lyon bomb and
/// the Strasbourg attack, an FBI wanted notice, a terrorism database's
/// inclusion criteria — annotated blind by a helper session; see its
/// README), read from `../shared`. Floors a little below the first blind
/// figures (the README).
#[test]
fn twelfth_blind_set_stays_above_its_floors() {
    check_blind_set(
        "crates/extract/tests/gold_blind12",
        &[
            ("entities F1", 0.64),
            ("ties F1", 0.95),
            ("events F1", 0.75),
            ("claims F1", 0.76),
        ],
    );
}

/// The thirteenth and fourteenth blind sets (`tests/gold_blind13`,
/// `gold_blind14`: eight Reuters stories of August 1996 from CoNLL-2003 —
/// Afghanistan, Peru, Kurdistan, Sri Lanka, Iran, Costa Rica — annotated
/// blind by helper sessions; see their READMEs). CoNLL-2003 is
/// evaluation-only: the texts are rebuilt from `../shared` by
/// `bench/conll_docs.py` each run (skips when `../shared` or python3 is
/// absent). Floors a little below the figures when the sets became
/// development data.
fn check_conll_set(dir: &str, files: usize, floors: &[(&str, f64)]) {
    check_rebuilt_set(
        dir,
        "conll-",
        "bench/conll_docs.py",
        "../shared/data/ner/conll2003/train.txt",
        files,
        floors,
    );
}

/// A set whose texts a script rebuilds from `../shared` (CoNLL-2003
/// stories, AG News items): the gold files are `<prefix><number>.gold.json`
/// and `script OUT_DIR number…` writes `<prefix><number>.txt`. Skips when
/// the data file is absent or the script fails.
fn check_rebuilt_set(
    dir: &str,
    prefix: &str,
    script: &str,
    data: &str,
    files: usize,
    floors: &[(&str, f64)],
) {
    if !root().join(data).is_file() {
        eprintln!("skip: {data} not found (evaluation data, not shipped)");
        return;
    }
    let texts = tempfile::tempdir().expect("temporary folder");
    let numbers: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("gold folder")
        .filter_map(|e| {
            let f = e.ok()?.file_name().into_string().ok()?;
            Some(
                f.strip_prefix(prefix)?
                    .strip_suffix(".gold.json")?
                    .to_string(),
            )
        })
        .collect();
    let status = std::process::Command::new("python3")
        .arg(root().join(script))
        .arg(texts.path())
        .args(&numbers)
        .status();
    match status {
        Ok(s) if s.success() => {}
        other => {
            eprintln!("skip: {script} could not rebuild the texts ({other:?})");
            return;
        }
    }
    let text_of = |name: &str| {
        std::fs::read_to_string(texts.path().join(format!("{name}.txt"))).expect("article")
    };
    check_floors_with(dir, &text_of, files, floors);
}

#[test]
fn thirteenth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind13",
        4,
        &[
            ("entities F1", 0.85),
            ("ties F1", 0.58),
            ("events F1", 0.38),
            ("claims F1", 0.80),
        ],
    );
}

#[test]
fn fourteenth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind14",
        4,
        &[
            ("entities F1", 0.85),
            ("ties F1", 0.58),
            ("events F1", 0.54),
            ("claims F1", 0.83),
        ],
    );
}

/// The fifteenth blind set (`tests/gold_blind15`: three UN 1267 Committee
/// narrative summaries, HTML as published, annotated blind by a helper
/// session; see its README). The pages ship with the shared data
/// (`../shared/data/sanctions/un-narratives-2015`) and are read by the
/// ingest crate as `untangle extract` reads them; skips when absent.
#[test]
fn fifteenth_blind_set_stays_above_its_floors() {
    check_narrative_set(
        "crates/extract/tests/gold_blind15",
        3,
        &[
            ("entities F1", 0.82),
            ("ties F1", 0.59),
            ("events F1", 0.83),
        ],
    );
}

/// A set of UN 1267 Committee narrative summaries: the pages are read from
/// the shared data (`../shared/data/sanctions/un-narratives-2015`) by the
/// ingest crate as `untangle extract` reads them; skips when absent.
fn check_narrative_set(gold: &str, n: usize, floors: &[(&str, f64)]) {
    let dir = root().join("../shared/data/sanctions/un-narratives-2015/1267/narratives");
    if !dir.is_dir() {
        eprintln!("skip: {} not found", dir.display());
        return;
    }
    let text_of = |name: &str| {
        let docs = untangle_ingest::read_file(
            &dir.join(format!("{name}.shtml")),
            &untangle_ingest::IngestOptions::default(),
        );
        match docs.into_iter().next() {
            Some(Ok(d)) => d.text,
            other => panic!("{name}: {other:?}"),
        }
    };
    check_floors_with(gold, &text_of, n, floors);
}

/// The sixteenth and seventeenth blind sets (`tests/gold_blind16`,
/// `gold_blind17`: eight more Reuters stories of 1996 from CoNLL-2003 —
/// Chechnya, the Thai-Burmese border, south Lebanon, Iraqi Kurdistan,
/// Mexico, Algeria, the Central African Republic — annotated blind by
/// helper sessions; see their READMEs). Floors a little below the figures
/// when the sets became development data.
#[test]
fn sixteenth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind16",
        4,
        &[
            ("entities F1", 0.82),
            ("ties F1", 0.21),
            ("events F1", 0.42),
            ("claims F1", 0.80),
        ],
    );
}

#[test]
fn seventeenth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind17",
        4,
        &[
            ("entities F1", 0.84),
            ("ties F1", 0.45),
            ("events F1", 0.12),
            ("claims F1", 0.68),
        ],
    );
}

/// `gold_blind18` and `gold_blind19`: ten more Reuters stories of 1996 from
/// CoNLL-2003 (Iraqi Kurdistan, Sierra Leone, Algeria, Mexico, Turkey and
/// the PKK, Iran, Nepal, Chechnya), annotated blind by helper sessions; see
/// their READMEs for the first-blind figures. Floors a little below the
/// figures when the sets became development data.
#[test]
fn eighteenth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind18",
        5,
        &[
            ("entities F1", 0.82),
            ("ties F1", 0.55),
            ("events F1", 0.38),
            ("claims F1", 0.62),
        ],
    );
}

#[test]
fn nineteenth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind19",
        5,
        &[
            ("entities F1", 0.85),
            ("ties F1", 0.43),
            ("events F1", 0.36),
            ("claims F1", 0.82),
        ],
    );
}

/// `gold_blind20` and `gold_blind21`: ten more Reuters stories of 1996 from
/// CoNLL-2003 (Algeria, Iraqi Kurdistan, Tajikistan, Chechnya, Liberia,
/// the Gulf), annotated blind by helper sessions; see their READMEs for the
/// first-blind figures. Floors a little below the figures when the sets
/// became development data.
#[test]
fn twentieth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind20",
        5,
        &[
            ("entities F1", 0.8),
            ("ties F1", 0.4),
            ("events F1", 0.45),
            ("claims F1", 0.48),
        ],
    );
}

#[test]
fn twenty_first_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind21",
        5,
        &[
            ("entities F1", 0.88),
            ("ties F1", 0.4),
            ("events F1", 0.42),
            ("claims F1", 0.78),
        ],
    );
}

/// `gold_blind22`, `gold_blind23` and `gold_blind24`: eighteen ISAF press releases
/// (`../shared/corpus/isaf`, evaluation only), annotated blind by three helper
/// sessions in the official seed key's style; see their READMEs for the
/// first-blind figures. Floors a little below the figures when the sets
/// became development data; skips when the corpus is absent.
fn check_isaf_set(dir: &str, files: usize, floors: &[(&str, f64)]) {
    let corpus = root().join("../shared/corpus/isaf");
    if !corpus.is_dir() {
        eprintln!(
            "skip: {} not found (evaluation data, not shipped)",
            corpus.display()
        );
        return;
    }
    check_floors_in(dir, &corpus, files, floors);
}

#[test]
fn twenty_second_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind22",
        6,
        &[
            ("entities F1", 0.87),
            ("ties F1", 0.6),
            ("events F1", 0.55),
            ("claims F1", 0.95),
        ],
    );
}

#[test]
fn twenty_third_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind23",
        6,
        &[
            ("entities F1", 0.87),
            ("ties F1", 0.55),
            ("events F1", 0.55),
            ("claims F1", 0.95),
        ],
    );
}

#[test]
fn twenty_fourth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind24",
        6,
        &[
            ("entities F1", 0.83),
            ("ties F1", 0.6),
            ("events F1", 0.5),
            ("claims F1", 0.6),
        ],
    );
}

/// `gold_blind25`: five more CoNLL-2003 stories (Surinam, Kashmir, the West
/// Bank, Corsica, Chechnya), annotated blind by a helper session; see its
/// README for the first-blind figures. Floors a little below the figures
/// when the set became development data.
#[test]
fn twenty_fifth_blind_set_stays_above_its_floors() {
    check_conll_set(
        "crates/extract/tests/gold_blind25",
        5,
        &[
            ("entities F1", 0.84),
            ("ties F1", 0.7),
            ("events F1", 0.4),
            ("claims F1", 0.8),
        ],
    );
}

/// `gold_blind26`: twelve AG News items (2004; Iraq, Afghanistan, Chechnya,
/// Colombia, Darfur, Gaza), annotated blind by a helper session; see its
/// README for the first-blind figures, the lowest of any set (one- or
/// two-sentence items that describe their actors more than name them).
/// Floors a little below the figures when the set became development data.
#[test]
fn twenty_sixth_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind26",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        12,
        &[
            ("entities F1", 0.82),
            ("ties F1", 0.45),
            ("events F1", 0.33),
            ("claims F1", 0.5),
        ],
    );
}

/// `gold_blind27`: six more UN 1267 Committee narrative summaries (AQIM and
/// Ansar Eddine in Mali, TTP, the Abu Sayyaf Group and the RSM, Algerian
/// and Tunisian networks in Italy), annotated blind by two helper sessions;
/// see its README. Floors a little below the figures when the set became
/// development data.
#[test]
fn twenty_seventh_blind_set_stays_above_its_floors() {
    check_narrative_set(
        "crates/extract/tests/gold_blind27",
        6,
        &[
            ("entities F1", 0.82),
            ("ties F1", 0.6),
            ("events F1", 0.6),
            ("claims F1", 0.6),
        ],
    );
}

/// `gold_blind28`: four more UN 1267 Committee narrative summaries (the
/// Islamic Jihad Group in Germany, Jemaah Islamiyah, the Abdallah Azzam
/// Brigades, the Rajah Solaiman Movement), annotated blind by a helper
/// session; see its README for the first-blind figures (ties 0.065).
/// Floors a little below the figures when the set became development data.
#[test]
fn twenty_eighth_blind_set_stays_above_its_floors() {
    check_narrative_set(
        "crates/extract/tests/gold_blind28",
        4,
        &[
            ("entities F1", 0.84),
            ("ties F1", 0.48),
            ("events F1", 0.6),
            ("claims F1", 0.6),
        ],
    );
}

/// `gold_blind29`: ten more AG News items (2004; Iraq, Afghanistan, Gaza,
/// Jordan), annotated blind by a helper session in the session that made
/// set 28; see its README.
#[test]
fn twenty_ninth_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind29",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        10,
        &[
            ("entities F1", 0.78),
            ("events F1", 0.35),
            ("claims F1", 0.4),
        ],
    );
}

/// `gold_blind30`, `gold_blind31` and `gold_blind33`: eighteen more ISAF press
/// releases, annotated blind by three helper sessions in the session that
/// made them (see their READMEs for the first-blind figures).
#[test]
fn thirtieth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind30",
        6,
        &[
            ("entities F1", 0.93),
            ("events F1", 0.7),
            ("claims F1", 0.6),
        ],
    );
}

#[test]
fn thirty_first_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind31",
        6,
        &[("entities F1", 0.93), ("ties F1", 0.35), ("events F1", 0.9)],
    );
}

/// `gold_blind32`: twelve more AG News items (2004; Iraq, Afghanistan,
/// Sudan, Nigeria), annotated blind by a helper session; see its README.
#[test]
fn thirty_second_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind32",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        12,
        &[
            ("entities F1", 0.83),
            ("ties F1", 0.6),
            ("events F1", 0.3),
            ("claims F1", 0.8),
        ],
    );
}

#[test]
fn thirty_third_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind33",
        6,
        &[("entities F1", 0.89), ("events F1", 0.8)],
    );
}

/// `gold_blind34`, `gold_blind35` and `gold_blind36`: eighteen more ISAF
/// press releases, annotated blind by three helper sessions after the rules
/// written against sets 30-33 (see their READMEs).
#[test]
fn thirty_fourth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind34",
        6,
        &[("entities F1", 0.8), ("ties F1", 0.3), ("events F1", 0.8)],
    );
}

#[test]
fn thirty_fifth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind35",
        6,
        // (events 0.714 -> 0.667 at ee95ad9: "An armed individual … later
        // fired on the security force" is now an attack, which this key
        // leaves out and sets 44 and 42 require)
        &[
            ("entities F1", 0.85),
            ("ties F1", 0.6),
            ("events F1", 0.65),
            ("claims F1", 0.95),
        ],
    );
}

#[test]
fn thirty_sixth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind36",
        6,
        &[("entities F1", 0.95), ("events F1", 0.5)],
    );
}

/// `gold_blind37` and `gold_blind38`: twelve more ISAF press releases, and
/// `gold_blind39`: ten more AG News items, annotated blind by three helper
/// sessions after the rules written against sets 30-36 (see their READMEs).
#[test]
fn thirty_seventh_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind37",
        6,
        &[("entities F1", 0.9), ("ties F1", 0.45), ("events F1", 0.8)],
    );
}

#[test]
fn thirty_eighth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind38",
        6,
        &[("entities F1", 0.9), ("ties F1", 0.6), ("events F1", 0.95)],
    );
}

#[test]
fn thirty_ninth_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind39",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        10,
        &[("entities F1", 0.8), ("ties F1", 0.45), ("claims F1", 0.4)],
    );
}

/// `gold_blind40` to `gold_blind42`: eighteen more ISAF press releases, and
/// `gold_blind43`: ten more AG News items, annotated blind by four helper
/// sessions and first scored at `7ce2b4d` (see their READMEs).
#[test]
fn fortieth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind40",
        6,
        &[("entities F1", 0.9), ("events F1", 0.8)],
    );
}

#[test]
fn forty_first_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind41",
        6,
        &[("entities F1", 0.8), ("events F1", 0.7)],
    );
}

#[test]
fn forty_second_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind42",
        6,
        &[
            ("entities F1", 0.92),
            ("ties F1", 0.95),
            ("events F1", 0.75),
        ],
    );
}

#[test]
fn forty_third_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind43",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        10,
        &[("entities F1", 0.8), ("claims F1", 0.45)],
    );
}

/// `gold_blind44` to `gold_blind46`: eighteen more ISAF press releases, and
/// `gold_blind47`: ten more AG News items, annotated blind by four helper
/// sessions and first scored at `7ce2b4d` and `8742943` (see their READMEs).
#[test]
fn forty_fourth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind44",
        6,
        &[("entities F1", 0.93), ("events F1", 0.7)],
    );
}

#[test]
fn forty_fifth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind45",
        6,
        &[("entities F1", 0.93), ("events F1", 0.9)],
    );
}

#[test]
fn forty_sixth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind46",
        6,
        &[
            ("entities F1", 0.75),
            ("events F1", 0.7),
            ("claims F1", 0.6),
        ],
    );
}

#[test]
fn forty_seventh_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind47",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        10,
        &[
            ("entities F1", 0.78),
            ("events F1", 0.55),
            ("claims F1", 0.7),
        ],
    );
}

/// `gold_blind48` to `gold_blind50`: eighteen more ISAF press releases,
/// annotated blind by three helper sessions and first scored at `7ce2b4d`
/// and `243e292` (see their READMEs).
#[test]
fn forty_eighth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind48",
        6,
        &[("entities F1", 0.88), ("events F1", 0.55)],
    );
}

#[test]
fn forty_ninth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind49",
        6,
        &[("entities F1", 0.9), ("events F1", 0.8)],
    );
}

#[test]
fn fiftieth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind50",
        6,
        &[
            ("entities F1", 0.92),
            ("events F1", 0.7),
            ("claims F1", 0.45),
        ],
    );
}

/// `gold_blind51` to `gold_blind53`: eighteen more ISAF press releases, and
/// `gold_blind54`: ten more AG News items, annotated blind by four helper
/// sessions and first scored at `4cb1d1f` (see their READMEs).
#[test]
fn fifty_first_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind51",
        6,
        &[("entities F1", 0.85), ("events F1", 0.8)],
    );
}

#[test]
fn fifty_second_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind52",
        6,
        &[
            ("entities F1", 0.95),
            ("events F1", 0.6),
            ("claims F1", 0.9),
        ],
    );
}

#[test]
fn fifty_third_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind53",
        6,
        &[
            ("entities F1", 0.86),
            ("events F1", 0.7),
            ("claims F1", 0.6),
        ],
    );
}

#[test]
fn fifty_fourth_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind54",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        10,
        &[("entities F1", 0.88), ("claims F1", 0.9)],
    );
}

/// `gold_blind55` to `gold_blind57`: eighteen more ISAF press releases, and
/// `gold_blind58`: ten more AG News items, annotated blind by four helper
/// sessions and first scored at `4cb1d1f` and `a9163af` (see their READMEs).
#[test]
fn fifty_fifth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind55",
        6,
        &[("entities F1", 0.87), ("events F1", 0.75)],
    );
}

#[test]
fn fifty_sixth_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind56",
        6,
        &[("entities F1", 0.9), ("events F1", 0.75), ("ties F1", 0.9)],
    );
}

#[test]
fn fifty_seventh_blind_set_stays_above_its_floors() {
    check_isaf_set(
        "crates/extract/tests/gold_blind57",
        6,
        &[("entities F1", 0.88), ("events F1", 0.8)],
    );
}

#[test]
fn fifty_eighth_blind_set_stays_above_its_floors() {
    check_rebuilt_set(
        "crates/extract/tests/gold_blind58",
        "agnews-",
        "bench/ag_news_docs.py",
        "../shared/data/news/ag-news-test.csv",
        10,
        &[("entities F1", 0.8), ("claims F1", 0.75), ("ties F1", 0.6)],
    );
}
