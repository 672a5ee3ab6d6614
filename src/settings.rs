//! The person's settings (language, text size, theme, font) and where the kit keeps its
//! files: the platform's directories, or beside the executable in portable mode (USB
//! keys, library PCs).
//!
//! Settings load leniently: a missing file gives the defaults, and a bad field falls
//! back to its default without losing the others. Writes are atomic (temporary file,
//! then rename), so a crash never leaves a half-written file.

use crate::catalog::model::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Environment variable: a directory that holds everything the kit writes.
pub const DATA_DIR_ENV: &str = "KITLIBRE_DATA_DIR";
/// A file with this name next to the executable turns on portable mode.
pub const PORTABLE_MARKER: &str = "kitlibre-portable.txt";
/// In portable mode, the folder next to the executable that holds the kit's files.
pub const PORTABLE_DIR: &str = "kitlibre-data";
/// The settings file name.
pub const SETTINGS_FILE: &str = "settings.toml";

/// Smallest and largest text size, in percent.
pub const MIN_TEXT_SCALE: u16 = 100;
pub const MAX_TEXT_SCALE: u16 = 200;
pub const TEXT_SCALE_STEP: u16 = 10;

/// Colours of the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
    /// Black background, white text, yellow highlights.
    HighContrast,
}

/// The font used for all text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FontChoice {
    /// Andika: clear letter shapes, made for beginning readers.
    #[default]
    Legible,
    /// OpenDyslexic.
    Dyslexic,
}

/// What the person chose. Every field has a default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// `None`: the system's language, else French.
    pub lang: Option<Lang>,
    /// Text size in percent, 100 to 200.
    pub text_scale: u16,
    pub theme: ThemeChoice,
    pub font: FontChoice,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            text_scale: MIN_TEXT_SCALE,
            theme: ThemeChoice::Light,
            font: FontChoice::Legible,
        }
    }
}

impl Settings {
    /// Reads settings from TOML text, field by field: a field of the wrong type or value
    /// keeps its default and the others are kept.
    pub fn from_toml_lenient(text: &str) -> Settings {
        let mut s = Settings::default();
        let Ok(table) = text.parse::<toml::Table>() else {
            return s;
        };
        fn field<T: serde::de::DeserializeOwned>(table: &toml::Table, key: &str) -> Option<T> {
            table.get(key).and_then(|v| v.clone().try_into().ok())
        }
        if let Some(lang) = field::<String>(&table, "lang") {
            s.lang = Lang::from_tag(&lang);
        }
        if let Some(scale) = field::<i64>(&table, "text_scale") {
            s.text_scale = clamp_scale(scale);
        }
        if let Some(theme) = field(&table, "theme") {
            s.theme = theme;
        }
        if let Some(font) = field(&table, "font") {
            s.font = font;
        }
        s
    }

    pub fn to_toml(&self) -> String {
        // Plain data: serialising cannot fail.
        toml::to_string(self).unwrap_or_default()
    }

    /// One step larger, up to 200 %.
    pub fn bigger(&mut self) {
        self.text_scale = clamp_scale(i64::from(self.text_scale) + i64::from(TEXT_SCALE_STEP));
    }

    /// One step smaller, down to 100 %.
    pub fn smaller(&mut self) {
        self.text_scale = clamp_scale(i64::from(self.text_scale) - i64::from(TEXT_SCALE_STEP));
    }

    pub fn set_scale(&mut self, percent: i64) {
        self.text_scale = clamp_scale(percent);
    }
}

fn clamp_scale(v: i64) -> u16 {
    v.clamp(i64::from(MIN_TEXT_SCALE), i64::from(MAX_TEXT_SCALE)) as u16
}

/// Why the kit's folders are where they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// The platform's usual directories.
    Platform,
    /// Beside the executable (marker file).
    Portable,
    /// The directory named by `KITLIBRE_DATA_DIR`.
    Environment,
    /// No home directory could be found: nothing is written.
    Nowhere,
}

/// Where the kit reads and writes its files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    pub config_dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub placement: Placement,
}

impl Paths {
    /// Everything under one directory.
    pub fn under(root: &Path, placement: Placement) -> Paths {
        Paths {
            config_dir: Some(root.join("config")),
            data_dir: Some(root.join("data")),
            cache_dir: Some(root.join("cache")),
            placement,
        }
    }

    /// Decides the directories: `KITLIBRE_DATA_DIR`, else portable mode when the marker
    /// file sits beside the executable, else the platform's directories.
    pub fn detect() -> Paths {
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
            return Paths::under(Path::new(&dir), Placement::Environment);
        }
        if let Some(exe_dir) = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            && exe_dir.join(PORTABLE_MARKER).is_file()
        {
            return Paths::under(&exe_dir.join(PORTABLE_DIR), Placement::Portable);
        }
        match directories::ProjectDirs::from("fr", "Kit Libre", "kitlibre") {
            Some(d) => Paths {
                config_dir: Some(d.config_dir().to_path_buf()),
                data_dir: Some(d.data_dir().to_path_buf()),
                cache_dir: Some(d.cache_dir().to_path_buf()),
                placement: Placement::Platform,
            },
            None => Paths {
                config_dir: None,
                data_dir: None,
                cache_dir: None,
                placement: Placement::Nowhere,
            },
        }
    }

    pub fn settings_file(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join(SETTINGS_FILE))
    }
}

/// Why settings could not be saved.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum SaveError {
    #[error("no place to save settings")]
    NoDirectory,
    #[error("{path}: {detail}")]
    Io { path: String, detail: String },
}

/// Reads the settings; anything missing or broken gives defaults.
pub fn load(paths: &Paths) -> Settings {
    paths
        .settings_file()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|t| Settings::from_toml_lenient(&t))
        .unwrap_or_default()
}

/// Saves the settings atomically.
pub fn save(paths: &Paths, settings: &Settings) -> Result<(), SaveError> {
    let file = paths.settings_file().ok_or(SaveError::NoDirectory)?;
    write_atomic(&file, settings.to_toml().as_bytes())
}

/// Writes `bytes` to `path` through a temporary file in the same directory, then renames
/// it: readers see the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    use std::io::Write;
    let io = |e: std::io::Error| SaveError::Io {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let dir = path.parent().ok_or(SaveError::NoDirectory)?;
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_field_keeps_the_others() {
        let s = Settings::from_toml_lenient(
            "lang = \"en\"\ntext_scale = \"huge\"\ntheme = \"high-contrast\"\nfont = 42\n",
        );
        assert_eq!(s.lang, Some(Lang::En));
        assert_eq!(s.text_scale, 100);
        assert_eq!(s.theme, ThemeChoice::HighContrast);
        assert_eq!(s.font, FontChoice::Legible);
    }

    #[test]
    fn out_of_range_scale_is_clamped_and_garbage_gives_defaults() {
        assert_eq!(
            Settings::from_toml_lenient("text_scale = 900").text_scale,
            200
        );
        assert_eq!(
            Settings::from_toml_lenient("text_scale = -5").text_scale,
            100
        );
        assert_eq!(
            Settings::from_toml_lenient("\u{0}not toml [[["),
            Settings::default()
        );
        assert_eq!(
            Settings::from_toml_lenient("lang = \"de\"").lang,
            None,
            "an unknown language falls back to the system's"
        );
    }

    #[test]
    fn steps_stay_within_bounds() {
        let mut s = Settings::default();
        s.smaller();
        assert_eq!(s.text_scale, 100);
        for _ in 0..20 {
            s.bigger();
        }
        assert_eq!(s.text_scale, 200);
    }

    #[test]
    fn save_then_load_round_trips_atomically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths = Paths::under(dir.path(), Placement::Environment);
        let s = Settings {
            lang: Some(Lang::En),
            text_scale: 150,
            theme: ThemeChoice::Dark,
            font: FontChoice::Dyslexic,
        };
        save(&paths, &s).expect("save");
        assert_eq!(load(&paths), s);
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("config"))
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from(SETTINGS_FILE)]);
    }

    #[test]
    fn saving_where_nothing_can_be_written_is_an_error_not_a_panic() {
        let paths = Paths::under(
            Path::new("/proc/kitlibre-cannot-write"),
            Placement::Environment,
        );
        assert!(save(&paths, &Settings::default()).is_err());
        let nowhere = Paths {
            config_dir: None,
            data_dir: None,
            cache_dir: None,
            placement: Placement::Nowhere,
        };
        assert_eq!(
            save(&nowhere, &Settings::default()),
            Err(SaveError::NoDirectory)
        );
        assert_eq!(load(&nowhere), Settings::default());
    }
}
