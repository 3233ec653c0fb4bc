package tests

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode"

	xb "difftest/x/bytes"
	xs "difftest/x/strings"
)

// capsOf records len/cap of each sub-slice so results must match Go's
// capacities, not only contents.
func capsOf(bs [][]byte) [][2]int {
	var out [][2]int
	for _, b := range bs {
		out = append(out, [2]int{len(b), cap(b)})
	}
	return out
}

func TestBytesFuncs(t *testing.T) {
	c := smallCorpus()
	seps := []string{"", "a", ",", "ab", "日", "\xff", " "}
	for _, s := range corpus() {
		b := []byte(s)
		same(t, "Fields "+s, xb.Fields(b), bytes.Fields(b))
		same(t, "Fields caps "+s, capsOf(xb.Fields(b)), capsOf(bytes.Fields(b)))
		same(t, "ToUpper "+s, xb.ToUpper(b), bytes.ToUpper(b))
		same(t, "ToLower "+s, xb.ToLower(b), bytes.ToLower(b))
		same(t, "ToTitle "+s, xb.ToTitle(b), bytes.ToTitle(b))
		same(t, "Title "+s, xb.Title(b), bytes.Title(b))
		same(t, "TrimSpace "+s, xb.TrimSpace(b), bytes.TrimSpace(b))
		same(t, "Runes "+s, xb.Runes(b), bytes.Runes(b))
		same(t, "ToValidUTF8 "+s, xb.ToValidUTF8(b, []byte("?")), bytes.ToValidUTF8(b, []byte("?")))
		same(t, "Map "+s, xb.Map(unicode.ToLower, b), bytes.Map(unicode.ToLower, b))
		same(t, "TrimFunc "+s, xb.TrimFunc(b, unicode.IsLetter), bytes.TrimFunc(b, unicode.IsLetter))
		same(t, "Repeat "+s, xb.Repeat(b, 3), bytes.Repeat(b, 3))
		same(t, "Repeat0 "+s, xb.Repeat(b, 0), bytes.Repeat(b, 0))
	}
	for _, s := range c {
		b := []byte(s)
		for _, sep := range seps {
			p := []byte(sep)
			id := s + " | " + sep
			same(t, "Index "+id, xb.Index(b, p), bytes.Index(b, p))
			same(t, "LastIndex "+id, xb.LastIndex(b, p), bytes.LastIndex(b, p))
			same(t, "Count "+id, xb.Count(b, p), bytes.Count(b, p))
			same(t, "IndexAny "+id, xb.IndexAny(b, sep), bytes.IndexAny(b, sep))
			same(t, "LastIndexAny "+id, xb.LastIndexAny(b, sep), bytes.LastIndexAny(b, sep))
			same(t, "Split "+id, xb.Split(b, p), bytes.Split(b, p))
			same(t, "Split caps "+id, capsOf(xb.Split(b, p)), capsOf(bytes.Split(b, p)))
			same(t, "SplitAfter "+id, xb.SplitAfter(b, p), bytes.SplitAfter(b, p))
			for _, n := range []int{-1, 0, 1, 2, 5} {
				same(t, "SplitN "+id, xb.SplitN(b, p, n), bytes.SplitN(b, p, n))
				same(t, "Replace "+id, xb.Replace(b, p, []byte("<>"), n), bytes.Replace(b, p, []byte("<>"), n))
			}
			same(t, "Trim "+id, xb.Trim(b, sep), bytes.Trim(b, sep))
			same(t, "TrimLeft "+id, xb.TrimLeft(b, sep), bytes.TrimLeft(b, sep))
			same(t, "TrimRight "+id, xb.TrimRight(b, sep), bytes.TrimRight(b, sep))
			same(t, "TrimPrefix "+id, xb.TrimPrefix(b, p), bytes.TrimPrefix(b, p))
			same(t, "EqualFold "+id, xb.EqualFold(b, p), bytes.EqualFold(b, p))
			same(t, "Compare "+id, xb.Compare(b, p), bytes.Compare(b, p))
			same(t, "Equal "+id, xb.Equal(b, p), bytes.Equal(b, p))
			b1, a1, f1 := xb.Cut(b, p)
			b2, a2, f2 := bytes.Cut(b, p)
			same(t, "Cut "+id, []any{b1, a1, f1}, []any{b2, a2, f2})
			b1, a1, f1 = xb.CutLast(b, p)
			b2, a2, f2 = bytes.CutLast(b, p)
			same(t, "CutLast "+id, []any{b1, a1, f1}, []any{b2, a2, f2})
			same(t, "Join "+id, xb.Join(xb.Split(b, p), []byte("+")), bytes.Join(bytes.Split(b, p), []byte("+")))
			var q1, q2 [][]byte
			for x := range xb.SplitSeq(b, p) {
				q1 = append(q1, x)
			}
			for x := range bytes.SplitSeq(b, p) {
				q2 = append(q2, x)
			}
			same(t, "SplitSeq "+id, q1, q2)
		}
		for _, r := range []rune{'a', 'é', 0xfffd, -1} {
			same(t, "IndexRune "+s, xb.IndexRune(b, r), bytes.IndexRune(b, r))
		}
	}
	same(t, "Join empty", xb.Join(nil, nil), bytes.Join(nil, nil))
	same(t, "Clone nil", xb.Clone(nil), bytes.Clone(nil))
	same(t, "Trim nil", xb.Trim(nil, "a"), bytes.Trim(nil, "a"))
	same(t, "TrimLeft nil", xb.TrimLeft([]byte{}, ""), bytes.TrimLeft([]byte{}, ""))
	same(t, "TrimRight nil", xb.TrimRight(nil, "a"), bytes.TrimRight(nil, "a"))
}

func TestBytesBuffer(t *testing.T) {
	var b1 xb.Buffer
	var b2 bytes.Buffer
	ops := 0
	for _, s := range corpus() {
		ops++
		switch ops % 9 {
		case 0:
			b1.WriteString(s)
			b2.WriteString(s)
		case 1:
			b1.Write([]byte(s))
			b2.Write([]byte(s))
		case 2:
			r1, n1, e1 := b1.ReadRune()
			r2, n2, e2 := b2.ReadRune()
			same(t, "ReadRune", []any{r1, n1, e1}, []any{r2, n2, e2})
			same(t, "UnreadRune", errStr(b1.UnreadRune()), errStr(b2.UnreadRune()))
			same(t, "UnreadRune2", errStr(b1.UnreadRune()), errStr(b2.UnreadRune()))
		case 3:
			l1, e1 := b1.ReadString('a')
			l2, e2 := b2.ReadString('a')
			same(t, "ReadString", []any{l1, e1}, []any{l2, e2})
			same(t, "UnreadByte", errStr(b1.UnreadByte()), errStr(b2.UnreadByte()))
		case 4:
			b1.WriteRune('日')
			b2.WriteRune('日')
			b1.WriteByte('x')
			b2.WriteByte('x')
		case 5:
			same(t, "Next", xbNext(&b1, 3), bytes.Clone(b2.Next(3)))
		case 6:
			p1, p2 := make([]byte, 5), make([]byte, 5)
			n1, e1 := b1.Read(p1)
			n2, e2 := b2.Read(p2)
			same(t, "Read", []any{n1, e1, p1}, []any{n2, e2, p2})
		case 7:
			n1, _ := b1.ReadFrom(xs.NewReader(s + s))
			n2, _ := b2.ReadFrom(strings.NewReader(s + s))
			same(t, "ReadFrom", n1, n2)
		case 8:
			if b1.Len() > 3 {
				b1.Truncate(3)
				b2.Truncate(3)
			}
			b1.Grow(ops)
			b2.Grow(ops)
		}
		same(t, "String", b1.String(), b2.String())
		same(t, "Len", b1.Len(), b2.Len())
		same(t, "Cap", b1.Cap(), b2.Cap())
		p1, e1 := b1.Peek(4)
		p2, e2 := b2.Peek(4)
		same(t, "Peek", []any{p1, e1}, []any{p2, e2})
	}
	var w1, w2 strings.Builder
	b1.WriteTo(&w1)
	b2.WriteTo(&w2)
	same(t, "WriteTo", w1.String(), w2.String())
	var n1 *xb.Buffer
	var n2 *bytes.Buffer
	same(t, "nil String", n1.String(), n2.String())
	samePanic(t, "Truncate", func() any { b1.Truncate(100); return nil }, func() any { b2.Truncate(100); return nil })
	samePanic(t, "Grow", func() any { b1.Grow(-1); return nil }, func() any { b2.Grow(-1); return nil })
	r1, r2 := xb.NewReader([]byte("héllo")), bytes.NewReader([]byte("héllo"))
	a1, _ := io.ReadAll(r1)
	a2, _ := io.ReadAll(r2)
	same(t, "Reader", a1, a2)
	same(t, "Reader UnreadRune", errStr(r1.UnreadRune()), errStr(r2.UnreadRune()))
}

func xbNext(b *xb.Buffer, n int) []byte { return bytes.Clone(b.Next(n)) }
