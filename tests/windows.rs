//! Kit Libre on Windows, exercised under Wine: the real `kitlibre.exe` and `kitlibre.com`
//! that scripts/build-windows.sh cross-builds (and ships), its installers, in a fresh
//! 64-bit Wine prefix set to Windows 10. Nothing here runs the Linux build.
//!
//! What is covered: the command line (French, English, JSON, exit codes, UTF-8 output);
//! the scan of a registry filled with `wine reg add` the way real installers leave it
//! (HKLM, WOW6432Node, HKCU, Click-to-Run, damaged values), an MSI built here and
//! installed with Wine's msiexec (found by its UpgradeCode) and its Start menu shortcut;
//! OS facts; real installations from a server on 127.0.0.1 (an MSI for everyone, the same
//! unpacked for one user without administrator rights, an EXE installer, a tampered file,
//! no winget); documents in `C:\Users\...\Documents` with accented names, a path over 260
//! characters and a file locked the way Word locks it; settings under %APPDATA%, portable
//! mode, a public session that leaves nothing; the window under Xvfb (first frame, a
//! screenshot that is not blank, typing changes it, Ctrl+Q exits with 0); the per-user
//! installer, the MSI and the portable ZIP installed, run and removed.
//!
//! What Wine cannot tell (see README): UAC and a non-administrator token (Wine runs as an
//! elevated administrator), the Store (MSIX) and winget, SmartScreen, real NTFS
//! permissions, per-machine Start menu folders (Wine uses the user's), and the look of the
//! window with Windows' own font rendering.
//!
//! Needs: target/windows from scripts/build-windows.sh (or KITLIBRE_WINDOWS_DIR), Wine
//! (wine, wine64), MinGW-w64 (the test programs and the bcryptprimitives shim that Wine 8
//! lacks), wixl and makensis (test packages), Xvfb, xdotool and ImageMagick (the window).
//! scripts/run-tests.sh installs them all and builds target/windows first. A missing piece
//! fails the test with what to install: these tests are never skipped silently.
//!
//! The tests share one prefix and run one at a time (a lock): each leaves the registry and
//! the profile in a state the next ones can read.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------
// The Wine prefix.

/// One Wine prefix for the whole run, created fresh.
struct Wine {
    /// WINEPREFIX.
    prefix: PathBuf,
    /// HOME for every Wine process: Wine links "Documents", "Desktop"... into the Unix
    /// home, which must never be the real one.
    home: PathBuf,
    /// Scratch space for the tests (outside the prefix).
    work: PathBuf,
    /// target/windows (kitlibre.exe, kitlibre.com and the packages).
    dist: PathBuf,
    /// The Windows profile folder (C:\users\<name>).
    profile: PathBuf,
    /// The X display every Wine process uses (Xvfb, which ends by itself when Wine's
    /// desktop, its last client, goes after the tests).
    display: kitlibre::bench::Display,
}

static WINE: OnceLock<Wine> = OnceLock::new();
static SERIAL: Mutex<()> = Mutex::new(());

fn need(tool: &str, package: &str) {
    assert!(
        which::which(tool).is_ok(),
        "the Windows tests need `{tool}` (Debian package {package}); scripts/run-tests.sh \
         installs it (scripts/build-windows.sh installs the Windows tool chain)"
    );
}

/// The prefix, made on first use, and the lock that runs these tests one at a time.
fn wine() -> (MutexGuard<'static, ()>, &'static Wine) {
    let guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let w = WINE.get_or_init(make_prefix);
    (guard, w)
}

fn dist_dir() -> PathBuf {
    match std::env::var_os("KITLIBRE_WINDOWS_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target/windows"),
    }
}

fn make_prefix() -> Wine {
    need("wine", "wine");
    need("wineserver", "wine");
    need("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64");
    let dist = dist_dir();
    for f in ["kitlibre.exe", "kitlibre.com"] {
        assert!(
            dist.join(f).is_file(),
            "{} is missing: build it with scripts/build-windows.sh (scripts/run-tests.sh does)",
            dist.join(f).display()
        );
    }
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine");
    let prefix = root.join("prefix");
    let home = root.join("home");
    let work = root.join("work");
    // A fresh prefix every run: stop what an earlier run left, then start again.
    if prefix.exists() {
        let _ = Command::new("wineserver")
            .arg("-k")
            .env("WINEPREFIX", &prefix)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = std::fs::remove_dir_all(&root);
    for d in [&home, &work] {
        std::fs::create_dir_all(d).expect("test folders");
    }
    need("Xvfb", "xvfb");
    let display = kitlibre::bench::Display::start_xvfb_until_last_client()
        .unwrap_or_else(|e| panic!("Xvfb does not start: {e:?}"));
    let mut w = Wine {
        prefix,
        home,
        work,
        dist,
        profile: PathBuf::new(),
        display,
    };
    let t = Instant::now();
    let boot = run(w.command("wineboot").arg("-i"), 300);
    assert!(
        boot.status.success(),
        "wineboot: {}",
        String::from_utf8_lossy(&boot.stderr)
    );
    let win10 = run(w.command("wine").args(["winecfg", "-v", "win10"]), 120);
    assert!(win10.status.success(), "winecfg -v win10");
    // Rust's standard library needs bcryptprimitives.dll (every Windows 10 has it; Wine 8
    // does not): a shim built from source, only in this test prefix.
    let shim_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/windows/wine");
    let dll = w
        .prefix
        .join("drive_c/windows/system32/bcryptprimitives.dll");
    let built = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-O2", "-shared", "-o"])
        .arg(&dll)
        .arg(shim_dir.join("bcryptprimitives.c"))
        .arg(shim_dir.join("bcryptprimitives.def"))
        .arg("-ladvapi32")
        .output()
        .expect("mingw gcc");
    assert!(
        built.status.success(),
        "the bcryptprimitives shim: {}",
        String::from_utf8_lossy(&built.stderr)
    );
    // The profile folder, with its Documents and Desktop made real folders (Wine links
    // them to the fake home; the tests keep everything inside the prefix).
    let users = w.prefix.join("drive_c/users");
    let name = std::fs::read_dir(&users)
        .expect("C:\\users")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n != "Public")
        .expect("a Windows user");
    w.profile = users.join(name);
    for sub in [
        "Documents",
        "Desktop",
        "Downloads",
        "Music",
        "Pictures",
        "Videos",
    ] {
        let p = w.profile.join(sub);
        if p.is_symlink() {
            std::fs::remove_file(&p).expect("unlink");
            std::fs::create_dir_all(&p).expect("folder");
        }
    }
    eprintln!(
        "Wine prefix ready in {:.1} s (Windows 10, 64-bit)",
        t.elapsed().as_secs_f64()
    );
    w
}

/// Runs a command with a time limit; its output goes to files, so that Wine's background
/// processes (which may keep a copy of the handles) never hold the test up.
fn run(cmd: &mut Command, timeout_s: u64) -> Output {
    let dir = tempfile::tempdir().expect("tmp");
    let out_path = dir.path().join("out");
    let err_path = dir.path().join("err");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("out file"))
        .stderr(std::fs::File::create(&err_path).expect("err file"))
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    let deadline = Instant::now() + Duration::from_secs(timeout_s);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{cmd:?} did not end within {timeout_s} s: {}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out_path).unwrap_or_default(),
        stderr: std::fs::read(&err_path).unwrap_or_default(),
    }
}

impl Wine {
    /// A Wine tool (`wine`, `wineboot`, `wineserver`) with this prefix and nothing of the
    /// caller's environment (no KITLIBRE_* from outside, no real HOME).
    fn command(&self, program: &str) -> Command {
        let mut c = Command::new(program);
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("USER", "kit")
            .env("WINEPREFIX", &self.prefix)
            .env("WINEARCH", "win64")
            .env("WINEDEBUG", "-all")
            // No Gecko/Mono download prompts; no menu entries in the (fake) home.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=;winemenubuilder.exe=d")
            .envs(self.display.vars().iter().map(|(k, v)| (k, v)))
            .env("LANG", "C.UTF-8")
            .env("TMPDIR", &self.work);
        c
    }

    /// `wine PROGRAM ARGS...`.
    fn wine(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = self.command("wine");
        c.arg(program);
        c
    }

    /// kitlibre.com (the console program a person types in cmd) with these arguments.
    fn kit(&self, args: &[&str]) -> Output {
        self.kit_with(args, &[])
    }

    fn kit_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = self.wine(self.dist.join("kitlibre.com"));
        c.args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        run(&mut c, 180)
    }

    /// C:\ on the Unix side.
    fn c(&self) -> PathBuf {
        self.prefix.join("drive_c")
    }

    /// The Windows form of a Unix path: C:\... inside the prefix, Z:\... elsewhere.
    fn win(&self, p: &Path) -> String {
        if let Ok(rel) = p.strip_prefix(self.c()) {
            format!("C:\\{}", rel.to_string_lossy().replace('/', "\\"))
        } else {
            format!("Z:{}", p.to_string_lossy().replace('/', "\\"))
        }
    }

    /// `reg add` one value (type REG_SZ, REG_DWORD, REG_BINARY...).
    /// An empty name is the key's default value.
    fn reg_add(&self, key: &str, name: &str, ty: &str, data: &str) {
        let mut c = self.wine("reg");
        c.args(["add", key]);
        if name.is_empty() {
            c.arg("/ve");
        } else {
            c.args(["/v", name]);
        }
        let out = run(c.args(["/t", ty, "/d", data, "/f"]), 60);
        assert!(out.status.success(), "reg add {key} {name}: {out:?}");
    }

    /// Imports a .reg file (for data `reg add` cannot write: odd UTF-16, odd lengths).
    fn reg_import(&self, text: &str) {
        let file = self.work.join(format!("import-{}.reg", nanos()));
        // regedit reads .reg files in UTF-16 LE with a BOM.
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        std::fs::write(&file, bytes).expect("reg file");
        let out = run(self.wine("regedit").arg("/S").arg(self.win(&file)), 60);
        assert!(out.status.success(), "regedit /S: {out:?}");
    }

    /// Waits until `path` (on the Unix side) exists or not, as asked.
    fn wait_for(&self, path: &Path, present: bool, timeout_s: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(timeout_s);
        while Instant::now() < deadline {
            if path.exists() == present {
                return true;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        path.exists() == present
    }
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            text(o),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// Builds a small Windows program with MinGW (the payload of the test installers).
fn mingw(source: &str, out: &Path, defines: &[&str]) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/windows/wine")
        .join(source);
    let mut c = Command::new("x86_64-w64-mingw32-gcc");
    c.arg("-O2").args(defines).arg("-o").arg(out).arg(&src);
    if source == "lock.c" || source == "fake-soffice.c" {
        c.arg("-municode");
    }
    let o = c.output().expect("mingw gcc");
    assert!(
        o.status.success(),
        "{source}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Builds an MSI with wixl: one program, a Start menu shortcut (named `name`, or
/// `shortcut`), this UpgradeCode.
fn test_msi(w: &Wine, name: &str, exe: &str, upgrade_code: &str, out: &Path) {
    test_msi_with_shortcut(w, name, exe, name, upgrade_code, out)
}

fn test_msi_with_shortcut(
    w: &Wine,
    name: &str,
    exe: &str,
    shortcut: &str,
    upgrade_code: &str,
    out: &Path,
) {
    let dir = w.work.join(format!("msi-{}", nanos()));
    std::fs::create_dir_all(&dir).expect("msi folder");
    mingw("hello.c", &dir.join(exe), &[&format!("-DNAME=\"{name}\"")]);
    let wxs = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="{name}" Language="1033" Version="1.0.0" Manufacturer="Test Publisher"
           UpgradeCode="{upgrade_code}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Platform="x64"/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="{name}">
          <Component Id="Main" Guid="*" Win64="yes">
            <File Id="MainExe" Name="{exe}" Source="{exe}" KeyPath="yes"/>
          </Component>
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder">
        <Component Id="Menu" Guid="*" Win64="yes">
          <Shortcut Id="MenuShortcut" Name="{shortcut}" Target="[INSTALLDIR]{exe}" WorkingDirectory="INSTALLDIR"/>
          <RegistryValue Root="HKLM" Key="Software\KitLibreTests\{exe}" Name="menu" Type="integer" Value="1" KeyPath="yes"/>
        </Component>
      </Directory>
    </Directory>
    <Feature Id="All" Level="1">
      <ComponentRef Id="Main"/>
      <ComponentRef Id="Menu"/>
    </Feature>
  </Product>
</Wix>
"#
    );
    let msi = common::wixl(&dir, &wxs);
    std::fs::copy(msi, out).expect("copy msi");
}

/// Builds a silent per-user EXE installer with NSIS (`/S`): the program, and an entry in
/// HKCU's Uninstall key named `name`.
fn test_setup(w: &Wine, name: &str, exe: &str, out: &Path) {
    need("makensis", "nsis");
    let dir = w.work.join(format!("nsis-{}", nanos()));
    std::fs::create_dir_all(&dir).expect("nsis folder");
    mingw("hello.c", &dir.join(exe), &[&format!("-DNAME=\"{name}\"")]);
    let nsi = format!(
        r#"Unicode true
Target amd64-unicode
Name "{name}"
OutFile "setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\{name}"
SilentInstall silent
Section
  SetOutPath "$INSTDIR"
  File "{exe}"
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\{name}" "DisplayName" "{name} 1.0"
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\{name}" "Publisher" "Test Publisher"
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall\{name}" "DisplayVersion" "1.0"
SectionEnd
"#
    );
    std::fs::write(dir.join("setup.nsi"), nsi).expect("nsi");
    let o = Command::new("makensis")
        .current_dir(&dir)
        .args(["-V2", "setup.nsi"])
        .output()
        .expect("makensis");
    assert!(
        o.status.success(),
        "makensis: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    std::fs::copy(dir.join("setup.exe"), out).expect("copy setup");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Serves files by name on 127.0.0.1 (plain http, which the kit accepts on loopback only
/// when KITLIBRE_TEST_LOOPBACK_HTTP=1); returns the base address.
fn serve(files: Vec<(String, Vec<u8>)>) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = s.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            match files.iter().find(|(name, _)| path == format!("/{name}")) {
                Some((_, body)) => {
                    let head = format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = s.write_all(head.as_bytes());
                    let _ = s.write_all(body);
                }
                None => {
                    let _ = s.write_all(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    );
                }
            }
        }
    });
    format!("http://{addr}")
}

// ---------------------------------------------------------------------------------------
// The command line.

#[test]
fn the_command_line_speaks_french_and_english_with_exit_codes() {
    let (_g, w) = wine();
    let fr = w.kit(&["--lang", "fr", "catalog", "stats"]);
    assert_eq!(fr.status.code(), Some(0), "{fr:?}");
    let fr_text = text(&fr);
    assert!(
        fr_text.contains("produits propriétaires") && fr_text.contains("Bureautique"),
        "{fr_text}"
    );
    // Bytes on a pipe are UTF-8 (é is C3 A9), whatever the console code page.
    assert!(fr.stdout.windows(2).any(|p| p == [0xC3, 0xA9]));
    let en = w.kit(&["--lang", "en", "catalog", "stats"]);
    assert!(text(&en).contains("proprietary products"), "{}", text(&en));

    let stats = json(&w.kit(&["--lang", "en", "catalog", "stats", "--json"]));
    let proprietary = stats["proprietary"].as_u64().unwrap_or(0);
    assert!(proprietary > 100, "{stats}");

    let search = w.kit(&["--lang", "fr", "search", "photoshop"]);
    assert_eq!(search.status.code(), Some(0));
    assert!(text(&search).contains("GIMP"), "{}", text(&search));
    let show = json(&w.kit(&["--lang", "en", "show", "microsoft-word", "--json"]));
    assert_eq!(show["id"], "microsoft-word", "{show}");
    let show_fr = w.kit(&["--lang", "fr", "show", "libreoffice"]);
    assert!(text(&show_fr).contains("Logiciel libre") || text(&show_fr).contains("libre"));

    // Exit codes: nothing found is 1, bad input is 2, each with a sentence.
    let none = w.kit(&["--lang", "fr", "show", "pas-une-fiche"]);
    assert_ne!(none.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&none.stderr).trim().is_empty() || !text(&none).is_empty());
    let bad = w.kit(&["--lang", "fr", "pas-une-commande"]);
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    let version = w.kit(&["--version"]);
    assert!(
        text(&version).contains(env!("CARGO_PKG_VERSION")),
        "the tested build is this version: {}",
        text(&version)
    );

    // kitlibre.exe (the GUI program) still answers a deployment tool that captures its
    // output, with the same exit code.
    let gui = run(
        w.wine(w.dist.join("kitlibre.exe"))
            .args(["--lang", "en", "search", "word"]),
        120,
    );
    assert_eq!(gui.status.code(), Some(0));
    assert!(text(&gui).contains("LibreOffice"), "{}", text(&gui));
}

// ---------------------------------------------------------------------------------------
// The scan.

const UNINSTALL: &str = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall";
const UNINSTALL_32: &str = r"HKLM\Software\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall";
const UNINSTALL_USER: &str = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall";

/// An Uninstall entry as its installer writes it.
fn program(w: &Wine, root: &str, subkey: &str, name: &str, publisher: &str, version: &str) {
    let key = format!(r"{root}\{subkey}");
    w.reg_add(&key, "DisplayName", "REG_SZ", name);
    w.reg_add(&key, "Publisher", "REG_SZ", publisher);
    w.reg_add(&key, "DisplayVersion", "REG_SZ", version);
}

#[test]
fn the_scan_reads_what_installers_leave_in_the_registry() {
    let (_g, w) = wine();
    // Real values, as Office, Chrome, Edge, Acrobat, WinRAR, 7-Zip, Zoom, Teams, Firefox
    // and LibreOffice write them.
    program(
        w,
        UNINSTALL,
        "{90160000-0011-0000-1000-0000000FF1CE}",
        "Microsoft Office Professionnel Plus 2016",
        "Microsoft Corporation",
        "16.0.4266.1001",
    );
    program(
        w,
        UNINSTALL,
        "O365ProPlusRetail - fr-fr",
        "Microsoft 365 Apps for enterprise - fr-fr",
        "Microsoft Corporation",
        "16.0.17928.20114",
    );
    w.reg_add(
        r"HKLM\Software\Microsoft\Office\ClickToRun\Configuration",
        "ProductReleaseIds",
        "REG_SZ",
        "O365ProPlusRetail",
    );
    w.reg_add(
        r"HKLM\Software\Microsoft\Office\ClickToRun\Configuration",
        "VersionToReport",
        "REG_SZ",
        "16.0.17928.20114",
    );
    program(
        w,
        UNINSTALL,
        "Google Chrome",
        "Google Chrome",
        "Google LLC",
        "131.0.6778.86",
    );
    program(
        w,
        UNINSTALL_32,
        "Microsoft Edge",
        "Microsoft Edge",
        "Microsoft Corporation",
        "131.0.2903.70",
    );
    program(
        w,
        UNINSTALL_32,
        "{AC76BA86-7AD7-1036-7B44-AC0F074E4100}",
        "Adobe Acrobat Reader DC - Français",
        "Adobe Systems Incorporated",
        "24.004.20220",
    );
    program(
        w,
        UNINSTALL,
        "WinRAR archiver",
        "WinRAR 6.24 (64-bit)",
        "win.rar GmbH",
        "6.24.0",
    );
    program(
        w,
        UNINSTALL,
        "7-Zip",
        "7-Zip 23.01 (x64)",
        "Igor Pavlov",
        "23.01",
    );
    program(
        w,
        UNINSTALL_USER,
        "ZoomUMX",
        "Zoom Workplace",
        "Zoom Video Communications, Inc.",
        "6.2.11",
    );
    program(
        w,
        UNINSTALL_USER,
        "Teams",
        "Microsoft Teams classic",
        "Microsoft Corporation",
        "1.7.00.13456",
    );
    program(
        w,
        UNINSTALL,
        "Mozilla Firefox 133.0 (x64 fr)",
        "Mozilla Firefox (x64 fr)",
        "Mozilla",
        "133.0",
    );
    // Damaged values: a name stored as binary, a name of 1,500 characters, a value name of
    // 1,200 characters, UTF-16 with a lone surrogate, an odd byte count. None may stop the
    // scan; the readable entries beside them are still found.
    w.reg_add(
        &format!(r"{UNINSTALL}\Binary name"),
        "DisplayName",
        "REG_BINARY",
        "4d6963726f736f667420576f7264",
    );
    w.reg_add(
        &format!(r"{UNINSTALL}\Long name"),
        "DisplayName",
        "REG_SZ",
        &"Adobe Photoshop ".repeat(94),
    );
    w.reg_add(
        &format!(r"{UNINSTALL}\Long value name"),
        &"V".repeat(1200),
        "REG_SZ",
        "x",
    );
    w.reg_import(
        "Windows Registry Editor Version 5.00\r\n\r\n\
         [HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Odd UTF-16]\r\n\
         \"DisplayName\"=hex(1):4f,00,64,00,00,d8,64,00,00,00\r\n\
         \"Publisher\"=hex(1):41,00,42\r\n\r\n",
    );

    let started = Instant::now();
    let out = w.kit(&["--lang", "fr", "scan", "--json"]);
    let wine_ms = started.elapsed().as_millis();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v = json(&out);
    let ids: Vec<&str> = v["proprietary"]
        .as_array()
        .expect("proprietary")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    for id in [
        "microsoft-office",
        "google-chrome",
        "microsoft-edge",
        "adobe-acrobat-reader",
        "winrar",
        "zoom",
        "microsoft-teams",
    ] {
        assert!(ids.contains(&id), "{id} not found in {ids:?}");
    }
    let free: Vec<&str> = v["free"]
        .as_array()
        .expect("free")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    for id in ["7-zip", "firefox"] {
        assert!(free.contains(&id), "{id} not in {free:?}");
    }
    // Each view was read: HKCU (Zoom), WOW6432Node (Edge), and Click-to-Run.
    let programs = v["programs"].as_array().expect("programs");
    assert!(
        programs
            .iter()
            .any(|p| p["source"] == "windows-click-to-run"
                && p["name"]
                    .as_str()
                    .unwrap_or("")
                    .contains("O365ProPlusRetail")),
        "Click-to-Run"
    );
    // The damaged entries: the binary name is skipped with a reason, the long name is cut,
    // the odd UTF-16 is kept readable.
    let uninstall = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["source"] == "windows-uninstall")
        .expect("the uninstall source");
    assert_eq!(uninstall["status"], "ok", "{uninstall}");
    assert!(
        uninstall["skipped"].as_array().is_some_and(|s| s
            .iter()
            .any(|x| x.as_str().unwrap_or("").contains("Binary name"))),
        "{uninstall}"
    );
    assert!(
        programs
            .iter()
            .all(|p| p["name"].as_str().unwrap_or("").chars().count() <= 512),
        "names are capped"
    );
    assert!(
        programs
            .iter()
            .any(|p| p["name"].as_str().unwrap_or("").starts_with("Od\u{fffd}d")),
        "the lone surrogate became U+FFFD"
    );
    // OS facts: Windows 10 (Wine's build number), 64-bit, memory, administrator (Wine runs
    // every program as an elevated administrator).
    let os = &v["os"];
    assert_eq!(os["family"], "windows", "{os}");
    assert!(
        os["long_version"]
            .as_str()
            .unwrap_or("")
            .contains("Windows 10"),
        "{os}"
    );
    assert_eq!(os["arch"], "x86_64", "{os}");
    assert!(os["memory_bytes"].as_u64().unwrap_or(0) > 0, "{os}");
    assert_eq!(os["is_admin"], true, "{os}");
    // The Store's list is not there under Wine: said in words, in the person's language.
    let msix = v["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["source"] == "windows-msix")
        .expect("the msix source");
    assert_eq!(msix["status"], "unavailable", "{msix}");
    let text_fr = text(&w.kit(&["--lang", "fr", "scan"]));
    assert!(
        text_fr.contains("Microsoft Store n'est pas disponible sur ce Windows"),
        "{text_fr}"
    );
    assert!(!text_fr.contains("failed:"), "{text_fr}");
    assert!(text_fr.contains("Windows 10"), "{text_fr}");
    let text_en = text(&w.kit(&["--lang", "en", "scan"]));
    assert!(
        text_en.contains("Microsoft Store apps is not available on this Windows"),
        "{text_en}"
    );
    eprintln!("kitlibre scan under Wine: {wine_ms} ms (whole process, through wine)");
}

#[test]
fn an_msi_installed_with_msiexec_is_found_by_its_upgrade_code_and_its_shortcut() {
    let (_g, w) = wine();
    // The name matches no pattern of the catalogue: only LibreOffice's UpgradeCode tells.
    let msi = w.work.join("suite.msi");
    test_msi_with_shortcut(
        w,
        "Suite Bureautique Test",
        "vlc.exe",
        "Lecteur multimédia",
        "{4B17E523-5D91-4E69-BD96-7FD81CFA81BB}",
        &msi,
    );
    let out = run(w.wine("msiexec").args(["/i", &w.win(&msi), "/qn"]), 180);
    assert!(out.status.success(), "msiexec /i: {out:?}");
    let v = json(&w.kit(&["--lang", "en", "scan", "--json"]));
    let programs = v["programs"].as_array().expect("programs");
    let by_code = programs
        .iter()
        .find(|p| p["name"] == "Suite Bureautique Test" && p["source"] == "windows-uninstall")
        .unwrap_or_else(|| panic!("the MSI's entry: {v}"));
    assert_eq!(by_code["match"]["id"], "libreoffice", "{by_code}");
    assert_eq!(by_code["match"]["reason"]["by"], "key", "{by_code}");
    // Its Start menu shortcut (a real .lnk written by msiexec) points to vlc.exe: VLC.
    let shortcut = programs
        .iter()
        .find(|p| p["source"] == "windows-start-menu" && p["name"] == "Lecteur multimédia")
        .unwrap_or_else(|| panic!("the shortcut: {v}"));
    assert_eq!(shortcut["match"]["id"], "vlc", "{shortcut}");
}

// ---------------------------------------------------------------------------------------
// Installing.

/// The test catalogue: FreeWriter from an MSI (for everyone), FreeCalc from an MSI
/// unpacked per user, FreePaint from a per-user EXE installer, TamperedTool whose file
/// does not match, and WingetOnly, known to winget only.
fn install_catalog(base: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let sha = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| sha256_hex(b))
            .expect("file")
    };
    let size = |name: &str| {
        files
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, b)| b.len())
            .expect("file")
    };
    let mut cat = common::good_catalog();
    let entry = |id: &str, name: &str, download: String, detect: String| {
        format!(
            r#"name = "{name}"
kind = "software"
category = "office"
license = "MPL-2.0"
homepage = "https://{id}.example.org/"
platforms = ["windows"]
difficulty = "easy"
summary.fr = "Un programme libre."
summary.en = "A free program."
description.fr = "Il sert."
description.en = "It helps."

[install]
download_page = "https://{id}.example.org/download"
{download}

[detect.windows]
{detect}

[provenance]
sources = ["https://{id}.example.org/"]
checked = 2026-01-01
"#
        )
    };
    let download = |file: &str, kind: &str, scope: &str, sha: String, size: usize| {
        format!(
            r#"
[[install.downloads]]
platform = "windows"
arch = "x86_64"
kind = "{kind}"
url = "{base}/{file}"
sha256 = "{sha}"
size = {size}
version = "1.0"
scope = "{scope}"{silent}
"#,
            silent = if kind == "exe" {
                "\nsilent_args = [\"/S\"]"
            } else {
                ""
            }
        )
    };
    cat.retain(|(p, _)| *p != "free/freewriter.toml" && *p != "free/freepaint.toml");
    cat.push((
        "free/freewriter.toml",
        entry(
            "freewriter",
            "FreeWriter",
            download(
                "freewriter.msi",
                "msi",
                "machine",
                sha("freewriter.msi"),
                size("freewriter.msi"),
            ),
            "upgrade_codes = [\"{11111111-2222-3333-4444-555555555555}\"]\nexe = [\"freewriter.exe\"]"
                .into(),
        ),
    ));
    cat.push((
        "free/freecalc.toml",
        entry(
            "freecalc",
            "FreeCalc",
            download(
                "freecalc.msi",
                "msi",
                "machine",
                sha("freecalc.msi"),
                size("freecalc.msi"),
            ),
            "upgrade_codes = [\"{66666666-7777-8888-9999-000000000000}\"]\nexe = [\"freecalc.exe\"]"
                .into(),
        ),
    ));
    cat.push((
        "free/freepaint.toml",
        entry(
            "freepaint",
            "FreePaint",
            download(
                "freepaint-setup.exe",
                "exe",
                "user",
                sha("freepaint-setup.exe"),
                size("freepaint-setup.exe"),
            ),
            "display_name = ['^FreePaint \\d']\nexe = [\"freepaint.exe\"]".into(),
        ),
    ));
    // Its checksum is of other bytes than those served.
    cat.push((
        "free/tamperedtool.toml",
        entry(
            "tamperedtool",
            "TamperedTool",
            download(
                "tampered.msi",
                "msi",
                "machine",
                sha256_hex(b"the real installer"),
                size("tampered.msi"),
            ),
            "exe = [\"tampered.exe\"]".into(),
        ),
    ));
    cat.push((
        "free/wingetonly.toml",
        entry(
            "wingetonly",
            "WingetOnly",
            "winget = \"Example.WingetOnly\"".into(),
            "exe = [\"wingetonly.exe\"]".into(),
        ),
    ));
    common::write_catalog(&cat)
}

fn kit_install(w: &Wine, cat: &Path, args: &[&str]) -> (Output, serde_json::Value) {
    let catalog = w.win(cat);
    let mut all = vec!["--lang", "en", "--catalog", catalog.as_str(), "install"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = w.kit_with(&all, &[("KITLIBRE_TEST_LOOPBACK_HTTP", "1")]);
    let v = json(&out);
    (out, v)
}

#[test]
fn installers_from_a_local_server_are_checked_installed_and_verified() {
    let (_g, w) = wine();
    let writer = w.work.join("freewriter.msi");
    test_msi(
        w,
        "FreeWriter",
        "freewriter.exe",
        "{11111111-2222-3333-4444-555555555555}",
        &writer,
    );
    let calc = w.work.join("freecalc.msi");
    test_msi(
        w,
        "FreeCalc",
        "freecalc.exe",
        "{66666666-7777-8888-9999-000000000000}",
        &calc,
    );
    let paint = w.work.join("freepaint-setup.exe");
    test_setup(w, "FreePaint", "freepaint.exe", &paint);
    let writer = std::fs::read(&writer).expect("msi");
    let calc = std::fs::read(&calc).expect("msi");
    let paint = std::fs::read(&paint).expect("setup");
    let tampered = b"not the real installer".to_vec();
    let files: Vec<(&str, &[u8])> = vec![
        ("freewriter.msi", &writer),
        ("freecalc.msi", &calc),
        ("freepaint-setup.exe", &paint),
        ("tampered.msi", &tampered),
    ];
    let base = serve(
        files
            .iter()
            .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
            .collect(),
    );
    let cat = install_catalog(&base, &files);

    // An MSI for every user (Wine runs as an administrator): msiexec /i, silently, then a
    // new scan finds it by its UpgradeCode.
    let (out, v) = kit_install(w, cat.path(), &["freewriter"]);
    assert_eq!(v["plan"]["route"], "official-installer", "{v}");
    assert_eq!(v["report"]["outcome"], "done", "{v}");
    assert_eq!(v["report"]["verified"], true, "{v}");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        w.c()
            .join("Program Files/FreeWriter/freewriter.exe")
            .is_file(),
        "installed in Program Files"
    );

    // Without administrator rights: the MSI is unpacked for this user into
    // %LOCALAPPDATA%\Programs, nothing machine-wide, and the program is found there.
    // The plan asks msiexec /a; Wine has no administrative installs (code 1626, as a
    // Windows policy gives 1625), so the kit unpacks the checked package itself.
    let (out, v) = kit_install(w, cat.path(), &["freecalc", "--no-admin"]);
    assert_eq!(v["plan"]["route"], "official-installer-for-user", "{v}");
    assert_eq!(v["report"]["outcome"], "done", "{v}");
    assert!(
        v["report"]["output_tail"]
            .to_string()
            .contains("the kit unpacks the package itself"),
        "{v}"
    );
    assert_eq!(v["report"]["verified"], true, "{v}");
    assert_eq!(out.status.code(), Some(0));
    let unpacked = walkdir::WalkDir::new(w.profile.join("AppData/Local/Programs/freecalc"))
        .into_iter()
        .flatten()
        .any(|e| e.file_name() == "freecalc.exe");
    assert!(
        unpacked,
        "unpacked under %LOCALAPPDATA%\\Programs\\freecalc"
    );
    assert!(
        !w.c().join("Program Files/FreeCalc").exists(),
        "nothing for every user"
    );

    // A per-user EXE installer, run with its silent switch, found by its Uninstall entry.
    let (out, v) = kit_install(w, cat.path(), &["freepaint"]);
    assert_eq!(v["report"]["outcome"], "done", "{v}");
    assert_eq!(v["report"]["verified"], true, "{v}");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        w.profile
            .join("AppData/Local/Programs/FreePaint/freepaint.exe")
            .is_file()
    );

    // A file that does not match its checksum is refused, deleted and never run.
    let (out, v) = kit_install(w, cat.path(), &["tamperedtool"]);
    assert_eq!(v["report"]["outcome"], "corrupted", "{v}");
    assert_ne!(out.status.code(), Some(0));
    assert!(!w.c().join("Program Files/tampered").exists());
    let message = v["message"].as_str().unwrap_or("");
    assert!(!message.is_empty(), "{v}");
    let downloads: Vec<_> = walkdir::WalkDir::new(w.profile.join("AppData/Local"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "tampered.msi")
        .collect();
    assert!(
        downloads.is_empty(),
        "the bad file was deleted: {downloads:?}"
    );

    // No winget under Wine: the plan says so in words and takes the next route.
    let catalog = w.win(cat.path());
    let plan = w.kit_with(
        &[
            "--lang",
            "fr",
            "--catalog",
            &catalog,
            "install",
            "wingetonly",
            "--dry-run",
        ],
        &[("KITLIBRE_TEST_LOOPBACK_HTTP", "1")],
    );
    let said = text(&plan);
    assert!(
        said.contains("winget n'est pas présent sur cet ordinateur"),
        "{said}"
    );
    let v = json(&w.kit_with(
        &[
            "--lang",
            "en",
            "--catalog",
            &catalog,
            "install",
            "wingetonly",
            "--dry-run",
            "--json",
        ],
        &[("KITLIBRE_TEST_LOOPBACK_HTTP", "1")],
    ));
    assert_eq!(v["plan"]["route"], "guide-only", "{v}");
    let considered = v["plan"]["considered"].to_string();
    assert!(considered.contains("winget"), "{v}");
}

// ---------------------------------------------------------------------------------------
// Documents.

#[test]
fn documents_in_a_windows_folder_with_accents_long_paths_and_a_locked_file() {
    let (_g, w) = wine();
    let folder = w.profile.join("Documents/Conseil municipal – séance n°3");
    std::fs::create_dir_all(&folder).expect("folder");
    common::docs::write_tree(
        &folder,
        &[
            ("Délibération été.docx", common::docs::minimal_docx(&[])),
            ("Budget prévisionnel.xlsx", common::docs::minimal_xlsx(&[])),
            ("Macros.xlsm", common::docs::xlsm_with_vba()),
            ("Rapport.doc", common::docs::word97(0, false)),
            ("rapport.docx", common::docs::minimal_docx(&[])),
        ],
    );
    // A document deeper than MAX_PATH (260 characters) in its Windows form.
    let mut deep = folder.clone();
    for i in 0..6 {
        deep = deep.join(format!(
            "{i} Dossier avec un nom assez long pour dépasser la limite"
        ));
    }
    std::fs::create_dir_all(&deep).expect("deep folder");
    std::fs::write(
        deep.join("Compte rendu.docx"),
        common::docs::minimal_docx(&[]),
    )
    .expect("deep doc");
    assert!(w.win(&deep.join("Compte rendu.docx")).len() > 260);

    let win_folder = w.win(&folder);
    assert!(win_folder.starts_with("C:\\users\\"), "{win_folder}");
    let out = w.kit(&["--lang", "fr", "docs", "inventory", &win_folder, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let v = json(&out);
    let paths: Vec<String> = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(paths.len(), 6, "{paths:?}");
    for name in [
        "Délibération été.docx",
        "Budget prévisionnel.xlsx",
        "Rapport.doc",
    ] {
        assert!(paths.iter().any(|p| p == name), "{name} in {paths:?}");
    }
    assert!(
        paths.iter().any(|p| p.ends_with("Compte rendu.docx")),
        "the long path: {paths:?}"
    );
    let macros = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"] == "Macros.xlsm")
        .expect("Macros.xlsm");
    assert!(
        macros["findings"].to_string().contains("macros"),
        "{macros}"
    );
    // The same folder through its \\?\ form and with forward slashes.
    let verbatim = format!("\\\\?\\{win_folder}");
    let again = json(&w.kit(&["--lang", "en", "docs", "inventory", &verbatim, "--json"]));
    assert_eq!(again["files"].as_array().map(Vec::len), Some(6), "{again}");

    // Another drive letter, given as its root (a USB key as D:\).
    let usb_key = w.work.join("cle-usb");
    std::fs::create_dir_all(usb_key.join("Courriers")).expect("usb key");
    std::fs::write(
        usb_key.join("Courriers/Lettre à la mairie.docx"),
        common::docs::minimal_docx(&[]),
    )
    .expect("usb doc");
    let d_drive = w.prefix.join("dosdevices/d:");
    let _ = std::fs::remove_file(&d_drive);
    std::os::unix::fs::symlink(&usb_key, &d_drive).expect("D: drive");
    let on_d = json(&w.kit(&["--lang", "fr", "docs", "inventory", "D:\\", "--json"]));
    assert_eq!(
        on_d["files"][0]["path"], "Courriers\\Lettre à la mairie.docx",
        "{on_d}"
    );

    // A document held open without sharing, as Word holds one: said in words.
    let lock = w.work.join("lock.exe");
    mingw("lock.c", &lock, &[]);
    let ready = w.work.join("locked.ready");
    let _ = std::fs::remove_file(&ready);
    let mut holder = w
        .wine(&lock)
        .arg(format!("{win_folder}\\Délibération été.docx"))
        .arg(w.win(&ready))
        .arg("60")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("lock.exe");
    assert!(w.wait_for(&ready, true, 60), "the lock was taken");
    let out = w.kit(&["--lang", "fr", "docs", "inventory", &win_folder, "--json"]);
    let _ = holder.kill();
    let _ = holder.wait();
    let v = json(&out);
    let locked = v["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"] == "Délibération été.docx")
        .expect("the locked document is listed");
    assert!(
        locked["findings"].to_string().contains("in-use"),
        "{locked}"
    );
    let said = locked["messages"].to_string();
    assert!(said.contains("ouvert dans un autre programme"), "{said}");
    // LibreOffice where its installer registered it (App Paths), in a folder of its own:
    // the kit finds soffice.com beside soffice.exe and converts through it (a stand-in
    // that writes outputs the way soffice does, and records its command line).
    let lo = w.c().join("Outils/LibreOffice/program");
    std::fs::create_dir_all(&lo).expect("LibreOffice folder");
    mingw("fake-soffice.c", &lo.join("soffice.com"), &[]);
    std::fs::copy(lo.join("soffice.com"), lo.join("soffice.exe")).expect("soffice.exe");
    w.reg_add(
        r"HKLM\Software\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe",
        "",
        "REG_SZ",
        r"C:\Outils\LibreOffice\program\soffice.exe",
    );
    let converted = w.profile.join("Documents/Copies LibreOffice");
    let convert = || {
        w.kit(&[
            "--lang",
            "fr",
            "docs",
            "convert",
            &win_folder,
            "--out",
            &w.win(&converted),
            "--json",
        ])
    };
    let out = convert();
    let calls =
        String::from_utf8_lossy(&std::fs::read(lo.join("soffice-calls.txt")).unwrap_or_default())
            .into_owned();
    assert!(
        calls.contains("--convert-to") && calls.contains("--headless"),
        "soffice.com from App Paths was run: {calls:?} {out:?}"
    );
    // Plain C:\ paths for LibreOffice where Windows allows them (no \\?\ prefix).
    assert!(
        calls.contains("--outdir \"C:\\users\\"),
        "plain paths for soffice: {calls}"
    );
    let report = json(&out);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert_eq!(
        report["converted"].as_array().map(Vec::len),
        Some(6),
        "{report}"
    );
    // "Rapport.doc" and "rapport.docx" would be one file on NTFS: two distinct names.
    for name in [
        "Rapport (doc).odt",
        "rapport (docx).odt",
        "Délibération été.odt",
    ] {
        assert!(converted.join(name).is_file(), "{name}: {report}");
    }
    assert!(
        walkdir::WalkDir::new(&converted)
            .into_iter()
            .flatten()
            .any(|e| e.file_name() == "Compte rendu.odt"),
        "the long path was converted"
    );
    // A second run finds everything done and converts nothing again.
    let again = json(&convert());
    assert_eq!(
        again["converted"].as_array().map(Vec::len),
        Some(0),
        "{again}"
    );

    // The originals are untouched.
    assert_eq!(
        std::fs::read(folder.join("rapport.docx")).expect("read"),
        common::docs::minimal_docx(&[])
    );
}

// ---------------------------------------------------------------------------------------
// Where the kit keeps its files.

/// Files (relative path, size) under a folder, to compare before and after.
fn tree(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut v: Vec<(PathBuf, u64)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf(),
                e.metadata().map(|m| m.len()).unwrap_or(0),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn settings_go_to_appdata_portable_mode_stays_beside_the_program_and_a_public_session_leaves_nothing()
 {
    let (_g, w) = wine();
    let roaming = w.profile.join("AppData/Roaming/Kit Libre");
    let local = w.profile.join("AppData/Local/Kit Libre");

    // Settings under %APPDATA%.
    let out = w.kit(&["--lang", "en", "settings", "set", "text-scale", "150"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let shown = json(&w.kit(&["settings", "show", "--json"]));
    let file = shown["file"].as_str().unwrap_or("").to_owned();
    assert!(
        file.contains("AppData\\Roaming\\Kit Libre"),
        "settings in %APPDATA%: {file}"
    );
    assert_eq!(shown["settings"]["text_scale"], 150);
    assert!(
        std::fs::read_to_string(roaming.join("kitlibre/config/settings.toml"))
            .expect("settings.toml")
            .contains("150")
    );

    // Portable mode: the marker beside the program keeps everything in kitlibre-data.
    let before_roaming = tree(&roaming);
    let before_local = tree(&local);
    let usb = w.c().join("Cle USB/KitLibre");
    std::fs::create_dir_all(&usb).expect("usb folder");
    std::fs::copy(w.dist.join("kitlibre.com"), usb.join("kitlibre.com")).expect("copy");
    std::fs::write(usb.join("kitlibre-portable.txt"), "").expect("marker");
    let out = run(
        w.wine(usb.join("kitlibre.com")).args([
            "--lang",
            "en",
            "settings",
            "set",
            "theme",
            "high-contrast",
        ]),
        120,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let portable_settings = walkdir::WalkDir::new(usb.join("kitlibre-data"))
        .into_iter()
        .flatten()
        .any(|e| e.file_name() == "settings.toml");
    assert!(portable_settings, "settings beside the program");
    assert_eq!(tree(&roaming), before_roaming, "nothing in %APPDATA%");
    assert_eq!(tree(&local), before_local, "nothing in %LOCALAPPDATA%");

    // A public session in the window: type, zoom, leave; nothing is written anywhere in
    // the profile.
    let before_roaming = tree(&roaming);
    let before_local = tree(&local);
    let before_temp = w.profile.join("AppData/Local/Temp");
    let mut window = open_window(w, &["--lang", "fr", "--public-session"]);
    window.wait_first_frame();
    window.keys(&["ctrl+plus", "ctrl+plus"]);
    window.typing("gimp");
    window.keys(&["ctrl+q"]);
    assert_eq!(window.wait_exit(), Some(0));
    assert_eq!(tree(&roaming), before_roaming, "public session: %APPDATA%");
    assert_eq!(tree(&local), before_local, "public session: %LOCALAPPDATA%");
    let leftovers: Vec<_> = std::fs::read_dir(&before_temp)
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().contains("kitlibre"))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "public session: temp {leftovers:?}");
}

// ---------------------------------------------------------------------------------------
// The window.

struct Window<'a> {
    w: &'a Wine,
    process: kitlibre::bench::WindowProcess,
}

fn open_window<'a>(w: &'a Wine, args: &[&str]) -> Window<'a> {
    need("xdotool", "xdotool");
    need("import", "imagemagick");
    let mut cmd = w.wine(w.dist.join("kitlibre.exe"));
    cmd.args(args);
    let process = kitlibre::bench::WindowProcess::spawn(cmd, &w.display, "announce", None)
        .expect("wine kitlibre.exe starts");
    Window { w, process }
}

impl Window<'_> {
    fn wait_first_frame(&mut self) -> f64 {
        self.process
            .wait_first_frame(Duration::from_secs(180))
            .unwrap_or_else(|e| panic!("no first frame under Wine: {e}"))
    }

    fn xdotool(&self, args: &[&str]) -> String {
        let out = Command::new("xdotool")
            .args(args)
            .envs(self.w.display.vars().iter().map(|(k, v)| (k, v)))
            .output()
            .expect("xdotool");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn window_id(&self) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ids = self.xdotool(&["search", "--name", "Kit Libre"]);
            if let Some(id) = ids.lines().next() {
                return id.trim().to_owned();
            }
            assert!(Instant::now() < deadline, "no window named Kit Libre");
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Real key presses (XTEST, as a keyboard gives them) into the focused window.
    fn keys(&self, keys: &[&str]) {
        let id = self.window_id();
        self.xdotool(&["windowfocus", "--sync", &id]);
        for k in keys {
            self.xdotool(&["key", "--clearmodifiers", k]);
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    fn typing(&self, s: &str) {
        let id = self.window_id();
        self.xdotool(&["windowfocus", "--sync", &id]);
        self.xdotool(&["type", "--delay", "80", s]);
        std::thread::sleep(Duration::from_millis(1500));
    }

    fn screenshot(&self, name: &str) -> PathBuf {
        let shot = self.w.work.join(format!("{name}.png"));
        let out = Command::new("import")
            .args(["-window", "root"])
            .arg(&shot)
            .envs(self.w.display.vars().iter().map(|(k, v)| (k, v)))
            .output()
            .expect("import");
        assert!(out.status.success(), "import: {out:?}");
        if let Some(keep) = std::env::var_os("KITLIBRE_SCREENSHOTS") {
            let keep = Path::new(&keep);
            let _ = std::fs::create_dir_all(keep);
            let _ = std::fs::copy(&shot, keep.join(format!("wine-{name}.png")));
        }
        shot
    }

    fn wait_exit(&mut self) -> Option<i32> {
        self.process
            .wait_exit(Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("the window did not close: {e}"))
    }
}

fn colours(png: &Path) -> u64 {
    let out = Command::new("identify")
        .args(["-format", "%k"])
        .arg(png)
        .output()
        .expect("identify");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

#[test]
fn the_window_opens_under_wine_reacts_to_typing_and_closes_with_ctrl_q() {
    let (_g, w) = wine();
    let mut window = open_window(w, &["--lang", "fr"]);
    let first = window.wait_first_frame();
    let peak = window.process.peak_memory();
    std::thread::sleep(Duration::from_millis(1500));
    let before = window.screenshot("home");
    let n = colours(&before);
    assert!(n > 50, "the screen looks blank: {n} colours");
    let title = window.xdotool(&["getwindowname", &window.window_id()]);
    assert!(title.starts_with("Kit Libre"), "{title}");
    window.typing("photoshop");
    let after = window.screenshot("search");
    assert_ne!(
        std::fs::read(&before).expect("png"),
        std::fs::read(&after).expect("png"),
        "typing a search changed nothing on screen"
    );
    window.keys(&["ctrl+q"]);
    assert_eq!(window.wait_exit(), Some(0), "{:?}", window.process.printed);
    eprintln!(
        "window under Wine: first frame {first:.0} ms, peak memory {:.1} MB (wine process)",
        peak.unwrap_or(0) as f64 / 1e6
    );
}

// ---------------------------------------------------------------------------------------
// The packages.

fn version_ok(w: &Wine, exe: &Path) {
    let out = run(w.wine(exe).arg("--version"), 120);
    assert!(
        text(&out).contains(env!("CARGO_PKG_VERSION")),
        "{}: {out:?}",
        exe.display()
    );
}

#[test]
fn the_per_user_installer_the_msi_and_the_portable_zip_install_run_and_uninstall() {
    let (_g, w) = wine();
    let v = env!("CARGO_PKG_VERSION");

    // Per user, no administrator rights: %LOCALAPPDATA%\Programs\Kit Libre.
    let setup = w.dist.join(format!("kitlibre-{v}-setup.exe"));
    assert!(setup.is_file(), "{}", setup.display());
    let out = run(w.wine(&setup).arg("/S"), 300);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let dir = w.profile.join("AppData/Local/Programs/Kit Libre");
    for f in [
        "kitlibre.exe",
        "kitlibre.com",
        "README.txt",
        "LICENSE.txt",
        "uninstall.exe",
    ] {
        assert!(dir.join(f).is_file(), "{f} installed");
    }
    assert!(!dir.join("kitlibre-portable.txt").exists());
    version_ok(w, &dir.join("kitlibre.com"));
    let menu = w
        .profile
        .join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs");
    let links: Vec<String> = std::fs::read_dir(&menu)
        .expect("Start menu")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("Kit Libre"))
        .collect();
    assert_eq!(links.len(), 3, "three shortcuts: {links:?}");
    let key =
        r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\io.frama.kitlibre.KitLibre";
    let entry = run(w.wine("reg").args(["query", key]), 60);
    assert!(text(&entry).contains("Kit Libre"), "{entry:?}");
    // The kit sees itself installed (it is not in the catalogue: no match, no panic).
    let scan = json(&w.kit(&["--lang", "en", "scan", "--json"]));
    assert!(scan["programs"].to_string().contains("Kit Libre"));
    let out = run(w.wine(dir.join("uninstall.exe")).arg("/S"), 120);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        w.wait_for(&dir.join("kitlibre.exe"), false, 60),
        "uninstalled"
    );
    assert!(w.wait_for(&menu.join("Kit Libre.lnk"), false, 30));
    let entry = run(w.wine("reg").args(["query", key]), 60);
    assert!(!entry.status.success(), "the uninstall entry is gone");

    // The MSI for IT: msiexec /i /qn for every user, then /x.
    let msi = w.dist.join(format!("kitlibre-{v}.msi"));
    let out = run(
        w.wine("msiexec")
            .args(["/i", &w.win(&msi), "/qn", "PUBLIC_SESSION=1"]),
        300,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let pf = w.c().join("Program Files/Kit Libre");
    version_ok(w, &pf.join("kitlibre.com"));
    let env_key = r"HKLM\System\CurrentControlSet\Control\Session Manager\Environment";
    let env = run(
        w.wine("reg")
            .args(["query", env_key, "/v", "KITLIBRE_PUBLIC_SESSION"]),
        60,
    );
    assert!(
        env.status.success(),
        "PUBLIC_SESSION=1 sets the variable: {env:?}"
    );
    let uninstall = json(&w.kit(&["--lang", "en", "scan", "--json"]));
    let ours = uninstall["programs"]
        .as_array()
        .expect("programs")
        .iter()
        .any(|p| p["name"] == "Kit Libre" && p["source"] == "windows-uninstall");
    assert!(ours, "the MSI's entry in Apps & features");
    let out = run(w.wine("msiexec").args(["/x", &w.win(&msi), "/qn"]), 300);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(!pf.join("kitlibre.exe").exists(), "removed");
    let env = run(
        w.wine("reg")
            .args(["query", env_key, "/v", "KITLIBRE_PUBLIC_SESSION"]),
        60,
    );
    assert!(!env.status.success(), "the variable went with it");

    // The portable ZIP: unpacked anywhere, it runs and keeps its files beside it.
    let zip_path = w.dist.join(format!("kitlibre-{v}-portable.zip"));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("zip")).expect("zip");
    let usb = w.c().join("USB");
    zip.extract(&usb).expect("unzip");
    let exe = usb.join("KitLibre/kitlibre.com");
    assert!(usb.join("KitLibre/kitlibre-portable.txt").is_file());
    version_ok(w, &exe);
    let out = run(
        w.wine(&exe)
            .args(["--lang", "en", "settings", "show", "--json"]),
        120,
    );
    let v = json(&out);
    assert_eq!(v["placement"], "portable", "{v}");
}
