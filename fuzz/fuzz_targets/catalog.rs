//! The catalogue: loading (`parse_files`) then every rule of `catalog check` (`validate`),
//! and each problem rendered in French and English.
//!
//! The input is one or more catalogue files separated by NUL bytes (TOML text never holds
//! one); each file is its path on the first line (`free/gimp.toml`, `categories.toml`...),
//! then its text. `seed.sh` builds seeds in this form from `catalog/`.
#![no_main]

use kitlibre::catalog::Origin;
use kitlibre::catalog::load::{SourceFile, parse_files};
use kitlibre::catalog::model::{Date, Lang};
use kitlibre::catalog::validate::{CheckOptions, check};
use libfuzzer_sys::fuzz_target;

/// More files add nothing the fuzzer cannot find with fewer.
const MAX_FILES: usize = 24;

fn files(data: &[u8]) -> Vec<SourceFile> {
    data.split(|&b| b == 0)
        .take(MAX_FILES)
        .map(|chunk| {
            let (path, text) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], &chunk[i + 1..]),
                None => (chunk, &[][..]),
            };
            SourceFile {
                path: String::from_utf8_lossy(path).into_owned(),
                // As `load::directory_files` does for a file that is not UTF-8.
                text: String::from_utf8(text.to_vec())
                    .map_err(|_| "not UTF-8 / pas en UTF-8".to_owned()),
            }
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let loaded = parse_files(files(data), Origin::Embedded);
    let report = check(
        &loaded,
        CheckOptions {
            winget: None,
            today: Date {
                year: 2026,
                month: 1,
                day: 1,
            },
        },
    );
    assert!(report.problems.len() >= loaded.problems.len());
    for p in &report.problems {
        for lang in [Lang::Fr, Lang::En] {
            assert!(!p.render("catalog", lang).is_empty());
        }
    }
});
