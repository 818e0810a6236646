//! Fuzz target: `parse_bytes` with the `Some("html")` extension hint returns
//! documents or input errors and never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use untangle_ingest::{parse_bytes, IngestOptions};

fuzz_target!(|data: &[u8]| {
    for r in parse_bytes("fuzz", Some("html"), data, &IngestOptions::default()) {
        if let Err(e) = r {
            assert!(e.is_input_error(), "{e}");
        }
    }
});
