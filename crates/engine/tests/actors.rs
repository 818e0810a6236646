//! Cross-document resolution at the engine boundary: real ingest into a
//! real store, then actors. Properties: the order documents are ingested
//! in does not change the final actors, and resolving again changes
//! nothing; judgements win over the rules and outlive re-ingest.

use proptest::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use untangle_engine::{ingest, resolve_actors, IngestConfig, NoProgress};
use untangle_model::EntityType;
use untangle_store::{Backend, JudgementKind, NameKey};

/// Sentences naming actors in several spellings; documents are drawn as
/// subsets of them.
const SENTENCES: &[&str] = &[
    "The Taliban still hosts Al-Qaeda in eastern Afghanistan, officials said.",
    "Al-Qaida leaders met Taliban commanders in Kunar province last year.",
    "Sirajuddin Haqqani leads the Haqqani Network from North Waziristan.",
    "The Haqqani network was blamed for the attack in Kabul on Tuesday.",
    "Ayman al-Zawahiri praised the Taliban in a video released on Sunday.",
    "Al Qaeda in the Indian Subcontinent is led by Osama Mahmood, the group said.",
    "Zalmay Khalilzad met Taliban negotiators in Doha, Qatar.",
    "Abu Muhsin al-Masri, also known as Husam Abd-al-Ra'uf, was killed in Ghazni.",
    "The United Nations said Al-Qaeda had regularly consulted the Taliban.",
    "Mullah Mohammad Omar founded the Taliban in Kandahar.",
];

/// The actors of a store as comparable data: each actor's key and its
/// members as (document id, local entity id).
fn snapshot(s: &dyn Backend) -> BTreeSet<(String, Vec<(String, String)>)> {
    s.actors(None, None, 0)
        .unwrap()
        .into_iter()
        .map(|a| {
            let d = s.actor(&a.key).unwrap();
            let mut m: Vec<(String, String)> = d
                .members
                .into_iter()
                .map(|m| (m.document.to_string(), m.entity))
                .collect();
            m.sort();
            (a.key, m)
        })
        .collect()
}

fn write_docs(dir: &std::path::Path, docs: &[Vec<usize>]) -> Vec<String> {
    docs.iter()
        .enumerate()
        .map(|(i, sents)| {
            let text: Vec<&str> = sents.iter().map(|&k| SENTENCES[k]).collect();
            let p = dir.join(format!("d{i}.txt"));
            fs::write(&p, text.join(" ")).unwrap();
            p.to_string_lossy().into_owned()
        })
        .collect()
}

fn store_of(files: &[String]) -> Box<dyn Backend> {
    let mut s = untangle_store::open(":memory:").unwrap();
    // one file at a time, in the given order
    for f in files {
        ingest(s.as_mut(), &[f], &IngestConfig::default(), &NoProgress).unwrap();
        resolve_actors(s.as_mut()).unwrap();
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn ingest_order_does_not_change_the_actors_and_resolving_is_idempotent(
        docs in prop::collection::vec(
            prop::collection::btree_set(0..SENTENCES.len(), 1..4)
                .prop_map(|s| s.into_iter().collect::<Vec<_>>()),
            2..6,
        ),
        seed in any::<u64>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let files = write_docs(dir.path(), &docs);
        let mut shuffled = files.clone();
        // a seeded Fisher-Yates shuffle
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let mut a = store_of(&files);
        let b = store_of(&shuffled);
        let first = snapshot(a.as_ref());
        prop_assert_eq!(&first, &snapshot(b.as_ref()));
        let ids: Vec<(i64, String)> = a.actors(None, None, 0).unwrap()
            .into_iter().map(|x| (x.id, x.key)).collect();
        resolve_actors(a.as_mut()).unwrap();
        prop_assert_eq!(&first, &snapshot(a.as_ref()));
        let again: Vec<(i64, String)> = a.actors(None, None, 0).unwrap()
            .into_iter().map(|x| (x.id, x.key)).collect();
        prop_assert_eq!(ids, again, "actor ids are stable across recomputation");
    }
}

fn actor_named<'a>(
    list: &'a [untangle_store::ActorSummary],
    spelling: &str,
) -> Vec<&'a untangle_store::ActorSummary> {
    list.iter()
        .filter(|a| a.spellings.iter().any(|(s, _)| s == spelling))
        .collect()
}

#[test]
fn spellings_join_across_documents_and_judgements_win_and_survive_reingest() {
    let dir = tempfile::tempdir().unwrap();
    let files = write_docs(dir.path(), &[vec![0], vec![1], vec![8], vec![2], vec![3]]);
    let mut s = untangle_store::open(":memory:").unwrap();
    ingest(
        s.as_mut(),
        &files[..4],
        &IngestConfig::default(),
        &NoProgress,
    )
    .unwrap();
    let r = resolve_actors(s.as_mut()).unwrap();
    assert!(r.across_documents >= 2, "{r:?}");
    let list = s.actors(None, None, 0).unwrap();
    // Al-Qaeda / Al-Qaida: one actor (the reference id the lexicon gives both)
    let aq = actor_named(&list, "Al-Qaeda");
    assert_eq!(aq.len(), 1);
    assert!(
        aq[0].spellings.iter().any(|(s, _)| s == "Al-Qaida"),
        "{:?}",
        aq[0]
    );
    assert_eq!(aq[0].documents, 3);
    let taliban = actor_named(&list, "Taliban");
    assert_eq!((taliban.len(), taliban[0].documents), (1, 3));
    // every member has a reason an analyst can read
    let detail = s.actor(&aq[0].key).unwrap();
    assert!(detail.members.iter().all(|m| !m.reasons.is_empty()));

    // the analyst says the two spellings are different actors
    let key = |n: &str| NameKey {
        kind: EntityType::Organization,
        key: untangle_extract::text::fold(n),
    };
    s.add_judgement(
        JudgementKind::Distinct,
        &key("Al-Qaeda"),
        &key("Al-Qaida"),
        None,
    )
    .unwrap();
    resolve_actors(s.as_mut()).unwrap();
    let list = s.actors(None, None, 0).unwrap();
    let (a, b) = (
        actor_named(&list, "Al-Qaeda"),
        actor_named(&list, "Al-Qaida"),
    );
    assert_eq!((a.len(), b.len()), (1, 1));
    assert_ne!(a[0].key, b[0].key, "the judgement wins over the shared id");

    // ... and merges two unrelated names; both judgements outlive a re-ingest
    // of more documents
    s.add_judgement(
        JudgementKind::Merge,
        &key("Haqqani Network"),
        &key("Taliban"),
        Some("test"),
    )
    .unwrap();
    ingest(s.as_mut(), &files, &IngestConfig::default(), &NoProgress).unwrap();
    resolve_actors(s.as_mut()).unwrap();
    let list = s.actors(None, None, 0).unwrap();
    let t = actor_named(&list, "Taliban");
    assert!(
        t[0].spellings.iter().any(|(s, _)| s == "Haqqani Network"),
        "{:?}",
        t[0]
    );
    let (a, b) = (
        actor_named(&list, "Al-Qaeda"),
        actor_named(&list, "Al-Qaida"),
    );
    assert_ne!(a[0].key, b[0].key);
    // withdrawing restores the rule's answer
    let js = s.judgements().unwrap();
    let distinct = js
        .iter()
        .find(|j| j.kind == JudgementKind::Distinct)
        .unwrap();
    assert!(s.remove_judgement(distinct.id).unwrap());
    assert!(!s.remove_judgement(distinct.id).unwrap());
    resolve_actors(s.as_mut()).unwrap();
    let list = s.actors(None, None, 0).unwrap();
    assert_eq!(
        actor_named(&list, "Al-Qaeda")[0].key,
        actor_named(&list, "Al-Qaida")[0].key
    );
}

/// With the UN list imported, spellings the lexicon does not know link to
/// their listed entry, with the matcher's reasons, and join one actor.
#[test]
fn clusters_link_to_the_imported_un_list_and_join_through_it() {
    let xml = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/sanctions/un-consolidated-2025-04-19.xml");
    let list = untangle_resolve::parse_un_xml(&fs::read(&xml).unwrap(), "un.xml").unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Officials said Mullah Abdul Ghani Baradar met envoys in Doha on Monday.",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.txt"),
        "A statement attributed to Abdul Ghani Biradar was released in Kandahar.",
    )
    .unwrap();
    let mut s = untangle_store::open(":memory:").unwrap();
    s.import_reference(&list, "un-2025").unwrap();
    ingest(
        s.as_mut(),
        &[dir.path().to_string_lossy().into_owned()],
        &IngestConfig::default(),
        &NoProgress,
    )
    .unwrap();
    resolve_actors(s.as_mut()).unwrap();
    let people = s
        .actors(Some(EntityType::Person), Some("ghani"), 0)
        .unwrap();
    let linked: Vec<_> = people.iter().filter(|a| a.key == "un:TAi.024").collect();
    assert_eq!(linked.len(), 1, "{people:#?}");
    assert_eq!(linked[0].key, "un:TAi.024");
    assert_eq!(linked[0].documents, 2, "{:?}", linked[0]);
    let detail = s.actor("un:TAi.024").unwrap();
    assert!(detail
        .members
        .iter()
        .all(|m| m.reasons.iter().any(|r| r.contains("TAi.024"))));
    // one spelling is in the lexicon; the other (a different name key)
    // links through the matcher
    assert!(detail.members.iter().any(|m| m
        .reasons
        .iter()
        .any(|r| r.starts_with("reference list: \"Abdul Ghani Biradar"))));
    // an analyst's veto of the link is obeyed
    s.add_judgement(
        JudgementKind::Distinct,
        &NameKey {
            kind: EntityType::Person,
            key: untangle_extract::text::fold("Abdul Ghani Biradar"),
        },
        &NameKey {
            kind: EntityType::Person,
            key: untangle_extract::text::fold("ABDUL GHANI BARADAR ABDUL AHMAD TURK"),
        },
        None,
    )
    .unwrap();
    resolve_actors(s.as_mut()).unwrap();
    let d = s.actor("un:TAi.024").unwrap();
    assert_eq!(d.summary.documents, 1, "{:?}", d.summary);
}
