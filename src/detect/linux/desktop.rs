//! Desktop entries: what the application menu shows. Read from `$XDG_DATA_HOME/applications`,
//! each `$XDG_DATA_DIRS/applications`, and explicitly the Flatpak and Snap export folders,
//! with the `freedesktop-desktop-entry` crate. Entries hidden from menus are skipped.

use crate::detect::{Installed, Key, SourceError, SourceKind, SourceResult};
use freedesktop_desktop_entry::DesktopEntry;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub const MAX_ENTRY_BYTES: u64 = 256 * 1024;
/// How deep sub-folders of an applications folder are followed.
pub const MAX_DEPTH: usize = 4;

/// The applications folders, most specific first (the first entry of an id wins).
pub fn folders(roots: &super::Roots) -> Vec<PathBuf> {
    let mut v = Vec::new();
    if let Some(h) = &roots.data_home {
        v.push(h.join("applications"));
    }
    for d in &roots.data_dirs {
        v.push(d.join("applications"));
    }
    if let Some(u) = super::flatpak::user_installation(roots) {
        v.push(u.join("exports/share/applications"));
    }
    v.push(roots.at("var/lib/flatpak/exports/share/applications"));
    v.push(roots.at("var/lib/snapd/desktop/applications"));
    let mut seen = HashSet::new();
    v.retain(|p| seen.insert(p.clone()));
    v
}

/// Whether an entry is shown in menus of the current desktop.
fn shown(entry: &DesktopEntry, desktops: &[String]) -> bool {
    if entry.no_display() || entry.hidden() {
        return false;
    }
    if entry.type_().is_some_and(|t| t != "Application") {
        return false;
    }
    let has = |list: Option<Vec<&str>>| {
        list.map(|l| {
            l.iter()
                .any(|d| desktops.iter().any(|c| c.eq_ignore_ascii_case(d)))
        })
    };
    if !desktops.is_empty() {
        if has(entry.only_show_in()) == Some(false) {
            return false;
        }
        if has(entry.not_show_in()) == Some(true) {
            return false;
        }
    }
    true
}

/// Parses one desktop file's text; `None` when it is not shown, or when its `TryExec`
/// program is missing (`exists` says whether a program exists).
pub fn parse_entry(
    id: &str,
    path: &Path,
    text: &str,
    desktops: &[String],
    exists: &dyn Fn(&str) -> bool,
) -> Result<Option<Installed>, String> {
    let locales: [&str; 0] = [];
    // The crate derives an app id from the path: give it the (valid UTF-8) desktop id, as a
    // file name that is not UTF-8 would be refused.
    let _ = path;
    let entry =
        DesktopEntry::from_str(Path::new(id), text, Some(&locales)).map_err(|e| e.to_string())?;
    if !shown(&entry, desktops) {
        return Ok(None);
    }
    if let Some(program) = entry.try_exec()
        && !program.trim().is_empty()
        && !exists(program.trim())
    {
        return Ok(None);
    }
    let Some(name) = entry.name(&locales) else {
        return Err("no Name".to_owned());
    };
    let Some(mut item) = Installed::new(&name, SourceKind::Desktop) else {
        return Err("empty Name".to_owned());
    };
    item = item.key(Key::DesktopId(id.to_owned()));
    if let Some(f) = entry.flatpak() {
        item = item.key(Key::Flatpak(f.to_owned()));
    }
    if let Some(s) = entry.desktop_entry("X-SnapInstanceName") {
        item = item.key(Key::Snap(s.to_owned()));
    }
    Ok(Some(item))
}

/// Whether a program named in `TryExec` exists: an absolute path under the root, or a
/// name in the PATH (this machine's PATH, or the usual folders under a fixture root).
pub fn program_exists(roots: &super::Roots, program: &str) -> bool {
    let p = Path::new(program);
    if p.is_absolute() {
        return roots.root.join(p.strip_prefix("/").unwrap_or(p)).exists();
    }
    let dirs: Vec<PathBuf> = if roots.root == Path::new("/") {
        std::env::var_os("PATH")
            .map(|v| std::env::split_paths(&v).collect())
            .unwrap_or_default()
    } else {
        ["usr/local/bin", "usr/bin", "bin", "usr/games", "snap/bin"]
            .iter()
            .map(|d| roots.at(d))
            .collect()
    };
    dirs.iter().any(|d| d.join(program).exists())
}

pub fn read(roots: &super::Roots) -> Result<SourceResult, SourceError> {
    let mut out = SourceResult::new(SourceKind::Desktop);
    let exists = |p: &str| program_exists(roots, p);
    let mut ids = HashSet::new();
    let mut any = false;
    for base in folders(roots) {
        if !base.is_dir() {
            continue;
        }
        any = true;
        // (folder, id prefix, depth); sub-folders give ids like `kde4-foo.desktop`.
        let mut stack = vec![(base.clone(), String::new(), 0usize)];
        let mut visited = HashSet::new();
        while let Some((dir, prefix, depth)) = stack.pop() {
            // A symbolic link loop cannot trap the walk: each real folder once.
            let real = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
            if !visited.insert(real) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            entries.sort();
            for p in entries {
                let file = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if p.is_dir() {
                    if depth < MAX_DEPTH {
                        stack.push((p.clone(), format!("{prefix}{file}-"), depth + 1));
                    }
                    continue;
                }
                if !file.ends_with(".desktop") {
                    continue;
                }
                let id = format!("{prefix}{file}");
                if !ids.insert(id.clone()) {
                    continue;
                }
                let text = match super::read_limited(&p, MAX_ENTRY_BYTES) {
                    Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                    Err(e) => {
                        out.skipped.push(format!("{}: {e}", p.display()));
                        continue;
                    }
                };
                match parse_entry(&id, &p, &text, &roots.desktops, &exists) {
                    Ok(Some(item)) => out.programs.push(item),
                    Ok(None) => {}
                    Err(e) => out.skipped.push(format!("{}: {e}", p.display())),
                }
            }
        }
    }
    if any {
        Ok(out)
    } else {
        Err(SourceError::Absent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desktop_entries_shown_or_not() {
        let p = Path::new("firefox.desktop");
        let yes = |_: &str| true;
        let no = |_: &str| false;
        let gone = "[Desktop Entry]\nType=Application\nName=Gone\nTryExec=/opt/gone/gone\n";
        assert!(
            parse_entry("gone.desktop", p, gone, &[], &no)
                .expect("ok")
                .is_none()
        );
        assert!(
            parse_entry("gone.desktop", p, gone, &[], &yes)
                .expect("ok")
                .is_some()
        );
        let item = parse_entry(
            "firefox.desktop",
            p,
            "[Desktop Entry]\nType=Application\nName=Firefox\nName[fr]=Firefox\nExec=firefox %u\n",
            &[],
            &yes,
        )
        .expect("entry")
        .expect("shown");
        assert_eq!(item.name, "Firefox");
        assert_eq!(item.keys, vec![Key::DesktopId("firefox.desktop".into())]);
        assert!(
            parse_entry(
                "x.desktop",
                p,
                "[Desktop Entry]\nType=Application\nName=X\nNoDisplay=true\n",
                &[],
                &yes
            )
            .expect("ok")
            .is_none()
        );
        assert!(
            parse_entry(
                "x.desktop",
                p,
                "[Desktop Entry]\nType=Application\nName=X\nHidden=true\n",
                &[],
                &yes
            )
            .expect("ok")
            .is_none()
        );
        let kde_only = "[Desktop Entry]\nType=Application\nName=K\nOnlyShowIn=KDE;\n";
        assert!(
            parse_entry("k.desktop", p, kde_only, &["GNOME".into()], &yes)
                .expect("ok")
                .is_none()
        );
        assert!(
            parse_entry("k.desktop", p, kde_only, &["KDE".into()], &yes)
                .expect("ok")
                .is_some()
        );
        assert!(
            parse_entry(
                "n.desktop",
                p,
                "[Desktop Entry]\nType=Application\nExec=n\n",
                &[],
                &yes
            )
            .is_err()
        );
        let flat = parse_entry(
            "org.gimp.GIMP.desktop",
            p,
            "[Desktop Entry]\nType=Application\nName=GIMP\nX-Flatpak=org.gimp.GIMP\n",
            &[],
            &yes,
        )
        .expect("entry")
        .expect("shown");
        assert!(flat.keys.contains(&Key::Flatpak("org.gimp.GIMP".into())));
    }
}
