//! Fuzz target: `parse_bytes` with the `text` extension hint never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use untangle_ingest::{parse_bytes, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes("fuzz", Some("txt"), data, &IngestOptions::default());
});
