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
