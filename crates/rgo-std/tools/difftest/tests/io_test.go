package tests

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	xio "difftest/x/io"
	xs "difftest/x/strings"
)

// xrd wraps a real reader so that its io.EOF becomes our io.EOF.
type xrd struct{ r io.Reader }

func (x xrd) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	return n, xEOF(err)
}

// xat does the same for ReaderAt.
type xat struct{ r io.ReaderAt }

func (x xat) ReadAt(p []byte, off int64) (int, error) {
	n, err := x.r.ReadAt(p, off)
	return n, xEOF(err)
}

func TestIO(t *testing.T) {
	for k, s := range bufioInputs()[:60] {
		for _, n := range []int{0, 1, 3, 10, 1000} {
			id := fmt.Sprint("input ", k, " n ", n)
			var w1, w2 strings.Builder
			c1, e1 := xio.CopyN(&w1, xrd{newChunkReader(s, int64(k), io.EOF)}, int64(n))
			c2, e2 := io.CopyN(&w2, newChunkReader(s, int64(k), io.EOF), int64(n))
			same(t, "CopyN "+id, []any{c1, errStr(e1), w1.String()}, []any{c2, errStr(e2), w2.String()})
			b1, b2 := make([]byte, n), make([]byte, n)
			r1, f1 := xio.ReadFull(xrd{newChunkReader(s, int64(k), io.EOF)}, b1)
			r2, f2 := io.ReadFull(newChunkReader(s, int64(k), io.EOF), b2)
			same(t, "ReadFull "+id, []any{r1, errStr(f1), b1}, []any{r2, errStr(f2), b2})
			r1, f1 = xio.ReadAtLeast(xrd{newChunkReader(s, int64(k), io.EOF)}, b1, n/2+1)
			r2, f2 = io.ReadAtLeast(newChunkReader(s, int64(k), io.EOF), b2, n/2+1)
			same(t, "ReadAtLeast "+id, []any{r1, errStr(f1)}, []any{r2, errStr(f2)})
			a1, g1 := xio.ReadAll(xio.LimitReader(xrd{newChunkReader(s, int64(k), errors.New("x"))}, int64(n)))
			a2, g2 := io.ReadAll(io.LimitReader(newChunkReader(s, int64(k), errors.New("x")), int64(n)))
			same(t, "ReadAll Limit "+id, []any{string(a1), errStr(g1)}, []any{string(a2), errStr(g2)})
			sr1 := xio.NewSectionReader(xat{strings.NewReader(s)}, int64(n/3), int64(n))
			sr2 := io.NewSectionReader(strings.NewReader(s), int64(n/3), int64(n))
			p1, p2 := make([]byte, 4), make([]byte, 4)
			q1, h1 := sr1.ReadAt(p1, 2)
			q2, h2 := sr2.ReadAt(p2, 2)
			same(t, "Section ReadAt "+id, []any{q1, errStr(h1), p1}, []any{q2, errStr(h2), p2})
			o1, j1 := sr1.Seek(-1, io.SeekEnd)
			o2, j2 := sr2.Seek(-1, io.SeekEnd)
			same(t, "Section Seek "+id, []any{o1, errStr(j1)}, []any{o2, errStr(j2)})
			d1, _ := xio.ReadAll(sr1)
			d2, _ := io.ReadAll(sr2)
			same(t, "Section rest "+id, string(d1), string(d2))
			same(t, "Section Size "+id, sr1.Size(), sr2.Size())
		}
		var t1, t2 strings.Builder
		m1 := xio.MultiReader(xs.NewReader(s), xio.TeeReader(xs.NewReader("mid"), &t1), xs.NewReader(s))
		m2 := io.MultiReader(strings.NewReader(s), io.TeeReader(strings.NewReader("mid"), &t2), strings.NewReader(s))
		a1, _ := xio.ReadAll(m1)
		a2, _ := io.ReadAll(m2)
		same(t, "MultiReader", []string{string(a1), t1.String()}, []string{string(a2), t2.String()})
		var u1, u2, v1, v2 strings.Builder
		n1, _ := xio.WriteString(xio.MultiWriter(&u1, &v1), s)
		n2, _ := io.WriteString(io.MultiWriter(&u2, &v2), s)
		same(t, "MultiWriter", []any{n1, u1.String(), v1.String()}, []any{n2, u2.String(), v2.String()})
	}
	// Pipe: chunked writes are delivered in order, close propagates.
	pr, pw := xio.Pipe()
	go func() {
		for i := 0; i < 50; i++ {
			fmt.Fprintf(pw, "line %d\n", i)
		}
		pw.CloseWithError(errors.New("done writing"))
	}()
	var sb strings.Builder
	buf := make([]byte, 7)
	var last error
	for {
		n, err := pr.Read(buf)
		sb.Write(buf[:n])
		if err != nil {
			last = err
			break
		}
	}
	want := ""
	for i := 0; i < 50; i++ {
		want += fmt.Sprintf("line %d\n", i)
	}
	same(t, "Pipe data", sb.String(), want)
	same(t, "Pipe close error", errStr(last), "done writing")
	pr.Close()
	_, err := pw.Write([]byte("x"))
	same(t, "Pipe write after close", errStr(err), errStr(io.ErrClosedPipe))
	same(t, "Discard", fmt.Sprint(xio.Discard.Write([]byte("abc"))), fmt.Sprint(io.Discard.Write([]byte("abc"))))
}
