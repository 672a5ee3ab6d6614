//! LibreOffice's default save format, set in the user's profile
//! (`registrymodifications.xcu`) by merging four items into it: the person's other
//! settings are kept as they are, a backup is made first, the write is atomic, and nothing
//! is written while LibreOffice runs (it rewrites the file when it closes).

use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const FILE: &str = "registrymodifications.xcu";

/// The organisation's choice of format for new documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DefaultFormat {
    /// OpenDocument (LibreOffice's own default), the format recommended by the French
    /// administration's interoperability framework.
    Odf,
    /// Word, Excel and PowerPoint formats, where a city's policy says so.
    Ooxml,
}

impl DefaultFormat {
    pub fn parse(s: &str) -> Option<DefaultFormat> {
        match s.to_ascii_lowercase().as_str() {
            "odf" | "opendocument" => Some(DefaultFormat::Odf),
            "ooxml" | "office" | "msoffice" => Some(DefaultFormat::Ooxml),
            _ => None,
        }
    }
}

const FACTORY: &str = "/org.openoffice.Setup/Office/Factories/org.openoffice.Setup:Factory";
const FILTER_PROP: &str = "ooSetupFactoryDefaultFilter";
const SAVE_PATH: &str = "/org.openoffice.Office.Common/Save/Document";
const WARN_PROP: &str = "WarnAlienFormat";

/// (document service, ODF filter, OOXML filter)
const FACTORIES: &[(&str, &str, &str)] = &[
    (
        "com.sun.star.text.TextDocument",
        "writer8",
        "MS Word 2007 XML",
    ),
    (
        "com.sun.star.sheet.SpreadsheetDocument",
        "calc8",
        "Calc MS Excel 2007 XML",
    ),
    (
        "com.sun.star.presentation.PresentationDocument",
        "impress8",
        "Impress MS PowerPoint 2007 XML",
    ),
];

fn factory_path(service: &str) -> String {
    format!("{FACTORY}['{service}']")
}

/// The items this module owns: (item path, property, value).
fn items(format: DefaultFormat) -> Vec<(String, &'static str, &'static str)> {
    let mut v: Vec<(String, &'static str, &'static str)> = FACTORIES
        .iter()
        .map(|(service, odf, ooxml)| {
            (
                factory_path(service),
                FILTER_PROP,
                match format {
                    DefaultFormat::Odf => *odf,
                    DefaultFormat::Ooxml => *ooxml,
                },
            )
        })
        .collect();
    // Keep the "Keep current format?" question for ODF; OOXML as a policy silences it.
    v.push((
        SAVE_PATH.to_owned(),
        WARN_PROP,
        match format {
            DefaultFormat::Odf => "true",
            DefaultFormat::Ooxml => "false",
        },
    ));
    v
}

fn is_ours(path: &str, prop: &str) -> bool {
    (prop == FILTER_PROP && FACTORIES.iter().any(|(s, _, _)| factory_path(s) == path))
        || (prop == WARN_PROP && path == SAVE_PATH)
}

/// What the profile says today.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Current {
    /// The default filter for text documents, spreadsheets, presentations (None: the
    /// shipped default, ODF).
    pub text: Option<String>,
    pub spreadsheet: Option<String>,
    pub presentation: Option<String>,
    /// Whether LibreOffice asks "Keep current format?" when saving in another format
    /// (None: the shipped default, yes).
    pub warn_alien_format: Option<bool>,
}

impl Current {
    /// The format as a whole, when all three agree.
    pub fn format(&self) -> Option<DefaultFormat> {
        let all = [&self.text, &self.spreadsheet, &self.presentation];
        let is = |i: usize, f: DefaultFormat| {
            let (_, odf, ooxml) = FACTORIES[i];
            match (all[i], f) {
                (None, DefaultFormat::Odf) => true,
                (None, DefaultFormat::Ooxml) => false,
                (Some(v), DefaultFormat::Odf) => v == odf,
                (Some(v), DefaultFormat::Ooxml) => v == ooxml,
            }
        };
        [DefaultFormat::Odf, DefaultFormat::Ooxml]
            .into_iter()
            .find(|f| (0..3).all(|i| is(i, *f)))
    }
}

/// A profile file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum XcuError {
    #[error("the settings file is not valid XML: {0}")]
    Invalid(String),
    #[error("LibreOffice is open")]
    Running,
    #[error("cannot write {0}: {1}")]
    Write(PathBuf, std::io::Error),
}

impl XcuError {
    pub fn message(&self, lang: crate::catalog::model::Lang) -> String {
        use crate::t;
        match self {
            XcuError::Invalid(d) => t!(lang, "docs-xcu-invalid", detail = d.clone()),
            XcuError::Running => t!(lang, "docs-xcu-running"),
            XcuError::Write(p, e) => t!(
                lang,
                "docs-error-cannot-create",
                path = p.display().to_string(),
                detail = e.to_string()
            ),
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.as_ref() == name).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

/// Reads the current default formats from the file's text.
pub fn read(xml: &str) -> Result<Current, XcuError> {
    let mut cur = Current::default();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path = String::new();
    let mut prop = String::new();
    let mut in_value = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"item" => path = attr(&e, b"oor:path").unwrap_or_default(),
                b"prop" => prop = attr(&e, b"oor:name").unwrap_or_default(),
                b"value" => in_value = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_value && prop == FILTER_PROP => {
                let v = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                for (i, (service, _, _)) in FACTORIES.iter().enumerate() {
                    if path == factory_path(service) {
                        let slot = match i {
                            0 => &mut cur.text,
                            1 => &mut cur.spreadsheet,
                            _ => &mut cur.presentation,
                        };
                        *slot = Some(v.clone());
                    }
                }
            }
            Ok(Event::Text(t)) if in_value && prop == WARN_PROP && path == SAVE_PATH => {
                let v = t.decode().map(|c| c.into_owned()).unwrap_or_default();
                cur.warn_alien_format = Some(v.trim() == "true");
            }
            Ok(Event::End(e)) if e.name().as_ref() == b"value" => in_value = false,
            Ok(Event::Eof) => break,
            Err(e) => return Err(XcuError::Invalid(e.to_string())),
            _ => {}
        }
    }
    Ok(cur)
}

const EMPTY: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n</oor:items>\n";

fn write_item(
    w: &mut quick_xml::Writer<Vec<u8>>,
    path: &str,
    prop: &str,
    value: &str,
) -> std::io::Result<()> {
    let mut item = BytesStart::new("item");
    item.push_attribute(("oor:path", path));
    w.write_event(Event::Start(item))?;
    let mut p = BytesStart::new("prop");
    p.push_attribute(("oor:name", prop));
    p.push_attribute(("oor:op", "fuse"));
    w.write_event(Event::Start(p))?;
    w.write_event(Event::Start(BytesStart::new("value")))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new("value")))?;
    w.write_event(Event::End(BytesEnd::new("prop")))?;
    w.write_event(Event::End(BytesEnd::new("item")))?;
    w.write_event(Event::Text(BytesText::new("\n")))?;
    Ok(())
}

/// The file's new text: every item kept as it was, except the default-format items,
/// which are replaced. `xml` is `None` when the profile has no such file yet.
pub fn merge(xml: Option<&str>, format: DefaultFormat) -> Result<String, XcuError> {
    let xml = xml.filter(|x| !x.trim().is_empty()).unwrap_or(EMPTY);
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut w = quick_xml::Writer::new(Vec::new());
    let io = |e: std::io::Error| XcuError::Invalid(e.to_string());
    // An <item> is held back until its <prop> says whether it is one of ours.
    let mut held: Option<(Vec<Event<'static>>, String, Option<String>)> = None;
    let mut depth_items = 0usize;
    let mut inserted = false;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| XcuError::Invalid(e.to_string()))?;
        match &ev {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"oor:items" => depth_items += 1,
            Event::End(e) if e.name().as_ref() == b"oor:items" => {
                depth_items = depth_items.saturating_sub(1);
                if depth_items == 0 && !inserted {
                    for (path, prop, value) in items(format) {
                        write_item(&mut w, &path, prop, value).map_err(io)?;
                    }
                    inserted = true;
                }
            }
            _ => {}
        }
        if let Some((events, _, prop)) = held.as_mut() {
            if let Event::Start(e) | Event::Empty(e) = &ev
                && e.name().as_ref() == b"prop"
                && prop.is_none()
            {
                *prop = attr(e, b"oor:name");
            }
            let end_of_item = matches!(&ev, Event::End(e) if e.name().as_ref() == b"item");
            events.push(ev.into_owned());
            if end_of_item {
                let (events, path, prop) = held.take().expect("held item");
                let drop = prop.as_deref().is_some_and(|p| is_ours(&path, p));
                if !drop {
                    for e in events {
                        w.write_event(e).map_err(io)?;
                    }
                }
            }
            continue;
        }
        match &ev {
            Event::Start(e) if e.name().as_ref() == b"item" => {
                let path = attr(e, b"oor:path").unwrap_or_default();
                held = Some((vec![ev.into_owned()], path, None));
            }
            _ => w.write_event(ev).map_err(io)?,
        }
    }
    if held.is_some() || !inserted {
        return Err(XcuError::Invalid("no closing </oor:items>".to_owned()));
    }
    let out = String::from_utf8(w.into_inner()).map_err(|e| XcuError::Invalid(e.to_string()))?;
    // Items dropped leave their line break behind: remove the blank lines this makes.
    Ok(out
        .split_inclusive('\n')
        .filter(|line| !line.trim().is_empty())
        .collect())
}

/// The LibreOffice profiles of this user that exist (native and Flatpak), or the native
/// one's place when none exists yet.
pub fn profiles() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(base) = directories::BaseDirs::new() {
        let native = if cfg!(windows) {
            base.config_dir().join("LibreOffice").join("4").join("user")
        } else {
            base.config_dir().join("libreoffice").join("4").join("user")
        };
        let flatpak = base
            .home_dir()
            .join(".var/app/org.libreoffice.LibreOffice/config/libreoffice/4/user");
        if native.is_dir() || !flatpak.is_dir() {
            out.push(native);
        }
        if flatpak.is_dir() {
            out.push(flatpak);
        }
    }
    out
}

/// Whether a LibreOffice program runs for this user now, on a profile of its own (runs
/// with a throwaway profile, such as the kit's conversions, do not count: they never
/// touch the person's settings; nor do other users' programs).
pub fn libreoffice_running() -> bool {
    use sysinfo::{ProcessRefreshKind, RefreshKind, System, UpdateKind};
    let Ok(sys) = System::new_with_specifics(
        RefreshKind::nothing().with_processes(
            ProcessRefreshKind::nothing()
                .with_user(UpdateKind::OnlyIfNotSet)
                .with_cmd(UpdateKind::OnlyIfNotSet),
        ),
    ) else {
        return false;
    };
    let me = sysinfo::get_current_pid()
        .ok()
        .and_then(|pid| sys.process(pid))
        .and_then(|p| p.user_id().cloned());
    sys.processes().values().any(|p| {
        let name = p.name().to_string_lossy().to_ascii_lowercase();
        let office = matches!(
            name.as_str(),
            "soffice.bin" | "soffice.exe" | "soffice" | "soffice.com"
        );
        let mine = me.is_none() || p.user_id() == me.as_ref();
        let private = p
            .cmd()
            .iter()
            .any(|a| a.to_string_lossy().starts_with("-env:UserInstallation="));
        office && mine && !private
    })
}

/// What `apply` did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Applied {
    pub file: PathBuf,
    /// The copy of the file as it was (none when there was no file).
    pub backup: Option<PathBuf>,
    /// Nothing to change: the profile already said so.
    pub unchanged: bool,
}

/// Sets the default format in one profile folder. `running` says whether LibreOffice is
/// open (then nothing is written).
pub fn apply(profile: &Path, format: DefaultFormat, running: bool) -> Result<Applied, XcuError> {
    let file = profile.join(FILE);
    let before = match std::fs::read(&file) {
        Ok(b) => Some(String::from_utf8(b).map_err(|e| XcuError::Invalid(e.to_string()))?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(XcuError::Write(file, e)),
    };
    if let Some(text) = &before {
        let cur = read(text)?;
        let warn_ok = match format {
            DefaultFormat::Odf => cur.warn_alien_format != Some(false),
            DefaultFormat::Ooxml => cur.warn_alien_format == Some(false),
        };
        if cur.format() == Some(format) && warn_ok {
            return Ok(Applied {
                file,
                backup: None,
                unchanged: true,
            });
        }
    }
    if running {
        return Err(XcuError::Running);
    }
    let merged = merge(before.as_deref(), format)?;
    std::fs::create_dir_all(profile).map_err(|e| XcuError::Write(profile.to_path_buf(), e))?;
    let backup = match &before {
        Some(text) => {
            let stamp = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or_default();
            // Never replace an earlier backup (two changes in the same second).
            let b = (1..)
                .map(|n| match n {
                    1 => profile.join(format!("{FILE}.kitlibre-{stamp}.bak")),
                    n => profile.join(format!("{FILE}.kitlibre-{stamp}-{n}.bak")),
                })
                .find(|b| !b.exists())
                .unwrap_or_else(|| profile.join(format!("{FILE}.kitlibre-{stamp}-last.bak")));
            crate::settings::write_atomic(&b, text.as_bytes())
                .map_err(|e| XcuError::Write(b.clone(), std::io::Error::other(e.to_string())))?;
            Some(b)
        }
        None => None,
    };
    crate::settings::write_atomic(&file, merged.as_bytes())
        .map_err(|e| XcuError::Write(file.clone(), std::io::Error::other(e.to_string())))?;
    Ok(Applied {
        file,
        backup,
        unchanged: false,
    })
}
