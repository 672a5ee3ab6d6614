#!/usr/bin/env bash
# Compile check of the macOS readers (application bundles) from Linux, without the HTTPS
# stack (ring's C code does not cross-build for macOS here). Their parsers are tested on
# Linux with fixtures by scripts/run-tests.sh; this checks that the code around them
# compiles. Installs the target with rustup when it can. Windows is built for real (and
# run under Wine) by scripts/build-windows.sh, which scripts/run-tests.sh calls.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "== [$((SECONDS / 60)) min $((SECONDS % 60)) s] $*"; }
target=x86_64-apple-darwin
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  rustup target add "$target" >/dev/null 2>&1 || true
fi
if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  step "cargo check --target $target"
  cargo check --quiet --lib --no-default-features --target "$target"
else
  echo "notice: target $target could not be installed; its readers are not compiled here"
fi
step "cross checks done"
