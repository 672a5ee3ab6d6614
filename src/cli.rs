//! The command line: the same capabilities as the window, for scripts and IT departments.
//! Every command accepts `--json`; bad input exits non-zero with a message in French or
//! English.
//!
//! Exit codes: 0 success; 1 a negative answer (problems found, unknown id);
//! 2 bad input (argument, catalogue directory, index file).

use crate::catalog::model::Date;
use crate::catalog::model::{Fit, Lang, Platform};
use crate::catalog::search::{MatchKind, SearchIndex, TermKind};
use crate::catalog::stats::{kind_code, stats};
use crate::catalog::validate::{CheckOptions, check};
use crate::catalog::winget::WingetIndex;
use crate::catalog::{self, Catalog, Entry, Loaded};
use crate::t;
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

/// Options shared by every command.
#[derive(Args, Debug, Clone, Default)]
pub struct Global {
    /// Language of messages and content: fr or en (default: the system's, else fr).
    #[arg(long, global = true, value_parser = parse_lang, value_name = "fr|en")]
    pub lang: Option<Lang>,
    /// Use this catalogue directory instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
    /// Machine-readable output (JSON), documented and stable.
    #[arg(long, global = true)]
    pub json: bool,
}

/// Kit Libre — le kit d'accès aux logiciels libres / the free software access kit.
/// Without a command, the window opens.
#[derive(Parser, Debug)]
#[command(name = "kitlibre", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// Window for a shared PC (library, public digital space): nothing is written to disk,
    /// and "Finish and erase everything" resets the kit (also KITLIBRE_PUBLIC_SESSION=1).
    #[arg(long)]
    pub public_session: bool,
    /// Open the window in workshop mode (large, high contrast), on the path ID if given.
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    pub workshop: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Search the catalogue (accents, case and typos do not matter).
    Search {
        /// What to look for: a product, a need ("traitement de texte"), a name.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// One entry, with its alternatives or what it replaces.
    Show {
        /// The entry's id (see `search`), e.g. microsoft-word or libreoffice.
        id: String,
    },
    /// Work on the catalogue itself.
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// Performance figures against the project's targets: catalogue load, search per
    /// keystroke, inventory, the window (first frame, memory, idle CPU) and, with
    /// --documents, LibreOffice conversion throughput.
    Bench(crate::cli_bench::BenchArgs),
    /// What this computer is and runs: OS facts, installed programs, the proprietary ones
    /// with their free alternatives, the free ones already there.
    Scan {
        /// List every program found, with its source and what it was recognised as.
        #[arg(long)]
        all: bool,
        /// Read a Linux file system under this folder instead of this machine's.
        #[arg(long, value_name = "DIR")]
        linux_root: Option<PathBuf>,
        /// With --linux-root: the home folder to read (default: none).
        #[arg(long, value_name = "DIR", requires = "linux_root")]
        home: Option<PathBuf>,
        /// Read a Windows registry snapshot (JSON, as `kitlibre` documents it).
        #[arg(long, value_name = "FILE")]
        windows_registry: Option<PathBuf>,
        /// Read macOS applications under this folder (its Applications and
        /// Users/*/Applications).
        #[arg(long, value_name = "DIR")]
        macos_root: Option<PathBuf>,
    },
    /// Plan (and carry out) the installation of a free program on this computer.
    Install {
        /// The free program's id (see `search`), e.g. gimp.
        id: String,
        /// Show the plan only: what would run, with or without administrator rights.
        #[arg(long)]
        dry_run: bool,
        /// Save a sheet for the IT department (what to install, the exact commands).
        #[arg(long, value_name = "FILE")]
        it_sheet: Option<PathBuf>,
        /// With --dry-run: plan for another platform.
        #[arg(long, value_parser = ["windows", "macos", "linux"], requires = "dry_run")]
        platform: Option<String>,
        /// Plan (and install) for this user only, without administrator rights, even
        /// when you are an administrator (a program unpacked in your own folders).
        #[arg(long)]
        no_admin: bool,
    },
    /// Which catalogue entry an installed program's name denotes.
    Identify {
        /// The name as the computer shows it ("Microsoft 365 Apps for enterprise - fr-fr").
        name: String,
        /// Its publisher, when known ("Microsoft Corporation").
        #[arg(long)]
        publisher: Option<String>,
        /// The platform it was seen on (default: this one).
        #[arg(long, value_parser = ["windows", "macos", "linux"])]
        platform: Option<String>,
    },
    /// Bring Office documents to LibreOffice: inventory, conversion, fonts, default format.
    Docs {
        #[command(subcommand)]
        command: crate::cli_docs::DocsCommand,
    },
    /// Learning paths: list, show one, print a handout.
    Guide {
        #[command(subcommand)]
        command: crate::cli_guide::GuideCommand,
    },
    /// Reports over many machines' inventories (GLPI, OCS, kitlibre scans).
    Fleet {
        #[command(subcommand)]
        command: crate::cli_fleet::FleetCommand,
    },
    /// The window's settings (language, text size, colours, font) and where they are kept.
    Settings {
        #[command(subcommand)]
        command: Option<SettingsCommand>,
    },
}

#[derive(Subcommand, Debug)]
pub enum SettingsCommand {
    /// Show the settings and the file that holds them (the default).
    Show,
    /// Change one setting: lang (fr, en, system), text-scale (100 to 200),
    /// theme (light, dark, high-contrast), font (legible, dyslexic).
    Set { key: String, value: String },
    /// Go back to the default settings.
    Reset,
}

#[derive(Subcommand, Debug)]
pub enum CatalogCommand {
    /// Check a catalogue directory: every problem with its file, line and field.
    Check {
        /// The directory to check (default: the catalogue in use).
        dir: Option<PathBuf>,
        /// The winget package index (CSV with a PackageId column) to check winget ids.
        #[arg(long, value_name = "FILE")]
        winget_index: Option<PathBuf>,
    },
    /// Counts by kind, category, platform, and language completeness.
    Stats,
    /// Which catalogue is in use (built in, updated, or a folder) and its date.
    Info,
    /// Fetch, verify and install a signed catalogue (only when asked; nothing changes
    /// unless everything checks out).
    Update {
        /// An https address, or a file (USB key); its signature is beside it (.minisig).
        #[arg(long, value_name = "URL|FILE")]
        from: Option<String>,
    },
    /// Build the archive of a catalogue folder, to be signed with minisign and published.
    Pack {
        dir: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    match s.to_ascii_lowercase().as_str() {
        "fr" => Ok(Lang::Fr),
        "en" => Ok(Lang::En),
        _ => Err(format!(
            "« {s} » : langue inconnue, choisir fr ou en / unknown language, use fr or en"
        )),
    }
}

/// Where command output goes (stdout and stderr, or buffers in tests).
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

/// Exit status of a command.
pub type Status = i32;
pub const OK: Status = 0;
pub const NEGATIVE: Status = 1;
pub const BAD_INPUT: Status = 2;

/// Runs one command. Returns the exit status.
pub fn run(global: &Global, command: Command, io: &mut Io<'_>) -> Status {
    let lang = crate::i18n::resolve_lang(global.lang);
    let result = match command {
        Command::Search { query, limit } => with_catalog(global, lang, io, |l, io| {
            search(l, &query.join(" "), limit, global.json, lang, io)
        }),
        Command::Show { id } => with_catalog(global, lang, io, |l, io| {
            show(l, &id, global.json, lang, io)
        }),
        Command::Catalog { command } => match command {
            CatalogCommand::Stats => with_catalog(global, lang, io, |l, io| {
                print_stats(&l.catalog, global.json, lang, io)
            }),
            CatalogCommand::Check { dir, winget_index } => {
                catalog_check(global, dir, winget_index, lang, io)
            }
            CatalogCommand::Info => {
                crate::cli_update::info(global.catalog.as_deref(), global.json, lang, io)
                    .map_err(|e| e.to_string())
            }
            CatalogCommand::Update { from } => {
                crate::cli_update::run_update(from, global.json, lang, io)
                    .map_err(|e| e.to_string())
            }
            CatalogCommand::Pack { dir, out } => {
                crate::cli_update::pack(&dir, &out, global.json, lang, io)
                    .map_err(|e| e.to_string())
            }
        },
        Command::Settings { command } => settings_command(command, global.json, lang, io),
        Command::Bench(args) => {
            crate::cli_bench::run(args, global.json, lang, io).map_err(|e| e.to_string())
        }
        Command::Fleet { command } => with_catalog(global, lang, io, |l, io| {
            crate::cli_fleet::run(command, &l.catalog, global.json, lang, io)
        }),
        Command::Guide { command } => with_catalog(global, lang, io, |l, io| {
            crate::cli_guide::run(command, l, global.json, lang, io)
        }),
        Command::Docs { command } => {
            crate::cli_docs::run(command, global.json, lang, io).map_err(|e| e.to_string())
        }
        Command::Scan {
            all,
            linux_root,
            home,
            windows_registry,
            macos_root,
        } => with_catalog(global, lang, io, |l, io| {
            crate::cli_scan::scan(
                &l.catalog,
                crate::cli_scan::ScanArgs {
                    all,
                    linux_root,
                    home,
                    windows_registry,
                    macos_root,
                },
                global.json,
                lang,
                io,
            )
        }),
        Command::Install {
            id,
            dry_run,
            it_sheet,
            platform,
            no_admin,
        } => with_catalog(global, lang, io, |l, io| {
            crate::cli_install::install(
                &l.catalog,
                crate::cli_install::InstallArgs {
                    id,
                    dry_run,
                    it_sheet,
                    platform,
                    no_admin,
                },
                global.json,
                lang,
                io,
            )
        }),
        Command::Identify {
            name,
            publisher,
            platform,
        } => with_catalog(global, lang, io, |l, io| {
            crate::cli_scan::identify(
                &l.catalog,
                &name,
                publisher.as_deref(),
                platform.as_deref(),
                global.json,
                lang,
                io,
            )
        }),
    };
    match result {
        Ok(status) => status,
        Err(e) => {
            let _ = writeln!(io.err, "kitlibre: {e}");
            BAD_INPUT
        }
    }
}

type CmdResult = Result<Status, String>;

pub(crate) fn with_catalog(
    global: &Global,
    lang: Lang,
    io: &mut Io<'_>,
    f: impl FnOnce(&Loaded, &mut Io<'_>) -> std::io::Result<Status>,
) -> CmdResult {
    let loaded = catalog::load_default(global.catalog.as_deref())
        .map_err(|e| open_error_message(&e, lang))?;
    if !loaded.problems.is_empty() && !global.json {
        let _ = writeln!(
            io.err,
            "{}",
            t!(
                lang,
                "cli-catalog-has-problems",
                count = loaded.problems.len()
            )
        );
    }
    f(&loaded, io).map_err(|e| e.to_string())
}

fn open_error_message(e: &catalog::OpenError, lang: Lang) -> String {
    match e {
        catalog::OpenError::NotADirectory(p) => {
            t!(lang, "cli-not-a-directory", path = p.display().to_string())
        }
        catalog::OpenError::Unreadable { path, detail } => t!(
            lang,
            "cli-unreadable",
            path = path.display().to_string(),
            detail = detail
        ),
    }
}

fn json_line(io: &mut Io<'_>, value: &serde_json::Value) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    writeln!(io.out, "{text}")
}

// ---------------------------------------------------------------------------------------
// search

/// Code of a fit level, as in the catalogue.
pub fn fit_code(fit: Fit) -> &'static str {
    match fit {
        Fit::DropIn => "drop-in",
        Fit::Close => "close",
        Fit::Different => "different",
    }
}

fn how_code(how: MatchKind) -> &'static str {
    match how {
        MatchKind::Exact => "exact",
        MatchKind::Prefix => "prefix",
        MatchKind::WordPrefix => "word-prefix",
        MatchKind::Substring => "substring",
        MatchKind::Fuzzy => "fuzzy",
        MatchKind::Typo => "typo",
    }
}

fn term_code(k: TermKind) -> &'static str {
    match k {
        TermKind::Name => "name",
        TermKind::Alias => "alias",
        TermKind::Keyword => "keyword",
        TermKind::Category => "category",
    }
}

fn platform_codes(p: &[Platform]) -> Vec<&'static str> {
    p.iter().map(|p| p.code()).collect()
}

/// The alternatives of a proprietary entry, as JSON.
fn alternatives_json(cat: &Catalog, id: &str, lang: Lang) -> serde_json::Value {
    let list: Vec<serde_json::Value> = cat
        .alternatives(id)
        .iter()
        .filter_map(|r| {
            let f = cat.free(&r.free)?;
            Some(serde_json::json!({
                "id": f.id,
                "name": f.name.get(lang),
                "fit": fit_code(r.fit),
                "platforms": platform_codes(&r.platforms),
                "components": r.components.iter().map(|m| serde_json::json!({
                    "from": m.from.get(lang),
                    "to": m.to.get(lang),
                })).collect::<Vec<_>>(),
                "summary": r.summary.get(lang),
                "difficulty": f.difficulty,
                "free_software": f.is_free_software(),
            }))
        })
        .collect();
    serde_json::Value::Array(list)
}

fn search(
    loaded: &Loaded,
    query: &str,
    limit: usize,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let cat = &loaded.catalog;
    let index = SearchIndex::new(cat);
    let hits = index.search(cat, query, lang, limit);
    if json {
        let results: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let e = cat.entry(h.entry);
                let mut v = serde_json::json!({
                    "id": e.id(),
                    "kind": e.kind_code(),
                    "name": e.name(lang),
                    "category": e.category(),
                    "summary": e.summary(lang),
                    "score": h.score,
                    "match": { "how": how_code(h.how), "field": term_code(h.term_kind), "text": h.matched },
                });
                if let Entry::Proprietary(p) = e {
                    v["alternatives"] = alternatives_json(cat, &p.id, lang);
                }
                v
            })
            .collect();
        json_line(
            io,
            &serde_json::json!({ "query": query, "lang": lang, "results": results }),
        )?;
        return Ok(if hits.is_empty() { NEGATIVE } else { OK });
    }
    if hits.is_empty() {
        writeln!(io.out, "{}", t!(lang, "cli-search-none", query = query))?;
        return Ok(NEGATIVE);
    }
    for h in &hits {
        let e = cat.entry(h.entry);
        let category = cat
            .category(e.category())
            .map(|c| c.name.get(lang).to_owned())
            .unwrap_or_default();
        let kind = match e {
            Entry::Proprietary(_) => t!(lang, "kind-proprietary"),
            Entry::Free(_) => t!(lang, "kind-free"),
        };
        writeln!(
            io.out,
            "{}  [{}]  ({kind} · {category})",
            e.name(lang),
            e.id()
        )?;
        writeln!(io.out, "    {}", e.summary(lang))?;
        if let Entry::Proprietary(p) = e {
            for r in cat.alternatives(&p.id) {
                if let Some(f) = cat.free(&r.free) {
                    let parts = components_text(&r.components, lang);
                    writeln!(
                        io.out,
                        "    → {}{parts}  [{}] — {}",
                        f.name.get(lang),
                        f.id,
                        crate::words::fit(r.fit, lang)
                    )?;
                }
            }
        }
    }
    Ok(OK)
}

fn components_text(c: &[crate::catalog::model::ComponentMap], lang: Lang) -> String {
    if c.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = c
        .iter()
        .map(|m| format!("{} → {}", m.from.get(lang), m.to.get(lang)))
        .collect();
    format!(" ({})", parts.join(", "))
}

// ---------------------------------------------------------------------------------------
// show

fn show(
    loaded: &Loaded,
    id: &str,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let cat = &loaded.catalog;
    let Some(entry) = cat.get(id) else {
        let index = SearchIndex::new(cat);
        let close: Vec<String> = index
            .search(cat, &id.replace('-', " "), lang, 3)
            .iter()
            .map(|h| cat.entry(h.entry).id().to_owned())
            .collect();
        if json {
            json_line(
                io,
                &serde_json::json!({ "error": "not-found", "id": id, "suggestions": close }),
            )?;
        } else {
            writeln!(io.err, "{}", t!(lang, "cli-show-unknown", id = id))?;
            if !close.is_empty() {
                writeln!(
                    io.err,
                    "{}",
                    t!(lang, "cli-did-you-mean", ids = close.join(", "))
                )?;
            }
        }
        return Ok(NEGATIVE);
    };
    match entry {
        Entry::Proprietary(p) => {
            if json {
                let mut v = serde_json::to_value(p).map_err(std::io::Error::other)?;
                v["kind_of_entry"] = "proprietary".into();
                v["alternatives"] = alternatives_json(cat, &p.id, lang);
                v["parts"] = cat.parts(&p.id).iter().map(|x| x.id.clone()).collect();
                return json_line(io, &v).map(|_| OK);
            }
            writeln!(io.out, "{}  [{}]", p.name.get(lang), p.id)?;
            writeln!(
                io.out,
                "{}",
                t!(lang, "cli-vendor", vendor = p.vendor.as_str())
            )?;
            writeln!(io.out, "{}\n", p.summary.get(lang))?;
            if !p.concerns.is_empty() {
                writeln!(io.out, "{}", t!(lang, "cli-why-leave"))?;
                for c in &p.concerns {
                    writeln!(io.out, "  • {}", c.text().get(lang))?;
                }
                writeln!(io.out)?;
            }
            writeln!(io.out, "{}", t!(lang, "cli-alternatives"))?;
            for (n, r) in cat.alternatives(&p.id).iter().enumerate() {
                let Some(f) = cat.free(&r.free) else { continue };
                writeln!(
                    io.out,
                    "  {}. {}{}  [{}] — {}",
                    n + 1,
                    f.name.get(lang),
                    components_text(&r.components, lang),
                    f.id,
                    crate::words::fit(r.fit, lang)
                )?;
                writeln!(io.out, "     {}", r.summary.get(lang))?;
                for c in &r.carries_over {
                    writeln!(io.out, "     + {}", c.get(lang))?;
                }
                for c in &r.left_behind {
                    writeln!(io.out, "     − {}", c.get(lang))?;
                }
            }
        }
        Entry::Free(f) => {
            if json {
                let mut v = serde_json::to_value(f).map_err(std::io::Error::other)?;
                v["kind_of_entry"] = "free".into();
                v["free_software"] = f.is_free_software().into();
                v["replaces"] = cat
                    .replaces(&f.id)
                    .iter()
                    .map(|r| {
                        serde_json::json!({
                            "id": r.proprietary,
                            "name": cat.proprietary(&r.proprietary).map(|p| p.name.get(lang)),
                            "fit": fit_code(r.fit),
                            "platforms": platform_codes(&r.platforms),
                        })
                    })
                    .collect();
                return json_line(io, &v).map(|_| OK);
            }
            writeln!(io.out, "{}  [{}]", f.name.get(lang), f.id)?;
            writeln!(io.out, "{}", f.summary.get(lang))?;
            writeln!(io.out, "\n{}\n", f.description.get(lang))?;
            writeln!(
                io.out,
                "{}",
                t!(lang, "cli-license", license = f.license.as_str())
            )?;
            writeln!(
                io.out,
                "{}",
                t!(lang, "cli-homepage", url = f.homepage.as_str())
            )?;
            writeln!(
                io.out,
                "{}",
                t!(
                    lang,
                    "cli-platforms",
                    platforms = platform_codes(&f.platforms).join(", ")
                )
            )?;
            if let Some(svc) = &f.service {
                writeln!(
                    io.out,
                    "{}",
                    t!(
                        lang,
                        "cli-service-provider",
                        provider = svc.provider.as_str(),
                        kind = crate::words::provider_kind(svc.provider_kind, lang),
                        country = svc.country.as_deref().unwrap_or("—")
                    )
                )?;
                let mut cost = crate::words::cost(svc.cost, lang);
                if let Some(d) = &svc.cost_details {
                    cost = format!("{cost} — {}", d.get(lang));
                }
                writeln!(io.out, "{}", t!(lang, "cli-service-cost", cost = cost))?;
                if svc.chatons {
                    writeln!(io.out, "{}", t!(lang, "cli-service-chatons"))?;
                }
                if let Some(u) = &svc.signup {
                    writeln!(
                        io.out,
                        "{}",
                        t!(lang, "cli-service-signup", url = u.as_str())
                    )?;
                }
                if let Some(b) = &svc.before_signup {
                    writeln!(
                        io.out,
                        "{}",
                        t!(lang, "cli-service-before", text = b.get(lang))
                    )?;
                }
            }
            if !f.is_free_software() {
                writeln!(io.out, "{}", t!(lang, "cli-not-free-software"))?;
            }
            let i = &f.install;
            let methods: Vec<(&str, &Option<String>)> = vec![
                ("winget", &i.winget),
                ("winget (fr)", &i.winget_fr),
                ("flathub", &i.flathub),
                ("debian", &i.debian),
                ("homebrew", &i.homebrew_cask),
                ("f-droid", &i.fdroid),
                ("google play", &i.play_store),
                ("app store", &i.app_store),
                ("download", &i.download_page),
                ("web", &i.web),
            ];
            writeln!(io.out, "{}", t!(lang, "cli-install-methods"))?;
            for (name, v) in methods {
                if let Some(v) = v {
                    writeln!(io.out, "  {name}: {v}")?;
                }
            }
            let replaces = cat.replaces(&f.id);
            if !replaces.is_empty() {
                writeln!(io.out, "{}", t!(lang, "cli-replaces"))?;
                for r in replaces {
                    if let Some(p) = cat.proprietary(&r.proprietary) {
                        writeln!(
                            io.out,
                            "  • {}  [{}] — {}",
                            p.name.get(lang),
                            p.id,
                            crate::words::fit(r.fit, lang)
                        )?;
                    }
                }
            }
        }
    }
    Ok(OK)
}

// ---------------------------------------------------------------------------------------
// catalog stats

fn print_stats(cat: &Catalog, json: bool, lang: Lang, io: &mut Io<'_>) -> std::io::Result<Status> {
    let s = stats(cat, lang);
    if json {
        let v = serde_json::to_value(&s).map_err(std::io::Error::other)?;
        json_line(io, &v)?;
        return Ok(OK);
    }
    writeln!(
        io.out,
        "{}",
        t!(
            lang,
            "cli-stats-totals",
            proprietary = s.proprietary,
            free = s.free,
            replacements = s.replacements,
            categories = s.categories
        )
    )?;
    writeln!(
        io.out,
        "{}",
        t!(
            lang,
            "cli-stats-free-software",
            count = s.free_software,
            services = s.services,
            chatons = s.chatons,
            sill = s.sill
        )
    )?;
    writeln!(io.out, "\n{}", t!(lang, "cli-stats-by-kind"))?;
    for (k, p, f) in &s.by_kind {
        writeln!(io.out, "  {k:<10} {p:>4} {f:>4}")?;
    }
    writeln!(io.out, "\n{}", t!(lang, "cli-stats-by-category"))?;
    for c in &s.by_category {
        writeln!(
            io.out,
            "  {:<40} {:>4} {:>4}",
            c.name, c.proprietary, c.free
        )?;
    }
    writeln!(io.out, "\n{}", t!(lang, "cli-stats-by-platform"))?;
    for p in &s.by_platform {
        writeln!(
            io.out,
            "  {:<10} {:>4} {:>4} {:>4}",
            p.platform.code(),
            p.proprietary,
            p.free,
            p.replacements
        )?;
    }
    let im = &s.install_methods;
    writeln!(io.out, "\n{}", t!(lang, "cli-stats-install"))?;
    for (name, n) in [
        ("winget", im.winget),
        ("flathub", im.flathub),
        ("debian", im.debian),
        ("homebrew cask", im.homebrew_cask),
        ("f-droid", im.fdroid),
        ("google play", im.play_store),
        ("app store", im.app_store),
        ("download page", im.download_page),
        ("web", im.web),
    ] {
        writeln!(io.out, "  {name:<14} {n:>4}")?;
    }
    writeln!(io.out, "\n{}", t!(lang, "cli-stats-languages"))?;
    for l in &s.languages {
        writeln!(
            io.out,
            "  {}  {}/{} ({:.1} %)",
            l.lang, l.filled, l.total, l.percent
        )?;
    }
    writeln!(
        io.out,
        "\n{}",
        t!(
            lang,
            "cli-stats-detectable",
            count = s.detectable,
            total = s.proprietary
        )
    )?;
    let _ = kind_code;
    Ok(OK)
}

// ---------------------------------------------------------------------------------------
// catalog check

fn catalog_check(
    global: &Global,
    dir: Option<PathBuf>,
    winget_index: Option<PathBuf>,
    lang: Lang,
    io: &mut Io<'_>,
) -> CmdResult {
    let dir = dir.or_else(|| global.catalog.clone());
    let loaded = match &dir {
        Some(d) => catalog::load_dir(d),
        None => catalog::load_default(None),
    }
    .map_err(|e| open_error_message(&e, lang))?;
    let index = match &winget_index {
        Some(path) => Some(
            WingetIndex::from_path(path)
                .map_err(|e| t!(lang, "cli-winget-index-bad", detail = e.to_string()))?,
        ),
        None => None,
    };
    let report = check(
        &loaded,
        CheckOptions {
            winget: index.as_ref(),
            today: Date::today(),
        },
    );
    let root = match &loaded.catalog.origin {
        catalog::Origin::Embedded => "catalog".to_owned(),
        catalog::Origin::Directory(d) => d.display().to_string(),
    };
    let status = if report.is_ok() { OK } else { NEGATIVE };
    if global.json {
        let v = serde_json::json!({
            "ok": report.is_ok(),
            "catalog": root,
            "files": report.files,
            "errors": report.errors(),
            "warnings": report.warnings(),
            "winget_checked": report.winget_checked,
            "winget_index_size": index.as_ref().map(|i| i.len()),
            "problems": report.problems.iter().map(|p| p.to_json(lang)).collect::<Vec<_>>(),
        });
        json_line(io, &v).map_err(|e| e.to_string())?;
        return Ok(status);
    }
    let w = |io: &mut Io<'_>, s: String| writeln!(io.out, "{s}").map_err(|e| e.to_string());
    for p in &report.problems {
        w(io, p.render(&root, lang))?;
    }
    if !report.winget_checked {
        w(io, t!(lang, "cli-check-winget-skipped"))?;
    }
    w(
        io,
        t!(
            lang,
            "cli-check-summary",
            files = report.files,
            errors = report.errors(),
            warnings = report.warnings()
        ),
    )?;
    Ok(status)
}

// ---------------------------------------------------------------------------------------
// settings

fn settings_command(
    command: Option<SettingsCommand>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> CmdResult {
    use crate::settings::{self, FontChoice, Placement, Settings, ThemeChoice};
    let paths = settings::Paths::detect();
    let mut current = settings::load(&paths);
    let bad = |key: &str, value: &str| t!(lang, "cli-settings-bad", key = key, value = value);
    let changed = match command.unwrap_or(SettingsCommand::Show) {
        SettingsCommand::Show => false,
        SettingsCommand::Reset => {
            current = Settings::default();
            true
        }
        SettingsCommand::Set { key, value } => {
            let v = value.to_ascii_lowercase();
            match key.as_str() {
                "lang" => {
                    current.lang = match v.as_str() {
                        "system" => None,
                        _ => Some(Lang::from_tag(&v).ok_or_else(|| bad(&key, &value))?),
                    }
                }
                "text-scale" => {
                    let n: i64 = v
                        .trim_end_matches('%')
                        .trim()
                        .parse()
                        .map_err(|_| bad(&key, &value))?;
                    if !(100..=200).contains(&n) {
                        return Err(bad(&key, &value));
                    }
                    current.set_scale(n);
                }
                "theme" => {
                    current.theme = match v.as_str() {
                        "light" => ThemeChoice::Light,
                        "dark" => ThemeChoice::Dark,
                        "high-contrast" => ThemeChoice::HighContrast,
                        _ => return Err(bad(&key, &value)),
                    }
                }
                "font" => {
                    current.font = match v.as_str() {
                        "legible" => FontChoice::Legible,
                        "dyslexic" => FontChoice::Dyslexic,
                        _ => return Err(bad(&key, &value)),
                    }
                }
                _ => return Err(t!(lang, "cli-settings-unknown-key", key = key.as_str())),
            }
            true
        }
    };
    if changed {
        settings::save(&paths, &current)
            .map_err(|e| t!(lang, "cli-settings-not-saved", detail = e.to_string()))?;
    }
    let file = paths.settings_file().map(|f| f.display().to_string());
    let placement = match paths.placement {
        Placement::Platform => "platform",
        Placement::Portable => "portable",
        Placement::Environment => "environment",
        Placement::Nowhere => "nowhere",
    };
    let w = |io: &mut Io<'_>, s: String| writeln!(io.out, "{s}").map_err(|e| e.to_string());
    if json {
        let v = serde_json::json!({
            "settings": current,
            "file": file,
            "placement": placement,
        });
        json_line(io, &v).map_err(|e| e.to_string())?;
        return Ok(OK);
    }
    let lang_text = current
        .lang
        .map(|l| l.code().to_owned())
        .unwrap_or_else(|| "system".into());
    w(io, format!("lang = {lang_text}"))?;
    w(io, format!("text-scale = {}", current.text_scale))?;
    w(
        io,
        format!(
            "theme = {}",
            serde_json::to_value(current.theme)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ),
    )?;
    w(
        io,
        format!(
            "font = {}",
            serde_json::to_value(current.font)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ),
    )?;
    w(
        io,
        t!(
            lang,
            "cli-settings-file",
            path = file.unwrap_or_else(|| "—".into()),
            placement = placement
        ),
    )?;
    Ok(OK)
}

/// Parses the process arguments; on bad usage prints a bilingual message and returns the
/// status to exit with.
pub fn parse_args() -> Result<Cli, Status> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(e) => {
            use clap::error::ErrorKind;
            match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    Err(OK)
                }
                _ => {
                    let lang = crate::i18n::resolve_lang(lang_from_args());
                    eprintln!("{}", t!(lang, "cli-bad-usage"));
                    let _ = e.print();
                    Err(BAD_INPUT)
                }
            }
        }
    }
}

/// `--lang` as written on the command line, even when the rest does not parse.
fn lang_from_args() -> Option<Lang> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, a)| {
        if let Some(v) = a.strip_prefix("--lang=") {
            Lang::from_tag(v)
        } else if a == "--lang" {
            args.get(i + 1).and_then(|v| Lang::from_tag(v))
        } else {
            None
        }
    })
}
