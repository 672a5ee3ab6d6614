//! Learning paths (parcours): step cards read from `catalog/guides/`, the checks the kit
//! can verify on this computer, the progress of each person, and printable handouts
//! (PDF and HTML).
//!
//! No UI here: the window's player and the `guide` command both use this module.

pub mod checks;
pub mod handout;
pub mod html;
pub mod pdf;
pub mod progress;

use crate::catalog::Catalog;
use crate::catalog::model::{Guide, Lang};
use crate::t;
use handout::{Handout, HandoutLabels, HandoutLink, HandoutStep, QrMatrix};

/// A QR code for `text`; `None` when it does not fit in a QR code (over ~2,900 bytes).
pub fn qr_matrix(text: &str) -> Option<QrMatrix> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some(QrMatrix { width, dark })
}

/// "Environ 30 minutes · Windows, macOS, Linux".
pub fn meta_line(g: &Guide, lang: Lang) -> String {
    let platforms: Vec<String> = g
        .platforms
        .iter()
        .map(|p| crate::words::platform_name(*p, lang))
        .collect();
    let minutes = t!(lang, "guide-minutes", minutes = i64::from(g.minutes));
    if platforms.is_empty() {
        minutes
    } else {
        format!("{minutes} · {}", platforms.join(", "))
    }
}

/// The handout of a path, in one language: its steps with the QR codes of their links.
pub fn handout(g: &Guide, catalog: &Catalog, lang: Lang) -> Handout {
    let steps = g
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let links = s
                .link
                .iter()
                .filter_map(|url| {
                    let label = s
                        .entries
                        .iter()
                        .find_map(|e| catalog.get(e))
                        .map(|e| e.name(lang).to_owned())
                        .unwrap_or_else(|| host_of(url));
                    qr_matrix(url).map(|qr| HandoutLink {
                        label,
                        url: url.clone(),
                        qr,
                    })
                })
                .collect();
            HandoutStep {
                number: i + 1,
                title: s.title.get(lang).to_owned(),
                text: s.text.get(lang).to_owned(),
                why: s.why.get(lang).to_owned(),
                links,
            }
        })
        .collect();
    Handout {
        lang: lang.code().to_owned(),
        title: g.title.get(lang).to_owned(),
        summary: g.summary.get(lang).to_owned(),
        meta: meta_line(g, lang),
        steps,
        changes: g.changes.iter().map(|c| c.get(lang).to_owned()).collect(),
        footer: t!(
            lang,
            "guide-handout-footer",
            date = g.provenance.checked.to_string()
        ),
        labels: HandoutLabels {
            step: t!(lang, "guide-step"),
            why: t!(lang, "guide-why"),
            changes: t!(lang, "guide-changes"),
            done: t!(lang, "guide-done-box"),
            scan: t!(lang, "guide-scan"),
            qr_alt: t!(lang, "guide-qr-alt"),
        },
    }
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_owned())
        })
        .unwrap_or_else(|| url.to_owned())
}
