#!/usr/bin/env bash
# The type-checker benchmark: rgo's checker against go/types, both
# checking the closure of PKGS (default net/http: ~150 std packages) from
# the GOROOT's own sources, parsing included.
#
#   scripts/bench-types.sh [runs] [pkgs]     (default 5 runs, net/http)
#
# Builds rgo in release mode and scripts/gotypes with the real go, then
# alternates `rgo tool checkstd -k -pkgs PKGS GOROOT` and
# `gotypes -bench 1 -pkgs PKGS GOROOT` (go/types with the "source"
# importer: each package parsed and checked once), and prints the median
# wall time of each, CPU times, and the ratio rgo/go. Both read the files
# inside the timed run (after a warm-up run of each). rgo's exit status is
# ignored (its checker may still report errors in std; the timing then
# covers the same files, but check the error count it prints).
# RGO=path/to/rgo times that binary instead of building one.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
runs=${1:-5}
pkgs=${2:-net/http}
export CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOFLAGS=
GO=$(find_go)
[ -n "$GO" ] || { echo "bench-types: no go in PATH or /tmp/govenv" >&2; exit 1; }
goroot=$("$GO" env GOROOT)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building rgo (release) and scripts/gotypes ($("$GO" env GOVERSION))..."
rgo=${RGO:-$(build_rgo --release)}
"$GO" build -o "$tmp/gotypes" scripts/gotypes/main.go
tags=$("$tmp/gotypes" -tags)

# measure CMD...: runs CMD with its output to $tmp/out and prints its wall
# time and its CPU time (user + system), both in milliseconds.
measure() {
	local TIMEFORMAT='%R %U %S' t
	t=$({ time "$@" >"$tmp/out" 2>&1 || true; } 2>&1)
	awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

# median N...: the median of the numbers.
median() {
	printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

rgo_cmd=("$rgo" tool checkstd -k -tags "$tags" -pkgs "$pkgs" "$goroot")
go_cmd=("$tmp/gotypes" -bench 1 -pkgs "$pkgs" "$goroot")
measure "${rgo_cmd[@]}" >/dev/null
echo "rgo: $(tail -n 1 "$tmp/out")"
measure "${go_cmd[@]}" >/dev/null

rgo_wall=() rgo_cpu=() go_wall=() go_cpu=()
for i in $(seq "$runs"); do
	read -r w c < <(measure "${rgo_cmd[@]}")
	rgo_wall+=("$w") rgo_cpu+=("$c")
	read -r w c < <(measure "${go_cmd[@]}")
	go_wall+=("$w") go_cpu+=("$c")
	echo "run $i: rgo ${rgo_wall[-1]} ms (cpu ${rgo_cpu[-1]} ms), go/types ${go_wall[-1]} ms (cpu ${go_cpu[-1]} ms)"
done
rw=$(median "${rgo_wall[@]}") rc=$(median "${rgo_cpu[@]}")
gw=$(median "${go_wall[@]}") gc=$(median "${go_cpu[@]}")
echo "median over $runs runs: rgo wall $rw ms (cpu $rc ms), go/types wall $gw ms (cpu $gc ms)"
awk -v rw="$rw" -v gw="$gw" -v rc="$rc" -v gc="$gc" 'BEGIN { printf "ratio rgo/go: wall %.2f, cpu %.2f\n", rw / gw, rc / gc }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (a loaded machine skews the wall times)"
