#!/usr/bin/env bash
# The parser benchmark: rgo's parser against go/parser on GOROOT/src.
#
#   scripts/bench-parse.sh [runs]     (default 5 runs each)
#
# Builds rgo in release mode and bench/parse/goparse_bench.go with the real
# go, then runs `rgo tool parse -q GOROOT/src` and goparse_bench
# alternately, and prints the median wall time of each and the ratio
# rgo/go. Both read the files from disk inside the timed run (after a
# warm-up run of each, so the page cache is warm for both). rgo parses on
# available_parallelism() threads, go/parser on one, as a user would call
# it. The issue's target: ratio <= 0.50.
# RGO=path/to/rgo times that binary instead of building one.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
runs=${1:-5}
GO=$(find_go)
[ -n "$GO" ] || { echo "bench-parse: no go in PATH or /tmp/govenv" >&2; exit 1; }
src="$("$GO" env GOROOT)/src"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building rgo (release) and goparse_bench ($("$GO" env GOVERSION))..."
rgo=${RGO:-$(build_rgo --release)}
(cd bench/parse && "$GO" build -o "$tmp/goparse_bench" .)

# wall CMD...: runs CMD with its output to $tmp/out and prints its wall
# time in milliseconds.
wall() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >"$tmp/out" 2>&1 || [ $? -eq 1 ] # exit 1: some files have errors
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}

# median N...: the median of the numbers.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

wall "$rgo" tool parse -q "$src" >/dev/null
echo "rgo: $(tail -n 1 "$tmp/out")"
wall "$tmp/goparse_bench" "$src" >/dev/null
echo "go:  $(cat "$tmp/out")"

rgo_ms=() go_ms=()
for i in $(seq "$runs"); do
	rgo_ms+=("$(wall "$rgo" tool parse -q "$src")")
	go_ms+=("$(wall "$tmp/goparse_bench" "$src")")
	echo "run $i: rgo ${rgo_ms[-1]} ms, go ${go_ms[-1]} ms"
done
r=$(median "${rgo_ms[@]}")
g=$(median "${go_ms[@]}")
echo "median wall time over $runs runs: rgo $r ms, go $g ms"
awk -v r="$r" -v g="$g" 'BEGIN { printf "ratio rgo/go: %.2f (target <= 0.50): %s\n", r / g, (r / g <= 0.5) ? "met" : "NOT met" }'
