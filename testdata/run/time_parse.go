// Parses values against layouts: successes (zones, fractions, 12-hour
// clocks, day of year) and every kind of error text.
package main

import (
	"fmt"
	"time"
)

func show(layout, value string) {
	t, err := time.Parse(layout, value)
	if err != nil {
		fmt.Printf("%q %q: error %v\n", layout, value, err)
		if pe, ok := err.(*time.ParseError); ok {
			fmt.Printf("    %q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
		}
		return
	}
	name, off := t.Zone()
	fmt.Printf("%q %q: %v [%s %d] %d\n", layout, value, t, name, off, t.Unix())
}

func main() {
	cases := [][2]string{
		{"2006", "x"},
		{"2006", "2023"},
		{"2006-01-02", "2023-13-01"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02", "2024-02-29"},
		{"2006-01-02", "2024-02-30"},
		{"2006-01-02", "2024-04-31"},
		{"2006-01-02", "2024-1-02"},
		{"2006-1-2", "2024-1-2"},
		{"2006-01-02 15:04:05", "2024-01-02 24:00:00"},
		{"2006-01-02 15:04:05", "2024-01-02 23:60:00"},
		{"2006-01-02 15:04:05", "2024-01-02 23:59:60"},
		{"2006-01-02 15:04:05", "2024-01-02 23:59:59 extra"},
		{"2006-01-02 15:04:05", "2024-01-02 23:59:59.123456"},
		{"2006-01-02 15:04:05", "2024-01-02 23:59:59,5"},
		{"2006-01-02 15:04:05.000", "2024-01-02 23:59:59.12"},
		{"2006-01-02 15:04:05.000", "2024-01-02 23:59:59.123"},
		{"2006-01-02 15:04:05.999", "2024-01-02 23:59:59.1"},
		{"2006-01-02 15:04:05.999", "2024-01-02 23:59:59"},
		{"2006-01-02 15:04:05.999999999", "2024-01-02 23:59:59.1234567891"},
		{time.RFC3339, "2024-01-02T03:04:05Z"},
		{time.RFC3339, "2024-01-02T03:04:05+05:30"},
		{time.RFC3339, "2024-01-02T03:04:05-00:00"},
		{time.RFC3339, "2024-01-02T03:04:05+25:00"},
		{time.RFC3339, "2024-01-02T03:04:05+05:61"},
		{time.RFC3339, "2024-01-02T03:04:05+0530"},
		{time.RFC3339, "2024-01-02T03:04:05"},
		{time.RFC3339Nano, "2024-01-02T03:04:05.123456789Z"},
		{time.RFC3339Nano, "2024-01-02T03:04:05.Z"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 MST"},
		{time.RFC1123, "Tue, 02 Jan 2006 15:04:05 PST"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 UTC"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 GMT+3"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 GMT-11"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 ChST"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 X"},
		{time.RFC1123, "Mon, 02 Foo 2006 15:04:05 MST"},
		{time.RFC1123, "Xyz, 02 Jan 2006 15:04:05 MST"},
		{time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 -0700"},
		{time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 +0000"},
		{time.RFC850, "Monday, 02-Jan-06 15:04:05 MST"},
		{time.RFC850, "Monday, 02-Jan-70 15:04:05 MST"},
		{time.RFC850, "Monday, 02-Jan-68 15:04:05 MST"},
		{time.ANSIC, "Mon Jan  2 15:04:05 2006"},
		{time.ANSIC, "Mon Jan 12 15:04:05 2006"},
		{time.UnixDate, "Mon Jan  2 15:04:05 EST 2006"},
		{time.Kitchen, "3:04PM"},
		{time.Kitchen, "12:04AM"},
		{time.Kitchen, "12:04PM"},
		{time.Kitchen, "13:04PM"},
		{time.Kitchen, "3:04XM"},
		{"3:04pm", "3:04PM"},
		{"January 2, 2006", "february 3, 2007"},
		{"Jan 2, 2006", "SEP 3, 2007"},
		{"Monday Jan 2 2006", "friday Feb 3 2007"},
		{"2006 002", "2024 060"},
		{"2006 002", "2023 060"},
		{"2006 002", "2023 366"},
		{"2006 002", "2024 366"},
		{"2006 002", "2024 000"},
		{"2006 __2", "2024  60"},
		{"2006-01 002", "2024-03 060"},
		{"2006-01-02 002", "2024-02-28 060"},
		{"2006-01-02 002", "2024-02-29 060"},
		{"Z07", "+05"},
		{"Z070000", "-053015"},
		{"-07:00:00", "+01:02:03"},
		{"-07:00:00", "+01:02"},
		{"-0700", "+01"},
		{"-0700", "x0100"},
		{"MST", "ABCDT"},
		{"MST", "ABCDE"},
		{"MST", "WITA"},
		{"MST", "ab"},
		{"MST -0700", "CEST +0200"},
		{"MST -0700", "EST -0500"},
		{"06", "7"},
		{"2006", "-123"},
		{"2006", "+123"},
		{"01/02/2006", "1/2/2006"},
		{"15", "9"},
		{"_2", " 9"},
		{"_2", "9"},
		{"__2", "  9"},
		{"2", "31"},
		{"2", "32"},
		{"02", "00"},
		{"Jan", "Ja"},
		{"", ""},
		{"", "x"},
		{"x", ""},
		{"a  b", "a b"},
		{"a b", "a   b"},
		{"\xff2006", "\xff2020"},
		{"2006\"", "2020\xfe\x01"},
		{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z07:00"},
		{"15:04:05.000000", "10:00:00.-12345"},
		{"05.99", "10.5"},
		{"4 5", "61 3"},
		{"1", "0"},
		{"PM", "am"},
	}
	for _, c := range cases {
		show(c[0], c[1])
	}
	// Zone abbreviations and offsets resolved against a location.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range [][2]string{
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 EST"},
		{time.RFC1123, "Sun, 02 Jul 2006 15:04:05 EDT"},
		{time.RFC1123, "Sun, 02 Jul 2006 15:04:05 EST"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 CET"},
		{time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 -0500"},
		{time.RFC1123Z, "Mon, 02 Jan 2006 15:04:05 -0400"},
		{time.DateTime, "2023-03-12 02:30:00"},
		{time.DateTime, "2023-11-05 01:30:00"},
		{time.DateTime, "2040-07-01 12:00:00"},
	} {
		t, err := time.ParseInLocation(c[0], c[1], ny)
		fmt.Println(c[1], "=>", t, t.Location(), err)
	}
}
