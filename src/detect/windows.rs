//! Windows: the programs of "Apps & features" (the three Uninstall registry views), MSI
//! UpgradeCodes, Store/MSIX packages, Office Click-to-Run, App Paths and Start Menu
//! shortcuts. Never `Win32_Product` (slow and it repairs MSI packages as it queries).
//!
//! The live reader (Windows only) copies the registry into a [`RegistrySnapshot`] of plain
//! records; everything else here is platform-neutral and tested with JSON fixtures.

use crate::detect::{Installed, Key, SourceKind, SourceResult};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A registry value, typed as the registry types it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegValue {
    Sz(String),
    ExpandSz(String),
    MultiSz(Vec<String>),
    Dword(u32),
    Qword(u64),
    /// Hexadecimal bytes.
    Binary(String),
}

impl RegValue {
    /// The value as text, for string types only, up to its first NUL as Windows shows
    /// it (a value may carry garbage after its terminator).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            RegValue::Sz(s) | RegValue::ExpandSz(s) => Some(s.split('\0').next().unwrap_or("")),
            _ => None,
        }
    }
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            RegValue::Dword(v) => Some(*v),
            RegValue::Qword(v) => u32::try_from(*v).ok(),
            _ => None,
        }
    }
}

/// Which Uninstall key a record comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// HKLM, 64-bit view.
    Hklm64,
    /// HKLM, 32-bit view (WOW6432Node).
    Hklm32,
    /// HKCU.
    Hkcu,
}

/// One subkey of an Uninstall key.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UninstallKey {
    pub view: View,
    pub subkey: String,
    #[serde(default)]
    pub values: BTreeMap<String, RegValue>,
}

/// An installed Store / MSIX package.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct MsixPackage {
    pub family_name: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub publisher_display_name: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    /// `store`, `developer`, `enterprise`, `system`, `none`.
    #[serde(default)]
    pub signature: String,
}

/// A Start Menu shortcut.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Shortcut {
    /// `all_users` or `user`.
    #[serde(default)]
    pub scope: String,
    /// Path relative to a Start Menu\Programs folder (`Google Chrome.lnk`).
    pub path: String,
    /// The target, when the shortcut points to a file.
    #[serde(default)]
    pub target: Option<String>,
}

/// What the Windows reader copies from the registry and the Start Menu.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct RegistrySnapshot {
    #[serde(default)]
    pub uninstall: Vec<UninstallKey>,
    /// Packed UpgradeCode -> packed ProductCodes (HKLM\...\Installer\UpgradeCodes).
    #[serde(default)]
    pub upgrade_codes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub msix: Vec<MsixPackage>,
    /// Values of HKLM\SOFTWARE\Microsoft\Office\ClickToRun\Configuration.
    #[serde(default)]
    pub click_to_run: Option<BTreeMap<String, String>>,
    /// Executable name -> full path (HKLM\...\App Paths). Kept in captures but not
    /// reported: an App Paths entry often outlives the program it named.
    #[serde(default)]
    pub app_paths: BTreeMap<String, String>,
    #[serde(default)]
    pub start_menu: Vec<Shortcut>,
}

impl RegistrySnapshot {
    /// Reads a snapshot saved as JSON (fixtures, or a capture from a PC sent by IT).
    pub fn from_json(text: &str) -> Result<RegistrySnapshot, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// Turns a `{8-4-4-4-12}` GUID into the packed form the Installer keys use: the
/// characters of the first three groups reversed, then each byte of the last two groups
/// with its two hex digits swapped.
pub fn pack_guid(guid: &str) -> Option<String> {
    let hex: String = guid
        .trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .split('-')
        .collect();
    if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_uppercase();
    let rev = |s: &str| s.chars().rev().collect::<String>();
    let mut out = String::with_capacity(32);
    out.push_str(&rev(&hex[0..8]));
    out.push_str(&rev(&hex[8..12]));
    out.push_str(&rev(&hex[12..16]));
    for i in (16..32).step_by(2) {
        out.push_str(&rev(&hex[i..i + 2]));
    }
    Some(out)
}

/// The inverse of [`pack_guid`]: 32 hex digits to `{8-4-4-4-12}`, upper case.
pub fn unpack_guid(packed: &str) -> Option<String> {
    let p = packed.trim();
    if p.len() != 32 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let p = p.to_ascii_uppercase();
    let rev = |s: &str| s.chars().rev().collect::<String>();
    let mut tail = String::with_capacity(16);
    for i in (16..32).step_by(2) {
        tail.push_str(&rev(&p[i..i + 2]));
    }
    Some(format!(
        "{{{}-{}-{}-{}-{}}}",
        rev(&p[0..8]),
        rev(&p[8..12]),
        rev(&p[12..16]),
        &tail[0..4],
        &tail[4..16]
    ))
}

/// Whether a subkey name is a `{GUID}` (an MSI ProductCode).
fn guid(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() == 38 && t.starts_with('{') && t.ends_with('}') {
        pack_guid(t).and_then(|p| unpack_guid(&p))
    } else {
        None
    }
}

/// The version of an uninstall entry: DisplayVersion, else VersionMajor.VersionMinor,
/// else MajorVersion.MinorVersion, else the packed Version DWORD (as winget does).
fn version_of(values: &BTreeMap<String, RegValue>) -> Option<String> {
    if let Some(v) = values.get("DisplayVersion").and_then(RegValue::as_str)
        && !v.trim().is_empty()
    {
        return Some(v.trim().to_owned());
    }
    let pair = |a: &str, b: &str| {
        let major = values.get(a).and_then(RegValue::as_u32)?;
        let minor = values.get(b).and_then(RegValue::as_u32).unwrap_or(0);
        Some(format!("{major}.{minor}"))
    };
    pair("VersionMajor", "VersionMinor")
        .or_else(|| pair("MajorVersion", "MinorVersion"))
        .or_else(|| {
            let v = values.get("Version").and_then(RegValue::as_u32)?;
            Some(format!("{}.{}.{}", v >> 24, (v >> 16) & 0xFF, v & 0xFFFF))
        })
}

/// Release types that are updates of another product, not programs.
const UPDATE_TYPES: [&str; 5] = [
    "update",
    "security update",
    "hotfix",
    "service pack",
    "update rollup",
];

/// Apps & features, as winget reads it: every view, skipping system components,
/// nameless entries, updates, and a subkey already seen in another view.
pub fn uninstall_programs(snapshot: &RegistrySnapshot, out: &mut SourceResult) {
    // ProductCode -> UpgradeCode, from the packed Installer keys.
    let mut upgrade_of: HashMap<String, String> = HashMap::new();
    for (packed_upgrade, products) in &snapshot.upgrade_codes {
        let Some(upgrade) = unpack_guid(packed_upgrade) else {
            out.skipped
                .push(format!("UpgradeCodes\\{packed_upgrade}: not a packed GUID"));
            continue;
        };
        for packed_product in products {
            if let Some(product) = unpack_guid(packed_product) {
                upgrade_of.insert(product, upgrade.clone());
            }
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut ordered: Vec<&UninstallKey> = snapshot.uninstall.iter().collect();
    // winget's order: 64-bit machine, 32-bit machine, user.
    ordered.sort_by_key(|k| match k.view {
        View::Hklm64 => 0,
        View::Hklm32 => 1,
        View::Hkcu => 2,
    });
    for key in ordered {
        let v = &key.values;
        if v.get("SystemComponent")
            .and_then(RegValue::as_u32)
            .unwrap_or(0)
            != 0
        {
            continue;
        }
        if v.contains_key("ParentKeyName") {
            continue;
        }
        if let Some(rt) = v.get("ReleaseType").and_then(RegValue::as_str)
            && UPDATE_TYPES.contains(&rt.trim().to_lowercase().as_str())
        {
            continue;
        }
        let Some(name) = v.get("DisplayName").and_then(RegValue::as_str) else {
            if v.contains_key("DisplayName") {
                // A name written with the wrong type (REG_BINARY, REG_DWORD...).
                out.skipped.push(format!(
                    "Uninstall\\{}: DisplayName is not text",
                    key.subkey.chars().take(120).collect::<String>()
                ));
            }
            continue;
        };
        let Some(mut item) = Installed::new(name, SourceKind::WindowsUninstall) else {
            continue;
        };
        if !seen.insert(key.subkey.to_lowercase()) {
            continue;
        }
        item = item
            .publisher(v.get("Publisher").and_then(RegValue::as_str))
            .version(version_of(v).as_deref())
            .location(v.get("InstallLocation").and_then(RegValue::as_str));
        let msi = v.get("WindowsInstaller").and_then(RegValue::as_u32) == Some(1);
        if let Some(product) = guid(&key.subkey) {
            if let Some(upgrade) = upgrade_of.get(&product) {
                item = item.key(Key::UpgradeCode(upgrade.clone()));
            }
            if msi {
                item = item.key(Key::ProductCode(product));
            }
        }
        out.programs.push(item);
    }
}

/// Store / MSIX packages, except those signed by the system (parts of Windows).
pub fn msix_programs(snapshot: &RegistrySnapshot, out: &mut SourceResult) {
    let mut families = HashSet::new();
    for p in &snapshot.msix {
        if p.signature.eq_ignore_ascii_case("system") {
            continue;
        }
        if !families.insert(p.family_name.trim().to_lowercase()) {
            continue;
        }
        let name = p
            .display_name
            .as_deref()
            .filter(|n| !n.trim().is_empty() && !n.starts_with("ms-resource:"))
            .unwrap_or(&p.name);
        let Some(item) = Installed::new(name, SourceKind::WindowsMsix) else {
            out.skipped.push(format!("MSIX {}: no name", p.family_name));
            continue;
        };
        let mut item = item
            .publisher(p.publisher_display_name.as_deref())
            .version(p.version.as_deref());
        if !p.family_name.trim().is_empty() {
            item = item.key(Key::Msix(p.family_name.trim().to_owned()));
        }
        out.programs.push(item);
    }
}

/// A readable name for an Office Click-to-Run ProductReleaseId.
pub fn click_to_run_name(id: &str) -> String {
    let table: [(&str, &str); 14] = [
        ("O365ProPlus", "Microsoft 365 Apps for enterprise"),
        ("O365Business", "Microsoft 365 Apps for business"),
        ("O365HomePrem", "Microsoft 365 Family"),
        ("O365SmallBusPrem", "Microsoft 365 Business"),
        ("ProPlus", "Microsoft Office Professional Plus"),
        ("Professional", "Microsoft Office Professional"),
        ("Standard", "Microsoft Office Standard"),
        ("HomeBusiness", "Microsoft Office Home & Business"),
        ("HomeStudent", "Microsoft Office Home & Student"),
        ("Personal", "Microsoft Office Personal"),
        ("VisioPro", "Microsoft Visio Professional"),
        ("VisioStd", "Microsoft Visio Standard"),
        ("ProjectPro", "Microsoft Project Professional"),
        ("ProjectStd", "Microsoft Project Standard"),
    ];
    let base = table
        .iter()
        .find(|(prefix, _)| id.starts_with(prefix))
        .map(|(_, name)| (*name).to_owned())
        .or_else(|| {
            [
                ("OneNote", "OneNote"),
                ("Word", "Word"),
                ("Excel", "Excel"),
                ("PowerPoint", "PowerPoint"),
                ("Outlook", "Outlook"),
                ("Access", "Access"),
                ("Publisher", "Publisher"),
            ]
            .iter()
            .find(|(p, _)| id.starts_with(p))
            .map(|(_, n)| format!("Microsoft {n}"))
        })
        .unwrap_or_else(|| "Microsoft Office".to_owned());
    let year = ["2016", "2019", "2021", "2024"]
        .iter()
        .find(|y| id.contains(*y))
        .map(|y| format!(" {y}"))
        .unwrap_or_default();
    format!("{base}{year} ({id})")
}

/// Office Click-to-Run products (one per ProductReleaseId).
pub fn click_to_run_programs(snapshot: &RegistrySnapshot, out: &mut SourceResult) {
    let Some(cfg) = &snapshot.click_to_run else {
        return;
    };
    let version = cfg
        .get("VersionToReport")
        .or_else(|| cfg.get("ClientVersionToReport"))
        .map(String::as_str);
    let ids = cfg
        .get("ProductReleaseIds")
        .map(String::as_str)
        .unwrap_or("");
    for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            out.skipped
                .push(format!("Click-to-Run: odd ProductReleaseId {id:?}"));
            continue;
        }
        if let Some(item) = Installed::new(&click_to_run_name(id), SourceKind::WindowsClickToRun) {
            out.programs.push(
                item.publisher(Some("Microsoft Corporation"))
                    .version(version)
                    .key(Key::ClickToRun(id.to_owned())),
            );
        }
    }
}

/// The file name of a Windows path, lower case (`C:\...\WINWORD.EXE` -> `winword.exe`).
fn exe_name(path: &str) -> Option<String> {
    let name = path
        .trim()
        .trim_matches('"')
        .rsplit(['\\', '/'])
        .next()?
        .to_ascii_lowercase();
    name.ends_with(".exe").then_some(name)
}

/// Start Menu shortcuts: programs without an uninstall entry (portable ones, or installed
/// per user) show up here. Uninstall and help shortcuts are left out.
pub fn start_menu_programs(snapshot: &RegistrySnapshot, out: &mut SourceResult) {
    let mut seen = HashSet::new();
    for s in &snapshot.start_menu {
        let file = s.path.rsplit(['\\', '/']).next().unwrap_or(&s.path);
        let Some(stem) = file
            .strip_suffix(".lnk")
            .or_else(|| file.strip_suffix(".LNK"))
        else {
            continue;
        };
        let lower = stem.to_lowercase();
        if [
            "uninstall",
            "désinstaller",
            "desinstaller",
            "readme",
            "lisezmoi",
            "help",
            "aide",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            continue;
        }
        let Some(mut item) = Installed::new(stem, SourceKind::WindowsStartMenu) else {
            continue;
        };
        if !seen.insert(lower) {
            continue;
        }
        if let Some(exe) = s.target.as_deref().and_then(exe_name) {
            item = item.key(Key::Exe(exe));
        }
        item = item.location(s.target.as_deref());
        out.programs.push(item);
    }
}

/// Every Windows source from one snapshot, as separate results.
pub fn parse_snapshot(snapshot: &RegistrySnapshot) -> Vec<SourceResult> {
    let mut uninstall = SourceResult::new(SourceKind::WindowsUninstall);
    uninstall_programs(snapshot, &mut uninstall);
    let mut msix = SourceResult::new(SourceKind::WindowsMsix);
    msix_programs(snapshot, &mut msix);
    let mut c2r = SourceResult::new(SourceKind::WindowsClickToRun);
    click_to_run_programs(snapshot, &mut c2r);
    let mut start = SourceResult::new(SourceKind::WindowsStartMenu);
    start_menu_programs(snapshot, &mut start);
    vec![uninstall, msix, c2r, start]
}

/// The live reader: copies the registry into a snapshot (Windows only).
#[cfg(windows)]
pub mod live {
    use super::*;
    use windows_registry::{CURRENT_USER, Key as RegKey, LOCAL_MACHINE, Type};

    const UNINSTALL: &str = r"SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall";
    const UNINSTALL_32: &str = r"SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall";
    const UPGRADE_CODES: &str = r"SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UpgradeCodes";
    const C2R: &str = r"SOFTWARE\Microsoft\Office\ClickToRun\Configuration";
    const APP_PATHS: &str = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths";

    /// Registry text as Windows keeps it: UTF-16 up to the first NUL. Unpaired surrogates
    /// (odd data written by a careless installer) become U+FFFD instead of losing the
    /// value; an odd byte count drops the last byte.
    fn wide_text(value: &windows_registry::Value) -> String {
        let wide = value.as_wide();
        let end = wide.iter().position(|c| *c == 0).unwrap_or(wide.len());
        String::from_utf16_lossy(&wide[..end])
    }

    /// Binary data as hex, at most 64 bytes of it (it is only ever shown in a capture).
    fn hex_prefix(bytes: &[u8]) -> String {
        bytes.iter().take(64).map(|b| format!("{b:02x}")).collect()
    }

    fn values(key: &RegKey) -> BTreeMap<String, RegValue> {
        let mut out = BTreeMap::new();
        let Ok(iter) = key.values() else { return out };
        for (name, value) in iter {
            let v = match value.ty() {
                Type::String => Some(RegValue::Sz(wide_text(&value))),
                Type::ExpandString => Some(RegValue::ExpandSz(wide_text(&value))),
                Type::U32 => u32::try_from(value).ok().map(RegValue::Dword),
                Type::U64 => u64::try_from(value).ok().map(RegValue::Qword),
                Type::MultiString => Vec::<String>::try_from(value).ok().map(RegValue::MultiSz),
                Type::Bytes => Some(RegValue::Binary(hex_prefix(&value))),
                _ => None,
            };
            if let Some(v) = v {
                out.insert(name, v);
            }
        }
        out
    }

    fn uninstall(root: &RegKey, path: &str, view: View, into: &mut Vec<UninstallKey>) {
        let Ok(key) = root.open(path) else { return };
        let Ok(names) = key.keys() else { return };
        for subkey in names {
            if let Ok(sub) = key.open(&subkey) {
                into.push(UninstallKey {
                    view,
                    subkey,
                    values: values(&sub),
                });
            }
        }
    }

    /// The full path that `App Paths` registers for a program (`soffice.exe`), the
    /// person's own registration first, then the machine's: what Windows' Run dialog
    /// and `start` use to find a program that is not in PATH.
    pub fn app_path(exe: &str) -> Option<std::path::PathBuf> {
        [CURRENT_USER, LOCAL_MACHINE].into_iter().find_map(|root| {
            let key = root.open(format!(r"{APP_PATHS}\{exe}")).ok()?;
            let path = key.get_string("").ok()?;
            let path = path.trim().trim_matches('"');
            (!path.is_empty()).then(|| std::path::PathBuf::from(path))
        })
    }

    /// Reads Apps & features, UpgradeCodes, Click-to-Run and App Paths. MSIX packages
    /// and Start Menu shortcuts are read by their own functions.
    pub fn read_registry() -> RegistrySnapshot {
        let mut snap = RegistrySnapshot::default();
        uninstall(LOCAL_MACHINE, UNINSTALL, View::Hklm64, &mut snap.uninstall);
        uninstall(
            LOCAL_MACHINE,
            UNINSTALL_32,
            View::Hklm32,
            &mut snap.uninstall,
        );
        uninstall(CURRENT_USER, UNINSTALL, View::Hkcu, &mut snap.uninstall);
        if let Ok(codes) = LOCAL_MACHINE.open(UPGRADE_CODES)
            && let Ok(names) = codes.keys()
        {
            for upgrade in names {
                if let Ok(sub) = codes.open(&upgrade) {
                    let products: Vec<String> = sub
                        .values()
                        .map(|v| v.map(|(n, _)| n).collect())
                        .unwrap_or_default();
                    snap.upgrade_codes.insert(upgrade, products);
                }
            }
        }
        if let Ok(c2r) = LOCAL_MACHINE.open(C2R) {
            let map: BTreeMap<String, String> = values(&c2r)
                .into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
                .collect();
            if !map.is_empty() {
                snap.click_to_run = Some(map);
            }
        }
        if let Ok(paths) = LOCAL_MACHINE.open(APP_PATHS)
            && let Ok(names) = paths.keys()
        {
            for exe in names {
                if let Ok(sub) = paths.open(&exe)
                    && let Ok(path) = sub.get_string("")
                {
                    snap.app_paths.insert(exe, path);
                }
            }
        }
        snap
    }

    /// Why the Store's package list could not be read: the class is not registered
    /// (Windows without the Store's deployment service, Wine) or another COM error. The
    /// code travels as text for IT; the words are chosen when it is shown.
    fn msix_error(e: &windows::core::Error) -> crate::detect::SourceError {
        use crate::detect::SourceError;
        let code = e.code().0 as u32;
        // REGDB_E_CLASSNOTREG, CO_E_CLASSSTRING, E_NOINTERFACE, ERROR_PROC_NOT_FOUND,
        // ERROR_MOD_NOT_FOUND (as HRESULTs): the service is not part of this system.
        const NOT_HERE: [u32; 5] = [
            0x8004_0154,
            0x8004_01F3,
            0x8000_4002,
            0x8007_007F,
            0x8007_007E,
        ];
        let detail = format!("0x{code:08X}");
        if NOT_HERE.contains(&code) {
            SourceError::Unavailable(detail)
        } else {
            SourceError::Failed(detail)
        }
    }

    /// Store / MSIX packages of the current user (main packages, not frameworks), through
    /// the WinRT PackageManager, which answers without elevation.
    pub fn read_msix() -> Result<Vec<MsixPackage>, crate::detect::SourceError> {
        use windows::ApplicationModel::PackageSignatureKind;
        use windows::Management::Deployment::{PackageManager, PackageTypes};
        let pm = PackageManager::new().map_err(|e| msix_error(&e))?;
        let packages = pm
            .FindPackagesByUserSecurityIdWithPackageTypes(
                &windows::core::HSTRING::new(),
                PackageTypes::Main,
            )
            .map_err(|e| msix_error(&e))?;
        let mut out = Vec::new();
        for p in packages {
            let Ok(id) = p.Id() else { continue };
            let Ok(family) = id.FamilyName() else {
                continue;
            };
            let version = id
                .Version()
                .ok()
                .map(|v| format!("{}.{}.{}.{}", v.Major, v.Minor, v.Build, v.Revision));
            let signature = match p.SignatureKind() {
                Ok(PackageSignatureKind::Store) => "store",
                Ok(PackageSignatureKind::System) => "system",
                Ok(PackageSignatureKind::Developer) => "developer",
                Ok(PackageSignatureKind::Enterprise) => "enterprise",
                _ => "none",
            };
            out.push(MsixPackage {
                family_name: family.to_string(),
                name: id.Name().map(|n| n.to_string()).unwrap_or_default(),
                display_name: p.DisplayName().ok().map(|n| n.to_string()),
                publisher_display_name: p.PublisherDisplayName().ok().map(|n| n.to_string()),
                version,
                signature: signature.to_owned(),
            });
        }
        Ok(out)
    }

    /// Start Menu shortcuts of all users and of the current user, with their targets when
    /// the shortcut points to a file (advertised MSI shortcuts have none).
    pub fn read_start_menu() -> Vec<Shortcut> {
        let mut out = Vec::new();
        let roots = [
            (
                "all_users",
                std::env::var_os("ProgramData").map(|p| {
                    std::path::PathBuf::from(p).join(r"Microsoft\Windows\Start Menu\Programs")
                }),
            ),
            (
                "user",
                std::env::var_os("APPDATA").map(|p| {
                    std::path::PathBuf::from(p).join(r"Microsoft\Windows\Start Menu\Programs")
                }),
            ),
        ];
        for (scope, root) in roots {
            let Some(root) = root else { continue };
            let mut stack = vec![(root.clone(), 0)];
            while let Some((dir, depth)) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                for e in entries.flatten() {
                    let p = e.path();
                    let Ok(ft) = e.file_type() else { continue };
                    if ft.is_dir() && depth < 3 {
                        stack.push((p, depth + 1));
                    } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("lnk")) {
                        let rel = p.strip_prefix(&root).unwrap_or(&p);
                        let target = lnk::ShellLink::open(&p, lnk::encoding::WINDOWS_1252)
                            .ok()
                            .and_then(|l| l.link_target());
                        out.push(Shortcut {
                            scope: scope.to_owned(),
                            path: rel.to_string_lossy().into_owned(),
                            target,
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_guids_round_trip_as_in_the_installer_keys() {
        assert_eq!(
            pack_guid("{4B17E523-5D91-4E69-BD96-7FD81CFA81BB}").as_deref(),
            Some("325E71B419D596E4DB69F78DC1AF18BB")
        );
        assert_eq!(
            unpack_guid("5BEFACEFE0D84EA4F80A47B5AA38C553").as_deref(),
            Some("{FECAFEB5-8D0E-4AE4-8FA0-745BAA835C35}")
        );
        assert_eq!(unpack_guid("not-a-guid"), None);
        assert_eq!(unpack_guid("ZZ5E71B419D596E4DB69F78DC1AF18BB"), None);
        assert_eq!(pack_guid("{123}"), None);
    }

    #[test]
    fn version_falls_back_like_winget() {
        let mut v = BTreeMap::new();
        v.insert("Version".to_owned(), RegValue::Dword(0x0A01_0002));
        assert_eq!(version_of(&v).as_deref(), Some("10.1.2"));
        v.insert("VersionMajor".to_owned(), RegValue::Dword(7));
        assert_eq!(version_of(&v).as_deref(), Some("7.0"));
        v.insert("DisplayVersion".to_owned(), RegValue::Sz("7.6.4.1".into()));
        assert_eq!(version_of(&v).as_deref(), Some("7.6.4.1"));
    }

    #[test]
    fn click_to_run_names() {
        assert_eq!(
            click_to_run_name("O365ProPlusRetail"),
            "Microsoft 365 Apps for enterprise (O365ProPlusRetail)"
        );
        assert_eq!(
            click_to_run_name("ProPlus2019Volume"),
            "Microsoft Office Professional Plus 2019 (ProPlus2019Volume)"
        );
        assert_eq!(
            click_to_run_name("VisioPro2021Retail"),
            "Microsoft Visio Professional 2021 (VisioPro2021Retail)"
        );
    }
}
