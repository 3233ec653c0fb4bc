#!/bin/sh
# Checks the `// ERROR "regexp"` annotations of errors/*.go against the real
# Go compiler: every error `go build` prints (first line of each) must be
# matched by an annotation on its line, and every annotation must match an
# error on its line. With -annotate FILE, (re)writes FILE's annotations from
# go build's output instead (each message's first line, regexp-escaped), and
# stores the full output in FILE.out (the harness compares columns with it).
#
# Usage: GO=/tmp/govenv/bin/go ./verify.sh [-annotate file.go]
set -e
GO=${GO:-/tmp/govenv/bin/go}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() { # file -> go build output in $tmp/out
	sed 's|[[:space:]]*// ERROR .*$||' "$1" > "$tmp/x.go"
	(cd "$tmp" && GOFLAGS= GO111MODULE=off "$GO" build -o /dev/null x.go > out 2>&1 || true)
}

if [ "$1" = "-annotate" ]; then
	run "$2"
	grep -v '^#' "$tmp/out" > "${2%.go}.out" || true
	python3 - "$2" "$tmp/out" <<'PY'
import re, sys
src, out = sys.argv[1], sys.argv[2]
errs = {}
for l in open(out):
    m = re.match(r'^\./x\.go:(\d+):(\d+): (.*)$', l.rstrip('\n'))
    if m and m.group(3) != 'too many errors':
        errs.setdefault(int(m.group(1)), []).append(m.group(3))
lines = open(src).read().split('\n')
out_lines = []
for i, line in enumerate(lines, 1):
    line = re.sub(r'\s*// ERROR .*$', '', line)
    if i in errs:
        pats = ' '.join('"%s"' % re.sub(r'([\\.+*?()\[\]{}|^$])', r'\\\1', m).replace('\\', '\\\\').replace('"', '\\"') for m in errs[i])
        line += ' // ERROR ' + pats
    out_lines.append(line)
open(src, 'w').write('\n'.join(out_lines))
PY
	exit 0
fi

status=0
for f in "$here"/errors/*.go; do
	run "$f"
	python3 - "$f" "$tmp/out" <<'PY' || status=1
import re, sys
src, out = sys.argv[1], sys.argv[2]
errs = {}
for l in open(out):
    m = re.match(r'^\./x\.go:(\d+):(\d+): (.*)$', l.rstrip('\n'))
    if m and m.group(3) != 'too many errors':
        errs.setdefault(int(m.group(1)), []).append(m.group(3))
anns = {}
for i, line in enumerate(open(src).read().split('\n'), 1):
    m = re.search(r'// ERROR (.*)$', line)
    if m:
        pats = [p.replace('\\\\', '\x00').replace('\\"', '"').replace('\x00', '\\') for p in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))]
        anns[i] = pats
bad = False
for ln, ms in errs.items():
    for msg in ms:
        if not any(re.search(p, msg) for p in anns.get(ln, [])):
            print('%s:%d: go reports unannotated error: %s' % (src, ln, msg)); bad = True
for ln, ps in anns.items():
    for p in ps:
        if not any(re.search(p, msg) for msg in errs.get(ln, [])):
            print('%s:%d: annotation %r matches no go error' % (src, ln, p)); bad = True
sys.exit(1 if bad else 0)
PY
done
# Type dumps: every line of ok/*.types must be what the real go/types
# records (gotypes_dump prints the same format). Lines go/types has and we
# lack are allowed (the syntax tree has no node for them, e.g. an interface
# method's signature); expression texts of function literals differ in
# spelling between go/ast and gc's syntax package and are skipped.
(cd "$here/gotypes_dump" && GOFLAGS= "$GO" build -o "$tmp/dump" main.go)
for t in "$here"/ok/*.types; do
	g="${t%.types}.go"
	"$tmp/dump" "$g" > "$tmp/go.types"
	python3 - "$t" "$tmp/go.types" <<'PY' || status=1
import sys
ours = [l for l in open(sys.argv[1]).read().splitlines() if '{…}' not in l and ' func(' not in l.split(' ', 1)[1][:5]]
theirs = set(open(sys.argv[2]).read().splitlines())
bad = [l for l in ours if l not in theirs]
for l in bad:
    print('%s: not what go/types records: %s' % (sys.argv[1], l))
sys.exit(1 if bad else 0)
PY
done
[ $status = 0 ] && echo "verify.sh: all annotations and type dumps agree with $($GO version)"
exit $status
