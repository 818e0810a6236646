//! Fuzz target: `parse_bytes` with the `feed` extension hint never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use untangle_ingest::{parse_bytes, IngestOptions};

fuzz_target!(|data: &[u8]| {
    let _ = parse_bytes("fuzz", Some("xml"), data, &IngestOptions::default());
});
