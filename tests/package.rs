//! The packages. On Linux: the Debian package built with cargo-deb from the very binary
//! these tests were built with (no release build here: a cold LTO build is far too slow
//! for CI), its control fields and contents, its desktop entry and AppStream metadata
//! validated with the freedesktop tools, then installed and run: with `dpkg -i` as root
//! (and removed afterwards, even when the test fails), else unpacked with `dpkg -x` into
//! a temporary root. Everywhere: the application id and the version agree across
//! Cargo.toml, the desktop entry, the metainfo, the Flatpak manifest, the Windows
//! installer scripts and manifest, and the macOS Info.plist, so that they cannot drift apart.
//!
//! `KITLIBRE_PACKAGE_TEST_EXTRACT=1` takes the `dpkg -x` path even as root.
//! A missing tool fails the test with the Debian package to install (scripts/run-tests.sh
//! installs them all); nothing is skipped silently.

use std::path::{Path, PathBuf};

const APP_ID: &str = "io.frama.kitlibre.KitLibre";
const VERSION: &str = env!("CARGO_PKG_VERSION");
const ICON_SIZES: [u32; 7] = [16, 32, 48, 64, 128, 256, 512];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    // NSIS reads UTF-8 scripts by their byte-order mark.
    text.trim_start_matches('\u{feff}').to_owned()
}

/// `key=value` lines of the `[Desktop Entry]` group, in order.
fn desktop_entry(text: &str) -> Vec<(String, String)> {
    let mut in_main = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('[') {
            in_main = line == "[Desktop Entry]";
        } else if in_main && let Some((k, v)) = line.split_once('=') {
            out.push((k.to_owned(), v.to_owned()));
        }
    }
    out
}

/// What tests/package.rs needs to know of the metainfo file.
#[derive(Default, Debug)]
struct Metainfo {
    id: String,
    launchable: String,
    icon: String,
    project_license: String,
    metadata_license: String,
    homepage: String,
    /// Newest first, as AppStream lists them.
    releases: Vec<String>,
    /// Per element name (name, summary, p, li, under <component> and <description> but
    /// not under <releases>): how many untranslated and how many in French.
    texts: std::collections::BTreeMap<String, (usize, usize)>,
}

fn parse_metainfo(xml: &str) -> Metainfo {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut m = Metainfo::default();
    let mut stack: Vec<(String, Option<String>, Option<String>)> = Vec::new(); // name, lang, type
    let attr = |e: &quick_xml::events::BytesStart<'_>, key: &[u8]| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .map(|a| String::from_utf8_lossy(&a.value).into_owned())
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let lang = attr(&e, b"xml:lang");
                if name == "release" {
                    m.releases.push(attr(&e, b"version").unwrap_or_default());
                }
                let in_releases = stack.iter().any(|(n, _, _)| n == "releases");
                if !in_releases && ["name", "summary", "p", "li"].contains(&name.as_str()) {
                    // <name> of <developer> is not the application's.
                    let parent = stack.last().map(|(n, _, _)| n.as_str());
                    if parent != Some("developer") {
                        let counts = m.texts.entry(name.clone()).or_default();
                        match lang.as_deref() {
                            None => counts.0 += 1,
                            Some("fr") => counts.1 += 1,
                            Some(_) => {}
                        }
                    }
                }
                stack.push((name, lang, attr(&e, b"type")));
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == b"release" => {
                m.releases.push(attr(&e, b"version").unwrap_or_default());
            }
            Ok(Event::Text(t)) => {
                let text = t.decode().map(|c| c.trim().to_owned()).unwrap_or_default();
                let Some((name, lang, kind)) = stack.last() else {
                    continue;
                };
                if lang.is_some() || stack.len() != 2 {
                    continue;
                }
                match (name.as_str(), kind.as_deref()) {
                    ("id", _) => m.id = text,
                    ("launchable", Some("desktop-id")) => m.launchable = text,
                    ("icon", Some("stock")) => m.icon = text,
                    ("project_license", _) => m.project_license = text,
                    ("metadata_license", _) => m.metadata_license = text,
                    ("url", Some("homepage")) => m.homepage = text,
                    _ => {}
                }
            }
            Ok(Event::End(_)) => {
                stack.pop();
            }
            Ok(Event::Eof) => break,
            Err(e) => panic!("metainfo is not well-formed XML: {e}"),
            _ => {}
        }
    }
    m
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(
        bytes.len() > 24 && bytes.starts_with(b"\x89PNG\r\n\x1a\n") && &bytes[12..16] == b"IHDR",
        "{} is not a PNG",
        path.display()
    );
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn ids_and_versions_agree_across_every_recipe() {
    // Cargo.toml: the version, the licence, the site, the Debian package's files.
    let cargo: toml::Table = toml::from_str(&read("Cargo.toml")).expect("Cargo.toml");
    let package = cargo["package"].as_table().expect("[package]");
    assert_eq!(package["version"].as_str(), Some(VERSION));
    let license = package["license"].as_str().expect("license");
    let homepage = package["homepage"].as_str().expect("homepage in [package]");
    assert_eq!(homepage, "https://kitlibre.frama.io");
    let deb = package["metadata"]["deb"]
        .as_table()
        .expect("[package.metadata.deb]");
    let assets: Vec<(String, String)> = deb["assets"]
        .as_array()
        .expect("assets")
        .iter()
        .map(|a| {
            let a = a.as_array().expect("asset = [source, dest, mode]");
            (
                a[0].as_str().expect("source").to_owned(),
                a[1].as_str().expect("dest").to_owned(),
            )
        })
        .collect();
    for (source, _) in &assets {
        if !source.starts_with("target/release/") {
            assert!(root().join(source).is_file(), "asset {source} is missing");
        }
    }
    let has_asset = |source: &str, dest: &str| assets.iter().any(|(s, d)| s == source && d == dest);
    assert!(has_asset("target/release/kitlibre", "usr/bin/"));
    assert!(has_asset(
        &format!("packaging/linux/{APP_ID}.desktop"),
        "usr/share/applications/"
    ));
    assert!(has_asset(
        &format!("packaging/linux/{APP_ID}.metainfo.xml"),
        "usr/share/metainfo/"
    ));
    assert!(has_asset(
        &format!("packaging/icons/{APP_ID}.svg"),
        "usr/share/icons/hicolor/scalable/apps/"
    ));
    for size in ICON_SIZES {
        let dir = format!("{size}x{size}/apps");
        assert!(
            has_asset(
                &format!("packaging/icons/hicolor/{dir}/{APP_ID}.png"),
                &format!("usr/share/icons/hicolor/{dir}/")
            ),
            "the {size} px icon is not in the .deb"
        );
    }

    // The icons: the SVG, its PNG renders at their nominal sizes, the Windows .ico.
    assert!(
        root()
            .join(format!("packaging/icons/{APP_ID}.svg"))
            .is_file()
    );
    for size in ICON_SIZES {
        let png = root().join(format!(
            "packaging/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        ));
        assert_eq!(
            png_size(&png),
            (size, size),
            "{}: run packaging/icons/render.sh",
            png.display()
        );
    }
    let ico = std::fs::read(root().join("packaging/icons/kitlibre.ico")).expect("kitlibre.ico");
    assert!(
        ico.starts_with(&[0, 0, 1, 0]),
        "kitlibre.ico is not an icon"
    );
    assert!(
        u16::from_le_bytes([ico[4], ico[5]]) >= 4,
        "kitlibre.ico has too few sizes"
    );

    // The desktop entry: named after the id, its icon and window class are the id, and
    // every visible text is there in English and in French.
    let entry = desktop_entry(&read(&format!("packaging/linux/{APP_ID}.desktop")));
    let value = |key: &str| {
        entry
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("desktop entry: no {key}"))
    };
    assert_eq!(value("Icon"), APP_ID);
    assert_eq!(value("StartupWMClass"), APP_ID);
    assert_eq!(value("Exec"), "kitlibre");
    for key in ["Name", "GenericName", "Comment", "Keywords"] {
        assert!(!value(key).is_empty(), "desktop entry: empty {key}");
        assert!(
            !value(&format!("{key}[fr]")).is_empty(),
            "desktop entry: {key} has no French"
        );
    }

    // The metainfo: the id, the desktop entry and icon it points to, the licences, and
    // its newest release is this version. Every text has its French.
    let meta = parse_metainfo(&read(&format!("packaging/linux/{APP_ID}.metainfo.xml")));
    assert_eq!(meta.id, APP_ID);
    assert_eq!(meta.launchable, format!("{APP_ID}.desktop"));
    assert_eq!(meta.icon, APP_ID);
    assert_eq!(meta.project_license, license);
    assert_eq!(meta.metadata_license, "CC0-1.0");
    assert_eq!(meta.homepage, homepage);
    assert_eq!(
        meta.releases.first().map(String::as_str),
        Some(VERSION),
        "the metainfo's newest <release> must be Cargo.toml's version"
    );
    for element in ["name", "summary", "p", "li"] {
        let (en, fr) = meta.texts.get(element).copied().unwrap_or_default();
        assert!(en > 0, "metainfo: no <{element}>");
        assert_eq!(
            en, fr,
            "metainfo: <{element}>: {en} in English, {fr} in French"
        );
    }

    // The Flatpak manifest: the id, the command, the runtime, and no permission beyond
    // the ones its comments justify.
    let docs =
        yaml_rust2::YamlLoader::load_from_str(&read(&format!("packaging/flatpak/{APP_ID}.yml")))
            .expect("Flatpak manifest is YAML");
    let flatpak = &docs[0];
    assert_eq!(flatpak["id"].as_str(), Some(APP_ID));
    assert_eq!(flatpak["command"].as_str(), Some("kitlibre"));
    assert_eq!(
        flatpak["runtime"].as_str(),
        Some("org.freedesktop.Platform")
    );
    assert_eq!(flatpak["sdk"].as_str(), Some("org.freedesktop.Sdk"));
    assert_eq!(flatpak["runtime-version"].as_str(), Some("24.08"));
    let finish: Vec<&str> = flatpak["finish-args"]
        .as_vec()
        .expect("finish-args")
        .iter()
        .filter_map(|a| a.as_str())
        .collect();
    assert_eq!(
        finish,
        [
            "--socket=wayland",
            "--socket=fallback-x11",
            "--share=ipc",
            "--device=dri",
            "--share=network",
            "--filesystem=xdg-documents",
        ],
        "a Flatpak permission changed: justify it in the manifest, then here"
    );
    let module = &flatpak["modules"][0];
    let commands: Vec<&str> = module["build-commands"]
        .as_vec()
        .expect("build-commands")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    for file in [
        format!("packaging/linux/{APP_ID}.desktop"),
        format!("packaging/linux/{APP_ID}.metainfo.xml"),
        format!("packaging/icons/{APP_ID}.svg"),
    ] {
        assert!(
            commands.iter().any(|c| c.contains(&file)),
            "the Flatpak does not install {file}"
        );
    }

    // The Windows packages (scripts/build-windows.sh passes them the version of
    // Cargo.toml, so they hold none to drift). The per-user installer (NSIS): the id,
    // no administrator rights, 64-bit, French and English.
    let nsi = read("packaging/windows/kitlibre.nsi");
    for line in [
        format!("!define KL_ID \"{APP_ID}\""),
        "RequestExecutionLevel user".to_owned(),
        "Target amd64-unicode".to_owned(),
        "!insertmacro MUI_LANGUAGE \"French\"".to_owned(),
        "!insertmacro MUI_LANGUAGE \"English\"".to_owned(),
    ] {
        assert!(
            nsi.lines().any(|l| l.trim() == line),
            "kitlibre.nsi lacks: {line}"
        );
    }
    // The MSI (wixl): its UpgradeCode never changes (upgrades depend on it), per machine.
    let wxs = read("packaging/windows/kitlibre.wxs");
    assert!(
        wxs.contains("UpgradeCode=\"F239FB52-45DD-46E3-A210-EE208A333147\""),
        "the MSI's UpgradeCode changed: upgrades would install a second copy"
    );
    assert!(wxs.contains("InstallScope=\"perMachine\""));
    assert!(wxs.contains("Version=\"$(var.Version)\""));
    // The manifest embedded in kitlibre.exe (build.rs) names the application.
    let manifest = read("packaging/windows/kitlibre.exe.manifest");
    assert!(manifest.contains(&format!("name=\"{APP_ID}\"")));
    assert!(manifest.contains("level=\"asInvoker\""));

    // The macOS Info.plist.
    let plist = plist::Value::from_file(root().join("packaging/macos/Info.plist"))
        .expect("Info.plist is a property list");
    let dict = plist.as_dictionary().expect("Info.plist is a dictionary");
    let string = |key: &str| dict.get(key).and_then(plist::Value::as_string);
    assert_eq!(string("CFBundleIdentifier"), Some(APP_ID));
    assert_eq!(string("CFBundleShortVersionString"), Some(VERSION));
    assert_eq!(string("CFBundleVersion"), Some(VERSION));
    assert_eq!(string("CFBundleExecutable"), Some("kitlibre"));
    assert_eq!(string("CFBundleDevelopmentRegion"), Some("fr"));
    let localizations: Vec<&str> = dict
        .get("CFBundleLocalizations")
        .and_then(plist::Value::as_array)
        .expect("CFBundleLocalizations")
        .iter()
        .filter_map(plist::Value::as_string)
        .collect();
    assert_eq!(localizations, ["fr", "en"]);
    assert_eq!(
        dict.get("NSHighResolutionCapable")
            .and_then(plist::Value::as_boolean),
        Some(true)
    );

    // CI runs the README's test command on Linux.
    let ci = yaml_rust2::YamlLoader::load_from_str(&read(".github/workflows/ci.yml"))
        .expect("ci.yml is YAML");
    let linux_steps = ci[0]["jobs"]["linux"]["steps"]
        .as_vec()
        .expect("a linux job with steps");
    assert!(
        linux_steps
            .iter()
            .any(|s| s["run"].as_str().map(str::trim) == Some("scripts/run-tests.sh")),
        "the linux CI job must run scripts/run-tests.sh"
    );
}

#[cfg(target_os = "linux")]
mod deb {
    use super::*;
    use std::ffi::OsStr;
    use std::process::{Command, Output};

    const PACKAGE: &str = "kitlibre";

    /// Runs a command to completion; its output, or a failure that shows both streams.
    fn run(cmd: &mut Command) -> Output {
        let shown = format!("{cmd:?}");
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
        assert!(
            out.status.success(),
            "{shown} failed ({})\n--- stdout\n{}\n--- stderr\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn text(out: &Output) -> String {
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn cargo() -> std::ffi::OsString {
        std::env::var_os("CARGO")
            .or_else(|| option_env!("CARGO").map(Into::into))
            .unwrap_or_else(|| "cargo".into())
    }

    /// Every tool the test needs, or one failure naming all that are missing.
    fn require_tools() {
        let mut missing = Vec::new();
        for (tool, package) in [
            ("dpkg-deb", "dpkg"),
            ("dpkg-shlibdeps", "dpkg-dev"),
            ("strip", "binutils"),
            ("desktop-file-validate", "desktop-file-utils"),
            ("appstreamcli", "appstream"),
        ] {
            if which::which(tool).is_err() {
                missing.push(format!("{tool} (apt-get install {package})"));
            }
        }
        let cargo_deb = Command::new(cargo()).args(["deb", "--version"]).output();
        match cargo_deb {
            Ok(out) if out.status.success() => println!("{}", text(&out).trim()),
            _ => missing.push("cargo-deb (cargo install cargo-deb --locked)".to_owned()),
        }
        assert!(
            missing.is_empty(),
            "missing tools for the package test: {}; scripts/run-tests.sh installs them",
            missing.join(", ")
        );
    }

    /// Builds the .deb from the test binary into `work`; its path.
    ///
    /// cargo-deb packs `target/release/kitlibre` of the target directory cargo reports
    /// (it rewrites that prefix itself). The test binary is hard-linked there in a
    /// private target directory, so nothing is rebuilt and the real target directory is
    /// untouched. `--strip`: a release binary is already stripped by Cargo.toml's profile,
    /// so cargo-deb would not strip again; the debug one here must be (755 MB -> 44 MB).
    /// `--fast`: quick compression.
    fn build_deb(work: &Path) -> PathBuf {
        let target = work.join("target");
        let release = target.join("release");
        std::fs::create_dir_all(&release).expect("target dir");
        let exe = Path::new(env!("CARGO_BIN_EXE_kitlibre"));
        let packed = release.join("kitlibre");
        if std::fs::hard_link(exe, &packed).is_err() {
            std::fs::copy(exe, &packed).expect("copy the test binary");
        }
        let out_dir = work.join("out");
        run(Command::new(cargo())
            .current_dir(root())
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("CARGO_BUILD_TARGET")
            .args(["deb", "--no-build", "--fast", "--strip", "--manifest-path"])
            .arg(root().join("Cargo.toml"))
            .arg("--output")
            .arg(&out_dir));
        let debs: Vec<PathBuf> = std::fs::read_dir(&out_dir)
            .expect("cargo deb output")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension() == Some(OsStr::new("deb")))
            .collect();
        assert_eq!(debs.len(), 1, "one .deb expected: {debs:?}");
        debs[0].clone()
    }

    /// The control fields, read with `dpkg-deb --info`.
    fn check_control(deb: &Path) {
        let control = text(&run(Command::new("dpkg-deb")
            .arg("--info")
            .arg(deb)
            .arg("control")));
        let para = deb822_fast::borrowed::iter_paragraphs_borrowed(&control)
            .next()
            .expect("a control paragraph")
            .expect("control file is deb822");
        let field = |name: &str| {
            para.get_single(name)
                .map(|v| v.trim().to_owned())
                .unwrap_or_else(|| panic!("control: no {name} field\n{control}"))
        };
        assert_eq!(field("Package"), PACKAGE);
        assert_eq!(field("Version"), format!("{VERSION}-1"));
        assert_eq!(field("Homepage"), "https://kitlibre.frama.io");
        assert_eq!(field("Section"), "utils");
        assert_eq!(field("Priority"), "optional");
        let depends = field("Depends");
        // $auto (dpkg-shlibdeps) found the C library; the dlopen'ed window libraries
        // are listed by hand.
        for dep in ["libc6", "libxkbcommon0", "libwayland-client0", "libx11-6"] {
            assert!(depends.contains(dep), "Depends lacks {dep}: {depends}");
        }
        let recommends = field("Recommends");
        for rec in ["libreoffice", "flatpak"] {
            assert!(
                recommends.contains(rec),
                "Recommends lacks {rec}: {recommends}"
            );
        }
        println!("control:\n{control}");
    }

    /// The files of the package, read with `dpkg-deb --contents`: each expected one with
    /// its mode, and nothing outside the places a desktop application belongs.
    fn check_contents(deb: &Path) {
        let listing = text(&run(Command::new("dpkg-deb").arg("--contents").arg(deb)));
        let files: std::collections::BTreeMap<&str, &str> = listing
            .lines()
            .filter_map(|l| {
                let mode = l.split_whitespace().next()?;
                let path = l.split_whitespace().last()?;
                (!mode.starts_with('d')).then_some((path, mode))
            })
            .collect();
        let mut expected = vec![
            ("./usr/bin/kitlibre".to_owned(), "-rwxr-xr-x"),
            (
                format!("./usr/share/applications/{APP_ID}.desktop"),
                "-rw-r--r--",
            ),
            (
                format!("./usr/share/metainfo/{APP_ID}.metainfo.xml"),
                "-rw-r--r--",
            ),
            (
                format!("./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg"),
                "-rw-r--r--",
            ),
            (
                "./usr/share/doc/kitlibre/README.md".to_owned(),
                "-rw-r--r--",
            ),
            (
                "./usr/share/doc/kitlibre/copyright".to_owned(),
                "-rw-r--r--",
            ),
        ];
        for size in ICON_SIZES {
            expected.push((
                format!("./usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png"),
                "-rw-r--r--",
            ));
        }
        for (path, mode) in &expected {
            assert_eq!(
                files.get(path.as_str()),
                Some(mode),
                "{path} missing or with another mode in:\n{listing}"
            );
        }
        let allowed = [
            "./usr/bin/kitlibre",
            "./usr/share/applications/",
            "./usr/share/metainfo/",
            "./usr/share/icons/hicolor/",
            "./usr/share/doc/kitlibre/",
        ];
        for path in files.keys() {
            assert!(
                allowed.iter().any(|a| path.starts_with(a)),
                "unexpected file in the package: {path}"
            );
        }
        assert_eq!(files.len(), expected.len(), "files: {files:?}");
    }

    /// Fails on errors and warnings of a validator; prints what it said. Infos and
    /// pedantic hints are accepted: today the id's capital letters (pedantic
    /// `cid-contains-uppercase-letter`: the id follows the Flathub convention of
    /// CamelCase names, a decision of the project) and, on AppStream older than 1.0,
    /// `unknown-tag developer` (info: 1.0 asks for that tag).
    fn validate(cmd: &mut Command) {
        let shown = format!("{cmd:?}");
        let out = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        println!("{shown}:\n{said}");
        let bad: Vec<&str> = said
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                // appstreamcli: "E: id:line: tag"; desktop-file-validate: "file: error: ...".
                t.starts_with("E:")
                    || t.starts_with("W:")
                    || l.contains(": error: ")
                    || l.contains(": warning: ")
            })
            .collect();
        assert!(
            out.status.success() && bad.is_empty(),
            "{shown} ({}) reports errors or warnings:\n{}",
            out.status,
            if bad.is_empty() {
                said.clone()
            } else {
                bad.join("\n")
            }
        );
    }

    /// Runs an installed kitlibre with a private data folder (no settings, no updated
    /// catalogue of this machine's user) and a fixed language environment.
    fn kit(exe: &Path, work: &Path, args: &[&str]) -> String {
        let data = work.join("data");
        std::fs::create_dir_all(&data).expect("data dir");
        text(&run(Command::new(exe)
            .args(args)
            .env("KITLIBRE_DATA_DIR", &data)
            .env_remove("KITLIBRE_CATALOG")
            .env_remove("KITLIBRE_PUBLIC_SESSION")
            .env("LANG", "C")
            .env("LC_ALL", "C")))
    }

    /// The installed program answers with real figures from its built-in catalogue.
    fn check_runs(exe: &Path, work: &Path) {
        let version = kit(exe, work, &["--version"]);
        assert_eq!(version.trim(), format!("kitlibre {VERSION}"));

        let stats = kit(exe, work, &["--lang", "en", "catalog", "stats"]);
        println!("{} --lang en catalog stats:\n{stats}", exe.display());
        let re = regex::Regex::new(
            r"(?m)^(\d+) proprietary products, (\d+) free or ethical alternatives, (\d+) replacements, (\d+) categories\.$",
        )
        .expect("regex");
        let caps = re
            .captures(&stats)
            .unwrap_or_else(|| panic!("no figures in catalog stats:\n{stats}"));
        let n = |i: usize| caps[i].parse::<u32>().expect("a number");
        let (proprietary, free, replacements, categories) = (n(1), n(2), n(3), n(4));
        assert!(proprietary > 100, "{proprietary} proprietary entries");
        assert!(free > 100, "{free} free entries");
        assert!(replacements > 200, "{replacements} replacements");
        assert!(categories >= 10, "{categories} categories");

        let json: serde_json::Value =
            serde_json::from_str(&kit(exe, work, &["--json", "catalog", "stats"]))
                .expect("catalog stats --json is JSON");
        assert_eq!(json["proprietary"].as_u64(), Some(u64::from(proprietary)));
        assert_eq!(json["free"].as_u64(), Some(u64::from(free)));

        let fr = kit(exe, work, &["--lang", "fr", "catalog", "stats"]);
        assert!(
            fr.starts_with(&format!("{proprietary} produits propriétaires, ")),
            "{fr}"
        );
    }

    fn is_root() -> bool {
        let out = run(Command::new("id").arg("-u"));
        text(&out).trim() == "0"
    }

    /// `dpkg-query`'s status of the package; empty when dpkg has never heard of it.
    fn dpkg_status() -> String {
        let out = Command::new("dpkg-query")
            .args(["--show", "--showformat=${Status}", PACKAGE])
            .output()
            .expect("dpkg-query");
        text(&out).trim().to_owned()
    }

    /// The package installed with `dpkg -i`: purged when dropped, so that a failing test
    /// (or a `dpkg -i` stopped by missing dependencies, which leaves the package unpacked
    /// but unconfigured) never leaves it on the machine.
    struct Installed {
        removed: bool,
    }

    impl Installed {
        fn purge(&mut self) -> Output {
            self.removed = true;
            dpkg(&["--purge", PACKAGE])
        }
    }

    impl Drop for Installed {
        fn drop(&mut self) {
            if !self.removed {
                let out = self.purge();
                if !out.status.success() {
                    eprintln!(
                        "warning: dpkg --purge {PACKAGE} failed; remove it by hand:\n{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            }
        }
    }

    /// dpkg, waiting its turn when apt or another dpkg holds the lock (shared machines).
    fn dpkg(args: &[&str]) -> Output {
        let mut tries = 0;
        loop {
            let out = Command::new("dpkg")
                .args(args)
                .env("DEBIAN_FRONTEND", "noninteractive")
                .env("LC_ALL", "C")
                .output()
                .expect("dpkg");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if out.status.success() || !stderr.contains("lock") || tries == 30 {
                return out;
            }
            tries += 1;
            std::thread::sleep(std::time::Duration::from_secs(2));
        }
    }

    /// Installs with `dpkg -i`; the guard that removes it.
    fn install(deb: &Path) -> Installed {
        // Never replace a kitlibre someone installed, nor files the package would own.
        let status = dpkg_status();
        assert!(
            status.is_empty()
                || status.ends_with("not-installed")
                || status.ends_with("config-files"),
            "a {PACKAGE} package is already on this machine ({status}): the test will not \
             replace it. Remove it (dpkg -r {PACKAGE}) or set KITLIBRE_PACKAGE_TEST_EXTRACT=1"
        );
        for path in [
            "/usr/bin/kitlibre".to_owned(),
            format!("/usr/share/applications/{APP_ID}.desktop"),
            format!("/usr/share/metainfo/{APP_ID}.metainfo.xml"),
        ] {
            assert!(
                !Path::new(&path).exists(),
                "{path} exists and is not from a {PACKAGE} package: the test will not \
                 overwrite it. Remove it or set KITLIBRE_PACKAGE_TEST_EXTRACT=1"
            );
        }
        let mut guard = Installed { removed: false };
        let out = dpkg(&["--install", &deb.to_string_lossy()]);
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
            // "kitlibre depends on libfoo0; however:" for each dependency missing.
            let missing: Vec<&str> = stderr
                .lines()
                .filter_map(|l| l.trim().strip_prefix(&format!("{PACKAGE} depends on ")))
                .filter_map(|l| l.split(';').next())
                .map(|d| d.split_whitespace().next().unwrap_or(d))
                .collect();
            let purged = guard.purge();
            panic!(
                "dpkg -i failed ({}); the package was removed again (dpkg --purge: {}).\n{}{}",
                out.status,
                purged.status,
                if missing.is_empty() {
                    String::new()
                } else {
                    format!(
                        "Missing dependencies: apt-get install {}\n",
                        missing.join(" ")
                    )
                },
                stderr
            );
        }
        assert_eq!(dpkg_status(), "install ok installed");
        guard
    }

    /// A package whose dependencies cannot be met: `dpkg -i` unpacks it, then stops; the
    /// test must then remove it, say which packages are missing, and leave nothing.
    fn check_unmet_dependencies_leave_nothing(deb: &Path, work: &Path) {
        let tree = work.join("unmet");
        run(Command::new("dpkg-deb").arg("-R").arg(deb).arg(&tree));
        let control_path = tree.join("DEBIAN/control");
        let control = std::fs::read_to_string(&control_path).expect("control");
        let control = control.replacen(
            "Depends: ",
            "Depends: kitlibre-test-no-such-package0 (>= 1), ",
            1,
        );
        std::fs::write(&control_path, control).expect("control");
        let bad = work.join("unmet.deb");
        run(Command::new("dpkg-deb")
            .args(["-Zgzip", "-z1", "--build"])
            .arg(&tree)
            .arg(&bad));
        println!("installing a package with an unmet dependency (the panic below is expected)");
        let failure = std::panic::catch_unwind(|| drop(install(&bad)))
            .expect_err("dpkg -i must fail on an unmet dependency");
        let message = failure
            .downcast_ref::<String>()
            .cloned()
            .unwrap_or_default();
        assert!(
            message.contains("apt-get install kitlibre-test-no-such-package0"),
            "{message}"
        );
        let status = dpkg_status();
        assert!(
            status.is_empty() || status.ends_with("not-installed"),
            "left behind after a failed dpkg -i: {status}"
        );
        assert!(
            !Path::new("/usr/bin/kitlibre").exists(),
            "binary left behind"
        );
    }

    #[test]
    fn debian_package_builds_validates_installs_and_runs() {
        require_tools();
        let work = tempfile::Builder::new()
            .prefix("package-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .expect("work dir");
        let work = work.path();

        let deb = build_deb(work);
        println!(
            "{}: {} bytes",
            deb.display(),
            std::fs::metadata(&deb).expect("deb").len()
        );
        check_control(&deb);
        check_contents(&deb);

        // The files as installed, checked with the freedesktop validators.
        let tree = work.join("root");
        run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&tree));
        for rel in [
            format!("usr/share/applications/{APP_ID}.desktop"),
            format!("usr/share/metainfo/{APP_ID}.metainfo.xml"),
        ] {
            let packaged = std::fs::read(tree.join(&rel)).expect("packaged file");
            let source = std::fs::read(
                root()
                    .join("packaging/linux")
                    .join(Path::new(&rel).file_name().expect("file name")),
            )
            .expect("source file");
            assert!(packaged == source, "{rel} differs from its source");
        }
        validate(
            Command::new("desktop-file-validate")
                .arg(tree.join(format!("usr/share/applications/{APP_ID}.desktop"))),
        );
        validate(
            Command::new("appstreamcli")
                .args(["validate", "--no-net", "--pedantic"])
                .arg(tree.join(format!("usr/share/metainfo/{APP_ID}.metainfo.xml"))),
        );
        // The metainfo together with the desktop entry and icons it refers to.
        validate(
            Command::new("appstreamcli")
                .args(["validate-tree", "--no-net", "--pedantic"])
                .arg(&tree),
        );

        if is_root() && std::env::var_os("KITLIBRE_PACKAGE_TEST_EXTRACT").is_none() {
            println!("installing with dpkg -i (root)");
            let mut installed = install(&deb);
            let listed = text(&run(Command::new("dpkg").args(["--listfiles", PACKAGE])));
            for path in [
                "/usr/bin/kitlibre".to_owned(),
                format!("/usr/share/applications/{APP_ID}.desktop"),
                format!("/usr/share/icons/hicolor/48x48/apps/{APP_ID}.png"),
            ] {
                assert!(listed.lines().any(|l| l == path), "dpkg -L lacks {path}");
            }
            check_runs(Path::new("/usr/bin/kitlibre"), work);
            let out = installed.purge();
            assert!(out.status.success(), "dpkg --purge failed: {out:?}");
            assert!(
                !Path::new("/usr/bin/kitlibre").exists(),
                "left after removal"
            );
            let status = dpkg_status();
            assert!(
                status.is_empty() || status.ends_with("not-installed"),
                "after removal: {status}"
            );
            check_unmet_dependencies_leave_nothing(&deb, work);
        } else {
            println!(
                "not root (or KITLIBRE_PACKAGE_TEST_EXTRACT set): running the program unpacked by dpkg -x"
            );
            check_runs(&tree.join("usr/bin/kitlibre"), work);
        }
    }
}
