//! The catalogue and translations are embedded at compile time; rebuild when they change.
fn main() {
    println!("cargo:rerun-if-changed=catalog");
    println!("cargo:rerun-if-changed=assets");
    println!("cargo:rerun-if-changed=i18n.toml");
}
