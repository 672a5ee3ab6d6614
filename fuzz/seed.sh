#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets (fuzz/corpus/<target>/, not committed) from
# the repository's test fixtures, the catalogue, and the real Office documents of the shared
# data folder (../../shared/data beside the repository, or $KITLIBRE_SHARED_DATA).
# Run it from anywhere; it only writes under fuzz/corpus/. Existing corpus files are kept
# (libFuzzer adds what it finds there), so it is safe to run again.
set -euo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$fuzz_dir")"
shared="${KITLIBRE_SHARED_DATA:-$(dirname "$repo")/shared/data}"
fixtures="$repo/tests/fixtures"
corpus="$fuzz_dir/corpus"

# Copies each file given on standard input (one path a line) into corpus/<target>, named by
# its content hash so the same seed is never stored twice.
add_files() {
    local target="$1" f sum
    mkdir -p "$corpus/$target"
    while IFS= read -r f; do
        [ -f "$f" ] || continue
        sum="$(sha1sum < "$f" | cut -c1-16)"
        cp "$f" "$corpus/$target/seed-$sum"
    done
}

# Stores standard input as one seed of corpus/<target>.
add_stdin() {
    local target="$1" tmp sum
    mkdir -p "$corpus/$target"
    tmp="$(mktemp)"
    cat > "$tmp"
    sum="$(sha1sum < "$tmp" | cut -c1-16)"
    mv "$tmp" "$corpus/$target/seed-$sum"
}

# --- detection parsers: the fixtures as they are --------------------------------------
find "$fixtures" -path '*/var/lib/dpkg/status*' -type f | add_files dpkg_status
# Small slices of the large status file too: the fuzzer mutates short inputs faster.
for n in 1500 6000; do
    head -c "$n" "$fixtures/linux/ubuntu-desktop/root/var/lib/dpkg/status" | add_stdin dpkg_status
done
find "$fixtures" -name '*.desktop' -type f | add_files desktop_entry
find "$fixtures" \( -name '*.metainfo.xml' -o -name '*.appdata.xml' \) -type f | add_files flatpak_metainfo
find "$fixtures" -name 'snap.yaml' -type f | add_files snap_yaml
find "$fixtures" -name 'Info.plist' -type f | add_files info_plist
find "$fixtures/windows" -name '*.json' -type f | add_files registry
printf '{8BE2A5C4-0D71-4D4A-A2B8-7D9E4F6A1B23}' | add_stdin registry
printf '4C5A2EB817D0A4D42A8BD7E9F4A6B132' | add_stdin registry
# rpm -qa output (no fixture file exists: the tests build it inline).
printf 'libreoffice-core\t24.2.5.2-1.fc40\tFedora Project\ngimp\t2.10.38-1.fc40\t(none)\nfirefox\t128.0-1.fc40\tFedora Project\n' | add_stdin rpm_output
printf 'kernel\t6.9.7-200.fc40\tFedora Project\nkernel\t6.9.8-200.fc40\tFedora Project\n\n\t\t\n' | add_stdin rpm_output

# --- catalogue: "path\ntext" files separated by NUL bytes (see fuzz_targets/catalog.rs) --
cat_file() { # prints one catalogue file in the target's form, then the separator
    printf '%s\n' "$1"
    cat "$repo/catalog/$1"
    printf '\0'
}
(cd "$repo/catalog" && find . -name '*.toml' -type f | sed 's|^\./||') | while IFS= read -r rel; do
    cat_file "$rel" | add_stdin catalog
done
# Coherent small catalogues: categories, one replacement and the two entries it links.
for r in "$repo"/catalog/replacements/*.toml; do
    p="$(sed -n 's/^proprietary *= *"\(.*\)"/\1/p' "$r" | head -1)"
    f="$(sed -n 's/^free *= *"\(.*\)"/\1/p' "$r" | head -1)"
    [ -f "$repo/catalog/proprietary/$p.toml" ] && [ -f "$repo/catalog/free/$f.toml" ] || continue
    {
        cat_file categories.toml
        cat_file "proprietary/$p.toml"
        cat_file "free/$f.toml"
        cat_file "replacements/$(basename "$r")"
    } | add_stdin catalog
done
# A guide with the entries it names is larger: one whole guide with categories is enough.
for g in "$repo"/catalog/guides/*.toml; do
    { cat_file categories.toml; cat_file "guides/$(basename "$g")"; } | add_stdin catalog
done

# --- documents: first byte = index of the extension in kitlibre::migrate::OFFICE_EXTENSIONS
# (same order as there; a different order only makes the seeds less apt, not wrong).
exts=(doc docx docm dot dotx dotm rtf xls xlsx xlsm xlsb xlt xltx xltm ppt pptx pptm pps ppsx
    ppsm pot potx potm odt ods odp odg ott ots otp)
ext_index() {
    local i
    for i in "${!exts[@]}"; do
        if [ "${exts[$i]}" = "$1" ]; then
            echo "$i"
            return
        fi
    done
    echo "${#exts[@]}" # no office extension
}
if [ -d "$shared/documents" ]; then
    find "$shared/documents" -type f -size -600k | while IFS= read -r doc; do
        name="$(basename "$doc")"
        ext="${name##*.}"
        ext="${ext,,}"
        [ "$ext" = "$name" ] && ext=""
        i="$(ext_index "$ext")"
        { printf "\\x$(printf %02x "$i")"; cat "$doc"; } | add_stdin document
    done
else
    echo "seed.sh: no $shared/documents, the document corpus has only hand-made seeds" >&2
fi
# Hand-made document seeds: RTF, a truncated ZIP header, an OLE header alone.
printf '\x06{\\rtf1\\ansi hello}' | add_stdin document
printf '\x01PK\x03\x04\x14\x00' | add_stdin document
printf '\x00\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' | add_stdin document

for d in "$corpus"/*/; do
    printf '%-18s %5d seeds\n' "$(basename "$d")" "$(find "$d" -type f | wc -l)"
done
