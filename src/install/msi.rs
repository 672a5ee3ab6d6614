//! Unpacking an MSI's files for one user, without Windows Installer: what `msiexec /a`
//! (an "administrative install") does, for when msiexec cannot (a policy forbids it to
//! people without administrator rights, code 1625; Wine has no administrative installs,
//! code 1626). The package was checked against the catalogue's SHA-256 before.
//!
//! The layout is msiexec's: under the target folder, each directory by its source name
//! (`PFiles64\LibreOffice\program\soffice.com`). Only the files of cabinets embedded in
//! the package are unpacked (the way vendors ship their MSIs); a package whose files sit
//! in external cabinets or beside it is refused with a reason. Names are checked: nothing
//! is written outside the target folder, nothing already there is replaced, and the total
//! size is bounded.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};
use std::path::{Component, Path, PathBuf};

/// Why a package could not be unpacked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnpackError {
    /// Not an MSI, or its database could not be read.
    #[error("not a readable MSI package: {0}")]
    NotAPackage(String),
    /// Its files are not in an embedded cabinet (external cabinets, or loose files).
    #[error("files outside the package ({0})")]
    ExternalFiles(String),
    /// A name that would leave the target folder, or that Windows forbids.
    #[error("unsafe name in the package: {0}")]
    UnsafeName(String),
    /// The target folder already holds this file.
    #[error("already there: {0}")]
    Exists(PathBuf),
    /// Over the size limit.
    #[error("larger than {0} bytes once unpacked")]
    TooLarge(u64),
    /// Reading the cabinet or writing a file failed.
    #[error("{0}")]
    Io(String),
}

/// What was unpacked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unpacked {
    pub files: usize,
    pub bytes: u64,
}

/// One row of the Directory table.
struct Dir {
    parent: Option<String>,
    /// The source name (the part after `:` in `target:source`, long form).
    name: String,
}

fn text(row: &msi::Row, column: &str) -> Option<String> {
    if !row.has_column(column) {
        return None;
    }
    row[column].as_str().map(str::to_owned)
}

fn int(row: &msi::Row, column: &str) -> Option<i32> {
    if !row.has_column(column) {
        return None;
    }
    row[column].as_int()
}

/// The long form of `short|long`.
fn long(name: &str) -> &str {
    name.rsplit('|').next().unwrap_or(name)
}

/// The source name of a DefaultDir value (`target:source`, each maybe `short|long`).
fn source_name(default_dir: &str) -> String {
    let source = default_dir.rsplit(':').next().unwrap_or(default_dir);
    long(source).to_owned()
}

/// A single path component that stays where it is put: no separator, no `..`, no
/// drive, no name Windows reserves or refuses.
fn safe_component(name: &str) -> Result<&str, UnpackError> {
    let bad = name.is_empty()
        || name.len() > 255
        || name == ".."
        || name.chars().any(|c| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        || name.ends_with(['.', ' ']);
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if bad || reserved {
        Err(UnpackError::UnsafeName(name.chars().take(80).collect()))
    } else {
        Ok(name)
    }
}

/// The folder of directory `id` under `target`, following Directory_Parent up to the
/// root (TARGETDIR, or a row with no parent), guarding against cycles.
fn dir_path(
    id: &str,
    dirs: &HashMap<String, Dir>,
    target: &Path,
    cache: &mut HashMap<String, PathBuf>,
) -> Result<PathBuf, UnpackError> {
    if let Some(p) = cache.get(id) {
        return Ok(p.clone());
    }
    let mut chain = Vec::new();
    let mut seen = HashSet::new();
    let mut current = Some(id.to_owned());
    while let Some(d) = current {
        if !seen.insert(d.clone()) || chain.len() > 64 {
            return Err(UnpackError::UnsafeName(format!("directory loop at {d}")));
        }
        let Some(row) = dirs.get(&d) else {
            return Err(UnpackError::NotAPackage(format!("no directory {d}")));
        };
        current = row.parent.clone().filter(|p| p != &d);
        chain.push(row);
    }
    let mut path = target.to_path_buf();
    // The root itself (TARGETDIR, "SourceDir") is the target folder.
    for row in chain.iter().rev().skip(1) {
        let name = &row.name;
        if name == "." || name.is_empty() {
            continue;
        }
        path.push(safe_component(name)?);
    }
    cache.insert(id.to_owned(), path.clone());
    Ok(path)
}

/// Unpacks the package at `msi_path` into `target` (created), at most `max_bytes`.
pub fn unpack(msi_path: &Path, target: &Path, max_bytes: u64) -> Result<Unpacked, UnpackError> {
    // A damaged package must give a reason, never a panic inside a parser.
    match std::panic::catch_unwind(|| unpack_inner(msi_path, target, max_bytes)) {
        Ok(r) => r,
        Err(_) => Err(UnpackError::NotAPackage("unreadable tables".to_owned())),
    }
}

fn unpack_inner(msi_path: &Path, target: &Path, max_bytes: u64) -> Result<Unpacked, UnpackError> {
    let bad = |e: std::io::Error| UnpackError::NotAPackage(e.to_string());
    let mut package = msi::open(msi_path).map_err(bad)?;
    for table in ["Directory", "Component", "File", "Media"] {
        if !package.has_table(table) {
            return Err(UnpackError::NotAPackage(format!("no {table} table")));
        }
    }
    let mut dirs = HashMap::new();
    for row in package
        .select_rows(msi::Select::table("Directory"))
        .map_err(bad)?
    {
        let Some(id) = text(&row, "Directory") else {
            continue;
        };
        let default = text(&row, "DefaultDir").unwrap_or_default();
        dirs.insert(
            id,
            Dir {
                parent: text(&row, "Directory_Parent"),
                name: source_name(&default),
            },
        );
    }
    let mut component_dir = HashMap::new();
    for row in package
        .select_rows(msi::Select::table("Component"))
        .map_err(bad)?
    {
        if let (Some(c), Some(d)) = (text(&row, "Component"), text(&row, "Directory_")) {
            component_dir.insert(c, d);
        }
    }
    // File key -> (component, long file name).
    let mut files: HashMap<String, (String, String)> = HashMap::new();
    for row in package
        .select_rows(msi::Select::table("File"))
        .map_err(bad)?
    {
        let (Some(key), Some(component), Some(name)) = (
            text(&row, "File"),
            text(&row, "Component_"),
            text(&row, "FileName"),
        ) else {
            continue;
        };
        files.insert(key, (component, long(&name).to_owned()));
    }
    let mut cabinets = Vec::new();
    for row in package
        .select_rows(msi::Select::table("Media"))
        .map_err(bad)?
    {
        match text(&row, "Cabinet") {
            Some(c) if c.starts_with('#') => cabinets.push(c[1..].to_owned()),
            Some(c) => return Err(UnpackError::ExternalFiles(c)),
            None if int(&row, "LastSequence").unwrap_or(0) > 0 => {
                return Err(UnpackError::ExternalFiles("uncompressed media".to_owned()));
            }
            None => {}
        }
    }
    if cabinets.is_empty() && !files.is_empty() {
        return Err(UnpackError::ExternalFiles("no embedded cabinet".to_owned()));
    }
    std::fs::create_dir_all(target).map_err(|e| UnpackError::Io(e.to_string()))?;
    let mut cache = HashMap::new();
    let mut done = Unpacked::default();
    for cab_name in cabinets {
        let stream = package
            .read_stream(&cab_name)
            .map_err(|e| UnpackError::NotAPackage(format!("cabinet {cab_name}: {e}")))?;
        extract_cabinet(
            stream,
            &files,
            &component_dir,
            &dirs,
            target,
            &mut cache,
            max_bytes,
            &mut done,
        )?;
    }
    Ok(done)
}

#[allow(clippy::too_many_arguments)]
fn extract_cabinet<R: Read + Seek>(
    stream: R,
    files: &HashMap<String, (String, String)>,
    component_dir: &HashMap<String, String>,
    dirs: &HashMap<String, Dir>,
    target: &Path,
    cache: &mut HashMap<String, PathBuf>,
    max_bytes: u64,
    done: &mut Unpacked,
) -> Result<(), UnpackError> {
    let io = |e: std::io::Error| UnpackError::Io(e.to_string());
    let mut cabinet = cab::Cabinet::new(stream).map_err(io)?;
    let names: Vec<(String, u64)> = cabinet
        .folder_entries()
        .flat_map(|f| f.file_entries())
        .map(|e| (e.name().to_owned(), u64::from(e.uncompressed_size())))
        .collect();
    for (key, size) in names {
        let Some((component, file_name)) = files.get(&key) else {
            // A file of the cabinet that the database does not place: left out.
            continue;
        };
        let Some(dir) = component_dir.get(component) else {
            continue;
        };
        if done.bytes.saturating_add(size) > max_bytes {
            return Err(UnpackError::TooLarge(max_bytes));
        }
        let folder = dir_path(dir, dirs, target, cache)?;
        let dest = folder.join(safe_component(file_name)?);
        // Belt and braces: the path is still under the target folder.
        if dest
            .strip_prefix(target)
            .map(|rel| rel.components().any(|c| !matches!(c, Component::Normal(_))))
            .unwrap_or(true)
        {
            return Err(UnpackError::UnsafeName(file_name.clone()));
        }
        if std::fs::symlink_metadata(&dest).is_ok() {
            return Err(UnpackError::Exists(dest));
        }
        std::fs::create_dir_all(&folder).map_err(io)?;
        let mut reader = cabinet.read_file(&key).map_err(io)?;
        let mut tmp = tempfile::NamedTempFile::new_in(&folder).map_err(io)?;
        let copied = std::io::copy(&mut (&mut reader).take(size + 1), &mut tmp).map_err(io)?;
        if copied != size {
            return Err(UnpackError::Io(format!(
                "{key}: {copied} bytes instead of {size}"
            )));
        }
        tmp.persist_noclobber(&dest)
            .map_err(|e| UnpackError::Io(e.to_string()))?;
        done.files += 1;
        done.bytes += size;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_leave_the_folder_or_that_windows_refuses() {
        for bad in [
            "..", "a/b", "a\\b", "C:", "CON", "nul.txt", "com1", "x.", "", "a|b",
        ] {
            assert!(safe_component(bad).is_err(), "{bad:?}");
        }
        for good in [
            "soffice.com",
            "LibreOffice",
            "Été 2026.txt",
            "console.txt",
            "COM10",
        ] {
            assert!(safe_component(good).is_ok(), "{good:?}");
        }
        assert_eq!(source_name("PFILES|Program Files:PFiles"), "PFiles");
        assert_eq!(source_name("LIBREO~1|LibreOffice"), "LibreOffice");
        assert_eq!(source_name("."), ".");
    }
}
