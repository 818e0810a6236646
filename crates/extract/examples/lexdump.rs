//! Print the lexicon matches, sentences and dates of a text file:
//! `cargo run --release -p untangle-extract --example lexdump -- FILE [DOC_DATE]`.

use untangle_extract::{lexicon::Lexicon, temporal, text};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: lexdump FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let doc_date = args.next().and_then(|d| d.parse().ok());
    let t = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let lex = Lexicon::global();
    let toks = text::tokenize(&t);
    for s in text::sentences_from_tokens(&t, &toks) {
        println!("S {:?}", &t[s]);
    }
    for m in lex.find_in_tokens(&t, &toks) {
        let ids: Vec<String> = m
            .links
            .iter()
            .map(|l| {
                let e = lex.entry(l.entry);
                format!("{}[{} {}]", e.id, e.name, e.subtype)
            })
            .collect();
        println!("M {:?} -> {}", &t[m.span.clone()], ids.join(" | "));
    }
    for d in temporal::find_dates_in_tokens(&t, &toks, doc_date) {
        println!("D {:?} -> {} {:?}", &t[d.range()], d.date, d.kind);
    }
}
