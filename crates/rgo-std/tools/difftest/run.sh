#!/bin/sh
# Differential tests: our plain-Go std packages (with test-only Go shims for
# their natives) against the real Go packages, on many inputs.
# Usage: tools/difftest/run.sh   (from anywhere; needs a Go toolchain)
set -e
GO=${GO:-/tmp/govenv/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../go" && pwd)
out=${DIFFTEST_DIR:-/tmp/rgo-difftest}
rm -rf "$out"
mkdir -p "$out"
printf 'module difftest\n\ngo 1.27\n' > "$out/go.mod"
PKGS="internal/bytealg internal/ziggurat hash hash/fnv hash/crc32 encoding/binary encoding/hex encoding/base64 math/rand/v2 fmt flag log encoding syscall os os/exec io/fs io/ioutil path/filepath math/rand unicode/utf16 internal/sortalgo time context sync sync/atomic io unicode unicode/utf8 strings bytes strconv math math/bits sort slices maps cmp container/list container/heap container/ring bufio path errors"
have=""
for p in $PKGS; do [ -d "$root/$p" ] && have="$have $p"; done
(cd "$here/prep" && $GO run . "$root" "$out" $have)
cp -r "$here/tests" "$out/tests"
cd "$out" && $GO vet ./x/... >/dev/null 2>&1 || true
cd "$out" && $GO test -count=1 ./tests/... "$@"
