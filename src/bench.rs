//! `kitlibre bench`: the performance figures of DESIGN.md in one run, against their targets.
//!
//! Catalogue load, search latency per keystroke, the full local inventory, the window (first
//! frame, peak memory, CPU while idle: the real binary is started with the software renderer,
//! under Xvfb when there is no display) and, when LibreOffice and a folder of documents are
//! there, the conversion throughput of the kit's batches against one soffice per file.
//! Nothing here asserts a time: it measures and says whether each target is met.

use crate::catalog::model::Lang;
use crate::catalog::search::SearchIndex;
use crate::catalog::{Catalog, load_embedded};
use serde::Serialize;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a figure is compared with.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Must stay under this value.
    Below(f64),
    /// Must reach at least this value.
    AtLeast(f64),
}

impl Target {
    pub fn met(self, value: f64) -> bool {
        match self {
            Target::Below(t) => value < t,
            Target::AtLeast(t) => value >= t,
        }
    }
}

/// Why a figure was not measured.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "snake_case", tag = "reason", content = "detail")]
pub enum Skip {
    /// `--skip-window`.
    WindowNotAsked,
    /// No display and no Xvfb to make one.
    NoDisplay,
    /// The window did not start or did not draw (the detail says what it printed).
    WindowFailed(String),
    /// The window measurements only exist on Linux for now.
    NotLinux,
    /// LibreOffice was not found.
    NoLibreOffice,
    /// No `--documents` folder, or no Office document in it.
    NoDocuments,
    /// The conversion could not run (the detail says why).
    ConversionFailed(String),
}

/// One measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Stable identifier (JSON key, and the message id suffix of its label).
    pub id: &'static str,
    /// The value, in `unit`; `None` when not measured (`skipped` says why).
    pub value: Option<f64>,
    pub unit: &'static str,
    pub target: Option<Target>,
    /// Whether the target is met (`None`: no target, or not measured).
    pub met: Option<bool>,
    /// What the figure was measured on (programs, queries, documents, runs).
    pub count: Option<u64>,
    pub skipped: Option<Skip>,
}

impl Figure {
    fn new(id: &'static str, value: f64, unit: &'static str, target: Option<Target>) -> Figure {
        Figure {
            id,
            value: Some(value),
            unit,
            target,
            met: target.map(|t| t.met(value)),
            count: None,
            skipped: None,
        }
    }

    fn counted(mut self, count: usize) -> Figure {
        self.count = Some(count as u64);
        self
    }

    fn skipped(id: &'static str, unit: &'static str, target: Option<Target>, why: Skip) -> Figure {
        Figure {
            id,
            value: None,
            unit,
            target,
            met: None,
            count: None,
            skipped: Some(why),
        }
    }
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: &'static str,
    /// "release" or "debug": targets are for release builds.
    pub build: &'static str,
    pub cores: usize,
    pub os: String,
    pub figures: Vec<Figure>,
}

/// What to measure and how much.
#[derive(Debug, Clone)]
pub struct Options {
    /// Repetitions of the quick measurements (load, inventory, first frame).
    pub runs: usize,
    /// The binary that opens the window (`std::env::current_exe()` for `kitlibre bench`).
    pub window_exe: Option<PathBuf>,
    /// How long the idle CPU is measured.
    pub idle: Duration,
    /// A folder of Office documents for the conversion figures.
    pub documents: Option<PathBuf>,
    /// At most this many documents are converted (each one twice).
    pub max_documents: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            runs: 10,
            window_exe: None,
            idle: Duration::from_secs(10),
            documents: None,
            max_documents: 60,
        }
    }
}

/// The line the window prints on standard error at its first frame, before the time in ms
/// (with `KITLIBRE_FIRST_FRAME=announce` or `exit`).
pub const FIRST_FRAME_LINE: &str = "first-frame-ms:";

/// After this long without typing, the window's search field lets go of the keyboard focus,
/// so its blinking caret stops redrawing; typing anywhere brings it back.
pub const CARET_REST: Duration = Duration::from_secs(20);

/// DESIGN.md's targets.
pub const FIRST_FRAME_MS: f64 = 300.0;
pub const INVENTORY_MS: f64 = 150.0;
pub const SEARCH_P99_MS: f64 = 1.0;
pub const PEAK_MEMORY_MB: f64 = 100.0;
/// "~0": under half a percent of one core.
pub const IDLE_CPU_PERCENT: f64 = 0.5;
pub const CONVERSION_SPEEDUP: f64 = 5.0;

/// The steps of a run, as `progress` is told of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Catalog,
    Search,
    Inventory,
    Window,
    Conversion,
}

/// Runs every measurement; `progress` is told of each step before it starts.
pub fn run(options: &Options, progress: &mut dyn FnMut(Step)) -> Report {
    let runs = options.runs.max(1);
    let mut figures = Vec::new();
    progress(Step::Catalog);
    figures.push(catalog_load(runs));
    let catalog = load_embedded().catalog;
    progress(Step::Search);
    figures.extend(search(&catalog));
    progress(Step::Inventory);
    figures.push(inventory(&catalog, runs));
    progress(Step::Window);
    figures.extend(window(options));
    progress(Step::Conversion);
    figures.extend(conversion(options));
    Report {
        version: env!("CARGO_PKG_VERSION"),
        build: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        os: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        figures,
    }
}

/// The value at fraction `p` (0..=1) of sorted values.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p.clamp(0.0, 1.0)).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(&v, 0.5)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Loading the embedded catalogue (parse and validate), median.
pub fn catalog_load(runs: usize) -> Figure {
    let times = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(load_embedded());
            ms(t.elapsed())
        })
        .collect();
    Figure::new("catalog_load_ms", median(times), "ms", None).counted(runs)
}

/// What a person types, keystroke by keystroke: every prefix of every name, and of common
/// needs and misspellings in both languages.
pub fn keystrokes(catalog: &Catalog) -> Vec<String> {
    let names = catalog
        .proprietary
        .iter()
        .map(|p| p.name.get(Lang::Fr).to_string())
        .chain(
            catalog
                .free
                .iter()
                .map(|f| f.name.get(Lang::Fr).to_string()),
        );
    let typed = [
        "excell",
        "foto shop",
        "traitement de texte",
        "whatsap",
        "retouche photo",
        "word processor",
        "navigateur",
        "courriel",
        "mot de passe",
        "powerpoit",
        "librofice",
        "google agenda",
        "xqzwvkj",
        "montage video",
        "sondage",
        "cartes",
    ];
    let mut queries = Vec::new();
    for text in names.chain(typed.iter().map(|s| s.to_string())) {
        let chars: Vec<char> = text.chars().collect();
        for n in 1..=chars.len() {
            queries.push(chars[..n].iter().collect());
        }
    }
    queries
}

/// Search latency per keystroke over the whole catalogue: p50 and p99.
pub fn search(catalog: &Catalog) -> [Figure; 2] {
    let index = SearchIndex::new(catalog);
    let queries = keystrokes(catalog);
    for q in queries.iter().take(200) {
        std::hint::black_box(index.search(catalog, q, Lang::Fr, 20));
    }
    // Each keystroke is timed three times and the fastest is kept: the cost of the search,
    // without the moments the (shared) machine gave the core to another program.
    let mut lat: Vec<f64> = queries
        .iter()
        .map(|q| {
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(index.search(catalog, q, Lang::Fr, 20));
                    ms(t.elapsed())
                })
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    lat.sort_by(f64::total_cmp);
    [
        Figure::new("search_p50_ms", percentile(&lat, 0.5), "ms", None).counted(lat.len()),
        Figure::new(
            "search_p99_ms",
            percentile(&lat, 0.99),
            "ms",
            Some(Target::Below(SEARCH_P99_MS)),
        )
        .counted(lat.len()),
    ]
}

/// The full local inventory (every source of this machine, then matching), warm, median.
pub fn inventory(catalog: &Catalog, runs: usize) -> Figure {
    use crate::detect::matching::Matcher;
    use crate::detect::scan::{Inputs, scan};
    let matcher = Matcher::new(catalog);
    let os = crate::detect::os::collect();
    let inputs = Inputs::local();
    // One warm-up run fills the page cache.
    let first = scan(catalog, &matcher, &inputs, os.clone(), Lang::Fr);
    let mut programs = first.programs.len();
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let r = scan(catalog, &matcher, &inputs, os.clone(), Lang::Fr);
        programs = r.programs.len();
        times.push(r.millis);
    }
    Figure::new(
        "inventory_ms",
        median(times),
        "ms",
        Some(Target::Below(INVENTORY_MS)),
    )
    .counted(programs)
}

const WINDOW_FIGURES: [(&str, &str, Option<Target>); 4] = [
    ("first_frame_ms", "ms", Some(Target::Below(FIRST_FRAME_MS))),
    ("peak_memory_mb", "MB", Some(Target::Below(PEAK_MEMORY_MB))),
    (
        "idle_cpu_percent",
        "%",
        Some(Target::Below(IDLE_CPU_PERCENT)),
    ),
    ("typing_cpu_percent", "%", None),
];

fn window_skipped(why: Skip) -> Vec<Figure> {
    WINDOW_FIGURES
        .iter()
        .map(|(id, unit, target)| Figure::skipped(id, unit, *target, why.clone()))
        .collect()
}

/// The window's figures: time from launch to the first frame of the ready window (median
/// of `runs` launches), then one window left open: CPU during the first seconds (the search
/// field's caret blinks), CPU once it rests (`idle`), and peak memory.
pub fn window(options: &Options) -> Vec<Figure> {
    let Some(exe) = options.window_exe.as_deref() else {
        return window_skipped(Skip::WindowNotAsked);
    };
    if !cfg!(target_os = "linux") {
        return window_skipped(Skip::NotLinux);
    }
    let display = match Display::find_or_start() {
        Ok(d) => d,
        Err(why) => return window_skipped(why),
    };
    match measure_window(exe, &display, options) {
        Ok(figures) => figures,
        Err(detail) => window_skipped(Skip::WindowFailed(detail)),
    }
}

/// A display to open windows on: the session's, or an Xvfb started for the run.
pub struct Display {
    vars: Vec<(&'static str, String)>,
    xvfb: Option<Child>,
}

impl Display {
    /// The display in the environment, else a new Xvfb (stopped when this is dropped).
    pub fn find_or_start() -> Result<Display, Skip> {
        if let Ok(d) = std::env::var("DISPLAY")
            && !d.is_empty()
        {
            return Ok(Display {
                vars: vec![("DISPLAY", d)],
                xvfb: None,
            });
        }
        Display::start_xvfb()
    }

    /// Starts Xvfb (1280×900, 24 bits) on a display number it picks itself (`-displayfd`:
    /// no race with another Xvfb starting at the same time).
    pub fn start_xvfb() -> Result<Display, Skip> {
        Self::xvfb(&[])
    }

    /// As [`Display::start_xvfb`], but Xvfb also ends by itself when its last client
    /// leaves (`-terminate`): for a display shared by a whole test run (Wine's desktop),
    /// which nothing drops at the end.
    pub fn start_xvfb_until_last_client() -> Result<Display, Skip> {
        Self::xvfb(&["-terminate"])
    }

    fn xvfb(extra: &[&str]) -> Result<Display, Skip> {
        let xvfb = which::which("Xvfb").map_err(|_| Skip::NoDisplay)?;
        let mut child = Command::new(&xvfb)
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|_| Skip::NoDisplay)?;
        let stdout = child.stdout.take();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            if let Some(out) = stdout {
                let _ = std::io::BufReader::new(out).read_line(&mut line);
            }
            let _ = tx.send(line);
        });
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) if line.trim().parse::<u32>().is_ok() => Ok(Display {
                vars: vec![("DISPLAY", format!(":{}", line.trim()))],
                xvfb: Some(child),
            }),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                Err(Skip::NoDisplay)
            }
        }
    }

    /// The environment a window needs to open on this display.
    pub fn vars(&self) -> &[(&'static str, String)] {
        &self.vars
    }

    /// True when this display is an Xvfb started for the run.
    pub fn is_virtual(&self) -> bool {
        self.xvfb.is_some()
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = &mut self.xvfb {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A window process started for a measurement, with its standard error read line by line.
pub struct WindowProcess {
    pub child: Child,
    pub started: Instant,
    lines: mpsc::Receiver<(Instant, String)>,
    /// Everything it printed so far (for error messages).
    pub printed: Vec<String>,
    _data: tempfile::TempDir,
}

impl WindowProcess {
    /// Starts `exe` (the window, no arguments but `args`) with the software renderer, a
    /// throwaway data folder, and `KITLIBRE_FIRST_FRAME` set to `first_frame`.
    pub fn start(
        exe: &Path,
        display: &Display,
        first_frame: &str,
        args: &[&str],
    ) -> Result<WindowProcess, String> {
        let data = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut cmd = Command::new(exe);
        cmd.args(args)
            .env(crate::settings::DATA_DIR_ENV, data.path());
        Self::spawn(cmd, display, first_frame, Some(data))
    }

    /// Starts a prepared command that opens the window (`wine kitlibre.exe ...` for the
    /// Windows build), with the software renderer, the display's variables and
    /// `KITLIBRE_FIRST_FRAME` set to `first_frame`; `data` is removed when it ends.
    pub fn spawn(
        mut cmd: Command,
        display: &Display,
        first_frame: &str,
        data: Option<tempfile::TempDir>,
    ) -> Result<WindowProcess, String> {
        let data = match data {
            Some(d) => d,
            None => tempfile::tempdir().map_err(|e| e.to_string())?,
        };
        cmd.env("ICED_BACKEND", "tiny-skia")
            .env("KITLIBRE_FIRST_FRAME", first_frame)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if display.is_virtual() {
            cmd.env_remove("WAYLAND_DISPLAY");
        }
        for (k, v) in display.vars() {
            cmd.env(k, v);
        }
        let started = Instant::now();
        let mut child = cmd.spawn().map_err(|e| e.to_string())?;
        let stderr = child.stderr.take().ok_or("no standard error")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send((Instant::now(), line)).is_err() {
                    break;
                }
            }
        });
        Ok(WindowProcess {
            child,
            started,
            lines: rx,
            printed: Vec::new(),
            _data: data,
        })
    }

    /// Waits for the first-frame line; returns the time from launch to it, in ms.
    pub fn wait_first_frame(&mut self, timeout: Duration) -> Result<f64, String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok((at, line)) => {
                    let seen = line.starts_with(FIRST_FRAME_LINE);
                    self.printed.push(line);
                    if seen {
                        return Ok(ms(at - self.started));
                    }
                }
                Err(_) => {
                    let status = self.child.try_wait().ok().flatten();
                    let mut said = self.printed.join(" | ");
                    if let Some(s) = status {
                        said = format!("exit {s}; {said}");
                    }
                    return Err(if said.is_empty() {
                        "no first frame".to_string()
                    } else {
                        said
                    });
                }
            }
        }
    }

    /// Waits for the process to end by itself; returns its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<Option<i32>, String> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                // Collect what it printed last.
                while let Ok((_, line)) = self.lines.try_recv() {
                    self.printed.push(line);
                }
                return Ok(status.code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err("still running".to_string())
    }

    /// CPU time the process used so far, in ms.
    pub fn cpu_ms(&self) -> Option<u64> {
        use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System};
        let pid = Pid::from_u32(self.child.id());
        let mut sys = System::new().ok()?;
        sys.refresh_processes_specifics(
            ProcessesToUpdate::Some(&[pid]),
            false,
            ProcessRefreshKind::nothing().with_cpu(),
        );
        sys.process(pid).map(|p| p.accumulated_cpu_time())
    }

    /// The most memory the process ever held (Linux's VmHWM), in bytes.
    pub fn peak_memory(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line
            .trim_start_matches("VmHWM:")
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kb * 1024)
    }

    /// Stops the process (it is a measurement copy: nothing of the person's is in it).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for WindowProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.stop();
        }
    }
}

fn cpu_percent(process: &WindowProcess, over: Duration) -> Option<f64> {
    let before = process.cpu_ms()?;
    let t = Instant::now();
    std::thread::sleep(over);
    let after = process.cpu_ms()?;
    Some(after.saturating_sub(before) as f64 / ms(t.elapsed()) * 100.0)
}

fn measure_window(exe: &Path, display: &Display, options: &Options) -> Result<Vec<Figure>, String> {
    let timeout = Duration::from_secs(60);
    let mut firsts = Vec::new();
    for _ in 0..options.runs.clamp(1, 10) {
        let mut w = WindowProcess::start(exe, display, "exit", &[])?;
        firsts.push(w.wait_first_frame(timeout)?);
        let _ = w.wait_exit(Duration::from_secs(10));
    }
    let runs = firsts.len();
    let first_frame = median(firsts);

    let mut w = WindowProcess::start(exe, display, "announce", &[])?;
    w.wait_first_frame(timeout)?;
    // While the search field has the focus its caret blinks (iced redraws it); after
    // CARET_REST it lets go and nothing should redraw.
    let typing = cpu_percent(&w, options.idle).ok_or("no CPU figure")?;
    let rest = CARET_REST + Duration::from_secs(2);
    std::thread::sleep(rest.saturating_sub(options.idle));
    let idle = cpu_percent(&w, options.idle).ok_or("no CPU figure")?;
    let peak = w.peak_memory().ok_or("no memory figure")? as f64 / (1024.0 * 1024.0);
    w.stop();
    Ok(vec![
        Figure::new(
            "first_frame_ms",
            first_frame,
            "ms",
            Some(Target::Below(FIRST_FRAME_MS)),
        )
        .counted(runs),
        Figure::new(
            "peak_memory_mb",
            peak,
            "MB",
            Some(Target::Below(PEAK_MEMORY_MB)),
        ),
        Figure::new(
            "idle_cpu_percent",
            idle,
            "%",
            Some(Target::Below(IDLE_CPU_PERCENT)),
        ),
        Figure::new("typing_cpu_percent", typing, "%", None),
    ])
}

/// Office documents the conversion figures use.
const OFFICE_EXTENSIONS: [&str; 6] = ["docx", "xlsx", "pptx", "doc", "xls", "ppt"];

/// Copies up to `max` Office documents found under `from` (sorted, recursively) into `into`.
pub fn copy_documents(from: &Path, into: &Path, max: usize) -> std::io::Result<usize> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(from)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| OFFICE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    files.truncate(max);
    for (i, f) in files.iter().enumerate() {
        // A number in front keeps same-named files of different folders apart.
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("document");
        std::fs::copy(f, into.join(format!("{i:03}-{name}")))?;
    }
    Ok(files.len())
}

/// Conversion throughput: the kit's batches against one soffice per file, on the same
/// documents, converted to OpenDocument in a throwaway folder (the originals are copies).
pub fn conversion(options: &Options) -> Vec<Figure> {
    use crate::migrate::convert::{self, Target as Format, plan};
    use crate::migrate::fonts::FontEnv;
    use crate::migrate::inventory::inventory;
    let ids: [(&str, &str, Option<Target>); 3] = [
        (
            "conversion_speedup",
            "x",
            Some(Target::AtLeast(CONVERSION_SPEEDUP)),
        ),
        ("conversion_batch_per_s", "/s", None),
        ("conversion_single_per_s", "/s", None),
    ];
    // Not measured: one line says why.
    let skip = |why: Skip| -> Vec<Figure> {
        let (id, unit, target) = ids[0];
        vec![Figure::skipped(id, unit, target, why)]
    };
    let Some(office) = crate::migrate::soffice::find() else {
        return skip(Skip::NoLibreOffice);
    };
    let Some(from) = options.documents.as_deref() else {
        return skip(Skip::NoDocuments);
    };
    let result = (|| -> Result<Option<(usize, f64, f64)>, String> {
        let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
        let docs = tmp.path().join("documents");
        std::fs::create_dir_all(&docs).map_err(|e| e.to_string())?;
        let n = copy_documents(from, &docs, options.max_documents).map_err(|e| e.to_string())?;
        if n == 0 {
            return Ok(None);
        }
        let inv = inventory(
            &docs,
            &[],
            &FontEnv::default(),
            &mut |_| {},
            &AtomicBool::new(false),
        )
        .map_err(|e| format!("{e:?}"))?;
        let mut rates = Vec::new();
        let mut converted = 0;
        for (dir, one_per_file) in [("batch", false), ("single", true)] {
            let p = plan(&inv, &tmp.path().join(dir), Format::Odf);
            let opts = convert::Options {
                one_per_file,
                ..convert::Options::default()
            };
            let t = Instant::now();
            let report = convert::run(&p, &office, &opts, &mut |_| {}, &AtomicBool::new(false))
                .map_err(|e| format!("{e:?}"))?;
            converted = converted.max(report.converted.len());
            rates.push(report.converted.len() as f64 / t.elapsed().as_secs_f64());
        }
        Ok(Some((converted, rates[0], rates[1])))
    })();
    match result {
        Ok(None) => skip(Skip::NoDocuments),
        Err(e) => skip(Skip::ConversionFailed(e)),
        Ok(Some((n, batch, single))) => {
            let speedup = if single > 0.0 { batch / single } else { 0.0 };
            vec![
                Figure::new(
                    "conversion_speedup",
                    speedup,
                    "x",
                    Some(Target::AtLeast(CONVERSION_SPEEDUP)),
                )
                .counted(n),
                Figure::new("conversion_batch_per_s", batch, "/s", None).counted(n),
                Figure::new("conversion_single_per_s", single, "/s", None).counted(n),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_pick_the_right_rank() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.5), 51.0);
        assert_eq!(percentile(&v, 0.99), 99.0);
        assert_eq!(percentile(&v, 1.0), 100.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn targets_compare_both_ways() {
        assert!(Target::Below(300.0).met(120.0));
        assert!(!Target::Below(300.0).met(300.0));
        assert!(Target::AtLeast(5.0).met(5.0));
        assert!(!Target::AtLeast(5.0).met(4.9));
    }

    #[test]
    fn keystrokes_are_every_prefix() {
        let catalog = load_embedded().catalog;
        let q = keystrokes(&catalog);
        assert!(q.iter().any(|s| s == "exc"));
        assert!(q.iter().any(|s| s == "excell"));
        assert!(q.len() > 1000, "{}", q.len());
    }
}
