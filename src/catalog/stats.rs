//! `catalog stats`: what the catalogue holds, by kind, category, platform and language.

use crate::catalog::Catalog;
use crate::catalog::model::{EntryKind, Label, Lang, Platform, Text};
use serde::Serialize;

/// Counts for one category.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CategoryCount {
    pub id: String,
    pub name: String,
    pub proprietary: usize,
    pub free: usize,
}

/// Counts for one platform.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct PlatformCount {
    pub platform: Platform,
    pub proprietary: usize,
    pub free: usize,
    pub replacements: usize,
}

/// Text fields filled in one language, out of all text fields.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LanguageCount {
    pub lang: Lang,
    pub filled: usize,
    pub total: usize,
    pub percent: f64,
}

/// Counts by install method.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct InstallCounts {
    pub winget: usize,
    pub flathub: usize,
    pub debian: usize,
    pub homebrew_cask: usize,
    pub fdroid: usize,
    pub play_store: usize,
    pub app_store: usize,
    pub download_page: usize,
    pub web: usize,
}

/// Everything `catalog stats` prints.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Stats {
    pub proprietary: usize,
    pub free: usize,
    pub replacements: usize,
    pub categories: usize,
    /// Free entries whose licence is OSI- or FSF-approved.
    pub free_software: usize,
    /// Services run by an identified provider.
    pub services: usize,
    pub chatons: usize,
    pub sill: usize,
    pub by_kind: Vec<(String, usize, usize)>,
    pub by_category: Vec<CategoryCount>,
    pub by_platform: Vec<PlatformCount>,
    pub install_methods: InstallCounts,
    pub languages: Vec<LanguageCount>,
    /// Proprietary entries with detection hints.
    pub detectable: usize,
}

fn count_text(t: &Text, counts: &mut [usize; 2], total: &mut usize) {
    *total += 1;
    if !t.fr.trim().is_empty() {
        counts[0] += 1;
    }
    if !t.en.trim().is_empty() {
        counts[1] += 1;
    }
}

/// Computes the statistics of a catalogue.
pub fn stats(cat: &Catalog, lang: Lang) -> Stats {
    let mut filled = [0usize; 2];
    let mut total = 0usize;
    let mut text = |t: &Text| count_text(t, &mut filled, &mut total);
    for c in &cat.categories {
        text(&c.name);
        text(&c.description);
    }
    for p in &cat.proprietary {
        if let Label::Translated(t) = &p.name {
            text(t);
        }
        text(&p.summary);
        for c in &p.concerns {
            text(&c.text());
        }
    }
    for f in &cat.free {
        if let Label::Translated(t) = &f.name {
            text(t);
        }
        text(&f.summary);
        text(&f.description);
        if let Some(s) = &f.service {
            if let Some(t) = &s.cost_details {
                text(t);
            }
            if let Some(t) = &s.before_signup {
                text(t);
            }
        }
    }
    for r in &cat.replacements {
        text(&r.summary);
        for t in r.carries_over.iter().chain(&r.left_behind) {
            text(t);
        }
    }
    let languages = Lang::ALL
        .iter()
        .enumerate()
        .map(|(i, &l)| LanguageCount {
            lang: l,
            filled: filled[i],
            total,
            percent: if total == 0 {
                100.0
            } else {
                (filled[i] as f64 * 1000.0 / total as f64).round() / 10.0
            },
        })
        .collect();

    let by_category = cat
        .categories
        .iter()
        .map(|c| CategoryCount {
            id: c.id.clone(),
            name: c.name.get(lang).to_owned(),
            proprietary: cat
                .proprietary
                .iter()
                .filter(|p| p.category == c.id)
                .count(),
            free: cat.free.iter().filter(|f| f.category == c.id).count(),
        })
        .collect();
    let by_platform = Platform::ALL
        .iter()
        .map(|&pl| PlatformCount {
            platform: pl,
            proprietary: cat
                .proprietary
                .iter()
                .filter(|p| p.platforms.contains(&pl))
                .count(),
            free: cat
                .free
                .iter()
                .filter(|f| f.platforms.contains(&pl))
                .count(),
            replacements: cat
                .replacements
                .iter()
                .filter(|r| r.platforms.contains(&pl))
                .count(),
        })
        .collect();
    let by_kind = [
        EntryKind::Software,
        EntryKind::Service,
        EntryKind::Os,
        EntryKind::Store,
        EntryKind::Font,
    ]
    .iter()
    .map(|&k| {
        (
            kind_code(k).to_owned(),
            cat.proprietary.iter().filter(|p| p.kind == k).count(),
            cat.free.iter().filter(|f| f.kind == k).count(),
        )
    })
    .collect();
    let mut im = InstallCounts::default();
    for f in &cat.free {
        let i = &f.install;
        im.winget += usize::from(i.winget.is_some());
        im.flathub += usize::from(i.flathub.is_some());
        im.debian += usize::from(i.debian.is_some());
        im.homebrew_cask += usize::from(i.homebrew_cask.is_some());
        im.fdroid += usize::from(i.fdroid.is_some());
        im.play_store += usize::from(i.play_store.is_some());
        im.app_store += usize::from(i.app_store.is_some());
        im.download_page += usize::from(i.download_page.is_some());
        im.web += usize::from(i.web.is_some());
    }
    Stats {
        proprietary: cat.proprietary.len(),
        free: cat.free.len(),
        replacements: cat.replacements.len(),
        categories: cat.categories.len(),
        free_software: cat.free.iter().filter(|f| f.is_free_software()).count(),
        services: cat.free.iter().filter(|f| f.service.is_some()).count(),
        chatons: cat
            .free
            .iter()
            .filter(|f| f.service.as_ref().is_some_and(|s| s.chatons))
            .count(),
        sill: cat.free.iter().filter(|f| f.sill).count(),
        by_kind,
        by_category,
        by_platform,
        install_methods: im,
        languages,
        detectable: cat
            .proprietary
            .iter()
            .filter(|p| !p.detect.is_empty())
            .count(),
    }
}

/// The catalogue code of an entry kind.
pub fn kind_code(k: EntryKind) -> &'static str {
    match k {
        EntryKind::Software => "software",
        EntryKind::Service => "service",
        EntryKind::Os => "os",
        EntryKind::Store => "store",
        EntryKind::Font => "font",
    }
}
