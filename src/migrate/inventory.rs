//! The readiness inventory of a folder tree: every office document, its real format, what
//! needs attention and why, and totals. Walks with progress and cancel; symlink loops,
//! unreadable files and lock files are reported, never fatal.

use super::fonts::{FontEnv, FontStatus};
use super::inspect::{Finding, MacroKind, inspect};
use super::{Family, Format, OFFICE_EXTENSIONS, Readiness, is_lock_file};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

/// A font a document uses, and what it means here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FontUse {
    pub name: String,
    #[serde(flatten)]
    pub status: FontStatus,
}

/// One document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileReport {
    /// Path relative to the inventoried folder.
    pub path: PathBuf,
    pub size: u64,
    /// Last modification, seconds since 1970 (to notice a changed original on resume).
    pub modified: Option<u64>,
    /// Real format read from the content; `None` when it could not be recognised.
    pub format: Option<Format>,
    pub readiness: Readiness,
    /// Why, most serious first.
    pub findings: Vec<Finding>,
    pub fonts: Vec<FontUse>,
}

impl FileReport {
    pub fn has_macros(&self) -> bool {
        self.findings.iter().any(|f| {
            matches!(
                f,
                Finding::Macros {
                    kind: MacroKind::Vba | MacroKind::Xlm
                }
            )
        })
    }

    pub fn is_encrypted(&self) -> bool {
        self.findings.contains(&Finding::Encrypted)
    }

    /// Whether the file cannot be opened (empty, damaged, not a document, password).
    pub fn cannot_open(&self) -> bool {
        self.findings.iter().any(Finding::blocks_conversion)
    }
}

/// Why a file or folder was left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum SkipReason {
    /// `~$x.docx` or `.~lock.x.odt#`: a document is open, or was at a crash.
    LockFile,
    /// A symbolic link that leads back into a folder being walked.
    SymlinkLoop,
    /// Could not be read (permissions, vanished, broken link).
    Unreadable { detail: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: PathBuf,
    #[serde(flatten)]
    pub reason: SkipReason,
}

/// A font over the whole inventory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FontSummary {
    pub name: String,
    #[serde(flatten)]
    pub status: FontStatus,
    /// How many documents use it.
    pub documents: usize,
}

/// Totals over the inventory.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub documents: usize,
    pub ready: usize,
    pub check: usize,
    pub needs_work: usize,
    pub bytes: u64,
    pub by_family: BTreeMap<Family, usize>,
    /// By real format ("docx", "xls"...); "unknown" when not recognised.
    pub by_format: BTreeMap<String, usize>,
    pub with_macros: usize,
    pub encrypted: usize,
    /// Empty, damaged or not an office document.
    pub cannot_open: usize,
    pub templates: usize,
    pub attached_templates: usize,
    pub mail_merges: usize,
    pub external_links: usize,
    pub pivot_tables: usize,
    pub data_connections: usize,
    /// Files seen that are not office documents (by name).
    pub other_files: usize,
    pub skipped: usize,
    pub fonts: Vec<FontSummary>,
}

/// The whole inventory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Inventory {
    pub root: PathBuf,
    pub files: Vec<FileReport>,
    pub skipped: Vec<Skipped>,
    pub totals: Totals,
    /// The walk was stopped before the end: the lists are partial.
    pub cancelled: bool,
}

/// Progress while walking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Entries seen so far (files and folders).
    pub seen: usize,
    /// Documents read so far.
    pub documents: usize,
    /// The file being read.
    pub current: PathBuf,
}

/// What went wrong before anything could be walked.
#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    #[error("not found: {0}")]
    NotFound(PathBuf),
    #[error("cannot read {0}: {1}")]
    Unreadable(PathBuf, std::io::Error),
}

impl InventoryError {
    /// The message in the person's language.
    pub fn message(&self, lang: crate::catalog::model::Lang) -> String {
        match self {
            InventoryError::NotFound(p) => {
                crate::t!(lang, "docs-error-not-found", path = p.display().to_string())
            }
            InventoryError::Unreadable(p, e) => crate::t!(
                lang,
                "docs-error-unreadable",
                path = p.display().to_string(),
                detail = e.to_string()
            ),
        }
    }
}

/// Whether a file name is one the inventory reads.
pub fn is_office_name(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| OFFICE_EXTENSIONS.contains(&e.as_str()))
}

/// Reads one document into its report.
pub fn report_for(root: &Path, path: &Path, fonts: &FontEnv) -> FileReport {
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let rel = if rel.as_os_str().is_empty() {
        path.file_name().map(PathBuf::from).unwrap_or_default()
    } else {
        rel
    };
    let meta = std::fs::metadata(path).ok();
    let size = meta.as_ref().map(|m| m.len()).unwrap_or(0);
    let modified = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        .map(|d| d.as_secs());
    let inspection = match inspect(path) {
        Ok(i) => i,
        Err(e) => super::inspect::Inspection {
            findings: vec![unreadable(&e)],
            ..Default::default()
        },
    };
    let mut findings = inspection.findings;
    let mut used = Vec::new();
    for name in &inspection.fonts {
        let status = fonts.status(name);
        match &status {
            FontStatus::ToInstall { by, .. } => findings.push(Finding::FontToInstall {
                font: name.clone(),
                substitute: by.clone(),
            }),
            FontStatus::NoEquivalent => {
                findings.push(Finding::FontWithoutEquivalent { font: name.clone() })
            }
            FontStatus::Missing => findings.push(Finding::FontMissing { font: name.clone() }),
            FontStatus::Installed | FontStatus::Replaced { .. } | FontStatus::Symbols => {}
        }
        used.push(FontUse {
            name: name.clone(),
            status,
        });
    }
    findings.sort_by(|a, b| b.level().cmp(&a.level()).then_with(|| a.cmp(b)));
    findings.dedup();
    let readiness = findings
        .iter()
        .map(Finding::level)
        .max()
        .unwrap_or(Readiness::Ready);
    FileReport {
        path: rel,
        size,
        modified,
        format: inspection.format,
        readiness,
        findings,
        fonts: used,
    }
}

/// Why a document could not be opened: held open by another program (Windows' sharing
/// and lock violations, errors 32 and 33), not allowed, or damaged.
fn unreadable(e: &std::io::Error) -> Finding {
    if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) {
        Finding::InUse
    } else if e.kind() == std::io::ErrorKind::PermissionDenied {
        Finding::NoAccess
    } else {
        Finding::Damaged {
            detail: e.to_string(),
        }
    }
}

/// Whether an owner (lock) file names this document. Word and PowerPoint replace the
/// first one or two characters of a long name by `~$` (`~$pport.docx` for
/// `rapport.docx`), Excel puts `~$` before the whole name, LibreOffice writes
/// `.~lock.<name>#`. Case does not matter (Windows and macOS file systems).
pub fn owner_file_names(lock: &str, document: &str) -> bool {
    let lock = lock.to_lowercase();
    let doc = document.to_lowercase();
    if let Some(inner) = lock
        .strip_prefix(".~lock.")
        .and_then(|l| l.strip_suffix('#'))
    {
        return inner == doc;
    }
    let Some(tail) = lock.strip_prefix("~$") else {
        return false;
    };
    if tail.is_empty() {
        return false;
    }
    if tail == doc {
        return true;
    }
    let cut = doc.chars().count().saturating_sub(tail.chars().count());
    (1..=2).contains(&cut) && doc.ends_with(tail)
}

/// Marks the documents that an owner file beside them says are open elsewhere.
fn mark_open_elsewhere(files: &mut [FileReport], skipped: &[Skipped]) {
    let locks: Vec<&Path> = skipped
        .iter()
        .filter(|s| s.reason == SkipReason::LockFile)
        .map(|s| s.path.as_path())
        .collect();
    if locks.is_empty() {
        return;
    }
    for f in files.iter_mut() {
        let Some(name) = f.path.file_name().map(|n| n.to_string_lossy()) else {
            continue;
        };
        let open = locks.iter().any(|l| {
            l.parent() == f.path.parent()
                && l.file_name()
                    .is_some_and(|n| owner_file_names(&n.to_string_lossy(), &name))
        });
        if open && !f.findings.contains(&Finding::OpenElsewhere) {
            f.findings.push(Finding::OpenElsewhere);
            f.findings
                .sort_by(|a, b| b.level().cmp(&a.level()).then_with(|| a.cmp(b)));
            f.readiness = f.readiness.max(Readiness::Check);
        }
    }
}

/// Walks `root` (a folder or one file) and reads every office document in it, except under
/// the `exclude` folders (the conversion's output). `on_progress` is called now and then;
/// raising `cancel` stops the walk with what was read so far.
pub fn inventory(
    root: &Path,
    exclude: &[PathBuf],
    fonts: &FontEnv,
    on_progress: &mut dyn FnMut(&Progress),
    cancel: &AtomicBool,
) -> Result<Inventory, InventoryError> {
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(InventoryError::NotFound(root.to_path_buf()));
        }
        Err(e) => return Err(InventoryError::Unreadable(root.to_path_buf(), e)),
    };
    if meta.is_dir()
        && let Err(e) = std::fs::read_dir(root)
    {
        return Err(InventoryError::Unreadable(root.to_path_buf(), e));
    }
    let exclude: Vec<PathBuf> = exclude
        .iter()
        .map(|p| dunce::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut other_files = 0;
    let mut progress = Progress {
        seen: 0,
        documents: 0,
        current: PathBuf::new(),
    };
    let mut cancelled = false;
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.file_type().is_dir() && !exclude.is_empty() {
                let p = dunce::canonicalize(e.path()).unwrap_or_else(|_| e.path().into());
                return !exclude.contains(&p);
            }
            true
        });
    for entry in walker {
        if cancel.load(Ordering::SeqCst) {
            cancelled = true;
            break;
        }
        progress.seen += 1;
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf())
                    .unwrap_or_default();
                let reason = if e.loop_ancestor().is_some() {
                    SkipReason::SymlinkLoop
                } else {
                    SkipReason::Unreadable {
                        detail: e
                            .io_error()
                            .map(|io| io.to_string())
                            .unwrap_or_else(|| e.to_string()),
                    }
                };
                skipped.push(Skipped { path, reason });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if is_lock_file(&name) {
            skipped.push(Skipped {
                path: path.strip_prefix(root).unwrap_or(path).to_path_buf(),
                reason: SkipReason::LockFile,
            });
            continue;
        }
        if !is_office_name(path) {
            other_files += 1;
            continue;
        }
        progress.current = path.to_path_buf();
        on_progress(&progress);
        files.push(report_for(root, path, fonts));
        progress.documents += 1;
    }
    mark_open_elsewhere(&mut files, &skipped);
    let totals = totals(&files, &skipped, other_files);
    Ok(Inventory {
        root: root.to_path_buf(),
        files,
        skipped,
        totals,
        cancelled,
    })
}

fn totals(files: &[FileReport], skipped: &[Skipped], other_files: usize) -> Totals {
    let mut t = Totals {
        documents: files.len(),
        other_files,
        skipped: skipped.len(),
        ..Totals::default()
    };
    let mut fonts: BTreeMap<String, FontSummary> = BTreeMap::new();
    for f in files {
        match f.readiness {
            Readiness::Ready => t.ready += 1,
            Readiness::Check => t.check += 1,
            Readiness::NeedsWork => t.needs_work += 1,
        }
        t.bytes += f.size;
        let format = f.format.map(|x| x.extension).unwrap_or("unknown");
        *t.by_format.entry(format.to_owned()).or_default() += 1;
        if let Some(x) = f.format {
            *t.by_family.entry(x.family).or_default() += 1;
            if x.template {
                t.templates += 1;
            }
        }
        if f.has_macros() {
            t.with_macros += 1;
        }
        if f.is_encrypted() {
            t.encrypted += 1;
        } else if f.cannot_open() {
            t.cannot_open += 1;
        }
        for finding in &f.findings {
            match finding {
                Finding::AttachedTemplate { .. } => t.attached_templates += 1,
                Finding::MailMerge { .. } => t.mail_merges += 1,
                Finding::ExternalLinks { .. } => t.external_links += 1,
                Finding::PivotTables { .. } => t.pivot_tables += 1,
                Finding::DataConnections { .. } => t.data_connections += 1,
                _ => {}
            }
        }
        for u in &f.fonts {
            fonts
                .entry(u.name.to_lowercase())
                .or_insert_with(|| FontSummary {
                    name: u.name.clone(),
                    status: u.status.clone(),
                    documents: 0,
                })
                .documents += 1;
        }
    }
    let mut fonts: Vec<FontSummary> = fonts.into_values().collect();
    fonts.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.name.cmp(&b.name)));
    t.fonts = fonts;
    t
}

/// The documents that need attention, most serious first, then by path.
pub fn needing_attention(inv: &Inventory) -> Vec<&FileReport> {
    let mut v: Vec<&FileReport> = inv
        .files
        .iter()
        .filter(|f| f.readiness != Readiness::Ready)
        .collect();
    v.sort_by(|a, b| b.readiness.cmp(&a.readiness).then(a.path.cmp(&b.path)));
    v
}
