#!/bin/sh
# Differential test of rgo's math/big against real Go: runs main.go (a
# deterministic stream of math/big results on pseudo-random operands)
# under both and diffs the outputs.
# Usage: crates/rgo-std/tools/bigdiff/run.sh [rounds [seed]]
#   GO=path/to/go (default /tmp/govenv/bin/go), RGO=path/to/rgo
#   (default: target/release/rgo of the repo, or $CARGO_TARGET_DIR's).
set -e
GO=${GO:-/tmp/govenv/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../../.." && pwd)
RGO=${RGO:-${CARGO_TARGET_DIR:-$repo/target}/release/rgo}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/main.go" "$tmp/main.go"
cd "$tmp"
"$GO" run main.go "$@" > go.out
"$RGO" run main.go "$@" > rgo.out
if cmp -s go.out rgo.out; then
    echo "bigdiff: ok ($(wc -l < go.out) lines identical)"
else
    echo "bigdiff: outputs differ (first differences):"
    diff go.out rgo.out | head -40
    exit 1
fi
