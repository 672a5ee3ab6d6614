//! A scan: every source of this platform in parallel, each with a time limit (one failing
//! source is reported and the others still answer), then matching and a report: the
//! proprietary products in use with their alternatives (marking those already installed),
//! the free programs already there, the OS situation, and timings.

use crate::catalog::Catalog;
use crate::catalog::model::{Date, Fit, Lang, Platform};
use crate::detect::matching::{Match, Matcher};
use crate::detect::os::{Advice, Family, OsFacts};
use crate::detect::{Installed, SourceError, SourceKind, SourceResult};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Each source gets this long before it is reported as not answering.
pub const SOURCE_TIMEOUT: Duration = Duration::from_secs(2);

/// A job that reads one or more sources.
pub type Job = Box<dyn FnOnce() -> Vec<(SourceKind, Result<SourceResult, SourceError>)> + Send>;

/// How a source went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceStatus {
    Ok,
    /// Not used on this machine.
    Absent,
    Failed,
    Timeout,
    /// The service behind the source is not part of this system.
    Unavailable,
}

/// What one source did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceReport {
    pub source: SourceKind,
    pub status: SourceStatus,
    pub programs: usize,
    /// Items skipped because unreadable, with why.
    pub skipped: Vec<String>,
    /// Why it failed, typed: words are chosen when it is shown, in the person's language.
    pub error: Option<SourceError>,
    /// Time spent, in microseconds.
    pub micros: u64,
}

/// Runs the jobs in parallel, each with `timeout`. A job that does not answer in time is
/// reported as such (its thread ends on its own later; nothing waits for it).
pub fn run_jobs(
    jobs: Vec<(Vec<SourceKind>, Job)>,
    timeout: Duration,
) -> (Vec<SourceResult>, Vec<SourceReport>) {
    run_jobs_observed(jobs, timeout, &mut |_| {})
}

/// As [`run_jobs`], telling `observe` about each source as it answers (for progress).
pub fn run_jobs_observed(
    jobs: Vec<(Vec<SourceKind>, Job)>,
    timeout: Duration,
    observe: &mut dyn FnMut(&SourceReport),
) -> (Vec<SourceResult>, Vec<SourceReport>) {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let mut expected: Vec<Vec<SourceKind>> = Vec::new();
    for (i, (kinds, job)) in jobs.into_iter().enumerate() {
        expected.push(kinds);
        let tx = tx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("kitlibre-scan-{i}"))
            .spawn(move || {
                let t = Instant::now();
                let out = job();
                let _ = tx.send((i, out, t.elapsed()));
            });
        if spawned.is_err() {
            // No thread: the job is reported as failed below (never answers).
            continue;
        }
    }
    drop(tx);
    let mut results = Vec::new();
    let mut reports = Vec::new();
    let mut answered = vec![false; expected.len()];
    let deadline = started + timeout;
    while answered.iter().any(|a| !a) {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        match rx.recv_timeout(deadline - now) {
            Ok((i, out, took)) => {
                answered[i] = true;
                let n = out.len().max(1) as u32;
                for (kind, r) in out {
                    let micros = (took / n).as_micros() as u64;
                    let before = reports.len();
                    match r {
                        Ok(res) => {
                            reports.push(SourceReport {
                                source: kind,
                                status: SourceStatus::Ok,
                                programs: res.programs.len(),
                                skipped: res.skipped.clone(),
                                error: None,
                                micros,
                            });
                            results.push(res);
                        }
                        Err(SourceError::Absent) => reports.push(SourceReport {
                            source: kind,
                            status: SourceStatus::Absent,
                            programs: 0,
                            skipped: Vec::new(),
                            error: None,
                            micros,
                        }),
                        Err(e) => reports.push(SourceReport {
                            source: kind,
                            status: if matches!(e, SourceError::Unavailable(_)) {
                                SourceStatus::Unavailable
                            } else {
                                SourceStatus::Failed
                            },
                            programs: 0,
                            skipped: Vec::new(),
                            error: Some(e),
                            micros,
                        }),
                    }
                    for r in &reports[before..] {
                        observe(r);
                    }
                }
            }
            Err(_) => break,
        }
    }
    for (i, kinds) in expected.iter().enumerate() {
        if !answered[i] {
            for k in kinds {
                reports.push(SourceReport {
                    source: *k,
                    status: SourceStatus::Timeout,
                    programs: 0,
                    skipped: Vec::new(),
                    error: Some(SourceError::Timeout(timeout.as_millis() as u64)),
                    micros: timeout.as_micros() as u64,
                });
            }
        }
    }
    reports.sort_by_key(|r| r.source);
    results.sort_by_key(|r| r.source);
    (results, reports)
}

/// Where to read from: this machine, or captured data (fixtures, a PC's data sent by IT).
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// Linux: the file system root and home to read (default: this machine's, on Linux).
    pub linux: Option<crate::detect::linux::Roots>,
    /// Windows: a registry snapshot (JSON) instead of the live registry.
    pub windows_snapshot: Option<crate::detect::windows::RegistrySnapshot>,
    /// macOS: folders holding `.app` bundles.
    pub macos_folders: Option<Vec<std::path::PathBuf>>,
}

impl Inputs {
    /// This machine.
    pub fn local() -> Inputs {
        let mut i = Inputs::default();
        if cfg!(target_os = "linux") {
            i.linux = Some(crate::detect::linux::Roots::from_env());
        }
        if cfg!(target_os = "macos") {
            let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
            i.macos_folders = Some(crate::detect::macos::default_folders(
                std::path::Path::new("/"),
                home.as_deref(),
            ));
        }
        i
    }

    /// Whether nothing at all is to be read (then the live Windows registry is, on Windows).
    fn is_empty(&self) -> bool {
        self.linux.is_none() && self.windows_snapshot.is_none() && self.macos_folders.is_none()
    }
}

fn one(
    kind: SourceKind,
    f: impl FnOnce() -> Result<SourceResult, SourceError> + Send + 'static,
) -> (Vec<SourceKind>, Job) {
    (vec![kind], Box::new(move || vec![(kind, f())]))
}

/// The jobs for the given inputs.
pub fn jobs(inputs: &Inputs) -> Vec<(Vec<SourceKind>, Job)> {
    use crate::detect::linux;
    let mut v: Vec<(Vec<SourceKind>, Job)> = Vec::new();
    if let Some(roots) = &inputs.linux {
        let r = roots.clone();
        v.push(one(SourceKind::Dpkg, move || linux::dpkg::read(&r)));
        let r = roots.clone();
        v.push(one(SourceKind::Rpm, move || linux::rpm::read(&r)));
        let r = roots.clone();
        v.push(one(SourceKind::FlatpakSystem, move || {
            linux::flatpak::read_system(&r)
        }));
        let r = roots.clone();
        v.push(one(SourceKind::FlatpakUser, move || {
            linux::flatpak::read_user(&r)
        }));
        let r = roots.clone();
        v.push(one(SourceKind::Snap, move || linux::snap::read(&r)));
        #[cfg(unix)]
        {
            let r = roots.clone();
            v.push(one(SourceKind::Desktop, move || linux::desktop::read(&r)));
        }
        let r = roots.clone();
        v.push(one(SourceKind::AppImage, move || linux::appimage::read(&r)));
    }
    let windows_kinds = vec![
        SourceKind::WindowsUninstall,
        SourceKind::WindowsMsix,
        SourceKind::WindowsClickToRun,
        SourceKind::WindowsStartMenu,
    ];
    if let Some(snap) = &inputs.windows_snapshot {
        let snap = snap.clone();
        v.push((
            windows_kinds,
            Box::new(move || {
                crate::detect::windows::parse_snapshot(&snap)
                    .into_iter()
                    .map(|r| (r.source, Ok(r)))
                    .collect()
            }),
        ));
    } else if cfg!(windows) && inputs.is_empty() {
        v.push((windows_kinds, Box::new(live_windows)));
    }
    if let Some(folders) = &inputs.macos_folders {
        let f = folders.clone();
        v.push(one(SourceKind::MacBundle, move || {
            Ok(crate::detect::macos::read_bundles(&f))
        }));
    }
    v
}

#[cfg(windows)]
fn live_windows() -> Vec<(SourceKind, Result<SourceResult, SourceError>)> {
    use crate::detect::windows::live;
    let mut snap = live::read_registry();
    snap.start_menu = live::read_start_menu();
    let msix = live::read_msix();
    if let Ok(packages) = &msix {
        snap.msix = packages.clone();
    }
    crate::detect::windows::parse_snapshot(&snap)
        .into_iter()
        .map(|r| match (&msix, r.source) {
            (Err(e), SourceKind::WindowsMsix) => (r.source, Err(e.clone())),
            _ => (r.source, Ok(r)),
        })
        .collect()
}

#[cfg(not(windows))]
fn live_windows() -> Vec<(SourceKind, Result<SourceResult, SourceError>)> {
    Vec::new()
}

/// One program found, and what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Program {
    #[serde(flatten)]
    pub installed: Installed,
    #[serde(rename = "match")]
    pub matched: Option<Match>,
}

/// An alternative to a proprietary product found on the machine.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub id: String,
    pub name: String,
    pub fit: Fit,
    /// Already on this machine.
    pub installed: bool,
}

/// A catalogue entry found on the machine, with the programs that show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub id: String,
    pub name: String,
    /// Names of the programs that matched it, as the machine lists them.
    pub seen_as: Vec<String>,
    /// Best confidence of those matches.
    pub confidence: u8,
    /// For proprietary entries: the alternatives, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Suggestion>,
}

/// The whole scan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScanReport {
    pub os: OsFacts,
    pub advice: Vec<Advice>,
    pub sources: Vec<SourceReport>,
    /// Proprietary products in use, with their alternatives.
    pub proprietary: Vec<Finding>,
    /// Free programs already installed.
    pub free: Vec<Finding>,
    /// Every program found (evidence-only sources only when recognised).
    pub programs: Vec<Program>,
    /// Total time in milliseconds.
    pub millis: f64,
}

/// Matches what the sources found and builds the report.
pub fn build_report(
    catalog: &Catalog,
    matcher: &Matcher,
    os: OsFacts,
    gathered: (Vec<SourceResult>, Vec<SourceReport>),
    lang: Lang,
    today: Date,
    started: Instant,
) -> ScanReport {
    build_report_with(
        catalog,
        &mut |p| matcher.identify(p),
        os,
        gathered,
        lang,
        today,
        started,
    )
}

/// As [`build_report`], with the matcher's answers given by `identify` (the fleet report
/// remembers [`Matcher::identify`]'s answers across machines, as the same programs come
/// back on every PC).
pub fn build_report_with(
    catalog: &Catalog,
    identify: &mut dyn FnMut(&Installed) -> Option<Match>,
    os: OsFacts,
    (results, sources): (Vec<SourceResult>, Vec<SourceReport>),
    lang: Lang,
    today: Date,
    started: Instant,
) -> ScanReport {
    let mut programs = Vec::new();
    let mut secondary = Vec::new();
    for r in results {
        for installed in r.programs {
            let matched = identify(&installed);
            let p = Program { installed, matched };
            if p.installed.source.is_secondary() {
                secondary.push(p);
            } else {
                programs.push(p);
            }
        }
    }
    let repeats = Repeats::new(catalog, &programs);
    for p in secondary {
        if !repeats.covers(&p) {
            programs.push(p);
        }
    }
    programs.sort_by(|a, b| {
        a.installed
            .name
            .to_lowercase()
            .cmp(&b.installed.name.to_lowercase())
            .then(a.installed.source.cmp(&b.installed.source))
    });
    let mut found: BTreeMap<String, (bool, Vec<String>, u8)> = BTreeMap::new();
    for p in &programs {
        if let Some(m) = &p.matched {
            let e = found
                .entry(m.id.clone())
                .or_insert((m.proprietary, Vec::new(), 0));
            if !e.1.contains(&p.installed.name) {
                e.1.push(p.installed.name.clone());
            }
            e.2 = e.2.max(m.confidence);
        }
    }
    let installed_free: std::collections::HashSet<&str> = found
        .iter()
        .filter(|(_, (prop, _, _))| !prop)
        .map(|(id, _)| id.as_str())
        .collect();
    let platform = match os.family {
        Family::Windows => Some(Platform::Windows),
        Family::Macos => Some(Platform::Macos),
        Family::Linux => Some(Platform::Linux),
        Family::Other => None,
    };
    let mut proprietary = Vec::new();
    let mut free = Vec::new();
    for (id, (prop, seen_as, confidence)) in &found {
        let Some(entry) = catalog.get(id) else {
            continue;
        };
        let mut f = Finding {
            id: id.clone(),
            name: entry.name(lang).to_owned(),
            seen_as: seen_as.clone(),
            confidence: *confidence,
            alternatives: Vec::new(),
        };
        if *prop {
            f.alternatives = catalog
                .alternatives(id)
                .iter()
                // Only what can be used on this kind of computer (or in its browser).
                .filter(|r| {
                    platform.is_none_or(|p| {
                        r.platforms.contains(&p) || r.platforms.contains(&Platform::Web)
                    })
                })
                .filter_map(|r| {
                    let alt = catalog.free(&r.free)?;
                    Some(Suggestion {
                        id: alt.id.clone(),
                        name: alt.name.get(lang).to_owned(),
                        fit: r.fit,
                        installed: installed_free.contains(alt.id.as_str()),
                    })
                })
                .collect();
            proprietary.push(f);
        } else {
            free.push(f);
        }
    }
    let advice = crate::detect::os::assess(&os, catalog, today);
    ScanReport {
        os,
        advice,
        sources,
        proprietary,
        free,
        programs,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    }
}

/// What the primary sources found, to tell whether a secondary item repeats it.
struct Repeats {
    /// Catalogue ids found, with the parts of found suites.
    ids: std::collections::HashSet<String>,
    /// Install folders, lower case, with a trailing separator.
    locations: Vec<String>,
    /// Normalised names.
    names: Vec<String>,
}

impl Repeats {
    fn new(catalog: &Catalog, programs: &[Program]) -> Repeats {
        let mut ids = std::collections::HashSet::new();
        for p in programs {
            if let Some(m) = &p.matched {
                ids.insert(m.id.clone());
                for part in catalog.parts(&m.id) {
                    ids.insert(part.id.clone());
                }
            }
        }
        let folder = |l: &str| {
            let mut l = l.trim().trim_matches('"').to_lowercase().replace('/', "\\");
            if !l.ends_with('\\') {
                l.push('\\');
            }
            l
        };
        Repeats {
            ids,
            locations: programs
                .iter()
                .filter_map(|p| p.installed.location.as_deref())
                .filter(|l| l.len() > 3)
                .map(folder)
                .collect(),
            names: programs
                .iter()
                .map(|p| crate::detect::matching::normalize_name(&p.installed.name))
                .filter(|n| n.len() >= 4)
                .collect(),
        }
    }

    fn covers(&self, p: &Program) -> bool {
        if let Some(m) = &p.matched
            && self.ids.contains(&m.id)
        {
            return true;
        }
        if let Some(target) = &p.installed.location {
            let t = target
                .trim()
                .trim_matches('"')
                .to_lowercase()
                .replace('/', "\\");
            if self.locations.iter().any(|l| t.starts_with(l.as_str())) {
                return true;
            }
        }
        let n = crate::detect::matching::normalize_name(&p.installed.name);
        n.len() >= 4
            && self.names.iter().any(|other| {
                other == &n || other.contains(n.as_str()) || n.contains(other.as_str())
            })
    }
}

/// Scans: reads the inputs' sources in parallel, matches, and reports.
pub fn scan(
    catalog: &Catalog,
    matcher: &Matcher,
    inputs: &Inputs,
    os: OsFacts,
    lang: Lang,
) -> ScanReport {
    scan_observed(catalog, matcher, inputs, os, lang, &mut |_| {})
}

/// The number of sources the inputs will read.
pub fn source_count(inputs: &Inputs) -> usize {
    jobs(inputs).iter().map(|(kinds, _)| kinds.len()).sum()
}

/// As [`scan`], telling `observe` about each source as it answers.
pub fn scan_observed(
    catalog: &Catalog,
    matcher: &Matcher,
    inputs: &Inputs,
    os: OsFacts,
    lang: Lang,
    observe: &mut dyn FnMut(&SourceReport),
) -> ScanReport {
    let started = Instant::now();
    let gathered = run_jobs_observed(jobs(inputs), SOURCE_TIMEOUT, observe);
    build_report(catalog, matcher, os, gathered, lang, Date::today(), started)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slow_or_failing_source_does_not_stop_the_others() {
        let fast: Job = Box::new(|| {
            let mut r = SourceResult::new(SourceKind::Dpkg);
            r.programs
                .push(Installed::new("gimp", SourceKind::Dpkg).expect("name"));
            vec![(SourceKind::Dpkg, Ok(r))]
        });
        let slow: Job = Box::new(|| {
            std::thread::sleep(Duration::from_millis(800));
            vec![(SourceKind::Snap, Ok(SourceResult::new(SourceKind::Snap)))]
        });
        let failing: Job =
            Box::new(|| vec![(SourceKind::Rpm, Err(SourceError::Failed("boom".into())))]);
        let (results, reports) = run_jobs(
            vec![
                (vec![SourceKind::Dpkg], fast),
                (vec![SourceKind::Snap], slow),
                (vec![SourceKind::Rpm], failing),
            ],
            Duration::from_millis(200),
        );
        assert_eq!(results.len(), 1);
        let status = |k| {
            reports
                .iter()
                .find(|r| r.source == k)
                .map(|r| r.status.clone())
        };
        assert_eq!(status(SourceKind::Dpkg), Some(SourceStatus::Ok));
        assert_eq!(status(SourceKind::Snap), Some(SourceStatus::Timeout));
        assert_eq!(status(SourceKind::Rpm), Some(SourceStatus::Failed));
    }
}
