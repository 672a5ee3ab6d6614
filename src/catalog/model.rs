//! The catalogue's data model: what one TOML file holds, once parsed.
//!
//! Three kinds of entries live in their own folders (`proprietary/`, `free/`,
//! `replacements/`); an entry's id is its file name without `.toml`. Every text
//! meant for people carries French (the reference) and English.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// A language the kit speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French, the reference language.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language, reference first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses "fr", "fr-FR", "fr_CA.UTF-8", "EN"... Anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text for people, in both languages. Missing languages parse as empty strings
/// so that validation can say exactly which one is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang`, falling back to French when the translation is empty.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.fr,
        }
    }

    /// Both languages, reference first.
    pub fn pairs(&self) -> [(Lang, &str); 2] {
        [(Lang::Fr, &self.fr), (Lang::En, &self.en)]
    }
}

/// A name: either the same in every language (`name = "Firefox"`), or translated
/// (`name = { fr = "Google Agenda", en = "Google Calendar" }`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Label {
    Same(String),
    Translated(Text),
}

impl Label {
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Label::Same(s) => s,
            Label::Translated(t) => t.get(lang),
        }
    }

    /// Every distinct spelling, for search.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Label::Same(s) => vec![s.as_str()],
            Label::Translated(t) if t.fr == t.en => vec![t.fr.as_str()],
            Label::Translated(t) => vec![t.fr.as_str(), t.en.as_str()],
        }
    }

    pub fn pairs(&self) -> [(Lang, &str); 2] {
        match self {
            Label::Same(s) => [(Lang::Fr, s), (Lang::En, s)],
            Label::Translated(t) => t.pairs(),
        }
    }
}

impl Default for Label {
    fn default() -> Self {
        Label::Same(String::new())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name as a string, or a table with `fr` and `en`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Label, E> {
                Ok(Label::Same(v.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Label, A::Error> {
                Text::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Label::Translated)
            }
        }
        d.deserialize_any(V)
    }
}

/// Search words that are not names: generic terms such as "traitement de texte".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keywords {
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

/// A calendar date (`checked = 2026-11-22` in TOML).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Ok(Date {
                year: date.year,
                month: date.month,
                day: date.day,
            }),
            _ => Err(D::Error::custom(
                "expected a plain date such as 2026-11-22 (no time)",
            )),
        }
    }
}

impl Date {
    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

/// Where something runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Windows,
    Macos,
    Linux,
    Android,
    Ios,
    /// In a web browser, nothing to install.
    Web,
}

impl Platform {
    pub const ALL: [Platform; 6] = [
        Platform::Windows,
        Platform::Macos,
        Platform::Linux,
        Platform::Android,
        Platform::Ios,
        Platform::Web,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Platform::Windows => "windows",
            Platform::Macos => "macos",
            Platform::Linux => "linux",
            Platform::Android => "android",
            Platform::Ios => "ios",
            Platform::Web => "web",
        }
    }

    pub fn is_phone(self) -> bool {
        matches!(self, Platform::Android | Platform::Ios)
    }
}

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// A program installed on a computer or a phone.
    Software,
    /// Something used online, through a browser or an app.
    Service,
    /// An operating system.
    Os,
    /// An application store.
    Store,
    /// A font family (for documents: the same letter sizes as a proprietary font).
    Font,
}

/// Why someone may want to leave a proprietary product.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConcernKind {
    /// Collects personal data, profiles, advertises.
    Tracking,
    /// Closed formats, hard to leave, data held hostage.
    LockIn,
    /// Licence, subscription or hardware cost.
    Cost,
    /// No more updates, or soon.
    EndOfSupport,
    /// An account with the vendor is required.
    AccountRequired,
    /// Data stored or processed outside the EU / under foreign law.
    Jurisdiction,
    /// Closed code nobody can audit.
    ClosedSource,
    /// Known security incidents or flaws left unpatched.
    Security,
}

impl ConcernKind {
    pub const ALL: [ConcernKind; 8] = [
        ConcernKind::Tracking,
        ConcernKind::LockIn,
        ConcernKind::Cost,
        ConcernKind::EndOfSupport,
        ConcernKind::AccountRequired,
        ConcernKind::Jurisdiction,
        ConcernKind::ClosedSource,
        ConcernKind::Security,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ConcernKind::Tracking => "tracking",
            ConcernKind::LockIn => "lock-in",
            ConcernKind::Cost => "cost",
            ConcernKind::EndOfSupport => "end-of-support",
            ConcernKind::AccountRequired => "account-required",
            ConcernKind::Jurisdiction => "jurisdiction",
            ConcernKind::ClosedSource => "closed-source",
            ConcernKind::Security => "security",
        }
    }
}

/// One reason to consider leaving, explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    pub kind: ConcernKind,
    #[serde(default)]
    pub fr: String,
    #[serde(default)]
    pub en: String,
}

impl Concern {
    pub fn text(&self) -> Text {
        Text {
            fr: self.fr.clone(),
            en: self.en.clone(),
        }
    }
}

/// How to recognise a program installed on Windows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowsDetect {
    /// Regular expressions (case-insensitive) on the uninstall entry's DisplayName.
    #[serde(default)]
    pub display_name: Vec<String>,
    /// Regular expressions (case-insensitive) on the uninstall entry's Publisher.
    #[serde(default)]
    pub publisher: Vec<String>,
    /// MSI UpgradeCodes, `{8-4-4-4-12}` hexadecimal GUIDs.
    #[serde(default)]
    pub upgrade_codes: Vec<String>,
    /// MSIX / Store package family names (`Name_PublisherId`).
    #[serde(default)]
    pub msix: Vec<String>,
    /// Executable names registered under App Paths (`winword.exe`).
    #[serde(default)]
    pub exe: Vec<String>,
    /// Office Click-to-Run ProductReleaseIds (`O365ProPlusRetail`).
    #[serde(default)]
    pub click_to_run: Vec<String>,
}

/// How to recognise an application on macOS.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MacosDetect {
    /// CFBundleIdentifier values.
    #[serde(default)]
    pub bundle_ids: Vec<String>,
}

/// How to recognise a program on Linux.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinuxDetect {
    /// Distribution package names (dpkg, rpm).
    #[serde(default)]
    pub packages: Vec<String>,
    /// Desktop entry ids (`firefox.desktop`).
    #[serde(default)]
    pub desktop_ids: Vec<String>,
    /// Flatpak application ids.
    #[serde(default)]
    pub flatpak: Vec<String>,
    /// Snap names.
    #[serde(default)]
    pub snap: Vec<String>,
}

/// How to recognise an app on Android (package names).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AndroidDetect {
    #[serde(default)]
    pub packages: Vec<String>,
}

/// Detection hints, per platform.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detect {
    #[serde(default)]
    pub windows: WindowsDetect,
    #[serde(default)]
    pub macos: MacosDetect,
    #[serde(default)]
    pub linux: LinuxDetect,
    #[serde(default)]
    pub android: AndroidDetect,
}

impl Detect {
    pub fn is_empty(&self) -> bool {
        self == &Detect::default()
    }
}

/// Where facts come from, and when someone last checked them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// https URLs of the sources used.
    #[serde(default)]
    pub sources: Vec<String>,
    /// When a person last checked the entry against its sources.
    pub checked: Date,
}

/// A proprietary product or service people use today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proprietary {
    #[serde(skip_deserializing)]
    pub id: String,
    pub name: Label,
    pub kind: EntryKind,
    pub category: String,
    pub vendor: String,
    pub platforms: Vec<Platform>,
    pub homepage: Option<String>,
    /// The suite this product belongs to (Word -> microsoft-office).
    pub part_of: Option<String>,
    /// Names people type or see: short names, former names, executables, misspellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub keywords: Keywords,
    /// What it is, in one or two sentences.
    pub summary: Text,
    /// Why consider leaving it.
    #[serde(default)]
    pub concerns: Vec<Concern>,
    /// When the vendor stopped (or stops) supporting it.
    pub end_of_support: Option<Date>,
    #[serde(default)]
    pub detect: Detect,
    pub provenance: Provenance,
}

/// How hard something is to adopt for someone who has never used it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Advanced,
}

/// Ways to get a free program, per platform. Every field is an identifier in its
/// own store or package manager, or an https address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Install {
    /// Windows Package Manager id (`TheDocumentFoundation.LibreOffice`).
    pub winget: Option<String>,
    /// The French-language winget package, where the project publishes one per language
    /// (`Mozilla.Firefox.fr`); used instead of `winget` for French speakers.
    pub winget_fr: Option<String>,
    /// Flathub application id (`org.libreoffice.LibreOffice`).
    pub flathub: Option<String>,
    /// Debian / Ubuntu package name.
    pub debian: Option<String>,
    /// Homebrew cask token.
    pub homebrew_cask: Option<String>,
    /// F-Droid package id.
    pub fdroid: Option<String>,
    /// Google Play package id, for apps that are also there.
    pub play_store: Option<String>,
    /// Apple App Store page (https).
    pub app_store: Option<String>,
    /// The project's official download page (https).
    pub download_page: Option<String>,
    /// For web services and web apps: the address to open (https).
    pub web: Option<String>,
    /// Installers downloaded directly from the project, each with its SHA-256.
    #[serde(default)]
    pub downloads: Vec<Download>,
}

/// The kind of an installer file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InstallerKind {
    /// Windows Installer package.
    Msi,
    /// Windows setup program (NSIS, Inno Setup...): needs `silent_args`.
    Exe,
    /// macOS disk image holding an `.app`.
    Dmg,
    /// Linux AppImage.
    Appimage,
}

/// Where an installer puts the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// For every user; needs administrator rights.
    Machine,
    /// For the current user only.
    User,
}

/// Processor architecture of an installer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arch {
    X86_64,
    Aarch64,
    /// Runs on both (universal macOS images, 32-bit Windows installers).
    Any,
}

/// An installer file, checked against its SHA-256 before anything runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Download {
    pub platform: Platform,
    pub arch: Arch,
    pub kind: InstallerKind,
    /// https address of the file, on the project's own servers.
    pub url: String,
    /// SHA-256 of the file, 64 lower-case hexadecimal digits.
    pub sha256: String,
    /// Size in bytes, when known (checked too).
    pub size: Option<u64>,
    pub version: String,
    pub scope: Scope,
    /// For `exe` installers: the switches that make them silent (`/S`, `/VERYSILENT`).
    #[serde(default)]
    pub silent_args: Vec<String>,
}

impl Install {
    pub fn is_empty(&self) -> bool {
        self == &Install::default()
    }
}

/// What a service costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cost {
    /// Free of charge.
    Free,
    /// Free of charge, donations welcome.
    Donation,
    /// A free tier and paid options.
    Freemium,
    /// Paid only.
    Paid,
}

/// Who runs an ethical service, and how to join it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The organisation that runs it.
    pub provider: String,
    /// Association, cooperative, company, public body...
    pub provider_kind: ProviderKind,
    /// Country of the provider (ISO 3166-1 alpha-2); absent for a federation of
    /// independent providers.
    pub country: Option<String>,
    /// Where to sign up (https); absent when no account is needed.
    pub signup: Option<String>,
    pub cost: Cost,
    /// Prices and limits, in words.
    pub cost_details: Option<Text>,
    /// Member of the CHATONS collective (chatons.org).
    #[serde(default)]
    pub chatons: bool,
    /// What to know before signing up (reserved to some people, waiting list...).
    pub before_signup: Option<Text>,
}

/// What kind of organisation runs a service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProviderKind {
    Association,
    Cooperative,
    Company,
    Foundation,
    PublicBody,
    /// Many independent providers (a federation, a protocol).
    Federation,
}

/// A free program, free operating system, or ethical service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Free {
    #[serde(skip_deserializing)]
    pub id: String,
    pub name: Label,
    pub kind: EntryKind,
    pub category: String,
    /// SPDX licence expression of the software (for a service: of the software it runs).
    pub license: String,
    pub homepage: String,
    pub source_code: Option<String>,
    pub platforms: Vec<Platform>,
    pub difficulty: Difficulty,
    /// Listed in the French government's SILL (socle interministériel de logiciels libres).
    #[serde(default)]
    pub sill: bool,
    /// Wikidata item (Q-number).
    pub wikidata: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub keywords: Keywords,
    /// What it is, in one sentence.
    pub summary: Text,
    /// A few sentences: what it does well, for whom.
    pub description: Text,
    #[serde(default)]
    pub install: Install,
    pub service: Option<Service>,
    #[serde(default)]
    pub detect: Detect,
    pub provenance: Provenance,
}

impl Free {
    /// Whether the licence is a free software licence (OSI or FSF approved).
    pub fn is_free_software(&self) -> bool {
        super::validate::license_is_free(&self.license)
    }
}

/// How well a free entry replaces a proprietary one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// Does the same job the same way; little to learn.
    DropIn,
    /// Does the same job; some habits or features change.
    Close,
    /// Meets the same need in a different way.
    Different,
}

/// One part of a product and its counterpart (Word -> Writer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComponentMap {
    pub from: Label,
    pub to: Label,
}

/// A relation: this free entry replaces that proprietary one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    #[serde(skip_deserializing)]
    pub id: String,
    pub proprietary: String,
    pub free: String,
    /// Platforms on which this replacement holds.
    pub platforms: Vec<Platform>,
    pub fit: Fit,
    /// Curator's order among the alternatives of one product (1 = first).
    pub rank: Option<u8>,
    #[serde(default)]
    pub components: Vec<ComponentMap>,
    /// What changes for the person, in a sentence or two.
    pub summary: Text,
    /// What comes along (documents, contacts, habits...).
    #[serde(default)]
    pub carries_over: Vec<Text>,
    /// What does not (history, macros, features...).
    #[serde(default)]
    pub left_behind: Vec<Text>,
    /// The learning path that walks someone through this change.
    pub guide: Option<String>,
    pub provenance: Provenance,
}

/// A category, with its name in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    /// A pictogram name (assets/icons/<name>.svg).
    pub pictogram: String,
    pub name: Text,
    pub description: Text,
}

/// The file that lists the categories.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    #[serde(default)]
    pub category: Vec<Category>,
}

/// Who a learning path is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// Anyone: residents, families, workshop participants.
    Everyone,
    /// Municipal staff at work.
    Agents,
}

/// Something the kit can verify on this computer to tick a step by itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum StepCheck {
    /// A free program of the catalogue is installed here.
    Installed { entry: String },
    /// This computer can run a Linux desktop (64-bit processor, memory, disk).
    Hardware,
    /// The metric-compatible fonts (Carlito, Caladea, Liberation) are installed.
    Fonts,
    /// LibreOffice saves in OpenDocument by default.
    OdfDefault,
}

/// One card of a learning path: one action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideStep {
    pub title: Text,
    /// The action, in plain words.
    pub text: Text,
    /// Why it matters.
    pub why: Text,
    pub pictogram: String,
    /// Catalogue entries this step uses.
    #[serde(default)]
    pub entries: Vec<String>,
    /// One https address to open (printed with a QR code on handouts).
    #[serde(default)]
    pub link: Option<String>,
    #[serde(default)]
    pub check: Option<StepCheck>,
}

/// A learning path (parcours): ordered step cards (`catalog/guides/ID.toml`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    #[serde(skip_deserializing)]
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub pictogram: String,
    pub audience: Audience,
    /// A rough duration.
    pub minutes: u16,
    #[serde(default)]
    pub platforms: Vec<Platform>,
    /// The main catalogue entries involved.
    #[serde(default)]
    pub entries: Vec<String>,
    /// What is lost or changes, said honestly.
    #[serde(default)]
    pub changes: Vec<Text>,
    #[serde(default, rename = "step")]
    pub steps: Vec<GuideStep>,
    pub provenance: Provenance,
}
