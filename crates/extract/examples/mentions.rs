//! Prints the name mentions and entities `untangle-extract` finds in a file:
//! `cargo run --example mentions -- FILE`.
use untangle_extract::entities::extract_entities;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: mentions FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let found = extract_entities(&text);
    if std::env::var("SHOW_TOKENS").is_ok() {
        for t in &found.analysis.tokens {
            println!("T {:?} {:?}", t.kind, &text[t.start..t.end]);
        }
    }
    for m in &found.analysis.mentions {
        println!(
            "M {:?} {:?} {:?} {:?}",
            &text[m.span.clone()],
            m.label,
            m.cue,
            m.subtype
        );
    }
    for e in &found.entities {
        println!("E {} {} {:?} {:?}", e.id, e.kind, e.name, e.aliases);
    }
}
