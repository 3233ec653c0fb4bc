package tests

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	xio "difftest/x/io"
	xtime "difftest/x/time"
)

// sizeLogger records the buffer sizes Read is offered and returns at most
// 700 bytes per call.
type sizeLogger struct {
	left  int
	sizes []int
}

func (s *sizeLogger) Read(p []byte) (int, error) {
	s.sizes = append(s.sizes, len(p))
	if s.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), s.left, 700)
	s.left -= n
	return n, nil
}

// TestReadAllAndTimeText compares io.ReadAll's read sizes and result
// capacity, and Time.String/GoString, with Go.
func TestReadAllAndTimeText(t *testing.T) {
	for _, total := range []int{0, 1, 511, 512, 513, 5000, 70000, 300000} {
		a, b := &sizeLogger{left: total}, &sizeLogger{left: total}
		da, _ := xio.ReadAll(a)
		db, _ := io.ReadAll(b)
		if fmt.Sprint(a.sizes) != fmt.Sprint(b.sizes) || len(da) != len(db) || cap(da) != cap(db) {
			t.Errorf("ReadAll(%d): sizes %v vs %v, cap %d vs %d", total, a.sizes, b.sizes, cap(da), cap(db))
		}
	}
	for _, sec := range []int64{0, 1, -1, 1e9, -62135596800, 253402300799} {
		for _, ns := range []int64{0, 1, 999999999, 5e8} {
			x, y := xtime.Unix(sec, ns).UTC(), time.Unix(sec, ns).UTC()
			if x.GoString() != y.GoString() || x.String() != y.String() {
				t.Errorf("%d.%d: %q %q vs %q %q", sec, ns, x.GoString(), x.String(), y.GoString(), y.String())
			}
			z := xtime.Date(2024, 13, 40, 25, 61, 61, 1e9+5, xtime.FixedZone("X", 3600))
			w := time.Date(2024, 13, 40, 25, 61, 61, 1e9+5, time.FixedZone("X", 3600))
			if z.GoString() != w.GoString() {
				t.Errorf("Date: %q vs %q", z.GoString(), w.GoString())
			}
		}
	}
	// A monotonic reading prints as " m=+S.NNNNNNNNN", like Go's.
	now := xtime.Now().String()
	if !strings.Contains(now, " m=+") || len(now) < 10 || now[len(now)-10] != '.' {
		t.Errorf("Now().String() = %q", now)
	}
}
