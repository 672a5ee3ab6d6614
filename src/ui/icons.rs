//! The pictograms (assets/icons/*.svg), loaded once.

use iced::widget::svg;
use include_dir::{Dir, include_dir};
use std::collections::HashMap;
use std::sync::LazyLock;

static FILES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/icons");

static HANDLES: LazyLock<HashMap<String, svg::Handle>> = LazyLock::new(|| {
    FILES
        .files()
        .filter_map(|f| {
            let name = f.path().file_stem()?.to_str()?.to_owned();
            f.path()
                .extension()
                .is_some_and(|e| e == "svg")
                .then(|| (name, svg::Handle::from_memory(f.contents())))
        })
        .collect()
});

/// The pictogram called `name`; an unknown name gives the "info" pictogram.
pub fn handle(name: &str) -> svg::Handle {
    HANDLES
        .get(name)
        .or_else(|| HANDLES.get("info"))
        .cloned()
        .unwrap_or_else(|| svg::Handle::from_memory(Vec::<u8>::new()))
}

/// Whether a pictogram exists.
pub fn exists(name: &str) -> bool {
    HANDLES.contains_key(name)
}
