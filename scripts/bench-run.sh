#!/usr/bin/env bash
# Whole-program benchmarks: runs each bench/run/*.go under rgo (release
# build) and as a compiled Go binary in the same run; prints the median
# wall time of N runs (default 5) of each, their ratio, the ratio of
# median CPU times (user+sys: fairer on a loaded machine), and both peak
# memories (max RSS). Each program's output under rgo is checked against
# Go's first: a benchmark that computes something else measures nothing.
# Usage: scripts/bench-run.sh [-n N] [bench/run/x.go ...]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
root=$(repo_root)
N=5
if [ "${1:-}" = "-n" ]; then N=$2; shift 2; fi
GO=$(find_go)
[ -n "$GO" ] || { echo "no go found" >&2; exit 1; }
RGO=$(cd "$root" && build_rgo --release)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$root"/bench/run/*.go)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure CMD...: prints "wall_seconds cpu_seconds maxrss_kb" of one run
measure() {
	/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>&1 || true
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$tmp/time"
}

printf '%-14s %8s %8s %7s %8s %8s %7s %9s %9s\n' program go_s rgo_s ratio go_cpu rgo_cpu cpu_x go_maxKB rgo_maxKB
for f in "${files[@]}"; do
	b=$(basename "$f" .go)
	cp "$f" "$tmp/$b.go"
	(cd "$tmp" && "$GO" build -o "$tmp/$b.bin" "$b.go")
	"$tmp/$b.bin" >"$tmp/$b.want" 2>&1 || true
	"$RGO" run "$tmp/$b.go" >"$tmp/$b.got" 2>&1 || true
	if ! cmp -s "$tmp/$b.want" "$tmp/$b.got"; then
		printf '%-14s %s\n' "$b" "OUTPUT DIFFERS from Go's"
		diff "$tmp/$b.want" "$tmp/$b.got" | head -5 >&2
		continue
	fi
	gt=() rt=() gc=() rc=() gm=() rm=()
	for _ in $(seq "$N"); do
		read -r t c m < <(measure "$tmp/$b.bin"); gt+=("$t"); gc+=("$c"); gm+=("$m")
		read -r t c m < <(measure "$RGO" run "$tmp/$b.go"); rt+=("$t"); rc+=("$c"); rm+=("$m")
	done
	g=$(printf '%s\n' "${gt[@]}" | median)
	r=$(printf '%s\n' "${rt[@]}" | median)
	gcpu=$(printf '%s\n' "${gc[@]}" | median)
	rcpu=$(printf '%s\n' "${rc[@]}" | median)
	gmem=$(printf '%s\n' "${gm[@]}" | median)
	rmem=$(printf '%s\n' "${rm[@]}" | median)
	ratio=$(awk -v g="$g" -v r="$r" 'BEGIN { if (g > 0) printf "%.1fx", r / g; else print "-" }')
	cpux=$(awk -v g="$gcpu" -v r="$rcpu" 'BEGIN { if (g > 0) printf "%.1fx", r / g; else print "-" }')
	printf '%-14s %8s %8s %7s %8s %8s %7s %9s %9s\n' "$b" "$g" "$r" "$ratio" "$gcpu" "$rcpu" "$cpux" "$gmem" "$rmem"
done
