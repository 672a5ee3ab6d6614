//! `catalog check`: every rule the catalogue must follow, each problem tied to a file,
//! a field and a line.

use crate::catalog::load::{Loaded, SourceFile, line_of};
use crate::catalog::model::{
    Date, Detect, EntryKind, Free, Guide, Install, InstallerKind, Label, Lang, Platform,
    Proprietary, Provenance, ProviderKind, Replacement, StepCheck, Text,
};
use crate::catalog::problem::{Problem, ProblemKind, Severity};
use crate::catalog::winget::WingetIndex;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What the check is given besides the catalogue.
#[derive(Clone, Copy, Debug)]
pub struct CheckOptions<'a> {
    /// The winget index; without it, winget ids are only checked for their form.
    pub winget: Option<&'a WingetIndex>,
    /// "Today", for dates in the future and stale entries.
    pub today: Date,
}

/// The outcome of a check.
#[derive(Clone, Debug)]
pub struct CheckReport {
    pub problems: Vec<Problem>,
    pub files: usize,
    pub winget_checked: bool,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .count()
    }
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
    pub fn is_ok(&self) -> bool {
        self.errors() == 0
    }
}

/// An entry not checked for this many days gets a warning.
pub const STALE_AFTER_DAYS: i64 = 2 * 365;

static SLUG: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z0-9]+(-[a-z0-9]+)*$"));
static WINGET: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Za-z0-9][A-Za-z0-9_+-]*(\.[A-Za-z0-9_+-]+)+$"));
static FLATHUB: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+\.[A-Za-z_][A-Za-z0-9_-]*$")
});
static ANDROID: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$"));
static DEBIAN: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z0-9][a-z0-9+.-]+$"));
static CASK: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z0-9][a-z0-9@._+-]*$"));
static WIKIDATA: LazyLock<Regex> = LazyLock::new(|| re(r"^Q[1-9][0-9]*$"));
static GUID: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$"));
static MSIX: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Za-z0-9][A-Za-z0-9.-]*_[a-z0-9]{13}$"));
static BUNDLE: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$"));
static EXE: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Za-z0-9._-]+\.exe$"));
static DESKTOP: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.desktop$"));
static SNAP: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z0-9]+(-[a-z0-9]+)*$"));
static CLICK_TO_RUN: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Za-z0-9]+$"));
static COUNTRY: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Z]{2}$"));
static SHA256: LazyLock<Regex> = LazyLock::new(|| re(r"^[0-9a-f]{64}$"));
/// Installer switches: `/S`, `/VERYSILENT`, `--silent`, `/norestart`, `ALLUSERS=1`.
static INSTALLER_ARG: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[A-Za-z0-9/._:+-]+(=[A-Za-z0-9._:+-]+)?$"));

fn re(pattern: &str) -> Regex {
    // The patterns above are constants of this file, covered by its tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in pattern {pattern}: {e}"))
}

/// Characters a shell would interpret, and blanks. Identifiers that may end up in a
/// command line must contain none.
const SHELL_META: &[char] = &[
    ';', '&', '|', '$', '`', '<', '>', '(', ')', '{', '}', '[', ']', '!', '*', '?', '~', '\'', '"',
    '\\', '#', '%', '^', '=', ',',
];

pub fn has_shell_metacharacters(s: &str) -> bool {
    s.chars()
        .any(|c| SHELL_META.contains(&c) || c.is_whitespace() || c.is_control())
}

/// Whether an SPDX expression only allows free software licences (OSI or FSF approved).
pub fn license_is_free(expr: &str) -> bool {
    match spdx::Expression::parse(expr) {
        Ok(e) => e.evaluate(|req| {
            req.license
                .id()
                .is_some_and(|id| id.is_osi_approved() || id.is_fsf_free_libre())
        }),
        Err(_) => false,
    }
}

/// Problems collected for one file.
struct Sink<'a> {
    file: &'a str,
    out: &'a mut Vec<Problem>,
}

impl Sink<'_> {
    fn push(&mut self, field: &str, kind: ProblemKind) {
        let field = (!field.is_empty()).then_some(field);
        self.out.push(Problem::new(self.file, field, kind));
    }

    fn text(&mut self, field: &str, text: &Text) {
        for (lang, s) in text.pairs() {
            if s.trim().is_empty() {
                self.push(
                    &format!("{field}.{lang}"),
                    ProblemKind::MissingText { lang },
                );
            }
        }
    }

    fn label(&mut self, field: &str, label: &Label) {
        match label {
            Label::Same(s) if s.trim().is_empty() => self.push(field, ProblemKind::Empty),
            Label::Same(_) => {}
            Label::Translated(t) => self.text(field, t),
        }
    }

    fn non_empty(&mut self, field: &str, s: &str) {
        if s.trim().is_empty() {
            self.push(field, ProblemKind::Empty);
        }
    }

    fn url(&mut self, field: &str, value: &str) {
        match url::Url::parse(value) {
            Ok(u) if u.scheme() != "https" => self.push(
                field,
                ProblemKind::NotHttps {
                    url: value.to_owned(),
                },
            ),
            Ok(u) if u.host_str().is_none_or(|h| !h.contains('.')) => self.push(
                field,
                ProblemKind::BadUrl {
                    url: value.to_owned(),
                },
            ),
            Ok(_) => {}
            Err(_) => self.push(
                field,
                ProblemKind::BadUrl {
                    url: value.to_owned(),
                },
            ),
        }
    }

    /// An identifier that may reach a command line: no shell metacharacters, then its form.
    fn ident(&mut self, field: &str, scheme: &'static str, value: &str, form: &Regex) -> bool {
        // Every form below excludes shell metacharacters (GUID braces aside), so a value
        // of the right form is safe; a wrong one says why, metacharacters first.
        if form.is_match(value) {
            true
        } else if has_shell_metacharacters(value) {
            self.push(
                field,
                ProblemKind::ShellMetacharacters {
                    value: value.to_owned(),
                },
            );
            false
        } else {
            self.push(
                field,
                ProblemKind::BadIdentifier {
                    scheme,
                    value: value.to_owned(),
                },
            );
            false
        }
    }

    fn idents(&mut self, field: &str, scheme: &'static str, values: &[String], form: &Regex) {
        let mut seen = HashSet::new();
        for (i, v) in values.iter().enumerate() {
            let f = format!("{field}[{i}]");
            self.ident(&f, scheme, v, form);
            if !seen.insert(v.as_str()) {
                self.push(&f, ProblemKind::Duplicate { value: v.clone() });
            }
        }
    }

    fn platforms(&mut self, field: &str, platforms: &[Platform]) {
        if platforms.is_empty() {
            self.push(field, ProblemKind::Empty);
        }
        let mut seen = HashSet::new();
        for (i, p) in platforms.iter().enumerate() {
            if !seen.insert(*p) {
                self.push(
                    &format!("{field}[{i}]"),
                    ProblemKind::Duplicate {
                        value: p.code().to_owned(),
                    },
                );
            }
        }
    }

    fn strings(&mut self, field: &str, values: &[String]) {
        let mut seen = HashSet::new();
        for (i, v) in values.iter().enumerate() {
            let f = format!("{field}[{i}]");
            if v.trim().is_empty() {
                self.push(&f, ProblemKind::Empty);
            } else if !seen.insert(v.to_lowercase()) {
                self.push(&f, ProblemKind::Duplicate { value: v.clone() });
            }
        }
    }

    fn provenance(&mut self, p: &Provenance, today: Date) {
        if p.sources.is_empty() {
            self.push("provenance.sources", ProblemKind::NoSource);
        }
        for (i, s) in p.sources.iter().enumerate() {
            self.url(&format!("provenance.sources[{i}]"), s);
        }
        if p.checked > today {
            self.push(
                "provenance.checked",
                ProblemKind::CheckedInFuture {
                    date: p.checked.to_string(),
                },
            );
        } else if days_between(p.checked, today) > STALE_AFTER_DAYS {
            self.push(
                "provenance.checked",
                ProblemKind::Stale {
                    date: p.checked.to_string(),
                },
            );
        }
    }

    fn detect(&mut self, d: &Detect) {
        for (field, patterns) in [
            ("detect.windows.display_name", &d.windows.display_name),
            ("detect.windows.publisher", &d.windows.publisher),
        ] {
            for (i, p) in patterns.iter().enumerate() {
                let f = format!("{field}[{i}]");
                if p.trim().is_empty() {
                    self.push(&f, ProblemKind::Empty);
                } else if let Err(e) = compile_pattern(p) {
                    self.push(
                        &f,
                        ProblemKind::BadPattern {
                            pattern: p.clone(),
                            detail: e,
                        },
                    );
                }
            }
        }
        self.idents(
            "detect.windows.upgrade_codes",
            "msi-upgrade-code",
            &d.windows.upgrade_codes,
            &GUID,
        );
        self.idents("detect.windows.msix", "msix", &d.windows.msix, &MSIX);
        self.idents("detect.windows.exe", "exe", &d.windows.exe, &EXE);
        self.idents(
            "detect.windows.click_to_run",
            "click-to-run",
            &d.windows.click_to_run,
            &CLICK_TO_RUN,
        );
        self.idents(
            "detect.macos.bundle_ids",
            "bundle-id",
            &d.macos.bundle_ids,
            &BUNDLE,
        );
        self.idents(
            "detect.linux.packages",
            "debian",
            &d.linux.packages,
            &DEBIAN,
        );
        self.idents(
            "detect.linux.desktop_ids",
            "desktop",
            &d.linux.desktop_ids,
            &DESKTOP,
        );
        self.idents(
            "detect.linux.flatpak",
            "flathub",
            &d.linux.flatpak,
            &FLATHUB,
        );
        self.idents("detect.linux.snap", "snap", &d.linux.snap, &SNAP);
        self.idents(
            "detect.android.packages",
            "android",
            &d.android.packages,
            &ANDROID,
        );
    }
}

/// Compiles a detection pattern as the detector will: case-insensitive, size-limited.
pub fn compile_pattern(p: &str) -> Result<Regex, String> {
    regex::RegexBuilder::new(p)
        .case_insensitive(true)
        .size_limit(1 << 20)
        .build()
        .map_err(|e| e.to_string().lines().last().unwrap_or("").trim().to_owned())
}

fn days_between(a: Date, b: Date) -> i64 {
    days_from_civil(b) - days_from_civil(a)
}

fn days_from_civil(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Checks a loaded catalogue. Problems found while loading come first.
pub fn check(loaded: &Loaded, opts: CheckOptions<'_>) -> CheckReport {
    let mut problems = loaded.problems.clone();
    let cat = &loaded.catalog;
    let category_ids: HashSet<&str> = cat.categories.iter().map(|c| c.id.as_str()).collect();

    // Categories.
    {
        let mut sink = Sink {
            file: crate::catalog::load::CATEGORIES_FILE,
            out: &mut problems,
        };
        let mut seen = HashSet::new();
        for (i, c) in cat.categories.iter().enumerate() {
            let f = format!("category[{i}]");
            if !SLUG.is_match(&c.id) {
                sink.push(&format!("{f}.id"), ProblemKind::BadId { id: c.id.clone() });
            }
            if !seen.insert(c.id.as_str()) {
                sink.push(
                    &format!("{f}.id"),
                    ProblemKind::Duplicate {
                        value: c.id.clone(),
                    },
                );
            }
            if !SLUG.is_match(&c.pictogram) {
                sink.push(
                    &format!("{f}.pictogram"),
                    ProblemKind::BadIdentifier {
                        scheme: "pictogram",
                        value: c.pictogram.clone(),
                    },
                );
            }
            sink.text(&format!("{f}.name"), &c.name);
            sink.text(&format!("{f}.description"), &c.description);
            let used = cat.proprietary.iter().any(|p| p.category == c.id)
                || cat.free.iter().any(|e| e.category == c.id);
            if !used {
                sink.push(&format!("{f}.id"), ProblemKind::UnusedCategory);
            }
        }
    }

    for p in &cat.proprietary {
        let file = cat.files.get(&p.id).cloned().unwrap_or_default();
        let mut sink = Sink {
            file: &file,
            out: &mut problems,
        };
        let has_replacement = loaded
            .all_replacements
            .iter()
            .any(|(_, r)| r.proprietary == p.id);
        check_proprietary(
            &mut sink,
            p,
            cat,
            &category_ids,
            &loaded.broken_ids,
            has_replacement,
            opts,
        );
    }
    for f in &cat.free {
        let file = cat.files.get(&f.id).cloned().unwrap_or_default();
        let mut sink = Sink {
            file: &file,
            out: &mut problems,
        };
        check_free(&mut sink, f, &category_ids, opts);
    }
    for (file, r) in &loaded.all_replacements {
        let mut sink = Sink {
            file,
            out: &mut problems,
        };
        check_replacement(&mut sink, r, cat, &loaded.broken_ids, opts);
    }

    for g in &cat.guides {
        let file = cat
            .files
            .get(&format!("guide:{}", g.id))
            .cloned()
            .unwrap_or_default();
        let mut sink = Sink {
            file: &file,
            out: &mut problems,
        };
        check_guide(&mut sink, g, cat, &loaded.broken_ids, opts);
    }

    // The release file, when there is one, must be readable by the updater.
    if let Some(src) = loaded
        .sources
        .iter()
        .find(|f| f.path == crate::update::RELEASE_FILE)
        && let Ok(text) = &src.text
        && let Err(detail) = crate::update::Release::parse(text)
    {
        problems.push(Problem::new(
            crate::update::RELEASE_FILE,
            None,
            ProblemKind::Syntax { detail },
        ));
    }

    let winget_checked = opts.winget.is_some();
    locate(&mut problems, &loaded.sources);
    problems.sort_by(|a, b| {
        a.file
            .cmp(&b.file)
            .then(a.line.unwrap_or(0).cmp(&b.line.unwrap_or(0)))
            .then(a.field.cmp(&b.field))
    });
    CheckReport {
        problems,
        files: loaded.sources.len(),
        winget_checked,
    }
}

fn check_common_entry(
    sink: &mut Sink<'_>,
    id: &str,
    name: &Label,
    category: &str,
    category_ids: &HashSet<&str>,
) {
    if !SLUG.is_match(id) {
        sink.push("", ProblemKind::BadId { id: id.to_owned() });
    }
    sink.label("name", name);
    if !category_ids.contains(category) {
        sink.push(
            "category",
            ProblemKind::UnknownReference {
                target: "category",
                id: category.to_owned(),
            },
        );
    }
}

fn check_proprietary(
    sink: &mut Sink<'_>,
    p: &Proprietary,
    cat: &crate::catalog::Catalog,
    category_ids: &HashSet<&str>,
    broken: &HashSet<String>,
    has_replacement: bool,
    opts: CheckOptions<'_>,
) {
    check_common_entry(sink, &p.id, &p.name, &p.category, category_ids);
    sink.non_empty("vendor", &p.vendor);
    sink.platforms("platforms", &p.platforms);
    if let Some(h) = &p.homepage {
        sink.url("homepage", h);
    }
    if let Some(parent) = &p.part_of {
        if parent == &p.id {
            sink.push("part_of", ProblemKind::SelfReference);
        } else if cat.proprietary(parent).is_none() && !broken.contains(parent) {
            sink.push(
                "part_of",
                ProblemKind::UnknownReference {
                    target: "proprietary",
                    id: parent.clone(),
                },
            );
        }
    }
    sink.strings("aliases", &p.aliases);
    sink.strings("keywords.fr", &p.keywords.fr);
    sink.strings("keywords.en", &p.keywords.en);
    sink.text("summary", &p.summary);
    if p.concerns.is_empty() {
        sink.push("concerns", ProblemKind::NoConcern);
    }
    for (i, c) in p.concerns.iter().enumerate() {
        sink.text(&format!("concerns[{i}]"), &c.text());
    }
    sink.detect(&p.detect);
    sink.provenance(&p.provenance, opts.today);
    // A replacement that failed to parse or points nowhere is already reported; its
    // product is not reported again as having none.
    let broken_replacement = broken
        .iter()
        .any(|id| id.split_once("--").is_some_and(|(prop, _)| prop == p.id));
    if !has_replacement && !broken_replacement {
        sink.push("", ProblemKind::NoReplacement);
    }
}

fn check_install(sink: &mut Sink<'_>, f: &Free, opts: CheckOptions<'_>) {
    let i: &Install = &f.install;
    if i.is_empty() {
        sink.push("install", ProblemKind::NoInstallMethod);
    }
    let needs = |sink: &mut Sink<'_>, method: &'static str, platform: Platform| {
        if !f.platforms.contains(&platform) {
            sink.push(
                &format!("install.{method}"),
                ProblemKind::PlatformMismatch {
                    method,
                    platform: platform.code().to_owned(),
                },
            );
        }
    };
    for (method, value) in [("winget", &i.winget), ("winget_fr", &i.winget_fr)] {
        let Some(id) = value else { continue };
        let field = format!("install.{method}");
        needs(sink, method, Platform::Windows);
        if sink.ident(&field, "winget", id, &WINGET)
            && let Some(index) = opts.winget
            && !index.contains(id)
        {
            sink.push(
                &field,
                ProblemKind::WingetUnknown {
                    id: id.clone(),
                    suggestion: index.suggest(id),
                },
            );
        }
    }
    if let Some(id) = &i.flathub {
        needs(sink, "flathub", Platform::Linux);
        sink.ident("install.flathub", "flathub", id, &FLATHUB);
    }
    if let Some(id) = &i.debian {
        needs(sink, "debian", Platform::Linux);
        sink.ident("install.debian", "debian", id, &DEBIAN);
    }
    if let Some(id) = &i.homebrew_cask {
        needs(sink, "homebrew_cask", Platform::Macos);
        sink.ident("install.homebrew_cask", "homebrew-cask", id, &CASK);
    }
    if let Some(id) = &i.fdroid {
        needs(sink, "fdroid", Platform::Android);
        sink.ident("install.fdroid", "fdroid", id, &ANDROID);
    }
    if let Some(id) = &i.play_store {
        needs(sink, "play_store", Platform::Android);
        sink.ident("install.play_store", "play-store", id, &ANDROID);
    }
    if let Some(u) = &i.app_store {
        needs(sink, "app_store", Platform::Ios);
        sink.url("install.app_store", u);
        if url::Url::parse(u)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .is_some_and(|h| h != "apps.apple.com")
        {
            sink.push(
                "install.app_store",
                ProblemKind::BadIdentifier {
                    scheme: "app-store",
                    value: u.clone(),
                },
            );
        }
    }
    if let Some(u) = &i.download_page {
        sink.url("install.download_page", u);
    }
    if let Some(u) = &i.web {
        needs(sink, "web", Platform::Web);
        sink.url("install.web", u);
    }
    for (n, d) in i.downloads.iter().enumerate() {
        let field = |f: &str| format!("install.downloads[{n}].{f}");
        if !f.platforms.contains(&d.platform) {
            sink.push(
                &field("platform"),
                ProblemKind::PlatformMismatch {
                    method: "downloads",
                    platform: d.platform.code().to_owned(),
                },
            );
        }
        let kind_platform = match d.kind {
            InstallerKind::Msi | InstallerKind::Exe => Platform::Windows,
            InstallerKind::Dmg => Platform::Macos,
            InstallerKind::Appimage => Platform::Linux,
        };
        if kind_platform != d.platform {
            sink.push(
                &field("kind"),
                ProblemKind::BadIdentifier {
                    scheme: "installer-kind",
                    value: format!("{:?} / {}", d.kind, d.platform.code()).to_lowercase(),
                },
            );
        }
        sink.url(&field("url"), &d.url);
        if !SHA256.is_match(&d.sha256) {
            sink.push(
                &field("sha256"),
                ProblemKind::BadIdentifier {
                    scheme: "sha256",
                    value: d.sha256.clone(),
                },
            );
        }
        sink.non_empty(&field("version"), &d.version);
        for (k, a) in d.silent_args.iter().enumerate() {
            if !INSTALLER_ARG.is_match(a) {
                sink.push(
                    &format!("install.downloads[{n}].silent_args[{k}]"),
                    ProblemKind::ShellMetacharacters { value: a.clone() },
                );
            }
        }
    }
}

fn check_free(sink: &mut Sink<'_>, f: &Free, category_ids: &HashSet<&str>, opts: CheckOptions<'_>) {
    check_common_entry(sink, &f.id, &f.name, &f.category, category_ids);
    sink.url("homepage", &f.homepage);
    if let Some(s) = &f.source_code {
        sink.url("source_code", s);
    }
    sink.platforms("platforms", &f.platforms);
    match spdx::Expression::parse(&f.license) {
        Err(e) => sink.push(
            "license",
            ProblemKind::UnknownLicense {
                license: f.license.clone(),
                detail: e.reason.to_string(),
            },
        ),
        Ok(_) if !license_is_free(&f.license) && f.kind != EntryKind::Service => sink.push(
            "license",
            ProblemKind::NotFreeLicense {
                license: f.license.clone(),
            },
        ),
        Ok(_) => {}
    }
    if let Some(q) = &f.wikidata
        && !WIKIDATA.is_match(q)
    {
        sink.push(
            "wikidata",
            ProblemKind::BadIdentifier {
                scheme: "wikidata",
                value: q.clone(),
            },
        );
    }
    sink.strings("aliases", &f.aliases);
    sink.strings("keywords.fr", &f.keywords.fr);
    sink.strings("keywords.en", &f.keywords.en);
    sink.text("summary", &f.summary);
    sink.text("description", &f.description);
    check_install(sink, f, opts);
    match (&f.service, f.kind) {
        (None, EntryKind::Service)
        | (Some(_), EntryKind::Software | EntryKind::Os | EntryKind::Font) => sink.push(
            "kind",
            ProblemKind::ServiceMismatch {
                kind: format!("{:?}", f.kind).to_lowercase(),
            },
        ),
        _ => {}
    }
    if let Some(s) = &f.service {
        sink.non_empty("service.provider", &s.provider);
        match &s.country {
            Some(c) if !COUNTRY.is_match(c) => sink.push(
                "service.country",
                ProblemKind::BadIdentifier {
                    scheme: "country",
                    value: c.clone(),
                },
            ),
            None if s.provider_kind != ProviderKind::Federation => {
                sink.push("service.country", ProblemKind::Empty)
            }
            _ => {}
        }
        if let Some(u) = &s.signup {
            sink.url("service.signup", u);
        }
        if let Some(t) = &s.cost_details {
            sink.text("service.cost_details", t);
        }
        if let Some(t) = &s.before_signup {
            sink.text("service.before_signup", t);
        }
    }
    sink.detect(&f.detect);
    sink.provenance(&f.provenance, opts.today);
}

fn check_replacement(
    sink: &mut Sink<'_>,
    r: &Replacement,
    cat: &crate::catalog::Catalog,
    broken: &HashSet<String>,
    opts: CheckOptions<'_>,
) {
    let expected = format!("{}--{}", r.proprietary, r.free);
    if r.id != expected {
        sink.push(
            "",
            ProblemKind::ReplacementFileName {
                expected: format!("{expected}.toml"),
            },
        );
    }
    if cat.proprietary(&r.proprietary).is_none() && !broken.contains(&r.proprietary) {
        sink.push(
            "proprietary",
            ProblemKind::UnknownReference {
                target: "proprietary",
                id: r.proprietary.clone(),
            },
        );
    }
    match cat.free(&r.free) {
        None if broken.contains(&r.free) => {}
        None => sink.push(
            "free",
            ProblemKind::UnknownReference {
                target: "free",
                id: r.free.clone(),
            },
        ),
        Some(free) => {
            for (i, p) in r.platforms.iter().enumerate() {
                if !free.platforms.contains(p) {
                    sink.push(
                        &format!("platforms[{i}]"),
                        ProblemKind::ReplacementPlatform {
                            platform: p.code().to_owned(),
                        },
                    );
                }
            }
        }
    }
    sink.platforms("platforms", &r.platforms);
    for (i, c) in r.components.iter().enumerate() {
        sink.label(&format!("components[{i}].from"), &c.from);
        sink.label(&format!("components[{i}].to"), &c.to);
    }
    sink.text("summary", &r.summary);
    for (i, t) in r.carries_over.iter().enumerate() {
        sink.text(&format!("carries_over[{i}]"), t);
    }
    for (i, t) in r.left_behind.iter().enumerate() {
        sink.text(&format!("left_behind[{i}]"), t);
    }
    if let Some(g) = &r.guide
        && cat.guide(g).is_none()
        && !broken.contains(g)
    {
        sink.push(
            "guide",
            ProblemKind::UnknownReference {
                target: "guide",
                id: g.clone(),
            },
        );
    }
    sink.provenance(&r.provenance, opts.today);
}

/// The pictograms the window can draw (assets/icons/NAME.svg).
static ICONS: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/assets/icons");

/// Whether `assets/icons/NAME.svg` exists.
pub fn pictogram_exists(name: &str) -> bool {
    SLUG.is_match(name) && ICONS.get_file(format!("{name}.svg")).is_some()
}

/// Longest step title and step text (characters): one short action per card.
pub const STEP_TITLE_MAX: usize = 60;
pub const STEP_TEXT_MAX: usize = 300;

fn check_guide(
    sink: &mut Sink<'_>,
    g: &Guide,
    cat: &crate::catalog::Catalog,
    broken: &HashSet<String>,
    opts: CheckOptions<'_>,
) {
    if !SLUG.is_match(&g.id) {
        sink.push("", ProblemKind::BadId { id: g.id.clone() });
    }
    sink.text("title", &g.title);
    sink.text("summary", &g.summary);
    if !pictogram_exists(&g.pictogram) {
        sink.push(
            "pictogram",
            ProblemKind::BadIdentifier {
                scheme: "pictogram",
                value: g.pictogram.clone(),
            },
        );
    }
    if g.minutes == 0 {
        sink.push("minutes", ProblemKind::Empty);
    }
    sink.platforms("platforms", &g.platforms);
    let entry_ref = |sink: &mut Sink<'_>, field: &str, id: &str| {
        if cat.get(id).is_none() && !broken.contains(id) {
            sink.push(
                field,
                ProblemKind::UnknownReference {
                    target: "entry",
                    id: id.to_owned(),
                },
            );
        }
    };
    sink.strings("entries", &g.entries);
    for (i, e) in g.entries.iter().enumerate() {
        entry_ref(sink, &format!("entries[{i}]"), e);
    }
    if g.changes.is_empty() {
        sink.push("changes", ProblemKind::Empty);
    }
    for (i, c) in g.changes.iter().enumerate() {
        sink.text(&format!("changes[{i}]"), c);
    }
    if g.steps.is_empty() {
        sink.push("step", ProblemKind::Empty);
    }
    for (i, st) in g.steps.iter().enumerate() {
        let f = format!("step[{i}]");
        sink.text(&format!("{f}.title"), &st.title);
        sink.text(&format!("{f}.text"), &st.text);
        sink.text(&format!("{f}.why"), &st.why);
        for (field, text, max) in [
            ("title", &st.title, STEP_TITLE_MAX),
            ("text", &st.text, STEP_TEXT_MAX),
            ("why", &st.why, STEP_TEXT_MAX),
        ] {
            for (lang, s) in text.pairs() {
                let len = s.chars().count();
                if len > max {
                    sink.push(
                        &format!("{f}.{field}.{lang}"),
                        ProblemKind::TooLong { len, max },
                    );
                }
            }
        }
        if !pictogram_exists(&st.pictogram) {
            sink.push(
                &format!("{f}.pictogram"),
                ProblemKind::BadIdentifier {
                    scheme: "pictogram",
                    value: st.pictogram.clone(),
                },
            );
        }
        sink.strings(&format!("{f}.entries"), &st.entries);
        for (j, e) in st.entries.iter().enumerate() {
            entry_ref(sink, &format!("{f}.entries[{j}]"), e);
        }
        if let Some(link) = &st.link {
            sink.url(&format!("{f}.link"), link);
        }
        if let Some(StepCheck::Installed { entry }) = &st.check {
            let field = format!("{f}.check.entry");
            match cat.free(entry) {
                None if broken.contains(entry) => {}
                None => sink.push(
                    &field,
                    ProblemKind::UnknownReference {
                        target: "free",
                        id: entry.clone(),
                    },
                ),
                Some(free) => {
                    let d = &free.detect;
                    let on_computers = !(d.windows == Default::default()
                        && d.macos == Default::default()
                        && d.linux == Default::default());
                    if !on_computers {
                        sink.push(
                            &field,
                            ProblemKind::CheckCannotPass {
                                entry: entry.clone(),
                            },
                        );
                    }
                }
            }
        }
    }
    sink.provenance(&g.provenance, opts.today);
}

/// Finds the line of each problem's field in its file's text.
fn locate(problems: &mut [Problem], sources: &[SourceFile]) {
    let texts: HashMap<&str, &str> = sources
        .iter()
        .filter_map(|s| s.text.as_ref().ok().map(|t| (s.path.as_str(), t.as_str())))
        .collect();
    let mut parsed: HashMap<String, Option<toml::Spanned<toml::de::DeTable<'_>>>> = HashMap::new();
    for p in problems.iter_mut() {
        if p.line.is_some() {
            continue;
        }
        let Some(text) = texts.get(p.file.as_str()).copied() else {
            continue;
        };
        let doc = parsed
            .entry(p.file.clone())
            .or_insert_with(|| toml::de::DeTable::parse(text).ok());
        let Some(doc) = doc else { continue };
        p.line = Some(match &p.field {
            None => 1,
            Some(field) => field_line(doc, field, text).unwrap_or(1),
        });
    }
}

/// The line of the deepest part of `path` (`install.flathub`, `concerns[1].en`) found.
fn field_line(doc: &toml::Spanned<toml::de::DeTable<'_>>, path: &str, text: &str) -> Option<usize> {
    let mut segments: Vec<Seg> = Vec::new();
    for part in path.split('.') {
        let (key, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        segments.push(Seg::Key(key));
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(n) = idx.trim_end_matches(']').parse::<usize>() {
                segments.push(Seg::Index(n));
            }
        }
    }
    let mut best: Option<usize> = None;
    let table = doc.get_ref();
    let mut current: Option<&toml::Spanned<toml::de::DeValue<'_>>> = None;
    for seg in segments {
        let next = match (current, seg) {
            (None, Seg::Key(k)) => table.get(k),
            (Some(v), Seg::Key(k)) => v.get_ref().get(k),
            (Some(v), Seg::Index(n)) => v.get_ref().get(n),
            (None, Seg::Index(_)) => None,
        };
        match next {
            Some(v) => {
                best = Some(line_of(text, v.span().start));
                current = Some(v);
            }
            None => break,
        }
    }
    // A key found at the top level but whose value is a table defined by a header:
    // the span of a table is its first key; that is close enough.
    best
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// Languages of the catalogue that lack text, for statistics.
pub fn text_complete(text: &Text, lang: Lang) -> bool {
    match lang {
        Lang::Fr => !text.fr.trim().is_empty(),
        Lang::En => !text.en.trim().is_empty(),
    }
}
