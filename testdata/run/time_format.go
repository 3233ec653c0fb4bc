// Formats times with every layout element, the predefined layouts, and
// zones of all kinds; prints Time values, AppendFormat aliasing and the
// JSON/text marshalers.
package main

import (
	"encoding/json"
	"fmt"
	"time"
)

func main() {
	zones := []*time.Location{
		time.UTC,
		time.FixedZone("", 0),
		time.FixedZone("", -7*3600),
		time.FixedZone("XYZ", 5*3600+30*60),
		time.FixedZone("", -(3*3600 + 25*60 + 17)),
		time.FixedZone("ODD", 45),
	}
	instants := []time.Time{
		time.Date(2006, 1, 2, 15, 4, 5, 123456789, time.UTC),
		time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2023, 7, 9, 12, 30, 0, 100000000, time.UTC),
		time.Date(5, 3, 4, 1, 2, 3, 4000, time.UTC),
		time.Date(-42, 10, 11, 11, 0, 9, 50, time.UTC),
		time.Date(12345, 6, 7, 8, 9, 10, 11, time.UTC),
		time.Time{},
	}
	layouts := []string{
		time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
		time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen,
		time.Stamp, time.StampMilli, time.StampMicro, time.StampNano, time.DateTime, time.DateOnly,
		time.TimeOnly,
		"January Jan 1 01 Monday Mon 2 _2 02 __2 002 15 3 03 4 04 5 05 2006 06 PM pm",
		"MST Z0700 Z070000 Z07 Z07:00 Z07:00:00 -0700 -070000 -07 -07:00 -07:00:00",
		".0 .00 .000 .000000 .000000000 .9 .99 .999999 .999999999 ,000 ,999",
		"05.000 05,999 05.9999999999 05.0000000000 5.123",
		"Janet Monx Mond January2006 _2006 __2006 .9x 1.5 2.0",
		"no elements here", "", "Jan _2 __2 002 pm PM",
		"2006-01-02T15:04:05.999999999Z07:00 MST",
	}
	for _, t0 := range instants {
		for _, z := range zones {
			t := t0.In(z)
			fmt.Println(t)
			for _, l := range layouts {
				fmt.Printf("  %q => %q\n", l, t.Format(l))
			}
		}
	}
	// Values printed through fmt.
	t := time.Date(2021, 3, 14, 1, 59, 26, 535897932, time.FixedZone("PIE", 3*3600))
	fmt.Printf("%v|%s|%#v\n", t, t, t)
	fmt.Println(t.UTC(), t.Month(), t.Weekday(), time.Month(13), time.Weekday(9))
	// AppendFormat appends in place when there is room.
	buf := make([]byte, 3, 64)
	copy(buf, "ab:")
	out := t.AppendFormat(buf, time.Kitchen)
	fmt.Println(string(out), len(out), cap(out), &out[0] == &buf[0])
	out2 := t.AppendFormat(nil, time.RFC1123Z)
	fmt.Println(string(out2), len(out2), cap(out2))
	small := []byte("x")
	out3 := t.AppendFormat(small, time.RFC3339Nano+" "+time.RFC1123)
	fmt.Println(string(out3), len(out3), cap(out3))
	// Marshalers.
	for _, tt := range []time.Time{t, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		j, err := tt.MarshalJSON()
		fmt.Println(string(j), err)
		x, err := tt.MarshalText()
		fmt.Println(string(x), err)
	}
	type rec struct {
		When time.Time
		Ptr  *time.Time
	}
	b, err := json.Marshal(rec{When: t, Ptr: &t})
	fmt.Println(string(b), err)
	var r rec
	err = json.Unmarshal(b, &r)
	fmt.Println(r.When, r.Ptr, err, r.When.Equal(t))
	err = json.Unmarshal([]byte(`{"When":"2021-13-01T00:00:00Z"}`), &r)
	fmt.Println(err)
	var u time.Time
	fmt.Println(u.UnmarshalText([]byte("2020-02-30T10:00:00Z")), u.UnmarshalJSON([]byte(`"bad"`)), u.UnmarshalJSON([]byte(`null`)))
	fmt.Println(u.UnmarshalText([]byte("2020-01-30T10:00:00.5+01:30")), u)
}
