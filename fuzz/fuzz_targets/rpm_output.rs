//! The output of `rpm -qa --qf QUERY_FORMAT`.
#![no_main]

mod common;

use kitlibre::detect::linux::rpm::parse_output;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        common::check_result(&parse_output(text));
    }
});
