// Paths the compiler lowers to fused instructions: interface calls,
// captured variables, math.Sqrt, division by constants, range keys,
// copies folded into their producers.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Scale(f float64) (float64, string)
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }
func (q Sq) Scale(f float64) (float64, string) {
	return q.s * f, "sq"
}

type Rc struct{ w, h float64 }

func (r *Rc) Area() float64 { return r.w * r.h }
func (r *Rc) Scale(f float64) (float64, string) {
	r.w *= f
	return r.w, "rc"
}

func arg() float64 {
	fmt.Println("arg evaluated")
	return 2
}

func nilCall() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var s Shape
	s.Scale(arg())
}

type pair struct {
	a string
	b int
}

func closures() {
	p := pair{"x", 7}
	s := "str"
	n := 3
	f := func(k int) string {
		g := func() int { return n + p.b + k }
		return fmt.Sprint(s, p.a, g())
	}
	fmt.Println(f(1), f(2))
	c := 0
	inc := func() { c++ }
	for i := 0; i < 5; i++ {
		inc()
	}
	fmt.Println(c)
}

func divs() {
	vals := []int{-1000001, -17, -8, -7, -1, 0, 1, 7, 8, 17, 1000001, math.MaxInt64, math.MinInt64}
	for _, v := range vals {
		fmt.Println(v/2, v%2, v/7, v%7, v/-3, v%-3, v/1000, v%1000, v/(1<<20))
	}
	for _, v := range []int32{-2147483648, -5, 5, 2147483647} {
		fmt.Println(v/3, v%3, v/-2, v%-2)
	}
	for _, v := range []int8{-128, -7, 7, 127} {
		fmt.Println(v/3, v%3, v/-128, v%10)
	}
}

func ranges() {
	s := []int{10, 20, 30}
	for i := range s {
		fmt.Print(i, " ")
	}
	for i := range s {
		i += 10
		fmt.Print(i, " ")
	}
	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}

func named(s []int) (a, b int) {
	defer func() { recover() }()
	a, b = 1, s[5]
	return
}

func swap(x, y float64) (float64, float64) {
	dx, dy := x-y, y-x
	return dy, dx
}

func main() {
	nilCall()
	shapes := []Shape{Sq{3}, &Rc{2, 5}}
	for _, s := range shapes {
		v, k := s.Scale(arg())
		fmt.Println(s.Area(), v, k)
	}
	closures()
	fmt.Println(math.Sqrt(2), math.Sqrt(-1), math.Sqrt(0), math.Sqrt(0.25))
	divs()
	ranges()
	fmt.Println(named([]int{1}))
	fmt.Println(swap(1, 4))
}
