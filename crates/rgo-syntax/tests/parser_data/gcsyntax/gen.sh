#!/bin/sh
# Writes gc's own syntax errors for every .go file under the given roots, in
# the format the `corpus` test of tests/parser.rs reads:
#   FILE <path> <n>         followed by n lines `line:col: msg`
# (after gc's reporting rules: one syntax error per line, at most 10 errors
# then `too many errors`, sorted; newlines in messages escaped as \n).
#
# It builds a small driver (main.go.txt, ours) against a copy of the real
# compiler's parser, cmd/compile/internal/syntax from $GOROOT, made in a temp
# directory (nothing of Go's is copied into this repo).
#
# Usage: gen.sh [-b] ROOT... > golden.txt   (-b: with gc's branch checks,
#        compare with RGO_BRANCHES=1)
# Then:  RGO_CORPUS=golden.txt [RGO_BRANCHES=1] cargo test --release \
#          -p rgo-syntax --test parser corpus -- --nocapture
set -e
GO=${GO:-go}
GOROOT=$($GO env GOROOT)
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/syntax"
cp "$GOROOT"/src/cmd/compile/internal/syntax/*.go "$tmp/syntax/"
rm -f "$tmp"/syntax/*_test.go
cp "$here/main.go.txt" "$tmp/main.go"
printf 'module gcsyn\ngo 1.22\n' > "$tmp/go.mod"
(cd "$tmp" && $GO build -o gcsyn .)
"$tmp/gcsyn" "$@"
