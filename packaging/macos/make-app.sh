#!/usr/bin/env bash
# Assembles KitLibre.app from a built kitlibre binary, and with --dmg a disk image to
# hand out. Runs on macOS only: it needs iconutil, plutil, codesign and hdiutil, which
# come with macOS and have no Linux equivalent.
#
#   cargo build --release --locked
#   packaging/macos/make-app.sh [--binary target/release/kitlibre] [--out target/macos] [--dmg]
#
# The app is signed ad hoc (no Apple Developer ID here): macOS runs it, but a copy
# downloaded from the web is quarantined by Gatekeeper until the person allows it
# (right-click > Open, or System Settings > Privacy & Security). Without admin rights,
# drag it into ~/Applications (the Applications folder of one's home).
set -euo pipefail

if [ "$(uname -s)" != "Darwin" ]; then
  echo "error: make-app.sh runs on macOS only (it needs iconutil, plutil, codesign, hdiutil)" >&2
  exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="$root/target/release/kitlibre"
out="$root/target/macos"
dmg=0
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --dmg) dmg=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "error: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -x "$binary" ]; then
  echo "error: $binary is not a built program; run: cargo build --release --locked" >&2
  exit 2
fi

plist="$here/Info.plist"
plutil -lint "$plist" >/dev/null
version="$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$plist")"
# The binary says "kitlibre X.Y.Z": it must be the version the bundle announces.
binary_version="$("$binary" --version | awk '{print $2}')"
if [ "$binary_version" != "$version" ]; then
  echo "error: $binary is version $binary_version but Info.plist says $version" >&2
  exit 1
fi

mkdir -p "$out"
app="$out/KitLibre.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$binary" "$app/Contents/MacOS/kitlibre"
chmod 755 "$app/Contents/MacOS/kitlibre"
cp "$plist" "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"

# The icon: an .iconset of the PNGs rendered from the SVG (packaging/icons/render.sh),
# turned into KitLibre.icns. The 512@2x (1024 px) image is optional and left out.
icons="$root/packaging/icons/hicolor"
iconset="$(mktemp -d)/KitLibre.iconset"
mkdir -p "$iconset"
png() { echo "$icons/${1}x${1}/apps/io.frama.kitlibre.KitLibre.png"; }
cp "$(png 16)" "$iconset/icon_16x16.png"
cp "$(png 32)" "$iconset/icon_16x16@2x.png"
cp "$(png 32)" "$iconset/icon_32x32.png"
cp "$(png 64)" "$iconset/icon_32x32@2x.png"
cp "$(png 128)" "$iconset/icon_128x128.png"
cp "$(png 256)" "$iconset/icon_128x128@2x.png"
cp "$(png 256)" "$iconset/icon_256x256.png"
cp "$(png 512)" "$iconset/icon_256x256@2x.png"
cp "$(png 512)" "$iconset/icon_512x512.png"
iconutil --convert icns --output "$app/Contents/Resources/KitLibre.icns" "$iconset"
rm -rf "$(dirname "$iconset")"

cp "$root/LICENSE" "$app/Contents/Resources/LICENSE.txt"
cp "$root/README.md" "$app/Contents/Resources/README.md"

# Ad hoc signature of the whole bundle (Apple Silicon runs only signed code).
codesign --force --sign - "$app"
codesign --verify --strict "$app"
echo "$app"

if [ "$dmg" -eq 1 ]; then
  staging="$(mktemp -d)"
  cp -R "$app" "$staging/"
  ln -s /Applications "$staging/Applications"
  image="$out/KitLibre-$version.dmg"
  rm -f "$image"
  hdiutil create -volname "Kit Libre" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$image" >/dev/null
  rm -rf "$staging"
  echo "$image"
fi
