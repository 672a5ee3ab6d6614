//! The dpkg status database (`/var/lib/dpkg/status`), as raw bytes.
#![no_main]

mod common;

use kitlibre::detect::linux::dpkg::parse_status;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let r = parse_status(data);
    common::check_result(&r);
    // One record per package.
    let mut names = std::collections::HashSet::new();
    for p in &r.programs {
        assert!(names.insert(&p.name), "package {} twice", p.name);
    }
});
