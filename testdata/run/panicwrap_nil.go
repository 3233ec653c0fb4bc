package main

import "fmt"

type T int

func (t T) F() int { return int(t) }

type S struct{ a, b string }

func (s S) Name() string { return s.a + s.b }

type I interface{ F() int }
type N interface{ Name() string }

var gi I
var gn N

//go:noinline
func call(i I) int { return i.F() }

// Calling a value method through a nil pointer in an interface (where
// the compiler cannot see the dynamic type) panics with Go's panicwrap
// message.
func main() {
	one := T(1)
	fmt.Println(call(&one))
	gn = &S{"x", "y"}
	fmt.Println(gn.Name())
	func() {
		defer func() { fmt.Println(recover()) }()
		var p *T
		gi = p
		call(gi)
	}()
	var sp *S
	gn = sp
	defer func() {
		e := recover().(error)
		fmt.Println(e.Error())
	}()
	gn.Name()
}
