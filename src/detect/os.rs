//! Facts about the operating system and the hardware (through `sysinfo`, refreshing only
//! what is needed: never a full refresh), and what they mean for the person: an
//! unsupported Windows, a PC that can run Linux, little memory or disk, no admin rights.

use crate::catalog::Catalog;
use crate::catalog::model::Date;
use serde::Serialize;

/// The family of the operating system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Windows,
    Macos,
    Linux,
    Other,
}

/// What the kit knows about this machine. Every field may be unknown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OsFacts {
    pub family: Family,
    /// "Windows", "Ubuntu", "Darwin"...
    pub name: Option<String>,
    /// "10 (19045)", "24.04", "15.1"...
    pub version: Option<String>,
    /// "Windows 10 Pro", "Linux (Ubuntu 24.04)", "macOS 15.1 Sequoia"...
    pub long_version: Option<String>,
    pub kernel: Option<String>,
    /// Distribution id on Linux ("ubuntu", "debian", "fedora").
    pub distribution: Option<String>,
    /// "x86_64", "aarch64"...
    pub arch: Option<String>,
    pub memory_bytes: Option<u64>,
    /// The disk that holds the system (or the largest one).
    pub disk_total_bytes: Option<u64>,
    pub disk_free_bytes: Option<u64>,
    pub cpu: Option<String>,
    pub cpu_cores: Option<usize>,
    /// Whether the person is an administrator of this machine.
    pub is_admin: Option<bool>,
}

const GIB: u64 = 1024 * 1024 * 1024;

impl OsFacts {
    /// Facts about a machine seen through captured data: only the family is known.
    pub fn unknown(family: Family) -> OsFacts {
        OsFacts {
            family,
            name: None,
            version: None,
            long_version: None,
            kernel: None,
            distribution: None,
            arch: None,
            memory_bytes: None,
            disk_total_bytes: None,
            disk_free_bytes: None,
            cpu: None,
            cpu_cores: None,
            is_admin: None,
        }
    }
}

/// Reads the facts of this machine: OS strings, memory, disks, CPU list and the user's
/// groups, each with its own targeted refresh.
pub fn collect() -> OsFacts {
    use sysinfo::System;
    let family = if cfg!(windows) {
        Family::Windows
    } else if cfg!(target_os = "macos") {
        Family::Macos
    } else if cfg!(target_os = "linux") {
        Family::Linux
    } else {
        Family::Other
    };
    let mut facts = OsFacts {
        family,
        name: System::name().ok(),
        version: System::os_version().ok(),
        long_version: System::long_os_version().ok(),
        kernel: System::kernel_version().ok(),
        distribution: Some(System::distribution_id()).filter(|d| !d.is_empty()),
        arch: Some(System::cpu_arch()).filter(|a| !a.is_empty()),
        memory_bytes: None,
        disk_total_bytes: None,
        disk_free_bytes: None,
        cpu: None,
        cpu_cores: System::physical_core_count().ok(),
        is_admin: None,
    };
    if let Ok(mut sys) = System::new() {
        sys.refresh_memory();
        facts.memory_bytes = Some(sys.total_memory()).filter(|m| *m > 0);
        sys.refresh_cpu_list(sysinfo::CpuRefreshKind::nothing());
        facts.cpu = sys
            .cpus()
            .first()
            .map(|c| c.brand().trim().to_owned())
            .filter(|b| !b.is_empty());
        facts.is_admin = is_admin(&mut sys);
    }
    if let Ok(disks) = sysinfo::Disks::new_with_refreshed_list() {
        let system_disk = disks
            .iter()
            .find(|d| {
                let m = d.mount_point();
                m == std::path::Path::new("/") || m.to_string_lossy().eq_ignore_ascii_case("C:\\")
            })
            .or_else(|| disks.iter().max_by_key(|d| d.total_space()));
        if let Some(d) = system_disk {
            facts.disk_total_bytes = Some(d.total_space());
            facts.disk_free_bytes = Some(d.available_space());
        }
    }
    facts
}

/// Administrator: root, or a member of the group that may administer the machine. On
/// Windows, also a process already running with administrator rights (elevated), which
/// is the only answer Wine gives.
fn is_admin(sys: &mut sysinfo::System) -> Option<bool> {
    let member = group_member(sys);
    if cfg!(windows) && windows_elevated() {
        return Some(true);
    }
    member.or(cfg!(windows).then_some(false))
}

/// Whether this process may write to HKLM\SOFTWARE: only an elevated process may. Opening
/// the key for writing changes nothing.
#[cfg(windows)]
fn windows_elevated() -> bool {
    windows_registry::LOCAL_MACHINE
        .options()
        .read()
        .write()
        .open("SOFTWARE")
        .is_ok()
}

#[cfg(not(windows))]
fn windows_elevated() -> bool {
    false
}

/// The administrators' group in the languages of the PCs the kit meets (Windows names
/// its built-in groups in the language it was installed in).
const ADMIN_GROUPS: [&str; 10] = [
    "sudo",
    "wheel",
    "admin",
    "administrators",
    "administrateurs",
    "administratoren",
    "administradores",
    "administratorer",
    "beheerders",
    "amministratori",
];

/// Whether the user who runs this process belongs to an administrators' group.
fn group_member(sys: &mut sysinfo::System) -> Option<bool> {
    use sysinfo::{ProcessRefreshKind, ProcessesToUpdate, UpdateKind, Users};
    let pid = sysinfo::get_current_pid().ok()?;
    sys.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[pid]),
        false,
        ProcessRefreshKind::nothing().with_user(UpdateKind::Always),
    );
    let uid = sys.process(pid)?.user_id()?.clone();
    if uid.to_string() == "0" {
        return Some(true);
    }
    let users = Users::new_with_refreshed_list().ok()?;
    let user = users.get_user_by_id(&uid)?;
    Some(
        user.groups()
            .iter()
            .any(|g| ADMIN_GROUPS.contains(&g.name().to_lowercase().as_str())),
    )
}

/// The Windows version number (10 or 11), from the facts.
pub fn windows_major(f: &OsFacts) -> Option<u32> {
    if f.family != Family::Windows {
        return None;
    }
    let long = f.long_version.as_deref().unwrap_or("");
    if long.contains("Windows 11") {
        return Some(11);
    }
    if long.contains("Windows 7") || long.contains("Windows 8") {
        return Some(if long.contains("Windows 7") { 7 } else { 8 });
    }
    // Windows 11 keeps "10" in its version number: the build tells (22000 and later).
    let build = [f.kernel.as_deref(), f.version.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(|s| s.split(|c: char| !c.is_ascii_digit()))
        .filter_map(|n| n.parse::<u32>().ok())
        .find(|n| *n >= 10_000);
    match build {
        Some(b) if b >= 22_000 => Some(11),
        Some(_) => Some(10),
        None if long.contains("Windows 10")
            || f.version.as_deref().is_some_and(|v| v.starts_with("10")) =>
        {
            Some(10)
        }
        None => None,
    }
}

/// How well this hardware can run a beginner-friendly Linux (Linux Mint's published
/// requirements: 2 GB of memory, 4 GB recommended; 20 GB of disk, 100 GB recommended;
/// a 64-bit processor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinuxFit {
    /// Comfortable.
    Good,
    /// It works, a lighter edition (Xfce, MATE) or Emmabuntüs is wiser.
    Light,
    /// Below the minimum.
    TooSmall,
    /// The facts are missing.
    Unknown,
}

pub fn linux_fit(f: &OsFacts) -> LinuxFit {
    let (Some(mem), Some(disk)) = (f.memory_bytes, f.disk_total_bytes) else {
        return LinuxFit::Unknown;
    };
    let arm_or_64 = f.arch.as_deref().is_none_or(|a| a.contains("64"));
    // Memory is reported a little under its nominal size (shared video memory).
    if !arm_or_64 || mem < 19 * GIB / 10 || disk < 20 * GIB {
        LinuxFit::TooSmall
    } else if mem < 38 * GIB / 10 {
        LinuxFit::Light
    } else {
        LinuxFit::Good
    }
}

/// Something worth telling the person about this machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Advice {
    /// This Windows gets no more security updates.
    WindowsEndOfSupport {
        version: u32,
        since: Option<String>,
        linux_fit: LinuxFit,
    },
    /// Windows 10 still supported (before its end date), with the date.
    WindowsEndingSoon { version: u32, on: String },
    /// Little memory: prefer light programs.
    LowMemory { gib: u32 },
    /// Little free disk space.
    LowDisk { free_gib: u32 },
    /// Not an administrator: installations may need the IT department.
    NotAdmin,
}

/// What the facts mean, with today's date for end-of-support questions. Dates come
/// from the catalogue (`end_of_support` of the Windows entries).
pub fn assess(f: &OsFacts, catalog: &Catalog, today: Date) -> Vec<Advice> {
    let mut out = Vec::new();
    if let Some(major) = windows_major(f) {
        let id = match major {
            10 => Some("microsoft-windows-10"),
            11 => Some("microsoft-windows-11"),
            _ => None,
        };
        let eos = id
            .and_then(|i| catalog.proprietary(i))
            .and_then(|p| p.end_of_support);
        match (major, eos) {
            (7 | 8, _) => out.push(Advice::WindowsEndOfSupport {
                version: major,
                since: None,
                linux_fit: linux_fit(f),
            }),
            (_, Some(date)) if date <= today => out.push(Advice::WindowsEndOfSupport {
                version: major,
                since: Some(date.to_string()),
                linux_fit: linux_fit(f),
            }),
            (_, Some(date)) => out.push(Advice::WindowsEndingSoon {
                version: major,
                on: date.to_string(),
            }),
            _ => {}
        }
    }
    if let Some(mem) = f.memory_bytes
        && mem < 38 * GIB / 10
    {
        out.push(Advice::LowMemory {
            gib: ((mem + GIB / 2) / GIB) as u32,
        });
    }
    if let (Some(free), Some(total)) = (f.disk_free_bytes, f.disk_total_bytes)
        && (free < 10 * GIB || free * 10 < total)
    {
        out.push(Advice::LowDisk {
            free_gib: (free / GIB) as u32,
        });
    }
    if f.is_admin == Some(false) {
        out.push(Advice::NotAdmin);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows(long: &str, kernel: &str, mem_gib: u64, disk_gib: u64) -> OsFacts {
        OsFacts {
            family: Family::Windows,
            name: Some("Windows".into()),
            version: Some("10".into()),
            long_version: Some(long.into()),
            kernel: Some(kernel.into()),
            distribution: None,
            arch: Some("x86_64".into()),
            memory_bytes: Some(mem_gib * GIB),
            disk_total_bytes: Some(disk_gib * GIB),
            disk_free_bytes: Some(disk_gib * GIB / 2),
            cpu: None,
            cpu_cores: Some(2),
            is_admin: Some(true),
        }
    }

    #[test]
    fn windows_version_from_build() {
        assert_eq!(
            windows_major(&windows("Windows 10 Pro", "19045", 4, 256)),
            Some(10)
        );
        assert_eq!(
            windows_major(&windows("Windows 10 Home", "22631", 4, 256)),
            Some(11)
        );
        assert_eq!(
            windows_major(&windows("Windows 11 Pro", "26100", 4, 256)),
            Some(11)
        );
        let mut linux = windows("", "6.8.0", 4, 256);
        linux.family = Family::Linux;
        assert_eq!(windows_major(&linux), None);
    }

    #[test]
    fn linux_fit_follows_mint_requirements() {
        assert_eq!(linux_fit(&windows("", "", 8, 256)), LinuxFit::Good);
        assert_eq!(linux_fit(&windows("", "", 2, 128)), LinuxFit::Light);
        assert_eq!(linux_fit(&windows("", "", 1, 128)), LinuxFit::TooSmall);
        assert_eq!(linux_fit(&windows("", "", 8, 16)), LinuxFit::TooSmall);
        let mut f = windows("", "", 8, 256);
        f.memory_bytes = None;
        assert_eq!(linux_fit(&f), LinuxFit::Unknown);
    }
}
