package main

func f(a int, b string) {}
func v(a int, b ...string) {}

func main() {
	f(1) // ERROR "not enough arguments in call to f"
	f(1, "a", 3) // ERROR "too many arguments in call to f"
	f("a", 1) // ERROR "cannot use \"a\" \\(untyped string constant\\) as int value in argument to f" "cannot use 1 \\(untyped int constant\\) as string value in argument to f"
	v() // ERROR "not enough arguments in call to v"
	v(1, 2) // ERROR "cannot use 2 \\(untyped int constant\\) as string value in argument to v"
	var s []int
	v(1, s...) // ERROR "cannot use s \\(variable of type \\[\\]int\\) as \\[\\]string value in argument to v"
	x := 5
	x() // ERROR "invalid operation: cannot call x \\(variable of type int\\): int is not a function"
	f(1, "a").y // ERROR "f\\(1, \"a\"\\) \\(no value\\) used as value or type"
}
