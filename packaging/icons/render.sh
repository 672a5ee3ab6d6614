#!/usr/bin/env bash
# Renders the application icon (io.frama.kitlibre.KitLibre.svg, the only source) into the
# PNG sizes desktops and software centres ask for, laid out as the hicolor icon theme
# (hicolor/<size>x<size>/apps/), and into the Windows .ico used by the installer.
# Run it after changing the SVG and commit what it writes.
#
# Needs rsvg-convert (Debian: librsvg2-bin) for the PNGs and ImageMagick's convert
# (Debian: imagemagick) for the .ico.
set -euo pipefail
cd "$(dirname "$0")"
id=io.frama.kitlibre.KitLibre
svg="$id.svg"

for tool in rsvg-convert convert; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "error: $tool is missing (apt-get install librsvg2-bin imagemagick)" >&2
    exit 1
  fi
done

for size in 16 32 48 64 128 256 512; do
  out="hicolor/${size}x${size}/apps/$id.png"
  mkdir -p "$(dirname "$out")"
  rsvg-convert --width "$size" --height "$size" --format png "$svg" --output "$out"
  echo "$out"
done

# Windows: one .ico with the sizes the shell uses (list views, Start menu, large icons).
# -strip keeps timestamps out, so the file only changes when the pictures do.
convert -strip \
  hicolor/16x16/apps/$id.png hicolor/32x32/apps/$id.png hicolor/48x48/apps/$id.png \
  hicolor/64x64/apps/$id.png hicolor/128x128/apps/$id.png hicolor/256x256/apps/$id.png \
  kitlibre.ico
echo kitlibre.ico
