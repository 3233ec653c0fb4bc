// Variables read after the calls of the same expression, as gc orders them.
package main

import "fmt"

var g = 1
var s []int

func f() int { g += 10; return 1 }
func h() int { s = append(s, 7); return 2 }

type T struct{ a, b int }

func main() {
	a := 1
	inc := func() int { a++; return a }
	x := a + inc()
	fmt.Println(x)
	y := g + f()
	fmt.Println(y)
	z := []int{g, f(), g}
	fmt.Println(z)
	s = append(s, h())
	fmt.Println(s)
	m := map[int]int{1: g}
	m[f()] = g
	fmt.Println(m)
	t := T{a: g, b: f()}
	fmt.Println(t)
	arr := [2]int{g, f()}
	fmt.Println(arr)
	fmt.Println(g, f(), g)
	var p struct{ v int }
	p.v = 5
	q := p.v + func() int { p.v = 100; return 0 }()
	fmt.Println(q)
}
