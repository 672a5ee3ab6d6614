//! The screens of the window. Each has a `view` over library data that registers its
//! controls in the window's focus ring.

pub mod about;
pub mod category;
pub mod computer;
pub mod documents;
pub mod entry;
pub mod guides;
pub mod home;
pub mod install;
pub mod settings;

pub use crate::words::{
    difficulty as difficulty_text, fit as fit_text, platform_name, platforms_text,
    proprietary_kind as proprietary_kind_text,
};

/// Where the kit saves a file for the person: the public session's throwaway folder when
/// there is one, else their Documents folder (or the kit's data folder when the kit is
/// portable or pointed elsewhere).
pub fn save_path(
    paths: &crate::settings::Paths,
    session_dir: Option<&std::path::Path>,
    name: &str,
) -> Option<std::path::PathBuf> {
    if let Some(dir) = session_dir {
        return Some(dir.join(name));
    }
    let dir = directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(|d| d.to_path_buf()))
        .filter(|_| paths.placement == crate::settings::Placement::Platform)
        .or_else(|| paths.data_dir.clone())?;
    Some(dir.join(name))
}
