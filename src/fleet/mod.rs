//! Fleet reports: the inventories an IT department already has (GLPI Agent JSON, OCS
//! Inventory / old GLPI agent XML, GLPI CSV exports) and `kitlibre scan --json` files,
//! read one file at a time. Each machine's software goes through the same matching as
//! `kitlibre scan` ([`crate::detect::scan::build_report`]); only a small row per machine
//! is kept (its name, OS, hardware verdict and the catalogue ids found), never its program
//! list, so memory stays flat however many files there are.
//!
//! - [`read`]: files and folders, size limit, gzip, encodings, format detection.
//! - [`glpi`]: GLPI inventory JSON and XML (and OCS XML, the same tree in capitals).
//! - [`export`]: GLPI CSV exports (French or English headers).
//! - [`scanfile`]: `kitlibre scan --json` output.
//! - [`hardware`]: Windows end of support and hardware fit for Linux.
//! - [`report`]: the streaming aggregation and the report.
//! - [`output`]: the CSV tables and the HTML page.

pub mod export;
pub mod glpi;
pub mod hardware;
pub mod output;
pub mod read;
pub mod report;
pub mod scanfile;

use crate::catalog::model::{Date, Lang};
use crate::detect::Installed;
use crate::detect::os::OsFacts;
use crate::t;
use serde::Serialize;

pub use report::{Fleet, FleetReport};

/// The kind of file a machine came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// GLPI Agent inventory, JSON (glpi-project/inventory_format).
    GlpiJson,
    /// GLPI / FusionInventory / OCS Inventory agent XML (`<REQUEST><CONTENT>`).
    InventoryXml,
    /// A GLPI list exported as CSV.
    GlpiCsv,
    /// `kitlibre scan --json`.
    KitlibreScan,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::GlpiJson => "glpi-json",
            Format::InventoryXml => "inventory-xml",
            Format::GlpiCsv => "glpi-csv",
            Format::KitlibreScan => "kitlibre-scan",
        }
    }
}

/// What tells two inventories of the same machine apart from two machines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// The agent's device id (GLPI `deviceid`, OCS `DEVICEID`).
    pub deviceid: Option<String>,
    /// The hardware UUID (SMBIOS).
    pub uuid: Option<String>,
    /// The serial number (BIOS `ssn`).
    pub serial: Option<String>,
    /// The host name.
    pub host: Option<String>,
}

/// Serial numbers and UUIDs that firmware fills in by default: not identities.
fn placeholder(v: &str) -> bool {
    let l = v.trim().to_lowercase();
    let digits: String = l.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    digits.is_empty()
        || digits.chars().all(|c| c == '0')
        || digits.chars().all(|c| c == 'f')
        || [
            "tobefilledbyoem",
            "defaultstring",
            "systemserialnumber",
            "none",
            "notspecified",
            "notapplicable",
            "123456789",
            "0123456789",
            "03000200040005000006000700080009",
        ]
        .contains(&digits.as_str())
}

impl Identity {
    /// The keys under which this machine is known: any shared key makes two inventories
    /// one machine. Without device id, UUID or host + serial, the host name alone, within
    /// the same kind of input.
    pub fn keys(&self, format: Format) -> Vec<String> {
        let mut keys = Vec::new();
        if let Some(d) = self.deviceid.as_deref().filter(|d| !d.trim().is_empty()) {
            keys.push(format!("device:{}", d.trim().to_lowercase()));
        }
        if let Some(u) = self.uuid.as_deref().filter(|u| !placeholder(u)) {
            keys.push(format!("uuid:{}", u.trim().to_lowercase()));
        }
        let host = self
            .host
            .as_deref()
            .map(|h| h.trim().to_lowercase())
            .filter(|h| !h.is_empty());
        if let (Some(h), Some(s)) = (&host, self.serial.as_deref().filter(|s| !placeholder(s))) {
            keys.push(format!("host-serial:{h}|{}", s.trim().to_lowercase()));
        }
        if keys.is_empty()
            && let Some(h) = host
        {
            keys.push(format!("host:{}:{h}", format.code()));
        }
        keys
    }
}

/// Hardware facts an inventory gives (every one may be missing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Hardware {
    /// Installed memory in MiB: the modules' sum when listed, else what the system reports.
    pub memory_mb: Option<u64>,
    /// Whether `memory_mb` is the modules' sum (exact) or the system's figure (a little
    /// under the modules: firmware and graphics keep some).
    #[serde(skip)]
    pub memory_from_modules: bool,
    /// The system disk's size in MiB (the largest fixed disk when the system one is not
    /// known).
    pub disk_mb: Option<u64>,
    /// Whether the processor runs 64-bit code; `None` when the inventory does not say.
    pub cpu_64bit: Option<bool>,
    /// The processor's name.
    pub cpu: Option<String>,
}

/// One machine as an input file describes it.
#[derive(Clone, Debug)]
pub struct Machine {
    pub name: String,
    pub identity: Identity,
    /// When the inventory was taken, `YYYY-MM-DD HH:MM:SS` (compares as text).
    pub inventory_date: Option<String>,
    pub os: OsFacts,
    pub hardware: Hardware,
    pub programs: Vec<Installed>,
    pub format: Format,
}

/// Why a file gave no machine (or not all of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The path does not exist or cannot be opened / read.
    Unreadable { detail: String },
    /// Larger than the limit.
    TooBig { limit_mb: u64 },
    /// The file is empty.
    Empty,
    /// The file stops in the middle (JSON, XML or gzip).
    Truncated,
    /// Not valid JSON.
    InvalidJson { line: usize, column: usize },
    /// Not valid XML.
    InvalidXml { detail: String },
    /// Valid JSON or XML, but not an inventory of a known kind.
    NotAnInventory { found: String },
    /// An inventory of something else than a computer (printer, network equipment).
    NotAComputer { itemtype: String },
    /// Neither JSON, XML nor CSV (binary data, another document).
    UnknownFormat,
    /// A CSV file without the columns an export needs.
    CsvMissingColumns {
        missing: Vec<String>,
        found: Vec<String>,
    },
    /// A CSV file that stops making sense at a line.
    CsvInvalid { line: u64, detail: String },
    /// An inventory that names no machine and has no software.
    NoMachine,
}

impl ProblemKind {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProblemKind::Unreadable { detail } => {
                t!(lang, "fleet-problem-unreadable", detail = detail.as_str())
            }
            ProblemKind::TooBig { limit_mb } => {
                let limit = *limit_mb;
                t!(lang, "fleet-problem-too-big", limit = limit)
            }
            ProblemKind::Empty => t!(lang, "fleet-problem-empty"),
            ProblemKind::Truncated => t!(lang, "fleet-problem-truncated"),
            ProblemKind::InvalidJson { line, column } => {
                let (line, column) = (*line, *column);
                t!(
                    lang,
                    "fleet-problem-invalid-json",
                    line = line,
                    column = column
                )
            }
            ProblemKind::InvalidXml { detail } => {
                t!(lang, "fleet-problem-invalid-xml", detail = detail.as_str())
            }
            ProblemKind::NotAnInventory { found } => {
                t!(lang, "fleet-problem-not-inventory", found = found.as_str())
            }
            ProblemKind::NotAComputer { itemtype } => {
                t!(
                    lang,
                    "fleet-problem-not-computer",
                    itemtype = itemtype.as_str()
                )
            }
            ProblemKind::UnknownFormat => t!(lang, "fleet-problem-unknown-format"),
            ProblemKind::CsvMissingColumns { missing, found } => t!(
                lang,
                "fleet-problem-csv-columns",
                missing = missing.join(", "),
                found = found.join(" | ")
            ),
            ProblemKind::CsvInvalid { line, detail } => {
                let line = *line;
                t!(
                    lang,
                    "fleet-problem-csv-invalid",
                    line = line,
                    detail = detail.as_str()
                )
            }
            ProblemKind::NoMachine => t!(lang, "fleet-problem-no-machine"),
        }
    }
}

/// `YYYY-MM-DD` (and anything after it) as a date.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let mut it = s.get(..10)?.split('-');
    let year: u16 = it.next()?.parse().ok()?;
    let month: u8 = it.next()?.parse().ok()?;
    let day: u8 = it.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day) && year >= 1970).then_some(Date {
        year,
        month,
        day,
    })
}

/// An inventory date in the forms agents and GLPI write (`2024-03-11 09:12:33`,
/// `2024-03-11T09:12:33Z`, `11-03-2024 09:12`, `11/03/2024`), as `YYYY-MM-DD HH:MM:SS`.
pub fn normalize_datetime(s: &str) -> Option<String> {
    let s = s.trim();
    let (date, time) = match s.find([' ', 'T']) {
        Some(i) => (&s[..i], s[i + 1..].trim_end_matches('Z')),
        None => (s, ""),
    };
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || y < 1970 {
        return None;
    }
    let mut hms = [0u8; 3];
    for (i, p) in time.split(':').take(3).enumerate() {
        hms[i] = p.get(..2.min(p.len()))?.parse().unwrap_or(0);
    }
    Some(format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
        hms[0], hms[1], hms[2]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_ignore_firmware_placeholders() {
        let id = Identity {
            deviceid: None,
            uuid: Some("03000200-0400-0500-0006-000700080009".into()),
            serial: Some("To Be Filled By O.E.M.".into()),
            host: Some("PC-01".into()),
        };
        assert_eq!(id.keys(Format::GlpiJson), vec!["host:glpi-json:pc-01"]);
        let id = Identity {
            deviceid: Some("PC-01-2024-03-11-09-12-33".into()),
            uuid: Some("4C4C4544-0042-3510-8048-B4C04F4E3132".into()),
            serial: Some("5B2HN32".into()),
            host: Some("PC-01".into()),
        };
        assert_eq!(id.keys(Format::GlpiJson).len(), 3);
    }

    #[test]
    fn dates_in_every_usual_form() {
        assert_eq!(
            normalize_datetime("2024-03-11 09:12:33").as_deref(),
            Some("2024-03-11 09:12:33")
        );
        assert_eq!(
            normalize_datetime("11-03-2024 09:12").as_deref(),
            Some("2024-03-11 09:12:00")
        );
        assert_eq!(
            normalize_datetime("2024-03-11T09:12:33Z").as_deref(),
            Some("2024-03-11 09:12:33")
        );
        assert_eq!(normalize_datetime("yesterday"), None);
        assert_eq!(
            parse_date("2025-10-14"),
            Some(Date {
                year: 2025,
                month: 10,
                day: 14
            })
        );
    }
}
