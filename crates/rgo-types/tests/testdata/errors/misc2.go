package main

type I interface{ M() }

type T struct {
	A
	B
}

type A struct{ X, Y int }
type B struct{ Y int }

func f() (int, []int) { return 0, nil }
func g(a, b int)     {}

func main() {
	x := 1
	var v x // ERROR "x \\(local variable\\) is not a type"
	var p *I
	var i I = p // ERROR "cannot use p \\(variable of type \\*I\\) as I value in variable declaration: \\*I does not implement I \\(type \\*I is pointer to interface, not interface\\)"
	_ = T{X: 1}
	_ = T{A: A{}, X: 2} // ERROR "cannot specify promoted field X and enclosing embedded field A"
	g(f()) // ERROR "cannot use f\\(\\) \\(value of type \\[\\]int\\) as int value in argument to g"
	_ = append(nil, 1) // ERROR "invalid append: argument must be a slice; have untyped nil"
	new = nil // ERROR "new \\(built-in\\) must be called"
	_, _ = v, i
	const c = 1
	var _ c // ERROR "c \\(constant\\) is not a type"
}
