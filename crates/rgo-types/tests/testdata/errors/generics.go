package main

type Number interface {
	~int | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type List[T any] struct {
	next *List[T]
	val  T
}

func Map[T, U any](xs []T, f func(T) U) []U { return nil }

func main() {
	_ = Sum([]string{"a"}) // ERROR "string does not satisfy Number \\(string missing in ~int \\| ~float64\\)"
	_ = Sum[int, int] // ERROR "got 2 type arguments but want 1"
	var l List // ERROR "cannot use generic type List\\[T any\\] without instantiation"
	_ = l
	_ = Map([]int{1}, 2) // ERROR "in call to Map, cannot infer U \\(declared at \\./x\\.go:20:13\\)"
	_ = Sum // ERROR "cannot use generic function Sum without instantiation"
}
