//! Fuzz target: `parse_bytes` under every extension hint (none included):
//! the first byte picks the hint, the rest is the file. Content sniffing
//! decides the format, so this reaches every parser.
#![no_main]
use libfuzzer_sys::fuzz_target;
use untangle_ingest::{parse_bytes, IngestOptions};

const HINTS: [Option<&str>; 10] = [
    None,
    Some("txt"),
    Some("html"),
    Some("shtml"),
    Some("aspx"),
    Some("pdf"),
    Some("xml"),
    Some("rss"),
    Some("jsonl"),
    Some("json"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let hint = HINTS[usize::from(pick) % HINTS.len()];
    for r in parse_bytes("fuzz", hint, rest, &IngestOptions::default()) {
        if let Err(e) = r {
            assert!(e.is_input_error(), "{e}");
        }
    }
});
