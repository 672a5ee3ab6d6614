//! Batch conversion through a real LibreOffice, safely:
//! - one soffice process converts many files (its start-up costs seconds), with a private
//!   throwaway profile so a LibreOffice the person has open is never touched;
//! - a time limit per batch stops the whole process group; a batch that ran out of time is
//!   retried one file at a time so one bad file cannot take the others down;
//! - soffice exits 0 even when a file fails, so every output is checked (exists, not
//!   empty, the right kind of file) before it is moved into place (write, then rename);
//! - the originals are only read; the folder tree is mirrored under the output folder;
//!   same-name files (report.doc, report.docx) get distinct names; nothing that was not
//!   written by a conversion is ever overwritten;
//! - a manifest in the output folder lets a re-run skip what is done and resume after an
//!   interruption.

use super::inventory::{FileReport, Inventory};
use super::soffice::Soffice;
use super::{Container, Family, Format};
use crate::process::{self, Ended};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The manifest of what a conversion wrote, in the output folder.
pub const MANIFEST: &str = ".kitlibre-conversion.json";
/// The working folder (private LibreOffice profile, batch outputs) in the output folder.
pub const WORK_DIR: &str = ".kitlibre-work";
/// The reports written at the end, in the output folder.
pub const REPORT_JSON: &str = "kitlibre-report.json";
pub const REPORT_TEXT: &str = "kitlibre-report.txt";

/// Writes the report (JSON and readable text) into the output folder, atomically; the
/// command line and the window both call this.
pub fn write_reports(report: &Report, lang: crate::catalog::model::Lang) -> Result<(), String> {
    let json = serde_json::to_vec_pretty(report).unwrap_or_default();
    let text = super::words::report_text(report, lang);
    crate::settings::write_atomic(&report.out.join(REPORT_JSON), &json)
        .and_then(|()| {
            crate::settings::write_atomic(&report.out.join(REPORT_TEXT), text.as_bytes())
        })
        .map_err(|e| e.to_string())
}

/// The format to convert to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// OpenDocument (.odt, .ods, .odp): LibreOffice's own format.
    Odf,
    /// Office Open XML (.docx, .xlsx, .pptx), for exchange with Microsoft Office users.
    Ooxml,
    /// PDF, for reading and printing.
    Pdf,
}

impl Target {
    pub fn parse(s: &str) -> Option<Target> {
        match s.to_ascii_lowercase().as_str() {
            "odf" | "opendocument" => Some(Target::Odf),
            "ooxml" | "office" | "msoffice" => Some(Target::Ooxml),
            "pdf" => Some(Target::Pdf),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Target::Odf => "odf",
            Target::Ooxml => "ooxml",
            Target::Pdf => "pdf",
        }
    }
}

/// soffice's `--convert-to` value and the output extension for a document.
pub fn filter_for(format: &Format, target: Target) -> Option<(&'static str, &'static str)> {
    use Family::*;
    let t = format.template;
    Some(match (target, format.family, t) {
        (Target::Odf, Text, false) => ("odt:writer8", "odt"),
        (Target::Odf, Text, true) => ("ott:writer8_template", "ott"),
        (Target::Odf, Spreadsheet, false) => ("ods:calc8", "ods"),
        (Target::Odf, Spreadsheet, true) => ("ots:calc8_template", "ots"),
        (Target::Odf, Presentation, false) => ("odp:impress8", "odp"),
        (Target::Odf, Presentation, true) => ("otp:impress8_template", "otp"),
        (Target::Odf, Drawing, _) => ("odg:draw8", "odg"),
        (Target::Ooxml, Text, false) => ("docx:MS Word 2007 XML", "docx"),
        (Target::Ooxml, Text, true) => ("dotx:MS Word 2007 XML Template", "dotx"),
        (Target::Ooxml, Spreadsheet, false) => ("xlsx:Calc MS Excel 2007 XML", "xlsx"),
        (Target::Ooxml, Spreadsheet, true) => ("xltx:Calc MS Excel 2007 XML Template", "xltx"),
        (Target::Ooxml, Presentation, false) => ("pptx:Impress MS PowerPoint 2007 XML", "pptx"),
        (Target::Ooxml, Presentation, true) => {
            ("potx:Impress MS PowerPoint 2007 XML Template", "potx")
        }
        (Target::Ooxml, Drawing, _) => return None,
        (Target::Pdf, Text, _) => ("pdf:writer_pdf_Export", "pdf"),
        (Target::Pdf, Spreadsheet, _) => ("pdf:calc_pdf_Export", "pdf"),
        (Target::Pdf, Presentation, _) => ("pdf:impress_pdf_Export", "pdf"),
        (Target::Pdf, Drawing, _) => ("pdf:draw_pdf_Export", "pdf"),
    })
}

/// Why a document is not converted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "why", rename_all = "kebab-case")]
pub enum SkipWhy {
    /// Protected by a password: open it in LibreOffice with the password and save it.
    NeedsPassword,
    /// Empty, damaged, or not an office document.
    CannotOpen,
    /// Already in the requested format.
    AlreadyInFormat,
    /// Converted by an earlier run, and the original has not changed since.
    AlreadyConverted { dest: PathBuf },
    /// No such conversion (a drawing to an Office format).
    NoSuchConversion,
}

/// One file to convert.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Job {
    /// Relative to the documents folder.
    pub source: PathBuf,
    /// Relative to the output folder.
    pub dest: PathBuf,
    #[serde(skip)]
    pub filter: &'static str,
    #[serde(skip)]
    pub out_ext: &'static str,
    pub size: u64,
    #[serde(skip)]
    pub modified: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkippedFile {
    pub source: PathBuf,
    #[serde(flatten)]
    pub why: SkipWhy,
}

/// What a conversion will do, before it runs (the preview).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub root: PathBuf,
    pub out: PathBuf,
    pub target: Target,
    pub jobs: Vec<Job>,
    pub skipped: Vec<SkippedFile>,
}

/// A record of the manifest: which original gave this output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    pub source: PathBuf,
    pub size: u64,
    pub modified: Option<u64>,
    pub target: Target,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Output path (relative, with `/`) -> its original.
    pub outputs: BTreeMap<String, ManifestEntry>,
}

fn key(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

impl Manifest {
    pub fn load(out: &Path) -> Manifest {
        std::fs::read(out.join(MANIFEST))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn save(&self, out: &Path) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::settings::write_atomic(&out.join(MANIFEST), &json)
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

/// What stops a conversion before it starts.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    #[error("the output folder holds the documents folder")]
    OutContainsSource,
    #[error("cannot create the output folder {0}: {1}")]
    CannotCreate(PathBuf, std::io::Error),
    #[error("LibreOffice is not installed")]
    NoLibreOffice,
}

impl ConvertError {
    pub fn message(&self, lang: crate::catalog::model::Lang) -> String {
        use crate::t;
        match self {
            ConvertError::OutContainsSource => t!(lang, "docs-error-out-contains-source"),
            ConvertError::CannotCreate(p, e) => t!(
                lang,
                "docs-error-cannot-create",
                path = p.display().to_string(),
                detail = e.to_string()
            ),
            ConvertError::NoLibreOffice => t!(lang, "docs-error-no-libreoffice"),
        }
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Checks the output folder against the documents folder: the output may sit inside the
/// documents folder (it is left out of the inventory) but never contain it or be it.
pub fn check_folders(root: &Path, out: &Path) -> Result<(), ConvertError> {
    let root = dunce::canonicalize(root).unwrap_or_else(|_| absolute(root));
    let out_abs = dunce::canonicalize(out).unwrap_or_else(|_| absolute(out));
    if root.starts_with(&out_abs) {
        return Err(ConvertError::OutContainsSource);
    }
    Ok(())
}

/// Plans the conversion of an inventory into `out`.
pub fn plan(inv: &Inventory, out: &Path, target: Target) -> Plan {
    let manifest = Manifest::load(out);
    let mut jobs = Vec::new();
    let mut skipped = Vec::new();
    for f in &inv.files {
        match job_for(f, target) {
            Ok(job) => jobs.push(job),
            Err(why) => skipped.push(SkippedFile {
                source: f.path.clone(),
                why,
            }),
        }
    }
    // Same output name from different originals (report.doc, report.docx): each gets its
    // original's extension in the name.
    let mut by_dest: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, j) in jobs.iter().enumerate() {
        by_dest
            .entry(key(&j.dest).to_lowercase())
            .or_default()
            .push(i);
    }
    for idx in by_dest.values().filter(|v| v.len() > 1) {
        for &i in idx {
            let j = &mut jobs[i];
            let src_ext = j
                .source
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = j
                .dest
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            j.dest
                .set_file_name(format!("{stem} ({src_ext}).{}", j.out_ext));
        }
    }
    // Names still taken (case differences), or files in the output folder that no
    // conversion of this original wrote: never overwrite them, take the next free name.
    let mut taken: HashSet<String> = HashSet::new();
    let mut kept = Vec::new();
    for mut j in jobs {
        let mut n = 1;
        let base_stem = j
            .dest
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        loop {
            let k = key(&j.dest);
            let ours = manifest.outputs.get(&k).filter(|e| e.source == j.source);
            let free = !taken.contains(&k.to_lowercase())
                && (ours.is_some() || !out.join(&j.dest).exists());
            if free {
                break;
            }
            n += 1;
            j.dest
                .set_file_name(format!("{base_stem} ({n}).{}", j.out_ext));
        }
        taken.insert(key(&j.dest).to_lowercase());
        let k = key(&j.dest);
        let done = manifest.outputs.get(&k).is_some_and(|e| {
            e.source == j.source
                && e.size == j.size
                && e.modified == j.modified
                && e.target == target
                && std::fs::metadata(out.join(&j.dest)).is_ok_and(|m| m.len() > 0)
        });
        if done {
            skipped.push(SkippedFile {
                source: j.source.clone(),
                why: SkipWhy::AlreadyConverted { dest: j.dest },
            });
        } else {
            kept.push(j);
        }
    }
    Plan {
        root: inv.root.clone(),
        out: out.to_path_buf(),
        target,
        jobs: kept,
        skipped,
    }
}

fn job_for(f: &FileReport, target: Target) -> Result<Job, SkipWhy> {
    if f.is_encrypted() {
        return Err(SkipWhy::NeedsPassword);
    }
    if f.cannot_open() {
        return Err(SkipWhy::CannotOpen);
    }
    let Some(format) = f.format else {
        return Err(SkipWhy::CannotOpen);
    };
    let already = match target {
        Target::Odf => format.container == Container::Odf,
        // A macro-enabled file stays as it is rather than lose its macros.
        Target::Ooxml => format.container == Container::Ooxml,
        Target::Pdf => false,
    };
    if already {
        return Err(SkipWhy::AlreadyInFormat);
    }
    let (filter, out_ext) = filter_for(&format, target).ok_or(SkipWhy::NoSuchConversion)?;
    let mut dest = f.path.clone();
    dest.set_extension(out_ext);
    Ok(Job {
        source: f.path.clone(),
        dest,
        filter,
        out_ext,
        size: f.size,
        modified: f.modified,
    })
}

/// Why a file failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum FailReason {
    /// LibreOffice wrote nothing for it (it could not open or convert the file).
    NoOutput,
    /// LibreOffice wrote an empty or unusable file.
    BadOutput,
    /// LibreOffice did not finish in time with this file alone.
    TimedOut,
    /// LibreOffice could not be started.
    NotStarted { detail: String },
    /// The result could not be put in place.
    CannotWrite { detail: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Converted {
    pub source: PathBuf,
    pub dest: PathBuf,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Failed {
    pub source: PathBuf,
    #[serde(flatten)]
    pub reason: FailReason,
}

/// What a conversion did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub root: PathBuf,
    pub out: PathBuf,
    pub target: Target,
    pub converted: Vec<Converted>,
    pub failed: Vec<Failed>,
    pub skipped: Vec<SkippedFile>,
    /// Stopped before the end (the next run resumes).
    pub cancelled: bool,
    /// How many times LibreOffice was started.
    pub soffice_runs: usize,
    pub seconds: f64,
}

/// Progress while converting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A LibreOffice run starts on these files.
    Batch { files: usize },
    /// Files finished so far (converted or failed), of the total to convert.
    Done { done: usize, total: usize },
}

/// Limits for the LibreOffice runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Most files given to one LibreOffice run.
    pub batch_size: usize,
    /// Time allowed to a run: `base + per_file × files + per_mb × megabytes`.
    pub base_timeout: Duration,
    pub per_file: Duration,
    pub per_mb: Duration,
    /// One LibreOffice run per file (for comparison in the benchmark).
    pub one_per_file: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            batch_size: 50,
            base_timeout: Duration::from_secs(90),
            per_file: Duration::from_secs(3),
            per_mb: Duration::from_secs(5),
            one_per_file: false,
        }
    }
}

impl Options {
    fn timeout(&self, jobs: &[&Job]) -> Duration {
        let mb: u64 = jobs.iter().map(|j| j.size).sum::<u64>() / (1024 * 1024);
        self.base_timeout + self.per_file * jobs.len() as u32 + self.per_mb * mb as u32
    }
}

/// Splits jobs into LibreOffice runs: the same output filter, distinct file stems (soffice
/// names outputs after the input's stem in one flat folder), at most `batch_size` files.
fn batches<'a>(jobs: &'a [Job], opts: &Options) -> Vec<Vec<&'a Job>> {
    let size = if opts.one_per_file {
        1
    } else {
        opts.batch_size.max(1)
    };
    let mut by_filter: BTreeMap<&str, Vec<&Job>> = BTreeMap::new();
    for j in jobs {
        by_filter.entry(j.filter).or_default().push(j);
    }
    let mut out = Vec::new();
    for group in by_filter.into_values() {
        let mut open: Vec<(Vec<&Job>, HashSet<String>)> = Vec::new();
        for j in group {
            let stem = j
                .source
                .file_stem()
                .map(|s| s.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            match open
                .iter_mut()
                .find(|(b, stems)| b.len() < size && !stems.contains(&stem))
            {
                Some((b, stems)) => {
                    b.push(j);
                    stems.insert(stem);
                }
                None => open.push((vec![j], HashSet::from([stem]))),
            }
        }
        out.extend(open.into_iter().map(|(b, _)| b));
    }
    out
}

/// The file URL LibreOffice wants for its profile (`file:///C:/...` on Windows).
fn profile_url(dir: &Path) -> String {
    url::Url::from_directory_path(absolute(dir))
        .map(|u| u.to_string())
        .unwrap_or_else(|_| format!("file://{}", dir.display()))
}

/// Whether a converted file looks like what it should be.
fn output_ok(path: &Path, ext: &str) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    if meta.len() == 0 {
        return false;
    }
    let mut head = [0u8; 4];
    let ok = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok();
    ok && if ext == "pdf" {
        &head == b"%PDF"
    } else {
        &head == b"PK\x03\x04"
    }
}

/// Runs a plan. Progress goes to `on`; raising `cancel` stops the LibreOffice run at once
/// (what was finished is kept and recorded; the next run resumes).
pub fn run(
    plan: &Plan,
    soffice: &Soffice,
    opts: &Options,
    on: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<Report, ConvertError> {
    check_folders(&plan.root, &plan.out)?;
    let started = Instant::now();
    std::fs::create_dir_all(&plan.out)
        .map_err(|e| ConvertError::CannotCreate(plan.out.clone(), e))?;
    // Plain `C:\...` paths where Windows allows them (dunce): LibreOffice, like many
    // programs, does not understand the `\\?\` form that std's canonicalize gives.
    let out = dunce::canonicalize(&plan.out).unwrap_or_else(|_| absolute(&plan.out));
    let root = dunce::canonicalize(&plan.root).unwrap_or_else(|_| absolute(&plan.root));
    // An inventory of one file has that file as its root.
    let root = if root.is_file() {
        root.parent().map(Path::to_path_buf).unwrap_or(root)
    } else {
        root
    };
    let work = out.join(WORK_DIR);
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| ConvertError::CannotCreate(work.clone(), e))?;
    let profile = work.join("profile");
    let mut manifest = Manifest::load(&out);
    let mut report = Report {
        root: plan.root.clone(),
        out: plan.out.clone(),
        target: plan.target,
        converted: Vec::new(),
        failed: Vec::new(),
        skipped: plan.skipped.clone(),
        cancelled: false,
        soffice_runs: 0,
        seconds: 0.0,
    };
    let total = plan.jobs.len();
    let mut done = 0usize;
    let mut queue: Vec<Vec<&Job>> = batches(&plan.jobs, opts);
    queue.reverse();
    let mut batch_no = 0usize;
    'batches: while let Some(batch) = queue.pop() {
        if cancel.load(Ordering::SeqCst) {
            report.cancelled = true;
            break;
        }
        batch_no += 1;
        let staging = work.join(format!("batch-{batch_no}"));
        if let Err(e) = std::fs::create_dir_all(&staging) {
            for j in &batch {
                report.failed.push(Failed {
                    source: j.source.clone(),
                    reason: FailReason::CannotWrite {
                        detail: e.to_string(),
                    },
                });
            }
            continue;
        }
        on(Progress::Batch { files: batch.len() });
        let mut args: Vec<OsString> = vec![
            format!("-env:UserInstallation={}", profile_url(&profile)).into(),
            "--headless".into(),
            "--invisible".into(),
            "--norestore".into(),
            "--nolockcheck".into(),
            "--nologo".into(),
            "--nodefault".into(),
            "--convert-to".into(),
            batch[0].filter.into(),
            "--outdir".into(),
            staging.clone().into_os_string(),
        ];
        args.extend(batch.iter().map(|j| root.join(&j.source).into_os_string()));
        let argv = soffice.argv(&[&root, &out], args);
        report.soffice_runs += 1;
        let ended = process::run(&argv, opts.timeout(&batch), cancel, &mut |_| {});
        // Whatever finished is kept, even when the run was stopped.
        let mut unfinished = Vec::new();
        for j in &batch {
            let stem = j.source.file_stem().unwrap_or_default().to_owned();
            let mut produced = staging.join(stem);
            produced.set_extension(j.out_ext);
            if output_ok(&produced, j.out_ext) {
                let dest = out.join(&j.dest);
                let placed = dest
                    .parent()
                    .map_or(Ok(()), std::fs::create_dir_all)
                    .and_then(|()| std::fs::rename(&produced, &dest));
                match placed {
                    Ok(()) => {
                        manifest.outputs.insert(
                            key(&j.dest),
                            ManifestEntry {
                                source: j.source.clone(),
                                size: j.size,
                                modified: j.modified,
                                target: plan.target,
                            },
                        );
                        report.converted.push(Converted {
                            source: j.source.clone(),
                            dest: j.dest.clone(),
                        });
                    }
                    Err(e) => report.failed.push(Failed {
                        source: j.source.clone(),
                        reason: FailReason::CannotWrite {
                            detail: e.to_string(),
                        },
                    }),
                }
                done += 1;
            } else {
                unfinished.push((*j, produced.exists()));
            }
        }
        let _ = manifest.save(&out);
        let _ = std::fs::remove_dir_all(&staging);
        match ended {
            Ended::Cancelled => {
                report.cancelled = true;
                on(Progress::Done { done, total });
                break 'batches;
            }
            Ended::NotStarted(detail) => {
                for (j, _) in unfinished {
                    report.failed.push(Failed {
                        source: j.source.clone(),
                        reason: FailReason::NotStarted {
                            detail: detail.clone(),
                        },
                    });
                    done += 1;
                }
                for rest in queue.drain(..) {
                    for j in rest {
                        report.failed.push(Failed {
                            source: j.source.clone(),
                            reason: FailReason::NotStarted {
                                detail: detail.clone(),
                            },
                        });
                        done += 1;
                    }
                }
            }
            Ended::TimedOut if batch.len() > 1 => {
                // One file may have hung LibreOffice: try the rest one at a time.
                for (j, _) in unfinished.into_iter().rev() {
                    queue.push(vec![j]);
                }
            }
            Ended::TimedOut => {
                for (j, _) in unfinished {
                    report.failed.push(Failed {
                        source: j.source.clone(),
                        reason: FailReason::TimedOut,
                    });
                    done += 1;
                }
            }
            Ended::Exited(_) => {
                for (j, exists) in unfinished {
                    report.failed.push(Failed {
                        source: j.source.clone(),
                        reason: if exists {
                            FailReason::BadOutput
                        } else {
                            FailReason::NoOutput
                        },
                    });
                    done += 1;
                }
            }
        }
        on(Progress::Done { done, total });
    }
    let _ = std::fs::remove_dir_all(&work);
    report.seconds = started.elapsed().as_secs_f64();
    report.converted.sort_by(|a, b| a.source.cmp(&b.source));
    report.failed.sort_by(|a, b| a.source.cmp(&b.source));
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(src: &str, filter: &'static str) -> Job {
        Job {
            source: src.into(),
            dest: src.into(),
            filter,
            out_ext: "odt",
            size: 1,
            modified: None,
        }
    }

    #[test]
    fn batches_keep_stems_distinct() {
        let jobs = vec![
            job("a/report.doc", "odt:writer8"),
            job("b/report.doc", "odt:writer8"),
            job("c/other.doc", "odt:writer8"),
            job("x.xls", "ods:calc8"),
        ];
        let b = batches(&jobs, &Options::default());
        assert_eq!(b.len(), 3);
        for batch in &b {
            let stems: HashSet<_> = batch.iter().map(|j| j.source.file_stem()).collect();
            assert_eq!(stems.len(), batch.len());
        }
        let one = Options {
            one_per_file: true,
            ..Options::default()
        };
        assert_eq!(batches(&jobs, &one).len(), 4);
    }

    #[test]
    fn profile_urls() {
        let u = profile_url(Path::new("/tmp/x y/profile"));
        assert_eq!(u, "file:///tmp/x%20y/profile/");
    }
}
