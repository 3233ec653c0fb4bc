// Allocations of appends to local slices (testing.AllocsPerRun), as Go.
package main

import (
	"fmt"
	"testing"
)

var keep []int

func main() {
	n := 0
	cases := []struct {
		name string
		f    func()
	}{
		{"append to local", func() { s := []int{}; s = append(s, 1); n += len(s) }},
		{"append nil then grow", func() {
			var s []int
			for i := 0; i < 6; i++ {
				s = append(s, i)
			}
			n += cap(s)
		}},
		{"append kept", func() { var s []int; s = append(s, 1); keep = s }},
		{"append bytes", func() {
			var b []byte
			b = append(b, "hello"...)
			b = append(b, '!')
			n += len(b)
		}},
	}
	for _, c := range cases {
		fmt.Printf("%-24s %v\n", c.name, testing.AllocsPerRun(100, c.f))
	}
	fmt.Println(n > 0)
}
