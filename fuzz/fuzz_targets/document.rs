//! One office document, as the migration inventory reads it: the first byte chooses the
//! file's extension (the name can lie about the content), the rest is the file's content.
#![no_main]

use kitlibre::migrate::OFFICE_EXTENSIONS;
use kitlibre::migrate::inspect::{Finding, inspect_reader};
use libfuzzer_sys::fuzz_target;
use std::io::Cursor;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, content)) = data.split_first() else {
        return;
    };
    // Every office extension, and a name with none.
    let n = OFFICE_EXTENSIONS.len() + 1;
    let ext = OFFICE_EXTENSIONS
        .get(usize::from(pick) % n)
        .copied()
        .unwrap_or("");
    let inspection = inspect_reader(Cursor::new(content), ext).expect("reading memory never fails");
    if content.is_empty() {
        assert_eq!(inspection.findings, [Finding::Empty]);
    }
    // A document recognised has a format; one that cannot be opened says why.
    assert!(inspection.format.is_some() || !inspection.findings.is_empty());
});
