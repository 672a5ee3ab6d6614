//! `kitlibre catalog update | pack | info`: the signed catalogue updates from the command
//! line, and the maintainers' packing step.

use crate::catalog::model::Lang;
use crate::cli::{BAD_INPUT, Io, NEGATIVE, OK, Status};
use crate::t;
use crate::update::{self, Options, Source, UpdateError};
use serde_json::json;
use std::path::{Path, PathBuf};

fn origin_words(in_use: &update::InUse, lang: Lang) -> String {
    match (in_use.origin, &in_use.dir) {
        ("installed", _) => t!(lang, "update-origin-installed"),
        ("directory", Some(d)) => t!(
            lang,
            "update-origin-directory",
            dir = d.display().to_string()
        ),
        _ => t!(lang, "update-origin-embedded"),
    }
}

/// Which catalogue is in use, and its release.
pub fn in_use(catalog_dir: Option<&Path>) -> update::InUse {
    let paths = crate::settings::Paths::detect();
    let dir = catalog_dir.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(crate::catalog::load::CATALOG_ENV)
            .filter(|d| !d.is_empty())
            .map(PathBuf::from)
    });
    match dir {
        Some(d) => update::InUse {
            release: std::fs::read_to_string(d.join(update::RELEASE_FILE))
                .ok()
                .and_then(|t| update::Release::parse(&t).ok()),
            origin: "directory",
            dir: Some(d),
        },
        None => update::in_use(&paths),
    }
}

/// One line: the catalogue in use and its date.
pub fn in_use_line(u: &update::InUse, lang: Lang) -> String {
    let origin = origin_words(u, lang);
    match &u.release {
        Some(r) => t!(
            lang,
            "update-in-use",
            version = (r.version as i64),
            date = r.published.to_string(),
            origin = origin
        ),
        None => t!(lang, "update-in-use-unknown", origin = origin),
    }
}

pub fn info(
    catalog_dir: Option<&Path>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let u = in_use(catalog_dir);
    if json {
        writeln!(
            io.out,
            "{}",
            serde_json::to_string_pretty(&json!({ "in_use": u }))?
        )?;
    } else {
        writeln!(io.out, "{}", in_use_line(&u, lang))?;
    }
    Ok(OK)
}

pub fn run_update(
    from: Option<String>,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    let source = Source::parse(from.as_deref().unwrap_or(update::DEFAULT_URL));
    let paths = crate::settings::Paths::detect();
    let before = in_use(None);
    match update::update(&source, &paths, &Options::default()) {
        Ok(installed) => {
            if json {
                let v = json!({ "ok": true, "installed": installed, "before": before });
                writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                writeln!(
                    io.out,
                    "{}",
                    t!(
                        lang,
                        "update-installed",
                        version = (installed.release.version as i64),
                        date = installed.release.published.to_string(),
                        files = (installed.files as i64)
                    )
                )?;
            }
            Ok(OK)
        }
        Err(e) => {
            if json {
                let v = json!({
                    "ok": false, "error": e.code(), "message": e.message(lang), "in_use": before,
                });
                writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                writeln!(io.err, "{}", e.message(lang))?;
                writeln!(io.err, "{}", in_use_line(&before, lang))?;
            }
            Ok(match e {
                UpdateError::Read { .. } | UpdateError::NotHttps(_) => BAD_INPUT,
                _ => NEGATIVE,
            })
        }
    }
}

pub fn pack(
    dir: &Path,
    out: &Path,
    json: bool,
    lang: Lang,
    io: &mut Io<'_>,
) -> std::io::Result<Status> {
    // Only a catalogue that passes its check is packed.
    let loaded = match crate::catalog::load_dir(dir) {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "{e}")?;
            return Ok(BAD_INPUT);
        }
    };
    let report = crate::catalog::validate::check(
        &loaded,
        crate::catalog::validate::CheckOptions {
            winget: None,
            today: crate::catalog::model::Date::today(),
        },
    );
    if !report.is_ok() {
        for p in report
            .problems
            .iter()
            .filter(|p| p.severity() == crate::catalog::problem::Severity::Error)
        {
            writeln!(io.err, "{}", p.render(&dir.display().to_string(), lang))?;
        }
        return Ok(NEGATIVE);
    }
    let (release, bytes) = match update::pack(dir) {
        Ok(r) => r,
        Err(e) => {
            writeln!(io.err, "{}", e.message(lang))?;
            return Ok(BAD_INPUT);
        }
    };
    if let Err(e) = crate::settings::write_atomic(out, &bytes) {
        writeln!(io.err, "{e}")?;
        return Ok(BAD_INPUT);
    }
    if json {
        let v = json!({ "out": out, "release": release, "bytes": bytes.len() });
        writeln!(io.out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(
            io.out,
            "{}",
            t!(
                lang,
                "update-packed",
                path = out.display().to_string(),
                version = (release.version as i64),
                bytes = (bytes.len() as i64)
            )
        )?;
    }
    Ok(OK)
}
