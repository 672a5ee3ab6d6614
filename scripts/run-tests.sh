#!/usr/bin/env bash
# Runs every check of the project, as CI does: formatting, lints, all tests, and the
# catalogue check against the winget index. On a fresh Debian/Ubuntu machine it installs
# what the tests need when it is missing and the user may install.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-debian.sh build-essential pkg-config

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --all-targets --quiet
echo "== kitlibre catalog check (with the winget index)"
index=../shared/data/winget-index.csv
if [ -f "$index" ]; then
  cargo run --quiet -- --lang en catalog check catalog --winget-index "$index"
else
  echo "notice: $index is absent; the catalogue is checked without the winget index"
  cargo run --quiet -- --lang en catalog check catalog
fi
echo "== all checks passed"
