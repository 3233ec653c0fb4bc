// gc's evaluation order: within a statement, calls, receives, computing
// builtins, conversions to slices, slicing, type assertions and && / ||
// are evaluated before variables and memory are read.
package main

import "fmt"

var g = 1
var s []int
var log []string

func f() int  { g += 10; return 1 }
func h() int  { s = append(s, 7); return 2 }
func t(name string, v bool) bool { log = append(log, name); return v }

type P struct{ v int }

func (p *P) Get() int { return p.v }
func (p P) Val() int  { return p.v }

func main() {
	a, b, c := g, f(), g
	fmt.Println(a, b, c)
	arr := []int{1, 2, 3}
	i := 0
	bump := func() int { i++; arr[0] = 100; return 0 }
	x := arr[i] + bump()
	fmt.Println(x, i)
	y, z := arr[1:], bump()
	fmt.Println(y, z)
	var e any = 5
	chg := func() int { e = "str"; return 0 }
	n, m := e.(int), chg()
	fmt.Println(n, m)
	_, _ = t("a", false) || t("b", false), t("c", true)
	fmt.Println(log)
	p := &P{v: 1}
	set := func() int { p = &P{v: 2}; return 0 }
	fmt.Println(p.Get()+set(), p.Val())
	mp := map[string]int{"k": 1}
	mset := func() int { mp["k"] = 50; return 0 }
	fmt.Println(mp["k"] + mset())
	q := 3
	ptr := &q
	fmt.Println(*ptr+func() int { *ptr = 30; return 0 }(), q)
	l1, l2 := len(s), h()
	fmt.Println(l1, l2, len(s))
	st := "ab"
	cs := func() int { st = "xyz"; return 0 }
	bs, _ := []byte(st), cs()
	fmt.Println(string(bs), st)
	r := []int{g, f(), g}
	fmt.Println(r)
	fmt.Println(min(g, f()), g)
}
