package main

import "fmt"

type Ordered interface {
	~int | ~string
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Pair[K comparable, V any] struct {
	k K
	v V
}

func Show[T fmt.Stringer](x T) string { return x.String() }

func Bad[T any](a, b T) bool {
	return a == b // ERROR "invalid operation: a == b \\(incomparable types in type set\\)"
}

func Add[T any](a, b T) T {
	return a + b // ERROR "invalid operation: operator \\+ not defined on a \\(variable of type T constrained by any\\)"
}

func main() {
	_ = Max(1, "a") // ERROR "in call to Max, mismatched types untyped int and untyped string \\(cannot infer T\\)"
	_ = Max(1.5, 2.5) // ERROR "float64 does not satisfy Ordered \\(float64 missing in ~int \\| ~string\\)"
	_ = Pair[[]int, int]{} // ERROR "\\[\\]int does not satisfy comparable"
	_ = Show(3) // ERROR "int does not satisfy fmt\\.Stringer \\(missing method String\\)"
	var p Pair[string] // ERROR "not enough type arguments for type Pair: have 1, want 2"
	_ = p
	var x int = Max[string]("a", "b") // ERROR "cannot use Max\\[string\\]\\(\"a\", \"b\"\\) \\(value of type string\\) as int value in variable declaration"
	_ = x
}
