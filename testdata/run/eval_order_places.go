// gc evaluates a value assigned to an index, field or dereference before
// the place, and the fuzzer's cases of calls changing later operands.
package main

import "fmt"

func bump(p *int) int { *p += 10; return 1 }

type S struct{ f int }

func main() {
	x := 4
	m := map[int]int{}
	m[x] = bump(&x)
	fmt.Println(m)
	y := 4
	s := []int{y, bump(&y)}
	fmt.Println(s)
	z := 4
	fmt.Println(z + bump(&z))
	arr := []int{0, 0, 0}
	i := 0
	arr[i] = func() int { i = 2; return 5 }()
	fmt.Println(arr)
	var st S
	p := &st
	q := &S{}
	p.f = func() int { p = q; return 7 }()
	fmt.Println(st, *q)
}
