//! The screens of the window. Each has a `view` over library data that registers its
//! controls in the window's focus ring.

pub mod about;
pub mod category;
pub mod computer;
pub mod entry;
pub mod home;
pub mod settings;

use crate::catalog::model::{Difficulty, EntryKind, Fit, Lang, Platform};
use crate::t;

/// A platform's name in words.
pub fn platform_name(p: Platform, lang: Lang) -> String {
    match p {
        Platform::Windows => "Windows".to_owned(),
        Platform::Macos => "macOS".to_owned(),
        Platform::Linux => "Linux".to_owned(),
        Platform::Android => "Android".to_owned(),
        Platform::Ios => "iPhone / iPad".to_owned(),
        Platform::Web => t!(lang, "platform-web"),
    }
}

/// Platforms in words, comma separated.
pub fn platforms_text(ps: &[Platform], lang: Lang) -> String {
    ps.iter()
        .map(|p| platform_name(*p, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn fit_text(fit: Fit, lang: Lang) -> String {
    match fit {
        Fit::DropIn => t!(lang, "fit-drop-in"),
        Fit::Close => t!(lang, "fit-close"),
        Fit::Different => t!(lang, "fit-different"),
    }
}

pub fn difficulty_text(d: Difficulty, lang: Lang) -> String {
    match d {
        Difficulty::Easy => t!(lang, "difficulty-easy"),
        Difficulty::Medium => t!(lang, "difficulty-medium"),
        Difficulty::Advanced => t!(lang, "difficulty-advanced"),
    }
}

/// "Proprietary software", "proprietary service"...
pub fn proprietary_kind_text(k: EntryKind, lang: Lang) -> String {
    match k {
        EntryKind::Software => t!(lang, "kind-proprietary-software"),
        EntryKind::Service => t!(lang, "kind-proprietary-service"),
        EntryKind::Os => t!(lang, "kind-proprietary-os"),
        EntryKind::Store => t!(lang, "kind-proprietary-store"),
    }
}
