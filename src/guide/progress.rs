//! Where each person is in each path: the current card and the cards ticked as done.
//!
//! Kept in `progress.toml` in the kit's data folder, written atomically; a public-session
//! store keeps it in memory only, so nothing is left on a shared PC.

use crate::settings::{Paths, SaveError, write_atomic};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

pub const PROGRESS_FILE: &str = "progress.toml";

/// The progress in one path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathProgress {
    /// The card shown (0-based).
    #[serde(default)]
    pub current: usize,
    /// Cards ticked as done, by the person or by a check.
    #[serde(default)]
    pub done: BTreeSet<usize>,
}

impl PathProgress {
    /// Keeps the numbers within a path of `steps` cards (the catalogue may have changed);
    /// `current == steps` is the end of the path.
    pub fn clamp(&mut self, steps: usize) {
        self.current = self.current.min(steps);
        self.done.retain(|&i| i < steps);
    }
}

/// Every path's progress.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    #[serde(default)]
    pub paths: BTreeMap<String, PathProgress>,
}

impl Progress {
    /// Reads `progress.toml`; a missing or damaged file gives an empty progress (never
    /// an error: losing a bookmark is better than refusing to start).
    pub fn from_toml_lenient(text: &str) -> Progress {
        toml::from_str(text).unwrap_or_default()
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    pub fn of(&self, id: &str) -> PathProgress {
        self.paths.get(id).cloned().unwrap_or_default()
    }

    pub fn set(&mut self, id: &str, p: PathProgress) {
        if p == PathProgress::default() {
            self.paths.remove(id);
        } else {
            self.paths.insert(id.to_owned(), p);
        }
    }
}

/// Where progress is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Store {
    /// In the data folder.
    Disk(PathBuf),
    /// In memory only (public session, or no folder to write to).
    Memory,
}

impl Store {
    /// The data folder's store, or memory when there is none.
    pub fn for_paths(paths: &Paths) -> Store {
        match &paths.data_dir {
            Some(d) => Store::Disk(d.join(PROGRESS_FILE)),
            None => Store::Memory,
        }
    }

    pub fn load(&self) -> Progress {
        match self {
            Store::Disk(file) => std::fs::read_to_string(file)
                .map(|t| Progress::from_toml_lenient(&t))
                .unwrap_or_default(),
            Store::Memory => Progress::default(),
        }
    }

    pub fn save(&self, progress: &Progress) -> Result<(), SaveError> {
        match self {
            Store::Disk(file) => write_atomic(file, progress.to_toml().as_bytes()),
            Store::Memory => Ok(()),
        }
    }

    /// Forgets every path's progress (workshop reset): removes the file.
    pub fn clear(&self) -> Result<(), SaveError> {
        match self {
            Store::Disk(file) => match std::fs::remove_file(file) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(SaveError::Io {
                    path: file.display().to_string(),
                    detail: e.to_string(),
                }),
            },
            Store::Memory => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_clamp_and_damaged_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let store = Store::Disk(dir.path().join("data").join(PROGRESS_FILE));
        assert_eq!(store.load(), Progress::default());
        let mut p = Progress::default();
        p.set(
            "leave-gmail",
            PathProgress {
                current: 3,
                done: [0, 1, 2].into(),
            },
        );
        store.save(&p).expect("save");
        assert_eq!(store.load(), p);
        let mut one = store.load().of("leave-gmail");
        one.clamp(2);
        assert_eq!(one.current, 2);
        assert_eq!(one.done, [0, 1].into());
        // Back at the start: the path leaves the file.
        p.set("leave-gmail", PathProgress::default());
        assert!(p.paths.is_empty());
        std::fs::write(
            dir.path().join("data").join(PROGRESS_FILE),
            "paths = 3\n[[[",
        )
        .expect("write");
        assert_eq!(store.load(), Progress::default());
        store.clear().expect("clear");
        assert!(!dir.path().join("data").join(PROGRESS_FILE).exists());
        store.clear().expect("clear twice");
        let mem = Store::Memory;
        mem.save(&p).expect("memory");
        assert_eq!(mem.load(), Progress::default());
    }
}
