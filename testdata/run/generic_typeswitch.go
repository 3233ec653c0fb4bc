// Type switches and assertions on type-parameter values, switches whose
// tag and cases mix a type parameter's type with interfaces, comparisons
// of type-parameter values with interfaces, and arrays of type-parameter
// type (addressed elements).
package main

import (
	"errors"
	"fmt"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v+1)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	case []T:
		return fmt.Sprint("slice of T ", len(v))
	case nil:
		return "nil"
	case error:
		return "error " + v.Error()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

// A type switch on a type-parameter type that matches its own type.
func IsT[T, U any](u U) (T, bool) {
	switch v := any(u).(type) {
	case T:
		return v, true
	}
	var zero T
	return zero, false
}

// Assertions to a type parameter and to an interface.
func As[T any](x any) (T, bool) {
	v, ok := x.(T)
	return v, ok
}

func Str[T any](x T) string {
	if s, ok := any(x).(fmt.Stringer); ok {
		return s.String()
	}
	return "?"
}

// The tag of a type-parameter type, cases of interface type, and the
// other way around.
func Find[T comparable](x T, cands []any) int {
	for i, c := range cands {
		switch x {
		case c:
			return i
		}
	}
	return -1
}

func FindIface[T comparable](x any, cand T) bool {
	switch x {
	case cand:
		return true
	}
	return false
}

func Eq[T comparable](x T, y any) (bool, bool) {
	a := x == y
	b := false
	if x != y {
		b = true
	}
	return a, b
}

func Count[T comparable](xs []T, y any) int {
	n := 0
	for _, x := range xs {
		if x == y {
			n++
		}
	}
	return n
}

// A local of array type given by the type argument, with its elements
// addressed.
func Bump[A interface{ ~[4]int | ~[2]int }](a A) A {
	b := a
	for i := 0; i < len(b); i++ {
		p := &b[i]
		*p += 10
	}
	return b
}

type Grid[A interface{ [3]int | []int }] struct {
	cells A
}

func (g Grid[A]) Ptr(i int) *int { return &g.cells[i] }

func main() {
	fmt.Println(Kind(3), Kind("s"), Kind(Celsius(21.5)), Kind([]int{1, 2}))
	fmt.Println(Kind[any](nil), Kind(errors.New("boom")), Kind(2.5))
	fmt.Println(Kind([][]string{{"a"}}))

	fmt.Println(IsT[int](5))
	fmt.Println(IsT[string](5))
	fmt.Println(IsT[fmt.Stringer](Celsius(1)))
	fmt.Println(As[int](7))
	fmt.Println(As[string](7))
	fmt.Println(As[error](nil))
	fmt.Println(Str(Celsius(3)), Str(4))

	cands := []any{"x", 2, Celsius(3), 4.0}
	fmt.Println(Find(2, cands), Find(Celsius(3), cands), Find(4.0, cands), Find("y", cands))
	fmt.Println(FindIface(any(5), 5), FindIface(any(5), 6), FindIface(any("a"), "a"))
	fmt.Println(Eq(1, 1))
	fmt.Println(Eq(1, int64(1)))
	fmt.Println(Eq("a", "a"))
	fmt.Println(Count([]int{1, 2, 1, 3}, 1), Count([]string{"a", "b"}, "b"), Count([]int{1}, "1"))

	fmt.Println(Bump([4]int{1, 2, 3, 4}), Bump([2]int{5, 6}))
	g := Grid[[3]int]{[3]int{1, 2, 3}}
	*g.Ptr(1) = 9
	fmt.Println(g.cells, *g.Ptr(2))
	h := Grid[[]int]{[]int{1, 2, 3}}
	*h.Ptr(1) = 9
	fmt.Println(h.cells)
}
