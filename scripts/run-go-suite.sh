#!/usr/bin/env bash
# Runs Go's own `// run` test programs (GOROOT test/*.go of Go 1.19, as
# shipped in /usr/share/go-1.19/test) under `rgo run`, the way Go's
# test/run.go judges them: exit status 0 and combined output equal to
# the .out file (or empty without one). Programs that use goroutines or
# channels are skipped (not supported yet). Prints the failures and the
# pass count.
# Usage: scripts/run-go-suite.sh [rgo binary] [test dir]
set -uo pipefail
. "$(dirname "$0")/lib.sh"
root=$(repo_root)
RGO=${1:-$(cd "$root" && build_rgo)}
DIR=${2:-/usr/share/go-1.19/test}
pass=0 fail=0 skip=0
failed=()
for f in "$DIR"/*.go; do
	head -1 "$f" | grep -q '^// run$' || continue
	if grep -qE '\bgo (func|[a-zA-Z_.]+\()|\bchan\b|<-' "$f"; then
		skip=$((skip + 1))
		continue
	fi
	b=${f%.go}
	want=""
	[ -f "$b.out" ] && want=$(cat "$b.out")
	got=$(cd "$DIR" && timeout 10 "$RGO" run "$(basename "$f")" 2>&1)
	rc=$?
	if [ $rc -eq 0 ] && [ "$got" == "$want" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		failed+=("$(basename "$f")")
	fi
done
printf '%s\n' "${failed[@]}" >/tmp/go-suite-failed.txt
echo "go test suite (// run, no goroutines/channels): pass $pass, fail $fail, skipped $skip"
