package main

import (
	"encoding"
	"fmt"
	"time"
)

// Time's binary form: MarshalBinary / UnmarshalBinary / AppendBinary and
// the gob methods, in UTC and fixed zones (whole minutes and not), and the
// decoding errors.
func main() {
	var _ encoding.BinaryMarshaler = time.Time{}
	var _ encoding.BinaryUnmarshaler = &time.Time{}
	zones := []*time.Location{
		time.UTC,
		time.FixedZone("EST", -5*3600),
		time.FixedZone("IST", 5*3600+30*60),
		time.FixedZone("LMT", -(4*3600 + 56*60 + 2)),
		time.FixedZone("ODD", 7),
	}
	instants := []time.Time{
		time.Date(2009, 11, 10, 23, 0, 0, 123456789, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-300, 3, 4, 5, 6, 7, 8, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		{},
	}
	for _, z := range zones {
		for _, in := range instants {
			t := in.In(z)
			b, err := t.MarshalBinary()
			fmt.Printf("%v % x %v\n", t, b, err)
			var u time.Time
			err = u.UnmarshalBinary(b)
			name, off := u.Zone()
			fmt.Println(" ", u, u.Equal(t), name, off, err)
			g, err := t.GobEncode()
			fmt.Println(" ", string(g) == string(b), err)
			var v time.Time
			fmt.Println(" ", v.GobDecode(g), v.Equal(t))
			a, err := t.AppendBinary([]byte("x"))
			fmt.Printf("  %q %v\n", a[:1], err)
		}
	}
	big := time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("far", 40000*60))
	b, err := big.MarshalBinary()
	fmt.Println(b, err)
	a, err := big.AppendBinary([]byte("keep"))
	fmt.Println(string(a), err)
	m1 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("m1", -60))
	b, err = m1.MarshalBinary()
	fmt.Println(b, err)
	var t time.Time
	for _, data := range [][]byte{
		nil,
		{3},
		{1, 2, 3},
		{2, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{1, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255},
		{1, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0},
		{2, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 200},
		{2, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, 1, 255, 255, 0},
	} {
		err := t.UnmarshalBinary(data)
		name, off := t.Zone()
		fmt.Println(t, name, off, err)
	}
}
