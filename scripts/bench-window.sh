#!/usr/bin/env bash
# Window benchmark (release build, software renderer, under Xvfb): time to the first frame
# of the ready window, peak memory, and CPU while the window sits idle for 10 seconds.
# Prints figures against the targets of DESIGN.md. Usage: scripts/bench-window.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-debian.sh build-essential pkg-config xvfb xdotool time libxkbcommon-x11-0
runs=${1:-5}
cargo build --release --quiet
bin=target/release/kitlibre
data=$(mktemp -d)
trap 'kill "${xvfb_pid:-0}" "${app_pid:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY=$display ICED_BACKEND=tiny-skia KITLIBRE_DATA_DIR=$data

echo "Kit Libre window benchmark: $runs runs, release build, tiny-skia, $(nproc) cores"
frames=()
peaks=()
for _ in $(seq "$runs"); do
  out=$( { /usr/bin/time -f 'maxrss-kb: %M' env KITLIBRE_EXIT_AFTER_FIRST_FRAME=1 "$bin" ; } 2>&1 )
  frames+=("$(grep -o 'first-frame-ms: [0-9.]*' <<<"$out" | awk '{print $2}')")
  peaks+=("$(grep -o 'maxrss-kb: [0-9]*' <<<"$out" | awk '{print $2}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ff=$(median "${frames[@]}")
echo "first frame (process start to first frame of the ready window): median ${ff} ms   runs: ${frames[*]}   (target < 300 ms)"
echo "peak memory at first frame: median $(( $(median "${peaks[@]}") / 1024 )) MB"

# A real session: search, open two pages, then leave the window idle.
"$bin" >/dev/null 2>&1 &
app_pid=$!
sleep 2
wid=$(xdotool search --sync --name "Kit Libre" | head -1)
xdotool windowfocus "$wid" 2>/dev/null || true
# Click in the search field (window-relative position), type, open the first result.
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 600)) $((Y + 165)) click 1
xdotool type --delay 30 "photoshop"
sleep 0.5
xdotool key Return
sleep 1
xdotool key Escape
sleep 1
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
cpu_over_10s() {
  local t0 t1
  t0=$(ticks)
  sleep 10
  t1=$(ticks)
  awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN {printf "%.2f", (b - a) * 100 / (10 * hz)}'
}
# Back on the home page the search field has the focus and its caret blinks for 20 s
# (iced's text input redraws twice a second); then it rests and nothing redraws.
blinking=$(cpu_over_10s)
sleep 12
rested=$(cpu_over_10s)
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$app_pid/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
echo "peak memory after searching and opening a page: $((hwm / 1024)) MB (now $((rss / 1024)) MB)   (target < 100 MB)"
echo "CPU, window open and idle: ${rested} % of one core   (target ~0)"
echo "CPU in the first 20 s after typing (blinking caret): ${blinking} % of one core"
