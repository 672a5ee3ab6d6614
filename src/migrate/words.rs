//! The words for what the migration finds and does, in the person's language (shared by
//! the command line, the window and the checklist).

use super::Readiness;
use super::convert::{FailReason, SkipWhy, Target};
use super::fonts::FontStatus;
use super::inspect::{Finding, MacroKind};
use super::inventory::SkipReason;
use super::xcu::{Current, DefaultFormat};
use crate::catalog::model::Lang;
use crate::t;

pub fn finding(f: &Finding, lang: Lang) -> String {
    match f {
        Finding::Empty => t!(lang, "docs-f-empty"),
        Finding::NotADocument => t!(lang, "docs-f-not-a-document"),
        Finding::Damaged { detail } => t!(lang, "docs-f-damaged", detail = detail.clone()),
        Finding::Encrypted => t!(lang, "docs-f-encrypted"),
        Finding::Macros { kind } => match kind {
            MacroKind::Vba => t!(lang, "docs-f-macros-vba"),
            MacroKind::Xlm => t!(lang, "docs-f-macros-xlm"),
            MacroKind::LibreOffice => t!(lang, "docs-f-macros-lo"),
        },
        Finding::ActiveX => t!(lang, "docs-f-activex"),
        Finding::AttachedTemplate { target } => {
            t!(lang, "docs-f-template", target = target.clone())
        }
        Finding::MailMerge { source } if source.is_empty() => {
            t!(lang, "docs-f-mail-merge-unknown")
        }
        Finding::MailMerge { source } => t!(lang, "docs-f-mail-merge", source = source.clone()),
        Finding::ExternalLinks { targets } => {
            t!(lang, "docs-f-external-links", targets = targets.join(", "))
        }
        Finding::DataConnections { count } => {
            let count: usize = *count;
            t!(lang, "docs-f-connections", count = count)
        }
        Finding::PivotTables { count } => {
            let count: usize = *count;
            t!(lang, "docs-f-pivots", count = count)
        }
        Finding::EmbeddedObjects { count } => {
            let count: usize = *count;
            t!(lang, "docs-f-embedded", count = count)
        }
        Finding::OlderFormat => t!(lang, "docs-f-older-format"),
        Finding::Template => t!(lang, "docs-f-is-template"),
        Finding::ExtensionMismatch { real } => t!(lang, "docs-f-extension", real = real.clone()),
        Finding::FontToInstall { font, substitute } => t!(
            lang,
            "docs-f-font-to-install",
            font = font.clone(),
            substitute = substitute.clone()
        ),
        Finding::FontWithoutEquivalent { font } => {
            t!(lang, "docs-f-font-no-equivalent", font = font.clone())
        }
        Finding::FontMissing { font } => t!(lang, "docs-f-font-missing", font = font.clone()),
        Finding::InUse => t!(lang, "docs-f-in-use"),
        Finding::NoAccess => t!(lang, "docs-f-no-access"),
        Finding::OpenElsewhere => t!(lang, "docs-f-open-elsewhere"),
    }
}

pub fn readiness(r: Readiness, lang: Lang) -> String {
    match r {
        Readiness::Ready => t!(lang, "docs-ready"),
        Readiness::Check => t!(lang, "docs-check"),
        Readiness::NeedsWork => t!(lang, "docs-needs-work"),
    }
}

pub fn font_status(s: &FontStatus, lang: Lang) -> String {
    match s {
        FontStatus::Installed => t!(lang, "docs-font-installed"),
        FontStatus::Replaced { by } => t!(lang, "docs-font-replaced", by = by.clone()),
        FontStatus::ToInstall { by, .. } => t!(lang, "docs-font-to-install", by = by.clone()),
        FontStatus::NoEquivalent => t!(lang, "docs-font-no-equivalent"),
        FontStatus::Missing => t!(lang, "docs-font-missing"),
        FontStatus::Symbols => t!(lang, "docs-font-symbols"),
    }
}

pub fn skip_reason(r: &SkipReason, lang: Lang) -> String {
    match r {
        SkipReason::LockFile => t!(lang, "docs-skip-lock-file"),
        SkipReason::SymlinkLoop => t!(lang, "docs-skip-loop"),
        SkipReason::Unreadable { detail } => {
            t!(lang, "docs-skip-unreadable", detail = detail.clone())
        }
    }
}

pub fn skip_why(w: &SkipWhy, lang: Lang) -> String {
    match w {
        SkipWhy::NeedsPassword => t!(lang, "docs-why-password"),
        SkipWhy::CannotOpen => t!(lang, "docs-why-cannot-open"),
        SkipWhy::AlreadyInFormat => t!(lang, "docs-why-already-format"),
        SkipWhy::AlreadyConverted { dest } => t!(
            lang,
            "docs-why-already-converted",
            dest = dest.display().to_string()
        ),
        SkipWhy::NoSuchConversion => t!(lang, "docs-why-no-conversion"),
    }
}

pub fn fail_reason(r: &FailReason, lang: Lang) -> String {
    match r {
        FailReason::NoOutput => t!(lang, "docs-fail-no-output"),
        FailReason::BadOutput => t!(lang, "docs-fail-bad-output"),
        FailReason::TimedOut => t!(lang, "docs-fail-timeout"),
        FailReason::NotStarted { detail } => {
            t!(lang, "docs-fail-not-started", detail = detail.clone())
        }
        FailReason::CannotWrite { detail } => {
            t!(lang, "docs-fail-cannot-write", detail = detail.clone())
        }
    }
}

pub fn target(t: Target, lang: Lang) -> String {
    match t {
        Target::Odf => t!(lang, "docs-target-odf"),
        Target::Ooxml => t!(lang, "docs-target-ooxml"),
        Target::Pdf => t!(lang, "docs-target-pdf"),
    }
}

pub fn default_format(f: DefaultFormat, lang: Lang) -> String {
    match f {
        DefaultFormat::Odf => t!(lang, "docs-target-odf"),
        DefaultFormat::Ooxml => t!(lang, "docs-target-ooxml"),
    }
}

pub fn current_format(c: &Current, lang: Lang) -> String {
    match c.format() {
        Some(f) => default_format(f, lang),
        None => t!(lang, "docs-format-mixed"),
    }
}

/// The conversion report as readable text (also saved in the output folder).
pub fn report_text(r: &super::convert::Report, lang: Lang) -> String {
    let mut s = String::new();
    let mut line = |x: String| {
        s.push_str(&x);
        s.push('\n');
    };
    line(t!(
        lang,
        "docs-conv-title",
        path = r.root.display().to_string(),
        out = r.out.display().to_string(),
        format = target(r.target, lang)
    ));
    line(t!(
        lang,
        "docs-conv-summary",
        converted = r.converted.len(),
        failed = r.failed.len(),
        skipped = r.skipped.len(),
        seconds = seconds_text(r.seconds, lang),
        runs = r.soffice_runs
    ));
    line(t!(lang, "docs-conv-originals"));
    if r.cancelled {
        line(t!(lang, "docs-conv-cancelled"));
    }
    if !r.failed.is_empty() {
        line(String::new());
        line(t!(lang, "docs-conv-failed"));
        for f in &r.failed {
            line(format!(
                "  {} — {}",
                f.source.display(),
                fail_reason(&f.reason, lang)
            ));
        }
    }
    if !r.skipped.is_empty() {
        line(String::new());
        line(t!(lang, "docs-conv-skipped"));
        for f in &r.skipped {
            line(format!(
                "  {} — {}",
                f.source.display(),
                skip_why(&f.why, lang)
            ));
        }
    }
    if !r.converted.is_empty() {
        line(String::new());
        line(t!(lang, "docs-conv-converted"));
        for c in &r.converted {
            line(format!("  {} → {}", c.source.display(), c.dest.display()));
        }
    }
    s
}

/// Seconds with one decimal, written the way the language writes numbers.
fn seconds_text(s: f64, lang: Lang) -> String {
    let text = format!("{s:.1}");
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}
