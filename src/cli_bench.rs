//! `kitlibre bench`: DESIGN.md's performance figures in one run (see `crate::bench`).

use crate::bench::{self, Figure, Options, Skip, Target};
use crate::catalog::model::Lang;
use crate::cli::{BAD_INPUT, Io, OK, Status};
use crate::t;
use clap::Args;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args, Debug, Clone)]
pub struct BenchArgs {
    /// Repetitions of the quick measurements (catalogue load, inventory, first frame).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub runs: u16,
    /// Do not open the window (no first frame, memory or idle CPU figures).
    #[arg(long)]
    pub skip_window: bool,
    /// Seconds over which the window's CPU use is measured.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=120))]
    pub idle_seconds: u64,
    /// A folder of Office documents: copies of them are converted with LibreOffice, in
    /// batches and one by one, to measure the throughput (the originals are not touched).
    #[arg(long, value_name = "DIR")]
    pub documents: Option<PathBuf>,
    /// At most this many documents are converted (each twice).
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub max_documents: u64,
}

fn label(f: &Figure, lang: Lang) -> String {
    let count = f.count.unwrap_or(0) as i64;
    match f.id {
        "catalog_load_ms" => t!(lang, "bench-fig-catalog-load", count = count),
        "search_p50_ms" => t!(lang, "bench-fig-search-p50", count = count),
        "search_p99_ms" => t!(lang, "bench-fig-search-p99", count = count),
        "inventory_ms" => t!(lang, "bench-fig-inventory", count = count),
        "first_frame_ms" => t!(lang, "bench-fig-first-frame", count = count),
        "peak_memory_mb" => t!(lang, "bench-fig-peak-memory"),
        "idle_cpu_percent" => t!(lang, "bench-fig-idle-cpu"),
        "typing_cpu_percent" => t!(lang, "bench-fig-typing-cpu"),
        "conversion_speedup" => t!(lang, "bench-fig-conversion-speedup", count = count),
        "conversion_batch_per_s" => t!(lang, "bench-fig-conversion-batch"),
        "conversion_single_per_s" => t!(lang, "bench-fig-conversion-single"),
        other => other.to_string(),
    }
}

fn skip_words(s: &Skip, lang: Lang) -> String {
    match s {
        Skip::WindowNotAsked => t!(lang, "bench-skip-window-not-asked"),
        Skip::NoDisplay => t!(lang, "bench-skip-no-display"),
        Skip::WindowFailed(d) => t!(lang, "bench-skip-window-failed", detail = d.clone()),
        Skip::NotLinux => t!(lang, "bench-skip-not-linux"),
        Skip::NoLibreOffice => t!(lang, "bench-skip-no-libreoffice"),
        Skip::NoDocuments => t!(lang, "bench-skip-no-documents"),
        Skip::ConversionFailed(d) => {
            t!(lang, "bench-skip-conversion-failed", detail = d.clone())
        }
    }
}

/// A number with the unit, the decimal separator of the language.
fn amount(value: f64, unit: &str, lang: Lang) -> String {
    let digits = if value >= 100.0 {
        0
    } else if value >= 10.0 || unit == "%" {
        1
    } else if value >= 1.0 {
        2
    } else {
        3
    };
    let mut n = format!("{value:.digits$}");
    if lang == Lang::Fr {
        n = n.replace('.', ",");
    }
    match unit {
        "x" => format!("{n}×"),
        "/s" => format!("{n}/s"),
        "%" => format!("{n} %"),
        u => format!("{n} {u}"),
    }
}

fn target_words(t: Option<Target>, unit: &str, lang: Lang) -> String {
    match t {
        Some(Target::Below(v)) => format!("< {}", amount(v, unit, lang)),
        Some(Target::AtLeast(v)) => format!("≥ {}", amount(v, unit, lang)),
        None => t!(lang, "bench-no-target"),
    }
}

/// The report as a Markdown table (readable in a terminal, pasted as is in the README).
pub fn table(report: &bench::Report, lang: Lang) -> String {
    let mut s = t!(
        lang,
        "bench-title",
        version = report.version,
        build = report.build,
        cores = (report.cores as i64),
        os = report.os.clone()
    );
    s.push_str("\n\n");
    s.push_str(&format!(
        "| {} | {} | {} | {} |\n|---|---|---|---|\n",
        t!(lang, "bench-col-what"),
        t!(lang, "bench-col-value"),
        t!(lang, "bench-col-target"),
        t!(lang, "bench-col-verdict")
    ));
    for f in &report.figures {
        let value = match (f.value, &f.skipped) {
            (Some(v), _) => amount(v, f.unit, lang),
            (None, Some(why)) => t!(lang, "bench-not-measured", why = skip_words(why, lang)),
            (None, None) => t!(lang, "bench-no-target"),
        };
        let verdict = match f.met {
            Some(true) => t!(lang, "bench-met"),
            Some(false) => t!(lang, "bench-not-met"),
            None => t!(lang, "bench-no-target"),
        };
        let mut what = label(f, lang);
        if f.skipped.is_some()
            && f.count.is_none()
            && let Some(cut) = what.rfind(" (")
        {
            // Not measured: no count to give.
            what.truncate(cut);
        }
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            what,
            value,
            target_words(f.target, f.unit, lang),
            verdict
        ));
    }
    if report.build == "debug" {
        s.push('\n');
        s.push_str(&t!(lang, "bench-debug-note"));
        s.push('\n');
    }
    s
}

pub fn run(args: BenchArgs, json: bool, lang: Lang, io: &mut Io<'_>) -> std::io::Result<Status> {
    if let Some(dir) = &args.documents
        && !dir.is_dir()
    {
        writeln!(
            io.err,
            "kitlibre: {}",
            t!(
                lang,
                "bench-err-documents",
                path = dir.display().to_string()
            )
        )?;
        return Ok(BAD_INPUT);
    }
    let options = Options {
        runs: usize::from(args.runs),
        window_exe: if args.skip_window {
            None
        } else {
            std::env::current_exe().ok()
        },
        idle: Duration::from_secs(args.idle_seconds),
        documents: args.documents,
        max_documents: args.max_documents as usize,
    };
    let report = {
        let err = &mut *io.err;
        bench::run(&options, &mut |step| {
            let what = match step {
                bench::Step::Catalog => t!(lang, "bench-step-catalog"),
                bench::Step::Search => t!(lang, "bench-step-search"),
                bench::Step::Inventory => t!(lang, "bench-step-inventory"),
                bench::Step::Window => t!(lang, "bench-step-window"),
                bench::Step::Conversion => t!(lang, "bench-step-conversion"),
            };
            let _ = writeln!(err, "{}", t!(lang, "bench-measuring", what = what));
        })
    };
    if json {
        let text = serde_json::to_string_pretty(&report).map_err(std::io::Error::other)?;
        writeln!(io.out, "{text}")?;
    } else {
        write!(io.out, "{}", table(&report, lang))?;
    }
    Ok(OK)
}
