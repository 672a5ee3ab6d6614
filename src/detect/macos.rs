//! macOS: application bundles in /Applications, /Applications/Utilities and
//! ~/Applications, read from their Info.plist (XML or binary, by the `plist` crate).
//! Platform-neutral: it reads folders, so fixtures test it on any OS.

use crate::detect::{Installed, Key, SourceKind, SourceResult};
use std::path::{Path, PathBuf};

/// Info.plist files larger than this are not read (real ones are a few kilobytes; a
/// bloated one of a few megabytes is still read).
pub const MAX_PLIST_BYTES: u64 = 8 * 1024 * 1024;

/// The folders to look in, under a root (`/` on a Mac) and a home folder.
pub fn default_folders(root: &Path, home: Option<&Path>) -> Vec<PathBuf> {
    let mut v = vec![
        root.join("Applications"),
        root.join("Applications/Utilities"),
    ];
    if let Some(h) = home {
        v.push(h.join("Applications"));
    }
    v
}

/// What an Info.plist says of its bundle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BundleInfo {
    pub name: Option<String>,
    pub id: Option<String>,
    pub version: Option<String>,
}

/// Plists nested deeper than this are refused. Real Info.plists nest a few levels; a value
/// nested hundreds of thousands of levels deep (a few bytes a level) would overflow the
/// stack when built and dropped as a `plist::Value`.
pub const MAX_PLIST_DEPTH: usize = 64;

/// Name, id and version from an Info.plist's bytes (XML, binary or ASCII).
pub fn parse_info_plist(bytes: &[u8]) -> Result<BundleInfo, String> {
    // Read as a stream of events: only the root dictionary's strings are kept, everything
    // else is skipped without being built, down to MAX_PLIST_DEPTH levels.
    let RootStrings(strings) =
        plist::from_reader(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let get = |k: &str| strings.get(k).filter(|s| !s.trim().is_empty()).cloned();
    Ok(BundleInfo {
        name: get("CFBundleDisplayName").or_else(|| get("CFBundleName")),
        id: get("CFBundleIdentifier"),
        version: get("CFBundleShortVersionString").or_else(|| get("CFBundleVersion")),
    })
}

/// The keys of an Info.plist that are read.
const INFO_KEYS: [&str; 5] = [
    "CFBundleDisplayName",
    "CFBundleName",
    "CFBundleIdentifier",
    "CFBundleShortVersionString",
    "CFBundleVersion",
];

/// The string values of [`INFO_KEYS`] in a plist's root dictionary.
struct RootStrings(std::collections::HashMap<String, String>);

impl<'de> serde::Deserialize<'de> for RootStrings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RootVisitor)
    }
}

struct RootVisitor;

impl<'de> serde::de::Visitor<'de> for RootVisitor {
    type Value = RootStrings;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a dictionary at the root")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RootStrings, A::Error> {
        let mut out = std::collections::HashMap::new();
        while let Some(key) = map.next_key::<String>()? {
            // As in a dictionary, a key given twice keeps its last value.
            match map.next_value_seed(Skip { depth: 1 })? {
                Some(v) if INFO_KEYS.contains(&key.as_str()) => {
                    out.insert(key, v);
                }
                _ => {
                    out.remove(&key);
                }
            }
        }
        Ok(RootStrings(out))
    }
}

/// One value at `depth`: its text when it is a string, else `None`; arrays and
/// dictionaries are walked (not built) and refused past [`MAX_PLIST_DEPTH`].
struct Skip {
    depth: usize,
}

impl Skip {
    fn inner<E: serde::de::Error>(&self) -> Result<Skip, E> {
        if self.depth >= MAX_PLIST_DEPTH {
            return Err(E::custom(format!(
                "nested deeper than {MAX_PLIST_DEPTH} levels"
            )));
        }
        Ok(Skip {
            depth: self.depth + 1,
        })
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Skip {
    type Value = Option<String>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Skip {
    type Value = Option<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a plist value")
    }
    fn visit_str<E>(self, v: &str) -> Result<Option<String>, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Option<String>, E> {
        Ok(Some(v))
    }
    fn visit_bool<E>(self, _: bool) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Option<String>, A::Error> {
        while seq.next_element_seed(self.inner()?)?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Option<String>, A::Error> {
        while map.next_key_seed(self.inner()?)?.is_some() {
            map.next_value_seed(self.inner()?)?;
        }
        Ok(None)
    }
}

/// Reads one `.app` bundle.
fn read_bundle(app: &Path, out: &mut SourceResult) {
    let folder_name = app
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".app").to_owned())
        .unwrap_or_default();
    let plist = app.join("Contents/Info.plist");
    let parsed = match std::fs::metadata(&plist) {
        Ok(m) if m.len() > MAX_PLIST_BYTES => Err(format!("Info.plist of {} bytes", m.len())),
        Ok(_) => std::fs::read(&plist)
            .map_err(|e| e.to_string())
            .and_then(|b| parse_info_plist(&b)),
        Err(e) => Err(e.to_string()),
    };
    let BundleInfo { name, id, version } = match parsed {
        Ok(info) => info,
        Err(e) => {
            // The bundle exists: report it by its folder name, and say what was wrong.
            out.skipped.push(format!("{}: {e}", app.display()));
            BundleInfo::default()
        }
    };
    let name = name.unwrap_or(folder_name);
    if let Some(mut item) = Installed::new(&name, SourceKind::MacBundle) {
        item = item.version(version.as_deref());
        if let Some(id) = id.filter(|i| i.len() <= 255) {
            item = item.key(Key::BundleId(id));
        }
        out.programs.push(item);
    }
}

/// Walks the folders (three levels of vendor folders, never inside a bundle, never
/// through a symbolic link to a folder) and reads every `.app` bundle found.
pub fn read_bundles(folders: &[PathBuf]) -> SourceResult {
    let mut out = SourceResult::new(SourceKind::MacBundle);
    let mut seen = std::collections::HashSet::new();
    for folder in folders {
        let mut stack = vec![(folder.clone(), 0u8)];
        while let Some((dir, depth)) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut entries: Vec<_> = entries.flatten().collect();
            entries.sort_by_key(|e| e.file_name());
            for e in entries {
                let path = e.path();
                let Ok(ft) = e.file_type() else { continue };
                if !ft.is_dir() {
                    continue;
                }
                let is_app = path
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("app"));
                if is_app {
                    let canonical = std::fs::canonicalize(&path).unwrap_or(path.clone());
                    if seen.insert(canonical) {
                        read_bundle(&path, &mut out);
                    }
                } else if depth < 3
                    && !ft.is_symlink()
                    && !(depth == 0 && path.file_name().is_some_and(|n| n == "Utilities"))
                {
                    // Vendor folders ("Adobe Photoshop 2025/Adobe Photoshop 2025.app").
                    stack.push((path, depth + 1));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_and_binary_plists() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
<key>CFBundleIdentifier</key><string>org.libreoffice.script</string>
<key>CFBundleName</key><string>LibreOffice</string>
<key>CFBundleShortVersionString</key><string>24.8.2</string>
</dict></plist>"#;
        let info = parse_info_plist(xml).expect("xml plist");
        assert_eq!(info.name.as_deref(), Some("LibreOffice"));
        assert_eq!(info.id.as_deref(), Some("org.libreoffice.script"));
        assert_eq!(info.version.as_deref(), Some("24.8.2"));

        let mut dict = plist::Dictionary::new();
        dict.insert("CFBundleIdentifier".into(), "com.microsoft.Word".into());
        dict.insert("CFBundleDisplayName".into(), "Microsoft Word".into());
        let mut bin = Vec::new();
        plist::Value::Dictionary(dict)
            .to_writer_binary(&mut bin)
            .expect("binary plist");
        let info = parse_info_plist(&bin).expect("binary plist");
        assert_eq!(info.name.as_deref(), Some("Microsoft Word"));
        assert_eq!(info.id.as_deref(), Some("com.microsoft.Word"));

        assert!(parse_info_plist(b"bplist00\x00\x01").is_err());
        assert!(parse_info_plist(b"").is_err());
    }
}
