//! Snaps, from their folders: `/snap/<name>/current/meta/snap.yaml` (or
//! `/var/lib/snapd/snap` on Fedora-like systems). Base, snapd, kernel and gadget snaps
//! are parts of the system, not programs.

use crate::detect::{Installed, Key, SourceError, SourceKind, SourceResult};
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::{Yaml, YamlLoader};

/// snap.yaml files larger than this are not read.
pub const MAX_YAML_BYTES: u64 = 1024 * 1024;

/// What a snap.yaml says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapYaml {
    pub name: String,
    pub version: Option<String>,
    pub kind: Option<String>,
    pub title: Option<String>,
    /// Whether it declares applications (content snaps such as themes declare none).
    pub has_apps: bool,
}

/// The most nodes a snap.yaml may hold once its aliases are expanded (a real one has a few
/// hundred). The loader copies an alias's whole anchored node at each use, so a few lines of
/// aliases of aliases would otherwise expand to billions of nodes (the "billion laughs").
pub const MAX_YAML_NODES: u64 = 100_000;

/// Refuses a YAML text whose nodes, aliases expanded, are more than [`MAX_YAML_NODES`]; reads
/// only the parser's events, building nothing.
fn check_expanded_size(text: &str) -> Result<(), String> {
    let mut parser = Parser::new_from_str(text);
    // Expanded size of each anchored node, and of each collection still open.
    let mut anchors: std::collections::HashMap<usize, u64> = std::collections::HashMap::new();
    let mut open: Vec<(usize, u64)> = Vec::new();
    let mut total: u64 = 0;
    loop {
        let (event, _) = parser.next_token().map_err(|e| e.to_string())?;
        let node = match event {
            Event::StreamEnd => return Ok(()),
            Event::Scalar(_, _, anchor, _) => Some((anchor, 1)),
            Event::Alias(id) => Some((0, anchors.get(&id).copied().unwrap_or(1))),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 1));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => open.pop(),
            _ => None,
        };
        let Some((anchor, size)) = node else { continue };
        if anchor > 0 {
            anchors.insert(anchor, size);
        }
        match open.last_mut() {
            Some((_, parent)) => *parent = parent.saturating_add(size),
            None => total = total.saturating_add(size),
        }
        if size > MAX_YAML_NODES || total > MAX_YAML_NODES {
            return Err(format!(
                "more than {MAX_YAML_NODES} YAML nodes once aliases are expanded"
            ));
        }
    }
}

/// Parses a snap.yaml.
pub fn parse_snap_yaml(text: &str) -> Result<SnapYaml, String> {
    check_expanded_size(text)?;
    let docs = YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
    let doc = docs.first().ok_or_else(|| "empty".to_owned())?;
    let s = |k: &str| match &doc[k] {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        _ => None,
    };
    let name = s("name").ok_or_else(|| "no name".to_owned())?;
    let has_apps = matches!(&doc["apps"], Yaml::Hash(h) if !h.is_empty());
    Ok(SnapYaml {
        name,
        version: s("version"),
        kind: s("type"),
        title: s("title"),
        has_apps,
    })
}

pub fn read(roots: &super::Roots) -> Result<SourceResult, SourceError> {
    let dir = ["snap", "var/lib/snapd/snap"]
        .iter()
        .map(|d| roots.at(d))
        .find(|d| d.is_dir())
        .ok_or(SourceError::Absent)?;
    let entries = std::fs::read_dir(&dir).map_err(|e| SourceError::Unreadable(e.to_string()))?;
    let mut out = SourceResult::new(SourceKind::Snap);
    let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    for snap in names {
        let yaml = snap.join("current/meta/snap.yaml");
        if !yaml.is_file() {
            continue;
        }
        let parsed = super::read_limited(&yaml, MAX_YAML_BYTES)
            .and_then(|b| parse_snap_yaml(&String::from_utf8_lossy(&b)));
        match parsed {
            Ok(y) => {
                let system = matches!(
                    y.kind.as_deref(),
                    Some("base" | "snapd" | "os" | "core" | "kernel" | "gadget")
                );
                if system || !y.has_apps {
                    continue;
                }
                let shown = y.title.as_deref().unwrap_or(&y.name);
                if let Some(item) = Installed::new(shown, SourceKind::Snap) {
                    out.programs
                        .push(item.version(y.version.as_deref()).key(Key::Snap(y.name)));
                }
            }
            Err(e) => {
                // The snap is there even if its description is broken: its folder names it.
                out.skipped.push(format!("{}: {e}", yaml.display()));
                let name = snap.file_name().map(|n| n.to_string_lossy().into_owned());
                if let Some(name) = name
                    && let Some(item) = Installed::new(&name, SourceKind::Snap)
                {
                    out.programs.push(item.key(Key::Snap(name)));
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snap_yaml() {
        let y = parse_snap_yaml("name: firefox\nversion: 132.0-1\nsummary: Mozilla Firefox\napps:\n  firefox:\n    command: firefox\n")
            .expect("yaml");
        assert_eq!(
            (y.name.as_str(), y.version.as_deref(), y.kind, y.has_apps),
            ("firefox", Some("132.0-1"), None, true)
        );
        let y = parse_snap_yaml("name: core22\ntype: base\nversion: '20241001'\n").expect("yaml");
        assert_eq!((y.kind.as_deref(), y.has_apps), (Some("base"), false));
        assert!(parse_snap_yaml(": : [\n").is_err());
        assert!(parse_snap_yaml("version: 1\n").is_err());
    }
}
