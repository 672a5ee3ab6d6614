#!/usr/bin/env bash
# Shared set-up for a fresh Debian or Ubuntu machine: a Rust toolchain and the system
# packages given as arguments. Installs only what is missing; asks for nothing when the
# user may not install (then it says what is missing and carries on).
set -euo pipefail

say() { printf '%s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

# System packages (dpkg names) that are not installed yet.
missing=()
for pkg in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "Installation de / Installing: ${missing[*]}"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; then
    say "Impossible d'installer (droits administrateur ?) / Cannot install (admin rights?): ${missing[*]}"
    say "Les tests qui en ont besoin le diront / Tests that need them will say so."
  fi
fi

# The Rust toolchain (rustup, stable), when cargo is absent.
if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "Installation de Rust (rustup) / Installing Rust (rustup)"
    command -v curl >/dev/null 2>&1 || as_root apt-get install -y -qq curl ca-certificates
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi
