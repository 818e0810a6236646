//! Where index building spends its time, on a UN list file:
//! `cargo run --release -p untangle-resolve --example index_speed -- FILE.xml`.

use std::time::Instant;
use untangle_resolve::matcher::name_variants;
use untangle_resolve::{fold_name, parse_un_xml, Index, Record};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: index_speed FILE.xml");
    let bytes = std::fs::read(&path).expect("read");
    let t = Instant::now();
    let list = parse_un_xml(&bytes, &path).expect("parse");
    println!("parse: {:?}", t.elapsed());
    let names: Vec<String> = list
        .entities
        .iter()
        .flat_map(|e| e.names().map(|(n, _)| n.to_string()))
        .collect();
    let t = Instant::now();
    let mut n = 0;
    for name in &names {
        for v in name_variants(name, true) {
            n += fold_name(&v).tokens.len();
        }
    }
    println!("fold {} names ({n} tokens): {:?}", names.len(), t.elapsed());
    let t = Instant::now();
    let mut ix = Index::new();
    for e in &list.entities {
        ix.add(Record::from_reference(e));
    }
    println!("index {} records: {:?}", ix.len(), t.elapsed());
}
