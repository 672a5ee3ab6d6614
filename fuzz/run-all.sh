#!/usr/bin/env bash
# Runs every fuzz target, one after the other, for SECONDS each (default 60), without a
# sanitizer (the project forbids unsafe code), stopping a run on a panic, a 10 s hang or
# 2 GiB of memory. Builds the seed corpora first when they are missing (seed.sh).
# Crashing inputs land in fuzz/artifacts/<target>/, each run's log in fuzz/logs/<target>.log
# (both ignored by git); the executions and exec/s of each run are printed as it ends.
# Exits 1 when any target found something.
#
#   fuzz/run-all.sh [SECONDS] [TARGET...]
set -uo pipefail

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$fuzz_dir"
seconds="${1:-60}"
shift || true
if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
[ -d corpus ] || ./seed.sh

cargo +nightly fuzz build -s none || exit 1
mkdir -p logs
status=0
for t in "${targets[@]}"; do
    echo "== $t: $seconds s"
    mkdir -p "corpus/$t"
    if cargo +nightly fuzz run -s none "$t" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        > "logs/$t.log" 2>&1; then
        result=ok
    else
        result="FOUND (see logs/$t.log and artifacts/$t/)"
        status=1
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$')"
    speed="$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$')"
    echo "   $result: ${runs:-?} executions, ${speed:-?} exec/s"
done
exit "$status"
