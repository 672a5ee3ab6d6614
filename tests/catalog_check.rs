//! `catalog check`: one test per rule, each with a fixture broken in exactly one way.

mod common;

use common::*;
use kitlibre::catalog::load_dir;
use kitlibre::catalog::model::{Date, Lang};
use kitlibre::catalog::problem::{Problem, Severity};
use kitlibre::catalog::validate::{CheckOptions, CheckReport, check};
use kitlibre::catalog::winget::WingetIndex;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 22,
};

fn index() -> WingetIndex {
    WingetIndex::from_csv(
        b"\xEF\xBB\xBF\"PackageId\",\"Version\",\"Name\",\"LastUpdate\"\n\"Free.Writer\",\"1.0\",\"FreeWriter\",\"2026-01-01\"\n",
        "test-index.csv",
    )
    .expect("index")
}

fn run(files: &[(&str, String)]) -> CheckReport {
    let dir = write_catalog(files);
    let loaded = load_dir(dir.path()).expect("load");
    let idx = index();
    check(
        &loaded,
        CheckOptions {
            winget: Some(&idx),
            today: TODAY,
        },
    )
}

fn errors(r: &CheckReport) -> Vec<&Problem> {
    r.problems
        .iter()
        .filter(|p| p.severity() == Severity::Error)
        .collect()
}

/// Exactly one error, of this code, in this file and field; returns it.
fn only_error<'a>(r: &'a CheckReport, code: &str, file: &str, field: Option<&str>) -> &'a Problem {
    let errs = errors(r);
    let shown: Vec<String> = errs.iter().map(|p| p.render("", Lang::En)).collect();
    assert_eq!(errs.len(), 1, "expected one error, got: {shown:#?}");
    let p = errs[0];
    assert_eq!(p.kind.code(), code, "{shown:?}");
    assert_eq!(p.file, file, "{shown:?}");
    assert_eq!(p.field.as_deref(), field, "{shown:?}");
    p
}

#[test]
fn the_good_fixture_has_no_problem() {
    let r = run(&good_catalog());
    assert!(r.problems.is_empty(), "{:#?}", r.problems);
    assert!(r.is_ok());
    assert_eq!(r.files, 7);
}

#[test]
fn toml_syntax_error_gives_its_line() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("difficulty = \"medium\"", "difficulty = \"medium")
    });
    let r = run(&files);
    let p = only_error(&r, "syntax", "free/freepaint.toml", None);
    assert_eq!(p.line, Some(7));
}

#[test]
fn unknown_field_is_a_schema_error_with_its_line() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace(
            "difficulty = \"medium\"",
            "difficulty = \"medium\"\ndescripton = \"typo\"",
        )
    });
    let r = run(&files);
    let p = only_error(&r, "syntax", "free/freepaint.toml", None);
    assert_eq!(p.line, Some(8));
    assert!(p.kind.message(Lang::En).contains("descripton"));
}

#[test]
fn a_broken_file_never_stops_the_others_from_being_checked() {
    let mut files = with_edit("free/freepaint.toml", |_| "this is = = not toml".to_owned());
    for (p, t) in files.iter_mut() {
        if *p == "free/freewriter.toml" {
            *t = t.replace(
                "https://freewriter.example.org/download",
                "http://freewriter.example.org/download",
            );
        }
    }
    let r = run(&files);
    let codes: Vec<(&str, &str)> = errors(&r)
        .iter()
        .map(|p| (p.file.as_str(), p.kind.code()))
        .collect();
    assert!(
        codes.contains(&("free/freepaint.toml", "syntax")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("free/freewriter.toml", "not-https")),
        "{codes:?}"
    );
    assert_eq!(
        codes.len(),
        2,
        "references to the broken file are not reported again: {codes:?}"
    );
}

#[test]
fn replacement_pointing_nowhere() {
    let mut files = good_catalog();
    files.push((
        "replacements/acme-word--nothing.toml",
        "proprietary = \"acme-word\"\nfree = \"nothing\"\nplatforms = [\"windows\"]\nfit = \"close\"\nsummary.fr = \"x\"\nsummary.en = \"x\"\n[provenance]\nsources = [\"https://a.example.org/\"]\nchecked = 2026-01-01\n".to_owned(),
    ));
    let r = run(&files);
    let p = only_error(
        &r,
        "unknown-reference",
        "replacements/acme-word--nothing.toml",
        Some("free"),
    );
    assert_eq!(p.line, Some(2));
    assert!(p.kind.message(Lang::Fr).contains("nothing"));
}

#[test]
fn replacement_file_must_be_named_after_its_pair() {
    let mut files = good_catalog();
    for (p, _) in files.iter_mut() {
        if *p == "replacements/acme-paint--freepaint.toml" {
            *p = "replacements/paint.toml";
        }
    }
    let r = run(&files);
    only_error(&r, "replacement-file-name", "replacements/paint.toml", None);
}

#[test]
fn duplicate_ids_across_kinds() {
    let mut files = good_catalog();
    let text = files
        .iter()
        .find(|(p, _)| *p == "free/freepaint.toml")
        .map(|(_, t)| t.clone())
        .expect("fixture");
    files.push(("free/acme-word.toml", text));
    let r = run(&files);
    let p = only_error(&r, "duplicate-id", "free/acme-word.toml", None);
    assert!(
        p.kind
            .message(Lang::En)
            .contains("proprietary/acme-word.toml")
    );
}

#[test]
fn proprietary_without_replacement() {
    let files: Vec<_> = good_catalog()
        .into_iter()
        .filter(|(p, _)| *p != "replacements/acme-paint--freepaint.toml")
        .collect();
    let r = run(&files);
    only_error(&r, "no-replacement", "proprietary/acme-paint.toml", None);
}

#[test]
fn missing_french_text() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("summary.fr = \"Un traitement de texte libre.\"\n", "")
    });
    let r = run(&files);
    let p = only_error(
        &r,
        "missing-text",
        "free/freewriter.toml",
        Some("summary.fr"),
    );
    assert_eq!(p.line, Some(8), "the line of the summary table");
}

#[test]
fn missing_english_text_in_a_list_item() {
    let files = with_edit("replacements/acme-word--freewriter.toml", |t| {
        t.replace("en = \"Documents.\"", "")
    });
    let r = run(&files);
    only_error(
        &r,
        "missing-text",
        "replacements/acme-word--freewriter.toml",
        Some("carries_over[0].en"),
    );
}

#[test]
fn missing_english_name_translation() {
    let files = with_edit("proprietary/acme-paint.toml", |t| {
        t.replace(", en = \"Acme Paint\"", "")
    });
    let r = run(&files);
    only_error(
        &r,
        "missing-text",
        "proprietary/acme-paint.toml",
        Some("name.en"),
    );
}

#[test]
fn non_https_urls() {
    let files = with_edit("proprietary/acme-word.toml", |t| {
        t.replace(
            "https://acme.example.com/word",
            "http://acme.example.com/word",
        )
    });
    let r = run(&files);
    let p = only_error(
        &r,
        "not-https",
        "proprietary/acme-word.toml",
        Some("homepage"),
    );
    assert_eq!(p.line, Some(6));
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace(
            "sources = [\"https://freepaint.example.org/\"]",
            "sources = [\"ftp://x\"]",
        )
    });
    let r = run(&files);
    only_error(
        &r,
        "not-https",
        "free/freepaint.toml",
        Some("provenance.sources[0]"),
    );
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace(
            "homepage = \"https://freepaint.example.org/\"",
            "homepage = \"not a url\"",
        )
    });
    let r = run(&files);
    only_error(&r, "bad-url", "free/freepaint.toml", Some("homepage"));
}

#[test]
fn malformed_flathub_id() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("org.example.FreeWriter", "FreeWriter")
    });
    let r = run(&files);
    only_error(
        &r,
        "bad-identifier",
        "free/freewriter.toml",
        Some("install.flathub"),
    );
}

#[test]
fn malformed_fdroid_id() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("org.example.freepaint", "org.example.2paint")
    });
    let r = run(&files);
    only_error(
        &r,
        "bad-identifier",
        "free/freepaint.toml",
        Some("install.fdroid"),
    );
}

#[test]
fn malformed_debian_package() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("debian = \"freewriter\"", "debian = \"FreeWriter\"")
    });
    let r = run(&files);
    only_error(
        &r,
        "bad-identifier",
        "free/freewriter.toml",
        Some("install.debian"),
    );
}

#[test]
fn unknown_spdx_licence() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("GPL-3.0-or-later", "GPL-3-ish")
    });
    let r = run(&files);
    only_error(
        &r,
        "unknown-license",
        "free/freepaint.toml",
        Some("license"),
    );
}

#[test]
fn non_free_licence_for_software_is_refused() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("GPL-3.0-or-later", "LicenseRef-Proprietary")
    });
    let r = run(&files);
    only_error(
        &r,
        "not-free-license",
        "free/freepaint.toml",
        Some("license"),
    );
}

#[test]
fn winget_id_absent_from_the_index_with_a_suggestion() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("Free.Writer", "free.writer")
    });
    let r = run(&files);
    let p = only_error(
        &r,
        "winget-unknown",
        "free/freewriter.toml",
        Some("install.winget"),
    );
    assert!(
        p.kind.message(Lang::En).contains("Free.Writer"),
        "suggests the right case"
    );
}

#[test]
fn winget_check_is_skipped_without_an_index() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("Free.Writer", "Nobody.Nothing")
    });
    let dir = write_catalog(&files);
    let loaded = load_dir(dir.path()).expect("load");
    let r = check(
        &loaded,
        CheckOptions {
            winget: None,
            today: TODAY,
        },
    );
    assert!(r.is_ok(), "{:?}", r.problems);
    assert!(!r.winget_checked);
}

#[test]
fn install_string_with_shell_metacharacters_is_refused() {
    for bad in [
        "freewriter; rm -rf ~",
        "freewriter && curl x",
        "$(reboot)",
        "a b",
    ] {
        let files = with_edit("free/freewriter.toml", |t| {
            t.replace("debian = \"freewriter\"", &format!("debian = {bad:?}"))
        });
        let r = run(&files);
        only_error(
            &r,
            "shell-metacharacters",
            "free/freewriter.toml",
            Some("install.debian"),
        );
    }
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("Free.Writer", "Free.Writer|x")
    });
    let r = run(&files);
    only_error(
        &r,
        "shell-metacharacters",
        "free/freewriter.toml",
        Some("install.winget"),
    );
}

#[test]
fn invalid_detection_pattern() {
    let files = with_edit("proprietary/acme-word.toml", |t| {
        t.replace("'^Acme Word\\b'", "'^Acme (Word'")
    });
    let r = run(&files);
    only_error(
        &r,
        "bad-pattern",
        "proprietary/acme-word.toml",
        Some("detect.windows.display_name[0]"),
    );
}

#[test]
fn malformed_upgrade_code() {
    let files = with_edit("proprietary/acme-word.toml", |t| {
        t.replace("{4B17E523-5D91-4E69-BD96-7FD81CFA81BB}", "4B17E523-5D91")
    });
    let r = run(&files);
    only_error(
        &r,
        "bad-identifier",
        "proprietary/acme-word.toml",
        Some("detect.windows.upgrade_codes[0]"),
    );
}

#[test]
fn unknown_category() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("category = \"graphics\"", "category = \"grafics\"")
    });
    let r = run(&files);
    only_error(
        &r,
        "unknown-reference",
        "free/freepaint.toml",
        Some("category"),
    );
}

#[test]
fn install_method_for_a_platform_not_listed() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace(
            "platforms = [\"windows\", \"linux\", \"android\"]",
            "platforms = [\"windows\", \"linux\"]",
        )
    });
    let r = run(&files);
    only_error(
        &r,
        "platform-mismatch",
        "free/freepaint.toml",
        Some("install.fdroid"),
    );
}

#[test]
fn replacement_on_a_platform_the_free_entry_lacks() {
    let files = with_edit("replacements/acme-paint--freepaint.toml", |t| {
        t.replace(
            "platforms = [\"windows\"]",
            "platforms = [\"windows\", \"ios\"]",
        )
    });
    let r = run(&files);
    only_error(
        &r,
        "replacement-platform",
        "replacements/acme-paint--freepaint.toml",
        Some("platforms[1]"),
    );
}

#[test]
fn service_needs_its_service_table() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("kind = \"software\"", "kind = \"service\"")
    });
    let r = run(&files);
    only_error(&r, "service-mismatch", "free/freepaint.toml", Some("kind"));
}

#[test]
fn no_install_method() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("[install]\nfdroid = \"org.example.freepaint\"\n", "")
    });
    let r = run(&files);
    only_error(
        &r,
        "no-install-method",
        "free/freepaint.toml",
        Some("install"),
    );
}

#[test]
fn proprietary_without_concern() {
    let files = with_edit("proprietary/acme-paint.toml", |t| {
        t.replace(
            "[[concerns]]\nkind = \"lock-in\"\nfr = \"Format fermé.\"\nen = \"Closed format.\"\n",
            "",
        )
    });
    let r = run(&files);
    only_error(
        &r,
        "no-concern",
        "proprietary/acme-paint.toml",
        Some("concerns"),
    );
}

#[test]
fn entry_without_source() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("sources = [\"https://freepaint.example.org/\"]\n", "")
    });
    let r = run(&files);
    only_error(
        &r,
        "no-source",
        "free/freepaint.toml",
        Some("provenance.sources"),
    );
}

#[test]
fn checked_date_in_the_future_and_stale_dates() {
    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("checked = 2026-01-01", "checked = 2027-01-01")
    });
    let r = run(&files);
    only_error(
        &r,
        "checked-in-future",
        "free/freepaint.toml",
        Some("provenance.checked"),
    );

    let files = with_edit("free/freepaint.toml", |t| {
        t.replace("checked = 2026-01-01", "checked = 2023-01-01")
    });
    let r = run(&files);
    assert!(r.is_ok(), "stale is only a warning");
    assert!(
        r.problems
            .iter()
            .any(|p| p.kind.code() == "stale" && p.severity() == Severity::Warning)
    );
}

#[test]
fn bad_id_from_file_name_and_unknown_location() {
    let mut files = good_catalog();
    for (p, _) in files.iter_mut() {
        if *p == "free/freepaint.toml" {
            *p = "free/Free_Paint.toml";
        }
    }
    files.push(("misc/stray.toml", "a = 1\n".to_owned()));
    let r = run(&files);
    let codes: Vec<(&str, &str)> = errors(&r)
        .iter()
        .map(|p| (p.file.as_str(), p.kind.code()))
        .collect();
    assert!(
        codes.contains(&("free/Free_Paint.toml", "bad-id")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("misc/stray.toml", "unknown-file")),
        "{codes:?}"
    );
}

#[test]
fn unreadable_and_oversized_files_are_reported() {
    let mut files = good_catalog();
    files.push((
        "free/huge.toml",
        format!("name = \"{}\"\n", "x".repeat(300 * 1024)),
    ));
    let r = run(&files);
    let p = errors(&r)
        .into_iter()
        .find(|p| p.file == "free/huge.toml")
        .expect("huge file reported");
    assert_eq!(p.kind.code(), "unreadable");

    let dir = write_catalog(&good_catalog());
    std::fs::write(dir.path().join("free/latin1.toml"), b"name = \"caf\xe9\"\n").expect("write");
    let loaded = load_dir(dir.path()).expect("load");
    let r = check(
        &loaded,
        CheckOptions {
            winget: None,
            today: TODAY,
        },
    );
    assert!(
        r.problems
            .iter()
            .any(|p| p.file == "free/latin1.toml" && p.kind.code() == "unreadable")
    );
}

#[test]
fn messages_exist_in_both_languages_and_render_like_a_compiler() {
    let files = with_edit("free/freewriter.toml", |t| {
        t.replace("org.example.FreeWriter", "FreeWriter")
    });
    let r = run(&files);
    let p = &errors(&r)[0];
    let fr = p.render("catalog", Lang::Fr);
    let en = p.render("catalog", Lang::En);
    assert!(
        fr.starts_with("catalog/free/freewriter.toml:15: erreur: `install.flathub`: "),
        "{fr}"
    );
    assert!(
        en.starts_with("catalog/free/freewriter.toml:15: error: `install.flathub`: "),
        "{en}"
    );
    assert_ne!(fr, en);
    let json = p.to_json(Lang::En);
    assert_eq!(json["code"], "bad-identifier");
    assert_eq!(json["line"], 15);
}

#[test]
fn a_missing_directory_is_an_error_not_a_panic() {
    let err = load_dir(std::path::Path::new("/nonexistent/kitlibre/catalog")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/kitlibre/catalog"));
}

#[test]
fn the_real_winget_index_loads() {
    let Some(data) = shared_data() else { return };
    let idx = WingetIndex::from_path(&data.join("winget-index.csv")).expect("index");
    assert!(idx.len() > 10_000, "{}", idx.len());
    assert!(idx.contains("TheDocumentFoundation.LibreOffice"));
    assert!(!idx.contains("thedocumentfoundation.libreoffice"));
    assert_eq!(
        idx.suggest("thedocumentfoundation.libreoffice").as_deref(),
        Some("TheDocumentFoundation.LibreOffice")
    );
}
