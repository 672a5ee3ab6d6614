//! The RPM database, through `rpm -qa` (argv, no shell) and only where both the `rpm`
//! program and an RPM database exist: the database format changed over the years
//! (Berkeley DB, then SQLite), and rpm itself is the stable way to read it.

use crate::detect::{Installed, Key, SourceError, SourceKind, SourceResult};
use std::path::Path;

/// The query format: name, version-release, vendor, tab-separated.
pub const QUERY_FORMAT: &str = "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{VENDOR}\\n";

/// Parses `rpm -qa --qf QUERY_FORMAT` output.
pub fn parse_output(text: &str) -> SourceResult {
    let mut out = SourceResult::new(SourceKind::Rpm);
    let mut seen = std::collections::HashSet::new();
    for line in text.lines() {
        let mut f = line.split('\t');
        let Some(name) = f.next().map(str::trim).filter(|n| !n.is_empty()) else {
            continue;
        };
        if !seen.insert(name.to_owned()) {
            continue;
        }
        let version = f.next();
        let vendor = f.next().filter(|v| *v != "(none)");
        if let Some(item) = Installed::new(name, SourceKind::Rpm) {
            out.programs.push(
                item.version(version)
                    .publisher(vendor)
                    .key(Key::Package(name.to_owned())),
            );
        }
    }
    out
}

/// Runs rpm when this machine uses it.
pub fn read(roots: &super::Roots) -> Result<SourceResult, SourceError> {
    let has_db = ["var/lib/rpm", "usr/lib/sysimage/rpm"]
        .iter()
        .any(|d| roots.at(d).is_dir());
    let rpm = ["usr/bin/rpm", "bin/rpm"]
        .iter()
        .map(|p| roots.at(p))
        .find(|p| p.is_file());
    let (true, Some(rpm)) = (has_db, rpm) else {
        return Err(SourceError::Absent);
    };
    if roots.root != Path::new("/") {
        // A fixture root: its rpm program cannot be run.
        return Err(SourceError::Absent);
    }
    let output = std::process::Command::new(rpm)
        .args([
            "-qa",
            "--qf",
            &QUERY_FORMAT.replace("\\t", "\t").replace("\\n", "\n"),
        ])
        .output()
        .map_err(|e| SourceError::Failed(e.to_string()))?;
    if !output.status.success() {
        return Err(SourceError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    Ok(parse_output(&String::from_utf8_lossy(&output.stdout)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rpm_lines() {
        let r = parse_output(
            "firefox\t132.0-1.fc41\tFedora Project\nlibreoffice-core\t24.8.2.1-2.fc41\t(none)\n\n\tbroken\nfirefox\t132.0-1.fc41\tFedora Project\n",
        );
        assert_eq!(r.programs.len(), 2);
        assert_eq!(r.programs[0].publisher.as_deref(), Some("Fedora Project"));
        assert_eq!(r.programs[1].publisher, None);
    }
}
