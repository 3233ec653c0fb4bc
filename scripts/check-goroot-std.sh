#!/usr/bin/env bash
# Type-checks every package of a GOROOT's src tree with rgo
# (`rgo tool checkstd -k`) and with go/types (scripts/gotypes, a source
# importer), linux/amd64, cgo off, the same build tags on both sides, and
# lists the packages go/types accepts but rgo rejects, with rgo's first
# error (and the reverse).
#
#   scripts/check-goroot-std.sh [GOROOT]     (default: the go found)
#
# -k: rgo checks a package even if one of its imports had errors, so each
# package shows its own first error (go build would stop at the import).
# Exit status 1 if rgo rejects a package go/types accepts.
# RGO=path/to/rgo uses that binary instead of building one.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
export LC_ALL=C CGO_ENABLED=0 GOOS=linux GOARCH=amd64 GOFLAGS=
go=$(find_go)
[ -n "$go" ] || { echo "check-goroot-std: no go found: skipped"; exit 0; }
goroot=${1:-$("$go" env GOROOT)}
[ -d "$goroot/src" ] || { echo "check-goroot-std: $goroot/src not found: skipped"; exit 0; }

rgo=${RGO:-}
if [ -z "$rgo" ]; then
	rgo=$(build_rgo)
	[ -x "$rgo" ] || { echo "check-goroot-std: could not build rgo" >&2; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$go" build -o "$work/gotypes" scripts/gotypes/main.go

tags=$("$work/gotypes" -tags)
section "go/types on $goroot/src"
start=$(date +%s.%N)
"$work/gotypes" "$goroot" >"$work/go.txt" || true
echo "$(wc -l <"$work/go.txt") packages with errors ($(echo "$(date +%s.%N) - $start" | bc) s)"
section "rgo tool checkstd -k on $goroot/src"
start=$(date +%s.%N)
"$rgo" tool checkstd -k -tags "$tags" "$goroot" >"$work/rgo-full.txt" || true
echo "($(echo "$(date +%s.%N) - $start" | bc) s)"
# First lines only: drop the continuation lines of multi-line errors.
grep -v $'^\t' "$work/rgo-full.txt" >"$work/rgo.txt" || true

cut -f1 "$work/go.txt" | sort -u >"$work/go.bad"
cut -f1 "$work/rgo.txt" | sort -u >"$work/rgo.bad"
comm -13 "$work/go.bad" "$work/rgo.bad" >"$work/only-rgo"
comm -23 "$work/go.bad" "$work/rgo.bad" >"$work/only-go"

section "packages go/types accepts and rgo rejects: $(wc -l <"$work/only-rgo")"
join -t $'\t' "$work/only-rgo" <(sort -t $'\t' -k1,1 "$work/rgo.txt") | sed 's/^/  /'
section "packages rgo accepts and go/types rejects: $(wc -l <"$work/only-go")"
join -t $'\t' "$work/only-go" <(sort -t $'\t' -k1,1 "$work/go.txt") | sed 's/^/  /'
section "both reject: $(comm -12 "$work/go.bad" "$work/rgo.bad" | wc -l)"
comm -12 "$work/go.bad" "$work/rgo.bad" | sed 's/^/  /'
[ ! -s "$work/only-rgo" ]
