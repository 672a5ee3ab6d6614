//! Two questions an IT department asks of each machine: is its Windows still supported,
//! and could it run Linux instead of being replaced?

use crate::catalog::Catalog;
use crate::catalog::model::{Date, Lang};
use crate::detect::os::{Family, OsFacts, windows_major};
use crate::fleet::Hardware;
use crate::t;
use serde::Serialize;

/// Memory needed to run a current desktop Linux comfortably, in MiB: Ubuntu Desktop 24.04
/// asks for 4 GB ("System requirements", ubuntu.com/download/desktop); Linux Mint 22
/// needs 2 GB and recommends 4 GB (linuxmint-installation-guide.readthedocs.io, "System
/// requirements"); Debian 12 with a desktop, 2 GB (Debian installation guide, 3.4). The
/// most demanding figure is used so that any of them runs well.
pub const LINUX_MIN_MEMORY_MB: u64 = 4096;

/// Memory the system reports (GLPI `hardware.memory`) is under the modules' size: the
/// firmware and the graphics chip keep some (a 4 GB PC shows 3.7 to 3.9 GB). Used only
/// when the inventory does not list the memory modules.
pub const REPORTED_MEMORY_SLACK_MB: u64 = 512;

/// Disk needed, in bytes: Ubuntu Desktop asks for 25 GB, Linux Mint 20 GB (100 GB
/// recommended), Debian 10 GB; 32 GB (as drives are sold, decimal) leaves room for
/// updates and documents, and is the smallest usual SSD / eMMC size.
pub const LINUX_MIN_DISK_BYTES: u64 = 32_000_000_000;

/// Microsoft's consumer Extended Security Updates for Windows 10 end on this date
/// (learn.microsoft.com/windows/whats-new/extended-security-updates). The end of support
/// itself comes from the catalogue (`microsoft-windows-10`, 14 October 2025).
pub const WINDOWS_10_CONSUMER_ESU_END: Date = Date {
    year: 2026,
    month: 10,
    day: 13,
};

/// Used when the catalogue in use has no date for Windows 10.
const WINDOWS_10_END_OF_SUPPORT: Date = Date {
    year: 2025,
    month: 10,
    day: 14,
};

const MIB: u64 = 1024 * 1024;

/// The OS family from what an inventory says (name, full name, kernel name).
pub fn family_of(texts: &[Option<&str>]) -> Family {
    let all = texts
        .iter()
        .flatten()
        .map(|t| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    if all.contains("windows") || all.contains("win32") || all.contains("mswin") {
        Family::Windows
    } else if all.contains("mac os") || all.contains("macos") || all.contains("darwin") {
        Family::Macos
    } else if [
        "linux",
        "debian",
        "ubuntu",
        "fedora",
        "mint",
        "centos",
        "red hat",
        "suse",
        "arch linux",
        "manjaro",
        "elementary",
        "zorin",
        "mageia",
        "alma",
        "rocky",
        "pop!_os",
        "primtux",
        "emmabunt",
    ]
    .iter()
    .any(|k| all.contains(k))
    {
        Family::Linux
    } else {
        Family::Other
    }
}

/// Where a Windows machine stands with security updates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum WindowsSupport {
    /// Still supported until `until`.
    Supported { version: u32, until: String },
    /// Past end of support; consumer ESU (for enrolled PCs) until `esu_until`.
    EsuOnly {
        version: u32,
        since: String,
        esu_until: String,
    },
    /// No security updates any more (end of support and, for Windows 10, consumer ESU
    /// both past).
    Ended {
        version: u32,
        since: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        esu_ended: Option<String>,
    },
}

impl WindowsSupport {
    /// Past end of support (whether or not ESU still covers it).
    pub fn past_end(&self) -> bool {
        !matches!(self, WindowsSupport::Supported { .. })
    }

    pub fn version(&self) -> u32 {
        match self {
            WindowsSupport::Supported { version, .. }
            | WindowsSupport::EsuOnly { version, .. }
            | WindowsSupport::Ended { version, .. } => *version,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            WindowsSupport::Supported { version, until } => {
                let version = *version;
                t!(
                    lang,
                    "fleet-windows-supported",
                    version = version,
                    date = until.as_str()
                )
            }
            WindowsSupport::EsuOnly {
                version,
                since,
                esu_until,
            } => {
                let version = *version;
                t!(
                    lang,
                    "fleet-windows-esu",
                    version = version,
                    date = since.as_str(),
                    esu = esu_until.as_str()
                )
            }
            WindowsSupport::Ended {
                version,
                since,
                esu_ended,
            } => {
                let version = *version;
                match esu_ended {
                    Some(esu) => t!(
                        lang,
                        "fleet-windows-ended-esu",
                        version = version,
                        date = since.as_str(),
                        esu = esu.as_str()
                    ),
                    None => t!(
                        lang,
                        "fleet-windows-ended",
                        version = version,
                        date = since.as_str()
                    ),
                }
            }
        }
    }
}

/// The support status of a Windows machine on `today`; `None` for other systems and
/// for Windows versions the catalogue has no date for.
pub fn windows_support(os: &OsFacts, catalog: &Catalog, today: Date) -> Option<WindowsSupport> {
    let version = windows_major(os)?;
    match version {
        7 | 8 => Some(WindowsSupport::Ended {
            version,
            // Windows 8.1's extended support ended on 10 January 2023, Windows 7's on
            // 14 January 2020.
            since: if version == 7 {
                "2020-01-14".into()
            } else {
                "2023-01-10".into()
            },
            esu_ended: None,
        }),
        10 => {
            let eos = catalog
                .proprietary("microsoft-windows-10")
                .and_then(|p| p.end_of_support)
                .unwrap_or(WINDOWS_10_END_OF_SUPPORT);
            Some(if today < eos {
                WindowsSupport::Supported {
                    version,
                    until: eos.to_string(),
                }
            } else if today <= WINDOWS_10_CONSUMER_ESU_END {
                WindowsSupport::EsuOnly {
                    version,
                    since: eos.to_string(),
                    esu_until: WINDOWS_10_CONSUMER_ESU_END.to_string(),
                }
            } else {
                WindowsSupport::Ended {
                    version,
                    since: eos.to_string(),
                    esu_ended: Some(WINDOWS_10_CONSUMER_ESU_END.to_string()),
                }
            })
        }
        _ => {
            let eos = catalog
                .proprietary(&format!("microsoft-windows-{version}"))
                .and_then(|p| p.end_of_support)?;
            Some(if today < eos {
                WindowsSupport::Supported {
                    version,
                    until: eos.to_string(),
                }
            } else {
                WindowsSupport::Ended {
                    version,
                    since: eos.to_string(),
                    esu_ended: None,
                }
            })
        }
    }
}

/// Whether the hardware can run a current desktop Linux.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every requirement is known and met.
    Fit,
    /// A known figure is under the requirement.
    NotFit,
    /// Nothing known fails, but something is not known.
    Unknown,
}

/// One requirement's check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    Ok,
    TooSmall,
    Unknown,
}

/// The hardware against [`LINUX_MIN_MEMORY_MB`], [`LINUX_MIN_DISK_BYTES`] and a 64-bit
/// processor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LinuxFit {
    pub verdict: Verdict,
    pub cpu_64bit: Check,
    pub memory: Check,
    pub disk: Check,
    pub memory_mb: Option<u64>,
    pub disk_mb: Option<u64>,
}

pub fn linux_fit(h: &Hardware) -> LinuxFit {
    let cpu_64bit = match h.cpu_64bit {
        Some(true) => Check::Ok,
        Some(false) => Check::TooSmall,
        None => Check::Unknown,
    };
    let memory = match h.memory_mb {
        None => Check::Unknown,
        Some(m) => {
            let need = if h.memory_from_modules {
                LINUX_MIN_MEMORY_MB
            } else {
                LINUX_MIN_MEMORY_MB - REPORTED_MEMORY_SLACK_MB
            };
            if m >= need {
                Check::Ok
            } else {
                Check::TooSmall
            }
        }
    };
    let disk = match h.disk_mb {
        None => Check::Unknown,
        Some(d) if d.saturating_mul(MIB) >= LINUX_MIN_DISK_BYTES => Check::Ok,
        Some(_) => Check::TooSmall,
    };
    let checks = [cpu_64bit, memory, disk];
    let verdict = if checks.contains(&Check::TooSmall) {
        Verdict::NotFit
    } else if checks.contains(&Check::Unknown) {
        Verdict::Unknown
    } else {
        Verdict::Fit
    };
    LinuxFit {
        verdict,
        cpu_64bit,
        memory,
        disk,
        memory_mb: h.memory_mb,
        disk_mb: h.disk_mb,
    }
}

impl LinuxFit {
    /// "fit", "not fit: 2 GB of memory", "unknown: disk size unknown".
    pub fn text(&self, lang: Lang) -> String {
        let mut why = Vec::new();
        let gb = |mb: u64| format!("{:.0}", mb as f64 / 1024.0);
        match self.memory {
            Check::TooSmall => why.push(t!(
                lang,
                "fleet-fit-memory-small",
                gb = gb(self.memory_mb.unwrap_or(0))
            )),
            Check::Unknown => why.push(t!(lang, "fleet-fit-memory-unknown")),
            Check::Ok => {}
        }
        match self.disk {
            Check::TooSmall => why.push(t!(
                lang,
                "fleet-fit-disk-small",
                gb = format!("{:.0}", self.disk_mb.unwrap_or(0) as f64 * MIB as f64 / 1e9)
            )),
            Check::Unknown => why.push(t!(lang, "fleet-fit-disk-unknown")),
            Check::Ok => {}
        }
        match self.cpu_64bit {
            Check::TooSmall => why.push(t!(lang, "fleet-fit-cpu-32")),
            Check::Unknown => why.push(t!(lang, "fleet-fit-cpu-unknown")),
            Check::Ok => {}
        }
        let head = verdict_text(self.verdict, lang);
        if why.is_empty() {
            head
        } else {
            format!("{head} ({})", why.join(", "))
        }
    }
}

pub fn verdict_text(v: Verdict, lang: Lang) -> String {
    match v {
        Verdict::Fit => t!(lang, "fleet-fit-yes"),
        Verdict::NotFit => t!(lang, "fleet-fit-no"),
        Verdict::Unknown => t!(lang, "fleet-fit-unknown"),
    }
}

/// Whether a processor runs 64-bit code, from what inventories say: the system's
/// architecture (a 64-bit system needs a 64-bit processor), the processor's own
/// architecture, or its description ("Intel64 Family 6", "AMD64 Family 23"). A 32-bit
/// system proves nothing (it also runs on 64-bit processors): then `None`.
pub fn cpu_64bit(
    os_arch: Option<&str>,
    cpu_arch: Option<&str>,
    cpu_desc: Option<&str>,
) -> Option<bool> {
    let is64 = |s: &str| {
        let l = s.to_lowercase();
        l.contains("64") && !l.contains("x86_32")
    };
    if os_arch.is_some_and(is64) || cpu_arch.is_some_and(is64) {
        return Some(true);
    }
    if let Some(d) = cpu_desc {
        let l = d.to_lowercase();
        if l.starts_with("intel64") || l.starts_with("amd64") || l.contains("x86_64") {
            return Some(true);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hw(mem: Option<u64>, modules: bool, disk: Option<u64>, cpu: Option<bool>) -> Hardware {
        Hardware {
            memory_mb: mem,
            memory_from_modules: modules,
            disk_mb: disk,
            cpu_64bit: cpu,
            cpu: None,
        }
    }

    #[test]
    fn linux_fit_follows_the_named_thresholds() {
        assert_eq!(
            linux_fit(&hw(Some(8192), true, Some(244_198), Some(true))).verdict,
            Verdict::Fit
        );
        // 4 GB as Windows reports it (3.8 GB) is 4 GB of modules.
        assert_eq!(
            linux_fit(&hw(Some(3892), false, Some(244_198), Some(true))).verdict,
            Verdict::Fit
        );
        assert_eq!(
            linux_fit(&hw(Some(2048), true, Some(244_198), Some(true))).verdict,
            Verdict::NotFit
        );
        // A "32 GB" eMMC (29.8 GiB) is enough; a 16 GB one is not.
        assert_eq!(
            linux_fit(&hw(Some(4096), true, Some(30_518), Some(true))).disk,
            Check::Ok
        );
        assert_eq!(
            linux_fit(&hw(Some(4096), true, Some(15_259), Some(true))).disk,
            Check::TooSmall
        );
        assert_eq!(
            linux_fit(&hw(Some(8192), true, None, Some(true))).verdict,
            Verdict::Unknown
        );
        assert_eq!(
            linux_fit(&hw(None, false, None, None)).verdict,
            Verdict::Unknown
        );
    }

    #[test]
    fn sixty_four_bits_only_on_evidence() {
        assert_eq!(cpu_64bit(Some("64-bit"), None, None), Some(true));
        assert_eq!(cpu_64bit(Some("x86_64"), Some("i386"), None), Some(true));
        assert_eq!(
            cpu_64bit(Some("32-bit"), None, Some("Intel64 Family 6 Model 58")),
            Some(true)
        );
        assert_eq!(cpu_64bit(Some("32-bit"), Some("i386"), None), None);
    }

    #[test]
    fn families_from_names() {
        assert_eq!(
            family_of(&[Some("Microsoft Windows 10 Professionnel")]),
            Family::Windows
        );
        assert_eq!(
            family_of(&[Some("Debian GNU/Linux 12 (bookworm)")]),
            Family::Linux
        );
        assert_eq!(family_of(&[None, Some("")]), Family::Other);
    }
}
