//! The checks a step card can ask for, verified on this computer: a program installed,
//! hardware able to run Linux, the metric-compatible fonts, LibreOffice's default format.
//!
//! Facts are gathered once ([`Facts::gather`], a few milliseconds) and the checks are
//! pure functions of them, so they are tested with facts from any machine.

use crate::catalog::Catalog;
use crate::catalog::model::{Guide, Lang, StepCheck};
use crate::detect::os::{LinuxFit, OsFacts};
use crate::migrate::fonts::FontEnv;
use crate::migrate::xcu::DefaultFormat;
use crate::t;
use std::collections::BTreeSet;

/// What the checks look at.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Free catalogue entries found installed.
    pub installed: BTreeSet<String>,
    pub os: Option<OsFacts>,
    /// Families of the metric-compatible fonts that are missing; `None` when unknown.
    pub missing_fonts: Option<Vec<String>>,
    /// LibreOffice's default save format over its profiles: `None` when LibreOffice is
    /// not installed; `Some(None)` when it is, with no setting (it saves in ODF).
    pub libreoffice_default: Option<Option<DefaultFormat>>,
}

/// The families the "fonts" check wants (Carlito, Caladea, Liberation).
pub fn wanted_fonts() -> Vec<&'static str> {
    crate::migrate::fonts::recommended()
        .into_iter()
        .flat_map(|(_, families)| families)
        .collect()
}

impl Facts {
    /// Reads this computer: installed programs (local scan), OS facts, fonts,
    /// LibreOffice's profiles. No network.
    pub fn gather(catalog: &Catalog) -> Facts {
        use crate::detect::{matching::Matcher, os, scan};
        let matcher = Matcher::new(catalog);
        let report = scan::scan(
            catalog,
            &matcher,
            &scan::Inputs::local(),
            os::collect(),
            Lang::Fr,
        );
        let installed = report.free.iter().map(|f| f.id.clone()).collect();
        let office = crate::migrate::soffice::find();
        let extra = office
            .as_ref()
            .and_then(|o| o.program.as_deref())
            .map(crate::migrate::fonts::libreoffice_font_dirs)
            .unwrap_or_default();
        let fonts = FontEnv::system(&extra);
        let missing = wanted_fonts()
            .into_iter()
            .filter(|f| !fonts.is_installed(f))
            .map(str::to_owned)
            .collect();
        let libreoffice_default = office.map(|_| {
            let formats: Vec<Option<DefaultFormat>> = crate::migrate::xcu::profiles()
                .iter()
                .filter_map(|p| std::fs::read_to_string(p.join("registrymodifications.xcu")).ok())
                .filter_map(|xml| crate::migrate::xcu::read(&xml).ok())
                .map(|c| c.format())
                .collect();
            // One profile set to Microsoft formats is enough to say "not ODF".
            if formats.contains(&Some(DefaultFormat::Ooxml)) {
                Some(DefaultFormat::Ooxml)
            } else if formats.contains(&Some(DefaultFormat::Odf)) {
                Some(DefaultFormat::Odf)
            } else {
                None
            }
        });
        Facts {
            installed,
            os: Some(report.os),
            missing_fonts: Some(missing),
            libreoffice_default,
        }
    }
}

/// The answer of a check.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Verified: the step is done.
    Passed,
    /// Verified: not yet.
    NotYet,
    /// The kit cannot tell (facts missing).
    Unknown,
}

/// A check's answer with its explanation in words.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Verdict {
    pub outcome: Outcome,
    pub message: String,
}

/// Verifies one check against the facts.
pub fn evaluate(check: &StepCheck, facts: &Facts, catalog: &Catalog, lang: Lang) -> Verdict {
    let v = |outcome, message| Verdict { outcome, message };
    match check {
        StepCheck::Installed { entry } => {
            let name = catalog
                .get(entry)
                .map(|e| e.name(lang).to_owned())
                .unwrap_or_else(|| entry.clone());
            if facts.installed.contains(entry) {
                v(
                    Outcome::Passed,
                    t!(lang, "guide-check-installed-yes", name = name),
                )
            } else {
                v(
                    Outcome::NotYet,
                    t!(lang, "guide-check-installed-no", name = name),
                )
            }
        }
        StepCheck::Hardware => match facts.os.as_ref().map(crate::detect::os::linux_fit) {
            Some(LinuxFit::Good) => v(Outcome::Passed, t!(lang, "guide-check-hardware-good")),
            Some(LinuxFit::Light) => v(Outcome::Passed, t!(lang, "guide-check-hardware-light")),
            Some(LinuxFit::TooSmall) => v(Outcome::NotYet, t!(lang, "guide-check-hardware-small")),
            Some(LinuxFit::Unknown) | None => {
                v(Outcome::Unknown, t!(lang, "guide-check-hardware-unknown"))
            }
        },
        StepCheck::Fonts => match &facts.missing_fonts {
            Some(m) if m.is_empty() => v(Outcome::Passed, t!(lang, "guide-check-fonts-yes")),
            Some(m) => v(
                Outcome::NotYet,
                t!(lang, "guide-check-fonts-no", fonts = m.join(", ")),
            ),
            None => v(Outcome::Unknown, t!(lang, "guide-check-unknown")),
        },
        StepCheck::OdfDefault => match facts.libreoffice_default {
            None => v(Outcome::NotYet, t!(lang, "guide-check-odf-no-libreoffice")),
            Some(Some(DefaultFormat::Ooxml)) => {
                v(Outcome::NotYet, t!(lang, "guide-check-odf-ooxml"))
            }
            Some(_) => v(Outcome::Passed, t!(lang, "guide-check-odf-yes")),
        },
    }
}

/// The verdict of every checked step of a path, by step index.
pub fn evaluate_guide(
    g: &Guide,
    facts: &Facts,
    catalog: &Catalog,
    lang: Lang,
) -> Vec<(usize, Verdict)> {
    g.steps
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            s.check
                .as_ref()
                .map(|c| (i, evaluate(c, facts, catalog, lang)))
        })
        .collect()
}
