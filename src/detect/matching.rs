//! Which catalogue entry an installed program is.
//!
//! Stable keys first (UpgradeCode, ProductCode, MSIX family, Flatpak id, snap, package,
//! bundle id, desktop id, executable, Click-to-Run id); then the catalogue's Windows
//! DisplayName / Publisher patterns; then the name normalised as winget normalises it
//! (versions, architectures, locales, editions and legal suffixes removed), compared
//! exactly with the entry's names and aliases. No guessing beyond that: an unknown
//! program stays unknown.

use crate::catalog::model::{Detect, Label};
use crate::catalog::validate::compile_pattern;
use crate::catalog::{Catalog, Entry};
use crate::detect::{Installed, SourceKind};
use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;

/// Why a program was recognised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum Reason {
    /// A stable identifier.
    Key { kind: String, value: String },
    /// A DisplayName pattern of the catalogue (and its Publisher pattern when given).
    Pattern {
        pattern: String,
        publisher_checked: bool,
    },
    /// The normalised name equals one of the entry's names or aliases.
    Name { normalized: String },
}

/// A recognised program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Match {
    /// The catalogue id.
    pub id: String,
    /// Proprietary (`true`) or free (`false`).
    pub proprietary: bool,
    /// 0 to 100.
    pub confidence: u8,
    pub reason: Reason,
}

#[derive(Clone, Debug)]
struct Target {
    id: String,
    proprietary: bool,
    /// Normalised names and aliases, to choose between targets sharing a key.
    names: Vec<String>,
    /// Normalised vendor (proprietary entries).
    vendor: Option<String>,
}

#[derive(Debug)]
struct PatternRule {
    target: usize,
    names: Vec<Regex>,
    publishers: Vec<Regex>,
}

/// The catalogue's detection hints, compiled once.
#[derive(Debug)]
pub struct Matcher {
    targets: Vec<Target>,
    keys: HashMap<(String, String), Vec<usize>>,
    patterns: Vec<PatternRule>,
    names: HashMap<String, Vec<usize>>,
}

/// Words winget drops from publishers and names: legal forms of companies (with the
/// French ones it lacks).
const LEGAL: [&str; 46] = [
    "ab",
    "ad",
    "ag",
    "aps",
    "as",
    "asa",
    "bv",
    "co",
    "cv",
    "doo",
    "ges",
    "gesmbh",
    "gmbh",
    "inc",
    "kg",
    "ks",
    "ps",
    "llc",
    "lp",
    "ltd",
    "ltda",
    "mbh",
    "nv",
    "plc",
    "sl",
    "pty",
    "pvt",
    "sa",
    "sarl",
    "sc",
    "sca",
    "sp",
    "spa",
    "srl",
    "sro",
    "company",
    "corp",
    "corporation",
    "holding",
    "holdings",
    "incorporated",
    "limited",
    "subsidiary",
    "sas",
    "sasu",
    "eurl",
];

/// Architecture and packaging words.
const ARCH: [&str; 12] = [
    "x86", "x32", "x64", "x8664", "amd64", "arm64", "64bit", "32bit", "64bits", "32bits", "win64",
    "win32",
];

/// Locale tags and language names that installers append ("- fr-fr", "- Français").
const LOCALES: [&str; 22] = [
    "fr",
    "frfr",
    "en",
    "enus",
    "engb",
    "de",
    "dede",
    "es",
    "eses",
    "it",
    "itit",
    "nl",
    "francais",
    "french",
    "english",
    "anglais",
    "deutsch",
    "espanol",
    "italiano",
    "nederlands",
    "portugues",
    "multilingual",
];

/// Words that qualify rather than name: "(64-bit)", "version", "edition"...
const NOISE: [&str; 8] = [
    "version",
    "edition",
    "build",
    "release",
    "setup",
    "installer",
    "bit",
    "bits",
];

fn is_version_token(t: &str) -> bool {
    // "6", "6.24", "2019", "v1.2", "1.2.3b", "r2".
    let t = t.strip_prefix('v').unwrap_or(t);
    !t.is_empty()
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c.is_ascii_lowercase())
        && t.chars().filter(|c| c.is_ascii_alphabetic()).count() <= 2
}

/// Normalises a program name as winget does, into one lower-case word without spaces:
/// "Mozilla Firefox (x64 fr)" -> "mozillafirefox", "WinRAR 6.24 (64-bit)" -> "winrar",
/// "Microsoft Office Professional Plus 2019 - fr-fr" -> "microsoftofficeprofessionalplus".
pub fn normalize_name(name: &str) -> String {
    let lower = deunicode::deunicode(name).to_lowercase();
    let lower = lower.split("@@").next().unwrap_or("");
    // Bracketed text is qualifiers ("(64-bit)", "[fr]").
    let mut text = String::with_capacity(lower.len());
    let mut depth = 0i32;
    for c in lower.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = (depth - 1).max(0),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    // "64-bit", "x86-64", "fr-fr" are joined before splitting on anything else.
    let text = text
        .replace("-bit", "bit")
        .replace(" bit", "bit")
        .replace("x86-64", "x8664")
        .replace("x86_64", "x8664");
    let mut words = Vec::new();
    for raw in text.split(|c: char| {
        !(c.is_ascii_alphanumeric() || c == '+' || c == '&' || c == '.' || c == '-')
    }) {
        let w = raw.trim_matches(|c| c == '.' || c == '-');
        if w.is_empty() {
            continue;
        }
        let joined: String = w.chars().filter(|c| *c != '-' && *c != '.').collect();
        // A legal form is a suffix ("Acme Ltd"), never the first word ("Co Maps").
        let legal = !words.is_empty() && LEGAL.contains(&joined.as_str());
        if is_version_token(w)
            || ARCH.contains(&joined.as_str())
            || LOCALES.contains(&joined.as_str())
            || NOISE.contains(&joined.as_str())
            || legal
        {
            continue;
        }
        words.push(joined);
    }
    words.concat()
}

/// Normalises a publisher: its words up to the first legal form ("Microsoft Corporation"
/// -> "microsoft", "Google LLC" -> "google").
pub fn normalize_publisher(p: &str) -> String {
    let lower = deunicode::deunicode(p).to_lowercase();
    let mut out = String::new();
    for w in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if LEGAL.contains(&w) {
            break;
        }
        out.push_str(w);
    }
    out
}

fn label_names(l: &Label) -> Vec<&str> {
    l.all()
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Matcher {
        let mut m = Matcher {
            targets: Vec::new(),
            keys: HashMap::new(),
            patterns: Vec::new(),
            names: HashMap::new(),
        };
        let entries = catalog
            .proprietary
            .iter()
            .map(Entry::Proprietary)
            .chain(catalog.free.iter().map(Entry::Free));
        for e in entries {
            let (id, name, aliases, detect, vendor, proprietary) = match e {
                Entry::Proprietary(p) => {
                    (&p.id, &p.name, &p.aliases, &p.detect, Some(&p.vendor), true)
                }
                Entry::Free(f) => (&f.id, &f.name, &f.aliases, &f.detect, None, false),
            };
            // Names of three letters or more ("VLC"); aliases of four or more, as short
            // aliases are abbreviations ("PPT", "RAR") that other programs may bear.
            let mut names: Vec<String> = label_names(name)
                .into_iter()
                .map(normalize_name)
                .filter(|n| n.len() >= 3)
                .chain(
                    aliases
                        .iter()
                        .map(|a| normalize_name(a))
                        .filter(|n| n.len() >= 4),
                )
                .collect();
            names.sort();
            names.dedup();
            let t = m.targets.len();
            m.targets.push(Target {
                id: id.clone(),
                proprietary,
                names: names.clone(),
                vendor: vendor
                    .map(|v| normalize_publisher(v))
                    .filter(|v| !v.is_empty()),
            });
            for n in names {
                m.names.entry(n).or_default().push(t);
            }
            m.add_detect(t, detect);
            if let Entry::Free(f) = e {
                if let Some(id) = &f.install.flathub {
                    m.add_key(t, "flatpak", id);
                }
                if let Some(pkg) = &f.install.debian {
                    m.add_key(t, "package", pkg);
                }
            }
        }
        m
    }

    fn add_key(&mut self, t: usize, kind: &str, value: &str) {
        let list = self
            .keys
            .entry((kind.to_owned(), value.trim().to_lowercase()))
            .or_default();
        if !list.contains(&t) {
            list.push(t);
        }
    }

    fn add_detect(&mut self, t: usize, d: &Detect) {
        for v in &d.windows.upgrade_codes {
            self.add_key(t, "upgrade-code", v);
        }
        for v in &d.windows.msix {
            self.add_key(t, "msix", v);
        }
        for v in &d.windows.exe {
            self.add_key(t, "exe", v);
        }
        for v in &d.windows.click_to_run {
            self.add_key(t, "click-to-run", v);
        }
        for v in &d.macos.bundle_ids {
            self.add_key(t, "bundle-id", v);
        }
        for v in &d.linux.packages {
            self.add_key(t, "package", v);
        }
        for v in &d.linux.flatpak {
            self.add_key(t, "flatpak", v);
        }
        for v in &d.linux.snap {
            self.add_key(t, "snap", v);
        }
        for v in &d.linux.desktop_ids {
            self.add_key(t, "desktop-id", v);
        }
        let compile = |v: &[String]| -> Vec<Regex> {
            v.iter().filter_map(|p| compile_pattern(p).ok()).collect()
        };
        let names = compile(&d.windows.display_name);
        if !names.is_empty() {
            self.patterns.push(PatternRule {
                target: t,
                names,
                publishers: compile(&d.windows.publisher),
            });
        }
    }

    fn result(&self, t: usize, confidence: u8, reason: Reason) -> Match {
        let target = &self.targets[t];
        Match {
            id: target.id.clone(),
            proprietary: target.proprietary,
            confidence,
            reason,
        }
    }

    /// Among targets sharing a key, the one whose names fit the program's name best.
    fn best_of(&self, list: &[usize], normalized: &str) -> usize {
        list.iter()
            .copied()
            .max_by_key(|&t| {
                let names = &self.targets[t].names;
                let exact = names.iter().any(|n| n == normalized);
                let partial = names
                    .iter()
                    .filter(|n| normalized.contains(n.as_str()))
                    .map(|n| n.len())
                    .max()
                    .unwrap_or(0);
                (exact, partial, std::cmp::Reverse(t))
            })
            .unwrap_or(list[0])
    }

    /// The catalogue entry this program is, if any.
    pub fn identify(&self, program: &Installed) -> Option<Match> {
        let normalized = normalize_name(&program.name);
        // 1. Stable keys.
        for key in &program.keys {
            let k = (key.kind().to_owned(), key.value().trim().to_lowercase());
            if let Some(list) = self.keys.get(&k) {
                let t = self.best_of(list, &normalized);
                return Some(self.result(
                    t,
                    100,
                    Reason::Key {
                        kind: key.kind().to_owned(),
                        value: key.value().to_owned(),
                    },
                ));
            }
        }
        // 2. Windows DisplayName / Publisher patterns.
        let windows = matches!(
            program.source,
            SourceKind::WindowsUninstall
                | SourceKind::WindowsMsix
                | SourceKind::WindowsClickToRun
                | SourceKind::WindowsStartMenu
                // Inventory tools list programs by their Apps & features names.
                | SourceKind::Inventory
        );
        if windows {
            let mut best: Option<(usize, usize, bool, String)> = None;
            for rule in &self.patterns {
                for re in &rule.names {
                    let Some(found) = re.find(&program.name) else {
                        continue;
                    };
                    let publisher_ok = match (&program.publisher, rule.publishers.is_empty()) {
                        (_, true) => None,
                        (Some(p), false) => Some(rule.publishers.iter().any(|r| r.is_match(p))),
                        (None, false) => None,
                    };
                    if publisher_ok == Some(false) {
                        continue;
                    }
                    // The longest match is the most specific ("Microsoft Word" over
                    // "Microsoft Office" patterns).
                    let len = found.len();
                    if best.as_ref().is_none_or(|b| len > b.1) {
                        best = Some((
                            rule.target,
                            len,
                            publisher_ok == Some(true),
                            re.as_str().to_owned(),
                        ));
                    }
                }
            }
            if let Some((t, _, checked, pattern)) = best {
                return Some(self.result(
                    t,
                    if checked { 95 } else { 85 },
                    Reason::Pattern {
                        pattern,
                        publisher_checked: checked,
                    },
                ));
            }
        }
        // 3. Normalised name, exactly.
        if normalized.len() >= 3
            && let Some(list) = self.names.get(&normalized)
        {
            let publisher = program.publisher.as_deref().map(normalize_publisher);
            // With a publisher, prefer the entry whose vendor it is; a proprietary entry
            // whose vendor differs from the publisher is not this program.
            let mut candidates: Vec<(usize, u8)> = Vec::new();
            for &t in list {
                let target = &self.targets[t];
                let score = match (&publisher, &target.vendor) {
                    (Some(p), Some(v))
                        if !p.is_empty() && (p.contains(v.as_str()) || v.contains(p.as_str())) =>
                    {
                        85
                    }
                    (Some(p), Some(_)) if !p.is_empty() => continue,
                    _ => 75,
                };
                candidates.push((t, score));
            }
            if let Some(&(t, score)) = candidates
                .iter()
                .max_by_key(|(t, s)| (*s, std::cmp::Reverse(*t)))
            {
                return Some(self.result(t, score, Reason::Name { normalized }));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_like_winget() {
        assert_eq!(normalize_name("Mozilla Firefox (x64 fr)"), "mozillafirefox");
        assert_eq!(normalize_name("WinRAR 6.24 (64-bit)"), "winrar");
        assert_eq!(
            normalize_name("Microsoft Office Professional Plus 2019 - fr-fr"),
            "microsoftofficeprofessionalplus"
        );
        assert_eq!(
            normalize_name("Adobe Acrobat Reader DC - Français"),
            "adobeacrobatreaderdc"
        );
        assert_eq!(normalize_name("7-Zip 23.01 (x64)"), "7zip");
        assert_eq!(normalize_name("VLC media player"), "vlcmediaplayer");
        assert_eq!(normalize_name("LibreOffice 24.8.2.1"), "libreoffice");
        assert_eq!(normalize_name("Notepad++ (64-bit x64)"), "notepad++");
        assert_eq!(normalize_name("Zoom Workplace (64-bit)"), "zoomworkplace");
        assert_eq!(normalize_name(""), "");
        assert_eq!(normalize_publisher("Microsoft Corporation"), "microsoft");
        assert_eq!(normalize_publisher("Google LLC"), "google");
        assert_eq!(
            normalize_publisher("The Document Foundation"),
            "thedocumentfoundation"
        );
        assert_eq!(normalize_publisher("win.rar GmbH"), "winrar");
    }
}
