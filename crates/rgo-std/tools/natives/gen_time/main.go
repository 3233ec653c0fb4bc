// gen_time prints golden time.Format / time.Parse results of real Go for
// crates/rgo-std/tests/natives_time.rs. Strings are hex-encoded.
//
//	TZ=UTC go run . > ../../../tests/golden/time.txt
//
// (-n and -seed make larger runs; point the test at one with
// RGO_TIME_GOLDEN.)
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"time"
)

var layouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123,
	time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro,
	time.StampNano, time.DateTime, time.DateOnly, time.TimeOnly,
	"2006-01-02T15:04:05.000Z07:00", "Monday January 2 2006", "Jan _2 __2 002", "3:4:5 pm PM", "15h04m05s.999",
	"2006-01-02 15:04:05,000000 -07:00:00", "Z070000 Z07:00:00 Z0700 Z07 -070000 -07:00:00 -0700 -07 -07:00 MST",
	".0 .00 .9 .99 ,999999999 ,0000000000", "_2006 06 2006", "Janx Monx Jan2 Mon2 January Monday", "05.9", "05.000123",
	"1 01 2 02 _2 3 03 4 04 5 05", "plain text", "", "2006-002", "__2", "Z", "-07", "15:04:05.999999999999",
	"Mon, 02 Jan 2006 15:04:05 GMT", "2006-01-02T15:04:05Z0700", "01/02/06", "20060102150405", "2006 Jan 2 15:04 MST",
}

func hexs(s string) string {
	if s == "" {
		return "-"
	}
	return fmt.Sprintf("%x", s)
}

func main() {
	n := flag.Int("n", 3000, "random times")
	seed := flag.Int64("seed", 7, "random seed")
	flag.Parse()
	r := rand.New(rand.NewSource(*seed))
	zones := []*time.Location{time.UTC, time.FixedZone("", 0), time.FixedZone("CET", 3600), time.FixedZone("", -7*3600-30*60),
		time.FixedZone("XYZ", 5*3600+45*60+15), time.FixedZone("", -59), time.FixedZone("ABCD", -12*3600)}
	for i := 0; i < *n; i++ {
		year := r.Intn(12000) - 1000
		if i%3 == 0 {
			year = 1950 + r.Intn(100)
		}
		nsec := r.Intn(1e9)
		switch r.Intn(4) {
		case 0:
			nsec = 0
		case 1:
			nsec = nsec / 1e6 * 1e6
		}
		t := time.Date(year, time.Month(1+r.Intn(12)), 1+r.Intn(31), r.Intn(24), r.Intn(60), r.Intn(60), nsec, zones[r.Intn(len(zones))])
		name, off := t.Zone()
		layout := layouts[r.Intn(len(layouts))]
		fmt.Printf("F %d %d %d %d %d %d %d %d %d %d %s %s %s\n", t.Year(), t.Month(), t.Day(), t.YearDay(), t.Weekday(),
			t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), off, hexs(name), hexs(layout), hexs(t.Format(layout)))
		// Parse what was formatted, sometimes mangled.
		v := t.Format(layout)
		if r.Intn(2) == 0 && len(v) > 0 {
			b := []byte(v)
			switch r.Intn(4) {
			case 0:
				b[r.Intn(len(b))] = "0123456789 :.,-+ZaAPM"[r.Intn(21)]
			case 1:
				b = b[:r.Intn(len(b))]
			case 2:
				b = append(b, " x"[r.Intn(2)])
			default:
				k := r.Intn(len(b))
				b = append(b[:k], b[k+1:]...)
			}
			v = string(b)
		}
		parse(layout, v)
	}
	extra := [][2]string{
		{"2006-01-02", "x"}, {"2006-01-02", "2023-02-29"}, {"2006-01-02", "2024-02-29"}, {"2006-01-02", "2023-13-01"},
		{"2006-01-02", "2023-04-31"}, {"2006-002", "2023-366"}, {"2006-002", "2024-366"}, {"2006-002", "2024-060"},
		{"2006-002 01-02", "2024-060 03-01"}, {"2006-002 01", "2024-061 02"}, {"2006-__2", "2024-  1"}, {"15:04:05", "25:00:00"},
		{"15:04:05", "12:60:00"}, {"15:04:05", "12:00:60"}, {"15:04:05", "12:00:00.123456789123"}, {"15:04:05", "12:00:00,5"},
		{"15:04:05.000", "12:00:00.12"}, {"15:04:05.000", "12:00:00.-12"}, {"15:04:05.999", "12:00:00"}, {"3PM", "13PM"},
		{"3PM", "12AM"}, {"3PM", "12PM"}, {"3pm", "1PM"}, {"MST", "GMT+3"}, {"MST", "GMT-25"}, {"MST", "ChST"}, {"MST", "WITA"},
		{"MST", "ABCDE"}, {"MST", "ABCDT"}, {"MST", "AB"}, {"MST", "+05"}, {"MST", "UTC"}, {"MST", "PDT"}, {"-0700", "+2500"},
		{"-0700", "+0061"}, {"-07:00:00", "+01:00:61"}, {"-07:00", "-00:00"}, {"-07:00:00", "-00:00:01"}, {"Z07:00", "Z"},
		{"Z07:00", "z"}, {"Z07:00", "*01:00"}, {"06", "+1"}, {"06", "-1"}, {"06", "68"}, {"06", "69"}, {"2006", "-123"},
		{"2006", "12345"}, {"Jan", "jAN"}, {"January", "JANUARY"}, {"Mon", "tue"}, {"Monday", "Tuesday"}, {"02 Jan", "2 Jan"},
		{"_2 Jan", " 2 Jan"}, {"_2 Jan", "12 Jan"}, {"2006  01", "2006 01"}, {"2006 01", "2006   01"}, {"2006 01", "200601"},
		{"\xff2006", "\xff2006"}, {"2006", "2006\xff\x01é"}, {"", ""}, {"", "x"}, {"05", "5.5"}, {"05 .000", "05 .000"},
		{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05+07:00"}, {"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05-00:00"},
		{time.RFC3339Nano, "2024-05-06T07:08:09.123456789Z"}, {time.RFC1123, "Mon, 02 Jan 2006 15:04:05 XYZT"},
		{"Jan _2 __2", "Feb  3  34"}, {"002", "034"}, {"__2", "  7"}, {"15 04", "1 4"}, {"03:04", "3:04"},
	}
	for _, e := range extra {
		parse(e[0], e[1])
	}
}

func parse(layout, value string) {
	t, err := time.Parse(layout, value)
	if err != nil {
		fmt.Printf("E %s %s %s\n", hexs(layout), hexs(value), hexs(err.Error()))
		return
	}
	_, off := t.Zone()
	fmt.Printf("P %s %s %d %d %d %d %d %d %d %d\n", hexs(layout), hexs(value), t.Year(), t.Month(), t.Day(), t.Hour(),
		t.Minute(), t.Second(), t.Nanosecond(), off)
}
