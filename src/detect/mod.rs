//! Knowing the machine: OS facts, the software installed, and what it means.
//!
//! Every platform reader is thin: it collects plain records (registry-like values, plist
//! files, package databases) and hands them to platform-neutral parsers in this module,
//! which are tested on any OS with fixtures. Matching those records to the catalogue is
//! `matching`; running every source in parallel with a time limit is `scan`.

pub mod linux;
pub mod macos;
pub mod matching;
pub mod os;
pub mod scan;
pub mod windows;

use serde::{Deserialize, Serialize};

/// Where an installed program was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// Debian / Ubuntu package database (`/var/lib/dpkg/status`).
    Dpkg,
    /// RPM database, through `rpm -qa`.
    Rpm,
    /// Flatpak, system installation.
    FlatpakSystem,
    /// Flatpak, per-user installation.
    FlatpakUser,
    /// Snap packages.
    Snap,
    /// Desktop entries (`.desktop` files): what the application menu shows.
    Desktop,
    /// AppImage files in the usual folders.
    AppImage,
    /// Windows "Apps & features" (the three Uninstall registry views).
    WindowsUninstall,
    /// Windows Store / MSIX packages.
    WindowsMsix,
    /// Microsoft Office Click-to-Run.
    WindowsClickToRun,
    /// Windows Start Menu shortcuts.
    WindowsStartMenu,
    /// macOS application bundles.
    MacBundle,
    /// An inventory tool's list (GLPI, OCS Inventory export) that does not say where on
    /// the machine the program was found. Names are those Apps & features shows.
    Inventory,
}

impl SourceKind {
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Dpkg => "dpkg",
            SourceKind::Rpm => "rpm",
            SourceKind::FlatpakSystem => "flatpak-system",
            SourceKind::FlatpakUser => "flatpak-user",
            SourceKind::Snap => "snap",
            SourceKind::Desktop => "desktop",
            SourceKind::AppImage => "appimage",
            SourceKind::WindowsUninstall => "windows-uninstall",
            SourceKind::WindowsMsix => "windows-msix",
            SourceKind::WindowsClickToRun => "windows-click-to-run",
            SourceKind::WindowsStartMenu => "windows-start-menu",
            SourceKind::MacBundle => "mac-bundle",
            SourceKind::Inventory => "inventory",
        }
    }

    /// Sources whose items often repeat programs another source already lists (a Start
    /// Menu shortcut "Word" next to the Office uninstall entry): they are reported only
    /// when they are not such a repeat.
    pub fn is_secondary(self) -> bool {
        matches!(self, SourceKind::WindowsStartMenu)
    }
}

/// A stable identifier of an installed program, stronger than its name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Key {
    /// A distribution package name (dpkg, rpm).
    Package(String),
    /// A Flatpak application id.
    Flatpak(String),
    /// A snap name.
    Snap(String),
    /// A desktop entry id (`firefox.desktop`).
    DesktopId(String),
    /// An MSI UpgradeCode, `{8-4-4-4-12}` upper case.
    UpgradeCode(String),
    /// An MSI ProductCode, `{8-4-4-4-12}` upper case.
    ProductCode(String),
    /// An MSIX package family name.
    Msix(String),
    /// A macOS bundle identifier.
    BundleId(String),
    /// An executable file name (`winword.exe`), lower case.
    Exe(String),
    /// An Office Click-to-Run ProductReleaseId.
    ClickToRun(String),
}

impl Key {
    /// The kind of key, as a code.
    pub fn kind(&self) -> &'static str {
        match self {
            Key::Package(_) => "package",
            Key::Flatpak(_) => "flatpak",
            Key::Snap(_) => "snap",
            Key::DesktopId(_) => "desktop-id",
            Key::UpgradeCode(_) => "upgrade-code",
            Key::ProductCode(_) => "product-code",
            Key::Msix(_) => "msix",
            Key::BundleId(_) => "bundle-id",
            Key::Exe(_) => "exe",
            Key::ClickToRun(_) => "click-to-run",
        }
    }

    pub fn value(&self) -> &str {
        match self {
            Key::Package(v)
            | Key::Flatpak(v)
            | Key::Snap(v)
            | Key::DesktopId(v)
            | Key::UpgradeCode(v)
            | Key::ProductCode(v)
            | Key::Msix(v)
            | Key::BundleId(v)
            | Key::Exe(v)
            | Key::ClickToRun(v) => v,
        }
    }
}

/// One installed program as a source reports it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Installed {
    /// The name people see.
    pub name: String,
    pub publisher: Option<String>,
    pub version: Option<String>,
    pub source: SourceKind,
    /// Stable identifiers, strongest first.
    pub keys: Vec<Key>,
    /// Where it is installed (Windows InstallLocation), or what a shortcut points to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// The longest name, publisher or version kept (a hostile registry value can be huge).
pub const MAX_TEXT: usize = 512;

/// Cleans a text read from the machine: control characters removed, blanks collapsed,
/// length limited. `None` when nothing is left.
pub fn clean(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len().min(MAX_TEXT));
    let mut count = 0;
    let mut space = false;
    for c in s.chars() {
        if count >= MAX_TEXT {
            break;
        }
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if space {
            // No room left for a blank and a character: stop at the last word's end.
            if count + 1 >= MAX_TEXT {
                break;
            }
            out.push(' ');
            count += 1;
            space = false;
        }
        out.push(c);
        count += 1;
    }
    (!out.is_empty()).then_some(out)
}

impl Installed {
    /// A record with a cleaned name; `None` when the name is empty once cleaned.
    pub fn new(name: &str, source: SourceKind) -> Option<Installed> {
        Some(Installed {
            name: clean(name)?,
            publisher: None,
            version: None,
            source,
            keys: Vec::new(),
            location: None,
        })
    }

    pub fn location(mut self, l: Option<&str>) -> Installed {
        self.location = l
            .map(str::trim)
            .filter(|l| !l.is_empty() && l.len() <= 1024)
            .map(str::to_owned);
        self
    }

    pub fn publisher(mut self, p: Option<&str>) -> Installed {
        self.publisher = p.and_then(clean);
        self
    }

    pub fn version(mut self, v: Option<&str>) -> Installed {
        self.version = v.and_then(clean);
        self
    }

    pub fn key(mut self, k: Key) -> Installed {
        if !self.keys.contains(&k) {
            self.keys.push(k);
        }
        self
    }
}

/// Why a source could not be read (the others still answer).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", content = "detail", rename_all = "kebab-case")]
pub enum SourceError {
    /// The source does not exist on this machine (not an error for the person).
    #[error("absent")]
    Absent,
    #[error("unreadable: {0}")]
    Unreadable(String),
    #[error("did not answer within {0} ms")]
    Timeout(u64),
    #[error("failed: {0}")]
    Failed(String),
    /// The service behind the source is not part of this system (the Store's package
    /// service on a Windows without it, or under Wine): said in words, not as an error
    /// code. The detail is for IT (`0x80040154`), never shown alone.
    #[error("not available on this system: {0}")]
    Unavailable(String),
}

/// What one source gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceResult {
    pub source: SourceKind,
    pub programs: Vec<Installed>,
    /// Items that could not be read, with why (a broken file among good ones).
    pub skipped: Vec<String>,
}

impl SourceResult {
    pub fn new(source: SourceKind) -> SourceResult {
        SourceResult {
            source,
            programs: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_control_characters_and_limits_length() {
        assert_eq!(
            clean("  Google\tChrome \u{0}\n"),
            Some("Google Chrome".into())
        );
        assert_eq!(clean(" \u{7} \n"), None);
        assert_eq!(clean(&"x".repeat(100_000)).map(|s| s.len()), Some(MAX_TEXT));
        assert_eq!(clean("caf\u{FFFD}"), Some("caf\u{FFFD}".into()));
    }
}
