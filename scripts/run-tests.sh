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
. scripts/setup-debian.sh build-essential pkg-config flatpak \
  libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui \
  poppler-utils zbar-tools
if ! command -v soffice >/dev/null 2>&1 && [ -z "${KITLIBRE_SOFFICE:-}" ]; then
  echo "notice: LibreOffice (soffice) is missing: the conversion tests will fail;" \
    "install it, or set KITLIBRE_ALLOW_NO_LIBREOFFICE=1 to skip them knowingly" >&2
fi

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
# The Windows and macOS readers compile only for their targets: check them when the
# targets are installed (rustup target add x86_64-pc-windows-gnu x86_64-apple-darwin).
for target in x86_64-pc-windows-gnu x86_64-apple-darwin; do
  if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    step "cargo check --target $target"
    cargo check --quiet --lib --no-default-features --target "$target"
  else
    echo "notice: target $target is not installed; its readers are not compiled here"
  fi
done
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
