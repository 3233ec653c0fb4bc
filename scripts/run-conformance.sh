#!/usr/bin/env bash
# `rgo run` conformance against Go 1.19's test suite (/usr/share/go-1.19/test
# and its ken, chan, interface, fixedbugs, typeparam and abi directories):
# `// run` programs must exit 0 and print exactly their expected output, as
# Go's test/run.go judges them (programs needing flags or files beside
# them fail here and are simply not listed). A program whose build
# constraint excludes linux/amd64 is not a test here, as for run.go.
#
#   scripts/run-conformance.sh [--all] [--update] [--go]
#
# - Expected output: the program's .out file (empty without one), unless
#   conformance/run/current-go/<dir>/<name>.out exists: that is what the
#   current go prints where the 1.19 file is stale (println of floats, new
#   panic texts); the current go wins.
# - conformance/run/pass.txt lists the programs that passed when it was last
#   updated. By default only those run, and any that fails makes the script
#   fail (so a pass never silently turns into a fail). --all runs every
#   `// run` program and prints the pass count; --update (implies --all)
#   rewrites pass.txt. --go (with --all) runs the real go on each program
#   rgo fails whose .out go itself does not reproduce, and records go's
#   output under current-go/.
# A missing test tree is skipped with a message (exit status 0).
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
tests=${GO_TEST_DIR:-/usr/share/go-1.19/test}
list="$root/conformance/run/pass.txt"
cur="$root/conformance/run/current-go"
all=0 update=0 usego=0
for a in "$@"; do
	case "$a" in
	--all) all=1 ;;
	--update) all=1 update=1 ;;
	--go) usego=1 ;;
	*) echo "usage: $0 [--all] [--update] [--go]" >&2; exit 2 ;;
	esac
done
if [ ! -d "$tests" ]; then
	echo "run-conformance: $tests not installed: skipped"
	exit 0
fi
RGO=${RGO:-$(cd "$root" && build_rgo --release)}
GO=""
[ $usego = 1 ] && GO=$(find_go)

# expected REL: the expected output of test program REL (dir/name.go).
expected() {
	local rel=$1 b=${1%.go}
	if [ -f "$cur/$b.out" ]; then cat "$cur/$b.out"
	elif [ -f "$tests/$b.out" ]; then cat "$tests/$b.out"
	fi
}

# builds_here FILE: whether FILE's build constraint (`// +build` or
# `//go:build`) holds on linux/amd64 with gc, as Go's test/run.go asks
# before running a test.
builds_here() {
	local line expr tok
	line=$(grep -m1 -E '^(// \+build|//go:build) ' "$1") || return 0
	case $line in
	"// +build "*)
		# spaces are OR, commas AND
		expr=${line#// +build }
		expr="(${expr// /) || (})"
		expr=${expr//,/ \&\& }
		;;
	*) expr=${line#//go:build } ;;
	esac
	for tok in $(printf '%s' "$expr" | tr -c 'A-Za-z0-9_.\n' ' '); do
		case $tok in
		linux | amd64 | gc | unix | goexperiment.unified) v=1 ;;
		*) v=0 ;;
		esac
		expr=$(printf '%s' "$expr" | sed -E "s/(^|[^A-Za-z0-9_.])$tok([^A-Za-z0-9_.]|$)/\1$v\2/g")
	done
	(($expr))
}

if [ $all = 1 ]; then
	progs=()
	for f in "$tests"/*.go "$tests"/{ken,chan,interface,fixedbugs,typeparam,abi}/*.go; do
		head -1 "$f" | grep -q '^// run$' || continue
		builds_here "$f" || continue
		progs+=("${f#"$tests"/}")
	done
else
	mapfile -t progs <"$list"
fi

pass=0 fail=0
passed=() failed=()
for rel in "${progs[@]}"; do
	dir=$(dirname "$tests/$rel")
	# 60 s: GC-heavy programs (gcgort, abi/uglyfib) take 15-25 s on a
	# loaded 2-core machine; a hang still ends.
	got=$(cd "$dir" && timeout 60 "$RGO" run "$(basename "$rel")" 2>&1)
	rc=$?
	want=$(expected "$rel")
	if [ $rc -eq 0 ] && [ "$got" == "$want" ]; then
		pass=$((pass + 1))
		passed+=("$rel")
		continue
	fi
	if [ -n "$GO" ]; then
		gout=$(cd "$dir" && timeout 60 "$GO" run "$(basename "$rel")" 2>&1)
		if [ $? -eq 0 ] && [ "$gout" != "$want" ]; then
			mkdir -p "$cur/$(dirname "$rel")"
			printf '%s\n' "$gout" >"$cur/${rel%.go}.out"
			if [ $rc -eq 0 ] && [ "$got" == "$gout" ]; then
				pass=$((pass + 1))
				passed+=("$rel")
				continue
			fi
		fi
	fi
	fail=$((fail + 1))
	failed+=("$rel")
done
printf '%s\n' "${failed[@]}" >/tmp/run-conformance-failed.txt
if [ $update = 1 ]; then
	mkdir -p "$(dirname "$list")"
	printf '%s\n' "${passed[@]}" | sort >"$list"
	echo "run conformance: wrote $list"
fi
echo "run conformance: pass $pass, fail $fail (failures in /tmp/run-conformance-failed.txt)"
if [ $all = 0 ] && [ $fail -gt 0 ]; then
	echo "run conformance: listed programs that no longer pass:"
	printf '  %s\n' "${failed[@]}"
	exit 1
fi
exit 0
