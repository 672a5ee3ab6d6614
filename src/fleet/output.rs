//! The report as files an IT team shares: two CSV tables (one row per machine; one row
//! per proprietary product and alternative) that LibreOffice Calc opens as they are
//! (UTF-8 with a BOM, comma separated: Calc's default), and one self-contained HTML page
//! (no script, no remote resource) with tables and bar charts whose numbers are written
//! out. The page is also well-formed XML (void elements closed), so tools can check it.

use crate::catalog::model::Lang;
use crate::fleet::hardware::{Check, verdict_text};
use crate::fleet::report::{FleetReport, MachineReport, Readiness};
use crate::t;
use html_escape::encode_text as text;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The UTF-8 byte order mark: Calc and Excel then read accents right.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the product table goes, beside the machine table: `fleet.csv` ->
/// `fleet-products.csv`.
pub fn products_path(machines_csv: &Path) -> PathBuf {
    let stem = machines_csv
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "fleet".into());
    let ext = machines_csv
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "csv".into());
    machines_csv.with_file_name(format!("{stem}-products.{ext}"))
}

fn yes_no(c: Check, lang: Lang) -> String {
    match c {
        Check::Ok => t!(lang, "fleet-yes"),
        Check::TooSmall => t!(lang, "fleet-no"),
        Check::Unknown => t!(lang, "fleet-unknown"),
    }
}

fn gb_mem(mb: Option<u64>) -> String {
    mb.map(|m| format!("{:.0}", m as f64 / 1024.0))
        .unwrap_or_default()
}

fn gb_disk(mb: Option<u64>) -> String {
    mb.map(|m| format!("{:.0}", m as f64 * 1_048_576.0 / 1e9))
        .unwrap_or_default()
}

fn ready_text(m: &MachineReport) -> String {
    m.ready
        .iter()
        .map(|r| format!("{} → {}", r.name, r.alternative))
        .collect::<Vec<_>>()
        .join("; ")
}

fn windows_text(m: &MachineReport, lang: Lang) -> String {
    m.windows.as_ref().map(|w| w.text(lang)).unwrap_or_default()
}

/// The machine table.
pub fn machines_csv(r: &FleetReport, lang: Lang) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(BOM.to_vec());
    let header: Vec<String> = [
        t!(lang, "fleet-col-machine"),
        t!(lang, "fleet-col-os"),
        t!(lang, "fleet-col-readiness"),
        t!(lang, "fleet-col-with-alternatives"),
        t!(lang, "fleet-col-ready"),
        t!(lang, "fleet-col-to-replace"),
        t!(lang, "fleet-col-windows"),
        t!(lang, "fleet-col-linux-fit"),
        t!(lang, "fleet-col-memory-gb"),
        t!(lang, "fleet-col-disk-gb"),
        t!(lang, "fleet-col-64bit"),
        t!(lang, "fleet-col-programs"),
        t!(lang, "fleet-col-date"),
        t!(lang, "fleet-col-format"),
        t!(lang, "fleet-col-file"),
    ]
    .into();
    w.write_record(&header).map_err(|e| e.to_string())?;
    for m in &r.machines {
        w.write_record([
            m.name.clone(),
            m.os.clone(),
            m.readiness.label(lang),
            m.with_alternatives.to_string(),
            ready_text(m),
            m.to_replace.join("; "),
            windows_text(m, lang),
            verdict_text(m.linux_fit.verdict, lang),
            gb_mem(m.linux_fit.memory_mb),
            gb_disk(m.linux_fit.disk_mb),
            yes_no(m.linux_fit.cpu_64bit, lang),
            m.programs.to_string(),
            m.inventory_date.clone().unwrap_or_default(),
            m.format.code().to_owned(),
            m.file.clone(),
        ])
        .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// The product table: one row per product and alternative.
pub fn products_csv(r: &FleetReport, lang: Lang) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(BOM.to_vec());
    w.write_record([
        t!(lang, "fleet-col-product"),
        t!(lang, "fleet-col-product-id"),
        t!(lang, "fleet-col-machines"),
        t!(lang, "fleet-col-alternative"),
        t!(lang, "fleet-col-alternative-id"),
        t!(lang, "fleet-col-fit"),
        t!(lang, "fleet-col-suggested-on"),
        t!(lang, "fleet-col-installed-on"),
    ])
    .map_err(|e| e.to_string())?;
    for p in &r.products {
        if p.alternatives.is_empty() {
            w.write_record([
                p.name.clone(),
                p.id.clone(),
                p.machines.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ])
            .map_err(|e| e.to_string())?;
        }
        for a in &p.alternatives {
            w.write_record([
                p.name.clone(),
                p.id.clone(),
                p.machines.to_string(),
                a.name.clone(),
                a.id.clone(),
                a.fit
                    .map(|f| crate::words::fit(f, lang))
                    .unwrap_or_default(),
                a.suggested_on.to_string(),
                a.installed_on.to_string(),
            ])
            .map_err(|e| e.to_string())?;
        }
    }
    w.into_inner().map_err(|e| e.to_string())
}

const STYLE: &str = "\
html { font-family: \"Atkinson Hyperlegible\", Verdana, \"DejaVu Sans\", sans-serif; font-size: 100%;
  line-height: 1.45; color: #1a1a1a; background: #fff; }
body { max-width: 72em; margin: 0 auto; padding: 1em 1.2em 3em; }
h1 { font-size: 1.8em; margin: .2em 0; }
h2 { font-size: 1.35em; margin: 1.6em 0 .5em; border-bottom: 2px solid #1a1a1a; }
.meta { color: #333; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #767676; padding: .3em .5em; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
th[scope=row] { font-weight: normal; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: inline-block; height: .9em; background: #1d4f91; vertical-align: middle;
  margin-right: .4em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bars td.chart { width: 55%; }
dl.totals { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dl.totals dt { font-weight: bold; }
dl.totals dd { margin: 0; }
.ready { color: #0b6623; } .partial { color: #7a4b00; } .not-started { color: #a4000f; }
.legend dt { font-weight: bold; }
.legend dd { margin: 0 0 .4em 1em; }
footer { margin-top: 2em; border-top: 1px solid #767676; padding-top: .5em; font-size: .9em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, .bars { break-inside: avoid; }
  thead { display: table-header-group; }
}
";

fn th_cols(o: &mut String, cols: &[String]) {
    o.push_str("<thead><tr>");
    for c in cols {
        let _ = write!(o, "<th scope=\"col\">{}</th>", text(c));
    }
    o.push_str("</tr></thead>\n");
}

/// A bar chart as a table: label, a bar whose length is the share, and the number.
fn bar_table(
    o: &mut String,
    caption: &str,
    head: [String; 2],
    rows: &[(String, usize)],
    total: usize,
) {
    let _ = write!(
        o,
        "<table class=\"bars\">\n<caption>{}</caption>\n",
        text(caption)
    );
    th_cols(o, &[head[0].clone(), head[1].clone()]);
    o.push_str("<tbody>\n");
    for (label, n) in rows {
        let pct = if total == 0 {
            0.0
        } else {
            *n as f64 * 100.0 / total as f64
        };
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td class=\"chart\"><span class=\"bar\" \
             style=\"width:{:.1}%\" aria-hidden=\"true\"></span>{n}</td></tr>",
            text(label),
            pct * 0.85
        );
    }
    o.push_str("</tbody>\n</table>\n");
}

/// The whole page.
pub fn html(r: &FleetReport, lang: Lang) -> String {
    let title = t!(lang, "fleet-html-title");
    let mut o = String::new();
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p class=\"meta\">{meta}</p>\n",
        lang = lang.code(),
        title = text(&title),
        meta = text(&t!(
            lang,
            "fleet-html-meta",
            date = r.today.as_str(),
            files = r.totals.files,
            machines = r.totals.machines
        )),
    );
    // Totals.
    let _ = write!(
        o,
        "<h2 id=\"totals\">{}</h2>\n<dl class=\"totals\">\n",
        text(&t!(lang, "fleet-html-totals"))
    );
    let totals: [(String, usize); 7] = [
        (t!(lang, "fleet-total-machines"), r.totals.machines),
        (t!(lang, "fleet-total-files"), r.totals.files),
        (
            t!(lang, "fleet-total-with-proprietary"),
            r.totals.machines_with_proprietary,
        ),
        (
            t!(lang, "fleet-total-windows-eos"),
            r.totals.windows_past_end_of_support,
        ),
        (
            t!(lang, "fleet-total-windows-eos-fit"),
            r.totals.windows_past_end_fit_for_linux,
        ),
        (t!(lang, "fleet-total-duplicates"), r.totals.duplicates),
        (t!(lang, "fleet-total-problems"), r.totals.problems),
    ];
    for (label, n) in &totals {
        let _ = writeln!(o, "<dt>{}</dt><dd>{n}</dd>", text(label));
    }
    o.push_str("</dl>\n");
    // Readiness chart and legend.
    let _ = writeln!(
        o,
        "<h2 id=\"readiness\">{}</h2>",
        text(&t!(lang, "fleet-html-readiness"))
    );
    let rows: Vec<(String, usize)> = Readiness::ALL
        .iter()
        .map(|l| {
            (
                l.label(lang),
                r.totals.readiness.get(l.code()).copied().unwrap_or(0),
            )
        })
        .collect();
    bar_table(
        &mut o,
        &t!(lang, "fleet-html-readiness-caption"),
        [
            t!(lang, "fleet-col-readiness"),
            t!(lang, "fleet-col-machines"),
        ],
        &rows,
        r.totals.machines,
    );
    o.push_str("<dl class=\"legend\">\n");
    for l in Readiness::ALL {
        let _ = writeln!(
            o,
            "<dt class=\"{}\">{}</dt><dd>{}</dd>",
            l.code(),
            text(&l.label(lang)),
            text(&l.explanation(lang))
        );
    }
    o.push_str("</dl>\n");
    // Products.
    let _ = writeln!(
        o,
        "<h2 id=\"products\">{}</h2>",
        text(&t!(lang, "fleet-html-products"))
    );
    if r.products.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", text(&t!(lang, "fleet-no-products")));
    } else {
        let rows: Vec<(String, usize)> = r
            .products
            .iter()
            .take(15)
            .map(|p| (p.name.clone(), p.machines))
            .collect();
        bar_table(
            &mut o,
            &t!(lang, "fleet-html-products-chart"),
            [
                t!(lang, "fleet-col-product"),
                t!(lang, "fleet-col-machines"),
            ],
            &rows,
            r.totals.machines,
        );
        let _ = write!(
            o,
            "<table>\n<caption>{}</caption>\n",
            text(&t!(lang, "fleet-html-products-caption"))
        );
        th_cols(
            &mut o,
            &[
                t!(lang, "fleet-col-product"),
                t!(lang, "fleet-col-machines"),
                t!(lang, "fleet-col-alternatives-installed"),
                t!(lang, "fleet-col-seen-as"),
            ],
        );
        o.push_str("<tbody>\n");
        for p in &r.products {
            let alts: Vec<String> = p
                .alternatives
                .iter()
                .map(|a| {
                    format!(
                        "{} ({})",
                        text(&a.name),
                        text(&t!(
                            lang,
                            "fleet-installed-on",
                            installed = a.installed_on,
                            total = a.suggested_on
                        ))
                    )
                })
                .collect();
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td>{}</td><td>{}</td></tr>",
                text(&p.name),
                p.machines,
                if alts.is_empty() {
                    text(&t!(lang, "fleet-no-alternative")).into_owned()
                } else {
                    alts.join("<br/>")
                },
                text(&p.seen_as.join(" ; "))
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    // Windows past end of support.
    let _ = writeln!(
        o,
        "<h2 id=\"windows\">{}</h2>",
        text(&t!(lang, "fleet-html-windows"))
    );
    if r.windows_end_of_support.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", text(&t!(lang, "fleet-no-windows-eos")));
    } else {
        let memory = crate::fleet::hardware::LINUX_MIN_MEMORY_MB / 1024;
        let disk = crate::fleet::hardware::LINUX_MIN_DISK_BYTES / 1_000_000_000;
        let _ = write!(
            o,
            "<p>{}</p>\n<table>\n<caption>{}</caption>\n",
            text(&t!(
                lang,
                "fleet-html-windows-intro",
                memory = memory,
                disk = disk
            )),
            text(&t!(lang, "fleet-html-windows-caption"))
        );
        th_cols(
            &mut o,
            &[
                t!(lang, "fleet-col-machine"),
                t!(lang, "fleet-col-windows"),
                t!(lang, "fleet-col-linux-fit"),
                t!(lang, "fleet-col-memory-gb"),
                t!(lang, "fleet-col-disk-gb"),
                t!(lang, "fleet-col-64bit"),
            ],
        );
        o.push_str("<tbody>\n");
        for w in &r.windows_end_of_support {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td><td>{}</td></tr>",
                text(&w.name),
                text(&w.support.text(lang)),
                text(&w.linux_fit.text(lang)),
                gb_mem(w.linux_fit.memory_mb),
                gb_disk(w.linux_fit.disk_mb),
                text(&yes_no(w.linux_fit.cpu_64bit, lang))
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    // Machines.
    let _ = write!(
        o,
        "<h2 id=\"machines\">{}</h2>\n<table>\n<caption>{}</caption>\n",
        text(&t!(lang, "fleet-html-machines")),
        text(&t!(
            lang,
            "fleet-html-machines-caption",
            count = r.machines.len()
        ))
    );
    th_cols(
        &mut o,
        &[
            t!(lang, "fleet-col-machine"),
            t!(lang, "fleet-col-os"),
            t!(lang, "fleet-col-readiness"),
            t!(lang, "fleet-col-ready"),
            t!(lang, "fleet-col-to-replace"),
            t!(lang, "fleet-col-linux-fit"),
        ],
    );
    o.push_str("<tbody>\n");
    for m in &r.machines {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"{}\">{} ({}/{})</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            text(&m.name),
            text(&m.os),
            m.readiness.code(),
            text(&m.readiness.label(lang)),
            m.ready.len(),
            m.with_alternatives,
            text(&ready_text(m)),
            text(&m.to_replace.join(", ")),
            text(&m.linux_fit.text(lang))
        );
    }
    o.push_str("</tbody>\n</table>\n");
    // Duplicates and problems.
    if !r.duplicates.is_empty() {
        let _ = write!(
            o,
            "<h2 id=\"duplicates\">{}</h2>\n<table>\n<caption>{}</caption>\n",
            text(&t!(lang, "fleet-html-duplicates")),
            text(&t!(lang, "fleet-html-duplicates-caption"))
        );
        th_cols(
            &mut o,
            &[
                t!(lang, "fleet-col-machine"),
                t!(lang, "fleet-col-left-out"),
                t!(lang, "fleet-col-kept"),
            ],
        );
        o.push_str("<tbody>\n");
        for d in &r.duplicates {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                text(&d.machine),
                text(&d.file),
                text(&format!(
                    "{} ({})",
                    d.kept,
                    crate::fleet::report::duplicate_reason(&d.reason, lang)
                ))
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    if !r.problems.is_empty() {
        let _ = write!(
            o,
            "<h2 id=\"problems\">{}</h2>\n<table>\n<caption>{}</caption>\n",
            text(&t!(lang, "fleet-html-problems")),
            text(&t!(lang, "fleet-html-problems-caption"))
        );
        th_cols(
            &mut o,
            &[t!(lang, "fleet-col-file"), t!(lang, "fleet-col-problem")],
        );
        o.push_str("<tbody>\n");
        for p in &r.problems {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                text(&p.file),
                text(&p.message)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    let _ = write!(
        o,
        "</main>\n<footer><p>{}</p></footer>\n</body>\n</html>\n",
        text(&t!(lang, "fleet-html-footer"))
    );
    o
}
