#!/bin/sh
# Runs every verification of rgo's std Go sources that needs a Go toolchain:
#   1. type-check every package with go/types (our importer only);
#   (then sizes of exported types vs Go, reported only)
#   2. API coverage against real Go (fails on any signature difference);
#   3. differential tests of the plain-Go parts against real Go;
#   4. overlap guard: no file may share Go's implementation text or prose.
# Usage: crates/rgo-std/tools/check.sh [-v]   (GO=path/to/go to override)
set -e
GO=${GO:-/tmp/govenv/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/stdcheck"
echo "== type-check"
$GO run . check
echo "== API coverage (missing entries are listed with SHOW_MISSING=1)"
$GO run . api
echo "== sizes (unsafe.Sizeof of exported types vs Go)"
$GO run . sizes
echo "== differential tests"
"$here/difftest/run.sh" "$@"
echo "== overlap with Go's own source (tools/overlap.py)"
GOROOT_SRC=${GOROOT_SRC:-$($GO env GOROOT)/src}
python3 "$here/overlap.py" "$GOROOT_SRC"
