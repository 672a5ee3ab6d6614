//! The catalogue shipped with the kit: complete, valid, and the same as catalog/.

mod common;

use kitlibre::catalog::model::{Date, Lang};
use kitlibre::catalog::validate::{CheckOptions, check};
use kitlibre::catalog::winget::WingetIndex;
use kitlibre::catalog::{load_dir, load_embedded};
use std::path::Path;

#[test]
fn the_embedded_catalogue_passes_every_check() {
    let loaded = load_embedded();
    let index = common::shared_data()
        .map(|d| WingetIndex::from_path(&d.join("winget-index.csv")).expect("winget index"));
    let report = check(
        &loaded,
        CheckOptions {
            winget: index.as_ref(),
            today: Date::today(),
        },
    );
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.severity() == kitlibre::catalog::problem::Severity::Error)
        .map(|p| p.render("catalog", Lang::En))
        .collect();
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    assert!(index.is_none() || report.winget_checked);
}

#[test]
fn the_catalogue_covers_what_people_use() {
    let cat = load_embedded().catalog;
    assert!(
        cat.proprietary.len() >= 90,
        "{} proprietary",
        cat.proprietary.len()
    );
    assert!(cat.free.len() >= 130, "{} free", cat.free.len());
    for p in &cat.proprietary {
        assert!(
            !cat.alternatives(&p.id).is_empty(),
            "{} has no alternative",
            p.id
        );
    }
    for id in [
        "microsoft-word",
        "microsoft-excel",
        "microsoft-powerpoint",
        "microsoft-outlook",
        "microsoft-access",
        "microsoft-publisher",
        "microsoft-onenote",
        "microsoft-visio",
        "adobe-acrobat-reader",
        "adobe-photoshop",
        "adobe-illustrator",
        "adobe-lightroom",
        "adobe-indesign",
        "canva",
        "adobe-premiere-pro",
        "adobe-after-effects",
        "apple-itunes",
        "google-chrome",
        "microsoft-edge",
        "apple-safari",
        "opera",
        "gmail",
        "outlook-com",
        "yahoo-mail",
        "google-search",
        "microsoft-bing",
        "google-drive",
        "microsoft-onedrive",
        "dropbox",
        "apple-icloud",
        "wetransfer",
        "whatsapp",
        "facebook-messenger",
        "skype",
        "microsoft-teams",
        "zoom",
        "slack",
        "discord",
        "facebook",
        "x-twitter",
        "instagram",
        "tiktok",
        "linkedin",
        "youtube",
        "google-maps",
        "google-calendar",
        "doodle",
        "google-forms",
        "evernote",
        "google-keep",
        "google-translate",
        "google-analytics",
        "lastpass",
        "winrar",
        "winzip",
        "autocad",
        "google-play-store",
        "google-play-services",
        "apple-ios",
        "microsoft-windows-10",
        "microsoft-windows-11",
        "apple-macos",
    ] {
        assert!(
            cat.proprietary(id).is_some(),
            "missing proprietary entry {id}"
        );
    }
    for id in [
        "libreoffice",
        "firefox",
        "thunderbird",
        "gimp",
        "inkscape",
        "vlc",
        "signal",
        "fdroid",
        "e-os",
        "lineageos",
        "linux-mint",
        "ubuntu",
        "debian",
        "fedora",
        "primtux",
        "emmabuntus",
        "7-zip",
        "keepassxc",
        "nextcloud",
    ] {
        assert!(cat.free(id).is_some(), "missing free entry {id}");
    }
}

#[test]
fn every_category_is_used_and_named_in_both_languages() {
    let cat = load_embedded().catalog;
    for c in &cat.categories {
        assert!(!c.name.fr.is_empty() && !c.name.en.is_empty(), "{}", c.id);
        assert!(
            !cat.in_category(&c.id, Lang::Fr).is_empty(),
            "category {} is empty",
            c.id
        );
    }
}

#[test]
fn the_embedded_copy_is_the_catalog_directory() {
    let embedded = load_embedded().catalog;
    let dir = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog"))
        .expect("catalog directory")
        .catalog;
    let ids = |c: &kitlibre::catalog::Catalog| {
        let mut v: Vec<String> = c
            .proprietary
            .iter()
            .map(|p| p.id.clone())
            .chain(c.free.iter().map(|f| f.id.clone()))
            .chain(c.replacements.iter().map(|r| r.id.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&embedded), ids(&dir));
    assert_eq!(embedded.proprietary, dir.proprietary);
    assert_eq!(embedded.free, dir.free);
}
