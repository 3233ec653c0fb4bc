#!/usr/bin/env python3
"""Shrinks a Go program on which rgo and real Go disagree, keeping the
disagreement (a line-based delta debugger for gen.py's programs).

    tools/escfuzz/reduce.py IN.go OUT.go [MODE]

MODE is plain (default), stress (RGODEBUG=gcstress=1,clobberdead=1,
stackmove=1), nostackobj or noinline. A candidate is kept when real Go
still builds it, and Go's stdout and exit status still differ from rgo's
in that mode (any difference counts, so check the result's output by
eye). It deletes brace-balanced blocks (whole functions, loops, if
statements, closures) and then single lines, largest first, to a fixpoint;
a deletion that leaves a variable or import unused also deletes the
declaring line. Environment: RGO, GO as for run.sh; RGO_TIMEOUT (seconds,
default 120: an rgo run that takes longer counts as a difference).
"""

import os
import re
import subprocess
import sys
import tempfile

RGO = os.environ.get('RGO') or os.path.join(os.environ.get('CARGO_TARGET_DIR', '/work/target-fuzz'),
                                            'release/rgo')
GO = os.environ.get('GO') or '/tmp/govenv/bin/go'
MODES = {
    'plain': {},
    'stress': {'RGODEBUG': 'gcstress=1,clobberdead=1,stackmove=1'},
    'nostackobj': {'RGO_NOSTACKOBJ': '1'},
    'noinline': {'RGO_NOINLINE': '1'},
}

work = tempfile.mkdtemp(prefix='escreduce')
src = os.path.join(work, 'main.go')
tries = 0


def build(lines):
    """Writes the program; returns None if Go builds it, else the error."""
    with open(src, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    # rgo's checker first: it is ~10x faster than go build
    r = subprocess.run([RGO, 'build', 'main.go'], cwd=work, capture_output=True, text=True)
    if r.returncode != 0:
        return r.stderr + r.stdout or 'error'
    r = subprocess.run([GO, 'build', '-o', 'prog', 'main.go'], cwd=work, capture_output=True, text=True,
                       env=dict(os.environ, GOFLAGS=''))
    if r.returncode != 0:
        return r.stderr or 'error'
    return None


def run(cmd, env, t):
    try:
        r = subprocess.run(cmd, cwd=work, capture_output=True, env=env, timeout=t)
        return r.stdout, 0 if r.returncode == 0 else 1
    except subprocess.TimeoutExpired:
        return None, None


def interesting(lines, mode):
    global tries
    tries += 1
    err = build(lines)
    fixes = 0
    while err is not None:
        # a deletion that leaves something unused: delete its declaration
        m = re.findall(r'main\.go:(\d+):\d+: (?:declared and not used|"\w+" imported and not used)', err)
        if not m or fixes > 4:
            return None
        fixes += 1
        drop = {int(x) - 1 for x in m}
        lines = [l for i, l in enumerate(lines) if i not in drop]
        err = build(lines)
    gout, gexit = run(['./prog'], dict(os.environ), 20)
    if gout is None:
        return None
    env = dict(os.environ)
    env.update(MODES[mode])
    rout, rexit = run([RGO, 'run', 'main.go'], env, int(os.environ.get('RGO_TIMEOUT', '120')))
    if rout is not None and rout == gout and rexit == gexit:
        return None
    return lines


def blocks(lines):
    """(start, end) of each brace-balanced block, end inclusive."""
    out = []
    stack = []
    for i, l in enumerate(lines):
        s = l.strip()
        opens = s.endswith('{') and not s.startswith('}')
        closes = s.startswith('}') and not s.endswith('{')
        if closes and stack:
            out.append((stack.pop(), i))
        if opens:
            stack.append(i)
    return out


def main():
    lines = open(sys.argv[1]).read().split('\n')
    while lines and lines[-1] == '':
        lines.pop()
    dst = sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else 'plain'
    got = interesting(lines, mode)
    if got is None:
        sys.exit('reduce: the input does not show a difference in mode %s' % mode)
    lines = got
    changed = True
    failed = set()
    while changed:
        changed = False
        # blocks, largest first
        for (a, b) in sorted(blocks(lines), key=lambda x: x[0] - x[1]):
            if b >= len(lines):
                continue
            key = tuple(lines[a:b + 1])
            if key in failed:
                continue
            cand = lines[:a] + lines[b + 1:]
            got = interesting(cand, mode)
            if got is None:
                failed.add(key)
            if got is not None:
                lines = got
                changed = True
                open(dst, 'w').write('\n'.join(lines) + '\n')
                print('reduce: %d lines (%d tries)' % (len(lines), tries), file=sys.stderr)
                break
        if changed:
            continue
        # single lines, from the end (uses go before declarations)
        i = len(lines) - 1
        while i >= 0:
            s = lines[i].strip()
            if s and not s.endswith('{') and not s.startswith('}') and s not in ('import (', ')') \
                    and not s.startswith('package'):
                cand = lines[:i] + lines[i + 1:]
                got = interesting(cand, mode)
                if got is not None:
                    lines = got
                    changed = True
                    open(dst, 'w').write('\n'.join(lines) + '\n')
                    print('reduce: %d lines (%d tries)' % (len(lines), tries), file=sys.stderr)
            i = min(i, len(lines)) - 1
    open(dst, 'w').write('\n'.join(lines) + '\n')
    print('reduce: done, %d lines, %d tries; %s' % (len(lines), tries, dst), file=sys.stderr)


if __name__ == '__main__':
    main()
