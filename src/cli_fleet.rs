//! `kitlibre fleet report`: the migration report over a whole fleet, from the inventories
//! the IT department already has (GLPI Agent JSON, OCS / GLPI XML, GLPI CSV exports) and
//! `kitlibre scan --json` files.

use crate::catalog::Catalog;
use crate::catalog::model::{Date, Lang};
use crate::cli::{BAD_INPUT, Io, NEGATIVE, OK, Status};
use crate::detect::matching::Matcher;
use crate::fleet::hardware::verdict_text;
use crate::fleet::report::{FleetReport, Readiness, duplicate_reason};
use crate::fleet::{Fleet, output};
use crate::t;
use clap::Subcommand;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum FleetCommand {
    /// Migration report over many machines: per proprietary product, how many machines
    /// have it and whether its free alternatives are already there; per machine, how
    /// ready it is; Windows machines past end of support and whether their hardware can
    /// run Linux.
    ///
    /// Inputs (files or folders, `.gz` too; the format is told from the content): GLPI
    /// Agent inventories (JSON), FusionInventory / OCS Inventory XML, GLPI CSV exports
    /// (French or English headers), `kitlibre scan --json` files (named after the PC).
    /// A bad file is listed with the reason and never stops the report.
    ///
    /// Exit status: 0 when the report was produced (even with unreadable files, which it
    /// lists); 1 when no machine at all could be read; 2 for wrong arguments or when an
    /// output file could not be written.
    #[command(verbatim_doc_comment)]
    Report {
        /// Inventory files or folders (folders are walked: .json .xml .ocs .csv .gz .txt).
        #[arg(required = true, num_args = 1.., value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Also save the tables for a spreadsheet: one row per machine in FILE, one row
        /// per product and alternative beside it (parc.csv -> parc-products.csv).
        /// UTF-8 with BOM, comma separated, for LibreOffice Calc.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also save the report as one web page to share (no script, no remote file,
        /// prints well).
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Answer end-of-support questions for this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE", hide = true)]
        today: Option<String>,
    },
}

pub fn run(
    command: FleetCommand,
    catalog: &Catalog,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    match command {
        FleetCommand::Report {
            inputs,
            csv,
            html,
            today,
        } => {
            let today = match today.as_deref() {
                None => Date::today(),
                Some(s) => match crate::fleet::parse_date(s).filter(|_| s.trim().len() == 10) {
                    Some(d) => d,
                    None => {
                        writeln!(
                            io.err,
                            "kitlibre: {}",
                            t!(lang, "fleet-bad-date", value = s)
                        )?;
                        return Ok(BAD_INPUT);
                    }
                },
            };
            report(catalog, &inputs, csv, html, today, json, lang, io)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    catalog: &Catalog,
    inputs: &[PathBuf],
    csv: Option<PathBuf>,
    html: Option<PathBuf>,
    today: Date,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let matcher = Matcher::new(catalog);
    let mut fleet = Fleet::new(catalog, &matcher, lang, today);
    let progress = std::io::stderr().is_terminal();
    let mut last = std::time::Instant::now();
    {
        let err = &mut *io.err;
        fleet.read_inputs_observed(inputs, &mut |done, total| {
            if progress && (last.elapsed().as_millis() > 200 || done == total) {
                last = std::time::Instant::now();
                let _ = write!(
                    err,
                    "\r{}",
                    t!(lang, "fleet-progress", done = done, total = total)
                );
                if done == total {
                    let _ = write!(err, "\r{:60}\r", "");
                }
            }
        });
    }
    let r = fleet.finish();
    let mut status = if r.totals.machines == 0 { NEGATIVE } else { OK };
    let mut written = Vec::new();
    if let Some(path) = &csv {
        let products = output::products_path(path);
        let result = output::machines_csv(&r, lang)
            .and_then(|b| write(path, &b))
            .and_then(|_| output::products_csv(&r, lang))
            .and_then(|b| write(&products, &b));
        match result {
            Ok(()) => {
                written.push(path.display().to_string());
                written.push(products.display().to_string());
            }
            Err(e) => {
                writeln!(
                    io.err,
                    "kitlibre: {}",
                    t!(
                        lang,
                        "fleet-not-saved",
                        path = path.display().to_string(),
                        detail = e
                    )
                )?;
                status = BAD_INPUT;
            }
        }
    }
    if let Some(path) = &html {
        match write(path, output::html(&r, lang).as_bytes()) {
            Ok(()) => written.push(path.display().to_string()),
            Err(e) => {
                writeln!(
                    io.err,
                    "kitlibre: {}",
                    t!(
                        lang,
                        "fleet-not-saved",
                        path = path.display().to_string(),
                        detail = e
                    )
                )?;
                status = BAD_INPUT;
            }
        }
    }
    if json {
        // Written as it is serialised: no second copy of a large report in memory.
        let mut w = std::io::BufWriter::new(&mut *io.out);
        serde_json::to_writer_pretty(&mut w, &r).map_err(std::io::Error::other)?;
        std::io::Write::write_all(&mut w, b"\n")?;
        std::io::Write::flush(&mut w)?;
    } else {
        print_text(&r, lang, io)?;
        for w in &written {
            writeln!(io.out, "{}", t!(lang, "fleet-saved", path = w.as_str()))?;
        }
    }
    if r.totals.machines == 0 {
        writeln!(io.err, "kitlibre: {}", t!(lang, "fleet-nothing-read"))?;
    }
    Ok(status)
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    crate::settings::write_atomic(path, bytes).map_err(|e| e.to_string())
}

/// Most machines listed in the text output; the files have them all.
const TEXT_MACHINES: usize = 100;

fn print_text(r: &FleetReport, lang: Lang, io: &mut Io<'_>) -> std::io::Result<()> {
    let t = &r.totals;
    writeln!(
        io.out,
        "{}",
        t!(
            lang,
            "fleet-summary",
            files = t.files,
            machines = t.machines,
            duplicates = t.duplicates,
            problems = t.problems
        )
    )?;
    let levels: Vec<String> = Readiness::ALL
        .iter()
        .map(|l| {
            format!(
                "{} {}",
                t.readiness.get(l.code()).copied().unwrap_or(0),
                l.label(lang)
            )
        })
        .collect();
    writeln!(
        io.out,
        "{}",
        t!(lang, "fleet-readiness-line", levels = levels.join(" · "))
    )?;
    writeln!(io.out)?;
    if r.products.is_empty() {
        writeln!(io.out, "{}", t!(lang, "fleet-no-products"))?;
    } else {
        writeln!(io.out, "{}", t!(lang, "fleet-products-head"))?;
        for p in &r.products {
            writeln!(io.out, "  {:>5}  {}  [{}]", p.machines, p.name, p.id)?;
            let alts: Vec<String> = p
                .alternatives
                .iter()
                .map(|a| {
                    format!(
                        "{} ({})",
                        a.name,
                        t!(
                            lang,
                            "fleet-installed-on",
                            installed = a.installed_on,
                            total = a.suggested_on
                        )
                    )
                })
                .collect();
            if !alts.is_empty() {
                writeln!(io.out, "         → {}", alts.join(" · "))?;
            }
        }
    }
    writeln!(io.out)?;
    if r.windows_end_of_support.is_empty() {
        writeln!(io.out, "{}", t!(lang, "fleet-no-windows-eos"))?;
    } else {
        writeln!(
            io.out,
            "{}",
            t!(
                lang,
                "fleet-windows-head",
                count = t.windows_past_end_of_support,
                fit = t.windows_past_end_fit_for_linux,
                notfit = t.windows_past_end_not_fit,
                unknown = t.windows_past_end_fit_unknown
            )
        )?;
        for w in r.windows_end_of_support.iter().take(TEXT_MACHINES) {
            writeln!(
                io.out,
                "  {}  {}  {}",
                w.name,
                w.support.text(lang),
                w.linux_fit.text(lang)
            )?;
        }
    }
    writeln!(io.out)?;
    writeln!(io.out, "{}", t!(lang, "fleet-machines-head"))?;
    for m in r.machines.iter().take(TEXT_MACHINES) {
        let mut line = format!(
            "  {}  {}  {} ({}/{})",
            m.name,
            if m.os.is_empty() { "?" } else { &m.os },
            m.readiness.label(lang),
            m.ready.len(),
            m.with_alternatives
        );
        if !m.ready.is_empty() {
            let ready: Vec<String> = m
                .ready
                .iter()
                .map(|x| format!("{} → {}", x.name, x.alternative))
                .collect();
            line.push_str(&format!(
                "  {}",
                t!(lang, "fleet-ready-list", list = ready.join(", "))
            ));
        }
        line.push_str(&format!(
            "  {}",
            t!(
                lang,
                "fleet-linux-short",
                verdict = verdict_text(m.linux_fit.verdict, lang)
            )
        ));
        writeln!(io.out, "{line}")?;
    }
    if r.machines.len() > TEXT_MACHINES {
        let more = r.machines.len() - TEXT_MACHINES;
        writeln!(
            io.out,
            "  {}",
            t!(lang, "fleet-more-machines", count = more)
        )?;
    }
    if !r.duplicates.is_empty() {
        writeln!(io.out)?;
        writeln!(
            io.out,
            "{}",
            t!(lang, "fleet-duplicates-head", count = r.duplicates.len())
        )?;
        for d in &r.duplicates {
            writeln!(
                io.out,
                "  {}  {}",
                d.machine,
                t!(
                    lang,
                    "fleet-duplicate-line",
                    file = d.file.as_str(),
                    kept = d.kept.as_str(),
                    reason = duplicate_reason(&d.reason, lang)
                )
            )?;
        }
    }
    if !r.problems.is_empty() {
        writeln!(io.out)?;
        writeln!(
            io.out,
            "{}",
            t!(lang, "fleet-problems-head", count = r.problems.len())
        )?;
        for p in &r.problems {
            writeln!(io.out, "  {} : {}", p.file, p.message)?;
        }
    }
    Ok(())
}
