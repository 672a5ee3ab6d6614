//! A snap's `meta/snap.yaml`.
#![no_main]

use kitlibre::detect::linux::snap::parse_snap_yaml;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_snap_yaml(text);
    }
});
