//! Conversion throughput with a real LibreOffice: the kit's batches (one soffice process
//! for many files) against one soffice process per file, on the same 50+ real documents
//! (../shared/data/documents: Word documents from python-docx, workbooks from calamine).
//! Target (DESIGN.md): at least 5x. Prints documents per second for both.
//!
//! Run: `cargo bench --bench convert` (needs LibreOffice). Under `cargo test` it only says
//! how to run it, as a full run takes minutes.

use kitlibre::migrate::convert::{Options, Target, plan, run};
use kitlibre::migrate::fonts::FontEnv;
use kitlibre::migrate::inventory::inventory;
use kitlibre::migrate::soffice;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

fn corpus(into: &Path) -> usize {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/documents");
    let mut n = 0;
    for (sub, ext) in [("python-docx", "docx"), ("calamine", "xlsx")] {
        let Ok(entries) = std::fs::read_dir(shared.join(sub)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        files.sort();
        std::fs::create_dir_all(into.join(sub)).expect("mkdir");
        for f in files {
            std::fs::copy(&f, into.join(sub).join(f.file_name().expect("name"))).expect("copy");
            n += 1;
        }
    }
    n
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("convert benchmark: run it with `cargo bench --bench convert` (takes minutes)");
        return;
    }
    let Some(office) = soffice::find() else {
        println!("convert benchmark: LibreOffice is not installed; nothing measured");
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    let documents = corpus(&docs);
    if documents < 50 {
        println!("convert benchmark: ../shared/data/documents is missing; nothing measured");
        return;
    }
    let mut results = Vec::new();
    for (label, one_per_file) in [("batches (kit)", false), ("one soffice per file", true)] {
        let out = tmp
            .path()
            .join(if one_per_file { "single" } else { "batch" });
        let inv = inventory(
            &docs,
            &[],
            &FontEnv::default(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .expect("inventory");
        let p = plan(&inv, &out, Target::Odf);
        let opts = Options {
            one_per_file,
            ..Options::default()
        };
        let t = Instant::now();
        let report = run(&p, &office, &opts, &mut |_| {}, &AtomicBool::new(false)).expect("run");
        let secs = t.elapsed().as_secs_f64();
        let per_sec = report.converted.len() as f64 / secs;
        println!(
            "{label:>22}: {} converted, {} failed, {} skipped, {} soffice runs, {secs:.1} s, {per_sec:.2} documents/s",
            report.converted.len(),
            report.failed.len(),
            report.skipped.len(),
            report.soffice_runs
        );
        results.push(per_sec);
    }
    println!(
        "{documents} documents; speed-up of batches: {:.1}x (target >= 5x)",
        results[0] / results[1]
    );
}
