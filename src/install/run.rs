//! Carrying out a plan: each step runs as a process with an argv array (never a shell),
//! its output streamed line by line; Cancel stops the whole process tree; downloads are
//! checked against the catalogue's size and SHA-256 (and checked again just before the
//! file is run); afterwards the program is looked for again to confirm it is there.

use crate::install::codes::{self, Outcome};
use crate::install::plan::{Action, Plan, StepKind};
use crate::process::{self, Ended};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What the runner needs to know about this machine.
#[derive(Clone, Debug)]
pub struct RunContext {
    /// Where downloads are kept (created when needed).
    pub download_dir: PathBuf,
    /// The user's own program folder (`%LOCALAPPDATA%\Programs`, `~/Applications`).
    pub user_programs: PathBuf,
    /// Plain http to 127.0.0.1 is accepted (tests with a local server only).
    pub allow_loopback_http: bool,
    /// A step running longer than this is stopped.
    pub step_timeout: Duration,
    /// Largest download accepted when the catalogue gives no size.
    pub max_download: u64,
}

impl RunContext {
    /// The usual folders of this machine, downloads under `cache_dir`.
    pub fn for_machine(cache_dir: &Path) -> RunContext {
        let home = std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default();
        let user_programs = if cfg!(windows) {
            std::env::var_os("LOCALAPPDATA")
                .map(|p| PathBuf::from(p).join("Programs"))
                .unwrap_or_else(|| home.join("Programs"))
        } else {
            home.join("Applications")
        };
        RunContext {
            download_dir: cache_dir.join("downloads"),
            user_programs,
            allow_loopback_http: false,
            step_timeout: Duration::from_secs(30 * 60),
            max_download: 4 * 1024 * 1024 * 1024,
        }
    }
}

/// What happens while a plan runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum Event {
    StepStarted {
        index: usize,
        kind: StepKind,
    },
    /// A line the running program printed.
    Output {
        line: String,
    },
    /// Bytes downloaded so far.
    Progress {
        done: u64,
        total: Option<u64>,
    },
    StepFinished {
        index: usize,
        outcome: Outcome,
    },
}

/// How the run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RunReport {
    pub outcome: Outcome,
    /// The step that failed.
    pub failed_step: Option<usize>,
    pub exit_code: Option<i32>,
    /// The last lines printed, for the details.
    pub output_tail: Vec<String>,
    /// Whether the program was found afterwards (`None`: not checked).
    pub verified: Option<bool>,
}

/// How many output lines are kept for the report.
pub const TAIL_LINES: usize = 40;
const MAX_LINE: usize = 500;

fn keep(tail: &mut Vec<String>, line: String) {
    let mut line: String = line
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect();
    if line.len() > MAX_LINE {
        let mut cut = MAX_LINE;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        line.truncate(cut);
    }
    tail.push(line);
    if tail.len() > TAIL_LINES {
        tail.remove(0);
    }
}

/// Runs one program; returns its exit code (or why it did not end normally).
fn run_process(
    argv: &[String],
    ctx: &RunContext,
    cancel: &AtomicBool,
    on: &mut dyn FnMut(Event),
    tail: &mut Vec<String>,
) -> Result<i32, Outcome> {
    let args: Vec<std::ffi::OsString> = argv.iter().map(Into::into).collect();
    let ended = process::run(&args, ctx.step_timeout, cancel, &mut |line| {
        keep(tail, line.clone());
        on(Event::Output { line });
    });
    match ended {
        Ended::Exited(code) => Ok(code),
        Ended::Cancelled => Err(Outcome::Cancelled),
        Ended::TimedOut => {
            let program = argv.first().map(String::as_str).unwrap_or_default();
            keep(
                tail,
                format!("{program}: stopped after {} s", ctx.step_timeout.as_secs()),
            );
            Err(Outcome::Failed)
        }
        Ended::NotStarted(why) => {
            keep(tail, why);
            Err(Outcome::Failed)
        }
    }
}

fn sha256_of_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn url_allowed(url: &str, ctx: &RunContext) -> bool {
    match url::Url::parse(url) {
        Ok(u) if u.scheme() == "https" => true,
        Ok(u) if u.scheme() == "http" && ctx.allow_loopback_http => {
            matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
        }
        _ => false,
    }
}

/// Downloads a file into the download folder, checking size and SHA-256; a file that
/// does not match is deleted and never run.
/// The file a download step asks for.
struct Wanted<'a> {
    url: &'a str,
    sha256: &'a str,
    size: Option<u64>,
    file_name: &'a str,
}

fn download(
    wanted: Wanted<'_>,
    ctx: &RunContext,
    cancel: &AtomicBool,
    on: &mut dyn FnMut(Event),
    tail: &mut Vec<String>,
) -> Result<PathBuf, Outcome> {
    let Wanted {
        url,
        sha256,
        size,
        file_name,
    } = wanted;
    if !url_allowed(url, ctx) {
        keep(tail, format!("refused: {url} is not https"));
        return Err(Outcome::Failed);
    }
    std::fs::create_dir_all(&ctx.download_dir).map_err(|e| {
        keep(tail, format!("{}: {e}", ctx.download_dir.display()));
        Outcome::Failed
    })?;
    let mut resp = crate::net::get(url).map_err(|e| match e {
        crate::net::NetError::Setup(d) => {
            keep(tail, d);
            Outcome::Failed
        }
        crate::net::NetError::Connect(d) => {
            keep(tail, d);
            Outcome::NoNetwork
        }
    })?;
    if !(200..300).contains(&resp.status) {
        keep(tail, format!("{url}: HTTP {}", resp.status));
        return Err(if resp.status == 404 {
            Outcome::NotFound
        } else {
            Outcome::Failed
        });
    }
    let limit = size.unwrap_or(ctx.max_download);
    if resp.content_length.is_some_and(|l| l > limit) {
        keep(tail, format!("{url}: larger than expected"));
        return Err(Outcome::Corrupted);
    }
    let total = size.or(resp.content_length);
    let mut tmp = tempfile::NamedTempFile::new_in(&ctx.download_dir).map_err(|e| {
        keep(tail, e.to_string());
        Outcome::Failed
    })?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut done: u64 = 0;
    let mut last_report = Instant::now();
    loop {
        if cancel.load(Ordering::SeqCst) {
            return Err(Outcome::Cancelled);
        }
        let n = resp.body.read(&mut buf).map_err(|e| {
            keep(tail, e.to_string());
            Outcome::NoNetwork
        })?;
        if n == 0 {
            break;
        }
        done += n as u64;
        if done > limit {
            keep(tail, format!("{url}: larger than expected"));
            return Err(Outcome::Corrupted);
        }
        hasher.update(&buf[..n]);
        tmp.write_all(&buf[..n]).map_err(|e| {
            keep(tail, e.to_string());
            Outcome::DiskFull
        })?;
        if last_report.elapsed() > Duration::from_millis(200) {
            on(Event::Progress { done, total });
            last_report = Instant::now();
        }
    }
    on(Event::Progress { done, total });
    let got = hex(&hasher.finalize());
    if got != sha256.to_ascii_lowercase() || size.is_some_and(|s| s != done) {
        keep(
            tail,
            format!("{url}: SHA-256 {got}, expected {sha256}; size {done}"),
        );
        return Err(Outcome::Corrupted);
    }
    let target = ctx.download_dir.join(file_name);
    tmp.persist(&target).map_err(|e| {
        keep(tail, e.to_string());
        Outcome::Failed
    })?;
    Ok(target)
}

/// The program an MSI unpacked for the user (`msiexec /a ... TARGETDIR=<user
/// programs>\\<id>`) left, found by one of its file names (`freewriter.exe`) at most five
/// folders down: an administrative install registers nothing with Windows.
pub fn unpacked_program(ctx: &RunContext, id: &str, exe_names: &[String]) -> Option<PathBuf> {
    if exe_names.is_empty() || id.is_empty() || id.contains(['/', '\\', '.']) {
        return None;
    }
    let root = ctx.user_programs.join(id);
    walkdir::WalkDir::new(&root)
        .max_depth(5)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .find(|e| {
            let name = e.file_name().to_string_lossy();
            exe_names.iter().any(|x| x.eq_ignore_ascii_case(&name))
        })
        .map(|e| e.into_path())
}

/// msiexec's answers to `/a` that mean "not here": 1625 (a policy forbids it to this
/// user), 1626 (the function is not available: Wine). The kit then unpacks the package
/// itself (install::msi), as msiexec would have.
const MSIEXEC_CANNOT_UNPACK: [i32; 2] = [1625, 1626];

/// Unpacks a checked MSI into the `TARGETDIR=` of its msiexec argv, without msiexec.
fn unpack_msi_ourselves(
    msi: &Path,
    argv: &[String],
    code: i32,
    ctx: &RunContext,
    on: &mut dyn FnMut(Event),
    tail: &mut Vec<String>,
) -> Result<Outcome, Outcome> {
    let Some(target) = argv
        .iter()
        .find_map(|a| a.strip_prefix("TARGETDIR="))
        .map(PathBuf::from)
    else {
        return Err(Outcome::Failed);
    };
    let line = format!("msiexec /a: code {code}; the kit unpacks the package itself");
    keep(tail, line.clone());
    on(Event::Output { line });
    match crate::install::msi::unpack(msi, &target, ctx.max_download.saturating_mul(4)) {
        Ok(done) => {
            let line = format!(
                "{} files ({} bytes) unpacked into {}",
                done.files,
                done.bytes,
                target.display()
            );
            keep(tail, line.clone());
            on(Event::Output { line });
            Ok(Outcome::Done)
        }
        Err(e) => {
            keep(tail, e.to_string());
            Err(Outcome::Failed)
        }
    }
}

/// Replaces `{file}` and `{user_programs}` in an argv.
fn expand(argv: &[String], file: Option<&Path>, ctx: &RunContext) -> Vec<String> {
    argv.iter()
        .map(|a| {
            let mut a = a.clone();
            if let Some(f) = file {
                a = a.replace("{file}", &f.to_string_lossy());
            }
            a.replace("{user_programs}", &ctx.user_programs.to_string_lossy())
        })
        .collect()
}

/// Runs a plan. `verify` says afterwards whether the program is now found.
pub fn execute(
    plan: &Plan,
    ctx: &RunContext,
    cancel: &AtomicBool,
    on: &mut dyn FnMut(Event),
    verify: &dyn Fn() -> Option<bool>,
) -> RunReport {
    let mut tail = Vec::new();
    let mut file: Option<(PathBuf, String)> = None;
    let mut final_outcome = Outcome::Done;
    for (index, step) in plan.steps.iter().enumerate() {
        on(Event::StepStarted {
            index,
            kind: step.kind,
        });
        let result: Result<Outcome, (Outcome, Option<i32>)> = match &step.action {
            Action::Download {
                url,
                sha256,
                size,
                file_name,
            } => match download(
                Wanted {
                    url,
                    sha256,
                    size: *size,
                    file_name,
                },
                ctx,
                cancel,
                on,
                &mut tail,
            ) {
                Ok(path) => {
                    file = Some((path, sha256.clone()));
                    Ok(Outcome::Done)
                }
                Err(o) => Err((o, None)),
            },
            Action::Run { argv } => {
                // The file is checked again just before it runs.
                if let Some((path, sha)) = &file
                    && argv.iter().any(|a| a.contains("{file}"))
                    && sha256_of_file(path).ok().as_deref() != Some(sha.as_str())
                {
                    let _ = std::fs::remove_file(path);
                    keep(
                        &mut tail,
                        format!("{}: changed since it was checked", path.display()),
                    );
                    Err((Outcome::Corrupted, None))
                } else {
                    let argv = expand(argv, file.as_ref().map(|(p, _)| p.as_path()), ctx);
                    match run_process(&argv, ctx, cancel, on, &mut tail) {
                        Ok(code) => {
                            let o = codes::outcome(step.kind, code, &tail.join("\n"));
                            if o.is_success() {
                                Ok(o)
                            } else if step.kind == StepKind::MsiUnpack
                                && MSIEXEC_CANNOT_UNPACK.contains(&code)
                                && let Some((path, _)) = &file
                            {
                                unpack_msi_ourselves(path, &argv, code, ctx, on, &mut tail)
                                    .map_err(|o| (o, Some(code)))
                            } else {
                                Err((o, Some(code)))
                            }
                        }
                        Err(o) => Err((o, None)),
                    }
                }
            }
            Action::InstallAppImage => match &file {
                Some((path, _)) => install_appimage(path, ctx, &mut tail).map_err(|o| (o, None)),
                None => Err((Outcome::Failed, None)),
            },
            Action::InstallDmg => match &file {
                Some((path, _)) => {
                    install_dmg(path, ctx, cancel, on, &mut tail).map_err(|o| (o, None))
                }
                None => Err((Outcome::Failed, None)),
            },
            Action::Open { url } => {
                if url.starts_with("https://") && open::that_detached(url).is_ok() {
                    Ok(Outcome::Done)
                } else {
                    keep(&mut tail, url.clone());
                    Err((Outcome::Failed, None))
                }
            }
        };
        match result {
            Ok(o) => {
                on(Event::StepFinished { index, outcome: o });
                if o != Outcome::Done {
                    final_outcome = o;
                }
            }
            Err((o, code)) => {
                on(Event::StepFinished { index, outcome: o });
                return RunReport {
                    outcome: o,
                    failed_step: Some(index),
                    exit_code: code,
                    output_tail: tail,
                    verified: None,
                };
            }
        }
    }
    let installs = plan
        .steps
        .iter()
        .any(|s| !matches!(s.action, Action::Open { .. }));
    RunReport {
        outcome: final_outcome,
        failed_step: None,
        exit_code: Some(0),
        output_tail: tail,
        verified: if installs { verify() } else { None },
    }
}

fn install_appimage(
    path: &Path,
    ctx: &RunContext,
    tail: &mut Vec<String>,
) -> Result<Outcome, Outcome> {
    let name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let target = ctx.user_programs.join(name);
    std::fs::create_dir_all(&ctx.user_programs)
        .and_then(|_| std::fs::copy(path, &target).map(|_| ()))
        .map_err(|e| {
            keep(tail, e.to_string());
            Outcome::Failed
        })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o755)).map_err(|e| {
            keep(tail, e.to_string());
            Outcome::Failed
        })?;
    }
    Ok(Outcome::Done)
}

/// Mounts a disk image read-only, copies its application into ~/Applications (keeping the
/// quarantine attribute so Gatekeeper checks it), and unmounts it.
fn install_dmg(
    path: &Path,
    ctx: &RunContext,
    cancel: &AtomicBool,
    on: &mut dyn FnMut(Event),
    tail: &mut Vec<String>,
) -> Result<Outcome, Outcome> {
    let mount = tempfile::tempdir().map_err(|_| Outcome::Failed)?;
    let mount_s = mount.path().to_string_lossy().into_owned();
    let attach = [
        "hdiutil".to_owned(),
        "attach".into(),
        "-nobrowse".into(),
        "-readonly".into(),
        "-mountpoint".into(),
        mount_s.clone(),
        path.to_string_lossy().into_owned(),
    ];
    if run_process(&attach, ctx, cancel, on, tail)? != 0 {
        return Err(Outcome::Failed);
    }
    let app = std::fs::read_dir(mount.path()).ok().and_then(|d| {
        d.flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "app"))
    });
    let result = match app {
        Some(app) => {
            let name = app
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_default();
            let _ = std::fs::create_dir_all(&ctx.user_programs);
            let copy = [
                "ditto".to_owned(),
                app.to_string_lossy().into_owned(),
                ctx.user_programs.join(name).to_string_lossy().into_owned(),
            ];
            match run_process(&copy, ctx, cancel, on, tail) {
                Ok(0) => Ok(Outcome::Done),
                Ok(_) => Err(Outcome::Failed),
                Err(o) => Err(o),
            }
        }
        None => {
            keep(tail, "no application in the disk image".to_owned());
            Err(Outcome::Failed)
        }
    };
    let detach = ["hdiutil".to_owned(), "detach".into(), mount_s];
    let _ = run_process(&detach, ctx, &AtomicBool::new(false), on, tail);
    result
}
