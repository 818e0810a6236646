//! Prints the documents ingest reads from files, folders or globs, as JSON
//! lines (errors on stderr): `cargo run -p untangle-ingest --example dump -- PATH...`.

use untangle_ingest::{discover, read_file, IngestOptions};

fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let (files, errors) = discover(&inputs);
    for e in errors {
        eprintln!("error: {e}");
    }
    let opts = IngestOptions::default();
    for f in files {
        for r in read_file(&f, &opts) {
            match r {
                Ok(d) => println!("{}", serde_json::to_string(&d).unwrap_or_default()),
                Err(e) => eprintln!("error: {e}"),
            }
        }
    }
}
