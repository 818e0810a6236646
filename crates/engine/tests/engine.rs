//! The engine boundary: ingest runs into a real store, on documents the tests
//! write and on the shared corpora (skipped, with a message, when absent).

use std::fs;
use std::path::{Path, PathBuf};
use untangle_engine::{ingest, IngestConfig, NoProgress};
use untangle_store::Backend;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!("skip: ../shared not found (the shared corpora are not part of a user's clone)");
        None
    }
}

fn store() -> Box<dyn Backend> {
    untangle_store::open(":memory:").unwrap()
}

const ARTICLE: &[&str] = &[
    "Officials in the northern province said on Sunday that a convoy carrying grain was stopped at a checkpoint by armed men who demanded payment.",
    "The drivers were held for six hours before elders from a nearby village negotiated their release, according to two local council members.",
    "A spokesman for the provincial governor said security forces had been sent to the road and that an investigation was under way.",
    "Traders say the route has become more dangerous since the spring, with at least four similar incidents reported in the past month alone.",
    "Aid agencies warned that further disruption could push food prices higher in district markets that are already under strain.",
];

fn page(chrome_top: &str, chrome_bottom: &str, title: &str) -> String {
    let body: String = ARTICLE.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<html><head><title>{title}</title></head><body>{chrome_top}<article><h1>{title}</h1>\n{body}</article>{chrome_bottom}</body></html>"
    )
}

#[test]
fn a_copy_in_different_page_chrome_is_a_repost_of_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    fs::write(
        a.join("original.html"),
        page(
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>",
            "<footer>© Daily Example. All rights reserved.</footer>",
            "Convoy held at checkpoint",
        ),
    )
    .unwrap();
    fs::write(
        b.join("copy.aspx"),
        page(
            "<div class='menu'><ul><li>Blog</li><li>About</li><li>Archive</li></ul></div><div class='ad'>Advertisement</div>",
            "<aside><h3>Popular posts</h3><ul><li>Ten things</li><li>Cats</li></ul></aside><div>Share this: Twitter Facebook</div>",
            "Convoy held at checkpoint - Another Blog",
        ),
    )
    .unwrap();
    // An unrelated article must stay its own origin.
    fs::write(
        b.join("other.html"),
        "<html><body><article><p>The central bank kept interest rates unchanged on Thursday, citing slowing inflation and a weaker outlook for exports over the coming quarter.</p><p>Analysts had expected the decision after last month's data.</p></article></body></html>",
    )
    .unwrap();

    let mut s = store();
    let cfg = IngestConfig::default();
    let r1 = ingest(s.as_mut(), &[a.to_str().unwrap()], &cfg, &NoProgress).unwrap();
    assert_eq!(r1.stored, 1);
    let r2 = ingest(s.as_mut(), &[b.to_str().unwrap()], &cfg, &NoProgress).unwrap();
    assert_eq!((r2.stored, r2.reposts), (2, 1), "{r2:?}");

    let docs = s.list_documents(10, 0).unwrap();
    let original = &docs[0];
    let copy = docs
        .iter()
        .find(|d| d.locator.ends_with("copy.aspx"))
        .unwrap();
    let other = docs
        .iter()
        .find(|d| d.locator.ends_with("other.html"))
        .unwrap();
    assert_eq!(copy.repost_of.as_ref(), Some(&original.id));
    assert_eq!(copy.origin, original.origin);
    assert_ne!(other.origin, original.origin);
    assert_eq!(other.repost_of, None);
    let st = s.stats().unwrap();
    assert_eq!((st.documents, st.independent_origins), (3, 2));
}

#[test]
fn the_shared_corpora_ingest_completely_and_a_second_run_stores_nothing() {
    let Some(sh) = shared() else { return };
    let inputs: Vec<String> = [
        "corpus/seed",
        "corpus/isaf",
        "corpus/wikievents",
        "data/sanctions/un-narratives-2015/1267/narratives",
    ]
    .iter()
    .map(|p| sh.join(p).to_string_lossy().into_owned())
    .collect();
    let mut s = store();
    let cfg = IngestConfig::default();
    let r = ingest(s.as_mut(), &inputs, &cfg, &NoProgress).unwrap();
    assert!(r.failed.is_empty(), "{:?}", r.failed);
    assert_eq!(r.stored, 1 + 724 + 40 + 588, "{r:?}");
    let again = ingest(s.as_mut(), &inputs, &cfg, &NoProgress).unwrap();
    assert_eq!((again.stored, again.duplicates), (0, 1353));

    // The seed: a blog repost whose original is named, with no footer and no
    // repeated captions in its stored text.
    let seed = s
        .list_documents(2000, 0)
        .unwrap()
        .into_iter()
        .find(|d| d.locator.contains("rferl-taliban"))
        .unwrap();
    let d = s.document(&seed.id).unwrap();
    assert_eq!(
        d.doc.meta.original_source.as_deref(),
        Some("https://gandhara.rferl.org/a/afghan-peace-deal-taliban-ties-with-al-qaeda/31160060.html")
    );
    let text = &d.doc.text;
    let mut paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let n = paragraphs.len();
    paragraphs.sort();
    paragraphs.dedup();
    assert_eq!(paragraphs.len(), n, "no paragraph is stored twice");
    let last = text.trim_end().lines().last().unwrap();
    assert!(
        last.ends_with('.') || last.ends_with('”') || last.ends_with('"'),
        "the text ends with the article's last sentence, not a footer: {last:?}"
    );
    assert!(!d.doc.meta.boilerplate.is_empty());
    assert!(s.check().unwrap().is_empty());

    // Entities are stored per document with their mentions.
    let ents = s.entities(Some(&seed.id), 1000).unwrap();
    let taliban = ents
        .iter()
        .find(|e| e.entity.name == "Taliban")
        .expect("Taliban");
    assert!(taliban.mentions >= 10, "{}", taliban.mentions);
    assert!(ents
        .iter()
        .any(|e| e.entity.aliases.iter().any(|a| a == "Abu Muhsin al-Masri")));
}

/// Regression: templated narratives about different people (same listing
/// boilerplate, different "additional information") were grouped as
/// reposts at a 0.7 threshold.
#[test]
fn templated_narratives_about_different_people_are_not_reposts() {
    let dir = tempfile::tempdir().unwrap();
    let template = |name: &str, extra: &str| {
        format!(
            "<p><strong>{name}</strong></p><p>Date on which the narrative summary became available on the Committee's website: 8 April 2011</p>\
             <p>{name} was listed on 3 May 2004 pursuant to paragraphs 1 and 16 of resolution 1526 (2004) as being associated with the group for \
             \"participating in the financing, planning, facilitating, preparing or perpetrating of acts or activities by, in conjunction with, \
             under the name of, on behalf or in support of\" the organisation named in the listing, and for supplying, selling or transferring \
             arms and related materiel to it, or otherwise supporting its acts or activities.</p><p>Additional information:</p><p>{extra}</p>"
        )
    };
    fs::write(
        dir.path().join("a.shtml"),
        template("Ahmad Example", "He was arrested in 2006 and sentenced to eight years in prison by a court in the capital."),
    )
    .unwrap();
    fs::write(
        dir.path().join("b.shtml"),
        template(
            "Karim Sample",
            "He belongs to a cell that recruited fighters in the border region until 2009.",
        ),
    )
    .unwrap();
    let mut s = store();
    let r = ingest(
        s.as_mut(),
        &[dir.path().to_str().unwrap()],
        &IngestConfig::default(),
        &NoProgress,
    )
    .unwrap();
    assert_eq!((r.stored, r.reposts), (2, 0), "{r:?}");
    assert_eq!(s.stats().unwrap().independent_origins, 2);
}

/// Ingest stores the whole extraction: ties, events and claims, each
/// pointing at the sentence it was read in.
#[test]
fn ingest_stores_ties_events_and_claims_with_their_sentences() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus/seed");
    let mut s = store();
    let r = ingest(
        s.as_mut(),
        &[seed.to_string_lossy().into_owned()],
        &IngestConfig::default(),
        &NoProgress,
    )
    .unwrap();
    assert!(r.failed.is_empty(), "{:?}", r.failed);
    assert!(r.ties >= 10 && r.events >= 3 && r.claims >= 3, "{r:?}");
    let all = untangle_store::GraphFilter::default();
    let ties = s.ties(&all).unwrap();
    let events = s.events(&all).unwrap();
    let claims = s.claims(&all).unwrap();
    assert_eq!(
        (ties.len() as u64, events.len() as u64, claims.len() as u64),
        (r.ties, r.events, r.claims)
    );
    let hosts = ties
        .iter()
        .find(|t| {
            t.subject.name == "Taliban"
                && t.predicate == untangle_model::Predicate::Hosts
                && t.object.name == "Al-Qaeda"
        })
        .expect("Taliban hosts Al-Qaeda");
    assert!(hosts.evidence.sentence.contains("still hosts"));
    // every piece of evidence is the exact span of its document's text
    let doc = s.document(&hosts.source.document).unwrap();
    let spans = ties
        .iter()
        .map(|t| &t.evidence)
        .chain(events.iter().map(|e| &e.evidence))
        .chain(claims.iter().map(|c| &c.evidence));
    for e in spans {
        assert_eq!(&doc.doc.text[e.start..e.end], e.sentence);
        assert!(!e.method.is_empty());
    }
    assert!(events
        .iter()
        .any(|e| e.kind == untangle_model::PloverType::Assault && e.fatalities.is_some()));
    assert!(claims.iter().any(|c| c.speaker.name == "Weeda Mehran"));
    assert!(s.check().unwrap().is_empty());
}

/// Re-extraction replaces what was extracted, keeps documents, origins and
/// judgements, and ends where a fresh ingest would.
#[test]
fn reextract_replaces_the_extraction_and_keeps_documents_and_judgements() {
    use untangle_engine::{reextract, resolve_actors};
    use untangle_store::{GraphFilter, JudgementKind, NameKey};
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus");
    let inputs = [
        seed.join("seed").to_string_lossy().into_owned(),
        seed.join("voa").to_string_lossy().into_owned(),
    ];
    let mut s = store();
    let cfg = IngestConfig {
        batch: 3,
        ..IngestConfig::default()
    };
    let r = ingest(s.as_mut(), &inputs, &cfg, &NoProgress).unwrap();
    resolve_actors(s.as_mut()).unwrap();
    let k = |n: &str| NameKey {
        kind: untangle_model::EntityType::Organization,
        key: n.into(),
    };
    s.add_judgement(JudgementKind::Distinct, &k("taliban"), &k("al qaeda"), None)
        .unwrap();
    let before = s.stats().unwrap();
    let ties_before: Vec<_> = s
        .ties(&GraphFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| {
            (
                t.subject.name,
                t.predicate,
                t.object.name,
                t.evidence.sentence,
            )
        })
        .collect();
    let rr = reextract(s.as_mut(), &cfg, &NoProgress).unwrap();
    resolve_actors(s.as_mut()).unwrap();
    assert_eq!(rr.documents, r.stored);
    let after = s.stats().unwrap();
    assert_eq!(
        (
            after.documents,
            after.entities,
            after.mentions,
            after.ties,
            after.events,
            after.claims
        ),
        (
            before.documents,
            before.entities,
            before.mentions,
            before.ties,
            before.events,
            before.claims
        )
    );
    assert_eq!(
        after.evidence, before.evidence,
        "old evidence is replaced, not kept twice"
    );
    assert_eq!(after.actors, before.actors);
    assert_eq!(after.judgements, 1);
    let ties_after: Vec<_> = s
        .ties(&GraphFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| {
            (
                t.subject.name,
                t.predicate,
                t.object.name,
                t.evidence.sentence,
            )
        })
        .collect();
    assert_eq!(ties_before, ties_after);
    assert!(s.check().unwrap().is_empty());
}
