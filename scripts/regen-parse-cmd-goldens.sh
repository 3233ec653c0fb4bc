#!/usr/bin/env bash
# Regenerates the expected errors of the `rgo tool parse` command tests with
# the real go: for each crates/rgo/tests/testdata/parse/**/NAME.go it writes
# NAME.err, the errors of `go build -gcflags=-e` as `line:col: message` (an
# empty file for a file that builds). Fixtures must have syntax errors only,
# or none at all, since go build would also report type errors.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
GO=$(find_go)
[ -n "$GO" ] || { echo "regen-parse-cmd-goldens: no go in PATH or /tmp/govenv" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root/crates/rgo/tests/testdata/parse"
find . -name '*.go' -type f | sort | while read -r f; do
	cp "$f" "$tmp/x.go"
	# go build prints "# command-line-arguments" then "./x.go:L:C: msg".
	(cd "$tmp" && "$GO" build -gcflags=-e -o /dev/null x.go 2>&1 || true) |
		sed -n 's|^\./x\.go:||p' >"${f%.go}.err"
	echo "${f#./}: $(wc -l <"${f%.go}.err") errors"
done
