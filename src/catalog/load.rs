//! Reading a catalogue: from the copy embedded at build time, or from a directory.

use crate::catalog::model::{Category, CategoryFile, Free, Guide, Proprietary, Replacement};
use crate::catalog::problem::{Problem, ProblemKind};
use crate::catalog::{Catalog, Origin};
use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The catalogue as it was when the binary was built.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/catalog");

/// Environment variable naming a catalogue directory to use instead of the embedded one.
pub const CATALOG_ENV: &str = "KITLIBRE_CATALOG";

/// Folders of the catalogue, one per kind of entry.
pub const PROPRIETARY_DIR: &str = "proprietary";
pub const FREE_DIR: &str = "free";
pub const REPLACEMENTS_DIR: &str = "replacements";
/// Learning paths (parcours), one file each.
pub const GUIDES_DIR: &str = "guides";
pub const CATEGORIES_FILE: &str = "categories.toml";

/// Files larger than this are refused (a catalogue entry is a few kilobytes).
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// One file of a catalogue, before parsing.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative path with `/` separators (`free/gimp.toml`).
    pub path: String,
    /// Its text, or why it could not be read.
    pub text: Result<String, String>,
}

/// Why a catalogue could not be opened at all.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error("not a directory: {0}")]
    NotADirectory(PathBuf),
    #[error("cannot read {path}: {detail}")]
    Unreadable { path: PathBuf, detail: String },
}

/// A loaded catalogue and the problems met while loading it (files skipped, etc.).
#[derive(Debug)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    /// The files read, kept for checks that need their text (line numbers).
    pub sources: Vec<SourceFile>,
    /// Every replacement parsed, with its file, including those pointing nowhere
    /// (which the catalogue itself leaves out).
    pub all_replacements: Vec<(String, Replacement)>,
    /// Ids of entry files that could not be parsed (already reported): references to
    /// them are not reported again.
    pub broken_ids: std::collections::HashSet<String>,
}

/// The text of the embedded catalogue's `release.toml`.
pub fn embedded_release_text() -> Option<String> {
    EMBEDDED
        .get_file(crate::update::RELEASE_FILE)
        .and_then(|f| f.contents_utf8())
        .map(str::to_owned)
}

/// The files of the embedded catalogue.
pub fn embedded_files() -> Vec<SourceFile> {
    let mut out = Vec::new();
    collect_embedded(&EMBEDDED, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<SourceFile>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        if !path.ends_with(".toml") {
            continue;
        }
        let text = file
            .contents_utf8()
            .map(str::to_owned)
            .ok_or_else(|| "not UTF-8 / pas en UTF-8".to_owned());
        out.push(SourceFile { path, text });
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

/// The `.toml` files under `root`, recursively, without following symbolic links
/// to directories (a loop cannot hang the load).
pub fn directory_files(root: &Path) -> Result<Vec<SourceFile>, OpenError> {
    let meta = std::fs::metadata(root).map_err(|e| OpenError::Unreadable {
        path: root.to_owned(),
        detail: e.to_string(),
    })?;
    if !meta.is_dir() {
        return Err(OpenError::NotADirectory(root.to_owned()));
    }
    let mut out = Vec::new();
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                out.push(SourceFile {
                    path: relative(root, &dir),
                    text: Err(e.to_string()),
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let rel = relative(root, &path);
                let text = read_limited(&path);
                out.push(SourceFile { path: rel, text });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn read_limited(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "{} bytes > {MAX_FILE_BYTES} / {} octets > {MAX_FILE_BYTES}",
            meta.len(),
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "not UTF-8 / pas en UTF-8".to_owned())
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn parse<T: DeserializeOwned>(file: &SourceFile, problems: &mut Vec<Problem>) -> Option<T> {
    let text = match &file.text {
        Ok(t) => t,
        Err(detail) => {
            problems.push(Problem::new(
                &file.path,
                None,
                ProblemKind::Unreadable {
                    detail: detail.clone(),
                },
            ));
            return None;
        }
    };
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let mut p = Problem::new(
                &file.path,
                None,
                ProblemKind::Syntax {
                    detail: e.message().trim().to_owned(),
                },
            );
            p.line = e.span().map(|s| line_of(text, s.start));
            problems.push(p);
            None
        }
    }
}

/// The id an entry gets from its file name.
pub fn id_of(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name).to_owned()
}

/// Parses every file; a broken file is reported and skipped, never stops the others.
pub fn parse_files(files: Vec<SourceFile>, origin: Origin) -> Loaded {
    let mut problems = Vec::new();
    let mut categories: Vec<Category> = Vec::new();
    let mut proprietary: Vec<(String, Proprietary)> = Vec::new();
    let mut free: Vec<(String, Free)> = Vec::new();
    let mut replacements: Vec<(String, Replacement)> = Vec::new();
    let mut guides: Vec<(String, Guide)> = Vec::new();

    let mut broken_ids = std::collections::HashSet::new();
    for file in &files {
        let before = problems.len();
        let (folder, rest) = match file.path.split_once('/') {
            Some((f, r)) => (f, r),
            None => ("", file.path.as_str()),
        };
        let nested = rest.contains('/');
        match (folder, nested) {
            // The release (version, dates) is read by the updater, not as an entry.
            ("", _) if rest == crate::update::RELEASE_FILE => {}
            ("", _) if rest == CATEGORIES_FILE => {
                if let Some(c) = parse::<CategoryFile>(file, &mut problems) {
                    categories.extend(c.category);
                }
            }
            (PROPRIETARY_DIR, false) => {
                if let Some(mut e) = parse::<Proprietary>(file, &mut problems) {
                    e.id = id_of(&file.path);
                    proprietary.push((file.path.clone(), e));
                }
            }
            (FREE_DIR, false) => {
                if let Some(mut e) = parse::<Free>(file, &mut problems) {
                    e.id = id_of(&file.path);
                    free.push((file.path.clone(), e));
                }
            }
            (REPLACEMENTS_DIR, false) => {
                if let Some(mut e) = parse::<Replacement>(file, &mut problems) {
                    e.id = id_of(&file.path);
                    replacements.push((file.path.clone(), e));
                }
            }
            (GUIDES_DIR, false) => {
                if let Some(mut g) = parse::<Guide>(file, &mut problems) {
                    g.id = id_of(&file.path);
                    guides.push((file.path.clone(), g));
                }
            }
            _ => problems.push(Problem::new(&file.path, None, ProblemKind::UnknownFile)),
        }
        if problems.len() > before && file.path.contains('/') {
            broken_ids.insert(id_of(&file.path));
        }
    }

    // The same id in two folders: the catalogue keeps the proprietary one.
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for (file, id) in proprietary
        .iter()
        .map(|(f, e)| (f, &e.id))
        .chain(free.iter().map(|(f, e)| (f, &e.id)))
    {
        if let Some(other) = seen.insert(id, file) {
            problems.push(Problem::new(
                file,
                None,
                ProblemKind::DuplicateId {
                    id: id.clone(),
                    other: other.to_owned(),
                },
            ));
        }
    }

    let all_replacements = replacements.clone();
    let mut catalog = Catalog::build(origin, categories, proprietary, free, replacements);
    catalog.set_guides(guides);
    Loaded {
        catalog,
        problems,
        sources: files,
        all_replacements,
        broken_ids,
    }
}

/// The embedded catalogue.
pub fn load_embedded() -> Loaded {
    parse_files(embedded_files(), Origin::Embedded)
}

/// A catalogue directory.
pub fn load_dir(root: &Path) -> Result<Loaded, OpenError> {
    let files = directory_files(root)?;
    Ok(parse_files(files, Origin::Directory(root.to_owned())))
}

/// The catalogue to use: `explicit` (from `--catalog`), else the `KITLIBRE_CATALOG`
/// directory, else an installed update newer than the embedded catalogue, else the
/// embedded one.
pub fn load_default(explicit: Option<&Path>) -> Result<Loaded, OpenError> {
    if let Some(dir) = explicit {
        return load_dir(dir);
    }
    match std::env::var_os(CATALOG_ENV) {
        Some(dir) if !dir.is_empty() => load_dir(Path::new(&dir)),
        // The installed update when newer than the built-in catalogue, else the built-in one.
        _ => Ok(crate::update::load_in_use(&crate::settings::Paths::detect()).0),
    }
}
