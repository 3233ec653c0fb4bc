#!/usr/bin/env bash
# THE test command of rgo:
#
#   scripts/test.sh
#
# 1. cargo test --workspace (debug build): unit tests, golden tests, and the
#    command tests of crates/rgo/tests;
# 2. the parser conformance test (scripts/parse-conformance.sh) on the Go
#    trees that are installed: GOROOT/src of a go in PATH or /tmp/govenv,
#    /usr/share/go-1.19/{src,test}. It skips trees that are missing.
# 3. the type checker conformance test (scripts/types-conformance.sh): the
#    Go 1.19 suite programs in conformance/types/*-pass.txt must still pass.
#
# Every step runs even if an earlier one fails; the exit status is 1 if any failed.
set -uo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$(repo_root)" || exit 1

failed=()
section "cargo test --workspace"
cargo test --workspace || failed+=("cargo test")

section "parser conformance (scripts/parse-conformance.sh)"
scripts/parse-conformance.sh || failed+=("parser conformance")

section "type checker conformance (scripts/types-conformance.sh)"
scripts/types-conformance.sh || failed+=("type checker conformance")

section "rgo run conformance (scripts/run-conformance.sh)"
scripts/run-conformance.sh || failed+=("run conformance")

section "result"
if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED: ${failed[*]}"
	exit 1
fi
echo "all tests passed"
