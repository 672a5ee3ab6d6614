//! Reading inputs: files and folders, a size limit, gzip, text encodings, and the format
//! told from the content (the extension only chooses which files of a folder to read).

use crate::fleet::{Format, Machine, ProblemKind, export, glpi, scanfile};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest input read, once decompressed. A GLPI Agent inventory is 50 KB to 2 MB;
/// a whole-fleet CSV export of 5,000 PCs with their programs about 60 MB.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// Extensions read when walking a folder (a file named on the command line is always
/// read, whatever its name). `.ocs` is FusionInventory's local XML output.
pub const EXTENSIONS: [&str; 6] = ["json", "xml", "ocs", "csv", "gz", "txt"];

/// What the inputs name: the files to read, in a stable order, and what could not be
/// walked.
#[derive(Debug, Default)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub problems: Vec<(PathBuf, ProblemKind)>,
    /// Files in folders with other extensions, not read.
    pub ignored: usize,
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Lists the files of the inputs (folders walked, sorted by name, links not followed;
/// hidden files skipped).
pub fn list(paths: &[PathBuf]) -> Inputs {
    let mut out = Inputs::default();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let walker = walkdir::WalkDir::new(p)
                    .follow_links(false)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                    });
                for entry in walker {
                    match entry {
                        Ok(e) if e.file_type().is_file() => {
                            if wanted(e.path()) {
                                out.files.push(e.into_path());
                            } else {
                                out.ignored += 1;
                            }
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| p.clone());
                            out.problems.push((
                                path,
                                ProblemKind::Unreadable {
                                    detail: e.to_string(),
                                },
                            ));
                        }
                    }
                }
            }
            Ok(_) => out.files.push(p.clone()),
            Err(e) => out.problems.push((
                p.clone(),
                ProblemKind::Unreadable {
                    detail: e.to_string(),
                },
            )),
        }
    }
    out
}

/// Reads at most [`MAX_FILE_BYTES`] from `r`; more is [`ProblemKind::TooBig`]. `gzip`:
/// `r` decompresses, and an early end is a truncated file.
fn read_limited(r: impl Read, gzip: bool) -> Result<Vec<u8>, ProblemKind> {
    let mut buf = Vec::new();
    match r.take(MAX_FILE_BYTES + 1).read_to_end(&mut buf) {
        Ok(_) if buf.len() as u64 > MAX_FILE_BYTES => Err(ProblemKind::TooBig {
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        }),
        Ok(_) => Ok(buf),
        Err(e) if gzip && e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(ProblemKind::Truncated)
        }
        Err(e) => Err(ProblemKind::Unreadable {
            detail: if gzip {
                format!("gzip: {e}")
            } else {
                e.to_string()
            },
        }),
    }
}

/// The bytes of a file, gunzipped when they are gzip.
pub fn bytes(path: &Path) -> Result<Vec<u8>, ProblemKind> {
    let unreadable = |e: std::io::Error| ProblemKind::Unreadable {
        detail: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if file.metadata().map_err(unreadable)?.len() > MAX_FILE_BYTES {
        return Err(ProblemKind::TooBig {
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    let raw = read_limited(file, false)?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        return read_limited(flate2::read::MultiGzDecoder::new(&raw[..]), true);
    }
    Ok(raw)
}

/// The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`).
fn declared_encoding(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let head = std::str::from_utf8(head).ok().or_else(|| {
        // The declaration is ASCII: cut at the first non-ASCII byte.
        let end = head
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(head.len());
        std::str::from_utf8(&head[..end]).ok()
    })?;
    if !head.starts_with("<?xml") {
        return None;
    }
    let decl = &head[..head.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + 8..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next()?;
    let value = rest[quote.len_utf8()..].split(quote).next()?;
    encoding_rs::Encoding::for_label(value.as_bytes())
}

/// Text from bytes: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the zero bytes
/// of ASCII text without one), the encoding an XML declaration names, else Windows-1252
/// (old OCS agents and Excel-made CSV files on French Windows).
pub fn decode(bytes: &[u8]) -> (String, &'static encoding_rs::Encoding) {
    use encoding_rs::{UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc);
    }
    // UTF-16 without BOM: every other byte of ASCII text is zero.
    if bytes.len() >= 4 {
        let sample = &bytes[..bytes.len().min(512) & !1];
        let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
        let odd = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|b| **b == 0)
            .count();
        let half = sample.len() / 2;
        if odd * 10 >= half * 9 && even == 0 {
            return (
                UTF_16LE.decode_without_bom_handling(bytes).0.into_owned(),
                UTF_16LE,
            );
        }
        if even * 10 >= half * 9 && odd == 0 {
            return (
                UTF_16BE.decode_without_bom_handling(bytes).0.into_owned(),
                UTF_16BE,
            );
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), UTF_8);
    }
    let enc = declared_encoding(bytes)
        .filter(|e| *e != UTF_8)
        .unwrap_or(WINDOWS_1252);
    (enc.decode_without_bom_handling(bytes).0.into_owned(), enc)
}

/// The name a machine gets when its file names none: the file name without extensions.
pub fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut s = name.as_str();
    for ext in [".gz", ".json", ".xml", ".ocs", ".csv", ".txt"] {
        if s.len() > ext.len() && s.to_ascii_lowercase().ends_with(ext) {
            s = &s[..s.len() - ext.len()];
        }
    }
    s.to_owned()
}

/// Any JSON document's top level, read once: the fields of a GLPI inventory and of a
/// scan report (other fields are skipped without being kept).
#[derive(serde::Deserialize)]
struct Probe {
    #[serde(default, deserialize_with = "glpi::text")]
    deviceid: Option<String>,
    #[serde(default, deserialize_with = "glpi::text")]
    itemtype: Option<String>,
    #[serde(default, deserialize_with = "glpi::text")]
    action: Option<String>,
    #[serde(default, deserialize_with = "glpi::text")]
    query: Option<String>,
    #[serde(default)]
    content: Option<glpi::Content>,
    #[serde(default)]
    os: Option<scanfile::ScanOs>,
    #[serde(default)]
    programs: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    sources: Option<serde::de::IgnoredAny>,
}

fn json_error(e: &serde_json::Error) -> ProblemKind {
    match e.classify() {
        serde_json::error::Category::Eof => ProblemKind::Truncated,
        serde_json::error::Category::Syntax => ProblemKind::InvalidJson {
            line: e.line(),
            column: e.column(),
        },
        _ => ProblemKind::NotAnInventory {
            found: e.to_string(),
        },
    }
}

/// What a JSON document is, for the problem message.
fn describe_json(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => {
            let keys: Vec<&str> = map.keys().take(6).map(String::as_str).collect();
            format!("{{{}}}", keys.join(", "))
        }
        Ok(serde_json::Value::Array(a)) => format!("[{} items]", a.len()),
        Ok(other) => other.to_string().chars().take(40).collect(),
        Err(e) => e.to_string(),
    }
}

/// Reads one file; every machine in it goes to `sink`. The format is told from the
/// content.
pub fn read_file(path: &Path, sink: &mut dyn FnMut(Machine)) -> Result<Format, ProblemKind> {
    let raw = bytes(path)?;
    let (text, _) = decode(&raw);
    drop(raw);
    read_text(&text, &stem(path), sink)
}

/// Reads one decoded document (see [`read_file`]).
pub fn read_text(
    text: &str,
    name: &str,
    sink: &mut dyn FnMut(Machine),
) -> Result<Format, ProblemKind> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.is_empty() {
        return Err(ProblemKind::Empty);
    }
    match body.as_bytes()[0] {
        b'{' => {
            // One pass; told apart by their top-level fields: GLPI has `content`, a scan
            // `programs` and `os`.
            let probe: Probe = serde_json::from_str(body).map_err(|e| json_error(&e))?;
            if probe.content.is_some() {
                let inv = glpi::Inventory {
                    deviceid: probe.deviceid,
                    itemtype: probe.itemtype,
                    action: probe.action,
                    query: probe.query,
                    content: probe.content,
                };
                if !inv.is_inventory() {
                    return Err(ProblemKind::NotAnInventory {
                        found: describe_json(body),
                    });
                }
                sink(inv.into_machine(Format::GlpiJson, name)?);
                Ok(Format::GlpiJson)
            } else if let (Some(os), Some(programs), Some(_)) =
                (probe.os, probe.programs, probe.sources)
            {
                let scan = scanfile::ScanFile { os, programs };
                sink(scan.into_machine(name));
                Ok(Format::KitlibreScan)
            } else {
                Err(ProblemKind::NotAnInventory {
                    found: describe_json(body),
                })
            }
        }
        b'[' => match serde_json::from_str::<serde::de::IgnoredAny>(body) {
            Err(e) => Err(json_error(&e)),
            Ok(_) => Err(ProblemKind::NotAnInventory {
                found: describe_json(body),
            }),
        },
        b'<' => {
            let inv = glpi::from_xml(body)?;
            sink(inv.into_machine(Format::InventoryXml, name)?);
            Ok(Format::InventoryXml)
        }
        _ if body.contains('\0')
            || body
                .chars()
                .take(512)
                .any(|c| c.is_control() && !c.is_whitespace()) =>
        {
            Err(ProblemKind::UnknownFormat)
        }
        _ if export::looks_like_csv(body) => {
            export::read(body, sink)?;
            Ok(Format::GlpiCsv)
        }
        _ => Err(ProblemKind::UnknownFormat),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_recognised() {
        let (t, e) = decode("\u{feff}café".as_bytes());
        assert_eq!((t.as_str(), e.name()), ("café", "UTF-8"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("café".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).0, "café");
        let be_no_bom: Vec<u8> = "{\"a\": 1}"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be_no_bom).0, "{\"a\": 1}");
        // Windows-1252 "é" is 0xE9.
        assert_eq!(decode(b"caf\xe9").0, "café");
        let latin9 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><a>\xa4</a>";
        assert!(
            decode(b"<?xml version=\"1.0\" encoding=\xe9?><a/>")
                .0
                .contains("<a")
        );
        assert!(decode(latin9).0.contains('€'));
        // A broken declaration (a non-ASCII quote) is no declaration.
        let mut broken = "<?xml version=\"1.0\" encoding=é?><a>".as_bytes().to_vec();
        broken.extend_from_slice(b"\xff</a>");
        assert!(decode(&broken).0.contains("<a>"));
    }

    #[test]
    fn formats_are_told_from_the_content() {
        let mut n = 0;
        let mut sink = |_m: Machine| n += 1;
        assert_eq!(read_text("   ", "x", &mut sink), Err(ProblemKind::Empty));
        assert_eq!(
            read_text(
                "{\"deviceid\": \"a\", \"content\": {\"hardw",
                "x",
                &mut sink
            ),
            Err(ProblemKind::Truncated)
        );
        assert!(matches!(
            read_text("{\"name\": \"package.json\"}", "x", &mut sink),
            Err(ProblemKind::NotAnInventory { .. })
        ));
        assert_eq!(
            read_text("\u{1}\u{2}PK\u{3}", "x", &mut sink),
            Err(ProblemKind::UnknownFormat)
        );
        assert_eq!(stem(Path::new("/x/PC-01.json.gz")), "PC-01");
    }
}
