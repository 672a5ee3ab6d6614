//! Exit codes and messages of installers, turned into plain words with what to do next:
//! winget's table (doc/windows/package-manager/winget/returnCodes.md), msiexec's, Inno
//! Setup's, pkexec's, and what flatpak, apt-get and brew print (they exit 1 for most
//! errors, so their output tells).

use crate::catalog::model::Lang;
use crate::install::plan::StepKind;
use crate::t;
use serde::Serialize;

/// What went wrong (or right in an unusual way), in the person's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Installed; nothing else to do.
    Done,
    /// It was already installed.
    AlreadyInstalled,
    /// Installed; restart the computer to finish.
    RestartNeeded,
    /// Administrator rights are needed.
    NeedsAdmin,
    /// The person closed the password window or refused.
    Refused,
    /// A rule of the organisation forbids it.
    BlockedByPolicy,
    /// Another installation is running (or the package database is locked).
    AnotherInstall,
    /// The program is open: close it and try again.
    InUse,
    /// Not enough disk space.
    DiskFull,
    /// No internet connection, or the server did not answer.
    NoNetwork,
    /// The package was not found in its source.
    NotFound,
    /// The downloaded file is not the one the catalogue vouches for: deleted.
    Corrupted,
    /// A dependency is missing.
    DependencyMissing,
    /// Cancelled from the kit.
    Cancelled,
    /// Anything else: the details are shown.
    Failed,
}

impl Outcome {
    pub fn is_success(self) -> bool {
        matches!(
            self,
            Outcome::Done | Outcome::AlreadyInstalled | Outcome::RestartNeeded
        )
    }

    /// What happened and what to do next, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        match self {
            Outcome::Done => t!(lang, "outcome-done"),
            Outcome::AlreadyInstalled => t!(lang, "outcome-already-installed"),
            Outcome::RestartNeeded => t!(lang, "outcome-restart-needed"),
            Outcome::NeedsAdmin => t!(lang, "outcome-needs-admin"),
            Outcome::Refused => t!(lang, "outcome-refused"),
            Outcome::BlockedByPolicy => t!(lang, "outcome-blocked-by-policy"),
            Outcome::AnotherInstall => t!(lang, "outcome-another-install"),
            Outcome::InUse => t!(lang, "outcome-in-use"),
            Outcome::DiskFull => t!(lang, "outcome-disk-full"),
            Outcome::NoNetwork => t!(lang, "outcome-no-network"),
            Outcome::NotFound => t!(lang, "outcome-not-found"),
            Outcome::Corrupted => t!(lang, "outcome-corrupted"),
            Outcome::DependencyMissing => t!(lang, "outcome-dependency-missing"),
            Outcome::Cancelled => t!(lang, "outcome-cancelled"),
            Outcome::Failed => t!(lang, "outcome-failed"),
        }
    }
}

/// winget's documented return codes (HRESULTs, as the signed i32 the process returns).
pub fn winget(code: i32) -> Outcome {
    match code as u32 {
        0 => Outcome::Done,
        0x8A15_0011 => Outcome::Corrupted,
        0x8A15_0019 | 0x8A15_0056 => Outcome::NeedsAdmin,
        0x8A15_003A | 0x8A15_010F => Outcome::BlockedByPolicy,
        0x8A15_0041 | 0x8A15_0046 => Outcome::Refused,
        0x8A15_0061 => Outcome::AlreadyInstalled,
        0x8A15_0014 => Outcome::NotFound,
        // No installer for the scope asked: the program installs for every user only.
        0x8A15_0010 => Outcome::NeedsAdmin,
        0x8A15_0101 | 0x8A15_0103 => Outcome::InUse,
        0x8A15_0102 => Outcome::AnotherInstall,
        0x8A15_0104 | 0x8A15_0110 => Outcome::DependencyMissing,
        0x8A15_0105 | 0x8A15_0106 => Outcome::DiskFull,
        0x8A15_0107 => Outcome::NoNetwork,
        0x8A15_0109..=0x8A15_010B => Outcome::RestartNeeded,
        0x8A15_010C => Outcome::Refused,
        0x8A15_010D | 0x8A15_010E => Outcome::AlreadyInstalled,
        _ => Outcome::Failed,
    }
}

/// msiexec's return codes (learn.microsoft.com/windows/win32/msi/error-codes).
pub fn msiexec(code: i32) -> Outcome {
    match code {
        0 => Outcome::Done,
        1602 => Outcome::Refused,
        1618 => Outcome::AnotherInstall,
        1625 => Outcome::BlockedByPolicy,
        1638 => Outcome::AlreadyInstalled,
        1641 | 3010 => Outcome::RestartNeeded,
        112 => Outcome::DiskFull,
        1925 | 1730 => Outcome::NeedsAdmin,
        _ => Outcome::Failed,
    }
}

/// Inno Setup and NSIS setup programs.
pub fn setup_program(code: i32) -> Outcome {
    match code {
        0 => Outcome::Done,
        2 | 5 => Outcome::Refused,
        8 => Outcome::RestartNeeded,
        740 => Outcome::NeedsAdmin,
        _ => Outcome::Failed,
    }
}

/// What flatpak, apt-get, dnf and brew print, for their generic exit codes.
fn from_output(output: &str) -> Option<Outcome> {
    let o = output.to_lowercase();
    let has = |needles: &[&str]| needles.iter().any(|n| o.contains(n));
    if has(&[
        "already installed",
        "is already the newest version",
        "déjà installé",
    ]) {
        Some(Outcome::AlreadyInstalled)
    } else if has(&[
        "not allowed for user",
        "permission denied",
        "are you root",
        "not authorized",
        "authentication is needed",
    ]) {
        Some(Outcome::NeedsAdmin)
    } else if has(&[
        "could not get lock",
        "unable to acquire the dpkg frontend lock",
        "is another process using it",
        "waiting for cache lock",
    ]) {
        Some(Outcome::AnotherInstall)
    } else if has(&["no space left", "not enough space", "espace insuffisant"]) {
        Some(Outcome::DiskFull)
    } else if has(&[
        "could not resolve",
        "unable to connect",
        "temporary failure resolving",
        "could not connect",
        "network is unreachable",
        "failed to fetch",
        "while fetching",
    ]) {
        Some(Outcome::NoNetwork)
    } else if has(&[
        "nothing matches",
        "no remote refs found",
        "unable to locate package",
        "no match for argument",
        "no available formula",
        "no casks found",
        "cask '",
        "error: no such",
    ]) {
        Some(Outcome::NotFound)
    } else if has(&["unmet dependencies", "depends:", "broken packages"]) {
        Some(Outcome::DependencyMissing)
    } else {
        None
    }
}

/// The outcome of a step that ended with `code`, having printed `output`.
pub fn outcome(kind: StepKind, code: i32, output: &str) -> Outcome {
    match kind {
        StepKind::WingetInstall => winget(code),
        StepKind::MsiInstall | StepKind::MsiUnpack => msiexec(code),
        StepKind::ExeInstall => setup_program(code),
        StepKind::PackageInstall => match code {
            0 => Outcome::Done,
            // pkexec: the dialog was dismissed, or the user is not authorised.
            126 => Outcome::Refused,
            127 => Outcome::NeedsAdmin,
            _ => from_output(output).unwrap_or(Outcome::Failed),
        },
        _ => match code {
            0 => Outcome::Done,
            _ => from_output(output).unwrap_or(Outcome::Failed),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winget_codes_from_the_signed_exit_status() {
        // 0x8A150019 as the i32 a process returns.
        assert_eq!(winget(0x8A15_0019_u32 as i32), Outcome::NeedsAdmin);
        assert_eq!(winget(-1978335215), Outcome::Corrupted); // 0x8A150011
        assert_eq!(winget(0x8A15_0061_u32 as i32), Outcome::AlreadyInstalled);
        assert_eq!(winget(0x8A15_003A_u32 as i32), Outcome::BlockedByPolicy);
        assert_eq!(winget(0x8A15_0109_u32 as i32), Outcome::RestartNeeded);
        assert_eq!(winget(0), Outcome::Done);
        assert_eq!(winget(1), Outcome::Failed);
    }

    #[test]
    fn output_of_generic_tools() {
        assert_eq!(
            outcome(
                StepKind::FlatpakInstall,
                1,
                "error: org.gimp.GIMP/x86_64/stable already installed"
            ),
            Outcome::AlreadyInstalled
        );
        assert_eq!(
            outcome(
                StepKind::PackageInstall,
                100,
                "E: Could not get lock /var/lib/dpkg/lock-frontend"
            ),
            Outcome::AnotherInstall
        );
        assert_eq!(outcome(StepKind::PackageInstall, 126, ""), Outcome::Refused);
        assert_eq!(
            outcome(
                StepKind::FlatpakInstall,
                1,
                "error: Nothing matches org.example.None in remote flathub"
            ),
            Outcome::NotFound
        );
        assert_eq!(
            outcome(StepKind::MsiInstall, 3010, ""),
            Outcome::RestartNeeded
        );
        assert!(Outcome::RestartNeeded.is_success());
        assert!(!Outcome::NeedsAdmin.is_success());
    }
}
