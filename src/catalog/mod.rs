//! The curated catalogue: model, loading, validation, search and statistics.
//!
//! No UI here: the window and the command line both read the catalogue through
//! this module.

pub mod load;
pub mod model;
pub mod problem;
pub mod search;
pub mod stats;
pub mod validate;
pub mod winget;

use model::{Category, Free, Guide, Lang, Platform, Proprietary, Replacement};
use std::collections::HashMap;
use std::path::PathBuf;

pub use load::{Loaded, OpenError, load_default, load_dir, load_embedded};

/// Where the catalogue in use comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Built into the program.
    Embedded,
    /// A directory given by the user (`--catalog`, `KITLIBRE_CATALOG`).
    Directory(PathBuf),
}

/// A reference to one entry of the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryRef {
    Proprietary(usize),
    Free(usize),
}

/// An entry of either kind, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    Proprietary(&'a Proprietary),
    Free(&'a Free),
}

impl<'a> Entry<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            Entry::Proprietary(p) => &p.id,
            Entry::Free(f) => &f.id,
        }
    }
    pub fn name(&self, lang: Lang) -> &'a str {
        match self {
            Entry::Proprietary(p) => p.name.get(lang),
            Entry::Free(f) => f.name.get(lang),
        }
    }
    pub fn category(&self) -> &'a str {
        match self {
            Entry::Proprietary(p) => &p.category,
            Entry::Free(f) => &f.category,
        }
    }
    pub fn platforms(&self) -> &'a [Platform] {
        match self {
            Entry::Proprietary(p) => &p.platforms,
            Entry::Free(f) => &f.platforms,
        }
    }
    pub fn summary(&self, lang: Lang) -> &'a str {
        match self {
            Entry::Proprietary(p) => p.summary.get(lang),
            Entry::Free(f) => f.summary.get(lang),
        }
    }
    /// "proprietary" or "free".
    pub fn kind_code(&self) -> &'static str {
        match self {
            Entry::Proprietary(_) => "proprietary",
            Entry::Free(_) => "free",
        }
    }
}

/// The whole catalogue, with its relations indexed.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub origin: Origin,
    pub categories: Vec<Category>,
    /// Sorted by id.
    pub proprietary: Vec<Proprietary>,
    /// Sorted by id.
    pub free: Vec<Free>,
    /// Only those whose two ends exist, sorted by id.
    pub replacements: Vec<Replacement>,
    /// Learning paths, sorted by id.
    pub guides: Vec<Guide>,
    /// File each entry came from, by id (for messages).
    pub files: HashMap<String, String>,
    ids: HashMap<String, EntryRef>,
    /// Replacement indexes by proprietary id, best first.
    by_proprietary: HashMap<String, Vec<usize>>,
    /// Replacement indexes by free id.
    by_free: HashMap<String, Vec<usize>>,
}

impl Catalog {
    /// Builds the indexes. Entries whose id is already taken keep the first one
    /// (validation reports the duplicate); replacements pointing nowhere are dropped
    /// from the relations (validation reports them too).
    pub fn build(
        origin: Origin,
        categories: Vec<Category>,
        mut proprietary: Vec<(String, Proprietary)>,
        mut free: Vec<(String, Free)>,
        mut replacements: Vec<(String, Replacement)>,
    ) -> Catalog {
        proprietary.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        free.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        replacements.sort_by(|a, b| a.1.id.cmp(&b.1.id));

        let mut files = HashMap::new();
        let mut ids = HashMap::new();
        let mut kept_p = Vec::new();
        for (file, e) in proprietary {
            if ids.contains_key(&e.id) {
                continue;
            }
            ids.insert(e.id.clone(), EntryRef::Proprietary(kept_p.len()));
            files.insert(e.id.clone(), file);
            kept_p.push(e);
        }
        let mut kept_f = Vec::new();
        for (file, e) in free {
            if ids.contains_key(&e.id) {
                continue;
            }
            ids.insert(e.id.clone(), EntryRef::Free(kept_f.len()));
            files.insert(e.id.clone(), file);
            kept_f.push(e);
        }
        let mut kept_r = Vec::new();
        for (file, r) in replacements {
            let ok = matches!(ids.get(&r.proprietary), Some(EntryRef::Proprietary(_)))
                && matches!(ids.get(&r.free), Some(EntryRef::Free(_)));
            files.insert(r.id.clone(), file);
            if ok {
                kept_r.push(r);
            }
        }

        let mut catalog = Catalog {
            origin,
            categories,
            proprietary: kept_p,
            free: kept_f,
            replacements: kept_r,
            guides: Vec::new(),
            files,
            ids,
            by_proprietary: HashMap::new(),
            by_free: HashMap::new(),
        };
        catalog.index_relations();
        catalog
    }

    fn index_relations(&mut self) {
        let mut by_p: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_f: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in self.replacements.iter().enumerate() {
            by_p.entry(r.proprietary.clone()).or_default().push(i);
            by_f.entry(r.free.clone()).or_default().push(i);
        }
        for list in by_p.values_mut() {
            list.sort_by(|&a, &b| {
                let (ra, rb) = (&self.replacements[a], &self.replacements[b]);
                let da = self.free(&ra.free).map(|f| f.difficulty);
                let db = self.free(&rb.free).map(|f| f.difficulty);
                ra.rank
                    .unwrap_or(u8::MAX)
                    .cmp(&rb.rank.unwrap_or(u8::MAX))
                    .then(ra.fit.cmp(&rb.fit))
                    .then(da.cmp(&db))
                    .then(ra.free.cmp(&rb.free))
            });
        }
        self.by_proprietary = by_p;
        self.by_free = by_f;
    }

    /// Sets the learning paths (sorted by id; a repeated id keeps the first).
    pub fn set_guides(&mut self, mut guides: Vec<(String, Guide)>) {
        guides.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        guides.dedup_by(|a, b| a.1.id == b.1.id);
        for (file, g) in &guides {
            self.files
                .entry(format!("guide:{}", g.id))
                .or_insert(file.clone());
        }
        self.guides = guides.into_iter().map(|(_, g)| g).collect();
    }

    /// A learning path by id.
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    /// The learning paths that use an entry (in their entries or a step's).
    pub fn guides_for(&self, entry_id: &str) -> Vec<&Guide> {
        self.guides
            .iter()
            .filter(|g| {
                g.entries.iter().any(|e| e == entry_id)
                    || g.steps
                        .iter()
                        .any(|s| s.entries.iter().any(|e| e == entry_id))
            })
            .collect()
    }

    pub fn lookup(&self, id: &str) -> Option<EntryRef> {
        self.ids.get(id).copied()
    }

    pub fn entry(&self, r: EntryRef) -> Entry<'_> {
        match r {
            EntryRef::Proprietary(i) => Entry::Proprietary(&self.proprietary[i]),
            EntryRef::Free(i) => Entry::Free(&self.free[i]),
        }
    }

    pub fn get(&self, id: &str) -> Option<Entry<'_>> {
        self.lookup(id).map(|r| self.entry(r))
    }

    pub fn proprietary(&self, id: &str) -> Option<&Proprietary> {
        match self.lookup(id)? {
            EntryRef::Proprietary(i) => Some(&self.proprietary[i]),
            EntryRef::Free(_) => None,
        }
    }

    pub fn free(&self, id: &str) -> Option<&Free> {
        match self.lookup(id)? {
            EntryRef::Free(i) => Some(&self.free[i]),
            EntryRef::Proprietary(_) => None,
        }
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The alternatives to a proprietary product, best first.
    pub fn alternatives(&self, proprietary_id: &str) -> Vec<&Replacement> {
        self.by_proprietary
            .get(proprietary_id)
            .map(|v| v.iter().map(|&i| &self.replacements[i]).collect())
            .unwrap_or_default()
    }

    /// What a free entry replaces.
    pub fn replaces(&self, free_id: &str) -> Vec<&Replacement> {
        self.by_free
            .get(free_id)
            .map(|v| v.iter().map(|&i| &self.replacements[i]).collect())
            .unwrap_or_default()
    }

    /// The parts of a suite (entries whose `part_of` is `id`).
    pub fn parts(&self, id: &str) -> Vec<&Proprietary> {
        self.proprietary
            .iter()
            .filter(|p| p.part_of.as_deref() == Some(id))
            .collect()
    }

    /// Entries of a category: proprietary first, then free, each by name.
    pub fn in_category(&self, category: &str, lang: Lang) -> Vec<Entry<'_>> {
        let mut p: Vec<Entry> = self
            .proprietary
            .iter()
            .filter(|e| e.category == category)
            .map(Entry::Proprietary)
            .collect();
        let mut f: Vec<Entry> = self
            .free
            .iter()
            .filter(|e| e.category == category)
            .map(Entry::Free)
            .collect();
        let key = |e: &Entry| crate::catalog::search::fold(e.name(lang));
        p.sort_by_key(key);
        f.sort_by_key(key);
        p.extend(f);
        p
    }

    /// Number of entries of both kinds.
    pub fn len(&self) -> usize {
        self.proprietary.len() + self.free.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
