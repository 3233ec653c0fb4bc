#!/usr/bin/env bash
# Concurrency benchmarks (issue 5): runs each bench/conc/*.go under rgo
# (release build) and as a compiled Go binary in the same run; prints the
# median wall and CPU (user+sys) times of N runs (default 5), their
# rgo/go ratios, and both peak memories (max RSS; idle100k.go also prints
# bytes per parked goroutine). rgo's times include its start-up (parse,
# check, compile).
# Usage: scripts/bench-conc.sh [-n N] [bench/conc/x.go ...]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
root=$(repo_root)
N=5
if [ "${1:-}" = "-n" ]; then N=$2; shift 2; fi
GO=$(find_go)
[ -n "$GO" ] || { echo "no go found" >&2; exit 1; }
RGO=$(cd "$root" && build_rgo --release)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/bench/conc/*.go)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$tmp/time"
}

printf '%-12s %7s %7s %6s %7s %7s %6s %9s %9s\n' program go_s rgo_s ratio go_cpu rgo_cpu cpu_x go_maxKB rgo_maxKB
for f in "${files[@]}"; do
	b=$(basename "$f" .go)
	(cd "$(dirname "$f")" && "$GO" build -o "$tmp/$b.bin" "$(basename "$f")")
	gt=() rt=() gc=() rc=() gm=() rm=()
	for _ in $(seq "$N"); do
		read -r t c m < <(measure "$tmp/$b.bin"); gt+=("$t"); gc+=("$c"); gm+=("$m")
		read -r t c m < <(measure "$RGO" run "$f"); rt+=("$t"); rc+=("$c"); rm+=("$m")
	done
	g=$(printf '%s\n' "${gt[@]}" | median); r=$(printf '%s\n' "${rt[@]}" | median)
	gcpu=$(printf '%s\n' "${gc[@]}" | median); rcpu=$(printf '%s\n' "${rc[@]}" | median)
	gmem=$(printf '%s\n' "${gm[@]}" | median); rmem=$(printf '%s\n' "${rm[@]}" | median)
	ratio=$(awk -v g="$g" -v r="$r" 'BEGIN { if (g > 0) printf "%.1fx", r / g; else print "-" }')
	cpux=$(awk -v g="$gcpu" -v r="$rcpu" 'BEGIN { if (g > 0) printf "%.1fx", r / g; else print "-" }')
	printf '%-12s %7s %7s %6s %7s %7s %6s %9s %9s\n' "$b" "$g" "$r" "$ratio" "$gcpu" "$rcpu" "$cpux" "$gmem" "$rmem"
	if [ "$b" = idle100k ]; then
		awk -v g="$gmem" -v r="$rmem" 'BEGIN { printf "  bytes per parked goroutine: go %d, rgo %d\n", g * 1024 / 100000, r * 1024 / 100000 }'
	fi
done
