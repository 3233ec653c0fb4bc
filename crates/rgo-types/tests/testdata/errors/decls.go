package main

import "fmt"

type T struct{ t T } // ERROR "invalid recursive type: T refers to itself"
type A [2]B // ERROR "invalid recursive type A"
type B struct{ a A }

type I interface{ M() }
type S struct{}

func (s *S) M() {}

func (s *S) M() {} // ERROR "method S\\.M already declared at \\./x\\.go:12:13"

var x, y = 1 // ERROR "assignment mismatch: 2 variables but 1 value"

const c int = "s" // ERROR "cannot use \"s\" \\(untyped string constant\\) as int value in constant declaration"

func main() {
	var i I = S{} // ERROR "cannot use S\\{\\} \\(value of struct type S\\) as I value in variable declaration: S does not implement I \\(method M has pointer receiver\\)"
	_ = i
	fmt.Println(x, y)
}

func f() int {
} // ERROR "missing return"
