//! `kitlibre docs` as a person or an IT department runs it: the real binary, a private
//! data folder and home (nothing touches the real ones), generated documents. Inventory
//! (JSON totals and readiness, CSV, checklist, text in French and English), bad input,
//! LibreOffice's default save format in a throwaway profile, the fonts, and one small
//! conversion with the real LibreOffice (the thorough ones are in tests/convert.rs).

mod common;

use common::docs::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Held by the tests that start a LibreOffice and by the one that refuses to write while
/// a LibreOffice runs, so that this file's own conversion never blocks its own
/// default-format test.
static SOFFICE: Mutex<()> = Mutex::new(());

fn soffice_lock() -> MutexGuard<'static, ()> {
    SOFFICE.lock().unwrap_or_else(|e| e.into_inner())
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

/// One run of the binary. `home` stands in for the person's home: the data folder, the
/// configuration (LibreOffice profiles) and the user fonts are all looked for there.
fn run_with(home: &Path, args: &[&str], env: &[(&str, &Path)]) -> Run {
    let mut cmd = common::bin();
    cmd.env("KITLIBRE_DATA_DIR", home.join("kitlibre-data"))
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env_remove("KITLIBRE_SOFFICE")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run kitlibre");
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(home: &Path, args: &[&str]) -> Run {
    run_with(home, args, &[])
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", r.out, r.err))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

/// Every file under `dir` with its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("relative").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// A .docx naming no font, so its readiness does not depend on this computer's fonts.
fn plain_docx() -> Vec<u8> {
    let doc = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bonjour</w:t></w:r></w:p></w:body></w:document>"#;
    zip_with(&minimal_docx(&[]), &[("word/document.xml", doc.as_bytes())])
}

/// A spreadsheet's styles naming no font (same reason).
const STYLES_NO_FONT: &str = r#"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>"#;

fn without_fonts(xlsx: &[u8]) -> Vec<u8> {
    zip_with(xlsx, &[("xl/styles.xml", STYLES_NO_FONT.as_bytes())])
}

/// The folder an IT department might be handed: one document of each kind, a nested
/// folder, a lock file, a file that is not a document.
fn office_folder(dir: &Path) {
    write_tree(
        dir,
        &[
            ("Courriers/lettre.docx", plain_docx()),
            ("Courriers/~$ancien-courrier.docx", b"\x0clock".to_vec()),
            ("Compta/2024/budget.xlsm", without_fonts(&xlsm_with_vba())),
            ("Compta/tableau.xlsm", without_fonts(&xlsm_without_vba())),
            ("RH/salaires.xlsx", encrypted_ooxml()),
            ("vide.docx", Vec::new()),
            ("faux.doc", b"Ceci est un simple texte.".to_vec()),
            ("notes.txt", b"liste de courses".to_vec()),
        ],
    );
}

/// The documents in walking order (sorted by name, folders walked where they sort).
const PATHS: [&str; 6] = [
    "Compta/2024/budget.xlsm",
    "Compta/tableau.xlsm",
    "Courriers/lettre.docx",
    "RH/salaires.xlsx",
    "faux.doc",
    "vide.docx",
];

fn file<'a>(inv: &'a Value, path: &str) -> &'a Value {
    inv["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"] == path)
        .unwrap_or_else(|| panic!("{path} not in the inventory: {inv:#}"))
}

fn codes(f: &Value) -> Vec<&str> {
    f["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|x| x["code"].as_str().expect("code"))
        .collect()
}

#[test]
fn inventory_json_totals_readiness_and_relative_paths() {
    let home = tmp();
    let docs = tmp();
    office_folder(docs.path());
    let before = contents(docs.path());
    let r = run(
        home.path(),
        &[
            "docs",
            "inventory",
            s(docs.path()),
            "--json",
            "--lang",
            "fr",
        ],
    );
    // Files that need work are a finding, not a failure: only a stopped walk exits 1.
    assert_eq!(r.code, 0, "{}", r.err);
    let inv = json(&r);
    assert_eq!(inv["root"], s(docs.path()));
    assert_eq!(inv["cancelled"], false);

    let t = &inv["totals"];
    assert_eq!(t["documents"], 6, "{t:#}");
    assert_eq!(t["ready"], 2, "{t:#}");
    assert_eq!(t["check"], 0, "{t:#}");
    assert_eq!(t["needs_work"], 4, "{t:#}");
    assert_eq!(t["with_macros"], 1, "{t:#}");
    assert_eq!(t["encrypted"], 1, "{t:#}");
    // The empty .docx and the text file named .doc; the encrypted one is counted apart.
    assert_eq!(t["cannot_open"], 2, "{t:#}");
    assert_eq!(t["other_files"], 1, "{t:#}");
    assert_eq!(t["skipped"], 1, "{t:#}");
    assert_eq!(t["templates"], 0);
    assert_eq!(t["mail_merges"], 0);
    assert_eq!(t["by_format"]["xlsm"], 2, "{t:#}");
    assert_eq!(t["by_format"]["docx"], 1, "{t:#}");
    assert_eq!(t["by_format"]["xlsx"], 1, "{t:#}");
    assert_eq!(t["by_format"]["unknown"], 2, "{t:#}");
    assert_eq!(t["fonts"].as_array().map(Vec::len), Some(0), "{t:#}");

    let paths: Vec<&str> = inv["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect();
    assert_eq!(paths, PATHS, "relative paths, in walking order");

    let expect = [
        ("Compta/2024/budget.xlsm", "needs-work", vec!["macros"]),
        ("Compta/tableau.xlsm", "ready", vec![]),
        ("Courriers/lettre.docx", "ready", vec![]),
        ("RH/salaires.xlsx", "needs-work", vec!["encrypted"]),
        ("faux.doc", "needs-work", vec!["not-a-document"]),
        ("vide.docx", "needs-work", vec!["empty"]),
    ];
    for (path, readiness, findings) in expect {
        let f = file(&inv, path);
        assert_eq!(f["readiness"], readiness, "{path}: {f:#}");
        assert_eq!(codes(f), findings, "{path}: {f:#}");
        assert_eq!(
            f["messages"].as_array().map(Vec::len),
            Some(findings.len()),
            "one message per finding: {f:#}"
        );
    }
    let vba = file(&inv, "Compta/2024/budget.xlsm");
    assert_eq!(vba["format"]["extension"], "xlsm");
    assert_eq!(vba["format"]["family"], "spreadsheet");
    assert_eq!(vba["findings"][0]["kind"], "vba");
    let msg = vba["messages"][0].as_str().expect("message");
    assert!(msg.contains("macros VBA"), "French message: {msg}");
    // An .xlsm with no VBA project is not flagged, and its name is not a lie.
    assert_eq!(
        file(&inv, "Compta/tableau.xlsm")["format"]["extension"],
        "xlsm"
    );
    let enc = file(&inv, "RH/salaires.xlsx");
    assert_eq!(enc["format"]["container"], "encrypted-ooxml", "{enc:#}");
    assert_eq!(enc["format"]["family"], "spreadsheet", "{enc:#}");
    assert_eq!(file(&inv, "vide.docx")["size"], 0);
    assert_eq!(file(&inv, "vide.docx")["format"], Value::Null);

    assert_eq!(
        inv["skipped"][0]["path"],
        "Courriers/~$ancien-courrier.docx"
    );
    assert_eq!(inv["skipped"][0]["reason"], "lock-file");
    assert_eq!(
        contents(docs.path()),
        before,
        "the inventory changes nothing"
    );
}

#[test]
fn inventory_of_one_file_and_of_an_empty_folder() {
    let home = tmp();
    let docs = tmp();
    write_tree(docs.path(), &[("budget.xlsm", xlsm_with_vba())]);
    let one = docs.path().join("budget.xlsm");
    let r = run(
        home.path(),
        &["docs", "inventory", s(&one), "--json", "--lang", "en"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let inv = json(&r);
    assert_eq!(inv["totals"]["documents"], 1);
    assert_eq!(inv["totals"]["with_macros"], 1);
    assert_eq!(inv["files"][0]["path"], "budget.xlsm");

    let empty = tmp();
    let r = run(
        home.path(),
        &["docs", "inventory", s(empty.path()), "--lang", "en"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains("No office documents in this folder."),
        "{}",
        r.out
    );
    let r = run(
        home.path(),
        &["docs", "inventory", s(empty.path()), "--lang", "fr"],
    );
    assert!(
        r.out
            .contains("Aucun document bureautique dans ce dossier."),
        "{}",
        r.out
    );
}

#[test]
fn csv_and_checklist_files() {
    let home = tmp();
    let docs = tmp();
    let reports = tmp();
    office_folder(docs.path());
    // The folder for the table does not exist yet: it is made.
    let csv_path = reports.path().join("inventaire/inventaire.csv");
    let list_path = reports.path().join("a-verifier.txt");
    let r = run(
        home.path(),
        &[
            "docs",
            "inventory",
            s(docs.path()),
            "--csv",
            s(&csv_path),
            "--checklist",
            s(&list_path),
            "--lang",
            "fr",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.err
            .contains(&format!("Tableau enregistré : {}", s(&csv_path))),
        "{}",
        r.err
    );
    assert!(
        r.err.contains(&format!(
            "Liste de vérification enregistrée : {}",
            s(&list_path)
        )),
        "{}",
        r.err
    );

    let mut table = csv::Reader::from_path(&csv_path).expect("CSV readable");
    let header: Vec<String> = table
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "chemin",
            "format",
            "taille",
            "niveau",
            "macros",
            "mot de passe",
            "polices",
            "raisons"
        ]
    );
    let rows: Vec<csv::StringRecord> = table.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 6, "one line per document");
    let paths: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(paths, PATHS);
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
    }
    let vba = &rows[0];
    assert_eq!(&vba[1], "xlsm");
    assert_eq!(&vba[3], "Demande du travail");
    assert_eq!(&vba[4], "oui");
    assert_eq!(&vba[5], "non");
    assert!(vba[7].contains("macros VBA"), "{vba:?}");
    let enc = &rows[3];
    assert_eq!((&enc[4], &enc[5]), ("non", "oui"), "{enc:?}");
    let ready = &rows[2];
    assert_eq!((&ready[3], &ready[7]), ("Prêt", ""), "{ready:?}");
    assert_eq!(&rows[5][2], "0", "the empty file's size");
    // Written in one piece: nothing else was left beside the table.
    let left: Vec<_> = std::fs::read_dir(csv_path.parent().expect("parent"))
        .expect("read_dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("inventaire.csv")]);

    let list = std::fs::read_to_string(&list_path).expect("checklist written");
    assert!(
        list.starts_with("Liste de vérification : passage à LibreOffice\n"),
        "{list}"
    );
    assert!(list.contains(s(docs.path())), "{list}");
    let macros = list.find("Macros à réécrire").expect("the macros heading");
    let passwords = list
        .find("Documents protégés par un mot de passe")
        .expect("the passwords heading");
    let macro_line = list
        .find("[ ] Compta/2024/budget.xlsm — ")
        .expect("the macro file, to tick");
    assert!(
        macros < macro_line && macro_line < passwords,
        "under its heading: {list}"
    );
    assert!(list.contains("[ ] RH/salaires.xlsx — "), "{list}");
    assert!(list.contains("[ ] vide.docx — "), "{list}");
    assert!(
        !list.contains("tableau.xlsm"),
        "no macros, nothing to do: {list}"
    );

    // In English, with --json: the JSON alone on stdout, the files in English.
    let csv_en = reports.path().join("inventory.csv");
    let r = run(
        home.path(),
        &[
            "docs",
            "inventory",
            s(docs.path()),
            "--csv",
            s(&csv_en),
            "--json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert_eq!(json(&r)["totals"]["documents"], 6);
    assert!(
        !r.err.contains("Table saved"),
        "quiet with --json: {}",
        r.err
    );
    let text = std::fs::read_to_string(&csv_en).expect("CSV written");
    assert!(
        text.starts_with("path,format,size,level,macros,password,fonts,reasons\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 7, "{text}");
    assert!(text.contains("Compta/2024/budget.xlsm,xlsm,"), "{text}");
    assert!(text.contains(",Needs work,yes,no,"), "{text}");

    // A place the table cannot go: exit 2, said in French.
    let blocked = reports.path().join("a-verifier.txt/dessous.csv");
    let r = run(
        home.path(),
        &[
            "docs",
            "inventory",
            s(docs.path()),
            "--csv",
            s(&blocked),
            "--lang",
            "fr",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.out);
    assert!(r.err.contains("Impossible de créer"), "{}", r.err);
}

#[test]
fn inventory_text_in_french_and_in_english() {
    let home = tmp();
    let docs = tmp();
    office_folder(docs.path());
    let fr = run(
        home.path(),
        &["docs", "inventory", s(docs.path()), "--lang", "fr"],
    );
    assert_eq!(fr.code, 0, "{}", fr.err);
    let out = &fr.out;
    for expected in [
        format!("Inventaire des documents : {}", s(docs.path())),
        "6 document(s) : 2 prêt(s), 0 à vérifier, 4 demandent du travail.".to_owned(),
        "Macros : 1 · Mots de passe : 1 · Vides ou abîmés : 2".to_owned(),
        "Documents qui demandent de l'attention :".to_owned(),
        "  Compta/2024/budget.xlsm [xlsm] — Demande du travail".to_owned(),
        "Contient des macros VBA".to_owned(),
        "  vide.docx [?] — Demande du travail".to_owned(),
        "Le fichier est vide".to_owned(),
        "1 élément(s) laissé(s) de côté :".to_owned(),
        "  Courriers/~$ancien-courrier.docx — fichier de verrouillage".to_owned(),
    ] {
        assert!(out.contains(&expected), "missing {expected:?} in:\n{out}");
    }
    assert!(
        !out.contains("lettre.docx [docx]"),
        "ready: not listed\n{out}"
    );

    let en = run(
        home.path(),
        &["docs", "inventory", s(docs.path()), "--lang", "en"],
    );
    assert_eq!(en.code, 0, "{}", en.err);
    let out = &en.out;
    for expected in [
        format!("Document inventory: {}", s(docs.path())),
        "6 document(s): 2 ready, 0 to check, 4 need work.".to_owned(),
        "Macros: 1 · Passwords: 1 · Empty or damaged: 2".to_owned(),
        "Documents that need attention:".to_owned(),
        "  Compta/2024/budget.xlsm [xlsm] — Needs work".to_owned(),
        "1 item(s) left out:".to_owned(),
    ] {
        assert!(out.contains(&expected), "missing {expected:?} in:\n{out}");
    }
    assert!(!out.contains("demandent"), "{out}");
}

#[test]
fn bad_input_is_refused_with_status_2() {
    let home = tmp();
    let base = tmp();
    let docs = base.path().join("Documents");
    office_folder(&docs);
    let before = contents(base.path());

    let absent = base.path().join("absent");
    let r = run(
        home.path(),
        &["docs", "inventory", s(&absent), "--json", "--lang", "fr"],
    );
    assert_eq!(r.code, 2);
    assert_eq!(r.out, "", "no JSON for a folder that is not there");
    assert!(
        r.err.contains(&format!("« {} » n'existe pas.", s(&absent))),
        "{}",
        r.err
    );

    let out = base.path().join("Converti");
    let r = run(
        home.path(),
        &[
            "docs",
            "convert",
            s(&docs),
            "--out",
            s(&out),
            "--to",
            "docx",
            "--lang",
            "fr",
        ],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("Format « docx » inconnu. Formats possibles : odf, ooxml, pdf."),
        "{}",
        r.err
    );
    let r = run(
        home.path(),
        &["docs", "default-format", "docx", "--lang", "en"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("Unknown format \"docx\". Possible formats: odf, ooxml."),
        "{}",
        r.err
    );

    // The output folder may not be the documents folder, nor hold it.
    for bad in [docs.clone(), base.path().to_path_buf()] {
        let r = run(
            home.path(),
            &[
                "docs",
                "convert",
                s(&docs),
                "--out",
                s(&bad),
                "--lang",
                "fr",
            ],
        );
        assert_eq!(r.code, 2, "--out {}: {}", bad.display(), r.err);
        assert!(
            r.err
                .contains("Le dossier de sortie ne doit pas contenir le dossier des documents."),
            "{}",
            r.err
        );
        assert_eq!(r.out, "");
    }
    // Nothing was written anywhere: no output folder, no report, no work folder.
    assert_eq!(contents(base.path()), before);
    assert!(!out.exists());
}

/// A stand-in for LibreOffice that exits 0 and writes nothing (what soffice does with a
/// file it cannot open). Not named soffice, so it never counts as a running LibreOffice.
#[cfg(unix)]
fn silent_office(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = dir.join("office-muet.sh");
    std::fs::write(&p, "#!/bin/sh\nexit 0\n").expect("write script");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    p
}

#[cfg(unix)]
#[test]
fn output_inside_the_documents_folder_is_left_out_of_the_conversion() {
    // The code allows the output folder inside the documents folder (it is left out of
    // the walk); only an output folder that is, or holds, the documents is refused.
    let home = tmp();
    let tools = tmp();
    let docs = tmp();
    write_tree(
        docs.path(),
        &[
            ("lettre.docx", plain_docx()),
            ("RH/salaires.xlsx", encrypted_ooxml()),
            // Left by an earlier conversion into the same place: not a source.
            ("converti/ancienne.docx", plain_docx()),
        ],
    );
    let originals = contents(docs.path());
    let out = docs.path().join("converti");
    let office = silent_office(tools.path());
    let r = run_with(
        home.path(),
        &[
            "docs",
            "convert",
            s(docs.path()),
            "--out",
            s(&out),
            "--json",
            "--lang",
            "en",
        ],
        &[("KITLIBRE_SOFFICE", &office)],
    );
    // A file LibreOffice could not convert makes the run a negative answer.
    assert_eq!(r.code, 1, "{}", r.err);
    let report = json(&r);
    assert_eq!(report["converted"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        report["failed"].as_array().map(Vec::len),
        Some(1),
        "{report:#}"
    );
    assert_eq!(report["failed"][0]["source"], "lettre.docx");
    assert_eq!(report["failed"][0]["reason"], "no-output");
    assert_eq!(
        report["skipped"].as_array().map(Vec::len),
        Some(1),
        "{report:#}"
    );
    assert_eq!(report["skipped"][0]["source"], "RH/salaires.xlsx");
    assert_eq!(report["skipped"][0]["why"], "needs-password");
    assert_eq!(report["soffice_runs"], 1);
    let saved: Value = serde_json::from_slice(
        &std::fs::read(out.join("kitlibre-report.json")).expect("report saved"),
    )
    .expect("report JSON");
    assert_eq!(saved["failed"], report["failed"]);
    let text = std::fs::read_to_string(out.join("kitlibre-report.txt")).expect("text report");
    assert!(
        text.contains("LibreOffice could not open or convert it"),
        "{text}"
    );
    // The originals, the earlier output among them, are as they were.
    let after = contents(docs.path());
    for (p, bytes) in &originals {
        assert_eq!(after.get(p), Some(bytes), "{} changed", p.display());
    }
    assert!(!out.join(".kitlibre-work").exists(), "work folder removed");
}

const UNRELATED: &str = r#"<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>"#;
const UNRELATED_2: &str = r#"<item oor:path="/org.openoffice.Office.Writer/Layout/Other"><prop oor:name="MeasureUnit" oor:op="fuse"><value>2</value></prop></item>"#;

fn profile_with_unrelated_items(dir: &Path) -> String {
    let text = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n{UNRELATED}\n{UNRELATED_2}\n</oor:items>\n"
    );
    std::fs::write(dir.join("registrymodifications.xcu"), &text).expect("write profile");
    text
}

fn backups(profile: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(profile)
        .expect("read_dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".bak"))
        })
        .collect();
    v.sort();
    v
}

/// Sets the format in `profile`. `None` when a LibreOffice kept running somewhere on this
/// computer for half a minute: the command then refuses (status 1) and must have written
/// nothing, which is checked before giving up.
fn set_format(home: &Path, profile: &Path, format: &str) -> Option<Value> {
    let file = profile.join("registrymodifications.xcu");
    for _ in 0..30 {
        let before = std::fs::read(&file).ok();
        let n_backups = backups(profile).len();
        let r = run(
            home,
            &[
                "docs",
                "default-format",
                format,
                "--profile",
                s(profile),
                "--json",
                "--lang",
                "fr",
            ],
        );
        if r.code == 1 && r.err.contains("LibreOffice est ouvert") {
            assert_eq!(std::fs::read(&file).ok(), before, "written while refused");
            assert_eq!(backups(profile).len(), n_backups);
            std::thread::sleep(std::time::Duration::from_secs(1));
            continue;
        }
        assert_eq!(r.code, 0, "{}", r.err);
        return Some(json(&r));
    }
    eprintln!(
        "notice: a LibreOffice runs on this computer; `docs default-format` rightly refused \
         to write, the rest of this check is skipped"
    );
    None
}

fn shown_format(home: &Path, profile: &Path) -> Value {
    let r = run(
        home,
        &[
            "docs",
            "default-format",
            "--profile",
            s(profile),
            "--json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v = json(&r);
    assert_eq!(v["profiles"].as_array().map(Vec::len), Some(1), "{v:#}");
    assert_eq!(v["profiles"][0]["profile"], s(profile));
    v["profiles"][0].clone()
}

#[test]
fn default_format_is_merged_into_the_profile_with_a_backup() {
    let _lock = soffice_lock();
    let home = tmp();
    let profile = tmp();
    let p = profile.path();
    let file = p.join("registrymodifications.xcu");
    let original = profile_with_unrelated_items(p);

    // Nothing set yet: LibreOffice's shipped default, ODF.
    let shown = shown_format(home.path(), p);
    assert_eq!(shown["format"], "odf", "{shown:#}");
    assert_eq!(shown["current"]["text"], Value::Null);
    // Asking for ODF then changes nothing: no write, no backup.
    let Some(v) = set_format(home.path(), p, "odf") else {
        return;
    };
    assert_eq!(v["profiles"][0]["applied"]["unchanged"], true, "{v:#}");
    assert_eq!(v["profiles"][0]["applied"]["backup"], Value::Null);
    assert_eq!(std::fs::read_to_string(&file).expect("xcu"), original);
    assert!(backups(p).is_empty());

    // Microsoft formats: merged in, the rest kept, the old file backed up.
    let Some(v) = set_format(home.path(), p, "ooxml") else {
        return;
    };
    let applied = &v["profiles"][0]["applied"];
    assert_eq!(v["profiles"][0]["format"], "ooxml");
    assert_eq!(applied["unchanged"], false, "{v:#}");
    assert_eq!(applied["file"], s(&file));
    let backup = PathBuf::from(applied["backup"].as_str().expect("a backup"));
    assert_eq!(backup.parent(), Some(p));
    assert_eq!(
        std::fs::read_to_string(&backup).expect("backup"),
        original,
        "the backup is the file as it was"
    );
    let text = std::fs::read_to_string(&file).expect("xcu");
    assert!(text.contains(UNRELATED), "{text}");
    assert!(text.contains(UNRELATED_2), "{text}");
    assert_eq!(
        text.matches("ooSetupFactoryDefaultFilter").count(),
        3,
        "{text}"
    );
    for filter in [
        "<value>MS Word 2007 XML</value>",
        "<value>Calc MS Excel 2007 XML</value>",
        "<value>Impress MS PowerPoint 2007 XML</value>",
    ] {
        assert!(text.contains(filter), "{filter}: {text}");
    }
    assert!(
        text.contains(r#"<prop oor:name="WarnAlienFormat" oor:op="fuse"><value>false</value>"#),
        "{text}"
    );
    let shown = shown_format(home.path(), p);
    assert_eq!(shown["format"], "ooxml", "{shown:#}");
    assert_eq!(shown["current"]["spreadsheet"], "Calc MS Excel 2007 XML");
    assert_eq!(shown["current"]["warn_alien_format"], false);

    // Back to ODF: our items replaced, not added twice; the person's items still there.
    let Some(v) = set_format(home.path(), p, "odf") else {
        return;
    };
    let applied = &v["profiles"][0]["applied"];
    assert_eq!(applied["unchanged"], false, "{v:#}");
    let second = PathBuf::from(applied["backup"].as_str().expect("a backup"));
    assert!(second.is_file());
    assert!(
        std::fs::read_to_string(&second)
            .expect("backup")
            .contains("MS Word 2007 XML"),
        "the second backup is the file before this change"
    );
    let text = std::fs::read_to_string(&file).expect("xcu");
    assert!(
        text.contains(UNRELATED) && text.contains(UNRELATED_2),
        "{text}"
    );
    assert_eq!(
        text.matches("ooSetupFactoryDefaultFilter").count(),
        3,
        "{text}"
    );
    for filter in [
        "<value>writer8</value>",
        "<value>calc8</value>",
        "<value>impress8</value>",
    ] {
        assert!(text.contains(filter), "{filter}: {text}");
    }
    assert!(!text.contains("2007 XML"), "{text}");
    assert_eq!(shown_format(home.path(), p)["format"], "odf");

    // Text output, in English.
    let r = run(
        home.path(),
        &["docs", "default-format", "--profile", s(p), "--lang", "en"],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(
        r.out.contains(&format!(
            "LibreOffice's save format ({}): OpenDocument (.odt, .ods, .odp)",
            s(p)
        )),
        "{}",
        r.out
    );
}

/// Two changes within one second: the second backup must not replace the first, or the
/// person's original settings file would be lost.
#[test]
fn two_quick_changes_keep_the_original_backup() {
    let _lock = soffice_lock();
    let home = tmp();
    let profile = tmp();
    let p = profile.path();
    let original = profile_with_unrelated_items(p);
    let (Some(_), Some(_)) = (
        set_format(home.path(), p, "ooxml"),
        set_format(home.path(), p, "odf"),
    ) else {
        return;
    };
    let kept: Vec<String> = backups(p)
        .iter()
        .map(|b| std::fs::read_to_string(b).expect("backup"))
        .collect();
    assert!(
        kept.contains(&original),
        "no backup holds the original file: {} backup(s)",
        kept.len()
    );
}

#[test]
fn fonts_name_the_metric_compatible_free_ones() {
    let home = tmp();
    let r = run(home.path(), &["docs", "fonts", "--json", "--lang", "en"]);
    let v = json(&r);
    let fonts = v["fonts"].as_array().expect("fonts");
    let calibri = fonts
        .iter()
        .find(|f| f["font"] == "Calibri")
        .expect("Calibri listed");
    assert_eq!(calibri["free"], "Carlito");
    assert_eq!(calibri["entry"], "carlito");
    let cambria = fonts
        .iter()
        .find(|f| f["font"] == "Cambria")
        .expect("Cambria listed");
    assert_eq!(cambria["free"], "Caladea");
    // Aptos has no metric-compatible free font: it is not offered one.
    assert!(
        fonts
            .iter()
            .all(|f| f["font"] != "Aptos" && f["free"] != "Aptos"),
        "{v:#}"
    );
    assert!(fonts.iter().all(|f| f["installed"].is_boolean()), "{v:#}");
    // Status 0 only when every free font is here (this depends on the computer).
    let all = fonts.iter().all(|f| f["installed"] == true);
    assert_eq!(r.code, if all { 0 } else { 1 }, "{v:#}");
    let carlito_here = calibri["installed"] == true;

    let r = run(home.path(), &["docs", "fonts", "--lang", "fr"]);
    assert_eq!(r.code, if all { 0 } else { 1 });
    assert!(r.out.contains("Carlito pour Calibri : "), "{}", r.out);
    if !carlito_here {
        assert!(
            r.out
                .contains("Carlito pour Calibri : à installer : kitlibre install carlito"),
            "{}",
            r.out
        );
    }

    // The same words in an inventory: Calibri is offered Carlito, Aptos nothing.
    let docs = tmp();
    let doc = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:rPr><w:rFonts w:ascii="Calibri"/></w:rPr><w:t>a</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Aptos"/></w:rPr><w:t>b</w:t></w:r></w:p></w:body></w:document>"#;
    write_tree(
        docs.path(),
        &[(
            "polices.docx",
            zip_with(&minimal_docx(&[]), &[("word/document.xml", doc.as_bytes())]),
        )],
    );
    let r = run(
        home.path(),
        &[
            "docs",
            "inventory",
            s(docs.path()),
            "--json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let inv = json(&r);
    let used = &inv["files"][0]["fonts"];
    let status = |name: &str| {
        used.as_array()
            .expect("fonts")
            .iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("{name} not found: {used:#}"))
            .clone()
    };
    let calibri = status("Calibri");
    match calibri["status"].as_str() {
        Some("to-install") => {
            assert!(!carlito_here);
            assert_eq!(calibri["by"], "Carlito");
            assert_eq!(calibri["entry"], "carlito");
        }
        Some("replaced") => {
            assert!(carlito_here);
            assert_eq!(calibri["by"], "Carlito");
        }
        other => assert_eq!(other, Some("installed"), "{calibri:#}"),
    }
    let aptos = status("Aptos");
    assert!(
        aptos["status"] == "no-equivalent" || aptos["status"] == "installed",
        "{aptos:#}"
    );
    if aptos["status"] == "no-equivalent" {
        assert_eq!(inv["files"][0]["readiness"], "check");
        assert!(
            inv["files"][0]["messages"]
                .as_array()
                .expect("messages")
                .iter()
                .any(|m| m == "Font Aptos: no free font of the same size, the text may move."),
            "{inv:#}"
        );
    }
}

#[test]
fn convert_two_documents_with_libreoffice() {
    if !common::libreoffice_here() {
        return;
    }
    let _lock = soffice_lock();
    let home = tmp();
    let docs = tmp();
    let base = tmp();
    let out = base.path().join("Documents (LibreOffice)");
    write_tree(
        docs.path(),
        &[
            ("lettre.docx", plain_docx()),
            ("Compta/tableau.xlsx", without_fonts(&minimal_xlsx(&[]))),
            ("RH/salaires.xlsx", encrypted_ooxml()),
        ],
    );
    let originals = contents(docs.path());
    let args = [
        "docs",
        "convert",
        s(docs.path()),
        "--out",
        s(&out),
        "--json",
        "--lang",
        "fr",
    ];
    let r = run(home.path(), &args);
    assert_eq!(r.code, 0, "{}\n{}", r.out, r.err);
    let report = json(&r);
    assert_eq!(report["target"], "odf");
    assert_eq!(
        report["failed"].as_array().map(Vec::len),
        Some(0),
        "{report:#}"
    );
    let converted: Vec<(&str, &str)> = report["converted"]
        .as_array()
        .expect("converted")
        .iter()
        .map(|c| {
            (
                c["source"].as_str().expect("source"),
                c["dest"].as_str().expect("dest"),
            )
        })
        .collect();
    assert_eq!(
        converted,
        [
            ("Compta/tableau.xlsx", "Compta/tableau.ods"),
            ("lettre.docx", "lettre.odt")
        ],
        "{report:#}"
    );
    assert_eq!(report["skipped"].as_array().map(Vec::len), Some(1));
    assert_eq!(report["skipped"][0]["source"], "RH/salaires.xlsx");
    assert_eq!(report["skipped"][0]["why"], "needs-password");
    for (_, dest) in &converted {
        let bytes = std::fs::read(out.join(dest)).expect("converted file");
        assert!(
            bytes.starts_with(b"PK\x03\x04"),
            "{dest} is not an ODF package"
        );
    }
    let saved: Value = serde_json::from_slice(
        &std::fs::read(out.join("kitlibre-report.json")).expect("kitlibre-report.json"),
    )
    .expect("report JSON");
    assert_eq!(saved["converted"], report["converted"]);
    assert_eq!(saved["skipped"], report["skipped"]);
    let text = std::fs::read_to_string(out.join("kitlibre-report.txt")).expect("text report");
    assert!(
        text.contains("Les originaux n'ont pas été modifiés."),
        "{text}"
    );
    assert!(!out.join("RH/salaires.ods").exists());
    assert_eq!(contents(docs.path()), originals, "originals byte-identical");

    // Run again: everything is done already, LibreOffice is not started.
    let r = run(home.path(), &args);
    assert_eq!(r.code, 0, "{}", r.err);
    let again = json(&r);
    assert_eq!(again["soffice_runs"], 0, "{again:#}");
    assert_eq!(again["converted"].as_array().map(Vec::len), Some(0));
    let done = again["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .filter(|x| x["why"] == "already-converted")
        .count();
    assert_eq!(done, 2, "{again:#}");
    assert_eq!(contents(docs.path()), originals);
}

/// A profile folder named on the command line that does not exist is an error, not
/// "nothing set" (a typo must not look fine, nor create a folder).
#[test]
fn a_mistyped_profile_is_refused() {
    let home = tmp();
    let base = tmp();
    let typo = base.path().join("prfile");
    for args in [
        vec![
            "docs",
            "default-format",
            "--profile",
            s(&typo),
            "--lang",
            "fr",
        ],
        vec![
            "docs",
            "default-format",
            "ooxml",
            "--profile",
            s(&typo),
            "--lang",
            "fr",
        ],
    ] {
        let r = run(home.path(), &args);
        assert_eq!(r.code, 2, "{}", r.err);
        assert!(r.err.contains("n'existe pas"), "{}", r.err);
        assert!(!typo.exists(), "nothing is created");
    }
}
