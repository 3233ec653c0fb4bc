// Calls to small functions that rgo inlines, with arguments forwarded
// from the caller's variables: a callee that reassigns its parameter,
// arguments computed with branches, the same variable passed twice, a
// variable changed right after the call, and method receivers.
package main

import "fmt"

func add(a, b int) int { return a + b }

func twice(a int) int {
	a = a * 2
	return a
}

func pick(c bool, a, b int) int {
	if c {
		return a
	}
	return b
}

func cmpStr(a, b string) bool { return a == b }

func first(s []int) int { return s[0] }

type pt struct{ x, y int }

func (p *pt) sum() int { return p.x + p.y }
func (p pt) diff() int  { return p.x - p.y }

func main() {
	x, y := 3, 4
	fmt.Println(add(x, y), add(x, x), twice(x), x)
	total := 0
	for i := 0; i < 10; i++ {
		total += add(i, total)
		total += pick(i%2 == 0 && i > 2, i, -i)
		y = twice(y)
		y -= add(y, 1)
	}
	fmt.Println(total, y)
	a, b := "go", "go"
	fmt.Println(cmpStr(a, b), cmpStr(a, "rgo"))
	s := []int{7, 8}
	fmt.Println(first(s))
	p := &pt{5, 2}
	q := pt{1, 9}
	fmt.Println(p.sum(), q.diff(), p.diff())
	z := 1
	for j := 0; j < 5; j++ {
		z = add(z, j) + twice(z)
		if z > 100 {
			z = pick(j > 3, z-50, z)
		}
	}
	fmt.Println(z)
}
