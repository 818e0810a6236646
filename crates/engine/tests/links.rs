//! Links at the engine boundary: ties aggregated over actors, with
//! corroboration counted by independent origin (a repost counts once) and
//! each polarity apart.

use std::fs;
use untangle_engine::links::links;
use untangle_engine::{ingest, IngestConfig, NoProgress};
use untangle_model::Predicate;
use untangle_store::GraphFilter;

const A: &str = "Analysts say the Taliban still hosts Al-Qaeda in several provinces of Afghanistan, despite the group's promises to the United States.
Officials in Kabul said on Sunday that the movement had not changed its policy and that foreign fighters were still present in the east.
The report, prepared over six months, drew on interviews with local elders, former fighters and officials in three provinces.
";
const C: &str = "A United Nations report published on Tuesday found that the Taliban hosts Al-Qaeda leaders in Helmand and Kandahar.
The monitoring team said members of the network moved freely between districts and met Taliban commanders regularly.
";
const D: &str =
    "The Taliban denied that it hosts Al-Qaeda, calling the allegation propaganda by its enemies.
A spokesman said the movement would not allow any group to use Afghan soil against other countries.
";

#[test]
fn a_repost_counts_once_and_a_denial_is_counted_apart() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    fs::write(p("a.txt"), A).unwrap();
    // the same report reposted with a blog's footer
    fs::write(
        p("b.txt"),
        format!("{A}Copyright Example Blog. Share this post on Twitter and Facebook.\n"),
    )
    .unwrap();
    fs::write(p("c.txt"), C).unwrap();
    fs::write(p("d.txt"), D).unwrap();
    let mut s = untangle_store::open(":memory:").unwrap();
    let inputs: Vec<String> = ["a.txt", "b.txt", "c.txt", "d.txt"]
        .iter()
        .map(|n| p(n).to_string_lossy().into_owned())
        .collect();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let r = ingest(s.as_mut(), &inputs, &IngestConfig::default(), &NoProgress).unwrap();
    assert_eq!((r.stored, r.reposts), (4, 1), "{r:?}");
    untangle_engine::resolve_actors(s.as_mut()).unwrap();

    let all = links(s.as_ref(), &GraphFilter::default(), None).unwrap();
    let hosts: Vec<_> = all
        .iter()
        .filter(|l| l.predicate == Predicate::Hosts)
        .collect();
    assert_eq!(hosts.len(), 1, "one link across four documents: {all:#?}");
    let l = hosts[0];
    assert_eq!(
        (l.subject.name.as_str(), l.object.name.as_str()),
        ("Taliban", "Al-Qaeda")
    );
    // three sentences in three documents, but the repost is no new source
    assert_eq!(
        (
            l.asserted.evidence,
            l.asserted.documents,
            l.asserted.origins
        ),
        (3, 3, 2)
    );
    assert_eq!((l.denied.evidence, l.denied.origins), (1, 1));
    assert_eq!(l.hedged.evidence, 0);
    assert_eq!(l.ties.len(), 4);

    // filters: by actor spelling (any document's), by predicate
    let by_actor = links(s.as_ref(), &GraphFilter::default(), Some("al-qaeda")).unwrap();
    assert!(by_actor.iter().any(|x| x.predicate == Predicate::Hosts));
    let none = links(s.as_ref(), &GraphFilter::default(), Some("no such actor")).unwrap();
    assert!(none.is_empty());
    let funds = GraphFilter {
        predicate: Some(Predicate::Funds),
        ..GraphFilter::default()
    };
    assert!(links(s.as_ref(), &funds, None).unwrap().is_empty());
}
