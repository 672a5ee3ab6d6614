//! Signed catalogue updates: one ZIP archive of the catalogue folder, with `release.toml`
//! (version, publication and expiry dates) inside, and a minisign (Ed25519) signature
//! beside it (`<archive>.minisig`).
//!
//! An update is refused, with the catalogue in use left as it was, when: the signature is
//! missing, malformed, made by a key the kit does not know, or wrong; the archive is too
//! big, is not a ZIP, holds something else than catalogue files; the version is not newer
//! than the one in use (rollback); the catalogue has expired; `catalog check` finds an
//! error. An accepted update is written beside the others, then a one-line pointer file is
//! replaced atomically: an interruption at any moment leaves the previous catalogue in use,
//! and the catalogue built into the program stays the last fallback.
//!
//! Nothing here touches the network unless asked: `fetch` is only called by `catalog
//! update` and the window's "check for updates" button.

use crate::catalog::load::{SourceFile, parse_files};
use crate::catalog::model::Date;
use crate::catalog::validate::{CheckOptions, check};
use crate::catalog::{Loaded, Origin};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The release file inside every catalogue (and the embedded one).
pub const RELEASE_FILE: &str = "release.toml";
/// The public keys whose signatures the kit accepts: the current one, and the next one
/// (ready for a rotation: catalogues signed with it are accepted before the switch).
pub const TRUSTED_KEYS: [&str; 2] = [
    "RWScrkR4dUTUT2tEkXjx0J3vQo3E4DAXbm+01L8+tFoRqYbUh1fsnBAz",
    "RWSVRacby5M2Nd59cRCnms+S6xUvAdWGwreHoWAYvQ3VVBeIRqxMQesq",
];
/// Where the project publishes its catalogue (the signature is at the same address
/// followed by `.minisig`).
pub const DEFAULT_URL: &str = "https://kitlibre.frama.io/catalogue/kitlibre-catalogue.zip";
/// Largest archive accepted (the catalogue is well under a megabyte).
pub const MAX_ARCHIVE_BYTES: u64 = 8 * 1024 * 1024;
/// Largest signature file accepted.
pub const MAX_SIGNATURE_BYTES: u64 = 4096;
/// Most files, and most bytes once unpacked, in an archive.
pub const MAX_FILES: usize = 5000;
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// Folder of installed catalogues, inside the kit's data folder.
pub const CATALOGS_DIR: &str = "catalogues";
/// The pointer file naming the catalogue in use.
pub const CURRENT_FILE: &str = "current";

/// A catalogue's release.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Grows with each publication; an update must be newer than the catalogue in use.
    pub version: u64,
    pub published: Date,
    /// After this date the catalogue is not installed any more (a stale copy replayed).
    pub expires: Date,
}

impl Release {
    pub fn parse(text: &str) -> Result<Release, String> {
        toml::from_str(text).map_err(|e| e.message().trim().to_owned())
    }
}

/// The release of the catalogue built into the program.
pub fn embedded_release() -> Option<Release> {
    crate::catalog::load::embedded_release_text().and_then(|t| Release::parse(&t).ok())
}

/// Why an update was refused. The catalogue in use is unchanged in every case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    #[error("cannot read {what}: {detail}")]
    Read { what: String, detail: String },
    #[error("only https addresses are used")]
    NotHttps(String),
    #[error("no network answer: {0}")]
    Network(String),
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the download stopped before the end")]
    Truncated,
    #[error("too big: over {0} bytes")]
    TooBig(u64),
    #[error("no signature")]
    NoSignature,
    #[error("the signature is not readable")]
    BadSignatureFormat,
    #[error("signed with a key the kit does not know")]
    UnknownKey,
    #[error("the signature does not match: the file was changed")]
    BadSignature,
    #[error("not a catalogue archive: {0}")]
    NotAnArchive(String),
    #[error("no valid release.toml: {0}")]
    NoRelease(String),
    #[error("version {offered} is not newer than version {current}")]
    NotNewer { offered: u64, current: u64 },
    #[error("expired on {0}")]
    Expired(String),
    #[error("the catalogue has {count} error(s): {first}")]
    Invalid { count: usize, first: String },
    #[error("cannot write {path}: {detail}")]
    Write { path: String, detail: String },
    #[error("no folder to install the catalogue in")]
    NoFolder,
}

impl UpdateError {
    /// The message for people, in `lang`.
    pub fn message(&self, lang: crate::catalog::model::Lang) -> String {
        use crate::t;
        match self {
            UpdateError::Read { what, detail } => {
                t!(
                    lang,
                    "update-err-read",
                    what = what.as_str(),
                    detail = detail.as_str()
                )
            }
            UpdateError::NotHttps(url) => t!(lang, "update-err-not-https", url = url.as_str()),
            UpdateError::Network(d) => t!(lang, "update-err-network", detail = d.as_str()),
            UpdateError::Status(code) => t!(lang, "update-err-status", code = i64::from(*code)),
            UpdateError::Truncated => t!(lang, "update-err-truncated"),
            UpdateError::TooBig(max) => {
                t!(lang, "update-err-too-big", max = (*max as i64))
            }
            UpdateError::NoSignature => t!(lang, "update-err-no-signature"),
            UpdateError::BadSignatureFormat => t!(lang, "update-err-signature-format"),
            UpdateError::UnknownKey => t!(lang, "update-err-unknown-key"),
            UpdateError::BadSignature => t!(lang, "update-err-bad-signature"),
            UpdateError::NotAnArchive(d) => t!(lang, "update-err-not-archive", detail = d.as_str()),
            UpdateError::NoRelease(d) => t!(lang, "update-err-no-release", detail = d.as_str()),
            UpdateError::NotNewer { offered, current } => t!(
                lang,
                "update-err-not-newer",
                offered = (*offered as i64),
                current = (*current as i64)
            ),
            UpdateError::Expired(d) => t!(lang, "update-err-expired", date = d.as_str()),
            UpdateError::Invalid { count, first } => t!(
                lang,
                "update-err-invalid",
                count = (*count as i64),
                first = first.as_str()
            ),
            UpdateError::Write { path, detail } => {
                t!(
                    lang,
                    "update-err-write",
                    path = path.as_str(),
                    detail = detail.as_str()
                )
            }
            UpdateError::NoFolder => t!(lang, "update-err-no-folder"),
        }
    }

    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            UpdateError::Read { .. } => "unreadable",
            UpdateError::NotHttps(_) => "not-https",
            UpdateError::Network(_) => "network",
            UpdateError::Status(_) => "http-status",
            UpdateError::Truncated => "truncated",
            UpdateError::TooBig(_) => "too-big",
            UpdateError::NoSignature => "no-signature",
            UpdateError::BadSignatureFormat => "signature-format",
            UpdateError::UnknownKey => "unknown-key",
            UpdateError::BadSignature => "bad-signature",
            UpdateError::NotAnArchive(_) => "not-an-archive",
            UpdateError::NoRelease(_) => "no-release",
            UpdateError::NotNewer { .. } => "not-newer",
            UpdateError::Expired(_) => "expired",
            UpdateError::Invalid { .. } => "invalid",
            UpdateError::Write { .. } => "write",
            UpdateError::NoFolder => "no-folder",
        }
    }
}

/// Where an update comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// An https address (the signature is at the same address followed by `.minisig`).
    Url(String),
    /// A file, e.g. on a USB key (its signature is the same name followed by `.minisig`).
    File(PathBuf),
}

impl Source {
    /// `--from`: an address when it has a scheme, else a file.
    pub fn parse(s: &str) -> Source {
        if s.contains("://") {
            Source::Url(s.to_owned())
        } else {
            Source::File(PathBuf::from(s))
        }
    }
}

/// Limits and trust of one update.
#[derive(Clone, Debug)]
pub struct Options {
    /// The public keys accepted (base64, as in a minisign .pub file).
    pub keys: Vec<String>,
    /// "Today", for expiry.
    pub today: Date,
    /// Time allowed for each download, from the request to the last byte.
    pub timeout: Duration,
    /// Accept `http://127.0.0.1` (tests with a local server only; never set by the
    /// command line or the window).
    pub allow_loopback_http: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            keys: TRUSTED_KEYS.iter().map(|k| (*k).to_owned()).collect(),
            today: Date::today(),
            timeout: Duration::from_secs(120),
            allow_loopback_http: false,
        }
    }
}

/// Reads at most `max` bytes; more is an error.
fn read_limited(mut r: impl Read, max: u64, expected: Option<u64>) -> Result<Vec<u8>, UpdateError> {
    if expected.is_some_and(|n| n > max) {
        return Err(UpdateError::TooBig(max));
    }
    let mut out = Vec::new();
    let read = (&mut r).take(max + 1).read_to_end(&mut out).map_err(|e| {
        if crate::net::is_timeout(&e) {
            UpdateError::Network(e.to_string())
        } else {
            UpdateError::Truncated
        }
    })?;
    if read as u64 > max {
        return Err(UpdateError::TooBig(max));
    }
    if expected.is_some_and(|n| n != read as u64) {
        return Err(UpdateError::Truncated);
    }
    Ok(out)
}

fn fetch_url(url: &str, max: u64, opts: &Options) -> Result<Vec<u8>, UpdateError> {
    let parsed = url::Url::parse(url).map_err(|_| UpdateError::NotHttps(url.to_owned()))?;
    let loopback = parsed.scheme() == "http"
        && opts.allow_loopback_http
        && parsed.host_str() == Some("127.0.0.1");
    if parsed.scheme() != "https" && !loopback {
        return Err(UpdateError::NotHttps(url.to_owned()));
    }
    let resp = crate::net::get_with_timeout(url, opts.timeout)
        .map_err(|e| UpdateError::Network(e.to_string()))?;
    if resp.status == 404 {
        return Err(UpdateError::Status(404));
    }
    if !(200..300).contains(&resp.status) {
        return Err(UpdateError::Status(resp.status));
    }
    read_limited(resp.body, max, resp.content_length)
}

fn fetch_file(path: &Path, max: u64) -> Result<Vec<u8>, UpdateError> {
    let f = std::fs::File::open(path).map_err(|e| UpdateError::Read {
        what: path.display().to_string(),
        detail: e.to_string(),
    })?;
    let len = f.metadata().ok().map(|m| m.len());
    read_limited(f, max, len)
}

/// The archive and its signature, from the source.
pub fn fetch(source: &Source, opts: &Options) -> Result<(Vec<u8>, String), UpdateError> {
    let (archive, sig) = match source {
        Source::Url(url) => {
            let archive = fetch_url(url, MAX_ARCHIVE_BYTES, opts)?;
            let sig = match fetch_url(&format!("{url}.minisig"), MAX_SIGNATURE_BYTES, opts) {
                Err(UpdateError::Status(404)) => return Err(UpdateError::NoSignature),
                other => other?,
            };
            (archive, sig)
        }
        Source::File(path) => {
            let archive = fetch_file(path, MAX_ARCHIVE_BYTES)?;
            let mut sig_path = path.clone().into_os_string();
            sig_path.push(".minisig");
            let sig = match fetch_file(Path::new(&sig_path), MAX_SIGNATURE_BYTES) {
                Err(UpdateError::Read { .. }) => return Err(UpdateError::NoSignature),
                other => other?,
            };
            (archive, sig)
        }
    };
    let sig = String::from_utf8(sig).map_err(|_| UpdateError::BadSignatureFormat)?;
    Ok((archive, sig))
}

/// Checks the signature with the trusted keys.
pub fn verify(archive: &[u8], signature: &str, keys: &[String]) -> Result<(), UpdateError> {
    if signature.trim().is_empty() {
        return Err(UpdateError::NoSignature);
    }
    let sig = minisign_verify::Signature::decode(signature)
        .map_err(|_| UpdateError::BadSignatureFormat)?;
    let mut known = false;
    for k in keys {
        let Ok(pk) = minisign_verify::PublicKey::from_base64(k) else {
            continue;
        };
        match pk.verify(archive, &sig, false) {
            Ok(()) => return Ok(()),
            Err(minisign_verify::Error::UnexpectedKeyId) => {}
            Err(_) => known = true,
        }
    }
    Err(if known {
        UpdateError::BadSignature
    } else {
        UpdateError::UnknownKey
    })
}

/// The catalogue files of an archive, with its release (nothing is written).
pub fn unpack(archive: &[u8]) -> Result<(Release, String, Vec<SourceFile>), UpdateError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive))
        .map_err(|e| UpdateError::NotAnArchive(e.to_string()))?;
    if zip.len() > MAX_FILES {
        return Err(UpdateError::NotAnArchive(format!("{} files", zip.len())));
    }
    let mut files = Vec::new();
    let mut release = None;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| UpdateError::NotAnArchive(e.to_string()))?;
        if entry.is_dir() {
            continue;
        }
        // Only plain relative paths to .toml files: no "..", no absolute path, no link.
        let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if raw.starts_with(['/', '\\']) || raw.contains("..") || raw.contains([':', '\\']) {
            return Err(UpdateError::NotAnArchive(format!("unexpected entry {raw}")));
        }
        let name = entry
            .enclosed_name()
            .and_then(|p| p.to_str().map(|s| s.replace('\\', "/")))
            .filter(|n| n.ends_with(".toml") && !entry.is_symlink())
            .ok_or_else(|| {
                let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
                UpdateError::NotAnArchive(format!("unexpected entry {raw}"))
            })?;
        let mut text = Vec::new();
        let room = MAX_UNPACKED_BYTES.saturating_sub(total);
        (&mut entry)
            .take(room + 1)
            .read_to_end(&mut text)
            .map_err(|e| UpdateError::NotAnArchive(e.to_string()))?;
        total += text.len() as u64;
        if total > MAX_UNPACKED_BYTES {
            return Err(UpdateError::TooBig(MAX_UNPACKED_BYTES));
        }
        let text = String::from_utf8(text).map_err(|_| "not UTF-8 / pas en UTF-8".to_owned());
        if name == RELEASE_FILE {
            let t = text.map_err(UpdateError::NoRelease)?;
            release = Some((Release::parse(&t).map_err(UpdateError::NoRelease)?, t));
        } else {
            files.push(SourceFile { path: name, text });
        }
    }
    let (release, release_text) =
        release.ok_or_else(|| UpdateError::NoRelease("release.toml".into()))?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((release, release_text, files))
}

/// What was installed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Installed {
    pub release: Release,
    pub dir: PathBuf,
    pub files: usize,
}

/// The catalogue in use: its release and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InUse {
    pub release: Option<Release>,
    /// "embedded", "installed" or "directory".
    pub origin: &'static str,
    pub dir: Option<PathBuf>,
}

/// The folder holding installed catalogues.
pub fn catalogs_dir(paths: &crate::settings::Paths) -> Option<PathBuf> {
    paths.data_dir.as_ref().map(|d| d.join(CATALOGS_DIR))
}

/// The installed catalogue named by the pointer file, if it is there and whole.
pub fn installed(paths: &crate::settings::Paths) -> Option<(Release, PathBuf)> {
    let root = catalogs_dir(paths)?;
    let name = std::fs::read_to_string(root.join(CURRENT_FILE)).ok()?;
    let name = name.trim();
    // The pointer names a folder of `root`, nothing else.
    if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
        return None;
    }
    let dir = root.join(name);
    let release = Release::parse(&std::fs::read_to_string(dir.join(RELEASE_FILE)).ok()?).ok()?;
    Some((release, dir))
}

/// The release of the catalogue that would be used now (installed, else embedded).
pub fn current_release(paths: &crate::settings::Paths) -> Option<Release> {
    let embedded = embedded_release();
    match installed(paths) {
        Some((r, _)) if embedded.is_none_or(|e| r.version > e.version) => Some(r),
        _ => embedded,
    }
}

/// The catalogue `load_in_use` picks, without loading it.
pub fn in_use(paths: &crate::settings::Paths) -> InUse {
    let embedded = embedded_release();
    match installed(paths) {
        Some((r, d)) if embedded.is_none_or(|e| r.version > e.version) => InUse {
            release: Some(r),
            origin: "installed",
            dir: Some(d),
        },
        _ => InUse {
            release: embedded,
            origin: "embedded",
            dir: None,
        },
    }
}

/// The catalogue to use when no `--catalog` nor `KITLIBRE_CATALOG` is given: the
/// installed update when it is newer than the built-in one and loads without error,
/// else the built-in one.
pub fn load_in_use(paths: &crate::settings::Paths) -> (Loaded, InUse) {
    let embedded = embedded_release();
    if let Some((release, dir)) = installed(paths)
        && embedded.is_none_or(|e| release.version > e.version)
        && let Ok(loaded) = crate::catalog::load_dir(&dir)
        && loaded.problems.is_empty()
    {
        return (
            loaded,
            InUse {
                release: Some(release),
                origin: "installed",
                dir: Some(dir),
            },
        );
    }
    (
        crate::catalog::load_embedded(),
        InUse {
            release: embedded,
            origin: "embedded",
            dir: None,
        },
    )
}

fn write_err(path: &Path, e: impl ToString) -> UpdateError {
    UpdateError::Write {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Verifies an archive and installs it. On any error nothing changes.
pub fn install(
    archive: &[u8],
    signature: &str,
    paths: &crate::settings::Paths,
    opts: &Options,
) -> Result<Installed, UpdateError> {
    if archive.len() as u64 > MAX_ARCHIVE_BYTES {
        return Err(UpdateError::TooBig(MAX_ARCHIVE_BYTES));
    }
    verify(archive, signature, &opts.keys)?;
    let (release, release_text, files) = unpack(archive)?;
    let current = current_release(paths).map_or(0, |r| r.version);
    if release.version <= current {
        return Err(UpdateError::NotNewer {
            offered: release.version,
            current,
        });
    }
    if release.expires <= opts.today {
        return Err(UpdateError::Expired(release.expires.to_string()));
    }
    let count = files.len();
    let loaded = parse_files(files.clone(), Origin::Embedded);
    let report = check(
        &loaded,
        CheckOptions {
            winget: None,
            today: opts.today,
        },
    );
    if !report.is_ok() {
        let first = report
            .problems
            .iter()
            .find(|p| p.severity() == crate::catalog::problem::Severity::Error)
            .map(|p| p.render("", crate::catalog::model::Lang::En))
            .unwrap_or_default();
        return Err(UpdateError::Invalid {
            count: report.errors(),
            first,
        });
    }

    // Write the new catalogue in a folder of its own, then switch the pointer.
    let root = catalogs_dir(paths).ok_or(UpdateError::NoFolder)?;
    std::fs::create_dir_all(&root).map_err(|e| write_err(&root, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".incoming-")
        .tempdir_in(&root)
        .map_err(|e| write_err(&root, e))?;
    for f in &files {
        let Ok(text) = &f.text else { continue };
        let path = staging.path().join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| write_err(parent, e))?;
        }
        let mut out = std::fs::File::create(&path).map_err(|e| write_err(&path, e))?;
        out.write_all(text.as_bytes())
            .map_err(|e| write_err(&path, e))?;
        out.sync_all().map_err(|e| write_err(&path, e))?;
    }
    std::fs::write(staging.path().join(RELEASE_FILE), release_text)
        .map_err(|e| write_err(staging.path(), e))?;
    let name = format!("v{}", release.version);
    let dir = root.join(&name);
    if dir.exists() {
        // A leftover of an interrupted install of the same version: not in use.
        std::fs::remove_dir_all(&dir).map_err(|e| write_err(&dir, e))?;
    }
    let staged = staging.keep();
    std::fs::rename(&staged, &dir).map_err(|e| {
        let _ = std::fs::remove_dir_all(&staged);
        write_err(&dir, e)
    })?;
    crate::settings::write_atomic(&root.join(CURRENT_FILE), name.as_bytes())
        .map_err(|e| write_err(&root.join(CURRENT_FILE), e))?;
    // The older catalogues are not needed any more.
    if let Ok(entries) = std::fs::read_dir(&root) {
        for e in entries.flatten() {
            let n = e.file_name();
            let n = n.to_string_lossy();
            if n != name && n != CURRENT_FILE && e.path().is_dir() {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    Ok(Installed {
        release,
        dir,
        files: count,
    })
}

/// Fetches from `source`, verifies and installs.
pub fn update(
    source: &Source,
    paths: &crate::settings::Paths,
    opts: &Options,
) -> Result<Installed, UpdateError> {
    let (archive, signature) = fetch(source, opts)?;
    install(&archive, &signature, paths, opts)
}

/// Builds the archive of a catalogue folder (maintainers): every `.toml` file under `dir`
/// and its `release.toml`, in a stable order.
pub fn pack(dir: &Path) -> Result<(Release, Vec<u8>), UpdateError> {
    let release_text = std::fs::read_to_string(dir.join(RELEASE_FILE))
        .map_err(|e| UpdateError::NoRelease(e.to_string()))?;
    let release = Release::parse(&release_text).map_err(UpdateError::NoRelease)?;
    let files = crate::catalog::load::directory_files(dir).map_err(|e| UpdateError::Read {
        what: dir.display().to_string(),
        detail: e.to_string(),
    })?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for f in files {
        let text = f.text.map_err(|detail| UpdateError::Read {
            what: f.path.clone(),
            detail,
        })?;
        zip.start_file(f.path.as_str(), options)
            .map_err(|e| UpdateError::Write {
                path: f.path.clone(),
                detail: e.to_string(),
            })?;
        zip.write_all(text.as_bytes())
            .map_err(|e| UpdateError::Write {
                path: f.path.clone(),
                detail: e.to_string(),
            })?;
    }
    let cursor = zip.finish().map_err(|e| UpdateError::Write {
        path: dir.display().to_string(),
        detail: e.to_string(),
    })?;
    Ok((release, cursor.into_inner()))
}
