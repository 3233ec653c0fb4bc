#!/usr/bin/env bash
# The type checker's conformance test against Go 1.19's test suite
# (/usr/share/go-1.19/test), run by `rgo tool typetest`:
#
#   scripts/types-conformance.sh [--update] [--go] [--verbose]
#
# - `// run`, `// compile` and `// build` programs must type-check with no
#   error; `// errorcheck` programs must give the errors their `// ERROR`
#   annotations ask for (test/run.go's rules; programs needing gc flags such
#   as -m are skipped and counted).
# - conformance/types/run-pass.txt and errorcheck-pass.txt list the programs
#   that passed when they were last regenerated: a listed program that no
#   longer passes fails this script (exit status 1). --update rewrites them.
# - An errorcheck program also passes if rgo reports exactly the errors the
#   current go reported for it, recorded in
#   conformance/types/errorcheck-current-go.txt for the programs whose 1.19
#   annotations current go itself fails (its wording wins);
#   --update --go regenerates that file with the real go (about 2 minutes).
# - --go also runs the real go (PATH or /tmp/govenv) on every failing
#   errorcheck program and counts those where rgo reports exactly what the
#   current Go reports, then lists the remaining differences by class.
# Prints pass counts and the most common failure classes with an example.
# A missing test tree is skipped with a message (exit status 0).
# RGO=path/to/rgo uses that binary instead of building one.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
tests=${GO_TEST_DIR:-/usr/share/go-1.19/test}

flags=()
for a in "$@"; do
	case "$a" in
	--update) flags+=(-update) ;;
	--verbose | -v) flags+=(-v) ;;
	--go)
		go=$(find_go)
		[ -n "$go" ] && flags+=(-go "$go") || echo "types-conformance: no go found: --go ignored"
		;;
	*) echo "usage: scripts/types-conformance.sh [--update] [--go] [--verbose]" >&2; exit 2 ;;
	esac
done

if [ ! -d "$tests" ]; then
	echo "types-conformance: $tests not installed: skipped"
	exit 0
fi
rgo=${RGO:-}
if [ -z "$rgo" ]; then
	rgo=$(build_rgo)
	[ -x "$rgo" ] || { echo "types-conformance: could not build rgo" >&2; exit 1; }
fi
section "rgo tool typetest $tests"
"$rgo" tool typetest -lists conformance/types "${flags[@]}" "$tests"
