#!/usr/bin/env bash
# The parser benchmark: rgo's parser against go/parser on GOROOT/src.
#
#   scripts/bench-parse.sh [runs]     (default 5 runs each)
#
# Builds rgo in release mode and bench/parse/goparse_bench.go with the real
# go, then runs `rgo tool parse -q GOROOT/src` and goparse_bench
# alternately, and prints the median wall time of each and the ratio
# rgo/go (and, for information, the CPU times: user + system). Both read the files from disk inside the timed run (after a
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

# measure CMD...: runs CMD with its output to $tmp/out and prints its wall
# time and its CPU time (user + system), both in milliseconds.
measure() {
	local TIMEFORMAT='%R %U %S' t
	# Exit status 1 means some files have syntax errors: expected.
	t=$({ time "$@" >"$tmp/out" 2>&1 || [ $? -eq 1 ]; } 2>&1)
	awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

# median N...: the median of the numbers.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

measure "$rgo" tool parse -q "$src" >/dev/null
echo "rgo: $(tail -n 1 "$tmp/out")"
measure "$tmp/goparse_bench" "$src" >/dev/null
echo "go:  $(cat "$tmp/out")"

rgo_wall=() rgo_cpu=() go_wall=() go_cpu=()
for i in $(seq "$runs"); do
	read -r w c < <(measure "$rgo" tool parse -q "$src")
	rgo_wall+=("$w") rgo_cpu+=("$c")
	read -r w c < <(measure "$tmp/goparse_bench" "$src")
	go_wall+=("$w") go_cpu+=("$c")
	echo "run $i: rgo ${rgo_wall[-1]} ms (cpu ${rgo_cpu[-1]} ms), go ${go_wall[-1]} ms (cpu ${go_cpu[-1]} ms)"
done
rw=$(median "${rgo_wall[@]}") rc=$(median "${rgo_cpu[@]}")
gw=$(median "${go_wall[@]}") gc=$(median "${go_cpu[@]}")
echo "median over $runs runs: rgo wall $rw ms (cpu $rc ms), go wall $gw ms (cpu $gc ms)"
awk -v rw="$rw" -v gw="$gw" -v rc="$rc" -v gc="$gc" 'BEGIN {
	printf "ratio rgo/go: wall %.2f (target <= 0.50: %s), cpu %.2f\n", rw / gw, (rw / gw <= 0.5) ? "met" : "NOT met", rc / gc
}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (a loaded machine skews the wall times)"
