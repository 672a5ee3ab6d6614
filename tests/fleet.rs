//! `kitlibre fleet report` on realistic inventories (tests/fixtures/fleet, see its
//! README): exact counts, alternatives, readiness, Windows end of support and Linux fit,
//! per-file problems, duplicates, encodings, the CSV tables (read back, and opened by a
//! real LibreOffice), the HTML page, and both languages.

mod common;

use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fleet")
}

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

/// The whole fixture folder, as of 22 November 2026.
fn fixture_report(extra: &[&str]) -> serde_json::Value {
    let dir = fixtures();
    let mut args = vec![
        "fleet",
        "report",
        dir.to_str().expect("path"),
        "--json",
        "--today",
        "2026-11-22",
        "--lang",
        "en",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    json(&out)
}

fn machine<'a>(r: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    r["machines"]
        .as_array()
        .and_then(|l| l.iter().find(|m| m["name"] == name))
        .unwrap_or_else(|| panic!("no machine {name} in {:#}", r["machines"]))
}

fn product<'a>(r: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    r["products"]
        .as_array()
        .and_then(|l| l.iter().find(|p| p["id"] == id))
        .unwrap_or_else(|| panic!("no product {id} in {:#}", r["products"]))
}

fn alternative<'a>(p: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    p["alternatives"]
        .as_array()
        .and_then(|l| l.iter().find(|a| a["id"] == id))
        .unwrap_or_else(|| panic!("no alternative {id} in {p:#}"))
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .map(|l| {
            l.iter()
                .map(|x| x.as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn totals_of_the_fixture_fleet() {
    let r = fixture_report(&[]);
    let t = &r["totals"];
    // 5 GLPI JSON + 1 UTF-16 + 1 OCS XML + 1 CSV export + 1 scan + 4 bad files.
    assert_eq!(t["files"], 13, "{t:#}");
    assert_eq!(t["files_ignored"], 1, "the README is not read");
    // accueil-01 (twice), compta-02, mediatheque-03, vieux-04, atelier-05, cm1-06, cp-07,
    // portable-09, the scanned public PC.
    assert_eq!(t["machines"], 9, "{t:#}");
    assert_eq!(t["duplicates"], 1);
    assert_eq!(t["problems"], 4, "{:#}", r["problems"]);
    let names: Vec<String> = r["machines"]
        .as_array()
        .expect("machines")
        .iter()
        .map(|m| m["name"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "ECOLE-CM1-06",
            "ECOLE-CP-07",
            "ECOLE-VIEUX-04",
            "MAIRIE-ACCUEIL-01",
            "MAIRIE-COMPTA-02",
            "MEDIATHEQUE-03",
            "PC-PUBLIC-08",
            "PORTABLE-ELU-09",
            "ST-ATELIER-05"
        ]
    );
}

#[test]
fn office_everywhere_with_libreoffice_where_it_is_installed() {
    let r = fixture_report(&[]);
    let office = product(&r, "microsoft-office");
    // accueil-01 (Microsoft 365 Apps), compta-02 (Professional Plus 2019), vieux-04
    // (Famille et Petite Entreprise 2010), cm1-06 (Famille et Étudiant 2016), cp-07
    // (Microsoft 365 - fr-fr), the public PC (Microsoft 365 Apps).
    assert_eq!(office["machines"], 6, "{office:#}");
    let lo = alternative(office, "libreoffice");
    assert_eq!(lo["suggested_on"], 6);
    // compta-02 (LibreOffice 7.6.4.1), cp-07 (LibreOffice 24.8.2.1) and the public PC.
    assert_eq!(lo["installed_on"], 3, "{office:#}");
    assert!(
        strings(&office["seen_as"])
            .iter()
            .any(|s| s == "Microsoft Office Professional Plus 2019 - fr-fr"),
        "{office:#}"
    );

    let chrome = product(&r, "google-chrome");
    // accueil-01, vieux-04, mediatheque-03 (google-chrome-stable), atelier-05, cm1-06.
    assert_eq!(chrome["machines"], 5, "{chrome:#}");
    let firefox = alternative(chrome, "firefox");
    // Firefox is already on the Debian workstation (firefox-esr) and the workshop PC.
    assert_eq!(firefox["installed_on"], 2, "{chrome:#}");

    // The first product is the most widespread.
    assert_eq!(r["products"][0]["id"], "microsoft-office");
}

#[test]
fn readiness_per_machine() {
    let r = fixture_report(&[]);
    let compta = machine(&r, "MAIRIE-COMPTA-02");
    let ready: Vec<(String, String)> = compta["ready"]
        .as_array()
        .expect("ready")
        .iter()
        .map(|x| {
            (
                x["id"].as_str().unwrap_or("").to_owned(),
                x["alternative_id"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert!(
        ready.contains(&("microsoft-office".into(), "libreoffice".into())),
        "{compta:#}"
    );
    // Edge is still there and Firefox replaces it: every product is covered.
    assert_eq!(compta["readiness"], "ready", "{compta:#}");

    let accueil = machine(&r, "MAIRIE-ACCUEIL-01");
    assert_eq!(accueil["readiness"], "not-started", "{accueil:#}");
    let to_replace = strings(&accueil["to_replace"]);
    for id in [
        "microsoft-office",
        "google-chrome",
        "adobe-acrobat-reader",
        "zoom",
    ] {
        assert!(to_replace.contains(&id.to_owned()), "{id}: {accueil:#}");
    }
    // Updates and system components are not programs.
    assert_eq!(accueil["programs"], 10, "{accueil:#}");

    let cp = machine(&r, "ECOLE-CP-07");
    assert_eq!(cp["readiness"], "ready", "{cp:#}");
    let debian = machine(&r, "MEDIATHEQUE-03");
    assert_eq!(debian["readiness"], "ready", "{debian:#}");
    assert_eq!(debian["family"], "linux");
    let counts = &r["totals"]["readiness"];
    let sum: u64 = ["ready", "partial", "not-started", "nothing-to-replace"]
        .iter()
        .map(|k| counts[k].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(sum, 9, "{counts:#}");
}

#[test]
fn windows_10_past_end_of_support_and_linux_fit() {
    let r = fixture_report(&[]);
    let eos = r["windows_end_of_support"].as_array().expect("list");
    let mut names: Vec<&str> = eos
        .iter()
        .map(|w| w["name"].as_str().unwrap_or(""))
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "ECOLE-CM1-06",
            "ECOLE-VIEUX-04",
            "MAIRIE-ACCUEIL-01",
            "PORTABLE-ELU-09",
            "ST-ATELIER-05"
        ]
    );
    let find = |n: &str| eos.iter().find(|w| w["name"] == n).expect("machine");
    // ESU for consumers ended on 13 October 2026.
    assert_eq!(find("MAIRIE-ACCUEIL-01")["support"]["status"], "ended");
    assert_eq!(find("MAIRIE-ACCUEIL-01")["linux_fit"]["verdict"], "fit");
    let old = find("ECOLE-VIEUX-04");
    assert_eq!(old["linux_fit"]["verdict"], "not-fit");
    assert_eq!(old["linux_fit"]["memory"], "too-small");
    assert_eq!(old["linux_fit"]["memory_mb"], 2048);
    // 3892 MB as the system reports a 4 GB laptop.
    assert_eq!(find("PORTABLE-ELU-09")["linux_fit"]["verdict"], "fit");
    // The OCS XML gives memory modules, disk and a 64-bit system.
    let atelier = find("ST-ATELIER-05");
    assert_eq!(atelier["linux_fit"]["verdict"], "fit", "{atelier:#}");
    assert_eq!(atelier["linux_fit"]["memory_mb"], 8192);
    // A CSV export says nothing of the hardware: unknown, never a guess.
    let csv = find("ECOLE-CM1-06");
    assert_eq!(csv["linux_fit"]["verdict"], "unknown");
    assert_eq!(csv["linux_fit"]["disk"], "unknown");
    let t = &r["totals"];
    assert_eq!(t["windows_past_end_of_support"], 5);
    assert_eq!(t["windows_past_end_fit_for_linux"], 3);
    assert_eq!(t["windows_past_end_not_fit"], 1);
    assert_eq!(t["windows_past_end_fit_unknown"], 1);
    // Windows 11: the catalogue gives no end date, so no status, and it is not listed.
    assert!(machine(&r, "MAIRIE-COMPTA-02")["windows"].is_null());
}

#[test]
fn the_date_decides_the_windows_10_status() {
    let dir = fixtures().join("glpi/mairie-accueil-01.json");
    let status = |today: &str| {
        let (code, out, err) = run(&[
            "fleet",
            "report",
            dir.to_str().expect("path"),
            "--json",
            "--today",
            today,
        ]);
        assert_eq!(code, 0, "{err}");
        json(&out)["machines"][0]["windows"].clone()
    };
    assert_eq!(status("2025-06-01")["status"], "supported");
    let esu = status("2026-01-10");
    assert_eq!(esu["status"], "esu-only");
    assert_eq!(esu["since"], "2025-10-14");
    assert_eq!(esu["esu_until"], "2026-10-13");
    assert_eq!(status("2026-11-22")["status"], "ended");
    let (code, _, err) = run(&["fleet", "report", "x.json", "--today", "22/11/2026"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("AAAA-MM-JJ") || err.contains("YYYY-MM-DD"),
        "{err}"
    );
}

#[test]
fn duplicates_keep_the_newest_inventory() {
    let r = fixture_report(&[]);
    let d = &r["duplicates"][0];
    assert_eq!(d["machine"], "MAIRIE-ACCUEIL-01");
    assert!(
        d["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("mairie-accueil-01-2026-06.json")),
        "{d:#}"
    );
    assert!(
        d["kept"]
            .as_str()
            .is_some_and(|f| f.ends_with("mairie-accueil-01.json")),
        "{d:#}"
    );
    assert_eq!(d["reason"], "newer");
    // The newer inventory has Zoom; the older one did not.
    let accueil = machine(&r, "MAIRIE-ACCUEIL-01");
    assert_eq!(accueil["inventory_date"], "2026-11-02 08:30:12");
    assert!(strings(&accueil["proprietary"]).contains(&"zoom".to_owned()));
    // Dates unknown: the first one read is kept.
    let dir = tempfile::tempdir().expect("tempdir");
    let scan = std::fs::read(fixtures().join("scans/PC-PUBLIC-08.json")).expect("scan");
    std::fs::create_dir_all(dir.path().join("a")).expect("dir");
    std::fs::create_dir_all(dir.path().join("b")).expect("dir");
    std::fs::write(dir.path().join("a/PC-PUBLIC-08.json"), &scan).expect("write");
    std::fs::write(dir.path().join("b/PC-PUBLIC-08.json"), &scan).expect("write");
    let (code, out, _) = run(&[
        "fleet",
        "report",
        dir.path().to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(code, 0);
    let v = json(&out);
    assert_eq!(v["totals"]["machines"], 1);
    assert_eq!(v["duplicates"][0]["reason"], "first");
    assert!(
        v["duplicates"][0]["kept"]
            .as_str()
            .is_some_and(|k| k.contains("/a/"))
    );
}

#[test]
fn bad_files_are_reported_one_by_one() {
    let r = fixture_report(&[]);
    let problems = r["problems"].as_array().expect("problems");
    let code_of = |suffix: &str| {
        problems
            .iter()
            .find(|p| p["file"].as_str().is_some_and(|f| f.ends_with(suffix)))
            .map(|p| p["code"].as_str().unwrap_or("").to_owned())
            .unwrap_or_else(|| panic!("no problem for {suffix}: {problems:#?}"))
    };
    assert_eq!(code_of("tronque-mairie-06.json"), "truncated");
    assert_eq!(code_of("package.json"), "not-an-inventory");
    assert_eq!(code_of("imprimante-rdc.json"), "not-a-computer");
    assert_eq!(code_of("budget-2026.csv"), "csv-missing-columns");
    let budget = problems
        .iter()
        .find(|p| p["code"] == "csv-missing-columns")
        .expect("budget");
    let msg = budget["message"].as_str().unwrap_or("");
    assert!(
        msg.contains("Software") && msg.contains("Montant") && !msg.contains("Computer"),
        "{msg}"
    );
}

#[test]
fn missing_paths_gzip_and_nothing_readable() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A gzipped inventory is read like the plain one.
    let plain = std::fs::read(fixtures().join("glpi/mairie-compta-02.json")).expect("fixture");
    let gz_path = dir.path().join("mairie-compta-02.json.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz_path).expect("create"),
        flate2::Compression::default(),
    );
    gz.write_all(&plain).expect("gzip");
    gz.finish().expect("gzip");
    let missing = dir.path().join("absent.json");
    let (code, out, err) = run(&[
        "fleet",
        "report",
        gz_path.to_str().expect("path"),
        missing.to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["totals"]["machines"], 1);
    assert_eq!(v["machines"][0]["name"], "MAIRIE-COMPTA-02");
    assert_eq!(v["problems"][0]["code"], "unreadable");

    // A gzip cut in the middle.
    let bytes = std::fs::read(&gz_path).expect("gz");
    let cut = dir.path().join("cut.json.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    // Nothing readable at all: the report still lists why, and the exit status says it.
    let (code, out, err) = run(&[
        "fleet",
        "report",
        cut.to_str().expect("path"),
        fixtures().join("bad").to_str().expect("path"),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("Files with a problem (5)"), "{out}");
    assert!(err.contains("no computer could be read"), "{err}");
    assert!(out.contains("cut.json.gz"), "{out}");

    let (code, _, err) = run(&["fleet", "report"]);
    assert_eq!(code, 2, "{err}");

    // An output file that cannot be written: said, status 2, the report still printed.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"x").expect("write");
    let target = blocker.join("parc.html");
    let (code, out, err) = run(&[
        "fleet",
        "report",
        gz_path.to_str().expect("path"),
        "--html",
        target.to_str().expect("path"),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("could not be saved"), "{err}");
    assert!(
        out.contains("Fleet report: 1 file(s), 1 computer(s)"),
        "{out}"
    );
}

#[test]
fn a_fresh_scan_is_a_fleet_input() {
    // What this version of `kitlibre scan --json` writes is readable, so a collected
    // scan never goes stale.
    let reg = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows/agent-office2019/registry.json");
    let (code, scan, err) = run(&[
        "scan",
        "--windows-registry",
        reg.to_str().expect("path"),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("AGENT-PC.json");
    std::fs::write(&file, scan).expect("write");
    let (code, out, err) = run(&["fleet", "report", file.to_str().expect("path"), "--json"]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["machines"][0]["name"], "AGENT-PC");
    assert_eq!(v["machines"][0]["format"], "kitlibre-scan");
    let office = product(&v, "microsoft-office");
    assert_eq!(alternative(office, "libreoffice")["installed_on"], 1);
}

#[test]
fn text_output_in_french_and_english() {
    let dir = fixtures();
    let args = |lang: &'static str| {
        vec![
            "fleet".to_owned(),
            "report".to_owned(),
            dir.to_string_lossy().into_owned(),
            "--today".to_owned(),
            "2026-11-22".to_owned(),
            "--lang".to_owned(),
            lang.to_owned(),
        ]
    };
    let out = bin().args(args("fr")).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let fr = String::from_utf8_lossy(&out.stdout);
    assert!(
        fr.contains("Rapport de parc : 13 fichier(s), 9 ordinateur(s)"),
        "{fr}"
    );
    assert!(fr.contains("LibreOffice (déjà sur 3 / 6)"), "{fr}");
    assert!(fr.contains("pas apte à Linux"), "{fr}");
    assert!(fr.contains("fichier coupé avant la fin"), "{fr}");
    let out = bin().args(args("en")).output().expect("run");
    let en = String::from_utf8_lossy(&out.stdout);
    assert!(
        en.contains("Fleet report: 13 file(s), 9 computer(s)"),
        "{en}"
    );
    assert!(en.contains("LibreOffice (already on 3 / 6)"), "{en}");
    assert!(en.contains("5 computer(s) on a Windows without security support: 3 fit for Linux, 1 not, 1 unknown."), "{en}");
    assert!(!en.contains("fichier"), "{en}");
}

#[test]
fn csv_tables_read_back_and_open_in_libreoffice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let csv_path = dir.path().join("parc.csv");
    let html_path = dir.path().join("parc.html");
    let r = fixture_report(&[
        "--csv",
        csv_path.to_str().expect("path"),
        "--html",
        html_path.to_str().expect("path"),
    ]);
    let bytes = std::fs::read(&csv_path).expect("machines csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut rd = csv::Reader::from_reader(&bytes[3..]);
    let headers = rd.headers().expect("headers").clone();
    assert_eq!(&headers[0], "Computer");
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 9);
    let compta = rows
        .iter()
        .find(|r| &r[0] == "MAIRIE-COMPTA-02")
        .expect("compta row");
    assert_eq!(&compta[2], "ready");
    assert!(
        compta[4].contains("Microsoft Office → LibreOffice"),
        "{compta:?}"
    );
    let products = std::fs::read(dir.path().join("parc-products.csv")).expect("products csv");
    let mut rd = csv::Reader::from_reader(&products[3..]);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.expect("row")).collect();
    let lo = rows
        .iter()
        .find(|r| &r[1] == "microsoft-office" && &r[4] == "libreoffice")
        .expect("office -> libreoffice row");
    assert_eq!((&lo[2], &lo[6], &lo[7]), ("6", "6", "3"));
    assert_eq!(r["totals"]["machines"], 9);

    if !libreoffice_here() {
        return;
    }
    let profile = tempfile::tempdir().expect("profile");
    let convert = |infilter: Option<&str>, out_dir: &Path| -> String {
        let mut cmd = std::process::Command::new("soffice");
        cmd.arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--norestore"]);
        if let Some(f) = infilter {
            cmd.arg(format!("--infilter={f}"));
        }
        let status = cmd
            .args(["--convert-to", "ods", "--outdir"])
            .arg(out_dir)
            .arg(&csv_path)
            .output()
            .expect("run soffice");
        assert!(status.status.success(), "{status:?}");
        let file =
            std::fs::File::open(out_dir.join("parc.ods")).expect("LibreOffice wrote the .ods");
        let mut zip = zip::ZipArchive::new(file).expect("ods is a zip");
        let mut content = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("content.xml").expect("content.xml"),
            &mut content,
        )
        .expect("read");
        content
    };
    // As a double click would: Calc's own defaults split the columns (comma).
    let content = convert(None, &dir.path().join("ods-default"));
    assert!(
        content.contains(">MAIRIE-COMPTA-02<"),
        "machine name in its own cell"
    );
    assert!(content.contains(">ready<"), "readiness in its own cell");
    // With what the import dialog shows for this file (comma, UTF-8): the accents too.
    // Headless conversions take the system's character set instead of the BOM, hence the
    // explicit filter options here.
    let content = convert(Some("CSV:44,34,76,1"), &dir.path().join("ods-utf8"));
    assert!(
        content.contains(">Microsoft Windows 10 Professionnel<"),
        "OS in its own cell"
    );
    assert!(
        content.contains(">Microsoft Windows 11 Éducation<"),
        "accents kept"
    );
    assert!(
        content.contains("Microsoft Office → LibreOffice"),
        "arrows kept"
    );
}

#[test]
fn html_page_is_self_contained_and_accessible() {
    let dir = tempfile::tempdir().expect("tempdir");
    for lang in ["fr", "en"] {
        let html_path = dir.path().join(format!("parc-{lang}.html"));
        let (code, _, err) = run(&[
            "fleet",
            "report",
            fixtures().to_str().expect("path"),
            "--today",
            "2026-11-22",
            "--lang",
            lang,
            "--html",
            html_path.to_str().expect("path"),
        ]);
        assert_eq!(code, 0, "{err}");
        let page = std::fs::read_to_string(&html_path).expect("html");
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains(&format!("<html lang=\"{lang}\">")));
        assert!(page.contains("<title>") && page.contains("<h1>"));
        assert!(page.contains("<caption>") && page.contains("<th scope=\"col\">"));
        assert!(page.contains("<th scope=\"row\">"));
        assert!(page.contains("class=\"bar\""), "a chart");
        assert!(page.contains("@media print"));
        for banned in ["<script", "src=", "href=", "@import", "url("] {
            assert!(!page.contains(banned), "{banned} in the page");
        }
        // Well-formed: every element closed, in order.
        let body = page.trim_start_matches("<!DOCTYPE html>");
        let mut reader = quick_xml::Reader::from_str(body);
        let mut depth = 0i32;
        let mut rows = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(e)) => {
                    depth += 1;
                    if e.name().as_ref() == b"tr" {
                        rows += 1;
                    }
                }
                Ok(quick_xml::events::Event::End(_)) => depth -= 1,
                Ok(quick_xml::events::Event::Eof) => break,
                Err(e) => panic!("not well-formed at {}: {e}", reader.error_position()),
                _ => {}
            }
        }
        assert_eq!(depth, 0);
        assert!(rows > 20, "{rows} table rows");
        if lang == "fr" {
            assert!(page.contains("Windows sans mises à jour de sécurité"));
            assert!(page.contains("ECOLE-VIEUX-04"));
        } else {
            assert!(page.contains("Windows without security updates"));
            assert!(page.contains("2 GB of memory") || page.contains("only 2 GB"));
        }
    }
}

#[test]
fn encodings_of_the_fixtures_are_read() {
    let r = fixture_report(&[]);
    // Windows-1252 OCS XML: the accents of the publisher survive in "seen as" names.
    let atelier = machine(&r, "ST-ATELIER-05");
    assert_eq!(atelier["format"], "inventory-xml");
    assert_eq!(atelier["os"], "Microsoft Windows 10 Professionnel");
    assert!(
        strings(&atelier["proprietary"]).contains(&"autocad".to_owned()),
        "{atelier:#}"
    );
    // UTF-16 GLPI JSON.
    let portable = machine(&r, "PORTABLE-ELU-09");
    assert_eq!(portable["format"], "glpi-json");
    assert!(
        strings(&portable["proprietary"]).contains(&"winrar".to_owned()),
        "{portable:#}"
    );
    // French CSV export, rows of one PC apart from each other.
    let cm1 = machine(&r, "ECOLE-CM1-06");
    assert_eq!(cm1["format"], "glpi-csv");
    assert_eq!(cm1["programs"], 4);
    assert_eq!(cm1["inventory_date"], "2026-10-20 11:02:00");
    // The scan file keeps the name of its file.
    assert_eq!(machine(&r, "PC-PUBLIC-08")["format"], "kitlibre-scan");
}
