//! A Flatpak application's AppStream metainfo file (XML).
#![no_main]

use kitlibre::detect::linux::flatpak::parse_metainfo;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_metainfo(text);
    }
});
