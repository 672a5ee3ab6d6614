//! The catalogue and translations are embedded at compile time; rebuild when they change.
//! For Windows, the program also carries its icon, version information and manifest
//! (winresource runs the resource compiler: rc.exe with MSVC, windres with MinGW, also
//! when cross-building from Linux with Debian's mingw-w64).
fn main() {
    println!("cargo:rerun-if-changed=catalog");
    println!("cargo:rerun-if-changed=assets");
    println!("cargo:rerun-if-changed=i18n.toml");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources();
    }
}

/// Icon, version information (what Explorer's Properties and Task Manager show) and the
/// manifest (packaging/windows/kitlibre.exe.manifest says what each part does), linked
/// into the `kitlibre` program only.
fn windows_resources() {
    const ICON: &str = "packaging/icons/kitlibre.ico";
    const MANIFEST: &str = "packaging/windows/kitlibre.exe.manifest";
    println!("cargo:rerun-if-changed={ICON}");
    println!("cargo:rerun-if-changed={MANIFEST}");
    let mut res = winresource::WindowsResource::new();
    res.set_icon(ICON)
        .set_manifest_file(MANIFEST)
        .set("ProductName", "Kit Libre")
        .set(
            "FileDescription",
            "Kit Libre - kit d'accès aux logiciels libres",
        )
        .set("CompanyName", "Kit Libre contributors")
        .set("LegalCopyright", "GPL-3.0-or-later")
        .set("OriginalFilename", "kitlibre.exe")
        .set("InternalName", "kitlibre")
        .set("Comments", "https://kitlibre.frama.io")
        // French (France): the reference language of the kit.
        .set_language(0x040C);
    if let Err(e) = res.compile_for("kitlibre") {
        // Without its resources the program would still run, but with no icon and a
        // manifest-less Windows pretending to be Windows 8: a release must not ship so.
        panic!(
            "Windows resources could not be compiled ({e}); with MinGW, install \
             x86_64-w64-mingw32-windres (Debian: binutils-mingw-w64-x86-64)"
        );
    }
}
