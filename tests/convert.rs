//! Batch conversion with a real LibreOffice (the README's test command installs it):
//! originals byte-identical afterwards, the tree mirrored, same-name files kept apart,
//! password-protected files reported, re-runs skipping what is done, resume after an
//! interruption, and never overwriting a file the conversion did not write. Stand-in
//! soffice programs cover what a real one does only on bad days: hanging (timeout kills
//! the whole process group) and exiting 0 without writing anything.

mod common;

use common::docs::*;
use kitlibre::migrate::convert::{
    self, FailReason, Options, Plan, Progress, Report, SkipWhy, Target, plan,
};
use kitlibre::migrate::fonts::FontEnv;
use kitlibre::migrate::inventory::{Inventory, inventory};
use kitlibre::migrate::soffice::{self, Soffice};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The real LibreOffice, or None (with a notice) when the person running the tests said
/// it may be missing; otherwise its absence fails the test.
fn libreoffice() -> Option<Soffice> {
    if std::env::var_os("KITLIBRE_SOFFICE").is_none()
        && let Some(s) = soffice::find()
    {
        return Some(s);
    }
    if std::env::var_os("KITLIBRE_ALLOW_NO_LIBREOFFICE").is_some() {
        eprintln!("notice: LibreOffice is not installed; the real conversion tests are skipped");
        return None;
    }
    panic!(
        "LibreOffice (soffice) is needed: scripts/run-tests.sh installs it, or set \
         KITLIBRE_ALLOW_NO_LIBREOFFICE=1 to skip these tests"
    );
}

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (String, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).expect("read");
                let hash = hex(&Sha256::digest(&bytes));
                let mtime = e.metadata().and_then(|m| m.modified()).expect("mtime");
                out.insert(
                    p.strip_prefix(dir).expect("rel").to_path_buf(),
                    (hash, mtime),
                );
            }
        }
    }
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn inv(dir: &Path, out: &Path) -> Inventory {
    inventory(
        dir,
        &[out.to_path_buf()],
        &FontEnv::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("inventory")
}

fn convert(plan: &Plan, office: &Soffice, opts: &Options) -> Report {
    convert::run(plan, office, opts, &mut |_| {}, &AtomicBool::new(false)).expect("run")
}

fn documents(dir: &Path) {
    write_tree(
        dir,
        &[
            ("date.xls", real_or_generated("calamine/date.xls")),
            ("date.xlsx", real_or_generated("calamine/date.xlsx")),
            (
                "Courriers/lettre.docx",
                real_or_generated("python-docx/par-known-styles.docx"),
            ),
            (
                "Courriers/tableau.docx",
                real_or_generated("python-docx/tbl-2x2-table.docx"),
            ),
            ("Courriers/secret.docx", encrypted_ooxml()),
            ("Finances/budget-liens.xlsx", xlsx_with_links()),
            ("Finances/vide.xls", Vec::new()),
            ("libre.odt", odt(false, false)),
        ],
    );
    // The real password-protected workbook, when the shared data is there.
    if let Some(d) = shared_documents() {
        std::fs::copy(
            d.join("calamine/pass_protected.xlsx"),
            dir.join("Finances/protege.xlsx"),
        )
        .expect("copy");
    }
}

fn magic(p: &Path) -> Vec<u8> {
    std::fs::read(p).expect("output")[..4].to_vec()
}

#[test]
fn real_libreoffice_converts_safely_and_resumes() {
    let Some(office) = libreoffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("Documents");
    let out = tmp.path().join("Convertis");
    documents(&docs);
    // A file already in the output folder that no conversion wrote.
    write_tree(&out, &[("Courriers/tableau.odt", b"mes notes".to_vec())]);
    let before = snapshot(&docs);

    let p = plan(&inv(&docs, &out), &out, Target::Odf);
    let report = convert(&p, &office, &Options::default());

    // The originals are byte-identical, untouched, and nothing was added next to them.
    assert_eq!(snapshot(&docs), before, "originals unchanged");
    // Converted, tree mirrored, same-name originals kept apart.
    let dests: Vec<&Path> = report.converted.iter().map(|c| c.dest.as_path()).collect();
    for want in [
        "date (xls).ods",
        "date (xlsx).ods",
        "Courriers/lettre.odt",
        "Courriers/tableau (2).odt",
        "Finances/budget-liens.ods",
    ] {
        assert!(dests.contains(&Path::new(want)), "{want} in {dests:?}");
        assert_eq!(magic(&out.join(want)), b"PK\x03\x04", "{want} is a package");
    }
    assert_eq!(report.converted.len(), 5, "{report:#?}");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    // The file someone else put there is left as it was.
    assert_eq!(
        std::fs::read(out.join("Courriers/tableau.odt")).expect("theirs"),
        b"mes notes"
    );
    // Password, empty and already-ODF files are reported, not converted.
    let why = |rel: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.source == Path::new(rel))
            .map(|s| s.why.clone())
    };
    assert_eq!(why("Courriers/secret.docx"), Some(SkipWhy::NeedsPassword));
    if shared_documents().is_some() {
        assert_eq!(why("Finances/protege.xlsx"), Some(SkipWhy::NeedsPassword));
    }
    assert_eq!(why("Finances/vide.xls"), Some(SkipWhy::CannotOpen));
    assert_eq!(why("libre.odt"), Some(SkipWhy::AlreadyInFormat));
    // Batches: one LibreOffice run per output format and distinct names, not per file.
    assert!(report.soffice_runs <= 3, "runs: {}", report.soffice_runs);
    assert!(!out.join(convert::WORK_DIR).exists(), "work folder removed");

    // A re-run skips everything already converted, and starts no LibreOffice.
    let again = convert(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &office,
        &Options::default(),
    );
    assert!(again.converted.is_empty() && again.failed.is_empty());
    assert_eq!(again.soffice_runs, 0);
    assert_eq!(
        again
            .skipped
            .iter()
            .filter(|s| matches!(s.why, SkipWhy::AlreadyConverted { .. }))
            .count(),
        5
    );

    // An original that changes is converted again, into the same output.
    std::fs::write(docs.join("Finances/budget-liens.xlsx"), xlsx_with_links()).expect("touch");
    let file_time = std::fs::File::options()
        .write(true)
        .open(docs.join("Finances/budget-liens.xlsx"))
        .expect("open");
    file_time
        .set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .expect("mtime");
    let changed = convert(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &office,
        &Options::default(),
    );
    assert_eq!(
        changed
            .converted
            .iter()
            .map(|c| c.dest.clone())
            .collect::<Vec<_>>(),
        [PathBuf::from("Finances/budget-liens.ods")]
    );
}

#[test]
fn real_libreoffice_resumes_after_an_interruption() {
    let Some(office) = libreoffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    let out = tmp.path().join("out");
    let mut files = Vec::new();
    for i in 0..6 {
        files.push((
            format!("lot{}/lettre-{i}.docx", i % 2),
            real_or_generated("python-docx/tbl-2x2-table.docx"),
        ));
    }
    let refs: Vec<(&str, Vec<u8>)> = files.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    write_tree(&docs, &refs);
    let small_batches = Options {
        batch_size: 2,
        ..Options::default()
    };
    // Stop after the first batch, as Ctrl+C or the Cancel button would.
    let cancel = AtomicBool::new(false);
    let first = convert::run(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &office,
        &small_batches,
        &mut |p| {
            if let Progress::Done { .. } = p {
                cancel.store(true, Ordering::SeqCst);
            }
        },
        &cancel,
    )
    .expect("run");
    assert!(first.cancelled);
    assert_eq!(first.converted.len(), 2);
    // The next run converts only the rest, into the same names (no "(2)" copies).
    let rest = convert(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &office,
        &small_batches,
    );
    assert_eq!(rest.converted.len(), 4, "{rest:#?}");
    let mut all: Vec<PathBuf> = first
        .converted
        .iter()
        .chain(&rest.converted)
        .map(|c| c.dest.clone())
        .collect();
    all.sort();
    let want: Vec<PathBuf> = (0..6)
        .map(|i| PathBuf::from(format!("lot{}/lettre-{i}.odt", i % 2)))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(all, want);
}

#[test]
fn real_libreoffice_to_pdf_and_ooxml() {
    let Some(office) = libreoffice() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    write_tree(
        &docs,
        &[
            ("a.odt", odt(false, false)),
            ("b.xls", real_or_generated("calamine/date.xls")),
        ],
    );
    let pdf_out = tmp.path().join("pdf");
    let pdf = convert(
        &plan(&inv(&docs, &pdf_out), &pdf_out, Target::Pdf),
        &office,
        &Options::default(),
    );
    assert_eq!(pdf.converted.len(), 2, "{pdf:#?}");
    assert_eq!(magic(&pdf_out.join("a.pdf")), b"%PDF");
    let x_out = tmp.path().join("ooxml");
    let x = convert(
        &plan(&inv(&docs, &x_out), &x_out, Target::Ooxml),
        &office,
        &Options::default(),
    );
    assert_eq!(x.converted.len(), 2, "{x:#?}");
    assert!(x_out.join("a.docx").is_file() && x_out.join("b.xlsx").is_file());
}

/// A stand-in soffice written as a shell script.
#[cfg(unix)]
fn stand_in(dir: &Path, body: &str) -> Soffice {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join("soffice");
    std::fs::write(&p, format!("#!/bin/sh\n{body}\n")).expect("script");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    Soffice::at(p)
}

#[cfg(unix)]
#[test]
fn a_hanging_libreoffice_is_stopped_with_its_children() {
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    let out = tmp.path().join("out");
    write_tree(
        &docs,
        &[("a.docx", minimal_docx(&[])), ("b.docx", minimal_docx(&[]))],
    );
    let pids = tmp.path().join("pids");
    // Like oosplash starting soffice.bin: a child that hangs, in the same process group.
    let office = stand_in(
        tmp.path(),
        &format!("sleep 300 &\necho $! >> '{}'\nwait", pids.display()),
    );
    let opts = Options {
        base_timeout: Duration::from_millis(300),
        per_file: Duration::ZERO,
        per_mb: Duration::ZERO,
        ..Options::default()
    };
    let report = convert(&plan(&inv(&docs, &out), &out, Target::Odf), &office, &opts);
    // The batch ran out of time, then each file alone: both fail with the reason.
    assert_eq!(report.soffice_runs, 3);
    assert_eq!(report.failed.len(), 2);
    assert!(
        report
            .failed
            .iter()
            .all(|f| f.reason == FailReason::TimedOut)
    );
    // Every hanging child was stopped.
    std::thread::sleep(Duration::from_millis(300));
    for pid in std::fs::read_to_string(&pids).expect("pids").lines() {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let alive = !stat.is_empty()
            && !stat
                .rsplit(')')
                .next()
                .unwrap_or_default()
                .trim_start()
                .starts_with('Z');
        assert!(!alive, "process {pid} still runs");
    }
}

#[cfg(unix)]
#[test]
fn exit_zero_without_output_is_a_failure() {
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    let out = tmp.path().join("out");
    write_tree(&docs, &[("a.docx", minimal_docx(&[]))]);
    // soffice prints an error that names no file and exits 0.
    let office = stand_in(
        tmp.path(),
        "echo 'Error: source file could not be loaded'\nexit 0",
    );
    let report = convert(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &office,
        &Options::default(),
    );
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].reason, FailReason::NoOutput);
    assert!(report.converted.is_empty());
    // An empty output is not a conversion either.
    let empty_writer = stand_in(
        tmp.path(),
        "while [ $# -gt 0 ]; do if [ \"$1\" = --outdir ]; then out=$2; fi; shift; done\n: > \"$out/a.odt\"",
    );
    let report = convert(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &empty_writer,
        &Options::default(),
    );
    assert_eq!(report.failed.len(), 1, "{report:#?}");
    assert_eq!(report.failed[0].reason, FailReason::BadOutput);
    // A missing program: every file fails with the reason, nothing panics.
    let missing = Soffice::at(tmp.path().join("absent/soffice"));
    let report = convert(
        &plan(&inv(&docs, &out), &out, Target::Odf),
        &missing,
        &Options::default(),
    );
    assert!(matches!(
        report.failed[0].reason,
        FailReason::NotStarted { .. }
    ));
}

#[test]
fn the_output_folder_may_not_hold_the_documents() {
    let tmp = tempfile::tempdir().expect("tmp");
    let docs = tmp.path().join("docs");
    write_tree(&docs, &[("a.docx", minimal_docx(&[]))]);
    let inventory = inv(&docs, tmp.path());
    let p = plan(&inventory, tmp.path(), Target::Odf);
    let office = Soffice::at(PathBuf::from("/nonexistent/soffice"));
    let err = convert::run(
        &p,
        &office,
        &Options::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect_err("refused");
    assert!(matches!(err, convert::ConvertError::OutContainsSource));
    assert!(convert::check_folders(&docs, &docs).is_err());
    assert!(convert::check_folders(&docs, &docs.join("out")).is_ok());
}
