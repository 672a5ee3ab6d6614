//! GLPI inventories: the JSON format of GLPI Agent (glpi-project/inventory_format,
//! `inventory.schema.json`) and the XML of FusionInventory / older GLPI agents and OCS
//! Inventory (`<REQUEST><CONTENT>…</CONTENT><DEVICEID>…</DEVICEID></REQUEST>`, the same
//! sections in capitals). Both are read into the same records, then into a [`Machine`].
//!
//! Values are read leniently: agents write numbers as strings and the other way round,
//! and a missing section is simply unknown.

use crate::detect::os::OsFacts;
use crate::detect::{Installed, Key, SourceKind};
use crate::fleet::hardware::{cpu_64bit, family_of};
use crate::fleet::{Format, Hardware, Identity, Machine, ProblemKind, normalize_datetime};
use serde::{Deserialize, Deserializer};

/// Reads any JSON value as text (`text`) or as a whole number (`num`) without building
/// a `serde_json::Value` (inventories have thousands of fields).
struct Lenient {
    number: bool,
}

/// What [`Lenient`] gives: text, or a number.
enum Read {
    Text(Option<String>),
    Num(Option<u64>),
}

impl<'de> serde::de::Visitor<'de> for Lenient {
    type Value = Read;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string or a number")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Read, E> {
        Ok(if self.number {
            let t = v.trim();
            Read::Num(t.parse::<u64>().ok().or_else(|| {
                t.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite() && *f >= 0.0)
                    .map(|f| f as u64)
            }))
        } else {
            Read::Text(Some(v).filter(|s| !s.trim().is_empty()).map(str::to_owned))
        })
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Read, E> {
        Ok(if self.number {
            Read::Num(Some(v))
        } else {
            Read::Text(Some(v.to_string()))
        })
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Read, E> {
        Ok(if self.number {
            Read::Num(u64::try_from(v).ok())
        } else {
            Read::Text(Some(v.to_string()))
        })
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Read, E> {
        Ok(if self.number {
            Read::Num(
                Some(v)
                    .filter(|f| f.is_finite() && *f >= 0.0)
                    .map(|f| f as u64),
            )
        } else {
            Read::Text(Some(v.to_string()))
        })
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Read, E> {
        Ok(if self.number {
            Read::Num(None)
        } else {
            Read::Text(Some(v.to_string()))
        })
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Read, E> {
        Ok(if self.number {
            Read::Num(None)
        } else {
            Read::Text(None)
        })
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Read, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Read, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Read, A::Error> {
        while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        self.visit_unit()
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Read, A::Error> {
        while a
            .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
            .is_some()
        {}
        self.visit_unit()
    }
}

/// A string, whatever JSON type the agent used (numbers and booleans become text;
/// lists and objects, nothing).
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match d.deserialize_any(Lenient { number: false })? {
        Read::Text(t) => Ok(t),
        Read::Num(_) => Ok(None),
    }
}

/// A whole number, from a JSON number or a numeric string ("7908", "7908.0").
fn num<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match d.deserialize_any(Lenient { number: true })? {
        Read::Num(n) => Ok(n),
        Read::Text(_) => Ok(None),
    }
}

fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Bool(b) => Some(b),
        serde_json::Value::Number(n) => Some(n.as_u64() != Some(0)),
        serde_json::Value::String(s) => match s.trim().to_lowercase().as_str() {
            "1" | "true" | "yes" => Some(true),
            "0" | "false" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// Skips whatever value comes.
fn skip_seq<'de, A: serde::de::SeqAccess<'de>>(mut a: A) -> Result<(), A::Error> {
    while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
    Ok(())
}

/// One list item: an object read as `T`, anything else (a stray string) skipped.
struct Item<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = Item<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, a: A) -> Result<Item<T>, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(a))
                    .map(|t| Item(Some(t)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, a: A) -> Result<Item<T>, A::Error> {
                skip_seq(a).map(|_| Item(None))
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Item<T>, E> {
                Ok(Item(None))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A list of objects; `null`, a single object (some agents write one item so) or stray
/// items are accepted.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::new();
            while let Some(Item(item)) = a.next_element::<Item<T>>()? {
                out.extend(item);
            }
            Ok(out)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, a: A) -> Result<Vec<T>, A::Error> {
            T::deserialize(serde::de::value::MapAccessDeserializer::new(a)).map(|t| vec![t])
        }
        fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(V(std::marker::PhantomData))
}

/// The top of a GLPI inventory (and of any JSON file: it tells what the file is).
#[derive(Debug, Default, Deserialize)]
pub struct Inventory {
    #[serde(default, deserialize_with = "text")]
    pub deviceid: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub itemtype: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub action: Option<String>,
    #[serde(default, deserialize_with = "text")]
    pub query: Option<String>,
    #[serde(default)]
    pub content: Option<Content>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Content {
    pub hardware: Option<HardwareIn>,
    pub operatingsystem: Option<OsIn>,
    #[serde(deserialize_with = "list")]
    pub softwares: Vec<SoftwareIn>,
    #[serde(deserialize_with = "list")]
    pub cpus: Vec<CpuIn>,
    #[serde(deserialize_with = "list")]
    pub memories: Vec<MemoryIn>,
    #[serde(deserialize_with = "list")]
    pub storages: Vec<StorageIn>,
    #[serde(deserialize_with = "list")]
    pub drives: Vec<DriveIn>,
    pub bios: Option<BiosIn>,
    pub accesslog: Option<AccessLogIn>,
    #[serde(deserialize_with = "text")]
    pub versionclient: Option<String>,
}

/// `content.hardware` (with the OCS fields that stand in for `operatingsystem`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HardwareIn {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub uuid: Option<String>,
    /// Total memory in MB, as the system reports it.
    #[serde(deserialize_with = "num")]
    pub memory: Option<u64>,
    #[serde(deserialize_with = "text")]
    pub osname: Option<String>,
    #[serde(deserialize_with = "text")]
    pub osversion: Option<String>,
    #[serde(deserialize_with = "text")]
    pub processort: Option<String>,
    #[serde(deserialize_with = "text")]
    pub arch: Option<String>,
}

/// `content.operatingsystem`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OsIn {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub full_name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub version: Option<String>,
    #[serde(deserialize_with = "text")]
    pub kernel_name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub kernel_version: Option<String>,
    #[serde(deserialize_with = "text")]
    pub arch: Option<String>,
    #[serde(deserialize_with = "text")]
    pub install_date: Option<String>,
}

/// `content.softwares[]`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SoftwareIn {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    #[serde(deserialize_with = "text")]
    pub publisher: Option<String>,
    #[serde(deserialize_with = "text")]
    pub version: Option<String>,
    #[serde(deserialize_with = "text")]
    pub from: Option<String>,
    #[serde(deserialize_with = "text")]
    pub guid: Option<String>,
    #[serde(deserialize_with = "text")]
    pub system_category: Option<String>,
    #[serde(deserialize_with = "text")]
    pub release_type: Option<String>,
    #[serde(deserialize_with = "text")]
    pub folder: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CpuIn {
    #[serde(deserialize_with = "text")]
    pub name: Option<String>,
    /// OCS: the processor's name.
    #[serde(deserialize_with = "text", rename = "type")]
    pub kind: Option<String>,
    /// OCS: "64" or "32".
    #[serde(deserialize_with = "text")]
    pub cpuarch: Option<String>,
    #[serde(deserialize_with = "text")]
    pub arch: Option<String>,
    #[serde(deserialize_with = "text")]
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MemoryIn {
    /// MB.
    #[serde(deserialize_with = "num")]
    pub capacity: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StorageIn {
    /// MB.
    #[serde(deserialize_with = "num")]
    pub disksize: Option<u64>,
    #[serde(deserialize_with = "text")]
    pub interface: Option<String>,
    #[serde(deserialize_with = "text")]
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DriveIn {
    /// MB.
    #[serde(deserialize_with = "num")]
    pub total: Option<u64>,
    #[serde(deserialize_with = "text")]
    pub letter: Option<String>,
    #[serde(deserialize_with = "boolean")]
    pub systemdrive: Option<bool>,
    /// The mount point on Unix.
    #[serde(deserialize_with = "text")]
    #[serde(rename = "type")]
    pub mount: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BiosIn {
    #[serde(deserialize_with = "text")]
    pub ssn: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AccessLogIn {
    #[serde(deserialize_with = "text")]
    pub logdate: Option<String>,
}

/// Release types and categories that are updates or parts of the system, not programs
/// (the same rule as the Windows reader of `kitlibre scan`).
fn is_update_or_component(s: &SoftwareIn) -> bool {
    let lower = |o: &Option<String>| o.as_deref().map(|v| v.trim().to_lowercase());
    if let Some(rt) = lower(&s.release_type)
        && [
            "update",
            "security update",
            "hotfix",
            "service pack",
            "update rollup",
        ]
        .contains(&rt.as_str())
    {
        return true;
    }
    if lower(&s.system_category).is_some_and(|c| c == "system_component") {
        return true;
    }
    // Windows hotfixes listed by name only ("KB5034441").
    s.name.as_deref().is_some_and(|n| {
        let n = n.trim();
        n.len() <= 12
            && n.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("kb"))
            && n[2..].chars().all(|c| c.is_ascii_digit())
    })
}

/// Where on the machine the agent found a program (`from`), as a scan source.
fn source_of(from: Option<&str>, family: crate::detect::os::Family) -> SourceKind {
    use crate::detect::os::Family;
    match from.map(|f| f.trim().to_lowercase()).as_deref() {
        Some("registry" | "msi" | "wmi") => SourceKind::WindowsUninstall,
        Some("uwp" | "appx" | "msix") => SourceKind::WindowsMsix,
        Some("deb" | "dpkg") => SourceKind::Dpkg,
        Some("rpm") => SourceKind::Rpm,
        Some("flatpak") => SourceKind::FlatpakSystem,
        Some("snap") => SourceKind::Snap,
        Some("appimage") => SourceKind::AppImage,
        Some("mac" | "macos" | "app") => SourceKind::MacBundle,
        _ => match family {
            Family::Windows => SourceKind::WindowsUninstall,
            _ => SourceKind::Inventory,
        },
    }
}

/// A `{GUID}` as Windows writes an MSI ProductCode, upper case.
fn product_code(g: &str) -> Option<String> {
    let t = g.trim();
    let ok = t.len() == 38
        && t.is_ascii()
        && t.starts_with('{')
        && t.ends_with('}')
        && t[1..37].chars().enumerate().all(|(i, c)| {
            matches!(i, 8 | 13 | 18 | 23) == (c == '-') && (c == '-' || c.is_ascii_hexdigit())
        });
    ok.then(|| t.to_uppercase())
}

/// One software entry as an installed program.
pub fn program(s: &SoftwareIn, family: crate::detect::os::Family) -> Option<Installed> {
    if is_update_or_component(s) {
        return None;
    }
    let source = source_of(s.from.as_deref(), family);
    let name = s.name.as_deref()?;
    let mut p = Installed::new(name, source)?
        .publisher(s.publisher.as_deref())
        .version(s.version.as_deref())
        .location(s.folder.as_deref());
    let name = p.name.clone();
    match source {
        SourceKind::Dpkg | SourceKind::Rpm => p = p.key(Key::Package(name)),
        SourceKind::Snap => p = p.key(Key::Snap(name)),
        SourceKind::WindowsUninstall => {
            if let Some(code) = s.guid.as_deref().and_then(product_code) {
                p = p.key(Key::ProductCode(code));
            }
        }
        _ => {}
    }
    Some(p)
}

impl Inventory {
    /// Whether this JSON is a GLPI inventory at all.
    pub fn is_inventory(&self) -> bool {
        self.content.as_ref().is_some_and(|c| {
            self.deviceid.is_some()
                || c.hardware.is_some()
                || c.operatingsystem.is_some()
                || !c.softwares.is_empty()
                || c.versionclient.is_some()
        })
    }

    /// The machine, or why there is none.
    pub fn into_machine(self, format: Format, fallback_name: &str) -> Result<Machine, ProblemKind> {
        if let Some(t) = self.itemtype.as_deref()
            && !t.eq_ignore_ascii_case("computer")
        {
            return Err(ProblemKind::NotAComputer {
                itemtype: t.to_owned(),
            });
        }
        let Some(c) = self.content else {
            return Err(ProblemKind::NoMachine);
        };
        let hw = c.hardware.unwrap_or_default();
        let os_in = c.operatingsystem.unwrap_or_default();
        let long = os_in
            .full_name
            .clone()
            .or_else(|| hw.osname.clone())
            .or_else(|| match (&os_in.name, &os_in.version) {
                (Some(n), Some(v)) => Some(format!("{n} {v}")),
                _ => None,
            });
        let family = family_of(&[
            os_in.name.as_deref(),
            long.as_deref(),
            os_in.kernel_name.as_deref(),
        ]);
        let kernel = os_in
            .kernel_version
            .clone()
            .or_else(|| hw.osversion.clone());
        let cpu = c.cpus.first();
        let cpu_name = cpu
            .and_then(|c| c.name.clone().or_else(|| c.kind.clone()))
            .or_else(|| hw.processort.clone());
        let os_arch = os_in.arch.clone().or_else(|| hw.arch.clone());
        // Memory: the modules when listed (exact), else the system's figure.
        let modules: u64 = c.memories.iter().filter_map(|m| m.capacity).sum();
        let (memory_mb, memory_from_modules) = if modules > 0 {
            (Some(modules), true)
        } else {
            (hw.memory.filter(|m| *m > 0), false)
        };
        // Disk: the system drive (C:, or "/"), else the largest fixed disk.
        let system_drive = c
            .drives
            .iter()
            .find(|d| {
                d.systemdrive == Some(true)
                    || d.letter.as_deref().is_some_and(|l| {
                        let l = l.trim().to_ascii_lowercase();
                        l == "c:" || l == "c:/" || l == "c:\\"
                    })
                    || d.mount.as_deref() == Some("/")
            })
            .and_then(|d| d.total);
        let largest_disk = c
            .storages
            .iter()
            .filter(|s| {
                !s.interface
                    .as_deref()
                    .is_some_and(|i| i.eq_ignore_ascii_case("usb"))
                    && s.kind.as_deref().is_none_or(|k| {
                        let k = k.to_lowercase();
                        k.contains("disk") || k.contains("fixed") || k.is_empty()
                    })
            })
            .filter_map(|s| s.disksize)
            .max();
        // The physical disk holds the system partition: prefer it (partitions are
        // smaller than the disk).
        let disk_mb = largest_disk.or(system_drive).filter(|d| *d > 0);
        let os = OsFacts {
            family,
            name: os_in.name.clone(),
            version: os_in.version.clone().or_else(|| hw.osversion.clone()),
            long_version: long,
            kernel,
            arch: os_arch.clone(),
            memory_bytes: memory_mb.map(|m| m * 1024 * 1024),
            disk_total_bytes: disk_mb.map(|d| d * 1024 * 1024),
            cpu: cpu_name.clone(),
            ..OsFacts::unknown(family)
        };
        let hardware = Hardware {
            memory_mb,
            memory_from_modules,
            disk_mb,
            cpu_64bit: cpu_64bit(
                os_arch.as_deref(),
                cpu.and_then(|c| c.arch.as_deref().or(c.cpuarch.as_deref())),
                cpu.and_then(|c| c.description.as_deref()),
            ),
            cpu: cpu_name,
        };
        let programs: Vec<Installed> = c
            .softwares
            .iter()
            .filter_map(|s| program(s, family))
            .collect();
        let name = hw
            .name
            .clone()
            .or_else(|| {
                // GLPI device ids are "<host>-<YYYY>-<MM>-<DD>-<hh>-<mm>-<ss>".
                self.deviceid.as_deref().map(|d| {
                    let parts: Vec<&str> = d.rsplitn(7, '-').collect();
                    if parts.len() == 7
                        && parts[..6]
                            .iter()
                            .all(|p| p.chars().all(|c| c.is_ascii_digit()))
                    {
                        parts[6].to_owned()
                    } else {
                        d.to_owned()
                    }
                })
            })
            .unwrap_or_else(|| fallback_name.to_owned());
        if hw.name.is_none() && self.deviceid.is_none() && programs.is_empty() {
            return Err(ProblemKind::NoMachine);
        }
        Ok(Machine {
            identity: Identity {
                deviceid: self.deviceid,
                uuid: hw.uuid,
                serial: c.bios.and_then(|b| b.ssn),
                host: Some(name.clone()),
            },
            name,
            inventory_date: c
                .accesslog
                .and_then(|a| a.logdate)
                .and_then(|d| normalize_datetime(&d)),
            os,
            hardware,
            programs,
            format,
        })
    }
}

/// Sections of `<CONTENT>` the report reads; the others are skipped.
const XML_SECTIONS: [&str; 9] = [
    "hardware",
    "operatingsystem",
    "softwares",
    "cpus",
    "memories",
    "storages",
    "drives",
    "bios",
    "accesslog",
];

/// Reads an agent's XML inventory into the JSON records (the XML has the same tree in
/// capitals, one element per list item).
pub fn from_xml(xml: &str) -> Result<Inventory, ProblemKind> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut inv = Inventory::default();
    let mut content: Option<serde_json::Map<String, serde_json::Value>> = None;
    // The section being read (depth 3) and its fields.
    let mut section: Option<(String, serde_json::Map<String, serde_json::Value>)> = None;
    let mut field_text = String::new();
    let mut seen_root = false;
    let push_text = |stack: &[String], text: &str, field_text: &mut String| {
        if stack.len() == 4 || (stack.len() == 2 && stack[1] != "content") {
            field_text.push_str(text);
        }
    };
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                return Err(match e {
                    quick_xml::Error::Syntax(_)
                        if reader.buffer_position() as usize >= xml.len() =>
                    {
                        ProblemKind::Truncated
                    }
                    other => ProblemKind::InvalidXml {
                        detail: format!("{other} (byte {})", reader.error_position()),
                    },
                });
            }
        };
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).to_lowercase();
                if !seen_root {
                    seen_root = true;
                    if name != "request" {
                        return Err(ProblemKind::NotAnInventory {
                            found: format!("<{}>", name.to_uppercase()),
                        });
                    }
                }
                stack.push(name);
                field_text.clear();
                match stack.len() {
                    2 if stack[1] == "content" => content = Some(serde_json::Map::new()),
                    3 if stack[1] == "content" && XML_SECTIONS.contains(&stack[2].as_str()) => {
                        section = Some((stack[2].clone(), serde_json::Map::new()));
                    }
                    _ => {}
                }
            }
            Event::Empty(e) if !seen_root => {
                return Err(ProblemKind::NotAnInventory {
                    found: format!(
                        "<{}/>",
                        String::from_utf8_lossy(e.local_name().as_ref()).to_uppercase()
                    ),
                });
            }
            Event::Text(t) => {
                let s = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                push_text(&stack, &s, &mut field_text);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t.into_inner()).into_owned();
                push_text(&stack, &s, &mut field_text);
            }
            Event::GeneralRef(r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten()
                } else {
                    r.decode().ok().and_then(|n| {
                        quick_xml::escape::resolve_predefined_entity(&n)
                            .and_then(|s| s.chars().next())
                    })
                };
                if let Some(c) = c {
                    push_text(&stack, c.encode_utf8(&mut [0; 4]), &mut field_text);
                }
            }
            Event::End(_) => {
                match stack.len() {
                    4 => {
                        if let Some((_, fields)) = section.as_mut() {
                            let value = std::mem::take(&mut field_text);
                            fields
                                .entry(stack[3].clone())
                                .or_insert(serde_json::Value::String(value.trim().to_owned()));
                        }
                    }
                    3 => {
                        if let (Some((name, fields)), Some(content)) =
                            (section.take(), content.as_mut())
                        {
                            let value = serde_json::Value::Object(fields);
                            let lists = ["softwares", "cpus", "memories", "storages", "drives"];
                            if lists.contains(&name.as_str()) {
                                let entry = content
                                    .entry(name)
                                    .or_insert_with(|| serde_json::Value::Array(Vec::new()));
                                if let serde_json::Value::Array(a) = entry {
                                    a.push(value);
                                }
                            } else {
                                content.insert(name, value);
                            }
                        }
                    }
                    2 => {
                        let value = std::mem::take(&mut field_text).trim().to_owned();
                        match stack[1].as_str() {
                            "deviceid" if !value.is_empty() => inv.deviceid = Some(value),
                            "query" if !value.is_empty() => inv.query = Some(value),
                            "itemtype" if !value.is_empty() => inv.itemtype = Some(value),
                            _ => {}
                        }
                    }
                    _ => {}
                }
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(ProblemKind::Truncated);
    }
    if !seen_root {
        return Err(ProblemKind::NotAnInventory {
            found: String::new(),
        });
    }
    // OCS sends SNMP and other queries in the same envelope.
    if let Some(q) = inv.query.as_deref()
        && !q.eq_ignore_ascii_case("inventory")
    {
        return Err(ProblemKind::NotAnInventory {
            found: format!("QUERY {q}"),
        });
    }
    let Some(content) = content else {
        return Err(ProblemKind::NotAnInventory {
            found: "<REQUEST>".into(),
        });
    };
    inv.content = Some(
        serde_json::from_value(serde_json::Value::Object(content)).map_err(|e| {
            ProblemKind::NotAnInventory {
                found: e.to_string(),
            }
        })?,
    );
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_and_json_give_the_same_records() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<REQUEST><CONTENT>
  <HARDWARE><NAME>PC-01</NAME><MEMORY>3892</MEMORY><UUID>4C4C4544-0042</UUID></HARDWARE>
  <OPERATINGSYSTEM><FULL_NAME>Microsoft Windows 10 Professionnel</FULL_NAME>
    <KERNEL_VERSION>10.0.19045</KERNEL_VERSION><ARCH>64-bit</ARCH></OPERATINGSYSTEM>
  <SOFTWARES><NAME>Notepad++ (64-bit x64)</NAME><PUBLISHER>Notepad++ Team</PUBLISHER></SOFTWARES>
  <SOFTWARES><NAME>Tom &amp; Jerry &#233;dition</NAME><FROM>registry</FROM></SOFTWARES>
</CONTENT><DEVICEID>PC-01-2024-03-11-09-12-33</DEVICEID><QUERY>INVENTORY</QUERY></REQUEST>"#;
        let inv = from_xml(xml).expect("inventory");
        assert_eq!(inv.deviceid.as_deref(), Some("PC-01-2024-03-11-09-12-33"));
        let m = inv
            .into_machine(Format::InventoryXml, "x")
            .expect("machine");
        assert_eq!(m.name, "PC-01");
        assert_eq!(m.programs.len(), 2);
        assert_eq!(m.programs[1].name, "Tom & Jerry édition");
        assert_eq!(m.hardware.memory_mb, Some(3892));
        assert_eq!(m.hardware.cpu_64bit, Some(true));
        assert_eq!(
            crate::detect::os::windows_major(&m.os),
            Some(10),
            "{:?}",
            m.os
        );
    }

    #[test]
    fn broken_xml_is_told_apart() {
        assert_eq!(
            from_xml("<REQUEST><CONTENT><HARDWARE><NAME>PC").err(),
            Some(ProblemKind::Truncated)
        );
        assert!(matches!(
            from_xml("<html><body/></html>"),
            Err(ProblemKind::NotAnInventory { .. })
        ));
        assert!(matches!(
            from_xml("<REQUEST><CONTENT></HARDWARE></REQUEST>"),
            Err(ProblemKind::InvalidXml { .. })
        ));
    }

    #[test]
    fn guids_and_updates() {
        assert_eq!(
            product_code("{90160000-0011-0000-0000-0000000ff1ce}").as_deref(),
            Some("{90160000-0011-0000-0000-0000000FF1CE}")
        );
        assert_eq!(product_code("Mozilla Firefox 128.0 (x64 fr)"), None);
        // 38 bytes, braces, but not ASCII: no slicing inside a character.
        assert_eq!(product_code("{éééééééééééééééééé}"), None);
        let kb = SoftwareIn {
            name: Some("KB5034441".into()),
            ..SoftwareIn::default()
        };
        assert!(is_update_or_component(&kb));
    }
}
