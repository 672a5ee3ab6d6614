//! Bringing Office documents to LibreOffice: the readiness inventory of a folder tree
//! (real format by content, macros, encryption, fonts, templates, mail merges, links), the
//! batch conversion through a real LibreOffice, the fonts, LibreOffice's default save
//! format, and the checklist for what must be verified by hand.
//!
//! Everything here reads documents in place and never writes next to them: the originals
//! are never modified, moved or deleted.

pub mod checklist;
pub mod convert;
pub mod fonts;
pub mod inspect;
pub mod inventory;
pub mod soffice;
pub mod words;
pub mod xcu;

use serde::Serialize;

/// What kind of document, whatever its name says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Text,
    Spreadsheet,
    Presentation,
    Drawing,
}

/// How the file is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Container {
    /// Office 97–2003 binary file (OLE compound file): .doc, .xls, .ppt.
    Binary,
    /// Office Open XML (ZIP): .docx, .xlsx, .pptx and their variants.
    Ooxml,
    /// OpenDocument (ZIP): .odt, .ods, .odp.
    Odf,
    /// Rich Text Format.
    Rtf,
    /// An OOXML document encrypted with a password (stored as an OLE compound file).
    EncryptedOoxml,
}

/// The real format of a document, read from its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Format {
    pub family: Family,
    pub container: Container,
    /// A template (.dotx, .xltx, .ott...).
    pub template: bool,
    /// The usual file extension for this format, without the dot ("docx", "xlsm").
    pub extension: &'static str,
}

impl Format {
    pub const fn new(
        family: Family,
        container: Container,
        template: bool,
        extension: &'static str,
    ) -> Format {
        Format {
            family,
            container,
            template,
            extension,
        }
    }
}

/// How ready a document is for LibreOffice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    /// Opens and converts as it is.
    Ready,
    /// Converts; look over the result (layout, fonts, links, pivot tables).
    Check,
    /// Needs a person: macros to rewrite, a password, a template or mail merge to redo,
    /// a damaged file.
    NeedsWork,
}

/// The extensions the inventory looks at (lower case). Content decides the real format.
pub const OFFICE_EXTENSIONS: &[&str] = &[
    "doc", "docx", "docm", "dot", "dotx", "dotm", "rtf", "xls", "xlsx", "xlsm", "xlsb", "xlt",
    "xltx", "xltm", "ppt", "pptx", "pptm", "pps", "ppsx", "ppsm", "pot", "potx", "potm", "odt",
    "ods", "odp", "odg", "ott", "ots", "otp",
];

/// The family an extension promises, when the content cannot tell (encrypted OOXML).
pub fn family_of_extension(ext: &str) -> Option<Family> {
    let ext = ext.to_ascii_lowercase();
    match ext.as_str() {
        "doc" | "docx" | "docm" | "dot" | "dotx" | "dotm" | "rtf" | "odt" | "ott" => {
            Some(Family::Text)
        }
        "xls" | "xlsx" | "xlsm" | "xlsb" | "xlt" | "xltx" | "xltm" | "ods" | "ots" => {
            Some(Family::Spreadsheet)
        }
        "ppt" | "pptx" | "pptm" | "pps" | "ppsx" | "ppsm" | "pot" | "potx" | "potm" | "odp"
        | "otp" => Some(Family::Presentation),
        "odg" => Some(Family::Drawing),
        _ => None,
    }
}

/// Whether an extension names a template.
pub fn is_template_extension(ext: &str) -> bool {
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "dot"
            | "dotx"
            | "dotm"
            | "xlt"
            | "xltx"
            | "xltm"
            | "pot"
            | "potx"
            | "potm"
            | "ott"
            | "ots"
            | "otp"
    )
}

/// Lock files left by an open document or a crash: `~$name.docx` (Microsoft Office),
/// `.~lock.name.odt#` (LibreOffice).
pub fn is_lock_file(name: &str) -> bool {
    name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#'))
}
