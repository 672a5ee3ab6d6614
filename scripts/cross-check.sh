#!/usr/bin/env bash
# Compile checks of the Windows and macOS readers (registry, WinRT, shortcuts; bundles)
# from Linux, without the HTTPS stack (ring's C code does not cross-build). Their parsers
# are tested on Linux with fixtures by scripts/run-tests.sh; this checks that the code
# around them compiles. Installs the targets with rustup when it can.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "== [$((SECONDS / 60)) min $((SECONDS % 60)) s] $*"; }
for target in x86_64-pc-windows-gnu x86_64-apple-darwin; do
  if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    rustup target add "$target" >/dev/null 2>&1 || true
  fi
  if rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    step "cargo check --target $target"
    cargo check --quiet --lib --no-default-features --target "$target"
  else
    echo "notice: target $target could not be installed; its readers are not compiled here"
  fi
done
step "cross checks done"
