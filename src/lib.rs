//! Kit Libre: the free software access kit.
//!
//! The library holds every capability (catalogue, search, and soon detection,
//! installation, migration, guides, updates) with no user interface in it; the
//! iced window (`ui`) and the command line (`cli`) are thin front ends over it.

pub mod bench;
pub mod catalog;
pub mod cli;
pub mod cli_bench;
pub mod cli_docs;
pub mod cli_guide;
pub mod cli_install;
pub mod cli_scan;
pub mod cli_update;
pub mod detect;
pub mod guide;
pub mod i18n;
pub mod install;
pub mod migrate;
pub mod net;
pub mod process;
pub mod settings;
pub mod ui;
pub mod update;
pub mod words;

pub mod cli_fleet;
pub mod fleet;
