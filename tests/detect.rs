//! Detection on fixture machines (tests/fixtures/{windows,macos,linux}/*): every program a
//! real machine shows must be reported under the right name and recognised as the right
//! catalogue entry (or stay unknown), and nothing else may be reported.

mod common;

use kitlibre::catalog::model::Lang;
use kitlibre::catalog::{Catalog, load_embedded};
use kitlibre::cli_scan::unknown_os;
use kitlibre::detect::linux::Roots;
use kitlibre::detect::matching::Matcher;
use kitlibre::detect::os::Family;
use kitlibre::detect::scan::{Inputs, ScanReport, build_report, jobs, run_jobs};
use kitlibre::detect::{SourceKind, windows::RegistrySnapshot};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| load_embedded().catalog);
static MATCHER: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(&CATALOG));

#[derive(Deserialize)]
struct Expected {
    #[serde(default)]
    program: Vec<ExpectedProgram>,
    /// Things on disk that must not be reported (documentation: anything reported and not
    /// listed in `program` already fails the comparison).
    #[serde(default)]
    #[allow(dead_code)]
    not_reported: Vec<NotReported>,
    /// Items that must survive without a prescribed name: reported under a name starting
    /// with this prefix.
    #[serde(default)]
    tolerated: Vec<Tolerated>,
}

#[derive(Deserialize)]
struct Tolerated {
    name_prefix: String,
    matches: String,
}

#[derive(Deserialize)]
struct ExpectedProgram {
    name: String,
    #[serde(default)]
    source: Option<String>,
    matches: String,
    #[serde(default)]
    version: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct NotReported {
    name: String,
    #[serde(default)]
    source: Option<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn expected(dir: &Path) -> Expected {
    let text = std::fs::read_to_string(dir.join("expected.toml")).expect("expected.toml");
    toml::from_str(&text).expect("expected.toml parses")
}

fn source_code_matches(kind: SourceKind, code: &str) -> bool {
    match code {
        "dpkg" => kind == SourceKind::Dpkg,
        "flatpak" => matches!(kind, SourceKind::FlatpakSystem | SourceKind::FlatpakUser),
        "snap" => kind == SourceKind::Snap,
        "desktop" => kind == SourceKind::Desktop,
        "appimage" => kind == SourceKind::AppImage,
        "bundle" => kind == SourceKind::MacBundle,
        _ => kind.code() == code,
    }
}

fn scan(inputs: Inputs, family: Family) -> ScanReport {
    let started = Instant::now();
    let gathered = run_jobs(jobs(&inputs), Duration::from_secs(20));
    build_report(
        &CATALOG,
        &MATCHER,
        unknown_os(family),
        gathered,
        Lang::Fr,
        kitlibre::catalog::model::Date::today(),
        started,
    )
}

/// Compares a report with expected.toml; returns every difference.
fn compare(report: &ScanReport, exp: &Expected) -> Vec<String> {
    let mut problems = Vec::new();
    let mut used = vec![false; report.programs.len()];
    for e in &exp.program {
        let found: Vec<usize> = report
            .programs
            .iter()
            .enumerate()
            .filter(|(i, p)| {
                !used[*i]
                    && p.installed.name == e.name
                    && e.source
                        .as_deref()
                        .is_none_or(|s| source_code_matches(p.installed.source, s))
            })
            .map(|(i, _)| i)
            .collect();
        let Some(&i) = found.first() else {
            problems.push(format!("not reported: {:?} ({:?})", e.name, e.source));
            continue;
        };
        used[i] = true;
        let p = &report.programs[i];
        let got = p.matched.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        if got != e.matches {
            problems.push(format!(
                "{:?} [{}]: matched {:?}, expected {:?} ({:?})",
                e.name,
                p.installed.source.code(),
                got,
                e.matches,
                p.matched.as_ref().map(|m| &m.reason)
            ));
        }
        if let Some(v) = &e.version
            && p.installed.version.as_deref() != Some(v.as_str())
        {
            problems.push(format!(
                "{:?}: version {:?}, expected {v:?}",
                e.name, p.installed.version
            ));
        }
    }
    for t in &exp.tolerated {
        let found = report
            .programs
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.installed.name.starts_with(&t.name_prefix));
        match found {
            Some((i, p)) => {
                used[i] = true;
                let got = p.matched.as_ref().map(|m| m.id.as_str()).unwrap_or("");
                if got != t.matches {
                    problems.push(format!(
                        "{:?}: matched {got:?}, expected {:?}",
                        p.installed.name, t.matches
                    ));
                }
            }
            None => problems.push(format!(
                "not reported: a name starting with {:?}",
                t.name_prefix
            )),
        }
    }
    for (i, p) in report.programs.iter().enumerate() {
        if !used[i] {
            problems.push(format!(
                "unexpected: {:?} [{}] -> {:?}",
                p.installed.name,
                p.installed.source.code(),
                p.matched.as_ref().map(|m| &m.id)
            ));
        }
    }
    problems
}

fn assert_machine(report: &ScanReport, dir: &Path) {
    let problems = compare(report, &expected(dir));
    assert!(
        problems.is_empty(),
        "{}: {} problem(s):\n{}",
        dir.display(),
        problems.len(),
        problems.join("\n")
    );
}

fn windows_machine(name: &str) {
    let dir = fixtures().join("windows").join(name);
    let text = std::fs::read_to_string(dir.join("registry.json")).expect("registry.json");
    let snap = RegistrySnapshot::from_json(&text).expect("snapshot");
    let inputs = Inputs {
        windows_snapshot: Some(snap),
        ..Inputs::default()
    };
    assert_machine(&scan(inputs, Family::Windows), &dir);
}

#[test]
fn windows_agent_pc_with_office_2019() {
    windows_machine("agent-office2019");
}

#[test]
fn windows_home_pc_with_microsoft_365() {
    windows_machine("resident-home-m365");
}

#[test]
fn windows_hostile_registry() {
    windows_machine("hostile");
}

/// Copies a fixture tree into a temporary directory, keeping symbolic links as links.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read fixture") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        let ft = e.file_type().expect("file type");
        if ft.is_symlink() {
            let link = std::fs::read_link(e.path()).expect("read link");
            std::os::unix::fs::symlink(link, &target).expect("symlink");
        } else if ft.is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

fn macos_inputs(root: &Path) -> Inputs {
    let mut folders = kitlibre::detect::macos::default_folders(root, None);
    folders.push(root.join("Users/marie/Applications"));
    Inputs {
        macos_folders: Some(folders),
        ..Inputs::default()
    }
}

#[test]
fn macos_designer_mac() {
    let dir = fixtures().join("macos/designer-mac");
    assert_machine(&scan(macos_inputs(&dir), Family::Macos), &dir);
}

#[test]
fn macos_hostile_bundles_with_a_huge_plist_and_symlink_loops() {
    let dir = fixtures().join("macos/hostile");
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_tree(&dir, tmp.path());
    let root = tmp.path();
    // The 5 MB Info.plist (not stored in the repository).
    let big = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>\
<key>CFBundleIdentifier</key><string>org.inkscape.Inkscape</string>\
<key>CFBundleName</key><string>Inkscape</string>\
<key>CFBundleShortVersionString</key><string>1.4.0</string>\
<key>NSHumanReadableCopyright</key><string>{}</string></dict></plist>\n",
        "Inkscape is a free and open source vector graphics editor. ".repeat(85_000)
    );
    std::fs::write(
        root.join("Applications/Inkscape.app/Contents/Info.plist"),
        big,
    )
    .expect("big plist");
    // Symbolic link loops.
    std::os::unix::fs::symlink(".", root.join("Applications/Loop")).expect("loop");
    std::fs::create_dir_all(root.join("Users/marie/Applications")).expect("mkdir");
    std::os::unix::fs::symlink("..", root.join("Users/marie/Applications/Up")).expect("loop");
    assert_machine(&scan(macos_inputs(root), Family::Macos), &dir);
}

fn linux_inputs(root: &Path) -> Inputs {
    let mut roots = Roots::under(root, Some(&root.join("home/lea")));
    roots.desktops = vec!["UBUNTU".into(), "GNOME".into()];
    Inputs {
        linux: Some(roots),
        ..Inputs::default()
    }
}

#[test]
fn linux_ubuntu_desktop() {
    let dir = fixtures().join("linux/ubuntu-desktop");
    assert_machine(&scan(linux_inputs(&dir.join("root")), Family::Linux), &dir);
}

#[test]
fn linux_hostile_files_and_symlink_loops() {
    let dir = fixtures().join("linux/hostile");
    let tmp = tempfile::tempdir().expect("tempdir");
    copy_tree(&dir.join("root"), tmp.path());
    let root = tmp.path();
    let link = |target: &str, at: &str| {
        let at = root.join(at);
        if let Some(parent) = at.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::os::unix::fs::symlink(target, at).expect("symlink");
    };
    link(".", "usr/share/applications/loop");
    link("..", "home/lea/Applications/up");
    link("current", "snap/loopy/current");
    link("current", "var/lib/flatpak/app/org.example.Loop/current");
    assert_machine(&scan(linux_inputs(root), Family::Linux), &dir);
}

#[test]
fn scan_on_this_machine_agrees_with_dpkg_query() {
    // Where dpkg exists, the scan reports exactly the packages dpkg-query says are installed.
    let Ok(out) = std::process::Command::new("dpkg-query")
        .args(["-W", "-f", "${Package}\\t${db:Status-Abbrev}\\n"])
        .output()
    else {
        println!("notice: dpkg-query is absent; comparison skipped");
        return;
    };
    let mut expected: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (pkg, status) = l.split_once('\t')?;
            // "ii " installed, "hi " held and installed.
            status
                .get(1..2)
                .filter(|s| *s == "i")
                .map(|_| pkg.split(':').next().unwrap_or(pkg).to_owned())
        })
        .collect();
    expected.sort();
    expected.dedup();
    let result = kitlibre::detect::linux::dpkg::read(&Roots::under(Path::new("/"), None))
        .expect("dpkg status");
    let mut got: Vec<String> = result.programs.iter().map(|p| p.name.clone()).collect();
    got.sort();
    assert_eq!(
        got.len(),
        expected.len(),
        "same number of installed packages"
    );
    assert_eq!(got, expected);
}
