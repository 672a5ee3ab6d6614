//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A small valid catalogue: two categories, two proprietary entries, two free ones,
/// three replacements. Tests copy it and break one thing at a time.
pub fn good_catalog() -> Vec<(&'static str, String)> {
    vec![
        (
            "categories.toml",
            r#"
[[category]]
id = "office"
pictogram = "document"
name.fr = "Bureautique"
name.en = "Office"
description.fr = "Écrire des textes."
description.en = "Write documents."

[[category]]
id = "graphics"
pictogram = "palette"
name.fr = "Images"
name.en = "Images"
description.fr = "Retoucher des photos."
description.en = "Edit photos."
"#
            .to_owned(),
        ),
        (
            "proprietary/acme-word.toml",
            r#"name = "Acme Word"
kind = "software"
category = "office"
vendor = "Acme"
platforms = ["windows", "macos"]
homepage = "https://acme.example.com/word"
aliases = ["AWord"]
keywords.fr = ["traitement de texte"]
keywords.en = ["word processor"]
summary.fr = "Un traitement de texte."
summary.en = "A word processor."

[[concerns]]
kind = "cost"
fr = "Payant."
en = "Paid."

[detect.windows]
display_name = ['^Acme Word\b']
upgrade_codes = ["{4B17E523-5D91-4E69-BD96-7FD81CFA81BB}"]

[provenance]
sources = ["https://acme.example.com/"]
checked = 2026-01-01
"#
            .to_owned(),
        ),
        (
            "proprietary/acme-paint.toml",
            r#"name = { fr = "Acme Peinture", en = "Acme Paint" }
kind = "software"
category = "graphics"
vendor = "Acme"
platforms = ["windows"]
summary.fr = "Un logiciel de dessin."
summary.en = "A drawing program."

[[concerns]]
kind = "lock-in"
fr = "Format fermé."
en = "Closed format."

[provenance]
sources = ["https://acme.example.com/"]
checked = 2026-01-01
"#
            .to_owned(),
        ),
        (
            "free/freewriter.toml",
            r#"name = "FreeWriter"
kind = "software"
category = "office"
license = "MPL-2.0"
homepage = "https://freewriter.example.org/"
platforms = ["windows", "macos", "linux"]
difficulty = "easy"
summary.fr = "Un traitement de texte libre."
summary.en = "A free word processor."
description.fr = "Il écrit des textes."
description.en = "It writes documents."

[install]
winget = "Free.Writer"
flathub = "org.example.FreeWriter"
debian = "freewriter"
download_page = "https://freewriter.example.org/download"

[provenance]
sources = ["https://freewriter.example.org/"]
checked = 2026-01-01
"#
            .to_owned(),
        ),
        (
            "free/freepaint.toml",
            r#"name = "FreePaint"
kind = "software"
category = "graphics"
license = "GPL-3.0-or-later"
homepage = "https://freepaint.example.org/"
platforms = ["windows", "linux", "android"]
difficulty = "medium"
summary.fr = "Un logiciel de dessin libre."
summary.en = "A free drawing program."
description.fr = "Il dessine."
description.en = "It draws."

[install]
fdroid = "org.example.freepaint"

[provenance]
sources = ["https://freepaint.example.org/"]
checked = 2026-01-01
"#
            .to_owned(),
        ),
        (
            "replacements/acme-word--freewriter.toml",
            r#"proprietary = "acme-word"
free = "freewriter"
platforms = ["windows", "macos"]
fit = "close"
components = [{ from = "AWord", to = "Writer" }]
summary.fr = "Presque pareil."
summary.en = "Almost the same."

[[carries_over]]
fr = "Les documents."
en = "Documents."

[provenance]
sources = ["https://freewriter.example.org/"]
checked = 2026-01-01
"#
            .to_owned(),
        ),
        (
            "replacements/acme-paint--freepaint.toml",
            r#"proprietary = "acme-paint"
free = "freepaint"
platforms = ["windows"]
fit = "different"
summary.fr = "Autre façon."
summary.en = "Another way."

[provenance]
sources = ["https://freepaint.example.org/"]
checked = 2026-01-01
"#
            .to_owned(),
        ),
    ]
}

/// Writes `files` under a new temporary directory.
pub fn write_catalog(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(&full, text).expect("write fixture");
    }
    dir
}

/// The good catalogue with one file's text passed through `edit`.
pub fn with_edit(path: &str, edit: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
    let mut files = good_catalog();
    let mut found = false;
    for (p, text) in files.iter_mut() {
        if *p == path {
            *text = edit(text);
            found = true;
        }
    }
    assert!(found, "fixture {path} exists");
    files
}

/// ../shared/data, when the shared folder sits beside the project.
pub fn shared_data() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if p.is_dir() {
        Some(p)
    } else {
        println!("notice: ../shared/data is absent; this check is skipped");
        None
    }
}

/// The kitlibre binary built for the tests.
pub fn bin() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kitlibre"));
    // Tests must not depend on the machine's language or settings.
    c.env_remove("KITLIBRE_CATALOG")
        .env("LANG", "C")
        .env("LC_ALL", "C");
    c
}
pub mod docs;

/// Whether a LibreOffice (soffice) is on the PATH for the tests that drive it. Without it the
/// test fails, unless the person running the tests said it may be missing
/// (KITLIBRE_ALLOW_NO_LIBREOFFICE=1): then it says so and the check is skipped.
pub fn libreoffice_here() -> bool {
    let found = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|d| d.join("soffice").is_file()));
    if found {
        return true;
    }
    if std::env::var_os("KITLIBRE_ALLOW_NO_LIBREOFFICE").is_some() {
        eprintln!("notice: LibreOffice is not installed; the check that needs it is skipped");
        return false;
    }
    panic!(
        "LibreOffice (soffice) is needed: scripts/run-tests.sh installs it, or set \
         KITLIBRE_ALLOW_NO_LIBREOFFICE=1 to skip this test"
    );
}

/// Builds `dir/app.msi` from WiX source with msitools' wixl (64-bit package); the files
/// the source names are looked for in `dir`.
pub fn wixl(dir: &Path, wxs: &str) -> PathBuf {
    assert!(
        which::which("wixl").is_ok(),
        "this test needs `wixl` (Debian package wixl); scripts/run-tests.sh installs it"
    );
    std::fs::write(dir.join("app.wxs"), wxs).expect("app.wxs");
    let out = std::process::Command::new("wixl")
        .current_dir(dir)
        // wixl writes strings in the locale's code page: Windows-1252 under C.UTF-8.
        .env("LC_ALL", "C.UTF-8")
        .args(["-a", "x64", "-o", "app.msi", "app.wxs"])
        .output()
        .expect("wixl runs");
    assert!(
        out.status.success(),
        "wixl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join("app.msi")
}
