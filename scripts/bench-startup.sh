#!/usr/bin/env bash
# Start-up time of `rgo run` (issue 4): the median (and min) wall time of
# N runs (default 10) of a hello-world program and of examples/tour.go,
# with a release build; then the median time of each phase (RGO_TIMING=1:
# load+parse, typecheck, compile, execute). With --compare it measures
# the same with std pruning turned off (RGO_PRUNE=0: every std package
# of the program parsed, checked and compiled whole, as before pruning).
# The goal is hello < 20 ms.
# Usage: scripts/bench-startup.sh [-n N] [--compare] [rgo binary]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
root=$(repo_root)
N=10
compare=0
while [ $# -gt 0 ]; do
	case "$1" in
	-n) N=$2; shift 2 ;;
	--compare) compare=1; shift ;;
	*) break ;;
	esac
done
RGO=${1:-$(cd "$root" && build_rgo --release)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$tmp/hello.go"

# median / min of numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minimum() { sort -g | head -n 1; }

# wall_ms FILE: one run's wall time in milliseconds ($EPOCHREALTIME: no
# fork of a timer process inside the measured span).
wall_ms() {
	local t0 t1
	t0=$EPOCHREALTIME
	"$RGO" run "$1" >/dev/null 2>&1 </dev/null
	t1=$EPOCHREALTIME
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) * 1000 }'
}

# bench LABEL FILE
bench() {
	local label=$1 f=$2 ts=()
	"$RGO" run "$f" >/dev/null 2>&1 </dev/null || true # warm the page cache
	for _ in $(seq "$N"); do ts+=("$(wall_ms "$f")"); done
	printf '%-22s median %7.2f ms   min %7.2f ms   (%d runs)\n' "$label" \
		"$(printf '%s\n' "${ts[@]}" | median)" "$(printf '%s\n' "${ts[@]}" | minimum)" "$N"
}

# phases LABEL FILE: median of each RGO_TIMING phase over N runs.
phases() {
	local label=$1 f=$2
	for _ in $(seq "$N"); do
		RGO_TIMING=1 "$RGO" run "$f" 2>&1 >/dev/null </dev/null | grep '^rgo: phase' || true
	done >"$tmp/phases"
	printf '%-22s' "$label"
	for p in load+parse typecheck compile execute; do
		printf ' %s %.2f' "$p" "$(awk -v p="$p" '$3 == p { print $4 + 0 }' "$tmp/phases" | median)"
	done
	printf ' (ms, medians)\n'
}

cd "$root"
bench "hello" "$tmp/hello.go"
bench "examples/tour.go" examples/tour.go
phases "hello phases" "$tmp/hello.go"
phases "tour phases" examples/tour.go
if [ "$compare" = 1 ]; then
	export RGO_PRUNE=0
	bench "hello (unpruned)" "$tmp/hello.go"
	bench "tour (unpruned)" examples/tour.go
	phases "hello phases (unpr.)" "$tmp/hello.go"
	phases "tour phases (unpr.)" examples/tour.go
fi
