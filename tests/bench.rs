//! `kitlibre bench`: every figure of DESIGN.md is there, measured or with the reason it was
//! not; targets are compared, never asserted (the machines are shared and noisy).

mod common;

use common::docs::{minimal_docx, minimal_xlsx};
use common::*;

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = bin();
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run kitlibre");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn figure<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id} in {v}"))
}

fn value(v: &serde_json::Value, id: &str) -> f64 {
    figure(v, id)["value"]
        .as_f64()
        .unwrap_or_else(|| panic!("{id} not measured: {}", figure(v, id)))
}

#[test]
fn without_the_window_the_logic_figures_are_measured_and_the_rest_says_why() {
    let (code, out, err) = run(&["bench", "--skip-window", "--runs", "2", "--json"], &[]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        v["build"],
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    assert!(value(&v, "catalog_load_ms") > 0.0);
    let (p50, p99) = (value(&v, "search_p50_ms"), value(&v, "search_p99_ms"));
    assert!(p50 > 0.0 && p50 <= p99, "{p50} {p99}");
    assert!(figure(&v, "search_p99_ms")["count"].as_u64().unwrap_or(0) > 1000);
    let p99f = figure(&v, "search_p99_ms");
    assert_eq!(p99f["target"]["below"], 1.0);
    assert_eq!(p99f["met"], p99 < 1.0);
    assert!(value(&v, "inventory_ms") > 0.0);
    assert_eq!(figure(&v, "inventory_ms")["target"]["below"], 150.0);
    for id in ["first_frame_ms", "peak_memory_mb", "idle_cpu_percent"] {
        let f = figure(&v, id);
        assert!(f["value"].is_null(), "{f}");
        assert_eq!(f["skipped"]["reason"], "window_not_asked", "{f}");
        assert!(f["met"].is_null());
    }
    let conv = figure(&v, "conversion_speedup");
    assert_eq!(conv["target"]["at_least"], 5.0);
    assert!(
        conv["skipped"]["reason"] == "no_documents"
            || conv["skipped"]["reason"] == "no_libre_office",
        "{conv}"
    );
}

#[test]
fn the_text_report_is_a_table_in_french_and_english() {
    let (code, fr, err) = run(
        &["--lang", "fr", "bench", "--skip-window", "--runs", "1"],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        fr.contains("| Mesure | Résultat | Objectif | Verdict |"),
        "{fr}"
    );
    assert!(
        fr.contains("Recherche, à chaque touche, 99e centile"),
        "{fr}"
    );
    assert!(fr.contains("< 1,00 ms"), "{fr}");
    assert!(fr.contains("non mesuré : fenêtre non demandée"), "{fr}");
    assert!(
        err.contains("Mesure en cours : chargement du catalogue"),
        "{err}"
    );
    let (code, en, _) = run(
        &["--lang", "en", "bench", "--skip-window", "--runs", "1"],
        &[],
    );
    assert_eq!(code, 0);
    assert!(
        en.contains("| Measure | Result | Target | Verdict |"),
        "{en}"
    );
    assert!(en.contains("Full inventory of this computer"), "{en}");
    assert!(en.contains("not measured: window not asked for"), "{en}");
}

#[test]
fn a_missing_documents_folder_is_bad_input_in_both_languages() {
    let (code, _, err) = run(
        &[
            "--lang",
            "fr",
            "bench",
            "--skip-window",
            "--documents",
            "/nulle/part",
        ],
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("Le dossier de documents « /nulle/part » n'existe pas."),
        "{err}"
    );
    let (code, _, err) = run(
        &[
            "--lang",
            "en",
            "bench",
            "--skip-window",
            "--documents",
            "/nowhere",
        ],
        &[],
    );
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
    let (code, _, _) = run(&["bench", "--runs", "0"], &[]);
    assert_eq!(code, 2);
}

/// The window figures, with the real binary under an Xvfb the bench starts itself.
#[test]
fn the_window_figures_come_from_the_real_window() {
    assert!(
        which::which("Xvfb").is_ok(),
        "this test needs Xvfb (Debian package xvfb); scripts/run-tests.sh installs it"
    );
    let (code, out, err) = run(
        &["bench", "--runs", "1", "--idle-seconds", "2", "--json"],
        &[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(value(&v, "first_frame_ms") > 0.0);
    // The window really ran: its peak memory is tens of MB, not a few kB.
    let mb = value(&v, "peak_memory_mb");
    assert!(mb > 10.0 && mb < 2000.0, "{mb}");
    assert!(value(&v, "idle_cpu_percent") >= 0.0);
    assert!(figure(&v, "idle_cpu_percent")["met"].is_boolean());
}

/// Conversion figures with the real LibreOffice, on copies of two small documents.
#[test]
fn conversion_figures_with_the_real_libreoffice() {
    if !libreoffice_here() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::write(dir.path().join("lettre.docx"), minimal_docx(&[])).expect("write");
    std::fs::write(dir.path().join("budget.xlsx"), minimal_xlsx(&[])).expect("write");
    std::fs::write(dir.path().join("notes.txt"), b"not a document").expect("write");
    let before = std::fs::read(dir.path().join("lettre.docx")).expect("read");
    let docs = dir.path().to_str().expect("utf-8");
    let (code, out, err) = run(
        &[
            "bench",
            "--skip-window",
            "--runs",
            "1",
            "--documents",
            docs,
            "--json",
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let speedup = figure(&v, "conversion_speedup");
    assert_eq!(speedup["count"], 2, "{speedup}");
    assert!(value(&v, "conversion_batch_per_s") > 0.0);
    assert!(value(&v, "conversion_single_per_s") > 0.0);
    assert!(value(&v, "conversion_speedup") > 0.0);
    // The originals are untouched and nothing was written beside them.
    assert_eq!(
        std::fs::read(dir.path().join("lettre.docx")).expect("read"),
        before
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 3);
}
