#!/usr/bin/env bash
# Runs every check of the project, as CI does: formatting, lints, all tests, and the
# catalogue check against the winget index. On a fresh Debian/Ubuntu machine it installs
# what the tests need when it is missing and the user may install.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "== [$((SECONDS / 60)) min $((SECONDS % 60)) s] $*"; }
# flatpak: the real per-user install test (tests/install.rs) builds a local repository.
# libreoffice-*-nogui: the conversion tests (tests/convert.rs) drive a real LibreOffice;
# poppler-utils, zbar-tools: the handout tests render the PDFs and read their QR codes.
# dpkg-dev (dpkg-shlibdeps, for the .deb's dependencies), desktop-file-utils, appstream:
# the package test (tests/package.rs) builds the .deb and validates its desktop entry and
# metainfo; libxkbcommon0 ... libxi6 are the .deb's Depends (the libraries the window
# loads), so that the test can install it with dpkg -i when run as root.
# xvfb, xauth, xdotool, imagemagick: the window smoke test runs the real window under
# Xvfb, types and clicks with xdotool, and takes screenshots with ImageMagick's import.
. scripts/setup-debian.sh build-essential pkg-config flatpak \
  libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
  poppler-utils zbar-tools \
  dpkg-dev desktop-file-utils appstream \
  libxkbcommon0 libxkbcommon-x11-0 libwayland-client0 libx11-6 libx11-xcb1 libxcb1 \
  libxcursor1 libxi6 \
  xvfb xauth xdotool imagemagick
if ! command -v soffice >/dev/null 2>&1 && [ -z "${KITLIBRE_SOFFICE:-}" ]; then
  echo "notice: LibreOffice (soffice) is missing: the conversion tests will fail;" \
    "install it, or set KITLIBRE_ALLOW_NO_LIBREOFFICE=1 to skip them knowingly" >&2
fi

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
# Windows: the release build and its packages (target/windows), which tests/windows.rs
# installs and runs under Wine. The script installs its own tools (MinGW-w64, NSIS, wixl,
# Wine) and the Rust target.
step "scripts/build-windows.sh"
scripts/build-windows.sh
step "cargo clippy --target x86_64-pc-windows-gnu -D warnings"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo clippy --quiet --target x86_64-pc-windows-gnu --lib --bins -- -D warnings
# The macOS readers are compile-checked by scripts/cross-check.sh (GitHub's macOS job
# builds and tests them natively).
# cargo-deb builds the Debian package in tests/package.rs (from the test binary: no
# release build).
if ! cargo deb --version >/dev/null 2>&1; then
  step "cargo install cargo-deb"
  if ! cargo install cargo-deb --locked; then
    echo "error: cargo-deb could not be installed (network? crates.io?); the package" \
      "test (tests/package.rs) will fail until it is: cargo install cargo-deb --locked" >&2
  fi
fi
step "cargo test"
cargo test --all-targets --quiet
step "kitlibre catalog check (with the winget index)"
index=../shared/data/winget-index.csv
if [ -f "$index" ]; then
  cargo run --quiet -- --lang en catalog check catalog --winget-index "$index"
else
  echo "notice: $index is absent; the catalogue is checked without the winget index"
  cargo run --quiet -- --lang en catalog check catalog
fi
step "all checks passed"
