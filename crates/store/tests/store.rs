//! The store suite. Every backend runs the same cases: `backends()` lists the
//! ones available here (SQLite always; PostgreSQL joins when its backend
//! lands).

use untangle_model::{
    Claim, ContentHash, Credibility, DocFormat, Document, DocumentMeta, Entity, EntityType, Event,
    Evidence, ExternalId, Mention, PartialDate, PloverType, Polarity, Predicate, Reliability,
    Stance, Tie,
};
use untangle_store::{
    open, Backend, DocGraph, GraphFilter, NewDocument, NewEntity, Origin, SearchHit, StoreError,
};

fn backends() -> Vec<(&'static str, Box<dyn Backend>)> {
    vec![("sqlite-memory", open(":memory:").expect("open sqlite"))]
}

fn doc(text: &str, publisher: Option<&str>, url: Option<&str>, orig: Option<&str>) -> Document {
    Document {
        id: ContentHash::of(text.as_bytes()),
        format: DocFormat::Text,
        meta: DocumentMeta {
            locator: format!("{}.txt", &ContentHash::of(text.as_bytes()).0[..6]),
            title: Some(text.split('.').next().unwrap_or("").to_string()),
            url: url.map(String::from),
            original_source: orig.map(String::from),
            publisher: publisher.map(String::from),
            published: Some(PartialDate::day(2021, 3, 1).unwrap()),
            published_from: Some("metadata".into()),
            byline: None,
            boilerplate: vec!["Popular things".into()],
        },
        text: text.to_string(),
    }
}

fn put(store: &mut dyn Backend, d: &Document, bands: &[(u8, u64)], repost_of: Option<&Document>) {
    let mut tx = store.begin().unwrap();
    let origin = Origin::own(d);
    let minhash = vec![1u8, 2, 3, 4];
    tx.insert_document(&NewDocument {
        doc: d,
        minhash: Some(&minhash),
        bands,
        origin,
        repost_of: repost_of.map(|r| (r.id.clone(), 0.9)),
    })
    .unwrap();
    tx.commit().unwrap();
}

#[test]
fn documents_round_trip_with_all_metadata() {
    for (name, mut s) in backends() {
        let d = doc(
            "The Taliban met in Doha. Talks went on.",
            Some("RFE/RL"),
            Some("https://example.org/a"),
            None,
        );
        put(s.as_mut(), &d, &[], None);
        let got = s.document(&d.id).unwrap();
        assert_eq!(got.doc, d, "{name}");
        assert_eq!(got.origin, "url:example.org/a", "{name}");
        assert_eq!(got.source.unwrap().reliability, Reliability::F, "{name}");
    }
}

#[test]
fn inserting_the_same_document_twice_stores_it_once() {
    for (name, mut s) in backends() {
        let d = doc("Same text twice.", None, None, None);
        put(s.as_mut(), &d, &[(0, 7)], None);
        let mut tx = s.begin().unwrap();
        assert!(tx.has_document(&d.id).unwrap());
        let again = tx
            .insert_document(&NewDocument {
                doc: &d,
                minhash: None,
                bands: &[(0, 7)],
                origin: Origin::own(&d),
                repost_of: None,
            })
            .unwrap();
        assert!(!again, "{name}");
        tx.commit().unwrap();
        assert_eq!(s.stats().unwrap().documents, 1, "{name}");
    }
}

#[test]
fn a_dropped_transaction_leaves_nothing_behind() {
    for (name, mut s) in backends() {
        let d = doc("Rolled back text.", None, None, None);
        {
            let mut tx = s.begin().unwrap();
            tx.insert_document(&NewDocument {
                doc: &d,
                minhash: None,
                bands: &[(1, 2)],
                origin: Origin::own(&d),
                repost_of: None,
            })
            .unwrap();
            // dropped without commit
        }
        assert!(!s.has_document(&d.id).unwrap(), "{name}");
        assert_eq!(s.stats().unwrap().documents, 0, "{name}");
        assert!(s.check().unwrap().is_empty(), "{name}");
    }
}

#[test]
fn band_lookups_find_near_candidates_and_origins_group_reposts() {
    for (name, mut s) in backends() {
        let a = doc(
            "Original article text.",
            None,
            Some("https://x.org/1"),
            None,
        );
        put(s.as_mut(), &a, &[(0, 11), (1, 22)], None);
        let tx = s.begin().unwrap();
        let c = tx.near_candidates(&[(1, 22), (2, 33)]).unwrap();
        assert_eq!(c.len(), 1, "{name}");
        assert_eq!(c[0].id, a.id);
        assert_eq!(c[0].minhash, vec![1, 2, 3, 4]);
        assert!(tx.near_candidates(&[(0, 22)]).unwrap().is_empty(), "{name}");
        assert_eq!(
            tx.origin_of_url(&Origin::url("http://x.org/1/")).unwrap(),
            Some("url:x.org/1".to_string())
        );
        drop(tx);
        // A repost citing the original's URL shares its origin.
        let b = doc(
            "Blog copy of the article.",
            None,
            Some("https://blog.example/p"),
            Some("https://x.org/1"),
        );
        put(s.as_mut(), &b, &[], Some(&a));
        let st = s.stats().unwrap();
        assert_eq!(
            (st.documents, st.independent_origins, st.reposts),
            (2, 1, 1)
        );
        let groups = s.repost_groups().unwrap();
        assert_eq!(groups.len(), 1, "{name}");
        assert_eq!(groups[0].documents.len(), 2);
        assert_eq!(s.document(&a.id).unwrap().same_origin, vec![b.id.clone()]);
        assert!(s.check().unwrap().is_empty(), "{name}");
    }
}

#[test]
fn ids_resolve_from_unique_prefixes() {
    for (name, mut s) in backends() {
        let d = doc("Prefix test.", None, None, None);
        put(s.as_mut(), &d, &[], None);
        assert_eq!(s.resolve_id(&d.id.0[..8]).unwrap(), d.id, "{name}");
        assert_eq!(s.resolve_id(&d.id.0.to_uppercase()).unwrap(), d.id);
        assert!(matches!(
            s.resolve_id("abc"),
            Err(StoreError::Invalid { .. })
        ));
        assert!(matches!(
            s.resolve_id("zzzz"),
            Err(StoreError::Invalid { .. })
        ));
        let other = if d.id.0.starts_with("0000") {
            "ffff"
        } else {
            "0000"
        };
        assert!(matches!(s.resolve_id(other), Err(StoreError::NotFound(_))));
    }
}

#[test]
fn search_finds_documents_and_evidence_and_rejects_bad_syntax_clearly() {
    for (name, mut s) in backends() {
        let d = doc(
            "Al-Qaeda members are often embedded in Taliban units.",
            None,
            None,
            None,
        );
        put(s.as_mut(), &d, &[], None);
        let mut tx = s.begin().unwrap();
        tx.insert_evidence(&Evidence {
            document: d.id.clone(),
            start: 0,
            end: d.text.len(),
            sentence: d.text.clone(),
            method: "test".into(),
            confidence: 0.8,
            credibility: Credibility::ProbablyTrue,
        })
        .unwrap();
        tx.commit().unwrap();
        let hits = s.search("embedded taliban", false, 10).unwrap();
        assert_eq!(hits.len(), 2, "{name}: {hits:?}");
        assert!(
            matches!(&hits[0], SearchHit::Document { snippet, .. } if snippet.contains("[embedded]"))
        );
        assert!(matches!(&hits[1], SearchHit::Evidence { .. }));
        // Quotes and operators in plain queries are just words.
        assert_eq!(s.search("\"taliban AND", false, 10).unwrap().len(), 0);
        // Diacritics are folded.
        assert_eq!(s.search("talibán", false, 10).unwrap().len(), 2);
        let err = s.search("taliban AND (", true, 10).unwrap_err();
        assert!(matches!(err, StoreError::BadQuery { .. }), "{name}: {err}");
        assert!(err.is_user_error());
        assert_eq!(s.stats().unwrap().evidence, 1);
    }
}

#[test]
fn evidence_for_a_missing_document_or_with_a_bad_span_is_refused() {
    for (name, mut s) in backends() {
        let d = doc("Some text.", None, None, None);
        put(s.as_mut(), &d, &[], None);
        let mut tx = s.begin().unwrap();
        let mut e = Evidence {
            document: ContentHash::of(b"missing"),
            start: 0,
            end: 3,
            sentence: "abc".into(),
            method: "t".into(),
            confidence: 0.5,
            credibility: Credibility::CannotBeJudged,
        };
        assert!(
            matches!(tx.insert_evidence(&e), Err(StoreError::NotFound(_))),
            "{name}"
        );
        e.document = d.id.clone();
        e.start = 5;
        assert!(
            matches!(tx.insert_evidence(&e), Err(StoreError::Invalid { .. })),
            "{name}"
        );
    }
}

#[test]
fn source_grades_can_be_set_and_listed() {
    for (name, mut s) in backends() {
        let d = doc("Graded text.", Some("Voice of America"), None, None);
        put(s.as_mut(), &d, &[], None);
        s.set_source_reliability("Voice of America", Reliability::B)
            .unwrap();
        s.set_source_reliability("Unseen Wire", Reliability::C)
            .unwrap();
        let src = s.sources().unwrap();
        assert_eq!(src[0].0.name, "Voice of America", "{name}");
        assert_eq!(src[0].0.reliability, Reliability::B);
        assert_eq!(src[0].1, 1);
        assert_eq!(src.len(), 2);
        assert!(s.set_source_reliability(" ", Reliability::A).is_err());
    }
}

#[test]
fn listing_pages_through_documents_in_ingest_order() {
    for (name, mut s) in backends() {
        let docs: Vec<Document> = (0..5)
            .map(|i| doc(&format!("Document number {i}."), None, None, None))
            .collect();
        for d in &docs {
            put(s.as_mut(), d, &[], None);
        }
        let page = s.list_documents(2, 2).unwrap();
        assert_eq!(page.len(), 2, "{name}");
        assert_eq!(page[0].id, docs[2].id);
        assert_eq!(page[1].id, docs[3].id);
    }
}

#[test]
fn a_file_store_keeps_its_data_across_reopen_and_refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let p = path.to_str().unwrap();
    let d = doc("Persistent text.", None, None, None);
    {
        let mut s = open(p).unwrap();
        put(s.as_mut(), &d, &[], None);
    }
    let s = open(p).unwrap();
    assert!(s.has_document(&d.id).unwrap());
    assert_eq!(
        s.stats().unwrap().schema_version,
        untangle_store::sqlite::SCHEMA_VERSION
    );
    drop(s);
    rusqlite_set_version(p, 99);
    let err = open(p).err().expect("newer schema must be refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "{err}");
}

fn rusqlite_set_version(path: &str, v: u32) {
    // The suite is backend-neutral; this one case pokes SQLite directly to
    // simulate a store written by a newer untangle.
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "user_version", v).unwrap();
}

#[test]
fn entities_are_stored_with_their_mentions_and_go_with_a_rolled_back_document() {
    for (name, mut s) in backends() {
        let d = doc(
            "Weeda Mehran, an expert at the University of Exeter, spoke. Mehran said no.",
            None,
            None,
            None,
        );
        put(s.as_mut(), &d, &[], None);
        let person = NewEntity {
            entity: Entity {
                id: "e1".into(),
                kind: EntityType::Person,
                subtype: None,
                name: "Weeda Mehran".into(),
                aliases: vec!["Mehran".into()],
                nationality: None,
                title: None,
                external_ids: vec![ExternalId {
                    scheme: "lexicon".into(),
                    id: "x:1".into(),
                }],
            },
            mentions: vec![
                Mention {
                    document: d.id.clone(),
                    start: 0,
                    end: 12,
                    text: "Weeda Mehran".into(),
                },
                Mention {
                    document: d.id.clone(),
                    start: 60,
                    end: 66,
                    text: "Mehran".into(),
                },
            ],
        };
        let mut tx = s.begin().unwrap();
        tx.insert_entities(&d.id, std::slice::from_ref(&person))
            .unwrap();
        tx.commit().unwrap();
        let rows = s.entities(Some(&d.id), 10).unwrap();
        assert_eq!(rows.len(), 1, "{name}");
        assert_eq!(rows[0].entity, person.entity);
        assert_eq!(rows[0].mentions, 2);
        assert_eq!(s.stats().unwrap().mentions, 2);
        // unknown document: refused; bad span: refused, nothing half-written
        let mut tx = s.begin().unwrap();
        assert!(matches!(
            tx.insert_entities(&ContentHash::of(b"nope"), std::slice::from_ref(&person)),
            Err(StoreError::NotFound(_))
        ));
        let mut bad = person.clone();
        bad.entity.id = "e2".into();
        bad.mentions[0].start = 99;
        assert!(tx.insert_entities(&d.id, &[bad]).is_err());
        drop(tx);
        assert_eq!(s.stats().unwrap().entities, 1, "{name}");
    }
}

fn ent(id: &str, kind: EntityType, name: &str, aliases: &[&str]) -> NewEntity {
    NewEntity {
        entity: Entity {
            id: id.into(),
            kind,
            subtype: None,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            nationality: None,
            title: None,
            external_ids: vec![],
        },
        mentions: vec![],
    }
}

fn sentence_evidence(d: &Document, sentence: &str, method: &str) -> Evidence {
    let start = d.text.find(sentence).expect("sentence in text");
    Evidence {
        document: d.id.clone(),
        start,
        end: start + sentence.len(),
        sentence: sentence.into(),
        method: method.into(),
        confidence: 0.8,
        credibility: Credibility::PossiblyTrue,
    }
}

#[test]
fn ties_events_and_claims_round_trip_with_evidence_and_provenance() {
    for (name, mut s) in backends() {
        let d = doc(
            "The Taliban still hosts Al-Qaeda. Afghan forces killed six militants in Ghazni. \
             Officials said the Taliban denied it.",
            Some("RFE/RL"),
            Some("https://example.org/t"),
            None,
        );
        put(s.as_mut(), &d, &[], None);
        s.set_source_reliability("RFE/RL", Reliability::B).unwrap();
        let s1 = "The Taliban still hosts Al-Qaeda.";
        let s2 = "Afghan forces killed six militants in Ghazni.";
        let s3 = "Officials said the Taliban denied it.";
        let graph = DocGraph {
            ties: vec![Tie {
                subject: "e1".into(),
                predicate: Predicate::Hosts,
                object: "e2".into(),
                polarity: Polarity::Asserted,
                since: Some(PartialDate::year(2020)),
                until: None,
                evidence: vec![sentence_evidence(&d, s1, "verb:hosts")],
            }],
            events: vec![Event {
                kind: PloverType::Assault,
                agents: vec!["e3".into()],
                targets: vec!["e1".into()],
                location: Some("e4".into()),
                date: Some(PartialDate::day(2021, 2, 27).unwrap()),
                fatalities: Some(6),
                captured: None,
                mode: Some("raid".into()),
                evidence: vec![sentence_evidence(&d, s2, "trigger:assault")],
            }],
            claims: vec![Claim {
                speaker: "e5".into(),
                quote: "the Taliban denied it".into(),
                about: vec!["e1".into()],
                stance: Some(Stance::Disputes),
                evidence: vec![sentence_evidence(&d, s3, "speech")],
            }],
        };
        let mut tx = s.begin().unwrap();
        tx.insert_entities(
            &d.id,
            &[
                ent("e1", EntityType::Organization, "Taliban", &["Taleban"]),
                ent("e2", EntityType::Organization, "Al-Qaeda", &[]),
                ent("e3", EntityType::Organization, "Afghan forces", &[]),
                ent("e4", EntityType::Location, "Ghazni", &[]),
                ent("e5", EntityType::Person, "Officials", &[]),
            ],
        )
        .unwrap();
        tx.insert_graph(&d.id, &graph).unwrap();
        tx.commit().unwrap();

        let ties = s.ties(&GraphFilter::default()).unwrap();
        assert_eq!(ties.len(), 1, "{name}");
        let t = &ties[0];
        assert_eq!(
            (t.subject.name.as_str(), t.object.name.as_str()),
            ("Taliban", "Al-Qaeda")
        );
        assert_eq!(t.predicate, Predicate::Hosts);
        assert_eq!(t.since, graph.ties[0].since);
        assert_eq!(t.evidence, graph.ties[0].evidence[0], "{name}");
        assert_eq!(t.source.publisher.as_deref(), Some("RFE/RL"));
        assert_eq!(t.source.reliability, Reliability::B);
        assert_eq!(t.source.origin, "url:example.org/t");

        let events = s.events(&GraphFilter::default()).unwrap();
        assert_eq!(events.len(), 1, "{name}");
        let e = &events[0];
        assert_eq!(e.kind, PloverType::Assault);
        assert_eq!(e.agents[0].name, "Afghan forces");
        assert_eq!(e.targets[0].name, "Taliban");
        assert_eq!(e.location.as_ref().map(|l| l.name.as_str()), Some("Ghazni"));
        assert_eq!((e.fatalities, e.captured), (Some(6), None));
        assert_eq!(e.date, graph.events[0].date);
        assert_eq!(e.mode.as_deref(), Some("raid"));

        let claims = s.claims(&GraphFilter::default()).unwrap();
        assert_eq!(claims.len(), 1, "{name}");
        assert_eq!(claims[0].speaker.name, "Officials");
        assert_eq!(claims[0].about[0].name, "Taliban");
        assert_eq!(claims[0].stance, Some(Stance::Disputes));

        // filters: an alias finds the entity (case-insensitive); LIKE
        // wildcards in a name are literal
        let by = |e: &str| GraphFilter {
            entity: Some(e.into()),
            ..Default::default()
        };
        assert_eq!(s.ties(&by("taleban")).unwrap().len(), 1, "{name}");
        assert_eq!(s.ties(&by("Tali%")).unwrap().len(), 0, "{name}");
        assert_eq!(s.events(&by("ghazni")).unwrap().len(), 1, "{name}");
        assert_eq!(s.claims(&by("Al-Qaeda")).unwrap().len(), 0, "{name}");
        let funds = GraphFilter {
            predicate: Some(Predicate::Funds),
            ..Default::default()
        };
        assert!(s.ties(&funds).unwrap().is_empty());
        let st = s.stats().unwrap();
        assert_eq!(
            (st.ties, st.events, st.claims, st.evidence),
            (1, 1, 1, 3),
            "{name}"
        );
        // the evidence sentences are searchable
        assert!(s
            .search("hosts", false, 10)
            .unwrap()
            .iter()
            .any(|h| matches!(h, SearchHit::Evidence { .. })));
    }
}

#[test]
fn a_graph_naming_an_unknown_entity_or_without_evidence_is_refused_whole() {
    for (name, mut s) in backends() {
        let d = doc("The Taliban hosts Al-Qaeda.", None, None, None);
        put(s.as_mut(), &d, &[], None);
        let other = doc("Another text.", None, None, None);
        put(s.as_mut(), &other, &[], None);
        let tie = |object: &str, evidence: Vec<Evidence>| Tie {
            subject: "e1".into(),
            predicate: Predicate::Hosts,
            object: object.into(),
            polarity: Polarity::Asserted,
            since: None,
            until: None,
            evidence,
        };
        let good = sentence_evidence(&d, "The Taliban hosts Al-Qaeda.", "verb:hosts");
        let mut foreign = good.clone();
        foreign.document = other.id.clone();
        for (bad, field) in [
            (tie("e9", vec![good.clone()]), "tie.object"),
            (tie("e2", vec![]), "tie.evidence"),
            (tie("e2", vec![foreign]), "tie.evidence"),
        ] {
            let mut tx = s.begin().unwrap();
            tx.insert_entities(
                &d.id,
                &[
                    ent("e1", EntityType::Organization, "Taliban", &[]),
                    ent("e2", EntityType::Organization, "Al-Qaeda", &[]),
                ],
            )
            .unwrap();
            let g = DocGraph {
                ties: vec![tie("e2", vec![good.clone()]), bad],
                ..Default::default()
            };
            match tx.insert_graph(&d.id, &g) {
                Err(StoreError::Invalid { field: f, .. }) => assert_eq!(f, field, "{name}"),
                other => panic!("{name}: expected Invalid({field}), got {other:?}"),
            }
            drop(tx);
            let st = s.stats().unwrap();
            assert_eq!((st.ties, st.evidence, st.entities), (0, 0, 0), "{name}");
        }
    }
}

#[test]
fn actors_are_replaced_whole_keep_their_ids_by_key_and_judgements_keep_an_audit_trail() {
    use untangle_store::{ActorMember, JudgementKind, NameKey, NewActor};
    for (name, mut s) in backends() {
        let d = doc("The Taliban hosts Al-Qaeda.", None, None, None);
        put(s.as_mut(), &d, &[], None);
        let mut tx = s.begin().unwrap();
        tx.insert_entities(
            &d.id,
            &[
                ent("e1", EntityType::Organization, "Taliban", &[]),
                ent("e2", EntityType::Organization, "Al-Qaeda", &["AQ"]),
            ],
        )
        .unwrap();
        tx.commit().unwrap();
        let recs = s.entity_records().unwrap();
        assert_eq!(recs.len(), 2, "{name}");
        assert_eq!(recs[1].aliases, vec!["AQ".to_string()]);
        let actor = |key: &str, rows: &[i64]| NewActor {
            key: key.into(),
            kind: EntityType::Organization,
            name: key.into(),
            external_ids: vec![],
            members: rows
                .iter()
                .map(|r| ActorMember {
                    entity: *r,
                    score: 0.9,
                    reasons: vec!["test".into()],
                })
                .collect(),
        };
        let (r1, r2) = (recs[0].row, recs[1].row);
        s.replace_actors(&[actor("a", &[r1]), actor("b", &[r2])])
            .unwrap();
        let ids: Vec<(String, i64)> = s
            .actors(None, None, 0)
            .unwrap()
            .into_iter()
            .map(|a| (a.key, a.id))
            .collect();
        // same keys again: same ids; an actor left without members goes
        s.replace_actors(&[actor("b", &[r1, r2])]).unwrap();
        let after = s.actors(None, None, 0).unwrap();
        assert_eq!(after.len(), 1, "{name}");
        assert_eq!(
            Some(&(after[0].key.clone(), after[0].id)),
            ids.iter().find(|(k, _)| k == "b")
        );
        assert_eq!(after[0].spellings.len(), 3); // Taliban, Al-Qaeda, AQ
        assert_eq!(s.actors(None, Some("qae"), 0).unwrap().len(), 1);
        assert!(s.actors(None, Some("hamas"), 0).unwrap().is_empty());
        assert_eq!(s.actor("b").unwrap().members.len(), 2);
        assert!(matches!(s.actor("zzz"), Err(StoreError::NotFound(_))));
        // an entity in two actors, or a missing entity: refused, nothing changed
        assert!(s
            .replace_actors(&[actor("x", &[r1]), actor("y", &[r1])])
            .is_err());
        assert!(s.replace_actors(&[actor("x", &[9999])]).is_err());
        assert_eq!(s.actors(None, None, 0).unwrap().len(), 1, "{name}");

        let k = |n: &str| NameKey {
            kind: EntityType::Organization,
            key: n.into(),
        };
        let j1 = s
            .add_judgement(
                JudgementKind::Merge,
                &k("taliban"),
                &k("al qaeda"),
                Some("why"),
            )
            .unwrap();
        // the same judgement, either way round, is kept once
        let j2 = s
            .add_judgement(JudgementKind::Merge, &k("al qaeda"), &k("taliban"), None)
            .unwrap();
        assert_eq!(j1, j2, "{name}");
        assert!(s
            .add_judgement(JudgementKind::Distinct, &k("x"), &k("x"), None)
            .is_err());
        assert_eq!(s.judgements().unwrap().len(), 1);
        assert!(s.remove_judgement(j1).unwrap());
        assert!(s.judgements().unwrap().is_empty());
        // re-judged after withdrawal: a new id, the old one is not reused
        let j3 = s
            .add_judgement(JudgementKind::Merge, &k("taliban"), &k("al qaeda"), None)
            .unwrap();
        assert!(j3 > j1, "{name}");
    }
}

// ------------------------------------------------------ reference lists

use untangle_resolve::{
    Alias, AliasQuality, Direction as TieDirection, ReferenceEntity, ReferenceList, StatedTie,
};

fn ref_entity(id: &str, name: &str, aliases: &[(&str, &str)]) -> ReferenceEntity {
    ReferenceEntity {
        scheme: "un".into(),
        id: id.into(),
        kind: EntityType::Person,
        name: name.into(),
        aliases: aliases
            .iter()
            .map(|(n, q)| Alias {
                name: n.to_string(),
                quality: if *q == "Low" {
                    AliasQuality::Low
                } else {
                    AliasQuality::Good
                },
                raw_quality: q.to_string(),
            })
            .collect(),
        original_script: None,
        nationality: vec!["Afghanistan".into()],
        listed_on: Some("2001-02-23".into()),
        dates_of_birth: vec!["1961".into()],
        programmes: vec!["Taliban".into()],
        designation: vec![],
        titles: vec!["Mullah".into()],
        comments: Some("Heading the Haqqani Network (TAe.012).".into()),
        addresses: vec![],
        ties: vec![StatedTie {
            predicate: untangle_model::Predicate::LeaderOf,
            direction: TieDirection::Out,
            other_id: Some("TAe.012".into()),
            other_name: Some("Haqqani Network".into()),
            sentence: "Heading the Haqqani Network (TAe.012).".into(),
        }],
    }
}

fn ref_list(date: &str, entities: Vec<ReferenceEntity>) -> ReferenceList {
    ReferenceList {
        scheme: "un".into(),
        file: format!("un-{date}.xml"),
        generated: Some(format!("{date}T00:00:00Z")),
        list_date: Some(date.into()),
        entities,
        skipped: 0,
        warnings: vec![],
    }
}

#[test]
fn reference_lists_keep_alias_history_across_versions() {
    for (name, mut s) in backends() {
        let v1 = ref_list(
            "2018-10-29",
            vec![
                ref_entity(
                    "TAi.005",
                    "MUHAMMAD TAHER ANWARI",
                    &[("Mohammad Taher Anwari", "Good"), ("Haji Mudir", "Low")],
                ),
                ref_entity("TAi.999", "GONE MAN", &[]),
            ],
        );
        let r = s.import_reference(&v1, "h1").unwrap();
        assert_eq!((r.added, r.aliases_added, r.delisted), (2, 2, 0), "{name}");
        let v2 = ref_list(
            "2025-04-19",
            vec![ref_entity(
                "TAi.005",
                "MUHAMMAD TAHER ANWARI",
                &[
                    ("Mohammad Taher Anwari", "Good"),
                    ("Muhammad Tahir Anwari", "Good"),
                ],
            )],
        );
        let r = s.import_reference(&v2, "h2").unwrap();
        assert_eq!((r.added, r.updated, r.delisted), (0, 0, 1), "{name}");
        assert_eq!((r.aliases_added, r.aliases_removed), (1, 1), "{name}");
        let e = s.reference_entity("un:TAi.005").unwrap();
        let hist: Vec<(&str, &str, Option<&str>)> = e
            .alias_history
            .iter()
            .map(|a| {
                (
                    a.name.as_str(),
                    a.first_seen.as_str(),
                    a.removed_in.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            hist,
            vec![
                ("Mohammad Taher Anwari", "2018-10-29", None),
                ("Haji Mudir", "2018-10-29", Some("2025-04-19")),
                ("Muhammad Tahir Anwari", "2025-04-19", None),
            ],
            "{name}"
        );
        assert_eq!(e.entity.aliases.len(), 2, "{name}: current aliases only");
        assert_eq!(
            e.entity.ties[0].other_id.as_deref(),
            Some("TAe.012"),
            "{name}"
        );
        assert_eq!(
            s.reference_entity("TAi.999").unwrap().removed_in.as_deref(),
            Some("2025-04-19")
        );
        assert_eq!(s.reference_all(false).unwrap().len(), 1, "{name}");
        assert_eq!(s.reference_all(true).unwrap().len(), 2, "{name}");
        // The same file again: nothing changes.
        let before = format!("{:?}", s.reference_entity("TAi.005").unwrap());
        let r = s.import_reference(&v2, "h2").unwrap();
        assert!(r.already_imported, "{name}");
        assert_eq!(
            format!("{:?}", s.reference_entity("TAi.005").unwrap()),
            before,
            "{name}"
        );
        assert_eq!(s.reference_imports().unwrap().len(), 2, "{name}");
        // An older list after a newer one is refused, and leaves no trace.
        let old = ref_list("2010-01-01", vec![ref_entity("TAi.005", "X", &[])]);
        let e = s.import_reference(&old, "h0").unwrap_err();
        assert!(
            e.is_user_error() && e.to_string().contains("oldest first"),
            "{name}: {e}"
        );
        assert_eq!(
            s.reference_entity("TAi.005").unwrap().entity.name,
            "MUHAMMAD TAHER ANWARI"
        );
        assert!(
            matches!(s.reference_entity("QDi.404"), Err(StoreError::NotFound(_))),
            "{name}"
        );
        assert!(s.check().unwrap().is_empty(), "{name}");
    }
}

#[test]
fn the_real_un_lists_2018_then_2025_mark_removed_aliases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/sanctions");
    let (f18, f25) = (
        dir.join("un-consolidated-2018-10-29.xml"),
        dir.join("un-consolidated-2025-04-19.xml"),
    );
    if !f18.is_file() || !f25.is_file() {
        eprintln!("skip: data/sanctions not found");
        return;
    }
    let l18 = untangle_resolve::parse_un_xml(&std::fs::read(&f18).unwrap(), "2018.xml").unwrap();
    let l25 = untangle_resolve::parse_un_xml(&std::fs::read(&f25).unwrap(), "2025.xml").unwrap();
    for (name, mut s) in backends() {
        s.import_reference(&l18, "2018").unwrap();
        let r = s.import_reference(&l25, "2025").unwrap();
        assert!(
            r.aliases_removed > 0 && r.delisted > 0 && r.added > 0,
            "{name}: {r:?}"
        );
        // Every alias of 2018 is still there: current if 2025 has it, else
        // marked removed in 2025.
        for e in &l18.entities {
            let got = s.reference_entity(&format!("un:{}", e.id)).unwrap();
            let Some(now) = l25.entities.iter().find(|x| x.id == e.id) else {
                // Delisted: the entry is marked, its aliases kept as they were.
                assert_eq!(
                    got.removed_in.as_deref(),
                    Some("2025-04-19"),
                    "{name}: {}",
                    e.id
                );
                let distinct: std::collections::HashSet<_> = e
                    .aliases
                    .iter()
                    .map(|a| (&a.name, &a.raw_quality))
                    .collect();
                assert_eq!(got.alias_history.len(), distinct.len(), "{name}: {}", e.id);
                continue;
            };
            for a in &e.aliases {
                let h = got
                    .alias_history
                    .iter()
                    .find(|h| h.name == a.name && h.raw_quality == a.raw_quality)
                    .unwrap_or_else(|| panic!("{name}: alias {:?} of {} lost", a.name, e.id));
                let still = now.aliases.contains(a);
                assert_eq!(
                    h.removed_in.is_none(),
                    still,
                    "{name}: {} {:?}",
                    e.id,
                    a.name
                );
            }
        }
        let all = s.reference_all(false).unwrap();
        assert_eq!(all.len(), l25.entities.len(), "{name}");
        let again = s.import_reference(&l25, "2025").unwrap();
        assert!(again.already_imported, "{name}");
    }
}
