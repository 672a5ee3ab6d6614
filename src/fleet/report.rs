//! The streaming aggregation: machines arrive one at a time, go through the scan's
//! matching and report code, and leave one small row each (catalogue ids, not program
//! lists). The report is computed from the rows at the end, so a duplicate machine can
//! replace an older inventory of itself without any counter going wrong.

use crate::catalog::Catalog;
use crate::catalog::model::{Date, Fit, Lang};
use crate::detect::Installed;
use crate::detect::matching::Match;
use crate::detect::matching::Matcher;
use crate::detect::os::Family;
use crate::detect::scan::build_report_with;
use crate::detect::{SourceKind, SourceResult};
use crate::fleet::hardware::{LinuxFit, Verdict, WindowsSupport, linux_fit, windows_support};
use crate::fleet::{Format, Machine, ProblemKind};
use crate::t;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

/// How far a machine is from using free alternatives for what it runs. Only proprietary
/// products with a free alternative in the catalogue count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    /// Every such product already has a free alternative installed beside it (Office and
    /// LibreOffice both there): people can switch now.
    Ready,
    /// Some products have their alternative installed, others not yet.
    Partial,
    /// None of the alternatives is installed yet.
    NotStarted,
    /// No proprietary product with an alternative was found.
    NothingToReplace,
}

impl Readiness {
    pub const ALL: [Readiness; 4] = [
        Readiness::Ready,
        Readiness::Partial,
        Readiness::NotStarted,
        Readiness::NothingToReplace,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Readiness::Ready => "ready",
            Readiness::Partial => "partial",
            Readiness::NotStarted => "not-started",
            Readiness::NothingToReplace => "nothing-to-replace",
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Readiness::Ready => t!(lang, "fleet-readiness-ready"),
            Readiness::Partial => t!(lang, "fleet-readiness-partial"),
            Readiness::NotStarted => t!(lang, "fleet-readiness-not-started"),
            Readiness::NothingToReplace => t!(lang, "fleet-readiness-nothing"),
        }
    }

    /// What the level means, for the legend.
    pub fn explanation(self, lang: Lang) -> String {
        match self {
            Readiness::Ready => t!(lang, "fleet-readiness-ready-why"),
            Readiness::Partial => t!(lang, "fleet-readiness-partial-why"),
            Readiness::NotStarted => t!(lang, "fleet-readiness-not-started-why"),
            Readiness::NothingToReplace => t!(lang, "fleet-readiness-nothing-why"),
        }
    }
}

/// A proprietary product on one machine: the alternatives suggested there, and whether
/// each is installed.
#[derive(Clone, Debug)]
struct Use {
    product: u32,
    alternatives: Vec<(u32, bool)>,
}

/// What is kept of a machine.
#[derive(Clone, Debug)]
struct Row {
    name: String,
    file: String,
    format: Format,
    os: String,
    family: Family,
    date: Option<String>,
    programs: usize,
    uses: Vec<Use>,
    free: Vec<u32>,
    windows: Option<WindowsSupport>,
    fit: LinuxFit,
}

/// A duplicate inventory, and which one was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub machine: String,
    /// The file left out.
    pub file: String,
    /// The file kept.
    pub kept: String,
    /// `newer` (the kept one is the most recent inventory) or `first` (dates unknown or
    /// equal: the first read is kept).
    pub reason: String,
}

/// Why a duplicate's kept file was kept, in words.
pub fn duplicate_reason(reason: &str, lang: Lang) -> String {
    match reason {
        "newer" => t!(lang, "fleet-dup-newer"),
        _ => t!(lang, "fleet-dup-first"),
    }
}

/// A file that could not be read, or not entirely.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    #[serde(flatten)]
    pub kind: ProblemKind,
    pub message: String,
}

/// The streaming aggregation.
pub struct Fleet<'a> {
    catalog: &'a Catalog,
    matcher: &'a Matcher,
    lang: Lang,
    today: Date,
    rows: Vec<Row>,
    by_key: HashMap<String, usize>,
    ids: Vec<String>,
    id_index: HashMap<String, u32>,
    /// Names as machines show them, per product (a few, for the report).
    seen_as: HashMap<u32, Vec<String>>,
    problems: Vec<Problem>,
    duplicates: Vec<Duplicate>,
    files: usize,
    files_read: usize,
    ignored: usize,
    started: Instant,
}

/// Most names kept per product to show how machines list it.
const SEEN_AS: usize = 6;

impl<'a> Fleet<'a> {
    pub fn new(catalog: &'a Catalog, matcher: &'a Matcher, lang: Lang, today: Date) -> Fleet<'a> {
        Fleet {
            catalog,
            matcher,
            lang,
            today,
            rows: Vec::new(),
            by_key: HashMap::new(),
            ids: Vec::new(),
            id_index: HashMap::new(),
            seen_as: HashMap::new(),
            problems: Vec::new(),
            duplicates: Vec::new(),
            files: 0,
            files_read: 0,
            ignored: 0,
            started: Instant::now(),
        }
    }

    fn intern(&mut self, id: &str) -> u32 {
        if let Some(i) = self.id_index.get(id) {
            return *i;
        }
        let i = self.ids.len() as u32;
        self.ids.push(id.to_owned());
        self.id_index.insert(id.to_owned(), i);
        i
    }

    /// Reads every input (files, folders): the whole run.
    pub fn read_inputs(&mut self, paths: &[std::path::PathBuf]) {
        self.read_inputs_observed(paths, &mut |_, _| {});
    }

    /// As [`Fleet::read_inputs`], telling `observe` (files done, files in all) after
    /// each file.
    ///
    /// Files are read and matched by one worker per processor core; their digests are
    /// taken in the files' order, so the result (which duplicate is "first") does not
    /// depend on which worker was faster. Only digests wait for their turn, never
    /// program lists.
    pub fn read_inputs_observed(
        &mut self,
        paths: &[std::path::PathBuf],
        observe: &mut dyn FnMut(usize, usize),
    ) {
        let inputs = crate::fleet::read::list(paths);
        self.ignored += inputs.ignored;
        for (p, k) in inputs.problems {
            self.files += 1;
            self.problem(&p, k);
        }
        let files = &inputs.files;
        let total = files.len();
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, 8)
            .min(total.max(1));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (catalog, matcher, lang, today) = (self.catalog, self.matcher, self.lang, self.today);
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, FileDigest)>(64);
            for _ in 0..workers {
                let tx = tx.clone();
                let next = &next;
                scope.spawn(move || {
                    let mut cache = IdentifyCache::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(path) = files.get(i) else {
                            break;
                        };
                        let d = digest_file(catalog, matcher, &mut cache, lang, today, path);
                        if tx.send((i, d)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut waiting: HashMap<usize, FileDigest> = HashMap::new();
            let mut turn = 0;
            for (i, d) in rx {
                waiting.insert(i, d);
                while let Some(d) = waiting.remove(&turn) {
                    self.accept(&files[turn], d);
                    turn += 1;
                    observe(turn, total);
                }
            }
        });
    }

    /// Reads one file: its machines are added, its problem recorded.
    pub fn read_file(&mut self, path: &Path) {
        let d = digest_file(
            self.catalog,
            self.matcher,
            &mut IdentifyCache::new(),
            self.lang,
            self.today,
            path,
        );
        self.accept(path, d);
    }

    fn accept(&mut self, path: &Path, d: FileDigest) {
        self.files += 1;
        if !d.machines.is_empty() {
            self.files_read += 1;
        }
        for m in d.machines {
            self.add_digest(m);
        }
        if let Some(k) = d.problem {
            self.problem(path, k);
        }
    }

    pub fn problem(&mut self, path: &Path, kind: ProblemKind) {
        self.problems.push(Problem {
            file: path.display().to_string(),
            message: kind.message(self.lang),
            kind,
        });
    }

    /// One machine: matched like a scan, reduced to a row, deduplicated.
    pub fn add(&mut self, path: &Path, m: Machine) {
        let d = digest(
            self.catalog,
            self.matcher,
            &mut IdentifyCache::new(),
            self.lang,
            self.today,
            path,
            m,
        );
        self.add_digest(d);
    }

    fn add_digest(&mut self, d: MachineDigest) {
        let mut uses = Vec::with_capacity(d.uses.len());
        for (product, seen_as, alternatives) in d.uses {
            let product = self.intern(&product);
            let seen = self.seen_as.entry(product).or_default();
            for n in seen_as {
                if seen.len() < SEEN_AS && !seen.contains(&n) {
                    seen.push(n);
                }
            }
            let alternatives = alternatives
                .into_iter()
                .map(|(id, installed)| (self.intern(&id), installed))
                .collect();
            uses.push(Use {
                product,
                alternatives,
            });
        }
        let free = d.free.iter().map(|id| self.intern(id)).collect();
        let mut row = d.row;
        row.uses = uses;
        row.free = free;
        let keys = d.keys;
        // The same machine seen before?
        let existing = keys.iter().find_map(|k| self.by_key.get(k).copied());
        let index = match existing {
            Some(i) => {
                let old = &self.rows[i];
                let newer = matches!((&row.date, &old.date), (Some(n), Some(o)) if n > o);
                let (dropped, kept) = if newer {
                    (old.file.clone(), row.file.clone())
                } else {
                    (row.file.clone(), old.file.clone())
                };
                self.duplicates.push(Duplicate {
                    machine: row.name.clone(),
                    file: dropped,
                    kept,
                    reason: if newer { "newer" } else { "first" }.to_owned(),
                });
                if newer {
                    self.rows[i] = row;
                }
                i
            }
            None => {
                self.rows.push(row);
                self.rows.len() - 1
            }
        };
        for k in keys {
            self.by_key.entry(k).or_insert(index);
        }
    }

    /// The report.
    pub fn finish(self) -> FleetReport {
        let lang = self.lang;
        let catalog = self.catalog;
        let name_of = |i: u32| -> String {
            let id = &self.ids[i as usize];
            catalog
                .get(id)
                .map(|e| e.name(lang).to_owned())
                .unwrap_or_else(|| id.clone())
        };
        // Per product: machines, and per alternative where it was suggested / installed.
        struct Acc {
            machines: usize,
            alts: Vec<(u32, usize, usize)>,
        }
        let mut products: HashMap<u32, Acc> = HashMap::new();
        let mut free: HashMap<u32, usize> = HashMap::new();
        let mut machines = Vec::new();
        let mut readiness_counts: BTreeMap<Readiness, usize> = BTreeMap::new();
        for r in &self.rows {
            let mut with_alt = 0;
            let mut covered = Vec::new();
            let mut to_replace = Vec::new();
            for u in &r.uses {
                let acc = products.entry(u.product).or_insert(Acc {
                    machines: 0,
                    alts: Vec::new(),
                });
                acc.machines += 1;
                for (alt, installed) in &u.alternatives {
                    match acc.alts.iter_mut().find(|a| a.0 == *alt) {
                        Some(a) => {
                            a.1 += 1;
                            a.2 += usize::from(*installed);
                        }
                        None => acc.alts.push((*alt, 1, usize::from(*installed))),
                    }
                }
                if !u.alternatives.is_empty() {
                    with_alt += 1;
                    match u.alternatives.iter().find(|(_, i)| *i) {
                        Some((alt, _)) => covered.push(ReadyProduct {
                            id: self.ids[u.product as usize].clone(),
                            name: name_of(u.product),
                            alternative_id: self.ids[*alt as usize].clone(),
                            alternative: name_of(*alt),
                        }),
                        None => to_replace.push(self.ids[u.product as usize].clone()),
                    }
                }
            }
            for f in &r.free {
                *free.entry(*f).or_default() += 1;
            }
            let readiness = if with_alt == 0 {
                Readiness::NothingToReplace
            } else if covered.len() == with_alt {
                Readiness::Ready
            } else if covered.is_empty() {
                Readiness::NotStarted
            } else {
                Readiness::Partial
            };
            *readiness_counts.entry(readiness).or_default() += 1;
            machines.push(MachineReport {
                name: r.name.clone(),
                file: r.file.clone(),
                format: r.format,
                os: r.os.clone(),
                family: r.family,
                inventory_date: r.date.clone(),
                programs: r.programs,
                proprietary: r
                    .uses
                    .iter()
                    .map(|u| self.ids[u.product as usize].clone())
                    .collect(),
                with_alternatives: with_alt,
                ready: covered,
                to_replace,
                readiness,
                windows: r.windows.clone(),
                linux_fit: r.fit.clone(),
            });
        }
        machines.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then(a.file.cmp(&b.file))
        });
        let mut product_list: Vec<ProductReport> = products
            .into_iter()
            .map(|(p, acc)| {
                let id = self.ids[p as usize].clone();
                let fits: HashMap<&str, Fit> = catalog
                    .alternatives(&id)
                    .iter()
                    .map(|r| (r.free.as_str(), r.fit))
                    .collect();
                ProductReport {
                    name: name_of(p),
                    seen_as: self.seen_as.get(&p).cloned().unwrap_or_default(),
                    machines: acc.machines,
                    alternatives: acc
                        .alts
                        .iter()
                        .map(|(a, suggested, installed)| {
                            let alt_id = &self.ids[*a as usize];
                            AlternativeReport {
                                id: alt_id.clone(),
                                name: name_of(*a),
                                fit: fits.get(alt_id.as_str()).copied(),
                                suggested_on: *suggested,
                                installed_on: *installed,
                            }
                        })
                        .collect(),
                    id,
                }
            })
            .collect();
        product_list.sort_by(|a, b| b.machines.cmp(&a.machines).then(a.name.cmp(&b.name)));
        let mut free_list: Vec<FreeReport> = free
            .into_iter()
            .map(|(f, n)| FreeReport {
                id: self.ids[f as usize].clone(),
                name: name_of(f),
                machines: n,
            })
            .collect();
        free_list.sort_by(|a, b| b.machines.cmp(&a.machines).then(a.name.cmp(&b.name)));
        let windows_eos: Vec<WindowsMachine> = machines
            .iter()
            .filter_map(|m| {
                let w = m.windows.as_ref().filter(|w| w.past_end())?;
                Some(WindowsMachine {
                    name: m.name.clone(),
                    file: m.file.clone(),
                    os: m.os.clone(),
                    support: w.clone(),
                    linux_fit: m.linux_fit.clone(),
                })
            })
            .collect();
        let fit_count = |v: Verdict| {
            windows_eos
                .iter()
                .filter(|w| w.linux_fit.verdict == v)
                .count()
        };
        let totals = Totals {
            files: self.files,
            files_read: self.files_read,
            files_ignored: self.ignored,
            problems: self.problems.len(),
            duplicates: self.duplicates.len(),
            machines: machines.len(),
            programs: machines.iter().map(|m| m.programs).sum(),
            machines_with_proprietary: machines
                .iter()
                .filter(|m| !m.proprietary.is_empty())
                .count(),
            readiness: Readiness::ALL
                .iter()
                .map(|r| {
                    (
                        r.code().to_owned(),
                        readiness_counts.get(r).copied().unwrap_or(0),
                    )
                })
                .collect(),
            windows_past_end_of_support: windows_eos.len(),
            windows_past_end_fit_for_linux: fit_count(Verdict::Fit),
            windows_past_end_not_fit: fit_count(Verdict::NotFit),
            windows_past_end_fit_unknown: fit_count(Verdict::Unknown),
            millis: self.started.elapsed().as_secs_f64() * 1000.0,
        };
        FleetReport {
            lang: lang.code().to_owned(),
            today: self.today.to_string(),
            thresholds: Thresholds::default(),
            totals,
            products: product_list,
            free: free_list,
            windows_end_of_support: windows_eos,
            machines,
            duplicates: self.duplicates,
            problems: self.problems,
        }
    }
}

/// [`Matcher::identify`]'s answers, remembered per worker: a fleet's PCs list the same
/// programs again and again. Bounded, so memory stays flat with any number of distinct
/// names.
pub struct IdentifyCache {
    answers: HashMap<String, Option<Match>>,
}

/// Most answers remembered by one worker (about 150 bytes each).
const CACHE_ENTRIES: usize = 20_000;

impl IdentifyCache {
    pub fn new() -> IdentifyCache {
        IdentifyCache {
            answers: HashMap::new(),
        }
    }

    /// What the matcher says of `p`; the answer depends only on the source kind, name,
    /// publisher and keys.
    pub fn identify(&mut self, matcher: &Matcher, p: &Installed) -> Option<Match> {
        let mut key = String::with_capacity(p.name.len() + 48);
        key.push_str(p.source.code());
        key.push('\u{1}');
        key.push_str(&p.name);
        key.push('\u{1}');
        key.push_str(p.publisher.as_deref().unwrap_or(""));
        for k in &p.keys {
            key.push('\u{1}');
            key.push_str(k.kind());
            key.push('=');
            key.push_str(k.value());
        }
        if let Some(a) = self.answers.get(&key) {
            return a.clone();
        }
        let a = matcher.identify(p);
        if self.answers.len() < CACHE_ENTRIES {
            self.answers.insert(key, a.clone());
        }
        a
    }
}

impl Default for IdentifyCache {
    fn default() -> IdentifyCache {
        IdentifyCache::new()
    }
}

/// What one file gives, computed away from the aggregation (in a worker).
struct FileDigest {
    machines: Vec<MachineDigest>,
    problem: Option<ProblemKind>,
}

/// A proprietary product on a machine: id, names seen, alternatives (id, installed).
type UseDigest = (String, Vec<String>, Vec<(String, bool)>);

/// One machine reduced to what the report keeps: its row (catalogue ids as text until
/// the aggregation interns them) and its identity keys.
struct MachineDigest {
    keys: Vec<String>,
    row: Row,
    uses: Vec<UseDigest>,
    free: Vec<String>,
}

fn digest_file(
    catalog: &Catalog,
    matcher: &Matcher,
    cache: &mut IdentifyCache,
    lang: Lang,
    today: Date,
    path: &Path,
) -> FileDigest {
    let mut machines = Vec::new();
    let result = crate::fleet::read::read_file(path, &mut |m| {
        machines.push(digest(catalog, matcher, cache, lang, today, path, m));
    });
    FileDigest {
        machines,
        problem: result.err(),
    }
}

/// Matches a machine's programs with the scan's own report code and keeps the row.
fn digest(
    catalog: &Catalog,
    matcher: &Matcher,
    cache: &mut IdentifyCache,
    lang: Lang,
    today: Date,
    path: &Path,
    m: Machine,
) -> MachineDigest {
    let keys = m.identity.keys(m.format);
    let source = m
        .programs
        .first()
        .map(|p| p.source)
        .unwrap_or(SourceKind::Inventory);
    let programs = m.programs.len();
    let mut result = SourceResult::new(source);
    result.programs = m.programs;
    let fit = linux_fit(&m.hardware);
    let windows = windows_support(&m.os, catalog, today);
    let os_text =
        m.os.long_version
            .clone()
            .or_else(|| m.os.name.clone())
            .unwrap_or_else(|| match m.os.family {
                Family::Windows => "Windows".into(),
                Family::Macos => "macOS".into(),
                Family::Linux => "Linux".into(),
                Family::Other => String::new(),
            });
    let family = m.os.family;
    let report = build_report_with(
        catalog,
        &mut |p| cache.identify(matcher, p),
        m.os,
        (vec![result], Vec::new()),
        lang,
        today,
        Instant::now(),
    );
    MachineDigest {
        keys,
        row: Row {
            name: m.name,
            file: path.display().to_string(),
            format: m.format,
            os: os_text,
            family,
            date: m.inventory_date,
            programs,
            uses: Vec::new(),
            free: Vec::new(),
            windows,
            fit,
        },
        uses: report
            .proprietary
            .into_iter()
            .map(|f| {
                let alts = f
                    .alternatives
                    .into_iter()
                    .map(|a| (a.id, a.installed))
                    .collect();
                (f.id, f.seen_as, alts)
            })
            .collect(),
        free: report.free.into_iter().map(|f| f.id).collect(),
    }
}

/// The Linux requirements the report checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Thresholds {
    pub linux_min_memory_mb: u64,
    pub linux_min_disk_bytes: u64,
    pub cpu_64bit: bool,
    pub windows_10_consumer_esu_end: String,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        use crate::fleet::hardware as h;
        Thresholds {
            linux_min_memory_mb: h::LINUX_MIN_MEMORY_MB,
            linux_min_disk_bytes: h::LINUX_MIN_DISK_BYTES,
            cpu_64bit: true,
            windows_10_consumer_esu_end: h::WINDOWS_10_CONSUMER_ESU_END.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// Files looked at (including the unreadable ones).
    pub files: usize,
    /// Files that gave at least one machine.
    pub files_read: usize,
    /// Files in folders skipped for their extension.
    pub files_ignored: usize,
    pub problems: usize,
    pub duplicates: usize,
    /// Machines, each counted once.
    pub machines: usize,
    /// Programs listed by their inventories.
    pub programs: usize,
    pub machines_with_proprietary: usize,
    /// Machines per readiness level (code -> count).
    pub readiness: BTreeMap<String, usize>,
    pub windows_past_end_of_support: usize,
    pub windows_past_end_fit_for_linux: usize,
    pub windows_past_end_not_fit: usize,
    pub windows_past_end_fit_unknown: usize,
    pub millis: f64,
}

/// An alternative of a product, over the machines that have the product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AlternativeReport {
    pub id: String,
    pub name: String,
    pub fit: Option<Fit>,
    /// Machines with the product where this alternative applies (platform).
    pub suggested_on: usize,
    /// Of those, machines where it is already installed.
    pub installed_on: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProductReport {
    pub id: String,
    pub name: String,
    /// How machines list it (a few names).
    pub seen_as: Vec<String>,
    pub machines: usize,
    pub alternatives: Vec<AlternativeReport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FreeReport {
    pub id: String,
    pub name: String,
    pub machines: usize,
}

/// A product whose alternative is already on the machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadyProduct {
    pub id: String,
    pub name: String,
    pub alternative_id: String,
    pub alternative: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MachineReport {
    pub name: String,
    pub file: String,
    pub format: Format,
    pub os: String,
    pub family: Family,
    pub inventory_date: Option<String>,
    pub programs: usize,
    /// Proprietary catalogue entries found.
    pub proprietary: Vec<String>,
    /// How many of them have a free alternative for this machine.
    pub with_alternatives: usize,
    /// Those whose alternative is already installed.
    pub ready: Vec<ReadyProduct>,
    /// Those whose alternatives are all still to install.
    pub to_replace: Vec<String>,
    pub readiness: Readiness,
    pub windows: Option<WindowsSupport>,
    pub linux_fit: LinuxFit,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WindowsMachine {
    pub name: String,
    pub file: String,
    pub os: String,
    pub support: WindowsSupport,
    pub linux_fit: LinuxFit,
}

/// The whole fleet report (the `--json` output).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FleetReport {
    pub lang: String,
    /// The date end-of-support questions were answered for.
    pub today: String,
    pub thresholds: Thresholds,
    pub totals: Totals,
    /// Proprietary products, most machines first.
    pub products: Vec<ProductReport>,
    /// Free programs already in use, most machines first.
    pub free: Vec<FreeReport>,
    /// Windows machines past end of support, with their fit for Linux.
    pub windows_end_of_support: Vec<WindowsMachine>,
    pub machines: Vec<MachineReport>,
    pub duplicates: Vec<Duplicate>,
    pub problems: Vec<Problem>,
}
