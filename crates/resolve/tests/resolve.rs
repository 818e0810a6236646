//! The resolve boundary: the real UN and OFAC lists (the shipped copies in
//! `data/sanctions/`, else `../shared`), malformed lists, and properties of
//! folding and lookup over arbitrary names.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use untangle_model::{EntityType, Predicate};
use untangle_resolve::matcher::name_variants;
use untangle_resolve::names::fold_name;
use untangle_resolve::{
    parse_ofac, parse_un_xml, AliasQuality, Direction, Index, NamedBytes, Record, ReferenceError,
};

/// The sanctions folder: the shipped copy, else `../shared`; `None` (and
/// the test skips, saying so) when neither is there.
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
    eprintln!("skip: no data/sanctions or ../shared/data/sanctions");
    None
}

#[test]
fn the_un_list_parses_with_aliases_and_ties() {
    let Some(dir) = sanctions() else { return };
    let f = dir.join("un-consolidated-2025-04-19.xml");
    let list = parse_un_xml(&std::fs::read(&f).unwrap(), "un-2025.xml").unwrap();
    assert_eq!(list.list_date.as_deref(), Some("2025-04-19"));
    let people = list
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Person)
        .count();
    assert_eq!((people, list.entities.len() - people), (684, 193));
    let good: usize = list
        .entities
        .iter()
        .flat_map(|e| &e.aliases)
        .filter(|a| a.raw_quality == "Good")
        .count();
    assert_eq!(good, 1507);
    let anwari = list.entities.iter().find(|e| e.id == "TAi.005").unwrap();
    assert_eq!(anwari.name, "MUHAMMAD TAHER ANWARI");
    assert_eq!(anwari.titles, vec!["Mullah"]);
    assert!(anwari
        .aliases
        .iter()
        .any(|a| a.name == "Haji Mudir" && a.quality == AliasQuality::Low));
    assert_eq!(anwari.original_script.as_deref(), Some("محمد طاهر أنوري"));
    // Egyptian Islamic Jihad was co-founded by al-Zawahiri (QDi.006).
    let eij = list.entities.iter().find(|e| e.id == "QDe.003").unwrap();
    assert!(eij
        .ties
        .iter()
        .any(|t| t.other_id.as_deref() == Some("QDi.006")
            && t.predicate == Predicate::FounderOf
            && t.direction == Direction::In));
    let with_ties = list.entities.iter().filter(|e| !e.ties.is_empty()).count();
    assert!(with_ties > 100, "{with_ties} entries with stated ties");
    // The older list parses too (compact one-line records).
    let old = dir.join("un-consolidated-2018-10-29.xml");
    let old = parse_un_xml(&std::fs::read(old).unwrap(), "un-2018.xml").unwrap();
    assert_eq!(old.entities.len(), 703 + 390);
}

#[test]
fn the_ofac_trio_parses() {
    let Some(dir) = sanctions() else { return };
    let d = dir.join("ofac-2022");
    let read = |n: &str| std::fs::read(d.join(n)).unwrap();
    let (sdn, alt, add) = (read("sdn.csv"), read("alt.csv"), read("add.csv"));
    let list = parse_ofac(
        NamedBytes {
            name: "sdn.csv",
            bytes: &sdn,
        },
        Some(NamedBytes {
            name: "alt.csv",
            bytes: &alt,
        }),
        Some(NamedBytes {
            name: "add.csv",
            bytes: &add,
        }),
    )
    .unwrap();
    assert_eq!(list.entities.len() + list.skipped, 9044);
    // 700 vessels and aircraft, and one row reusing uid 2677.
    assert_eq!(list.skipped, 701);
    assert_eq!(list.warnings.len(), 1);
    assert!(
        list.warnings[0].contains("sdn.csv: line 9044: uid 2677"),
        "{:?}",
        list.warnings
    );
    let z = list.entities.iter().find(|e| e.id == "2676").unwrap();
    assert_eq!(z.name, "Dr. Ayman AL ZAWAHIRI");
    assert!(z.programmes.contains(&"SDGT".to_string()));
    assert!(z.dates_of_birth.iter().any(|d| d.contains("1951")));
    let linked = list
        .entities
        .iter()
        .flat_map(|e| &e.ties)
        .filter(|t| t.other_id.is_some())
        .count();
    assert!(linked > 100, "{linked} resolved Linked To ties");
}

#[test]
fn malformed_lists_are_errors_naming_file_and_field() {
    let e = parse_un_xml(
        b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>",
        "x.xml",
    )
    .unwrap_err();
    assert!(e.to_string().contains("x.xml"), "{e}");
    let e = parse_un_xml(
        b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
        "y.xml",
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            ReferenceError::Missing {
                field: "REFERENCE_NUMBER",
                ..
            }
        ),
        "{e}"
    );
    assert!(
        e.to_string().contains("y.xml") && e.to_string().contains("DATAID 7"),
        "{e}"
    );
    let e = parse_un_xml(b"<rss></rss>", "feed.xml").unwrap_err();
    assert!(matches!(e, ReferenceError::NotUnList { .. }), "{e}");
    let e = parse_ofac(
        NamedBytes {
            name: "sdn.csv",
            bytes: b"12,NAME,-0- ,SDGT\n",
        },
        None,
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("sdn.csv: line 1"), "{e}");
    let row = "x1,NAME,-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
    let e = parse_ofac(
        NamedBytes {
            name: "sdn.csv",
            bytes: row.as_bytes(),
        },
        None,
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("uid"), "{e}");
}

#[test]
fn every_un_alias_finds_its_own_record() {
    let Some(dir) = sanctions() else { return };
    let f = dir.join("un-consolidated-2025-04-19.xml");
    let list = parse_un_xml(&std::fs::read(&f).unwrap(), "un.xml").unwrap();
    let mut ix = Index::new();
    for e in &list.entities {
        ix.add(Record::from_reference(e));
    }
    let (mut n, mut ok) = (0, 0);
    for e in &list.entities {
        for (name, q) in e.names() {
            if q != AliasQuality::Good {
                continue;
            }
            n += 1;
            let m = ix.lookup(name, Some(e.kind));
            let keys: Vec<String> = name_variants(name, true)
                .iter()
                .map(|v| fold_name(v).sorted_key())
                .collect();
            if m.first().is_some_and(|m| {
                m.record.id == format!("un:{}", e.id)
                    || m.record.names.iter().any(|(n, _)| {
                        name_variants(n, true)
                            .iter()
                            .any(|v| keys.contains(&fold_name(v).sorted_key()))
                    })
            }) {
                ok += 1;
            } else {
                eprintln!("{} {name:?}: {:?}", e.id, m.first());
            }
        }
    }
    // Indexed names come back (or an entry sharing the name comes first).
    assert_eq!(ok, n);
}

fn name_strategy() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        "[A-Za-z]{1,9}",
        Just("al".to_string()),
        Just("Abu".to_string()),
        Just("bin".to_string()),
        Just("Abdul".to_string()),
        Just("ud-Din".to_string()),
        Just("Mullah".to_string()),
        Just("el-".to_string()),
        Just("Mohammed".to_string()),
        "[A-Za-zÀ-ÿ'ʿ’-]{1,8}",
    ];
    prop::collection::vec(part, 1..6).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn folding_is_idempotent(name in name_strategy()) {
        let k = fold_name(&name).key();
        prop_assert_eq!(fold_name(&k).key(), k.clone(), "name {:?}", name);
    }

    #[test]
    fn an_indexed_name_comes_back_top_1(names in prop::collection::vec(name_strategy(), 1..12), pick in 0usize..12) {
        let mut ix = Index::new();
        for (i, n) in names.iter().enumerate() {
            ix.add(Record::new(format!("r{i}"), EntityType::Person, n.clone()));
        }
        let i = pick % names.len();
        prop_assume!(!fold_name(&names[i]).is_empty());
        let m = ix.lookup(&names[i], Some(EntityType::Person));
        prop_assert!(!m.is_empty());
        // Top-1 is this record, or another whose name folds the same.
        let top = &m[0];
        prop_assert!(top.record.id == format!("r{i}")
            || fold_name(top.matched_name).key() == fold_name(&names[i]).key()
            || fold_name(top.matched_name).sorted_key() == fold_name(&names[i]).sorted_key(),
            "{:?} -> {:?}", names[i], top);
        // It links, unless it is a lone name other records bear too.
        let f = fold_name(&names[i]);
        let shared_single = f.tokens.len() == 1
            && names.iter().enumerate().any(|(j, n)| {
                j != i && fold_name(n).tokens.iter().any(|t| t.loose == f.tokens[0].loose)
            });
        prop_assert!(top.is_link() || shared_single, "{:?}", top);
    }
}
