package tests

import (
	"fmt"
	"strconv"
	"testing"
	"unicode/utf8"

	xc "difftest/x/strconv"
)

func numInputs() []string {
	in := []string{"", "0", "-0", "+0", "1", "-1", "+1", "++1", "--1", "-", "+", "00", "0x", "0X1f", "0b101", "0o17", "017", "08",
		"0_1", "1_000", "_1", "1_", "1__0", "0x_1f", "0x1_f", "0b_1", "0_b1", "1e3", "1.5", "abc", "z", "Z", "7fffffffffffffff",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999999", "255", "256", "-128", "-129", "127", "128",
		"65535", "65536", "4294967295", "4294967296", "2147483647", "2147483648", "-2147483648", "-2147483649", " 1", "1 ", "١",
		"inf", "-Inf", "+INF", "infinity", "nan", "NaN", "1e308", "1e309", "-1e400", "1e-400", "0x1p-2", "0x1.8p3", "1_000.5",
		"1.5e", "1e+", ".5", "5.", ".", "e5", "0x.p1", "3.4028235e38", "3.5e38", "1.401298464324817e-45", "(1+2i)", "1+2i", "2i",
		"i", "+i", "1+i", "-3.5-1e3i", "(1)", "NaN+NaNi", "Inf-Infi", "1++2i", "1e400+1i", "(3i)", "1i2",
	}
	return in
}

func TestStrconvParse(t *testing.T) {
	for _, s := range numInputs() {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bits := range []int{0, 8, 16, 32, 64, 65, -1} {
				a1, e1 := xc.ParseInt(s, base, bits)
				a2, e2 := strconv.ParseInt(s, base, bits)
				same(t, fmt.Sprintf("ParseInt(%q,%d,%d)", s, base, bits), []any{a1, errStr(e1)}, []any{a2, errStr(e2)})
				u1, f1 := xc.ParseUint(s, base, bits)
				u2, f2 := strconv.ParseUint(s, base, bits)
				same(t, fmt.Sprintf("ParseUint(%q,%d,%d)", s, base, bits), []any{u1, errStr(f1)}, []any{u2, errStr(f2)})
			}
		}
		i1, e1 := xc.Atoi(s)
		i2, e2 := strconv.Atoi(s)
		same(t, "Atoi "+s, []any{i1, errStr(e1)}, []any{i2, errStr(e2)})
		b1, e1 := xc.ParseBool(s)
		b2, e2 := strconv.ParseBool(s)
		same(t, "ParseBool "+s, []any{b1, errStr(e1)}, []any{b2, errStr(e2)})
		for _, bits := range []int{32, 64} {
			f1, e1 := xc.ParseFloat(s, bits)
			f2, e2 := strconv.ParseFloat(s, bits)
			same(t, "ParseFloat "+s, fmt.Sprint(f1, errStr(e1)), fmt.Sprint(f2, errStr(e2)))
		}
		for _, bits := range []int{64, 128} {
			c1, e1 := xc.ParseComplex(s, bits)
			c2, e2 := strconv.ParseComplex(s, bits)
			same(t, "ParseComplex "+s, fmt.Sprint(c1, errStr(e1)), fmt.Sprint(c2, errStr(e2)))
		}
	}
	_, err := xc.Atoi("x")
	ne, ok := err.(*xc.NumError)
	same(t, "NumError unwrap", ok && ne.Unwrap() == xc.ErrSyntax, true)
}

func TestStrconvFormat(t *testing.T) {
	ints := []int64{0, 1, -1, 7, 10, 35, 36, -36, 1 << 62, -1 << 63, 1<<63 - 1, 123456789}
	for _, i := range ints {
		for base := 2; base <= 36; base++ {
			same(t, "FormatInt", xc.FormatInt(i, base), strconv.FormatInt(i, base))
			same(t, "FormatUint", xc.FormatUint(uint64(i), base), strconv.FormatUint(uint64(i), base))
			same(t, "AppendInt", xc.AppendInt([]byte("x"), i, base), strconv.AppendInt([]byte("x"), i, base))
		}
		same(t, "Itoa", xc.Itoa(int(i)), strconv.Itoa(int(i)))
	}
	samePanic(t, "FormatInt base", func() any { return xc.FormatInt(1, 1) }, func() any { return strconv.FormatInt(1, 1) })
	samePanic(t, "FormatInt base 37", func() any { return xc.FormatInt(1, 37) }, func() any { return strconv.FormatInt(1, 37) })
	samePanic(t, "AppendFloat bits", func() any { return xc.AppendFloat(nil, 1, 'g', -1, 16) }, func() any { return strconv.AppendFloat(nil, 1, 'g', -1, 16) })
	samePanic(t, "FormatFloat bits", func() any { return xc.FormatFloat(1, 'g', -1, 16) }, func() any { return strconv.FormatFloat(1, 'g', -1, 16) })
	samePanic(t, "FormatComplex bits", func() any { return xc.FormatComplex(1, 'g', -1, 16) }, func() any { return strconv.FormatComplex(1, 'g', -1, 16) })
	for _, c := range []complex128{0, 1 + 2i, -1.5 - 3i, complex(1e300, -1e-300)} {
		for _, bits := range []int{64, 128} {
			same(t, "FormatComplex", xc.FormatComplex(c, 'g', -1, bits), strconv.FormatComplex(c, 'g', -1, bits))
			same(t, "FormatComplex e", xc.FormatComplex(c, 'e', 3, bits), strconv.FormatComplex(c, 'e', 3, bits))
		}
	}
	same(t, "FormatBool", xc.FormatBool(true)+xc.FormatBool(false), strconv.FormatBool(true)+strconv.FormatBool(false))
}

func TestStrconvQuote(t *testing.T) {
	for _, s := range corpus() {
		s2 := s + "\a\b\f\n\r\t\v\x00\x7f\"'\\`\u00a0\u2000\u200b\ufeff\U0001F600\U000E0001"
		for _, x := range []string{s, s2} {
			same(t, "Quote "+x, xc.Quote(x), strconv.Quote(x))
			same(t, "QuoteToASCII "+x, xc.QuoteToASCII(x), strconv.QuoteToASCII(x))
			same(t, "QuoteToGraphic "+x, xc.QuoteToGraphic(x), strconv.QuoteToGraphic(x))
			same(t, "CanBackquote "+x, xc.CanBackquote(x), strconv.CanBackquote(x))
			same(t, "AppendQuote "+x, xc.AppendQuote([]byte("p"), x), strconv.AppendQuote([]byte("p"), x))
		}
	}
	for _, r := range runeSamples {
		same(t, "QuoteRune", xc.QuoteRune(r), strconv.QuoteRune(r))
		same(t, "QuoteRuneToASCII", xc.QuoteRuneToASCII(r), strconv.QuoteRuneToASCII(r))
		same(t, "QuoteRuneToGraphic", xc.QuoteRuneToGraphic(r), strconv.QuoteRuneToGraphic(r))
		same(t, "IsPrint", xc.IsPrint(r), strconv.IsPrint(r))
		same(t, "IsGraphic", xc.IsGraphic(r), strconv.IsGraphic(r))
	}
	for r := rune(0); r < 0x20000; r++ {
		if xc.IsPrint(r) != strconv.IsPrint(r) || xc.IsGraphic(r) != strconv.IsGraphic(r) {
			t.Errorf("IsPrint/IsGraphic %U", r)
		}
	}
	unq := []string{`""`, `"a"`, `"\n"`, `"\x41"`, `"\u00e9"`, `"\U0001F600"`, `"\377"`, `"\400"`, `"\xff"`, `"\ud800"`, `"\'"`, `'\"'`,
		`'a'`, `'ab'`, `''`, `'\''`, `'日'`, "'\xff'", "\"\xff\"", "`raw`", "`a\rb`", "`a`b`", `"a"b`, `"abc`, `"a` + "\n" + `b"`, `"\q"`,
		`"\u12"`, `"\1"`, `"\12"`, `"\012x"`, "\"", "'", "`", "a", "", `"\\"`, `"\"`, `'\x00'`, `'\U00110000'`, `"\a\b\f\r\t\v"`,
		`"日本"x`, `'\u263a'`, "'\u263a'", `"\xe6\x97\xa5"`, "\"\t\"",
	}
	for _, q := range unq {
		a1, e1 := xc.Unquote(q)
		a2, e2 := strconv.Unquote(q)
		same(t, "Unquote "+q, []any{a1, errStr(e1)}, []any{a2, errStr(e2)})
		p1, e1 := xc.QuotedPrefix(q + "tail")
		p2, e2 := strconv.QuotedPrefix(q + "tail")
		same(t, "QuotedPrefix "+q, []any{p1, errStr(e1)}, []any{p2, errStr(e2)})
		for _, quote := range []byte{'"', '\'', 0} {
			v1, m1, t1, e1 := xc.UnquoteChar(q, quote)
			v2, m2, t2, e2 := strconv.UnquoteChar(q, quote)
			same(t, "UnquoteChar "+q, []any{v1, m1, t1, errStr(e1)}, []any{v2, m2, t2, errStr(e2)})
			if len(q) > 1 {
				v1, m1, t1, e1 = xc.UnquoteChar(q[1:], quote)
				v2, m2, t2, e2 = strconv.UnquoteChar(q[1:], quote)
				same(t, "UnquoteChar tail "+q, []any{v1, m1, t1, errStr(e1)}, []any{v2, m2, t2, errStr(e2)})
			}
		}
	}
	// Round trip of every quoting.
	for _, s := range corpus() {
		u, err := xc.Unquote(strconv.Quote(s))
		if err != nil || u != s && utf8.ValidString(s) {
			t.Errorf("Unquote(Quote(%q)) = %q, %v", s, u, err)
		}
	}
}
