package main

import "fmt"

type number interface{ ~int | ~float64 }

func Box[T number]() (any, any, any) {
	type Local struct{ v T }
	type G[U any] struct {
		t T
		u U
	}
	return Local{}, G[int]{}, G[string]{}
}

type MyInt int

// A type declared inside a generic function is a distinct type in each
// instance; the same instance gives the same type.
func main() {
	a1, g1, h1 := Box[int]()
	a2, g2, h2 := Box[float64]()
	a3, g3, h3 := Box[int]()
	a4, _, _ := Box[MyInt]()
	fmt.Println(a1 == a2, a1 == a3, a1 == a4)
	fmt.Println(g1 == g2, g1 == g3, h1 == h3, h1 == h2, g1 == h1)
	_, ok := a1.(interface{})
	fmt.Println(ok)
	type Plain struct{ x int }
	fmt.Println(Plain{1} == Plain{1})
}
