//! The dpkg status database (`/var/lib/dpkg/status`): one deb822 paragraph per package
//! and architecture. Parsed with the `deb822-fast` crate, paragraph by paragraph, so a
//! truncated or damaged paragraph is skipped and the others still count.

use crate::detect::{Installed, Key, SourceKind, SourceResult};
use deb822_fast::borrowed::BorrowedParagraph;

/// The status file is read whole up to this size (a desktop has ~5 MB).
pub const MAX_STATUS_BYTES: u64 = 256 * 1024 * 1024;

/// Whether a `Status:` value means installed (`install ok installed`, `hold ok installed`):
/// the third word is the state, and only `installed` counts (not `config-files`).
pub fn is_installed(status: &str) -> bool {
    status.split_whitespace().nth(2) == Some("installed")
}

/// The paragraphs of a deb822 file: separated by lines that are empty or blank.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push_str(line);
            cur.push('\n');
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The first deb822 paragraph of a text.
fn first(text: &str) -> Option<Result<BorrowedParagraph<'_>, deb822_fast::Error>> {
    deb822_fast::borrowed::iter_paragraphs_borrowed(text).next()
}

/// Parses a status file. Bytes that are not UTF-8 are replaced, never fatal; a damaged
/// paragraph is skipped, a paragraph cut at the end of the file keeps its complete fields.
pub fn parse_status(bytes: &[u8]) -> SourceResult {
    let text = String::from_utf8_lossy(bytes);
    let mut out = SourceResult::new(SourceKind::Dpkg);
    let mut seen = std::collections::HashSet::new();
    for (i, paragraph) in paragraphs(&text).iter().enumerate() {
        let para = match first(paragraph) {
            Some(Ok(p)) => Some(p),
            Some(Err(e)) => {
                // A damaged or truncated line: keep the complete fields before it. The first
                // `n` lines parse exactly when none of them is damaged, so the longest good
                // start is found by halving: log2(lines) parses of the paragraph, where
                // cutting one line at a time took minutes on a 600 KB paragraph.
                let ends: Vec<usize> = paragraph
                    .match_indices('\n')
                    .map(|(at, _)| at + 1)
                    .collect();
                let (mut good, mut bad) = (0, ends.len());
                while bad - good > 1 {
                    let mid = (good + bad) / 2;
                    if matches!(first(&paragraph[..ends[mid - 1]]), Some(Ok(_))) {
                        good = mid;
                    } else {
                        bad = mid;
                    }
                }
                if good == 0 {
                    out.skipped.push(format!("paragraph {}: {e}", i + 1));
                    None
                } else {
                    first(&paragraph[..ends[good - 1]]).and_then(Result::ok)
                }
            }
            None => None,
        };
        let Some(para) = para else { continue };
        let field = |name: &str| {
            para.get_single(name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let Some(package) = field("Package") else {
            out.skipped
                .push(format!("paragraph {}: no Package field", i + 1));
            continue;
        };
        if !field("Status").is_some_and(is_installed) {
            continue;
        }
        // One record per package, whatever its architectures.
        if !seen.insert(package.to_owned()) {
            continue;
        }
        if let Some(item) = Installed::new(package, SourceKind::Dpkg) {
            out.programs.push(
                item.version(field("Version"))
                    .publisher(field("Maintainer"))
                    .key(Key::Package(package.to_owned())),
            );
        }
    }
    out
}

/// Reads `status` under the root.
pub fn read(roots: &super::Roots) -> Result<SourceResult, crate::detect::SourceError> {
    let path = roots.at("var/lib/dpkg/status");
    if !path.exists() {
        return Err(crate::detect::SourceError::Absent);
    }
    let bytes = super::read_limited(&path, MAX_STATUS_BYTES)
        .map_err(crate::detect::SourceError::Unreadable)?;
    Ok(parse_status(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installed_packages_only_once_each() {
        let status = b"Package: gimp\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.10.36-3\nDescription: GNU Image Manipulation Program\n multi line\n\nPackage: old\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.39\n\nPackage: libc6\nStatus: install ok installed\nArchitecture: i386\nVersion: 2.39\n\nPackage: held\nStatus: hold ok installed\nVersion: 3\n";
        let r = parse_status(status);
        let names: Vec<&str> = r.programs.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["gimp", "libc6", "held"]);
        assert_eq!(r.programs[0].version.as_deref(), Some("2.10.36-3"));
    }

    #[test]
    fn truncated_and_garbage_input_never_panics() {
        let r = parse_status(b"Package: a\nStatus: install ok installed\n\nPackage: trunc\nStat");
        assert_eq!(r.programs.len(), 1);
        let r = parse_status(b"\xff\xfe\x00 garbage \n\n: :\n\n  \n");
        assert!(r.programs.is_empty());
        let r = parse_status(b"Package: caf\xe9\nStatus: install ok installed\n");
        assert_eq!(r.programs[0].name, "caf\u{FFFD}");
    }
}
