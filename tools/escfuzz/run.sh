#!/usr/bin/env bash
# Differential fuzzing of rgo's escape analysis and stack objects against
# real Go: generates programs with tools/escfuzz/gen.py, runs each with
# `go run` and with `rgo run`, plainly and under
# RGODEBUG=gcstress=1,clobberdead=1,stackmove=1, and reports any difference
# in stdout or exit status. A failing program is kept in $OUT/fail-SEED/
# (main.go, go.out, rgo-<mode>.out/.err, and whether RGO_NOSTACKOBJ=1
# makes it pass, which tells an escape-analysis bug from an older one).
#
#   tools/escfuzz/run.sh [N] [FIRST_SEED]      (default 50 programs from seed 1)
#
# Environment: RGO (default $CARGO_TARGET_DIR/release/rgo, else
# /work/target-fuzz/release/rgo), GO (default: go on PATH, else
# /tmp/govenv/bin/go), OUT (default /tmp/escfuzz), SIZE (gen.py's size,
# default 3), MODES (default "plain stress"; also "nostackobj",
# "noinline"), TIMEOUT (seconds per rgo run, default 120).
# Exit status: 0 when every program matched, 1 otherwise.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
N=${1:-50}
FIRST=${2:-1}
RGO=${RGO:-${CARGO_TARGET_DIR:-/work/target-fuzz}/release/rgo}
if [ -z "${GO:-}" ]; then
	GO=$(command -v go || echo /tmp/govenv/bin/go)
fi
OUT=${OUT:-/tmp/escfuzz}
SIZE=${SIZE:-3}
MODES=${MODES:-plain stress}
TIMEOUT=${TIMEOUT:-120}
[ -x "$RGO" ] || { echo "escfuzz: no rgo at $RGO (cargo build --release, or set RGO=)" >&2; exit 2; }
mkdir -p "$OUT"

# mode_env MODE: the environment settings of a mode.
mode_env() {
	case $1 in
	plain) echo "" ;;
	stress) echo "RGODEBUG=gcstress=1,clobberdead=1,stackmove=1" ;;
	nostackobj) echo "RGO_NOSTACKOBJ=1" ;;
	noinline) echo "RGO_NOINLINE=1" ;;
	*) echo "escfuzz: unknown mode $1" >&2; exit 2 ;;
	esac
}

ran=0
runs=0
fails=0
failed_seeds=()
for ((seed = FIRST; seed < FIRST + N; seed++)); do
	d="$OUT/s$seed"
	rm -rf "$d"
	mkdir -p "$d"
	python3 "$here/gen.py" "$seed" "$SIZE" >"$d/main.go"
	(cd "$d" && GOFLAGS= "$GO" build -o prog main.go) >"$d/go.build" 2>&1 || {
		echo "seed $seed: go build failed (generator bug):"
		head -5 "$d/go.build"
		fails=$((fails + 1))
		failed_seeds+=("$seed(gen)")
		continue
	}
	(cd "$d" && timeout 60 ./prog >go.out 2>go.err)
	gexit=$?
	# go run exits 1 when the program fails (it prints "exit status N")
	[ "$gexit" = 0 ] || gexit=1
	ran=$((ran + 1))
	bad=""
	firstbad=""
	for m in $MODES; do
		envs=$(mode_env "$m")
		# shellcheck disable=SC2086
		(cd "$d" && env $envs timeout "$TIMEOUT" "$RGO" run main.go >"rgo-$m.out" 2>"rgo-$m.err")
		rexit=$?
		runs=$((runs + 1))
		if [ "$rexit" != "$gexit" ] || ! cmp -s "$d/go.out" "$d/rgo-$m.out"; then
			bad="$bad $m(exit $rexit vs go $gexit)"
			[ -n "$firstbad" ] || firstbad=$m
		fi
	done
	if [ -n "$bad" ]; then
		fails=$((fails + 1))
		failed_seeds+=("$seed")
		note=""
		# the first failing mode again, without stack objects
		envs=$(mode_env "$firstbad")
		# shellcheck disable=SC2086
		(cd "$d" && env $envs RGO_NOSTACKOBJ=1 timeout "$TIMEOUT" "$RGO" run main.go >rgo-nostackobj.out 2>rgo-nostackobj.err)
		rexit=$?
		if [ "$rexit" = "$gexit" ] && cmp -s "$d/go.out" "$d/rgo-nostackobj.out"; then
			note="$firstbad passes with RGO_NOSTACKOBJ=1: escape analysis"
		else
			note="$firstbad fails with RGO_NOSTACKOBJ=1 too (exit $rexit): not (only) escape analysis"
		fi
		[ "$rexit" != 124 ] || note="$note; timed out after ${TIMEOUT}s"
		diffmode=$firstbad
		rm -f "$d/prog"
		rm -rf "$OUT/fail-$seed"
		mv "$d" "$OUT/fail-$seed"
		echo "seed $seed: MISMATCH in$bad; $note; kept $OUT/fail-$seed"
		diff "$OUT/fail-$seed/go.out" "$OUT/fail-$seed/rgo-$diffmode.out" | head -6
	else
		rm -rf "$d"
	fi
done
echo "escfuzz: $ran programs (seeds $FIRST..$((FIRST + N - 1)), size $SIZE), $runs rgo runs in modes: $MODES; $fails failing: ${failed_seeds[*]:-none}"
[ "$fails" = 0 ]
