//! A macOS bundle's `Contents/Info.plist` (XML or binary).
#![no_main]

use kitlibre::detect::macos::parse_info_plist;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_info_plist(data);
});
