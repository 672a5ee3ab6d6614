//! Choosing how to install a free entry on a machine. Pure: the same entry and machine
//! always give the same plan, tested for every platform with machine profiles.
//!
//! Order of preference (what needs no administrator rights first):
//! - Linux: Flatpak `--user` from Flathub; the distribution's package through pkexec when
//!   the person is an administrator; else a guide and a sheet for IT.
//! - Windows: winget (user scope, or machine scope for an administrator); else the
//!   official installer, downloaded and checked against the catalogue's SHA-256 (an MSI
//!   is unpacked for the user alone when there are no admin rights); else a guide.
//! - macOS: Homebrew cask into ~/Applications when Homebrew is there; else the official
//!   disk image, checked, copied into ~/Applications; else the download page.
//! - Phones: QR codes and store links. Services: the sign-up or service page.

use crate::catalog::model::{Arch, Download, Free, InstallerKind, Lang, Platform, Scope};
use crate::catalog::validate::has_shell_metacharacters;
use crate::install::Machine;
use serde::Serialize;

/// The way a plan installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// Flatpak, per-user installation, from Flathub.
    FlatpakUser,
    /// The distribution's package (apt-get or dnf) through pkexec.
    DistributionPackage,
    /// winget, for this user only.
    WingetUser,
    /// winget, for every user (administrator).
    WingetMachine,
    /// The official installer, downloaded and checked.
    OfficialInstaller,
    /// The official MSI unpacked into the user's folder (no admin rights).
    OfficialInstallerForUser,
    /// Homebrew cask into ~/Applications.
    Homebrew,
    /// An AppImage into ~/Applications.
    AppImage,
    /// Scan a QR code / open the store on the phone.
    Phone,
    /// Open the service in the browser.
    WebService,
    /// Open the project's download page.
    DownloadPage,
    /// Nothing can be installed here without help: a guide and a sheet for IT.
    GuideOnly,
}

/// What a step does, for the words shown to the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    AddFlathub,
    FlatpakInstall,
    PackageInstall,
    WingetInstall,
    Download,
    MsiInstall,
    MsiUnpack,
    ExeInstall,
    DmgInstall,
    AppImageInstall,
    BrewInstall,
    OpenPage,
}

/// How a step is carried out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Action {
    /// Run a program with these arguments (no shell). `{file}` stands for the file the
    /// previous download step saved, `{user_programs}` for the user's program folder.
    Run { argv: Vec<String> },
    /// Download a file, check its size and SHA-256.
    Download {
        url: String,
        sha256: String,
        size: Option<u64>,
        file_name: String,
    },
    /// Mount the downloaded disk image, copy its application into ~/Applications, unmount.
    InstallDmg,
    /// Put the downloaded AppImage in ~/Applications and make it executable.
    InstallAppImage,
    /// Open an address in the browser (nothing is installed by the kit).
    Open { url: String },
}

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub kind: StepKind,
    pub action: Action,
    /// An administrator password will be asked.
    pub needs_admin: bool,
}

/// Why a route was not chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "kebab-case")]
pub enum WhyNot {
    /// The catalogue has no identifier for it.
    NotInCatalogue,
    /// The tool is not on this machine.
    ToolMissing(String),
    /// It needs administrator rights.
    NeedsAdmin,
    /// No installer for this processor.
    NoInstallerForArch,
}

/// What to ask the IT department for when nothing can be done here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItRequest {
    /// Commands an administrator can run (argv, shown joined).
    pub commands: Vec<Vec<String>>,
    /// Identifiers (winget id, Flathub id, package, UpgradeCode...).
    pub identifiers: Vec<(String, String)>,
}

/// A plan, shown before anything happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub platform: Platform,
    pub route: Route,
    pub steps: Vec<Step>,
    pub needs_admin: bool,
    /// Download size in bytes, when known.
    pub download_bytes: Option<u64>,
    /// Routes considered and why they were not taken.
    pub considered: Vec<(Route, WhyNot)>,
    /// For a locked-down PC.
    pub it_request: Option<ItRequest>,
    /// Pages to open for phones and services, with a label.
    pub links: Vec<(String, String)>,
}

/// Why no plan can be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", content = "detail", rename_all = "kebab-case")]
pub enum PlanError {
    /// An identifier from the catalogue is not safe to pass to a program.
    #[error("unsafe identifier: {0}")]
    UnsafeIdentifier(String),
    /// The entry does not exist on this platform and has no page to open.
    #[error("nothing to install on this platform")]
    NothingForPlatform,
}

/// Checks a catalogue identifier again before it reaches a command line.
fn safe(id: &str) -> Result<String, PlanError> {
    let ok = !id.is_empty()
        && id.len() <= 255
        && !id.starts_with('-')
        && !has_shell_metacharacters(id)
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '@'));
    if ok {
        Ok(id.to_owned())
    } else {
        Err(PlanError::UnsafeIdentifier(id.to_owned()))
    }
}

fn https(url: &str) -> Result<String, PlanError> {
    match url::Url::parse(url) {
        Ok(u) if u.scheme() == "https" => Ok(url.to_owned()),
        _ => Err(PlanError::UnsafeIdentifier(url.to_owned())),
    }
}

/// A download's address: https, or plain http on 127.0.0.1 when the tests ask for it.
fn download_url(url: &str, m: &Machine) -> Result<String, PlanError> {
    match url::Url::parse(url) {
        Ok(u) if u.scheme() == "https" => Ok(url.to_owned()),
        Ok(u) if u.scheme() == "http" && m.loopback_http && u.host_str() == Some("127.0.0.1") => {
            Ok(url.to_owned())
        }
        _ => Err(PlanError::UnsafeIdentifier(url.to_owned())),
    }
}

fn run(kind: StepKind, argv: Vec<String>, needs_admin: bool) -> Step {
    Step {
        kind,
        action: Action::Run { argv },
        needs_admin,
    }
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| (*x).to_owned()).collect()
}

/// The file name of a URL's last segment, made safe for a file system.
fn file_name_of(url: &str) -> String {
    let last = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .rsplit('/')
        .next()
        .unwrap_or("installer");
    let clean: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.trim_matches(['.', '_']).is_empty() {
        "installer".to_owned()
    } else {
        clean
    }
}

fn arch_fits(d: &Download, machine_arch: &str) -> bool {
    match d.arch {
        Arch::Any => true,
        Arch::X86_64 => machine_arch == "x86_64",
        Arch::Aarch64 => machine_arch == "aarch64",
    }
}

/// Makes the plan for `free` on `machine`.
pub fn plan(free: &Free, machine: &Machine, lang: Lang) -> Result<Plan, PlanError> {
    let mut p = Plan {
        id: free.id.clone(),
        name: free.name.get(lang).to_owned(),
        platform: machine.platform,
        route: Route::GuideOnly,
        steps: Vec::new(),
        needs_admin: false,
        download_bytes: None,
        considered: Vec::new(),
        it_request: None,
        links: Vec::new(),
    };
    let i = &free.install;
    if !free.platforms.contains(&machine.platform) {
        // Not a program for this computer: a phone app or a web service.
        return phone_or_web(free, p);
    }
    match machine.platform {
        Platform::Linux => linux(free, machine, &mut p)?,
        Platform::Windows => windows(free, machine, lang, &mut p)?,
        Platform::Macos => macos(free, machine, &mut p)?,
        Platform::Android | Platform::Ios | Platform::Web => return phone_or_web(free, p),
    }
    if p.steps.is_empty() {
        // Guide only: the download page, and what to ask IT for.
        p.route = Route::GuideOnly;
        if let Some(u) = &i.download_page {
            p.steps.push(Step {
                kind: StepKind::OpenPage,
                action: Action::Open { url: https(u)? },
                needs_admin: false,
            });
        } else if let Some(u) = &i.web {
            p.steps.push(Step {
                kind: StepKind::OpenPage,
                action: Action::Open { url: https(u)? },
                needs_admin: false,
            });
        }
        p.it_request = Some(it_request(free, machine)?);
    }
    p.needs_admin = p.steps.iter().any(|s| s.needs_admin);
    Ok(p)
}

fn phone_or_web(free: &Free, mut p: Plan) -> Result<Plan, PlanError> {
    let i = &free.install;
    for (label, url) in crate_links(free) {
        p.links.push((label.to_owned(), https(&url)?));
    }
    if p.links.is_empty() {
        if let Some(u) = &i.download_page {
            p.links.push(("download".to_owned(), https(u)?));
        } else {
            return Err(PlanError::NothingForPlatform);
        }
    }
    p.route = if free.platforms.iter().any(|x| x.is_phone())
        && (i.fdroid.is_some() || i.play_store.is_some() || i.app_store.is_some())
    {
        Route::Phone
    } else if free.service.is_some() || i.web.is_some() {
        Route::WebService
    } else {
        Route::DownloadPage
    };
    Ok(p)
}

/// Store and service links of an entry (validated ids turned into https addresses).
fn crate_links(free: &Free) -> Vec<(&'static str, String)> {
    let i = &free.install;
    let mut v = Vec::new();
    if let Some(id) = i.fdroid.as_deref().and_then(|id| safe(id).ok()) {
        v.push(("F-Droid", format!("https://f-droid.org/packages/{id}/")));
    }
    if let Some(id) = i.play_store.as_deref().and_then(|id| safe(id).ok()) {
        v.push((
            "Google Play",
            format!("https://play.google.com/store/apps/details?id={id}"),
        ));
    }
    if let Some(u) = &i.app_store {
        v.push(("App Store", u.clone()));
    }
    if let Some(u) = &i.web {
        v.push(("Web", u.clone()));
    } else if let Some(u) = free.service.as_ref().and_then(|s| s.signup.clone()) {
        v.push(("Web", u));
    }
    v
}

fn linux(free: &Free, m: &Machine, p: &mut Plan) -> Result<(), PlanError> {
    let i = &free.install;
    match (&i.flathub, &m.flatpak) {
        (Some(id), Some(flatpak)) => {
            let id = safe(id)?;
            p.route = Route::FlatpakUser;
            // Adding the remote fetches its description from the network even when it is
            // there already: only when it is missing.
            if !m.flathub_user {
                p.steps.push(run(
                    StepKind::AddFlathub,
                    vec![
                        flatpak.clone(),
                        "remote-add".into(),
                        "--user".into(),
                        "--if-not-exists".into(),
                        "flathub".into(),
                        "https://dl.flathub.org/repo/flathub.flatpakrepo".into(),
                    ],
                    false,
                ));
            }
            p.steps.push(run(
                StepKind::FlatpakInstall,
                vec![
                    flatpak.clone(),
                    "install".into(),
                    "--user".into(),
                    "--noninteractive".into(),
                    "-y".into(),
                    "flathub".into(),
                    id,
                ],
                false,
            ));
            return Ok(());
        }
        (None, _) => p
            .considered
            .push((Route::FlatpakUser, WhyNot::NotInCatalogue)),
        (Some(_), None) => p
            .considered
            .push((Route::FlatpakUser, WhyNot::ToolMissing("flatpak".into()))),
    }
    let Some(pkg) = &i.debian else {
        p.considered
            .push((Route::DistributionPackage, WhyNot::NotInCatalogue));
        return appimage(free, m, p);
    };
    let pkg = safe(pkg)?;
    let manager = m
        .apt_get
        .as_ref()
        .map(|a| vec![a.clone(), "install".into(), "-y".into(), pkg.clone()])
        .or_else(|| {
            m.dnf
                .as_ref()
                .map(|d| vec![d.clone(), "install".into(), "-y".into(), pkg.clone()])
        });
    match (manager, &m.pkexec, m.is_admin) {
        (Some(cmd), Some(pkexec), true) => {
            p.route = Route::DistributionPackage;
            let mut argv = vec![pkexec.clone(), "--disable-internal-agent".into()];
            argv.extend(cmd);
            p.steps.push(run(StepKind::PackageInstall, argv, true));
        }
        (Some(_), _, false) => p
            .considered
            .push((Route::DistributionPackage, WhyNot::NeedsAdmin)),
        (Some(_), None, true) => p.considered.push((
            Route::DistributionPackage,
            WhyNot::ToolMissing("pkexec".into()),
        )),
        (None, _, _) => p.considered.push((
            Route::DistributionPackage,
            WhyNot::ToolMissing("apt-get / dnf".into()),
        )),
    }
    if p.steps.is_empty() {
        return appimage(free, m, p);
    }
    Ok(())
}

/// The step that downloads a catalogue file, to be checked against its SHA-256.
fn download_step(d: &Download, m: &Machine) -> Result<Step, PlanError> {
    Ok(Step {
        kind: StepKind::Download,
        action: Action::Download {
            url: download_url(&d.url, m)?,
            sha256: d.sha256.clone(),
            size: d.size,
            file_name: file_name_of(&d.url),
        },
        needs_admin: false,
    })
}

/// An AppImage from the project, into ~/Applications: no rights needed.
fn appimage(free: &Free, m: &Machine, p: &mut Plan) -> Result<(), PlanError> {
    let found = free.install.downloads.iter().find(|d| {
        d.platform == Platform::Linux && d.kind == InstallerKind::Appimage && arch_fits(d, &m.arch)
    });
    let Some(d) = found else {
        p.considered.push((Route::AppImage, WhyNot::NotInCatalogue));
        return Ok(());
    };
    p.route = Route::AppImage;
    p.download_bytes = d.size;
    p.steps.push(download_step(d, m)?);
    p.steps.push(Step {
        kind: StepKind::AppImageInstall,
        action: Action::InstallAppImage,
        needs_admin: false,
    });
    Ok(())
}

fn windows(free: &Free, m: &Machine, lang: Lang, p: &mut Plan) -> Result<(), PlanError> {
    let i = &free.install;
    let winget_id = match lang {
        Lang::Fr => i.winget_fr.as_ref().or(i.winget.as_ref()),
        Lang::En => i.winget.as_ref(),
    };
    // Without admin rights, winget's user scope fails for programs that only have a
    // machine-wide installer; when the catalogue knows one is an MSI, unpacking it for the
    // user works instead.
    let windows_downloads: Vec<&Download> = i
        .downloads
        .iter()
        .filter(|d| d.platform == Platform::Windows && arch_fits(d, &m.arch))
        .collect();
    let machine_only_msi = !windows_downloads.is_empty()
        && windows_downloads.iter().all(|d| d.scope == Scope::Machine)
        && windows_downloads
            .iter()
            .any(|d| d.kind == InstallerKind::Msi);
    let winget_id = if !m.is_admin && machine_only_msi {
        if winget_id.is_some() {
            p.considered.push((Route::WingetUser, WhyNot::NeedsAdmin));
        }
        None
    } else {
        winget_id
    };
    match (winget_id, &m.winget) {
        (Some(id), Some(winget)) => {
            let id = safe(id)?;
            let (route, scope) = if m.is_admin {
                (Route::WingetMachine, "machine")
            } else {
                (Route::WingetUser, "user")
            };
            p.route = route;
            p.steps.push(run(
                StepKind::WingetInstall,
                vec![
                    winget.clone(),
                    "install".into(),
                    "--id".into(),
                    id,
                    "--exact".into(),
                    "--source".into(),
                    "winget".into(),
                    "--scope".into(),
                    scope.into(),
                    "--silent".into(),
                    "--accept-package-agreements".into(),
                    "--accept-source-agreements".into(),
                    "--disable-interactivity".into(),
                ],
                m.is_admin,
            ));
            return Ok(());
        }
        (None, _) if !machine_only_msi || m.is_admin => p
            .considered
            .push((Route::WingetUser, WhyNot::NotInCatalogue)),
        (None, _) => {}
        (Some(_), None) => p
            .considered
            .push((Route::WingetUser, WhyNot::ToolMissing("winget".into()))),
    }
    let candidates: Vec<&Download> = i
        .downloads
        .iter()
        .filter(|d| d.platform == Platform::Windows)
        .collect();
    if candidates.is_empty() {
        p.considered
            .push((Route::OfficialInstaller, WhyNot::NotInCatalogue));
        return Ok(());
    }
    let fitting: Vec<&Download> = candidates
        .iter()
        .copied()
        .filter(|d| arch_fits(d, &m.arch))
        .collect();
    if fitting.is_empty() {
        p.considered
            .push((Route::OfficialInstaller, WhyNot::NoInstallerForArch));
        return Ok(());
    }
    // A user-scope installer first, then an MSI (machine when admin, unpacked otherwise).
    let user = fitting.iter().find(|d| d.scope == Scope::User);
    let msi = fitting.iter().find(|d| d.kind == InstallerKind::Msi);
    let machine_exe = fitting
        .iter()
        .find(|d| d.kind == InstallerKind::Exe && d.scope == Scope::Machine);
    let chosen: Option<(&Download, bool)> = match (user, msi, machine_exe, m.is_admin) {
        (Some(d), _, _, _) => Some((d, false)),
        (None, Some(d), _, _) => Some((d, m.is_admin)),
        (None, None, Some(d), true) => Some((d, true)),
        _ => None,
    };
    let Some((d, as_admin)) = chosen else {
        p.considered
            .push((Route::OfficialInstaller, WhyNot::NeedsAdmin));
        return Ok(());
    };
    let file = file_name_of(&d.url);
    p.download_bytes = d.size;
    p.steps.push(Step {
        kind: StepKind::Download,
        action: Action::Download {
            url: download_url(&d.url, m)?,
            sha256: d.sha256.clone(),
            size: d.size,
            file_name: file,
        },
        needs_admin: false,
    });
    let msiexec = m.msiexec.clone().unwrap_or_else(|| "msiexec".into());
    match (d.kind, d.scope, as_admin) {
        (InstallerKind::Msi, _, true) => {
            p.route = Route::OfficialInstaller;
            p.steps.push(run(
                StepKind::MsiInstall,
                vec![
                    msiexec,
                    "/i".into(),
                    "{file}".into(),
                    "/qn".into(),
                    "/norestart".into(),
                ],
                true,
            ));
        }
        (InstallerKind::Msi, _, false) => {
            // Administrative install: unpacks the program for this user, no rights needed.
            p.route = Route::OfficialInstallerForUser;
            p.steps.push(run(
                StepKind::MsiUnpack,
                vec![
                    msiexec,
                    "/a".into(),
                    "{file}".into(),
                    "/qn".into(),
                    format!("TARGETDIR={{user_programs}}\\{}", safe(&free.id)?),
                ],
                false,
            ));
        }
        (_, scope, admin) => {
            p.route = Route::OfficialInstaller;
            let mut argv = vec!["{file}".to_owned()];
            for a in &d.silent_args {
                argv.push(safe_arg(a)?);
            }
            p.steps.push(run(
                StepKind::ExeInstall,
                argv,
                admin || scope == Scope::Machine,
            ));
        }
    }
    Ok(())
}

/// An installer switch from the catalogue (`/S`, `/VERYSILENT`, `ALLUSERS=1`).
fn safe_arg(a: &str) -> Result<String, PlanError> {
    let ok = !a.is_empty()
        && a.len() <= 64
        && a.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | ':' | '+' | '-' | '=')
        });
    if ok {
        Ok(a.to_owned())
    } else {
        Err(PlanError::UnsafeIdentifier(a.to_owned()))
    }
}

fn macos(free: &Free, m: &Machine, p: &mut Plan) -> Result<(), PlanError> {
    let i = &free.install;
    match (&i.homebrew_cask, &m.brew) {
        (Some(cask), Some(brew)) => {
            p.route = Route::Homebrew;
            p.steps.push(run(
                StepKind::BrewInstall,
                vec![
                    brew.clone(),
                    "install".into(),
                    "--cask".into(),
                    "--appdir=~/Applications".into(),
                    safe(cask)?,
                ],
                false,
            ));
            return Ok(());
        }
        (None, _) => p.considered.push((Route::Homebrew, WhyNot::NotInCatalogue)),
        (Some(_), None) => p
            .considered
            .push((Route::Homebrew, WhyNot::ToolMissing("brew".into()))),
    }
    let dmg = i.downloads.iter().find(|d| {
        d.platform == Platform::Macos && d.kind == InstallerKind::Dmg && arch_fits(d, &m.arch)
    });
    let Some(d) = dmg else {
        p.considered
            .push((Route::OfficialInstaller, WhyNot::NotInCatalogue));
        return Ok(());
    };
    p.route = Route::OfficialInstaller;
    p.download_bytes = d.size;
    p.steps.push(download_step(d, m)?);
    p.steps.push(Step {
        kind: StepKind::DmgInstall,
        action: Action::InstallDmg,
        needs_admin: false,
    });
    Ok(())
}

/// What IT should run on a locked-down PC, and the identifiers that help them.
pub fn it_request(free: &Free, m: &Machine) -> Result<ItRequest, PlanError> {
    let i = &free.install;
    let mut commands = Vec::new();
    let mut identifiers = Vec::new();
    if let Some(id) = &i.winget {
        let id = safe(id)?;
        identifiers.push(("winget".into(), id.clone()));
        if m.platform == Platform::Windows {
            commands.push(s(&[
                "winget",
                "install",
                "--id",
                &id,
                "--exact",
                "--source",
                "winget",
                "--scope",
                "machine",
                "--silent",
                "--accept-package-agreements",
                "--accept-source-agreements",
            ]));
        }
    }
    if let Some(id) = &i.flathub {
        let id = safe(id)?;
        identifiers.push(("flathub".into(), id.clone()));
        if m.platform == Platform::Linux {
            commands.push(s(&["flatpak", "install", "--system", "-y", "flathub", &id]));
        }
    }
    if let Some(pkg) = &i.debian {
        let pkg = safe(pkg)?;
        identifiers.push(("debian".into(), pkg.clone()));
        if m.platform == Platform::Linux {
            commands.push(s(&["sudo", "apt-get", "install", "-y", &pkg]));
        }
    }
    if let Some(cask) = &i.homebrew_cask {
        let cask = safe(cask)?;
        identifiers.push(("homebrew-cask".into(), cask.clone()));
        if m.platform == Platform::Macos {
            commands.push(s(&["brew", "install", "--cask", &cask]));
        }
    }
    for code in &free.detect.windows.upgrade_codes {
        identifiers.push(("msi-upgrade-code".into(), code.clone()));
    }
    for d in i.downloads.iter().filter(|d| d.platform == m.platform) {
        identifiers.push(("download".into(), d.url.clone()));
        identifiers.push(("sha256".into(), d.sha256.clone()));
    }
    Ok(ItRequest {
        commands,
        identifiers,
    })
}
