//! Checks shared by the detection targets: whatever the input, what a parser returns is
//! clean (the limits of `kitlibre::detect::clean` hold for every record).

use kitlibre::detect::{Installed, MAX_TEXT, SourceResult};

/// Panics (a finding for the fuzzer) when a record breaks the cleaning rules.
pub fn check_program(p: &Installed) {
    assert!(!p.name.is_empty(), "empty name");
    assert!(p.name.chars().count() <= MAX_TEXT, "name over {MAX_TEXT}");
    assert!(
        !p.name.chars().any(char::is_control),
        "control character in name"
    );
    for text in [&p.publisher, &p.version].into_iter().flatten() {
        assert!(!text.is_empty() && text.chars().count() <= MAX_TEXT);
    }
}

#[allow(dead_code)]
pub fn check_result(r: &SourceResult) {
    r.programs.iter().for_each(check_program);
}
