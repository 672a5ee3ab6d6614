//! The winget package index (a CSV export of the winget-pkgs repository), used to check
//! that every winget id written in the catalogue exists.

use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Why the index could not be read.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum IndexError {
    #[error("cannot read {path}: {detail}")]
    Unreadable { path: String, detail: String },
    #[error("{path}: no `PackageId` column")]
    NoIdColumn { path: String },
    #[error("{path}: line {line}: {detail}")]
    BadRow {
        path: String,
        line: u64,
        detail: String,
    },
}

/// Every package id of the index.
#[derive(Clone, Debug, Default)]
pub struct WingetIndex {
    ids: HashSet<String>,
    /// Lower-cased id -> id as published, to suggest the right case.
    folded: HashMap<String, String>,
}

impl WingetIndex {
    /// Reads a CSV file with a `PackageId` column (BOM tolerated).
    pub fn from_path(path: &Path) -> Result<WingetIndex, IndexError> {
        let display = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| IndexError::Unreadable {
            path: display.clone(),
            detail: e.to_string(),
        })?;
        Self::from_csv(&bytes, &display)
    }

    /// Reads the CSV text; `name` is used in messages.
    pub fn from_csv(bytes: &[u8], name: &str) -> Result<WingetIndex, IndexError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let headers = reader.headers().map_err(|e| IndexError::BadRow {
            path: name.to_owned(),
            line: 1,
            detail: e.to_string(),
        })?;
        let col = headers
            .iter()
            .position(|h| h.trim() == "PackageId")
            .ok_or_else(|| IndexError::NoIdColumn {
                path: name.to_owned(),
            })?;
        let mut index = WingetIndex::default();
        for record in reader.records() {
            let record = record.map_err(|e| IndexError::BadRow {
                path: name.to_owned(),
                line: e.position().map(|p| p.line()).unwrap_or(0),
                detail: e.to_string(),
            })?;
            if let Some(id) = record.get(col).map(str::trim).filter(|s| !s.is_empty()) {
                index.insert(id);
            }
        }
        Ok(index)
    }

    pub fn insert(&mut self, id: &str) {
        self.folded.insert(id.to_lowercase(), id.to_owned());
        self.ids.insert(id.to_owned());
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id as published when only the case differs, else the closest id by edit
    /// distance when it is close enough to be a typo.
    pub fn suggest(&self, id: &str) -> Option<String> {
        if let Some(exact) = self.folded.get(&id.to_lowercase()) {
            return Some(exact.clone());
        }
        let lower = id.to_lowercase();
        self.folded
            .iter()
            .map(|(k, v)| (strsim::damerau_levenshtein(k, &lower), v))
            .filter(|(d, _)| *d <= 2)
            .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
            .map(|(_, v)| v.clone())
    }
}
