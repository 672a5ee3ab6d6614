//! `kitlibre install`: the plan in words, then the run with its output, the outcome in
//! plain words and a check that the program is there.

use crate::catalog::Catalog;
use crate::catalog::model::{Date, Lang, Platform};
use crate::cli::{BAD_INPUT, Io, NEGATIVE, OK, Status};
use crate::install::plan::{Action, Plan, PlanError, Route, StepKind, WhyNot, plan};
use crate::install::run::{Event, RunContext, execute};
use crate::install::{Machine, sheet};
use crate::t;
use std::path::Path;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The arguments of `install`.
#[derive(Debug, Default)]
pub struct InstallArgs {
    pub id: String,
    pub dry_run: bool,
    pub it_sheet: Option<PathBuf>,
    pub platform: Option<String>,
    pub no_admin: bool,
}

/// The route in words.
pub fn route_text(r: Route, lang: Lang) -> String {
    match r {
        Route::FlatpakUser => t!(lang, "route-flatpak-user"),
        Route::DistributionPackage => t!(lang, "route-distribution-package"),
        Route::WingetUser => t!(lang, "route-winget-user"),
        Route::WingetMachine => t!(lang, "route-winget-machine"),
        Route::OfficialInstaller => t!(lang, "route-official-installer"),
        Route::OfficialInstallerForUser => t!(lang, "route-official-installer-for-user"),
        Route::Homebrew => t!(lang, "route-homebrew"),
        Route::AppImage => t!(lang, "route-app-image"),
        Route::Phone => t!(lang, "route-phone"),
        Route::WebService => t!(lang, "route-web-service"),
        Route::DownloadPage => t!(lang, "route-download-page"),
        Route::GuideOnly => t!(lang, "route-guide-only"),
    }
}

/// A step in words.
pub fn step_text(k: StepKind, lang: Lang) -> String {
    match k {
        StepKind::AddFlathub => t!(lang, "step-add-flathub"),
        StepKind::FlatpakInstall => t!(lang, "step-flatpak-install"),
        StepKind::PackageInstall => t!(lang, "step-package-install"),
        StepKind::WingetInstall => t!(lang, "step-winget-install"),
        StepKind::Download => t!(lang, "step-download"),
        StepKind::MsiInstall => t!(lang, "step-msi-install"),
        StepKind::MsiUnpack => t!(lang, "step-msi-unpack"),
        StepKind::ExeInstall => t!(lang, "step-exe-install"),
        StepKind::DmgInstall => t!(lang, "step-dmg-install"),
        StepKind::AppImageInstall => t!(lang, "step-app-image-install"),
        StepKind::BrewInstall => t!(lang, "step-brew-install"),
        StepKind::OpenPage => t!(lang, "step-open-page"),
    }
}

/// Why a route was not taken, in words.
pub fn why_not_text(w: &WhyNot, lang: Lang) -> String {
    match w {
        WhyNot::NotInCatalogue => t!(lang, "why-not-not-in-catalogue"),
        WhyNot::ToolMissing(tool) => t!(lang, "why-not-tool-missing", tool = tool.as_str()),
        WhyNot::NeedsAdmin => t!(lang, "why-not-needs-admin"),
        WhyNot::NoInstallerForArch => t!(lang, "why-not-no-installer-for-arch"),
    }
}

/// What a step does, for display: the command line, or the address.
pub fn step_detail(action: &Action) -> String {
    match action {
        Action::Run { argv } => argv.join(" "),
        Action::Download { url, sha256, .. } => format!("{url}  (SHA-256 {sha256})"),
        Action::InstallDmg | Action::InstallAppImage => String::new(),
        Action::Open { url } => url.clone(),
    }
}

/// Whether a program is found on this machine by a fresh scan.
pub fn found_now(catalog: &Catalog, id: &str) -> Option<bool> {
    let matcher = crate::detect::matching::Matcher::new(catalog);
    let inputs = crate::detect::scan::Inputs::local();
    let os = crate::cli_scan::unknown_os(crate::detect::os::Family::Other);
    let report = crate::detect::scan::scan(catalog, &matcher, &inputs, os, Lang::Fr);
    if report.free.iter().any(|f| f.id == id) {
        return Some(true);
    }
    // An MSI unpacked for the user alone (no administrator rights) registers nothing
    // with Windows: look for the entry's program in the folder it was unpacked into.
    let exes = catalog
        .free(id)
        .map(|f| f.detect.windows.exe.clone())
        .unwrap_or_default();
    let ctx = RunContext::for_machine(Path::new(""));
    Some(crate::install::run::unpacked_program(&ctx, id, &exes).is_some())
}

fn print_plan(p: &Plan, lang: Lang, io: &mut Io<'_>) -> std::io::Result<()> {
    writeln!(
        io.out,
        "{}",
        t!(
            lang,
            "cli-install-plan",
            name = p.name.as_str(),
            route = route_text(p.route, lang)
        )
    )?;
    writeln!(
        io.out,
        "{}",
        if p.needs_admin {
            t!(lang, "plan-needs-admin")
        } else {
            t!(lang, "plan-no-admin")
        }
    )?;
    if let Some(bytes) = p.download_bytes {
        let mb = (bytes + 512 * 1024) / (1024 * 1024);
        writeln!(io.out, "{}", t!(lang, "plan-size", mb = mb))?;
    }
    if !p.steps.is_empty() {
        writeln!(io.out, "{}", t!(lang, "plan-will-run"))?;
        for (n, s) in p.steps.iter().enumerate() {
            writeln!(io.out, "  {}. {}", n + 1, step_text(s.kind, lang))?;
            let d = step_detail(&s.action);
            if !d.is_empty() {
                writeln!(io.out, "     {d}")?;
            }
        }
    }
    for (label, url) in &p.links {
        writeln!(io.out, "  {label}: {url}")?;
    }
    if !p.considered.is_empty() {
        writeln!(io.out, "{}", t!(lang, "plan-considered"))?;
        for (route, why) in &p.considered {
            let code = serde_json::to_value(route)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            writeln!(io.out, "  • {code}: {}", why_not_text(why, lang))?;
        }
    }
    if let Some(req) = &p.it_request {
        writeln!(io.out, "{}", t!(lang, "sheet-commands"))?;
        for c in &req.commands {
            writeln!(io.out, "    {}", c.join(" "))?;
        }
    }
    Ok(())
}

/// Runs `install`.
pub fn install(
    catalog: &Catalog,
    args: InstallArgs,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let Some(free) = catalog.free(&args.id) else {
        writeln!(
            io.err,
            "kitlibre: {}",
            t!(lang, "cli-install-unknown", id = args.id.as_str())
        )?;
        return Ok(NEGATIVE);
    };
    let mut machine = Machine::detect();
    if let Some(p) = args.platform.as_deref() {
        machine = Machine::bare(
            match p {
                "windows" => Platform::Windows,
                "macos" => Platform::Macos,
                _ => Platform::Linux,
            },
            !args.no_admin,
        );
        // A typical machine of that platform: its usual tool.
        match machine.platform {
            Platform::Windows => machine.winget = Some("winget".into()),
            Platform::Linux => {
                machine.flatpak = Some("flatpak".into());
                machine.apt_get = Some("apt-get".into());
                machine.pkexec = Some("pkexec".into());
            }
            _ => {}
        }
    }
    if args.no_admin {
        machine.is_admin = false;
    }
    let p = match plan(free, &machine, lang) {
        Ok(p) => p,
        Err(PlanError::UnsafeIdentifier(d)) => {
            writeln!(
                io.err,
                "kitlibre: {}",
                t!(lang, "cli-install-refused", detail = d.as_str())
            )?;
            return Ok(BAD_INPUT);
        }
        Err(PlanError::NothingForPlatform) => {
            writeln!(io.err, "kitlibre: {}", t!(lang, "cli-install-nothing"))?;
            return Ok(NEGATIVE);
        }
    };
    if let Some(path) = &args.it_sheet {
        let text = sheet::text(free, &p, lang, Date::today());
        crate::settings::write_atomic(path, text.as_bytes())
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        if !json {
            writeln!(
                io.out,
                "{}",
                t!(lang, "cli-sheet-saved", path = path.display().to_string())
            )?;
        }
    }
    if args.dry_run || p.route == Route::GuideOnly && args.it_sheet.is_some() {
        if json {
            let v = serde_json::json!({ "plan": p, "route_text": route_text(p.route, lang), "dry_run": true });
            writeln!(
                io.out,
                "{}",
                serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?
            )?;
        } else {
            print_plan(&p, lang, io)?;
            writeln!(io.out, "{}", t!(lang, "cli-install-dry-run"))?;
        }
        return Ok(OK);
    }
    if !json {
        print_plan(&p, lang, io)?;
        writeln!(io.out)?;
    }
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let c = cancel.clone();
        // Ctrl+C cancels the whole installation (its processes run in their own group).
        let _ = ctrlc::set_handler(move || c.store(true, Ordering::SeqCst));
    }
    let paths = crate::settings::Paths::detect();
    let cache = paths.cache_dir.clone().unwrap_or_else(std::env::temp_dir);
    let mut ctx = RunContext::for_machine(&cache);
    ctx.allow_loopback_http = crate::install::loopback_http_for_tests();
    let mut events = Vec::new();
    let report = {
        let out = &mut *io.out;
        let mut on = |e: Event| {
            if !json {
                match &e {
                    Event::Output { line } => {
                        let _ = writeln!(out, "  | {line}");
                    }
                    Event::StepStarted { index, kind } => {
                        let _ = writeln!(
                            out,
                            "[{}/{}] {}",
                            index + 1,
                            p.steps.len(),
                            step_text(*kind, lang)
                        );
                    }
                    _ => {}
                }
            }
            if json && !matches!(e, Event::Progress { .. }) {
                events.push(e);
            }
        };
        let id = free.id.clone();
        execute(&p, &ctx, &cancel, &mut on, &|| found_now(catalog, &id))
    };
    let message = report.outcome.message(lang);
    if json {
        let v = serde_json::json!({ "plan": p, "report": report, "message": message, "events": events });
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?
        )?;
    } else {
        writeln!(io.out, "{message}")?;
        match report.verified {
            Some(true) => writeln!(
                io.out,
                "{}",
                t!(lang, "cli-install-verified", name = p.name.as_str())
            )?,
            Some(false) => writeln!(
                io.out,
                "{}",
                t!(lang, "cli-install-not-verified", name = p.name.as_str())
            )?,
            None => {}
        }
    }
    Ok(if report.outcome.is_success() {
        OK
    } else {
        NEGATIVE
    })
}
