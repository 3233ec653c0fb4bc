// Package tests compares rgo's std packages (copied to difftest/x/...)
// with the real Go packages on many inputs.
package tests

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
)

// corpus returns fixed tricky strings plus random ones over a small
// alphabet (so that separators and repeats are frequent), including
// multi-byte runes, U+FFFD, invalid bytes and case-folding specials.
func corpus() []string {
	fixed := []string{
		"", " ", "a", "A", "abc", "ABC", "aBc", "  hello  world  ", "\t\n\v\f\r x \u0085\u00a0",
		"héllo", "日本語", "日本\xffz", "\xff", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\uFFFD", "a\uFFFDb", "ǅǆǄ", "Σσς", "ſSsK\u212a", "İıIi", "ß", "ẞ", "ᾈᾀ", "ΐ",
		"a,b,,c", ",", ",,", "aaa", "aaaa", "abab", "ababab", "go gopher", "hello, world\n",
		"line1\nline2\n", "line1\r\nline2", "\n\n", "x\n", "\u2028 \u3000 end",
		"0123456789", "+-_.~!@#$%^&*()", "\x00\x01\x7f\x80\x9f", "\U0001F600 smile \U0010FFFF",
	}
	r := rand.New(rand.NewSource(1))
	alpha := []string{"a", "b", "A", "B", ",", " ", "\n", "é", "É", "日", "\xff", "ß", "σ", "Σ", "ab", "\t"}
	for i := 0; i < 400; i++ {
		n := r.Intn(12)
		s := ""
		for j := 0; j < n; j++ {
			s += alpha[r.Intn(len(alpha))]
		}
		fixed = append(fixed, s)
	}
	return fixed
}

// smallCorpus is used for pairwise (quadratic) comparisons.
func smallCorpus() []string {
	c := corpus()
	return c[:120]
}

// same fails the test if got and want differ (deep equality).
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	got, want = normErr(got), normErr(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: got %.300s, want %.300s", what, fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want))
	}
}

// samePanic runs f and g and checks both panic or return equal values; the
// panic values must print the same.
func samePanic(t *testing.T, what string, f, g func() any) {
	t.Helper()
	gv, gp := catch(f)
	wv, wp := catch(g)
	if fmt.Sprint(gp) != fmt.Sprint(wp) {
		t.Errorf("%s: panic %v, want panic %v", what, gp, wp)
		return
	}
	same(t, what, gv, wv)
}

func catch(f func() any) (v any, p any) {
	defer func() { p = recover() }()
	return f(), nil
}

var runeSamples = func() []rune {
	rs := []rune{-1, 0, 'a', 'Z', '0', ' ', 0x7f, 0x80, 0xa0, 0xdf, 0xff, 0x100, 0x130, 0x131, 0x17f, 0x1c5,
		0x3a3, 0x3c2, 0x1e9e, 0x2028, 0x212a, 0xd800, 0xdfff, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff, 0x110000}
	for r := rune(0); r < 0x3000; r += 7 {
		rs = append(rs, r)
	}
	for r := rune(0x3000); r < 0x110000; r += 997 {
		rs = append(rs, r)
	}
	return rs
}()

// normErr replaces error values (at top level or in a []any) by their
// text, since our packages' sentinel errors (io.EOF, ...) are distinct
// values of distinct types from the real ones.
func normErr(v any) any {
	switch x := v.(type) {
	case error:
		return "error: " + x.Error()
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normErr(e)
		}
		return out
	}
	return v
}
