#!/usr/bin/env bash
# Fuzzes rgo's type checker (fuzz target `check`, fuzz/fuzz_targets/check.rs:
# parse as gc does, then rgo_types::check_package, with a fake importer
# serving one small package "q") with cargo-fuzz and libFuzzer.
#
#   scripts/fuzz-check.sh [seconds]      (default 60)
#
# Seeds fuzz/corpus/check (gitignored; kept between runs, so a campaign
# resumes) with Go 1.19's test programs (/usr/share/go-1.19/test: the
# errorcheck ones exercise the error paths), rgo-types' own test files, and
# a sample of GOROOT .go files, each under 64 KiB; then runs the target for
# the given time. A crash is saved in fuzz/artifacts/check/; reproduce it with
#   cargo +nightly fuzz run check fuzz/artifacts/check/crash-...
# Extra libFuzzer flags go in FUZZ_FLAGS, e.g. FUZZ_FLAGS="-fork=1
# -ignore_crashes=1" to keep going after a crash and collect them all.
# Needs cargo-fuzz (cargo install cargo-fuzz) and a nightly toolchain; with
# no nightly it falls back to RUSTC_BOOTSTRAP=1 on the default toolchain.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
root=$(repo_root)
secs=${1:-60}
SAMPLE=${SAMPLE:-300}     # GOROOT files to seed with
MAX_LEN=${MAX_LEN:-16384} # longest input libFuzzer generates
corpus="$root/fuzz/corpus/check"
mkdir -p "$corpus"

command -v cargo-fuzz >/dev/null || { echo "fuzz-check: cargo-fuzz missing: cargo install cargo-fuzz" >&2; exit 1; }
if rustup run nightly rustc --version >/dev/null 2>&1; then
	fuzz=(cargo +nightly fuzz)
else
	echo "fuzz-check: no nightly toolchain; using RUSTC_BOOTSTRAP=1"
	export RUSTC_BOOTSTRAP=1
	fuzz=(cargo fuzz)
fi

# seed DIR PREFIX [STEP]: every STEP-th .go file under DIR (all by default).
seed() {
	[ -d "$1" ] || return 0
	find "$1" -name '*.go' -type f -size -64k | LC_ALL=C sort | awk -v s="${3:-1}" 'NR % s == 0' |
		while read -r f; do
			rel=${f#"$1"/}
			cp "$f" "$corpus/$2-${rel//\//_}"
		done
}

section "seeding $corpus"
seed /usr/share/go-1.19/test go119test
seed "$root/crates/rgo-types/tests/testdata" rgotypes
go=$(find_go)
if [ -n "$go" ]; then
	src="$("$go" env GOROOT)/src"
	n=$(find "$src" -name '*.go' -type f | wc -l)
	seed "$src" goroot $(((n + SAMPLE - 1) / SAMPLE))
fi
echo "$(find "$corpus" -type f | wc -l) inputs in the corpus"

section "cargo fuzz run check for $secs s"
cd "$root/fuzz"
# shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
"${fuzz[@]}" run check "$corpus" -- \
	-max_total_time="$secs" -rss_limit_mb=4096 -timeout=20 -max_len="$MAX_LEN" -print_final_stats=1 ${FUZZ_FLAGS:-}
