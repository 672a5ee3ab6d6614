//! Linux: dpkg, RPM (through `rpm -qa` only where present), Flatpak (system and user
//! installations, read from their folders), Snap (its folders), desktop entries, and
//! AppImages. Every reader takes its folders from [`Roots`], so fixtures test them.

pub mod appimage;
#[cfg(unix)]
pub mod desktop;
pub mod dpkg;
pub mod flatpak;
pub mod rpm;
pub mod snap;

use std::path::{Path, PathBuf};

/// Where the Linux readers look: `/` and the home folder on a real machine, fixture
/// folders in tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Roots {
    /// The file system root (`/`).
    pub root: PathBuf,
    /// The person's home folder.
    pub home: Option<PathBuf>,
    /// `XDG_DATA_HOME`, default `~/.local/share`.
    pub data_home: Option<PathBuf>,
    /// `XDG_DATA_DIRS`, default `/usr/local/share:/usr/share`, under `root`.
    pub data_dirs: Vec<PathBuf>,
    /// `XDG_CURRENT_DESKTOP`, upper case, for `OnlyShowIn` / `NotShowIn`.
    pub desktops: Vec<String>,
    /// `FLATPAK_SYSTEM_DIR` / `FLATPAK_USER_DIR` when set.
    pub flatpak_system: Option<PathBuf>,
    pub flatpak_user: Option<PathBuf>,
}

impl Roots {
    /// A machine whose `/` is `root` and whose home is `home`, with XDG defaults.
    pub fn under(root: &Path, home: Option<&Path>) -> Roots {
        Roots {
            root: root.to_path_buf(),
            home: home.map(Path::to_path_buf),
            data_home: home.map(|h| h.join(".local/share")),
            data_dirs: vec![root.join("usr/local/share"), root.join("usr/share")],
            desktops: Vec::new(),
            flatpak_system: None,
            flatpak_user: None,
        }
    }

    /// This machine, from the environment.
    pub fn from_env() -> Roots {
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        let mut r = Roots::under(Path::new("/"), home.as_deref());
        if let Some(d) = std::env::var_os("XDG_DATA_HOME").filter(|d| !d.is_empty()) {
            r.data_home = Some(PathBuf::from(d));
        }
        if let Some(dirs) = std::env::var_os("XDG_DATA_DIRS").filter(|d| !d.is_empty()) {
            r.data_dirs = std::env::split_paths(&dirs).collect();
        }
        r.desktops = std::env::var("XDG_CURRENT_DESKTOP")
            .unwrap_or_default()
            .split(':')
            .filter(|s| !s.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        r.flatpak_system = std::env::var_os("FLATPAK_SYSTEM_DIR").map(PathBuf::from);
        r.flatpak_user = std::env::var_os("FLATPAK_USER_DIR").map(PathBuf::from);
        r
    }

    /// A path under the root (`rel` written without the leading `/`).
    pub fn at(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }
}

/// Reads a file up to `limit` bytes; larger files are refused with a message.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > limit {
        return Err(format!("{} bytes, more than {limit}", meta.len()));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}
