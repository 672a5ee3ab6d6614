//! Finding LibreOffice's command-line program on this computer: `soffice` on Linux and
//! macOS, `soffice.com` (the console launcher, which waits and prints) on Windows, or the
//! Flathub package through `flatpak run`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// How to start LibreOffice for a conversion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Soffice {
    /// The program and the arguments that come before LibreOffice's own.
    pub prefix: Vec<OsString>,
    /// The soffice program itself (for LibreOffice's own font folder), when it is a file.
    pub program: Option<PathBuf>,
    /// Runs inside Flatpak: paths must be granted with `--filesystem`.
    pub flatpak: bool,
}

impl Soffice {
    /// A given program (the `KITLIBRE_SOFFICE` variable, tests).
    pub fn at(program: PathBuf) -> Soffice {
        Soffice {
            prefix: vec![program.clone().into_os_string()],
            program: Some(program),
            flatpak: false,
        }
    }

    /// The full argv: prefix, then LibreOffice's arguments. For Flatpak, `grant` lists the
    /// folders the sandbox must be able to read and write.
    pub fn argv(&self, grant: &[&Path], args: Vec<OsString>) -> Vec<OsString> {
        let mut argv = self.prefix.clone();
        if self.flatpak {
            // `flatpak run [options] APP [args]`: options go before the application id.
            let app = argv.pop();
            for g in grant {
                let mut opt = OsString::from("--filesystem=");
                opt.push(g.as_os_str());
                argv.push(opt);
            }
            argv.extend(app);
        }
        argv.extend(args);
        argv
    }

    /// A short description for reports ("/usr/bin/soffice", "flatpak org.libreoffice...").
    pub fn describe(&self) -> String {
        self.prefix
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const FLATPAK_ID: &str = "org.libreoffice.LibreOffice";

/// LibreOffice on this computer, if any. `KITLIBRE_SOFFICE` names a program to use instead.
pub fn find() -> Option<Soffice> {
    if let Some(p) = std::env::var_os("KITLIBRE_SOFFICE") {
        return Some(Soffice::at(PathBuf::from(p)));
    }
    for p in candidates() {
        if p.is_file() {
            return Some(Soffice::at(p));
        }
    }
    if !cfg!(windows) {
        for name in ["soffice", "libreoffice"] {
            if let Ok(p) = which::which(name) {
                return Some(Soffice::at(p));
            }
        }
    } else if let Ok(p) = which::which("soffice.com") {
        return Some(Soffice::at(p));
    }
    flatpak()
}

/// soffice.exe as LibreOffice's installer registers it in App Paths (Windows only).
#[cfg(windows)]
fn registered_soffice() -> Option<PathBuf> {
    crate::detect::windows::live::app_path("soffice.exe")
}

#[cfg(not(windows))]
fn registered_soffice() -> Option<PathBuf> {
    None
}

/// Where installers put LibreOffice.
fn candidates() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if cfg!(windows) {
        // Where LibreOffice's installer registered it (App Paths), which also covers a
        // custom install folder; soffice.com sits beside soffice.exe.
        if let Some(exe) = registered_soffice() {
            out.push(exe.with_file_name("soffice.com"));
        }
        for var in ["ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"] {
            if let Some(pf) = std::env::var_os(var) {
                out.push(PathBuf::from(pf).join(r"LibreOffice\program\soffice.com"));
            }
        }
        // The per-user unpacked MSI (install plans, no admin rights).
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            let base = PathBuf::from(local).join(r"Programs\libreoffice");
            for sub in [
                r"program\soffice.com",
                r"LibreOffice\program\soffice.com",
                r"PFiles\LibreOffice\program\soffice.com",
                r"PFiles64\LibreOffice\program\soffice.com",
            ] {
                out.push(base.join(sub));
            }
        }
    } else if cfg!(target_os = "macos") {
        out.push(PathBuf::from(
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        ));
        if let Some(home) = std::env::var_os("HOME") {
            out.push(
                PathBuf::from(home).join("Applications/LibreOffice.app/Contents/MacOS/soffice"),
            );
        }
    } else {
        out.push(PathBuf::from("/usr/bin/soffice"));
        out.push(PathBuf::from("/usr/lib/libreoffice/program/soffice"));
        if let Ok(entries) = std::fs::read_dir("/opt") {
            let mut dirs: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("libreoffice"))
                })
                .collect();
            dirs.sort();
            dirs.reverse();
            out.extend(dirs.into_iter().map(|d| d.join("program/soffice")));
        }
    }
    out
}

/// The Flathub LibreOffice, installed for this user or for everyone.
fn flatpak() -> Option<Soffice> {
    let flatpak = which::which("flatpak").ok()?;
    let installed = [
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share/flatpak")),
        Some(PathBuf::from("/var/lib/flatpak")),
    ]
    .into_iter()
    .flatten()
    .any(|d| d.join("app").join(FLATPAK_ID).is_dir());
    installed.then(|| Soffice {
        prefix: vec![
            flatpak.into_os_string(),
            "run".into(),
            "--command=soffice".into(),
            FLATPAK_ID.into(),
        ],
        program: None,
        flatpak: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flatpak_grants_go_before_the_app() {
        let s = Soffice {
            prefix: vec![
                "flatpak".into(),
                "run".into(),
                "--command=soffice".into(),
                FLATPAK_ID.into(),
            ],
            program: None,
            flatpak: true,
        };
        let argv = s.argv(&[Path::new("/data/out")], vec!["--headless".into()]);
        assert_eq!(
            argv,
            [
                "flatpak",
                "run",
                "--command=soffice",
                "--filesystem=/data/out",
                FLATPAK_ID,
                "--headless"
            ]
            .map(OsString::from)
        );
    }
}
