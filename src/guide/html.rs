//! The HTML version of a handout: one self-contained page (no script, no remote
//! resource), large print, that prints on A4 and reads well in a browser or a screen
//! reader. QR codes are inline SVG with their address as text alternative.

use crate::guide::handout::{Handout, QrMatrix};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::fmt::Write;

/// Modules of white around a QR code, as the standard asks.
const QUIET: usize = 4;

fn qr_svg(qr: &QrMatrix, alt: &str) -> String {
    let side = qr.width + 2 * QUIET;
    let mut path = String::new();
    for y in 0..qr.width {
        for x in 0..qr.width {
            if qr.is_dark(x, y) {
                let _ = write!(path, "M{} {}h1v1h-1z", x + QUIET, y + QUIET);
            }
        }
    }
    format!(
        "<svg class=\"qr\" role=\"img\" aria-label=\"{alt}\" viewBox=\"0 0 {side} {side}\" \
         xmlns=\"http://www.w3.org/2000/svg\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/>\
         <path d=\"{path}\" fill=\"#000\"/></svg>",
        alt = attr(alt)
    )
}

const STYLE: &str = "\
@page { size: A4; margin: 18mm; }
html { font-family: Andika, \"Atkinson Hyperlegible\", Verdana, sans-serif; font-size: 16pt;
  line-height: 1.4; color: #000; background: #fff; }
body { max-width: 48em; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.7em; margin: 0 0 .2em; }
.meta { font-size: .9em; margin: 0 0 .6em; }
.summary { margin: 0 0 1em; }
section.step { border-top: 2px solid #000; padding: .6em 0; break-inside: avoid; }
.number { font-weight: bold; margin: 0; }
h2 { font-size: 1.3em; margin: .1em 0 .3em; }
.done { display: inline-block; width: 1em; height: 1em; border: 2px solid #000;
  vertical-align: middle; margin-right: .3em; }
.why { margin: .4em 0 0; }
.why strong { display: block; }
figure { display: flex; gap: 1em; align-items: center; margin: .6em 0 0; break-inside: avoid; }
svg.qr { width: 34mm; height: 34mm; flex: none; }
figcaption { overflow-wrap: anywhere; }
.url { font-size: .9em; }
section.changes { border-top: 2px solid #000; padding-top: .6em; break-inside: avoid; }
footer { border-top: 1px solid #000; margin-top: 1.5em; padding-top: .4em; font-size: .7em; }
";

/// The whole page.
pub fn write_html(h: &Handout) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p class=\"meta\">{meta}</p>\n<p class=\"summary\">{summary}</p>\n",
        lang = attr(&h.lang),
        title = text(&h.title),
        meta = text(&h.meta),
        summary = text(&h.summary),
    );
    for s in &h.steps {
        let _ = write!(
            o,
            "<section class=\"step\">\n<p class=\"number\"><span class=\"done\" aria-hidden=\"true\"></span>\
             {label} {n} <span class=\"done-label\">({done})</span></p>\n<h2>{title}</h2>\n<p>{body}</p>\n\
             <p class=\"why\"><strong>{why_label}</strong> {why}</p>\n",
            label = text(&h.labels.step),
            n = s.number,
            done = text(&h.labels.done),
            title = text(&s.title),
            body = text(&s.text),
            why_label = text(&h.labels.why),
            why = text(&s.why),
        );
        for l in &s.links {
            let alt = h.labels.qr_alt.replace("{url}", &l.url);
            let _ = writeln!(
                o,
                "<figure>{svg}<figcaption><strong>{label}</strong><br>{scan}<br>\
                 <a class=\"url\" href=\"{href}\">{url}</a></figcaption></figure>",
                svg = qr_svg(&l.qr, &alt),
                label = text(&l.label),
                scan = text(&h.labels.scan),
                href = attr(&l.url),
                url = text(&l.url),
            );
        }
        o.push_str("</section>\n");
    }
    if !h.changes.is_empty() {
        let _ = write!(
            o,
            "<section class=\"changes\">\n<h2>{}</h2>\n<ul>\n",
            text(&h.labels.changes)
        );
        for c in &h.changes {
            let _ = writeln!(o, "<li>{}</li>", text(c));
        }
        o.push_str("</ul>\n</section>\n");
    }
    let _ = write!(
        o,
        "</main>\n<footer>{}</footer>\n</body>\n</html>\n",
        text(&h.footer)
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::handout::{HandoutLabels, HandoutLink, HandoutStep};

    fn sample() -> Handout {
        Handout {
            lang: "fr".into(),
            title: "Quitter <Gmail> & co".into(),
            summary: "Résumé \"entre guillemets\"".into(),
            meta: "Environ 30 minutes".into(),
            steps: vec![HandoutStep {
                number: 1,
                title: "Créer <b>un</b> compte".into(),
                text: "Texte".into(),
                why: "Parce que".into(),
                links: vec![HandoutLink {
                    label: "Proton".into(),
                    url: "https://proton.me/mail?a=1&b=\"2\"".into(),
                    qr: crate::guide::qr_matrix("https://proton.me/mail").expect("qr"),
                }],
            }],
            changes: vec!["Nouvelle adresse".into()],
            footer: "Kit Libre".into(),
            labels: HandoutLabels {
                step: "Étape".into(),
                why: "Pourquoi ?".into(),
                changes: "Ce qui change".into(),
                done: "Fait".into(),
                scan: "Scannez".into(),
                qr_alt: "Code QR vers {url}".into(),
            },
        }
    }

    #[test]
    fn escapes_everything_and_draws_the_codes() {
        let html = write_html(&sample());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("<title>Quitter &lt;Gmail&gt; &amp; co</title>"));
        assert!(!html.contains("<b>un</b>"));
        assert!(html.contains("href=\"https://proton.me/mail?a=1&amp;b=&quot;2&quot;\""));
        assert!(html.contains(
            "aria-label=\"Code QR vers https://proton.me/mail?a=1&amp;b=&quot;2&quot;\""
        ));
        assert_eq!(html.matches("<svg").count(), 1);
        assert!(html.contains("<li>Nouvelle adresse</li>"));
        assert!(!html.contains("<script"));
        // As many dark squares as the code has dark modules.
        let dark = sample().steps[0].links[0]
            .qr
            .dark
            .iter()
            .filter(|d| **d)
            .count();
        assert_eq!(html.matches("h1v1h-1z").count(), dark);
    }
}
