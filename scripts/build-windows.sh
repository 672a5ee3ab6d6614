#!/usr/bin/env bash
# Builds Kit Libre for Windows on a Debian or Ubuntu machine, and its packages:
#
#   target/windows/kitlibre.exe                 the program (GUI subsystem: no console window)
#   target/windows/kitlibre.com                 the same program, console subsystem (cmd, PowerShell)
#   target/windows/kitlibre-<v>-portable.zip    USB keys and library PCs (portable mode on)
#   target/windows/kitlibre-<v>-setup.exe       per-user installer, no administrator rights (NSIS)
#   target/windows/kitlibre-<v>.msi             per-machine package for IT departments (wixl)
#   target/windows/SHA256SUMS
#
# It installs what it needs when it is missing and the user may install: the Rust target
# (rustup), MinGW-w64 (linker and resource compiler), NSIS, msitools' wixl, zip, and Wine
# (for the tests under Wine, tests/windows.rs). The GitHub release job runs this same
# script, so what the tests exercise is what ships.
#
#   scripts/build-windows.sh              everything
#   scripts/build-windows.sh --exe-only   the two programs, no packages
set -euo pipefail
cd "$(dirname "$0")/.."
step() { echo "== [$((SECONDS / 60)) min $((SECONDS % 60)) s] $*"; }

exe_only=false
for arg in "$@"; do
  case "$arg" in
    --exe-only) exe_only=true ;;
    -h | --help)
      sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build-windows.sh: unknown option $arg (see --help)" >&2
      exit 2
      ;;
  esac
done

target=x86_64-pc-windows-gnu
# gcc-mingw-w64-x86-64: linker (and the C compiler of ring, the TLS crypto);
# binutils-mingw-w64-x86-64: windres (icon, version, manifest) and objcopy (kitlibre.com);
# nsis: the per-user installer; wixl: the MSI; zip: the portable archive;
# wine, wine64: the tests under Wine.
. scripts/setup-debian.sh gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis wixl zip \
  wine wine64

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "build-windows.sh: $1 is missing (Debian package $2) and could not be installed" >&2
    exit 1
  fi
}
need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
need x86_64-w64-mingw32-objcopy binutils-mingw-w64-x86-64
need x86_64-w64-mingw32-windres binutils-mingw-w64-x86-64
if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  step "rustup target add $target"
  rustup target add "$target"
fi

version=$(cargo pkgid | sed 's/.*[#@]//')
case "$version" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *)
    echo "build-windows.sh: cannot read the version from Cargo.toml (got '$version')" >&2
    exit 1
    ;;
esac

step "cargo build --release --target $target (kitlibre $version)"
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --release --locked --target "$target" --bin kitlibre
built="${CARGO_TARGET_DIR:-target}/$target/release/kitlibre.exe"

out=target/windows
files="$out/files"
rm -rf "$files"
mkdir -p "$files"

# The GUI program as built (main.rs asks for the GUI subsystem), and its console twin:
# the same bytes with the PE header's subsystem field set to console. cmd and PowerShell
# pick kitlibre.com before kitlibre.exe when someone types `kitlibre` (PATHEXT order).
cp "$built" "$files/kitlibre.exe"
x86_64-w64-mingw32-objcopy --subsystem console "$built" "$files/kitlibre.com"
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | sed -n 's/^Subsystem[[:space:]]*//p'; }
case "$(subsystem "$files/kitlibre.exe")" in *"Windows GUI"*) ;; *)
  echo "build-windows.sh: kitlibre.exe is not a GUI program: $(subsystem "$files/kitlibre.exe")" >&2
  exit 1
  ;;
esac
case "$(subsystem "$files/kitlibre.com")" in *"Windows CUI"*) ;; *)
  echo "build-windows.sh: kitlibre.com is not a console program" >&2
  exit 1
  ;;
esac
# The icon, version information and manifest are in the program (build.rs).
if ! x86_64-w64-mingw32-objdump -h "$files/kitlibre.exe" | grep -q '\.rsrc'; then
  echo "build-windows.sh: kitlibre.exe has no resources (icon, version, manifest)" >&2
  exit 1
fi
# Windows text files: CRLF line ends, so that even an old Notepad shows them right.
crlf() { sed 's/\r$//; s/$/\r/' "$1" >"$2"; }
crlf packaging/windows/README.txt "$files/README.txt"
crlf LICENSE "$files/LICENSE.txt"
cp "$files/kitlibre.exe" "$files/kitlibre.com" "$out/"

if $exe_only; then
  step "done: $out/kitlibre.exe, $out/kitlibre.com"
  exit 0
fi

# Reproducible archives and installers: every file dated from the last commit.
epoch=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH="$epoch"

step "portable ZIP"
portable="kitlibre-$version-portable.zip"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/KitLibre"
cp "$files/kitlibre.exe" "$files/kitlibre.com" "$files/README.txt" "$files/LICENSE.txt" \
  "$stage/KitLibre/"
crlf packaging/windows/kitlibre-portable.txt "$stage/KitLibre/kitlibre-portable.txt"
find "$stage" -exec touch -h -d "@$epoch" {} +
rm -f "$out/$portable"
(cd "$stage" && find KitLibre -type f | LC_ALL=C sort | zip -q -X -9 "$OLDPWD/$out/$portable" -@)

step "per-user installer (NSIS)"
need makensis nsis
setup="kitlibre-$version-setup.exe"
makensis -V2 -INPUTCHARSET UTF8 "-DVERSION=$version" "-DBINDIR=$PWD/$files" \
  "-DOUTFILE=$PWD/$out/$setup" packaging/windows/kitlibre.nsi

step "MSI for IT departments (wixl)"
need wixl wixl
msi="kitlibre-$version.msi"
# wixl reads relative paths only; strings go through the locale's code page (C.UTF-8 or
# a French/English locale give Windows-1252, which holds every accent the file uses).
LC_ALL=C.UTF-8 wixl -a x64 -D "Version=$version" -D "BinDir=$files" \
  -o "$out/$msi" packaging/windows/kitlibre.wxs

(cd "$out" && sha256sum kitlibre.exe kitlibre.com "$portable" "$setup" "$msi" >SHA256SUMS)
step "done: $out"
ls -l "$out" | sed -n '2,$p'
