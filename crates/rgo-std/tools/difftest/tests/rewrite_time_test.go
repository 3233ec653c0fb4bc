package tests

import (
	"fmt"
	"testing"
	"time"

	xtime "difftest/x/time"
)

// TestTimeQuoteAndRound compares duration error texts and Round corners.
func TestTimeQuoteAndRound(t *testing.T) {
	for _, in := range []string{"1é", "1\x01", "\xff", "1\"", "1\\", "1\uFFFD", "x", "-1.5hé", "1h\x7f"} {
		_, e1 := xtime.ParseDuration(in)
		_, e2 := time.ParseDuration(in)
		if fmt.Sprint(e1) != fmt.Sprint(e2) {
			t.Errorf("%q: got %v want %v", in, e1, e2)
		}
	}
	for _, d := range []time.Duration{0, 1, -1, 1500, -1500, 1<<63 - 1, -1 << 63, 2500 * time.Millisecond, -2500 * time.Millisecond} {
		for _, m := range []time.Duration{0, 1, 2, 3, 1000, time.Second, 1<<63 - 1} {
			if g, w := xtime.Duration(d).Round(xtime.Duration(m)), d.Round(m); int64(g) != int64(w) {
				t.Errorf("Round(%d,%d) got %d want %d", d, m, g, w)
			}
		}
		if g, w := xtime.Duration(d).Hours(), d.Hours(); g != w {
			t.Errorf("Hours %d", d)
		}
	}
}
