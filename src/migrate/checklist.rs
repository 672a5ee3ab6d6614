//! The checklist of what to verify by hand after the move (macros to rewrite, templates,
//! mail merges, passwords, fonts...), as plain text: it prints, goes into a ticket or an
//! e-mail to IT, and opens on any computer.

use super::convert::Report;
use super::fonts::{FontEnv, FontStatus, SUBSTITUTES};
use super::inspect::Finding;
use super::inventory::{FileReport, Inventory};
use super::words;
use super::xcu::Current;
use crate::catalog::model::{Date, Lang};
use crate::t;
use std::fmt::Write;

/// The most files listed under one heading (the rest is counted).
const MAX_LISTED: usize = 200;

fn section(out: &mut String, title: String, files: &[(&FileReport, String)], lang: Lang) {
    let _ = writeln!(out, "{title}");
    if files.is_empty() {
        let _ = writeln!(out, "  {}", t!(lang, "docs-checklist-none"));
    }
    for (f, why) in files.iter().take(MAX_LISTED) {
        let _ = writeln!(out, "  [ ] {} — {why}", f.path.display());
    }
    if files.len() > MAX_LISTED {
        let more: usize = files.len() - MAX_LISTED;
        let _ = writeln!(out, "  {}", t!(lang, "docs-checklist-more", count = more));
    }
    let _ = writeln!(out);
}

fn with(
    inv: &Inventory,
    lang: Lang,
    pick: impl Fn(&Finding) -> bool,
) -> Vec<(&FileReport, String)> {
    inv.files
        .iter()
        .filter_map(|f| {
            let found: Vec<String> = f
                .findings
                .iter()
                .filter(|x| pick(x))
                .map(|x| words::finding(x, lang))
                .collect();
            (!found.is_empty()).then(|| (f, found.join(" ")))
        })
        .collect()
}

/// The checklist's text.
pub fn text(
    inv: &Inventory,
    conversion: Option<&Report>,
    format: Option<&Current>,
    fonts: &FontEnv,
    lang: Lang,
    today: Date,
) -> String {
    let mut out = String::new();
    let title = t!(lang, "docs-checklist-title");
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "{}", "=".repeat(title.chars().count().max(20)));
    let _ = writeln!(
        out,
        "{}",
        t!(lang, "docs-checklist-date", date = today.to_string())
    );
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "docs-checklist-folder",
            path = inv.root.display().to_string()
        )
    );
    let tt = &inv.totals;
    let _ = writeln!(
        out,
        "{}",
        t!(
            lang,
            "docs-inv-totals",
            documents = tt.documents,
            ready = tt.ready,
            check = tt.check,
            needs = tt.needs_work
        )
    );
    let _ = writeln!(out);
    section(
        &mut out,
        t!(lang, "docs-checklist-macros"),
        &with(inv, lang, |x| {
            matches!(x, Finding::Macros { .. } | Finding::ActiveX)
        }),
        lang,
    );
    section(
        &mut out,
        t!(lang, "docs-checklist-passwords"),
        &with(inv, lang, |x| matches!(x, Finding::Encrypted)),
        lang,
    );
    section(
        &mut out,
        t!(lang, "docs-checklist-templates"),
        &with(inv, lang, |x| {
            matches!(x, Finding::AttachedTemplate { .. } | Finding::Template)
        }),
        lang,
    );
    section(
        &mut out,
        t!(lang, "docs-checklist-merges"),
        &with(inv, lang, |x| matches!(x, Finding::MailMerge { .. })),
        lang,
    );
    section(
        &mut out,
        t!(lang, "docs-checklist-links"),
        &with(inv, lang, |x| {
            matches!(
                x,
                Finding::ExternalLinks { .. }
                    | Finding::DataConnections { .. }
                    | Finding::PivotTables { .. }
            )
        }),
        lang,
    );
    section(
        &mut out,
        t!(lang, "docs-checklist-damaged"),
        &with(inv, lang, |x| {
            matches!(
                x,
                Finding::Empty
                    | Finding::Damaged { .. }
                    | Finding::NotADocument
                    | Finding::InUse
                    | Finding::NoAccess
                    | Finding::OpenElsewhere
            )
        }),
        lang,
    );
    let _ = writeln!(out, "{}", t!(lang, "docs-checklist-fonts"));
    for s in SUBSTITUTES {
        let status = if fonts.is_installed(s.free) {
            t!(lang, "docs-fonts-ok")
        } else {
            t!(lang, "docs-fonts-install", entry = s.entry)
        };
        let _ = writeln!(
            out,
            "  [ ] {}",
            t!(
                lang,
                "docs-fonts-line",
                font = s.free,
                original = s.font,
                status = status
            )
        );
    }
    for f in &tt.fonts {
        if matches!(f.status, FontStatus::NoEquivalent | FontStatus::Missing) {
            let _ = writeln!(
                out,
                "  [ ] {}",
                t!(
                    lang,
                    "docs-inv-font-line",
                    font = f.name.clone(),
                    count = f.documents,
                    status = words::font_status(&f.status, lang)
                )
            );
        }
    }
    let _ = writeln!(out);
    if let Some(c) = format {
        let _ = writeln!(
            out,
            "{}",
            t!(
                lang,
                "docs-checklist-format",
                format = words::current_format(c, lang)
            )
        );
        let _ = writeln!(out);
    }
    if let Some(r) = conversion {
        let _ = writeln!(out, "{}", t!(lang, "docs-checklist-conversion"));
        let _ = writeln!(
            out,
            "  {}",
            t!(
                lang,
                "docs-conv-summary",
                converted = r.converted.len(),
                failed = r.failed.len(),
                skipped = r.skipped.len(),
                seconds = format!("{:.0}", r.seconds.round()),
                runs = r.soffice_runs
            )
        );
        for f in r.failed.iter().take(MAX_LISTED) {
            let _ = writeln!(
                out,
                "  [ ] {} — {}",
                f.source.display(),
                words::fail_reason(&f.reason, lang)
            );
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "{}", t!(lang, "docs-checklist-by-hand"));
    for line in [
        t!(lang, "docs-checklist-hand-1"),
        t!(lang, "docs-checklist-hand-2"),
        t!(lang, "docs-checklist-hand-3"),
        t!(lang, "docs-checklist-hand-4"),
    ] {
        let _ = writeln!(out, "  [ ] {line}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", t!(lang, "docs-checklist-footer"));
    out
}
