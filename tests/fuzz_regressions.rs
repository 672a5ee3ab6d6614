//! Regression inputs of the fuzz targets (fuzz/, see fuzz/README.md): every file under
//! tests/fixtures/fuzz/<target>/ goes through the same library call as that target and
//! must come back normally (no panic, no hang, no memory blow-up), with a result that is
//! an error or a clean record, never garbage. The files are crashes the fuzzers found
//! (minimised) and hand-made hostile inputs (deep nesting, huge declared sizes, invalid
//! UTF-8, NUL bytes, enormous lines).
//!
//! Tests run on threads with Rust's default 2 MiB stack, the same as the scan's reader
//! threads, so a recursion that a deep input could push too far fails here.

use kitlibre::catalog::Origin;
use kitlibre::catalog::load::{SourceFile, parse_files};
use kitlibre::catalog::model::{Date, Lang};
use kitlibre::catalog::validate::{CheckOptions, check};
use kitlibre::detect::linux::desktop::parse_entry;
use kitlibre::detect::linux::dpkg::parse_status;
use kitlibre::detect::linux::flatpak::parse_metainfo;
use kitlibre::detect::linux::rpm::parse_output;
use kitlibre::detect::linux::snap::{MAX_YAML_NODES, parse_snap_yaml};
use kitlibre::detect::macos::{MAX_PLIST_DEPTH, parse_info_plist};
use kitlibre::detect::windows::{RegistrySnapshot, pack_guid, parse_snapshot, unpack_guid};
use kitlibre::detect::{Installed, MAX_TEXT, SourceResult, clean};
use kitlibre::migrate::OFFICE_EXTENSIONS;
use kitlibre::migrate::fonts::FontEnv;
use kitlibre::migrate::inspect::{Finding, inspect_reader};
use kitlibre::migrate::inventory::report_for;
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The regression inputs of one target, by file name. A folder with no file fails: every
/// target has inputs.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("readable fixture"))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no regression input in {}", dir.display());
    out
}

/// One input by name (for the checks that expect a particular outcome).
fn input(target: &str, name: &str) -> Vec<u8> {
    inputs(target)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("tests/fixtures/fuzz/{target}/{name} is missing"))
        .1
}

/// The cleaning rules every detected program follows, whatever the input.
fn assert_clean(p: &Installed, input: &str) {
    assert!(!p.name.is_empty(), "{input}: empty name");
    assert!(p.name.chars().count() <= MAX_TEXT, "{input}: name too long");
    assert!(
        !p.name.chars().any(char::is_control),
        "{input}: control character in {:?}",
        p.name
    );
    for t in [&p.publisher, &p.version].into_iter().flatten() {
        assert!(
            !t.is_empty() && t.chars().count() <= MAX_TEXT,
            "{input}: {t:?}"
        );
    }
}

fn assert_clean_result(r: &SourceResult, input: &str) {
    for p in &r.programs {
        assert_clean(p, input);
    }
}

/// Found by the rpm_output and desktop_entry targets: a name cut at MAX_TEXT characters could
/// end one character over it when a blank came just before the limit.
#[test]
fn cleaned_names_never_exceed_the_limit() {
    for n in MAX_TEXT - 4..MAX_TEXT + 4 {
        let name = format!("{} bcd", "a".repeat(n));
        let cleaned = clean(&name).expect("a name");
        assert!(
            cleaned.chars().count() <= MAX_TEXT,
            "{n}: {}",
            cleaned.len()
        );
        assert!(!cleaned.ends_with(' '), "{n}");
    }
}

// ---------------------------------------------------------------------------------------
// Catalogue

/// The catalog target's input form: files separated by NUL bytes, each its path on the first
/// line then its text (the same split as fuzz/fuzz_targets/catalog.rs).
fn catalogue_files(data: &[u8]) -> Vec<SourceFile> {
    data.split(|&b| b == 0)
        .take(24)
        .map(|chunk| {
            let (path, text) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (&chunk[..i], &chunk[i + 1..]),
                None => (chunk, &[][..]),
            };
            SourceFile {
                path: String::from_utf8_lossy(path).into_owned(),
                text: String::from_utf8(text.to_vec())
                    .map_err(|_| "not UTF-8 / pas en UTF-8".to_owned()),
            }
        })
        .collect()
}

#[test]
fn catalogue_inputs_load_and_check_with_problems_reported() {
    for (name, data) in inputs("catalog") {
        let loaded = parse_files(catalogue_files(&data), Origin::Embedded);
        let report = check(
            &loaded,
            CheckOptions {
                winget: None,
                today: Date {
                    year: 2026,
                    month: 1,
                    day: 1,
                },
            },
        );
        // Every input here is broken somewhere: the check must say so, in both languages.
        assert!(
            !report.is_ok(),
            "{name}: a hostile catalogue passed the check"
        );
        for p in &report.problems {
            assert!(!p.render("catalog", Lang::Fr).is_empty(), "{name}");
            assert!(!p.render("catalog", Lang::En).is_empty(), "{name}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Linux

#[test]
fn dpkg_status_inputs() {
    for (name, data) in inputs("dpkg_status") {
        let r = parse_status(&data);
        assert_clean_result(&r, &name);
        let mut seen = std::collections::HashSet::new();
        assert!(
            r.programs.iter().all(|p| seen.insert(p.name.clone())),
            "{name}"
        );
    }
    // A damaged line in the middle of a 3,000-line paragraph: the fields before it are kept
    // (this took minutes when the paragraph was cut one line at a time), the next paragraph
    // is read as usual.
    let r = parse_status(&input("dpkg_status", "damaged-line-in-huge-paragraph"));
    let names: Vec<(&str, Option<&str>)> = r
        .programs
        .iter()
        .map(|p| (p.name.as_str(), p.version.as_deref()))
        .collect();
    assert_eq!(names, [("big", Some("1")), ("next", Some("2"))]);
    // A NUL byte is a control character: cleaned out of the name, never kept.
    let r = parse_status(&input("dpkg_status", "nul-and-invalid-utf8"));
    assert!(r.programs.iter().all(|p| !p.name.contains('\0')));
}

#[test]
fn desktop_entry_inputs() {
    let desktops = ["GNOME".to_owned(), "KDE".to_owned()];
    let exists = |p: &str| p.len().is_multiple_of(2);
    for (name, data) in inputs("desktop_entry") {
        let text = String::from_utf8_lossy(&data);
        for d in [&desktops[..], &[]] {
            if let Ok(Some(item)) = parse_entry(
                "fuzz.desktop",
                Path::new("/usr/share/applications/fuzz.desktop"),
                &text,
                d,
                &exists,
            ) {
                assert_clean(&item, &name);
            }
        }
    }
}

#[test]
fn flatpak_metainfo_inputs() {
    for (name, data) in inputs("flatpak_metainfo") {
        if let Ok(text) = std::str::from_utf8(&data)
            && let Ok((app, version)) = parse_metainfo(text)
        {
            assert!(app.is_none_or(|a| !a.trim().is_empty()), "{name}");
            assert!(version.is_none_or(|v| !v.is_empty()), "{name}");
        }
    }
    // A file cut in the middle of a tag is an error, not a half-read result.
    let cut = input("flatpak_metainfo", "unclosed");
    assert!(parse_metainfo(std::str::from_utf8(&cut).expect("UTF-8")).is_err());
}

#[test]
fn snap_yaml_inputs() {
    for (name, data) in inputs("snap_yaml") {
        if let Ok(text) = std::str::from_utf8(&data)
            && let Ok(snap) = parse_snap_yaml(text)
        {
            assert!(!snap.name.is_empty(), "{name}");
        }
    }
    // Aliases of aliases (9 levels of 9) expanded to 387 million nodes and gigabytes of
    // memory; now refused before anything is built.
    let bomb = input("snap_yaml", "alias-bomb");
    let err = parse_snap_yaml(std::str::from_utf8(&bomb).expect("UTF-8")).expect_err("bomb");
    assert!(err.contains(&MAX_YAML_NODES.to_string()), "{err}");
    // A few aliases in a real-looking snap.yaml are still fine.
    let small = "name: ok\nversion: &v '1.0'\nother: *v\napps:\n  ok: {command: ok}\n";
    let snap = parse_snap_yaml(small).expect("small aliases");
    assert_eq!(snap.version.as_deref(), Some("1.0"));
    assert!(snap.has_apps);
}

#[test]
fn rpm_output_inputs() {
    for (name, data) in inputs("rpm_output") {
        if let Ok(text) = std::str::from_utf8(&data) {
            assert_clean_result(&parse_output(text), &name);
        }
    }
}

// ---------------------------------------------------------------------------------------
// macOS and Windows

#[test]
fn info_plist_inputs() {
    for (name, data) in inputs("info_plist") {
        if let Ok(info) = parse_info_plist(&data) {
            for t in [&info.name, &info.id, &info.version].into_iter().flatten() {
                assert!(!t.trim().is_empty(), "{name}");
            }
        }
    }
    // Binary plists whose trailer lies are refused, and so are plists nested deeper than any
    // real Info.plist (40,000 levels of ASCII-plist arrays overflowed the stack when the
    // parsed value was dropped; now refused past MAX_PLIST_DEPTH, with a message).
    for name in [
        "binary-huge-declared-count",
        "binary-self-reference",
        "ascii-deep-nesting",
        "deep-xml-nesting",
        "deep-dict-nesting",
    ] {
        assert!(
            parse_info_plist(&input("info_plist", name)).is_err(),
            "{name}"
        );
    }
    let deep = parse_info_plist(&input("info_plist", "ascii-deep-nesting")).expect_err("deep");
    assert!(deep.contains(&MAX_PLIST_DEPTH.to_string()), "{deep}");
    // A shallow ASCII plist still reads (the stream reader handles every plist format).
    let info = parse_info_plist(&input("info_plist", "ascii-shallow")).expect("ASCII plist");
    assert_eq!(info.name.as_deref(), Some("Café"));
    assert_eq!(info.id.as_deref(), Some("org.example.app"));
    assert_eq!(info.version, None, "an array is not a version");
}

#[test]
fn registry_inputs() {
    for (name, data) in inputs("registry") {
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        if let Ok(snapshot) = RegistrySnapshot::from_json(text) {
            for r in parse_snapshot(&snapshot) {
                assert_clean_result(&r, &name);
            }
        }
        if let Some(packed) = pack_guid(text) {
            let guid = unpack_guid(&packed).expect("a packed GUID unpacks");
            assert_eq!(pack_guid(&guid), Some(packed), "{name}");
        }
    }
    assert!(
        RegistrySnapshot::from_json(
            std::str::from_utf8(&input("registry", "deep-json")).expect("UTF-8")
        )
        .is_err()
    );
}

// ---------------------------------------------------------------------------------------
// Documents

/// A reader that counts the bytes drawn through it.
struct Counting<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

impl<R: Seek> Seek for Counting<R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// The document target's input form: the first byte picks the extension (every office
/// extension, then none), the rest is the file's content.
fn document(data: &[u8]) -> (&'static str, &[u8]) {
    let (&pick, content) = data
        .split_first()
        .expect("a document input has a first byte");
    let ext = OFFICE_EXTENSIONS
        .get(usize::from(pick) % (OFFICE_EXTENSIONS.len() + 1))
        .copied()
        .unwrap_or("");
    (ext, content)
}

#[test]
fn document_inputs_in_memory_and_through_the_inventory() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let fonts = FontEnv::from_families(["Liberation Serif"]);
    for (name, data) in inputs("document") {
        let (ext, content) = document(&data);
        let inspection = inspect_reader(Cursor::new(content), ext).expect("memory reads");
        assert!(
            inspection.format.is_some() || !inspection.findings.is_empty(),
            "{name}: neither a format nor a reason"
        );
        // The inventory's own path: a file on disk with that extension.
        let path: PathBuf = dir.path().join(if ext.is_empty() {
            name.clone()
        } else {
            format!("{name}.{ext}")
        });
        std::fs::write(&path, content).expect("write");
        let report = report_for(dir.path(), &path, &fonts);
        assert_eq!(report.format, inspection.format, "{name}");
        assert_eq!(report.size, content.len() as u64);
    }
    // 400 slide entries of a presentation point at one part that inflates to 8 MiB: the whole
    // read was 3.2 GB of XML (minutes); now at most MAX_PACKAGE_XML (256 MiB) of XML is read
    // from one package. Measured without a clock: the compressed bytes drawn from the file.
    let bomb = input("document", "pptx-overlapping-entries");
    let (ext, content) = document(&bomb);
    let mut counted = Counting {
        inner: Cursor::new(content),
        read: 0,
    };
    let inspection = inspect_reader(&mut counted, ext).expect("memory reads");
    assert_eq!(inspection.format.map(|f| f.extension), Some("pptx"));
    assert!(inspection.fonts.contains("Overlap"), "{inspection:?}");
    let every_entry = 400 * 8227;
    assert!(
        counted.read < every_entry / 4,
        "{} compressed bytes read: every entry was inflated",
        counted.read
    );

    // Damaged packages are reported as such (they cannot be converted), not as documents.
    for name in ["docx-truncated", "zip-eocd-lies", "ole-absurd-header"] {
        let data = input("document", name);
        let (ext, content) = document(&data);
        let inspection = inspect_reader(Cursor::new(content), ext).expect("memory reads");
        assert!(inspection.format.is_none(), "{name}: {inspection:?}");
        assert!(
            inspection.findings.iter().any(Finding::blocks_conversion),
            "{name}: {inspection:?}"
        );
    }
}
