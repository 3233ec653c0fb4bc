#!/bin/sh
# Builds gcscan, an oracle that runs gc's own scanner over files and prints
# tokens and errors in the format of `cargo run --example scan -- --dump`.
# It is assembled in a temporary directory from Go's scanner sources
# (GOROOT/src/cmd/compile/internal/syntax), which are not copied into rgo,
# plus our driver here (dump.go.txt, main.go.txt).
#
# usage: regen.sh OUT_BINARY     (needs `go` on PATH)
set -eu
out=$(realpath -m "$1")
here=$(dirname "$(realpath "$0")")
syn=$(go env GOROOT)/src/cmd/compile/internal/syntax
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/syntax" "$tmp/cmd"
cp "$syn/scanner.go" "$syn/source.go" "$syn/tokens.go" "$syn/token_string.go" \
   "$syn/operator_string.go" "$tmp/syntax/"
cp "$here/dump.go.txt" "$tmp/syntax/dump.go"
cp "$here/main.go.txt" "$tmp/cmd/main.go"
printf 'module oracle\n\ngo 1.22\n' > "$tmp/go.mod"
(cd "$tmp" && go build -o "$out" ./cmd)
