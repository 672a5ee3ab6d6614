//! `kitlibre guide`: the learning paths from the command line: the list, one path with
//! what the kit verifies on this computer, and printable handouts (PDF or HTML).

use crate::catalog::Loaded;
use crate::catalog::model::{Guide, Lang};
use crate::cli::{BAD_INPUT, Io, NEGATIVE, OK, Status};
use crate::guide::checks::{Facts, Outcome, Verdict, evaluate_guide};
use crate::guide::{handout, html, meta_line, pdf};
use crate::t;
use clap::Subcommand;
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum GuideCommand {
    /// The learning paths, with their length and who they are for.
    List,
    /// One path, card by card, with what the kit verifies on this computer.
    Show {
        id: String,
        /// Do not look at this computer (no check of installed programs, fonts...).
        #[arg(long)]
        no_check: bool,
    },
    /// A printable handout of a path: large print, A4, with QR codes; PDF, or HTML when
    /// the file name ends in .html (or with --format).
    Handout {
        id: String,
        /// The file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_parser = ["pdf", "html"])]
        format: Option<String>,
    },
}

/// PDF or HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoutFormat {
    Pdf,
    Html,
}

impl HandoutFormat {
    /// From `--format`, else the file's extension, else PDF.
    pub fn choose(format: Option<&str>, out: &Path) -> HandoutFormat {
        match format {
            Some("html") => HandoutFormat::Html,
            Some(_) => HandoutFormat::Pdf,
            None => match out.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => {
                    HandoutFormat::Html
                }
                _ => HandoutFormat::Pdf,
            },
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            HandoutFormat::Pdf => "pdf",
            HandoutFormat::Html => "html",
        }
    }
}

/// The handout's bytes.
pub fn render(
    g: &Guide,
    loaded: &Loaded,
    lang: Lang,
    format: HandoutFormat,
) -> Result<Vec<u8>, String> {
    let h = handout(g, &loaded.catalog, lang);
    match format {
        HandoutFormat::Html => Ok(html::write_html(&h).into_bytes()),
        HandoutFormat::Pdf => pdf::write_pdf(&h).map_err(|e| e.to_string()),
    }
}

pub fn run(
    command: GuideCommand,
    loaded: &Loaded,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    match command {
        GuideCommand::List => list(loaded, json, lang, io),
        GuideCommand::Show { id, no_check } => {
            let Some(g) = find(loaded, &id, json, lang, io)? else {
                return Ok(NEGATIVE);
            };
            let facts = (!no_check).then(|| Facts::gather(&loaded.catalog));
            show(g, loaded, facts.as_ref(), json, lang, io)
        }
        GuideCommand::Handout { id, out, format } => {
            let Some(g) = find(loaded, &id, json, lang, io)? else {
                return Ok(NEGATIVE);
            };
            let format = HandoutFormat::choose(format.as_deref(), &out);
            let bytes = match render(g, loaded, lang, format) {
                Ok(b) => b,
                Err(e) => {
                    writeln!(io.err, "{e}")?;
                    return Ok(NEGATIVE);
                }
            };
            if let Err(e) = crate::settings::write_atomic(&out, &bytes) {
                writeln!(
                    io.err,
                    "{}",
                    t!(lang, "guide-cli-cannot-write", detail = e.to_string())
                )?;
                return Ok(BAD_INPUT);
            }
            if json {
                let v = json!({
                    "id": g.id, "out": out, "format": format.code(),
                    "lang": lang.code(), "bytes": bytes.len(),
                });
                writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                writeln!(
                    io.out,
                    "{}",
                    t!(
                        lang,
                        "guide-cli-handout-written",
                        path = out.display().to_string()
                    )
                )?;
            }
            Ok(OK)
        }
    }
}

fn find<'a>(
    loaded: &'a Loaded,
    id: &str,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Option<&'a Guide>> {
    if let Some(g) = loaded.catalog.guide(id) {
        return Ok(Some(g));
    }
    let ids: Vec<&str> = loaded
        .catalog
        .guides
        .iter()
        .map(|g| g.id.as_str())
        .collect();
    if json {
        let v = json!({ "error": "not-found", "id": id, "guides": ids });
        writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(io.err, "{}", t!(lang, "guide-cli-unknown", id = id))?;
        writeln!(
            io.err,
            "{}",
            t!(lang, "guide-cli-known", ids = ids.join(", "))
        )?;
    }
    Ok(None)
}

fn audience_code(g: &Guide) -> &'static str {
    match g.audience {
        crate::catalog::model::Audience::Everyone => "everyone",
        crate::catalog::model::Audience::Agents => "agents",
    }
}

fn list(loaded: &Loaded, json: bool, lang: Lang, io: &mut Io<'_>) -> std::io::Result<Status> {
    let guides = &loaded.catalog.guides;
    if json {
        let list: Vec<_> = guides
            .iter()
            .map(|g| {
                json!({
                    "id": g.id, "title": g.title.get(lang), "summary": g.summary.get(lang),
                    "pictogram": g.pictogram, "audience": audience_code(g), "minutes": g.minutes,
                    "platforms": g.platforms, "steps": g.steps.len(), "entries": g.entries,
                })
            })
            .collect();
        let v = json!({ "lang": lang.code(), "guides": list });
        writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(OK);
    }
    for g in guides {
        writeln!(io.out, "{}  [{}]", g.title.get(lang), g.id)?;
        writeln!(
            io.out,
            "    {} · {}",
            meta_line(g, lang),
            t!(lang, "guide-cli-steps", count = g.steps.len())
        )?;
    }
    Ok(OK)
}

fn verdict_mark(v: Option<&Verdict>) -> &'static str {
    match v.map(|v| &v.outcome) {
        Some(Outcome::Passed) => "[x]",
        Some(Outcome::NotYet) | Some(Outcome::Unknown) | None => "[ ]",
    }
}

fn show(
    g: &Guide,
    loaded: &Loaded,
    facts: Option<&Facts>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let cat = &loaded.catalog;
    let verdicts = facts
        .map(|f| evaluate_guide(g, f, cat, lang))
        .unwrap_or_default();
    let verdict = |i: usize| verdicts.iter().find(|(j, _)| *j == i).map(|(_, v)| v);
    if json {
        let steps: Vec<_> = g
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                json!({
                    "number": i + 1, "title": s.title.get(lang), "text": s.text.get(lang),
                    "why": s.why.get(lang), "pictogram": s.pictogram, "entries": s.entries,
                    "link": s.link, "check": s.check, "verdict": verdict(i),
                })
            })
            .collect();
        let v = json!({
            "id": g.id, "lang": lang.code(), "title": g.title.get(lang),
            "summary": g.summary.get(lang), "audience": audience_code(g), "minutes": g.minutes,
            "platforms": g.platforms, "entries": g.entries,
            "changes": g.changes.iter().map(|c| c.get(lang)).collect::<Vec<_>>(),
            "steps": steps, "checked": g.provenance.checked.to_string(),
            "sources": g.provenance.sources,
        });
        writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(OK);
    }
    writeln!(io.out, "{}  [{}]", g.title.get(lang), g.id)?;
    writeln!(io.out, "{}", meta_line(g, lang))?;
    writeln!(io.out, "{}", g.summary.get(lang))?;
    for (i, s) in g.steps.iter().enumerate() {
        writeln!(io.out)?;
        let v = verdict(i);
        writeln!(
            io.out,
            "{} {} {} — {}",
            verdict_mark(v),
            t!(lang, "guide-step"),
            i + 1,
            s.title.get(lang)
        )?;
        writeln!(io.out, "    {}", s.text.get(lang))?;
        writeln!(io.out, "    {} {}", t!(lang, "guide-why"), s.why.get(lang))?;
        if let Some(link) = &s.link {
            writeln!(io.out, "    {link}")?;
        }
        if let Some(v) = v {
            writeln!(io.out, "    → {}", v.message)?;
        }
    }
    writeln!(io.out)?;
    writeln!(io.out, "{}", t!(lang, "guide-changes"))?;
    for c in &g.changes {
        writeln!(io.out, "  - {}", c.get(lang))?;
    }
    Ok(OK)
}
