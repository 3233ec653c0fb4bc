package tests

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	xt "difftest/x/time"
)

func TestDuration(t *testing.T) {
	r := rand.New(rand.NewSource(10))
	ds := []int64{0, 1, -1, 999, 1000, 1001, 1500, 999999, 1000000, 1500000, 1e9, 1e9 + 1, 61e9, 3600e9, 3661e9 + 5e8,
		-1 << 63, 1<<63 - 1, 90061001001001}
	for i := 0; i < 2000; i++ {
		ds = append(ds, r.Int63()>>uint(r.Intn(63))*int64(1-2*r.Intn(2)))
	}
	for _, d := range ds {
		a, b := xt.Duration(d), time.Duration(d)
		same(t, fmt.Sprint("String ", d), a.String(), b.String())
		same(t, "Hours", fmt.Sprint(a.Hours(), a.Minutes(), a.Seconds(), a.Milliseconds(), a.Microseconds()),
			fmt.Sprint(b.Hours(), b.Minutes(), b.Seconds(), b.Milliseconds(), b.Microseconds()))
		for _, m := range []int64{-1, 0, 1, 7, 1000, 1e6, 1e9, 3600e9, 1 << 62} {
			same(t, fmt.Sprint("Round ", d, m), int64(a.Round(xt.Duration(m))), int64(b.Round(time.Duration(m))))
			same(t, fmt.Sprint("Truncate ", d, m), int64(a.Truncate(xt.Duration(m))), int64(b.Truncate(time.Duration(m))))
		}
		same(t, "Abs", int64(a.Abs()), int64(b.Abs()))
		p1, e1 := xt.ParseDuration(b.String())
		p2, e2 := time.ParseDuration(b.String())
		same(t, "ParseDuration round trip "+b.String(), []any{int64(p1), errStr(e1)}, []any{int64(p2), errStr(e2)})
	}
	for _, s := range []string{"", "0", "+0", "-0", "1", "1s", "1.5h", "-1.5h", ".5s", "5.s", ".s", "1h2m3s4ms5us6ns", "1µs", "1μs",
		"3x", "9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns", "2562047h47m16.854775807s",
		"2562048h", "1.0000000000000000001s", "0.9999999999999999999h", "1e3s", "- 1s", "1s ", "s", "\xff", "1\"s"} {
		p1, e1 := xt.ParseDuration(s)
		p2, e2 := time.ParseDuration(s)
		same(t, "ParseDuration "+s, []any{int64(p1), errStr(e1)}, []any{int64(p2), errStr(e2)})
	}
}

func TestTimeCalendar(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	xlocs := []*xt.Location{xt.UTC, xt.FixedZone("EST", -5*3600), xt.FixedZone("", 5*3600+1800), xt.FixedZone("X", 14*3600)}
	locs := []*time.Location{time.UTC, time.FixedZone("EST", -5*3600), time.FixedZone("", 5*3600+1800), time.FixedZone("X", 14*3600)}
	for i := 0; i < 5000; i++ {
		y, mo, d := r.Intn(4000)-500, r.Intn(30)-7, r.Intn(80)-20
		h, mi, s, ns := r.Intn(50)-10, r.Intn(200)-50, r.Intn(200)-50, r.Intn(3e9)-1e9
		li := r.Intn(len(locs))
		a := xt.Date(y, xt.Month(mo), d, h, mi, s, ns, xlocs[li])
		b := time.Date(y, time.Month(mo), d, h, mi, s, ns, locs[li])
		id := fmt.Sprint("Date ", y, mo, d, h, mi, s, ns, li)
		same(t, id, a.Format(time.RFC3339Nano), b.Format(time.RFC3339Nano))
		same(t, "Unix "+id, []int64{a.Unix(), a.UnixNano(), a.UnixMilli(), a.UnixMicro()}, []int64{b.Unix(), b.UnixNano(), b.UnixMilli(), b.UnixMicro()})
		y1, w1 := a.ISOWeek()
		y2, w2 := b.ISOWeek()
		same(t, "fields "+id, []any{a.YearDay(), a.Weekday().String(), a.Month().String(), y1, w1, a.IsZero()},
			[]any{b.YearDay(), b.Weekday().String(), b.Month().String(), y2, w2, b.IsZero()})
		same(t, "String "+id, a.String(), b.String())
		same(t, "GoString "+id, a.GoString(), b.GoString())
		dur := time.Duration(r.Int63n(1<<50) - 1<<49)
		same(t, "Add "+id, a.Add(xt.Duration(dur)).String(), b.Add(dur).String())
		dy, dm, dd := r.Intn(5)-2, r.Intn(30)-15, r.Intn(100)-50
		same(t, "AddDate "+id, a.AddDate(dy, dm, dd).String(), b.AddDate(dy, dm, dd).String())
		for _, m := range []time.Duration{-1, 0, 1, 7, time.Millisecond, time.Second, time.Hour, 24 * time.Hour, 7777777777} {
			same(t, fmt.Sprint("Truncate ", id, m), a.Truncate(xt.Duration(m)).String(), b.Truncate(m).String())
			same(t, fmt.Sprint("Round ", id, m), a.Round(xt.Duration(m)).String(), b.Round(m).String())
		}
		c := xt.Unix(r.Int63n(1<<40)-1<<39, r.Int63n(3e9)-1e9).In(xlocs[li])
		e := time.Unix(c.Unix(), int64(c.Nanosecond())).In(locs[li])
		same(t, "Sub "+id, int64(a.Sub(c)), int64(b.Sub(e)))
		same(t, "cmp "+id, []any{a.Before(c), a.After(c), a.Equal(c), a.Compare(c)}, []any{b.Before(e), b.After(e), b.Equal(e), b.Compare(e)})
		n1, o1 := a.Zone()
		n2, o2 := b.Zone()
		same(t, "Zone "+id, []any{n1, o1, a.Location().String()}, []any{n2, o2, b.Location().String()})
		m1, _ := a.MarshalJSON()
		m2, _ := b.MarshalJSON()
		same(t, "MarshalJSON "+id, string(m1), string(m2))
	}
	for m := -1; m <= 14; m++ {
		same(t, "Month", xt.Month(m).String(), time.Month(m).String())
		same(t, "Weekday", xt.Weekday(m).String(), time.Weekday(m).String())
	}
	samePanic(t, "Date nil loc", func() any { return xt.Date(1, 1, 1, 1, 1, 1, 1, nil) }, func() any { return time.Date(1, 1, 1, 1, 1, 1, 1, nil) })
	var z1 xt.Time
	var z2 time.Time
	same(t, "zero", z1.String(), z2.String())
	same(t, "zero fields", fmt.Sprint(z1.Date()), fmt.Sprint(z2.Date()))
	same(t, "Since", xt.Since(xt.Now()) < xt.Second, true)
}
