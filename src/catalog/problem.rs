//! Problems found while loading or checking a catalogue, each tied to a file and a field.

use crate::catalog::model::Lang;
use crate::t;
use serde::Serialize;

/// How serious a problem is. Errors make `catalog check` fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// What is wrong. Each variant has a stable code (for JSON) and a translated message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read.
    Unreadable { detail: String },
    /// TOML syntax error, or a field of the wrong type / unknown field.
    Syntax { detail: String },
    /// A `.toml` file in a place the catalogue does not use.
    UnknownFile,
    /// The file name is not a valid id.
    BadId { id: String },
    /// Two entries share an id.
    DuplicateId { id: String, other: String },
    /// A reference to something that does not exist.
    UnknownReference { target: &'static str, id: String },
    /// A replacement file not named `<proprietary>--<free>.toml`.
    ReplacementFileName { expected: String },
    /// A proprietary entry that nothing replaces.
    NoReplacement,
    /// A text without its French or English version.
    MissingText { lang: Lang },
    /// A required field is empty.
    Empty,
    /// The same value twice in a list.
    Duplicate { value: String },
    /// Not a valid URL.
    BadUrl { url: String },
    /// A URL that is not https.
    NotHttps { url: String },
    /// An identifier that does not have the form its store expects.
    BadIdentifier { scheme: &'static str, value: String },
    /// A winget id that the winget index does not know.
    WingetUnknown {
        id: String,
        suggestion: Option<String>,
    },
    /// Shell metacharacters or spaces in a string that may reach a command line.
    ShellMetacharacters { value: String },
    /// Not an SPDX licence expression.
    UnknownLicense { license: String, detail: String },
    /// A licence that is neither OSI- nor FSF-approved, for something that is not a service.
    NotFreeLicense { license: String },
    /// A detection pattern that is not a valid regular expression.
    BadPattern { pattern: String, detail: String },
    /// `kind = "service"` without a `[service]` table, or the reverse.
    ServiceMismatch { kind: String },
    /// An install method for a platform the entry does not list.
    PlatformMismatch {
        method: &'static str,
        platform: String,
    },
    /// A replacement on a platform the free entry does not run on.
    ReplacementPlatform { platform: String },
    /// A free entry with no way to get it.
    NoInstallMethod,
    /// A proprietary entry with no reason to leave it.
    NoConcern,
    /// An entry with no source.
    NoSource,
    /// A "checked" date in the future.
    CheckedInFuture { date: String },
    /// Not checked for a long time.
    Stale { date: String },
    /// A category that no entry uses.
    UnusedCategory,
    /// An entry that replaces itself or is part of itself.
    SelfReference,
    /// A text longer than its field allows (characters).
    TooLong { len: usize, max: usize },
    /// A step check on a program the kit cannot detect on a computer.
    CheckCannotPass { entry: String },
}

impl ProblemKind {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            ProblemKind::Unreadable { .. } => "unreadable",
            ProblemKind::Syntax { .. } => "syntax",
            ProblemKind::UnknownFile => "unknown-file",
            ProblemKind::BadId { .. } => "bad-id",
            ProblemKind::DuplicateId { .. } => "duplicate-id",
            ProblemKind::UnknownReference { .. } => "unknown-reference",
            ProblemKind::ReplacementFileName { .. } => "replacement-file-name",
            ProblemKind::NoReplacement => "no-replacement",
            ProblemKind::MissingText { .. } => "missing-text",
            ProblemKind::Empty => "empty",
            ProblemKind::Duplicate { .. } => "duplicate",
            ProblemKind::BadUrl { .. } => "bad-url",
            ProblemKind::NotHttps { .. } => "not-https",
            ProblemKind::BadIdentifier { .. } => "bad-identifier",
            ProblemKind::WingetUnknown { .. } => "winget-unknown",
            ProblemKind::ShellMetacharacters { .. } => "shell-metacharacters",
            ProblemKind::UnknownLicense { .. } => "unknown-license",
            ProblemKind::NotFreeLicense { .. } => "not-free-license",
            ProblemKind::BadPattern { .. } => "bad-pattern",
            ProblemKind::ServiceMismatch { .. } => "service-mismatch",
            ProblemKind::PlatformMismatch { .. } => "platform-mismatch",
            ProblemKind::ReplacementPlatform { .. } => "replacement-platform",
            ProblemKind::NoInstallMethod => "no-install-method",
            ProblemKind::NoConcern => "no-concern",
            ProblemKind::NoSource => "no-source",
            ProblemKind::CheckedInFuture { .. } => "checked-in-future",
            ProblemKind::Stale { .. } => "stale",
            ProblemKind::UnusedCategory => "unused-category",
            ProblemKind::SelfReference => "self-reference",
            ProblemKind::TooLong { .. } => "too-long",
            ProblemKind::CheckCannotPass { .. } => "check-cannot-pass",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            ProblemKind::Stale { .. } | ProblemKind::UnusedCategory => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProblemKind::Unreadable { detail } => t!(lang, "problem-unreadable", detail = detail),
            ProblemKind::Syntax { detail } => t!(lang, "problem-syntax", detail = detail),
            ProblemKind::UnknownFile => t!(lang, "problem-unknown-file"),
            ProblemKind::BadId { id } => t!(lang, "problem-bad-id", id = id),
            ProblemKind::DuplicateId { id, other } => {
                t!(lang, "problem-duplicate-id", id = id, other = other)
            }
            ProblemKind::UnknownReference { target, id } => {
                t!(
                    lang,
                    "problem-unknown-reference",
                    target = target.to_string(),
                    id = id
                )
            }
            ProblemKind::ReplacementFileName { expected } => {
                t!(lang, "problem-replacement-file-name", expected = expected)
            }
            ProblemKind::NoReplacement => t!(lang, "problem-no-replacement"),
            ProblemKind::MissingText { lang: missing } => {
                t!(lang, "problem-missing-text", lang = missing.code())
            }
            ProblemKind::Empty => t!(lang, "problem-empty"),
            ProblemKind::Duplicate { value } => t!(lang, "problem-duplicate", value = value),
            ProblemKind::BadUrl { url } => t!(lang, "problem-bad-url", url = url),
            ProblemKind::NotHttps { url } => t!(lang, "problem-not-https", url = url),
            ProblemKind::BadIdentifier { scheme, value } => {
                t!(
                    lang,
                    "problem-bad-identifier",
                    scheme = scheme.to_string(),
                    value = value
                )
            }
            ProblemKind::WingetUnknown { id, suggestion } => match suggestion {
                Some(s) => t!(
                    lang,
                    "problem-winget-unknown-suggest",
                    id = id,
                    suggestion = s
                ),
                None => t!(lang, "problem-winget-unknown", id = id),
            },
            ProblemKind::ShellMetacharacters { value } => {
                t!(lang, "problem-shell-metacharacters", value = value)
            }
            ProblemKind::UnknownLicense { license, detail } => {
                t!(
                    lang,
                    "problem-unknown-license",
                    license = license,
                    detail = detail
                )
            }
            ProblemKind::NotFreeLicense { license } => {
                t!(lang, "problem-not-free-license", license = license)
            }
            ProblemKind::BadPattern { pattern, detail } => {
                t!(
                    lang,
                    "problem-bad-pattern",
                    pattern = pattern,
                    detail = detail
                )
            }
            ProblemKind::ServiceMismatch { kind } => {
                t!(lang, "problem-service-mismatch", kind = kind)
            }
            ProblemKind::PlatformMismatch { method, platform } => {
                t!(
                    lang,
                    "problem-platform-mismatch",
                    method = method.to_string(),
                    platform = platform
                )
            }
            ProblemKind::ReplacementPlatform { platform } => {
                t!(lang, "problem-replacement-platform", platform = platform)
            }
            ProblemKind::NoInstallMethod => t!(lang, "problem-no-install-method"),
            ProblemKind::NoConcern => t!(lang, "problem-no-concern"),
            ProblemKind::NoSource => t!(lang, "problem-no-source"),
            ProblemKind::CheckedInFuture { date } => {
                t!(lang, "problem-checked-in-future", date = date)
            }
            ProblemKind::Stale { date } => t!(lang, "problem-stale", date = date),
            ProblemKind::UnusedCategory => t!(lang, "problem-unused-category"),
            ProblemKind::SelfReference => t!(lang, "problem-self-reference"),
            ProblemKind::TooLong { len, max } => t!(
                lang,
                "problem-too-long",
                len = (*len as i64),
                max = (*max as i64)
            ),
            ProblemKind::CheckCannotPass { entry } => {
                t!(lang, "problem-check-cannot-pass", entry = entry)
            }
        }
    }
}

/// One problem: where, what, how serious.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Path of the file, relative to the catalogue root, with `/` separators.
    pub file: String,
    /// The field, as a dotted path (`install.flathub`, `concerns[1].en`).
    pub field: Option<String>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(file: &str, field: Option<&str>, kind: ProblemKind) -> Problem {
        Problem {
            file: file.to_owned(),
            field: field.map(str::to_owned),
            line: None,
            kind,
        }
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    /// `file:line: field: message`, as compilers print it.
    pub fn render(&self, root: &str, lang: Lang) -> String {
        let mut s = String::new();
        if root.is_empty() {
            s.push_str(&self.file);
        } else {
            s.push_str(root.trim_end_matches('/'));
            s.push('/');
            s.push_str(&self.file);
        }
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
        }
        s.push_str(": ");
        let sev = match self.severity() {
            Severity::Error => t!(lang, "severity-error"),
            Severity::Warning => t!(lang, "severity-warning"),
        };
        s.push_str(&sev);
        s.push_str(": ");
        if let Some(field) = &self.field {
            s.push('`');
            s.push_str(field);
            s.push_str("`: ");
        }
        s.push_str(&self.kind.message(lang));
        s
    }

    /// The stable JSON form.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "severity": self.severity(),
            "code": self.kind.code(),
            "message": self.kind.message(lang),
        })
    }
}
