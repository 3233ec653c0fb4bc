// Which allocations stay off the heap: testing.AllocsPerRun must count
// what Go counts (escape analysis keeps non-escaping objects in the frame).
package main

import (
	"fmt"
	"strings"
	"testing"
)

type T struct {
	a, b int
	p    *int
}

type node struct {
	v    int
	next *node
}

var global *T
var sink interface{}
var gp *int

//go:noinline
func sum(p *T) int { return p.a + p.b }

//go:noinline
func first(s []int) int { return s[0] }

//go:noinline
func keep(p *T) { global = p }

//go:noinline
func ident(p *T) *T { return p }

//go:noinline
func newT() *T { return &T{a: 1} }

func apply(fs []func(int) int, x int) int {
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func adder(k int) func(int) int { return func(x int) int { return x + k } }

var saved func()
var keptInts []int

func sumAll(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func keepAll(xs ...int) { keptInts = xs }

func count(l *node) int {
	if l == nil {
		return 0
	}
	return 1 + count(l.next)
}

func forEach(s []int, f func(int)) {
	for _, x := range s {
		f(x)
	}
}

func saveFunc(f func()) { saved = f }

func (t *T) double() int { return 2 * t.a }

func (t *T) bump() { t.a++ }

//go:noinline
func field(t *T) *int { return t.p }

func main() {
	n := 0
	cases := []struct {
		name string
		f    func()
	}{
		{"local struct pointer", func() { t := &T{a: 1, b: 2}; n += t.a + t.b }},
		{"new int", func() { p := new(int); *p = 3; n += *p }},
		{"passed to non-leaking func", func() { t := &T{a: 1}; n += sum(t) }},
		{"slice literal to non-leaking func", func() { s := []int{1, 2, 3}; n += first(s) }},
		{"stored in global", func() { t := &T{a: 1}; global = t }},
		{"passed to leaking func", func() { t := &T{a: 1}; keep(t) }},
		{"returned through identity", func() { t := &T{a: 4}; n += ident(t).a }},
		{"identity result stored", func() { t := &T{a: 4}; global = ident(t) }},
		{"allocated by callee", func() { n += newT().a }},
		{"converted to interface", func() { sink = n }},
		{"closure not escaping", func() { k := n; f := func() int { return k + 1 }; n += f() }},
		{"closures in slice", func() { n += apply([]func(int) int{adder(n), adder(1)}, 1) }},
		{"address of local int", func() { x := n; p := &x; *p++; n = x }},
		{"linked nodes", func() { a := &node{v: 1}; b := &node{v: 2, next: a}; n += b.next.v }},
		{"pointer field to stack", func() { x := 5; t := &T{p: &x}; n += *t.p }},
		{"pointer field to heap", func() { x := 5; t := &T{p: &x}; gp = t.p }},
		{"array by pointer", func() { var a [8]int; p := &a; p[3] = n; n = a[3] }},
		{"make constant slice", func() { s := make([]int, 4); s[1] = n; n = s[1] }},
		{"loop keeps last", func() {
			var last *T
			for i := 0; i < 4; i++ {
				t := &T{a: i}
				if i == 0 {
					last = t
				}
			}
			n += last.a
		}},
		{"loop per iteration", func() {
			for i := 0; i < 4; i++ {
				t := &T{a: i}
				n += t.a
			}
		}},
		{"builder", func() { var b strings.Builder; b.WriteString("x"); n += b.Len() }},
		{"variadic not escaping", func() { n += sumAll(1, 2, 3) }},
		{"variadic escaping", func() { keepAll(1, 2, 3) }},
		{"recursive non-leaking", func() { n += count(&node{v: 1, next: &node{v: 2}}) }},
		{"closure to non-leaking func", func() { total := 0; forEach([]int{1, 2}, func(x int) { total += x }); n += total }},
		{"closure to leaking func", func() { total := 0; saveFunc(func() { total++ }) }},
		{"method value called", func() { t := &T{a: 2}; f := t.double; n += f() }},
		{"field of param returned", func() { x := 3; t := &T{p: &x}; n += *field(t) }},
		{"deferred method call", func() { t := &T{a: 1}; defer t.bump() }},
		{"defer closure", func() { x := 1; defer func() { n += x }() }},
		{"go statement", func() { t := &T{}; done := make(chan bool); go func() { t.a = 1; done <- true }(); <-done }},
	}
	for _, c := range cases {
		fmt.Printf("%-36s %v\n", c.name, testing.AllocsPerRun(100, c.f))
	}
	fmt.Println(n > 0)
}
