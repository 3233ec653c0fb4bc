package main

import "fmt"

type T struct{ x int }

func (t T) Get() int { return t.x }

func (int) Bad() {} // ERROR "cannot define new methods on non-local type int"

func main() {
	var p *T
	_ = p.Get()
	x := nil // ERROR "declared and not used: x" "use of untyped nil in assignment"
	var f func()
	_ = f == f // ERROR "invalid operation: f == f \\(func can only be compared to nil\\)"
	var i interface{} = 1
	n := i + 1 // ERROR "invalid operation: i \\+ 1 \\(mismatched types interface\\{\\} and untyped int\\)"
	_ = n
	var s string = 'a' // ERROR "cannot use 'a' \\(untyped rune constant 97\\) as string value in variable declaration"
	_ = s
	fmt.Println("x" * 2) // ERROR "invalid operation: \"x\" \\* 2 \\(mismatched types untyped string and untyped int\\)"
	var a [3]int
	_ = a[5] // ERROR "invalid argument: index 5 out of bounds \\[0:3\\]"
}
