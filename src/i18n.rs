//! Translations for every user-facing string of the kit (UI and command line).
//!
//! French is the reference: `t!` checks at compile time that a message id exists in
//! `assets/i18n/fr/kitlibre.ftl`; a test checks that the English file has the same ids.
//! Catalogue content is not here: it carries its own French and English fields.

use crate::catalog::model::Lang;
use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use rust_embed::RustEmbed;
use std::sync::LazyLock;

/// The embedded `.ftl` files.
#[derive(RustEmbed)]
#[folder = "assets/i18n/"]
pub struct Localizations;

fn build(lang: Lang) -> FluentLanguageLoader {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    // The files are embedded and checked by tests; a failure here can only come from a
    // broken build, and then the loader still answers with message ids.
    if let Ok(id) = lang.code().parse::<unic_langid::LanguageIdentifier>() {
        let _ = loader.load_languages(&Localizations, &[id]);
    }
    // Unicode isolation marks show as boxes in some fonts and in terminals.
    loader.set_use_isolating(false);
    loader
}

static FR: LazyLock<FluentLanguageLoader> = LazyLock::new(|| build(Lang::Fr));
static EN: LazyLock<FluentLanguageLoader> = LazyLock::new(|| build(Lang::En));

/// The loader for one language. Both stay loaded, so switching language costs nothing
/// and parallel tests in different languages do not disturb each other.
pub fn loader(lang: Lang) -> &'static FluentLanguageLoader {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A translated message: `t!(lang, "message-id")` or `t!(lang, "message-id", name = value)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::loader($lang), $id)
    };
    ($lang:expr, $id:literal, $($args:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::loader($lang), $id, $($args)*)
    };
}

/// The language of the system, if the kit speaks it.
pub fn system_lang() -> Option<Lang> {
    sys_locale::get_locales().find_map(|tag| Lang::from_tag(&tag))
}

/// `--lang` if given, else the system's language, else French.
pub fn resolve_lang(requested: Option<Lang>) -> Lang {
    requested.or_else(system_lang).unwrap_or(Lang::Fr)
}

/// Every message id in one language's file (for the completeness test and tools).
pub fn message_ids(lang: Lang) -> Vec<String> {
    let path = format!("{}/kitlibre.ftl", lang.code());
    let Some(file) = Localizations::get(&path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&file.data).into_owned();
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut ids: Vec<String> = resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}
