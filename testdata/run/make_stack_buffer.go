// make of a small or constant-capacity slice that does not escape stays
// off the heap (Go 1.25+), inside loops too; bad sizes panic as Go.
package main

import (
	"fmt"
	"testing"
)

var keep []byte

func use(b []byte) int { return len(b) + cap(b) }

func mk(n, c int) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint(e)
		}
	}()
	s := make([]int, n, c)
	return fmt.Sprint(len(s), cap(s))
}

func mk5(n int) (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint(e)
		}
	}()
	s := make([]int, n, 5)
	return fmt.Sprint(len(s), cap(s))
}

func main() {
	n := 8
	tot := 0
	cases := []struct {
		name string
		f    func()
	}{
		{"make small var", func() { b := make([]byte, n); b[0] = 1; tot += use(b) }},
		{"make big var", func() { b := make([]byte, n*10); tot += use(b) }},
		{"make escaping", func() { keep = make([]byte, n) }},
		{"make const cap", func() { b := make([]byte, n, 16); tot += use(b) }},
		{"make in loop", func() {
			for i := 1; i < 4; i++ {
				b := make([]int, i)
				b[i-1] = i
				tot += b[i-1]
			}
		}},
	}
	for _, c := range cases {
		fmt.Printf("%-18s %v\n", c.name, testing.AllocsPerRun(100, c.f))
	}
	fmt.Println(mk(2, 3), "|", mk(-1, 3), "|", mk(4, 3), "|", mk(3, -1), "|", mk5(6), "|", mk5(-2), "|", mk5(2))
	var rows [][]int
	for i := 0; i < 3; i++ {
		r := make([]int, i+1)
		r[i] = i
		rows = append(rows, r)
	}
	fmt.Println(rows, tot > 0)
}
