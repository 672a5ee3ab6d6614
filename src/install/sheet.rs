//! The sheet for the IT department, when a locked-down PC cannot install a program: what
//! is asked, why, the exact commands and identifiers. Plain text, so it can be printed,
//! attached to a ticket or read on any computer.

use crate::catalog::model::{Date, Free, Lang};
use crate::install::plan::Plan;
use crate::t;

/// The sheet's text.
pub fn text(free: &Free, plan: &Plan, lang: Lang, today: Date) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(
        &mut out,
        t!(lang, "sheet-title", name = free.name.get(lang)),
    );
    line(&mut out, "=".repeat(72));
    line(&mut out, t!(lang, "sheet-date", date = today.to_string()));
    line(&mut out, String::new());
    line(
        &mut out,
        t!(lang, "sheet-intro", name = free.name.get(lang)),
    );
    line(&mut out, String::new());
    line(
        &mut out,
        format!("{} — {}", free.name.get(lang), free.summary.get(lang)),
    );
    line(
        &mut out,
        t!(lang, "cli-license", license = free.license.as_str()),
    );
    line(
        &mut out,
        t!(lang, "cli-homepage", url = free.homepage.as_str()),
    );
    line(&mut out, String::new());
    if let Some(req) = &plan.it_request {
        if !req.commands.is_empty() {
            line(&mut out, t!(lang, "sheet-commands"));
            for c in &req.commands {
                line(&mut out, format!("    {}", c.join(" ")));
            }
            line(&mut out, String::new());
        }
        if !req.identifiers.is_empty() {
            line(&mut out, t!(lang, "sheet-identifiers"));
            for (k, v) in &req.identifiers {
                line(&mut out, format!("    {k}: {v}"));
            }
            line(&mut out, String::new());
        }
    }
    line(&mut out, t!(lang, "sheet-footer"));
    out
}
