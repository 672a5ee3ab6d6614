//! `kitlibre scan` and `kitlibre identify`, and the words for what a scan found (shared
//! with the window).

use crate::catalog::Catalog;
use crate::catalog::model::Lang;
use crate::cli::{BAD_INPUT, Io, NEGATIVE, OK, Status};
use crate::detect::matching::{Match, Matcher, Reason};
use crate::detect::os::{Advice, Family, LinuxFit, OsFacts};
use crate::detect::scan::{self, Inputs, ScanReport, SourceStatus};
use crate::detect::{Installed, SourceError, SourceKind};
use crate::t;
use std::path::PathBuf;

/// Where `scan` reads from.
#[derive(Debug, Default)]
pub struct ScanArgs {
    pub all: bool,
    pub linux_root: Option<PathBuf>,
    pub home: Option<PathBuf>,
    pub windows_registry: Option<PathBuf>,
    pub macos_root: Option<PathBuf>,
}

/// OS facts for captured data: only the family is known.
pub fn unknown_os(family: Family) -> OsFacts {
    OsFacts::unknown(family)
}

/// The inputs and OS facts for the arguments: this machine, or captured data.
pub fn inputs_for(args: &ScanArgs, lang: Lang) -> Result<(Inputs, OsFacts), String> {
    let captured =
        args.linux_root.is_some() || args.windows_registry.is_some() || args.macos_root.is_some();
    if !captured {
        return Ok((Inputs::local(), crate::detect::os::collect()));
    }
    let mut inputs = Inputs::default();
    let mut family = Family::Other;
    if let Some(root) = &args.linux_root {
        if !root.is_dir() {
            return Err(t!(
                lang,
                "cli-not-a-directory",
                path = root.display().to_string()
            ));
        }
        inputs.linux = Some(crate::detect::linux::Roots::under(
            root,
            args.home.as_deref(),
        ));
        family = Family::Linux;
    }
    if let Some(file) = &args.windows_registry {
        let text = std::fs::read_to_string(file).map_err(|e| {
            t!(
                lang,
                "cli-unreadable",
                path = file.display().to_string(),
                detail = e.to_string()
            )
        })?;
        let snap = crate::detect::windows::RegistrySnapshot::from_json(&text).map_err(|e| {
            t!(
                lang,
                "cli-bad-registry",
                path = file.display().to_string(),
                detail = e
            )
        })?;
        inputs.windows_snapshot = Some(snap);
        family = Family::Windows;
    }
    if let Some(root) = &args.macos_root {
        if !root.is_dir() {
            return Err(t!(
                lang,
                "cli-not-a-directory",
                path = root.display().to_string()
            ));
        }
        let mut folders = crate::detect::macos::default_folders(root, None);
        if let Ok(users) = std::fs::read_dir(root.join("Users")) {
            for u in users.flatten() {
                folders.push(u.path().join("Applications"));
            }
        }
        inputs.macos_folders = Some(folders);
        family = Family::Macos;
    }
    Ok((inputs, unknown_os(family)))
}

/// The person's situation in words.
pub fn advice_text(a: &Advice, lang: Lang) -> String {
    match a {
        Advice::WindowsEndOfSupport {
            version,
            since,
            linux_fit,
        } => {
            let version = *version;
            let head = match since {
                Some(d) => t!(
                    lang,
                    "advice-windows-eos",
                    version = version,
                    date = d.as_str()
                ),
                None => t!(lang, "advice-windows-eos-old", version = version),
            };
            let fit = match linux_fit {
                LinuxFit::Good => t!(lang, "advice-linux-fit-good"),
                LinuxFit::Light => t!(lang, "advice-linux-fit-light"),
                LinuxFit::TooSmall => t!(lang, "advice-linux-fit-too-small"),
                LinuxFit::Unknown => t!(lang, "advice-linux-fit-unknown"),
            };
            format!("{head} {fit}")
        }
        Advice::WindowsEndingSoon { version, on } => {
            let version = *version;
            t!(
                lang,
                "advice-windows-ending-soon",
                version = version,
                date = on.as_str()
            )
        }
        Advice::LowMemory { gib } => {
            let gib = *gib;
            t!(lang, "advice-low-memory", gib = gib)
        }
        Advice::LowDisk { free_gib } => {
            let gib = *free_gib;
            t!(lang, "advice-low-disk", gib = gib)
        }
        Advice::NotAdmin => t!(lang, "advice-not-admin"),
    }
}

/// "Ubuntu 24.04, x86_64, 8 Go de mémoire, 120 Go libres sur 256 Go."
pub fn os_summary(os: &OsFacts, lang: Lang) -> String {
    const GIB: f64 = 1024.0 * 1024.0 * 1024.0;
    let mut parts = Vec::new();
    if let Some(v) = os.long_version.as_ref().or(os.name.as_ref()) {
        parts.push(v.clone());
    }
    if let Some(a) = &os.arch {
        parts.push(a.clone());
    }
    if let Some(m) = os.memory_bytes {
        parts.push(t!(
            lang,
            "os-memory",
            gib = format!("{:.0}", m as f64 / GIB)
        ));
    }
    if let (Some(free), Some(total)) = (os.disk_free_bytes, os.disk_total_bytes) {
        parts.push(t!(
            lang,
            "os-disk",
            free = format!("{:.0}", free as f64 / GIB),
            total = format!("{:.0}", total as f64 / GIB)
        ));
    }
    if parts.is_empty() {
        return t!(lang, "os-unknown");
    }
    parts.join(", ")
}

fn reason_text(m: &Match, lang: Lang) -> String {
    match &m.reason {
        Reason::Key { kind, value } => t!(
            lang,
            "reason-key",
            kind = kind.as_str(),
            value = value.as_str()
        ),
        Reason::Pattern { pattern, .. } => t!(lang, "reason-pattern", pattern = pattern.as_str()),
        Reason::Name { normalized } => t!(lang, "reason-name", name = normalized.as_str()),
    }
}

fn source_status_text(s: &SourceStatus, lang: Lang) -> String {
    match s {
        SourceStatus::Ok => t!(lang, "source-ok"),
        SourceStatus::Absent => t!(lang, "source-absent"),
        SourceStatus::Failed => t!(lang, "source-failed"),
        SourceStatus::Timeout => t!(lang, "source-timeout"),
        SourceStatus::Unavailable => t!(lang, "source-unavailable"),
    }
}

/// Why a source could not be read, in words. The technical detail (an OS message, an
/// error code) follows in parentheses for IT; it is never the whole sentence.
pub fn source_error_text(source: SourceKind, e: &SourceError, lang: Lang) -> String {
    match e {
        SourceError::Absent => t!(lang, "source-absent"),
        SourceError::Unreadable(detail) => {
            t!(lang, "source-error-unreadable", detail = detail.as_str())
        }
        SourceError::Failed(detail) => t!(lang, "source-error-failed", detail = detail.as_str()),
        SourceError::Timeout(ms) => {
            let ms = *ms;
            t!(lang, "source-error-timeout", ms = ms)
        }
        SourceError::Unavailable(detail) if source == SourceKind::WindowsMsix => {
            t!(
                lang,
                "source-error-msix-unavailable",
                detail = detail.as_str()
            )
        }
        SourceError::Unavailable(detail) => {
            t!(lang, "source-error-unavailable", detail = detail.as_str())
        }
    }
}

/// Runs a scan and prints it.
pub fn scan(
    catalog: &Catalog,
    args: ScanArgs,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let (inputs, os) = match inputs_for(&args, lang) {
        Ok(x) => x,
        Err(e) => {
            writeln!(io.err, "kitlibre: {e}")?;
            return Ok(BAD_INPUT);
        }
    };
    let matcher = Matcher::new(catalog);
    let report = scan::scan(catalog, &matcher, &inputs, os, lang);
    if json {
        let mut v = serde_json::to_value(&report).map_err(std::io::Error::other)?;
        v["advice_text"] = report
            .advice
            .iter()
            .map(|a| serde_json::Value::from(advice_text(a, lang)))
            .collect();
        v["lang"] = lang.code().into();
        let text = serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?;
        writeln!(io.out, "{text}")?;
        return Ok(OK);
    }
    print_report(&report, args.all, lang, io)?;
    Ok(OK)
}

fn print_report(r: &ScanReport, all: bool, lang: Lang, io: &mut Io<'_>) -> std::io::Result<()> {
    writeln!(
        io.out,
        "{}",
        t!(lang, "scan-computer", summary = os_summary(&r.os, lang))
    )?;
    match r.os.is_admin {
        Some(true) => writeln!(io.out, "{}", t!(lang, "scan-admin"))?,
        Some(false) => {}
        None => {}
    }
    for a in &r.advice {
        writeln!(io.out, "  ! {}", advice_text(a, lang))?;
    }
    writeln!(io.out)?;
    if r.proprietary.is_empty() {
        writeln!(io.out, "{}", t!(lang, "scan-no-proprietary"))?;
    } else {
        writeln!(io.out, "{}", t!(lang, "scan-you-use"))?;
        for f in &r.proprietary {
            writeln!(
                io.out,
                "  • {}  [{}]  ({})",
                f.name,
                f.id,
                f.seen_as.join(" ; ")
            )?;
            let alts: Vec<String> = f
                .alternatives
                .iter()
                .map(|a| {
                    if a.installed {
                        t!(lang, "scan-already-installed", name = a.name.as_str())
                    } else {
                        a.name.clone()
                    }
                })
                .collect();
            if !alts.is_empty() {
                writeln!(io.out, "      → {}", alts.join(" · "))?;
            }
        }
    }
    writeln!(io.out)?;
    if !r.free.is_empty() {
        let names: Vec<&str> = r.free.iter().map(|f| f.name.as_str()).collect();
        writeln!(
            io.out,
            "{}",
            t!(lang, "scan-free-installed", names = names.join(", "))
        )?;
        writeln!(io.out)?;
    }
    writeln!(io.out, "{}", t!(lang, "scan-sources"))?;
    // The status column is as wide as its longest word in this language.
    let width = r
        .sources
        .iter()
        .map(|s| source_status_text(&s.status, lang).chars().count())
        .max()
        .unwrap_or(0)
        .max(14);
    for s in &r.sources {
        let mut line = format!(
            "  {:<22} {:<width$} {:>6} {:>9.1} ms",
            s.source.code(),
            source_status_text(&s.status, lang),
            s.programs,
            s.micros as f64 / 1000.0
        );
        if let Some(e) = &s.error {
            line.push_str(&format!("  {}", source_error_text(s.source, e, lang)));
        }
        if !s.skipped.is_empty() {
            line.push_str(&format!(
                "  ({})",
                t!(lang, "scan-skipped", count = s.skipped.len())
            ));
        }
        writeln!(io.out, "{line}")?;
    }
    writeln!(
        io.out,
        "{}",
        t!(
            lang,
            "scan-total",
            count = r.programs.len(),
            ms = format!("{:.0}", r.millis)
        )
    )?;
    if all {
        writeln!(io.out)?;
        for p in &r.programs {
            let what = match &p.matched {
                Some(m) => format!("→ {} ({} %, {})", m.id, m.confidence, reason_text(m, lang)),
                None => String::new(),
            };
            let version = p.installed.version.as_deref().unwrap_or("");
            writeln!(
                io.out,
                "  {}  {}  [{}]  {}",
                p.installed.name,
                version,
                p.installed.source.code(),
                what
            )?;
        }
    } else {
        writeln!(io.out, "{}", t!(lang, "scan-all-hint"))?;
    }
    Ok(())
}

/// `identify`: the matcher on one name.
pub fn identify(
    catalog: &Catalog,
    name: &str,
    publisher: Option<&str>,
    platform: Option<&str>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let platform = platform.unwrap_or(if cfg!(windows) {
        "windows"
    } else if cfg!(target_os = "macos") {
        "macos"
    } else {
        "linux"
    });
    let source = match platform {
        "windows" => SourceKind::WindowsUninstall,
        "macos" => SourceKind::MacBundle,
        _ => SourceKind::Desktop,
    };
    let Some(program) = Installed::new(name, source).map(|p| p.publisher(publisher)) else {
        writeln!(io.err, "kitlibre: {}", t!(lang, "cli-identify-empty"))?;
        return Ok(BAD_INPUT);
    };
    let matcher = Matcher::new(catalog);
    let m = matcher.identify(&program);
    if json {
        let entry = m.as_ref().and_then(|m| catalog.get(&m.id)).map(
            |e| serde_json::json!({ "id": e.id(), "name": e.name(lang), "kind": e.kind_code() }),
        );
        let v = serde_json::json!({
            "name": name,
            "publisher": publisher,
            "platform": platform,
            "match": m,
            "entry": entry,
        });
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?
        )?;
        return Ok(if m.is_some() { OK } else { NEGATIVE });
    }
    match m {
        Some(m) => {
            let entry_name = catalog.get(&m.id).map(|e| e.name(lang)).unwrap_or_default();
            let kind = if m.proprietary {
                t!(lang, "kind-proprietary")
            } else {
                t!(lang, "kind-free")
            };
            writeln!(io.out, "{entry_name}  [{}]  ({kind})", m.id)?;
            let confidence = m.confidence;
            writeln!(
                io.out,
                "{}",
                t!(
                    lang,
                    "identify-confidence",
                    confidence = confidence,
                    reason = reason_text(&m, lang)
                )
            )?;
            Ok(OK)
        }
        None => {
            writeln!(io.out, "{}", t!(lang, "identify-unknown", name = name))?;
            Ok(NEGATIVE)
        }
    }
}
