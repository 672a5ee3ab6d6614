#!/usr/bin/env bash
# Builds and opens Kit Libre on its embedded catalogue (fresh Debian/Ubuntu: installs
# what is missing). Extra arguments go to kitlibre, e.g. `scripts/run-app.sh search word`.
set -euo pipefail
cd "$(dirname "$0")/.."
# gcc and pkg-config to build; the X11/Wayland keyboard and font libraries to run the window.
. scripts/setup-debian.sh build-essential pkg-config libxkbcommon-x11-0 libwayland-client0 fonts-dejavu-core
exec cargo run --release --quiet -- "$@"
