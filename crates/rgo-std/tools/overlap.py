#!/usr/bin/env python3
"""Guard against Go's own source text in rgo's std Go sources.

rgo's rule: the code is written by us; only facts (tables, numbers,
messages, the exported API) carry over from Go. This script compares each of
our .go files under ../go/<pkg> with the non-test .go files of the same
directory in a Go source tree (GOROOT/src/<pkg>) and fails when a file
shares too much of its implementation text with Go.

Usage: python3 crates/rgo-std/tools/overlap.py GOROOT/src [-v]

A "body line" is a non-comment source line, whitespace-normalised, at least
MIN_BODY_CHARS long once string literals are emptied, that is expression rather than fact. Not body lines:
import lines; `type` lines; signature lines of exported functions and
methods; bodiless (native) function declarations; lines of const/var declarations at package level (their values are
Go's facts); field lines of exported struct types; interface method lines.
"""

import os
import re
import sys

# A line shorter than this (after normalising whitespace) is too generic to
# show copying: `return nil, err`, `if n < 0 {`, `}` ...
MIN_BODY_CHARS = 20
# A file fails when more than this share of its body lines also occurs,
# verbatim, somewhere in Go's files of the same package. Idioms such as
# `for i := 0; i < len(s); i++ {` are shared by chance; a fifth is not.
MAX_SHARE = 0.20
# A file fails when this many consecutive body lines are all shared: three
# identical statements in a row are a copied passage, not a coincidence.
MAX_RUN = 3
# Comment lines this long (normalised) must not occur in Go's files: prose,
# doc comments of exported API included, is ours to write.
MIN_COMMENT_CHARS = 40

# Our directories that have no namesake in GOROOT/src, mapped to the Go
# directories whose code they stand in for.
EXTRA_DIRS = {
    "internal/sortalgo": ["sort", "slices"],
}

EXPORTED_FUNC = re.compile(r"^func\s+(\([^)]*\)\s*)?([A-Za-z_][A-Za-z_0-9]*)")


def norm(s):
    return " ".join(s.split())


def split_code_comment(line, in_block):
    """Returns (code, comment, in_block) for one physical line.

    Strings and runes are skipped so `"//"` inside them is code; a block
    comment may span lines (in_block carries the state).
    """
    code, comment = [], []
    i, n = 0, len(line)
    quote = None
    while i < n:
        c = line[i]
        if in_block:
            end = line.find("*/", i)
            if end < 0:
                comment.append(line[i:])
                return "".join(code), "".join(comment), True
            comment.append(line[i:end])
            i = end + 2
            in_block = False
            continue
        if quote:
            code.append(c)
            if c == "\\" and quote != "`" and i + 1 < n:
                code.append(line[i + 1])
                i += 2
                continue
            if c == quote:
                quote = None
            i += 1
            continue
        if c in "\"'`":
            quote = c
            code.append(c)
            i += 1
            continue
        if line.startswith("//", i):
            comment.append(line[i + 2:])
            break
        if line.startswith("/*", i):
            in_block = True
            i += 2
            continue
        code.append(c)
        i += 1
    return "".join(code), "".join(comment), in_block


class Line:
    __slots__ = ("no", "code", "comment", "body")

    def __init__(self, no, code, comment, body):
        self.no, self.code, self.comment, self.body = no, code, comment, body


def classify(text):
    """Splits a Go file into lines, marking which code lines are body lines."""
    out = []
    in_block = False
    ctx = []  # one entry per open bracket: "fact", "iface", "xstruct", "body"
    sig_depth = 0  # open parens of a multi-line exported signature
    for no, raw in enumerate(text.split("\n"), 1):
        code, comment, in_block = split_code_comment(raw, in_block)
        c = norm(code)
        bare = STRING.sub('""', c)
        opens = bare.count("{") + bare.count("(")
        closes = bare.count("}") + bare.count(")")
        if sig_depth > 0:
            fact = True
            sig_depth += bare.count("(") - bare.count(")")
        else:
            fact = bool(c) and is_fact(c, ctx)
            if fact and c.startswith("func "):
                sig_depth = max(0, bare.count("(") - bare.count(")"))
        adjust(ctx, opens - closes, c)
        # String literals are facts (messages, formats), so they do not count
        # towards a line's length: `panic("long message")` is not a body line.
        body = bool(c) and not fact and len(STRING.sub('""', c)) >= MIN_BODY_CHARS
        out.append(Line(no, c, norm(comment), body))
    return out


STRING = re.compile(r'"(\\.|[^"\\])*"|`[^`]*`|\'(\\.|[^\'\\])*\'')


def is_fact(c, ctx):
    """Whether a code line is API or data (fact) rather than implementation."""
    if any(k == "fact" for k in ctx):
        return True
    if ctx and ctx[-1] in ("iface", "xstruct"):
        return True
    if re.match(r"^(import|package|type)\b", c):
        return True
    if not ctx and re.match(r"^(const|var)\b", c):
        return True
    if re.match(r"^const\b", c):
        return True  # a local constant is a fact too
    if c.startswith("func "):
        m = EXPORTED_FUNC.match(c)
        if m and m.group(2)[0].isupper():
            return True
        # A bodiless declaration is a native: its name and signature are
        # dictated by the binding (tools/natives.txt), not written by us.
        return not c.endswith("{") and c.count("(") == c.count(")")
    return False


def adjust(ctx, delta, c):
    """Maintains the context stack with one entry per open bracket."""
    if delta > 0:
        kind = "body"
        if any(k == "fact" for k in ctx):
            kind = "fact"
        elif re.search(r"\binterface\s*\{$", c):
            kind = "iface"
        elif re.match(r"^type\s+[A-Z]\w*(\[.*\])?\s+struct\s*\{$", c):
            kind = "xstruct"  # exported struct: its fields are API
        elif re.match(r"^type\s+\w+(\[.*\])?\s+struct\s*\{$", c):
            kind = "body"  # unexported struct: its fields are ours
        elif not ctx and re.match(r"^(const|var|import|type)\b", c):
            kind = "fact"  # a block, or a single spec with a composite value
        elif re.match(r"^const\s*\($", c):
            kind = "fact"  # a local constant block
        for _ in range(delta - 1):
            ctx.append("body")
        ctx.append(kind)
    elif delta < 0:
        for _ in range(min(-delta, len(ctx))):
            ctx.pop()


def go_files(d):
    try:
        names = sorted(os.listdir(d))
    except OSError:
        return []
    return [os.path.join(d, f) for f in names
            if f.endswith(".go") and not f.endswith("_test.go")]


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def go_sets(goroot_src, pkg):
    """Every normalised code line and comment line of Go's files for pkg."""
    code, comments = set(), set()
    for d in [pkg] + EXTRA_DIRS.get(pkg, []):
        for path in go_files(os.path.join(goroot_src, d)):
            for ln in classify(read(path)):
                if ln.code:
                    code.add(ln.code)
                if ln.comment:
                    comments.add(ln.comment)
    return code, comments


def check_file(path, gocode, gocomments):
    lines = classify(read(path))
    body = [ln for ln in lines if ln.body]
    shared = [ln for ln in body if ln.code in gocode]
    run = best = 0
    run_start = best_start = None
    for ln in body:
        if ln.code in gocode:
            if run == 0:
                run_start = ln.no
            run += 1
            if run > best:
                best, best_start = run, run_start
        else:
            run = 0
    copied = [ln for ln in lines
              if len(ln.comment) >= MIN_COMMENT_CHARS and ln.comment in gocomments]
    share = len(shared) / len(body) if body else 0.0
    return {
        "body": len(body), "shared": shared, "share": share,
        "run": best, "run_at": best_start, "comments": copied,
    }


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv[1:] if a != "-v"]
    if len(args) != 1:
        print("usage: overlap.py GOROOT/src [-v]", file=sys.stderr)
        return 2
    goroot_src = args[0]
    if not os.path.isdir(goroot_src):
        print(f"overlap: {goroot_src}: not a directory", file=sys.stderr)
        return 2
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "go")
    root = os.path.normpath(root)
    cache = {}
    failed = checked = 0
    max_share, max_file = 0.0, ""
    for dirpath, _, files in sorted(os.walk(root)):
        pkg = os.path.relpath(dirpath, root)
        for f in sorted(files):
            if not f.endswith(".go"):
                continue
            if pkg not in cache:
                cache[pkg] = go_sets(goroot_src, pkg)
            gocode, gocomments = cache[pkg]
            r = check_file(os.path.join(dirpath, f), gocode, gocomments)
            checked += 1
            rel = os.path.join(pkg, f)
            if r["share"] > max_share:
                max_share, max_file = r["share"], rel
            bad = (r["share"] > MAX_SHARE or r["run"] >= MAX_RUN or r["comments"])
            if bad:
                failed += 1
            if bad or verbose:
                mark = "FAIL" if bad else "ok  "
                print(f"{mark} {rel}: {len(r['shared'])}/{r['body']} body lines shared "
                      f"({r['share']:.0%}), longest run {r['run']}"
                      + (f" at line {r['run_at']}" if r["run"] else "")
                      + f", {len(r['comments'])} copied comment lines")
                if bad and verbose:
                    for ln in r["shared"]:
                        print(f"    {ln.no}: {ln.code}")
                    for ln in r["comments"]:
                        print(f"    {ln.no}: // {ln.comment}")
    print(f"overlap: {checked} files checked, {failed} failing; "
          f"max share {max_share:.0%} ({max_file}); limits: share <= {MAX_SHARE:.0%}, "
          f"run < {MAX_RUN}, no copied comment of >= {MIN_COMMENT_CHARS} chars")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
