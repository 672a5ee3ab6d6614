//! Flatpak installations, read from their folders (no `flatpak` process: `flatpak info`
//! costs 100-150 ms per application). Layout: `<installation>/app/<id>/current` points to
//! `<arch>/<branch>`, whose `active` points to the deployed commit with its `metadata`
//! (keyfile) and `files/share/metainfo/<id>.metainfo.xml` (AppStream: name, releases).

use crate::detect::{Installed, Key, SourceError, SourceKind, SourceResult};
use quick_xml::events::Event;
use std::path::{Path, PathBuf};

/// Metainfo and metadata files larger than this are not read.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// The system installations: `FLATPAK_SYSTEM_DIR` or `/var/lib/flatpak`, plus the extra
/// ones declared in `/etc/flatpak/installations.d/*.conf`.
pub fn system_installations(roots: &super::Roots) -> Vec<PathBuf> {
    let mut v = vec![
        roots
            .flatpak_system
            .clone()
            .unwrap_or_else(|| roots.at("var/lib/flatpak")),
    ];
    v.extend(extra_installations(roots));
    v
}

/// The installations declared in `/etc/flatpak/installations.d/*.conf` (keyfiles).
#[cfg(unix)]
fn extra_installations(roots: &super::Roots) -> Vec<PathBuf> {
    use freedesktop_desktop_entry::GenericEntry;
    let mut v = Vec::new();
    let Ok(entries) = std::fs::read_dir(roots.at("etc/flatpak/installations.d")) else {
        return v;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "conf") {
            continue;
        }
        let Ok(bytes) = super::read_limited(&p, 64 * 1024) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let Ok(entry) = GenericEntry::from_str(&p, &text) else {
            continue;
        };
        for (group, values) in &entry.groups.0 {
            if group.starts_with("Installation")
                && let Some(path) = values.entry("Path")
            {
                let path = Path::new(path);
                v.push(roots.root.join(path.strip_prefix("/").unwrap_or(path)));
            }
        }
    }
    v
}

#[cfg(not(unix))]
fn extra_installations(_roots: &super::Roots) -> Vec<PathBuf> {
    Vec::new()
}

/// The user installation: `FLATPAK_USER_DIR` or `~/.local/share/flatpak`.
pub fn user_installation(roots: &super::Roots) -> Option<PathBuf> {
    roots
        .flatpak_user
        .clone()
        .or_else(|| roots.data_home.as_ref().map(|d| d.join("flatpak")))
}

/// Name and newest release version from an AppStream metainfo file.
pub fn parse_metainfo(xml: &str) -> Result<(Option<String>, Option<String>), String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    let mut in_name = false;
    let mut name: Option<String> = None;
    let mut version: Option<(String, String)> = None; // (date or "", version)
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                depth += 1;
                // The untranslated <name> directly under <component>.
                in_name = depth == 2
                    && e.name().as_ref() == b"name"
                    && !e
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == b"xml:lang");
                if e.name().as_ref() == b"release" {
                    release(&e, &mut version);
                }
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == b"release" => {
                release(&e, &mut version);
            }
            Ok(Event::Text(t)) if in_name && name.is_none() => {
                let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                if !s.trim().is_empty() {
                    name = Some(s.trim().to_owned());
                }
            }
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                in_name = false;
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(e.to_string()),
            _ => {}
        }
    }
    Ok((name, version.map(|(_, v)| v)))
}

/// Keeps the newest release seen (by date when present, else the first one listed,
/// as AppStream lists the newest first).
fn release(e: &quick_xml::events::BytesStart<'_>, best: &mut Option<(String, String)>) {
    let mut v = None;
    let mut date = String::new();
    for a in e.attributes().flatten() {
        let value = String::from_utf8_lossy(&a.value).into_owned();
        match a.key.as_ref() {
            b"version" => v = Some(value),
            b"date" => date = value,
            b"timestamp" if date.is_empty() => date = value,
            _ => {}
        }
    }
    let Some(v) = v else { return };
    match best {
        None => *best = Some((date, v)),
        Some((d, _)) if !date.is_empty() && !d.is_empty() && date > *d => *best = Some((date, v)),
        _ => {}
    }
}

/// Reads one installation's applications.
pub fn read_installation(dir: &Path, kind: SourceKind) -> Result<SourceResult, SourceError> {
    let apps = dir.join("app");
    let entries = match std::fs::read_dir(&apps) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(SourceError::Absent),
        Err(e) => return Err(SourceError::Unreadable(e.to_string())),
    };
    let mut out = SourceResult::new(kind);
    let mut ids: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    ids.sort();
    for id in ids {
        let app = apps.join(&id);
        // `current` -> <arch>/<branch>; `active` -> the deployed commit.
        let deploy = app.join("current").join("active");
        if !deploy.is_dir() {
            out.skipped.push(format!("{id}: no active deployment"));
            continue;
        }
        let mut name = None;
        let mut version = None;
        let share = deploy.join("files/share");
        let metainfo = [
            share.join(format!("metainfo/{id}.metainfo.xml")),
            share.join(format!("metainfo/{id}.appdata.xml")),
            share.join(format!("appdata/{id}.appdata.xml")),
        ];
        if let Some(path) = metainfo.iter().find(|p| p.is_file()) {
            match super::read_limited(path, MAX_FILE_BYTES)
                .and_then(|b| parse_metainfo(&String::from_utf8_lossy(&b)))
            {
                Ok((n, v)) => {
                    name = n;
                    version = v;
                }
                Err(e) => out.skipped.push(format!("{id}: metainfo: {e}")),
            }
        }
        if let Some(item) = Installed::new(name.as_deref().unwrap_or(&id), kind) {
            out.programs.push(
                item.version(version.as_deref())
                    .key(Key::Flatpak(id.clone())),
            );
        }
    }
    Ok(out)
}

/// All system installations together.
pub fn read_system(roots: &super::Roots) -> Result<SourceResult, SourceError> {
    let mut out = SourceResult::new(SourceKind::FlatpakSystem);
    let mut any = false;
    for dir in system_installations(roots) {
        match read_installation(&dir, SourceKind::FlatpakSystem) {
            Ok(r) => {
                any = true;
                out.programs.extend(r.programs);
                out.skipped.extend(r.skipped);
            }
            Err(SourceError::Absent) => {}
            Err(e) => out.skipped.push(format!("{}: {e}", dir.display())),
        }
    }
    if any {
        Ok(out)
    } else {
        Err(SourceError::Absent)
    }
}

pub fn read_user(roots: &super::Roots) -> Result<SourceResult, SourceError> {
    let dir = user_installation(roots).ok_or(SourceError::Absent)?;
    read_installation(&dir, SourceKind::FlatpakUser)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metainfo_name_and_newest_release() {
        let xml = r#"<?xml version="1.0"?>
<component type="desktop-application">
  <id>org.gimp.GIMP</id>
  <name>GNU Image Manipulation Program</name>
  <name xml:lang="fr">Programme de manipulation d'images GNU</name>
  <releases>
    <release version="3.0.4" date="2025-06-01"/>
    <release version="3.0.2" date="2025-04-01"><description><p>x</p></description></release>
  </releases>
</component>"#;
        let (name, version) = parse_metainfo(xml).expect("metainfo");
        assert_eq!(name.as_deref(), Some("GNU Image Manipulation Program"));
        assert_eq!(version.as_deref(), Some("3.0.4"));
        assert!(parse_metainfo("<component><name>x</nam></component>").is_err());
    }
}
