//! The command line as scripts use it: exit codes, messages, JSON.

mod common;

use common::*;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().expect("run kitlibre");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

#[test]
fn search_json_names_the_product_and_its_alternatives() {
    let (code, out, _) = run(&["search", "excell", "--json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["query"], "excell");
    let first = &v["results"][0];
    assert_eq!(first["id"], "microsoft-excel");
    assert_eq!(first["kind"], "proprietary");
    let alts = first["alternatives"].as_array().expect("alternatives");
    assert!(alts.iter().any(|a| a["id"] == "libreoffice"), "{alts:?}");
    assert!(
        alts.iter()
            .all(|a| a["fit"].is_string() && a["platforms"].is_array())
    );
}

#[test]
fn search_text_output_in_both_languages() {
    let (code, fr, _) = run(&["search", "photoshop", "--lang", "fr"]);
    assert_eq!(code, 0);
    assert!(fr.contains("GIMP") && fr.contains("propriétaire"), "{fr}");
    let (_, en, _) = run(&["search", "photoshop", "--lang", "en"]);
    assert!(en.contains("GIMP") && en.contains("proprietary"), "{en}");
}

#[test]
fn search_finding_nothing_exits_1_with_advice() {
    let (code, out, _) = run(&["search", "xqzwvkj", "--lang", "en"]);
    assert_eq!(code, 1);
    assert!(out.contains("Nothing found"), "{out}");
    let (code, out, _) = run(&["search", "xqzwvkj", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(json(&out)["results"].as_array().map(Vec::len), Some(0));
}

#[test]
fn show_a_free_entry_as_json() {
    let (code, out, _) = run(&["show", "libreoffice", "--json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["kind_of_entry"], "free");
    assert_eq!(v["license"], "MPL-2.0");
    assert_eq!(v["free_software"], true);
    assert_eq!(v["install"]["winget"], "TheDocumentFoundation.LibreOffice");
    let replaces = v["replaces"].as_array().expect("replaces");
    assert!(replaces.iter().any(|r| r["id"] == "microsoft-word"));
}

#[test]
fn show_a_proprietary_entry_in_english() {
    let (code, out, _) = run(&["show", "microsoft-word", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Free alternatives:") && out.contains("LibreOffice"),
        "{out}"
    );
    assert!(out.contains("Word → Writer"), "{out}");
}

#[test]
fn show_an_unknown_id_suggests_close_ones() {
    let (code, _, err) = run(&["show", "microsoft-wrod"]);
    assert_eq!(code, 1);
    assert!(err.contains("Aucune entrée « microsoft-wrod »"), "{err}");
    let (code, _, err) = run(&["--lang", "en", "show", "nothing-at-all"]);
    assert_eq!(code, 1);
    assert!(err.contains("No entry"), "{err}");
    let (_, out, _) = run(&["show", "photoshop", "--json"]);
    let v = json(&out);
    assert_eq!(v["error"], "not-found");
    assert!(
        v["suggestions"]
            .as_array()
            .is_some_and(|s| s.iter().any(|x| x == "adobe-photoshop"))
    );
}

#[test]
fn bad_arguments_exit_2_with_a_clear_message() {
    let (code, _, err) = run(&["--lang", "de", "search", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("fr") && err.contains("en"), "{err}");
    let (code, _, err) = run(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("kitlibre --help"), "{err}");
    let (code, _, err) = run(&[
        "--lang",
        "en",
        "--catalog",
        "/nonexistent/cat",
        "search",
        "x",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/cat"), "{err}");
    let (code, _, err) = run(&["catalog", "check", "--winget-index", "/nonexistent.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("winget"), "{err}");
}

#[test]
fn catalog_stats_json() {
    let (code, out, _) = run(&["catalog", "stats", "--json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert!(v["proprietary"].as_u64().unwrap_or(0) >= 90);
    assert!(v["free"].as_u64().unwrap_or(0) >= 130);
    let langs = v["languages"].as_array().expect("languages");
    assert!(langs.iter().all(|l| l["percent"] == 100.0), "{langs:?}");
    assert!(v["by_category"].as_array().is_some_and(|c| c.len() > 10));
}

#[test]
fn catalog_check_on_a_broken_directory() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("debian = \"freewriter\"", "debian = \"freewriter;reboot\"")
    });
    let dir = write_catalog(&files);
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, _) = run(&["--lang", "en", "catalog", "check", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("free/freewriter.toml:16: error: `install.debian`: \"freewriter;reboot\" contains blanks or shell special characters"),
        "{out}"
    );
    assert!(out.contains("winget ids not checked"), "{out}");
    let (code, out, _) = run(&["catalog", "check", &path, "--json"]);
    assert_eq!(code, 1);
    let v = json(&out);
    assert_eq!(v["ok"], false);
    assert_eq!(v["errors"], 1);
    assert_eq!(v["problems"][0]["code"], "shell-metacharacters");
    assert_eq!(v["problems"][0]["line"], 16);
}

#[test]
fn catalog_check_of_the_real_catalogue_with_the_winget_index() {
    let Some(data) = shared_data() else { return };
    let index = data.join("winget-index.csv");
    let (code, out, _) = run(&[
        "catalog",
        "check",
        "--json",
        "--winget-index",
        &index.to_string_lossy(),
    ]);
    let v = json(&out);
    assert_eq!(code, 0, "{out}");
    assert_eq!(v["winget_checked"], true);
    assert_eq!(v["errors"], 0);
}

#[test]
fn a_catalogue_directory_overrides_the_embedded_one() {
    let dir = write_catalog(&good_catalog());
    let path = dir.path().to_string_lossy().into_owned();
    let (code, out, _) = run(&["--catalog", &path, "search", "acme", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(json(&out)["results"][0]["id"], "acme-word");
    let out = bin()
        .env("KITLIBRE_CATALOG", &path)
        .args(["show", "freewriter", "--json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json(&String::from_utf8_lossy(&out.stdout))["name"],
        "FreeWriter"
    );
}

#[test]
fn settings_are_set_from_the_command_line_and_kept_in_the_data_dir() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run_in = |args: &[&str]| {
        let out = bin()
            .env("KITLIBRE_DATA_DIR", dir.path())
            .args(args)
            .output()
            .expect("run");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, _) = run_in(&["settings", "set", "text-scale", "150"]);
    assert_eq!(code, 0);
    let (code, _, _) = run_in(&["settings", "set", "theme", "high-contrast"]);
    assert_eq!(code, 0);
    let (code, out, _) = run_in(&["settings", "--json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["placement"], "environment");
    assert_eq!(v["settings"]["text_scale"], 150);
    assert_eq!(v["settings"]["theme"], "high-contrast");
    assert!(dir.path().join("config/settings.toml").is_file());
    let (code, _, err) = run_in(&["--lang", "en", "settings", "set", "text-scale", "900"]);
    assert_eq!(code, 2);
    assert!(err.contains("100 to 200"), "{err}");
    let (code, _, err) = run_in(&["settings", "set", "colour", "red"]);
    assert_eq!(code, 2);
    assert!(err.contains("Réglage inconnu"), "{err}");
    let (code, _, _) = run_in(&["settings", "reset"]);
    assert_eq!(code, 0);
    let (_, out, _) = run_in(&["settings", "--json"]);
    assert_eq!(json(&out)["settings"]["text_scale"], 100);
}

#[test]
fn portable_mode_keeps_everything_beside_the_executable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = dir.path().join("kitlibre");
    std::fs::copy(env!("CARGO_BIN_EXE_kitlibre"), &exe).expect("copy the binary");
    std::fs::write(dir.path().join("kitlibre-portable.txt"), "").expect("marker");
    let out = std::process::Command::new(&exe)
        .env_remove("KITLIBRE_DATA_DIR")
        .env("HOME", dir.path().join("no-home"))
        .args(["settings", "set", "lang", "en"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = std::process::Command::new(&exe)
        .env_remove("KITLIBRE_DATA_DIR")
        .args(["settings", "--json"])
        .output()
        .expect("run");
    let v = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(v["placement"], "portable");
    assert_eq!(v["settings"]["lang"], "en");
    let settings = dir.path().join("kitlibre-data/config/settings.toml");
    assert!(settings.is_file(), "settings beside the executable");
    assert!(
        !dir.path().join("no-home").exists(),
        "nothing written in the home folder"
    );
}

#[test]
fn identify_names_as_windows_lists_them() {
    for (name, publisher, id) in [
        (
            "Microsoft Office Professional Plus 2019 - fr-fr",
            "Microsoft Corporation",
            "microsoft-office",
        ),
        (
            "Microsoft 365 Apps for enterprise - fr-fr",
            "Microsoft Corporation",
            "microsoft-office",
        ),
        (
            "Adobe Acrobat Reader DC - Français",
            "Adobe Systems Incorporated",
            "adobe-acrobat-reader",
        ),
        ("Google Chrome", "Google LLC", "google-chrome"),
        ("WinRAR 6.24 (64-bit)", "win.rar GmbH", "winrar"),
        (
            "LibreOffice 24.8.4.2",
            "The Document Foundation",
            "libreoffice",
        ),
        ("Mozilla Firefox (x64 fr)", "Mozilla", "firefox"),
    ] {
        let (code, out, err) = run(&[
            "identify",
            name,
            "--publisher",
            publisher,
            "--platform",
            "windows",
            "--json",
        ]);
        assert_eq!(code, 0, "{name}: {err}");
        let v = json(&out);
        assert_eq!(v["entry"]["id"], id, "{name}: {out}");
    }
    let (_, out, _) = run(&[
        "identify",
        "LibreOffice 24.8.4.2",
        "--platform",
        "windows",
        "--json",
    ]);
    assert_eq!(json(&out)["entry"]["kind"], "free");
}

#[test]
fn identify_leaves_unknown_programs_unknown() {
    let (code, out, _) = run(&[
        "--lang",
        "en",
        "identify",
        "Realtek High Definition Audio Driver",
        "--platform",
        "windows",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("matches no entry"), "{out}");
    let (code, _, err) = run(&["identify", "   "]);
    assert_eq!(code, 2);
    assert!(err.contains("vide"), "{err}");
}

#[test]
fn scan_a_captured_windows_registry() {
    let reg = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows/agent-office2019/registry.json");
    let (code, out, err) = run(&[
        "scan",
        "--windows-registry",
        &reg.to_string_lossy(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    let ids = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .expect("list")
            .iter()
            .map(|f| f["id"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    assert!(ids("proprietary").contains(&"microsoft-office".to_owned()));
    assert!(ids("proprietary").contains(&"google-chrome".to_owned()));
    assert!(ids("free").contains(&"libreoffice".to_owned()));
    let office = v["proprietary"]
        .as_array()
        .and_then(|l| l.iter().find(|f| f["id"] == "microsoft-office"))
        .expect("office");
    let lo = office["alternatives"]
        .as_array()
        .and_then(|l| l.iter().find(|a| a["id"] == "libreoffice"))
        .expect("libreoffice suggested");
    assert_eq!(lo["installed"], true, "LibreOffice is already there");
    assert_eq!(v["os"]["family"], "windows");
    assert!(v["sources"].as_array().is_some_and(|s| !s.is_empty()));

    let (code, text, _) = run(&[
        "--lang",
        "en",
        "scan",
        "--windows-registry",
        &reg.to_string_lossy(),
    ]);
    assert_eq!(code, 0);
    assert!(text.contains("LibreOffice (already installed)"), "{text}");
}

#[test]
fn scan_refuses_bad_captures_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ \"uninstall\": [ { \"view\": \"hklm64\", ").expect("write");
    let (code, _, err) = run(&[
        "--lang",
        "en",
        "scan",
        "--windows-registry",
        &bad.to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("not a readable registry snapshot"), "{err}");
    let (code, _, err) = run(&["scan", "--linux-root", "/nonexistent/root"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/root"), "{err}");
}

#[test]
fn scan_of_this_machine_reports_its_sources() {
    let (code, out, _) = run(&["scan", "--json"]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert!(v["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(v["millis"].as_f64().is_some());
    assert!(v["os"]["family"].is_string());
}
