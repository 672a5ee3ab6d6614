//! Catalogue values in words, in the person's language: shared by the window and the
//! command line so that both say the same thing.

use crate::catalog::model::{Cost, Difficulty, EntryKind, Fit, Lang, Platform, ProviderKind};
use crate::t;

/// A platform's name.
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

/// Platforms, comma separated.
pub fn platforms_text(ps: &[Platform], lang: Lang) -> String {
    ps.iter()
        .map(|p| platform_name(*p, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How well an alternative replaces a product.
pub fn fit(fit: Fit, lang: Lang) -> String {
    match fit {
        Fit::DropIn => t!(lang, "fit-drop-in"),
        Fit::Close => t!(lang, "fit-close"),
        Fit::Different => t!(lang, "fit-different"),
    }
}

/// How hard a program is to pick up.
pub fn difficulty(d: Difficulty, lang: Lang) -> String {
    match d {
        Difficulty::Easy => t!(lang, "difficulty-easy"),
        Difficulty::Medium => t!(lang, "difficulty-medium"),
        Difficulty::Advanced => t!(lang, "difficulty-advanced"),
    }
}

/// "Proprietary program", "proprietary service"...
pub fn proprietary_kind(k: EntryKind, lang: Lang) -> String {
    match k {
        EntryKind::Software => t!(lang, "kind-proprietary-software"),
        EntryKind::Service => t!(lang, "kind-proprietary-service"),
        EntryKind::Os => t!(lang, "kind-proprietary-os"),
        EntryKind::Store => t!(lang, "kind-proprietary-store"),
        EntryKind::Font => t!(lang, "kind-proprietary-font"),
    }
}

/// What a service costs.
pub fn cost(cost: Cost, lang: Lang) -> String {
    match cost {
        Cost::Free => t!(lang, "cost-free"),
        Cost::Donation => t!(lang, "cost-donation"),
        Cost::Freemium => t!(lang, "cost-freemium"),
        Cost::Paid => t!(lang, "cost-paid"),
    }
}

/// Who runs a service.
pub fn provider_kind(kind: ProviderKind, lang: Lang) -> String {
    match kind {
        ProviderKind::Association => t!(lang, "provider-association"),
        ProviderKind::Cooperative => t!(lang, "provider-cooperative"),
        ProviderKind::Company => t!(lang, "provider-company"),
        ProviderKind::Foundation => t!(lang, "provider-foundation"),
        ProviderKind::PublicBody => t!(lang, "provider-public-body"),
        ProviderKind::Federation => t!(lang, "provider-federation"),
    }
}
