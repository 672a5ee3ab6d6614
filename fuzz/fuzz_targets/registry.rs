//! A Windows registry snapshot (JSON, as captured by the Windows reader or sent by IT),
//! through every Windows source; and the packed-GUID conversions on the same text.
#![no_main]

mod common;

use kitlibre::detect::windows::{RegistrySnapshot, pack_guid, parse_snapshot, unpack_guid};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(snapshot) = RegistrySnapshot::from_json(text) {
        for r in parse_snapshot(&snapshot) {
            common::check_result(&r);
        }
    }
    // Packing and unpacking are inverses.
    if let Some(packed) = pack_guid(text) {
        let guid = unpack_guid(&packed).expect("a packed GUID unpacks");
        assert_eq!(pack_guid(&guid).as_deref(), Some(packed.as_str()));
    }
    if let Some(guid) = unpack_guid(text) {
        let packed = pack_guid(&guid).expect("an unpacked GUID packs");
        assert_eq!(packed, text.trim().to_ascii_uppercase());
    }
});
