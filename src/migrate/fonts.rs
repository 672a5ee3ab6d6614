//! Fonts: which fonts documents use, whether a metric-compatible free font exists (same
//! letter widths, so pages break at the same places), and what is installed here.

use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A proprietary font and its metric-compatible free counterpart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Substitute {
    /// The font documents name.
    pub font: &'static str,
    /// The free font with the same metrics.
    pub free: &'static str,
    /// The catalogue entry that installs it.
    pub entry: &'static str,
}

/// Metric-compatible free fonts (fontconfig's `30-metric-aliases.conf` and LibreOffice's
/// own replacement table use the same pairs).
pub const SUBSTITUTES: &[Substitute] = &[
    Substitute {
        font: "Calibri",
        free: "Carlito",
        entry: "carlito",
    },
    Substitute {
        font: "Cambria",
        free: "Caladea",
        entry: "caladea",
    },
    Substitute {
        font: "Arial",
        free: "Liberation Sans",
        entry: "liberation-fonts",
    },
    Substitute {
        font: "Helvetica",
        free: "Liberation Sans",
        entry: "liberation-fonts",
    },
    Substitute {
        font: "Times New Roman",
        free: "Liberation Serif",
        entry: "liberation-fonts",
    },
    Substitute {
        font: "Times",
        free: "Liberation Serif",
        entry: "liberation-fonts",
    },
    Substitute {
        font: "Courier New",
        free: "Liberation Mono",
        entry: "liberation-fonts",
    },
    Substitute {
        font: "Courier",
        free: "Liberation Mono",
        entry: "liberation-fonts",
    },
];

/// Common proprietary fonts with no metric-compatible free font: text set in them may
/// move (lines and pages break elsewhere) where they are not installed.
pub const WITHOUT_EQUIVALENT: &[&str] = &[
    "Aptos",
    "Aptos Display",
    "Aptos Narrow",
    "Aptos Light",
    "Aptos SemiBold",
    "Aptos Black",
    "Calibri Light",
    "Cambria Math",
    "Segoe UI",
    "Segoe UI Light",
    "Segoe UI Semibold",
    "Segoe UI Semilight",
    "Segoe Print",
    "Segoe Script",
    "Georgia",
    "Verdana",
    "Tahoma",
    "Trebuchet MS",
    "Century Gothic",
    "Comic Sans MS",
    "Garamond",
    "Book Antiqua",
    "Bookman Old Style",
    "Palatino Linotype",
    "Franklin Gothic Book",
    "Franklin Gothic Medium",
    "Gill Sans MT",
    "Candara",
    "Consolas",
    "Constantia",
    "Corbel",
    "Arial Black",
    "Arial Narrow",
    "Impact",
    "Lucida Console",
    "Lucida Sans Unicode",
    "Lucida Grande",
    "Microsoft Sans Serif",
    "MS Sans Serif",
    "MS Gothic",
    "MS Mincho",
    "Avenir",
    "Avenir Black",
    "Avenir Next",
    "Century",
    "Baskerville Old Face",
    "Bahnschrift",
    "Sitka Text",
];

/// Fonts LibreOffice draws with its own symbol font (OpenSymbol): nothing to report.
const SYMBOL_FONTS: &[&str] = &[
    "Symbol",
    "Wingdings",
    "Wingdings 2",
    "Wingdings 3",
    "Webdings",
];

/// What a used font means on this computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum FontStatus {
    /// The font itself is installed here.
    Installed,
    /// Not installed, but its metric-compatible free font is: the layout is kept.
    Replaced { by: String },
    /// Not installed; a metric-compatible free font exists and can be installed.
    ToInstall { by: String, entry: String },
    /// Not installed and no metric-compatible free font exists: layout may move.
    NoEquivalent,
    /// A free or unknown font that is not installed here.
    Missing,
    /// A symbol font LibreOffice draws with its own.
    Symbols,
}

/// The font families installed on this computer (lower case), including the fonts
/// LibreOffice carries in its own folder on Windows and macOS.
#[derive(Clone, Debug, Default)]
pub struct FontEnv {
    installed: BTreeSet<String>,
}

impl FontEnv {
    /// From a list of family names (tests, other machines).
    pub fn from_families<I: IntoIterator<Item = S>, S: AsRef<str>>(families: I) -> FontEnv {
        FontEnv {
            installed: families
                .into_iter()
                .map(|f| f.as_ref().trim().to_lowercase())
                .collect(),
        }
    }

    /// The fonts of this computer: the system's and the user's font folders, plus the
    /// given extra folders (LibreOffice's own fonts).
    pub fn system(extra_dirs: &[PathBuf]) -> FontEnv {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        for d in extra_dirs {
            db.load_fonts_dir(d);
        }
        let families = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect::<Vec<_>>();
        FontEnv::from_families(families)
    }

    pub fn is_installed(&self, family: &str) -> bool {
        self.installed.contains(&family.trim().to_lowercase())
    }

    pub fn families(&self) -> impl Iterator<Item = &String> {
        self.installed.iter()
    }

    /// What a font used in a document means here.
    pub fn status(&self, font: &str) -> FontStatus {
        let font = font.trim();
        if SYMBOL_FONTS.iter().any(|s| s.eq_ignore_ascii_case(font)) {
            return FontStatus::Symbols;
        }
        if self.is_installed(font) {
            return FontStatus::Installed;
        }
        if let Some(s) = substitute_for(font) {
            return if self.is_installed(s.free) {
                FontStatus::Replaced {
                    by: s.free.to_owned(),
                }
            } else {
                FontStatus::ToInstall {
                    by: s.free.to_owned(),
                    entry: s.entry.to_owned(),
                }
            };
        }
        if WITHOUT_EQUIVALENT
            .iter()
            .any(|s| s.eq_ignore_ascii_case(font))
        {
            return FontStatus::NoEquivalent;
        }
        FontStatus::Missing
    }
}

/// The metric-compatible free font for a proprietary one.
pub fn substitute_for(font: &str) -> Option<&'static Substitute> {
    SUBSTITUTES
        .iter()
        .find(|s| s.font.eq_ignore_ascii_case(font.trim()))
}

/// The free fonts (catalogue entries) worth installing on any computer that opens Office
/// documents, with the families they provide.
pub fn recommended() -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for s in SUBSTITUTES {
        match out.iter_mut().find(|(e, _)| *e == s.entry) {
            Some((_, fams)) => {
                if !fams.contains(&s.free) {
                    fams.push(s.free);
                }
            }
            None => out.push((s.entry, vec![s.free])),
        }
    }
    out
}

/// Where LibreOffice keeps the fonts it brings (Windows and macOS installers carry
/// Carlito, Caladea, Liberation...), found from the soffice program path.
pub fn libreoffice_font_dirs(soffice: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    // Windows/Linux: <install>/program/soffice -> <install>/share/fonts/truetype
    // macOS: LibreOffice.app/Contents/MacOS/soffice -> Contents/Resources/fonts/truetype
    if let Some(program) = soffice.parent()
        && let Some(base) = program.parent()
    {
        for sub in ["share/fonts/truetype", "Resources/fonts/truetype"] {
            let d = base.join(sub);
            if d.is_dir() {
                out.push(d);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        let env = FontEnv::from_families(["Carlito", "DejaVu Sans", "Arial"]);
        assert_eq!(env.status("Arial"), FontStatus::Installed);
        assert_eq!(
            env.status("calibri"),
            FontStatus::Replaced {
                by: "Carlito".into()
            }
        );
        assert_eq!(
            env.status("Cambria"),
            FontStatus::ToInstall {
                by: "Caladea".into(),
                entry: "caladea".into()
            }
        );
        assert_eq!(env.status("Aptos"), FontStatus::NoEquivalent);
        assert_eq!(env.status("Wingdings"), FontStatus::Symbols);
        assert_eq!(env.status("Marianne"), FontStatus::Missing);
        let rec = recommended();
        assert_eq!(rec[0], ("carlito", vec!["Carlito"]));
        assert!(
            rec.iter()
                .any(|(e, f)| *e == "liberation-fonts" && f.len() == 3)
        );
    }
}
