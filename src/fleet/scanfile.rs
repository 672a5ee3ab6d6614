//! `kitlibre scan --json` files as fleet inputs: a city without GLPI collects one scan
//! per PC (login script, Ansible, WAPT) into a folder, named after the PC.
//!
//! The file's `programs` (every program the scan found, with its source and keys) go
//! through matching again with the catalogue in use, like any other inventory; its `os`
//! gives the system and hardware facts.

use crate::detect::os::{Family, OsFacts};
use crate::detect::{Installed, Key, SourceKind};
use crate::fleet::hardware::cpu_64bit;
use crate::fleet::{Format, Hardware, Identity, Machine};
use serde::Deserialize;
use serde::de::IntoDeserializer;

/// The parts of a scan report the fleet reads (the file also has `sources`, which
/// tells it apart from other JSON).
#[derive(Debug)]
pub struct ScanFile {
    pub os: ScanOs,
    pub programs: Vec<serde_json::Value>,
}

/// `os` of a scan report (the fields of [`OsFacts`]).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ScanOs {
    pub family: Option<String>,
    pub name: Option<String>,
    pub version: Option<String>,
    pub long_version: Option<String>,
    pub kernel: Option<String>,
    pub distribution: Option<String>,
    pub arch: Option<String>,
    pub memory_bytes: Option<u64>,
    pub disk_total_bytes: Option<u64>,
    pub disk_free_bytes: Option<u64>,
    pub cpu: Option<String>,
    pub cpu_cores: Option<usize>,
    pub is_admin: Option<bool>,
}

#[derive(Debug, Deserialize)]
struct ProgramIn {
    name: String,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    keys: Vec<serde_json::Value>,
    #[serde(default)]
    location: Option<String>,
}

fn source_kind(code: &str) -> Option<SourceKind> {
    let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
        code.into_deserializer();
    SourceKind::deserialize(d).ok()
}

/// One program of the file; `None` when it cannot be read (a newer kit's source kind is
/// read as an inventory record).
fn program(v: serde_json::Value) -> Option<Installed> {
    let p: ProgramIn = serde_json::from_value(v).ok()?;
    let source = p
        .source
        .as_deref()
        .and_then(source_kind)
        .unwrap_or(SourceKind::Inventory);
    let mut item = Installed::new(&p.name, source)?
        .publisher(p.publisher.as_deref())
        .version(p.version.as_deref())
        .location(p.location.as_deref());
    for k in p.keys {
        if let Ok(key) = serde_json::from_value::<Key>(k) {
            item = item.key(key);
        }
    }
    Some(item)
}

impl ScanFile {
    /// The machine; its name is the file's (scans carry no host name).
    pub fn into_machine(self, name: &str) -> Machine {
        let o = self.os;
        let family = match o.family.as_deref() {
            Some("windows") => Family::Windows,
            Some("macos") => Family::Macos,
            Some("linux") => Family::Linux,
            _ => Family::Other,
        };
        const MIB: u64 = 1024 * 1024;
        let hardware = Hardware {
            memory_mb: o.memory_bytes.map(|b| b / MIB),
            memory_from_modules: false,
            disk_mb: o.disk_total_bytes.map(|b| b / MIB),
            cpu_64bit: cpu_64bit(o.arch.as_deref(), None, None),
            cpu: o.cpu.clone(),
        };
        let os = OsFacts {
            family,
            name: o.name,
            version: o.version,
            long_version: o.long_version,
            kernel: o.kernel,
            distribution: o.distribution,
            arch: o.arch,
            memory_bytes: o.memory_bytes,
            disk_total_bytes: o.disk_total_bytes,
            disk_free_bytes: o.disk_free_bytes,
            cpu: o.cpu,
            cpu_cores: o.cpu_cores,
            is_admin: o.is_admin,
        };
        Machine {
            name: name.to_owned(),
            identity: Identity {
                host: Some(name.to_owned()),
                ..Identity::default()
            },
            inventory_date: None,
            os,
            hardware,
            programs: self.programs.into_iter().filter_map(program).collect(),
            format: Format::KitlibreScan,
        }
    }
}
