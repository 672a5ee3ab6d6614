//! AppImages: self-contained programs with no registry; by convention kept in
//! `~/Applications` (AppImageLauncher), sometimes `~/.local/bin` or `~/Downloads`.

use crate::detect::{Installed, SourceError, SourceKind, SourceResult};

/// "Obsidian-1.7.7.AppImage" -> "Obsidian"; "Joplin-3.1.24-x86_64.AppImage" -> "Joplin".
pub fn name_of(file: &str) -> Option<String> {
    let lower = file.to_ascii_lowercase();
    let stem = &file[..lower.strip_suffix(".appimage")?.len()];
    let mut parts: Vec<&str> = Vec::new();
    for part in stem.split(['-', '_']) {
        if part.chars().next().is_some_and(|c| c.is_ascii_digit())
            || ["x86", "x64", "amd64", "arm64", "aarch64", "linux"]
                .contains(&part.to_ascii_lowercase().as_str())
        {
            break;
        }
        parts.push(part);
    }
    let name = parts.join(" ");
    (!name.trim().is_empty()).then_some(name)
}

/// Version from the file name, when there is one.
fn version_of(file: &str) -> Option<String> {
    file.split(['-', '_'])
        .find(|p| p.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(|p| {
            p.trim_end_matches(".AppImage")
                .trim_end_matches(".appimage")
                .to_owned()
        })
}

pub fn read(roots: &super::Roots) -> Result<SourceResult, SourceError> {
    let home = roots.home.as_ref().ok_or(SourceError::Absent)?;
    let mut out = SourceResult::new(SourceKind::AppImage);
    let mut any = false;
    for dir in ["Applications", ".local/bin", "Downloads", "Téléchargements"] {
        let Ok(entries) = std::fs::read_dir(home.join(dir)) else {
            continue;
        };
        any = true;
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        for p in files {
            if !p.is_file() {
                continue;
            }
            let file = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(name) = name_of(&file) else { continue };
            if let Some(item) = Installed::new(&name, SourceKind::AppImage) {
                out.programs
                    .push(item.version(version_of(&file).as_deref()));
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
    fn appimage_names() {
        assert_eq!(
            name_of("Obsidian-1.7.7.AppImage").as_deref(),
            Some("Obsidian")
        );
        assert_eq!(name_of("Joplin-3.1.24.AppImage").as_deref(), Some("Joplin"));
        assert_eq!(
            name_of("Nextcloud-3.14.3-x86_64.AppImage").as_deref(),
            Some("Nextcloud")
        );
        assert_eq!(
            name_of("kdenlive-24.08.3-x86_64.appimage").as_deref(),
            Some("kdenlive")
        );
        assert_eq!(name_of("notes.txt"), None);
        assert_eq!(name_of("1.2.AppImage"), None);
        assert_eq!(
            version_of("Obsidian-1.7.7.AppImage").as_deref(),
            Some("1.7.7")
        );
    }
}
