// Loads zones from the system zoneinfo database and TZif data: lookups
// before, inside and after the transition tables (where the file's POSIX
// rule takes over), ZoneBounds, DST flags, Local from $TZ, and errors.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	os.Setenv("TZ", "Europe/Paris")
	fmt.Println(time.Local, time.Date(2030, 7, 1, 12, 0, 0, 0, time.Local))
	fmt.Println(time.Unix(1e9, 0))
	for _, name := range []string{"America/New_York", "Europe/London", "Australia/Lord_Howe",
		"Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Africa/Casablanca",
		"Etc/GMT-14", "Asia/Tehran", "America/Santiago", "Pacific/Apia", "Europe/Dublin",
		"America/Godthab", "Antarctica/Troll"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			fmt.Println(name, err)
			continue
		}
		fmt.Println(loc)
		for _, sec := range []int64{-3e9, -1e9, 0, 1e9, 1.7e9, 2.1e9, 2.5e9, 4e9, 7e9, 1e11} {
			t := time.Unix(sec, 0).In(loc)
			a, b := t.ZoneBounds()
			name, off := t.Zone()
			fmt.Println("  ", t, name, off, t.IsDST(), a, b)
		}
		for _, y := range []int{1900, 1975, 2025, 2077, 2200} {
			for _, m := range []time.Month{1, 3, 4, 7, 10, 11} {
				t := time.Date(y, m, 15, 2, 30, 0, 0, loc)
				fmt.Print(" ", t.Format("2006-01-02 15:04 MST -07:00"))
			}
			fmt.Println()
		}
	}
	for _, name := range []string{"", "UTC", "Local", "Nowhere/City", "America", "../x", "/etc/localtime", "\\x", "zone1970.tab", "a..b"} {
		loc, err := time.LoadLocation(name)
		fmt.Printf("%q %v %v\n", name, loc, err)
	}
	data, err := os.ReadFile("/usr/share/zoneinfo/Asia/Tokyo")
	if err != nil {
		fmt.Println(err)
		return
	}
	loc, err := time.LoadLocationFromTZData("Tokyo!", data)
	fmt.Println(loc, err, time.Date(1950, 5, 5, 0, 0, 0, 0, loc), time.Date(2090, 5, 5, 0, 0, 0, 0, loc))
	for _, bad := range [][]byte{nil, []byte("TZif"), data[:40], data[:60], []byte("TZxf" + string(data[4:]))} {
		_, err := time.LoadLocationFromTZData("bad", bad)
		fmt.Println(err)
	}
	// A version-1 file without the 64-bit block, built by hand.
	v1 := []byte("TZif\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	for _, n := range []int{0, 0, 0, 1, 2, 8} {
		v1 = append(v1, 0, 0, 0, byte(n))
	}
	v1 = append(v1, 0x10, 0, 0, 0, 1, 0, 0, 0x0e, 0x10, 0, 0, 0xff, 0xff, 0xf1, 0xf0, 1, 4)
	v1 = append(v1, "AAA\x00BBB\x00"...)
	loc, err = time.LoadLocationFromTZData("v1", v1)
	fmt.Println(loc, err)
	for _, sec := range []int64{0, 0x10000000, 0x20000000} {
		t := time.Unix(sec, 0).In(loc)
		a, b := t.ZoneBounds()
		fmt.Println(t, a, b)
	}
	// Rules in footers, including odd ones.
	for _, rule := range []string{"EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30", "AAA3BBB", "XXX-2YYY-3,J60/1,J300/25",
		"XXX2YYY,0/0,364/0", "ABC+1:30:15DEF+0:30,M1.5.6/-2,M12.1.0/167", "bad", "AB1", "<A>1<B>,M13.1.0,M1.1.1", "STD-10DST,M10.1.0,M4.1.0/3"} {
		d := append([]byte{}, v1[:4]...)
		d = append(d, '2')
		d = append(d, v1[5:]...)
		d = append(d, v1[:4]...)
		d = append(d, '2')
		d = append(d, v1[5:20]...)
		for _, n := range []int{0, 0, 0, 1, 2, 8} {
			d = append(d, 0, 0, 0, byte(n))
		}
		d = append(d, 0, 0, 0, 0, 0x10, 0, 0, 0, 1, 0, 0, 0x0e, 0x10, 0, 0, 0xff, 0xff, 0xf1, 0xf0, 1, 4)
		d = append(d, "AAA\x00BBB\x00"...)
		d = append(d, '\n')
		d = append(d, rule...)
		d = append(d, '\n')
		loc, err := time.LoadLocationFromTZData(rule, d)
		if err != nil {
			fmt.Println(rule, err)
			continue
		}
		for _, sec := range []int64{0x10000000, 1.7e9, 1.72e9, 1.735e9, 4.1e9} {
			t := time.Unix(sec, 0).In(loc)
			a, b := t.ZoneBounds()
			fmt.Println("  ", rule, t, t.IsDST(), a, b)
		}
	}
}
