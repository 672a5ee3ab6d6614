//! `kitlibre docs`: the LibreOffice migration from the command line: inventory, batch
//! conversion, fonts, LibreOffice's default save format, and the checklist file.

use crate::catalog::model::{Date, Lang};
use crate::cli::{BAD_INPUT, Io, NEGATIVE, OK, Status};
use crate::migrate::convert::{self, Report, Target};
use crate::migrate::fonts::{FontEnv, SUBSTITUTES, libreoffice_font_dirs};
use crate::migrate::inventory::{self, Inventory, needing_attention};
use crate::migrate::{checklist, soffice, words, xcu};
use crate::t;
use clap::Subcommand;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Subcommand, Debug)]
pub enum DocsCommand {
    /// Inventory the office documents of a folder for a move to LibreOffice: real format,
    /// macros, passwords, fonts, templates, mail merges, links, damaged files; a readiness
    /// level per file with the reasons.
    Inventory {
        /// The folder (or one file) to read. Nothing in it is changed.
        dir: PathBuf,
        /// Also save the list as a spreadsheet table (CSV).
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also save the checklist of what to verify by hand (text file).
        #[arg(long, value_name = "FILE")]
        checklist: Option<PathBuf>,
    },
    /// Convert the documents of a folder with LibreOffice into another folder. The
    /// originals are never changed; a re-run resumes where the last one stopped.
    Convert {
        /// The folder of documents (read only).
        dir: PathBuf,
        /// Where the converted documents go (the folder tree is copied there).
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
        /// The format: odf (OpenDocument, the default), ooxml (Word, Excel, PowerPoint)
        /// or pdf.
        #[arg(long, value_name = "odf|ooxml|pdf", default_value = "odf")]
        to: String,
        /// Also save the checklist of what to verify by hand (text file).
        #[arg(long, value_name = "FILE")]
        checklist: Option<PathBuf>,
        /// Most files given to one LibreOffice run.
        #[arg(long, default_value_t = 50, hide = true)]
        batch_size: usize,
        /// Seconds allowed to a LibreOffice run, before the per-file and per-MB margins.
        #[arg(long, default_value_t = 90, hide = true)]
        timeout: u64,
    },
    /// The fonts with the same letter sizes as Microsoft's (Carlito for Calibri...): which
    /// are installed, and how to install the others.
    Fonts,
    /// Show or set LibreOffice's default save format (odf or ooxml). LibreOffice must be
    /// closed; the person's other settings are kept and a backup is made.
    DefaultFormat {
        /// odf or ooxml; without it, the current format is shown.
        format: Option<String>,
        /// The LibreOffice profile folder (default: this user's).
        #[arg(long, value_name = "DIR")]
        profile: Option<PathBuf>,
    },
}

fn cancel_flag() -> Arc<AtomicBool> {
    let cancel = Arc::new(AtomicBool::new(false));
    let c = cancel.clone();
    // Ctrl+C stops the work cleanly (a conversion resumes on the next run).
    let _ = ctrlc::set_handler(move || c.store(true, Ordering::SeqCst));
    cancel
}

fn system_fonts() -> FontEnv {
    let extra = soffice::find()
        .and_then(|s| s.program)
        .map(|p| libreoffice_font_dirs(&p))
        .unwrap_or_default();
    FontEnv::system(&extra)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::settings::write_atomic(path, bytes).map_err(|e| e.to_string())
}

pub fn run(
    command: DocsCommand,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    match command {
        DocsCommand::Inventory {
            dir,
            csv,
            checklist,
        } => inventory_cmd(&dir, csv, checklist, json, lang, io),
        DocsCommand::Convert {
            dir,
            out,
            to,
            checklist,
            batch_size,
            timeout,
        } => {
            let Some(target) = Target::parse(&to) else {
                writeln!(io.err, "{}", t!(lang, "docs-bad-target", value = to))?;
                return Ok(BAD_INPUT);
            };
            let opts = convert::Options {
                batch_size: batch_size.max(1),
                base_timeout: std::time::Duration::from_secs(timeout.max(1)),
                ..convert::Options::default()
            };
            convert_cmd(&dir, &out, target, opts, checklist, json, lang, io)
        }
        DocsCommand::Fonts => fonts_cmd(json, lang, io),
        DocsCommand::DefaultFormat { format, profile } => {
            default_format_cmd(format, profile, json, lang, io)
        }
    }
}

/// The inventory as JSON, each finding with its words.
pub fn inventory_json(inv: &Inventory, lang: Lang) -> serde_json::Value {
    let mut v = serde_json::to_value(inv).unwrap_or_default();
    if let Some(files) = v.get_mut("files").and_then(|f| f.as_array_mut()) {
        for (fv, f) in files.iter_mut().zip(&inv.files) {
            let messages: Vec<String> =
                f.findings.iter().map(|x| words::finding(x, lang)).collect();
            fv["messages"] = json!(messages);
        }
    }
    v
}

fn print_inventory(inv: &Inventory, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let tt = &inv.totals;
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "docs-inv-title",
            path = inv.root.display().to_string()
        )
    )?;
    if tt.documents == 0 {
        writeln!(out, "{}", t!(lang, "docs-inv-none"))?;
    } else {
        let templates: usize = tt.templates + tt.attached_templates;
        writeln!(
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
        )?;
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "docs-inv-details",
                macros = tt.with_macros,
                encrypted = tt.encrypted,
                damaged = tt.cannot_open,
                templates = templates,
                merges = tt.mail_merges
            )
        )?;
    }
    if !tt.fonts.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t!(lang, "docs-inv-fonts"))?;
        for f in &tt.fonts {
            writeln!(
                out,
                "  {}",
                t!(
                    lang,
                    "docs-inv-font-line",
                    font = f.name.clone(),
                    count = f.documents,
                    status = words::font_status(&f.status, lang)
                )
            )?;
        }
    }
    let attention = needing_attention(inv);
    if !attention.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t!(lang, "docs-inv-attention"))?;
        for f in attention {
            let format = f.format.map(|x| x.extension).unwrap_or("?");
            writeln!(
                out,
                "  {} [{}] — {}",
                f.path.display(),
                format,
                words::readiness(f.readiness, lang)
            )?;
            for x in &f.findings {
                writeln!(out, "      · {}", words::finding(x, lang))?;
            }
        }
    }
    if !inv.skipped.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            t!(lang, "docs-inv-skipped", count = inv.skipped.len())
        )?;
        for s in &inv.skipped {
            writeln!(
                out,
                "  {} — {}",
                s.path.display(),
                words::skip_reason(&s.reason, lang)
            )?;
        }
    }
    if inv.cancelled {
        writeln!(out)?;
        writeln!(out, "{}", t!(lang, "docs-inv-cancelled"))?;
    }
    Ok(())
}

/// The inventory as a CSV table (one line per document).
pub fn inventory_csv(inv: &Inventory, lang: Lang) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = match lang {
        Lang::Fr => [
            "chemin",
            "format",
            "taille",
            "niveau",
            "macros",
            "mot de passe",
            "polices",
            "raisons",
        ],
        Lang::En => [
            "path", "format", "size", "level", "macros", "password", "fonts", "reasons",
        ],
    };
    w.write_record(header).map_err(|e| e.to_string())?;
    let yes_no = |b: bool| match (lang, b) {
        (Lang::Fr, true) => "oui",
        (Lang::Fr, false) => "non",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    };
    for f in &inv.files {
        let fonts: Vec<&str> = f.fonts.iter().map(|u| u.name.as_str()).collect();
        let reasons: Vec<String> = f.findings.iter().map(|x| words::finding(x, lang)).collect();
        w.write_record([
            f.path.display().to_string(),
            f.format.map(|x| x.extension).unwrap_or("?").to_owned(),
            f.size.to_string(),
            words::readiness(f.readiness, lang),
            yes_no(f.has_macros()).to_owned(),
            yes_no(f.is_encrypted()).to_owned(),
            fonts.join("; "),
            reasons.join(" | "),
        ])
        .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

fn run_inventory(
    dir: &Path,
    exclude: &[PathBuf],
    fonts: &FontEnv,
    lang: Lang,
    io: &mut Io<'_>,
    cancel: &AtomicBool,
) -> std::io::Result<Result<Inventory, Status>> {
    let show_progress = std::io::stderr().is_terminal();
    let mut last = std::time::Instant::now();
    let err = &mut *io.err;
    let result = inventory::inventory(
        dir,
        exclude,
        fonts,
        &mut |p| {
            if show_progress && last.elapsed().as_millis() > 200 {
                last = std::time::Instant::now();
                let _ = write!(
                    err,
                    "\r{}",
                    t!(lang, "docs-inv-progress", count = p.documents)
                );
            }
        },
        cancel,
    );
    if show_progress {
        write!(io.err, "\r{:60}\r", "")?;
    }
    match result {
        Ok(inv) => Ok(Ok(inv)),
        Err(e) => {
            writeln!(io.err, "{}", e.message(lang))?;
            Ok(Err(BAD_INPUT))
        }
    }
}

fn inventory_cmd(
    dir: &Path,
    csv: Option<PathBuf>,
    checklist_file: Option<PathBuf>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let cancel = cancel_flag();
    let fonts = system_fonts();
    let inv = match run_inventory(dir, &[], &fonts, lang, io, &cancel)? {
        Ok(inv) => inv,
        Err(status) => return Ok(status),
    };
    if let Some(path) = &csv {
        match inventory_csv(&inv, lang).and_then(|b| write_file(path, &b)) {
            Ok(()) => {
                if !json {
                    writeln!(
                        io.err,
                        "{}",
                        t!(lang, "docs-csv-saved", path = path.display().to_string())
                    )?;
                }
            }
            Err(e) => {
                writeln!(
                    io.err,
                    "{}",
                    t!(
                        lang,
                        "docs-error-cannot-create",
                        path = path.display().to_string(),
                        detail = e
                    )
                )?;
                return Ok(BAD_INPUT);
            }
        }
    }
    if let Some(path) = &checklist_file
        && let Err(status) = save_checklist(path, &inv, None, &fonts, json, lang, io)?
    {
        return Ok(status);
    }
    if json {
        serde_json::to_writer_pretty(&mut *io.out, &inventory_json(&inv, lang))?;
        writeln!(io.out)?;
    } else {
        print_inventory(&inv, lang, io.out)?;
    }
    Ok(if inv.cancelled { NEGATIVE } else { OK })
}

fn save_checklist(
    path: &Path,
    inv: &Inventory,
    report: Option<&Report>,
    fonts: &FontEnv,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Result<(), Status>> {
    let current = xcu::profiles()
        .first()
        .and_then(|p| std::fs::read_to_string(p.join(xcu::FILE)).ok())
        .and_then(|x| xcu::read(&x).ok());
    let text = checklist::text(inv, report, current.as_ref(), fonts, lang, Date::today());
    match write_file(path, text.as_bytes()) {
        Ok(()) => {
            if !json {
                writeln!(
                    io.err,
                    "{}",
                    t!(
                        lang,
                        "docs-checklist-saved",
                        path = path.display().to_string()
                    )
                )?;
            }
            Ok(Ok(()))
        }
        Err(e) => {
            writeln!(
                io.err,
                "{}",
                t!(
                    lang,
                    "docs-error-cannot-create",
                    path = path.display().to_string(),
                    detail = e
                )
            )?;
            Ok(Err(BAD_INPUT))
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn convert_cmd(
    dir: &Path,
    out: &Path,
    target: Target,
    opts: convert::Options,
    checklist_file: Option<PathBuf>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    if let Err(e) = convert::check_folders(dir, out) {
        writeln!(io.err, "{}", e.message(lang))?;
        return Ok(BAD_INPUT);
    }
    let Some(office) = soffice::find() else {
        writeln!(
            io.err,
            "{}",
            convert::ConvertError::NoLibreOffice.message(lang)
        )?;
        return Ok(NEGATIVE);
    };
    let cancel = cancel_flag();
    let fonts = if checklist_file.is_some() {
        system_fonts()
    } else {
        FontEnv::default()
    };
    let inv = match run_inventory(dir, &[out.to_path_buf()], &fonts, lang, io, &cancel)? {
        Ok(inv) => inv,
        Err(status) => return Ok(status),
    };
    let plan = convert::plan(&inv, out, target);
    if !json {
        writeln!(
            io.out,
            "{}",
            t!(
                lang,
                "docs-conv-title",
                path = dir.display().to_string(),
                out = out.display().to_string(),
                format = words::target(target, lang)
            )
        )?;
        writeln!(
            io.out,
            "{}",
            t!(
                lang,
                "docs-conv-plan",
                convert = plan.jobs.len(),
                skip = plan.skipped.len()
            )
        )?;
    }
    let report = {
        let err = &mut *io.err;
        let mut on = |p: convert::Progress| {
            if json {
                return;
            }
            let msg = match p {
                convert::Progress::Batch { files } => t!(lang, "docs-conv-batch", count = files),
                convert::Progress::Done { done, total } => {
                    t!(lang, "docs-conv-progress", done = done, total = total)
                }
            };
            let _ = writeln!(err, "{msg}");
        };
        convert::run(&plan, &office, &opts, &mut on, &cancel)
    };
    let report = match report {
        Ok(r) => r,
        Err(e) => {
            writeln!(io.err, "{}", e.message(lang))?;
            return Ok(BAD_INPUT);
        }
    };
    let saved = convert::write_reports(&report, lang);
    if let Err(e) = saved {
        writeln!(
            io.err,
            "{}",
            t!(
                lang,
                "docs-error-cannot-create",
                path = out.display().to_string(),
                detail = e
            )
        )?;
    }
    if let Some(path) = &checklist_file
        && let Err(status) = save_checklist(path, &inv, Some(&report), &fonts, json, lang, io)?
    {
        return Ok(status);
    }
    if json {
        serde_json::to_writer_pretty(&mut *io.out, &report)?;
        writeln!(io.out)?;
    } else {
        // The title was printed before the conversion started.
        for l in words::report_text(&report, lang).lines().skip(1) {
            writeln!(io.out, "{l}")?;
        }
        writeln!(
            io.out,
            "{}",
            t!(
                lang,
                "docs-conv-report",
                path = out.join(convert::REPORT_TEXT).display().to_string()
            )
        )?;
    }
    Ok(if report.failed.is_empty() && !report.cancelled {
        OK
    } else {
        NEGATIVE
    })
}

fn fonts_cmd(json: bool, lang: Lang, io: &mut Io<'_>) -> std::io::Result<Status> {
    let fonts = system_fonts();
    if json {
        let list: Vec<_> = SUBSTITUTES
            .iter()
            .map(|s| {
                json!({
                    "font": s.font,
                    "free": s.free,
                    "entry": s.entry,
                    "installed": fonts.is_installed(s.free),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *io.out, &json!({ "fonts": list }))?;
        writeln!(io.out)?;
    } else {
        writeln!(io.out, "{}", t!(lang, "docs-fonts-title"))?;
        for s in SUBSTITUTES {
            let status = if fonts.is_installed(s.free) {
                t!(lang, "docs-fonts-ok")
            } else {
                t!(lang, "docs-fonts-install", entry = s.entry)
            };
            writeln!(
                io.out,
                "  {}",
                t!(
                    lang,
                    "docs-fonts-line",
                    font = s.free,
                    original = s.font,
                    status = status
                )
            )?;
        }
    }
    let all = SUBSTITUTES.iter().all(|s| fonts.is_installed(s.free));
    Ok(if all { OK } else { NEGATIVE })
}

fn default_format_cmd(
    format: Option<String>,
    profile: Option<PathBuf>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let explicit = profile.is_some();
    let profiles = match profile {
        Some(p) => vec![p],
        None => xcu::profiles(),
    };
    let wanted = match format.as_deref() {
        None => None,
        Some(f) => match xcu::DefaultFormat::parse(f) {
            Some(f) => Some(f),
            None => {
                writeln!(io.err, "{}", t!(lang, "docs-bad-format", value = f))?;
                return Ok(BAD_INPUT);
            }
        },
    };
    let mut results = Vec::new();
    let mut status = OK;
    for p in &profiles {
        let file = p.join(xcu::FILE);
        // A profile named on the command line must exist (a typo is not "nothing set").
        if explicit && !p.is_dir() {
            writeln!(
                io.err,
                "{}",
                t!(lang, "docs-profile-missing", path = p.display().to_string())
            )?;
            status = BAD_INPUT;
            continue;
        }
        match wanted {
            None => {
                let text = match std::fs::read_to_string(&file) {
                    Ok(t) => t,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                    Err(e) => {
                        writeln!(
                            io.err,
                            "{}",
                            t!(
                                lang,
                                "docs-profile-unreadable",
                                path = file.display().to_string(),
                                detail = e.to_string()
                            )
                        )?;
                        status = BAD_INPUT;
                        continue;
                    }
                };
                let current = if text.trim().is_empty() {
                    Ok(xcu::Current::default())
                } else {
                    xcu::read(&text)
                };
                match current {
                    Ok(c) => {
                        if !json {
                            writeln!(
                                io.out,
                                "{}",
                                t!(
                                    lang,
                                    "docs-format-current",
                                    profile = p.display().to_string(),
                                    format = words::current_format(&c, lang)
                                )
                            )?;
                        }
                        results.push(json!({ "profile": p, "current": c, "format": c.format() }));
                    }
                    Err(e) => {
                        writeln!(io.err, "{}", e.message(lang))?;
                        status = BAD_INPUT;
                    }
                }
            }
            Some(f) => match xcu::apply(p, f, xcu::libreoffice_running()) {
                Ok(applied) => {
                    if !json {
                        let name = words::default_format(f, lang);
                        let msg = if applied.unchanged {
                            t!(lang, "docs-format-unchanged", format = name)
                        } else if let Some(b) = &applied.backup {
                            t!(
                                lang,
                                "docs-format-set",
                                format = name,
                                backup = b.display().to_string()
                            )
                        } else {
                            t!(lang, "docs-format-set-new", format = name)
                        };
                        writeln!(io.out, "{msg}")?;
                    }
                    results.push(json!({ "profile": p, "applied": applied, "format": f }));
                }
                Err(e) => {
                    writeln!(io.err, "{}", e.message(lang))?;
                    status = if matches!(e, xcu::XcuError::Running) {
                        NEGATIVE
                    } else {
                        BAD_INPUT
                    };
                }
            },
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *io.out, &json!({ "profiles": results }))?;
        writeln!(io.out)?;
    }
    Ok(status)
}
