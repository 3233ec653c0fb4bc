package main

type T struct{ a int }

func (T) m() {}

func main() {
	var t T
	t.b = 1 // ERROR "t\\.b undefined \\(type T has no field or method b\\)"
	t.m(1) // ERROR "too many arguments in call to t\\.m"
	var x int = 1.5 // ERROR "cannot use 1\\.5 \\(untyped float constant\\) as int value in variable declaration \\(truncated\\)"
	var u uint8 = 256 // ERROR "cannot use 256 \\(untyped int constant\\) as uint8 value in variable declaration \\(overflows\\)"
	_ = x
	_ = u
	var f float64
	_ = f % 2 // ERROR "invalid operation: operator % not defined on f \\(variable of type float64\\)"
	_ = !t // ERROR "invalid operation: operator ! not defined on t \\(variable of struct type T\\)"
	_ = -"s" // ERROR "invalid operation: operator - not defined on \"s\" \\(untyped string constant\\)"
}
