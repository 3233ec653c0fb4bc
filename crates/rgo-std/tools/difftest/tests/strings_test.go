package tests

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"

	xs "difftest/x/strings"
	xu "difftest/x/unicode"
)

func TestStringsUnary(t *testing.T) {
	for _, s := range corpus() {
		same(t, "Fields "+s, xs.Fields(s), strings.Fields(s))
		same(t, "ToUpper "+s, xs.ToUpper(s), strings.ToUpper(s))
		same(t, "ToLower "+s, xs.ToLower(s), strings.ToLower(s))
		same(t, "ToTitle "+s, xs.ToTitle(s), strings.ToTitle(s))
		same(t, "Title "+s, xs.Title(s), strings.Title(s))
		same(t, "TrimSpace "+s, xs.TrimSpace(s), strings.TrimSpace(s))
		same(t, "ToValidUTF8 "+s, xs.ToValidUTF8(s, "?"), strings.ToValidUTF8(s, "?"))
		same(t, "ToValidUTF8 empty "+s, xs.ToValidUTF8(s, ""), strings.ToValidUTF8(s, ""))
		same(t, "Clone "+s, xs.Clone(s), strings.Clone(s))
		same(t, "Map "+s, xs.Map(unicode.ToUpper, s), strings.Map(unicode.ToUpper, s))
		same(t, "Map drop "+s, xs.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return r
		}, s), strings.Map(func(r rune) rune {
			if r == 'a' {
				return -1
			}
			return r
		}, s))
		same(t, "ToUpperSpecial "+s, xs.ToUpperSpecial(xu.TurkishCase, s), strings.ToUpperSpecial(unicode.TurkishCase, s))
		same(t, "ToLowerSpecial "+s, xs.ToLowerSpecial(xu.TurkishCase, s), strings.ToLowerSpecial(unicode.TurkishCase, s))
		same(t, "IndexFunc "+s, xs.IndexFunc(s, unicode.IsUpper), strings.IndexFunc(s, unicode.IsUpper))
		same(t, "LastIndexFunc "+s, xs.LastIndexFunc(s, unicode.IsSpace), strings.LastIndexFunc(s, unicode.IsSpace))
		same(t, "TrimFunc "+s, xs.TrimFunc(s, unicode.IsLetter), strings.TrimFunc(s, unicode.IsLetter))
		for _, n := range []int{0, 1, 3} {
			same(t, "Repeat "+s, xs.Repeat(s, n), strings.Repeat(s, n))
		}
		var lines, wlines []string
		for l := range xs.Lines(s) {
			lines = append(lines, l)
		}
		for l := range strings.Lines(s) {
			wlines = append(wlines, l)
		}
		same(t, "Lines "+s, lines, wlines)
		var f1, f2 []string
		for l := range xs.FieldsSeq(s) {
			f1 = append(f1, l)
		}
		for l := range strings.FieldsSeq(s) {
			f2 = append(f2, l)
		}
		same(t, "FieldsSeq "+s, f1, f2)
	}
	samePanic(t, "Repeat negative", func() any { return xs.Repeat("x", -1) }, func() any { return strings.Repeat("x", -1) })
	samePanic(t, "Repeat overflow", func() any { return xs.Repeat("xx", 1<<62) }, func() any { return strings.Repeat("xx", 1<<62) })
}

func TestStringsBinary(t *testing.T) {
	c := smallCorpus()
	seps := append([]string{"", "a", ",", "ab", "aa", "日", "\xff", "σ", " ", "\n"}, c[:40]...)
	for _, s := range c {
		for _, sep := range seps {
			id := s + " | " + sep
			same(t, "Index "+id, xs.Index(s, sep), strings.Index(s, sep))
			same(t, "LastIndex "+id, xs.LastIndex(s, sep), strings.LastIndex(s, sep))
			same(t, "Count "+id, xs.Count(s, sep), strings.Count(s, sep))
			same(t, "Contains "+id, xs.Contains(s, sep), strings.Contains(s, sep))
			same(t, "IndexAny "+id, xs.IndexAny(s, sep), strings.IndexAny(s, sep))
			same(t, "LastIndexAny "+id, xs.LastIndexAny(s, sep), strings.LastIndexAny(s, sep))
			same(t, "ContainsAny "+id, xs.ContainsAny(s, sep), strings.ContainsAny(s, sep))
			same(t, "Split "+id, xs.Split(s, sep), strings.Split(s, sep))
			same(t, "SplitAfter "+id, xs.SplitAfter(s, sep), strings.SplitAfter(s, sep))
			for _, n := range []int{-1, 0, 1, 2, 5} {
				same(t, "SplitN "+id, xs.SplitN(s, sep, n), strings.SplitN(s, sep, n))
				same(t, "SplitAfterN "+id, xs.SplitAfterN(s, sep, n), strings.SplitAfterN(s, sep, n))
				same(t, "Replace "+id, xs.Replace(s, sep, "<>", n), strings.Replace(s, sep, "<>", n))
			}
			same(t, "ReplaceAll "+id, xs.ReplaceAll(s, sep, "é"), strings.ReplaceAll(s, sep, "é"))
			same(t, "Trim "+id, xs.Trim(s, sep), strings.Trim(s, sep))
			same(t, "TrimLeft "+id, xs.TrimLeft(s, sep), strings.TrimLeft(s, sep))
			same(t, "TrimRight "+id, xs.TrimRight(s, sep), strings.TrimRight(s, sep))
			same(t, "TrimPrefix "+id, xs.TrimPrefix(s, sep), strings.TrimPrefix(s, sep))
			same(t, "TrimSuffix "+id, xs.TrimSuffix(s, sep), strings.TrimSuffix(s, sep))
			same(t, "HasPrefix "+id, xs.HasPrefix(s, sep), strings.HasPrefix(s, sep))
			same(t, "HasSuffix "+id, xs.HasSuffix(s, sep), strings.HasSuffix(s, sep))
			same(t, "EqualFold "+id, xs.EqualFold(s, sep), strings.EqualFold(s, sep))
			same(t, "Compare "+id, xs.Compare(s, sep), strings.Compare(s, sep))
			b1, a1, f1 := xs.Cut(s, sep)
			b2, a2, f2 := strings.Cut(s, sep)
			same(t, "Cut "+id, []any{b1, a1, f1}, []any{b2, a2, f2})
			var q1, q2 []string
			for x := range xs.SplitSeq(s, sep) {
				q1 = append(q1, x)
			}
			for x := range strings.SplitSeq(s, sep) {
				q2 = append(q2, x)
			}
			same(t, "SplitSeq "+id, q1, q2)
			same(t, "Join "+id, xs.Join(xs.Split(s, sep), "+"), strings.Join(strings.Split(s, sep), "+"))
		}
		for _, r := range []rune{'a', 'é', '日', 0xfffd, -1, 0x110000, 0xd800, 'ß'} {
			same(t, "IndexRune "+s, xs.IndexRune(s, r), strings.IndexRune(s, r))
		}
		for _, b := range []byte{'a', ',', 0xff, 0} {
			same(t, "IndexByte "+s, xs.IndexByte(s, b), strings.IndexByte(s, b))
			same(t, "LastIndexByte "+s, xs.LastIndexByte(s, b), strings.LastIndexByte(s, b))
		}
	}
	// EqualFold on fold orbits.
	for _, r := range runeSamples {
		a, b := string(r), string(unicode.SimpleFold(r))
		same(t, "EqualFold orbit "+a, xs.EqualFold(a, b), strings.EqualFold(a, b))
		same(t, "EqualFold upper "+a, xs.EqualFold(a, strings.ToUpper(a)), strings.EqualFold(a, strings.ToUpper(a)))
	}
}

func TestStringsReplacer(t *testing.T) {
	sets := [][]string{
		{"a", "1", "b", "2"},
		{"", "X"},
		{"a", "A", "", "-"},
		{"aaa", "3", "aa", "2", "a", "1"},
		{"a", "1", "aa", "2", "aaa", "3"},
		{"日", "ni", "é", "e"},
		{"ab", "x", "b", "y", "abc", "z"},
		{"<", "&lt;", ">", "&gt;", "&", "&amp;"},
		{"a", "b", "a", "c"},
		{"\xff", "?"},
		{"", "", "a", ""},
	}
	for _, set := range sets {
		r1, r2 := xs.NewReplacer(set...), strings.NewReplacer(set...)
		for _, s := range corpus() {
			same(t, "Replacer "+s, r1.Replace(s), r2.Replace(s))
		}
	}
	samePanic(t, "NewReplacer odd", func() any { return xs.NewReplacer("a") }, func() any { return strings.NewReplacer("a") })
}

func TestStringsBuilderReader(t *testing.T) {
	var b1 xs.Builder
	var b2 strings.Builder
	for _, s := range corpus()[:60] {
		b1.WriteString(s)
		b2.WriteString(s)
		b1.WriteByte('|')
		b2.WriteByte('|')
		b1.WriteRune(0x1f600)
		b2.WriteRune(0x1f600)
		b1.WriteRune(-5)
		b2.WriteRune(-5)
	}
	same(t, "Builder", b1.String(), b2.String())
	for _, n := range []int{0, 1, 7, 10, 33, 100, 1000, 5000} {
		var g1 xs.Builder
		var g2 strings.Builder
		g1.Grow(n)
		g2.Grow(n)
		g1.WriteString("abc")
		g2.WriteString("abc")
		g1.Grow(2 * n)
		g2.Grow(2 * n)
		same(t, fmt.Sprint("Builder Cap ", n), g1.Cap(), g2.Cap())
	}
	same(t, "Builder Len", b1.Len(), b2.Len())
	samePanic(t, "Builder copy", func() any { c := b1; c.WriteString("x"); return nil }, func() any { c := b2; c.WriteString("x"); return nil })
	samePanic(t, "Builder Grow", func() any { b1.Grow(-1); return nil }, func() any { b2.Grow(-1); return nil })
	for _, s := range corpus()[:80] {
		r1, r2 := xs.NewReader(s), strings.NewReader(s)
		for i := 0; i < 12; i++ {
			c1, n1, e1 := r1.ReadRune()
			c2, n2, e2 := r2.ReadRune()
			same(t, "ReadRune "+s, []any{c1, n1, e1}, []any{c2, n2, e2})
			if i%3 == 0 {
				same(t, "UnreadRune "+s, errStr(r1.UnreadRune()), errStr(r2.UnreadRune()))
				same(t, "UnreadRune2 "+s, errStr(r1.UnreadRune()), errStr(r2.UnreadRune()))
			}
			if i%4 == 1 {
				x1, y1 := r1.ReadByte()
				x2, y2 := r2.ReadByte()
				same(t, "ReadByte "+s, []any{x1, y1}, []any{x2, y2})
				same(t, "UnreadByte "+s, errStr(r1.UnreadByte()), errStr(r2.UnreadByte()))
			}
		}
		same(t, "Len "+s, r1.Len(), r2.Len())
		p1, e1 := r1.Seek(-2, io.SeekEnd)
		p2, e2 := r2.Seek(-2, io.SeekEnd)
		same(t, "Seek "+s, []any{p1, errStr(e1)}, []any{p2, errStr(e2)})
		a1, _ := io.ReadAll(r1)
		a2, _ := io.ReadAll(r2)
		same(t, "ReadAll "+s, a1, a2)
		buf1, buf2 := make([]byte, 3), make([]byte, 3)
		n1, e1b := r1.ReadAt(buf1, 1)
		n2, e2b := r2.ReadAt(buf2, 1)
		same(t, "ReadAt "+s, []any{n1, errStr(e1b), buf1}, []any{n2, errStr(e2b), buf2})
	}
	_, e1 := xs.NewReader("x").Seek(-1, io.SeekStart)
	_, e2 := strings.NewReader("x").Seek(-1, io.SeekStart)
	same(t, "Seek negative", errStr(e1), errStr(e2))
	_, e1 = xs.NewReader("x").Seek(0, 7)
	_, e2 = strings.NewReader("x").Seek(0, 7)
	same(t, "Seek whence", errStr(e1), errStr(e2))
}

func errStr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
