// Runtime names of function-scoped types (reflect, %T): the type
// arguments of the generic function declaring them, and their ·N inside
// type argument lists, as gc names them.
package main

import (
	"fmt"
	"reflect"
)

type Pair[A, B any] struct{}

func G[X any]() {
	type L int
	type P[A, B any] struct{}
	fmt.Println(reflect.TypeOf(L(0)), reflect.TypeOf(P[int, string]{}), reflect.TypeOf(Pair[L, X]{}))
	fmt.Printf("%T %T\n", L(0), P[X, L]{})
	func() {
		type C int
		fmt.Println(reflect.TypeOf(C(0)))
	}()
}

func main() {
	type L int
	type P[A, B any] struct{}
	type Q struct{ l L }
	fmt.Println(reflect.TypeOf(Pair[int, string]{}), reflect.TypeOf(L(0)), reflect.TypeOf(P[int, L]{}), reflect.TypeOf(Q{}))
	fmt.Printf("%T %v\n", P[L, Pair[L, int]]{}, reflect.TypeOf([]P[int, int]{}))
	G[int]()
	G[L]()
	fmt.Println(reflect.TypeOf(L(0)).Name(), reflect.TypeOf(P[int, L]{}).Name(), reflect.TypeOf(Pair[int, L]{}).Name())
}
