package tests

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"

	xbufio "difftest/x/bufio"
	xio "difftest/x/io"
	xs "difftest/x/strings"
)

// xEOF maps the real io.EOF to our io.EOF, for readers fed to our packages.
func xEOF(err error) error {
	if err == io.EOF {
		return xio.EOF
	}
	return err
}

// chunkReader returns its data in pieces of varying size, sometimes
// empty, and data together with io.EOF at the end, so that every path of
// the buffered readers is exercised. Its behaviour is a pure function of
// the seed, so two copies behave identically.
type chunkReader struct {
	data string
	r    *rand.Rand
	err  error
}

func newChunkReader(data string, seed int64, err error) *chunkReader {
	return &chunkReader{data: data, r: rand.New(rand.NewSource(seed)), err: err}
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, c.err
	}
	n := c.r.Intn(7)
	if n > len(p) {
		n = len(p)
	}
	n = copy(p[:n], c.data)
	c.data = c.data[n:]
	if len(c.data) == 0 && c.r.Intn(2) == 0 {
		return n, c.err
	}
	return n, nil
}

func bufioInputs() []string {
	in := []string{"", "a", "abc\n", "line1\nline2\r\nline3", "\n\n\n", "word  other\tthird\u00a0x\u2003y", "日本語\xffz\xe6\x97", strings.Repeat("long line without end ", 30),
		strings.Repeat("x", 70000) + "\nshort\n"}
	for _, s := range corpus()[:100] {
		in = append(in, s)
	}
	return in
}

func TestBufioReader(t *testing.T) {
	for k, s := range bufioInputs() {
		for seed := int64(0); seed < 3; seed++ {
			for _, size := range []int{1, 16, 17, 4096} {
				errEnd := io.EOF
				if seed == 2 {
					errEnd = errors.New("boom")
				}
				a := xbufio.NewReaderSize(newChunkReader(s, seed, xEOF(errEnd)), size)
				b := bufio.NewReaderSize(newChunkReader(s, seed, errEnd), size)
				ops := rand.New(rand.NewSource(seed + int64(k)))
				for step := 0; step < 60; step++ {
					id := fmt.Sprintf("input %d seed %d size %d step %d", k, seed, size, step)
					switch ops.Intn(11) {
					case 0:
						c1, e1 := a.ReadByte()
						c2, e2 := b.ReadByte()
						same(t, "ReadByte "+id, []any{c1, errStr(e1)}, []any{c2, errStr(e2)})
					case 1:
						r1, n1, e1 := a.ReadRune()
						r2, n2, e2 := b.ReadRune()
						same(t, "ReadRune "+id, []any{r1, n1, errStr(e1)}, []any{r2, n2, errStr(e2)})
					case 2:
						same(t, "UnreadByte "+id, errStr(a.UnreadByte()), errStr(b.UnreadByte()))
					case 3:
						same(t, "UnreadRune "+id, errStr(a.UnreadRune()), errStr(b.UnreadRune()))
					case 4:
						l1, e1 := a.ReadString('\n')
						l2, e2 := b.ReadString('\n')
						same(t, "ReadString "+id, []any{l1, errStr(e1)}, []any{l2, errStr(e2)})
					case 5:
						l1, p1, e1 := a.ReadLine()
						l2, p2, e2 := b.ReadLine()
						same(t, "ReadLine "+id, []any{string(l1), l1 == nil, p1, errStr(e1)}, []any{string(l2), l2 == nil, p2, errStr(e2)})
					case 6:
						n := ops.Intn(20) - 1
						p1, e1 := a.Peek(n)
						p2, e2 := b.Peek(n)
						same(t, "Peek "+id, []any{string(p1), errStr(e1)}, []any{string(p2), errStr(e2)})
					case 7:
						n := ops.Intn(10) - 1
						d1, e1 := a.Discard(n)
						d2, e2 := b.Discard(n)
						same(t, "Discard "+id, []any{d1, errStr(e1)}, []any{d2, errStr(e2)})
					case 8:
						buf1, buf2 := make([]byte, ops.Intn(40)), make([]byte, 0)
						buf2 = make([]byte, len(buf1))
						n1, e1 := a.Read(buf1)
						n2, e2 := b.Read(buf2)
						same(t, "Read "+id, []any{n1, string(buf1[:n1]), errStr(e1)}, []any{n2, string(buf2[:n2]), errStr(e2)})
					case 9:
						s1, e1 := a.ReadSlice('a')
						s2, e2 := b.ReadSlice('a')
						same(t, "ReadSlice "+id, []any{string(s1), errStr(e1)}, []any{string(s2), errStr(e2)})
					case 10:
						same(t, "Buffered "+id, a.Buffered(), b.Buffered())
					}
				}
				var w1, w2 strings.Builder
				n1, e1 := a.WriteTo(&w1)
				n2, e2 := b.WriteTo(&w2)
				same(t, "WriteTo", []any{n1, errStr(e1), w1.String()}, []any{n2, errStr(e2), w2.String()})
			}
		}
	}
}

func TestBufioScanner(t *testing.T) {
	type split struct {
		name string
		x    xbufio.SplitFunc
		g    bufio.SplitFunc
	}
	splits := []split{{"lines", xbufio.ScanLines, bufio.ScanLines}, {"words", xbufio.ScanWords, bufio.ScanWords},
		{"runes", xbufio.ScanRunes, bufio.ScanRunes}, {"bytes", xbufio.ScanBytes, bufio.ScanBytes}}
	for k, s := range bufioInputs() {
		for _, sp := range splits {
			for _, max := range []int{0, 8, 64, 100000} {
				a := xbufio.NewScanner(newChunkReader(s, int64(k), xio.EOF))
				b := bufio.NewScanner(newChunkReader(s, int64(k), io.EOF))
				a.Split(sp.x)
				b.Split(sp.g)
				if max > 0 {
					a.Buffer(make([]byte, 4), max)
					b.Buffer(make([]byte, 4), max)
				}
				var t1, t2 []string
				for a.Scan() {
					t1 = append(t1, a.Text())
				}
				for b.Scan() {
					t2 = append(t2, b.Text())
				}
				id := fmt.Sprintf("%s input %d max %d", sp.name, k, max)
				same(t, "tokens "+id, t1, t2)
				same(t, "Err "+id, errStr(a.Err()), errStr(b.Err()))
			}
		}
	}
	// ErrFinalToken and a custom split.
	final := func(data []byte, atEOF bool) (int, []byte, error) {
		if i := strings.IndexByte(string(data), ','); i >= 0 {
			if string(data[:i]) == "stop" {
				return i + 1, data[:i], xbufio.ErrFinalToken
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return len(data), data, nil
		}
		return 0, nil, nil
	}
	finalG := func(data []byte, atEOF bool) (int, []byte, error) {
		a, tok, err := final(data, atEOF)
		if err == xbufio.ErrFinalToken {
			err = bufio.ErrFinalToken
		}
		return a, tok, err
	}
	a := xbufio.NewScanner(xs.NewReader("a,b,stop,c,d"))
	b := bufio.NewScanner(strings.NewReader("a,b,stop,c,d"))
	a.Split(final)
	b.Split(finalG)
	var t1, t2 []string
	for a.Scan() {
		t1 = append(t1, a.Text())
	}
	for b.Scan() {
		t2 = append(t2, b.Text())
	}
	same(t, "final token", t1, t2)
	samePanic(t, "Split after Scan", func() any { a.Split(final); return nil }, func() any { b.Split(finalG); return nil })
}

// limitWriter accepts at most limit bytes in total, then fails.
type limitWriter struct {
	sb    strings.Builder
	limit int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		n := w.limit
		w.sb.Write(p[:n])
		w.limit = 0
		return n, errors.New("full")
	}
	w.limit -= len(p)
	w.sb.Write(p)
	return len(p), nil
}

func TestBufioWriter(t *testing.T) {
	r := rand.New(rand.NewSource(9))
	for round := 0; round < 200; round++ {
		size, limit := r.Intn(20), r.Intn(300)+1
		lw1, lw2 := &limitWriter{limit: limit}, &limitWriter{limit: limit}
		a, b := xbufio.NewWriterSize(lw1, size), bufio.NewWriterSize(lw2, size)
		for step := 0; step < 30; step++ {
			s := corpus()[r.Intn(100)]
			switch r.Intn(6) {
			case 0:
				n1, e1 := a.WriteString(s)
				n2, e2 := b.WriteString(s)
				same(t, "WriteString", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
			case 1:
				n1, e1 := a.Write([]byte(s))
				n2, e2 := b.Write([]byte(s))
				same(t, "Write", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
			case 2:
				n1, e1 := a.WriteRune('日')
				n2, e2 := b.WriteRune('日')
				same(t, "WriteRune", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
			case 3:
				same(t, "WriteByte", errStr(a.WriteByte('z')), errStr(b.WriteByte('z')))
			case 4:
				same(t, "Flush", errStr(a.Flush()), errStr(b.Flush()))
			case 5:
				n1, e1 := a.ReadFrom(xs.NewReader(s))
				n2, e2 := b.ReadFrom(strings.NewReader(s))
				same(t, "ReadFrom", []any{n1, errStr(e1)}, []any{n2, errStr(e2)})
			}
			same(t, "Buffered", []int{a.Buffered(), a.Available(), a.Size()}, []int{b.Buffered(), b.Available(), b.Size()})
		}
		a.Flush()
		b.Flush()
		same(t, "output", lw1.sb.String(), lw2.sb.String())
	}
}
