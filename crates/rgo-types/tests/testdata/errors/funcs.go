package main

func one() int { return 1 }
func two() (int, int) { return 1, 2 }
func none() {}

func main() {
	x := none() // ERROR "none\\(\\) \\(no value\\) used as value"
	a, b, c := two() // ERROR "assignment mismatch: 3 variables but two returns 2 values"
	var d int = two() // ERROR "multiple-value two\\(\\) \\(value of type \\(int, int\\)\\) in single-value context"
	go one // ERROR "expression in go must be function call"
	defer len("a") // ERROR "defer discards result of len\\(\"a\"\\) \\(constant 1 of type int\\)"
	_ = one
	f := func(x int) int { return x }
	f("s") // ERROR "cannot use \"s\" \\(untyped string constant\\) as int value in argument to f"
	var y int // ERROR "declared and not used: y"
	y := 2 // ERROR "no new variables on left side of :="
	_, _, _, _, _ = x, a, b, c, d
}
