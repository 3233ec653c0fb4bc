#!/usr/bin/env python3
"""Regenerates gc_cases.rs: the expected scanner output for each case below,
taken from real Go.

Tokens and errors come from gcscan (gc's own scanner, built by
gcscan/regen.sh); for every case with errors, `go build` is run too, its
output is quoted above the case, and the script checks that the lexical
errors go build prints are exactly gcscan's (after gc's rule of printing an
equal message only once per line).

It also writes random.in, a few hundred random byte strings made of
fragments that stress the scanner (separated by "\\x01\\n", which no
fragment contains), and random.golden, gcscan's dump of each.

usage (from this directory, with `go` on PATH):
    gcscan/regen.sh /tmp/gcscan
    ./gen_cases.py /tmp/gcscan > gc_cases.rs
"""
import os, re, subprocess, sys, tempfile

P = "package p; "

# (test name, doc line, cases). A case is str or bytes (source text).
GROUPS = [
 ("operators", "Every operator and punctuation, longest match first.", [
   P + "var _ = a + b - c * d / e % f & g | h ^ i << j >> k &^ l && m || n",
   P + "var _ = a == b != c < d <= e > f >= g",
   P + "func f() { x += 1; x -= 1; x *= 1; x /= 1; x %= 1; x &= 1; x |= 1; x ^= 1; x <<= 1; x >>= 1; x &^= 1 }",
   P + "func f() { x++; x--; y := <-c; c <- !b; g(a...); v := T{}[0] }",
   P + "type C interface{ ~int | ~string }; var _ = a.b; var _ = a./*c*/b",
   P + "var _ = x&^^y&&&z||||w<<<-c>>>=1",
   P + "var _ = a....b",
   P + "var _ = 1..2",
 ]),
 ("keywords_and_identifiers", "All 25 keywords; identifiers with Unicode letters and Nd digits.", [
   "break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var",
   P + "var _, _x9, X_, αβ, x٣, ǅ, ʰ, 中文, breaks, _break, Func = 0",
   P + "var ℝ, ǈx, ɐ = 1, 2, 3",
 ]),
 ("semicolon_insertion", "Automatic semicolons: after a line's final identifier, literal, break/continue/fallthrough/return, ++ -- ) ] }; not after other tokens.", [
   "a\n1\n2.5\n3i\n'c'\n\"s\"\n`r`\nbreak\ncontinue\nfallthrough\nreturn\nx++\nx--\n)\n]\n}\n",
   "goto\nfunc\nif\n+\n(\n[\n{\n,\n.\n:=\n",
   "x // comment\ny /* one line */\nz /* two\nlines */ w\nv /* two\nlines, no semi before */\n",
   "a\n\n\n\tb\r\n}",
   "x // comment at EOF",
   "package p\nx /* unterminated\n",
   "x; y;\nz ;\n",
   "return /*\n*/ 1",
   "+ /*\n*/ 1",
 ]),
 ("integer_literals", "Integer literals in every base, with separators.", [
   P + "var _ = []int{0, 123, 1_000_000, 0x1F, 0X_1f, 0xdead_BEEF, 0o17, 0O1_7, 017, 0_17, 0b101, 0B_1_0, 00}",
 ]),
 ("float_literals", "Decimal and hexadecimal floats.", [
   P + "var _ = []float64{1.5, 1., .5, 0.0, 1e9, 1E+9, 1.5e-3, 1_0.2_5e1_0, 089.5, 09e1, 0x1p-2, 0x1.8p1, 0X.8P0, 0x_1p0, 0x1_0.0_1P+1_0, 0x1.p1}",
 ]),
 ("imaginary_literals", "Imaginary literals; a legacy-octal-looking mantissa is decimal.", [
   P + "var _ = []complex128{0i, 1i, 1.5i, 1e3i, 0x1p2i, 017i, 089i, 0o17i, 0b1i, 0xFi, .5i, 1_0i}",
 ]),
 ("rune_literals", "Rune literals with every escape form.", [
   P + "var _ = []rune{'a', 'é', '世', '\\'', '\\\\', '\\a', '\\b', '\\f', '\\n', '\\r', '\\t', '\\v', '\\000', '\\377', '\\x41', '\\xfF', '\\u00e9', '\\U0001F600', '\"'}",
 ]),
 ("string_literals", "Interpreted and raw strings; raw strings keep newlines, escapes and carriage returns as written.", [
   P + "var _ = []string{\"\", \"abc\", \"\\\"\", \"\\a\\b\\f\\n\\r\\t\\v\\\\\", \"\\377\\x41\\u00e9\\U0001F600\", \"世界\", \"'\"}",
   P + "var _ = []string{``, `a\\nb`, `multi\nline`, `with\r\ncr`, `\"`}\n",
 ]),
 # ---- errors ----
 ("invalid_characters", "Characters that start no token.", [
   P + "var _ = 1 @ 2",
   P + "var _ = #x $y ?z",
   P + "var _ = a \\ b",
   P + "var _ = a \x07 b \x7f c",
 ]),
 ("identifier_errors", "Non-ASCII characters that are not letters are taken into identifiers, with an error.", [
   P + "var _ = ٣x",
   P + "var a·b = 1",
   P + "var a\u200bb = 1",
   P + "var _ = 1 → 2",
 ]),
 ("string_errors", "Unterminated and broken strings.", [
   P + "var _ = \"abc\nvar _ = 1\n",
   P + "var _ = \"abc",
   P + "var _ = `abc",
   P + "var _ = `abc\n\n",
 ]),
 ("rune_errors", "Broken rune literals.", [
   P + "var _ = ''",
   P + "var _ = 'ab'",
   P + "var _ = '\\n\\t'",
   P + "var _ = 'a\nvar _ = 1\n",
   P + "var _ = '\nvar _ = 1\n",
   P + "var _ = 'a",
   P + "var _ = '",
   P + "var _ = '''",
 ]),
 ("escape_errors", "Escapes: unknown, malformed, out of range.", [
   P + "var _ = \"\\q\"",
   P + "var _ = '\\\"'",
   P + "var _ = \"\\'\"",
   P + "var _ = \"\\xg0\"",
   P + "var _ = \"\\x4\"",
   P + "var _ = '\\8'",
   P + "var _ = \"\\08\"",
   P + "var _ = \"\\u12G4\"",
   P + "var _ = \"\\U0000é\"",
   P + "var _ = \"\\400\"",
   P + "var _ = \"\\777\"",
   P + "var _ = \"\\uD800\"",
   P + "var _ = '\\uDFFF'",
   P + "var _ = \"\\U00110000\"",
   P + "var _ = \"\\UFFFFFFFF\"",
   P + "var _ = \"\\x\nvar _ = 1\n",
   P + "var _ = \"\\",
   P + "var _ = \"\\u00",
 ]),
 ("number_errors", "Malformed number literals.", [
   P + "var _ = 0b1.0",
   P + "var _ = 0o7.1",
   P + "var _ = 0x",
   P + "var _ = 0b",
   P + "var _ = 0o",
   P + "var _ = 0x.p1",
   P + "var _ = 0b1e1",
   P + "var _ = 0o1E1",
   P + "var _ = 1p2",
   P + "var _ = 0o1p1",
   P + "var _ = 017p1",
   P + "var _ = 1e",
   P + "var _ = 1e+",
   P + "var _ = 0x1p",
   P + "var _ = 1.5E-i",
   P + "var _ = 0x1.5",
   P + "var _ = 0x.8",
   P + "var _ = 08",
   P + "var _ = 0129",
   P + "var _ = 0o8",
   P + "var _ = 0b102",
   P + "var _ = 1__2",
   P + "var _ = 1_",
   P + "var _ = 0x_1_",
   P + "var _ = 0_x1",
   P + "var _ = 1_.5",
   P + "var _ = 1._5",
   P + "var _ = 1e_1",
   P + "var _ = 0x1p1_",
   P + "var _ = 0b_",
   P + "var _ = 09_",
 ]),
 ("comment_errors", "Unterminated general comment.", [
   P + "var _ = 1 /* no end\n\n",
   P + "var _ = 1 /* no end */ /*",
 ]),
 ("bom_nul_utf8", "Byte order marks, NUL bytes and invalid UTF-8, anywhere.", [
   b"\xef\xbb\xbf" + P.encode() + b"var _ = 1",
   P.encode() + b"var _ = 1 \xef\xbb\xbf+ 2",
   P.encode() + b"var _ = \"a\xef\xbb\xbfb\"",
   b"\xef\xbb\xbf\xef\xbb\xbf" + P.encode(),
   P.encode() + b"var _ = 1 \x00+ 2",
   P.encode() + b"var a\x00b = \"x\x00y\" // \x00",
   b"\x00" + P.encode(),
   P.encode() + b"var _ = 1 \xff+ 2",
   P.encode() + b"var _ = \"\xc3(\" /* \xed\xa0\x80 */",
   P.encode() + b"var a\xffb = '\xc0\xaf'",
   P.encode() + b"var _ = 1 \xf0\x9f\x98",
 ]),
]

def unquote(s):
    """Go %+q output to bytes."""
    assert s[0] == '"' and s[-1] == '"'
    s = s[1:-1]
    out = bytearray(); i = 0
    simple = {'a': 7, 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11, '\\': 92, '"': 34}
    while i < len(s):
        c = s[i]
        if c != '\\':
            out += c.encode(); i += 1; continue
        e = s[i + 1]
        if e in simple:
            out.append(simple[e]); i += 2
        elif e == 'x':
            out.append(int(s[i+2:i+4], 16)); i += 4
        elif e == 'u':
            out += chr(int(s[i+2:i+6], 16)).encode(); i += 6
        elif e == 'U':
            out += chr(int(s[i+2:i+10], 16)).encode(); i += 10
        else:
            raise ValueError(s)
    return bytes(out)

def render(dump):
    """gcscan output for one file -> the test's rendering."""
    toks, errs = [], []
    for line in dump:
        if line.startswith("E "):
            errs.append(line[2:]); continue
        pos, kind, *rest = line.split(" ", 2)
        rest = rest[0] if rest else ""
        if kind == "EOF":
            break
        if kind == "S":
            toks.append({"semicolon": ";", "newline": ";nl@" + pos, "EOF": ";eof@" + pos}[rest]); continue
        if kind in ("K", "O"):
            toks.append(rest); continue
        text = unquote(rest).decode("utf-8", "replace").replace("\n", "\\n").replace("\r", "\\r")
        if kind == "I":
            toks.append(text)
        else:
            toks.append({"LInt": "int", "LFloat": "float", "LImag": "imag", "LRune": "char", "LString": "string"}[kind] + ":" + text)
    return "\n".join([" ".join(toks)] + errs), errs

def gc_print_filter(errs):
    """gc prints errors sorted by position, an equal message once per line."""
    def key(e):
        l, c, _ = e.split(":", 2); return (int(l), int(c))
    out, last = [], None
    for e in sorted(errs, key=key):  # stable, as gc's sort
        line, msg = e.split(":", 1)[0], e.split(": ", 1)[1]
        if last == (line, msg):
            continue
        last = (line, msg); out.append(e)
    return out

LEXICAL = re.compile(r"invalid |identifier cannot|newline in|not terminated|rune literal|unknown escape|escape is invalid|octal escape|has no digits|exponent|mantissa|must separate")

def go_run(src, cmd):
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "x.go"), "wb").write(src)
        r = subprocess.run(["go"] + cmd + ["x.go"], cwd=d, capture_output=True, text=True,
                           env=dict(os.environ, GO111MODULE="off", GOFLAGS=""))
        return [l.replace(d, "TMP") for l in (r.stdout + r.stderr).splitlines() if not l.startswith("#")]

def lexical_errors(printed):
    return [l.split(":", 1)[1] for l in printed if LEXICAL.search(l.split(": ", 1)[-1]) and "syntax error" not in l]

def rust_str(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif ch == '\n': out.append('\\n')
        elif ch == '\r': out.append('\\r')
        elif ch == '\t': out.append('\\t')
        elif o < 0x20 or o == 0x7f or ch in '\u200b\ufeff': out.append('\\u{%x}' % o)
        else: out.append(ch)
    out.append('"'); return "".join(out)

def rust_bytes(b):
    out = ['b"']
    for x in b:
        c = chr(x)
        if c == '\\': out.append('\\\\')
        elif c == '"': out.append('\\"')
        elif c == '\n': out.append('\\n')
        elif 0x20 <= x < 0x7f: out.append(c)
        else: out.append('\\x%02x' % x)
    out.append('"'); return "".join(out)

FRAGS = ["0x", "0X", "0b", "0B", "0o", "0O", "0", "1", "7", "8", "9", "_", "__", ".", "...", "e", "E",
    "p", "P", "+", "-", "i", "f", "A", "'", "\"", "`", "\\", "x", "u", "U", "\n", "\r", "\r\n", "/", "*",
    "//", "/*", "*/", " ", "\t", b"\x00", "\ufeff", b"\xff", b"\xc3", b"\xed\xa0\x80", "é", "٣", "·",
    "\u200b", "☹", "a", "b", "break", "return", "fallthrough", "continue", "}", ")", "]", "{", "(", "[",
    "&", "^", "|", "<", ">", "=", "!", ":", ";", ",", "~", "%", "@", "#", "$", "?", "\x07", "\x7f",
    "\\x", "\\u", "\\U", "\\0", "\\377", "\\400", "\\uD800", "\\U00110000", "\\'", '\\"',
    "abc", "123", "1.5", "0x1p-2", "1e+9", "//go:x", "//line ", "//export "]

def random_inputs(n):
    import random
    rnd = random.Random(20261121)
    frags = [f if isinstance(f, bytes) else f.encode() for f in FRAGS]
    out = []
    while len(out) < n:
        b = b"".join(rnd.choice(frags) for _ in range(rnd.randint(1, 25)))
        # gc's scanner miscounts lines after rewinding from ".." (see
        # scanner.rs); rgo does not copy that, so leave such inputs out.
        if b".." not in b:
            out.append(b)
    return out

def write_random(gcscan, n):
    here = os.path.dirname(os.path.abspath(__file__))
    inputs = random_inputs(n)
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, b in enumerate(inputs):
            p = os.path.join(d, "r%d.go" % i); open(p, "wb").write(b); paths.append(p)
        out = subprocess.run([gcscan] + paths, capture_output=True).stdout
        out = out.replace(d.encode() + b"/", b"")
    open(os.path.join(here, "random.in"), "wb").write(b"\x01\n".join(inputs))
    open(os.path.join(here, "random.golden"), "wb").write(out)

def main():
    gcscan = sys.argv[1]
    write_random(gcscan, 300)
    print("// @generated by tests/scanner_data/gen_cases.py from gc's scanner (gcscan) and")
    print("// `go build` (go version: %s). Do not edit; edit the script." % subprocess.run(["go", "env", "GOVERSION"], capture_output=True, text=True).stdout.strip())
    for name, doc, cases in GROUPS:
        srcs = [c if isinstance(c, bytes) else c.encode() for c in cases]
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for i, s in enumerate(srcs):
                p = os.path.join(d, "c%d.go" % i); open(p, "wb").write(s); paths.append(p)
            out = subprocess.run([gcscan] + paths, capture_output=True, text=True, errors="surrogateescape").stdout
        dumps = [blk.splitlines()[1:] for blk in out.split("FILE ")[1:]]
        assert len(dumps) == len(srcs)
        all_bytes = any(isinstance(c, bytes) for c in cases)
        print()
        print("/// %s" % doc)
        print("#[test]")
        print("fn %s() {" % name)
        print("    %s(&[" % ("check_bytes" if all_bytes else "check"))
        for src, dump in zip(srcs, dumps):
            want, errs = render(dump)
            if errs:
                expect = gc_print_filter(errs)
                printed = go_run(src, ["build"])
                for l in printed:
                    print("        // go build: %s" % l)
                if lexical_errors(printed) != expect:
                    # The go command itself may reject the file before the
                    # compiler sees it (a NUL in the import header): then
                    # ask the compiler directly.
                    printed = go_run(src, ["tool", "compile", "-p", "p", "-o", "x.o"])
                    for l in printed:
                        print("        // go tool compile: %s" % l)
                    if lexical_errors(printed) != expect:
                        sys.exit("go and gcscan disagree on %r:\n%s\n%s" % (src, printed, expect))
            s = rust_bytes(src) if all_bytes else rust_str(src.decode())
            print("        (%s, %s)," % (s, rust_str(want)))
        print("    ]);")
        print("}")

main()
