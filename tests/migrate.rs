//! The document inventory and LibreOffice's settings: real documents from
//! ../shared/data/documents (read in place) checked file by file, documents generated to
//! carry one feature each, hostile trees (symlink loops, broken links, lock files), and
//! the registrymodifications.xcu merge.

mod common;

use common::docs::*;
use kitlibre::migrate::fonts::{FontEnv, FontStatus};
use kitlibre::migrate::inspect::{Finding, MacroKind};
use kitlibre::migrate::inventory::{FileReport, Inventory, SkipReason, inventory};
use kitlibre::migrate::xcu::{self, DefaultFormat};
use kitlibre::migrate::{Container, Family, Readiness};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

fn fonts() -> FontEnv {
    FontEnv::from_families([
        "Carlito",
        "Liberation Sans",
        "Liberation Serif",
        "DejaVu Sans",
    ])
}

fn run(dir: &Path) -> Inventory {
    inventory(dir, &[], &fonts(), &mut |_| {}, &AtomicBool::new(false)).expect("inventory")
}

fn file<'a>(inv: &'a Inventory, rel: &str) -> &'a FileReport {
    inv.files
        .iter()
        .find(|f| f.path == Path::new(rel))
        .unwrap_or_else(|| panic!("{rel} in the inventory"))
}

fn has(f: &FileReport, pred: impl Fn(&Finding) -> bool) -> bool {
    f.findings.iter().any(pred)
}

#[test]
fn real_documents_file_by_file() {
    let Some(dir) = shared_documents() else {
        return;
    };
    let inv = run(&dir);
    // Every office file of the shared data is read, none is lost, nothing panics.
    let on_disk = walk_count(&dir);
    assert_eq!(
        inv.files.len(),
        on_disk,
        "every document is in the inventory"
    );
    let t = &inv.totals;
    assert_eq!(t.ready + t.check + t.needs_work, t.documents);

    // Macros from content: vba.xlsm has a VBA project; issue221.xlsm and issue3.xlsm are
    // named for macros but hold none.
    let vba = file(&inv, "calamine/vba.xlsm");
    assert!(vba.has_macros());
    assert_eq!(vba.readiness, Readiness::NeedsWork);
    for rel in ["calamine/issue221.xlsm", "calamine/issue3.xlsm"] {
        let f = file(&inv, rel);
        assert!(!f.has_macros(), "{rel} has no macros: {:?}", f.findings);
    }
    // Passwords: encrypted OOXML (a compound file named .xlsx/.xlsb), encrypted ODF.
    for rel in [
        "calamine/pass_protected.xlsx",
        "calamine/pass_protected.xlsb",
        "calamine/pass_protected.ods",
    ] {
        let f = file(&inv, rel);
        assert!(f.is_encrypted(), "{rel}: {:?}", f.findings);
        assert_eq!(f.readiness, Readiness::NeedsWork);
    }
    assert_eq!(
        file(&inv, "calamine/pass_protected.xlsx")
            .format
            .map(|f| f.container),
        Some(Container::EncryptedOoxml)
    );
    // Empty, not a document, damaged.
    assert!(
        file(&inv, "calamine/adhocallbabynames1996to2016.xls")
            .findings
            .contains(&Finding::Empty)
    );
    assert!(
        file(&inv, "calamine/too_small.xls")
            .findings
            .contains(&Finding::NotADocument)
    );
    assert!(has(file(&inv, "calamine/OOM_alloc3.xls"), |x| matches!(
        x,
        Finding::Damaged { .. }
    )));
    // Binary formats by content, even with odd stream names.
    let date = file(&inv, "calamine/date.xls");
    assert_eq!(date.format.map(|f| f.extension), Some("xls"));
    assert!(date.findings.contains(&Finding::OlderFormat));
    assert_eq!(date.readiness, Readiness::Check);
    assert_eq!(
        file(&inv, "calamine/capitalized_wbook_stream.xls")
            .format
            .map(|f| f.family),
        Some(Family::Spreadsheet)
    );
    // Pivot tables and data connections.
    let pivots = file(&inv, "calamine/pivots.xlsx");
    assert!(pivots.findings.contains(&Finding::PivotTables { count: 5 }));
    // Word documents: fonts from styles and theme; Calibri is replaced by Carlito here.
    // (Word 2011 for Mac's blank document uses its theme's body font, Cambria.)
    let blank = file(&inv, "python-docx/doc-default.docx");
    assert_eq!(
        blank
            .fonts
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>(),
        ["Cambria"]
    );
    let d = file(&inv, "python-docx/par-known-styles.docx");
    assert_eq!(d.format.map(|f| f.extension), Some("docx"));
    let calibri = d
        .fonts
        .iter()
        .find(|u| u.name == "Calibri")
        .expect("Calibri used");
    assert_eq!(
        calibri.status,
        FontStatus::Replaced {
            by: "Carlito".into()
        }
    );
    // Cambria has a free equivalent that is not installed in this font set.
    assert!(inv.totals.fonts.iter().any(|f| f.name == "Cambria"
        && matches!(f.status, FontStatus::ToInstall { ref entry, .. } if entry == "caladea")));
    // Aptos (Microsoft 365's default) has none.
    assert!(
        inv.totals
            .fonts
            .iter()
            .any(|f| f.name.starts_with("Aptos") && f.status == FontStatus::NoEquivalent)
    );
}

fn walk_count(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if kitlibre::migrate::inventory::is_office_name(&p) {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn generated_documents_one_feature_each() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    write_tree(
        dir,
        &[
            ("courrier-fusion.docx", docx_with_template_and_merge()),
            ("budget-liens.xlsx", xlsx_with_links()),
            ("macros.xlsm", xlsm_with_vba()),
            ("sans-macros.xlsm", xlsm_without_vba()),
            ("ancien.doc", word97(0, false)),
            ("ancien-macros.doc", word97(0, true)),
            ("ancien-secret.doc", word97(0x0100, false)),
            ("modele.dot", word97(0x0001, false)),
            ("compta.xls", excel97(false, false, false)),
            ("compta-secret.xls", excel97(true, false, false)),
            ("compta-xlm.xls", excel97(false, true, false)),
            ("compta-vba.xls", excel97(false, false, true)),
            ("diapo.ppt", powerpoint97(false)),
            ("diapo-secret.ppt", powerpoint97(true)),
            ("secret.docx", encrypted_ooxml()),
            ("libre.odt", odt(false, false)),
            ("libre-secret.odt", odt(true, false)),
            ("libre-basic.odt", odt(false, true)),
            ("texte.doc", b"{\\rtf1\\ansi Bonjour}".to_vec()),
            ("notes.docx", b"juste du texte".to_vec()),
            ("vide.xlsx", Vec::new()),
            ("coupe.docx", minimal_docx(&[])[..200].to_vec()),
            ("photo.jpg", vec![0xFF, 0xD8, 0xFF]),
            ("~$courrier-fusion.docx", vec![0; 162]),
            (".~lock.libre.odt#", b"user,host".to_vec()),
        ],
    );
    let inv = run(dir);
    let f = |rel: &str| file(&inv, rel);

    let merge = f("courrier-fusion.docx");
    assert!(merge.findings.contains(&Finding::AttachedTemplate {
        target: "\\\\serveur\\modeles\\Courrier Mairie.dotm".into()
    }));
    assert!(merge.findings.contains(&Finding::MailMerge {
        source: "C:\\Adresses\\habitants.xlsx".into()
    }));
    assert_eq!(merge.readiness, Readiness::NeedsWork);

    let links = f("budget-liens.xlsx");
    assert!(links.findings.contains(&Finding::ExternalLinks {
        targets: vec!["\\\\serveur\\finances\\budget 2024.xlsx".into()]
    }));
    assert!(
        links
            .findings
            .contains(&Finding::DataConnections { count: 2 })
    );
    assert!(links.findings.contains(&Finding::FontWithoutEquivalent {
        font: "Aptos Narrow".into()
    }));

    assert!(f("macros.xlsm").has_macros());
    assert!(!f("sans-macros.xlsm").has_macros());
    assert_eq!(
        f("sans-macros.xlsm").format.map(|x| x.extension),
        Some("xlsm")
    );

    assert_eq!(f("ancien.doc").format.map(|x| x.extension), Some("doc"));
    assert_eq!(f("ancien.doc").readiness, Readiness::Check);
    assert!(f("ancien-macros.doc").has_macros());
    assert!(f("ancien-secret.doc").is_encrypted());
    assert!(f("modele.dot").format.is_some_and(|x| x.template));
    assert!(f("modele.dot").findings.contains(&Finding::Template));

    assert!(!f("compta.xls").is_encrypted());
    assert!(f("compta-secret.xls").is_encrypted());
    assert!(f("compta-xlm.xls").findings.contains(&Finding::Macros {
        kind: MacroKind::Xlm
    }));
    assert!(f("compta-vba.xls").findings.contains(&Finding::Macros {
        kind: MacroKind::Vba
    }));
    assert!(!f("diapo.ppt").is_encrypted());
    assert!(f("diapo-secret.ppt").is_encrypted());
    assert!(f("secret.docx").is_encrypted());

    // Its owner file (.~lock.libre.odt#) is beside it: to check, not ready.
    assert_eq!(f("libre.odt").readiness, Readiness::Check);
    assert_eq!(f("libre.odt").findings, vec![Finding::OpenElsewhere]);
    assert_eq!(f("libre.odt").fonts.len(), 1, "only the Latin font counts");
    assert!(f("libre-secret.odt").is_encrypted());
    assert!(f("libre-basic.odt").findings.contains(&Finding::Macros {
        kind: MacroKind::LibreOffice
    }));
    assert_eq!(f("libre-basic.odt").readiness, Readiness::Check);

    let rtf = f("texte.doc");
    assert_eq!(rtf.format.map(|x| x.container), Some(Container::Rtf));
    assert!(
        rtf.findings
            .contains(&Finding::ExtensionMismatch { real: "rtf".into() })
    );
    assert!(f("notes.docx").findings.contains(&Finding::NotADocument));
    assert!(f("vide.xlsx").findings.contains(&Finding::Empty));
    assert!(has(f("coupe.docx"), |x| matches!(
        x,
        Finding::Damaged { .. }
    )));

    // Lock files are left out with their reason; other files are counted, not read.
    let locks: Vec<&PathBuf> = inv
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::LockFile)
        .map(|s| &s.path)
        .collect();
    assert_eq!(locks.len(), 2, "{:?}", inv.skipped);
    // ... and the documents they name are said to be open elsewhere (what is not saved
    // will not be in the copy); the others are not.
    assert!(
        f("courrier-fusion.docx")
            .findings
            .contains(&Finding::OpenElsewhere)
    );
    assert!(f("libre.odt").findings.contains(&Finding::OpenElsewhere));
    assert!(!f("diapo.ppt").findings.contains(&Finding::OpenElsewhere));
    assert_eq!(inv.totals.other_files, 1);
    assert_eq!(inv.totals.encrypted, 5);
    assert_eq!(inv.totals.mail_merges, 1);
}

#[cfg(unix)]
#[test]
fn loops_broken_links_and_cancel() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    write_tree(dir, &[("a/lettre.docx", minimal_docx(&[]))]);
    std::os::unix::fs::symlink(dir, dir.join("a/boucle")).expect("symlink loop");
    std::os::unix::fs::symlink(dir.join("nulle-part.docx"), dir.join("a/casse.docx"))
        .expect("broken link");
    let inv = run(dir);
    assert_eq!(inv.files.len(), 1);
    assert!(
        inv.skipped
            .iter()
            .any(|s| s.reason == SkipReason::SymlinkLoop)
    );
    assert!(inv.skipped.iter().any(
        |s| matches!(s.reason, SkipReason::Unreadable { .. }) && s.path.ends_with("casse.docx")
    ));
    // A raised cancel flag stops the walk and says so.
    let cancelled =
        inventory(dir, &[], &fonts(), &mut |_| {}, &AtomicBool::new(true)).expect("inventory");
    assert!(cancelled.cancelled);
    assert!(cancelled.files.is_empty());
    // A missing folder is an error with words, not a panic.
    let err = inventory(
        &dir.join("absent"),
        &[],
        &fonts(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect_err("missing folder");
    assert!(
        err.message(kitlibre::catalog::model::Lang::Fr)
            .contains("n'existe pas")
    );
}

#[test]
fn output_folder_inside_is_left_out() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path();
    write_tree(
        dir,
        &[
            ("a.docx", minimal_docx(&[])),
            ("converti/a.odt", odt(false, false)),
        ],
    );
    let inv = inventory(
        dir,
        &[dir.join("converti")],
        &fonts(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect("inventory");
    assert_eq!(inv.files.len(), 1);
    assert_eq!(inv.files[0].path, Path::new("a.docx"));
}

const PROFILE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office/Factories/org.openoffice.Setup:Factory[&apos;com.sun.star.text.TextDocument&apos;]"><prop oor:name="ooSetupFactoryDefaultFilter" oor:op="fuse"><value>MS Word 97</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office/Factories/org.openoffice.Setup:Factory[&apos;com.sun.star.text.TextDocument&apos;]"><prop oor:name="ooSetupFactoryWindowAttributes" oor:op="fuse"><value>0,0,800,600;1;</value></prop></item>
<item oor:path="/org.openoffice.Office.Paths/Variables"><prop oor:name="Work" oor:op="fuse"><value>file:///home/agent/Documents</value></prop></item>
</oor:items>
"#;

#[test]
fn default_format_merges_and_keeps_everything_else() {
    let before = xcu::read(PROFILE).expect("read");
    assert_eq!(before.text.as_deref(), Some("MS Word 97"));
    assert_eq!(before.format(), None);

    let merged = xcu::merge(Some(PROFILE), DefaultFormat::Ooxml).expect("merge");
    let after = xcu::read(&merged).expect("read merged");
    assert_eq!(after.format(), Some(DefaultFormat::Ooxml));
    assert_eq!(after.warn_alien_format, Some(false));
    // The person's other settings are all still there, once.
    for kept in [
        "FirstRun",
        "ooSetupFactoryWindowAttributes",
        "file:///home/agent/Documents",
    ] {
        assert_eq!(merged.matches(kept).count(), 1, "{kept} kept once");
    }
    assert!(!merged.contains("MS Word 97"), "the old value is replaced");
    // Merging again changes nothing; going back to ODF replaces, never duplicates.
    assert_eq!(
        xcu::merge(Some(&merged), DefaultFormat::Ooxml).expect("again"),
        merged
    );
    let odf = xcu::merge(Some(&merged), DefaultFormat::Odf).expect("odf");
    assert_eq!(
        xcu::read(&odf).expect("read").format(),
        Some(DefaultFormat::Odf)
    );
    assert_eq!(odf.matches("ooSetupFactoryDefaultFilter").count(), 3);
    // No file yet: a valid one is made.
    let fresh = xcu::merge(None, DefaultFormat::Odf).expect("fresh");
    assert_eq!(
        xcu::read(&fresh).expect("read").format(),
        Some(DefaultFormat::Odf)
    );
    // A broken file is refused, not rewritten.
    assert!(xcu::merge(Some("<oor:items><item>"), DefaultFormat::Odf).is_err());
}

#[test]
fn default_format_apply_backs_up_and_waits_for_libreoffice() {
    let tmp = tempfile::tempdir().expect("tmp");
    let profile = tmp.path().join("user");
    std::fs::create_dir_all(&profile).expect("profile");
    let file = profile.join(xcu::FILE);
    std::fs::write(&file, PROFILE).expect("write");
    // LibreOffice open: nothing is written.
    let err = xcu::apply(&profile, DefaultFormat::Ooxml, true).expect_err("running");
    assert!(matches!(err, xcu::XcuError::Running));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), PROFILE);
    // Closed: written, with a backup of the file as it was.
    let applied = xcu::apply(&profile, DefaultFormat::Ooxml, false).expect("apply");
    let backup = applied.backup.expect("backup made");
    assert_eq!(std::fs::read_to_string(&backup).expect("backup"), PROFILE);
    let now = std::fs::read_to_string(&file).expect("read");
    assert_eq!(
        xcu::read(&now).expect("read").format(),
        Some(DefaultFormat::Ooxml)
    );
    // Asking again: nothing to change, no new backup.
    let again = xcu::apply(&profile, DefaultFormat::Ooxml, true).expect("unchanged");
    assert!(again.unchanged && again.backup.is_none());
    // A profile with no file yet gets one.
    let empty = tmp.path().join("new-user");
    let made = xcu::apply(&empty, DefaultFormat::Odf, false).expect("new");
    assert!(made.backup.is_none() && made.file.is_file());
}

#[test]
fn owner_files_name_their_document_the_way_office_and_libreoffice_write_them() {
    use kitlibre::migrate::inventory::owner_file_names;
    // Word and PowerPoint: the first two characters of a long name replaced, one of a
    // seven-character stem; Excel: the whole name; LibreOffice: .~lock.NAME#.
    assert!(owner_file_names(
        "~$pport annuel.docx",
        "Rapport annuel.docx"
    ));
    assert!(owner_file_names("~$urrier.docx", "Courrier.docx"));
    assert!(owner_file_names("~$ettre.doc", "Lettre.doc"));
    assert!(owner_file_names("~$Budget.xlsx", "budget.xlsx"));
    assert!(owner_file_names(".~lock.libre.odt#", "libre.odt"));
    // Not the same document.
    assert!(!owner_file_names("~$pport.docx", "Support annuel.docx"));
    assert!(!owner_file_names("~$x.docx", "annexe.docx"));
    assert!(!owner_file_names("~$", "a.docx"));
    assert!(!owner_file_names(".~lock.libre.odt#", "libre.ods"));
    assert!(!owner_file_names("rapport.docx", "rapport.docx"));
}
