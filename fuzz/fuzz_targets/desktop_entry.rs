//! One desktop entry (`.desktop` file). The reader turns bytes that are not UTF-8 into
//! U+FFFD before parsing, and so does this target.
#![no_main]

mod common;

use kitlibre::detect::linux::desktop::parse_entry;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let desktops = ["GNOME".to_owned(), "KDE".to_owned()];
    // Whether a TryExec program exists: decided by the name, so both ways get explored.
    let exists = |p: &str| p.len().is_multiple_of(2);
    for d in [&desktops[..], &[]] {
        if let Ok(Some(item)) = parse_entry(
            "fuzz.desktop",
            Path::new("/usr/share/applications/fuzz.desktop"),
            &text,
            d,
            &exists,
        ) {
            common::check_program(&item);
        }
    }
});
