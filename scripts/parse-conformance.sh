#!/usr/bin/env bash
# The parser conformance test: on each Go tree that is installed, the set
# of files `rgo tool parse` rejects must equal the set go/parser rejects,
# committed in conformance/parse/NAME.rejected (scripts/regen-parse-expectations.sh).
#
#   scripts/parse-conformance.sh [--release]
#
# Trees: GOROOT/src of the go found in PATH or /tmp/govenv (its list is
# picked by `go env GOVERSION`; no list for that version is a failure),
# /usr/share/go-1.19/src and /usr/share/go-1.19/test. A tree that is not
# installed is skipped with a message. For each tree it prints the files
# rgo wrongly rejects (with rgo's first error) and wrongly accepts, then a
# summary line. Exit status 1 on any difference, 0 otherwise.
# RGO=path/to/rgo uses that binary instead of building one.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
cd "$root"
export LC_ALL=C
SHOW=${SHOW:-40} # how many wrongly rejected/accepted files to print per tree

rgo=${RGO:-}
if [ -z "$rgo" ]; then
	rgo=$(build_rgo "$@")
	[ -x "$rgo" ] || { echo "parse-conformance: could not build rgo" >&2; exit 1; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# show_list TITLE FILE [DETAILS]: prints the count and up to SHOW entries;
# DETAILS maps a path to its first rgo error.
show_list() {
	local n
	n=$(wc -l <"$2")
	[ "$n" -eq 0 ] && return
	echo "  $1: $n"
	if [ -n "${3:-}" ]; then
		join -t $'\t' "$2" "$3" | head -n "$SHOW" | sed 's/^/    /; s/\t/:/'
	else
		head -n "$SHOW" "$2" | sed 's/^/    /'
	fi
	[ "$n" -gt "$SHOW" ] && echo "    ... and $((n - SHOW)) more (SHOW=$n to list all)"
	return 0
}

# check_tree NAME DIR: compares one tree; returns 1 on a difference.
check_tree() {
	local name=$1 dir=$2 list="conformance/parse/$1.rejected" t="$work/$1"
	mkdir -p "$t"
	if [ ! -f "$list" ]; then
		echo "$name: FAIL: no expectation list $list for this tree."
		echo "  Lists committed: $(cd conformance/parse && ls -- *.rejected | tr '\n' ' ')"
		echo "  A GOROOT list is per go version: generate one with scripts/regen-parse-expectations.sh"
		echo "  (with that go first in PATH), or put the go of a committed list first in PATH."
		return 1
	fi
	local status=0
	"$rgo" tool parse "$dir" >"$t/out" 2>"$t/err" || status=$?
	if [ "$status" -gt 1 ] || [ -s "$t/err" ]; then
		echo "$name: FAIL: rgo tool parse exited $status"
		sed 's/^/    /' "$t/err" | head -n 20
		return 1
	fi
	# "DIR/REL:LINE:COL: MSG" -> "REL<TAB>LINE:COL: MSG", first error per file.
	awk -v p="$dir/" '
		index($0, p) == 1 {
			rest = substr($0, length(p) + 1)
			if (match(rest, /:[0-9]+:[0-9]+: /) && !seen[f = substr(rest, 1, RSTART - 1)]++)
				print f "\t" substr(rest, RSTART + 1)
		}' "$t/out" | sort -t $'\t' -k1,1 >"$t/first-errors"
	cut -f1 "$t/first-errors" >"$t/rgo-rejects"
	grep -v '^#' "$list" | sort >"$t/go-rejects"
	comm -23 "$t/rgo-rejects" "$t/go-rejects" >"$t/wrongly-rejected"
	comm -13 "$t/rgo-rejects" "$t/go-rejects" >"$t/wrongly-accepted"

	local summary files bytes want_files want_bytes ok=1
	summary=$(tail -n 1 "$t/out")
	read -r files bytes < <(sed -E 's/^parsed ([0-9]+) files \(([0-9]+) bytes\).*/\1 \2/' <<<"$summary")
	want_files=$(header_field "$list" files)
	want_bytes=$(header_field "$list" bytes)
	show_list "wrongly rejected (go/parser accepts; rgo's first error shown)" "$t/wrongly-rejected" "$t/first-errors"
	show_list "wrongly accepted (go/parser rejects)" "$t/wrongly-accepted"
	if [ "$files $bytes" != "$want_files $want_bytes" ]; then
		echo "  the tree is not the one the list was made from: rgo parsed $files files ($bytes bytes), the list says $want_files files ($want_bytes bytes)"
		ok=0
	fi
	[ -s "$t/wrongly-rejected" ] || [ -s "$t/wrongly-accepted" ] && ok=0
	printf '%s: %s files (%s bytes): rgo rejects %s, go/parser %s; %s wrongly rejected, %s wrongly accepted: %s\n' \
		"$name" "$files" "$bytes" "$(wc -l <"$t/rgo-rejects")" "$(wc -l <"$t/go-rejects")" \
		"$(wc -l <"$t/wrongly-rejected")" "$(wc -l <"$t/wrongly-accepted")" "$([ $ok = 1 ] && echo PASS || echo FAIL)"
	[ $ok = 1 ]
}

failed=0 checked=0
while read -r name dir; do
	if [ "$dir" = - ]; then
		echo "$name: skipped: no go in PATH or /tmp/govenv"
		continue
	fi
	if [ ! -d "$dir" ]; then
		echo "$name: skipped: $dir is not installed"
		continue
	fi
	echo "== $name ($dir)"
	checked=$((checked + 1))
	check_tree "$name" "$dir" || failed=$((failed + 1))
done < <(conformance_trees)

echo "parse conformance: $checked trees checked, $failed failed"
[ "$failed" -eq 0 ]
