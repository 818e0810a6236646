//! Where index building and lookups spend their time, on a UN list file:
//! `cargo run --release -p untangle-resolve --example index_speed -- FILE.xml [QUERIES.tsv]`
//! (queries: `NAME<TAB>TYPE` lines, as `bench/alias_link.py` writes them;
//! each phase is repeated and its fastest run reported, so that other
//! work on the machine disturbs the figures less).

use std::time::{Duration, Instant};
use untangle_model::EntityType;
use untangle_resolve::matcher::{name_variants, Query};
use untangle_resolve::{fold_name, parse_un_xml, Index, Record};

fn fastest<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    (best, out.expect("runs > 0"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: index_speed FILE.xml [QUERIES.tsv]");
    let queries = args.next();
    let bytes = std::fs::read(&path).expect("read");
    let (t, list) = fastest(5, || parse_un_xml(&bytes, &path).expect("parse"));
    println!("parse: {t:?}");
    let names: Vec<String> = list
        .entities
        .iter()
        .flat_map(|e| e.names().map(|(n, _)| n.to_string()))
        .collect();
    let (t, n) = fastest(10, || {
        let mut n = 0;
        for name in &names {
            for v in name_variants(name, true) {
                n += fold_name(&v).tokens.len();
            }
        }
        n
    });
    println!("fold {} names ({n} tokens): {t:?}", names.len());
    let (t, ix) = fastest(10, || {
        let mut ix = Index::new();
        for e in &list.entities {
            ix.add(Record::from_reference(e));
        }
        ix
    });
    println!("index {} records: {t:?}", ix.len());
    let Some(qpath) = queries else { return };
    let text = std::fs::read_to_string(&qpath).expect("read queries");
    let qs: Vec<(&str, Option<EntityType>)> = text
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(n, k)| (n, k.trim().parse().ok()))
        .collect();
    let (t, linked) = fastest(20, || {
        qs.iter()
            .filter(|(name, kind)| {
                ix.lookup_with(&Query {
                    name,
                    kind: *kind,
                    limit: 1,
                    ..Default::default()
                })
                .first()
                .is_some_and(|m| m.is_link())
            })
            .count()
    });
    println!(
        "lookups: {} queries ({linked} linked) in {t:?}, {:.2} µs/query",
        qs.len(),
        t.as_secs_f64() * 1e6 / qs.len() as f64
    );
}
