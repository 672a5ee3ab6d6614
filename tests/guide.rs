//! Learning paths: their validation in `catalog check`, the handouts of every path in both
//! languages (PDF rendered with pdftoppm and its QR codes read back with zbarimg, HTML),
//! and the `guide` command line.

mod common;

use common::*;
use kitlibre::catalog::load_dir;
use kitlibre::catalog::load_embedded;
use kitlibre::catalog::model::{Date, Lang};
use kitlibre::catalog::problem::{Problem, Severity};
use kitlibre::catalog::validate::{CheckOptions, CheckReport, check};
use std::path::Path;
use std::process::Command;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

const GUIDE: &str = r#"title = { fr = "Écrire librement", en = "Write freely" }
summary = { fr = "Un traitement de texte libre.", en = "A free word processor." }
pictogram = "document"
audience = "agents"
minutes = 20
platforms = ["windows", "linux"]
entries = ["acme-word", "freewriter"]
changes = [{ fr = "Les macros sont à refaire.", en = "Macros must be rewritten." }]

[[step]]
title = { fr = "Installer FreeWriter", en = "Install FreeWriter" }
text = { fr = "Installez-le.", en = "Install it." }
why = { fr = "Il est libre.", en = "It is free." }
pictogram = "download"
entries = ["freewriter"]
link = "https://freewriter.example.org/download"

[[step]]
title = { fr = "Vérifier l'ordinateur", en = "Check the computer" }
text = { fr = "Le kit regarde.", en = "The kit looks." }
why = { fr = "Pour savoir.", en = "To know." }
pictogram = "computer"
check = { kind = "hardware" }

[provenance]
sources = ["https://freewriter.example.org/"]
checked = 2026-01-01
"#;

fn with_guide(guide: &str) -> Vec<(&'static str, String)> {
    let mut files = good_catalog();
    files.push(("guides/write-freely.toml", guide.to_owned()));
    files
}

fn run(files: &[(&str, String)]) -> CheckReport {
    let dir = write_catalog(files);
    let loaded = load_dir(dir.path()).expect("load");
    check(
        &loaded,
        CheckOptions {
            winget: None,
            today: TODAY,
        },
    )
}

fn errors(r: &CheckReport) -> Vec<String> {
    r.problems
        .iter()
        .filter(|p| p.severity() == Severity::Error)
        .map(|p: &Problem| {
            format!(
                "{}|{}|{}",
                p.file,
                p.field.clone().unwrap_or_default(),
                p.kind.code()
            )
        })
        .collect()
}

fn broken(edit: impl Fn(&str) -> String) -> Vec<String> {
    errors(&run(&with_guide(&edit(GUIDE))))
}

#[test]
fn a_good_path_passes_and_is_loaded_in_order() {
    let files = with_guide(GUIDE);
    assert_eq!(errors(&run(&files)), Vec::<String>::new());
    let dir = write_catalog(&files);
    let loaded = load_dir(dir.path()).expect("load");
    let g = loaded.catalog.guide("write-freely").expect("the path");
    assert_eq!(g.steps.len(), 2);
    assert_eq!(g.steps[0].title.fr, "Installer FreeWriter");
    assert_eq!(loaded.catalog.guides_for("freewriter").len(), 1);
}

/// A change to the good path's text.
type Edit = Box<dyn Fn(&str) -> String>;

#[test]
fn every_rule_of_a_path_is_checked() {
    const F: &str = "guides/write-freely.toml";
    let cases: Vec<(Edit, &str, &str)> = vec![
        (
            Box::new(|t| t.replace(r#"entries = ["freewriter"]"#, r#"entries = ["nowriter"]"#)),
            "step[0].entries[0]",
            "unknown-reference",
        ),
        (
            Box::new(|t| t.replace(r#", en = "Install it." "#, " ")),
            "step[0].text.en",
            "missing-text",
        ),
        (
            Box::new(|t| t.replace(r#"pictogram = "download""#, r#"pictogram = "rocket""#)),
            "step[0].pictogram",
            "bad-identifier",
        ),
        (
            Box::new(|t| {
                t.replace(
                    "https://freewriter.example.org/download",
                    "http://freewriter.example.org/",
                )
            }),
            "step[0].link",
            "not-https",
        ),
        (
            Box::new(|t| {
                t.replace(
                    r#"check = { kind = "hardware" }"#,
                    r#"check = { kind = "installed", entry = "freepaint" }"#,
                )
            }),
            "step[1].check.entry",
            "check-cannot-pass",
        ),
        (
            Box::new(|t| {
                t.replace(
                    r#"check = { kind = "hardware" }"#,
                    r#"check = { kind = "installed", entry = "acme-word" }"#,
                )
            }),
            "step[1].check.entry",
            "unknown-reference",
        ),
        (
            Box::new(|t| t.replace("Installer FreeWriter", &"Installer ".repeat(10))),
            "step[0].title.fr",
            "too-long",
        ),
        (
            Box::new(|t| {
                t.replace(r#"changes = [{ fr = "Les macros sont à refaire.", en = "Macros must be rewritten." }]"#, "")
            }),
            "changes",
            "empty",
        ),
        (
            Box::new(|t| {
                t.replace(
                    r#"entries = ["acme-word", "freewriter"]"#,
                    r#"entries = ["acme-word", "acme-word"]"#,
                )
            }),
            "entries[1]",
            "duplicate",
        ),
        (
            Box::new(|t| t.replace("checked = 2026-01-01", "checked = 2027-01-01")),
            "provenance.checked",
            "checked-in-future",
        ),
        (
            Box::new(|t| t.replace("minutes = 20", "minutes = 0")),
            "minutes",
            "empty",
        ),
    ];
    for (edit, field, code) in cases {
        assert_eq!(broken(edit), vec![format!("{F}|{field}|{code}")], "{field}");
    }
    // No step at all.
    let no_steps = GUIDE
        .split("[[step]]")
        .next()
        .unwrap_or_default()
        .to_owned()
        + "[provenance]\nsources = [\"https://freewriter.example.org/\"]\nchecked = 2026-01-01\n";
    assert_eq!(
        errors(&run(&with_guide(&no_steps))),
        vec![format!("{F}|step|empty")]
    );
    // A field the schema does not know, and an unknown check: syntax errors with a line.
    let r = run(&with_guide(
        &GUIDE.replace("minutes = 20", "minutes = 20\ncolour = \"red\""),
    ));
    assert_eq!(errors(&r), vec![format!("{F}||syntax")]);
    assert_eq!(r.problems[0].line, Some(6));
    let r = run(&with_guide(&GUIDE.replace("\"hardware\"", "\"rm -rf\"")));
    assert_eq!(errors(&r), vec![format!("{F}||syntax")]);
}

#[test]
fn a_replacement_points_to_an_existing_path() {
    let mut files = with_edit("replacements/acme-word--freewriter.toml", |t| {
        t.replace(
            "fit = \"close\"",
            "fit = \"close\"\nguide = \"write-freely\"",
        )
    });
    files.push(("guides/write-freely.toml", GUIDE.to_owned()));
    assert_eq!(errors(&run(&files)), Vec::<String>::new());
    let files = with_edit("replacements/acme-word--freewriter.toml", |t| {
        t.replace(
            "fit = \"close\"",
            "fit = \"close\"\nguide = \"write-badly\"",
        )
    });
    assert_eq!(
        errors(&run(&files)),
        vec!["replacements/acme-word--freewriter.toml|guide|unknown-reference".to_owned()]
    );
}

#[test]
fn the_real_paths_are_the_seven_asked_for_complete_in_both_languages() {
    let loaded = load_embedded();
    let ids: Vec<&str> = loaded
        .catalog
        .guides
        .iter()
        .map(|g| g.id.as_str())
        .collect();
    for id in [
        "leave-gmail",
        "private-search",
        "free-smartphone",
        "switch-to-libreoffice",
        "windows10-to-linux",
        "whatsapp-to-signal",
        "files-without-google-drive",
    ] {
        assert!(ids.contains(&id), "{id} is missing: {ids:?}");
    }
    let r = check(
        &loaded,
        CheckOptions {
            winget: None,
            today: Date::today(),
        },
    );
    let guide_problems: Vec<String> = r
        .problems
        .iter()
        .filter(|p| p.file.starts_with("guides/"))
        .map(|p| p.render("", Lang::En))
        .collect();
    assert_eq!(guide_problems, Vec::<String>::new());
    for g in &loaded.catalog.guides {
        assert!(g.steps.len() >= 5, "{}: a path has steps", g.id);
        assert!(g.changes.len() >= 2, "{}: says what changes", g.id);
    }
    // The paths that the issue asks to verify something do.
    let checks = |id: &str| {
        loaded
            .catalog
            .guide(id)
            .map(|g| g.steps.iter().filter(|s| s.check.is_some()).count())
            .unwrap_or(0)
    };
    assert!(checks("windows10-to-linux") >= 1);
    assert!(checks("switch-to-libreoffice") >= 3);
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
}

/// Pages of a PDF rendered to PNG at `dpi` into `dir`; their paths.
fn render(pdf: &Path, dir: &Path, dpi: u32) -> Vec<std::path::PathBuf> {
    let prefix = dir.join("page");
    let out = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .expect("pages")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn handouts_of_every_path_in_both_languages() {
    let loaded = load_embedded();
    let have_poppler = tool("pdftoppm");
    let have_zbar = tool("zbarimg");
    if !have_poppler || !have_zbar {
        assert!(
            std::env::var_os("KITLIBRE_ALLOW_NO_POPPLER").is_some(),
            "pdftoppm (poppler-utils) and zbarimg (zbar-tools) are needed to check the \
             handouts; the README's test command installs them. Set \
             KITLIBRE_ALLOW_NO_POPPLER=1 to skip the rendering knowingly."
        );
        println!("notice: pdftoppm/zbarimg absent; PDFs are checked without rendering");
    }
    let tmp = tempfile::tempdir().expect("tmp");
    for g in &loaded.catalog.guides {
        for lang in [Lang::Fr, Lang::En] {
            let h = kitlibre::guide::handout(g, &loaded.catalog, lang);
            assert_eq!(h.steps.len(), g.steps.len());
            let links: Vec<&str> = g.steps.iter().filter_map(|s| s.link.as_deref()).collect();
            assert_eq!(
                h.steps.iter().map(|s| s.links.len()).sum::<usize>(),
                links.len(),
                "{}: every link has its QR code",
                g.id
            );
            // HTML: the language, the title, every step, one code per link.
            let html = kitlibre::guide::html::write_html(&h);
            assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
            assert!(html.contains(&html_escape::encode_text(g.title.get(lang)).to_string()));
            for s in &g.steps {
                assert!(
                    html.contains(&html_escape::encode_text(s.title.get(lang)).to_string()),
                    "{}: {}",
                    g.id,
                    s.title.get(lang)
                );
            }
            assert_eq!(html.matches("<svg").count(), links.len());
            // PDF: tagged, in its language, with its title.
            let pdf = kitlibre::guide::pdf::write_pdf(&h).expect("pdf");
            assert!(pdf.starts_with(b"%PDF-"));
            let text = String::from_utf8_lossy(&pdf);
            assert!(text.contains("/StructTreeRoot"), "{}: tagged", g.id);
            assert!(
                text.contains(&format!("/Lang({})", lang.code())),
                "{}: language",
                g.id
            );
            if !have_poppler || !have_zbar {
                continue;
            }
            let dir = tmp.path().join(format!("{}-{}", g.id, lang.code()));
            std::fs::create_dir_all(&dir).expect("dir");
            let file = dir.join("handout.pdf");
            std::fs::write(&file, &pdf).expect("write");
            let pages = render(&file, &dir, 100);
            assert!(!pages.is_empty(), "{}: pages render", g.id);
            // Every QR code printed reads back as its address.
            let out = Command::new("zbarimg")
                .args(["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"])
                .args(&pages)
                .output()
                .expect("zbarimg runs");
            let mut read: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_owned)
                .collect();
            read.sort();
            let mut want: Vec<String> = links.iter().map(|s| s.to_string()).collect();
            want.sort();
            assert_eq!(read, want, "{} ({}): QR codes", g.id, lang.code());
        }
    }
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let data = tempfile::tempdir().expect("tmp");
    let out = bin()
        .env("KITLIBRE_DATA_DIR", data.path())
        .args(args)
        .output()
        .expect("kitlibre runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn guide_command_line() {
    let (code, out, _) = cli(&["--lang", "en", "guide", "list", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let list = v["guides"].as_array().expect("guides");
    assert_eq!(list.len(), 7);
    let gmail = list
        .iter()
        .find(|g| g["id"] == "leave-gmail")
        .expect("leave-gmail");
    assert_eq!(gmail["title"], "Leave Gmail for an ethical mailbox");
    assert_eq!(gmail["steps"], 9);

    let (code, out, _) = cli(&["guide", "list"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Passer à LibreOffice  [switch-to-libreoffice]"),
        "{out}"
    );

    let (code, out, _) = cli(&[
        "guide",
        "show",
        "switch-to-libreoffice",
        "--no-check",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["audience"], "agents");
    assert_eq!(v["lang"], "fr");
    let steps = v["steps"].as_array().expect("steps");
    assert_eq!(steps[0]["number"], 1);
    assert!(steps.iter().all(|s| s["verdict"].is_null()));
    assert!(steps.iter().any(|s| s["check"]["kind"] == "odf-default"));

    // Checks on this computer: every checked step has a verdict.
    let (code, out, _) = cli(&["guide", "show", "windows10-to-linux", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(
        v["steps"][0]["verdict"]["outcome"].is_string(),
        "{}",
        v["steps"][0]
    );

    let (code, out, err) = cli(&["guide", "show", "leave-gmal"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("Le parcours « leave-gmal » n'existe pas."),
        "{err}"
    );
    assert!(err.contains("leave-gmail"), "{err}");

    let tmp = tempfile::tempdir().expect("tmp");
    let html = tmp.path().join("fiche.html");
    let (code, out, _) = cli(&[
        "--lang",
        "en",
        "guide",
        "handout",
        "free-smartphone",
        "--out",
        html.to_str().expect("utf-8"),
        "--json",
    ]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["format"], "html");
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Free your smartphone"));

    let pdf = tmp.path().join("fiche");
    let (code, _, _) = cli(&[
        "guide",
        "handout",
        "free-smartphone",
        "--out",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0);
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));

    let (code, _, err) = cli(&[
        "guide",
        "handout",
        "free-smartphone",
        "--out",
        "x.doc",
        "--format",
        "doc",
    ]);
    assert_eq!(code, 2, "{err}");
    let nowhere = tmp.path().join("missing-file-as-dir");
    std::fs::write(&nowhere, "a file").expect("file");
    let (code, _, err) = cli(&[
        "guide",
        "handout",
        "free-smartphone",
        "--out",
        nowhere.join("fiche.pdf").to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("Impossible d'enregistrer la fiche"), "{err}");
}
