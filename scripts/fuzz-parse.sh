#!/usr/bin/env bash
# Fuzzes rgo's parser (fuzz target `parse`, fuzz/fuzz_targets/parse.rs) with
# cargo-fuzz and libFuzzer.
#
#   scripts/fuzz-parse.sh [seconds]      (default 60)
#
# Seeds fuzz/corpus/parse (gitignored; kept between runs, so a campaign
# resumes) with a sample of GOROOT .go files, every file go/parser rejects
# (conformance/parse/*.rejected: the error paths), and generated
# deep-nesting files, then runs the target for the given time. A crash is
# saved in fuzz/artifacts/parse/; reproduce it with
#   cargo +nightly fuzz run parse fuzz/artifacts/parse/crash-...
# Needs cargo-fuzz (cargo install cargo-fuzz) and a nightly toolchain; with
# no nightly it falls back to RUSTC_BOOTSTRAP=1 on the default toolchain.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
secs=${1:-60}
SAMPLE=${SAMPLE:-400}     # GOROOT files to seed with
MAX_LEN=${MAX_LEN:-65536} # longest input libFuzzer generates
corpus="$root/fuzz/corpus/parse"
mkdir -p "$corpus"

command -v cargo-fuzz >/dev/null || { echo "fuzz-parse: cargo-fuzz missing: cargo install cargo-fuzz" >&2; exit 1; }
if rustup run nightly rustc --version >/dev/null 2>&1; then
	fuzz=(cargo +nightly fuzz)
else
	echo "fuzz-parse: no nightly toolchain; using RUSTC_BOOTSTRAP=1"
	export RUSTC_BOOTSTRAP=1
	fuzz=(cargo fuzz)
fi

# seed_goroot: every (n/SAMPLE)-th .go file of GOROOT/src, plus the
# rejected files of every tree that is installed.
seed_goroot() {
	local go dir n step
	go=$(find_go)
	[ -n "$go" ] || { echo "fuzz-parse: no go found: no GOROOT seeds"; return 0; }
	dir="$("$go" env GOROOT)/src"
	n=$(find "$dir" -name '*.go' -type f | wc -l)
	step=$(((n + SAMPLE - 1) / SAMPLE))
	find "$dir" -name '*.go' -type f -size -64k | LC_ALL=C sort | awk -v s="$step" 'NR % s == 0' |
		while read -r f; do cp "$f" "$corpus/goroot-$(echo "${f#"$dir"/}" | tr / _)"; done
	conformance_trees | while read -r name tree; do
		[ -d "$tree" ] && [ -f "$root/conformance/parse/$name.rejected" ] || continue
		grep -v '^#' "$root/conformance/parse/$name.rejected" | while read -r rel; do
			cp "$tree/$rel" "$corpus/rejected-$name-$(echo "$rel" | tr / _)"
		done
	done
}

# repeat S N: S written N times.
repeat() {
	local i
	for ((i = 0; i < $2; i++)); do printf '%s' "$1"; done
}

# seed_deep: files that nest deeper than the parser's first, shallow limit,
# and one deeper than any limit.
seed_deep() {
	{ printf 'package p\nvar x = '; repeat '(' 3000; printf 1; repeat ')' 3000; echo; } >"$corpus/deep-parens.go"
	{ printf 'package p\nfunc f() {\n'; repeat '{' 2000; repeat '}' 2000; echo '}'; } >"$corpus/deep-blocks.go"
	{ printf 'package p\nvar x '; repeat '[]*' 2000; echo int; } >"$corpus/deep-types.go"
	{ printf 'package p\nvar x = '; repeat 'func() int { return ' 500; printf 1; repeat ' }()' 500; echo; } >"$corpus/deep-funclits.go"
	{ printf 'package p\nvar x = '; repeat '-' 30000; echo 1; } >"$corpus/deep-unary-over-limit.go"
	{ printf 'package p\nvar x = '; repeat '[' 30000; } >"$corpus/deep-unclosed.go"
}

section "seeding $corpus"
seed_goroot
seed_deep
echo "$(find "$corpus" -type f | wc -l) inputs in the corpus"

section "cargo fuzz run parse for $secs s"
cd "$root/fuzz"
"${fuzz[@]}" run parse "$corpus" -- \
	-max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -max_len="$MAX_LEN" -print_final_stats=1
