//! Installing a free program: choose the best route for this machine (a plan, shown in
//! words before anything runs), carry it out with progress and Cancel, translate exit
//! codes into plain words, and check afterwards that the program is really there.
//! When the PC is locked down, the plan is a guide and a sheet for the IT department.
//!
//! Processes always get argv arrays, never a shell; every identifier is checked again
//! before it reaches a command line.

pub mod codes;
pub mod msi;
pub mod plan;
pub mod run;
pub mod sheet;

use crate::catalog::model::Platform;
use serde::Serialize;

/// What this machine offers for installing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Machine {
    pub platform: Platform,
    /// `x86_64`, `aarch64`...
    pub arch: String,
    pub is_admin: bool,
    /// Full paths of the tools found in PATH.
    pub flatpak: Option<String>,
    /// The per-user Flatpak installation already knows the Flathub remote.
    pub flathub_user: bool,
    pub apt_get: Option<String>,
    pub dnf: Option<String>,
    pub pkexec: Option<String>,
    pub winget: Option<String>,
    pub brew: Option<String>,
    pub msiexec: Option<String>,
    /// Downloads from plain http on 127.0.0.1 are accepted: only for tests with a local
    /// server (`KITLIBRE_TEST_LOOPBACK_HTTP=1`); never another host.
    pub loopback_http: bool,
}

impl Machine {
    /// This computer: the platform, the tools in PATH, administrator or not.
    pub fn detect() -> Machine {
        let find = |name: &str| {
            which::which(name)
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        };
        let platform = if cfg!(windows) {
            Platform::Windows
        } else if cfg!(target_os = "macos") {
            Platform::Macos
        } else {
            Platform::Linux
        };
        let facts = crate::detect::os::collect();
        Machine {
            platform,
            arch: std::env::consts::ARCH.to_owned(),
            is_admin: facts.is_admin.unwrap_or(false),
            flatpak: find("flatpak"),
            flathub_user: user_has_flathub(),
            apt_get: find("apt-get"),
            dnf: find("dnf"),
            pkexec: find("pkexec"),
            winget: find("winget"),
            brew: find("brew"),
            msiexec: find("msiexec"),
            loopback_http: loopback_http_for_tests(),
        }
    }

    /// A machine with no tools at all, for tests and captured profiles.
    pub fn bare(platform: Platform, is_admin: bool) -> Machine {
        Machine {
            platform,
            arch: "x86_64".to_owned(),
            is_admin,
            flatpak: None,
            flathub_user: false,
            apt_get: None,
            dnf: None,
            pkexec: None,
            winget: None,
            brew: None,
            msiexec: None,
            loopback_http: false,
        }
    }
}

/// `KITLIBRE_TEST_LOOPBACK_HTTP=1`: the tests' local server on 127.0.0.1 speaks plain
/// http. Nothing else is ever fetched without TLS.
pub fn loopback_http_for_tests() -> bool {
    std::env::var_os("KITLIBRE_TEST_LOOPBACK_HTTP").is_some_and(|v| v == "1")
}

/// Whether the per-user Flatpak installation has a remote named "flathub" (its OSTree
/// repository's config lists remotes as `[remote "name"]`).
pub fn user_has_flathub() -> bool {
    let roots = crate::detect::linux::Roots::from_env();
    let Some(dir) = crate::detect::linux::flatpak::user_installation(&roots) else {
        return false;
    };
    std::fs::read_to_string(dir.join("repo/config"))
        .map(|c| c.lines().any(|l| l.trim() == "[remote \"flathub\"]"))
        .unwrap_or(false)
}
