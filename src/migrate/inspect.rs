//! Reading one document: its real format (by content, not by name) and what matters for a
//! move to LibreOffice. ZIP packages (OOXML, OpenDocument) through `zip` and `quick-xml`,
//! Office 97–2003 binary files and encrypted OOXML through `cfb`. Every read is bounded,
//! so a hostile or damaged file costs little and never panics.

use super::{Container, Family, Format, Readiness, family_of_extension, is_template_extension};
use quick_xml::events::{BytesStart, Event};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

/// The largest XML part read from a package (bytes, after decompression).
const MAX_PART: u64 = 64 * 1024 * 1024;
/// The most slides or sheets looked into for fonts.
const MAX_PARTS_FOR_FONTS: usize = 400;
/// The most bytes read from all the XML parts of one package together (after
/// decompression). Without it, a package whose central directory points hundreds of entries
/// at one highly compressed part made the reading of a 200 KB file last minutes; past it, the
/// parts not yet read are left out, as is the rest of a part larger than `MAX_PART`.
const MAX_PACKAGE_XML: u64 = 256 * 1024 * 1024;

/// A ZIP package being read, and how many more bytes of XML may be read from it.
struct Package<R: Read + Seek> {
    zip: zip::ZipArchive<R>,
    left: u64,
}

/// What kind of macros a document holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MacroKind {
    /// Visual Basic for Applications.
    Vba,
    /// Excel 4.0 macro sheets (XLM).
    Xlm,
    /// LibreOffice Basic or scripts, already in an OpenDocument file.
    LibreOffice,
}

/// Something found in a document that matters for the move.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Finding {
    /// The file is empty (0 bytes).
    Empty,
    /// The content is not an office document, whatever its name says.
    NotADocument,
    /// The file is damaged or cut short.
    Damaged { detail: String },
    /// Protected by a password: it cannot be opened or converted without it.
    Encrypted,
    /// Macros, which LibreOffice keeps but may not run.
    Macros { kind: MacroKind },
    /// ActiveX controls (buttons, fields), which LibreOffice does not run.
    ActiveX,
    /// Attached to a template other than the default one.
    AttachedTemplate { target: String },
    /// A mail merge and its data source.
    MailMerge { source: String },
    /// Links to other workbooks.
    ExternalLinks { targets: Vec<String> },
    /// Connections to databases or other data sources.
    DataConnections { count: usize },
    /// Pivot tables.
    PivotTables { count: usize },
    /// Embedded objects (another document inside this one).
    EmbeddedObjects { count: usize },
    /// Office 97–2003 format: fonts, templates and links are not read from it.
    OlderFormat,
    /// A template: becomes a LibreOffice template.
    Template,
    /// The name says one format, the content another.
    ExtensionMismatch { real: String },
    /// A font used, with a metric-compatible free font that is not installed here.
    FontToInstall { font: String, substitute: String },
    /// A font used that has no metric-compatible free font and is not installed here.
    FontWithoutEquivalent { font: String },
    /// A font used that is not installed here.
    FontMissing { font: String },
    /// Another program holds the file open without sharing it (Word does, on Windows):
    /// it cannot be read until that program closes it.
    InUse,
    /// Reading the file is not allowed to this user.
    NoAccess,
    /// An owner file beside it (`~$port.docx`, `.~lock.rapport.odt#`) says the document is
    /// open in Office or LibreOffice now, or was when the program stopped: what is not
    /// saved will not be in the copy.
    OpenElsewhere,
}

impl Finding {
    /// How much this finding weighs on the document's readiness.
    pub fn level(&self) -> Readiness {
        use Finding::*;
        match self {
            Empty
            | NotADocument
            | Damaged { .. }
            | Encrypted
            | InUse
            | NoAccess
            | ActiveX
            | AttachedTemplate { .. }
            | MailMerge { .. }
            | DataConnections { .. } => Readiness::NeedsWork,
            Macros { kind } => match kind {
                MacroKind::LibreOffice => Readiness::Check,
                MacroKind::Vba | MacroKind::Xlm => Readiness::NeedsWork,
            },
            ExternalLinks { .. }
            | PivotTables { .. }
            | EmbeddedObjects { .. }
            | OlderFormat
            | Template
            | FontToInstall { .. }
            | FontWithoutEquivalent { .. }
            | FontMissing { .. }
            | OpenElsewhere => Readiness::Check,
            ExtensionMismatch { .. } => Readiness::Ready,
        }
    }

    /// Whether the file cannot be opened at all (nothing to convert).
    pub fn blocks_conversion(&self) -> bool {
        matches!(
            self,
            Finding::Empty
                | Finding::NotADocument
                | Finding::Damaged { .. }
                | Finding::Encrypted
                | Finding::InUse
                | Finding::NoAccess
        )
    }
}

/// What reading one file gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inspection {
    /// The real format, when the content could be recognised.
    pub format: Option<Format>,
    pub findings: Vec<Finding>,
    /// Font families the document uses for its text (not yet checked against this machine).
    pub fonts: BTreeSet<String>,
}

impl Inspection {
    fn only(finding: Finding) -> Inspection {
        Inspection {
            findings: vec![finding],
            ..Inspection::default()
        }
    }
}

/// Reads one file. Its extension tells the family of encrypted OOXML (which only the name
/// tells) and whether the name lies about the content.
pub fn inspect(path: &Path) -> std::io::Result<Inspection> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let file = File::open(path)?;
    if file.metadata()?.len() == 0 {
        return Ok(Inspection::only(Finding::Empty));
    }
    inspect_reader(BufReader::new(file), &ext)
}

/// Reads one document from any seekable reader (what [`inspect`] does once the file is
/// open); `ext` is the lower-case extension of its name, without the dot, or "". Public so
/// the fuzz targets and regression tests can feed bytes without a file.
pub fn inspect_reader<R: Read + Seek>(mut reader: R, ext: &str) -> std::io::Result<Inspection> {
    let mut head = [0u8; 8];
    let n = read_up_to(&mut reader, &mut head)?;
    if n == 0 {
        return Ok(Inspection::only(Finding::Empty));
    }
    reader.rewind()?;
    let head = &head[..n];
    let mut result = if head.starts_with(b"PK\x03\x04") {
        inspect_zip(reader)
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        inspect_cfb(reader, ext)
    } else if head.starts_with(b"{\\rtf") {
        Inspection {
            format: Some(Format::new(Family::Text, Container::Rtf, false, "rtf")),
            ..Inspection::default()
        }
    } else if head.starts_with(b"PK") || (n < 8 && is_prefix_of_magic(head)) {
        Inspection::only(Finding::Damaged {
            detail: "truncated".to_owned(),
        })
    } else {
        Inspection::only(Finding::NotADocument)
    };
    if let Some(format) = result.format {
        if format.template && !result.findings.contains(&Finding::Template) {
            result.findings.push(Finding::Template);
        }
        if !ext.is_empty() && !extension_fits(ext, &format) {
            result.findings.push(Finding::ExtensionMismatch {
                real: format.extension.to_owned(),
            });
        }
    }
    result.findings.sort();
    result.findings.dedup();
    Ok(result)
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn is_prefix_of_magic(head: &[u8]) -> bool {
    let zip: &[u8] = b"PK\x03\x04";
    let cfb: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    !head.is_empty() && (zip.starts_with(head) || cfb.starts_with(head))
}

/// Whether a file's extension suits its real format (.doc for an RTF is a lie; .xlsm for
/// an .xlsx without macros is fine).
fn extension_fits(ext: &str, format: &Format) -> bool {
    if format.container == Container::EncryptedOoxml {
        return true;
    }
    let same_family = family_of_extension(ext) == Some(format.family);
    let ext_container = match ext {
        "doc" | "dot" | "xls" | "xlt" | "ppt" | "pps" | "pot" => Container::Binary,
        "rtf" => Container::Rtf,
        "odt" | "ods" | "odp" | "odg" | "ott" | "ots" | "otp" => Container::Odf,
        _ => Container::Ooxml,
    };
    same_family && ext_container == format.container
}

// ---------------------------------------------------------------------------------------
// ZIP packages: OOXML and OpenDocument

fn inspect_zip<R: Read + Seek>(reader: R) -> Inspection {
    let mut zip = match zip::ZipArchive::new(reader) {
        Ok(zip) => Package {
            zip,
            left: MAX_PACKAGE_XML,
        },
        Err(e) => {
            return Inspection::only(Finding::Damaged {
                detail: e.to_string(),
            });
        }
    };
    let names: Vec<String> = zip
        .zip
        .file_names()
        .filter_map(|n| n.ok().map(|c| c.into_owned()))
        .collect();
    if names.iter().any(|n| n == "mimetype") {
        return inspect_odf(&mut zip, &names);
    }
    if names.iter().any(|n| n == "[Content_Types].xml") {
        return inspect_ooxml(&mut zip, &names);
    }
    Inspection::only(Finding::NotADocument)
}

/// Streams the start tags of an XML part to `f` (element local name, element).
fn scan_part<R: Read + Seek>(
    zip: &mut Package<R>,
    name: &str,
    f: &mut dyn FnMut(&[u8], &BytesStart<'_>),
) -> Result<bool, String> {
    if zip.left == 0 {
        return Err(format!("more than {MAX_PACKAGE_XML} bytes of XML"));
    }
    let entry = match zip.zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(false),
        Err(e) => return Err(e.to_string()),
    };
    let cap = MAX_PART.min(zip.left);
    let mut part = entry.take(cap);
    let scanned = scan_xml(BufReader::new(&mut part), f);
    zip.left -= cap - part.limit();
    scanned?;
    Ok(true)
}

fn scan_xml(reader: impl BufRead, f: &mut dyn FnMut(&[u8], &BytesStart<'_>)) -> Result<(), String> {
    let mut reader = quick_xml::Reader::from_reader(reader);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let local = e.local_name();
                f(local.as_ref(), &e);
            }
            Ok(Event::Eof) => return Ok(()),
            Err(e) => return Err(e.to_string()),
            _ => {}
        }
        buf.clear();
    }
}

/// An attribute by local name (namespace prefixes vary between producers).
fn attr(e: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
    })
}

/// A relationships part: id -> target.
fn relationships<R: Read + Seek>(zip: &mut Package<R>, name: &str) -> HashMap<String, String> {
    let mut rels = HashMap::new();
    let _ = scan_part(zip, name, &mut |local, e| {
        if local == b"Relationship"
            && let (Some(id), Some(target)) = (attr(e, b"Id"), attr(e, b"Target"))
        {
            rels.insert(id, target);
        }
    });
    rels
}

fn ooxml_format(content_type: &str) -> Option<Format> {
    use Container::Ooxml as O;
    use Family::*;
    let ct = content_type.trim();
    let f = match ct {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" => {
            Format::new(Text, O, false, "docx")
        }
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml" => {
            Format::new(Text, O, true, "dotx")
        }
        "application/vnd.ms-word.document.macroEnabled.main+xml" => {
            Format::new(Text, O, false, "docm")
        }
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml" => {
            Format::new(Text, O, true, "dotm")
        }
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" => {
            Format::new(Spreadsheet, O, false, "xlsx")
        }
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml" => {
            Format::new(Spreadsheet, O, true, "xltx")
        }
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml" => {
            Format::new(Spreadsheet, O, false, "xlsm")
        }
        "application/vnd.ms-excel.template.macroEnabled.main+xml" => {
            Format::new(Spreadsheet, O, true, "xltm")
        }
        "application/vnd.ms-excel.sheet.binary.macroEnabled.main" => {
            Format::new(Spreadsheet, O, false, "xlsb")
        }
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml" => {
            Format::new(Presentation, O, false, "pptx")
        }
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml" => {
            Format::new(Presentation, O, false, "ppsx")
        }
        "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml" => {
            Format::new(Presentation, O, true, "potx")
        }
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml" => {
            Format::new(Presentation, O, false, "pptm")
        }
        "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml" => {
            Format::new(Presentation, O, false, "ppsm")
        }
        "application/vnd.ms-powerpoint.template.macroEnabled.main+xml" => {
            Format::new(Presentation, O, true, "potm")
        }
        _ => return None,
    };
    Some(f)
}

fn inspect_ooxml<R: Read + Seek>(zip: &mut Package<R>, names: &[String]) -> Inspection {
    let mut format = None;
    if let Err(detail) = scan_part(zip, "[Content_Types].xml", &mut |local, e| {
        if format.is_none()
            && local == b"Override"
            && let Some(ct) = attr(e, b"ContentType")
        {
            format = ooxml_format(&ct);
        }
    }) {
        return Inspection::only(Finding::Damaged { detail });
    }
    // Producers that write odd content types: fall back on the main part's name.
    let has = |n: &str| names.iter().any(|x| x == n);
    let format = format.or_else(|| {
        use Container::Ooxml as O;
        if has("word/document.xml") {
            Some(Format::new(Family::Text, O, false, "docx"))
        } else if has("xl/workbook.xml") {
            Some(Format::new(Family::Spreadsheet, O, false, "xlsx"))
        } else if has("xl/workbook.bin") {
            Some(Format::new(Family::Spreadsheet, O, false, "xlsb"))
        } else if has("ppt/presentation.xml") {
            Some(Format::new(Family::Presentation, O, false, "pptx"))
        } else {
            None
        }
    });
    let Some(format) = format else {
        return Inspection::only(Finding::NotADocument);
    };
    let mut out = Inspection {
        format: Some(format),
        ..Inspection::default()
    };
    let lower: Vec<String> = names.iter().map(|n| n.to_ascii_lowercase()).collect();
    if lower.iter().any(|n| n.ends_with("vbaproject.bin")) {
        out.findings.push(Finding::Macros {
            kind: MacroKind::Vba,
        });
    }
    if lower.iter().any(|n| n.starts_with("xl/macrosheets/")) {
        out.findings.push(Finding::Macros {
            kind: MacroKind::Xlm,
        });
    }
    if lower.iter().any(|n| n.contains("/activex/")) {
        out.findings.push(Finding::ActiveX);
    }
    let embedded = lower
        .iter()
        .filter(|n| n.contains("/embeddings/") && !n.ends_with('/'))
        .count();
    if embedded > 0 {
        out.findings
            .push(Finding::EmbeddedObjects { count: embedded });
    }
    match format.family {
        Family::Text => inspect_word(zip, names, &mut out),
        Family::Spreadsheet => inspect_excel(zip, names, &mut out),
        Family::Presentation => inspect_powerpoint(zip, names, &mut out),
        Family::Drawing => {}
    }
    out
}

/// Theme fonts: (major, minor) Latin typefaces.
fn theme_fonts<R: Read + Seek>(
    zip: &mut Package<R>,
    name: &str,
) -> (Option<String>, Option<String>) {
    let mut major = None;
    let mut minor = None;
    let mut in_major = None::<bool>;
    let _ = scan_part(zip, name, &mut |local, e| match local {
        b"majorFont" => in_major = Some(true),
        b"minorFont" => in_major = Some(false),
        b"latin" => {
            if let (Some(m), Some(face)) = (in_major, attr(e, b"typeface")) {
                let slot = if m { &mut major } else { &mut minor };
                if slot.is_none() && !face.is_empty() {
                    *slot = Some(face);
                }
            }
        }
        _ => {}
    });
    (major, minor)
}

fn add_font(fonts: &mut BTreeSet<String>, name: &str) {
    let name = name.trim().trim_matches('\'').trim_matches('"').trim();
    // Theme placeholders (+mn-lt) and empty names are not fonts.
    if !name.is_empty() && !name.starts_with('+') && name.len() < 128 {
        fonts.insert(name.to_owned());
    }
}

fn is_default_template(target: &str) -> bool {
    let file = target
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(target)
        .to_ascii_lowercase();
    matches!(file.as_str(), "normal.dotm" | "normal.dot" | "normal")
}

fn inspect_word<R: Read + Seek>(zip: &mut Package<R>, _names: &[String], out: &mut Inspection) {
    // Attached template and mail merge, from the settings part and its relationships.
    let settings_rels = relationships(zip, "word/_rels/settings.xml.rels");
    let mut template_id = None;
    let mut merge_source_id = None;
    let mut merge = false;
    let mut connect = None;
    let mut in_merge = false;
    let _ = scan_part(zip, "word/settings.xml", &mut |local, e| match local {
        b"attachedTemplate" => template_id = attr(e, b"id"),
        b"mailMerge" => {
            merge = true;
            in_merge = true;
        }
        b"dataSource" if in_merge => merge_source_id = attr(e, b"id"),
        b"connectString" if in_merge => connect = attr(e, b"val"),
        _ => {}
    });
    if let Some(target) = template_id.and_then(|id| settings_rels.get(&id).cloned())
        && !is_default_template(&target)
    {
        out.findings.push(Finding::AttachedTemplate {
            target: clean_target(&target),
        });
    }
    if merge {
        let source = merge_source_id
            .and_then(|id| settings_rels.get(&id).cloned())
            .map(|t| clean_target(&t))
            .or_else(|| connect.as_deref().and_then(data_source_of))
            .unwrap_or_default();
        out.findings.push(Finding::MailMerge { source });
    }
    // A template named in the document properties, when settings did not name one.
    if !out
        .findings
        .iter()
        .any(|f| matches!(f, Finding::AttachedTemplate { .. }))
    {
        let mut in_template = false;
        let mut template = String::new();
        if let Ok(entry) = zip.zip.by_name("docProps/app.xml") {
            let mut reader = quick_xml::Reader::from_reader(BufReader::new(entry.take(MAX_PART)));
            let mut buf = Vec::new();
            loop {
                match reader.read_event_into(&mut buf) {
                    Ok(Event::Start(e)) => in_template = e.local_name().as_ref() == b"Template",
                    Ok(Event::Text(t)) if in_template => {
                        template.push_str(&t.decode().unwrap_or_default());
                    }
                    Ok(Event::End(_)) => in_template = false,
                    Ok(Event::Eof) | Err(_) => break,
                    _ => {}
                }
                buf.clear();
            }
        }
        let template = template.trim();
        if !template.is_empty() && !is_default_template(template) {
            out.findings.push(Finding::AttachedTemplate {
                target: template.to_owned(),
            });
        }
    }
    // Fonts: explicit fonts on styles and text, and the theme fonts they refer to.
    let (major, minor) = theme_fonts(zip, "word/theme/theme1.xml");
    for part in ["word/styles.xml", "word/document.xml"] {
        let fonts = &mut out.fonts;
        let _ = scan_part(zip, part, &mut |local, e| {
            if local == b"rFonts" {
                for a in [&b"ascii"[..], b"hAnsi"] {
                    if let Some(v) = attr(e, a) {
                        add_font(fonts, &v);
                    }
                }
                for a in [&b"asciiTheme"[..], b"hAnsiTheme"] {
                    match attr(e, a).as_deref() {
                        Some(t) if t.starts_with("major") => {
                            if let Some(m) = &major {
                                add_font(fonts, m);
                            }
                        }
                        Some(t) if t.starts_with("minor") => {
                            if let Some(m) = &minor {
                                add_font(fonts, m);
                            }
                        }
                        _ => {}
                    }
                }
            }
        });
    }
}

/// The file a mail-merge connection string points at (`Data Source=C:\...;`).
fn data_source_of(connect: &str) -> Option<String> {
    connect.split(';').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("Data Source")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Relationship targets are URLs (`file:///\\server\share\x.dotm`): show them as paths.
fn clean_target(target: &str) -> String {
    let t = target.trim();
    let t = t.strip_prefix("file:///").unwrap_or(t);
    let t = t.strip_prefix("file://").unwrap_or(t);
    percent_decode(t)
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn inspect_excel<R: Read + Seek>(zip: &mut Package<R>, names: &[String], out: &mut Inspection) {
    // Links to other workbooks: each external link part and its relationship target.
    let mut targets = BTreeSet::new();
    let links: Vec<String> = names
        .iter()
        .filter(|n| {
            n.starts_with("xl/externalLinks/")
                && !n.contains("/_rels/")
                && (n.ends_with(".xml") || n.ends_with(".bin"))
        })
        .cloned()
        .collect();
    for link in &links {
        let file = link.rsplit('/').next().unwrap_or_default();
        let rels = relationships(zip, &format!("xl/externalLinks/_rels/{file}.rels"));
        for t in rels.values() {
            targets.insert(clean_target(t));
        }
    }
    if !links.is_empty() {
        out.findings.push(Finding::ExternalLinks {
            targets: targets.into_iter().collect(),
        });
    }
    let pivots = names
        .iter()
        .filter(|n| {
            n.starts_with("xl/pivotTables/")
                && !n.contains("/_rels/")
                && (n.ends_with(".xml") || n.ends_with(".bin"))
        })
        .count();
    if pivots > 0 {
        out.findings.push(Finding::PivotTables { count: pivots });
    }
    let mut connections = 0;
    let found = scan_part(zip, "xl/connections.xml", &mut |local, _| {
        if local == b"connection" {
            connections += 1;
        }
    });
    if names.iter().any(|n| n == "xl/connections.bin") {
        connections = connections.max(1);
    }
    if connections > 0 || found == Ok(true) {
        out.findings.push(Finding::DataConnections {
            count: connections.max(1),
        });
    }
    let fonts = &mut out.fonts;
    let mut in_font = false;
    let _ = scan_part(zip, "xl/styles.xml", &mut |local, e| match local {
        b"font" => in_font = true,
        b"name" if in_font => {
            if let Some(v) = attr(e, b"val") {
                add_font(fonts, &v);
            }
        }
        b"fills" | b"borders" | b"cellXfs" => in_font = false,
        _ => {}
    });
}

fn inspect_powerpoint<R: Read + Seek>(
    zip: &mut Package<R>,
    names: &[String],
    out: &mut Inspection,
) {
    let themes: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("ppt/theme/") && n.ends_with(".xml"))
        .cloned()
        .collect();
    // Only the themes in use by slide masters matter; a theme lists its two fonts.
    for t in themes.iter().take(MAX_PARTS_FOR_FONTS) {
        let (major, minor) = theme_fonts(zip, t);
        for f in [major, minor].into_iter().flatten() {
            add_font(&mut out.fonts, &f);
        }
    }
    let slides: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .cloned()
        .collect();
    for s in slides.iter().take(MAX_PARTS_FOR_FONTS) {
        let fonts = &mut out.fonts;
        let _ = scan_part(zip, s, &mut |local, e| {
            if local == b"latin"
                && let Some(face) = attr(e, b"typeface")
            {
                add_font(fonts, &face);
            }
        });
    }
}

fn odf_format(mimetype: &str) -> Option<Format> {
    use Container::Odf as D;
    use Family::*;
    Some(match mimetype.trim() {
        "application/vnd.oasis.opendocument.text"
        | "application/vnd.oasis.opendocument.text-master" => Format::new(Text, D, false, "odt"),
        "application/vnd.oasis.opendocument.text-template" => Format::new(Text, D, true, "ott"),
        "application/vnd.oasis.opendocument.spreadsheet" => {
            Format::new(Spreadsheet, D, false, "ods")
        }
        "application/vnd.oasis.opendocument.spreadsheet-template" => {
            Format::new(Spreadsheet, D, true, "ots")
        }
        "application/vnd.oasis.opendocument.presentation" => {
            Format::new(Presentation, D, false, "odp")
        }
        "application/vnd.oasis.opendocument.presentation-template" => {
            Format::new(Presentation, D, true, "otp")
        }
        "application/vnd.oasis.opendocument.graphics" => Format::new(Drawing, D, false, "odg"),
        _ => return None,
    })
}

fn inspect_odf<R: Read + Seek>(zip: &mut Package<R>, names: &[String]) -> Inspection {
    let mut mimetype = String::new();
    match zip.zip.by_name("mimetype") {
        Ok(entry) => {
            let _ = entry.take(256).read_to_string(&mut mimetype);
        }
        Err(e) => {
            return Inspection::only(Finding::Damaged {
                detail: e.to_string(),
            });
        }
    }
    let Some(format) = odf_format(&mimetype) else {
        return Inspection::only(Finding::NotADocument);
    };
    let mut out = Inspection {
        format: Some(format),
        ..Inspection::default()
    };
    let mut encrypted = false;
    let _ = scan_part(zip, "META-INF/manifest.xml", &mut |local, _| {
        if local == b"encryption-data" {
            encrypted = true;
        }
    });
    if encrypted {
        out.findings.push(Finding::Encrypted);
        return out;
    }
    let macro_part = |n: &String| {
        let file = n.rsplit('/').next().unwrap_or_default();
        (n.starts_with("Basic/") || n.starts_with("Scripts/"))
            && !n.ends_with('/')
            && !matches!(file, "script-lc.xml" | "script-lb.xml" | "manifest.xml")
    };
    if names.iter().any(macro_part) {
        out.findings.push(Finding::Macros {
            kind: MacroKind::LibreOffice,
        });
    }
    // Fonts in use: the style:font-name of styles and automatic styles.
    for part in ["styles.xml", "content.xml"] {
        let fonts = &mut out.fonts;
        let _ = scan_part(zip, part, &mut |_, e| {
            if let Some(v) = attr(e, b"font-name") {
                add_font(fonts, &v);
            }
        });
    }
    out
}

// ---------------------------------------------------------------------------------------
// OLE compound files: Office 97–2003 documents and encrypted OOXML

fn inspect_cfb<R: Read + Seek>(reader: R, ext: &str) -> Inspection {
    let mut cf = match cfb::CompoundFile::open(reader) {
        Ok(c) => c,
        Err(e) => {
            return Inspection::only(Finding::Damaged {
                detail: e.to_string(),
            });
        }
    };
    // Compound file names compare without case ("WORKBOOK" is "Workbook").
    let root: BTreeMap<String, (String, bool)> = cf
        .read_root_storage()
        .map(|e| {
            (
                e.name().to_lowercase(),
                (format!("/{}", e.name()), e.is_storage()),
            )
        })
        .collect();
    let entry = |n: &str| root.get(&n.to_lowercase());
    let has_stream = |n: &str| entry(n).is_some_and(|(_, s)| !*s);
    let has_storage = |n: &str| entry(n).is_some_and(|(_, s)| *s);
    let stream_path = |n: &str| entry(n).map(|(p, _)| p.clone()).unwrap_or_default();
    if has_stream("EncryptionInfo") && has_stream("EncryptedPackage") {
        let family = family_of_extension(ext).unwrap_or(Family::Text);
        let extension = match (family, ext) {
            (_, "docx") => "docx",
            (_, "docm") => "docm",
            (_, "dotx") => "dotx",
            (_, "dotm") => "dotm",
            (_, "xlsx") => "xlsx",
            (_, "xlsm") => "xlsm",
            (_, "xlsb") => "xlsb",
            (_, "xltx") => "xltx",
            (_, "xltm") => "xltm",
            (_, "pptx") => "pptx",
            (_, "pptm") => "pptm",
            (_, "ppsx") => "ppsx",
            (_, "potx") => "potx",
            (Family::Spreadsheet, _) => "xlsx",
            (Family::Presentation, _) => "pptx",
            _ => "docx",
        };
        return Inspection {
            format: Some(Format::new(
                family,
                Container::EncryptedOoxml,
                is_template_extension(ext),
                extension,
            )),
            findings: vec![Finding::Encrypted],
            fonts: BTreeSet::new(),
        };
    }
    let mut out = Inspection::default();
    if has_stream("WordDocument") {
        // FibBase: wIdent at 0, flags at 0x0A (fDot 0x0001, fEncrypted 0x0100).
        let mut fib = [0u8; 12];
        let read = cf
            .open_stream(stream_path("WordDocument"))
            .and_then(|mut s| read_up_to(&mut s, &mut fib));
        match read {
            Ok(12) => {
                let flags = u16::from_le_bytes([fib[10], fib[11]]);
                let template = flags & 0x0001 != 0 || is_template_extension(ext);
                out.format = Some(Format::new(
                    Family::Text,
                    Container::Binary,
                    template,
                    if template { "dot" } else { "doc" },
                ));
                if flags & 0x0100 != 0 {
                    out.findings.push(Finding::Encrypted);
                }
            }
            Ok(_) => {
                return Inspection::only(Finding::Damaged {
                    detail: "WordDocument stream too short".to_owned(),
                });
            }
            Err(e) => {
                return Inspection::only(Finding::Damaged {
                    detail: e.to_string(),
                });
            }
        }
        if has_storage("Macros") {
            out.findings.push(Finding::Macros {
                kind: MacroKind::Vba,
            });
        }
    } else if has_stream("Workbook") || has_stream("Book") {
        let template = is_template_extension(ext);
        out.format = Some(Format::new(
            Family::Spreadsheet,
            Container::Binary,
            template,
            if template { "xlt" } else { "xls" },
        ));
        let stream = if has_stream("Workbook") {
            stream_path("Workbook")
        } else {
            stream_path("Book")
        };
        match cf.open_stream(stream) {
            Ok(s) => {
                let globals = biff_globals(BufReader::new(s));
                if globals.encrypted {
                    out.findings.push(Finding::Encrypted);
                }
                if globals.macro_sheets {
                    out.findings.push(Finding::Macros {
                        kind: MacroKind::Xlm,
                    });
                }
            }
            Err(e) => {
                return Inspection::only(Finding::Damaged {
                    detail: e.to_string(),
                });
            }
        }
        if has_storage("_VBA_PROJECT_CUR") {
            out.findings.push(Finding::Macros {
                kind: MacroKind::Vba,
            });
        }
    } else if has_stream("PowerPoint Document") {
        let template = is_template_extension(ext);
        out.format = Some(Format::new(
            Family::Presentation,
            Container::Binary,
            template,
            if template { "pot" } else { "ppt" },
        ));
        // CurrentUserAtom: headerToken at offset 12 is 0xF3D1C4DF when encrypted.
        if has_stream("Current User") {
            let mut atom = [0u8; 16];
            if let Ok(16) = cf
                .open_stream(stream_path("Current User"))
                .and_then(|mut s| read_up_to(&mut s, &mut atom))
                && u32::from_le_bytes([atom[12], atom[13], atom[14], atom[15]]) == 0xF3D1_C4DF
            {
                out.findings.push(Finding::Encrypted);
            }
        }
        if has_storage("_VBA_PROJECT_CUR") || has_storage("Macros") {
            out.findings.push(Finding::Macros {
                kind: MacroKind::Vba,
            });
        }
    } else {
        return Inspection::only(Finding::NotADocument);
    }
    out.findings.push(Finding::OlderFormat);
    out
}

#[derive(Default)]
struct BiffGlobals {
    encrypted: bool,
    macro_sheets: bool,
}

/// Walks the workbook globals substream (BOF .. EOF) of a BIFF5/BIFF8 workbook for
/// FILEPASS (encryption) and BOUNDSHEET entries of macro sheets.
fn biff_globals(mut r: impl Read) -> BiffGlobals {
    let mut g = BiffGlobals::default();
    let mut header = [0u8; 4];
    let mut data = vec![0u8; 8224];
    for i in 0..100_000 {
        if read_up_to(&mut r, &mut header).ok() != Some(4) {
            break;
        }
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let len = u16::from_le_bytes([header[2], header[3]]) as usize;
        if len > data.len() {
            break;
        }
        if read_up_to(&mut r, &mut data[..len]).ok() != Some(len) {
            break;
        }
        if i == 0 && kind != 0x0809 && kind != 0x0409 && kind != 0x0209 && kind != 0x0009 {
            break;
        }
        match kind {
            0x002F => g.encrypted = true,
            // BoundSheet8: lbPlyPos (4), hsState (1), dt (1): dt 1 = macro sheet.
            0x0085 if len >= 6 && data[5] == 0x01 => g.macro_sheets = true,
            0x000A => break,
            _ => {}
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_sources() {
        assert_eq!(
            clean_target("file:///\\\\serveur\\modeles\\Courrier%20ville.dotm"),
            "\\\\serveur\\modeles\\Courrier ville.dotm"
        );
        assert_eq!(
            data_source_of("Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\Adresses.xlsx;"),
            Some("C:\\Adresses.xlsx".to_owned())
        );
        assert!(is_default_template("Normal.dotm"));
        assert!(is_default_template("C:\\Users\\a\\Normal.dotm"));
        assert!(!is_default_template("Lettre.dotx"));
        assert_eq!(percent_decode("a%2"), "a%2");
    }

    #[test]
    fn extension_fit() {
        let rtf = Format::new(Family::Text, Container::Rtf, false, "rtf");
        assert!(!extension_fits("doc", &rtf));
        let xlsx = Format::new(Family::Spreadsheet, Container::Ooxml, false, "xlsx");
        assert!(extension_fits("xlsm", &xlsx));
        assert!(!extension_fits("xls", &xlsx));
    }
}
